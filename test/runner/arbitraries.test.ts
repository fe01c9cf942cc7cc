/** The runner's arbitraries honour the constraint a hypothesis selects (`arbitraryFor`, `circleArb`). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFor, circleArb, constructivePredicates, hasConstructiveGenerator } from "../../src/runner/generators.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import type { Matrix } from "../../src/semantics/value.js";

const SEED = 77;
const ctx = exactContext();
const F = ctx.F;
const sample = <T>(a: fc.Arbitrary<T> | undefined, n = 300): T[] => {
  if (!a) throw new Error("no arbitrary");
  return fc.sample(a, { seed: SEED, numRuns: n });
};
const nums = (xs: unknown[]) => xs.map((x) => F.toNumber(x as never));

describe("arbitraryFor: scalars and sizes", () => {
  it("positive scalars are > 0", () => {
    expect(nums(sample(arbitraryFor(ctx, defaultRegistry, { k: "scalar" }, {}, "positive"))).every((x) => x > 0)).toBe(true);
  });
  it("nonnegative scalars are ≥ 0 and include 0", () => {
    const xs = nums(sample(arbitraryFor(ctx, defaultRegistry, { k: "scalar" }, {}, "nonneg")));
    expect(xs.every((x) => x >= 0)).toBe(true);
    expect(xs).toContain(0);
  });
  it("nonzero scalars are ≠ 0, of both signs", () => {
    const xs = nums(sample(arbitraryFor(ctx, defaultRegistry, { k: "scalar" }, {}, "nonzero")));
    expect(xs.includes(0)).toBe(false);
    expect(xs.some((x) => x < 0) && xs.some((x) => x > 0)).toBe(true);
  });
  it("unconstrained scalars include 0 and negatives", () => {
    const xs = nums(sample(arbitraryFor(ctx, defaultRegistry, { k: "scalar" }, {})));
    expect(xs).toContain(0);
    expect(xs.some((x) => x < 0)).toBe(true);
  });
  it("positive sizes run from 1 to 5", () => {
    expect([...new Set(sample(arbitraryFor(ctx, defaultRegistry, { k: "nat" }, {}, "positive")) as unknown as number[])].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("arbitraryFor: square matrices", () => {
  it("a predicate constraint draws members of the predicate, at the size the dimension table gives", () => {
    const Ks = sample(arbitraryFor(ctx, defaultRegistry, { k: "mat", m: "n", n: "n" }, { n: 3 }, "pred:Sym.IsPosMonomial")) as unknown as Matrix<never>[];
    expect(Ks.every((K) => K.rows === 3 && G.isPositiveMonomial(F, K))).toBe(true);
  });
  it("a boundary constraint draws matrices inside and outside the positive monomials", () => {
    const Ks = sample(arbitraryFor(ctx, defaultRegistry, { k: "mat", m: 2, n: 2 }, {}, "boundary")) as unknown as Matrix<never>[];
    expect(Ks.some((K) => G.isPositiveMonomial(F, K)) && Ks.some((K) => !G.isPositiveMonomial(F, K))).toBe(true);
  });
  it("an unknown predicate has no generator", () => {
    expect(arbitraryFor(ctx, defaultRegistry, { k: "mat", m: 2, n: 2 }, {}, "pred:Sym.NoSuchPredicate")).toBeUndefined();
    expect(hasConstructiveGenerator("Sym.NoSuchPredicate")).toBe(false);
  });
  it("the probed predicates each have a generator", () => {
    const preds = constructivePredicates();
    expect(preds).toContain("Sym.IsOrthogonal");
    expect(preds.every(hasConstructiveGenerator)).toBe(true);
  });
});

describe("circleArb", () => {
  it("draws rational points of the unit circle, (−1, 0) included", () => {
    const ps = sample(circleArb(F), 500);
    for (const [c, s] of ps) expect(F.eq(F.add(F.mul(c, c), F.mul(s, s)), F.one)).toBe(true);
    expect(ps.some(([c, s]) => F.eq(c, F.neg(F.one)) && F.eq(s, F.zero))).toBe(true);
    expect(ps.some(([c, s]) => !F.eq(c, F.zero) && !F.eq(s, F.zero))).toBe(true);
    expect(ps.some(([, s]) => F.toNumber(s) < 0)).toBe(true);
  });

  it("draws the identity rotation (1, 0) in at least 5 % of the points, so premises met only there are met", () => {
    const ps = sample(circleArb(F), 1000);
    const ones = ps.filter(([c, s]) => F.eq(c, F.one) && F.eq(s, F.zero)).length;
    expect(ones).toBeGreaterThanOrEqual(50);
    for (const [c, s] of [[F.zero, F.one], [F.zero, F.neg(F.one)]] as const) expect(ps.some(([x, y]) => F.eq(x, c) && F.eq(y, s))).toBe(true);
  });
});
