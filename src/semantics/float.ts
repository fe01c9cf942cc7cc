/**
 * Float mode: IEEE doubles compared with a relative tolerance. Any comparison that sees a NaN or
 * an infinity throws {@link NonFiniteError}: a non-finite value fails the property.
 *
 * Comparisons are consistent with the tolerant equality: `a ≤ b` holds when `a < b` or `a ≈ b`,
 * and `a < b` when `a < b` and not `a ≈ b`, so `¬ (a ≤ b) ↔ b < a` still holds.
 */
import { DivisionByZeroError, NonFiniteError, type Field } from "./field.js";

/** The default relative tolerance of float mode. */
export const DEFAULT_TOLERANCE = 1e-9;

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new NonFiniteError(what);
  return x;
}

/** `|a - b| ≤ tol · max(1, |a|, |b|)`; throws on non-finite input. */
export function closeEnough(a: number, b: number, tol: number): boolean {
  finite(a, "float comparison");
  finite(b, "float comparison");
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The float64 field with relative tolerance `tolerance`. */
export function floatField(tolerance: number = DEFAULT_TOLERANCE): Field<number> {
  return {
    mode: "float",
    tolerance,
    zero: 0,
    one: 1,
    isScalar: (x: unknown): x is number => typeof x === "number",
    fromInt: (n) => Number(n),
    fromRatio: (p, q) => {
      if (Number(q) === 0) throw new DivisionByZeroError("float ratio");
      return Number(p) / Number(q);
    },
    fromNumber: (x) => x,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    div: (a, b) => a / b,
    neg: (a) => -a,
    inv: (a) => 1 / a,
    abs: (a) => Math.abs(a),
    pow: (a, k) => a ** k,
    eq: (a, b) => closeEnough(a, b, tolerance),
    compare: (a, b) => (closeEnough(a, b, tolerance) ? 0 : a < b ? -1 : 1),
    le: (a, b) => closeEnough(a, b, tolerance) || a < b,
    lt: (a, b) => !closeEnough(a, b, tolerance) && a < b,
    isExactZero: (a) => a === 0,
    isFinite: (a) => Number.isFinite(a),
    toNumber: (a) => a,
    serialize: (a) => String(a),
    residual: (a, b) => Math.abs(a - b),
    exp: Math.exp,
    sqrt: Math.sqrt,
    log: Math.log,
  };
}

/** The float field at the default tolerance. */
export const defaultFloatField: Field<number> = floatField();
