/**
 * The default generators of binders, by type: the ranges they draw from (Nat values from 0, an
 * index of `Fin 1` is 0, the size and scalar options), the shapes of vectors, matrices and
 * parameters, the generated functions (activations, points of ℤ^d, affine maps, entrywise norms)
 * and the types that have no generator.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactContext } from "../../src/semantics/context.js";
import { T, type TypeSpec } from "../../src/semantics/types.js";
import { isList, isMatrix, isVector, matrix, vector, type FnValue, type Matrix, type Value, type Vector } from "../../src/semantics/value.js";
import { unnestMatrices, widths } from "../../src/semantics/net.js";
import { typeArb, UnresolvedDimensionError } from "../../src/generators/from-type.js";

const F = exactContext().F;
type Q = ReturnType<typeof F.fromInt>;
const SEED = 314;
const sample = (t: TypeSpec, dims: Record<string, number | number[]> = {}, opts = {}, numRuns = 200) => fc.sample(typeArb(F, t, dims, opts), { seed: SEED, numRuns });
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
const ser = (x: unknown) => F.serialize(x as Q);

describe("numbers", () => {
  it("a Nat value ranges over 0 … 5, 0 included", () => {
    expect(sorted(sample(T.nat) as number[])).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it("a Nat value follows the size options, the minimum too", () => {
    expect(sorted(sample(T.nat, {}, { size: { max: 2 } }) as number[])).toEqual([0, 1, 2]);
    expect(sorted(sample(T.nat, {}, { size: { min: 3, max: 4 } }) as number[])).toEqual([3, 4]);
  });
  it("an index of Fin n ranges over 0 … n − 1; of Fin 1 and Fin 0 it is 0", () => {
    expect(sorted(sample(T.fin(3)) as number[])).toEqual([0, 1, 2]);
    expect(sorted(sample(T.fin("n + 1"), { n: 3 }) as number[])).toEqual([0, 1, 2, 3]);
    expect(sorted(sample(T.fin(1)) as number[])).toEqual([0]);
    expect(sorted(sample(T.fin(0)) as number[])).toEqual([0]);
  });
  it("a scalar follows the scalar options", () => {
    expect([...new Set(sample(T.scalar, {}, { scalar: { max: 1, maxDenominator: 1 } }).map(ser))].sort()).toEqual(["-1", "0", "1"]);
    const wide = new Set(sample(T.scalar).map(ser));
    expect(wide.has("9")).toBe(true);
    expect([...wide].some((s) => s.endsWith("/4"))).toBe(true);
  });
});

describe("vectors, matrices and groups", () => {
  it("have the sizes of their resolved dimensions, size 1 included", () => {
    for (const v of sample(T.vec("n - 1"), { n: 3 }, {}, 10)) expect(isVector(v) && v.size).toBe(2);
    for (const v of sample(T.vec(1), {}, {}, 10)) expect(isVector(v) && v.size).toBe(1);
    for (const A of sample(T.mat("m", "n"), { m: 2, n: 3 }, {}, 10)) expect(isMatrix(A) && [A.rows, A.cols]).toEqual([2, 3]);
    for (const A of sample(T.mat(1, 1), {}, {}, 10)) expect(isMatrix(A) && [A.rows, A.cols]).toEqual([1, 1]);
    for (const K of sample(T.gl("n"), { n: 2 }, {}, 10)) expect(isMatrix(K) && [K.rows, K.cols]).toEqual([2, 2]);
    for (const P of sample(T.perm("n"), { n: 4 }, {}, 10)) expect(isMatrix(P) && [P.rows, P.cols]).toEqual([4, 4]);
  });
  it("draw their entries with the scalar options", () => {
    const opts = { scalar: { max: 0 } };
    for (const v of sample(T.vec(3), {}, opts, 10)) expect((v as Vector<Q>).data.map(ser)).toEqual(["0", "0", "0"]);
    for (const A of sample(T.mat(2, 2), {}, opts, 10)) expect((A as Matrix<Q>).data.flat().map(ser)).toEqual(["0", "0", "0", "0"]);
  });
  it("a permutation of size 3 is each of the six permutation matrices", () => {
    const seen = new Set(sample(T.perm(3)).map((P) => (P as Matrix<Q>).data.flat().map(ser).join("")));
    expect(seen.size).toBe(6);
  });
});

describe("lists, parameters and layer groups", () => {
  it("a List Nat has one to three widths from 1 to 4, or what the size options allow", () => {
    const ws = sample(T.natList).map((w) => (isList(w) ? (w.items as number[]) : []));
    expect(sorted(ws.map((w) => w.length))).toEqual([1, 2, 3]);
    expect(sorted(ws.flat())).toEqual([1, 2, 3, 4]);
    const small = sample(T.natList, {}, { size: { max: 2 } }).map((w) => (isList(w) ? (w.items as number[]) : []));
    expect(sorted(small.flat())).toEqual([1, 2]);
  });
  it("parameters without an input width take every width from the list, with the scalar options", () => {
    for (const p of sample(T.params("ws"), { ws: [2, 3, 1] }, { scalar: { max: 0 } }, 10)) {
      const Ws = unnestMatrices(p);
      expect(widths(Ws)).toEqual([2, 3, 1]);
      expect(Ws.flatMap((W) => W.data.flat()).every((x) => ser(x) === "0")).toBe(true);
    }
    for (const p of sample(T.params("ws", "n + 1"), { n: 1, ws: [3] }, {}, 5)) expect(widths(unnestMatrices(p))).toEqual([2, 3]);
  });
  it("a layer group of one layer has no hidden layers: the empty tuple", () => {
    for (const K of sample(T.layerGroup("ws"), { ws: [3] }, {}, 5)) expect(K).toEqual({ kind: "list", items: [] });
    for (const K of sample(T.layerGroup("[2, 3, 1]"), {}, {}, 5)) expect(unnestMatrices(K).map((M) => [M.rows, M.cols])).toEqual([[2, 2], [3, 3]]);
  });
  it("refuse an unknown dimension", () => {
    expect(() => typeArb(F, T.vec("p"), {})).toThrow(UnresolvedDimensionError);
    expect(() => typeArb(F, T.params("ws"), {})).toThrow(UnresolvedDimensionError);
    expect(() => typeArb(F, T.fin("k"), { n: 2 })).toThrow(UnresolvedDimensionError);
  });
});

describe("functions", () => {
  const call = (f: Value<Q>, x: Value<Q>) => (f as FnValue<Q>).apply([x]);
  it("an activation α → α, by itself or as a function type, is one of the mode's seven", () => {
    const names = new Set(sample(T.activation).map((f) => (f as FnValue<Q>).name));
    expect([...names].sort()).toEqual(["abs", "double", "id", "leakyRelu", "ratSigmoid", "relu", "succ"]);
    const viaFn = new Set(sample(T.fn([T.scalar], T.scalar)).map((f) => (f as FnValue<Q>).name));
    expect(viaFn).toEqual(names);
    const relu = sample(T.fn([T.scalar], T.scalar)).find((f) => (f as FnValue<Q>).name === "relu")!;
    expect(ser(call(relu, F.fromInt(-3)))).toBe("0");
    expect(ser(call(relu, F.fromInt(3)))).toBe("3");
  });
  it("a point of ℤ^d (Fin d → Int or Fin d → α) is a vector of d integers from −4 to 4", () => {
    for (const to of [T.scalar, T.nat]) {
      const vs = sample(T.fn([T.fin("d")], to), { d: 3 });
      for (const v of vs) expect(isVector(v) && v.size).toBe(3);
      expect([...new Set(vs.flatMap((v) => (v as Vector<Q>).data.map(ser)))].sort()).toEqual(["-1", "-2", "-3", "-4", "0", "1", "2", "3", "4"]);
    }
  });
  it("a map Vec n → Vec m is x ↦ W x + b, or an activation of it named after the activation", () => {
    const fs = sample(T.fn([T.vec("n")], T.vec("m")), { n: 2, m: 3 }) as FnValue<Q>[];
    const names = new Set(fs.map((f) => f.name));
    expect(names.has("x ↦ W x + b")).toBe(true);
    expect(names.has("x ↦ relu(W x + b)")).toBe(true);
    expect([...names].every((n) => /^x ↦ (W x \+ b|[A-Za-z]+\(W x \+ b\))$/.test(n))).toBe(true);
    const v = (a: number, b: number) => vector([F.fromInt(a), F.fromInt(b)]);
    const out = (f: FnValue<Q>, x: Vector<Q>) => (f.apply([x]) as Vector<Q>).data;
    let affine = 0;
    let rectified = 0;
    for (const f of fs) {
      expect(f.inputSize).toBe(2);
      expect(f.arity).toBe(1);
      expect(out(f, v(0, 0))).toHaveLength(3);
      if (f.name === "x ↦ W x + b") {
        // affine: f(2 e₀ − 3 e₁) = b + 2 (f(e₀) − b) − 3 (f(e₁) − b)
        affine++;
        const [b, c0, c1] = [out(f, v(0, 0)), out(f, v(1, 0)), out(f, v(0, 1))];
        const want = b.map((bi, i) => F.add(F.sub(F.mul(F.fromInt(2), c0[i]!), F.mul(F.fromInt(3), c1[i]!)), F.mul(F.fromInt(2), bi)));
        expect(out(f, v(2, -3)).map(ser)).toEqual(want.map(ser));
      }
      if (f.name === "x ↦ relu(W x + b)") {
        rectified++;
        for (const x of [v(5, -7), v(-9, 2), v(-4, -4), v(8, 8)]) for (const y of out(f, x)) expect(F.lt(y, F.zero)).toBe(false);
      }
    }
    expect(affine).toBeGreaterThan(0);
    expect(rectified).toBeGreaterThan(0);
    const someNonzeroBias = fs.filter((f) => f.name === "x ↦ W x + b").some((f) => out(f, v(0, 0)).some((y) => ser(y) !== "0"));
    expect(someNonzeroBias).toBe(true);
  });
  it("a generated map refuses anything but a vector", () => {
    const [f] = sample(T.fn([T.vec(2)], T.vec(2)), {}, {}, 1) as FnValue<Q>[];
    expect(() => f!.apply([])).toThrow("a generated map applies to a vector");
    expect(() => f!.apply([F.one])).toThrow("a generated map applies to a vector");
  });
  it("a map Mat m n → α is the squared Frobenius norm, the entrywise ℓ1 or ℓ∞ norm, each refusing a non-matrix", () => {
    const fs = sample(T.fn([T.mat(2, 2)], T.scalar)) as FnValue<Q>[];
    const byName = new Map(fs.map((f) => [f.name, f]));
    expect([...byName.keys()].sort()).toEqual(["entryL1", "entryLInf", "frobSq"]);
    const A = matrix([[F.fromInt(1), F.fromInt(-2)], [F.fromInt(3), F.fromInt(-4)]]);
    expect(ser(byName.get("frobSq")!.apply([A]))).toBe("30");
    expect(ser(byName.get("entryL1")!.apply([A]))).toBe("10");
    expect(ser(byName.get("entryLInf")!.apply([A]))).toBe("4");
    for (const [name, f] of byName) {
      expect(() => f.apply([])).toThrow(`${name} applies to a matrix`);
      expect(() => f.apply([vector([F.one])])).toThrow(`${name} applies to a matrix`);
    }
  });
  it("have no generator for several arguments, none, or other argument and result types", () => {
    expect(() => typeArb(F, T.fn([T.scalar, T.scalar], T.scalar), {})).toThrow("no generator for functions of several arguments");
    expect(() => typeArb(F, T.fn([], T.scalar), {})).toThrow("no generator for functions of several arguments");
    expect(() => typeArb(F, T.fn([T.vec(2)], T.scalar), {})).toThrow("no generator for functions vec → scalar");
    expect(() => typeArb(F, T.fn([T.scalar], T.vec(2)), {})).toThrow("no generator for functions scalar → vec");
    expect(() => typeArb(F, T.fn([T.fin(2)], T.vec(2)), {})).toThrow("no generator for functions fin → vec");
    expect(() => typeArb(F, T.fn([T.mat(2, 2)], T.nat), {})).toThrow("no generator for functions mat → nat");
    expect(() => typeArb(F, T.fn([T.vec(2)], T.mat(2, 2)), {})).toThrow("no generator for functions vec → mat");
  });
});

describe("types without a generator", () => {
  it("lists and propositions are refused by name", () => {
    expect(() => typeArb(F, T.list(T.scalar), {})).toThrow("no generator for values of type list");
    expect(() => typeArb(F, T.prop, {})).toThrow("no generator for values of type prop");
  });
});
