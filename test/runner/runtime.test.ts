/**
 * The runtime generated property modules call (`src/runner/runtime.ts`), method by method:
 * registry calls and their inferred sizes, projections, ascriptions, sizes, function equality,
 * and the bounded quantifiers (budgets, nesting, what counts as a found witness and what as a
 * failed search). Exact mode unless said otherwise; fixed seeds inside the runtime.
 */
import { describe, expect, it } from "vitest";
import { gramScalarRoot, Runtime, type Scalar, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import * as G from "../../src/semantics/groups.js";
import { Registry, type SemanticEntry } from "../../src/semantics/registry.js";
import { isMatrix, list, matrix, vector, type FnValue, type Matrix, type Vector } from "../../src/semantics/value.js";

const exact = (budgets = { forall: 24, exists: 96 }): Runtime => new Runtime("exact", defaultRegistry, budgets);
const $0 = exact();
const F = $0.F;
const q = (x: number, d = 1): Scalar => F.fromRatio(x, d);
const M = (rows: number[][], cols?: number): V => matrix(rows.map((r) => r.map((x) => q(x))), cols) as unknown as V;
const n = (x: V): number => F.toNumber(x as Scalar);
const mat = (x: V): Matrix<Scalar> => x as unknown as Matrix<Scalar>;

function registryWith(...entries: Array<Partial<SemanticEntry> & Pick<SemanticEntry, "name" | "impl">>): Registry {
  const r = new Registry();
  for (const e of entries) r.register({ implicitNats: [], params: [], result: { k: "scalar" }, modes: ["exact", "float"], doc: "test", ...e } as SemanticEntry);
  return r;
}

describe("Runtime.call: constants of the semantics registry", () => {
  it("says which constant has no semantics, with or without a registry", () => {
    expect(() => new Runtime("exact", undefined).call("Sym.foo", [])).toThrow("no numeric semantics for `Sym.foo`");
    expect(() => $0.call("Sym.noSuchConstant", [])).toThrow("no numeric semantics for `Sym.noSuchConstant`");
  });

  it("passes the implicit sizes inferred from matrix rows and columns, vector sizes and width lists, before the explicit arguments", () => {
    const seen: unknown[][] = [];
    const reg = registryWith({
      name: "T.f",
      implicitNats: ["m", "k", "d", "L"],
      params: [
        { name: "A", type: { k: "mat", m: "m", n: "k" } },
        { name: "v", type: { k: "vec", n: "d" } },
        { name: "p", type: { k: "params", widths: "L" } },
      ],
      impl: (_ctx, args) => (seen.push([...args]), 0 as never),
    });
    const $ = new Runtime("exact", reg);
    const A = M([[1, 2, 3]]);
    const v = vector([q(1), q(2)]) as unknown as V;
    const p = list([1, 2, 3, 4] as never[]) as unknown as V;
    $.call("T.f", [A, v, p]);
    expect(seen[0]!.slice(0, 4)).toEqual([1, 3, 2, 4]);
    expect(seen[0]!.slice(4)).toEqual([A, v, p]);
  });

  it("infers a size from a layer group's widths, and names the size it cannot infer", () => {
    const reg = registryWith(
      { name: "T.g", implicitNats: ["ws"], params: [{ name: "G", type: { k: "layerGroup", widths: "ws" } }], impl: (_c, args) => args[0] as never },
      { name: "T.h", implicitNats: ["n"], params: [{ name: "A", type: { k: "mat", m: "m", n: "k" } }], impl: () => 0 as never },
    );
    const $ = new Runtime("exact", reg);
    expect($.call("T.g", [list([M([[1]]), M([[2]])] as never[]) as unknown as V])).toBe(2);
    expect(() => $.call("T.h", [M([[1]])])).toThrow("cannot infer the size `n` of `T.h` from its arguments");
    // A vector where a matrix is expected gives nothing to infer from.
    expect(() => $.call("T.h", [vector([q(1)]) as unknown as V])).toThrow("cannot infer the size");
  });

  it("applies a constant given fewer arguments partially, and its result to more arguments", () => {
    const reg = registryWith(
      { name: "T.add", params: [{ name: "a", type: { k: "scalar" } }, { name: "b", type: { k: "scalar" } }], impl: (ctx, args) => ctx.F.add(args[0] as never, args[1] as never) as never },
      { name: "T.const", params: [{ name: "a", type: { k: "scalar" } }], impl: (_ctx, args) => ({ kind: "fn", name: "k", arity: 1, apply: () => args[0] }) as never },
    );
    const $ = new Runtime("exact", reg);
    const inc = $.call("T.add", [q(1) as V]) as unknown as FnValue<Scalar>;
    expect(inc.kind).toBe("fn");
    expect(inc.arity).toBe(1);
    expect(inc.name).toBe("T.add");
    expect(n($.apply(inc as unknown as V, [q(4) as V]))).toBe(5);
    expect(n($.call("T.const", [q(7) as V, q(100) as V]))).toBe(7);
  });
});

describe("Runtime: projections, widths, ascriptions, tables", () => {
  it("projects `.val`, `.toMat`, `.mat` to the value, `.inv` to the inverse, `.1`/`.2` to list items, and refuses others", () => {
    const A = M([
      [2, 0],
      [0, 4],
    ]);
    for (const f of ["val", "toMat", "mat"]) expect($0.proj(A, f)).toBe(A);
    expect(mat($0.proj(A, "inv")).data.map((r) => r.map((x) => F.toNumber(x)))).toEqual([
      [0.5, 0],
      [0, 0.25],
    ]);
    const pair = list([q(1), q(2)] as never[]) as unknown as V;
    expect(n($0.proj(pair, "1"))).toBe(1);
    expect(n($0.proj(pair, "2"))).toBe(2);
    expect(() => $0.proj(pair, "3")).toThrow("no numeric semantics for the field `.3`");
    expect(() => $0.proj(A, "1")).toThrow("no numeric semantics for the field `.1`");
    expect(() => $0.proj(pair, "x1")).toThrow("`.x1`");
  });

  it("builds width lists from heads and a tail (`null` for `[]`)", () => {
    expect(($0.widths([2 as V, q(3) as V], list([4, 5] as never[]) as unknown as V) as unknown as { items: number[] }).items).toEqual([2, 3, 4, 5]);
    expect(($0.widths([2 as V], null) as unknown as { items: number[] }).items).toEqual([2]);
    expect(($0.widths([2 as V], q(9) as V) as unknown as { items: number[] }).items).toEqual([2]);
  });

  it("ascribes a numeral a square matrix type as a scalar matrix, and `1` of a layer group as its identity blocks", () => {
    const two = mat($0.ascribe(q(2) as V, { k: "mat", m: 2 as V, n: 2 as V }));
    expect(two.data.map((r) => r.map((x) => F.toNumber(x)))).toEqual([
      [2, 0],
      [0, 2],
    ]);
    const one = mat($0.ascribe(1 as V, { k: "mat", m: 1 as V, n: 3 as V }));
    expect([one.rows, one.cols]).toEqual([1, 3]);
    expect(one.data[0]!.map((x) => F.toNumber(x))).toEqual([1, 0, 0]);
    const g = $0.ascribe(1 as V, { k: "layerGroup", widths: list([2, 3, 1] as never[]) as unknown as V }) as unknown as { items: unknown[] };
    const first = g.items[0] as Matrix<Scalar>;
    const second = (g.items[1] as { items: unknown[] }).items[0] as Matrix<Scalar>;
    expect([first.rows, second.rows]).toEqual([2, 3]);
    expect(((g.items[1] as { items: unknown[] }).items[1] as { items: unknown[] }).items).toEqual([]);
    // A matrix, a list or a scalar of another type is left as it is.
    const A = M([[1]]);
    expect($0.ascribe(A, { k: "mat", m: 1 as V, n: 1 as V })).toBe(A);
    const L = list([A] as never[]) as unknown as V;
    expect($0.ascribe(L, { k: "layerGroup", widths: list([1, 1] as never[]) as unknown as V })).toBe(L);
    expect($0.ascribe(q(2) as V, { k: "scalar" })).toEqual(q(2));
  });

  it("tabulates matrices and vectors entry by entry (numbers as scalars), and refuses a non-scalar entry", () => {
    const T = mat($0.tabulate(2 as V, 3 as V, (i, j) => (i as number) * 10 + (j as number)));
    expect([T.rows, T.cols]).toEqual([2, 3]);
    expect(T.data.map((r) => r.map((x) => F.toNumber(x)))).toEqual([
      [0, 1, 2],
      [10, 11, 12],
    ]);
    const v = $0.tabulateVec(3 as V, (i) => $0.num(String((i as number) + 1))) as unknown as Vector<Scalar>;
    expect(v.data.map((x) => F.toNumber(x))).toEqual([1, 2, 3]);
    expect(() => $0.tabulateVec(1 as V, () => M([[1]]))).toThrow("expected a scalar entry");
    const f = $0.lambda(2, (a, b) => $0.add(a, b)) as unknown as FnValue<Scalar>;
    expect([f.name, f.arity]).toEqual(["fun", 2]);
    expect(n(f.apply([q(1), q(2)] as never))).toBe(3);
  });

  it("reads sizes: rows, columns, vector and list lengths, `n + k`; refuses what is not a natural number", () => {
    const A = M([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([$0.rows(A), $0.cols(A)]).toEqual([2, 3]);
    expect(() => $0.rows(q(1) as V)).toThrow("expected a matrix");
    expect(() => $0.cols(q(1) as V)).toThrow("expected a matrix");
    expect($0.size(vector([q(1), q(2)]) as unknown as V)).toBe(2);
    expect($0.size(list([1, 2, 3] as never[]) as unknown as V)).toBe(3);
    expect(() => $0.size(A)).toThrow("expected a vector");
    expect($0.plus(3 as V, 2)).toBe(5);
    expect($0.nat(0 as V)).toBe(0);
    expect($0.nat(q(4) as V)).toBe(4);
    expect($0.nat(q(0) as V)).toBe(0);
    for (const bad of [-1, 1.5, q(-1), q(1, 2)]) expect(() => $0.nat(bad as V)).toThrow("expected a natural number");
    expect($0.truth(true as unknown as V)).toBe(true);
    expect($0.truth(false as unknown as V)).toBe(false);
    expect(() => $0.truth(q(1) as V)).toThrow("expected a proposition");
  });

  it("marks a function on square matrices with the size of its domain, and leaves other values", () => {
    const f = $0.lambda(1, (x) => x);
    expect(($0.onSquares(f, { k: "mat", m: 3 as V, n: 3 as V }) as unknown as FnValue<Scalar>).domainSize).toBe(3);
    expect($0.onSquares(f, { k: "scalar" })).toBe(f);
    expect($0.onSquares(q(1) as V, { k: "mat", m: 3 as V, n: 3 as V })).toEqual(q(1));
    expect(n($0.ite(true, () => q(1) as V, () => q(2) as V))).toBe(1);
    expect(n($0.ite(false, () => q(1) as V, () => q(2) as V))).toBe(2);
    expect(($0.tuple([q(1) as V]) as unknown as { items: unknown[] }).items).toHaveLength(1);
  });
});

describe("Runtime: equality of functions (sampled)", () => {
  it("compares functions on scalars at sampled inputs: equal maps are equal, maps differing at one sampled input are not", () => {
    const $ = exact();
    const double = $.lambda(1, (x) => $.add(x, x));
    const twice = $.lambda(1, (x) => $.mul($.num("2"), x));
    const sq = $.lambda(1, (x) => $.mul(x, x));
    expect($.eq(double, twice)).toBe(true);
    expect($.ne(double, twice)).toBe(false);
    // x + x and x·x agree at 0 and 2 only.
    expect($.eq(double, sq)).toBe(false);
    expect($.ne(double, sq)).toBe(true);
  });

  it("compares maps on vectors at the first size both accept, the empty vector last", () => {
    const $ = exact();
    const on = (size: number, f: (v: Vector<Scalar>) => V) =>
      $.lambda(1, (x) => {
        const v = x as unknown as Vector<Scalar>;
        if (v.kind !== "vec" || v.size !== size) throw new Error("size");
        return f(v);
      });
    const sum3 = on(3, (v) => v.data.reduce((a, b) => F.add(a, b), F.zero) as V);
    const sum3b = on(3, (v) => F.add(v.data[2]!, F.add(v.data[1]!, v.data[0]!)) as V);
    const first3 = on(3, (v) => v.data[0] as V);
    expect($.eq(sum3, sum3b)).toBe(true);
    expect($.eq(sum3, first3)).toBe(false);
    const empty = on(0, () => q(1) as V);
    expect($.eq(empty, on(0, () => q(1) as V))).toBe(true);
    expect($.eq(empty, on(0, () => q(2) as V))).toBe(false);
    expect(() => $.eq(on(2, () => q(0) as V), on(3, () => q(0) as V))).toThrow("functions cannot be compared numerically");
  });

  it("compares other values entry by entry", () => {
    expect($0.eq(M([[1, 2]]), M([[1, 2]]))).toBe(true);
    expect($0.ne(M([[1, 2]]), M([[1, 3]]))).toBe(true);
    expect($0.le(q(1) as V, q(1) as V)).toBe(true);
    expect($0.lt(q(1) as V, q(1) as V)).toBe(false);
  });
});

describe("Runtime: bounded quantifiers", () => {
  it("∀ samples exactly its budget at the top level, a quarter of it one level down (at least 4), and names the search", () => {
    const $ = exact({ forall: 32, exists: 96 });
    let outer = 0;
    let inner = 0;
    expect(
      $.forall({ k: "scalar" }, () => {
        outer++;
        return $.forall({ k: "scalar" }, () => (inner++, true));
      }),
    ).toBe(true);
    expect(outer).toBe(32);
    expect(inner).toBe(32 * 8);
    expect([...$.searches]).toEqual(["∀ scalar: 0, ±1, ±2, ±1/2, … then random, 32 samples"]);
    const small = exact({ forall: 6, exists: 96 });
    let deep = 0;
    small.forall({ k: "scalar" }, () => small.forall({ k: "scalar" }, () => (deep++, true)));
    expect(deep).toBe(6 * 4);
  });

  it("∀ stops at the first failing sample and is false; the depth is restored after a throw", () => {
    const $ = exact({ forall: 10, exists: 10 });
    let seen = 0;
    expect($.forall({ k: "nat" }, (k) => (seen++, (k as number) < 2))).toBe(false);
    expect(seen).toBe(3);
    expect(() =>
      $.forall({ k: "scalar" }, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    let count = 0;
    $.forall({ k: "scalar" }, () => (count++, true));
    expect(count).toBe(10);
  });

  it("∃ counts a found witness, and a search without one as failed and exhausted (no evidence either way)", () => {
    const $ = exact({ forall: 8, exists: 20 });
    expect($.exists({ k: "scalar" }, (x) => F.eq(x as Scalar, q(-1)))).toBe(true);
    expect($.foundWitnesses).toBe(1);
    expect($.exhausted).toBe(false);
    expect($.exists({ k: "scalar" }, () => false)).toBe(false);
    expect($.exhausted).toBe(true);
    expect($.failedSearches).toBe(1);
    expect($.foundWitnesses).toBe(1);
    expect([...$.searches]).toEqual(["∃ scalar: 0, ±1, ±2, ±1/2, … then random, budget 20"]);
    $.reset();
    expect($.exhausted).toBe(false);
    expect($.failedSearches).toBe(1);
  });

  it("∃ over ℕ tries the numbers past the small sizes up to its budget, in order", () => {
    const $ = exact({ forall: 8, exists: 20 });
    const tried: number[] = [];
    expect($.exists({ k: "nat" }, (k) => (tried.push(k as number), k === 19))).toBe(true);
    expect(tried).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect($.foundWitnesses).toBe(1);
    expect($.exists({ k: "nat" }, (k) => k === 20)).toBe(false);
    expect($.exhausted).toBe(true);
    // One level down: a quarter of the budget (5), so 19 is out of reach.
    $.reset();
    expect($.forall({ k: "nat" }, () => $.exists({ k: "nat" }, (k) => k === 4))).toBe(true);
    expect($.forall({ k: "nat" }, () => $.exists({ k: "nat" }, (k) => k === 5))).toBe(false);
  });

  it("∃ solved for a bound value: its value checked, a value that cannot be computed an inconclusive search", () => {
    const $ = exact();
    expect($.solved(() => q(3) as V, (x) => n(x) === 3)).toBe(true);
    expect($.foundWitnesses).toBe(1);
    expect($.solved(() => q(3) as V, (x) => n(x) === 4)).toBe(false);
    expect($.exhausted).toBe(false);
    expect($.failedSearches).toBe(0);
    expect(
      $.solved(
        () => {
          throw new Error("singular");
        },
        () => true,
      ),
    ).toBe(false);
    expect($.exhausted).toBe(true);
    expect($.failedSearches).toBe(1);
    expect([...$.searches]).toEqual(["∃ solved for a bound matrix from an equation of the body"]);
  });

  it("solves X Y = L and Y X = L for an invertible square Y, and refuses a singular or rectangular one", () => {
    const Y = M([
      [2, 0],
      [1, 1],
    ]);
    const L = M([
      [4, 2],
      [3, 5],
    ]);
    const X = $0.solveRight(L, Y);
    expect($0.eq($0.mul(X, Y), L)).toBe(true);
    const Z = $0.solveLeft(Y, L);
    expect($0.eq($0.mul(Y, Z), L)).toBe(true);
    expect($0.invertibleOrThrow(Y)).toBe(Y);
    const S = M([
      [1, 2],
      [2, 4],
    ]);
    expect(() => $0.solveRight(L, S)).toThrow("not an invertible square matrix");
    expect(() => $0.solveLeft(M([[1, 2]]), L)).toThrow("not an invertible square matrix");
    expect(() => $0.invertibleOrThrow(q(2) as V)).toThrow("not an invertible square matrix");
  });

  it("finds a witness among the ∃ candidates for the contrapositive check, or none", () => {
    const $ = exact({ forall: 8, exists: 12 });
    expect(n($.witness({ k: "scalar" }, (x) => F.lt(x as Scalar, F.zero))!)).toBeLessThan(0);
    expect($.witness({ k: "scalar" }, () => false)).toBeUndefined();
    expect($.exhausted).toBe(false);
  });
});

describe("Runtime: the candidates of a quantifier over matrices and parameters", () => {
  const sq = (k: number): { k: "mat"; m: V; n: V } => ({ k: "mat", m: k as V, n: k as V });

  it("square matrices: 0 and I first, then group elements alternating with generic candidates, the budget in all", () => {
    const $ = exact({ forall: 8, exists: 30 });
    const xs: Matrix<Scalar>[] = [];
    $.exists(sq(2), (x) => (xs.push(mat(x)), false));
    expect(xs).toHaveLength(30);
    expect(xs[0]!.data.flat().every((x) => F.toNumber(x) === 0)).toBe(true);
    expect(G.isPermutation(F, xs[1]! as never)).toBe(true);
    expect(xs[1]!.data[0]!.map((x) => F.toNumber(x))).toEqual([1, 0]);
    // Group elements (monomial matrices) at every other place after the first two.
    expect([2, 4, 6, 8].every((i) => G.isMonomial(F, xs[i]! as never))).toBe(true);
    expect([...$.searches][0]).toMatch(/^∃ square matrix: structured \(0, I, .*units E_ij and their sums\) then random, budget 30$/);
  });

  it("rectangular matrices and vectors: generic candidates only, named as such", () => {
    const $ = exact({ forall: 5, exists: 7 });
    const shapes: string[] = [];
    $.forall({ k: "mat", m: 2 as V, n: 3 as V }, (x) => (shapes.push(`${mat(x).rows}x${mat(x).cols}`), true));
    expect(shapes).toEqual(Array(5).fill("2x3"));
    $.forall({ k: "vec", n: 2 as V }, () => true);
    $.forall({ k: "fin", n: 3 as V }, () => true);
    expect([...$.searches]).toEqual([
      "∀ matrix: structured (0, units, sums and differences) then random, 5 samples",
      "∀ vector: structured (0, units, sums and differences) then random, 5 samples",
      "∀ fin: enumerated, 5 samples",
    ]);
  });

  it("matrices of a predicate: I first, then the generator's samples; every permutation first for a finite group", () => {
    const $ = exact({ forall: 8, exists: 10 });
    const xs: Matrix<Scalar>[] = [];
    $.exists(sq(2), (x) => (xs.push(mat(x)), false), "Sym.IsOrthogonal");
    expect(xs).toHaveLength(10);
    expect(xs[0]!.data.map((r) => r.map((x) => F.toNumber(x)))).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(xs.every((K) => G.isOrthogonal($.ctx as never, K as never))).toBe(true);
    const perms: Matrix<Scalar>[] = [];
    $.exists(sq(3), (x) => (perms.push(mat(x)), false), "Sym.IsPermMat");
    expect(perms.length).toBeGreaterThanOrEqual(6);
    expect(perms.slice(0, 6).every((P) => G.isPermutation(F, P as never))).toBe(true);
    expect(new Set(perms.slice(0, 6).map((P) => JSON.stringify(P.data.map((r) => r.map((x) => F.toNumber(x)))))).size).toBe(6);
    expect([...$.searches]).toEqual([
      "∃ matrix from the generator of Sym.IsOrthogonal (I first), budget 10",
      "∃ matrix: the structured group elements Sym.IsPermMat accepts (every permutation up to size 5), then its generator, budget 10",
    ]);
  });

  it("parameters: nested layer pairs of the widths, named as such; layer groups and parameters inside a search are refused", () => {
    const $ = exact({ forall: 4, exists: 6 });
    const shapes: number[][] = [];
    $.forall({ k: "params", widths: list([3, 1] as never[]) as unknown as V, input: 2 as V }, (p) => {
      const it = p as unknown as { items: unknown[] };
      const W1 = it.items[0] as Matrix<Scalar>;
      const W2 = (it.items[1] as { items: unknown[] }).items[0] as Matrix<Scalar>;
      shapes.push([W1.rows, W1.cols, W2.rows, W2.cols]);
      return true;
    });
    expect(shapes).toEqual(Array(4).fill([3, 2, 1, 3]));
    expect([...$.searches]).toEqual(["∀ parameters: pass-through, structured layers, then random, 4 samples"]);
    expect(() => $.forall({ k: "layerGroup", widths: list([2, 2] as never[]) as unknown as V }, () => true)).toThrow("cannot quantify over layerGroup inside a statement");
    expect(() => $.forall({ k: "prop" }, () => true)).toThrow("cannot quantify over prop");
  });

  it("draws the same candidates at the same site after a reset, different ones at the next site", () => {
    const $ = exact({ forall: 60, exists: 12 });
    const draw = (): string => {
      const xs: number[] = [];
      $.forall({ k: "scalar" }, (x) => (xs.push(n(x)), true));
      return xs.join(",");
    };
    $.reset();
    const a = draw();
    const b = draw();
    $.reset();
    expect(draw()).toBe(a);
    expect(b).not.toBe(a);
  });
});

describe("Runtime.gramRoot and gramScalarRoot: solutions of Kᵀ K = c I from an orthogonal Q", () => {
  const Q = M([
    [0, 1],
    [-1, 0],
  ]);
  const gram = (K: V): number[][] => mat($0.mul($0.transpose(K), K)).data.map((r) => r.map((x) => F.toNumber(x)));
  const gramT = (K: V): number[][] => mat($0.mul(K, $0.transpose(K))).data.map((r) => r.map((x) => F.toNumber(x)));

  it("scales Q by √c when c is a rational square, on the side the equation asks", () => {
    const K = $0.gramRoot(Q, q(9, 4) as V, true);
    expect(gram(K)).toEqual([
      [2.25, 0],
      [0, 2.25],
    ]);
    const L = $0.gramRoot(Q, M([[4, 0], [0, 4]]), false);
    expect(gramT(L)).toEqual([
      [4, 0],
      [0, 4],
    ]);
    expect(gram($0.gramRoot(Q, 4 as V, true))).toEqual([
      [4, 0],
      [0, 4],
    ]);
  });

  it("uses 2×2 blocks [[a, −b], [b, a]] with a² + b² = c when c is no square, at an even size", () => {
    const S = gramScalarRoot(F, q(2), 2)!;
    expect(gram(S)).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(gramT(S)).toEqual([
      [2, 0],
      [0, 2],
    ]);
    const S4 = mat(gramScalarRoot(F, q(5), 4)!);
    expect(gram(S4 as unknown as V)).toEqual([
      [5, 0, 0, 0],
      [0, 5, 0, 0],
      [0, 0, 5, 0],
      [0, 0, 0, 5],
    ]);
    // Off the 2×2 diagonal blocks: zeros.
    expect([S4.data[0]![2], S4.data[0]![3], S4.data[3]![0], S4.data[2]![1]].map((x) => F.toNumber(x!))).toEqual([0, 0, 0, 0]);
    expect(gramScalarRoot(F, q(2), 3)).toBeUndefined();
    expect(gramScalarRoot(F, q(-1), 2)).toBeUndefined();
    // 3 = a² + b² has no rational solution.
    expect(gramScalarRoot(F, q(3), 2)).toBeUndefined();
    expect(gram(gramScalarRoot(F, q(0), 2)!)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("leaves Q as it is when the right side is no scalar matrix of its size, or Q is not square", () => {
    expect($0.gramRoot(Q, M([[1, 0], [0, 2]]), true)).toBe(Q);
    expect($0.gramRoot(Q, M([[4, 0, 0], [0, 4, 0], [0, 0, 4]]), true)).toBe(Q);
    expect($0.gramRoot(Q, M([[4, 1], [0, 4]]), true)).toBe(Q);
    expect($0.gramRoot(Q, vector([q(1)]) as unknown as V, true)).toBe(Q);
    expect($0.gramRoot(Q, q(-4) as V, true)).toBe(Q);
    const R = M([[1, 0]]);
    expect($0.gramRoot(R, q(4) as V, true)).toBe(R);
    expect(isMatrix($0.gramRoot(Q, q(2) as V, true) as never)).toBe(true);
  });

  it("in float mode takes any c ≥ 0 as a square", () => {
    const $ = new Runtime("float", defaultRegistry);
    const S = gramScalarRoot($.F, $.F.fromNumber(2), 3)!;
    expect($.F.toNumber(mat(S).data[1]![1]!)).toBeCloseTo(Math.SQRT2, 12);
    expect(gramScalarRoot($.F, $.F.fromNumber(-2), 2)).toBeUndefined();
  });
});
