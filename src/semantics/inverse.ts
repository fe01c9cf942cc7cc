/**
 * Exact Gauss–Jordan elimination: inverse, determinant and rank. In exact mode pivots are
 * exact nonzero entries; in float mode the largest pivot is chosen and a pivot below
 * `tolerance · scale` counts as zero.
 */
import { DivisionByZeroError, SemanticsTypeError, type Field } from "./field.js";
import { identity, matPow, transpose } from "./matrix.js";
import { matrix, type Matrix } from "./value.js";

function rowsOf<T>(A: Matrix<T>): T[][] {
  return A.data.map((r) => r.slice());
}

function maxAbs<T>(F: Field<T>, A: Matrix<T>): number {
  let m = 0;
  for (const r of A.data) for (const x of r) m = Math.max(m, Math.abs(F.toNumber(x)));
  return m;
}

/** Row index of the pivot in column `col` at or below `from`, or -1. */
function findPivot<T>(F: Field<T>, M: T[][], col: number, from: number, eps: number): number {
  if (F.mode === "exact") {
    for (let r = from; r < M.length; r++) if (!F.isExactZero((M[r] as T[])[col] as T)) return r;
    return -1;
  }
  let best = -1;
  let bestAbs = eps;
  for (let r = from; r < M.length; r++) {
    const a = Math.abs(F.toNumber((M[r] as T[])[col] as T));
    if (a > bestAbs) {
      best = r;
      bestAbs = a;
    }
  }
  return best;
}

interface Echelon<T> {
  rank: number;
  /** Product of the pivots with the sign of the row swaps (the determinant when square and full rank). */
  detFactor: T;
}

/** Reduces `M` (and `aug`, if given) in place to reduced row echelon form. */
function reduce<T>(F: Field<T>, M: T[][], cols: number, eps: number, aug?: T[][]): Echelon<T> {
  let rank = 0;
  let det = F.one;
  for (let c = 0; c < cols && rank < M.length; c++) {
    const p = findPivot(F, M, c, rank, eps);
    if (p < 0) {
      det = F.zero;
      continue;
    }
    if (p !== rank) {
      [M[p], M[rank]] = [M[rank] as T[], M[p] as T[]];
      if (aug) [aug[p], aug[rank]] = [aug[rank] as T[], aug[p] as T[]];
      det = F.neg(det);
    }
    const pr = M[rank] as T[];
    const piv = pr[c] as T;
    det = F.mul(det, piv);
    const pinv = F.inv(piv);
    for (let k = 0; k < pr.length; k++) pr[k] = F.mul(pr[k] as T, pinv);
    const ar = aug?.[rank];
    if (ar) for (let k = 0; k < ar.length; k++) ar[k] = F.mul(ar[k] as T, pinv);
    for (let r = 0; r < M.length; r++) {
      if (r === rank) continue;
      const row = M[r] as T[];
      const f = row[c] as T;
      if (F.isExactZero(f)) continue;
      for (let k = 0; k < row.length; k++) row[k] = F.sub(row[k] as T, F.mul(f, pr[k] as T));
      const arow = aug?.[r];
      if (arow && ar) for (let k = 0; k < arow.length; k++) arow[k] = F.sub(arow[k] as T, F.mul(f, ar[k] as T));
    }
    rank++;
  }
  if (rank < M.length) det = F.zero;
  return { rank, detFactor: det };
}

function epsFor<T>(F: Field<T>, A: Matrix<T>): number {
  return F.mode === "exact" ? 0 : F.tolerance * Math.max(1, maxAbs(F, A)) * Math.max(A.rows, A.cols, 1);
}

/** The rank of `A` (exact over the rationals). */
export function rank<T>(F: Field<T>, A: Matrix<T>): number {
  return reduce(F, rowsOf(A), A.cols, epsFor(F, A)).rank;
}

/** The determinant of a square matrix. */
export function determinant<T>(F: Field<T>, A: Matrix<T>): T {
  if (A.rows !== A.cols) throw new SemanticsTypeError(`determinant of a non-square ${A.rows}×${A.cols} matrix`);
  if (A.rows === 0) return F.one;
  return reduce(F, rowsOf(A), A.cols, 0).detFactor;
}

/** Whether `A` is square and invertible (exactly, or with a pivot above tolerance in float mode). */
export function isInvertible<T>(F: Field<T>, A: Matrix<T>): boolean {
  return A.rows === A.cols && rank(F, A) === A.rows;
}

/** The inverse `A⁻¹`, or `undefined` when `A` is singular or not square. */
export function tryInverse<T>(F: Field<T>, A: Matrix<T>): Matrix<T> | undefined {
  if (A.rows !== A.cols) return undefined;
  const M = rowsOf(A);
  const aug = rowsOf(identity(F, A.rows));
  const { rank: r } = reduce(F, M, A.cols, epsFor(F, A), aug);
  return r === A.rows ? matrix(aug, A.rows) : undefined;
}

/** The inverse `A⁻¹`; throws {@link DivisionByZeroError} when `A` is singular. */
export function inverse<T>(F: Field<T>, A: Matrix<T>): Matrix<T> {
  const inv = tryInverse(F, A);
  if (!inv) throw new DivisionByZeroError(`inverse of a singular ${A.rows}×${A.cols} matrix`);
  return inv;
}

/** `A^k` for any integer `k` (negative powers of an invertible matrix). */
export function matPowInt<T>(F: Field<T>, A: Matrix<T>, k: number): Matrix<T> {
  return k >= 0 ? matPow(F, A, k) : matPow(F, inverse(F, A), -k);
}

/** `A⁻ᵀ` — the inverse transpose, as in `vec(B K⁻¹) = (K⁻ᵀ ⊗ I) vec B`. */
export function inverseTranspose<T>(F: Field<T>, A: Matrix<T>): Matrix<T> {
  return transpose(inverse(F, A));
}
