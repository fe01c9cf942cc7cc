/**
 * Membership predicates of the matrix groups of the paper: invertible (`GL n`), orthogonal
 * (`O n`), permutation (`Perm n`), positive diagonal (`D⁺ n`), positive monomial (`M⁺ n`),
 * signed permutation (`B n`); and residual-group membership `σ(K h) = K σ(h)` checked on a
 * given `h` (D3.7). In float mode entries are compared with the field's tolerance.
 */
import { applyToVector, type Activation } from "./activation.js";
import type { Context } from "./context.js";
import type { Field } from "./field.js";
import { isInvertible } from "./inverse.js";
import { identity, mul, mulVec, transpose } from "./matrix.js";
import { valueEq } from "./context.js";
import { entry, type Matrix, type Vector } from "./value.js";

function square<T>(K: Matrix<T>): boolean {
  return K.rows === K.cols;
}

/** `K` is square and invertible. */
export function isInvertibleMatrix<T>(F: Field<T>, K: Matrix<T>): boolean {
  return isInvertible(F, K);
}

/** `Kᵀ K = I` (square `K`). */
export function isOrthogonal<T>(ctx: Context<T>, K: Matrix<T>): boolean {
  return square(K) && valueEq(ctx, mul(ctx.F, transpose(K), K), identity(ctx.F, K.rows));
}

/** Each row and each column has exactly one nonzero entry, and `ok` holds for it. */
function monomialWith<T>(F: Field<T>, K: Matrix<T>, ok: (x: T) => boolean): boolean {
  if (!square(K)) return false;
  const n = K.rows;
  const colCount = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let rowCount = 0;
    for (let j = 0; j < n; j++) {
      const x = entry(K, i, j);
      if (F.eq(x, F.zero)) continue;
      if (!ok(x)) return false;
      rowCount++;
      colCount[j] = (colCount[j] ?? 0) + 1;
    }
    if (rowCount !== 1) return false;
  }
  return colCount.every((c) => c === 1);
}

/** A permutation matrix: entries 0 or 1, one 1 in each row and column. */
export function isPermutation<T>(F: Field<T>, K: Matrix<T>): boolean {
  return monomialWith(F, K, (x) => F.eq(x, F.one));
}

/** A signed permutation matrix: one entry ±1 in each row and column, zeros elsewhere. */
export function isSignedPermutation<T>(F: Field<T>, K: Matrix<T>): boolean {
  return monomialWith(F, K, (x) => F.eq(x, F.one) || F.eq(x, F.neg(F.one)));
}

/** A positive monomial matrix `D P`: one positive entry in each row and column. */
export function isPositiveMonomial<T>(F: Field<T>, K: Matrix<T>): boolean {
  return monomialWith(F, K, (x) => F.lt(F.zero, x));
}

/** A monomial matrix (generalized permutation): one nonzero entry in each row and column. */
export function isMonomial<T>(F: Field<T>, K: Matrix<T>): boolean {
  return monomialWith(F, K, () => true);
}

/** A diagonal matrix with positive diagonal. */
export function isPositiveDiagonal<T>(F: Field<T>, K: Matrix<T>): boolean {
  if (!square(K)) return false;
  for (let i = 0; i < K.rows; i++) {
    for (let j = 0; j < K.cols; j++) {
      const x = entry(K, i, j);
      if (i === j ? !F.lt(F.zero, x) : !F.eq(x, F.zero)) return false;
    }
  }
  return true;
}

/** A diagonal matrix. */
export function isDiagonal<T>(F: Field<T>, K: Matrix<T>): boolean {
  if (!square(K)) return false;
  for (let i = 0; i < K.rows; i++) for (let j = 0; j < K.cols; j++) if (i !== j && !F.eq(entry(K, i, j), F.zero)) return false;
  return true;
}

/** `σ(K h) = K σ(h)` for this one `h` (one instance of the ∀ in `K ∈ G_σ`). */
export function commutesAt<T>(ctx: Context<T>, s: Activation<T>, K: Matrix<T>, h: Vector<T>): boolean {
  const F = ctx.F;
  return valueEq(ctx, applyToVector(s, mulVec(F, K, h)), mulVec(F, K, applyToVector(s, h)));
}

/** The first `h` among `candidates` with `σ(K h) ≠ K σ(h)` (a witness that `K ∉ G_σ`). */
export function residualViolation<T>(
  ctx: Context<T>,
  s: Activation<T>,
  K: Matrix<T>,
  candidates: Iterable<Vector<T>>,
): Vector<T> | undefined {
  for (const h of candidates) if (!commutesAt(ctx, s, K, h)) return h;
  return undefined;
}
