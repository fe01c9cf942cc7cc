/**
 * Numeric-only properties: parts of a claim that no Lean declaration states. Lean proves the
 * Schatten claims P3.18 and C3.19 for every even exponent `p = 2k` (`lean/Sym/Norm/Schatten.lean`,
 * through `tr ((Aᵀ A)^k)`); the odd exponents and `p = ∞` need singular values, which core Lean
 * does not have. These properties check the literal claims at `p ∈ {1, 3, ∞}` with the
 * singular-value Schatten norm of the numeric semantics (`Sym.schatten`, float mode).
 *
 * Each record carries the claim id, a name that says "numeric only" in place of a Lean
 * declaration, and `handWritten: true`. The verdict rules count such a record as a check of the
 * literal claim (a counterexample would be one to the paper's statement), never as a proof.
 */
import type { Env, PremiseSpec, PropertyModule, VariableSpec } from "./property.js";
import type { Runtime, V } from "./runtime.js";

/** The non-even Schatten exponents checked numerically, with their labels. */
export const NUMERIC_ONLY_SCHATTEN_EXPONENTS: readonly (readonly [string, number])[] = [
  ["1", 1],
  ["3", 3],
  ["∞", Infinity],
];

const SOURCE = "src/runner/numeric-only.ts";

/** The exponent as it appears in a record name (`1`, `3`, `Inf`): record names are Lean-style names. */
const tag = (label: string): string => (label === "∞" ? "Inf" : label);

/** The norm the properties check: a registry constant taking the exponent, then the matrix. */
export const SCHATTEN = "Sym.schatten";

/** `norm p` as a function value on matrices. */
function normFn($: Runtime, norm: string, p: number): V {
  return $.call(norm, [$.F.fromNumber(p) as V]);
}

function normOf($: Runtime, norm: string, p: number, A: V): V {
  return $.call(norm, [$.F.fromNumber(p) as V, A]);
}

const orthogonal = (name: string, key: string, n: string): VariableSpec => ({
  name,
  key,
  type: { k: "mat", m: n, n },
  constraint: "pred:Sym.IsOrthogonal",
  lean: `GL ${n} α`,
});

const isOrthogonalPremise = (key: string): PremiseSpec<Env> => ({
  name: `h${key}`,
  kind: "generated",
  lean: `IsOrthogonal ${key}`,
  holds: ($, v) => $.truth($.call("Sym.IsOrthogonal", [v[key] as V])),
});

/**
 * P3.18 at one exponent: `‖U A V‖_p = ‖A‖_p` for orthogonal `U`, `V` and every `m × n` matrix
 * `A` (the literal statement `IsUnitarilyInvariant m n (schatten p)`).
 */
export function unitarilyInvariant(label: string, p: number, norm = SCHATTEN): PropertyModule<Env> {
  return {
    meta: {
      declaration: `NumericOnly.isUnitarilyInvariant_schatten_p${tag(label)}`,
      claimId: "P3.18",
      source: SOURCE,
      mode: "float",
      statement: `IsUnitarilyInvariant m n (schatten ${label}) (numeric only: p = ${label} is not in Lean)`,
    },
    variables: [
      { name: "m", key: "m", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      orthogonal("U", "U", "m"),
      orthogonal("V", "V", "n"),
      { name: "A", key: "A", type: { k: "mat", m: "m", n: "n" }, constraint: "none", lean: "Mat m n α" },
    ],
    assignments: [],
    premises: [isOrthogonalPremise("U"), isOrthogonalPremise("V")],
    conclusion: ($, v) => $.eq(normOf($, norm, p, $.mul($.mul(v.U as V, v.A as V), v.V as V)), normOf($, norm, p, v.A as V)),
  };
}

/**
 * C3.19 at one exponent, both sides and both inclusions: for `D > 0` and `K ∈ GL d`,
 * `IsLeftIsometry D (schatten p) K ↔ IsOrthogonal K` and
 * `IsRightIsometry D (schatten p) K ↔ IsOrthogonal K`. Each run tries an orthogonal `Q` (which
 * must be an isometry on both sides) and an invertible `G` (an isometry exactly when
 * orthogonal). The isometry predicates are the registry's bounded checks over structured and
 * seeded random matrices; the rank-one candidates `E_ij`, `E_i0 ± E_j0` already separate every
 * non-orthogonal `G`, since `‖u vᵀ‖_p = ‖u‖ ‖v‖` for every `p`. `norm` is replaceable so that
 * tests can check the property against norms it must reject.
 */
export function isometryGroups(label: string, p: number, norm = SCHATTEN): PropertyModule<Env> {
  return {
    meta: {
      declaration: `NumericOnly.isometry_schatten_iff_isOrthogonal_p${tag(label)}`,
      claimId: "C3.19",
      source: SOURCE,
      mode: "float",
      statement: `(IsLeftIsometry D (schatten ${label}) K ↔ IsOrthogonal K) ∧ (IsRightIsometry D (schatten ${label}) K ↔ IsOrthogonal K) for K = Q orthogonal and K = G invertible (numeric only: p = ${label} is not in Lean)`,
    },
    variables: [
      { name: "d", key: "d", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      { name: "D", key: "D", type: { k: "nat" }, constraint: "positive", lean: "Nat" },
      orthogonal("Q", "Q", "d"),
      { name: "G", key: "G", type: { k: "mat", m: "d", n: "d" }, constraint: "pred:Sym.IsInvertible", lean: "GL d α" },
    ],
    assignments: [],
    premises: [
      { name: "hD", kind: "generated", lean: "0 < D", holds: ($, v) => $.nat(v.D as V) > 0 },
      isOrthogonalPremise("Q"),
      { name: "hG", kind: "generated", lean: "IsInvertible G", holds: ($, v) => $.truth($.call("Sym.IsInvertible", [v.G as V])) },
    ],
    conclusion: ($, v) => {
      const N = normFn($, norm, p);
      return [v.Q as V, v.G as V].every((K) => {
        const orth = $.truth($.call("Sym.IsOrthogonal", [K]));
        return $.truth($.call("Sym.IsLeftIsometry", [v.D as V, N, K])) === orth && $.truth($.call("Sym.IsRightIsometry", [v.D as V, N, K])) === orth;
      });
    },
  };
}

/** Every numeric-only property, in report order. */
export const numericOnlyProperties: readonly PropertyModule<Env>[] = [
  ...NUMERIC_ONLY_SCHATTEN_EXPONENTS.map(([label, p]) => unitarilyInvariant(label, p)),
  ...NUMERIC_ONLY_SCHATTEN_EXPONENTS.map(([label, p]) => isometryGroups(label, p)),
];

/** The numeric-only properties a run narrowed to a claim or a declaration checks, by name. */
export function numericOnlyNames(claim?: string, declaration?: string): Array<{ declaration: string; claimId: string }> {
  return numericOnlyProperties
    .filter((m) => (!claim || m.meta.claimId === claim) && (!declaration || m.meta.declaration === declaration))
    .map((m) => ({ declaration: m.meta.declaration, claimId: m.meta.claimId ?? "" }));
}
