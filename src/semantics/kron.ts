/**
 * Kronecker product and column-stacking `vec`, as in `vec(A X B) = (Bᵀ ⊗ A) vec X` (L3.21a).
 */
import { SemanticsTypeError, type Field } from "./field.js";
import { entry, tabulate, tabulateVector, type Matrix, type Vector } from "./value.js";

/** `A ⊗ B`: the block matrix `[A_ij B]`, of size `(m p) × (n q)`. */
export function kron<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  return tabulate(A.rows * B.rows, A.cols * B.cols, (r, c) =>
    F.mul(entry(A, Math.floor(r / B.rows), Math.floor(c / B.cols)), entry(B, r % B.rows, c % B.cols)),
  );
}

/** `vec A`: the columns of `A` stacked, entry `j·m + i` is `A_ij`. */
export function vec<T>(A: Matrix<T>): Vector<T> {
  return tabulateVector(A.rows * A.cols, (k) => entry(A, k % A.rows, Math.floor(k / A.rows)));
}

/** The inverse of `vec`: an `m × n` matrix from a vector of length `m n`. */
export function unvec<T>(v: Vector<T>, m: number, n: number): Matrix<T> {
  if (v.size !== m * n) throw new SemanticsTypeError(`unvec: a vector of size ${v.size} is not ${m}×${n}`);
  return tabulate(m, n, (i, j) => v.data[j * m + i] as T);
}
