/**
 * Registry entries of `Sym/Autoencoder/Basic.lean` and `Sym/Autoencoder/Scaling.lean`.
 * Encoders, decoders and reconstructions are function values; a group action
 * (`GroupAction G X`) is the function value `k x ↦ k · x`, so `A.act k x` and
 * `Sym.GroupAction.act A k x` both apply it.
 */
import { toScalar, type Context } from "../context.js";
import { SemanticsTypeError } from "../field.js";
import { mulVec } from "../matrix.js";
import { applyValue, inv } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import { vadd } from "../vector.js";
import { fn, isMatrix, isVector, tabulate, tabulateVector, type FnValue } from "../value.js";
import { define } from "./define.js";

const vecMap = T.fn([T.vec("n")], T.vec("m"));

/** The least size 1..8 of vectors that `f` accepts (for maps built without a known input size). */
export function probeInputSize<T>(ctx: Context<T>, f: FnValue<T>): number | undefined {
  for (let n = 1; n <= 8; n++) {
    try {
      const v = applyValue(ctx, f, [tabulateVector(n, () => ctx.F.zero)]);
      if (isVector(v)) return n;
    } catch {
      // wrong size: try the next one
    }
  }
  return undefined;
}

export const autoencoderEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.Autoencoder.reconstruct",
    params: [["f", vecMap], ["g", vecMap]],
    result: vecMap,
    doc: "D3.12: the reconstruction g ∘ f",
    impl: (a) => {
      const f = a.fn(0);
      const g = a.fn(1);
      return fn(`(${g.name} ∘ ${f.name})`, 1, (xs) => applyValue(a.ctx, g, [applyValue(a.ctx, f, xs)]), f.inputSize);
    },
  }),
  define({
    name: "Sym.Autoencoder.layer",
    params: [["σ", T.activation], ["W", T.mat("m", "n")], ["b", T.vec("m")]],
    result: vecMap,
    doc: "D3.13: the layer a ↦ σ(W a + b)",
    impl: (a) => {
      const s = a.activation(0);
      const W = a.mat(1);
      const b = a.vec(2, W.rows);
      const F = a.ctx.F;
      return fn(
        "layer",
        1,
        ([x]) => {
          if (x === undefined || !isVector(x)) throw new SemanticsTypeError("a layer applies to a vector");
          const z = vadd(F, mulVec(F, W, x), b);
          return tabulateVector(z.size, (i) => s.apply(z.data[i] as typeof F.zero));
        },
        W.cols,
      );
    },
  }),
  define({
    name: "Sym.Autoencoder.oneLayerReconstruct",
    params: [["σf", T.activation], ["σg", T.activation], ["W", T.mat("d", "D")], ["bz", T.vec("d")], ["W'", T.mat("D", "d")], ["bY", T.vec("D")]],
    result: T.fn([T.vec("D")], T.vec("D")),
    doc: "D3.13: the one-layer autoencoder's reconstruction",
    impl: (a) => {
      const reg = autoencoderEntries;
      const layer = reg.find((e) => e.name === "Sym.Autoencoder.layer");
      const reconstruct = reg.find((e) => e.name === "Sym.Autoencoder.reconstruct");
      if (!layer || !reconstruct) throw new Error("autoencoder entries missing");
      const f = layer.impl(a.ctx, [a.raw(0), a.raw(2), a.raw(3)]);
      const g = layer.impl(a.ctx, [a.raw(1), a.raw(4), a.raw(5)]);
      return reconstruct.impl(a.ctx, [f, g]);
    },
  }),
  define({
    name: "Sym.Autoencoder.sqDist",
    params: [["a", T.vec("D")], ["b", T.vec("D")]],
    result: T.scalar,
    doc: "Σ (a_i − b_i)²",
    impl: (a) => {
      const F = a.ctx.F;
      const u = a.vec(0);
      const v = a.vec(1, u.size);
      let s = F.zero;
      for (let i = 0; i < u.size; i++) {
        const d = F.sub(u.data[i] as typeof F.zero, v.data[i] as typeof F.zero);
        s = F.add(s, F.mul(d, d));
      }
      return s;
    },
  }),
  define({
    name: "Sym.Autoencoder.linMap",
    params: [["M", T.mat("m", "n")]],
    result: vecMap,
    doc: "the linear map a ↦ M a",
    impl: (a) => {
      const M = a.mat(0);
      return fn(
        "linMap",
        1,
        ([x]) => {
          if (x === undefined || !isVector(x)) throw new SemanticsTypeError("linMap applies to a vector");
          return mulVec(a.ctx.F, M, x);
        },
        M.cols,
      );
    },
  }),
  define({
    name: "Sym.Autoencoder.meanLoss",
    params: [["L", T.fn([T.vec("D"), T.vec("D")], T.scalar)], ["r", vecMap], ["N", T.nat], ["data", T.fn([T.fin("N")], T.vec("D"))]],
    result: T.scalar,
    doc: "D3.13: (1/N) Σ_k L (data k) (r (data k))",
    impl: (a) => {
      const F = a.ctx.F;
      const N = a.nat(2);
      let s = F.zero;
      for (let k = 0; k < N; k++) {
        const x = applyValue(a.ctx, a.raw(3), [k]);
        s = F.add(s, toScalar(F, applyValue(a.ctx, a.raw(0), [x, applyValue(a.ctx, a.raw(1), [x])])));
      }
      // Lean's field division: `s / 0 = 0` (no data).
      return N === 0 ? F.zero : F.div(s, F.fromInt(N));
    },
  }),
  define({
    name: "Sym.Autoencoder.glAction",
    params: [["d", T.nat]],
    result: T.fn([T.sq("d"), T.vec("d")], T.vec("d")),
    doc: "the action K · z = K z of GL d on latent vectors",
    impl: (a) =>
      fn("glAction", 2, ([K, z]) => {
        if (K === undefined || z === undefined || !isMatrix(K) || !isVector(z)) {
          throw new SemanticsTypeError("glAction acts by a matrix on a vector");
        }
        return mulVec(a.ctx.F, K, z);
      }),
  }),
  define({
    name: "Sym.GroupAction.act",
    params: [["A", T.fn([T.scalar, T.scalar], T.scalar)], ["k", T.scalar], ["x", T.scalar]],
    result: T.scalar,
    doc: "A.act k x",
    impl: (a) => applyValue(a.ctx, a.fn(0), [a.raw(1), a.raw(2)]),
  }),
  define({
    name: "Sym.Autoencoder.actEncoder",
    params: [["A", T.fn([T.scalar, T.scalar], T.scalar)], ["k", T.scalar], ["f", vecMap]],
    result: vecMap,
    doc: "D3.14: f_k = k · f",
    impl: (a) => {
      const A = a.fn(0);
      const k = a.raw(1);
      const f = a.fn(2);
      return fn("actEncoder", 1, (xs) => applyValue(a.ctx, A, [k, applyValue(a.ctx, f, xs)]), f.inputSize);
    },
  }),
  define({
    name: "Sym.Autoencoder.actDecoder",
    params: [["A", T.fn([T.scalar, T.scalar], T.scalar)], ["k", T.scalar], ["g", vecMap]],
    result: vecMap,
    doc: "D3.14: g_k = g ∘ (k⁻¹ ·)",
    impl: (a) => {
      const A = a.fn(0);
      const kinv = inv(a.ctx, a.raw(1));
      const g = a.fn(2);
      return fn("actDecoder", 1, (zs) => applyValue(a.ctx, g, [applyValue(a.ctx, A, [kinv, ...zs])]), g.inputSize);
    },
  }),
  define({
    name: "Sym.Autoencoder.jac",
    params: [["F", vecMap]],
    result: T.mat("m", "n"),
    doc: "L3.3.4: jac F i j = (F e_j) i (the Jacobian of a linear map); needs a map whose input size is known",
    impl: (a) => {
      const f = a.fn(0);
      const F = a.ctx.F;
      const n = f.inputSize ?? probeInputSize(a.ctx, f);
      if (n === undefined) throw new SemanticsTypeError(`jac: the input size of ${f.name} is unknown`);
      const cols = Array.from({ length: n }, (_, j) => {
        const v = applyValue(a.ctx, f, [tabulateVector(n, (i) => (i === j ? F.one : F.zero))]);
        if (!isVector(v)) throw new SemanticsTypeError("jac needs a map to vectors");
        return v;
      });
      // An input of size 0 leaves no column: the row count is the size of `F` at the empty vector.
      const empty = n === 0 ? applyValue(a.ctx, f, [tabulateVector(0, () => F.zero)]) : undefined;
      const rows = cols[0]?.size ?? (empty !== undefined && isVector(empty) ? empty.size : 0);
      return tabulate(rows, n, (i, j) => cols[j]?.data[i] as typeof F.zero);
    },
  }),
];

