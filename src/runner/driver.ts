/**
 * The numeric check of the whole library: select the declarations, plan and generate one module
 * each under `gen/`, run them, and collect `NumericRecord`s. I/O lives here and in the CLI.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { planDeclaration, emitModule, generatedPath } from "../codegen/index.js";
import { formatPosition, messageText, type Diagnostic } from "../diagnostics/index.js";
import { scanLibrary, type Library } from "../parser/index.js";
import type { Registry } from "../semantics/registry.js";
import type { Registry as ClaimsRegistry } from "../spec/types.js";
import { HYPOTHESIS_TIME_LIMIT_MS, runWith, type RunOptions } from "./check.js";
import { handWrittenProperties } from "./handwritten.js";
import { numericOnlyProperties } from "./numeric-only.js";
import { errorRecord, progressLine, runTasks, type PoolTask, type PoolTimings, type RunTasksOptions } from "./pool.js";
import type { Env, PropertyModule } from "./property.js";
import { Runtime, type Budgets } from "./runtime.js";
import { DEFAULT_CONJECTURE_RUNS, DEFAULT_RUNS } from "./defaults.js";
import { narrowSelection, selectDeclarations, type Selected } from "./select.js";
import type { NumericFile, NumericRecord } from "./types.js";
import { writeGenTsconfig, writeIfChanged } from "./gen-files.js";

export { writeGenTsconfig, writeIfChanged };

export interface DriverOptions {
  root: string;
  library: Library;
  registry: Registry;
  claims?: ClaimsRegistry;
  claim?: string;
  declaration?: string;
  runs?: number;
  seed: number;
  path?: string;
  budgets?: Budgets;
  previous?: NumericFile;
  onProgress?: (line: string) => void;
  /**
   * Wall-clock limit of each declaration's random runs, replacing the default (benchmarks run a
   * fixed number of runs with a limit they never reach).
   */
  timeLimitMs?: number;
  /** Worker processes (1: check in this process). */
  jobs?: number;
  /** The workers' script (tests: a stand-in); by default `worker.ts`. */
  workerFile?: string;
  /**
   * Check only these declarations of the selection (the others are reused from the result
   * cache by the caller, which then also removes stale generated modules).
   */
  only?: ReadonlySet<string>;
}

export { DEFAULT_CONJECTURE_RUNS, DEFAULT_RUNS };

function describeDiagnostic(d: Diagnostic): string {
  return d.range ? `${d.message} (${formatPosition(d.range)})` : d.message;
}

export async function loadModule(file: string): Promise<PropertyModule<Env>> {
  const m = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return m as unknown as PropertyModule<Env>;
}

export async function checkOne(sel: Selected, opts: DriverOptions): Promise<NumericRecord> {
  const start = performance.now();
  const d = sel.decl;
  const runs = opts.runs ?? (sel.conjecture ? DEFAULT_CONJECTURE_RUNS : DEFAULT_RUNS);
  const base = { claimId: sel.claimId, declaration: d.name, handWritten: false };
  const stored = opts.previous?.records.find((r) => r.declaration === d.name && r.counterexample !== undefined);
  const examples = stored ? [stored.counterexample] : [];
  const hand = handWrittenProperties.get(d.name);
  const plan = planDeclaration(opts.library, opts.registry, d, sel.concrete ? { concrete: sel.concrete } : {});
  const unsupported = (message: string): NumericRecord => ({
    ...base,
    mode: plan.mode,
    status: "unsupported",
    runs: 0,
    skips: 0,
    seed: opts.seed,
    seconds: Math.round((performance.now() - start) / 10) / 100,
    maxResidual: 0,
    message,
  });
  let mod: PropertyModule<Env>;
  let generatedFile: string | undefined;
  if (hand) {
    mod = hand;
  } else {
    if (plan.diagnostics.length > 0) return unsupported(plan.diagnostics.map(describeDiagnostic).join("; "));
    generatedFile = generatedPath(plan);
    const abs = path.join(opts.root, generatedFile);
    writeIfChanged(abs, emitModule(plan, generatedFile));
    try {
      mod = await loadModule(abs);
    } catch (e) {
      return { ...unsupported(messageText("SYM303", generatedFile, e instanceof Error ? e.message : String(e))), status: "error" };
    }
  }
  const $ = new Runtime(mod.meta.mode, opts.registry, opts.budgets);
  // A hypothesis of a conditional proof needs 1,000 runs with its premises met to count (a weak
  // record is no evidence): it gets a longer time limit than the other declarations.
  const runOpts: RunOptions = { runs, seed: opts.seed, examples, ...(sel.role === "hypothesis" ? { timeLimitMs: HYPOTHESIS_TIME_LIMIT_MS } : {}) };
  if (opts.timeLimitMs !== undefined) runOpts.timeLimitMs = opts.timeLimitMs;
  if (opts.path) runOpts.path = opts.path;
  const rec = runWith($, opts.registry, mod, runOpts, { ...base, handWritten: hand !== undefined }, start);
  if (generatedFile) rec.generatedFile = generatedFile;
  return rec;
}

/**
 * Runs a numeric-only property (a part of a claim no Lean declaration states, see
 * `numeric-only.ts`): its record carries the claim id and the property's name.
 */
export function checkNumericOnly(mod: PropertyModule<Env>, opts: DriverOptions): NumericRecord {
  const start = performance.now();
  const base = { claimId: mod.meta.claimId ?? "?", declaration: mod.meta.declaration, handWritten: true };
  const stored = opts.previous?.records.find((r) => r.declaration === mod.meta.declaration && r.counterexample !== undefined);
  const runOpts: RunOptions = { runs: opts.runs ?? DEFAULT_RUNS, seed: opts.seed, examples: stored ? [stored.counterexample] : [] };
  if (opts.timeLimitMs !== undefined) runOpts.timeLimitMs = opts.timeLimitMs;
  if (opts.path) runOpts.path = opts.path;
  try {
    return runWith(new Runtime(mod.meta.mode, opts.registry, opts.budgets), opts.registry, mod, runOpts, base, start);
  } catch (e) {
    return {
      ...base,
      mode: mod.meta.mode,
      status: "error",
      runs: 0,
      skips: 0,
      seed: opts.seed,
      seconds: Math.round((performance.now() - start) / 10) / 100,
      maxResidual: 0,
      message: messageText("SYM301", e instanceof Error ? e.message : String(e)),
    };
  }
}

export async function checkAll(opts: DriverOptions): Promise<{ records: NumericRecord[]; notes: string[]; timings?: PoolTimings }> {
  const { selected, missing } = selectDeclarations(opts.library, opts.claims);
  const notes = missing.map((m) => messageText("SYM205", m.name) + ` (claim ${m.claimId})`);
  const narrowed = narrowSelection(selected, opts.claim, opts.declaration);
  const chosen = opts.only ? narrowed.filter((s) => opts.only?.has(s.decl.name)) : narrowed;
  // Numeric-only properties belong to claims of the project's registry: with a registry that lacks
  // their claim they do not run.
  const registryClaims = opts.claims ? new Set(opts.claims.claims.map((c) => c.id)) : undefined;
  const numericOnlyNarrowed = numericOnlyProperties.filter(
    (m) => (!opts.claim || m.meta.claimId === opts.claim) && (!opts.declaration || m.meta.declaration === opts.declaration) && (!registryClaims || registryClaims.has(m.meta.claimId ?? "")),
  );
  const numericOnly = opts.only ? numericOnlyNarrowed.filter((m) => opts.only?.has(m.meta.declaration)) : numericOnlyNarrowed;
  const total = chosen.length + numericOnly.length;
  if (opts.claim && narrowed.length + numericOnlyNarrowed.length === 0) notes.push(messageText("SYM304", opts.claim));
  writeGenTsconfig(opts.root);
  // A full run regenerates every module of the library: stale ones go first.
  if (!opts.claim && !opts.declaration && !opts.only) rmSync(path.join(opts.root, "gen", "Sym"), { recursive: true, force: true });
  const progress = (i: number, name: string, rec: NumericRecord): void => opts.onProgress?.(progressLine(i, total, name, rec));
  const records: NumericRecord[] = [];
  let timings: PoolTimings | undefined;
  if ((opts.jobs ?? 1) > 1 && chosen.length + numericOnly.length > 1) {
    // Declarations and numeric-only properties share the workers, the longest (by the previous
    // run's seconds) first.
    const tasks: PoolTask[] = [...chosen, ...numericOnly.map((m) => ({ numericOnly: m.meta.declaration, claimId: m.meta.claimId ?? "?" }))];
    const run: RunTasksOptions = { root: opts.root, seed: opts.seed, jobs: opts.jobs ?? 2, total, onProgress: (line) => opts.onProgress?.(line) };
    if (opts.previous) run.previous = opts.previous;
    if (opts.runs !== undefined) run.runs = opts.runs;
    if (opts.path !== undefined) run.path = opts.path;
    if (opts.workerFile !== undefined) run.workerFile = opts.workerFile;
    const out = await runTasks(tasks, run);
    records.push(...out.records);
    timings = out.timings;
  } else {
    let i = 0;
    for (const sel of chosen) {
      i++;
      let rec: NumericRecord;
      try {
        rec = await checkOne(sel, opts);
      } catch (e) {
        rec = errorRecord(sel, opts.seed, messageText("SYM301", e instanceof Error ? e.message : String(e)));
      }
      records.push(rec);
      progress(i, sel.decl.name, rec);
    }
    for (const mod of numericOnly) {
      const rec = checkNumericOnly(mod, opts);
      records.push(rec);
      progress(records.length, mod.meta.declaration, rec);
    }
  }
  return timings ? { records, notes, timings } : { records, notes };
}

/** Checks one declaration of a Lean text (fixtures and tests): the library is that text alone. */
export async function checkSource(
  root: string,
  registry: Registry,
  file: string,
  text: string,
  name: string,
  opts: { runs?: number; seed: number; path?: string; previous?: NumericFile; budgets?: Budgets },
): Promise<NumericRecord> {
  const library = scanLibraryOf(file, text);
  const decl = library.byName.get(name);
  if (!decl) throw new Error(`no declaration ${name} in ${file}`);
  const driver: DriverOptions = { root, library, registry, seed: opts.seed };
  if (opts.runs !== undefined) driver.runs = opts.runs;
  if (opts.path) driver.path = opts.path;
  if (opts.previous) driver.previous = opts.previous;
  if (opts.budgets) driver.budgets = opts.budgets;
  return checkOne({ decl, claimId: decl.docId ?? "?", conjecture: false }, driver);
}

function scanLibraryOf(file: string, text: string): Library {
  return scanLibrary([{ file, text }]);
}
