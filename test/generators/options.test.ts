/**
 * The generators honour their options and build exactly the objects their names promise: the
 * stated ranges of sizes and scalars, Lean's orientation of a permutation matrix, skew-symmetry
 * before the Cayley transform, the factors of an invertible matrix, the shapes of parameters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activationArb, activations } from "../../src/generators/activation.js";
import { invertibleArb, layerGroupArb } from "../../src/generators/invertible.js";
import { matrixArb, paramsArb, reshape, vectorArb } from "../../src/generators/matrix.js";
import { cayley, orthogonalArb, rotationArb, skewArb } from "../../src/generators/orthogonal.js";
import { permutationMatrix, positiveDiagonalArb, positiveMonomialArb, signDiagonalArb, signedPermutationArb } from "../../src/generators/permutation.js";
import { integerScalarArb, nonzeroScalarArb, positiveScalarArb, scalarArb } from "../../src/generators/scalar.js";
import { layerWidthsArb, sizeArb, widthsArb } from "../../src/generators/size.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import { identity, mul, transpose } from "../../src/semantics/matrix.js";
import { determinant } from "../../src/semantics/inverse.js";
import type { Matrix } from "../../src/semantics/value.js";

const SEED = 20261129;
const ctx = exactContext();
const F = ctx.F;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 300): T[] => fc.sample(arb, { seed: SEED, numRuns });
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
const nums = (K: Matrix<unknown>): number[][] => K.data.map((row) => row.map((x) => F.toNumber(x as never)));
const denominators = (xs: readonly unknown[]) => sorted(xs.map((x) => Number((F.serialize(x as never).split("/")[1] ?? "1"))));
/** The first value fast-check shrinks a failing property on `arb` to. */
const shrunk = <T>(arb: fc.Arbitrary<T>): T => {
  const r = fc.check(fc.property(arb, () => false), { seed: SEED });
  return r.counterexample![0] as T;
};

describe("size options", () => {
  it("widths honour a stated number of layers and a stated width range", () => {
    const ws = sample(widthsArb({ minLayers: 2, maxLayers: 2, min: 3, max: 4 }));
    expect(sorted(ws.map((w) => w.length))).toEqual([3]);
    expect(sorted(ws.flat())).toEqual([3, 4]);
  });
  it("layer widths honour a stated width range and number of layers", () => {
    const ws = sample(layerWidthsArb({ min: 2, max: 2, maxLayers: 5 }));
    expect(sorted(ws.map((w) => w.length))).toEqual([1, 2, 3, 4, 5]);
    expect(sorted(ws.flat())).toEqual([2]);
  });
  it("sizes shrink to the least size of the range", () => {
    expect(shrunk(sizeArb())).toBe(1);
    expect(shrunk(sizeArb({ min: 0 }))).toBe(0);
  });
});

describe("scalar options", () => {
  it("scalars honour a stated numerator and denominator bound", () => {
    const xs = sample(scalarArb(F, { max: 2, maxDenominator: 1 }));
    expect(sorted(xs.map((x) => F.toNumber(x)))).toEqual([-2, -1, 0, 1, 2]);
  });
  it("scalars have denominators 1 to 4 by default, and honour a larger bound", () => {
    expect(denominators(sample(scalarArb(F)))).toEqual([1, 2, 3, 4]);
    expect(Math.max(...denominators(sample(scalarArb(F, { maxDenominator: 7 }), 1000)))).toBe(7);
  });
  it("positive scalars range over 1/4 to 9 by default and honour a stated bound", () => {
    const xs = sample(positiveScalarArb(F), 1000).map((x) => F.toNumber(x));
    expect(Math.max(...xs)).toBe(9);
    expect(Math.min(...xs)).toBe(1 / 4);
    expect(sorted(sample(positiveScalarArb(F, { max: 2, maxDenominator: 1 })).map((x) => F.toNumber(x)))).toEqual([1, 2]);
  });
  it("nonzero scalars honour a stated bound and shrink to 1", () => {
    expect(sorted(sample(nonzeroScalarArb(F, { max: 1, maxDenominator: 1 })).map((x) => F.toNumber(x)))).toEqual([-1, 1]);
    expect(F.toNumber(shrunk(nonzeroScalarArb(F)))).toBe(1);
  });
  it("integer scalars cover −5 … 5 by default and a stated range otherwise", () => {
    expect(sorted(sample(integerScalarArb(F), 1000).map((x) => F.toNumber(x)))).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    expect(sorted(sample(integerScalarArb(F, 2, 3)).map((x) => F.toNumber(x)))).toEqual([2, 3]);
  });
  it("scalars shrink to 0", () => {
    expect(F.toNumber(shrunk(scalarArb(F)))).toBe(0);
  });
});

describe("activations", () => {
  it("are ReLU first, then the identity, leaky ReLU, |x|, the rational sigmoid, x + 1 and 2 x in exact mode", () => {
    const acts = activations(F);
    expect(acts.map((a) => a.name)).toEqual(["relu", "id", "leakyRelu", "abs", "ratSigmoid", "succ", "double"]);
    const at = (name: string, x: number) => F.toNumber(acts.find((a) => a.name === name)!.apply(F.fromInt(x)));
    expect([at("relu", -2), at("relu", 3), at("id", -2), at("leakyRelu", -2), at("leakyRelu", 3), at("abs", -2), at("succ", 1), at("double", 3)]).toEqual([
      0, 3, -2, -1, 3, 2, 2, 6,
    ]);
    expect(at("ratSigmoid", 0)).toBe(1 / 2);
  });
  it("add the sigmoid and tanh in float mode only", () => {
    const Ff = floatContext(1e-9).F;
    expect(activations(Ff).map((a) => a.name)).toEqual(["relu", "id", "leakyRelu", "abs", "ratSigmoid", "succ", "double", "sigmoid", "tanh"]);
    expect(new Set(sample(activationArb(Ff), 500).map((a) => a.name)).size).toBe(9);
  });
  it("shrink to ReLU", () => {
    expect(shrunk(activationArb(F)).name).toBe("relu");
  });
});

describe("permutation matrices and their families", () => {
  it("put the 1 of column j in row p(j), as Lean's Perm.toMat", () => {
    expect(nums(permutationMatrix(F, [1, 2, 0]))).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
  it("positive diagonals honour a scalar bound", () => {
    for (const D of sample(positiveDiagonalArb(F, 2, { max: 1, maxDenominator: 1 }))) expect(nums(D)).toEqual([[1, 0], [0, 1]]);
  });
  it("positive monomial matrices honour a scalar bound: with entries 1 they are permutations", () => {
    for (const K of sample(positiveMonomialArb(F, 3, { max: 1, maxDenominator: 1 }))) expect(G.isPermutation(F, K)).toBe(true);
  });
  it("sign diagonals are diagonal with entries ±1, both signs occur, and they shrink to I", () => {
    const Ss = sample(signDiagonalArb(F, 3));
    for (const S of Ss) expect(nums(S).every((row, i) => row.every((x, j) => (i === j ? Math.abs(x) === 1 : x === 0)))).toBe(true);
    expect(new Set(Ss.flatMap((S) => nums(S).map((row, i) => row[i]))).size).toBe(2);
    expect(nums(shrunk(signDiagonalArb(F, 3)))).toEqual(nums(identity(F, 3)));
  });
  it("signed permutations shrink to I", () => {
    expect(nums(shrunk(signedPermutationArb(F, 3)))).toEqual(nums(identity(F, 3)));
  });
});

describe("matrices, vectors and parameters", () => {
  it("reshape fills rows of length n in order", () => {
    expect(reshape([1, 2, 3, 4, 5, 6], 2, 3).data).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const empty = reshape([], 0, 3);
    expect([empty.rows, empty.cols]).toEqual([0, 3]);
  });
  it("matrices and vectors take their entries from a given arbitrary, else from bounded scalars", () => {
    const one = fc.constant(F.one);
    for (const A of sample(matrixArb(F, 2, 3, one), 20)) expect(nums(A)).toEqual([[1, 1, 1], [1, 1, 1]]);
    for (const v of sample(vectorArb(F, 3, one), 20)) expect(v.data.map((x) => F.toNumber(x))).toEqual([1, 1, 1]);
    const A = sample(matrixArb(F, 2, 2, undefined, { max: 1, maxDenominator: 1 })).flatMap((M) => nums(M).flat());
    expect(sorted(A)).toEqual([-1, 0, 1]);
    const v = sample(vectorArb(F, 2, undefined, { max: 1, maxDenominator: 1 })).flatMap((x) => x.data.map((y) => F.toNumber(y)));
    expect(sorted(v)).toEqual([-1, 0, 1]);
    expect(Math.max(...sample(vectorArb(F, 4)).flatMap((x) => x.data.map((y) => Math.abs(F.toNumber(y)))))).toBe(9);
  });
  it("parameters are one n_i × n_{i-1} matrix per layer, with bounded entries", () => {
    const Ws = sample(paramsArb(F, [2, 3, 1], { max: 1, maxDenominator: 1 }), 50);
    for (const W of Ws) expect(W.map((M) => [M.rows, M.cols])).toEqual([
      [3, 2],
      [1, 3],
    ]);
    expect(sorted(Ws.flatMap((W) => W.flatMap((M) => nums(M).flat())))).toEqual([-1, 0, 1]);
  });
});

describe("orthogonal and invertible matrices", () => {
  it("skew matrices satisfy Aᵀ = −A, have a zero diagonal, and use every entry above it", () => {
    const As = sample(skewArb(F, 3), 100);
    for (const A of As) {
      const a = nums(A);
      expect(nums(transpose(A))).toEqual(a.map((row) => row.map((x) => (x === 0 ? 0 : -x))));
      expect([a[0]![0], a[1]![1], a[2]![2]]).toEqual([0, 0, 0]);
    }
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) expect(As.some((A) => nums(A)[i]![j] !== 0)).toBe(true);
    const bounded = sample(skewArb(F, 3, { max: 1, maxDenominator: 1 })).flatMap((A) => nums(A).flat());
    expect(sorted(bounded)).toEqual([-1, 0, 1]);
  });
  it("the Cayley transform of a skew matrix is orthogonal, and of 0 is I", () => {
    const A = skewArb(F, 2);
    for (const S of sample(A, 50)) {
      const Q = cayley(F, S);
      expect(nums(mul(F, transpose(Q), Q))).toEqual(nums(identity(F, 2)));
    }
    expect(nums(cayley(F, reshape([F.zero, F.zero, F.zero, F.zero], 2, 2)))).toEqual(nums(identity(F, 2)));
    // (I − A)(I + A)⁻¹ for A = [[0, 1], [−1, 0]] is [[0, −1], [1, 0]].
    expect(nums(cayley(F, reshape([F.zero, F.one, F.neg(F.one), F.zero], 2, 2)))).toEqual([
      [0, -1],
      [1, 0],
    ]);
  });
  it("orthogonal matrices use small skew entries by default (numerators up to 3, denominators up to 2)", () => {
    // Rotations are the Cayley transforms alone: with A = 0 forced by a zero bound, every rotation is I.
    for (const R of sample(rotationArb(F, 3, { max: 0 }), 30)) expect(nums(R)).toEqual(nums(identity(F, 3)));
    for (const Q of sample(orthogonalArb(F, 3, { max: 0 }), 50)) expect(G.isSignedPermutation(F, Q)).toBe(true);
    const rots = sample(rotationArb(F, 2), 300).map((R) => F.serialize(R.data[0]![1] as never));
    // The entry −2a/(1 + a²) of the rotation of a = p/q, |p| ≤ 3, q ≤ 2: never that of a = 4 (−8/17).
    expect(rots).not.toContain("-8/17");
    expect(rots).toContain("-12/13");
  });
  it("invertible matrices without pivoting are L D U: their leading entry is the first diagonal factor, never 0", () => {
    const Ks = sample(invertibleArb(F, 3, { pivoting: false }), 200);
    for (const K of Ks) expect(F.eq(K.data[0]![0]!, F.zero)).toBe(false);
    // With the permutation factor, the leading entry is 0 for some.
    expect(sample(invertibleArb(F, 3), 200).some((K) => F.eq(K.data[0]![0]!, F.zero))).toBe(true);
  });
  it("invertible matrices honour a scalar bound and have nonzero determinant", () => {
    const Ks = sample(invertibleArb(F, 2, { max: 1, maxDenominator: 1, pivoting: false }), 200);
    for (const K of Ks) expect(F.eq(determinant(F, K), F.zero)).toBe(false);
    // L D U with entries in {−1, 0, 1} and D = ±1: every entry lies in −2 … 2.
    expect(Math.max(...Ks.flatMap((K) => nums(K).flat().map(Math.abs)))).toBe(2);
  });
  it("invertible matrices without pivoting have a random unit lower and a random unit upper factor", () => {
    // K = L D U: K₁₀ / K₀₀ = L₁₀ and K₀₁ / K₀₀ = U₀₁, each drawn from the small scalars.
    const Ks = sample(invertibleArb(F, 2, { pivoting: false }), 200);
    const ratios = (i: number, j: number) => new Set(Ks.map((K) => F.serialize(F.div(K.data[i]![j]!, K.data[0]![0]!))));
    expect(ratios(1, 0).size).toBeGreaterThan(5);
    expect(ratios(0, 1).size).toBeGreaterThan(5);
  });
  it("invertible 1 × 1 matrices are the nonzero small scalars: numerators up to 3, denominators up to 2", () => {
    const xs = sample(invertibleArb(F, 1, { pivoting: false }), 400).map((K) => F.serialize(K.data[0]![0]!));
    expect(new Set(xs)).toEqual(new Set(["-3", "-2", "-1", "1", "2", "3", "-3/2", "-1/2", "1/2", "3/2"]));
  });
  it("orthogonal 2 × 2 matrices come from small skew entries: every denominator is at most 13", () => {
    // Entries (q² − p²)/(q² + p²) and 2pq/(q² + p²) for a = p/q, |p| ≤ 3, q ≤ 2.
    const dens = sample(orthogonalArb(F, 2), 400).flatMap((Q) => Q.data.flat().map((x) => Number(F.serialize(x).split("/")[1] ?? "1")));
    expect(Math.max(...dens)).toBe(13);
  });
  it("invertible matrices shrink to I", () => {
    expect(nums(shrunk(invertibleArb(F, 3)))).toEqual(nums(identity(F, 3)));
  });
  it("a layer group has one element per hidden width, sized by that width", () => {
    const [Ks] = sample(layerGroupArb([2, 3, 4, 1], (n) => invertibleArb(F, n)), 1);
    expect(Ks!.map((K) => K.rows)).toEqual([3, 4]);
    expect(sample(layerGroupArb([2, 1], (n) => invertibleArb(F, n)), 1)[0]).toEqual([]);
  });
});
