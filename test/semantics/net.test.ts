import { describe, expect, it } from "vitest";
import { relu } from "../../src/semantics/activation.js";
import { exactField as F, rational } from "../../src/semantics/exact.js";
import { identity } from "../../src/semantics/matrix.js";
import { groupMul, layerAction, phi, phiSigma, widths } from "../../src/semantics/net.js";
import { vector } from "../../src/semantics/value.js";
import { Q, show } from "./helpers.js";

const W1 = Q([[1, 0, 2], [0, 1, -1]]); // 2×3: n_0 = 3, n_1 = 2
const W2 = Q([[1, 1], [2, 0], [0, 3]]); // 3×2: n_2 = 3
const W3 = Q([[1, -1, 0]]); // 1×3: n_3 = 1
const Ws = [W1, W2, W3];

describe("deep linear networks", () => {
  it("reads the widths and rejects mismatched layers", () => {
    expect(widths(Ws)).toEqual([3, 2, 3, 1]);
    expect(() => widths([W1, W3])).toThrow(/previous width/);
  });
  it("computes Φ(W) = W_L ⋯ W_1 (hand-computed)", () => {
    // W2 W1 = [[1,1,1],[2,0,4],[0,3,-3]]; W3 (W2 W1) = [[-1, 1, -3]]
    expect(show(phi(F, Ws))).toEqual([["-1", "1", "-3"]]);
  });
  it("applies the layer action K · W = (W3 K2⁻¹, K2 W2 K1⁻¹, K1 W1)", () => {
    const K1 = Q([[2, 0], [0, 1]]);
    const K2 = Q([[1, 0, 0], [0, 1, 0], [0, 0, "1/2"]]);
    const out = layerAction(F, [K1, K2], Ws);
    expect(show(out[0] as never)).toEqual([["2", "0", "4"], ["0", "1", "-1"]]);
    expect(show(out[1] as never)).toEqual([["1/2", "1"], ["1", "0"], ["0", "3/2"]]);
    expect(show(out[2] as never)).toEqual([["1", "-1", "0"]]);
    expect(show(phi(F, out))).toEqual(show(phi(F, Ws)));
  });
  it("is a left action on an example: (K H) · W = K · (H · W)", () => {
    const K = [Q([[1, 1], [0, 1]]), Q([[0, 1, 0], [1, 0, 0], [0, 0, 2]])];
    const H = [Q([[3, 0], [1, 1]]), Q([[1, 0, 0], [0, -1, 0], [1, 0, 1]])];
    expect(show(layerAction(F, groupMul(F, K, H), Ws) as never)).toEqual(
      show(layerAction(F, K, layerAction(F, H, Ws)) as never),
    );
    expect(show(layerAction(F, [identity(F, 2), identity(F, 3)], Ws) as never)).toEqual(show(Ws as never));
  });
  it("evaluates Φ_σ without an activation after the last layer", () => {
    const x = vector([rational(1), rational(-1), rational(1)]);
    // W1 x = [3, -2]; relu → [3, 0]; W2 → [3, 6, 0]; relu → same; W3 → [-3]
    expect(show(phiSigma(F, relu(F), Ws, x))).toEqual(["-3"]);
  });
});
