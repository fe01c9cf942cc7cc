/**
 * Operators on runtime values, dispatched on their kinds: the meaning of Lean's `+ - * / ⁻¹ ᵀ
 * ^ • ⊗ ∘` and of the relations `= ≠ ≤ < ≥ >` in a statement, and function application
 * (`f x`, `A i j`, `v i`). JavaScript numbers met beside scalars are numerals and are coerced to
 * the field; for Nat arithmetic (truncated subtraction) use {@link natSub}.
 */
import { toScalar, valueEq, type Context } from "./context.js";
import { SemanticsTypeError, type Field } from "./field.js";
import { inverse, matPowInt } from "./inverse.js";
import { kron } from "./kron.js";
import * as M from "./matrix.js";
import * as V from "./vector.js";
import { component, describe, entry, fn, isFn, isList, isMatrix, isVector, list, withKey, type FnValue, type Value } from "./value.js";

function bad<T>(op: string, a: Value<T>, b?: Value<T>): never {
  const what = b === undefined ? describe(a) : `${describe(a)} and ${describe(b)}`;
  throw new SemanticsTypeError(`operator ${op} is not defined for ${what}`);
}

function isScalarLike<T>(F: Field<T>, v: Value<T>): boolean {
  return F.isScalar(v) || typeof v === "number";
}

/** A scalar numeral: `"3"`, `"-2"`, `"3/5"`, `"0.25"` (exact in exact mode). */
export function scalar<T>(ctx: Context<T>, literal: string | number): T {
  const F = ctx.F;
  if (typeof literal === "number") return Number.isInteger(literal) ? F.fromInt(literal) : F.fromNumber(literal);
  const s = literal.trim();
  const slash = s.indexOf("/");
  if (slash >= 0) return F.div(scalar(ctx, s.slice(0, slash)), scalar(ctx, s.slice(slash + 1)));
  if (/^-?\d+$/.test(s)) return F.fromInt(BigInt(s));
  const m = /^(-?)(\d*)\.(\d+)$/.exec(s);
  if (m) {
    const digits = (m[2] ?? "") + (m[3] ?? "");
    const num = F.fromInt(BigInt((m[1] ?? "") + (digits === "" ? "0" : digits)));
    return F.div(num, F.fromInt(10n ** BigInt((m[3] ?? "").length)));
  }
  throw new SemanticsTypeError(`not a numeral: ${literal}`);
}

/** A numeral next to a square matrix stands for `c I` (as `(2 : Mat n n α)` in Lean). */
function asScalarMatrix<T>(F: Field<T>, c: Value<T>, like: Value<T>): Value<T> {
  if (isMatrix(like) && like.rows === like.cols && isScalarLike(F, c)) return M.scalarMatrix(F, like.rows, toScalar(F, c));
  return c;
}

export function add<T>(ctx: Context<T>, a0: Value<T>, b0: Value<T>): Value<T> {
  const F = ctx.F;
  const a = asScalarMatrix(F, a0, b0);
  const b = asScalarMatrix(F, b0, a0);
  if (isMatrix(a) && isMatrix(b)) return M.add(F, a, b);
  if (isVector(a) && isVector(b)) return V.vadd(F, a, b);
  if (isFn(a) && isFn(b)) return fn(`(${a.name} + ${b.name})`, 1, (xs) => add(ctx, applyValue(ctx, a, xs), applyValue(ctx, b, xs)));
  if (isScalarLike(F, a) && isScalarLike(F, b)) return F.add(toScalar(F, a), toScalar(F, b));
  return bad("+", a, b);
}

export function sub<T>(ctx: Context<T>, a0: Value<T>, b0: Value<T>): Value<T> {
  const F = ctx.F;
  const a = asScalarMatrix(F, a0, b0);
  const b = asScalarMatrix(F, b0, a0);
  if (isMatrix(a) && isMatrix(b)) return M.sub(F, a, b);
  if (isVector(a) && isVector(b)) return V.vsub(F, a, b);
  if (isScalarLike(F, a) && isScalarLike(F, b)) return F.sub(toScalar(F, a), toScalar(F, b));
  return bad("-", a, b);
}

export function neg<T>(ctx: Context<T>, a: Value<T>): Value<T> {
  const F = ctx.F;
  if (isMatrix(a)) return M.neg(F, a);
  if (isVector(a)) return V.vneg(F, a);
  if (isScalarLike(F, a)) return F.neg(toScalar(F, a));
  return bad("-", a);
}

/**
 * `a * b`: scalar product, matrix product, matrix-vector product, scalar times matrix/vector,
 * and the componentwise product of tuples (the layer group `G₁ × ⋯ × G_{L-1}`, P3.3).
 */
export function mul<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): Value<T> {
  const F = ctx.F;
  if (isMatrix(a) && isMatrix(b)) return M.mul(F, a, b);
  if (isList(a) && isList(b)) {
    if (a.items.length !== b.items.length) return bad("*", a, b);
    return list(a.items.map((x, i) => mul(ctx, x, b.items[i] as Value<T>)));
  }
  if (isMatrix(a) && isVector(b)) return M.mulVec(F, a, b);
  if (isScalarLike(F, a) && isScalarLike(F, b)) return F.mul(toScalar(F, a), toScalar(F, b));
  if (isScalarLike(F, a)) return smul(ctx, a, b);
  if (isScalarLike(F, b) && (isMatrix(a) || isVector(a))) return smul(ctx, b, a);
  return bad("*", a, b);
}

/** `c • x` for a matrix, a vector or a list of them. */
export function smul<T>(ctx: Context<T>, c: Value<T>, x: Value<T>): Value<T> {
  const F = ctx.F;
  const s = toScalar(F, c);
  if (isMatrix(x)) return M.smul(F, s, x);
  if (isVector(x)) return V.vsmul(F, s, x);
  if (isList(x)) return list(x.items.map((y) => smul(ctx, s, y)));
  if (isScalarLike(F, x)) return F.mul(s, toScalar(F, x));
  return bad("•", c, x);
}

export function div<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): Value<T> {
  const F = ctx.F;
  // Lean's fields (`Lean.Grind.Field`): `x / 0 = 0` and `0⁻¹ = 0`.
  if (isScalarLike(F, a) && isScalarLike(F, b)) return F.isExactZero(toScalar(F, b)) ? F.zero : F.div(toScalar(F, a), toScalar(F, b));
  if ((isMatrix(a) || isVector(a)) && isScalarLike(F, b)) return smul(ctx, leanInv(F, toScalar(F, b)), a);
  return bad("/", a, b);
}

/** The inverse in a `Lean.Grind.Field`: `0⁻¹ = 0`. */
function leanInv<T>(F: Context<T>["F"], x: T): T {
  return F.isExactZero(x) ? F.zero : F.inv(x);
}

/** `a⁻¹`: scalar inverse (`0⁻¹ = 0`, as in Lean), matrix inverse (a singular matrix throws), componentwise on tuples. */
export function inv<T>(ctx: Context<T>, a: Value<T>): Value<T> {
  const F = ctx.F;
  if (isMatrix(a)) return inverse(F, a);
  if (isList(a)) return list(a.items.map((x) => inv(ctx, x)));
  if (isScalarLike(F, a)) return leanInv(F, toScalar(F, a));
  return bad("⁻¹", a);
}

/** `Aᵀ`. */
export function transposeOp<T>(_ctx: Context<T>, a: Value<T>): Value<T> {
  if (isMatrix(a)) return M.transpose(a);
  return bad("ᵀ", a);
}

/** `a ^ k` for an integer `k` (scalars and square matrices). */
export function pow<T>(ctx: Context<T>, a: Value<T>, k: Value<T>): Value<T> {
  const F = ctx.F;
  const e = typeof k === "number" ? k : F.isScalar(k) ? F.toNumber(k) : NaN;
  if (!Number.isInteger(e)) return bad("^", a, k);
  if (isMatrix(a)) return matPowInt(F, a, e);
  if (isScalarLike(F, a)) return F.pow(toScalar(F, a), e);
  return bad("^", a, k);
}

export function kronOp<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): Value<T> {
  if (isMatrix(a) && isMatrix(b)) return kron(ctx.F, a, b);
  return bad("⊗", a, b);
}

/** `f ∘ g`. */
export function compose<T>(ctx: Context<T>, f: Value<T>, g: Value<T>): Value<T> {
  if (isFn(f) && isFn(g)) return fn(`(${f.name} ∘ ${g.name})`, 1, (xs) => applyValue(ctx, f, [applyValue(ctx, g, xs)]));
  return bad("∘", f, g);
}

/**
 * Application `f a₁ … aₖ`: a function value (curried: extra arguments apply to the result, too
 * few give a partial application), a matrix applied to indices `A i j`, a vector `v i`.
 */
export function applyValue<T>(ctx: Context<T>, f: Value<T>, args: readonly Value<T>[]): Value<T> {
  if (args.length === 0) return f;
  if (isFn(f)) {
    if (args.length < f.arity) {
      const partial = fn<T>(f.name, f.arity - args.length, (rest) => applyValue(ctx, f, [...args, ...rest]), f.inputSize);
      const key = partialKey<T>(ctx, f, args);
      return key === undefined ? partial : withKey<T>(partial, key);
    }
    const r = f.apply(args.slice(0, f.arity));
    return applyValue(ctx, r, args.slice(f.arity));
  }
  const [i, ...rest] = args;
  if (typeof i !== "number") return bad("application", f, i);
  if (isMatrix(f)) return applyValue(ctx, M.row(f, i), rest);
  if (isVector(f)) return applyValue(ctx, component(f, i), rest);
  if (isList(f)) {
    const item = f.items[i];
    if (item === undefined) throw new SemanticsTypeError(`index ${i} out of range for a list of ${f.items.length}`);
    return applyValue(ctx, item, rest);
  }
  return bad("application", f);
}

/** The key of `f a₁ … aₖ` when `f` and every `aᵢ` have one (keyed functions, Nats, scalars). */
export function partialKey<T>(ctx: Context<T>, f: FnValue<T>, args: readonly Value<T>[]): string | undefined {
  if (f.key === undefined) return undefined;
  const parts: string[] = [];
  for (const a of args) {
    if (isFn(a)) {
      if (a.key === undefined) return undefined;
      parts.push(`(${a.key})`);
    } else if (typeof a === "number" || typeof a === "boolean") parts.push(String(a));
    else if (ctx.F.isScalar(a)) parts.push(ctx.F.serialize(a));
    else return undefined;
  }
  return `${f.key} ${parts.join(" ")}`;
}

/** Entry `(i, j)` of a matrix value, for code that indexes directly. */
export function at<T>(a: Value<T>, i: number, j: number): T {
  if (!isMatrix(a)) return bad("indexing", a);
  return entry(a, i, j);
}

export function eq<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): boolean {
  return valueEq(ctx, a, b);
}

export function ne<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): boolean {
  return !valueEq(ctx, a, b);
}

export function le<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): boolean {
  return ctx.F.le(toScalar(ctx.F, a), toScalar(ctx.F, b));
}

export function lt<T>(ctx: Context<T>, a: Value<T>, b: Value<T>): boolean {
  return ctx.F.lt(toScalar(ctx.F, a), toScalar(ctx.F, b));
}

/** Nat subtraction, truncated at 0. */
export function natSub(a: number, b: number): number {
  return Math.max(0, a - b);
}

/** Nat division, rounding down (division by 0 is 0, as in Lean). */
export function natDiv(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

/** The binary operators of the statement fragment, by their Lean spelling. */
export const binaryOperators: Readonly<Record<string, <T>(ctx: Context<T>, a: Value<T>, b: Value<T>) => Value<T>>> = {
  "+": add,
  "-": sub,
  "*": mul,
  "/": div,
  "•": smul,
  "^": pow,
  "⊗": kronOp,
  "∘": compose,
  "=": eq,
  "≠": ne,
  "≤": le,
  "<": lt,
  "≥": (ctx, a, b) => le(ctx, b, a),
  ">": (ctx, a, b) => lt(ctx, b, a),
};

/** The unary operators: prefix `-`, postfix `⁻¹` and `ᵀ`. */
export const unaryOperators: Readonly<Record<string, <T>(ctx: Context<T>, a: Value<T>) => Value<T>>> = {
  "-": neg,
  "⁻¹": inv,
  ᵀ: transposeOp,
};
