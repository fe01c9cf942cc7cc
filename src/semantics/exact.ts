/**
 * Exact mode: rationals, always normalized (lowest terms, positive denominator), so equality is
 * structural and exact.
 *
 * A rational whose numerator and denominator are safe integers (|x| ≤ 2⁵³ − 1) is stored as two
 * JavaScript numbers, and its arithmetic runs on doubles as long as every intermediate product
 * and sum stays within the safe range (then each double operation is exact); anything larger is
 * stored and computed as a pair of bigints, and comes back to numbers when it fits again. Every
 * value has exactly one representation, so the two paths never disagree on equality.
 *
 * Conversions the harness does not compute itself (a non-integer double, a decimal or fraction
 * string) go through fraction.js, the library mathjs's `fraction` is built on, loaded on first
 * use: the same rational as mathjs gives.
 */
import { createRequire } from "node:module";
import { DivisionByZeroError, type Field } from "./field.js";

const MAX = Number.MAX_SAFE_INTEGER;

/** An exact rational `num / den` (numbers) or `big[0] / big[1]` (bigints, when out of the safe range). */
export class Rational {
  /** @internal Use the field's operations or {@link rational}; the arguments must be normalized. */
  constructor(
    /** The numerator (meaningful when `big` is null). */
    readonly num: number,
    /** The denominator, positive (meaningful when `big` is null). */
    readonly den: number,
    /** Numerator and denominator as bigints when either is not a safe integer, else null. */
    readonly big: readonly [bigint, bigint] | null,
  ) {}
  /** The nearest double, as `Number(n) / Number(d)`. */
  valueOf(): number {
    return this.big === null ? this.num / this.den : Number(this.big[0]) / Number(this.big[1]);
  }
  toString(): string {
    return serializeRational(this);
  }
}

const ZERO = new Rational(0, 1, null);
const ONE = new Rational(1, 1, null);

function gcdNum(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** The integer `n` (a safe integer). */
function int(n: number): Rational {
  return n === 0 ? ZERO : n === 1 ? ONE : new Rational(n, 1, null);
}

/** `n / d` for safe integers `n`, `d ≠ 0`. */
function small(n: number, d: number): Rational {
  if (n === 0) return ZERO;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (d === 1) return int(n);
  const g = gcdNum(n < 0 ? -n : n, d);
  return g === 1 ? new Rational(n, d, null) : int1(n / g, d / g);
}

function int1(n: number, d: number): Rational {
  return d === 1 ? int(n) : new Rational(n, d, null);
}

/** `n / d` for bigints, `d ≠ 0`: normalized, and stored as numbers when they are safe integers. */
function fromBig(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new DivisionByZeroError("rational");
  if (n === 0n) return ZERO;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcdBig(n < 0n ? -n : n, d);
  if (g !== 1n) {
    n /= g;
    d /= g;
  }
  const m = BigInt(MAX);
  if (d <= m && n <= m && n >= -m) return int1(Number(n), Number(d));
  return new Rational(NaN, NaN, [n, d]);
}

function bigOf(a: Rational): readonly [bigint, bigint] {
  return a.big ?? [BigInt(a.num), BigInt(a.den)];
}

const safe = (x: number): boolean => x <= MAX && x >= -MAX;

function add(a: Rational, b: Rational): Rational {
  if (a.big === null && b.big === null) {
    if (a.den === 1 && b.den === 1) {
      const s = a.num + b.num;
      if (safe(s)) return int(s);
    } else {
      const x = a.num * b.den;
      const y = b.num * a.den;
      const d = a.den * b.den;
      if (safe(x) && safe(y) && d <= MAX) {
        const s = x + y;
        if (safe(s)) return small(s, d);
      }
    }
  }
  const [an, ad] = bigOf(a);
  const [bn, bd] = bigOf(b);
  return fromBig(an * bd + bn * ad, ad * bd);
}

function neg(a: Rational): Rational {
  if (a.big === null) return a.num === 0 ? ZERO : new Rational(-a.num, a.den, null);
  return new Rational(NaN, NaN, [-a.big[0], a.big[1]]);
}

function mul(a: Rational, b: Rational): Rational {
  if (a.big === null && b.big === null) {
    const n = a.num * b.num;
    const d = a.den * b.den;
    if (safe(n) && d <= MAX) return d === 1 ? int(n) : small(n, d);
  }
  const [an, ad] = bigOf(a);
  const [bn, bd] = bigOf(b);
  return fromBig(an * bn, ad * bd);
}

function isZero(a: Rational): boolean {
  return a.big === null && a.num === 0;
}

function inv(a: Rational): Rational {
  if (a.big === null) {
    if (a.num === 0) throw new DivisionByZeroError("exact inverse");
    return a.num < 0 ? int1(-a.den, -a.num) : int1(a.den, a.num);
  }
  const [n, d] = a.big;
  return n < 0n ? new Rational(NaN, NaN, [-d, -n]) : fromBig(d, n);
}

function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  if (a.big === null && b.big === null) {
    if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
    const x = a.num * b.den;
    const y = b.num * a.den;
    if (safe(x) && safe(y)) return x < y ? -1 : x > y ? 1 : 0;
  }
  const [an, ad] = bigOf(a);
  const [bn, bd] = bigOf(b);
  const x = an * bd;
  const y = bn * ad;
  return x < y ? -1 : x > y ? 1 : 0;
}

function equals(a: Rational, b: Rational): boolean {
  // Normalized, one representation per value: a small and a big rational always differ.
  if (a.big === null) return b.big === null && a.num === b.num && a.den === b.den;
  return b.big !== null && a.big[0] === b.big[0] && a.big[1] === b.big[1];
}

function pow(a: Rational, k: number): Rational {
  if (!Number.isInteger(k)) throw new RangeError(`exact power needs an integer exponent, got ${k}`);
  if (k < 0) {
    if (isZero(a)) throw new DivisionByZeroError("exact power");
    a = inv(a);
    k = -k;
  }
  let r = ONE;
  let base = a;
  while (k > 0) {
    if (k % 2 === 1) r = mul(r, base);
    k = Math.floor(k / 2);
    if (k > 0) base = mul(base, base);
  }
  return r;
}

/** fraction.js (mathjs's own rational type), loaded on first use: the slow, general conversions. */
type SlowFraction = { s: bigint; n: bigint; d: bigint };
let slowFraction: (new (x: number | string) => SlowFraction) | undefined;
function viaFractionJs(x: number | string): Rational {
  if (!slowFraction) {
    // Resolved from mathjs's own location: exactly the fraction.js that mathjs's `fraction` uses.
    const req = createRequire(import.meta.url);
    slowFraction = createRequire(req.resolve("mathjs"))("fraction.js") as new (x: number | string) => SlowFraction;
  }
  const f = new slowFraction(x);
  return fromBig(f.s * f.n, f.d);
}

function fromInt(n: number | bigint): Rational {
  if (typeof n === "number") return Number.isSafeInteger(n) ? int(n) : fromBig(BigInt(n), 1n);
  return fromBig(n, 1n);
}

/** A double as mathjs's `fraction(x)` gives it (fraction.js's conversion of a number). */
function fromDouble(x: number): Rational {
  if (Number.isSafeInteger(x)) return int(x);
  return viaFractionJs(x);
}

/** A rational from `p / q`, a decimal string `"0.25"`, a fraction string `"-3/5"` or a double. */
export function rational(p: number | bigint | string, q?: number | bigint): Rational {
  if (q === undefined) {
    if (typeof p === "number") {
      if (!Number.isFinite(p)) throw new Error(`${p} cannot be represented as a fraction`);
      return fromDouble(p);
    }
    return typeof p === "bigint" ? fromBig(p, 1n) : viaFractionJs(p);
  }
  if (typeof p === "number" && typeof q === "number" && Number.isSafeInteger(p) && Number.isSafeInteger(q)) {
    if (q === 0) throw new DivisionByZeroError("rational");
    return small(p, q);
  }
  return fromBig(BigInt(p), BigInt(q));
}

/** Exact serialization `"p/q"` (or `"p"` when the denominator is 1). */
export function serializeRational(a: Rational): string {
  if (a.big === null) return a.den === 1 ? String(a.num) : `${a.num}/${a.den}`;
  return a.big[1] === 1n ? String(a.big[0]) : `${a.big[0]}/${a.big[1]}`;
}

/** The operations of the exact field, exported for the agreement tests against fraction.js. */
export const rationalOps = { add, neg, mul, inv, compare, equals, pow, fromBig };

export const exactField: Field<Rational> = {
  mode: "exact",
  tolerance: 0,
  zero: ZERO,
  one: ONE,
  isScalar: (x: unknown): x is Rational => x instanceof Rational,
  fromInt,
  fromRatio: (p, q) => rational(p, q),
  fromNumber: (x) => {
    if (!Number.isFinite(x)) throw new DivisionByZeroError(`exact conversion of ${x}`);
    return fromDouble(x);
  },
  add,
  sub: (a, b) => add(a, neg(b)),
  mul,
  div: (a, b) => {
    if (isZero(b)) throw new DivisionByZeroError("exact division");
    return mul(a, inv(b));
  },
  neg,
  inv,
  abs: (a) => (compare(a, ZERO) < 0 ? neg(a) : a),
  pow,
  eq: equals,
  compare,
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  isExactZero: isZero,
  isFinite: () => true,
  toNumber: (a) => a.valueOf(),
  serialize: serializeRational,
  residual: (a, b) => Math.abs(add(a, neg(b)).valueOf()),
};
