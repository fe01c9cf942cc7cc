/**
 * Checks one mutant with the numeric harness's public functions: plan the mutated statement
 * (`planDeclaration`), emit its property module under `gen/mutants/`, run it with `runWith` (same
 * seed as the library's checks, a smaller run budget), and re-check a counterexample exactly
 * (`evaluate` on the deserialized environment in a fresh exact runtime; a float-mode one with
 * 60-digit decimals). Only a counterexample that re-checks kills a mutant.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emitModule, planDeclaration } from "../codegen/index.js";
import { formatPosition } from "../diagnostics/index.js";
import type { Declaration, Library, LibraryDeclaration } from "../parser/index.js";
import { evaluate, loadModule, runWith, Runtime, type Env, type NumericRecord, type PremiseSpec, type PropertyModule } from "../runner/index.js";
import { deserializeEnv } from "../runner/replay.js";
import { writeIfChanged } from "../runner/driver.js";
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
  const defined = definedOnly(mod);
  const run = (path?: string): NumericRecord =>
    runWith(new Runtime(mod.meta.mode, registry), registry, defined.module, { runs: opts.runs, seed: opts.seed, timeLimitMs: opts.timeLimitMs, ...(path ? { path } : {}) }, { claimId: task.claimId, declaration: task.declaration, handWritten: false });
  try {
    rec = run();
  } catch (e) {
    return { status: "error", message: e instanceof Error ? e.message : String(e), seconds: seconds() };
  }
  const base = {
    runs: rec.runs,
    premisesHeld: rec.premisesHeld ?? rec.runs - rec.skips,
    mode: rec.mode,
    ...(rec.coverage ? { coverage: rec.coverage } : {}),
    ...(defined.skipped() > 0 ? { undefinedSkipped: defined.skipped() } : {}),
  };
  // A float counterexample the 60-digit re-check of `runWith` did not confirm: never a kill.
  if (rec.status === "potential") return { ...base, status: "potential", counterexample: rec.counterexample, ...(rec.message ? { message: rec.message } : {}), seconds: seconds() };
  if (rec.status === "counterexample") {
    let recheck = mod.meta.mode === "exact" ? recheckCounterexample(registry, mod, rec.counterexample) : rec.recheck === "precise" ? "killed" : "potential";
    // A counterexample the exact serialization cannot carry (functions, parameter tuples, layer
    // groups) is re-checked by replaying its fast-check path in a fresh exact runtime.
    if (recheck === "unreadable" && rec.path) {
      try {
        const again = run(rec.path);
        recheck = again.status === "counterexample" && JSON.stringify(again.counterexample) === JSON.stringify(rec.counterexample) ? "killed" : "unconfirmed";
      } catch {
        recheck = "unconfirmed";
      }
    }
    return { ...base, status: recheck === "unreadable" ? "unconfirmed" : recheck, counterexample: rec.counterexample, seconds: seconds() };
  }
  if (rec.status === "passed") return { ...base, status: "passed", seconds: seconds(), ...(rec.message ? { message: rec.message } : {}) };
  return { ...base, status: rec.status === "error" ? "error" : "unsupported", message: rec.message ?? rec.status, seconds: seconds() };
}

/**
 * `killed` when the counterexample, read back from its exact serialization, falsifies the
 * statement again in a fresh exact runtime; `potential` for a float-mode statement (its re-check
 * is the 60-digit one of `runWith`: a float counterexample kills only when that confirmed it); `unconfirmed` when it does not re-check; `unreadable` when the serialization cannot
 * be read back (the caller replays the run instead).
 */
export function recheckCounterexample(registry: Registry, mod: PropertyModule<Env>, counterexample: unknown): "killed" | "potential" | "unconfirmed" | "unreadable" {
  if (mod.meta.mode !== "exact") return "potential";
  const $ = new Runtime("exact", registry);
  const env = deserializeEnv($, mod.variables, counterexample);
  if (!env) return "unreadable";
  try {
    return evaluate($, mod, env).outcome === false ? "killed" : "unconfirmed";
  } catch {
    return "unconfirmed";
  }
}

/** The harness's exact field refuses `x / 0` and `0⁻¹` (Lean's field classes define them as 0). */
const UNDEFINED = /division by zero|singular/;

/**
 * The module evaluated only where the harness's arithmetic is defined: an input on which a
 * premise or the conclusion divides by zero is discarded like an unmet premise (a mutant such as
 * `t → t⁻¹` is then checked on the inputs where the harness and Lean agree). A counterexample
 * found this way is re-checked on the module itself.
 */
export function definedOnly(mod: PropertyModule<Env>): { module: PropertyModule<Env>; skipped: () => number } {
  let skipped = 0;
  const guard = <A extends unknown[]>(f: (...a: A) => boolean, onUndefined: boolean) => (...a: A): boolean => {
    try {
      return f(...a);
    } catch (e) {
      if (!UNDEFINED.test(e instanceof Error ? e.message : String(e))) throw e;
      skipped++;
      return onUndefined;
    }
  };
  const premises = mod.premises.map((p) => ({
    ...p,
    ...(p.holds ? { holds: guard(p.holds, false) } : {}),
    ...(p.violated ? { violated: guard(p.violated, true) } : {}),
  }));
  const conclusionDefined: PremiseSpec<Env> = {
    name: "defined",
    kind: "filter",
    lean: "(the conclusion is defined in the harness's arithmetic)",
    holds: guard(($, v) => {
      try {
        mod.conclusion($, v);
      } finally {
        // The conclusion is evaluated again after this premise, from the same search state.
        $.reset();
      }
      return true;
    }, false),
  };
  return { module: { ...mod, premises: [...premises, conclusionDefined] }, skipped: () => skipped };
}
