/**
 * The exact field's rationals (numbers while they are safe integers, bigints beyond) agree with
 * fraction.js, mathjs's rational type the field used before, operation by operation, on random
 * rationals with fixed seeds: small ones, ones near 2⁵³ (where a product leaves the safe range),
 * and huge ones (bigints that may come back to numbers), with zero denominators and divisors.
 */
import fc from "fast-check";
import { fraction, Fraction } from "mathjs";
import { describe, expect, it } from "vitest";
import { exactField as F, rational, Rational } from "../../src/semantics/exact.js";
import { DivisionByZeroError } from "../../src/semantics/field.js";

const SEED = 20261129;
const RUNS = 3000;

const big = 2n ** 53n;
/** Integers of every magnitude the fast path must handle or hand over. */
const integer = fc.oneof(
  fc.bigInt({ min: -12n, max: 12n }),
  fc.bigInt({ min: -(2n ** 26n), max: 2n ** 26n }),
  fc.bigInt({ min: big - 40n, max: big + 40n }).map((x) => x),
  fc.bigInt({ min: -(big + 40n), max: -(big - 40n) }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
);
const denominator = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 12n }), fc.bigInt({ min: 1n, max: 2n ** 27n }), fc.bigInt({ min: big - 5n, max: big + 5n }), fc.bigInt({ min: 1n, max: 2n ** 70n }));
/** A pair (numerator, denominator ≠ 0). */
const ratio = fc.tuple(integer, denominator.filter((d) => d !== 0n));

const ours = ([p, q]: readonly [bigint, bigint]): Rational => rational(p, q);
const theirs = ([p, q]: readonly [bigint, bigint]): Fraction => new Fraction(p, q);
/** Both as `"p/q"`: the same rational exactly. */
const same = (a: Rational, b: Fraction): void => expect(F.serialize(a)).toBe(b.toFraction(false));

/** Runs `f` and returns its value or the name of the error it threw. */
function attempt<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return e instanceof DivisionByZeroError ? "division by zero" : e instanceof Error && /Division by Zero/i.test(e.message) ? "division by zero" : `other: ${String(e)}`;
  }
}

describe("the exact field's rationals agree with fraction.js", () => {
  it("builds p/q in lowest terms, and refuses a zero denominator as fraction.js does", () => {
    fc.assert(
      fc.property(integer, denominator, (p, q) => {
        const a = attempt(() => rational(p, q));
        const b = attempt(() => new Fraction(p, q));
        if (typeof a === "string" || typeof b === "string") {
          expect([a, q]).toEqual([b, 0n]);
          return;
        }
        same(a, b);
        // The number pair and the bigint pair give the same value.
        if (Number.isSafeInteger(Number(p)) && Number.isSafeInteger(Number(q)) && BigInt(Number(p)) === p && BigInt(Number(q)) === q) same(rational(Number(p), Number(q)), b);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it("adds, subtracts, multiplies and divides exactly (a zero divisor throws in both)", () => {
    fc.assert(
      fc.property(ratio, ratio, (x, y) => {
        const [a, b, fa, fb] = [ours(x), ours(y), theirs(x), theirs(y)];
        same(F.add(a, b), fa.add(fb));
        same(F.sub(a, b), fa.sub(fb));
        same(F.mul(a, b), fa.mul(fb));
        const q = attempt(() => F.div(a, b));
        const fq = attempt(() => fa.div(fb));
        if (typeof q === "string" || typeof fq === "string") expect(q).toEqual(fq);
        else same(q, fq);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
  it("compares, tests equality, negates, inverts, takes absolute values and integer powers", () => {
    fc.assert(
      fc.property(ratio, ratio, fc.integer({ min: -5, max: 5 }), (x, y, k) => {
        const [a, b, fa, fb] = [ours(x), ours(y), theirs(x), theirs(y)];
        expect(F.compare(a, b)).toBe(Math.sign(fa.compare(fb)));
        expect(F.eq(a, b)).toBe(fa.equals(fb));
        expect(F.lt(a, b)).toBe(fa.compare(fb) < 0);
        expect(F.le(a, b)).toBe(fa.compare(fb) <= 0);
        same(F.neg(a), fa.neg());
        same(F.abs(a), fa.abs());
        const i = attempt(() => F.inv(a));
        const fi = attempt(() => fa.inverse());
        if (typeof i === "string" || typeof fi === "string") expect(i).toEqual(fi);
        else same(i, fi);
        const p = attempt(() => F.pow(a, k));
        const fp = attempt(() => fa.pow(k));
        if (typeof p === "string" || typeof fp === "string") expect(p).toEqual(fp);
        else same(p, fp);
        expect(F.isExactZero(a)).toBe(fa.n === 0n);
        expect(F.toNumber(a)).toBe(fa.valueOf());
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
  it("equal values have one representation: a bigint result that fits comes back to numbers", () => {
    const hugeHalf = rational(2n ** 80n, 2n ** 81n);
    expect(hugeHalf.big).toBeNull();
    expect(F.eq(hugeHalf, rational(1, 2))).toBe(true);
    const x = rational(2n ** 60n, 3n);
    expect(x.big).not.toBeNull();
    const back = F.mul(x, rational(3n, 2n ** 60n));
    expect(F.eq(back, F.one)).toBe(true);
    expect(back.big).toBeNull();
    // A product just past 2⁵³ is computed with bigints, exactly.
    const m = rational(2 ** 27 + 1);
    expect(F.serialize(F.mul(F.mul(m, m), m))).toBe(String(BigInt(2 ** 27 + 1) ** 3n));
  });
  it("converts doubles and strings as mathjs's fraction does (one zero: fraction.js's `-0` from a tiny negative double is 0)", () => {
    // fraction.js needs a quarter of a second for a double near 0 (1e-20, 2⁻³⁰): a few of those only.
    const doubles = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map((k) => k / 64),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 1000),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 7),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: 1, max: 1e12 }),
      fc.constantFrom(0.1, 1 / 3, -0, 2 ** 60, 123456.789),
    );
    fc.assert(
      fc.property(doubles, (x) => {
        const expected = (fraction(x) as Fraction).toFraction(false).replace(/^-0$/, "0");
        expect(F.serialize(F.fromNumber(x))).toBe(expected);
        expect(F.serialize(rational(x))).toBe(expected);
      }),
      { seed: SEED + 3, numRuns: 500 },
    );
    for (const x of [1e-20, -5e-324]) expect(F.serialize(F.fromNumber(x))).toBe("0");
    for (const s of ["0.25", "-3/5", "7", "1.5", "-0.125"]) same(rational(s), new Fraction(s));
    expect(() => F.fromNumber(Infinity)).toThrow(DivisionByZeroError);
  });
  it("serializes as p/q (p when q = 1), with the sign on the numerator", () => {
    expect(F.serialize(rational(-6, 4))).toBe("-3/2");
    expect(F.serialize(rational(6, -3))).toBe("-2");
    expect(F.serialize(F.mul(rational(-1), F.zero))).toBe("0");
    expect(F.serialize(rational(2n ** 70n, 3n))).toBe(`${2n ** 70n}/3`);
  });
});
