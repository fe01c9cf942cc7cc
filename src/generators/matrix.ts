/**
 * Matrices and vectors of given shapes with independent entries.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { matrix, vector, type Matrix, type Vector } from "../semantics/value.js";
import { scalarArb, type ScalarOptions } from "./scalar.js";

/** Rows of length `n` from a flat array of `m n` entries. */
export function reshape<T>(xs: readonly T[], m: number, n: number): Matrix<T> {
  const rows: T[][] = [];
  for (let i = 0; i < m; i++) rows.push(xs.slice(i * n, (i + 1) * n));
  return matrix(rows, n);
}

/** An `m × n` matrix whose entries come from `entries` (default: {@link scalarArb}). */
export function matrixArb<T>(F: Field<T>, m: number, n: number, entries?: fc.Arbitrary<T>, opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>> {
  const e = entries ?? scalarArb(F, opts);
  return fc.array(e, { minLength: m * n, maxLength: m * n }).map((xs) => reshape(xs, m, n));
}

/** A vector of size `n`. */
export function vectorArb<T>(F: Field<T>, n: number, entries?: fc.Arbitrary<T>, opts: ScalarOptions = {}): fc.Arbitrary<Vector<T>> {
  const e = entries ?? scalarArb(F, opts);
  return fc.array(e, { minLength: n, maxLength: n }).map((xs) => vector(xs));
}

/** Layer parameters `[W_1, …, W_L]` for widths `[n_0, …, n_L]` (`W_i : Mat n_i n_{i-1}`). */
export function paramsArb<T>(F: Field<T>, widths: readonly number[], opts: ScalarOptions = {}): fc.Arbitrary<Matrix<T>[]> {
  const layers: fc.Arbitrary<Matrix<T>>[] = [];
  for (let i = 1; i < widths.length; i++) layers.push(matrixArb(F, widths[i] as number, widths[i - 1] as number, undefined, opts));
  return fc.tuple(...layers);
}
