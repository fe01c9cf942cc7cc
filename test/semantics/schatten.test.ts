/**
 * The numeric meaning of `Sym/Norm/Schatten.lean` (matrix powers and Schatten norms):
 * `schattenPow k A = tr ((Aᵀ A)^k)` against hand-computed values, against the singular-value
 * Schatten norm (`‖A‖_{2k}^{2k}`), and on the facts the Lean proofs use.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultRegistry as reg } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import { rational, type Rational } from "../../src/semantics/exact.js";
import { mul, transpose } from "../../src/semantics/matrix.js";
import { frobeniusSq, schatten } from "../../src/semantics/norms.js";
import { fn, vector, type Value } from "../../src/semantics/value.js";
import { matrixArb } from "../../src/generators/matrix.js";
import { orthogonalArb } from "../../src/generators/orthogonal.js";
import { Q, R, show } from "./helpers.js";

const SEED = 4242;
const ctx = exactContext();
const F = ctx.F;
const call = (name: string, ...args: Value<Rational>[]) => reg.call(ctx, name, args);

describe("Sym.Mat.pow and Sym.Mat.trace", () => {
  it("compute [[1, 1], [0, 1]]^3 = [[1, 3], [0, 1]], A^0 = I and tr", () => {
    const A = Q([[1, 1], [0, 1]]);
    expect(show(call("Sym.Mat.pow", A, 3))).toEqual([["1", "3"], ["0", "1"]]);
    expect(show(call("Sym.Mat.pow", A, 0))).toEqual([["1", "0"], ["0", "1"]]);
    expect(show(call("Sym.Mat.trace", Q([[2, 7], [5, "-1/2"]])))).toBe("3/2");
  });
});

describe("Sym.schattenPow (D3.17)", () => {
  it("of diag(3, −4) is 3^(2k) + 4^(2k): 25 for k = 1, 337 for k = 2, and n = 2 for k = 0", () => {
    const D = Q([[3, 0], [0, -4]]);
    expect(show(call("Sym.schattenPow", 1, D))).toBe("25");
    expect(show(call("Sym.schattenPow", 2, D))).toBe("337");
    expect(show(call("Sym.schattenPow", 0, D))).toBe("2");
  });
  it("of a 2×3 matrix takes the 3×3 Gram matrix: k = 0 gives 3", () => {
    const A = Q([[1, 2, 0], [0, 1, "1/2"]]);
    expect(show(call("Sym.schattenPow", 0, A))).toBe("3");
    expect(show(call("Sym.schattenPow", 1, A))).toBe("25/4");
    // Aᵀ A has eigenvalues those of A Aᵀ = [[5, 2], [2, 5/4]] (and 0): tr (A Aᵀ)² = 25 + 8 + 25/16
    expect(show(call("Sym.schattenPow", 2, A))).toBe("553/16");
  });
  it("equals the squared Frobenius norm for k = 1 on random rational matrices", () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([m, n]) => matrixArb(F, m, n));
    fc.assert(
      fc.property(arb, (A) => F.eq(call("Sym.schattenPow", 1, A) as Rational, frobeniusSq(F, A))),
      { seed: SEED, numRuns: 200 },
    );
  });
  it("is the 2k-th power of the singular-value Schatten 2k-norm (float mode)", () => {
    const f = floatContext(1e-9);
    const sizes = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }));
    fc.assert(
      fc.property(sizes.chain(([m, n, k]) => fc.tuple(fc.constant(k), matrixArb(f.F, m, n))), ([k, A]) => {
        const viaTrace = reg.call(f, "Sym.schattenPow", [k, A]) as number;
        const viaSvd = schatten(f.F, A, 2 * k) ** (2 * k);
        return Math.abs(viaTrace - viaSvd) <= 1e-8 * Math.max(1, Math.abs(viaSvd));
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(schatten(f.F, R([[3, 0], [0, -4]]), 4) ** 4).toBeCloseTo(337, 9);
  });
  it("of a one-column matrix v e_cᵀ is (‖v‖²)^k for k ≥ 1 (the rank-one step of C3.19)", () => {
    const v = vector([rational(1), rational(-2), rational(1, 2)]);
    const A = call("Sym.colMat", 3, 2, 1, v);
    const n2 = call("Sym.vecNormSq", v) as Rational;
    expect(show(n2)).toBe("21/4");
    for (const k of [1, 2, 3]) expect(F.eq(call("Sym.schattenPow", k, A) as Rational, F.pow(n2, k))).toBe(true);
  });
  it("is unitarily invariant exactly over the rationals (P3.18) but not under a shear", () => {
    fc.assert(
      fc.property(orthogonalArb(F, 2), orthogonalArb(F, 3), matrixArb(F, 2, 3), fc.integer({ min: 0, max: 3 }), (U, V, A, k) =>
        valueEq(ctx, call("Sym.schattenPow", k, mul(F, mul(F, U, A), V)), call("Sym.schattenPow", k, A)),
      ),
      { seed: SEED, numRuns: 100 },
    );
    const shear = Q([[1, 1], [0, 1]]);
    const A = Q([[1, 0], [0, 1]]);
    expect(show(call("Sym.schattenPow", 2, mul(F, shear, A)))).toBe("7");
    expect(show(call("Sym.schattenPow", 2, A))).toBe("2");
    expect(show(call("Sym.schattenPow", 2, transpose(shear)))).toBe("7");
  });
  it("decides the Schatten-4 isometry predicates: a rotation is one, 2I and a shear are not", () => {
    const s2 = fn<Rational>("schattenPow 2", 1, ([A]) => call("Sym.schattenPow", 2, A as Value<Rational>));
    const rot = call("Sym.rotMat");
    expect(call("Sym.IsLeftIsometry", 3, s2, rot)).toBe(true);
    expect(call("Sym.IsRightIsometry", 3, s2, rot)).toBe(true);
    expect(call("Sym.IsLeftIsometry", 3, s2, Q([[2, 0], [0, 2]]))).toBe(false);
    expect(call("Sym.IsRightIsometry", 3, s2, Q([[1, 1], [0, 1]]))).toBe(false);
  });
});
