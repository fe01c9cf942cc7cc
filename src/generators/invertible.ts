/**
 * Invertible matrices built as products `P L D U` of a permutation, a unit lower triangular, a
 * diagonal with nonzero entries and a unit upper triangular factor: invertible by construction
 * (no filtering), every element of `GL n` over the generated scalars is reachable, and each
 * factor shrinks towards `I`.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { diagonal, mul } from "../semantics/matrix.js";
import { tabulate, type Matrix } from "../semantics/value.js";
import { permutationMatrixArb } from "./permutation.js";
import { nonzeroScalarArb, scalarArb, type ScalarOptions } from "./scalar.js";

function triangularArb<T>(F: Field<T>, n: number, lower: boolean, opts: ScalarOptions): fc.Arbitrary<Matrix<T>> {
  const k = (n * (n - 1)) / 2;
  return fc.array(scalarArb(F, opts), { minLength: k, maxLength: k }).map((xs) => {
    let next = 0;
    return tabulate(n, n, (i, j) => {
      if (i === j) return F.one;
      if (lower ? i > j : i < j) return xs[next++] as T;
      return F.zero;
    });
  });
}

export interface InvertibleOptions extends ScalarOptions {
  /** Include the permutation factor (default true). */
  readonly pivoting?: boolean;
}

/** An invertible `n × n` matrix `P L D U`. */
export function invertibleArb<T>(F: Field<T>, n: number, opts: InvertibleOptions = {}): fc.Arbitrary<Matrix<T>> {
  const small: ScalarOptions = { max: opts.max ?? 3, maxDenominator: opts.maxDenominator ?? 2 };
  const P = opts.pivoting === false ? fc.constant(null) : permutationMatrixArb(F, n);
  const D = fc.array(nonzeroScalarArb(F, small), { minLength: n, maxLength: n }).map((d) => diagonal(F, d));
  return fc
    .tuple(P, triangularArb(F, n, true, small), D, triangularArb(F, n, false, small))
    .map(([p, L, d, U]) => {
      const LDU = mul(F, mul(F, L, d), U);
      return p === null ? LDU : mul(F, p, LDU);
    });
}

/** A tuple `[K_1, …, K_{L-1}]` of invertible matrices for the hidden widths of `widths`. */
export function layerGroupArb<T>(
  widths: readonly number[],
  element: (n: number) => fc.Arbitrary<Matrix<T>>,
): fc.Arbitrary<Matrix<T>[]> {
  return fc.tuple(...widths.slice(1, -1).map((n) => element(n)));
}
