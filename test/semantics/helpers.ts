import { exactField, rational, type Rational } from "../../src/semantics/exact.js";
import { matrix, type Matrix } from "../../src/semantics/value.js";
import { serializeValue } from "../../src/semantics/context.js";
import type { Value } from "../../src/semantics/value.js";

/** An exact matrix from rows of integers or "p/q" strings. */
export function Q(rows: readonly (readonly (number | string)[])[]): Matrix<Rational> {
  return matrix(rows.map((r) => r.map((x) => rational(x))));
}

/** A float matrix. */
export function R(rows: readonly (readonly number[])[]): Matrix<number> {
  return matrix(rows.map((r) => [...r]));
}

/** Exact serialization, for `toEqual` against string tables. */
export function show(v: Value<Rational>): unknown {
  return serializeValue(exactField, v);
}
