/**
 * Hand-written properties on the semantics and the generators together: true statements pass,
 * deliberately false variants (mutants) are refuted with a shrunk counterexample, and the
 * witness searches of the ∀-premises find violations where the paper says they exist.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relu, sigmoid } from "../../src/semantics/activation.js";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import { identity, mul, mulVec } from "../../src/semantics/matrix.js";
import { kron, vec } from "../../src/semantics/kron.js";
import { positiveScalarArb } from "../../src/generators/scalar.js";
import { layerAction, phi } from "../../src/semantics/net.js";
import { frobeniusSq, lp } from "../../src/semantics/norms.js";
import { list, type Matrix } from "../../src/semantics/value.js";
import { invertibleArb, layerGroupArb } from "../../src/generators/invertible.js";
import { matrixArb, paramsArb } from "../../src/generators/matrix.js";
import { nearBoundaryArb } from "../../src/generators/boundary.js";
import { rotationArb } from "../../src/generators/orthogonal.js";
import { widthsArb } from "../../src/generators/size.js";
import { matrixCandidates, searchWitness, vectorCandidates } from "../../src/generators/witness.js";

const SEED = 31337;
const ctx = exactContext();
const F = ctx.F;

const netAndGroup = widthsArb({ minLayers: 2, maxLayers: 3, max: 3 }).chain((ns) =>
  fc.tuple(fc.constant(ns), paramsArb(F, ns), layerGroupArb(ns, (n) => invertibleArb(F, n))),
);

describe("P3.6 and its mutants", () => {
  it("Φ(K · W) = Φ(W) holds", () => {
    fc.assert(fc.property(netAndGroup, ([, Ws, Ks]) => valueEq(ctx, phi(F, layerAction(F, Ks, Ws)), phi(F, Ws))), { seed: SEED, numRuns: 300 });
  });
  it("a missing inverse (K_i W_i K_{i-1}) is refuted, shrunk to small matrices", () => {
    const missingInverse = (Ks: readonly Matrix<(typeof F)["zero"]>[], Ws: readonly Matrix<(typeof F)["zero"]>[]) =>
      Ws.map((W, i) => {
        const left = Ks[i] ? mul(F, Ks[i], W) : W;
        return i > 0 && Ks[i - 1] ? mul(F, left, Ks[i - 1] as Matrix<(typeof F)["zero"]>) : left;
      });
    const r = fc.check(fc.property(netAndGroup, ([, Ws, Ks]) => valueEq(ctx, phi(F, missingInverse(Ks, Ws)), phi(F, Ws))), { seed: SEED, numRuns: 1000 });
    expect(r.failed).toBe(true);
    const [ns] = r.counterexample?.[0] ?? [[9]];
    expect(ns.every((n: number) => n <= 2)).toBe(true);
  });
});

describe("more mutants, each refuted within 1000 runs", () => {
  it("P3.5 with the action in the wrong order: (K H) · W = H · (K · W)", () => {
    const arb = widthsArb({ minLayers: 2, maxLayers: 3, max: 3 }).chain((ns) =>
      fc.tuple(paramsArb(F, ns), layerGroupArb(ns, (n) => invertibleArb(F, n)), layerGroupArb(ns, (n) => invertibleArb(F, n))),
    );
    const r = fc.check(
      fc.property(arb, ([Ws, Ks, Hs]) => {
        const KH = Ks.map((K, i) => mul(F, K, Hs[i] as Matrix<(typeof F)["zero"]>));
        return valueEq(ctx, list(layerAction(F, KH, Ws)), list(layerAction(F, Hs, layerAction(F, Ks, Ws))));
      }),
      { seed: SEED, numRuns: 1000 },
    );
    expect(r.failed).toBe(true);
  });
  it("L3.21a with a missing transpose: vec(A X B) = (B ⊗ A) vec X", () => {
    const r = fc.check(
      fc.property(matrixArb(F, 2, 2), matrixArb(F, 2, 2), matrixArb(F, 2, 2), (A, X, B) =>
        valueEq(ctx, vec(mul(F, mul(F, A, X), B)), mulVec(F, kron(F, B, A), vec(X))),
      ),
      { seed: SEED, numRuns: 1000 },
    );
    expect(r.failed).toBe(true);
  });
  it("R3.20a with the inequality flipped: (t a + b/t)² < 4 a b", () => {
    const r = fc.check(
      fc.property(positiveScalarArb(F), positiveScalarArb(F), positiveScalarArb(F), (a, b, t) => {
        const p = F.add(F.mul(t, a), F.div(b, t));
        return F.lt(F.mul(p, p), F.mul(F.fromInt(4), F.mul(a, b)));
      }),
      { seed: SEED, numRuns: 1000 },
    );
    expect(r.failed).toBe(true);
    expect(r.counterexample?.map((x) => F.serialize(x))).toEqual(["1", "1", "1"]);
  });
});

describe("C3.19 (p = 2) and a mutant", () => {
  it("orthogonal K keep ‖K A‖²_F; a general invertible K does not (shrunk)", () => {
    const r = fc.check(
      fc.property(invertibleArb(F, 2), matrixArb(F, 2, 2), (K, A) => valueEq(ctx, frobeniusSq(F, mul(F, K, A)), frobeniusSq(F, A))),
      { seed: SEED, numRuns: 1000 },
    );
    expect(r.failed).toBe(true);
  });
});

describe("witness searches for ∀-premises", () => {
  it("R3.9b: every random rotation other than I has an h with relu(K h) ≠ K relu(h)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }).chain((n) => rotationArb(F, n)), (K) => {
        if (valueEq(ctx, K, identity(F, K.rows))) return true;
        return searchWitness(vectorCandidates(F, K.rows), (h) => !G.commutesAt(ctx, relu(F), K, h), 100).witness !== undefined;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
  it("J3.10: every near-boundary K that is not a permutation has a sigmoid witness", () => {
    const f = floatContext();
    const s = sigmoid(f.F);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => nearBoundaryArb(f.F, n)), (K) => {
        if (G.isPermutation(f.F, K)) return true;
        return searchWitness(vectorCandidates(f.F, K.rows), (h) => !G.commutesAt(f, s, K, h), 200).witness !== undefined;
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
  it("J3.22b, p = 3: 2I changes ℓ3, −I keeps it; near-boundary ℓ3 left isometries are signed permutations", () => {
    const f = floatContext(1e-9);
    const l3 = (A: Matrix<number>) => lp(f.F, A, 3);
    const twoI = mul(f.F, identity(f.F, 2), identity(f.F, 2)).data.map((r) => r.map((x) => 2 * x));
    expect(f.F.eq(l3(mul(f.F, { kind: "mat", rows: 2, cols: 2, data: twoI }, identity(f.F, 2))), l3(identity(f.F, 2)))).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => nearBoundaryArb(f.F, n)), (K) => {
        const isometry = searchWitness(matrixCandidates(f.F, K.rows, 2), (A) => !f.F.eq(l3(mul(f.F, K, A)), l3(A)), 120).witness === undefined;
        return !isometry || G.isSignedPermutation(f.F, K);
      }),
      { seed: SEED, numRuns: 500 },
    );
    const minusI = { kind: "mat" as const, rows: 2, cols: 2, data: [[-1, 0], [0, -1]] };
    expect(searchWitness(matrixCandidates(f.F, 2, 2), (A) => !f.F.eq(l3(mul(f.F, minusI, A)), l3(A)), 120).witness).toBeUndefined();
  });
});
