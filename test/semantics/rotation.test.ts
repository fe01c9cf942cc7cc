import { describe, expect, it } from "vitest";
import { exactContext, valueEq } from "../../src/semantics/context.js";
import { identity, mul, transpose } from "../../src/semantics/matrix.js";
import { defaultRegistry as reg } from "../../src/semantics/builtins/index.js";
import { embeddedRotation, pythagoreanRotation, rotationPower, rotationRepresentation } from "../../src/semantics/rotation.js";
import { matPowInt } from "../../src/semantics/inverse.js";
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

describe("diag(R, I_d) in GL (2 + d) (R3.22c)", () => {
  it("is R for d = 0 and R beside an identity block otherwise", () => {
    expect(show(embeddedRotation(F, 0))).toEqual(show(pythagoreanRotation(F)));
    expect(show(reg.call(ctx, "Sym.rotEmbed", [1]))).toEqual([
      ["3/5", "-4/5", "0"],
      ["4/5", "3/5", "0"],
      ["0", "0", "1"],
    ]);
  });
  it("is orthogonal, not a signed permutation, and of infinite order (k = 1 … 40 exactly)", () => {
    for (const d of [0, 1, 3]) {
      const E = embeddedRotation(F, d);
      expect(reg.call(ctx, "Sym.IsOrthogonal", [E])).toBe(true);
      expect(reg.call(ctx, "Sym.IsSignedPerm", [E])).toBe(false);
      for (let k = 1; k <= 40; k++) expect(valueEq(ctx, matPowInt(F, E, k), identity(F, 2 + d))).toBe(false);
    }
  });
});
