import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import { rank } from "../../src/semantics/inverse.js";
import { identity, mul, transpose } from "../../src/semantics/matrix.js";
import { invertibleArb } from "../../src/generators/invertible.js";
import { orthogonalArb, rotationArb } from "../../src/generators/orthogonal.js";
import {
  permArb,
  permutationMatrixArb,
  positiveDiagonalArb,
  positiveMonomialArb,
  signedPermutationArb,
} from "../../src/generators/permutation.js";
import { matrixArb, paramsArb } from "../../src/generators/matrix.js";
import { widthsArb } from "../../src/generators/size.js";
import { nearBoundaryArb } from "../../src/generators/boundary.js";
import { widths } from "../../src/semantics/net.js";
import { determinant } from "../../src/semantics/inverse.js";
import type { Rational } from "../../src/semantics/exact.js";

const SEED = 20261127;
const runs = { seed: SEED, numRuns: 200 };
const sizes = fc.integer({ min: 1, max: 5 });

describe("generators, exact mode", () => {
  const ctx = exactContext();
  const F = ctx.F;

  it("orthogonal matrices satisfy QᵀQ = I exactly, and both determinants occur", () => {
    const dets = new Set<string>();
    fc.assert(
      fc.property(sizes.chain((n) => orthogonalArb(F, n)), (Q) => {
        dets.add(F.serialize(determinant(F, Q)));
        return valueEq(ctx, mul(F, transpose(Q), Q), identity(F, Q.rows));
      }),
      runs,
    );
    expect([...dets].sort()).toEqual(["-1", "1"]);
    expect(ctx.maxResidual).toBe(0);
  });

  it("rotations are orthogonal with determinant 1 and mostly not monomial", () => {
    let nonMonomial = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }).chain((n) => rotationArb(F, n)), (Q) => {
        if (!G.isMonomial(F, Q)) nonMonomial++;
        return G.isOrthogonal(ctx, Q) && F.eq(determinant(F, Q), F.one);
      }),
      runs,
    );
    expect(nonMonomial).toBeGreaterThan(100);
  });

  it("invertible matrices have full rank", () => {
    fc.assert(fc.property(sizes.chain((n) => invertibleArb(F, n)), (K) => rank(F, K) === K.rows), runs);
  });

  it.each([
    ["permutation", permutationMatrixArb, G.isPermutation],
    ["positive diagonal", positiveDiagonalArb, G.isPositiveDiagonal],
    ["positive monomial", positiveMonomialArb, G.isPositiveMonomial],
    ["signed permutation", signedPermutationArb, G.isSignedPermutation],
  ] as const)("%s matrices satisfy their predicate", (_name, arb, pred) => {
    fc.assert(fc.property(sizes.chain((n) => arb(F, n)), (K) => pred(F, K)), runs);
  });

  it("network parameters have matching widths", () => {
    fc.assert(
      fc.property(widthsArb().chain((ns) => paramsArb(F, ns).map((Ws) => [ns, Ws] as const)), ([ns, Ws]) => {
        expect(widths(Ws)).toEqual(ns);
      }),
      runs,
    );
  });

  it("near-boundary candidates are invertible and cover both sides of M⁺ and O", () => {
    let inMonomial = 0;
    let outMonomial = 0;
    let orthNonMonomial = 0;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }).chain((n) => nearBoundaryArb(F, n)), (K) => {
        if (G.isPositiveMonomial(F, K)) inMonomial++;
        else outMonomial++;
        if (G.isOrthogonal(ctx, K) && !G.isSignedPermutation(F, K)) orthNonMonomial++;
        return rank(F, K) === K.rows;
      }),
      { seed: SEED, numRuns: 500 },
    );
    expect(inMonomial).toBeGreaterThan(50);
    expect(outMonomial).toBeGreaterThan(50);
    expect(orthNonMonomial).toBeGreaterThan(20);
  });
});

describe("generators, float mode", () => {
  it("orthogonal matrices satisfy QᵀQ = I within tolerance", () => {
    const ctx = floatContext(1e-9);
    const F = ctx.F;
    fc.assert(fc.property(sizes.chain((n) => orthogonalArb(F, n)), (Q) => G.isOrthogonal(ctx, Q)), runs);
    expect(ctx.maxResidual).toBeLessThan(1e-12);
  });
});

describe("shrinking", () => {
  const F = exactContext().F;
  it("permutations shrink to the identity", () => {
    const r = fc.check(fc.property(fc.integer({ min: 3, max: 5 }).chain((n) => permArb(n)), (p) => p.length < 3), { seed: SEED });
    expect(r.failed).toBe(true);
    expect(r.counterexample?.[0]).toEqual([0, 1, 2]);
  });
  it("a matrix counterexample shrinks to small entries", () => {
    const r = fc.check(
      fc.property(matrixArb(F, 2, 2), (A) => !F.lt(F.fromInt(3), A.data[0]?.[0] ?? F.zero)),
      { seed: SEED },
    );
    expect(r.failed).toBe(true);
    const A = r.counterexample?.[0];
    expect(A && F.serialize(A.data[0]?.[0] ?? F.zero)).toBe("4");
    expect(A && F.serialize(A.data[1]?.[1] ?? F.one)).toBe("0");
  });
  it("orthogonal matrices shrink towards I", () => {
    const ctx = exactContext();
    const r = fc.check(fc.property(fc.constant(3).chain((n) => orthogonalArb(ctx.F, n)), (_Q) => false), { seed: SEED });
    const Q = r.counterexample?.[0];
    expect(Q !== undefined && Q !== null && valueEq<Rational>(ctx, Q, identity(ctx.F, 3))).toBe(true);
  });
});
