/**
 * Mutants proved true in Lean. A mutant the harness could not refute may still be a true
 * statement (an orthogonal `K`'s inverse is orthogonal too, `t⁻¹ = 1 ↔ t = 1`): each such mutant
 * becomes one `example` per cheap tactic in ONE generated, non-module Lean file (`import Sym`,
 * written to a temporary folder, never under `lean/`), compiled once with the embedded Lean. An
 * example that elaborates with no error and no `sorry` is a kernel-checked proof of the mutant:
 * the mutant is discarded as `proved`, with the tactic recorded. A mutant no tactic proves keeps
 * its class. Results (proved or not) are cached by the hash of the statement's fingerprint, the
 * mutant's Lean text and the tactic list, so a rerun compiles nothing.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LEAN_OPTIONS, oleanRoot } from "../build/layout.js";
import { acquireLock } from "../build/cache.js";
import type { LeanMessage } from "../lean/messages.js";
import { compileFile } from "../lean/run.js";
import { prepareWasmToolchain } from "../lean/toolchain.js";
import { printBinder, printExpr, type Declaration } from "../parser/index.js";
import { assertHonestTactic, MUTANT_HINTS, type EquivalenceTactic } from "./hints.js";

export type { EquivalenceTactic } from "./hints.js";

/** Bump when what a cached proof attempt means changes in a way no hashed input shows. */
export const PROVE_VERSION = "symcheck-mutate-prove-4";

/**
 * The cheap tactic tried on every mutant. `ORIG` is replaced by the proved statement's full
 * name: `grind` may instantiate the original theorem (a swapped or rewritten conclusion, a
 * stronger premise the original's premise follows from). `simp_all` was tried on every mutant of
 * two whole-library runs (85 unrefuted mutants each) and proved none, at a third of the compile:
 * it was dropped, as plain `grind` and `simp_all [statement]` were before.
 */
export const EQUIVALENCE_TACTICS: readonly EquivalenceTactic[] = [{ name: "grind [statement]", text: "grind [ORIG]" }];

/**
 * The tactics tried on a mutant of `original`: the cheap ones, then the curated hint scripts of
 * that statement (`src/mutate/hints.ts`), each checked for constructs that bypass the kernel.
 */
export function tacticsFor(original: string, hints: Readonly<Record<string, readonly EquivalenceTactic[]>> = MUTANT_HINTS, statement?: string): EquivalenceTactic[] {
  const all = [...EQUIVALENCE_TACTICS, ...(hints[original] ?? []).filter((t) => !t.when || statement === undefined || t.when.test(statement))];
  for (const t of all) assertHonestTactic(t);
  return all;
}

/** Lean stops a file after `maxErrors` errors (100 by default); every failed attempt is one. */
const MAX_ERRORS = 1_000_000;

/** Heartbeats per example (Lean's default is 200,000): a failing `grind` stops early. */
export const EXAMPLE_HEARTBEATS = 100_000;

export interface EquivalenceCandidate {
  /** Identifies the mutant in the answer (its cache key). */
  id: string;
  /** The proved statement's full name (`Sym.Autoencoder.tied_penalty_eq_iff`). */
  original: string;
  /** Fingerprint of the statement the mutant derives from (part of the cache key). */
  statementHash: string;
  /** The mutated declaration. */
  decl: Declaration;
}

export interface ProofAttempt {
  /** The tactic that proved the mutant, or null when none did. */
  tactic: string | null;
  /** The example that proved it, as compiled. */
  proof?: string;
}

/** The tactics tried on one mutant: the cheap ones and the hints of its statement that apply to it. */
export function candidateTactics(c: EquivalenceCandidate): EquivalenceTactic[] {
  return tacticsFor(c.original, MUTANT_HINTS, leanStatement(c.decl));
}

/** The mutant as a Lean statement: every header binder (instances included) and the proposition. */
export function leanStatement(d: Declaration): string {
  const binders = d.binders.map(printBinder).join(" ");
  return `${binders}${binders ? " " : ""}: ${printExpr(d.type)}`;
}

function namespaceOf(fullName: string): string {
  const i = fullName.lastIndexOf(".");
  return i < 0 ? "" : fullName.slice(0, i);
}

/** The cache key of one candidate (its tactics: the cheap ones and its statement's hints). */
export function candidateKey(c: EquivalenceCandidate, tactics: readonly EquivalenceTactic[] = candidateTactics(c)): string {
  const h = createHash("sha256");
  for (const part of [PROVE_VERSION, c.original, c.statementHash, leanStatement(c.decl), String(EXAMPLE_HEARTBEATS), ...tactics.map((t) => t.text)]) h.update(`${part}\0`);
  return h.digest("hex");
}

export interface ExampleSpan {
  id: string;
  tactic: string;
  /** The theorem's name in its namespace (`symcheckMutant_3_1`). */
  name: string;
  /** 1-based lines of the theorem, inclusive. */
  from: number;
  to: number;
  /** The line of its `#check`. */
  checkLine: number;
  text: string;
}

/**
 * The Lean file: one theorem per candidate and tactic, each in its statement's namespace and
 * followed by `#check` of its name, whose answer is the positive evidence that the compile
 * reached it and added it. (`#print axioms` is refused here: the embedded Lean compiles every
 * file as a module.) The tactics contain no `sorry`; a theorem whose elaboration fails gets an
 * error in its lines.
 */
export function equivalenceFile(cands: readonly EquivalenceCandidate[], tacticsOf: (c: EquivalenceCandidate) => readonly EquivalenceTactic[] = candidateTactics): { text: string; spans: ExampleSpan[] } {
  const lines = ["import Sym", "", "universe u v w", "", `set_option maxHeartbeats ${EXAMPLE_HEARTBEATS}`, ""];
  const spans: ExampleSpan[] = [];
  cands.forEach((c, i) => {
    const ns = namespaceOf(c.original);
    tacticsOf(c).forEach((t, j) => {
      assertHonestTactic(t);
      const name = `symcheckMutant_${i}_${j}`;
      const body = t.text.replace(/ORIG/g, c.original).split("\n");
      const thm = [`theorem ${name} ${leanStatement(c.decl)} := by`, ...body.map((l) => `  ${l}`)];
      if (ns) lines.push(`namespace ${ns}`);
      // `open Classical` as the library's ReLU file does: a `decide` on a proposition needs it.
      lines.push("open Classical in");
      const from = lines.length + 1;
      lines.push(...thm);
      lines.push(`#check @${name}`);
      spans.push({ id: c.id, tactic: t.name, name, from, to: from + thm.length - 1, checkLine: lines.length, text: thm.join("\n") });
      if (ns) lines.push(`end ${ns}`);
      lines.push("");
    });
  });
  return { text: `${lines.join("\n")}\n`, spans };
}

/**
 * The candidates proved, from the compiler's messages: a theorem with no error and no `sorry` in
 * its lines whose `#check` answered. A theorem whose answer is missing (the compile stopped
 * before it) is no proof.
 */
export function provedBy(messages: readonly LeanMessage[], spans: readonly ExampleSpan[]): Map<string, ProofAttempt> {
  const out = new Map<string, ProofAttempt>();
  for (const s of spans) if (!out.has(s.id)) out.set(s.id, { tactic: null });
  const bad = messages.filter((m) => m.severity === "error" || m.kind === "hasSorry" || /sorry/.test(m.text));
  for (const s of spans) {
    const got = out.get(s.id) as ProofAttempt;
    if (got.tactic !== null) continue;
    if (bad.some((m) => m.line >= s.from && m.line <= s.checkLine)) continue;
    const answered = messages.some((m) => m.line === s.checkLine && m.severity === "information" && m.text.includes(s.name));
    if (!answered) continue;
    out.set(s.id, { tactic: s.tactic, proof: s.text });
  }
  return out;
}

interface CacheEntry {
  format: 1;
  key: string;
  attempt: ProofAttempt;
}

function readCached(dir: string, key: string): ProofAttempt | undefined {
  try {
    const e = JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), "utf8")) as Partial<CacheEntry>;
    if (e.format !== 1 || e.key !== key || !e.attempt || (e.attempt.tactic !== null && typeof e.attempt.tactic !== "string")) return undefined;
    return e.attempt;
  } catch {
    return undefined;
  }
}

function writeCached(dir: string, key: string, attempt: ProofAttempt): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${key}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ format: 1, key, attempt } satisfies CacheEntry)}\n`);
  fs.renameSync(tmp, file);
}

export interface ProveOptions {
  root: string;
  /** Folder of the cached attempts. */
  cacheDir: string;
  force?: boolean;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Lean files compiled at the same time (default 2). */
  jobs?: number;
  /** Compiles a Lean file (tests replace it); the default runs the embedded toolchain. */
  compile?: (file: string, dir: string) => Promise<{ ok: boolean; messages: LeanMessage[]; seconds: number; detail: string }>;
}

export interface ProveSummary {
  attempts: Map<string, ProofAttempt>;
  /** Candidates answered from the cache. */
  reused: number;
  /** Seconds of the longest of the Lean compiles (0 when everything was cached). */
  seconds: number;
  /** Why the compile gave no answer (the candidates keep their class), if it did not. */
  problem?: string;
}

async function defaultCompile(root: string, file: string, dir: string, timeoutMs: number): Promise<{ ok: boolean; messages: LeanMessage[]; seconds: number; detail: string }> {
  const tc = prepareWasmToolchain({ projectRoot: root });
  const r = await compileFile(tc, { file, srcRoot: dir, olean: file.replace(/\.lean$/, ".olean"), searchPath: [oleanRoot(root)], cwd: oleanRoot(root), timeoutMs, options: [...LEAN_OPTIONS, `maxErrors=${MAX_ERRORS}`] });
  // Every proof needs its own `#check` answer, so a compile that stopped early proves only what it reached.
  return { ok: r.messages.length > 0, messages: r.messages, seconds: r.seconds, detail: r.timedOut ? `timed out after ${timeoutMs / 1000} s` : r.diagnostics.slice(0, 3).join(" | ") };
}

/**
 * The candidates in `parts` groups of about equal numbers of examples (theorems), largest first:
 * each group is one file, the files are compiled at the same time.
 */
export function splitCandidates<C extends EquivalenceCandidate>(cands: readonly C[], parts: number): C[][] {
  const groups: Array<{ items: C[]; size: number }> = Array.from({ length: Math.max(1, Math.min(parts, cands.length)) }, () => ({ items: [], size: 0 }));
  const sized = cands.map((c) => ({ c, size: candidateTactics(c).length })).sort((a, b) => b.size - a.size);
  for (const { c, size } of sized) {
    const g = groups.reduce((m, x) => (x.size < m.size ? x : m));
    g.items.push(c);
    g.size += size;
  }
  return groups.map((g) => g.items).filter((g) => g.length > 0);
}

/**
 * Tries to prove every candidate (cached ones are not compiled again): one Lean file per job
 * (`jobs`, default 2), compiled at the same time.
 */
export async function proveCandidates(cands: readonly EquivalenceCandidate[], opts: ProveOptions): Promise<ProveSummary> {
  const attempts = new Map<string, ProofAttempt>();
  const todo: Array<EquivalenceCandidate & { key: string }> = [];
  let reused = 0;
  for (const c of cands) {
    const key = candidateKey(c);
    const hit = opts.force ? undefined : readCached(opts.cacheDir, key);
    if (hit) {
      attempts.set(c.id, hit);
      reused++;
    } else if (!todo.some((t) => t.id === c.id)) todo.push({ ...c, key });
  }
  if (todo.length === 0) return { attempts, reused, seconds: 0 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "symcheck-equivalence-"));
  const groups = splitCandidates(todo, opts.jobs ?? 2).map((g, i) => {
    const { text, spans } = equivalenceFile(g);
    const file = path.join(dir, `Equivalence${i}.lean`);
    fs.writeFileSync(file, text);
    return { cands: g, spans, file };
  });
  const examples = groups.reduce((n, g) => n + g.spans.length, 0);
  opts.log?.(`Lean: ${todo.length} mutants, the cheap tactic and the hints of their statements (${examples} theorems), in ${groups.length} file${groups.length === 1 ? "" : "s"} compiled at once`);
  // The compiles import the library's .olean files: keep a proof build from replacing them meanwhile.
  const release = opts.compile ? () => undefined : await acquireLock(oleanRoot(opts.root), () => undefined);
  try {
    const timeoutMs = opts.timeoutMs ?? 600_000;
    const results = await Promise.all(groups.map((g) => (opts.compile ? opts.compile(g.file, dir) : defaultCompile(opts.root, g.file, dir, timeoutMs))));
    const problems: string[] = [];
    results.forEach((r, i) => {
      const g = groups[i] as (typeof groups)[number];
      if (!r.ok) {
        problems.push(`the Lean compile of ${g.cands.length} mutants gave no answer: ${r.detail}`);
        return;
      }
      const got = provedBy(r.messages, g.spans);
      for (const c of g.cands) {
        const a = got.get(c.id) ?? { tactic: null };
        attempts.set(c.id, a);
        writeCached(opts.cacheDir, c.key, a);
      }
    });
    const seconds = Math.round(Math.max(...results.map((r) => r.seconds)) * 10) / 10;
    return { attempts, reused, seconds, ...(problems.length > 0 ? { problem: problems.join("; ") } : {}) };
  } finally {
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
