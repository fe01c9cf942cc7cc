/**
 * Dimension expressions beyond the examples of `hypotheses.test.ts`: precedence and associativity
 * of Nat arithmetic (truncated subtraction), the names a variable may have, the width functions
 * with every kind of list argument, `List Nat` values, and the exact refusal of every malformed or
 * unknown expression.
 */
import { describe, expect, it } from "vitest";
import { resolveDim, resolveWidths, UnresolvedDimensionError } from "../../src/generators/dims.js";
import { list } from "../../src/semantics/value.js";

const dims = { n: 3, m: 2, k: 4, ws: [5, 1], "n'": 7, "n₁": 6, "a.b": 8, x_1: 9, one: 1 };

function refused(f: () => unknown, text: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UnresolvedDimensionError);
  expect((err as Error).name).toBe("UnresolvedDimensionError");
  expect((err as Error).message).toBe(`dimension \`${text}\` is not known`);
}

describe("Nat arithmetic of dimensions", () => {
  it("gives a number or a variable's size as it is", () => {
    expect(resolveDim(dims, 5)).toBe(5);
    expect(resolveDim(dims, 0)).toBe(0);
    expect(resolveDim(dims, "k")).toBe(4);
    expect(resolveDim(dims, "12")).toBe(12);
  });
  it("binds * tighter than + and −, on either side", () => {
    expect(resolveDim(dims, "1 + 2 * 3")).toBe(7);
    expect(resolveDim(dims, "2 * 3 + 1")).toBe(7);
    expect(resolveDim(dims, "k - 2 * m")).toBe(0);
    expect(resolveDim(dims, "(1 + 2) * 3")).toBe(9);
    expect(resolveDim(dims, "2 * 3 * 4")).toBe(24);
    expect(resolveDim(dims, "m*k+n")).toBe(11);
  });
  it("reads + and − from the left, truncating each subtraction at 0 as Nat does", () => {
    expect(resolveDim(dims, "10 - 2 + 3")).toBe(11);
    expect(resolveDim(dims, "n - 1 - 1")).toBe(1);
    expect(resolveDim(dims, "0 - 1 + 1")).toBe(1);
    expect(resolveDim(dims, "k - n")).toBe(1);
    expect(resolveDim(dims, "n - k")).toBe(0);
    expect(resolveDim(dims, "1 + 1 + 1 + 1")).toBe(4);
  });
  it("knows variables with primes, subscripts, dots and underscores", () => {
    expect(resolveDim(dims, "n' + 1")).toBe(8);
    expect(resolveDim(dims, "n₁ * 2")).toBe(12);
    expect(resolveDim(dims, "a.b - 1")).toBe(7);
    expect(resolveDim(dims, "x_1+one")).toBe(10);
  });
  it("refuses an unknown variable, a list where a number is wanted, and dangling or extra tokens, naming the whole expression", () => {
    refused(() => resolveDim(dims, "p + 1"), "p + 1");
    refused(() => resolveDim(dims, "ws"), "ws");
    refused(() => resolveDim(dims, "ws + 1"), "ws + 1");
    refused(() => resolveDim(dims, "n +"), "n +");
    refused(() => resolveDim(dims, "n n"), "n n");
    refused(() => resolveDim(dims, ""), "");
    refused(() => resolveDim(dims, "(n + 1"), "(n + 1");
    refused(() => resolveDim(dims, "(n + 1]"), "(n + 1]");
    refused(() => resolveDim(dims, "n + 1)"), "n + 1)");
    refused(() => resolveDim(dims, ")"), ")");
    refused(() => resolveDim({}, "n"), "n");
  });
  it("reads Greek letters in names, and refuses a character it has no token for instead of skipping it", () => {
    expect(resolveDim({ n: 3, nδ: 5 }, "(nδ) + 1")).toBe(6);
    expect(resolveDim({ α: 2 }, "α * α")).toBe(4);
    refused(() => resolveDim({ n: 3 }, "(nδ) + 1"), "(nδ) + 1");
    refused(() => resolveDim({ n: 3 }, "n !"), "n !");
    refused(() => resolveDim({ n: 3 }, "n² + 1"), "n² + 1");
    refused(() => resolveDim({ n: 3 }, "n % 2"), "n % 2");
    refused(() => resolveWidths({ n: 3 }, "[n; n]"), "[n; n]");
  });
});

describe("the network widths outWidth and minWidth", () => {
  it("take the last width, or the first argument of an empty list", () => {
    expect(resolveDim(dims, "outWidth n [m, k]")).toBe(4);
    expect(resolveDim(dims, "outWidth n [k, m]")).toBe(2);
    expect(resolveDim(dims, "outWidth n []")).toBe(3);
    expect(resolveDim(dims, "outWidth k (m :: ws)")).toBe(1);
    expect(resolveDim(dims, "outWidth k (m :: [])")).toBe(2);
    expect(resolveDim(dims, "outWidth (n + 1) []")).toBe(4);
  });
  it("take the smallest of the first argument and every width", () => {
    expect(resolveDim(dims, "minWidth n [k, m]")).toBe(2);
    expect(resolveDim(dims, "minWidth m [k, n]")).toBe(2);
    expect(resolveDim(dims, "minWidth k [n]")).toBe(3);
    expect(resolveDim(dims, "minWidth k []")).toBe(4);
    expect(resolveDim(dims, "minWidth n ws")).toBe(1);
    expect(resolveDim(dims, "2 * outWidth n [k]")).toBe(8);
  });
  it("read a List Nat value of the sizes drawn, and refuse one that holds anything but numbers", () => {
    const vs = { n: 3, vs: list<unknown>([6, 2, 5]), bad: list<unknown>([6, true]), num: 4 };
    expect(resolveDim(vs, "outWidth n vs")).toBe(5);
    expect(resolveDim(vs, "minWidth n vs")).toBe(2);
    expect(resolveWidths(vs, "vs")).toEqual([6, 2, 5]);
    expect(resolveWidths(vs, "n :: vs")).toEqual([3, 6, 2, 5]);
    refused(() => resolveDim(vs, "outWidth n bad"), "outWidth n bad");
    refused(() => resolveWidths(vs, "bad"), "bad");
    refused(() => resolveWidths(vs, "num"), "num");
    refused(() => resolveDim(vs, "outWidth n num"), "outWidth n num");
    refused(() => resolveDim(vs, "outWidth n nope"), "outWidth n nope");
  });
  it("refuse an unclosed list argument or a missing one", () => {
    refused(() => resolveDim(dims, "outWidth n (m :: ws"), "outWidth n (m :: ws");
    refused(() => resolveDim(dims, "outWidth n (m :: ws]"), "outWidth n (m :: ws]");
    refused(() => resolveDim(dims, "outWidth n"), "outWidth n");
    refused(() => resolveDim(dims, "minWidth n [m"), "minWidth n [m");
  });
});

describe("width lists", () => {
  it("are literal lists of Nat expressions, empty or not", () => {
    expect(resolveWidths(dims, "[]")).toEqual([]);
    expect(resolveWidths(dims, "[m]")).toEqual([2]);
    expect(resolveWidths(dims, "[m, k, n + 1, 2 * m]")).toEqual([2, 4, 4, 4]);
  });
  it("are cons chains of Nat expressions ending in a list", () => {
    expect(resolveWidths(dims, "m :: []")).toEqual([2]);
    expect(resolveWidths(dims, "n + 1 :: ws")).toEqual([4, 5, 1]);
    expect(resolveWidths(dims, "1 :: 2 :: [3]")).toEqual([1, 2, 3]);
    expect(resolveWidths(dims, "(n + 1) :: ws")).toEqual([4, 5, 1]);
    expect(resolveWidths(dims, "(m) :: [k]")).toEqual([2, 4]);
  });
  it("are a copy of a list variable's widths", () => {
    const own = { ws: [5, 1] };
    const got = resolveWidths(own, "ws") as number[];
    expect(got).toEqual([5, 1]);
    got.push(9);
    expect(own.ws).toEqual([5, 1]);
  });
  it("refuse a number, a lone Nat, a list without its end, extra tokens and an unknown list", () => {
    refused(() => resolveWidths(dims, 3), "3");
    refused(() => resolveWidths(dims, "n"), "n");
    refused(() => resolveWidths(dims, "3"), "3");
    refused(() => resolveWidths(dims, "m + 1"), "m + 1");
    refused(() => resolveWidths(dims, "[m, k"), "[m, k");
    refused(() => resolveWidths(dims, "[m k]"), "[m k]");
    refused(() => resolveWidths(dims, "[m, k] n"), "[m, k] n");
    refused(() => resolveWidths(dims, "m :: vs"), "m :: vs");
    refused(() => resolveWidths(dims, "ws :: []"), "ws :: []");
    refused(() => resolveWidths(dims, "m ::"), "m ::");
    refused(() => resolveWidths(dims, ""), "");
  });
});
