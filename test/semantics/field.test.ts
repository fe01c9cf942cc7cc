import { describe, expect, it } from "vitest";
import { exactField as F, rational } from "../../src/semantics/exact.js";
import { floatField } from "../../src/semantics/float.js";
import { DivisionByZeroError, NonFiniteError } from "../../src/semantics/field.js";

describe("exact field", () => {
  it("adds, multiplies and divides rationals exactly", () => {
    const a = rational(3, 5);
    const b = rational(-4, 5);
    expect(F.serialize(F.add(F.mul(a, a), F.mul(b, b)))).toBe("1");
    expect(F.serialize(F.div(a, b))).toBe("-3/4");
    expect(F.eq(F.fromRatio(2, 4), F.fromRatio(1, 2))).toBe(true);
    expect(F.serialize(F.pow(rational(2, 3), -2))).toBe("9/4");
  });
  it("converts doubles exactly and compares", () => {
    expect(F.serialize(F.fromNumber(0.25))).toBe("1/4");
    expect(F.compare(rational(1, 3), rational(1, 2))).toBe(-1);
    expect(F.lt(F.zero, rational(1, 1000000))).toBe(true);
  });
  it("refuses division by zero", () => {
    expect(() => F.div(F.one, F.zero)).toThrow(DivisionByZeroError);
    expect(() => F.inv(F.zero)).toThrow(DivisionByZeroError);
  });
  it("has no transcendental functions", () => {
    expect(F.exp).toBeUndefined();
    expect(F.sqrt).toBeUndefined();
  });
});

describe("float field", () => {
  const G = floatField(1e-9);
  it("compares with a relative tolerance", () => {
    expect(G.eq(0.1 + 0.2, 0.3)).toBe(true);
    expect(G.eq(1e12, 1e12 + 1)).toBe(true);
    expect(G.eq(1, 1 + 1e-6)).toBe(false);
    expect(G.le(0.30000000000000004, 0.3)).toBe(true);
    expect(G.lt(0.3, 0.30000000000000004)).toBe(false);
  });
  it("fails on NaN and infinities, whichever the comparison", () => {
    expect(() => G.eq(NaN, NaN)).toThrow(NonFiniteError);
    expect(() => G.eq(Infinity, Infinity)).toThrow(NonFiniteError);
    expect(() => G.le(0, NaN)).toThrow(NonFiniteError);
    expect(() => G.lt(-Infinity, 0)).toThrow(NonFiniteError);
  });
});
