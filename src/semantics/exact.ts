/**
 * Exact mode: rationals as mathjs `Fraction` (fraction.js, bigint numerators and denominators,
 * always normalized), so equality is structural and exact.
 */
import { Fraction, fraction } from "mathjs";
import { DivisionByZeroError, type Field } from "./field.js";

export type Rational = Fraction;

function isFraction(x: unknown): x is Fraction {
  return x instanceof Fraction;
}

/** A rational from `p / q`, a decimal string `"0.25"`, a fraction string `"-3/5"` or a double. */
export function rational(p: number | bigint | string, q?: number | bigint): Rational {
  if (q === undefined) return typeof p === "number" ? fraction(p) : new Fraction(p);
  if (BigInt(q) === 0n) throw new DivisionByZeroError("rational");
  return new Fraction(BigInt(p), BigInt(q));
}

const ZERO = new Fraction(0);
const ONE = new Fraction(1);

function sign(c: number): -1 | 0 | 1 {
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Exact serialization `"p/q"` (or `"p"` when the denominator is 1). */
export function serializeRational(a: Rational): string {
  return a.toFraction(false);
}

export const exactField: Field<Rational> = {
  mode: "exact",
  tolerance: 0,
  zero: ZERO,
  one: ONE,
  isScalar: isFraction,
  fromInt: (n) => new Fraction(BigInt(n)),
  fromRatio: (p, q) => rational(BigInt(p), BigInt(q)),
  fromNumber: (x) => {
    if (!Number.isFinite(x)) throw new DivisionByZeroError(`exact conversion of ${x}`);
    return fraction(x);
  },
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => {
    if (b.n === 0n) throw new DivisionByZeroError("exact division");
    return a.div(b);
  },
  neg: (a) => a.neg(),
  inv: (a) => {
    if (a.n === 0n) throw new DivisionByZeroError("exact inverse");
    return a.inverse();
  },
  abs: (a) => a.abs(),
  pow: (a, k) => {
    if (!Number.isInteger(k)) throw new RangeError(`exact power needs an integer exponent, got ${k}`);
    if (k < 0 && a.n === 0n) throw new DivisionByZeroError("exact power");
    return a.pow(k);
  },
  eq: (a, b) => a.equals(b),
  compare: (a, b) => sign(a.compare(b)),
  lt: (a, b) => a.compare(b) < 0,
  le: (a, b) => a.compare(b) <= 0,
  isExactZero: (a) => a.n === 0n,
  isFinite: () => true,
  toNumber: (a) => a.valueOf(),
  serialize: serializeRational,
  residual: (a, b) => Math.abs(a.sub(b).valueOf()),
};
