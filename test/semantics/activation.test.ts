import { describe, expect, it } from "vitest";
import { applyToVector, relu, sigmoid, tanh } from "../../src/semantics/activation.js";
import { exactField as F, rational } from "../../src/semantics/exact.js";
import { UnsupportedInModeError } from "../../src/semantics/field.js";
import { floatField } from "../../src/semantics/float.js";
import { vector } from "../../src/semantics/value.js";
import { show } from "./helpers.js";

const G = floatField();

describe("activations", () => {
  it("sigmoid(0) = 1/2, and sigmoid is stable for large |x|", () => {
    const s = sigmoid(G);
    expect(s.apply(0)).toBe(0.5);
    expect(s.apply(800)).toBe(1);
    expect(s.apply(-800)).toBe(0);
    expect(s.apply(2) + s.apply(-2)).toBeCloseTo(1, 15);
  });
  it("tanh is odd", () => {
    expect(tanh(G).apply(0.3)).toBeCloseTo(Math.tanh(0.3), 15);
    expect(tanh(G).apply(-0.3)).toBeCloseTo(-Math.tanh(0.3), 15);
  });
  it("ReLU is exact and entrywise", () => {
    expect(show(applyToVector(relu(F), vector([rational(-3, 2), rational(0), rational(5, 7)])))).toEqual(["0", "0", "5/7"]);
  });
  it("sigmoid needs float mode", () => {
    expect(() => sigmoid(F)).toThrow(UnsupportedInModeError);
  });
});
