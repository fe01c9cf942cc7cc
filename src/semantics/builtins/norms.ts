/**
 * Registry entries of `Sym/Norm/Entrywise.lean` (vectorization, Kronecker products, entrywise norms). A pair-indexed
 * vector `PairVec p m α` (`Fin p × Fin m → α`) is a vector of size `p m` with `(a, b)` at
 * `a m + b`; a `PairMat p m q n α` is a `p m × q n` matrix laid out the same way. So `vec X`
 * is column stacking and `kron B A` is the usual `B ⊗ A`.
 */
import { toScalar } from "../context.js";
import { diagonal, mul, mulVec } from "../matrix.js";
import { kron, vec } from "../kron.js";
import * as N from "../norms.js";
import { applyValue } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import { define } from "./define.js";


export const normEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.entryL2Sq",
    params: [["A", T.mat("m", "n")]],
    result: T.scalar,
    doc: "D3.21: Σ A_ij²",
    impl: (a) => N.frobeniusSq(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.vecL2Sq",
    params: [["v", T.vec("p m")]],
    result: T.scalar,
    doc: "D3.21: Σ v_ab² of a pair-indexed vector",
    impl: (a) => N.frobeniusSq(a.ctx.F, a.vec(0)),
  }),
  define({
    name: "Sym.absVal",
    params: [["x", T.scalar]],
    result: T.scalar,
    doc: "|x|",
    impl: (a) => a.ctx.F.abs(a.scalar(0)),
  }),
  define({
    name: "Sym.maxOf",
    params: [["a", T.scalar], ["b", T.scalar]],
    result: T.scalar,
    doc: "max(a, b)",
    impl: (a) => (a.ctx.F.le(a.scalar(0), a.scalar(1)) ? a.scalar(1) : a.scalar(0)),
  }),
  define({
    name: "Sym.finMax",
    params: [["n", T.nat], ["f", T.fn([T.fin("n")], T.scalar)]],
    result: T.scalar,
    doc: "max of f 0, …, f (n-1) (0 for n = 0)",
    impl: (a) => {
      const F = a.ctx.F;
      const n = a.nat(0);
      if (n === 0) return F.zero;
      // maxOf (f 0) (finMax …), with finMax 0 = 0 at the end, as in Lean
      let m = F.zero;
      for (let i = n - 1; i >= 0; i--) {
        const x = toScalar(F, applyValue(a.ctx, a.raw(1), [i]));
        m = i === n - 1 ? (F.le(x, F.zero) ? F.zero : x) : F.le(x, m) ? m : x;
      }
      return m;
    },
  }),
  define({
    name: "Sym.entryL1",
    params: [["A", T.mat("m", "n")]],
    result: T.scalar,
    doc: "D3.21 (p = 1): Σ |A_ij|",
    impl: (a) => N.l1(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.entryLInf",
    params: [["A", T.mat("m", "n")]],
    result: T.scalar,
    doc: "D3.21 (p = ∞): max |A_ij|",
    impl: (a) => N.lInf(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.vecL1",
    params: [["v", T.vec("p m")]],
    result: T.scalar,
    doc: "D3.21 (p = 1) of a pair-indexed vector",
    impl: (a) => N.l1(a.ctx.F, a.vec(0)),
  }),
  define({
    name: "Sym.vecLInf",
    params: [["v", T.vec("p m")]],
    result: T.scalar,
    doc: "D3.21 (p = ∞) of a pair-indexed vector",
    impl: (a) => N.lInf(a.ctx.F, a.vec(0)),
  }),
  define({
    name: "Sym.signedPermMat",
    params: [["p", T.perm("n")], ["s", T.vec("n")]],
    result: T.sq("n"),
    doc: "P_p diag(s): column j has s j in row p j",
    impl: (a) => {
      const P = a.mat(0);
      return mul(a.ctx.F, P, diagonal(a.ctx.F, a.vec(1, P.cols).data));
    },
  }),
  define({
    name: "Sym.vec",
    params: [["X", T.mat("m", "n")]],
    result: T.vec("n m"),
    doc: "L3.21a: vec X, the columns of X stacked",
    impl: (a) => vec(a.mat(0)),
  }),
  define({
    name: "Sym.kron",
    params: [["B", T.mat("p", "q")], ["A", T.mat("m", "n")]],
    result: T.mat("p m", "q n"),
    doc: "L3.21a: the Kronecker product B ⊗ A",
    impl: (a) => kron(a.ctx.F, a.mat(0), a.mat(1)),
  }),
  define({
    name: "Sym.pairMulVec",
    params: [["M", T.mat("p m", "q n")], ["v", T.vec("q n")]],
    result: T.vec("p m"),
    doc: "L3.21a: a pair-indexed matrix times a pair-indexed vector",
    impl: (a) => mulVec(a.ctx.F, a.mat(0), a.vec(1)),
  }),
  define({
    name: "Sym.vecL1'",
    params: [["v", T.vec("n")]],
    result: T.scalar,
    doc: "Σ |v_r| of a vector",
    impl: (a) => N.l1(a.ctx.F, a.vec(0)),
  }),
  define({
    name: "Sym.colGap",
    params: [["M", T.sq("n")], ["a", T.fin("n")], ["b", T.fin("n")]],
    result: T.scalar,
    doc: "Σ_r 2|M_ra| + 2|M_rb| − |M_ra + M_rb| − |M_ra − M_rb|",
    impl: (a) => {
      const F = a.ctx.F;
      const M = a.mat(0);
      const [c1, c2] = [a.nat(1), a.nat(2)];
      let s = F.zero;
      for (const row of M.data) {
        const x = row[c1] as typeof F.zero;
        const y = row[c2] as typeof F.zero;
        const two = F.fromInt(2);
        s = F.add(s, F.sub(F.sub(F.add(F.mul(two, F.abs(x)), F.mul(two, F.abs(y))), F.abs(F.add(x, y))), F.abs(F.sub(x, y))));
      }
      return s;
    },
  }),
  define({
    name: "Sym.sgn",
    params: [["x", T.scalar]],
    result: T.scalar,
    doc: "1 if 0 ≤ x, else −1",
    impl: (a) => (a.ctx.F.le(a.ctx.F.zero, a.scalar(0)) ? a.ctx.F.one : a.ctx.F.neg(a.ctx.F.one)),
  }),
];
