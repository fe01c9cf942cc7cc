/**
 * Witness hints for `∃` over network parameters, which a search over random candidates cannot
 * hit: explicit constructions tried before the generic candidates.
 *
 * - R3.2a (`Sym.Net.exists_map_eq_two_layers`): a two-layer factorization `A = W₂ W₁` through a
 *   hidden width `m ≥ min(n, k)`, with rectangular identities.
 * - R3.2c (`Sym.Net.exists_ne_map_eq`): `q = K · p` with `K = (2 I, 1, …)`, another parameter
 *   with the same map when the first layer is nonzero.
 * - J3.11 (`Sym.exists_faithful_translationRep_orthogonal[_blocks]`): `v ↦ diag(R^(v i))`;
 *   (`…_shear`): `v ↦ I + N_v`.
 */
import type { Field } from "../semantics/field.js";
import { identity, mul, scalarMatrix } from "../semantics/matrix.js";
import { layerAction, nestPairs, unnestMatrices, widths } from "../semantics/net.js";
import { fn, isVector, tabulate, type Matrix, type Value } from "../semantics/value.js";
import { rotationRepresentation } from "../semantics/rotation.js";

function rectId<T>(F: Field<T>, m: number, n: number): Matrix<T> {
  return tabulate(m, n, (i, j) => (i === j ? F.one : F.zero));
}

/**
 * Parameters `(W₁, W₂)` of a network `n → m → k` with `W₂ W₁ = A` (`A : k × n`), when
 * `n ≤ m` or `k ≤ m`; `undefined` otherwise.
 */
export function twoLayerFactorization<T>(F: Field<T>, A: Matrix<T>, m: number): Value<T> | undefined {
  const k = A.rows;
  const n = A.cols;
  if (n <= m) return nestPairs<T>([rectId(F, m, n), mul(F, A, rectId(F, n, m))]);
  if (k <= m) return nestPairs<T>([mul(F, rectId(F, m, k), A), rectId(F, k, m)]);
  return undefined;
}

/**
 * Parameters with layer widths `ws = [n₁, …, n_L]` (`n_L = k`) whose map is `A : k × n`, when
 * every width is at least `min(n, k)` (R3.2a for any depth): rectangular identities pass the
 * `min(n, k)` coordinates through, `A` sits in the last layer (`n ≤ k`) or the first (`k < n`).
 */
export function factorThroughWidths<T>(F: Field<T>, A: Matrix<T>, ws: readonly number[]): Value<T> | undefined {
  const n = A.cols;
  const k = A.rows;
  const L = ws.length;
  if (L === 0 || ws[L - 1] !== k) return undefined;
  const r = Math.min(n, k);
  if (ws.some((w) => w < r)) return undefined;
  const all = [n, ...ws];
  const Ws: Matrix<T>[] = [];
  for (let i = 1; i <= L; i++) Ws.push(rectId(F, all[i] as number, all[i - 1] as number));
  if (L === 1) return nestPairs<T>([A]);
  if (n <= k) Ws[L - 1] = mul(F, A, rectId(F, n, all[L - 1] as number));
  else Ws[0] = mul(F, rectId(F, all[1] as number, k), A);
  return nestPairs<T>(Ws);
}

/** `(2 I, I, …) · p`: parameters with the same map as `p`, different when `W₁ ≠ 0`. */
export function rescaledParameters<T>(F: Field<T>, p: Value<T>): Value<T> | undefined {
  const Ws = unnestMatrices(p);
  if (Ws.length < 2) return undefined;
  const ns = widths(Ws);
  const Ks = ns.slice(1, -1).map((n, i) => (i === 0 ? scalarMatrix(F, n, F.fromInt(2)) : identity(F, n)));
  return nestPairs<T>(layerAction(F, Ks, Ws));
}

/** Hints by declaration: given the statement's variables, candidate witnesses for its `∃`. */
export const witnessHints: Readonly<Record<string, <T>(F: Field<T>, env: Readonly<Record<string, Value<T>>>) => Value<T>[]>> = {
  "Sym.Net.exists_map_eq_two_layers": (F, env) => {
    const A = env["A"];
    const m = env["m"];
    if (typeof A !== "object" || A === null || !("kind" in A) || A.kind !== "mat" || typeof m !== "number") return [];
    const p = twoLayerFactorization(F, A, m);
    return p ? [p] : [];
  },
  "Sym.Net.exists_map_eq": (F, env) => {
    const A = env["A"];
    const m = env["m"];
    const ws = env["ws"];
    if (typeof A !== "object" || A === null || !("kind" in A) || A.kind !== "mat" || typeof m !== "number") return [];
    if (typeof ws !== "object" || ws === null || !("kind" in ws) || ws.kind !== "list") return [];
    const widthsList = ws.items.filter((x): x is number => typeof x === "number");
    const p = factorThroughWidths(F, A, [m, ...widthsList]);
    return p ? [p] : [];
  },
  "Sym.exists_faithful_translationRep_orthogonal": (F) => [rotationRepresentationFn(F, 1)],
  "Sym.exists_faithful_translationRep_orthogonal_blocks": (F, env) => {
    const d = env["d"];
    return typeof d === "number" ? [rotationRepresentationFn(F, d)] : [];
  },
  "Sym.exists_faithful_translationRep_shear": (F, env) => {
    const d = env["d"];
    return typeof d === "number" ? [shearRepresentationFn(F, d)] : [];
  },
  "Sym.Net.exists_ne_map_eq": (F, env) => {
    const p = env["p"];
    if (p === undefined) return [];
    const q = rescaledParameters(F, p);
    return q ? [q] : [];
  },
};

/** `v ↦ diag(R^(v 0), …, R^(v (d−1)))` as a function value on points of ℤ^d (J3.11). */
export function rotationRepresentationFn<T>(F: Field<T>, d: number): Value<T> {
  return fn<T>(
    "rotBlockRep",
    1,
    ([v]) => {
      if (v === undefined || !isVector(v) || v.size !== d) throw new Error(`rotBlockRep applies to a point of ℤ^${d}`);
      return rotationRepresentation(F, v.data.map((x) => F.toNumber(x)));
    },
    d,
  );
}

/** `v ↦ I + N_v` (first row `(1, v_0, …, v_{d−1})`) on points of ℤ^d (J3.11, unipotent). */
export function shearRepresentationFn<T>(F: Field<T>, d: number): Value<T> {
  return fn<T>(
    "shearGL",
    1,
    ([v]) => {
      if (v === undefined || !isVector(v) || v.size !== d) throw new Error(`shearGL applies to a point of ℤ^${d}`);
      return tabulate(d + 1, d + 1, (i, j) => (i === 0 && j > 0 ? (v.data[j - 1] as T) : i === j ? F.one : F.zero));
    },
    d,
  );
}
