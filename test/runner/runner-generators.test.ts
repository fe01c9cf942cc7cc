/**
 * The runner's own generators (`src/runner/generators.ts`): square matrices under the mixed
 * constraints, the function-valued variables by shape (data sets, losses, matrix functionals,
 * linear and ReLU-linear maps) and the candidate lists of inner quantifiers. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activations, arbitraryFor, candidatesFor } from "../../src/runner/generators.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext } from "../../src/semantics/context.js";
import * as G from "../../src/semantics/groups.js";
import type { TypeSpec } from "../../src/semantics/types.js";
import { matrix, vector, type FnValue, type Matrix, type Value, type Vector } from "../../src/semantics/value.js";

const SEED = 41;
const ctx = exactContext();
const F = ctx.F;
type T = ReturnType<typeof F.fromInt>;
const sample = <X>(a: fc.Arbitrary<X> | undefined, n = 200): X[] => {
  if (!a) throw new Error("no arbitrary");
  return fc.sample(a, { seed: SEED, numRuns: n });
};
const fnOf = (spec: TypeSpec, dims: Record<string, number> = {}, n = 200): FnValue<T>[] => sample(arbitraryFor(ctx, defaultRegistry, spec, dims), n) as FnValue<T>[];
const q = (x: number): T => F.fromRatio(Math.round(x * 4), 4);
const vec = (...xs: number[]): Value<T> => vector(xs.map(q));
const num = (x: Value<T>): number => F.toNumber(x as T);
const vecT = (n: number | string): TypeSpec => ({ k: "vec", n });

describe("arbitraryFor: constrained square matrices", () => {
  const sq = (c: string, n = 2): Matrix<T>[] => sample(arbitraryFor(ctx, defaultRegistry, { k: "mat", m: "n", n: "n" }, { n }, c as never)) as Matrix<T>[];

  it("near the boundary: only invertible matrices, at the size of the dimension table", () => {
    const Ks = sq("boundary", 3);
    expect(Ks.every((K) => K.rows === 3 && K.cols === 3 && G.isInvertibleMatrix(F, K))).toBe(true);
  });

  it("mixed: random matrices (singular ones among them) and near-boundary ones (positive monomials among them)", () => {
    const Ks = sq("mixed");
    expect(Ks.every((K) => K.rows === 2 && K.cols === 2)).toBe(true);
    expect(Ks.some((K) => !G.isInvertibleMatrix(F, K))).toBe(true);
    expect(Ks.some((K) => G.isPositiveMonomial(F, K))).toBe(true);
  });

  it("mixed-invertible: invertible matrices only, near-boundary ones among them", () => {
    const Ks = sq("mixed-invertible");
    expect(Ks.every((K) => K.rows === 2 && G.isInvertibleMatrix(F, K))).toBe(true);
    expect(Ks.some((K) => G.isPositiveMonomial(F, K))).toBe(true);
    expect(Ks.some((K) => !G.isSignedPermutation(F, K))).toBe(true);
  });

  it("a constraint on a rectangular matrix is ignored: random matrices of its shape", () => {
    const Ks = sample(arbitraryFor(ctx, defaultRegistry, { k: "mat", m: 2, n: 3 }, {}, "pred:Sym.IsOrthogonal")) as Matrix<T>[];
    expect(Ks.every((K) => K.rows === 2 && K.cols === 3)).toBe(true);
  });

  it("an unconstrained square matrix is a random one, a constrained one of unknown size has no generator", () => {
    const Ks = sq("none");
    expect(Ks.some((K) => !G.isInvertibleMatrix(F, K))).toBe(true);
    expect(arbitraryFor(ctx, defaultRegistry, { k: "mat", m: "q", n: "q" }, {}, "boundary")).toBeUndefined();
  });
});

describe("arbitraryFor: function-valued variables", () => {
  it("a data set `Fin N → Vec D α` is a table of N rows of length D, named `data`", () => {
    for (const f of fnOf({ k: "fn", from: [{ k: "fin", n: "N" }], to: vecT("D") }, { N: 3, D: 2 }, 20)) {
      expect(f.name).toBe("data");
      expect(f.arity).toBe(1);
      const rows = [0, 1, 2].map((i) => f.apply([i as never]) as Vector<T>);
      expect(rows.map((r) => r.size)).toEqual([2, 2, 2]);
    }
    // The rows differ between tables.
    const firsts = fnOf({ k: "fn", from: [{ k: "fin", n: "N" }], to: vecT("D") }, { N: 3, D: 2 }, 40).map((f) => JSON.stringify(f.apply([0 as never])));
    expect(new Set(firsts).size).toBeGreaterThan(3);
  });

  it("a table of scalars `Fin N → α` gives one scalar per index", () => {
    for (const f of fnOf({ k: "fn", from: [{ k: "fin", n: 4 }], to: { k: "scalar" } }, {}, 10)) {
      expect(f.name).toBe("data");
      for (let i = 0; i < 4; i++) expect(typeof num(f.apply([i as never]))).toBe("number");
    }
  });

  it("a loss `Vec D α → Vec D α → α` is the squared distance, the ℓ1 distance or the dot product", () => {
    const fs = fnOf({ k: "fn", from: [vecT("D")], to: { k: "fn", from: [vecT("D")], to: { k: "scalar" } } }, { D: 2 }, 60);
    const a = vec(1, -2);
    const b = vec(3, 0.5);
    const want: Record<string, number> = { sqDist: 4 + 6.25, l1Dist: 2 + 2.5, dot: 3 - 1 };
    const names = new Set<string>();
    for (const f of fs) {
      names.add(f.name);
      expect(f.arity).toBe(2);
      expect(num(f.apply([a, b]))).toBe(want[f.name]);
    }
    expect([...names].sort()).toEqual(["dot", "l1Dist", "sqDist"]);
  });

  it("a matrix functional `Mat m n α → α` is the squared Frobenius norm, the ℓ1 norm, the largest entry in absolute value or the sum", () => {
    const fs = fnOf({ k: "fn", from: [{ k: "mat", m: 2, n: 2 }], to: { k: "scalar" } }, {}, 80);
    const A = matrix([
      [q(1), q(-3)],
      [q(0.5), q(2)],
    ]);
    const want: Record<string, number> = { frobSq: 1 + 9 + 0.25 + 4, l1: 6.5, maxAbs: 3, sum: 0.5 };
    const names = new Set<string>();
    for (const f of fs) {
      names.add(f.name);
      expect(num(f.apply([A]))).toBe(want[f.name]);
    }
    expect([...names].sort()).toEqual(["frobSq", "l1", "maxAbs", "sum"]);
    // The largest entry in absolute value of a matrix of negative entries is positive.
    const maxAbs = fs.find((f) => f.name === "maxAbs")!;
    expect(num(maxAbs.apply([matrix([[q(-1), q(-4)]])]))).toBe(4);
  });

  it("a map `Vec n α → Vec m α` is linear or ReLU of a linear map, with m outputs", () => {
    const fs = fnOf({ k: "fn", from: [vecT("n")], to: vecT("m") }, { n: 3, m: 2 }, 80);
    const names = new Set(fs.map((f) => f.name));
    expect([...names].sort()).toEqual(["linear", "relu∘linear"]);
    const x = vec(1, -2, 0.5);
    const y = vec(-3, 1, 2);
    const sum = vec(-2, -1, 2.5);
    let negatives = 0;
    for (const f of fs) {
      const fx = f.apply([x]) as Vector<T>;
      expect(fx.size).toBe(2);
      if (f.name === "linear") {
        // Additive: f(x + y) = f(x) + f(y).
        const fy = f.apply([y]) as Vector<T>;
        const fs_ = f.apply([sum]) as Vector<T>;
        fs_.data.forEach((v, i) => expect(F.toNumber(v)).toBe(F.toNumber(F.add(fx.data[i]!, fy.data[i]!))));
        negatives += fx.data.filter((v) => F.toNumber(v) < 0).length;
      } else expect(fx.data.every((v) => F.toNumber(v) >= 0)).toBe(true);
    }
    expect(negatives).toBeGreaterThan(0);
  });

  it("a map of an unknown size, or of several arguments, has no generator; other function types fall back to the type's generator", () => {
    expect(arbitraryFor(ctx, defaultRegistry, { k: "fn", from: [vecT("n")], to: vecT("m") }, { n: 2 })).toBeUndefined();
    expect(arbitraryFor(ctx, defaultRegistry, { k: "fn", from: [{ k: "fin", n: "N" }], to: vecT(2) }, {})).toBeUndefined();
    expect(arbitraryFor(ctx, defaultRegistry, { k: "fn", from: [{ k: "scalar" }, { k: "scalar" }], to: { k: "scalar" } }, {})).toBeUndefined();
    // Shapes neither the runner nor the type generators know.
    const none = (spec: TypeSpec): void => expect(arbitraryFor(ctx, defaultRegistry, spec, { n: 2, N: 2 })).toBeUndefined();
    none({ k: "fn", from: [{ k: "fin", n: "N" }], to: { k: "mat", m: 2, n: 2 } });
    none({ k: "fn", from: [vecT("n")], to: { k: "fn", from: [vecT("n")], to: vecT("n") } });
    none({ k: "fn", from: [vecT("n")], to: { k: "fn", from: [{ k: "scalar" }], to: { k: "scalar" } } });
    none({ k: "fn", from: [vecT("n")], to: { k: "fn", from: [vecT("n"), vecT("n")], to: { k: "scalar" } } });
    none({ k: "fn", from: [{ k: "mat", m: 2, n: 2 }], to: vecT("n") });
    none({ k: "fn", from: [], to: { k: "scalar" } });
    // `α → α`: an activation.
    const acts = fnOf({ k: "fn", from: [{ k: "scalar" }], to: { k: "scalar" } }, {}, 50);
    const names = new Set(activations(F).map((a) => (a as FnValue<T>).name));
    expect(acts.every((a) => names.has(a.name))).toBe(true);
  });
});

describe("candidatesFor: the candidates of an inner quantifier", () => {
  it("natural numbers 0 to 5 and indices of `Fin n`, up to the budget", () => {
    expect(candidatesFor(F, { k: "nat" }, 100, 1)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(candidatesFor(F, { k: "nat" }, 3, 1)).toEqual([0, 1, 2]);
    expect(candidatesFor(F, { k: "fin", n: 4 }, 100, 1)).toEqual([0, 1, 2, 3]);
    expect(candidatesFor(F, { k: "fin", n: 4 }, 2, 1)).toEqual([0, 1]);
    expect(candidatesFor(F, { k: "fin", n: "n" }, 5, 1)).toEqual([]);
  });

  it("scalars, vectors and matrices: exactly the budget, zero first, of the type's shape", () => {
    const xs = candidatesFor(F, { k: "scalar" }, 7, 1)!;
    expect(xs).toHaveLength(7);
    expect(num(xs[0]!)).toBe(0);
    const vs = candidatesFor(F, vecT(3), 9, 1) as Vector<T>[];
    expect(vs).toHaveLength(9);
    expect(vs.every((v) => v.size === 3)).toBe(true);
    expect(vs[0]!.data.every((x) => F.toNumber(x) === 0)).toBe(true);
    const Ms = candidatesFor(F, { k: "mat", m: 2, n: 3 }, 5, 1) as Matrix<T>[];
    expect(Ms).toHaveLength(5);
    expect(Ms.every((M) => M.rows === 2 && M.cols === 3)).toBe(true);
  });

  it("activations of the mode, up to the budget; no candidates for other types", () => {
    const names = (xs: Value<T>[] | undefined): string[] => (xs ?? []).map((a) => (a as FnValue<T>).name);
    const all = names(activations(F));
    expect(all.length).toBeGreaterThan(2);
    expect(names(candidatesFor(F, { k: "activation" }, 100, 1))).toEqual(all);
    expect(names(candidatesFor(F, { k: "activation" }, 2, 1))).toEqual(all.slice(0, 2));
    expect(candidatesFor(F, { k: "list", of: { k: "nat" } }, 5, 1)).toBeUndefined();
    expect(candidatesFor(F, { k: "prop" }, 5, 1)).toBeUndefined();
  });
});
