/**
 * The escape hatch: hand-written properties for claims whose statements fall outside the
 * fragment, flagged `handWritten: true` in `out/numeric.json`. Keyed by declaration; kept to a
 * minimum (the issue allows three). Each follows its Lean statement and says where it departs.
 */
import { rank } from "../semantics/inverse.js";
import { isList, isMatrix, list } from "../semantics/value.js";
import { decoderLawProperty, encoderLawProperty } from "./jacobian-laws.js";
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

/** The first layer `W₁` of nested parameter pairs `(W₁, (W₂, …))`. */
function firstLayer(p: V): V {
  if (!isList(p) || p.items[0] === undefined) throw new Error("expected parameters");
  return p.items[0];
}

/** The widths of parameters `(W₁, (W₂, …))`: the row counts of the layers. */
function layerMatrices(p: V): V[] {
  const out: V[] = [];
  let x = p;
  while (isList(x) && x.items.length === 2) {
    out.push(x.items[0] as V);
    x = x.items[1] as V;
  }
  return out;
}

/**
 * R3.2b, `Sym.Net.exists_factor_minWidth`:
 * `∀ p : Params α n ws, ∃ (B : Mat (outWidth n ws) (minWidth n ws) α) (C : Mat (minWidth n ws) n α), map p = B * C`.
 * Departs from the statement in one step: a factorization through `r` columns exists exactly
 * when `rank (map p) ≤ r` (exact rank over the rationals), which is what the property checks,
 * with `r = minWidth n ws = min (n, n₁, …, n_L)`.
 */
const existsFactorMinWidth: PropertyModule<Env> = {
  meta: {
    declaration: "Sym.Net.exists_factor_minWidth",
    claimId: "R3.2b",
    source: "lean/Sym/Linear/Net.lean",
    mode: "exact",
    statement: "rank (map p) ≤ minWidth n ws (⇔ map p = B * C through minWidth n ws)",
  },
  variables: [
    { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "Nat" },
    { name: "ws", key: "ws", type: { k: "list", of: { k: "nat" } }, constraint: "none", lean: "List Nat" },
    { name: "p", key: "p", type: { k: "params", widths: "ws", input: "n" }, constraint: "none", lean: "Params α n ws" },
  ],
  assignments: [],
  premises: [],
  conclusion: ($, v) => {
    const wsv = v.ws as V;
    const ws = isList(wsv) ? wsv.items.map((w) => $.nat(w)) : [];
    const r = Math.min($.nat(v.n as V), ...ws);
    const M = $.call("Sym.Net.map", [v.p as V]);
    if (!isMatrix(M)) throw new Error("map p is not a matrix");
    return rank($.F, M) <= r;
  },
};

/**
 * R3.2c, `Sym.Net.exists_ne_map_eq`:
 * `p.1 ≠ 0 → ∃ q : Params α n (m :: m' :: ws), q ≠ p ∧ map q = map p`.
 * A witness search cannot find `q`; the property takes the witness of the proof,
 * `q = act (2 I, 1, …, 1) p`, and checks both conjuncts with the registry's `Sym.Net.act` and
 * `Sym.Net.map`.
 */
const existsNeMapEq: PropertyModule<Env> = {
  meta: {
    declaration: "Sym.Net.exists_ne_map_eq",
    claimId: "R3.2c",
    source: "lean/Sym/Linear/Net.lean",
    mode: "exact",
    statement: "q := act (2I, 1, …) p: q ≠ p ∧ map q = map p (witness of the proof)",
  },
  variables: [
    { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "Nat" },
    { name: "ws", key: "ws", type: { k: "list", of: { k: "nat" } }, constraint: "none", lean: "List Nat" },
    { name: "p", key: "p", type: { k: "params", widths: "ws", input: "n" }, constraint: "none", lean: "Params α n (m :: m' :: ws)" },
  ],
  assignments: [],
  premises: [
    {
      name: "hidden",
      kind: "filter",
      lean: "ws = m :: m' :: _ (a hidden layer)",
      holds: (_$, v) => {
        const wsv = v.ws as V;
        return isList(wsv) && wsv.items.length >= 2;
      },
    },
    {
      name: "hp",
      kind: "filter",
      lean: "p.1 ≠ Mat.zero m n",
      holds: ($, v) => {
        const W1 = firstLayer(v.p as V);
        return !$.eq(W1, $.mul($.num("0"), W1));
      },
    },
  ],
  conclusion: ($, v) => {
    const layers = layerMatrices(v.p as V);
    const hidden = layers.slice(0, -1).map((W, i) => {
      const rows = isMatrix(W) ? W.rows : 0;
      return $.ascribe(i === 0 ? $.num("2") : $.num("1"), { k: "mat", m: rows, n: rows });
    });
    const K = hidden.reduceRight<V>((acc, k) => list<Scalar>([k, acc]), list<Scalar>([]));
    const q = $.call("Sym.Net.act", [K, v.p as V]);
    return !$.eq(q, v.p as V) && $.eq($.call("Sym.Net.map", [q]), $.call("Sym.Net.map", [v.p as V]));
  },
};

const encoderLaw = encoderLawProperty();
const decoderLaw = decoderLawProperty();

export const handWrittenProperties: ReadonlyMap<string, PropertyModule<Env>> = new Map([
  [existsMapEqTwoLayers.meta.declaration, existsMapEqTwoLayers],
  [existsFactorMinWidth.meta.declaration, existsFactorMinWidth],
  [existsNeMapEq.meta.declaration, existsNeMapEq],
  [encoderLaw.meta.declaration, encoderLaw],
  [decoderLaw.meta.declaration, decoderLaw],
]);
