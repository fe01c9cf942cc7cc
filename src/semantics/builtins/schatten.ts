/**
 * Registry entries of `Sym/Norm/Schatten.lean` (matrix powers and Schatten norms): natural powers and
 * traces of square matrices, and the Schatten power `schattenPow k A = tr ((Aᵀ A)^k)`, which is
 * `‖A‖_{2k}^{2k}` (the sum of the `2k`-th powers of the singular values). All exact: no singular
 * values are computed, so rational inputs give rational results.
 */
import * as M from "../matrix.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import { define } from "./define.js";

export const schattenEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.Mat.pow",
    params: [["A", T.sq("n")], ["k", T.nat]],
    result: T.sq("n"),
    doc: "A^k (A^0 = I)",
    impl: (a) => M.matPow(a.ctx.F, a.mat(0), a.nat(1)),
  }),
  define({
    name: "Sym.Mat.trace",
    params: [["A", T.sq("n")]],
    result: T.scalar,
    doc: "the sum of the diagonal entries",
    impl: (a) => M.trace(a.ctx.F, a.mat(0)),
  }),
  define({
    name: "Sym.schattenPow",
    params: [["k", T.nat], ["A", T.mat("m", "n")]],
    result: T.scalar,
    doc: "D3.17: tr ((Aᵀ A)^k) = ‖A‖_{2k}^{2k} (n for k = 0)",
    impl: (a) => {
      const F = a.ctx.F;
      const A = a.mat(1);
      return M.trace(F, M.matPow(F, M.mul(F, M.transpose(A), A), a.nat(0)));
    },
  }),
];
