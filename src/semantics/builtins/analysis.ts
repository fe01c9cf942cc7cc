/**
 * Registry entries for norms (`Sym/Norm/*.lean`), activations, deep networks and autoencoders.
 * Names not yet in `lean/` are registered by their intended name and updated when the file lands.
 */
import { identityActivation, rationalSigmoid, relu, sigmoid } from "../activation.js";
import * as N from "../norms.js";
import * as Net from "../net.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import { list, tabulate, type Value } from "../value.js";
import { toScalar } from "../context.js";
import type { Field } from "../field.js";
import { blockDiagonal } from "../rotation.js";
import { mul as mulM } from "../matrix.js";
import { activationValue, define, FLOAT_ONLY } from "./define.js";

export const analysisEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.frobSq",
    params: [["A", T.mat("m", "n")]],
    result: T.scalar,
    doc: "the squared Frobenius norm Σ A_ij²",
    impl: (a) => N.frobeniusSq(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.vecNormSq",
    params: [["v", T.vec("n")]],
    result: T.scalar,
    doc: "the squared Euclidean norm Σ v_i²",
    impl: (a) => N.frobeniusSq(a.ctx.F, a.vec(0)),
  }),
  define({
    name: "Sym.colMat",
    implicitNats: ["d", "D"],
    params: [["c", T.fin("D")], ["v", T.vec("d")]],
    result: T.mat("d", "D"),
    doc: "the d×D matrix with column c equal to v, zeros elsewhere",
    impl: (a) => {
      const D = a.nat(1);
      const c = a.nat(2);
      const v = a.vec(3);
      const F = a.ctx.F;
      return tabulate(v.size, D, (i, j) => (j === c ? (v.data[i] as typeof F.zero) : F.zero));
    },
  }),
  define({
    name: "Sym.lp",
    params: [["p", T.scalar], ["A", T.mat("m", "n")]],
    result: T.scalar,
    modes: FLOAT_ONLY,
    doc: "the entrywise ℓp norm of vec A",
    impl: (a) => N.lp(a.ctx.F, a.mat(1), a.ctx.F.toNumber(a.scalar(0))),
  }),
  define({
    name: "Sym.schatten",
    params: [["p", T.scalar], ["A", T.mat("m", "n")]],
    result: T.scalar,
    modes: FLOAT_ONLY,
    doc: "the Schatten-p norm: ℓp of the singular values",
    impl: (a) => N.schatten(a.ctx.F, a.mat(1), a.ctx.F.toNumber(a.scalar(0))),
  }),
  define({
    name: "Sym.relu",
    params: [["x", T.scalar]],
    result: T.scalar,
    doc: "max(0, x)",
    impl: (a) => relu(a.ctx.F).apply(a.scalar(0)),
  }),
  define({
    name: "Sym.sigmoid",
    params: [["x", T.scalar]],
    result: T.scalar,
    modes: FLOAT_ONLY,
    doc: "1 / (1 + e^(−x))",
    impl: (a) => sigmoid(a.ctx.F).apply(a.scalar(0)),
  }),
  define({
    name: "Sym.softsignSigmoid",
    params: [["t", T.scalar]],
    result: T.scalar,
    doc: "J3.10/R3.10a: the rational sigmoid stand-in 1/2 + t / (2 (1 + |t|)), exact in exact mode",
    impl: (a) => rationalSigmoid(a.ctx.F).apply(a.scalar(0)),
  }),
  define({
    name: "Sym.Autoencoder.scaledPenalty",
    params: [["a", T.scalar], ["b", T.scalar], ["t", T.scalar]],
    result: T.scalar,
    doc: "t a + b / t (with Lean's b / 0 = 0)",
    impl: (a) => {
      const F = a.ctx.F;
      const t = a.scalar(2);
      return F.add(F.mul(t, a.scalar(0)), F.isExactZero(t) ? F.zero : F.div(a.scalar(1), t));
    },
  }),
  define({
    name: "Sym.Net.map",
    params: [["p", T.params("ws", "n")]],
    result: T.mat("outWidth n ws", "n"),
    doc: "D3.1: the network map Φ(W) = W_L ⋯ W_1 (Lean/Sym/Linear/Net.lean)",
    impl: (a) => Net.phi(a.ctx.F, a.mats(0)),
  }),
  define({
    name: "Sym.Net.act",
    params: [["K", T.layerGroup("ws")], ["p", T.params("ws", "n")]],
    result: T.params("ws", "n"),
    doc: "D3.4: the layer action K · W = (K₁ W₁, K₂ W₂ K₁⁻¹, …, W_L K_{L-1}⁻¹), as nested pairs",
    impl: (a) => Net.nestPairs(Net.layerAction(a.ctx.F, a.mats(0), a.mats(1))),
  }),
  define({
    name: "Sym.Net.outWidth",
    params: [["n", T.nat], ["ws", T.natList]],
    result: T.nat,
    doc: "the last width of n :: ws",
    impl: (a) => {
      const ws = a.list(1);
      const last = ws[ws.length - 1];
      return last === undefined ? a.nat(0) : last;
    },
  }),
  define({
    name: "Sym.Mat.rectId",
    params: [["m", T.nat], ["n", T.nat]],
    result: T.mat("m", "n"),
    doc: "the rectangular identity: 1 where i = j",
    impl: (a) => {
      const F = a.ctx.F;
      return tabulate(a.nat(0), a.nat(1), (i, j) => (i === j ? F.one : F.zero));
    },
  }),
  define({
    name: "id",
    params: [],
    result: T.activation,
    doc: "the identity function",
    impl: () => activationValue(identityActivation()),
  }),
  define({
    name: "Sym.Net.AllAtLeast",
    params: [["r", T.nat], ["ws", T.natList]],
    result: T.prop,
    doc: "R3.2a: every width in ws is at least r",
    impl: (a) => a.list(1).every((w) => typeof w === "number" && w >= a.nat(0)),
  }),
  define({
    name: "Sym.Net.passParams",
    implicitNats: ["n"],
    params: [["m", T.nat], ["ws", T.natList], ["r", T.nat], ["B", T.mat("outWidth m ws", "r")], ["C", T.mat("r", "n")]],
    result: T.params("m :: ws", "n"),
    doc: "R3.2b: W₁ = rectId m r * C, rectangular identities, B last (B C for one layer)",
    impl: (a) => {
      const F = a.ctx.F;
      const all = [a.nat(1), ...a.list(2).map((w) => (typeof w === "number" ? w : 0))];
      const r = a.nat(3);
      const B = a.mat(4);
      const C = a.mat(5);
      const rect = (m: number, n: number) => tabulate(m, n, (i, j) => (i === j ? F.one : F.zero));
      // As the Lean recursion: `passParams m (m' :: ws) r B C = (rectId m r * C, passParams m' ws r B (rectId r m))`.
      const Ws = [];
      let right = C;
      for (let i = 0; i < all.length - 1; i++) {
        const m = all[i] as number;
        Ws.push(mulM(F, rect(m, r), right));
        right = rect(r, m);
      }
      Ws.push(mulM(F, B, right));
      return Net.nestPairs(Ws);
    },
  }),
  define({
    name: "Sym.Net.minWidth",
    params: [["n", T.nat], ["ws", T.natList]],
    result: T.nat,
    doc: "R3.2b: min(n, ws…)",
    impl: (a) => Math.min(a.nat(0), ...a.list(1).map((w) => (typeof w === "number" ? w : Infinity))),
  }),
  define({
    name: "Sym.Mat.blockDiag",
    params: [["A", T.sq("n")], ["B", T.sq("m")]],
    result: T.sq("n + m"),
    doc: "[[A, 0], [0, B]]",
    impl: (a) => blockDiagonal(a.ctx.F, [a.mat(0), a.mat(1)]),
  }),
  define({
    name: "Sym.GL.blockDiag",
    params: [["K", T.sq("n")], ["H", T.sq("m")]],
    result: T.sq("n + m"),
    doc: "[[K, 0], [0, H]] in GL (n + m)",
    impl: (a) => blockDiagonal(a.ctx.F, [a.mat(0), a.mat(1)]),
  }),
  define({
    name: "min",
    params: [["a", T.nat], ["b", T.nat]],
    result: T.nat,
    doc: "min a b (Nat or scalar)",
    impl: (a) => minMax(a.raw(0), a.raw(1), a.ctx.F, true),
  }),
  define({
    name: "max",
    params: [["a", T.nat], ["b", T.nat]],
    result: T.nat,
    doc: "max a b (Nat or scalar)",
    impl: (a) => minMax(a.raw(0), a.raw(1), a.ctx.F, false),
  }),
];

function minMax<T>(x: Value<T>, y: Value<T>, F: Field<T>, min: boolean): Value<T> {
  if (typeof x === "number" && typeof y === "number") return min ? Math.min(x, y) : Math.max(x, y);
  const a = toScalar(F, x);
  const b = toScalar(F, y);
  return F.le(a, b) === min ? a : b;
}
