/**
 * Runs one generated property with fast-check and turns the outcome into a `NumericRecord`.
 * A property that throws is an `error`, a statement outside the fragment is `unsupported`;
 * neither stops the other claims.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import type { Dim, TypeSpec } from "../semantics/types.js";
import { messageText } from "../diagnostics/index.js";
import { MIN_DIMENSION, resolveDim, sizeArb, type Dims } from "../generators/index.js";
import { layerWidthsArb } from "../generators/size.js";
import type { Context } from "../semantics/context.js";
import type { Registry } from "../semantics/registry.js";
import { isFn, isList, isMatrix, isVector, list, matrix, vector, type Value } from "../semantics/value.js";
import { decimalField, PRECISE_DIGITS, PRECISE_TOLERANCE } from "../semantics/decimal.js";
import { DEFAULT_TOLERANCE as DEFAULT_FLOAT_TOLERANCE } from "../semantics/float.js";
import { activations, arbitraryFor, circleArb, constructivePredicates, type Constraint } from "./generators.js";
import type { Env, PremiseSpec, PropertyModule, VariableSpec } from "./property.js";
import { deserializeEnv, serializeEnv } from "./replay.js";
import { Runtime, type Budgets, type V } from "./runtime.js";
import { DEFAULT_TIME_LIMIT_MS } from "./defaults.js";
import type { NumericRecord } from "./types.js";

export { DEFAULT_TIME_LIMIT_MS };
/** Wall-clock limit for a hypothesis of a conditional proof, whose record must not be weak. */
export const HYPOTHESIS_TIME_LIMIT_MS = 30_000;

export interface RunOptions {
  runs: number;
  timeLimitMs?: number;
  seed: number;
  path?: string;
  budgets?: Budgets;
  /** Stored counterexamples (serialized), replayed before the random runs. */
  examples?: unknown[];
}

/** Marks an exception thrown by the property itself (not a `false`). */
class PropertyThrew extends Error {
  constructor(readonly inner: unknown) {
    super(inner instanceof Error ? inner.message : String(inner));
  }
}

/** The width functions a dimension may apply (`Sym.Net.outWidth`, `Sym.Net.minWidth`). */
const WIDTH_FUNCTIONS: ReadonlySet<string> = new Set(["outWidth", "minWidth"]);

/** Lean names of the size and width variables other variables' types refer to. */
function dimsUsed(mod: PropertyModule<Env>): Set<string> {
  const out = new Set<string>();
  const add = (d: Dim): void => {
    if (typeof d !== "string") return;
    // Every variable a dimension mentions: `n`, `n+1`, `m::m'::ws`, `minWidth n (m::ws)`.
    for (const name of d.match(/[A-Za-z_][A-Za-z0-9_'.₀-₉]*/g) ?? []) if (name !== "_" && !WIDTH_FUNCTIONS.has(name)) out.add(name);
  };
  const visit = (t: TypeSpec): void => {
    if (t.k === "vec" || t.k === "fin") add(t.n);
    if (t.k === "mat") {
      add(t.m);
      add(t.n);
    }
    if (t.k === "params" || t.k === "layerGroup") add(t.widths);
    if (t.k === "params" && t.input !== undefined) add(t.input);
    if (t.k === "fn") {
      t.from.forEach(visit);
      visit(t.to);
    }
  };
  for (const p of mod.variables) visit(p.type);
  return out;
}

/**
 * The dimension table (by Lean name) of generated sizes: numbers and width lists. Compound
 * dimensions (`n+1`, `2*d`, `m::m'::ws`, `minWidth n ws`) are left to the generators, which
 * resolve them against this table (`resolveDim`, `resolveWidths`).
 */
function dimsOf(mod: PropertyModule<Env>, sizes: Record<string, V>): Dims {
  const dims: Record<string, number | readonly number[]> = {};
  for (const p of mod.variables) {
    const x = sizes[p.key];
    if (typeof x === "number") dims[p.name] = x;
    else if (isList(x as Value<unknown>)) dims[p.name] = (x as unknown as { items: number[] }).items;
  }
  return dims;
}

export interface EnvironmentPlan {
  arbitrary: fc.Arbitrary<Env>;
  /** Constraints chosen by probing filter premises (variable name → predicate). */
  probed: Record<string, string>;
}

/** The arbitrary of a module's environment: sizes and widths first, then everything else. */
export function environmentArbitrary($: Runtime, mod: PropertyModule<Env>, registry: Registry): EnvironmentPlan | string {
  const dims = dimsUsed(mod);
  const assigned = new Set(mod.assignments.map((a) => a.key));
  const sizes: Record<string, fc.Arbitrary<V>> = {};
  for (const p of mod.variables) {
    if (assigned.has(p.key) || !dims.has(p.name)) continue;
    if (p.type.k === "nat") sizes[p.key] = sizeArb({ min: MIN_DIMENSION });
    if (p.type.k === "list") sizes[p.key] = layerWidthsArb().map((ws) => list(ws) as V);
  }
  // Width lists no type mentions are still generated (`IsGroupAction (act : … ws …)`).
  for (const p of mod.variables) {
    if (p.type.k === "list" && !assigned.has(p.key) && !(p.key in sizes)) sizes[p.key] = layerWidthsArb().map((ws) => list(ws) as V);
  }
  const ctx = $.ctx as Context<unknown>;
  const build = (constraints: Record<string, Constraint>): fc.Arbitrary<Env> | string => {
    const rest = (s: Record<string, V>): fc.Arbitrary<Env> | string => {
      const table = dimsOf(mod, s);
      const arbs: Record<string, fc.Arbitrary<V>> = {};
      const pairs: Array<[string, string]> = [];
      for (const p of mod.variables) {
        if (p.key in sizes || assigned.has(p.key)) continue;
        // `Fin 0` is empty: at this size the statement quantifies over nothing and holds.
        if (p.type.k === "fin" && resolveDim(table, p.type.n) === 0) return fc.constant({ ...s, [EMPTY_TYPE]: true as unknown as V });
        if (p.constraint.startsWith("circle:")) {
          const other = p.constraint.slice(7);
          if (p.key < other) pairs.push([p.key, other]);
          continue;
        }
        const c = constraints[p.key] ?? (p.constraint as Constraint);
        const a = p.lean === "Int" || p.lean === "ℤ" ? integerArb(c) : arbitraryFor(ctx, registry, p.type, table, c);
        if (!a) return `no generator for \`${p.name} : ${p.lean}\``;
        arbs[p.key] = a as fc.Arbitrary<V>;
      }
      for (const [a, b] of pairs) arbs[`${a}\u0000${b}`] = circleArb($.F) as unknown as fc.Arbitrary<V>;
      return fc.record(arbs).map((r) => {
        const env: Env = { ...s };
        for (const [k, x] of Object.entries(r)) {
          const pair = k.split("\u0000");
          if (pair.length === 2) {
            const [c, sn] = x as unknown as [V, V];
            env[pair[0] as string] = c;
            env[pair[1] as string] = sn;
          } else env[k] = x;
        }
        return env;
      });
    };
    if (Object.keys(sizes).length === 0) return rest({});
    const probe = rest(Object.fromEntries(Object.entries(sizes).map(([k, a]) => [k, fc.sample(a, { numRuns: 1, seed: 1 })[0] as V])));
    if (typeof probe === "string") return probe;
    return fc.record(sizes).chain((s) => rest(s) as fc.Arbitrary<Env>);
  };
  const chosen: Record<string, Constraint> = {};
  const probed: Record<string, string> = {};
  const base = build(chosen);
  if (typeof base === "string") return base;
  // A filter premise that random values rarely meet: look for a constructive generator that meets it.
  // Only equations (`Kᵀ * K = 1`) are probed: for a named predicate the generator would cover
  // a subset of it and weaken the implication.
  const filters = mod.premises.filter((p) => p.kind === "filter" && p.holds && /=/.test(p.lean) && !/[≠≤≥<>]/.test(p.lean));
  const rate = (arb: fc.Arbitrary<Env>, holds: NonNullable<PremiseSpec<Env>["holds"]>): number => {
    let ok = 0;
    const xs = fc.sample(arb, { numRuns: PROBE_SAMPLES, seed: 7 });
    for (const x of xs) {
      try {
        $.reset();
        const full: Env = { ...x };
        for (const a of mod.assignments) full[a.key] = a.value($, full);
        if (holds($, full)) ok++;
      } catch {
        // an ill-defined premise counts as not met
      }
    }
    return ok / xs.length;
  };
  for (const p of filters) {
    const holds = p.holds as NonNullable<PremiseSpec<Env>["holds"]>;
    const current = build(chosen);
    if (typeof current === "string" || rate(current, holds) >= 0.5) continue;
    const squares = mod.variables.filter((x) => x.type.k === "mat" && x.type.m === x.type.n && (x.constraint === "none" || x.constraint === "pred:Sym.IsInvertible") && !(x.key in chosen));
    search: for (const x of squares) {
      for (const pred of constructivePredicates()) {
        const trial = build({ ...chosen, [x.key]: `pred:${pred}` });
        if (typeof trial !== "string" && rate(trial, holds) === 1) {
          chosen[x.key] = `pred:${pred}`;
          probed[x.name] = pred;
          break search;
        }
      }
    }
  }
  const arbitrary = build(chosen);
  if (typeof arbitrary === "string") return arbitrary;
  return { arbitrary, probed };
}

const PROBE_SAMPLES = 12;

/** Marks an environment whose sizes make a binder's type empty (`i : Fin 0`): discarded, never evaluated. */
export const EMPTY_TYPE = "\u0000empty";

export interface Evaluation {
  /**
   * `true`: holds; `false`: refuted; `"skip"`: premises not met (or refuted by a witness);
   * `"inconclusive"`: false only because an `∃` search found no witness within its budget.
   */
  outcome: boolean | "skip" | "inconclusive";
  env: Env;
}

/** Evaluates the statement on one environment (assignments, premises, conclusion, contrapositive). */
export function evaluate($: Runtime, mod: PropertyModule<Env>, env: Env): Evaluation {
  $.reset();
  const full: Env = { ...env };
  for (const a of mod.assignments) full[a.key] = a.value($, full);
  for (const p of mod.premises) {
    if (p.kind !== "contrapositive" && p.holds && !p.holds($, full)) return { outcome: "skip", env: full };
  }
  if (mod.conclusion($, full)) return { outcome: true, env: full };
  if ($.exhausted) return { outcome: "inconclusive", env: full };
  for (const p of mod.premises) {
    if (p.kind === "contrapositive" && p.violated && p.violated($, full)) return { outcome: "skip", env: full };
  }
  return { outcome: false, env: full };
}

export function runWith(
  $: Runtime,
  registry: Registry,
  mod: PropertyModule<Env>,
  opts: RunOptions,
  base: Omit<NumericRecord, "status" | "runs" | "skips" | "seconds" | "maxResidual" | "seed" | "mode">,
  start = performance.now(),
): NumericRecord {
  const rec: NumericRecord = {
    ...base,
    mode: mod.meta.mode,
    status: "passed",
    runs: 0,
    skips: 0,
    seed: opts.seed,
    seconds: 0,
    maxResidual: 0,
  };
  if ($.mode === "float") rec.tolerance = $.F.tolerance;
  const envPlan = environmentArbitrary($, mod, registry);
  if (typeof envPlan === "string") {
    rec.status = "unsupported";
    rec.message = envPlan;
    rec.seconds = Math.round((performance.now() - start) / 10) / 100;
    return rec;
  }
  const examples: Array<[Env]> = [];
  for (const e of opts.examples ?? []) {
    const env = deserializeEnv($, mod.variables, e);
    if (env) examples.push([env]);
  }
  let inconclusive = 0;
  const property = fc.property(envPlan.arbitrary, (env) => {
    // A binder of an empty type (`Fin 0`): nothing to evaluate, the run is discarded.
    if (EMPTY_TYPE in env) fc.pre(false);
    let r: Evaluation;
    try {
      r = evaluate($, mod, env);
    } catch (e) {
      throw new PropertyThrew(e);
    }
    if (r.outcome === "skip" || r.outcome === "inconclusive") {
      if (r.outcome === "inconclusive") inconclusive++;
      fc.pre(false);
    }
    return r.outcome === true;
  });
  // A statement without variables is deterministic: one run decides it.
  const fixed = new Set(mod.assignments.map((a) => a.key));
  const closed = mod.variables.every((p) => fixed.has(p.key));
  const params: fc.Parameters<[Env]> = {
    numRuns: closed ? 1 : opts.runs,
    seed: opts.seed,
    examples,
    // A closed statement is deterministic: a discarded evaluation would be discarded again.
    maxSkipsPerRun: closed ? 0 : 100,
    // A safety net: a slow property stops early and says so, instead of stalling every claim.
    interruptAfterTimeLimit: opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    markInterruptAsFailure: false,
  };
  if (opts.path) params.path = opts.path;
  const details = fc.check(property, params);
  rec.runs = details.numRuns + details.numSkips;
  const interrupted = details.interrupted ? `interrupted after ${details.numRuns} of ${opts.runs} runs (time limit ${(opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) / 1000} s)` : "";
  rec.skips = details.numSkips;
  rec.premisesHeld = details.numRuns;
  rec.interrupted = details.interrupted;
  // One evaluation of a closed statement covers all its cases, unless it is a proposition the
  // semantics registry checks by its own search (a sample, not every case).
  const searched = registry.get(mod.meta.declaration)?.params.length === 0;
  rec.coverage = closed && !searched ? "exhaustive" : "sampled";
  rec.maxResidual = $.mode === "exact" ? 0 : $.ctx.maxResidual;
  rec.discardRate = rec.runs > 0 ? Math.round((rec.skips / rec.runs) * 1e4) / 1e4 : 0;

  if (details.failed) {
    if (details.counterexample === null) {
      // Too many discarded runs: when most were failed `∃` searches, the record is inconclusive.
      rec.status = inconclusive * 2 >= details.numSkips && inconclusive > 0 ? "inconclusive" : "unsupported";
      if (rec.status === "unsupported") rec.message = messageText("SYM306", `${details.numSkips} skipped of ${details.numRuns + details.numSkips}`);
    } else {
      const env = details.counterexample[0];
      const full = { ...env };
      let thrown: unknown;
      try {
        for (const a of mod.assignments) full[a.key] = a.value($, full);
      } catch (e) {
        thrown = e;
      }
      const err = details.errorInstance;
      if (err instanceof PropertyThrew || thrown !== undefined) {
        rec.status = "error";
        rec.message = messageText("SYM301", err instanceof PropertyThrew ? err.message : String(thrown));
      } else {
        rec.status = "counterexample";
      }
      rec.counterexample = serializeEnv($.F as Field<unknown>, [...mod.variables], full);
      if (rec.status === "counterexample") {
        const check = recheckCounterexample($, registry, mod, env, rec.counterexample);
        rec.recheck = check.recheck;
        if (check.recheck === "float-only") {
          rec.status = "potential";
          if (check.detail) rec.message = check.detail;
        }
        if (check.recheck === "failed") {
          rec.status = "harness-error";
          rec.message = messageText("SYM307", check.detail);
        }
      }
      rec.shrinks = details.numShrinks;
      if (details.counterexamplePath) rec.path = details.counterexamplePath;
    }
  } else if (examples.length > 0 || opts.path) {
    // A stored counterexample, or an explicit replay path, that no longer fails.
    rec.message = messageText("SYM302", opts.seed, opts.path ?? "-");
  } else if (details.interrupted && details.numRuns < opts.runs / 10 && details.numSkips > 9 * details.numRuns) {
    // Stopped by the time limit with almost every run discarded: no evidence, say so.
    rec.status = inconclusive * 2 >= details.numSkips && inconclusive > 0 ? "inconclusive" : "unsupported";
    if (rec.status === "unsupported") rec.message = messageText("SYM306", `${details.numSkips} skipped, ${details.numRuns} checked`);
  }
  if (inconclusive > 0) rec.inconclusiveRuns = inconclusive;
  // A failed `∃` search decides nothing: a record with such runs and no counterexample is
  // inconclusive, never passed.
  if (rec.status === "passed" && inconclusive > 0) rec.status = "inconclusive";
  if ($.searches.size > 0) rec.search = [...$.searches].sort().join("; ");
  if (rec.status === "passed" || rec.status === "counterexample" || rec.status === "inconclusive" || rec.status === "potential") {
    let notes = describePremises(mod, envPlan.probed, $);
    if (inconclusive > 0) notes = [notes, `${inconclusive} runs inconclusive (no ∃-witness within ${$.budgets.exists} candidates: a failed search is no evidence)`].filter(Boolean).join("; ");
    if (interrupted) notes = [interrupted, notes].filter(Boolean).join("; ");
    if (closed) notes = [searched ? "closed proposition checked by the semantics registry's own search (a sample)" : "closed statement (no variables): one deterministic evaluation", notes].filter(Boolean).join("; ");
    if (notes) rec.message = rec.message ? `${rec.message}; ${notes}` : notes;
  }
  rec.seconds = Math.round((performance.now() - start) / 10) / 100;
  return rec;
}

/**
 * Re-evaluates a counterexample in a fresh runtime before it is reported: exact mode, from its
 * serialized form (rationals `p/q`) when every variable deserializes, else from the generated
 * values; the statement must come out false again with its premises met. Float mode (a
 * transcendental function) cannot be re-checked exactly: the same inputs (the decimals the
 * serialization shows) are evaluated again with {@link PRECISE_DIGITS}-digit decimals and a
 * tolerance of {@link PRECISE_TOLERANCE}; still false there, the counterexample is `precise`
 * (kept); otherwise (it holds, a premise fails, a semantics needs doubles) it is `float-only`
 * and the record `potential`.
 */
export function recheckCounterexample(
  $: Runtime,
  registry: Registry,
  mod: PropertyModule<Env>,
  env: Env,
  serialized: unknown,
): { recheck: NonNullable<NumericRecord["recheck"]>; detail: string } {
  if ($.mode !== "exact") {
    const why = recheckPrecisely(registry, mod, env, $.budgets, $.F.tolerance);
    return why === undefined ? { recheck: "precise", detail: "" } : { recheck: "float-only", detail: why };
  }
  const fresh = new Runtime("exact", registry, $.budgets);
  const fixed = new Set(mod.assignments.map((a) => a.key));
  const replayed = deserializeEnv(fresh, mod.variables.filter((p) => !fixed.has(p.key)), serialized);
  let r: Evaluation;
  try {
    r = evaluate(fresh, mod, replayed ?? env);
  } catch (e) {
    return { recheck: "failed", detail: `the re-check threw: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (r.outcome === false) return { recheck: "exact", detail: "" };
  const what = r.outcome === true ? "the statement holds there" : r.outcome === "skip" ? "its premises do not hold there" : "an ∃ search found no witness there";
  return { recheck: "failed", detail: `the counterexample ${JSON.stringify(serialized)} does not re-check exactly: ${what}` };
}


/**
 * Why a float counterexample is not confirmed at high precision, or undefined when it is: the
 * generated inputs are read as the decimals their serialization shows (`0.1` is one tenth) and
 * evaluated with {@link PRECISE_DIGITS}-digit decimals (transcendental functions to the same
 * precision). The premises are checked at the float run's tolerance — float generators meet an
 * equation such as `Uᵀ U = 1` only up to rounding — and the conclusion at {@link PRECISE_TOLERANCE}:
 * it must fail there, so its failure is no rounding artifact.
 */
export function recheckPrecisely(registry: Registry, mod: PropertyModule<Env>, env: Env, budgets?: Runtime["budgets"], floatTolerance = DEFAULT_FLOAT_TOLERANCE): string | undefined {
  const tight = decimalField();
  const loose = decimalField(PRECISE_DIGITS, floatTolerance);
  const $c = new Runtime("float", registry, budgets, tight.tolerance, tight as never);
  const $p = new Runtime("float", registry, budgets, loose.tolerance, loose as never);
  const fixed = new Set(mod.assignments.map((a) => a.key));
  const lifted = liftEnv($c, mod.variables.filter((p) => !fixed.has(p.key)), env);
  if (typeof lifted === "string") return lifted;
  const why = (e: unknown): string => `the ${PRECISE_DIGITS}-digit re-check could not evaluate it: ${e instanceof Error ? e.message : String(e)}`;
  try {
    $c.reset();
    $p.reset();
    const full: Env = { ...lifted };
    for (const a of mod.assignments) full[a.key] = a.value($c, full);
    for (const p of mod.premises) {
      if (p.kind !== "contrapositive" && p.holds && !p.holds($p, full)) return `not confirmed with ${PRECISE_DIGITS}-digit decimals: its premises do not hold there`;
    }
    if (mod.conclusion($c, full)) return `not confirmed with ${PRECISE_DIGITS}-digit decimals: the statement holds there`;
    if ($c.exhausted) return `not confirmed with ${PRECISE_DIGITS}-digit decimals: an ∃ search found no witness there`;
    for (const p of mod.premises) {
      if (p.kind === "contrapositive" && p.violated && p.violated($p, full)) return `not confirmed with ${PRECISE_DIGITS}-digit decimals: a witness violates a premise there`;
    }
  } catch (e) {
    return why(e);
  }
  return undefined;
}

/** A float environment with every scalar as a decimal of the precise runtime (sizes and indices kept). */
function liftEnv(precise: Runtime, variables: readonly VariableSpec[], env: Env): Env | string {
  const F = precise.F;
  const lift = (x: unknown): unknown => (typeof x === "number" ? F.fromNumber(x) : x);
  const out: Env = {};
  for (const p of variables) {
    const x = env[p.key];
    if (x === undefined) continue;
    switch (p.type.k) {
      case "nat":
      case "fin":
        out[p.key] = x;
        break;
      case "scalar":
        out[p.key] = lift(x) as V;
        break;
      case "vec":
      case "mat":
        if (!isVector(x as Value<unknown>) && !isMatrix(x as Value<unknown>)) return `\`${p.name}\` is not a ${p.type.k === "vec" ? "vector" : "matrix"}`;
        out[p.key] = (isMatrix(x as Value<unknown>) ? matrix((x as unknown as { data: unknown[][] }).data.map((row) => row.map(lift) as never[])) : vector((x as unknown as { data: unknown[] }).data.map(lift) as never[])) as V;
        break;
      case "activation": {
        const name = isFn(x as Value<unknown>) ? (x as { name: string }).name : "";
        const f = activations(F).find((a) => isFn(a) && a.name === name);
        if (!f) return `no high-precision activation \`${name}\``;
        out[p.key] = f as V;
        break;
      }
      default:
        return `\`${p.name}\` (${p.type.k}) has no high-precision form`;
    }
  }
  return out;
}

/** One line on how the premises were met, for the report. */
function describePremises(mod: PropertyModule<Env>, probed: Record<string, string>, $: Runtime): string {
  const parts: string[] = [];
  for (const p of mod.premises) {
    if (p.kind === "contrapositive") parts.push(`${p.name}: contrapositive (witness budget ${$.budgets.exists})`);
    else if (p.kind === "filter") parts.push(`${p.name}: filtered`);
    else if (p.kind === "root") parts.push(`${p.name}: solved for its scalar unknown (a rational root of the equation, a polynomial of degree at most 2 in it), still checked`);
    else if (p.kind === "solved") parts.push(`${p.name}: solved for its unknown (Q S with Q from the generator of Sym.IsOrthogonal and SᵀS = c I), still checked`);
    else parts.push(`${p.name}: ${p.kind}`);
  }
  for (const [x, pred] of Object.entries(probed)) parts.push(`${x} drawn from the generator of ${pred}`);
  return parts.join("; ");
}

/** Integers `−6 … 6` (shrinking to 0), restricted by a sign constraint. */
function integerArb(c: Constraint): fc.Arbitrary<V> {
  const pos = fc.integer({ min: 1, max: 6 });
  switch (c) {
    case "positive":
      return pos;
    case "nonneg":
      return fc.integer({ min: 0, max: 6 });
    case "nonzero":
      return fc.oneof(pos, pos.map((x) => -x));
    default:
      return fc.integer({ min: -6, max: 6 });
  }
}
