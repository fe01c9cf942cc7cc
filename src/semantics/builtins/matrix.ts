/**
 * Registry entries of `Sym/Algebra/Matrix.lean` (finite sums and matrices): matrices
 * `Sym.Mat m n α` (functions `Fin m → Fin n → α`) and vectors `Sym.Vec n α`.
 */
import { toScalar } from "../context.js";
import * as M from "../matrix.js";
import { applyValue } from "../ops.js";
import { T } from "../types.js";
import * as V from "../vector.js";
import { tabulate, type Value } from "../value.js";
import { define } from "./define.js";
import type { SemanticEntry } from "../registry.js";

export const matrixEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.finSum",
    params: [["n", T.nat], ["f", T.fn([T.fin("n")], T.scalar)]],
    result: T.scalar,
    doc: "f 0 + f 1 + ⋯ + f (n-1)",
    impl: (a) => {
      const n = a.nat(0);
      const f = a.raw(1);
      const F = a.ctx.F;
      let s = F.zero;
      for (let i = 0; i < n; i++) s = F.add(s, toScalar(F, applyValue(a.ctx, f, [i])));
      return s;
    },
  }),
  define({
    name: "Sym.Mat.mul",
    params: [["A", T.mat("m", "n")], ["B", T.mat("n", "p")]],
    result: T.mat("m", "p"),
    doc: "the matrix product A * B",
    impl: (a) => M.mul(a.ctx.F, a.mat(0), a.mat(1)),
  }),
  define({
    name: "Sym.Mat.one",
    params: [["n", T.nat]],
    result: T.sq("n"),
    doc: "the identity matrix",
    impl: (a) => M.identity(a.ctx.F, a.nat(0)),
  }),
  define({
    name: "Sym.Mat.zero",
    params: [["m", T.nat], ["n", T.nat]],
    result: T.mat("m", "n"),
    doc: "the zero matrix",
    impl: (a) => M.zeros(a.ctx.F, a.nat(0), a.nat(1)),
  }),
  define({
    name: "Sym.Mat.transpose",
    params: [["A", T.mat("m", "n")]],
    result: T.mat("n", "m"),
    doc: "the transpose Aᵀ",
    impl: (a) => M.transpose(a.mat(0)),
  }),
  define({
    name: "Sym.Mat.diag",
    implicitNats: ["n"],
    params: [["d", T.vec("n")]],
    result: T.sq("n"),
    doc: "the diagonal matrix with diagonal d",
    impl: (a) => M.diagonal(a.ctx.F, a.vec(1, a.nat(0)).data),
  }),
  define({
    name: "Sym.Mat.scalar",
    params: [["n", T.nat], ["c", T.scalar]],
    result: T.sq("n"),
    doc: "c I_n",
    impl: (a) => M.scalarMatrix(a.ctx.F, a.nat(0), a.scalar(1)),
  }),
  define({
    name: "Sym.Mat.smul",
    params: [["c", T.scalar], ["A", T.mat("m", "n")]],
    result: T.mat("m", "n"),
    doc: "the scalar multiple c A",
    impl: (a) => M.smul(a.ctx.F, a.scalar(0), a.mat(1)),
  }),
  define({
    name: "Sym.Mat.basis",
    implicitNats: ["m", "n"],
    params: [["a", T.fin("m")], ["b", T.fin("n")]],
    result: T.mat("m", "n"),
    doc: "the matrix unit E_ab",
    impl: (a) => {
      const F = a.ctx.F;
      const i0 = a.nat(2);
      const j0 = a.nat(3);
      return tabulate(a.nat(0), a.nat(1), (i, j) => (i === i0 && j === j0 ? F.one : F.zero));
    },
  }),
  define({
    name: "Sym.Mat.of2",
    params: [["a", T.scalar], ["b", T.scalar], ["c", T.scalar], ["d", T.scalar]],
    result: T.sq(2),
    doc: "the 2×2 matrix [[a, b], [c, d]]",
    impl: (a) => tabulate(2, 2, (i, j) => a.scalar(2 * i + j)),
  }),
  define({
    name: "Sym.Mat.map",
    params: [["f", T.activation], ["A", T.mat("m", "n")]],
    result: T.mat("m", "n"),
    doc: "f applied to every entry",
    impl: (a) => M.mapEntries(a.mat(1), a.activation(0).apply),
  }),
  define({
    name: "Sym.Mat.mulVec",
    params: [["A", T.mat("m", "n")], ["v", T.vec("n")]],
    result: T.vec("m"),
    doc: "the matrix-vector product A * v",
    impl: (a) => M.mulVec(a.ctx.F, a.mat(0), a.vec(1, a.mat(0).cols)),
  }),
  define({
    name: "Sym.Vec.basis",
    params: [["n", T.nat], ["i", T.fin("n")]],
    result: T.vec("n"),
    doc: "the standard basis vector e_i",
    impl: (a) => V.basisVector(a.ctx.F, a.nat(0), a.nat(1)),
  }),
  define({
    name: "Sym.Vec.const",
    params: [["n", T.nat], ["c", T.scalar]],
    result: T.vec("n"),
    doc: "the constant vector c 𝟙",
    impl: (a) => V.constVector(a.nat(0), a.scalar(1)),
  }),
  define({
    name: "Sym.Vec.zero",
    params: [["n", T.nat]],
    result: T.vec("n"),
    doc: "the zero vector",
    impl: (a) => V.zeroVector(a.ctx.F, a.nat(0)),
  }),
  define({
    name: "Sym.Vec.map",
    params: [["f", T.activation], ["v", T.vec("n")]],
    result: T.vec("n"),
    doc: "f applied to every entry",
    impl: (a) => V.mapVector(a.vec(1), a.activation(0).apply),
  }),
  define({
    name: "Sym.Vec.smul",
    params: [["c", T.scalar], ["v", T.vec("n")]],
    result: T.vec("n"),
    doc: "the scalar multiple c v",
    impl: (a) => V.vsmul(a.ctx.F, a.scalar(0), a.vec(1)),
  }),
];

/** `fun i j => …` as a matrix: tabulates a curried function value over `Fin m × Fin n`. */
export function tabulateFn<T>(ctx: Parameters<typeof applyValue<T>>[0], m: number, n: number, f: Value<T>): Value<T> {
  return tabulate(m, n, (i, j) => toScalar(ctx.F, applyValue(ctx, f, [i, j])));
}
