/**
 * The L3.3.4 properties as data: the nonlinearity's values, each property's declaration, claim and
 * statement, the variables with and without square latent and data spaces, and the diagnostics
 * when an environment lacks a matrix or a vector.
 */
import { describe, expect, it } from "vitest";
import { decoderLawProperty, encoderLawProperty, smoothLayer, smoothPoly } from "../../src/runner/jacobian-laws.js";
import { Runtime } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactField as F, rational } from "../../src/semantics/exact.js";
import { vector } from "../../src/semantics/value.js";
import { Q, show } from "../semantics/helpers.js";

const $ = new Runtime("exact", defaultRegistry);
const r = (x: number | string) => rational(x);

describe("the nonlinearity σ(t) = t + t²/2 and the layer σ(W x + b)", () => {
  it("σ has the values of t + t²/2", () => {
    const s = smoothPoly(F);
    expect(show(vector([0, 2, -1, 3].map((t) => s(r(t)))))).toEqual(["0", "4", "-1/2", "15/2"]);
  });
  it("the layer applies σ to each entry of W x + b", () => {
    const W = Q([[1, 2], [0, -1]]);
    const b = vector([r(0), r(1)]);
    expect(show(smoothLayer(F, W, b)(vector([r(1), r(1)])))).toEqual(["15/2", "0"]);
  });
});

describe("the L3.3.4 properties' declarations", () => {
  it("the encoder law names its Lean lemma, claim, source, exact mode and statement", () => {
    expect(encoderLawProperty().meta).toEqual({
      declaration: "Sym.hasDerivAt_actEncoder",
      claimId: "L3.3.4",
      source: "lean/Sym/Autoencoder/Basic.lean",
      mode: "exact",
      statement: "J_{K f}(x) = K J_f(x) for f x = σ(W x + b), σ(t) = t + t²/2 (forward-mode Jacobians)",
    });
  });
  it("the decoder law names its Lean lemma, claim, source, exact mode and statement", () => {
    expect(decoderLawProperty().meta).toEqual({
      declaration: "Sym.hasDerivAt_actDecoder",
      claimId: "L3.3.4",
      source: "lean/Sym/Autoencoder/Basic.lean",
      mode: "exact",
      statement: "J_{g ∘ K⁻¹}(K f(x)) = J_g(f(x)) K⁻¹ for f x = σ(W x + b_z), g z = σ(W' z + b_y), σ(t) = t + t²/2 (forward-mode Jacobians)",
    });
  });
  it("the encoder law draws data size D and latent size d apart, or one size d when square", () => {
    expect(encoderLawProperty().variables).toEqual([
      { name: "D", key: "D", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      { name: "d", key: "d", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      { name: "K", key: "K", type: { k: "gl", n: "d" }, constraint: "none", lean: "GL d α" },
      { name: "W", key: "W", type: { k: "mat", m: "d", n: "D" }, constraint: "none", lean: "Mat d D α" },
      { name: "b", key: "b", type: { k: "vec", n: "d" }, constraint: "none", lean: "Vec d α" },
      { name: "x", key: "x", type: { k: "vec", n: "D" }, constraint: "none", lean: "Vec D α" },
    ]);
    expect(encoderLawProperty({ square: true }).variables.map((v) => [v.name, v.type, v.lean])).toEqual([
      ["d", { k: "nat" }, "Nat"],
      ["K", { k: "gl", n: "d" }, "GL d α"],
      ["W", { k: "mat", m: "d", n: "d" }, "Mat d d α"],
      ["b", { k: "vec", n: "d" }, "Vec d α"],
      ["x", { k: "vec", n: "d" }, "Vec d α"],
    ]);
    expect(encoderLawProperty().premises).toEqual([]);
    expect(encoderLawProperty().assignments).toEqual([]);
  });
  it("the decoder law draws both layers' weights and biases, sized by D and d", () => {
    expect(decoderLawProperty().variables.map((v) => [v.name, v.key, v.type, v.constraint, v.lean])).toEqual([
      ["D", "D", { k: "nat" }, "none", "Nat"],
      ["d", "d", { k: "nat" }, "none", "Nat"],
      ["K", "K", { k: "gl", n: "d" }, "none", "GL d α"],
      ["W", "W", { k: "mat", m: "d", n: "D" }, "none", "Mat d D α"],
      ["bz", "bz", { k: "vec", n: "d" }, "none", "Vec d α"],
      ["x", "x", { k: "vec", n: "D" }, "none", "Vec D α"],
      ["W'", "Wp", { k: "mat", m: "D", n: "d" }, "none", "Mat D d α"],
      ["bY", "bY", { k: "vec", n: "D" }, "none", "Vec D α"],
    ]);
    expect(decoderLawProperty({ square: true }).variables.map((v) => v.lean)).toEqual(["Nat", "GL d α", "Mat d d α", "Vec d α", "Vec d α", "Mat d d α", "Vec d α"]);
    expect(decoderLawProperty().premises).toEqual([]);
    expect(decoderLawProperty().assignments).toEqual([]);
  });
});

describe("the L3.3.4 conclusions on chosen values", () => {
  const K = Q([[2, 1], [0, 1]]);
  const W = Q([[1, 2], [0, -1]]);
  const b = vector([r(0), r("1/2")]);
  const x = vector([r(1), r(-1)]);
  it("hold at a chosen point with a non-orthogonal K", () => {
    expect(encoderLawProperty().conclusion($, { D: 2, d: 2, K, W, b, x } as never)).toBe(true);
    expect(decoderLawProperty().conclusion($, { D: 2, d: 2, K, W, bz: b, x, Wp: Q([[1, 0], [3, 1]]), bY: b } as never)).toBe(true);
  });
  it("name the variable that is not a matrix or not a vector", () => {
    const enc = encoderLawProperty().conclusion;
    expect(() => enc($, { K: b, W, b, x } as never)).toThrow("K is not a matrix");
    expect(() => enc($, { K, b, x } as never)).toThrow("W is not a matrix");
    expect(() => enc($, { K, W, b: K, x } as never)).toThrow("b is not a vector");
    expect(() => enc($, { K, W, b } as never)).toThrow("x is not a vector");
    const dec = decoderLawProperty().conclusion;
    const ok = { K, W, bz: b, x, Wp: W, bY: b };
    expect(() => dec($, { ...ok, K: undefined } as never)).toThrow("K is not a matrix");
    expect(() => dec($, { ...ok, W: x } as never)).toThrow("W is not a matrix");
    expect(() => dec($, { ...ok, bz: W } as never)).toThrow("bz is not a vector");
    expect(() => dec($, { ...ok, x: undefined } as never)).toThrow("x is not a vector");
    expect(() => dec($, { ...ok, Wp: b } as never)).toThrow("W' is not a matrix");
    expect(() => dec($, { ...ok, bY: W } as never)).toThrow("bY is not a vector");
  });
});
