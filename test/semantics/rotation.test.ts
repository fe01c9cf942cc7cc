import { describe, expect, it } from "vitest";
import { exactContext, valueEq } from "../../src/semantics/context.js";
import { identity, mul, transpose } from "../../src/semantics/matrix.js";
import { pythagoreanRotation, rotationPower, rotationRepresentation } from "../../src/semantics/rotation.js";
import { show } from "./helpers.js";

const ctx = exactContext();
const F = ctx.F;

describe("the rotation R = [[3/5, −4/5], [4/5, 3/5]]", () => {
  it("is orthogonal and R² is hand-computed", () => {
    const R = pythagoreanRotation(F);
    expect(show(mul(F, transpose(R), R))).toEqual(show(identity(F, 2)));
    expect(show(rotationPower(F, 2))).toEqual([["-7/25", "-24/25"], ["24/25", "-7/25"]]);
    expect(show(rotationPower(F, -1))).toEqual(show(transpose(R)));
  });
  it("has R^k ≠ I for k = ±1 … ±60 (exactly)", () => {
    for (let k = 1; k <= 60; k++) {
      expect(valueEq(ctx, rotationPower(F, k), identity(F, 2))).toBe(false);
      expect(valueEq(ctx, rotationPower(F, -k), identity(F, 2))).toBe(false);
    }
  });
  it("gives a homomorphism k ↦ R^k and block copies for ℤ^d", () => {
    expect(show(mul(F, rotationPower(F, 3), rotationPower(F, -5)))).toEqual(show(rotationPower(F, -2)));
    const B = rotationRepresentation(F, [1, 0]);
    expect(B.rows).toBe(4);
    expect(show(B)).toEqual([
      ["3/5", "-4/5", "0", "0"],
      ["4/5", "3/5", "0", "0"],
      ["0", "0", "1", "0"],
      ["0", "0", "0", "1"],
    ]);
  });
});
