/**
 * Scalar arbitraries. Exact mode: small rationals `p / q` (`|p| ≤ 9`, `1 ≤ q ≤ 4`), shrinking
 * towards 0 and integers. Float mode: doubles in `[-10, 10]`, shrinking towards 0.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";

export interface ScalarOptions {
  /** Largest numerator (exact) or magnitude (float); default 9 and 10. */
  readonly max?: number;
  /** Largest denominator in exact mode (default 4). */
  readonly maxDenominator?: number;
}

/** Any scalar. */
export function scalarArb<T>(F: Field<T>, opts: ScalarOptions = {}): fc.Arbitrary<T> {
  if (F.mode === "exact") {
    const max = opts.max ?? 9;
    return fc
      .tuple(fc.integer({ min: -max, max }), fc.integer({ min: 1, max: opts.maxDenominator ?? 4 }))
      .map(([p, q]) => F.fromRatio(p, q));
  }
  const max = opts.max ?? 10;
  return fc.double({ min: -max, max, noNaN: true, noDefaultInfinity: true }).map((x) => F.fromNumber(x === 0 ? 0 : x));
}

/** A scalar `> 0`. */
export function positiveScalarArb<T>(F: Field<T>, opts: ScalarOptions = {}): fc.Arbitrary<T> {
  if (F.mode === "exact") {
    const max = opts.max ?? 9;
    return fc
      .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max: opts.maxDenominator ?? 4 }))
      .map(([p, q]) => F.fromRatio(p, q));
  }
  const max = opts.max ?? 10;
  return fc.double({ min: 1 / 16, max, noNaN: true, noDefaultInfinity: true }).map((x) => F.fromNumber(x));
}

/** A scalar `≠ 0` (sign and magnitude drawn separately, so it shrinks to ±1). */
export function nonzeroScalarArb<T>(F: Field<T>, opts: ScalarOptions = {}): fc.Arbitrary<T> {
  return fc.tuple(fc.boolean(), positiveScalarArb(F, opts)).map(([neg, x]) => (neg ? F.neg(x) : x));
}

/** A small integer scalar in `[min, max]`. */
export function integerScalarArb<T>(F: Field<T>, min = -5, max = 5): fc.Arbitrary<T> {
  return fc.integer({ min, max }).map((k) => F.fromInt(k));
}
