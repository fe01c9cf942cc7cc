/**
 * The scalar field abstraction: every numeric semantics is written once, generic over a
 * `Field<T>`, and runs in one of two modes.
 *
 * - `exact`: rationals (mathjs `Fraction`, bigint based); equality is exact.
 * - `float`: float64 with a stated relative tolerance; a NaN or an infinity reaching a
 *   comparison throws {@link NonFiniteError}, so it is a failure, never a pass.
 */

export type Mode = "exact" | "float";

/** A field of scalars with the operations the semantics need. */
export interface Field<T> {
  readonly mode: Mode;
  /** Relative tolerance of `eq` (0 in exact mode). */
  readonly tolerance: number;
  readonly zero: T;
  readonly one: T;
  /** Whether a runtime value is a scalar of this field (not a Nat index, matrix, …). */
  isScalar(x: unknown): x is T;
  fromInt(n: number | bigint): T;
  /** The rational `p / q` (rounded to the nearest double in float mode). */
  fromRatio(p: number | bigint, q: number | bigint): T;
  /** A double: exact conversion (every double is a dyadic rational) in exact mode. */
  fromNumber(x: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** Throws {@link DivisionByZeroError} on an exact zero divisor. */
  div(a: T, b: T): T;
  neg(a: T): T;
  inv(a: T): T;
  abs(a: T): T;
  /** Integer power; negative exponents invert. */
  pow(a: T, k: number): T;
  /** Equality: exact, or within the relative tolerance (scale `max(1, |a|, |b|)`). */
  eq(a: T, b: T): boolean;
  /** Exact sign of `a - b` in exact mode; plain comparison in float mode. */
  compare(a: T, b: T): -1 | 0 | 1;
  lt(a: T, b: T): boolean;
  le(a: T, b: T): boolean;
  /** Exactly zero (no tolerance) — used for pivots. */
  isExactZero(a: T): boolean;
  isFinite(a: T): boolean;
  toNumber(a: T): number;
  /** Exact serialization: `"p/q"` or `"p"` in exact mode, the shortest round-trip double in float mode. */
  serialize(a: T): string;
  /** `|a - b|` as a double, for residual reports. */
  residual(a: T, b: T): number;
  /** Transcendental functions, present in float mode only. */
  readonly exp?: (a: T) => T;
  readonly sqrt?: (a: T) => T;
  readonly log?: (a: T) => T;
}

/** A NaN or infinity reached a comparison (float mode): the property fails. */
export class NonFiniteError extends Error {
  constructor(what: string) {
    super(`non-finite value in ${what}`);
    this.name = "NonFiniteError";
  }
}

/** A transcendental or otherwise mode-specific operation was asked for in the wrong mode. */
export class UnsupportedInModeError extends Error {
  constructor(operation: string, mode: Mode) {
    super(`${operation} is not available in ${mode} mode`);
    this.name = "UnsupportedInModeError";
  }
}

/** Division by an exact zero, or inversion of a singular matrix. */
export class DivisionByZeroError extends Error {
  constructor(what: string) {
    super(`division by zero in ${what}`);
    this.name = "DivisionByZeroError";
  }
}

/** Arguments of the wrong shape or kind (a programming error in a property, not user input). */
export class SemanticsTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SemanticsTypeError";
  }
}

/** The `exp` of a field, or an {@link UnsupportedInModeError}. */
export function requireExp<T>(F: Field<T>): (a: T) => T {
  if (!F.exp) throw new UnsupportedInModeError("exp", F.mode);
  return F.exp;
}

/** The `sqrt` of a field, or an {@link UnsupportedInModeError}. */
export function requireSqrt<T>(F: Field<T>): (a: T) => T {
  if (!F.sqrt) throw new UnsupportedInModeError("sqrt", F.mode);
  return F.sqrt;
}
