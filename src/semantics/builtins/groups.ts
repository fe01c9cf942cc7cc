/**
 * Registry entries of `Sym/Algebra/GL.lean`, `Sym/Algebra/Perm.lean` and the group membership
 * predicates. At runtime an element of `GL n α` is its (invertible) matrix: `K.val` is the
 * matrix itself and `K.inv` its inverse. A permutation `p : Perm n` is its permutation matrix
 * `Perm.toMat p` (a homomorphism, `toMat (p * q) = toMat p * toMat q`), so `p * q`, `p⁻¹` and
 * equality behave as in Lean.
 */
import { SemanticsTypeError } from "../field.js";
import * as G from "../groups.js";
import { inverse } from "../inverse.js";
import * as M from "../matrix.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import { entry, fn, type Matrix } from "../value.js";
import { define } from "./define.js";

function permImage<T>(isOne: (x: T) => boolean, P: Matrix<T>, j: number): number {
  for (let i = 0; i < P.rows; i++) if (isOne(entry(P, i, j))) return i;
  throw new SemanticsTypeError(`column ${j} of a permutation matrix has no 1`);
}

export const groupEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.GL.val",
    params: [["K", T.sq("n")]],
    result: T.sq("n"),
    doc: "the matrix of K ∈ GL n",
    impl: (a) => a.mat(0),
  }),
  define({
    name: "Sym.GL.inv",
    params: [["K", T.sq("n")]],
    result: T.sq("n"),
    doc: "the inverse matrix of K ∈ GL n",
    impl: (a) => inverse(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.GL.one",
    params: [["n", T.nat]],
    result: T.sq("n"),
    doc: "the identity of GL n",
    impl: (a) => M.identity(a.ctx.F, a.nat(0)),
  }),
  define({
    name: "Sym.GL.mul",
    params: [["K", T.sq("n")], ["H", T.sq("n")]],
    result: T.sq("n"),
    doc: "the product K H in GL n",
    impl: (a) => M.mul(a.ctx.F, a.mat(0), a.mat(1)),
  }),
  define({
    name: "Sym.GL.inverse",
    params: [["K", T.sq("n")]],
    result: T.sq("n"),
    doc: "the inverse K⁻¹ in GL n",
    impl: (a) => inverse(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.GL.scalar",
    params: [["n", T.nat], ["c", T.scalar], ["d", T.scalar], ["h", { k: "prop" }]],
    result: T.sq("n"),
    doc: "c I as an element of GL n (d = c⁻¹, h : c * d = 1)",
    impl: (a) => M.scalarMatrix(a.ctx.F, a.nat(0), a.scalar(1)),
  }),
  define({
    name: "Sym.IsOrthogonal",
    implicitNats: [],
    params: [["K", T.sq("n")]],
    result: T.prop,
    doc: "Kᵀ K = I",
    impl: (a) => G.isOrthogonal(a.ctx, a.mat(0)),
  }),
  define({
    name: "Sym.IsPermMat",
    params: [["K", T.sq("n")]],
    result: T.prop,
    doc: "K is a permutation matrix (∃ p, K.val = Perm.toMat p)",
    impl: (a) => G.isPermutation(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.IsPosDiag",
    params: [["K", T.sq("n")]],
    result: T.prop,
    doc: "K is diagonal with positive diagonal",
    impl: (a) => G.isPositiveDiagonal(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.IsPosMonomial",
    params: [["K", T.sq("n")]],
    result: T.prop,
    doc: "K is a positive monomial matrix D P",
    impl: (a) => G.isPositiveMonomial(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.IsSignedPerm",
    params: [["K", T.sq("n")]],
    result: T.prop,
    doc: "K is a signed permutation matrix",
    impl: (a) => G.isSignedPermutation(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.IsInvertible",
    params: [["K", T.sq("n")]],
    result: T.prop,
    doc: "K is invertible",
    impl: (a) => G.isInvertibleMatrix(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.Perm.toMat",
    params: [["p", T.sq("n")]],
    result: T.sq("n"),
    doc: "the permutation matrix of p (entry (i, j) is 1 when p j = i)",
    impl: (a) => a.mat(0),
  }),
  define({
    name: "Sym.Perm.toGL",
    params: [["p", T.sq("n")]],
    result: T.sq("n"),
    doc: "the permutation matrix of p in GL n",
    impl: (a) => a.mat(0),
  }),
  define({
    name: "Sym.Perm.id",
    params: [["n", T.nat]],
    result: T.sq("n"),
    doc: "the identity permutation",
    impl: (a) => M.identity(a.ctx.F, a.nat(0)),
  }),
  define({
    name: "Sym.Perm.comp",
    params: [["p", T.sq("n")], ["q", T.sq("n")]],
    result: T.sq("n"),
    doc: "the composition p ∘ q",
    impl: (a) => M.mul(a.ctx.F, a.mat(0), a.mat(1)),
  }),
  define({
    name: "Sym.Perm.symm",
    params: [["p", T.sq("n")]],
    result: T.sq("n"),
    doc: "the inverse permutation",
    impl: (a) => M.transpose(a.mat(0)),
  }),
  define({
    name: "Sym.Perm.toFun",
    params: [["p", T.sq("n")]],
    result: T.fn([T.fin("n")], T.fin("n")),
    doc: "the function i ↦ p i",
    impl: (a) => {
      const P = a.mat(0);
      const F = a.ctx.F;
      return fn("Perm.toFun", 1, ([j]) => permImage((x) => F.eq(x, F.one), P, j as number));
    },
  }),
  define({
    name: "Sym.Perm.invFun",
    params: [["p", T.sq("n")]],
    result: T.fn([T.fin("n")], T.fin("n")),
    doc: "the function i ↦ p⁻¹ i",
    impl: (a) => {
      const P = M.transpose(a.mat(0));
      const F = a.ctx.F;
      return fn("Perm.invFun", 1, ([j]) => permImage((x) => F.eq(x, F.one), P, j as number));
    },
  }),
];
