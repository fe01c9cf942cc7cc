/**
 * Checks one mutant with the numeric harness's public functions: plan the mutated statement
 * (`planDeclaration`), emit its property module under `gen/mutants/`, run it with `runWith` (same
 * seed as the library's checks, a smaller run budget), and re-check a counterexample exactly
 * (`evaluate` on the deserialized environment in a fresh exact runtime). Only a counterexample
 * that re-checks kills a mutant.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emitModule, planDeclaration } from "../codegen/index.js";
import { formatPosition } from "../diagnostics/index.js";
import type { Declaration, Library, LibraryDeclaration } from "../parser/index.js";
import { evaluate, loadModule, runWith, Runtime, type Env, type NumericRecord, type PropertyModule } from "../runner/index.js";
import { deserializeEnv } from "../runner/replay.js";
import type { Registry } from "../semantics/registry.js";
import type { MutantOutcome, MutantTask } from "./types.js";

export interface MutantRunOptions {
  root: string;
  runs: number;
  seed: number;
  timeLimitMs: number;
}

/** Premises must hold in at least this many runs for a passing mutant to count as checked. */
export const MIN_MUTANT_PREMISE_RUNS = 100;

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** `gen/mutants/Sym/Algebra/Monomial/isPosMonomial_of_isResidual_relu__3f2a….ts`. */
export function mutantModulePath(decl: LibraryDeclaration, key: string): string {
  const module = decl.file.replace(/^lean\//, "").replace(/\.lean$/, "");
  const last = decl.name.split(".").pop() ?? decl.name;
  const safe = last.replace(/[^\p{L}\p{N}_]/gu, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
  return path.posix.join("gen", "mutants", module, `${safe}__${key.slice(0, 12)}.ts`);
}

/** Checks one mutated statement (or the statement itself, for the baseline). */
export async function checkMutant(lib: Library, registry: Registry, task: MutantTask, opts: MutantRunOptions): Promise<MutantOutcome> {
  const start = performance.now();
  const orig = lib.byName.get(task.declaration);
  const seconds = (): number => Math.round((performance.now() - start) / 10) / 100;
  if (!orig) return { status: "error", message: `no declaration ${task.declaration}`, seconds: seconds() };
  const decl: LibraryDeclaration = { ...orig, parsed: { ok: true, value: task.decl as Declaration } };
  const plan = planDeclaration(lib, registry, decl, task.concrete ? { concrete: task.concrete } : {});
  if (plan.diagnostics.length > 0) {
    const message = plan.diagnostics.map((d) => (d.range ? `${d.message} (${formatPosition(d.range)})` : d.message)).join("; ");
    return { status: "unsupported", message, seconds: seconds() };
  }
  const key = createHash("sha256").update(task.key).digest("hex");
  const file = mutantModulePath(orig, key);
  const abs = path.join(opts.root, file);
  let mod: PropertyModule<Env>;
  try {
    writeIfChanged(abs, emitModule(plan, file));
    mod = await loadModule(abs);
  } catch (e) {
    return { status: "error", message: `generated module ${file}: ${e instanceof Error ? e.message : String(e)}`, seconds: seconds() };
  }
  let rec: NumericRecord;
  try {
    rec = runWith(new Runtime(mod.meta.mode, registry), registry, mod, { runs: opts.runs, seed: opts.seed, timeLimitMs: opts.timeLimitMs }, { claimId: task.claimId, declaration: task.declaration, handWritten: false });
  } catch (e) {
    return { status: "error", message: e instanceof Error ? e.message : String(e), seconds: seconds() };
  }
  const base = { runs: rec.runs, premisesHeld: rec.premisesHeld ?? rec.runs - rec.skips, mode: rec.mode, ...(rec.coverage ? { coverage: rec.coverage } : {}) };
  if (rec.status === "counterexample") {
    const recheck = recheckCounterexample(registry, mod, rec.counterexample);
    return { ...base, status: recheck, counterexample: rec.counterexample, seconds: seconds() };
  }
  if (rec.status === "passed") return { ...base, status: "passed", seconds: seconds(), ...(rec.message ? { message: rec.message } : {}) };
  return { ...base, status: rec.status === "error" ? "error" : "unsupported", message: rec.message ?? rec.status, seconds: seconds() };
}

/**
 * `killed` when the counterexample, read back from its exact serialization, falsifies the
 * statement again in a fresh exact runtime; `potential` for a float-mode statement (no exact
 * re-check); `unconfirmed` when it does not re-check.
 */
export function recheckCounterexample(registry: Registry, mod: PropertyModule<Env>, counterexample: unknown): "killed" | "potential" | "unconfirmed" {
  if (mod.meta.mode !== "exact") return "potential";
  const $ = new Runtime("exact", registry);
  const env = deserializeEnv($, mod.variables, counterexample);
  if (!env) return "unconfirmed";
  try {
    return evaluate($, mod, env).outcome === false ? "killed" : "unconfirmed";
  } catch {
    return "unconfirmed";
  }
}
