import { describe, expect, it } from "vitest";
import { exactField as F } from "../../src/semantics/exact.js";
import * as M from "../../src/semantics/matrix.js";
import { determinant, inverse, rank, tryInverse } from "../../src/semantics/inverse.js";
import { kron, unvec, vec } from "../../src/semantics/kron.js";
import { Q, show } from "./helpers.js";

const A = Q([[1, 2], [3, 4]]);
const B = Q([[0, 5], [6, 7]]);

describe("matrix arithmetic", () => {
  it("multiplies, transposes, adds and scales", () => {
    expect(show(M.mul(F, A, B))).toEqual([["12", "19"], ["24", "43"]]);
    expect(show(M.transpose(Q([[1, 2, 3], [4, 5, 6]])))).toEqual([["1", "4"], ["2", "5"], ["3", "6"]]);
    expect(show(M.add(F, A, B))).toEqual([["1", "7"], ["9", "11"]]);
    expect(show(M.smul(F, F.fromRatio(1, 2), A))).toEqual([["1/2", "1"], ["3/2", "2"]]);
    expect(show(M.identity(F, 2))).toEqual([["1", "0"], ["0", "1"]]);
    expect(show(M.zeros(F, 1, 2))).toEqual([["0", "0"]]);
  });
  it("raises to powers by squaring", () => {
    expect(show(M.matPow(F, Q([[1, 1], [0, 1]]), 10))).toEqual([["1", "10"], ["0", "1"]]);
    expect(show(M.matPow(F, A, 0))).toEqual([["1", "0"], ["0", "1"]]);
  });
  it("rejects mismatched shapes", () => {
    expect(() => M.mul(F, Q([[1, 2, 3]]), A)).toThrow(/1×3 times 2×2/);
  });
});

describe("Gauss–Jordan", () => {
  it("inverts exactly", () => {
    expect(show(inverse(F, A))).toEqual([["-2", "1"], ["3/2", "-1/2"]]);
    const C = Q([[2, 0, 1], [1, 3, 2], [1, 1, 2]]);
    expect(show(M.mul(F, C, inverse(F, C)))).toEqual(show(M.identity(F, 3)));
  });
  it("computes determinants and exact ranks", () => {
    expect(show(determinant(F, A))).toBe("-2");
    expect(show(determinant(F, Q([[0, 1], [1, 0]])))).toBe("-1");
    expect(rank(F, Q([[1, 2, 3], [2, 4, 6], [1, 0, 1]]))).toBe(2);
    expect(rank(F, Q([[1, 2], [2, 4]]))).toBe(1);
    expect(rank(F, Q([[0, 0], [0, 0]]))).toBe(0);
    expect(tryInverse(F, Q([[1, 2], [2, 4]]))).toBeUndefined();
    expect(() => inverse(F, Q([[1, 2], [2, 4]]))).toThrow(/singular/);
  });
});

describe("Kronecker product and vec", () => {
  it("matches the hand-computed Kronecker product of two 2×2 matrices", () => {
    expect(show(kron(F, A, Q([[0, 1], [1, 0]])))).toEqual([
      ["0", "1", "0", "2"],
      ["1", "0", "2", "0"],
      ["0", "3", "0", "4"],
      ["3", "0", "4", "0"],
    ]);
  });
  it("stacks columns", () => {
    expect(show(vec(Q([[1, 2, 3], [4, 5, 6]])))).toEqual(["1", "4", "2", "5", "3", "6"]);
    expect(show(unvec(vec(A), 2, 2))).toEqual(show(A));
  });
  it("satisfies vec(A X B) = (Bᵀ ⊗ A) vec X on an example", () => {
    const X = Q([[1, -1], ["1/2", 3]]);
    const lhs = vec(M.mul(F, M.mul(F, A, X), B));
    const rhs = M.mulVec(F, kron(F, M.transpose(B), A), vec(X));
    expect(show(lhs)).toEqual(show(rhs));
  });
});
