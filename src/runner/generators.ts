/**
 * The runner's view of the generators of `src/generators/`: one arbitrary per variable from its
 * type and the constraint its hypotheses select, and the candidate lists of witness searches.
 * Only the `nonneg` scalar generator is the runner's own.
 */
import fc from "fast-check";
import {
  activations as activationList,
  defaultHypothesisGenerators,
  hypothesisArb,
  matrixCandidates,
  nearBoundaryArb,
  nonzeroScalarArb,
  positiveScalarArb,
  scalarCandidates,
  typeArb,
  vectorCandidates,
  type Dims,
} from "../generators/index.js";
import { activationValue } from "../semantics/builtins/define.js";
import type { Context } from "../semantics/context.js";
import type { Field } from "../semantics/field.js";
import type { Registry } from "../semantics/registry.js";
import type { TypeSpec } from "../semantics/types.js";
import type { Value } from "../semantics/value.js";

/**
 * What a hypothesis asks of a generated value: a sign condition, membership in a predicate
 * with a constructive generator (`pred:Sym.IsOrthogonal`), or closeness to the boundary of a
 * group (for premises checked through the contrapositive).
 */
export type Constraint = "none" | "positive" | "nonneg" | "nonzero" | "boundary" | `pred:${string}`;

/** Predicates with a constructive generator (candidates when a filter premise is probed). */
export function constructivePredicates(): string[] {
  return defaultHypothesisGenerators.predicates();
}

export function hasConstructiveGenerator(predicate: string): boolean {
  return defaultHypothesisGenerators.get(predicate) !== undefined;
}

function nonnegScalarArb<T>(F: Field<T>): fc.Arbitrary<T> {
  return fc.oneof(fc.constant(F.zero), positiveScalarArb(F));
}

/** An arbitrary for a value of type `spec` under constraint `c`; `undefined` when none exists. */
export function arbitraryFor<T>(
  ctx: Context<T>,
  registry: Registry,
  spec: TypeSpec,
  dims: Dims,
  c: Constraint = "none",
): fc.Arbitrary<Value<T>> | undefined {
  const F = ctx.F;
  try {
    if (spec.k === "scalar" && c === "positive") return positiveScalarArb(F);
    if (spec.k === "scalar" && c === "nonneg") return nonnegScalarArb(F);
    if (spec.k === "scalar" && c === "nonzero") return nonzeroScalarArb(F);
    if (spec.k === "nat" && c === "positive") return fc.integer({ min: 1, max: 5 });
    if (spec.k === "mat" && spec.m === spec.n && c !== "none") {
      const n = typeof spec.n === "number" ? spec.n : (dims[spec.n] as number);
      if (c === "boundary") return nearBoundaryArb(F, n);
      if (c.startsWith("pred:")) return hypothesisArb(ctx, registry, c.slice(5), n);
    }
    return typeArb(F, spec, dims);
  } catch {
    return undefined;
  }
}

/** Named activations of the mode (for replaying a stored counterexample). */
export function activations<T>(F: Field<T>): Array<Value<T>> {
  return activationList(F).map((s) => activationValue(s));
}

function take<X>(it: Iterable<X>, n: number): X[] {
  const out: X[] = [];
  if (n <= 0) return out;
  for (const x of it) {
    out.push(x);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * Candidates of a witness search or an inner `∀`, structured ones first (0, basis vectors,
 * their sums and differences, then random), `budget` in all.
 */
export function candidatesFor<T>(F: Field<T>, spec: TypeSpec, budget: number, seed: number): Value<T>[] | undefined {
  const num = (d: string | number): number => (typeof d === "number" ? d : NaN);
  switch (spec.k) {
    case "nat":
      return Array.from({ length: Math.min(budget, 6) }, (_, k) => k);
    case "fin":
      return Array.from({ length: Math.min(budget, num(spec.n)) }, (_, k) => k);
    case "scalar":
      return take(scalarCandidates(F, seed), budget);
    case "vec":
      return take(vectorCandidates(F, num(spec.n), seed), budget);
    case "mat":
      return take(matrixCandidates(F, num(spec.m), num(spec.n), seed), budget);
    case "activation":
      return activations(F).slice(0, budget);
    default:
      return undefined;
  }
}
