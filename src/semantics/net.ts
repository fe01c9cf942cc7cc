/**
 * Deep linear networks (D3.1, D3.4) and activated networks (P3.2a). Parameters are a list
 * `[W_1, …, W_L]` (first layer first) with `W_i : Mat n_i n_{i-1}`; the layer group acts by a
 * list `[K_1, …, K_{L-1}]` of invertible `K_i : Mat n_i n_i`.
 */
import { applyToVector, type Activation } from "./activation.js";
import { SemanticsTypeError, type Field } from "./field.js";
import { inverse } from "./inverse.js";
import { identity, mul, mulVec } from "./matrix.js";
import { describe, isList, isMatrix, list, type ListValue, type Matrix, type Value, type Vector } from "./value.js";

/**
 * Lean's nested pairs `(W₁, (W₂, …, ()))` as runtime lists `[W₁, [W₂, …, []]]` (`()` is the
 * empty list). `Sym.Net.Params` and `Sym.Net.LayerGroup` values use this shape, so `p.1` and `p.2`
 * project as in Lean.
 */
export function nestPairs<T>(items: readonly Value<T>[]): ListValue<T> {
  let acc: ListValue<T> = list<T>([]);
  for (let i = items.length - 1; i >= 0; i--) acc = list([items[i] as Value<T>, acc]);
  return acc;
}

/** The matrices of nested pairs (or of a flat list) in order; throws on anything else. */
export function unnestMatrices<T>(v: Value<T>): Matrix<T>[] {
  const out: Matrix<T>[] = [];
  const walk = (x: Value<T>): void => {
    if (isMatrix(x)) out.push(x);
    else if (isList(x)) x.items.forEach(walk);
    else throw new SemanticsTypeError(`expected layer matrices, got ${describe(x)}`);
  };
  walk(v);
  return out;
}

/** The widths `[n_0, n_1, …, n_L]`; throws when consecutive layers do not match. */
export function widths<T>(Ws: readonly Matrix<T>[]): number[] {
  const first = Ws[0];
  if (!first) throw new SemanticsTypeError("a network needs at least one layer");
  const ns = [first.cols];
  for (const [i, W] of Ws.entries()) {
    if (W.cols !== ns[i]) {
      throw new SemanticsTypeError(`layer ${i + 1} is ${W.rows}×${W.cols} but the previous width is ${ns[i]}`);
    }
    ns.push(W.rows);
  }
  return ns;
}

/** `Φ(W) = W_L ⋯ W_1`. */
export function phi<T>(F: Field<T>, Ws: readonly Matrix<T>[]): Matrix<T> {
  const ns = widths(Ws);
  let acc = identity(F, ns[0] as number);
  for (const W of Ws) acc = mul(F, W, acc);
  return acc;
}

function checkGroup<T>(Ks: readonly Matrix<T>[], ns: readonly number[]): void {
  if (Ks.length !== ns.length - 2) {
    throw new SemanticsTypeError(`a network with ${ns.length - 1} layers needs ${ns.length - 2} hidden-layer matrices, got ${Ks.length}`);
  }
  for (const [i, K] of Ks.entries()) {
    const n = ns[i + 1] as number;
    if (K.rows !== n || K.cols !== n) throw new SemanticsTypeError(`K_${i + 1} is ${K.rows}×${K.cols}, hidden width is ${n}`);
  }
}

/**
 * The layer action `K · W = (W_L K_{L-1}⁻¹, …, K_i W_i K_{i-1}⁻¹, …, K_1 W_1)` (D3.4), returned
 * first layer first.
 */
export function layerAction<T>(F: Field<T>, Ks: readonly Matrix<T>[], Ws: readonly Matrix<T>[]): Matrix<T>[] {
  const ns = widths(Ws);
  checkGroup(Ks, ns);
  return Ws.map((W, i) => {
    const left = Ks[i];
    const right = i > 0 ? Ks[i - 1] : undefined;
    const lw = left ? mul(F, left, W) : W;
    return right ? mul(F, lw, inverse(F, right)) : lw;
  });
}

/** The componentwise product `(K_i H_i)_i` of the layer group (P3.3). */
export function groupMul<T>(F: Field<T>, Ks: readonly Matrix<T>[], Hs: readonly Matrix<T>[]): Matrix<T>[] {
  if (Ks.length !== Hs.length) throw new SemanticsTypeError(`group tuples of lengths ${Ks.length} and ${Hs.length}`);
  return Ks.map((K, i) => mul(F, K, Hs[i] as Matrix<T>));
}

/** The componentwise inverse `(K_i⁻¹)_i`. */
export function groupInv<T>(F: Field<T>, Ks: readonly Matrix<T>[]): Matrix<T>[] {
  return Ks.map((K) => inverse(F, K));
}

/** The identity `(I, …, I)` of the layer group of a network with widths `ns`. */
export function groupOne<T>(F: Field<T>, ns: readonly number[]): Matrix<T>[] {
  return ns.slice(1, -1).map((n) => identity(F, n));
}

/** `Φ_σ(W)(x) = W_L σ(W_{L-1} σ(⋯ σ(W_1 x)))` (no activation after the last layer). */
export function phiSigma<T>(F: Field<T>, s: Activation<T>, Ws: readonly Matrix<T>[], x: Vector<T>): Vector<T> {
  widths(Ws);
  let h = x;
  for (const [i, W] of Ws.entries()) {
    h = mulVec(F, W, h);
    if (i < Ws.length - 1) h = applyToVector(s, h);
  }
  return h;
}
