/**
 * The near-boundary families (`boundary.ts`) lie where their names say, just inside or just
 * outside a group; the hypothesis generators (`hypotheses.ts`) produce members of their
 * predicate, and are re-checked against the registry exactly when they should be.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  landmarkArb,
  nearBoundaryArb,
  negatedMonomialArb,
  perturbedOrthogonalArb,
  perturbedPermutationArb,
  positiveScalarMatrixArb,
  scaledPermutationArb,
} from "../../src/generators/boundary.js";
import { defaultHypothesisGenerators, hypothesisArb, HypothesisGenerators, layerGroupHypothesisArb, residualMemberArb } from "../../src/generators/hypotheses.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import type { Registry } from "../../src/semantics/registry.js";
import { matrix, type Matrix, type Value } from "../../src/semantics/value.js";

const SEED = 20261129;
const ctx = exactContext();
const F = ctx.F;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 200): T[] => fc.sample(arb, { seed: SEED, numRuns });
const nums = (K: Matrix<unknown>): number[][] => K.data.map((row) => row.map((x) => F.toNumber(x as never)));
/** The entries of `K` that are neither 0 nor ±1, as numbers. */
const odd = (K: Matrix<unknown>) => nums(K).flat().filter((x) => x !== 0 && Math.abs(x) !== 1);
const denominator = (x: unknown) => Number(F.serialize(x as never).split("/")[1] ?? "1");

describe("near-boundary families", () => {
  it("a perturbed permutation is a permutation matrix with exactly one entry moved by ±1/64, both signs occurring", () => {
    const moves = new Set<number>();
    for (const K of sample(perturbedPermutationArb(F, 3))) {
      const off = nums(K).flat().filter((x) => x !== 0 && x !== 1);
      expect(off).toHaveLength(1);
      const d = off[0]!;
      const delta = Math.abs(d) < 0.5 ? d : d - 1;
      expect(Math.abs(delta)).toBe(1 / 64);
      moves.add(Math.sign(delta));
      expect(G.isPermutation(F, K)).toBe(false);
    }
    expect(moves).toEqual(new Set([1, -1]));
  });

  it("perturbs by 10⁻³ in float mode", () => {
    const Ff = floatContext(1e-9).F;
    for (const K of sample(perturbedPermutationArb(Ff, 2), 50)) {
      const off = K.data.flat().filter((x) => x !== 0 && x !== 1) as number[];
      expect(off.map((x) => Math.round(Math.min(Math.abs(x), Math.abs(x - 1)) * 1e6) / 1e6)).toEqual([0.001]);
    }
  });

  it("every position of the perturbation occurs", () => {
    const where = new Set<string>();
    for (const K of sample(perturbedPermutationArb(F, 2), 400)) {
      nums(K).forEach((row, i) => row.forEach((x, j) => x !== 0 && x !== 1 && where.add(`${i}${j}`)));
    }
    expect(where).toEqual(new Set(["00", "01", "10", "11"]));
  });

  it("a scaled permutation is c P with c ≠ 0, |c| ≤ 4 and a denominator at most 2; c takes both signs", () => {
    const cs = sample(scaledPermutationArb(F, 3), 400).map((K) => {
      const nz = K.data.flat().filter((x) => !F.eq(x, F.zero));
      expect(nz).toHaveLength(3);
      expect(nz.every((x) => F.eq(x, nz[0]!))).toBe(true);
      return nz[0]!;
    });
    expect(Math.max(...cs.map((c) => Math.abs(F.toNumber(c))))).toBe(4);
    expect(Math.max(...cs.map(denominator))).toBe(2);
    expect(cs.some((c) => F.toNumber(c) < 0)).toBe(true);
  });

  it("a perturbed orthogonal matrix has exactly one column whose squared norm is no longer 1", () => {
    for (const K of sample(perturbedOrthogonalArb(F, 3), 100)) {
      const norms = [0, 1, 2].map((j) => K.data.reduce((s, row) => F.add(s, F.mul(row[j]!, row[j]!)), F.zero));
      expect(norms.filter((s) => !F.eq(s, F.one))).toHaveLength(1);
      expect(G.isOrthogonal(ctx, K)).toBe(false);
    }
  });

  it("a negated monomial has exactly one row of non-positive entries, is monomial, and its scalings are bounded by 4", () => {
    const Ks = sample(negatedMonomialArb(F, 3), 300);
    for (const K of Ks) {
      expect(G.isMonomial(F, K)).toBe(true);
      expect(G.isPositiveMonomial(F, K)).toBe(false);
      expect(nums(K).filter((row) => row.some((x) => x < 0))).toHaveLength(1);
    }
    const scales = Ks.flatMap(odd).map(Math.abs);
    expect(Math.max(...scales)).toBe(4);
    expect(Math.max(...Ks.flatMap((K) => K.data.flat().map(denominator)))).toBe(2);
    // Every row is the negated one for some sample.
    expect(new Set(Ks.map((K) => nums(K).findIndex((row) => row.some((x) => x < 0))))).toEqual(new Set([0, 1, 2]));
  });

  it("a positive scalar matrix is c I with 0 < c ≤ 4 and a denominator at most 2", () => {
    const cs = sample(positiveScalarMatrixArb(F, 2), 400).map((K) => {
      expect(F.eq(K.data[0]![1]!, F.zero) && F.eq(K.data[1]![0]!, F.zero) && F.eq(K.data[0]![0]!, K.data[1]![1]!)).toBe(true);
      return K.data[0]![0]!;
    });
    expect(cs.every((c) => F.toNumber(c) > 0)).toBe(true);
    expect(Math.max(...cs.map((c) => F.toNumber(c)))).toBe(4);
    expect(Math.max(...cs.map(denominator))).toBe(2);
  });

  it("the landmarks are I, −I and 2 I", () => {
    const seen = new Set(sample(landmarkArb(F, 2), 100).map((K) => JSON.stringify(nums(K))));
    expect(seen).toEqual(new Set([JSON.stringify([[1, 0], [0, 1]]), JSON.stringify([[-1, 0], [0, -1]]), JSON.stringify([[2, 0], [0, 2]])]));
  });

  it("near-boundary candidates of size 0 are the empty matrix; of size n they are n × n", () => {
    for (const K of sample(nearBoundaryArb(F, 0), 20)) expect([K.rows, K.cols]).toEqual([0, 0]);
    for (const K of sample(nearBoundaryArb(F, 2), 100)) expect([K.rows, K.cols]).toEqual([2, 2]);
  });
});

describe("hypothesis generators", () => {
  it("residual members are permutations, positive monomials, positive scalings and signed permutations", () => {
    const Ks = sample(residualMemberArb(F, 2), 400);
    expect(Ks.some((K) => G.isPermutation(F, K))).toBe(true);
    expect(Ks.some((K) => G.isPositiveMonomial(F, K) && !G.isPermutation(F, K) && !F.eq(K.data[0]![0]!, K.data[1]![1]!))).toBe(true);
    expect(Ks.some((K) => !G.isPermutation(F, K) && F.eq(K.data[0]![0]!, K.data[1]![1]!) && F.eq(K.data[0]![1]!, F.zero) && F.toNumber(K.data[0]![0]!) > 0)).toBe(true);
    expect(Ks.some((K) => G.isSignedPermutation(F, K) && !G.isPositiveMonomial(F, K))).toBe(true);
  });

  it("each predicate's generator produces members of the predicate, before any re-check", () => {
    const holds = (pred: string, K: Matrix<unknown>) => defaultRegistry.get(pred)?.impl(ctx as never, [K as Value<unknown>]) === true;
    for (const pred of ["Sym.IsOrthogonal", "Sym.IsPermMat", "Sym.IsPosDiag", "Sym.IsPosMonomial", "Sym.IsSignedPerm", "Sym.IsInvertible"]) {
      const g = defaultHypothesisGenerators.get(pred)!;
      expect(g.subject).toBe(0);
      for (const K of sample(g.generate(F, 3), 40)) expect(holds(pred, K as Matrix<unknown>), pred).toBe(true);
    }
    // Orthogonal matrices that are not signed permutations, and invertible ones that are not monomial, occur.
    expect(sample(defaultHypothesisGenerators.get("Sym.IsOrthogonal")!.generate(F, 2), 100).some((K) => !G.isSignedPermutation(F, K))).toBe(true);
    expect(sample(defaultHypothesisGenerators.get("Sym.IsInvertible")!.generate(F, 2), 100).some((K) => !G.isMonomial(F, K))).toBe(true);
    expect(sample(defaultHypothesisGenerators.get("Sym.IsPosDiag")!.generate(F, 2), 100).some((K) => !G.isPermutation(F, K))).toBe(true);
    expect(sample(defaultHypothesisGenerators.get("Sym.IsPosMonomial")!.generate(F, 2), 100).some((K) => !G.isPositiveDiagonal(F, K))).toBe(true);
    expect(sample(defaultHypothesisGenerators.get("Sym.IsSignedPerm")!.generate(F, 2), 100).some((K) => !G.isPermutation(F, K))).toBe(true);
    expect(sample(defaultHypothesisGenerators.get("Sym.IsPermMat")!.generate(F, 2), 100).some((K) => !G.isPositiveDiagonal(F, K))).toBe(true);
    expect(defaultHypothesisGenerators.get("Sym.IsResidual")!.subject).toBe(1);
  });

  it("lists its predicates sorted, and a registered row replaces the one of the same predicate", () => {
    expect(defaultHypothesisGenerators.predicates()).toEqual([
      "Sym.IsInvertible",
      "Sym.IsOrthogonal",
      "Sym.IsPermMat",
      "Sym.IsPosDiag",
      "Sym.IsPosMonomial",
      "Sym.IsResidual",
      "Sym.IsSignedPerm",
    ]);
    const own = new HypothesisGenerators([]);
    expect(own.predicates()).toEqual([]);
    const row = { predicate: "P", subject: 0, generate: <T>() => fc.constant(matrix<T>([])) };
    expect(own.register(row)).toBe(own);
    expect(own.get("P")).toBe(row);
  });

  it("re-checks generated values against the registry only when the predicate takes the subject alone or the arguments are given", () => {
    // A generator of the four 1 × 1 matrices 1 … 4 and a predicate that accepts only even entries.
    const gens = new HypothesisGenerators([{ predicate: "Even", subject: 0, generate: <T>(F2: { fromInt(k: number): T }) => fc.integer({ min: 1, max: 4 }).map((k) => matrix<T>([[F2.fromInt(k)]])) }]);
    const even = (v: Value<unknown>) => F.toNumber((v as Matrix<unknown>).data[0]![0] as never) % 2 === 0;
    const values = (arb: fc.Arbitrary<Value<unknown>> | undefined) => new Set(sample(arb!, 100).map((v) => F.toNumber((v as Matrix<unknown>).data[0]![0] as never)));
    const registry = (params: number) => ({ get: (p: string) => (p === "Even" ? { params: Array(params).fill("x"), impl: (_c: unknown, args: Value<unknown>[]) => even(args[args.length - 1]!) } : undefined) }) as unknown as Registry;
    const c = ctx as never;
    expect(values(hypothesisArb(c, registry(1), "Even", 1, gens))).toEqual(new Set([2, 4]));
    expect(values(hypothesisArb(c, registry(2), "Even", 1, gens))).toEqual(new Set([1, 2, 3, 4]));
    expect(values(hypothesisArb(c, registry(2), "Even", 1, gens, (v) => [v, v]))).toEqual(new Set([2, 4]));
    expect(values(hypothesisArb(c, { get: () => undefined } as unknown as Registry, "Even", 1, gens))).toEqual(new Set([1, 2, 3, 4]));
    expect(hypothesisArb(c, registry(1), "Odd", 1, gens)).toBeUndefined();
  });

  it("a layer-group tuple has one element per layer width but the last, each from the given generator", () => {
    const sizes: number[] = [];
    const arb = layerGroupHypothesisArb(F, [2, 3, 5], (F2, n) => (sizes.push(n), landmarkArb(F2, n)));
    expect(sizes).toEqual([2, 3]);
    const v = sample(arb, 1)[0]!;
    expect(JSON.stringify(v)).toContain('"rows":2');
    expect(JSON.stringify(v)).toContain('"rows":3');
    expect(JSON.stringify(v)).not.toContain('"rows":5');
  });
});
