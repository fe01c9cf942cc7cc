/**
 * Scalar arbitraries: small rationals `p / q` (`|p| ≤ 9`, `1 ≤ q ≤ 4`), shrinking towards 0 and
 * integers — exact in exact mode, the nearest doubles in float mode. Float mode uses the same
 * values on purpose: it exists for transcendental functions, and arbitrary doubles shrink to
 * entries of the size of the tolerance (1e-9), where "equal within tolerance" and "exactly a
 * permutation" disagree and produce spurious counterexamples.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";

export interface ScalarOptions {
  /** Largest numerator (default 9). */
  readonly max?: number;
  /** Largest denominator in exact mode (default 4). */
  readonly maxDenominator?: number;
}

/** Any scalar. */
export function scalarArb<T>(F: Field<T>, opts: ScalarOptions = {}): fc.Arbitrary<T> {
  const max = opts.max ?? 9;
  return fc
    .tuple(fc.integer({ min: -max, max }), fc.integer({ min: 1, max: opts.maxDenominator ?? 4 }))
    .map(([p, q]) => F.fromRatio(p, q));
}

/** A scalar `> 0`. */
export function positiveScalarArb<T>(F: Field<T>, opts: ScalarOptions = {}): fc.Arbitrary<T> {
  const max = opts.max ?? 9;
  return fc
    .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max: opts.maxDenominator ?? 4 }))
    .map(([p, q]) => F.fromRatio(p, q));
}

/** A scalar `≠ 0` (sign and magnitude drawn separately, so it shrinks to ±1). */
export function nonzeroScalarArb<T>(F: Field<T>, opts: ScalarOptions = {}): fc.Arbitrary<T> {
  return fc.tuple(fc.boolean(), positiveScalarArb(F, opts)).map(([neg, x]) => (neg ? F.neg(x) : x));
}

/** A small integer scalar in `[min, max]`. */
export function integerScalarArb<T>(F: Field<T>, min = -5, max = 5): fc.Arbitrary<T> {
  return fc.integer({ min, max }).map((k) => F.fromInt(k));
}
