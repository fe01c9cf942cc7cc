/**
 * The rotation `R = [[3/5, −4/5], [4/5, 3/5]]` of the J3.11 refutation, its integer powers, block
 * diagonal copies (a faithful representation of `ℤ^d` in `O 2d`), and plane rotations.
 */
import { requireSqrt, SemanticsTypeError, type Field } from "./field.js";
import { inverse, matPowInt } from "./inverse.js";
import { identity } from "./matrix.js";
import { entry, tabulate, type Matrix } from "./value.js";

/** `R = [[3/5, −4/5], [4/5, 3/5]]`, exact in exact mode. */
export function pythagoreanRotation<T>(F: Field<T>): Matrix<T> {
  const c = F.fromRatio(3, 5);
  const s = F.fromRatio(4, 5);
  return tabulate(2, 2, (i, j) => (i === j ? c : i === 0 ? F.neg(s) : s));
}

/** `R^k` for any integer `k`. */
export function rotationPower<T>(F: Field<T>, k: number): Matrix<T> {
  return matPowInt(F, pythagoreanRotation(F), k);
}

/** The block-diagonal matrix with the given square blocks. */
export function blockDiagonal<T>(F: Field<T>, blocks: readonly Matrix<T>[]): Matrix<T> {
  const offsets: number[] = [];
  let n = 0;
  for (const B of blocks) {
    if (B.rows !== B.cols) throw new SemanticsTypeError(`block of shape ${B.rows}×${B.cols} is not square`);
    offsets.push(n);
    n += B.rows;
  }
  return tabulate(n, n, (i, j) => {
    for (const [b, B] of blocks.entries()) {
      const o = offsets[b] as number;
      if (i >= o && i < o + B.rows) return j >= o && j < o + B.rows ? entry(B, i - o, j - o) : F.zero;
    }
    return F.zero;
  });
}

/** `diag(R, I_d)`: the rotation in the first two coordinates of `ℝ^(2+d)`, the identity elsewhere. */
export function embeddedRotation<T>(F: Field<T>, d: number): Matrix<T> {
  return blockDiagonal(F, [pythagoreanRotation(F), identity(F, d)]);
}

/** `diag(R^{k_1}, …, R^{k_d})`: the image of `k ∈ ℤ^d` under the faithful representation. */
export function rotationRepresentation<T>(F: Field<T>, ks: readonly number[]): Matrix<T> {
  return blockDiagonal(F, ks.map((k) => rotationPower(F, k)));
}

/**
 * The rotation by the angle with cosine `c` and sine `s` in the plane `(i, j)` of `ℝ^n` (a Givens
 * rotation); exact when `c² + s² = 1` holds exactly.
 */
export function planeRotation<T>(F: Field<T>, n: number, i: number, j: number, c: T, s: T): Matrix<T> {
  const I = identity(F, n);
  return tabulate(n, n, (r, q) => {
    if (r === i && q === i) return c;
    if (r === j && q === j) return c;
    if (r === i && q === j) return F.neg(s);
    if (r === j && q === i) return s;
    return entry(I, r, q);
  });
}

/** The rotation by angle `theta` (float mode) in the plane `(i, j)`. */
export function givens<T>(F: Field<T>, n: number, i: number, j: number, theta: number): Matrix<T> {
  requireSqrt(F);
  return planeRotation(F, n, i, j, F.fromNumber(Math.cos(theta)), F.fromNumber(Math.sin(theta)));
}

/** `R^{-k}`, i.e. `(R^k)⁻¹`, kept for symmetry with Lean's `zpow`. */
export function rotationInversePower<T>(F: Field<T>, k: number): Matrix<T> {
  return inverse(F, rotationPower(F, k));
}
