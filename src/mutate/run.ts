/**
 * The mutation run: which statements are mutated (the registry's proved statements), their
 * mutants and cache keys, how each outcome counts, and the tallies of `out/mutation.json`.
 * I/O is limited to the cache folder; the command line lives in `src/cli/mutate.ts`.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ProofsFile } from "../build/types.js";
import type { Library, LibraryDeclaration } from "../parser/index.js";
import { assessDeclaration, indexProofs } from "../report/evidence.js";
import type { KeyBuilder } from "../runner/cache.js";
import type { Selected } from "../runner/select.js";
import type { Registry as ClaimsRegistry } from "../spec/types.js";
import type { Registry } from "../semantics/registry.js";
import { MIN_MUTANT_PREMISE_RUNS } from "./check.js";
import { mutantsOf, OPERATORS, type Mutant } from "./operators.js";
import type { ClaimMutation, DeclarationMutation, MutantClass, MutantEntry, MutantOutcome, MutantTask, Tally } from "./types.js";

/** Bump when what a cached mutant outcome means changes in a way no hashed input shows. */
export const MUTATE_VERSION = "symcheck-mutate-1";
export const MUTATION_CACHE_DIR = path.join(".cache", "mutation");

/** A statement to mutate: a clean theorem the registry lists with role `statement`. */
export interface Target {
  declaration: string;
  claims: string[];
  statementHash: string;
  decl: LibraryDeclaration;
  concrete?: Record<string, string>;
}

/**
 * The registry's proved statements: declarations with role `statement` (checked numerically)
 * that are kernel-checked theorems in `out/proofs.json` (built, no sorry, no forbidden construct).
 */
export function provedStatements(claims: ClaimsRegistry, proofs: ProofsFile, lib: Library, selected: readonly Selected[], only?: string): { targets: Target[]; skipped: Array<{ declaration: string; claim: string; reason: string }> } {
  const index = indexProofs(proofs);
  const byName = new Map<string, Target>();
  const skipped: Array<{ declaration: string; claim: string; reason: string }> = [];
  for (const c of claims.claims) {
    if (only && c.id !== only) continue;
    for (const cd of c.declarations) {
      if (cd.role !== "statement") continue;
      const ev = assessDeclaration(cd, index);
      if (!ev.ok || !ev.isTheorem) continue;
      if (cd.numeric === false) {
        skipped.push({ declaration: cd.name, claim: c.id, reason: "the registry marks it `numeric: false`" });
        continue;
      }
      const decl = lib.byName.get(cd.name);
      if (!decl || !decl.parsed.ok) {
        skipped.push({ declaration: cd.name, claim: c.id, reason: decl ? "its statement does not parse" : "not found in lean/" });
        continue;
      }
      const prev = byName.get(cd.name);
      if (prev) {
        prev.claims.push(c.id);
        continue;
      }
      const sel = selected.find((s) => s.decl.name === cd.name);
      const t: Target = { declaration: cd.name, claims: [c.id], statementHash: ev.hash ?? "", decl };
      const concrete = sel?.concrete ?? cd.instantiate;
      if (concrete && Object.keys(concrete).length > 0) t.concrete = { ...concrete };
      byName.set(cd.name, t);
    }
  }
  return { targets: [...byName.values()], skipped };
}

/** JSON without source positions. */
function withoutPositions(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (k === "range" || k === "nameRange" ? undefined : v));
}

export interface Budget {
  runs: number;
  seed: number;
  timeLimitMs: number;
}

/** The cache key of one mutant: the statement's numeric record key, the mutated term, the budget. */
export function mutantKey(keys: KeyBuilder, t: Target, claimId: string, mutatedDecl: unknown, budget: Budget, checkSource: string): string {
  const sel: Selected = { decl: t.decl, claimId, conjecture: false, role: "statement", ...(t.concrete ? { concrete: t.concrete } : {}) };
  const base = keys.key(sel, { seed: budget.seed, runs: budget.runs, timeLimitMs: budget.timeLimitMs });
  const h = createHash("sha256");
  for (const part of [MUTATE_VERSION, base.key, checkSource, withoutPositions(mutatedDecl), String(budget.runs), String(budget.seed), String(budget.timeLimitMs)]) h.update(`${part}\0`);
  return h.digest("hex");
}

/** Hash of the mutant checker's own source (the operators' effect is in the mutated term itself). */
export function checkerSourceHash(root: string): string {
  const h = createHash("sha256");
  for (const f of ["src/mutate/check.ts", "src/mutate/worker.ts"]) {
    try {
      h.update(fs.readFileSync(path.join(root, f)));
    } catch {
      h.update("missing");
    }
  }
  return h.digest("hex");
}

export interface Planned {
  target: Target;
  baseline: MutantTask;
  mutants: Array<{ mutant: Mutant; task?: MutantTask }>;
}

/** Mutants of every target, with a task for each one that has to be checked. */
export function planMutants(lib: Library, registry: Registry, keys: KeyBuilder, targets: readonly Target[], budget: Budget, checkSource: string): Planned[] {
  return targets.map((t) => {
    const claimId = t.claims[0] as string;
    const mk = (index: number, decl: unknown): MutantTask => ({
      key: mutantKey(keys, t, claimId, decl, budget, checkSource),
      claimId,
      declaration: t.declaration,
      index,
      decl,
      ...(t.concrete ? { concrete: t.concrete } : {}),
    });
    const original = (t.decl.parsed as { ok: true; value: unknown }).value;
    const mutants = mutantsOf(lib, registry, t.decl).map((mutant, i) => (mutant.discard ? { mutant } : { mutant, task: mk(i, mutant.decl) }));
    return { target: t, baseline: mk(-1, original), mutants };
  });
}

/** Why the statement's own check at the mutation budget gives its mutants nothing to compare with (undefined: run them). */
export function baselineProblem(o: MutantOutcome): string | undefined {
  if (o.status === "passed" && o.coverage === "exhaustive") return undefined;
  // A weak baseline still runs its mutants: a counterexample kills, a pass stays a survivor.
  if (o.status === "passed" && (o.premisesHeld ?? 0) > 0) return undefined;
  if (o.status === "passed") return `the statement's premises never held at this budget (${o.runs ?? 0} runs)`;
  if (o.status === "killed" || o.status === "potential" || o.status === "unconfirmed") return "the statement's own check reports a counterexample";
  return `the harness does not check the statement: ${o.message ?? o.status}`;
}

/**
 * How a checked mutant counts. (A mutant that differs from its statement only at a natural equal
 * to 0 is no longer special: the harness draws sizes and naturals from 0.)
 */
export function classify(o: MutantOutcome): { class: MutantClass; reason?: "decided"; note?: string } {
  if (o.status === "killed") return { class: "killed" };
  if (o.status === "passed" && o.coverage === "exhaustive" && o.mode === "exact") {
    return { class: "discarded", reason: "decided", note: "a closed statement evaluated exactly over all its cases: decided true" };
  }
  if (o.status === "passed" && (o.undefinedSkipped ?? 0) > 0) {
    return { class: "survived", note: `no counterexample where the harness's arithmetic is defined; ${o.undefinedSkipped} inputs divided by zero (Lean's field has x / 0 = 0 there, which the harness does not evaluate)` };
  }
  if (o.status === "passed" && (o.premisesHeld ?? 0) >= MIN_MUTANT_PREMISE_RUNS) return { class: "equivalent?", note: `no counterexample in ${o.runs} runs (premises held in ${o.premisesHeld})` };
  const why: Record<MutantOutcome["status"], string> = {
    killed: "",
    passed: `weak: premises held in ${o.premisesHeld ?? 0} of ${o.runs ?? 0} runs`,
    potential: "a floating-point counterexample that 60-digit decimals do not confirm",
    unconfirmed: "a counterexample that does not re-check (harness error)",
    unsupported: `not checked: ${o.message ?? ""}`,
    error: `harness error: ${o.message ?? ""}`,
  };
  return { class: "survived", note: why[o.status] };
}

export function emptyTally(): Tally {
  return { mutants: 0, killed: 0, discarded: 0, survived: 0, "equivalent?": 0, score: null };
}

export function addTo(t: Tally, e: MutantEntry): void {
  t.mutants++;
  t[e.class]++;
  const live = t.mutants - t.discarded;
  t.score = live > 0 ? t.killed / live : null;
}

export function claimTallies(decls: readonly DeclarationMutation[], unchecked: ReadonlyMap<string, Array<{ declaration: string; reason: string }>>, claimOrder: readonly string[]): ClaimMutation[] {
  const out: ClaimMutation[] = [];
  for (const id of claimOrder) {
    const mine = decls.filter((d) => d.claims.includes(id));
    const un = unchecked.get(id) ?? [];
    if (mine.length === 0 && un.length === 0) continue;
    const c: ClaimMutation = { id, declarations: mine.map((d) => d.declaration), ...emptyTally(), unchecked: [...un], survivors: [] };
    for (const d of mine) {
      for (const e of d.mutants) {
        addTo(c, e);
        if (e.class === "survived" || e.class === "equivalent?") {
          c.survivors.push({ declaration: d.declaration, operator: e.operator, statement: e.statement, description: e.description, class: e.class, why: e.note ?? "" });
        }
      }
    }
    out.push(c);
  }
  return out;
}

export function operatorTallies(decls: readonly DeclarationMutation[]): Record<string, Tally> {
  const out: Record<string, Tally> = Object.fromEntries(OPERATORS.map((o) => [o, emptyTally()]));
  for (const d of decls) for (const e of d.mutants) addTo(out[e.operator] as Tally, e);
  return out;
}

// ---- cache ----

interface CacheEntry {
  format: 1;
  key: string;
  outcome: MutantOutcome;
}

function validOutcome(o: unknown): o is MutantOutcome {
  if (!o || typeof o !== "object") return false;
  const x = o as Partial<MutantOutcome>;
  return typeof x.status === "string" && ["killed", "potential", "unconfirmed", "passed", "unsupported", "error"].includes(x.status) && typeof x.seconds === "number";
}

/** A cached outcome, or undefined (missing or damaged entries are recomputed, never trusted). */
export function cached(dir: string, key: string): MutantOutcome | undefined {
  try {
    const e = JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), "utf8")) as Partial<CacheEntry>;
    if (e.format !== 1 || e.key !== key || !validOutcome(e.outcome)) return undefined;
    return e.outcome;
  } catch {
    return undefined;
  }
}

export function storeCached(dir: string, key: string, outcome: MutantOutcome): void {
  // Harness errors are not cached: they may come from the machine (a worker killed, no memory).
  if (outcome.status === "error") return;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${key}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ format: 1, key, outcome } satisfies CacheEntry)}\n`);
  fs.renameSync(tmp, file);
}

/** Time factor of the second check of a survivor the budget cut short (interrupted, weak, too many discarded runs). */
export const EXTENDED_TIME_FACTOR = 4;

/**
 * Whether a survivor's check was cut short by the budget, so that a longer check could decide
 * it: a pass whose premises held too rarely (weak), or a check that stopped at its time limit
 * or at too many discarded runs. Mutants the harness cannot check at all (no generator, a
 * harness error, a potential counterexample) are not retried: more time does not help them.
 */
export function cutShort(o: MutantOutcome): boolean {
  if (o.status === "passed") return (o.undefinedSkipped ?? 0) === 0 && (o.premisesHeld ?? 0) < MIN_MUTANT_PREMISE_RUNS;
  if (o.status === "unsupported") return /interrupted after|too many discarded runs/.test(o.message ?? "");
  return false;
}

/** The budget of the second check: the same runs and seed, `EXTENDED_TIME_FACTOR` times the time. */
export function extendedBudget(budget: Budget): Budget {
  return { ...budget, timeLimitMs: budget.timeLimitMs * EXTENDED_TIME_FACTOR };
}
