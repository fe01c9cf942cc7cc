/**
 * Generators reach their whole stated range (not just a corner of it), and the membership
 * predicates they are checked against reject what lies outside: a generator that never draws
 * size 1, a "positive monomial" generator that never permutes, or a monomial predicate that
 * forgets its column check would each let a false statement pass unnoticed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invertibleArb } from "../../src/generators/invertible.js";
import { permArb, positiveDiagonalArb, positiveMonomialArb, signedPermutationArb } from "../../src/generators/permutation.js";
import { nonzeroScalarArb, positiveScalarArb, scalarArb } from "../../src/generators/scalar.js";
import { layerWidthsArb, sizeArb, widthsArb } from "../../src/generators/size.js";
import { exactContext } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import { Q } from "../semantics/helpers.js";

const SEED = 20261128;
const ctx = exactContext();
const F = ctx.F;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 400): T[] => fc.sample(arb, { seed: SEED, numRuns });
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
/** The permutation a monomial matrix follows: the row of the nonzero entry of each column. */
const pattern = (K: { rows: number; data: readonly (readonly unknown[])[] }) =>
  Array.from({ length: K.rows }, (_, j) => K.data.findIndex((row) => !F.eq(row[j] as never, F.zero))).join("");

describe("sizes and widths", () => {
  it("sizes cover 1 to 5, both ends included", () => {
    expect(sorted(sample(sizeArb()))).toEqual([1, 2, 3, 4, 5]);
  });
  it("sizes honour a stated range", () => {
    expect(sorted(sample(sizeArb({ min: 2, max: 3 })))).toEqual([2, 3]);
  });
  it("network widths have 2 to 5 entries, each from 1 to 4", () => {
    const ws = sample(widthsArb());
    expect(sorted(ws.map((w) => w.length))).toEqual([2, 3, 4, 5]);
    expect(sorted(ws.flat())).toEqual([1, 2, 3, 4]);
  });
  it("layer widths have 1 to 3 entries, each from 1 to 4", () => {
    const ws = sample(layerWidthsArb());
    expect(sorted(ws.map((w) => w.length))).toEqual([1, 2, 3]);
    expect(sorted(ws.flat())).toEqual([1, 2, 3, 4]);
  });
});

describe("permutations and monomial matrices", () => {
  it("permutations of 3 are all six of them", () => {
    const ps = sample(permArb(3));
    for (const p of ps) expect([...p].sort()).toEqual([0, 1, 2]);
    expect(new Set(ps.map((p) => p.join(""))).size).toBe(6);
  });
  it("positive monomial matrices follow every permutation and scale by more than 1", () => {
    const Ks = sample(positiveMonomialArb(F, 3));
    for (const K of Ks) expect(G.isPositiveMonomial(F, K)).toBe(true);
    expect(new Set(Ks.map(pattern)).size).toBe(6);
    expect(Ks.some((K) => !G.isPermutation(F, K))).toBe(true);
  });
  it("positive diagonal matrices are diagonal, positive, and not all the identity", () => {
    const Ds = sample(positiveDiagonalArb(F, 3));
    for (const D of Ds) expect(G.isPositiveDiagonal(F, D)).toBe(true);
    expect(new Set(Ds.map(pattern))).toEqual(new Set(["012"]));
    expect(Ds.some((D) => !G.isPermutation(F, D))).toBe(true);
  });
  it("signed permutations use both signs and every permutation", () => {
    const Ks = sample(signedPermutationArb(F, 3));
    for (const K of Ks) expect(G.isSignedPermutation(F, K)).toBe(true);
    expect(new Set(Ks.map(pattern)).size).toBe(6);
    expect(Ks.some((K) => !G.isPermutation(F, K))).toBe(true);
    expect(Ks.some((K) => G.isPermutation(F, K))).toBe(true);
  });
  it("invertible matrices are not only triangular or monomial", () => {
    const Ks = sample(invertibleArb(F, 3), 200);
    const lowerZero = (K: (typeof Ks)[number]) => [0, 1, 2].every((i) => [0, 1, 2].every((j) => j <= i || F.eq(K.data[i]![j]!, F.zero)));
    expect(Ks.some((K) => !lowerZero(K) && !G.isMonomial(F, K))).toBe(true);
    expect(Ks.some((K) => G.isInvertibleMatrix(F, K) && !F.eq(K.data[2]![0]!, F.zero))).toBe(true);
  });
});

describe("scalars", () => {
  it("scalars are bounded by 9, take both signs, zero and fractions", () => {
    const xs = sample(scalarArb(F)).map((x) => F.toNumber(x));
    expect(Math.max(...xs.map(Math.abs))).toBeLessThanOrEqual(9);
    expect(xs.some((x) => x < 0) && xs.some((x) => x > 0) && xs.includes(0)).toBe(true);
    expect(xs.some((x) => !Number.isInteger(x))).toBe(true);
  });
  it("positive scalars are positive; nonzero scalars are nonzero, of both signs", () => {
    expect(sample(positiveScalarArb(F)).every((x) => F.toNumber(x) > 0)).toBe(true);
    const nz = sample(nonzeroScalarArb(F)).map((x) => F.toNumber(x));
    expect(nz.includes(0)).toBe(false);
    expect(nz.some((x) => x < 0) && nz.some((x) => x > 0)).toBe(true);
  });
});

describe("monomial predicates check rows and columns", () => {
  const twoInAColumn = Q([[1, 0], [1, 0]]);
  const twoInARow = Q([[1, 1], [0, 0]]);
  it.each([
    ["permutation", G.isPermutation],
    ["signed permutation", G.isSignedPermutation],
    ["positive monomial", G.isPositiveMonomial],
    ["monomial", G.isMonomial],
  ] as const)("a %s has one nonzero entry in each column, not only in each row", (_name, pred) => {
    expect(pred(F, twoInAColumn)).toBe(false);
    expect(pred(F, twoInARow)).toBe(false);
    expect(pred(F, Q([[0, 1], [1, 0]]))).toBe(true);
  });
  it("a monomial matrix may scale by any nonzero entry; a positive one only by positive entries", () => {
    const M = Q([[0, -2], ["1/3", 0]]);
    expect(G.isMonomial(F, M)).toBe(true);
    expect(G.isPositiveMonomial(F, M)).toBe(false);
    expect(G.isMonomial(F, Q([[1, 0, 0], [0, 1, 0]]))).toBe(false);
  });
});
