import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import { widths } from "../../src/semantics/net.js";
import { unnestMatrices } from "../../src/semantics/net.js";
import { isList, isMatrix, type Value } from "../../src/semantics/value.js";
import type { Rational } from "../../src/semantics/exact.js";
import { defaultHypothesisGenerators, hypothesisArb, layerGroupHypothesisArb } from "../../src/generators/hypotheses.js";
import { typeArb } from "../../src/generators/from-type.js";
import { T } from "../../src/semantics/types.js";
import { rank } from "../../src/semantics/inverse.js";

const SEED = 4242;

describe("constructive generators selected by hypotheses", () => {
  const ctx = exactContext();
  const single = defaultHypothesisGenerators.predicates().filter((p) => defaultRegistry.get(p)?.params.length === 1);

  it.each(single)("%s: every generated value satisfies the predicate, none is discarded", (pred) => {
    const arb = hypothesisArb(ctx, defaultRegistry, pred, 3);
    expect(arb).toBeDefined();
    if (!arb) return;
    let runs = 0;
    fc.assert(
      fc.property(arb, (K) => {
        runs++;
        return defaultRegistry.call(ctx, pred, [K]) === true;
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(runs).toBe(100);
  });

  it("has no generator for an unknown predicate (the caller filters)", () => {
    expect(hypothesisArb(ctx, defaultRegistry, "Sym.IsSomethingElse", 3)).toBeUndefined();
  });

  it("IsResidual σ K with σ = ReLU: candidates re-checked against σ", () => {
    const relu = defaultRegistry.value(ctx, "Sym.relu");
    const arb = hypothesisArb(ctx, defaultRegistry, "Sym.IsResidual", 3, defaultHypothesisGenerators, (K) => [relu, K]);
    expect(arb).toBeDefined();
    if (!arb) return;
    fc.assert(fc.property(arb, (K) => defaultRegistry.call(ctx, "Sym.IsResidual", [relu, K]) === true), { seed: SEED, numRuns: 100 });
  });

  it("IsResidual σ K with σ = sigmoid keeps only permutations", () => {
    const f = floatContext();
    const sig = defaultRegistry.value(f, "Sym.sigmoid");
    const arb = hypothesisArb(f, defaultRegistry, "Sym.IsResidual", 3, defaultHypothesisGenerators, (K) => [sig, K]);
    if (!arb) throw new Error("no generator");
    fc.assert(fc.property(arb, (K) => defaultRegistry.call(f, "Sym.IsPermMat", [K]) === true), { seed: SEED, numRuns: 50 });
  });

  it("layer-group tuples come as Lean nested pairs of hidden-layer matrices", () => {
    const F = ctx.F;
    fc.assert(
      fc.property(layerGroupHypothesisArb(F, [2, 3, 1]), (K) => {
        const Ks = unnestMatrices(K);
        return Ks.length === 2 && Ks[0]?.rows === 2 && Ks[1]?.rows === 3;
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});

describe("generators from types", () => {
  const F = exactContext().F;
  it("Params α n ws: nested pairs whose widths are n :: ws", () => {
    fc.assert(
      fc.property(typeArb(F, T.params("ws", "n"), { n: 2, ws: [3, 1, 2] }), (p) => {
        expect(isList(p)).toBe(true);
        expect(widths(unnestMatrices(p))).toEqual([2, 3, 1, 2]);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
  it("List Nat, GL n, Perm n and LayerGroup ws", () => {
    const ws = fc.sample(typeArb(F, T.natList, {}), { seed: SEED, numRuns: 20 });
    for (const w of ws) expect(isList(w) && w.items.length >= 1 && w.items.length <= 3).toBe(true);
    for (const K of fc.sample(typeArb(F, T.gl(3), {}), { seed: SEED, numRuns: 20 })) expect(isMatrix(K) && rank(F, K) === 3).toBe(true);
    const ctx = exactContext();
    for (const P of fc.sample(typeArb(F, T.perm(3), {}), { seed: SEED, numRuns: 20 })) expect(defaultRegistry.call(ctx, "Sym.IsPermMat", [P])).toBe(true);
    const dims = { ws: { kind: "list", items: [2, 4, 1] } as Value<Rational> };
    for (const K of fc.sample(typeArb(F, T.layerGroup("ws"), dims), { seed: SEED, numRuns: 10 })) {
      expect(unnestMatrices(K).map((M) => M.rows)).toEqual([2, 4]);
    }
  });
});

describe("function generators", () => {
  const ctx = exactContext();
  const F = ctx.F;
  it("maps Vec n → Vec m carry their input size, so jac applies to them", () => {
    const arb = typeArb(F, T.fn([T.vec("D")], T.vec("d")), { D: 3, d: 2 });
    for (const f of fc.sample(arb, { seed: SEED, numRuns: 20 })) {
      const J = defaultRegistry.call(ctx, "Sym.Autoencoder.jac", [f]);
      expect(isMatrix(J) && J.rows === 2 && J.cols === 3).toBe(true);
    }
  });
  it("matrix functionals are entrywise norms", () => {
    const arb = typeArb(F, T.fn([T.mat(2, 2)], T.scalar), {});
    const names = new Set(fc.sample(arb, { seed: SEED, numRuns: 30 }).map((f) => (f as { name: string }).name));
    expect([...names].sort()).toEqual(["entryL1", "entryLInf", "frobSq"]);
  });
});

describe("dimension expressions", () => {
  it("resolve Nat arithmetic and width lists", async () => {
    const { resolveDim, resolveWidths } = await import("../../src/generators/dims.js");
    const dims = { n: 3, m: 2, k: 4, ws: [5, 1] };
    expect(resolveDim(dims, "n + 1")).toBe(4);
    expect(resolveDim(dims, "2 * (n - 1)")).toBe(4);
    expect(resolveDim(dims, "m - 5")).toBe(0);
    expect(resolveWidths(dims, "[m, k]")).toEqual([2, 4]);
    expect(resolveWidths(dims, "m :: k :: ws")).toEqual([2, 4, 5, 1]);
    expect(resolveWidths(dims, "ws")).toEqual([5, 1]);
    expect(() => resolveDim(dims, "p + 1")).toThrow(/not known/);
    // the network widths of `Sym/Linear/Net.lean`
    expect(resolveDim(dims, "outWidth m ws")).toBe(1);
    expect(resolveDim(dims, "outWidth m []")).toBe(2);
    expect(resolveDim(dims, "minWidth n (m::ws)")).toBe(1);
    expect(resolveDim(dims, "minWidth k (n::[])")).toBe(3);
    expect(resolveDim(dims, "minWidth n (m::ws) + 1")).toBe(2);
    expect(() => resolveDim(dims, "minWidth n (m::vs)")).toThrow(/not known/);
  });
  it("feed the type generators", () => {
    const F = exactContext().F;
    const [K] = fc.sample(typeArb(F, T.gl("n + 1"), { n: 2 }), { seed: SEED, numRuns: 1 });
    expect(isMatrix(K as Value<Rational>) && (K as { rows: number }).rows).toBe(3);
    const [p] = fc.sample(typeArb(F, T.params("m :: m' :: ws", "n"), { n: 1, m: 2, "m'": 3, ws: [1] }), { seed: SEED, numRuns: 1 });
    expect(widths(unnestMatrices(p as Value<Rational>))).toEqual([1, 2, 3, 1]);
  });
});
