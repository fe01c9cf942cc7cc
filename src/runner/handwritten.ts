/**
 * The escape hatch: hand-written properties for claims whose statements fall outside the
 * fragment, flagged `handWritten: true` in `out/numeric.json`. Keyed by declaration; kept to a
 * minimum (the issue allows three). Each follows its Lean statement and says where it departs.
 */
import { list } from "../semantics/value.js";
import type { Env, PropertyModule } from "./property.js";
import type { Runtime, Scalar, V } from "./runtime.js";

/** `rectId m n`: ones on the diagonal `i = j`, zeros elsewhere (Lean `Sym.Mat.rectId`). */
function rectId($: Runtime, m: number, n: number): V {
  return $.tabulate(m, n, (i, j) => (i === j ? $.num("1") : $.num("0")));
}

/**
 * R3.2a, `Sym.Net.exists_map_eq_two_layers`:
 * `∀ {n m k} (A : Mat k n α), n ≤ m ∨ k ≤ m → ∃ p : Params α n [m, k], map p = A`.
 * A witness search over parameter lists cannot hit an exact factorization, so the property
 * builds the witness of the Lean proof (`W₁ = rectId m n`, `W₂ = A rectId n m` when `n ≤ m`;
 * `W₁ = rectId m k A`, `W₂ = rectId k m` otherwise) and checks `map p = A` with the registry's
 * `Sym.Net.map`.
 */
const existsMapEqTwoLayers: PropertyModule<Env> = {
  meta: {
    declaration: "Sym.Net.exists_map_eq_two_layers",
    claimId: "R3.2a",
    source: "lean/Sym/Linear/Net.lean",
    mode: "exact",
    statement: "∃ p : Params α n [m, k], map p = A (witness of the proof)",
  },
  variables: [
    { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "Nat" },
    { name: "m", key: "m", type: { k: "nat" }, constraint: "none", lean: "Nat" },
    { name: "k", key: "k", type: { k: "nat" }, constraint: "none", lean: "Nat" },
    { name: "A", key: "A", type: { k: "mat", m: "k", n: "n" }, constraint: "none", lean: "Mat k n α" },
  ],
  assignments: [],
  premises: [
    {
      name: "h",
      kind: "filter",
      lean: "n ≤ m ∨ k ≤ m",
      holds: ($, v) => $.nat(v.n as V) <= $.nat(v.m as V) || $.nat(v.k as V) <= $.nat(v.m as V),
    },
  ],
  conclusion: ($, v) => {
    const n = $.nat(v.n as V);
    const m = $.nat(v.m as V);
    const k = $.nat(v.k as V);
    const A = v.A as V;
    const [W1, W2] = n <= m ? [rectId($, m, n), $.mul(A, rectId($, n, m))] : [$.mul(rectId($, m, k), A), rectId($, k, m)];
    const p: V = list<Scalar>([W1, list<Scalar>([W2, list<Scalar>([])])]);
    return $.eq($.call("Sym.Net.map", [p]), A);
  },
};

export const handWrittenProperties: ReadonlyMap<string, PropertyModule<Env>> = new Map([
  [existsMapEqTwoLayers.meta.declaration, existsMapEqTwoLayers],
]);
