import { describe, expect, it } from "vitest";
import { decimalField, PRECISE_DIGITS } from "../../src/semantics/decimal.js";
import { DivisionByZeroError } from "../../src/semantics/field.js";

describe("the 60-digit decimal field of the float re-check", () => {
  const F = decimalField();
  it("reads a double as the decimal it prints, so 0.1 + 0.2 equals 0.3 where doubles differ", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(F.isExactZero(F.sub(F.add(F.fromNumber(0.1), F.fromNumber(0.2)), F.fromNumber(0.3)))).toBe(true);
  });
  it("keeps 60 significant digits: (10¹⁶ + 1) − 10¹⁶ is 1, and exp(1) has e's 60 digits", () => {
    expect(F.serialize(F.sub(F.add(F.fromNumber(1e16), F.one), F.fromNumber(1e16)))).toBe("1");
    const e = F.serialize((F.exp as (a: unknown) => unknown)(F.one) as never);
    expect(e.startsWith("2.71828182845904523536028747135266249775724709369995")).toBe(true);
    expect(e.replace(".", "").length).toBe(PRECISE_DIGITS);
  });
  it("tells 1 from 1 + 10⁻³⁰ (far below double rounding) but not from 1 + 10⁻⁵⁰", () => {
    expect(F.eq(F.one, F.add(F.one, F.fromRatio(1, 10n ** 30n)))).toBe(false);
    expect(F.eq(F.one, F.add(F.one, F.fromRatio(1, 10n ** 50n)))).toBe(true);
  });
  it("refuses a division by an exact zero, like the exact field", () => {
    expect(() => F.div(F.one, F.zero)).toThrow(DivisionByZeroError);
  });
});
