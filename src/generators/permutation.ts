/**
 * Permutations and the monomial families built on them: permutation matrices (`Perm n`),
 * positive diagonal (`D⁺ n`), positive monomial (`M⁺ n = D⁺ P`), signed permutation (`B n`).
 * Permutations are drawn as Lehmer codes, so they shrink towards the identity.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { diagonal, mul } from "../semantics/matrix.js";
import { tabulate, type Matrix } from "../semantics/value.js";
import { positiveScalarArb, type ScalarOptions } from "./scalar.js";

/** A permutation of `0..n-1` as an array `p` (`p[j]` is the image of `j`). */
export function permArb(n: number): fc.Arbitrary<number[]> {
  const codes: fc.Arbitrary<number>[] = [];
  for (let i = 0; i < n; i++) codes.push(fc.integer({ min: 0, max: n - 1 - i }));
  return fc.tuple(...codes).map((cs) => {
    const free = Array.from({ length: n }, (_, k) => k);
    return cs.map((c) => free.splice(c, 1)[0] as number);
  });
}

/** The matrix of a permutation, as in Lean's `Perm.toMat`: entry `(i, j)` is 1 when `p j = i`. */
export function permutationMatrix<T>(F: Field<T>, p: readonly number[]): Matrix<T> {
  return tabulate(p.length, p.length, (i, j) => (p[j] === i ? F.one : F.zero));
}

export function permutationMatrixArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return permArb(n).map((p) => permutationMatrix(F, p));
}

export function positiveDiagonalArb<T>(F: Field<T>, n: number, opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>> {
  return fc.array(positiveScalarArb(F, opts), { minLength: n, maxLength: n }).map((d) => diagonal(F, d));
}

/** `D P` with `D` positive diagonal and `P` a permutation matrix. */
export function positiveMonomialArb<T>(F: Field<T>, n: number, opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>> {
  return fc.tuple(positiveDiagonalArb(F, n, opts), permutationMatrixArb(F, n)).map(([D, P]) => mul(F, D, P));
}

/** A diagonal matrix of signs `±1` (shrinks towards `I`). */
export function signDiagonalArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc.array(fc.boolean(), { minLength: n, maxLength: n }).map((bs) => diagonal(F, bs.map((b) => (b ? F.neg(F.one) : F.one))));
}

/** `S P` with `S` a sign diagonal and `P` a permutation matrix. */
export function signedPermutationArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc.tuple(signDiagonalArb(F, n), permutationMatrixArb(F, n)).map(([S, P]) => mul(F, S, P));
}
