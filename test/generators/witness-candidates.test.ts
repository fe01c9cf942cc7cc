/**
 * The witness search's candidates, one by one: the structured vectors, matrices, scalars, layer
 * parameters and group elements in their order, where the seeded random ones start and how they
 * continue, the budget, and the per-field cache of candidate lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import type { Matrix, Vector } from "../../src/semantics/value.js";
import { matrixArb, vectorArb } from "../../src/generators/matrix.js";
import { scalarArb } from "../../src/generators/scalar.js";
import {
  DEFAULT_WITNESS_BUDGET,
  GROUP_CANDIDATE_KINDS,
  groupCandidates,
  matrixCandidateList,
  matrixCandidates,
  paramsCandidates,
  permutations,
  scalarCandidates,
  searchWitness,
  structuredMatrixCount,
  structuredVectorCount,
  take,
  vectorCandidateList,
  vectorCandidates,
} from "../../src/generators/witness.js";

const F = exactContext().F;
const vec = (v: Vector<unknown>) => v.data.map((x) => F.serialize(x as never));
const mat = (m: Matrix<unknown>) => m.data.map((r) => r.map((x) => F.serialize(x as never)));

describe("searchWitness", () => {
  it("returns the first candidate that satisfies the predicate and how many were tried", () => {
    expect(searchWitness([5, 6, 7, 8], (x) => x % 2 === 1)).toEqual({ witness: 5, tried: 1 });
    expect(searchWitness([4, 6, 7, 9], (x) => x % 2 === 1)).toEqual({ witness: 7, tried: 3 });
  });
  it("tries every candidate of a short list and reports none found", () => {
    expect(searchWitness([1, 2, 3], () => false)).toEqual({ witness: undefined, tried: 3 });
  });
  it("finds a witness that is exactly the budget-th candidate, but not one after it", () => {
    expect(searchWitness([1, 2, 3, 4], (x) => x === 3, 3)).toEqual({ witness: 3, tried: 3 });
    expect(searchWitness([1, 2, 3, 4], (x) => x === 4, 3)).toEqual({ witness: undefined, tried: 3 });
  });
  it("tries nothing with a budget of zero, even when the first candidate would do", () => {
    expect(searchWitness([1], () => true, 0)).toEqual({ witness: undefined, tried: 0 });
  });
  it("stops an endless candidate stream at the default budget of 200", () => {
    expect(DEFAULT_WITNESS_BUDGET).toBe(200);
    let seen = 0;
    const r = searchWitness(vectorCandidates(F, 2), () => {
      seen++;
      return false;
    });
    expect(r).toEqual({ witness: undefined, tried: 200 });
    expect(seen).toBe(200);
  });
});

describe("take", () => {
  it("takes the first k items of an endless stream", () => {
    expect(take(permutations(4), 3)).toEqual([[0, 1, 2, 3], [0, 1, 3, 2], [0, 2, 1, 3]]);
  });
  it("takes nothing for k = 0 or k < 0, and everything of a shorter iterable", () => {
    expect(take([1, 2, 3], 0)).toEqual([]);
    expect(take([1, 2, 3], -1)).toEqual([]);
    expect(take([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(take([1, 2, 3], 1)).toEqual([1]);
  });
});

describe("vector candidates", () => {
  it("of size 2: 0, the units, their negatives, sum and difference, 2·e_i, e_i / 2, all ones, all −1, e_i + 2·e_j", () => {
    expect(take(vectorCandidates(F, 2), structuredVectorCount(2)).map(vec)).toEqual([
      ["0", "0"],
      ["1", "0"], ["0", "1"],
      ["-1", "0"], ["0", "-1"],
      ["1", "1"], ["1", "-1"],
      ["2", "0"], ["0", "2"],
      ["1/2", "0"], ["0", "1/2"],
      ["1", "1"], ["-1", "-1"],
      ["1", "2"], ["2", "1"],
    ]);
  });
  it("of size 3: every pair i < j once with + and −, every ordered pair i ≠ j with 2", () => {
    const vs = take(vectorCandidates(F, 3), structuredVectorCount(3)).map((v) => vec(v).join(" "));
    expect(vs.slice(7, 13)).toEqual(["1 1 0", "1 -1 0", "1 0 1", "1 0 -1", "0 1 1", "0 1 -1"]);
    expect(vs.slice(21)).toEqual(["1 2 0", "1 0 2", "2 1 0", "0 1 2", "2 0 1", "0 2 1"]);
  });
  it("of size 1: 0, 1, −1, 2, 1/2, then all ones and all −1", () => {
    expect(take(vectorCandidates(F, 1), structuredVectorCount(1)).map(vec)).toEqual([["0"], ["1"], ["-1"], ["2"], ["1/2"], ["1"], ["-1"]]);
  });
  it("counts the structured vectors of each size exactly", () => {
    expect([1, 2, 3, 4].map(structuredVectorCount)).toEqual([7, 15, 27, 43]);
  });
  it("continue after the structured ones with 50 random vectors of the seed, then 50 of the next seed", () => {
    const s = structuredVectorCount(2);
    const tail = take(vectorCandidates(F, 2, 7), s + 100).slice(s).map(vec);
    const expected = [...fc.sample(vectorArb(F, 2), { seed: 7, numRuns: 50 }), ...fc.sample(vectorArb(F, 2), { seed: 8, numRuns: 50 })].map(vec);
    expect(tail).toEqual(expected);
    expect(tail.slice(0, 50)).not.toEqual(tail.slice(50));
  });
  it("use seed 42 when none is given", () => {
    const s = structuredVectorCount(2);
    expect(take(vectorCandidates(F, 2), s + 3).slice(s).map(vec)).toEqual(fc.sample(vectorArb(F, 2), { seed: 42, numRuns: 3 }).map(vec));
  });
});

describe("matrix candidates", () => {
  const square = [
    ["0 0", "0 0"],
    ["1 0", "0 1"],
    ["1 0", "0 0"], ["0 1", "0 0"], ["0 0", "1 0"], ["0 0", "0 1"],
    ["1 0", "1 0"], ["1 0", "-1 0"],
    ["1 1", "0 0"], ["1 -1", "0 0"],
    ["1 1", "1 1"],
    ["1 0", "0 1"], ["1 0", "0 -1"],
    ["0 1", "1 0"], ["0 1", "-1 0"],
    ["0 1", "0 1"], ["0 1", "0 -1"],
    ["0 0", "1 1"], ["0 0", "1 -1"],
  ];
  it("of shape 2 × 2: 0, I, the units, the first column's and first row's pairs, all ones, then the other pairs", () => {
    expect(structuredMatrixCount(2, 2)).toBe(11);
    expect(take(matrixCandidates(F, 2, 2), square.length).map((m) => mat(m).map((r) => r.join(" ")))).toEqual(square);
  });
  it("of shape 2 × 3: no identity, six units, one column pair, three row pairs", () => {
    expect(structuredMatrixCount(2, 3)).toBe(16);
    expect(structuredMatrixCount(3, 2)).toBe(16);
    expect(structuredMatrixCount(3, 3)).toBe(1 + 1 + 9 + 6 + 6 + 1);
    const ms = take(matrixCandidates(F, 2, 3), 16).map((m) => mat(m).map((r) => r.join(" ")).join(" / "));
    expect(ms).toEqual([
      "0 0 0 / 0 0 0",
      "1 0 0 / 0 0 0", "0 1 0 / 0 0 0", "0 0 1 / 0 0 0", "0 0 0 / 1 0 0", "0 0 0 / 0 1 0", "0 0 0 / 0 0 1",
      "1 0 0 / 1 0 0", "1 0 0 / -1 0 0",
      "1 1 0 / 0 0 0", "1 -1 0 / 0 0 0", "1 0 1 / 0 0 0", "1 0 -1 / 0 0 0", "0 1 1 / 0 0 0", "0 1 -1 / 0 0 0",
      "1 1 1 / 1 1 1",
    ]);
  });
  it("of shape 3 × 1: the first column's pairs for every a < c", () => {
    const ms = take(matrixCandidates(F, 3, 1), structuredMatrixCount(3, 1)).map((m) => mat(m).flat().join(" "));
    expect(ms).toEqual(["0 0 0", "1 0 0", "0 1 0", "0 0 1", "1 1 0", "1 -1 0", "1 0 1", "1 0 -1", "0 1 1", "0 1 -1", "1 1 1"]);
  });
  it("continue after the pairs with 50 random matrices of the seed, then 50 of the next seed", () => {
    const tail = take(matrixCandidates(F, 2, 2, 11), square.length + 100).slice(square.length).map(mat);
    const expected = [...fc.sample(matrixArb(F, 2, 2), { seed: 11, numRuns: 50 }), ...fc.sample(matrixArb(F, 2, 2), { seed: 12, numRuns: 50 })].map(mat);
    expect(tail).toEqual(expected);
  });
});

describe("scalar candidates", () => {
  it("are 0, 1, −1, 2, −2, 1/2, −1/2, 3, −3, 1/3, 3/2, 5, 10, then random scalars of the seed", () => {
    const xs = take(scalarCandidates(F, 3), 13 + 60).map((x) => F.serialize(x));
    expect(xs.slice(0, 13)).toEqual(["0", "1", "-1", "2", "-2", "1/2", "-1/2", "3", "-3", "1/3", "3/2", "5", "10"]);
    const expected = [...fc.sample(scalarArb(F), { seed: 3, numRuns: 50 }), ...fc.sample(scalarArb(F), { seed: 4, numRuns: 10 })].map((x) => F.serialize(x));
    expect(xs.slice(13)).toEqual(expected);
    expect(take(scalarCandidates(F), 14).map((x) => F.serialize(x))[13]).toBe(F.serialize(fc.sample(scalarArb(F), { seed: 42, numRuns: 1 })[0]!));
  });
});

describe("parameter candidates", () => {
  it("after the pass-through layers, give each layer's structured matrices side by side, at most eight", () => {
    const ps = take(paramsCandidates(F, [2, 2, 2], 5), 1 + 8 + 1).map((Ws) => Ws.map(mat));
    const structured = take(matrixCandidates(F, 2, 2), 8).map(mat);
    expect(ps[0]).toEqual([mat(take(matrixCandidates(F, 2, 2), 2)[1]!), mat(take(matrixCandidates(F, 2, 2), 2)[1]!)]);
    for (let k = 0; k < 8; k++) expect(ps[k + 1]).toEqual([structured[k], structured[k]]);
    expect(ps[9]).toEqual([mat(fc.sample(matrixArb(F, 2, 2), { seed: 5 + 97, numRuns: 1 })[0]!), mat(fc.sample(matrixArb(F, 2, 2), { seed: 5 + 194, numRuns: 1 })[0]!)]);
  });
  it("give only as many structured steps as the smallest layer has (1 × 1 layers: four), then random layers of their own seeds", () => {
    const ps = take(paramsCandidates(F, [1, 1, 1], 9), 1 + 4 + 2).map((Ws) => Ws.map((W) => mat(W).flat().join()));
    expect(ps.slice(0, 5)).toEqual([["1", "1"], ["0", "0"], ["1", "1"], ["1", "1"], ["1", "1"]]);
    const a = fc.sample(matrixArb(F, 1, 1), { seed: 9 + 97, numRuns: 2 }).map((W) => mat(W).flat().join());
    const b = fc.sample(matrixArb(F, 1, 1), { seed: 9 + 194, numRuns: 2 }).map((W) => mat(W).flat().join());
    expect(ps.slice(5)).toEqual([[a[0], b[0]], [a[1], b[1]]]);
  });
  it("of one 1 × 2 layer: the pass-through row is (1 0), the structured ones those of a 1 × 2 matrix", () => {
    const ps = take(paramsCandidates(F, [2, 1]), 1 + structuredMatrixCount(1, 2)).map((Ws) => Ws.map((W) => mat(W).flat().join(" ")));
    expect(ps).toEqual([["1 0"], ["0 0"], ["1 0"], ["0 1"], ["1 1"], ["1 -1"], ["1 1"]]);
  });
});

describe("permutations", () => {
  it("lists every permutation of 0..n−1 once, in lexicographic order, the identity first", () => {
    expect([...permutations(3)]).toEqual([[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]);
    const four = [...permutations(4)].map((p) => p.join(""));
    expect(four).toHaveLength(24);
    expect(new Set(four).size).toBe(24);
    expect(four).toEqual([...four].sort());
    expect(four[23]).toBe("3210");
  });
  it("of size 1 is the identity alone, of size 0 the empty permutation alone", () => {
    expect([...permutations(1)]).toEqual([[0]]);
    expect([...permutations(0)]).toEqual([[]]);
    expect([...permutations(2)]).toEqual([[0, 1], [1, 0]]);
  });
});

describe("group candidates", () => {
  const rows = (m: Matrix<unknown>) => mat(m).map((r) => r.join(" ")).join(" / ");
  it("of size 2: both permutations, the swap signed, the seven diagonals, the swap times each diagonal", () => {
    expect([...groupCandidates(F, 2)].map(rows)).toEqual([
      "1 0 / 0 1", "0 1 / 1 0",
      "0 -1 / 1 0", "0 -1 / -1 0",
      "-1 0 / 0 1", "2 0 / 0 1", "1/2 0 / 0 1", "1 0 / 0 -1", "1 0 / 0 2", "1 0 / 0 1/2", "1 0 / 0 2",
      "0 -1 / 1 0", "0 2 / 1 0", "0 1/2 / 1 0", "0 1 / -1 0", "0 1 / 2 0", "0 1 / 1/2 0", "0 1 / 2 0",
    ]);
  });
  it("of size 1: the identity and the diagonals −1, 2, 1/2, 1; of size 0: none", () => {
    expect([...groupCandidates(F, 1)].map(rows)).toEqual(["1", "-1", "2", "1/2", "1"]);
    expect([...groupCandidates(F, 0)]).toEqual([]);
  });
  it("of size 3: the six permutation matrices first, each with P[p(j)][j] = 1, then signed ones", () => {
    const xs = [...groupCandidates(F, 3)].map(rows);
    expect(xs.slice(0, 6)).toEqual([
      "1 0 0 / 0 1 0 / 0 0 1",
      "1 0 0 / 0 0 1 / 0 1 0",
      "0 1 0 / 1 0 0 / 0 0 1",
      "0 0 1 / 1 0 0 / 0 1 0",
      "0 1 0 / 0 0 1 / 1 0 0",
      "0 0 1 / 0 1 0 / 1 0 0",
    ]);
    expect(xs.slice(6, 8)).toEqual(["-1 0 0 / 0 0 1 / 0 1 0", "-1 0 0 / 0 0 -1 / 0 -1 0"]);
    const diags = 3 * 3 + 1;
    expect(xs).toHaveLength(6 + 2 * 5 + diags + 5 * diags);
    expect(xs[6 + 10 + diags - 1]).toBe("1 0 0 / 0 2 0 / 0 0 3");
  });
  it("of size 6 take only the first 120 permutations", () => {
    const n = 6;
    const diags = 3 * n + 1;
    let count = 0;
    for (const _ of groupCandidates(F, n)) count++;
    expect(count).toBe(120 + 2 * 119 + diags + 119 * diags);
  });
  it("name their kinds for the record", () => {
    expect(GROUP_CANDIDATE_KINDS).toBe("permutations, signed permutations, diagonal, monomial");
  });
});

describe("cached candidate lists", () => {
  it("are the first count candidates of the stream, computed once per size, count and seed", () => {
    const a = vectorCandidateList(F, 2, 20, 13);
    expect(a.map(vec)).toEqual(take(vectorCandidates(F, 2, 13), 20).map(vec));
    expect(vectorCandidateList(F, 2, 20, 13)).toBe(a);
    expect(vectorCandidateList(F, 2, 21, 13)).toHaveLength(21);
    expect(vectorCandidateList(F, 3, 20, 13)[0]!.data).toHaveLength(3);
    expect(vectorCandidateList(F, 2, 20, 14).map(vec)).toEqual(take(vectorCandidates(F, 2, 14), 20).map(vec));
    expect(vectorCandidateList(F, 2, 16).map(vec)[15]).toEqual(vec(fc.sample(vectorArb(F, 2), { seed: 42, numRuns: 1 })[0]!));
  });
  it("keep the exact and the float fields apart", () => {
    const G = floatContext().F;
    const exact = vectorCandidateList(F, 2, 10, 17);
    const float = vectorCandidateList(G, 2, 10, 17);
    expect(typeof float[9]!.data[0]).toBe("number");
    expect(typeof exact[9]!.data[0]).toBe("object");
    const em = matrixCandidateList(F, 2, 2, 5, 17);
    const fm = matrixCandidateList(G, 2, 2, 5, 17);
    expect(typeof fm[1]!.data[0]![0]).toBe("number");
    expect(typeof em[1]!.data[0]![0]).toBe("object");
  });
  it("of matrices are cached per shape, count and seed", () => {
    const a = matrixCandidateList(F, 2, 3, 18, 13);
    expect(a.map(mat)).toEqual(take(matrixCandidates(F, 2, 3, 13), 18).map(mat));
    expect(matrixCandidateList(F, 2, 3, 18, 13)).toBe(a);
    expect(matrixCandidateList(F, 3, 2, 18, 13)[0]!.rows).toBe(3);
    expect(matrixCandidateList(F, 2, 3, 19, 13)).toHaveLength(19);
    expect(matrixCandidateList(F, 2, 3, 18, 14).map(mat)).toEqual(take(matrixCandidates(F, 2, 3, 14), 18).map(mat));
    expect(matrixCandidateList(F, 1, 1, 5).map(mat)[4]).toEqual(mat(fc.sample(matrixArb(F, 1, 1), { seed: 42, numRuns: 1 })[0]!));
  });
});
