import { describe, expect, it } from "vitest";
import { relu } from "../../src/semantics/activation.js";
import { exactContext } from "../../src/semantics/context.js";
import { rational } from "../../src/semantics/exact.js";
import * as G from "../../src/semantics/groups.js";
import { vector } from "../../src/semantics/value.js";
import { Q } from "./helpers.js";

const ctx = exactContext();
const F = ctx.F;

describe("group membership predicates", () => {
  const P = Q([[0, 1, 0], [0, 0, 1], [1, 0, 0]]);
  const S = Q([[0, -1, 0], [0, 0, 1], [1, 0, 0]]);
  const M = Q([[0, 2, 0], [0, 0, "1/3"], [5, 0, 0]]);
  const D = Q([[2, 0, 0], [0, "1/2", 0], [0, 0, 1]]);
  const Rot = Q([["3/5", "-4/5"], ["4/5", "3/5"]]);
  it.each([
    ["permutation", P, [true, true, true, true, false, true]],
    ["signed permutation", S, [false, true, false, true, false, true]],
    ["positive monomial", M, [false, false, true, false, false, true]],
    ["positive diagonal", D, [false, false, true, false, true, true]],
  ] as const)("classifies a %s", (_name, K, [perm, signed, posMono, orth, posDiag, inv]) => {
    expect(G.isPermutation(F, K)).toBe(perm);
    expect(G.isSignedPermutation(F, K)).toBe(signed);
    expect(G.isPositiveMonomial(F, K)).toBe(posMono);
    expect(G.isOrthogonal(ctx, K)).toBe(orth);
    expect(G.isPositiveDiagonal(F, K)).toBe(posDiag);
    expect(G.isInvertibleMatrix(F, K)).toBe(inv);
  });
  it("knows the rotation with entries 3/5, 4/5 is orthogonal but not monomial", () => {
    expect(G.isOrthogonal(ctx, Rot)).toBe(true);
    expect(G.isMonomial(F, Rot)).toBe(false);
  });
  it("checks residual-group membership at a given h", () => {
    const minusI = Q([[-1, 0], [0, -1]]);
    const e1 = vector([rational(1), rational(0)]);
    expect(G.commutesAt(ctx, relu(F), minusI, e1)).toBe(false);
    expect(G.commutesAt(ctx, relu(F), Q([[0, 2], [3, 0]]), vector([rational(-1), rational(4)]))).toBe(true);
    const e2 = vector([rational(0), rational(1)]);
    expect(G.residualViolation(ctx, relu(F), Rot, [vector([F.zero, F.zero]), e1, e2])).toBe(e2);
  });
});
