/**
 * The arbitrary of a {@link TypeSpec}, with its dimension variables resolved from `dims`. This is
 * the default generator of a binder whose hypotheses select no constructive generator.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import type { TypeSpec } from "../semantics/types.js";
import { resolveDim, resolveWidths, type Dims } from "./dims.js";
import { activationValue } from "../semantics/builtins/define.js";
import { fn, isMatrix, isVector, list, type Matrix, type Value } from "../semantics/value.js";
import { applyToVector } from "../semantics/activation.js";
import { mulVec } from "../semantics/matrix.js";
import { frobeniusSq, l1, lInf } from "../semantics/norms.js";
import { vadd } from "../semantics/vector.js";
import { activationArb } from "./activation.js";
import { invertibleArb } from "./invertible.js";
import { permutationMatrixArb } from "./permutation.js";
import { nestPairs } from "../semantics/net.js";
import { matrixArb, paramsArb, vectorArb } from "./matrix.js";
import { scalarArb, type ScalarOptions } from "./scalar.js";
import { layerWidthsArb, MIN_NAT_VALUE, sizeArb, type SizeOptions } from "./size.js";

export { resolveDim, resolveWidths, UnresolvedDimensionError, type Dims } from "./dims.js";

export interface TypeArbOptions {
  readonly scalar?: ScalarOptions;
  readonly size?: SizeOptions;
}

/** The arbitrary of values of type `t`. Throws {@link UnresolvedDimensionError} for an unknown dimension. */
export function typeArb<T>(F: Field<T>, t: TypeSpec, dims: Dims, opts: TypeArbOptions = {}): fc.Arbitrary<Value<T>> {
  switch (t.k) {
    case "nat":
      // A `Nat` value (not a dimension: those are drawn by the runner) includes 0, as in Lean.
      return sizeArb({ min: MIN_NAT_VALUE, ...opts.size });
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
    case "natList":
      return layerWidthsArb(opts.size).map((ws) => list<T>(ws));
    case "gl":
      return invertibleArb(F, resolveDim(dims, t.n));
    case "perm":
      return permutationMatrixArb(F, resolveDim(dims, t.n));
    case "params": {
      const ws = resolveWidths(dims, t.widths);
      const all = t.input === undefined ? ws : [resolveDim(dims, t.input), ...ws];
      return paramsArb(F, all, opts.scalar).map((Ws) => nestPairs<T>(Ws));
    }
    case "layerGroup": {
      // `ws` are the layer widths n_1 … n_L; the hidden ones are all but the last.
      const ws = resolveWidths(dims, t.widths);
      return fc.tuple(...ws.slice(0, -1).map((n) => invertibleArb(F, n))).map((Ks) => nestPairs<T>(Ks));
    }
    case "activation":
      return activationArb(F).map((s) => activationValue(s));
    case "fn":
      return fnArb(F, t, dims, opts);
    case "list":
    case "prop":
      throw new Error(`no generator for values of type ${t.k}`);
  }
}

/**
 * Functions: `α → α` are activations; `Vec n α → Vec m α` are one random layer `x ↦ σ(W x + b)`
 * (σ an activation of the mode, often the identity, so linear maps occur), carrying their input
 * size; `Mat m n α → α` are entrywise norms (squared Frobenius, ℓ1, ℓ∞).
 */
function fnArb<T>(F: Field<T>, t: Extract<TypeSpec, { k: "fn" }>, dims: Dims, opts: TypeArbOptions): fc.Arbitrary<Value<T>> {
  const [from, ...more] = t.from;
  if (from === undefined || more.length > 0) throw new Error("no generator for functions of several arguments");
  if (from.k === "scalar" && t.to.k === "scalar") return activationArb(F).map((s) => activationValue(s));
  if (from.k === "fin" && (t.to.k === "scalar" || t.to.k === "nat")) {
    // `Fin d → Int` (a point of ℤ^d) or `Fin d → α`: small integers, as a vector (vectors apply to indices)
    const n = resolveDim(dims, from.n);
    return fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }).map((xs) => vectorOf(F, xs));
  }
  if (from.k === "vec" && t.to.k === "vec") {
    const n = resolveDim(dims, from.n);
    const m = resolveDim(dims, t.to.n);
    return fc
      .tuple(matrixArb(F, m, n, undefined, opts.scalar), vectorArb(F, m, undefined, opts.scalar), fc.oneof(fc.constant(undefined), activationArb(F)))
      .map(([W, b, s]) =>
        fn<T>(
          s ? `x ↦ ${s.name}(W x + b)` : "x ↦ W x + b",
          1,
          ([x]) => {
            if (x === undefined || !isVector(x)) throw new Error("a generated map applies to a vector");
            const z = vadd(F, mulVec(F, W, x), b);
            return s ? applyToVector(s, z) : z;
          },
          n,
        ),
      );
  }
  if (from.k === "mat" && t.to.k === "scalar") {
    return fc.constantFrom(
      matrixFn(F, "frobSq", (A) => frobeniusSq(F, A)),
      matrixFn(F, "entryL1", (A) => l1(F, A)),
      matrixFn(F, "entryLInf", (A) => lInf(F, A)),
    );
  }
  throw new Error(`no generator for functions ${from.k} → ${t.to.k}`);
}

function matrixFn<T>(F: Field<T>, name: string, f: (A: Matrix<T>) => T): Value<T> {
  return fn<T>(name, 1, (args) => {
    const A = args[0];
    if (A === undefined || !isMatrix(A)) throw new Error(`${name} applies to a matrix`);
    return f(A);
  });
}

function vectorOf<T>(F: Field<T>, xs: readonly number[]): Value<T> {
  return { kind: "vec", size: xs.length, data: xs.map((x) => F.fromInt(x)) };
}
