/**
 * The environment a property is run on (`environmentArbitrary`, `src/runner/check.ts`): which
 * variables are drawn as sizes and width lists, how compound dimensions reach the generators, the
 * empty `Fin 0`, the paired points of the unit circle and the integer variables. Hand-built
 * property modules, fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY_TYPE, environmentArbitrary, type EnvironmentPlan } from "../../src/runner/check.js";
import type { Constraint } from "../../src/runner/generators.js";
import type { Env, PropertyModule, VariableSpec } from "../../src/runner/property.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { unnestMatrices } from "../../src/semantics/net.js";
import type { TypeSpec } from "../../src/semantics/types.js";
import type { FnValue, Matrix, Value } from "../../src/semantics/value.js";

const variable = (name: string, type: TypeSpec, constraint: Constraint = "none", lean = "α"): VariableSpec => ({ name, key: `k_${name}`, type, constraint, lean });
const nat = (name: string): VariableSpec => variable(name, { k: "nat" }, "none", "ℕ");
const widths = (name: string): VariableSpec => variable(name, { k: "list", of: { k: "nat" } }, "none", "List ℕ");

function mod(variables: VariableSpec[], assigned: string[] = []): PropertyModule<Env> {
  return {
    meta: { declaration: "Test.env", claimId: "T1", source: "test", mode: "exact", statement: "P" },
    variables,
    assignments: assigned.map((key) => ({ key, value: ($) => $.num("0") })),
    premises: [],
    conclusion: () => true,
  };
}
const exact = (): Runtime => new Runtime("exact", defaultRegistry);
function plan(m: PropertyModule<Env>, $ = exact()): EnvironmentPlan {
  const p = environmentArbitrary($, m, defaultRegistry);
  if (typeof p === "string") throw new Error(`expected an environment, got: ${p}`);
  return p;
}
const sample = (m: PropertyModule<Env>, n = 40, $ = exact()): Env[] => fc.sample(plan(m, $).arbitrary, { numRuns: n, seed: 17 });
const items = (x: V): number[] => (x as unknown as { items: number[] }).items;
const mat = (x: V): Matrix<unknown> => x as unknown as Matrix<unknown>;
const apply = (f: V, ...args: unknown[]): Value<unknown> => (f as unknown as FnValue<unknown>).apply(args as Value<unknown>[]);

describe("environmentArbitrary: sizes and width lists", () => {
  it("draws a ℕ a vector type mentions as a size first, and sizes the vector by it", () => {
    const envs = sample(mod([nat("n"), variable("v", { k: "vec", n: "n" })]));
    for (const e of envs) expect((e["k_v"] as unknown as { size: number }).size).toBe(e["k_n"]);
    // Sizes are drawn from 0, and vary.
    expect(new Set(envs.map((e) => e["k_n"])).size).toBeGreaterThan(2);
  });

  it("draws the ℕ heads and the width list of a parameter type `m::ws` with input `d`: layer widths d, m, ws…", () => {
    const envs = sample(mod([nat("d"), nat("m"), widths("ws"), variable("W", { k: "params", widths: "m::ws", input: "d" })]));
    for (const e of envs) {
      const Ws = unnestMatrices(e["k_W"] as never);
      const all = [e["k_d"], e["k_m"], ...items(e["k_ws"] as V)];
      expect(Ws.length).toBe(all.length - 1);
      Ws.forEach((W, i) => {
        expect(W.cols).toBe(all[i]);
        expect(W.rows).toBe(all[i + 1]);
      });
    }
  });

  it("draws the ℕ head of a layer-group type `m::ws`: one invertible block per hidden width", () => {
    const envs = sample(mod([nat("m"), widths("ws"), variable("G", { k: "layerGroup", widths: "m::ws" })]));
    for (const e of envs) {
      const all = [e["k_m"] as number, ...items(e["k_ws"] as V)];
      const Ks = unnestMatrices(e["k_G"] as never);
      expect(Ks.map((K) => K.rows)).toEqual(all.slice(0, -1));
    }
  });

  it("draws the sizes a function type mentions only in its argument or only in its result", () => {
    const envs = sample(mod([nat("N"), nat("D"), variable("f", { k: "fn", from: [{ k: "fin", n: "N" }], to: { k: "vec", n: "D" } })]));
    for (const e of envs) {
      const N = e["k_N"] as number;
      for (let i = 0; i < N; i++) expect((apply(e["k_f"] as V, i) as { size: number }).size).toBe(e["k_D"]);
    }
  });

  it("resolves compound sizes (`n+1`, `2*m`, `n+12`, `d₁+1`) in function and constrained matrix generators", () => {
    const m = mod([
      nat("n"),
      nat("m"),
      nat("d₁"),
      variable("f", { k: "fn", from: [{ k: "fin", n: "n+1" }], to: { k: "vec", n: "d₁+1" } }),
      variable("g", { k: "fn", from: [{ k: "vec", n: "n+12" }], to: { k: "vec", n: "2*m" } }),
      variable("K", { k: "mat", m: "n+1", n: "n+1" }, "pred:Sym.IsOrthogonal"),
      variable("B", { k: "mat", m: "2*m", n: "2*m" }, "boundary"),
    ]);
    const $ = exact();
    for (const e of sample(m, 25, $)) {
      const n = e["k_n"] as number;
      const m2 = 2 * (e["k_m"] as number);
      expect((apply(e["k_f"] as V, n) as { size: number }).size).toBe((e["k_d₁"] as number) + 1);
      const x = $.F.zero;
      const input = { kind: "vec", size: n + 12, data: Array.from({ length: n + 12 }, () => x) };
      expect((apply(e["k_g"] as V, input) as { size: number }).size).toBe(m2);
      expect([mat(e["k_K"] as V).rows, mat(e["k_K"] as V).cols]).toEqual([n + 1, n + 1]);
      expect([mat(e["k_B"] as V).rows, mat(e["k_B"] as V).cols]).toEqual([m2, m2]);
    }
  });

  it("draws a width list no type mentions as layer widths (one to three widths of 1 to 4)", () => {
    const envs = sample(mod([widths("ws"), variable("x", { k: "scalar" })]), 60);
    const lengths = new Set<number>();
    for (const e of envs) {
      const ws = items(e["k_ws"] as V);
      lengths.add(ws.length);
      expect(ws.length).toBeGreaterThanOrEqual(1);
      expect(ws.length).toBeLessThanOrEqual(3);
      for (const w of ws) expect(w >= 1 && w <= 4).toBe(true);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });

  it("leaves an assigned size and an assigned width list to their assignments: neither is drawn", () => {
    const m = mod([nat("n"), widths("ws"), variable("v", { k: "vec", n: "n" }), variable("x", { k: "scalar" })], ["k_n", "k_ws", "k_v"]);
    for (const e of sample(m, 10)) expect(Object.keys(e).sort()).toEqual(["k_x"]);
  });

  it("marks an environment with a binder of type `Fin 0` empty, and fills the other binders only when it is not", () => {
    const zero = sample(mod([variable("i", { k: "fin", n: 0 }, "none", "Fin 0"), variable("x", { k: "scalar" })]), 5);
    for (const e of zero) expect(e[EMPTY_TYPE]).toBe(true);
    const sized = sample(mod([nat("n"), variable("i", { k: "fin", n: "n" }, "none", "Fin n")]), 60);
    expect(sized.some((e) => e["k_n"] === 0 && e[EMPTY_TYPE] === true)).toBe(true);
    for (const e of sized) {
      if (e["k_n"] === 0) expect(e["k_i"]).toBeUndefined();
      else {
        expect(e[EMPTY_TYPE]).toBeUndefined();
        expect(e["k_i"] as number).toBeLessThan(e["k_n"] as number);
      }
    }
  });

  it("says which variable has no generator", () => {
    expect(environmentArbitrary(exact(), mod([variable("v", { k: "vec", n: "q" }, "none", "Vec q α")]), defaultRegistry)).toBe("no generator for `v : Vec q α`");
    // Also when sizes are drawn first.
    const withSizes = mod([nat("n"), variable("v", { k: "vec", n: "n" }), variable("p", { k: "prop" }, "none", "Prop")]);
    expect(environmentArbitrary(exact(), withSizes, defaultRegistry)).toBe("no generator for `p : Prop`");
  });
});

describe("environmentArbitrary: circle pairs and integers", () => {
  it("draws two variables bound by `c² + s² = 1` as one rational point of the unit circle, under their own names", () => {
    const $ = exact();
    const m = mod([variable("c", { k: "scalar" }, "circle:k_s"), variable("s", { k: "scalar" }, "circle:k_c"), variable("x", { k: "scalar" })]);
    const envs = sample(m, 60, $);
    const F = $.F;
    const cs = new Set<string>();
    for (const e of envs) {
      expect(Object.keys(e).sort()).toEqual(["k_c", "k_s", "k_x"]);
      const c = e["k_c"] as never;
      const s = e["k_s"] as never;
      expect(F.eq(F.add(F.mul(c, c), F.mul(s, s)), F.one)).toBe(true);
      cs.add(String(F.toNumber(c)));
    }
    // Points off the axes too, not only (±1, 0) and (0, ±1).
    expect(cs.size).toBeGreaterThan(4);
  });

  it("draws `Int` and `ℤ` variables as integers from −6 to 6, the sign constraints restricting them", () => {
    const $ = exact();
    const m = mod([
      variable("a", { k: "scalar" }, "none", "Int"),
      variable("b", { k: "scalar" }, "none", "ℤ"),
      variable("p", { k: "scalar" }, "positive", "ℤ"),
      variable("q", { k: "scalar" }, "nonneg", "Int"),
      variable("r", { k: "scalar" }, "nonzero", "ℤ"),
    ]);
    const envs = sample(m, 200, $);
    const seen: Record<string, Set<number>> = { a: new Set(), b: new Set(), p: new Set(), q: new Set(), r: new Set() };
    for (const e of envs) {
      for (const k of Object.keys(seen)) {
        const x = e[`k_${k}`];
        expect(typeof x).toBe("number");
        expect(Number.isInteger(x)).toBe(true);
        seen[k]!.add(x as number);
      }
    }
    const range = (k: string): [number, number] => [Math.min(...seen[k]!), Math.max(...seen[k]!)];
    expect(range("a")).toEqual([-6, 6]);
    expect(range("b")).toEqual([-6, 6]);
    expect(range("p")).toEqual([1, 6]);
    expect(range("q")).toEqual([0, 6]);
    expect(range("r")).toEqual([-6, 6]);
    expect(seen["r"]!.has(0)).toBe(false);
  });
});
