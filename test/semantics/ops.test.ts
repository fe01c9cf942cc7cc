import { describe, expect, it } from "vitest";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import { NonFiniteError, SemanticsTypeError } from "../../src/semantics/field.js";
import * as Ops from "../../src/semantics/ops.js";
import { fn, vector } from "../../src/semantics/value.js";
import type { Rational } from "../../src/semantics/exact.js";
import { Q, R, show } from "./helpers.js";

describe("operators on values", () => {
  const ctx = exactContext();
  it("parses numerals exactly", () => {
    expect(show(Ops.scalar(ctx, "3/5"))).toBe("3/5");
    expect(show(Ops.scalar(ctx, "-0.25"))).toBe("-1/4");
    expect(show(Ops.scalar(ctx, 7))).toBe("7");
  });
  it("dispatches * on kinds and coerces numerals", () => {
    const A = Q([[1, 2], [3, 4]]);
    expect(show(Ops.mul(ctx, A, A))).toEqual([["7", "10"], ["15", "22"]]);
    expect(show(Ops.mul(ctx, A, vector([ctx.F.one, ctx.F.zero])))).toEqual(["1", "3"]);
    expect(show(Ops.mul(ctx, 2, A))).toEqual([["2", "4"], ["6", "8"]]);
    expect(show(Ops.binaryOperators["/"]!(ctx, 1, 2))).toBe("1/2");
    expect(show(Ops.unaryOperators["⁻¹"]!(ctx, A))).toEqual([["-2", "1"], ["3/2", "-1/2"]]);
    expect(show(Ops.unaryOperators["ᵀ"]!(ctx, A))).toEqual([["1", "3"], ["2", "4"]]);
    expect(show(Ops.pow(ctx, A, -1))).toEqual([["-2", "1"], ["3/2", "-1/2"]]);
    expect(() => Ops.add(ctx, A, vector([ctx.F.one]))).toThrow(SemanticsTypeError);
  });
  it("applies functions, matrices and vectors to arguments", () => {
    const A = Q([[1, 2], [3, 4]]);
    expect(show(Ops.applyValue(ctx, A, [1, 0]) as never)).toBe("3");
    const add3 = fn<Rational>("add3", 3, (xs) => Ops.add(ctx, Ops.add(ctx, xs[0]!, xs[1]!), xs[2]!));
    const partial = Ops.applyValue(ctx, add3, [1]);
    expect(show(Ops.applyValue(ctx, partial, [2, 3]) as never)).toBe("6");
  });
  it("records the largest residual of float comparisons and fails on NaN", () => {
    const f = floatContext(1e-9);
    expect(Ops.eq(f, R([[1, 2]]), R([[1 + 1e-12, 2]]))).toBe(true);
    expect(f.maxResidual).toBeGreaterThan(0);
    expect(f.maxResidual).toBeLessThan(1e-11);
    expect(Ops.eq(f, R([[1, 2]]), R([[1, 2.5]]))).toBe(false);
    expect(f.maxResidual).toBe(0.5);
    expect(() => Ops.eq(f, R([[NaN]]), R([[NaN]]))).toThrow(NonFiniteError);
    expect(() => Ops.ne(f, 0 / 0, 1)).toThrow(NonFiniteError);
  });
  it("keeps Nat subtraction separate", () => {
    expect(Ops.natSub(2, 5)).toBe(0);
    expect(Ops.natDiv(7, 2)).toBe(3);
  });
});
