import { describe, expect, it } from "vitest";
import { gradDecoder, gradEncoder } from "../../src/semantics/autoencoder.js";
import { transposeSolveEvidence } from "../../src/semantics/builtins/regularized.js";
import { gradientsD, hessianD, isSaddleL2, solveCriticalL2, type Dense } from "../../src/semantics/critical.js";
import { floatField } from "../../src/semantics/float.js";
import { mul, transpose } from "../../src/semantics/matrix.js";
import type { Matrix } from "../../src/semantics/value.js";

const F = floatField();
const M = (rows: number[][]): Matrix<number> => ({ kind: "mat", rows: rows.length, cols: rows[0]?.length ?? 0, data: rows });
const maxDiff = (A: Dense, B: Dense): number => Math.max(...A.flatMap((r, i) => r.map((x, j) => Math.abs(x - ((B[i] as number[])[j] as number)))));

const X = [[1.2, -0.4, 0.3], [0.5, 0.9, -1.1], [0.2, 0.7, 0.4]];
const W = [[0.3, -0.2, 0.5], [0.1, 0.4, -0.6]];
const Wp = [[0.2, 0.1], [-0.3, 0.5], [0.7, 0.2]];
const S = mul(F, M(X), transpose(M(X))).data;

describe("critical points of the L2-regularized linear autoencoder (T3.3.3)", () => {
  it("solves the same gradient equations as the Lean gradients gradEncoder and gradDecoder", () => {
    const [gE, gD] = gradientsD({ S, d: 2, lam: 0.3 }, W, Wp);
    expect(maxDiff(gE, gradEncoder(F, M(X), 0.3, M(W), M(Wp)).data)).toBeLessThan(1e-12);
    expect(maxDiff(gD, gradDecoder(F, M(X), 0.3, M(W), M(Wp)).data)).toBeLessThan(1e-12);
  });

  it("uses the exact Hessian: it matches central differences of the gradient map and is symmetric", () => {
    const p = { S, d: 2, lam: 0.3 };
    const H = hessianD(p, W, Wp);
    const z = [...W.flat(), ...Wp.flat()];
    const split = (v: number[]): [Dense, Dense] => [
      [v.slice(0, 3), v.slice(3, 6)],
      [v.slice(6, 8), v.slice(8, 10), v.slice(10, 12)],
    ];
    const h = 1e-6;
    let err = 0;
    for (let k = 0; k < z.length; k++) {
      const up = z.slice();
      const dn = z.slice();
      up[k] = (up[k] as number) + h;
      dn[k] = (dn[k] as number) - h;
      const [a1, b1] = gradientsD(p, ...split(up));
      const [a2, b2] = gradientsD(p, ...split(dn));
      const col = [...a1.flat(), ...b1.flat()].map((x, i) => (x - ([...a2.flat(), ...b2.flat()][i] as number)) / (2 * h));
      col.forEach((x, i) => (err = Math.max(err, Math.abs(x - ((H[i] as number[])[k] as number)))));
    }
    expect(err).toBeLessThan(1e-7);
    expect(maxDiff(H, H.map((r, i) => r.map((_, j) => (H[j] as number[])[i] as number)))).toBeLessThan(1e-12);
  });

  it("classifies W = W' = 0 as a saddle exactly when X Xᵀ has an eigenvalue above λ", () => {
    const diag = [[2, 0], [0, 1]];
    const zero = (m: number, n: number): Dense => Array.from({ length: m }, () => new Array<number>(n).fill(0));
    expect(isSaddleL2({ S: diag, d: 1, lam: 0.5 }, zero(1, 2), zero(2, 1))).toBe(true);
    expect(isSaddleL2({ S: diag, d: 1, lam: 3 }, zero(1, 2), zero(2, 1))).toBe(false);
  });

  it("finds a critical point with W' ≠ Wᵀ when λ < 0, so the check can fail (λ > 0 is needed)", () => {
    // S = 1, λ = −2: W = 1, W' = −1 solves both equations
    const r = solveCriticalL2({ S: [[1]], d: 1, lam: -2 }, [[1.1]], [[-0.9]]);
    expect(r.gradientNorm).toBeLessThan(1e-12);
    expect(r.W[0]?.[0]).toBeCloseTo(1, 10);
    expect(r.Wp[0]?.[0]).toBeCloseTo(-1, 10);
  });

  it("reaches saddles with W ≠ 0 and minima by solving the gradient equations, all with W' = Wᵀ (seed 34)", () => {
    const stats = transposeSolveEvidence(1e-9);
    expect(stats.ok).toBe(true);
    expect(stats.converged).toBe(stats.starts);
    expect(stats.starts).toBe(72);
    expect(stats.nonzeroSaddles).toBeGreaterThan(10);
    expect(stats.nonzeroMinima).toBeGreaterThan(5);
    expect(stats.maxResidual).toBeLessThan(1e-9);
  });
});
