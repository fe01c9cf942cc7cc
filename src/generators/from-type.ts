/**
 * The arbitrary of a {@link TypeSpec}, with its dimension variables resolved from `dims`. This is
 * the default generator of a binder whose hypotheses select no constructive generator.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import type { Dim, TypeSpec } from "../semantics/types.js";
import { activationValue } from "../semantics/builtins/define.js";
import { list, type Value } from "../semantics/value.js";
import { activationArb } from "./activation.js";
import { invertibleArb, layerGroupArb } from "./invertible.js";
import { matrixArb, paramsArb, vectorArb } from "./matrix.js";
import { scalarArb, type ScalarOptions } from "./scalar.js";
import { sizeArb, type SizeOptions } from "./size.js";

export type Dims = Readonly<Record<string, number | readonly number[]>>;

export class UnresolvedDimensionError extends Error {
  constructor(dim: Dim) {
    super(`dimension \`${String(dim)}\` is not known`);
    this.name = "UnresolvedDimensionError";
  }
}

/** The value of a dimension: a number, or a variable of `dims`. */
export function resolveDim(dims: Dims, d: Dim): number {
  if (typeof d === "number") return d;
  const v = dims[d];
  if (typeof v === "number") return v;
  throw new UnresolvedDimensionError(d);
}

/** Widths `[n_0, …, n_L]` from `dims`. */
export function resolveWidths(dims: Dims, d: Dim): readonly number[] {
  const v = typeof d === "string" ? dims[d] : undefined;
  if (Array.isArray(v)) return v as readonly number[];
  throw new UnresolvedDimensionError(d);
}

export interface TypeArbOptions {
  readonly scalar?: ScalarOptions;
  readonly size?: SizeOptions;
}

/** The arbitrary of values of type `t`. Throws {@link UnresolvedDimensionError} for an unknown dimension. */
export function typeArb<T>(F: Field<T>, t: TypeSpec, dims: Dims, opts: TypeArbOptions = {}): fc.Arbitrary<Value<T>> {
  switch (t.k) {
    case "nat":
      return sizeArb(opts.size);
    case "fin": {
      const n = resolveDim(dims, t.n);
      return fc.integer({ min: 0, max: Math.max(0, n - 1) });
    }
    case "scalar":
      return scalarArb(F, opts.scalar);
    case "vec":
      return vectorArb(F, resolveDim(dims, t.n), undefined, opts.scalar);
    case "mat":
      return matrixArb(F, resolveDim(dims, t.m), resolveDim(dims, t.n), undefined, opts.scalar);
    case "params":
      return paramsArb(F, resolveWidths(dims, t.widths), opts.scalar).map((ws) => list(ws));
    case "layerGroup":
      return layerGroupArb(resolveWidths(dims, t.widths), (n) => invertibleArb(F, n)).map((ks) => list(ks));
    case "activation":
      return activationArb(F).map((s) => activationValue(s));
    case "list":
    case "fn":
    case "prop":
      throw new Error(`no generator for values of type ${t.k}`);
  }
}
