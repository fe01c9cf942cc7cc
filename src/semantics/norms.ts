/**
 * Matrix norms: Frobenius and its square, entrywise ℓ1 / ℓ2 / ℓ∞ / ℓp (the ℓp norm of `vec A`,
 * D3.21), Schatten-p (the ℓp norm of the singular values, D3.17). Squares, ℓ1 and ℓ∞ are exact
 * in exact mode; square roots, general `p` and singular values need float mode.
 */
import { requireSqrt, SemanticsTypeError, UnsupportedInModeError, type Field } from "./field.js";
import { singularValues } from "./svd.js";
import { entriesOf, type Matrix, type Vector } from "./value.js";

/** A norm exponent: a number `p ≥ 1` or `Infinity`. */
export type Exponent = number;

function entries<T>(A: Matrix<T> | Vector<T>): readonly T[] {
  return A.kind === "mat" ? entriesOf(A.data) : A.data;
}

/** `Σ |a_ij|²` (exact). */
export function frobeniusSq<T>(F: Field<T>, A: Matrix<T> | Vector<T>): T {
  let s = F.zero;
  for (const x of entries(A)) s = F.add(s, F.mul(x, x));
  return s;
}

/** `‖A‖_F = √(Σ |a_ij|²)` (float mode). */
export function frobenius<T>(F: Field<T>, A: Matrix<T> | Vector<T>): T {
  return requireSqrt(F)(frobeniusSq(F, A));
}

/** Entrywise ℓ1: `Σ |a_ij|` (exact). */
export function l1<T>(F: Field<T>, A: Matrix<T> | Vector<T>): T {
  let s = F.zero;
  for (const x of entries(A)) s = F.add(s, F.abs(x));
  return s;
}

/** Entrywise ℓ∞: `max |a_ij|` (exact; 0 for an empty matrix). */
export function lInf<T>(F: Field<T>, A: Matrix<T> | Vector<T>): T {
  let m = F.zero;
  for (const x of entries(A)) {
    const a = F.abs(x);
    if (F.lt(m, a)) m = a;
  }
  return m;
}

/** Entrywise ℓ2 (= Frobenius; float mode). */
export function l2<T>(F: Field<T>, A: Matrix<T> | Vector<T>): T {
  return frobenius(F, A);
}

function checkExponent(p: Exponent): void {
  if (!(p >= 1)) throw new SemanticsTypeError(`a norm exponent must be ≥ 1, got ${p}`);
}

/** `Σ |a_ij|^p` for an integer `p` (exact in exact mode). */
export function lpPowP<T>(F: Field<T>, A: Matrix<T> | Vector<T>, p: number): T {
  if (!Number.isInteger(p) || p < 1) throw new SemanticsTypeError(`lpPowP needs an integer p ≥ 1, got ${p}`);
  let s = F.zero;
  for (const x of entries(A)) s = F.add(s, F.pow(F.abs(x), p));
  return s;
}

/** The ℓp norm of a list of doubles. */
export function lpOfNumbers(xs: readonly number[], p: Exponent): number {
  checkExponent(p);
  if (p === Infinity) return xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (p === 1) return xs.reduce((s, x) => s + Math.abs(x), 0);
  if (p === 2) return Math.hypot(...xs);
  const scale = xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (scale === 0) return 0;
  return scale * xs.reduce((s, x) => s + Math.abs(x / scale) ** p, 0) ** (1 / p);
}

/** Entrywise ℓp of `vec A`: exact for `p ∈ {1, ∞}`, float mode otherwise. */
export function lp<T>(F: Field<T>, A: Matrix<T> | Vector<T>, p: Exponent): T {
  checkExponent(p);
  if (p === 1) return l1(F, A);
  if (p === Infinity) return lInf(F, A);
  if (F.mode === "exact") throw new UnsupportedInModeError(`entrywise ℓ${p} norm`, F.mode);
  return F.fromNumber(lpOfNumbers(entries(A).map((x) => F.toNumber(x)), p));
}

/** Schatten-p: the ℓp norm of the singular values (float mode; `p = ∞` is the spectral norm). */
export function schatten<T>(F: Field<T>, A: Matrix<T>, p: Exponent): T {
  checkExponent(p);
  if (F.mode === "exact") throw new UnsupportedInModeError(`Schatten-${p} norm`, F.mode);
  return F.fromNumber(lpOfNumbers(singularValues(F, A).values, p));
}

/** The nuclear norm (Schatten-1). */
export function nuclear<T>(F: Field<T>, A: Matrix<T>): T {
  return schatten(F, A, 1);
}

/** The spectral norm (Schatten-∞, the largest singular value). */
export function spectral<T>(F: Field<T>, A: Matrix<T>): T {
  return schatten(F, A, Infinity);
}
