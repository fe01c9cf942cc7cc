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
  resolveDim,
  scalarCandidates,
  take,
  typeArb,
  vectorCandidates,
  type Dims,
} from "../generators/index.js";
import { activationValue } from "../semantics/builtins/define.js";
import type { Context } from "../semantics/context.js";
import type { Field } from "../semantics/field.js";
import type { Registry } from "../semantics/registry.js";
import type { TypeSpec } from "../semantics/types.js";
import { entriesOf, fn, type Value } from "../semantics/value.js";

/**
 * What a hypothesis asks of a generated value: a sign condition, membership in a predicate
 * with a constructive generator (`pred:Sym.IsOrthogonal`), or closeness to the boundary of a
 * group (for premises checked through the contrapositive).
 */
export type Constraint = "none" | "positive" | "nonneg" | "nonzero" | "boundary" | "mixed" | "mixed-invertible" | `pred:${string}` | `circle:${string}`;

/**
 * A rational point `(c, s)` of the unit circle: `((1 − u²)/(1 + u²), 2u/(1 + u²))` for rational
 * `u` (every rational point but `(−1, 0)`, which is added), with signs swapped at random.
 */
export function circleArb<T>(F: Field<T>): fc.Arbitrary<[T, T]> {
  const u = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 }));
  const point = u.map(([p, q]): [T, T] => {
    const pp = F.fromInt(p * p);
    const qq = F.fromInt(q * q);
    const d = F.add(qq, pp);
    return [F.div(F.sub(qq, pp), d), F.div(F.fromInt(2 * p * q), d)];
  });
  // The four points on the axes (the identity rotation among them) as often as all the others:
  // premises such as "the rotation commutes with ReLU" hold only there.
  const axes = fc.constantFrom<[T, T]>([F.one, F.zero], [F.zero, F.one], [F.neg(F.one), F.zero], [F.zero, F.neg(F.one)]);
  return fc.oneof(point, axes);
}

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
      const n = resolveDim(dims, spec.n);
      if (c === "boundary") return nearBoundaryArb(F, n);
      // Random matrices (invertible ones for `GL`) mixed with the near-boundary families.
      if (c === "mixed") return fc.oneof(typeArb(F, spec, dims), nearBoundaryArb(F, n));
      if (c === "mixed-invertible") {
        const inv = hypothesisArb(ctx, registry, "Sym.IsInvertible", n);
        return inv ? fc.oneof(inv, nearBoundaryArb(F, n)) : nearBoundaryArb(F, n);
      }
      if (c.startsWith("pred:")) return hypothesisArb(ctx, registry, c.slice(5), n);
    }
    if (spec.k === "fn") return functionArb(ctx, spec, dims) ?? typeArb(F, spec, dims);
    return typeArb(F, spec, dims);
  } catch {
    return undefined;
  }
}

/** Named activations of the mode (for replaying a stored counterexample). */
export function activations<T>(F: Field<T>): Array<Value<T>> {
  return activationList(F).map((s) => activationValue(s));
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

/**
 * Generators of function-valued variables, by shape: data sets `Fin N → Vec D α` (tables),
 * per-example losses `Vec D α → Vec D α → α`, matrix functionals `Mat m n α → α`, linear and
 * ReLU-linear maps `Vec n α → Vec m α`. Each value is named, so counterexamples say which.
 */
function functionArb<T>(ctx: Context<T>, spec: Extract<TypeSpec, { k: "fn" }>, dims: Dims): fc.Arbitrary<Value<T>> | undefined {
  const F = ctx.F;
  const from = spec.from[0];
  if (spec.from.length !== 1 || !from) return undefined;
  const to = spec.to;
  if (from.k === "fin" && (to.k === "vec" || to.k === "scalar")) {
    const n = resolveDim(dims, from.n);
    const elem = typeArb(F, to, dims);
    return fc.array(elem, { minLength: n, maxLength: n }).map((rows) => fn<T>("data", 1, (xs) => rows[Number(xs[0])] as Value<T>));
  }
  if (from.k === "vec" && to.k === "fn" && to.from.length === 1 && to.from[0]?.k === "vec" && to.to.k === "scalar") {
    const losses: Array<[string, (a: readonly T[], b: readonly T[]) => T]> = [
      ["sqDist", (a, b) => a.reduce((s, x, i) => F.add(s, F.mul(F.sub(x, b[i] as T), F.sub(x, b[i] as T))), F.zero)],
      ["l1Dist", (a, b) => a.reduce((s, x, i) => F.add(s, F.abs(F.sub(x, b[i] as T))), F.zero)],
      ["dot", (a, b) => a.reduce((s, x, i) => F.add(s, F.mul(x, b[i] as T)), F.zero)],
    ];
    return fc.constantFrom(...losses).map(([name, f]) =>
      fn<T>(name, 2, (xs) => f((xs[0] as { data: T[] }).data, (xs[1] as { data: T[] }).data)),
    );
  }
  if (from.k === "mat" && to.k === "scalar") {
    const entries = (A: Value<T>): T[] => entriesOf((A as { data: T[][] }).data);
    const functionals: Array<[string, (xs: T[]) => T]> = [
      ["frobSq", (xs) => xs.reduce((s, x) => F.add(s, F.mul(x, x)), F.zero)],
      ["l1", (xs) => xs.reduce((s, x) => F.add(s, F.abs(x)), F.zero)],
      ["maxAbs", (xs) => xs.reduce((s, x) => (F.lt(s, F.abs(x)) ? F.abs(x) : s), F.zero)],
      ["sum", (xs) => xs.reduce((s, x) => F.add(s, x), F.zero)],
    ];
    return fc.constantFrom(...functionals).map(([name, f]) => fn<T>(name, 1, (xs) => f(entries(xs[0] as Value<T>))));
  }
  if (from.k === "vec" && to.k === "vec") {
    const m = resolveDim(dims, to.n);
    const n = resolveDim(dims, from.n);
    return fc.tuple(typeArb(F, { k: "mat", m, n }, dims), fc.boolean()).map(([M, relu]) => {
      const A = M as { data: T[][] };
      return fn<T>(relu ? "relu∘linear" : "linear", 1, (xs) => {
        const v = (xs[0] as { data: T[] }).data;
        const out = A.data.map((row) => row.reduce((s, a, j) => F.add(s, F.mul(a, v[j] as T)), F.zero));
        return vectorOf(relu ? out.map((x) => (F.lt(x, F.zero) ? F.zero : x)) : out);
      });
    });
  }
  return undefined;
}

function vectorOf<T>(data: T[]): Value<T> {
  return { kind: "vec", size: data.length, data };
}
