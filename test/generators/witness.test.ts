import { describe, expect, it } from "vitest";
import { relu } from "../../src/semantics/activation.js";
import { exactContext } from "../../src/semantics/context.js";
import { commutesAt } from "../../src/semantics/groups.js";
import { matrix } from "../../src/semantics/value.js";
import { pythagoreanRotation } from "../../src/semantics/rotation.js";
import { matrixCandidates, paramsCandidates, scalarCandidates, searchWitness, take, vectorCandidates } from "../../src/generators/witness.js";

const ctx = exactContext();
const F = ctx.F;

describe("witness search", () => {
  it("tries 0, then basis vectors, then their signs and sums", () => {
    const vs = take(vectorCandidates(F, 2), 7).map((v) => v.data.map((x) => F.serialize(x)));
    expect(vs).toEqual([["0", "0"], ["1", "0"], ["0", "1"], ["-1", "0"], ["0", "-1"], ["1", "1"], ["1", "-1"]]);
  });
  it("finds h = e_1 for −I ∉ G_ReLU on the second try", () => {
    const minusI = matrix([[F.neg(F.one), F.zero], [F.zero, F.neg(F.one)]]);
    const r = searchWitness(vectorCandidates(F, 2), (h) => !commutesAt(ctx, relu(F), minusI, h));
    expect(r.tried).toBe(2);
    expect(r.witness?.data.map((x) => F.serialize(x))).toEqual(["1", "0"]);
  });
  it("finds a violating h for the rotation R", () => {
    const r = searchWitness(vectorCandidates(F, 2), (h) => !commutesAt(ctx, relu(F), pythagoreanRotation(F), h));
    expect(r.witness?.data.map((x) => F.serialize(x))).toEqual(["0", "1"]);
  });
  it("stops at the budget, with seeded random candidates after the structured ones", () => {
    const r = searchWitness(vectorCandidates(F, 3), () => false, 500);
    expect(r.witness).toBeUndefined();
    expect(r.tried).toBe(500);
    const a = take(vectorCandidates(F, 3, 7), 100).map((v) => v.data.map((x) => F.serialize(x)).join());
    const b = take(vectorCandidates(F, 3, 7), 100).map((v) => v.data.map((x) => F.serialize(x)).join());
    expect(a).toEqual(b);
  });
  it("lists matrix and scalar candidates", () => {
    const ms = take(matrixCandidates(F, 2, 2), 3);
    expect(ms.map((m) => m.data.flat().map((x) => F.serialize(x)))).toEqual([
      ["0", "0", "0", "0"],
      ["1", "0", "0", "1"],
      ["1", "0", "0", "0"],
    ]);
    expect(take(scalarCandidates(F), 4).map((x) => F.serialize(x))).toEqual(["0", "1", "-1", "2"]);
  });
});

describe("parameter candidates (∀/∃ over Params inside a statement)", () => {
  it("start with the pass-through layers, have the layer shapes of the widths, and are seeded", () => {
    const all = [2, 3, 1];
    const ps = take(paramsCandidates(F, all, 5), 20);
    expect(ps).toHaveLength(20);
    for (const Ws of ps) expect(Ws.map((W) => [W.rows, W.cols])).toEqual([[3, 2], [1, 3]]);
    const first = ps[0]?.map((W) => W.data.flat().map((x) => F.serialize(x)));
    expect(first).toEqual([["1", "0", "0", "1", "0", "0"], ["1", "0", "0"]]);
    const again = take(paramsCandidates(F, all, 5), 20);
    expect(again.map((Ws) => Ws.map((W) => W.data.flat().map((x) => F.serialize(x))))).toEqual(ps.map((Ws) => Ws.map((W) => W.data.flat().map((x) => F.serialize(x)))));
    const distinct = new Set(ps.map((Ws) => JSON.stringify(Ws.map((W) => W.data.flat().map((x) => F.serialize(x))))));
    expect(distinct.size).toBeGreaterThan(15);
  });
});
