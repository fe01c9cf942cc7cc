/**
 * Runs one generated property with fast-check and turns the outcome into a `NumericRecord`.
 * A property that throws is an `error`, a statement outside the fragment is `unsupported`;
 * neither stops the other claims.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import type { Dim } from "../semantics/types.js";
import { messageText } from "../diagnostics/index.js";
import { arbitraryFor, type Constraint } from "./generators.js";
import type { Env, PropertyModule } from "./property.js";
import { deserializeEnv, serializeEnv } from "./replay.js";
import { Runtime, type Budgets, type V } from "./runtime.js";
import type { NumericRecord } from "./types.js";

export interface RunOptions {
  runs: number;
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

function dimsUsed(mod: PropertyModule<Env>): Set<string> {
  const out = new Set<string>();
  const add = (d: Dim): void => {
    if (typeof d === "string") out.add(d);
  };
  for (const p of mod.variables) {
    const t = p.type;
    if (t.k === "vec" || t.k === "fin") add(t.n);
    if (t.k === "mat") {
      add(t.m);
      add(t.n);
    }
  }
  return out;
}

/** The arbitrary of a module's environment: sizes first, then everything else. */
export function environmentArbitrary($: Runtime, mod: PropertyModule<Env>): fc.Arbitrary<Env> | string {
  const dims = dimsUsed(mod);
  const assigned = new Set(mod.assignments.map((a) => a.key));
  const keyOf = new Map(mod.variables.map((p) => [p.name, p.key]));
  const sizes: Record<string, fc.Arbitrary<V>> = {};
  for (const p of mod.variables) {
    if (p.type.k === "nat" && (dims.has(p.key) || dims.has(p.name)) && !assigned.has(p.key)) {
      sizes[p.key] = fc.integer({ min: 1, max: 4 });
    }
  }
  const F = $.F as Field<unknown>;
  const rest = (s: Record<string, V>): fc.Arbitrary<Env> | string => {
    const arbs: Record<string, fc.Arbitrary<V>> = {};
    for (const p of mod.variables) {
      if (p.key in sizes || assigned.has(p.key)) continue;
      const dim = (d: Dim): number => (typeof d === "number" ? d : Number(s[keyOf.get(d) ?? d] ?? s[d] ?? NaN));
      const a = arbitraryFor(F, p.type, dim, p.constraint as Constraint);
      if (!a) return `no generator for \`${p.name} : ${p.lean}\``;
      arbs[p.key] = a as fc.Arbitrary<V>;
    }
    return fc.record(arbs).map((r) => ({ ...s, ...r }) as Env);
  };
  if (Object.keys(sizes).length === 0) return rest({});
  // Probe once for a missing generator (sizes 1).
  const probe = rest(Object.fromEntries(Object.keys(sizes).map((k) => [k, 1])));
  if (typeof probe === "string") return probe;
  return fc.record(sizes).chain((s) => rest(s) as fc.Arbitrary<Env>);
}

export interface Evaluation {
  /** `true`: holds; `false`: refuted; `"skip"`: premises not met. */
  outcome: boolean | "skip";
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
  for (const p of mod.premises) {
    if (p.kind === "contrapositive" && p.violated && p.violated($, full)) return { outcome: "skip", env: full };
  }
  return { outcome: false, env: full };
}

export function runProperty(mod: PropertyModule<Env>, opts: RunOptions, base: Omit<NumericRecord, "status" | "runs" | "skips" | "seconds" | "maxResidual" | "seed" | "mode">): NumericRecord {
  const start = performance.now();
  const $ = new Runtime(mod.meta.mode, undefined, opts.budgets);
  return runWith($, mod, opts, base, start);
}

export function runWith(
  $: Runtime,
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
  const arb = environmentArbitrary($, mod);
  if (typeof arb === "string") {
    rec.status = "unsupported";
    rec.message = arb;
    rec.seconds = (performance.now() - start) / 1000;
    return rec;
  }
  const examples: Array<[Env]> = [];
  for (const e of opts.examples ?? []) {
    const env = deserializeEnv($, mod.variables, e);
    if (env) examples.push([env]);
  }
  let vacuous = 0;
  const property = fc.property(arb, (env) => {
    let r: Evaluation;
    try {
      r = evaluate($, mod, env);
    } catch (e) {
      throw new PropertyThrew(e);
    }
    if (r.outcome === "skip") {
      vacuous++;
      fc.pre(false);
    }
    return r.outcome === true;
  });
  const params: fc.Parameters<[Env]> = { numRuns: opts.runs, seed: opts.seed, examples, maxSkipsPerRun: 100 };
  if (opts.path) params.path = opts.path;
  const details = fc.check(property, params);
  rec.runs = details.numRuns + details.numSkips;
  rec.skips = details.numSkips;
  rec.maxResidual = $.mode === "exact" ? 0 : $.ctx.maxResidual;
  void vacuous;
  if (details.failed) {
    if (details.counterexample === null) {
      rec.status = "error";
      rec.message = messageText("SYM306", `${details.numSkips} skipped of ${details.numRuns + details.numSkips}`);
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
      rec.shrinks = details.numShrinks;
      if (details.counterexamplePath) rec.path = details.counterexamplePath;
    }
  } else if (examples.length > 0) {
    rec.message = messageText("SYM302", opts.seed, opts.path ?? "-");
  }
  rec.seconds = Math.round((performance.now() - start) / 10) / 100;
  return rec;
}
