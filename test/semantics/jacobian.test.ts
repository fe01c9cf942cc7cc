import { describe, expect, it } from "vitest";
import { relu, sigmoid } from "../../src/semantics/activation.js";
import { affineLayer } from "../../src/semantics/autoencoder.js";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import { dualField, Dual } from "../../src/semantics/dual.js";
import { exactField as F, rational } from "../../src/semantics/exact.js";
import { floatField } from "../../src/semantics/float.js";
import { jacobian, jacobianFD, type DualMap } from "../../src/semantics/jacobian.js";
import { inverse } from "../../src/semantics/inverse.js";
import { mul, mulVec } from "../../src/semantics/matrix.js";
import { vector, type Vector } from "../../src/semantics/value.js";
import type { Rational } from "../../src/semantics/exact.js";
import { Q, R, show } from "./helpers.js";

describe("dual numbers", () => {
  it("differentiate products and quotients exactly", () => {
    const D = dualField(F);
    const x = new Dual(rational(3), rational(1));
    const y = D.div(D.mul(x, x), D.add(x, D.one)); // x²/(x+1), derivative (x² + 2x)/(x+1)² = 15/16 at 3
    expect(D.serialize(y)).toBe("9/4 + 15/16ε");
  });
  it("differentiate exp in float mode", () => {
    const D = dualField(floatField());
    const y = D.exp?.(new Dual(0.5, 1));
    expect(y?.eps).toBeCloseTo(Math.exp(0.5), 14);
  });
});

describe("Jacobians", () => {
  const W = Q([[1, 2], [0, -1], [3, 1]]);
  const b = vector([rational(1, 2), rational(-1), rational(0)]);
  const layer: DualMap<Rational> = (D, x, lift) => affineLayer(D, relu(D), lift.matrix(W), lift.vector(b))(x);

  it("of a ReLU layer are exact: rows of W where the unit is active", () => {
    const x = vector([rational(1), rational(1)]); // pre-activations 7/2, -2, 4
    expect(show(jacobian(F, layer, x))).toEqual([["1", "2"], ["0", "0"], ["3", "1"]]);
  });
  it("satisfy J_{K f}(x) = K J_f(x) and J_{g ∘ K⁻¹}(K f(x)) = J_g(f(x)) K⁻¹ exactly (L3.3.4)", () => {
    const ctx = exactContext();
    const K = Q([[2, 1, 0], [0, 1, 0], [1, 0, -1]]);
    const Kinv = inverse(F, K);
    const x = vector([rational(1, 3), rational(2)]);
    const Kf: DualMap<Rational> = (D, v, lift) => mulVec(D, lift.matrix(K), layer(D, v, lift));
    expect(valueEq(ctx, jacobian(F, Kf, x), mul(F, K, jacobian(F, layer, x)))).toBe(true);
    const Wg = Q([[1, 0, 2], [-1, 1, 1]]);
    const g: DualMap<Rational> = (D, z, lift) => affineLayer(D, relu(D), lift.matrix(Wg), lift.vector(vector([F.zero, F.one])))(z);
    const gK: DualMap<Rational> = (D, z, lift) => g(D, mulVec(D, lift.matrix(Kinv), z), lift);
    const fx = affineLayer(F, relu(F), W, b)(x);
    const lhs = jacobian(F, gK, mulVec(F, K, fx));
    const rhs = mul(F, jacobian(F, g, fx), Kinv);
    expect(valueEq(ctx, lhs, rhs)).toBe(true);
  });
  it("of a sigmoid layer agree between forward mode and finite differences", () => {
    const ctx = floatContext(1e-7);
    const G = ctx.F;
    const Wf = R([[0.5, -1], [2, 0.25]]);
    const bf = vector([0.1, -0.2]);
    const f: DualMap<number> = (D, x, lift) => affineLayer(D, sigmoid(D), lift.matrix(Wf), lift.vector(bf))(x);
    const x: Vector<number> = vector([0.3, -0.7]);
    const Jf = jacobian(G, f, x);
    const Jfd = jacobianFD(G, affineLayer(G, sigmoid(G), Wf, bf), x);
    expect(valueEq(ctx, Jf, Jfd)).toBe(true);
    const s = (t: number) => 1 / (1 + Math.exp(-t));
    const z0 = 0.5 * 0.3 + -1 * -0.7 + 0.1;
    expect(Jf.data[0]?.[0]).toBeCloseTo(s(z0) * (1 - s(z0)) * 0.5, 15);
  });
});
