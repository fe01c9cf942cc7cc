/**
 * "Near the boundary" generators, for premises that are ∀-statements (membership in a residual
 * group, an isometry condition): the contrapositive search needs candidates just inside and
 * just outside the group, not only random matrices. Each family shrinks within itself.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { add, diagonal, identity, mul, scalarMatrix } from "../semantics/matrix.js";
import { tabulate, type Matrix } from "../semantics/value.js";
import { invertibleArb } from "./invertible.js";
import { orthogonalArb, rotationArb } from "./orthogonal.js";
import { permutationMatrixArb, positiveMonomialArb, signedPermutationArb } from "./permutation.js";
import { nonzeroScalarArb, positiveScalarArb } from "./scalar.js";

/** A small perturbation size: `1/64` exactly, or `1e-3` in float mode. */
function epsilon<T>(F: Field<T>): T {
  return F.mode === "exact" ? F.fromRatio(1, 64) : F.fromNumber(1e-3);
}

/** `P + ε E_ij`: a permutation matrix with one entry nudged. */
export function perturbedPermutationArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc
    .tuple(permutationMatrixArb(F, n), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.boolean())
    .map(([P, i, j, neg]) => {
      const e = neg ? F.neg(epsilon(F)) : epsilon(F);
      return add(F, P, tabulate(n, n, (r, c) => (r === i && c === j ? e : F.zero)));
    });
}

/** `c P` for a scalar `c ≠ 0` (outside `Perm n` unless `c = 1`). */
export function scaledPermutationArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc.tuple(nonzeroScalarArb(F, { max: 4, maxDenominator: 2 }), permutationMatrixArb(F, n)).map(([c, P]) => mul(F, scalarMatrix(F, n, c), P));
}

/** An orthogonal matrix with one entry nudged by `±ε`: near-orthogonal, not orthogonal. */
export function perturbedOrthogonalArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc
    .tuple(orthogonalArb(F, n), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.boolean())
    .map(([Q, i, j, neg]) => {
      const e = neg ? F.neg(epsilon(F)) : epsilon(F);
      return add(F, Q, tabulate(n, n, (r, c) => (r === i && c === j ? e : F.zero)));
    });
}

/** A positive monomial matrix with one row negated (just outside `M⁺ n`). */
export function negatedMonomialArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc.tuple(positiveMonomialArb(F, n, { max: 4, maxDenominator: 2 }), fc.integer({ min: 0, max: n - 1 })).map(([M, k]) => {
    const d = Array.from({ length: n }, (_, i) => (i === k ? F.neg(F.one) : F.one));
    return mul(F, diagonal(F, d), M);
  });
}

/** `c I` for `c > 0`. */
export function positiveScalarMatrixArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return positiveScalarArb(F, { max: 4, maxDenominator: 2 }).map((c) => scalarMatrix(F, n, c));
}

/** The fixed landmarks `I`, `−I`, `2 I`. */
export function landmarkArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  const I = identity(F, n);
  return fc.constantFrom(I, scalarMatrix(F, n, F.neg(F.one)), scalarMatrix(F, n, F.fromInt(2)));
}

/**
 * Candidates near the boundary of the monomial/orthogonal groups: perturbed and scaled
 * permutations, signed permutations, positive monomials (and one row negated), rotations,
 * orthogonal matrices (most are not signed permutations) and near-orthogonal ones, landmarks
 * and general invertible matrices.
 */
export function nearBoundaryArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  // At size 0 the only matrix is the empty one (the identity of `GL 0`): nothing lies near a boundary.
  if (n === 0) return landmarkArb(F, 0);
  return fc.oneof(
    landmarkArb(F, n),
    perturbedPermutationArb(F, n),
    signedPermutationArb(F, n),
    scaledPermutationArb(F, n),
    positiveMonomialArb(F, n, { max: 4, maxDenominator: 2 }),
    negatedMonomialArb(F, n),
    rotationArb(F, n),
    orthogonalArb(F, n),
    perturbedOrthogonalArb(F, n),
    positiveScalarMatrixArb(F, n),
    invertibleArb(F, n),
  );
}
