/**
 * Orthogonal matrices, exact over the rationals: the Cayley transform `(I − A)(I + A)⁻¹` of a
 * skew-symmetric rational `A` (always defined: `I + A` is invertible for skew `A`) times a signed
 * permutation (which reaches determinant −1 and eigenvalue −1). In float mode the same
 * construction runs in doubles.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { inverse } from "../semantics/inverse.js";
import { add, identity, mul, sub } from "../semantics/matrix.js";
import { tabulate, type Matrix } from "../semantics/value.js";
import { signedPermutationArb } from "./permutation.js";
import { scalarArb, type ScalarOptions } from "./scalar.js";

/** A skew-symmetric `n × n` matrix (`Aᵀ = −A`). */
export function skewArb<T>(F: Field<T>, n: number, opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>> {
  const k = (n * (n - 1)) / 2;
  return fc.array(scalarArb(F, opts), { minLength: k, maxLength: k }).map((xs) => {
    const upper: T[][] = [];
    let next = 0;
    for (let i = 0; i < n; i++) {
      upper.push([]);
      for (let j = 0; j < n; j++) (upper[i] as T[]).push(i < j ? (xs[next++] as T) : F.zero);
    }
    return tabulate(n, n, (i, j) => (i < j ? (upper[i]?.[j] as T) : i > j ? F.neg(upper[j]?.[i] as T) : F.zero));
  });
}

/** The Cayley transform `(I − A)(I + A)⁻¹` (orthogonal when `A` is skew-symmetric). */
export function cayley<T>(F: Field<T>, A: Matrix<T>): Matrix<T> {
  const I = identity(F, A.rows);
  return mul(F, sub(F, I, A), inverse(F, add(F, I, A)));
}

/** An orthogonal matrix `C(A) S P`; shrinks towards `I`. */
export function orthogonalArb<T>(F: Field<T>, n: number, opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>> {
  const small: ScalarOptions = { max: opts.max ?? 3, maxDenominator: opts.maxDenominator ?? 2 };
  return fc.tuple(skewArb(F, n, small), signedPermutationArb(F, n)).map(([A, SP]) => mul(F, cayley(F, A), SP));
}

/** A rotation (`det = 1`, no reflection factor): the Cayley transform alone. */
export function rotationArb<T>(F: Field<T>, n: number, opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>> {
  const small: ScalarOptions = { max: opts.max ?? 3, maxDenominator: opts.maxDenominator ?? 2 };
  return skewArb(F, n, small).map((A) => cayley(F, A));
}
