import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import { rational } from "../../src/semantics/exact.js";
import { applyValue } from "../../src/semantics/ops.js";
import { arity, signature, unknownConstantMessage } from "../../src/semantics/registry.js";
import { fn, list, vector } from "../../src/semantics/value.js";
import { nestPairs } from "../../src/semantics/net.js";
import { transpose } from "../../src/semantics/matrix.js";
import * as Ops from "../../src/semantics/ops.js";
import type { Rational } from "../../src/semantics/exact.js";
import { Q, show } from "./helpers.js";

const range = { file: "lean/Sym/X.lean", line: 12, column: 5, endLine: 12, endColumn: 12 };

describe("the registry", () => {
  it("reports an unknown constant as SYM201 at its position", () => {
    const r = defaultRegistry.lookup("Sym.foo", range);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]?.code).toBe("SYM201");
    expect(r.diagnostics[0]?.message).toBe("no numeric semantics for `Sym.foo`");
    expect(r.diagnostics[0]?.range).toEqual(range);
    expect(unknownConstantMessage("Sym.foo", range)).toBe("no numeric semantics for `Sym.foo` (lean/Sym/X.lean:12:5)");
  });
  it("describes every entry", () => {
    for (const name of defaultRegistry.names()) {
      const e = defaultRegistry.get(name);
      expect(e?.doc.length, name).toBeGreaterThan(0);
      expect(e?.modes.length, name).toBeGreaterThan(0);
    }
    const mul = defaultRegistry.get("Sym.Mat.mul");
    expect(mul && signature(mul)).toBe("(A : Mat m n) → (B : Mat n p) → Mat m p");
    const basis = defaultRegistry.get("Sym.Mat.basis");
    expect(basis && arity(basis)).toBe(4);
  });
  it("calls matrix entries of Sym/Algebra/Matrix.lean", () => {
    const ctx = exactContext();
    const A = Q([[1, 2], [3, 4]]);
    expect(show(defaultRegistry.call(ctx, "Sym.Mat.mul", [A, A]))).toEqual([["7", "10"], ["15", "22"]]);
    expect(show(defaultRegistry.call(ctx, "Sym.Mat.basis", [2, 3, 1, 2]))).toEqual([["0", "0", "0"], ["0", "0", "1"]]);
    expect(show(defaultRegistry.call(ctx, "Sym.Vec.basis", [3, 0]))).toEqual(["1", "0", "0"]);
    expect(show(defaultRegistry.call(ctx, "Sym.Mat.of2", [rational(3, 5), rational(-4, 5), rational(4, 5), rational(3, 5)]))).toEqual(
      show(defaultRegistry.call(ctx, "Sym.rotMat", [])),
    );
    expect(defaultRegistry.call(ctx, "Sym.IsOrthogonal", [defaultRegistry.call(ctx, "Sym.rotMat", [])])).toBe(true);
    expect(show(defaultRegistry.call(ctx, "Sym.frobSq", [A]))).toBe("30");
    expect(show(defaultRegistry.call(ctx, "Sym.colMat", [2, 3, 1, vector([rational(5), rational(6)])]))).toEqual([
      ["0", "5", "0"],
      ["0", "6", "0"],
    ]);
  });
  it("sums a function over Fin n and maps a registered activation", () => {
    const ctx = exactContext();
    const v = vector([rational(-1), rational(2), rational(3, 2)]);
    const relu = defaultRegistry.value(ctx, "Sym.relu");
    expect(show(defaultRegistry.call(ctx, "Sym.Vec.map", [relu, v]))).toEqual(["0", "2", "3/2"]);
    const sq = defaultRegistry.call(ctx, "Sym.finSum", [3, defaultRegistry.value(ctx, "Sym.relu")]);
    expect(show(sq)).toBe("3"); // relu 0 + relu 1 + relu 2
  });
  it("treats GL elements as their matrices and permutations as permutation matrices", () => {
    const ctx = exactContext();
    const P = Q([[0, 1, 0], [0, 0, 1], [1, 0, 0]]); // p 0 = 2, p 1 = 0, p 2 = 1
    const toFun = defaultRegistry.call(ctx, "Sym.Perm.toFun", [P]);
    expect([0, 1, 2].map((j) => applyValue(ctx, toFun, [j]))).toEqual([2, 0, 1]);
    expect(defaultRegistry.call(ctx, "Sym.IsPermMat", [P])).toBe(true);
    expect(show(defaultRegistry.call(ctx, "Sym.GL.inv", [Q([[2, 0], [0, 4]])]))).toEqual([["1/2", "0"], ["0", "1/4"]]);
  });
  it("evaluates Sym.Net.map and Sym.Net.act on Lean's nested pairs", () => {
    const ctx = exactContext();
    const p = nestPairs<Rational>([Q([[1, 2]]), Q([[3], [4]])]); // (W₁, (W₂, ()))
    expect(show(p)).toEqual([[["1", "2"]], [[["3"], ["4"]], []]]);
    expect(show(defaultRegistry.call(ctx, "Sym.Net.map", [p]))).toEqual([["3", "6"], ["4", "8"]]);
    const K = nestPairs<Rational>([Q([[2]])]);
    const acted = defaultRegistry.call(ctx, "Sym.Net.act", [K, p]);
    expect(show(acted)).toEqual([[["2", "4"]], [[["3/2"], ["2"]], []]]);
    expect(show(defaultRegistry.call(ctx, "Sym.Net.map", [acted]))).toEqual([["3", "6"], ["4", "8"]]);
    expect(defaultRegistry.call(ctx, "Sym.Net.outWidth", [3, list<Rational>([2, 5])])).toBe(5);
    expect(show(defaultRegistry.call(ctx, "Sym.Mat.rectId", [2, 3]))).toEqual([["1", "0", "0"], ["0", "1", "0"]]);
  });
  it("multiplies and inverts layer-group tuples componentwise", () => {
    const ctx = exactContext();
    const K = nestPairs<Rational>([Q([[2]]), Q([[1, 1], [0, 1]])]);
    expect(show(Ops.mul(ctx, K, Ops.inv(ctx, K)))).toEqual([[["1"]], [[["1", "0"], ["0", "1"]], []]]);
  });
  it("checks isometries on a bounded set of matrices", () => {
    const ctx = exactContext();
    const frobSq = defaultRegistry.value(ctx, "Sym.frobSq");
    const l1 = defaultRegistry.value(ctx, "Sym.entryL1");
    const R = defaultRegistry.call(ctx, "Sym.rotMat", []);
    const S = Q([[0, -1], [1, 0]]);
    const twoI = Q([[2, 0], [0, 2]]);
    expect(defaultRegistry.call(ctx, "Sym.IsLeftIsometry", [3, frobSq, R])).toBe(true);
    expect(defaultRegistry.call(ctx, "Sym.IsRightIsometry", [3, frobSq, R])).toBe(true);
    expect(defaultRegistry.call(ctx, "Sym.IsLeftIsometry", [3, frobSq, twoI])).toBe(false);
    expect(defaultRegistry.call(ctx, "Sym.residualGroup", [1, l1, l1, S])).toBe(true);
    expect(defaultRegistry.call(ctx, "Sym.residualGroup", [1, l1, l1, R])).toBe(false);
    // unit columns that are not orthogonal: caught by the same-column pairs even for wide A (D = 5)
    const skewed = Q([[1, 0, 0], [0, 1, "3/5"], [0, 0, "4/5"]]);
    expect(defaultRegistry.call(ctx, "Sym.IsLeftIsometry", [5, frobSq, skewed])).toBe(false);
    expect(defaultRegistry.call(ctx, "Sym.IsRightIsometry", [5, frobSq, transpose(skewed)])).toBe(false);
    expect(defaultRegistry.call(ctx, "Sym.IsUnitarilyInvariant", [2, 2, frobSq])).toBe(true);
    expect(defaultRegistry.call(ctx, "Sym.IsUnitarilyInvariant", [2, 2, l1])).toBe(false);
    expect(show(defaultRegistry.call(ctx, "Sym.jacPenalty", [2, 3, frobSq, l1, Q([[1, 1]]), Q([[1], [-1]])]))).toBe("10");
  });
  it("runs sigmoid in float mode", () => {
    const ctx = floatContext();
    expect(defaultRegistry.call(ctx, "Sym.sigmoid", [0])).toBe(0.5);
    expect(defaultRegistry.get("Sym.sigmoid")?.modes).toEqual(["float"]);
  });
  it("keys constants and their partial applications for memoization", () => {
    const ctx = exactContext();
    const S = applyValue(ctx, defaultRegistry.value(ctx, "Sym.IsResidual"), [defaultRegistry.value(ctx, "Sym.relu")]);
    expect((S as { key?: string }).key).toBe("Sym.IsResidual (Sym.relu)");
    const anonymous = applyValue(ctx, defaultRegistry.value(ctx, "Sym.IsResidual"), [fnAnon]);
    expect((anonymous as { key?: string }).key).toBeUndefined();
    expect(defaultRegistry.call(ctx, "Sym.IsSubgroup", [S])).toBe(true);
    expect(defaultRegistry.call(ctx, "Sym.IsSubgroup", [S])).toBe(true);
  });
});

const fnAnon = fn<Rational>("anon", 1, ([x]) => x as Rational);
