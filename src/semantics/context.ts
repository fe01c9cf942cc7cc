/**
 * The evaluation context of one property: the field (mode and tolerance) and the largest
 * residual seen by value comparisons, which the runner reports as `maxResidual`.
 */
import { exactField, type Rational } from "./exact.js";
import { DEFAULT_TOLERANCE, floatField } from "./float.js";
import { SemanticsTypeError, type Field, type Mode } from "./field.js";
import { describe, isFn, isList, isMatrix, isVector, tabulate, type Value } from "./value.js";

export interface Context<T> {
  readonly F: Field<T>;
  /** Largest `|lhs − rhs|` seen by {@link valueEq} / {@link Context.eq} so far. */
  maxResidual: number;
}

/** A fresh context in exact mode. */
export function exactContext(): Context<Rational> {
  return { F: exactField, maxResidual: 0 };
}

/** A fresh context in float mode with relative tolerance `tolerance`. */
export function floatContext(tolerance: number = DEFAULT_TOLERANCE): Context<number> {
  return { F: floatField(tolerance), maxResidual: 0 };
}

/** The context of a mode. */
export function contextFor(mode: "exact"): Context<Rational>;
export function contextFor(mode: "float", tolerance?: number): Context<number>;
export function contextFor(mode: Mode, tolerance?: number): Context<Rational> | Context<number>;
export function contextFor(mode: Mode, tolerance?: number): Context<Rational> | Context<number> {
  return mode === "exact" ? exactContext() : floatContext(tolerance);
}

function scalarEq<T>(ctx: Context<T>, a: T, b: T): boolean {
  const ok = ctx.F.eq(a, b);
  const r = ctx.F.residual(a, b);
  if (r > ctx.maxResidual) ctx.maxResidual = r;
  return ok;
}

/** Coerces a Nat literal (a JS number) to a scalar; leaves scalars alone. */
export function toScalar<T>(F: Field<T>, v: Value<T>): T {
  if (F.isScalar(v)) return v;
  if (typeof v === "number") return Number.isInteger(v) ? F.fromInt(v) : F.fromNumber(v);
  throw new SemanticsTypeError(`expected a scalar, got ${describe(v)}`);
}

/**
 * Structural equality of two values (entrywise for matrices and vectors, itemwise for lists),
 * within the field's tolerance; records the largest residual. Functions cannot be compared.
 */
export function valueEq<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): boolean {
  if (typeof a === "boolean" || typeof b === "boolean") {
    if (typeof a !== typeof b) throw new SemanticsTypeError(`cannot compare ${describe(a)} with ${describe(b)}`);
    return a === b;
  }
  if (isMatrix(a) || isMatrix(b)) {
    // A numeral beside a square matrix is `c I` (`1 : GL n α`, `(2 : Mat n n α)`).
    if (isMatrix(a) && !isMatrix(b) && a.rows === a.cols && (ctx.F.isScalar(b) || typeof b === "number")) {
      return valueEq(ctx, a, scalarIdentity(ctx.F, a.rows, toScalar(ctx.F, b)));
    }
    if (isMatrix(b) && !isMatrix(a) && b.rows === b.cols && (ctx.F.isScalar(a) || typeof a === "number")) {
      return valueEq(ctx, scalarIdentity(ctx.F, b.rows, toScalar(ctx.F, a)), b);
    }
    if (!isMatrix(a) || !isMatrix(b)) throw new SemanticsTypeError(`cannot compare ${describe(a)} with ${describe(b)}`);
    if (a.rows !== b.rows || a.cols !== b.cols) {
      throw new SemanticsTypeError(`cannot compare ${describe(a)} with ${describe(b)}`);
    }
    let ok = true;
    for (let i = 0; i < a.rows; i++) {
      const ra = a.data[i] as readonly T[];
      const rb = b.data[i] as readonly T[];
      for (let j = 0; j < a.cols; j++) ok = scalarEq(ctx, ra[j] as T, rb[j] as T) && ok;
    }
    return ok;
  }
  if (isVector(a) || isVector(b)) {
    if (!isVector(a) || !isVector(b) || a.size !== b.size) {
      throw new SemanticsTypeError(`cannot compare ${describe(a)} with ${describe(b)}`);
    }
    let ok = true;
    for (let i = 0; i < a.size; i++) ok = scalarEq(ctx, a.data[i] as T, b.data[i] as T) && ok;
    return ok;
  }
  if (isList(a) || isList(b)) {
    if (!isList(a) || !isList(b)) throw new SemanticsTypeError(`cannot compare ${describe(a)} with ${describe(b)}`);
    if (a.items.length !== b.items.length) return false;
    let ok = true;
    for (let i = 0; i < a.items.length; i++) ok = valueEq(ctx, a.items[i] as Value<T>, b.items[i] as Value<T>) && ok;
    return ok;
  }
  if (isFn(a) || isFn(b)) throw new SemanticsTypeError("functions cannot be compared numerically");
  return scalarEq(ctx, toScalar(ctx.F, a), toScalar(ctx.F, b));
}

function scalarIdentity<T>(F: Field<T>, n: number, c: T): Value<T> {
  return tabulate(n, n, (i, j) => (i === j ? c : F.zero));
}

/** Exact, JSON-ready serialization of a value (rationals as `"p/q"` strings). */
export function serializeValue<T>(F: Field<T>, v: Value<T>): unknown {
  if (typeof v === "boolean") return v;
  if (F.isScalar(v)) return F.serialize(v);
  if (typeof v === "number") return v;
  if (isMatrix(v)) return v.data.map((r) => r.map((x) => F.serialize(x)));
  if (isVector(v)) return v.data.map((x) => F.serialize(x));
  if (isList(v)) return v.items.map((x) => serializeValue(F, x));
  return `<fn ${v.name}>`;
}
