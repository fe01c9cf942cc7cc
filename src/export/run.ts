/**
 * The export stage: after the proof build, one Lean run prints the elaborated type (and body) of
 * every declaration the source scanner found, cached by the imported modules' traces like a module.
 * A second, small run follows only when bodies mention library constants that have no source
 * declaration of their own (instances with automatic names, such as `Sym.Mat.instHMul`); their
 * names are remembered, so the next export asks for them in its first run.
 */
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { readTrace, writeFileAtomic } from "../build/cache.js";
import type { DeclarationRecord, ProofsFile } from "../build/types.js";
import { compileFile } from "../lean/run.js";
import type { LeanMessage } from "../lean/messages.js";
import type { Toolchain } from "../lean/toolchain.js";
import { exportSource, parseCheck, parsePrint, type ExportRequest } from "./source.js";
import { EXPORT_VERSION, type ExportedDeclaration, type ExportFile } from "./types.js";

export interface ExportOptions {
  projectRoot: string;
  /** Folder of the built `.olean` files (with their traces). */
  buildDir: string;
  /** Folder for the export's Lean file and its cache. */
  cacheDir: string;
  toolchain: Toolchain;
  proofs: ProofsFile;
  timeoutMs: number;
  leanOptions?: string[];
  log: (line: string) => void;
}

export interface ExportProblem {
  /** The declaration whose export failed (or `undefined` for the run as a whole). */
  name?: string;
  message: string;
}

export type ExportOutcome = { ok: true; value: ExportFile } | { ok: false; problems: ExportProblem[] };

const CACHE_FILE = "export.json";
const AUX_RE = /(^|\.)(_proof_\d+|match_\d+|mk|rec|recOn|casesOn|brecOn|below|noConfusion|noConfusionType|_sunfold|_unary|eq_\d+|eq_def|ctorIdx|_private)$|\._proof_|\._closed_/;

function oleanOf(buildDir: string, mod: string): string {
  return path.join(buildDir, ...mod.split(".")) + ".olean";
}

/** Constants of the library's namespaces that a term mentions. */
export function mentionedConstants(text: string, roots: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.'!?₀-₉])@?((?:«[^»]*»|[\p{L}_][\p{L}\p{N}_'!?₀-₉]*)(?:\.(?:«[^»]*»|[\p{L}_][\p{L}\p{N}_'!?₀-₉]*))*)/gu)) {
    const name = m[1]!.replace(/«([^»]*)»/g, "$1");
    if (roots.has(name.split(".")[0]!)) out.add(name);
  }
  return out;
}

/** Whether the declaration's source line carries `private` (before its keyword). */
export function isPrivateDeclaration(root: string, d: Pick<DeclarationRecord, "file" | "line">): boolean {
  try {
    const line = fs.readFileSync(path.resolve(root, d.file), "utf8").split("\n")[d.line - 1] ?? "";
    return /^\s*(@\[[^\]]*\]\s*)*(\w+\s+)*private\s/.test(line);
  } catch {
    return false;
  }
}

function readCache(file: string): ExportFile | undefined {
  try {
    const f = JSON.parse(fs.readFileSync(file, "utf8")) as ExportFile;
    return f.exportVersion === EXPORT_VERSION && typeof f.inputHash === "string" && f.declarations ? f : undefined;
  } catch {
    return undefined;
  }
}

interface RunAnswer {
  decls: Map<string, Partial<ExportedDeclaration> & { name: string }>;
  errors: { name: string; text: string; line: number }[];
  seconds: number;
  failure?: string;
}

async function runLean(opts: ExportOptions, modules: string[], requests: ExportRequest[]): Promise<RunAnswer> {
  const src = exportSource(modules, requests);
  const dir = path.resolve(opts.cacheDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "Export.lean");
  fs.writeFileSync(file, src.text);
  const res = await compileFile(opts.toolchain, {
    file,
    srcRoot: dir,
    olean: path.join(dir, "Export.olean"),
    searchPath: [path.resolve(opts.buildDir)],
    cwd: dir,
    timeoutMs: opts.timeoutMs,
    ...(opts.leanOptions ? { options: opts.leanOptions } : {}),
  });
  const decls: RunAnswer["decls"] = new Map();
  const errors: RunAnswer["errors"] = [];
  const byLine = (m: LeanMessage) => src.lines.get(m.line);
  for (const m of res.messages) {
    const cmd = byLine(m);
    if (m.severity === "error") {
      errors.push({ name: cmd?.name ?? "(export header)", text: m.text, line: m.line });
      continue;
    }
    if (!cmd || m.severity !== "information") continue;
    const d = decls.get(cmd.name) ?? { name: cmd.name };
    if (cmd.command === "check") {
      const c = parseCheck(m.text);
      if (!c) errors.push({ name: cmd.name, text: `cannot read Lean's answer to #check: ${m.text.slice(0, 200)}`, line: m.line });
      else Object.assign(d, { type: c.type, universes: c.universes });
    } else {
      const p = parsePrint(m.text);
      if (!p) errors.push({ name: cmd.name, text: `cannot read Lean's answer to #print: ${m.text.slice(0, 200)}`, line: m.line });
      else {
        d.kind = p.kind;
        if (p.value !== undefined) d.value = p.value;
        if (p.fields) d.fields = p.fields;
      }
    }
    decls.set(cmd.name, d);
  }
  const out: RunAnswer = { decls, errors, seconds: res.seconds };
  if (res.timedOut) out.failure = `the export run was killed after ${Math.round(opts.timeoutMs / 1000)} s`;
  else if (res.exitCode !== 0 && errors.length === 0) out.failure = `Lean exited with code ${res.exitCode}: ${res.diagnostics.slice(-3).join(" | ")}`;
  return out;
}

function kindOf(d: DeclarationRecord): ExportedDeclaration["kind"] {
  if (d.kind === "lemma") return "theorem";
  if (d.kind === "abbrev") return "def";
  return d.kind;
}

/** Exports every declaration of the modules that built; reuses the cached export when nothing changed. */
export async function runExport(opts: ExportOptions): Promise<ExportOutcome> {
  const built = opts.proofs.modules.filter((m) => m.status === "built" || m.status === "cached").map((m) => m.name);
  const builtSet = new Set(built);
  const scanned = opts.proofs.declarations.filter((d) => builtSet.has(d.module) && !d.name.includes("@"));
  const h = createHash("sha256");
  h.update(`export\0${EXPORT_VERSION}\0${opts.toolchain.fingerprint}\0${(opts.leanOptions ?? []).join(" ")}\0`);
  for (const mod of [...built].sort()) {
    const t = readTrace(oleanOf(opts.buildDir, mod));
    if (!t || !t.ok) return { ok: false, problems: [{ message: `module ${mod} has no valid build trace; run the proof build first` }] };
    h.update(`${mod}\0${t.inputHash}\0${t.oleanHash}\0`);
  }
  for (const d of scanned) h.update(`${d.name}\0${d.kind}\0${d.usesSorry}\0${d.file}\0${d.line}\0`);
  const inputHash = h.digest("hex");
  const cacheFile = path.join(opts.cacheDir, CACHE_FILE);
  const previous = readCache(cacheFile);
  if (previous && previous.inputHash === inputHash) return { ok: true, value: { ...previous, cached: true, seconds: 0 } };

  const roots = new Set(scanned.map((d) => d.name.split(".")[0]!));
  const source = new Map(scanned.map((d) => [d.name, d]));
  const seeded = previous ? Object.values(previous.declarations).filter((d) => d.discovered && !source.has(d.name)).map((d) => d.name) : [];
  const requests: ExportRequest[] = [
    ...scanned.map((d) => ({ name: d.name, print: kindOf(d) !== "theorem" })),
    ...seeded.map((name) => ({ name, print: true })),
  ];
  const declarations: Record<string, ExportedDeclaration> = {};
  let seconds = 0;
  const problems: ExportProblem[] = [];
  const seededSet = new Set(seeded);
  let round = requests;
  for (let pass = 0; pass < 3 && round.length > 0; pass++) {
    opts.log(`export: ${round.length} declarations from ${built.length} modules (Lean run ${pass + 1})`);
    const ans = await runLean(opts, built, round);
    seconds += ans.seconds;
    if (ans.failure) return { ok: false, problems: [{ message: ans.failure }] };
    for (const e of ans.errors) {
      // A remembered or discovered name that no longer exists is simply dropped, and so is a
      // `private` declaration (not visible to an importer; nothing can state a claim with it).
      const unknown = /unknown (constant|identifier)/i.test(e.text);
      if (unknown && (seededSet.has(e.name) || pass > 0)) continue;
      const src = source.get(e.name);
      if (unknown && src && isPrivateDeclaration(opts.projectRoot, src)) {
        source.delete(e.name);
        continue;
      }
      problems.push({ name: e.name, message: `${e.text.split("\n")[0]} (export line ${e.line})` });
    }
    for (const [name, d] of ans.decls) {
      const s = source.get(name);
      if (d.type === undefined) continue;
      declarations[name] = {
        name,
        kind: d.kind ?? (s ? kindOf(s) : "theorem"),
        type: d.type,
        ...(d.value !== undefined ? { value: d.value } : {}),
        ...(d.fields ? { fields: d.fields } : {}),
        universes: d.universes ?? [],
        file: s?.file ?? "",
        line: s?.line ?? 0,
        usesSorry: s?.usesSorry ?? false,
        ...(s ? {} : { discovered: true }),
      };
    }
    for (const s of scanned) {
      if (!source.has(s.name)) continue;
      if (!declarations[s.name] && !problems.some((p) => p.name === s.name)) problems.push({ name: s.name, message: `Lean printed no type for \`${s.name}\`` });
    }
    if (problems.length > 0) return { ok: false, problems };
    // Library constants that bodies and types mention but nothing exported yet.
    const fieldsOf = new Set<string>();
    for (const d of Object.values(declarations)) for (const f of d.fields ?? []) fieldsOf.add(`${d.name}.${f}`);
    const missing = new Set<string>();
    for (const d of Object.values(declarations)) {
      for (const n of mentionedConstants(`${d.type}\n${d.value ?? ""}`, roots)) {
        if (!declarations[n] && !fieldsOf.has(n) && !AUX_RE.test(n) && !/^(to[A-Z]\w*)$/.test(n.split(".").pop()!)) missing.add(n);
      }
    }
    round = [...missing].sort().map((name) => ({ name, print: true }));
  }
  const file: ExportFile = {
    exportVersion: EXPORT_VERSION,
    generatedAt: new Date().toISOString(),
    inputHash,
    modules: built,
    seconds,
    cached: false,
    declarations,
  };
  writeFileAtomic(cacheFile, JSON.stringify(file) + "\n");
  return { ok: true, value: file };
}
