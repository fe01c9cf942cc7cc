import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identityActivation, relu } from "../../src/semantics/activation.js";
import {
  actDecoder,
  actEncoder,
  decoder,
  encoder,
  l2Penalty,
  meanReconstructionLoss,
  reconstruction,
  trainLinearAutoencoder,
  type OneLayerAutoencoder,
} from "../../src/semantics/autoencoder.js";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import { exactField as F, rational, type Rational } from "../../src/semantics/exact.js";
import { frobenius } from "../../src/semantics/norms.js";
import { mul, sub, transpose } from "../../src/semantics/matrix.js";
import { vector } from "../../src/semantics/value.js";
import { invertibleArb } from "../../src/generators/invertible.js";
import { orthogonalArb } from "../../src/generators/orthogonal.js";
import { matrixArb } from "../../src/generators/matrix.js";
import { Q, show } from "./helpers.js";

const ae: OneLayerAutoencoder<Rational> = {
  W: Q([[1, 0, 1], [0, 1, -1]]),
  bz: vector([rational(0), rational(1, 2)]),
  Wp: Q([[1, 0], [0, 1], [1, -1]]),
  by: vector([rational(0), rational(0), rational(1)]),
  sf: relu(F),
  sg: identityActivation(),
};

describe("autoencoders", () => {
  it("computes the reconstruction and the mean loss (hand-computed)", () => {
    const x1 = vector([rational(1), rational(0), rational(1)]); // z = relu([2, -1/2]) = [2, 0]; y = [2, 0, 3]
    const x2 = vector([rational(0), rational(0), rational(0)]); // z = [0, 1/2]; y = [0, 1/2, 1/2]
    const r = reconstruction(encoder(F, ae), decoder(F, ae));
    expect(show(r(x1))).toEqual(["2", "0", "3"]);
    expect(show(r(x2))).toEqual(["0", "1/2", "1/2"]);
    // losses: |[1,0,2]|² = 5, |[0,1/2,1/2]|² = 1/2 → mean 11/4
    expect(show(meanReconstructionLoss(F, encoder(F, ae), decoder(F, ae), [x1, x2]))).toBe("11/4");
  });
  it("computes the L2 penalty", () => {
    // ‖W‖² = 4, ‖W'‖² = 4
    expect(show(l2Penalty(F, rational(1, 2), ae.W, ae.Wp))).toBe("4");
  });
  it("leaves the linear reconstruction unchanged under the latent action (P3.3.2, D3.14)", () => {
    const ctx = exactContext();
    fc.assert(
      fc.property(invertibleArb(F, 2), matrixArb(F, 3, 1), (K, X) => {
        const lin: OneLayerAutoencoder<Rational> = { ...ae, sf: identityActivation(), bz: vector([F.zero, F.zero]) };
        const f = encoder(F, lin);
        const g = decoder(F, lin);
        const x = vector(X.data.map((r) => r[0] as Rational));
        return valueEq(ctx, actDecoder(F, K, g)(actEncoder(F, K, f)(x)), g(f(x)));
      }),
      { seed: 7, numRuns: 100 },
    );
  });
  it("keeps the L2 penalty under orthogonal K, exactly (T3.3.3, O d preserves the penalty)", () => {
    const ctx = exactContext();
    fc.assert(
      fc.property(orthogonalArb(F, 2), (K) => {
        const left = l2Penalty(F, F.one, ae.W, ae.Wp);
        const moved = l2Penalty(F, F.one, mul(F, K, ae.W), mul(F, ae.Wp, transpose(K)));
        return valueEq(ctx, left, moved);
      }),
      { seed: 11, numRuns: 100 },
    );
  });
  it("reaches a critical point with W' = Wᵀ under the L2 penalty (T3.3.3, float)", () => {
    const ctx = floatContext(1e-6);
    const G = ctx.F;
    const X = Q([[1, 0, 2, -1], [0, 1, 1, 1], [1, 1, 0, 2]]);
    const Xf = { kind: "mat" as const, rows: 3, cols: 4, data: X.data.map((r) => r.map((x) => x.valueOf())) };
    const W0 = { kind: "mat" as const, rows: 2, cols: 3, data: [[0.3, -0.2, 0.1], [0.05, 0.4, -0.3]] };
    const Wp0 = { kind: "mat" as const, rows: 3, cols: 2, data: [[0.2, 0.1], [-0.1, 0.3], [0.25, -0.15]] };
    const r = trainLinearAutoencoder(G, Xf, W0, Wp0, 0.1, { rate: 0.02, maxSteps: 50000, tol: 1e-9 });
    expect(r.gradientNorm).toBeLessThan(1e-9);
    expect(frobenius(G, sub(G, r.Wp, transpose(r.W)))).toBeLessThan(1e-7);
  });
});
