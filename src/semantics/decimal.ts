/**
 * High-precision decimals (mathjs's `BigNumber`, a decimal.js constructor; 60 significant digits by default), a float-mode field used
 * only to re-check a float counterexample: the semantics run unchanged on it, with the
 * transcendental functions computed to the same precision, and a tolerance far below double
 * rounding. A counterexample that float rounding alone produced holds again here; a genuine one
 * still fails. Semantics that fall back to doubles (`Math.*` on `toNumber`) do not carry the
 * precision: their re-check is not a confirmation, and throws or passes instead.
 */
import { createRequire } from "node:module";
import type { BigNumber } from "mathjs";
import { DivisionByZeroError, NonFiniteError, type Field } from "./field.js";

type Decimal = BigNumber;
/** The decimal.js constructor behind mathjs's `BigNumber` (mathjs types export it as a type only). */
interface DecimalClass {
  new (x: string | number): Decimal;
  clone(config: { precision: number; rounding: number }): DecimalClass;
  max(...xs: Decimal[]): Decimal;
  readonly ROUND_HALF_EVEN: number;
}
let bigNumberClass: DecimalClass | undefined;
/**
 * mathjs's `BigNumber` class, loaded on first use: only a float counterexample's re-check needs
 * it, and loading mathjs as an ES module costs every process of the numeric stage seconds of CPU
 * (measured: 3.7 s of CPU through tsx at start-up; its CommonJS build, required here when a
 * re-check first needs it, about 1.3 s).
 */
function BigNumberClass(): DecimalClass {
  if (!bigNumberClass) {
    const { bignumber } = createRequire(import.meta.url)("mathjs") as typeof import("mathjs");
    bigNumberClass = bignumber(0).constructor as unknown as DecimalClass;
  }
  return bigNumberClass;
}
const classes = new Map<number, DecimalClass>();

/** Significant digits of the re-check. */
export const PRECISE_DIGITS = 60;
/** Relative tolerance of the re-check's equality: 20 digits of margin above its rounding. */
export const PRECISE_TOLERANCE = 1e-40;

function finite(x: Decimal, what: string): Decimal {
  if (!x.isFinite()) throw new NonFiniteError(what);
  return x;
}

/** The field of decimals with `digits` significant digits and relative tolerance `tolerance`. */
export function decimalField(digits: number = PRECISE_DIGITS, tolerance: number = PRECISE_TOLERANCE): Field<Decimal> {
  // One decimal class per precision: fields that differ only in tolerance share their scalars.
  let D = classes.get(digits);
  if (!D) {
    const B = BigNumberClass();
    D = B.clone({ precision: digits, rounding: B.ROUND_HALF_EVEN });
    classes.set(digits, D);
  }
  const tol = new D(tolerance);
  const one = new D(1);
  const close = (a: Decimal, b: Decimal): boolean => {
    finite(a, "decimal comparison");
    finite(b, "decimal comparison");
    return a.minus(b).abs().lte(tol.times(D.max(one, a.abs(), b.abs())));
  };
  const isScalar = (x: unknown): x is Decimal => x instanceof D;
  return {
    mode: "float",
    tolerance,
    zero: new D(0),
    one,
    isScalar,
    fromInt: (n) => new D(n.toString()),
    fromRatio: (p, q) => {
      if (BigInt(q) === 0n) throw new DivisionByZeroError("decimal ratio");
      return new D(p.toString()).div(new D(q.toString()));
    },
    // The double's shortest round-trip text: the number the serialized counterexample shows. An
    // infinity passes through (a norm exponent `p = ∞`), as in float mode; comparisons refuse it.
    fromNumber: (x) => new (D as DecimalClass)(x),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => {
      if (b.isZero()) throw new DivisionByZeroError("decimal division");
      return a.div(b);
    },
    neg: (a) => a.neg(),
    inv: (a) => {
      if (a.isZero()) throw new DivisionByZeroError("decimal inverse");
      return one.div(a);
    },
    abs: (a) => a.abs(),
    pow: (a, k) => {
      if (!Number.isFinite(k)) throw new NonFiniteError(`decimal power with exponent ${k}`);
      if (k < 0 && a.isZero()) throw new DivisionByZeroError("decimal power");
      return finite(a.pow(k), "decimal power");
    },
    eq: close,
    compare: (a, b) => (close(a, b) ? 0 : a.lt(b) ? -1 : 1),
    le: (a, b) => close(a, b) || a.lt(b),
    lt: (a, b) => !close(a, b) && a.lt(b),
    isExactZero: (a) => a.isZero(),
    isFinite: (a) => a.isFinite(),
    toNumber: (a) => a.toNumber(),
    serialize: (a) => a.toString(),
    residual: (a, b) => a.minus(b).abs().toNumber(),
    exp: (a) => finite(a.exp(), "decimal exp"),
    sqrt: (a) => {
      if (a.isNeg()) throw new NonFiniteError("decimal sqrt of a negative number");
      return a.sqrt();
    },
    log: (a) => {
      if (!a.isPos()) throw new NonFiniteError("decimal log of a non-positive number");
      return a.ln();
    },
  };
}
