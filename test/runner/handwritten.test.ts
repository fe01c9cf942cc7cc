/**
 * The hand-written properties (`src/runner/handwritten.ts`) evaluated on chosen environments: each
 * builds the witness of its Lean proof or checks the rank condition it stands for, so each must
 * hold where the statement holds and fail on an environment that breaks it (a property that
 * cannot fail is no evidence).
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/runner/check.js";
import { handWrittenProperties } from "../../src/runner/handwritten.js";
import type { Env, PropertyModule } from "../../src/runner/property.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { list, matrix } from "../../src/semantics/value.js";

const $ = new Runtime("exact", defaultRegistry);
const q = (x: number): V => $.num(String(x));
const M = (rows: number[][], cols?: number): V => matrix(rows.map((r) => r.map((x) => q(x) as never)), cols) as unknown as V;
const I = (n: number): V => M(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))), n);
/** Nested parameter pairs `(W₁, (W₂, …))`. */
const params = (...Ws: V[]): V => Ws.reduceRight<V>((acc, W) => list([W as never, acc as never]) as unknown as V, list([]) as unknown as V);
const ws = (...xs: number[]): V => list(xs as never[]) as unknown as V;
const prop = (name: string): PropertyModule<Env> => {
  const m = handWrittenProperties.get(name);
  if (!m) throw new Error(`no hand-written property ${name}`);
  return m;
};
const outcome = (name: string, env: Env) => evaluate($, prop(name), env).outcome;

describe("R3.2a `Sym.Net.exists_map_eq_two_layers`: the proof's two-layer witness", () => {
  const name = "Sym.Net.exists_map_eq_two_layers";
  const A = (k: number, n: number): V => M(Array.from({ length: k }, (_, i) => Array.from({ length: n }, (_, j) => i * n + j + 1 - (i === j ? 5 : 0))), n);

  it("meets `map p = A` when n ≤ m (n = m included, k larger than both) and when k ≤ m < n", () => {
    expect(outcome(name, { n: 1, m: 2, k: 3, A: A(3, 1) })).toBe(true);
    expect(outcome(name, { n: 2, m: 2, k: 3, A: A(3, 2) })).toBe(true);
    expect(outcome(name, { n: 3, m: 2, k: 2, A: A(2, 3) })).toBe(true);
    expect(outcome(name, { n: 4, m: 2, k: 1, A: A(1, 4) })).toBe(true);
    // A middle width larger than both ends: `rectId` pads with zero rows and columns.
    expect(outcome(name, { n: 1, m: 3, k: 2, A: A(2, 1) })).toBe(true);
    expect(outcome(name, { n: 4, m: 3, k: 2, A: A(2, 4) })).toBe(true);
  });

  it("takes n ≤ m ∨ k ≤ m as its premise, equality included on either side", () => {
    expect(outcome(name, { n: 3, m: 2, k: 3, A: A(3, 3) })).toBe("skip");
    expect(outcome(name, { n: 2, m: 2, k: 4, A: A(4, 2) })).toBe(true);
    expect(outcome(name, { n: 4, m: 2, k: 2, A: A(2, 4) })).toBe(true);
  });
});

describe("R3.2b `Sym.Net.exists_factor_minWidth`: rank (map p) ≤ minWidth n ws", () => {
  const name = "Sym.Net.exists_factor_minWidth";
  it("holds at equality: a square identity network of full rank through width 2", () => {
    expect(outcome(name, { n: 2, ws: ws(2), p: params(I(2)) })).toBe(true);
    expect(outcome(name, { n: 2, ws: ws(3, 2), p: params(M([[1, 0], [0, 1], [1, 1]], 2), M([[1, 0, 0], [0, 1, 0]], 3)) })).toBe(true);
  });

  it("fails where the rank exceeds the smallest width (an environment that breaks the statement), the input width included", () => {
    expect(outcome(name, { n: 1, ws: ws(3), p: params(I(3)) })).toBe(false);
    expect(outcome(name, { n: 3, ws: ws(1, 3), p: params(I(3)) })).toBe(false);
  });

  it("refuses parameters whose map is not a matrix", () => {
    expect(() => outcome(name, { n: 1, ws: ws(1), p: q(1) })).toThrow();
  });
});

describe("R3.2c `Sym.Net.exists_ne_map_eq`: q := act (2 I, 1, …, 1) p", () => {
  const name = "Sym.Net.exists_ne_map_eq";
  const W1 = M([
    [1, 2],
    [0, 1],
    [3, 0],
  ]);
  const W2 = M([[1, -1, 2]]);

  it("meets q ≠ p ∧ map q = map p with one hidden layer, and with two", () => {
    expect(outcome(name, { n: 2, ws: ws(3, 1), p: params(W1, W2) })).toBe(true);
    const W3 = M([[2], [5]], 1);
    expect(outcome(name, { n: 2, ws: ws(3, 1, 2), p: params(W1, W2, W3) })).toBe(true);
  });

  it("needs a hidden layer (two widths at least) and a nonzero first layer", () => {
    expect(outcome(name, { n: 2, ws: ws(3), p: params(W1) })).toBe("skip");
    expect(outcome(name, { n: 2, ws: ws(3, 1), p: params(M([[0, 0], [0, 0], [0, 0]]), W2) })).toBe("skip");
    expect(() => outcome(name, { n: 2, ws: ws(3, 1), p: list([]) as unknown as V })).toThrow();
  });
});

describe("the table of hand-written properties", () => {
  it("keys each property by its declaration, with its claim", () => {
    const claims = Object.fromEntries([...handWrittenProperties].map(([k, m]) => [k, m.meta.claimId]));
    expect(claims).toMatchObject({ "Sym.Net.exists_map_eq_two_layers": "R3.2a", "Sym.Net.exists_factor_minWidth": "R3.2b", "Sym.Net.exists_ne_map_eq": "R3.2c" });
    for (const [k, m] of handWrittenProperties) expect(m.meta.declaration).toBe(k);
    expect(handWrittenProperties.size).toBe(5);
  });
});
