import { describe, expect, it } from "vitest";
import { exactField as F } from "../../src/semantics/exact.js";
import { UnsupportedInModeError } from "../../src/semantics/field.js";
import { floatField } from "../../src/semantics/float.js";
import * as N from "../../src/semantics/norms.js";
import { singularValues } from "../../src/semantics/svd.js";
import { Q, R, show } from "./helpers.js";

const G = floatField();

describe("singular values", () => {
  it("of a rotation are all 1", () => {
    const t = 0.7;
    const s = singularValues(G, R([[Math.cos(t), -Math.sin(t)], [Math.sin(t), Math.cos(t)]])).values;
    expect(s[0]).toBeCloseTo(1, 14);
    expect(s[1]).toBeCloseTo(1, 14);
  });
  it("of a diagonal matrix are the sorted absolute values", () => {
    expect(singularValues(G, R([[3, 0, 0], [0, -5, 0], [0, 0, 1]])).values).toEqual([5, 3, 1]);
  });
  it("of [[1, 1], [0, 1]] are the golden ratio and its inverse", () => {
    const phi = (1 + Math.sqrt(5)) / 2;
    const s = singularValues(G, R([[1, 1], [0, 1]])).values;
    expect(s[0]).toBeCloseTo(phi, 13);
    expect(s[1]).toBeCloseTo(1 / phi, 13);
  });
  it("of a wide matrix come from its transpose", () => {
    const s = singularValues(G, R([[3, 0, 0], [0, 4, 0]])).values;
    expect(s).toEqual([4, 3]);
  });
  it("read exact input as doubles", () => {
    expect(singularValues(F, Q([["3/5", "-4/5"], ["4/5", "3/5"]])).values.map((x) => Math.round(x * 1e12) / 1e12)).toEqual([1, 1]);
  });
});

describe("Schatten norms of diag(3, −4)", () => {
  const D = R([[3, 0], [0, -4]]);
  it.each([
    [1, 7],
    [2, 5],
    [3, Math.cbrt(91)],
    [Infinity, 4],
  ])("p = %s", (p, expected) => {
    expect(N.schatten(G, D, p)).toBeCloseTo(expected, 12);
  });
  it("need float mode", () => {
    expect(() => N.schatten(F, Q([[1]]), 2)).toThrow(UnsupportedInModeError);
  });
});

describe("entrywise norms", () => {
  const A = Q([[1, -2], ["1/2", 0]]);
  it("ℓ1, ℓ∞ and the squared Frobenius norm are exact", () => {
    expect(show(N.l1(F, A))).toBe("7/2");
    expect(show(N.lInf(F, A))).toBe("2");
    expect(show(N.frobeniusSq(F, A))).toBe("21/4");
    expect(show(N.lpPowP(F, A, 3))).toBe("73/8");
  });
  it("ℓp and Frobenius in float mode", () => {
    const B = R([[3, 0], [0, -4]]);
    expect(N.frobenius(G, B)).toBe(5);
    expect(N.lp(G, B, 2)).toBe(5);
    expect(N.lp(G, B, 3)).toBeCloseTo(Math.cbrt(91), 12);
    expect(N.lp(G, B, Infinity)).toBe(4);
    expect(() => N.frobenius(F, A)).toThrow(UnsupportedInModeError);
    expect(() => N.lp(F, A, 3)).toThrow(UnsupportedInModeError);
  });
});
