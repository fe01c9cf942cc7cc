import { describe, expect, it } from "vitest";
import { runWith } from "../../src/runner/check.js";
import { decoderLawProperty, encoderLawProperty, smoothLayer, type LawOptions } from "../../src/runner/jacobian-laws.js";
import type { Env, PropertyModule } from "../../src/runner/property.js";
import { Runtime } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactField as F, rational } from "../../src/semantics/exact.js";
import { jacobian } from "../../src/semantics/jacobian.js";
import { mul } from "../../src/semantics/matrix.js";
import { vector } from "../../src/semantics/value.js";
import { Q, show } from "../semantics/helpers.js";

const SEED = 20261128;

function run(mod: PropertyModule<Env>, runs = 150) {
  const $ = new Runtime(mod.meta.mode, defaultRegistry);
  return runWith($, defaultRegistry, mod, { runs, seed: SEED }, { claimId: "L3.3.4", declaration: mod.meta.declaration, handWritten: true });
}

describe("L3.3.4 for nonlinear maps (hand-written properties)", () => {
  it("the sampled maps are nonlinear: the Jacobian of σ(W x + b) changes with x", () => {
    const W = Q([[1, 2], [0, -1]]);
    const b = vector([rational(0), rational(1)]);
    const J = (x: number[]) =>
      show(jacobian(F, (D, v, lift) => smoothLayer(D, lift.matrix(W), lift.vector(b))(v), vector(x.map((t) => rational(t)))));
    expect(J([0, 0])).not.toEqual(J([1, -1]));
  });

  it("J_{K f}(x) = K J_f(x) holds exactly on every sample", () => {
    const r = run(encoderLawProperty());
    expect(r).toMatchObject({ status: "passed", mode: "exact", skips: 0 });
    expect(r.runs).toBeGreaterThan(0);
  });

  it("J_{g ∘ K⁻¹}(K f(x)) = J_g(f(x)) K⁻¹ holds exactly on every sample", () => {
    const r = run(decoderLawProperty());
    expect(r).toMatchObject({ status: "passed", mode: "exact", skips: 0 });
    expect(r.runs).toBeGreaterThan(0);
  });

  const square: LawOptions = { square: true };
  it("catches the encoder law with K on the wrong side (J_f K)", () => {
    const r = run(encoderLawProperty({ ...square, rhs: (G, K, _Kinv, J) => mul(G, J, K) }));
    expect(r.status).toBe("counterexample");
    expect(r.counterexample).toHaveProperty("K");
  });

  it("catches the decoder law with K⁻¹ on the wrong side (K⁻¹ J_g)", () => {
    const r = run(decoderLawProperty({ ...square, rhs: (G, _K, Kinv, J) => mul(G, Kinv, J) }));
    expect(r.status).toBe("counterexample");
  });

  it("catches the decoder law with K in place of K⁻¹ (J_g K)", () => {
    const r = run(decoderLawProperty({ rhs: (G, K, _Kinv, J) => mul(G, J, K) }));
    expect(r.status).toBe("counterexample");
  });
});
