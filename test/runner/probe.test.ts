/**
 * Probing filter premises (`environmentArbitrary`, `src/runner/check.ts`): an equation premise
 * that random values rarely meet makes the runner look for a constructive generator of a square
 * matrix that meets it on every probe sample; only equations are probed, only unconstrained (or
 * merely invertible) square matrices are drawn from another generator, and the message says which.
 */
import { describe, expect, it } from "vitest";
import { environmentArbitrary, runWith, type EnvironmentPlan } from "../../src/runner/check.js";
import type { Constraint } from "../../src/runner/generators.js";
import type { AssignmentSpec, Env, PremiseSpec, PropertyModule, VariableSpec } from "../../src/runner/property.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import * as G from "../../src/semantics/groups.js";
import type { Matrix } from "../../src/semantics/value.js";

const base = { claimId: "T1", declaration: "Test.m", handWritten: true };
const N: VariableSpec = { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "ℕ" };
const square = (name: string, constraint: Constraint = "none"): VariableSpec => ({ name, key: name, type: { k: "mat", m: "n", n: "n" }, constraint, lean: "Mat n n α" });
const M = (v: Env, k: string): Matrix<never> => v[k] as unknown as Matrix<never>;
const orthogonal = (k: string) => ($: Runtime, v: Env): boolean => G.isOrthogonal($.ctx as never, M(v, k));
const permutation = (k: string) => ($: Runtime, v: Env): boolean => G.isPermutation($.F as never, M(v, k));

function mod(variables: VariableSpec[], premises: PremiseSpec<Env>[], assignments: AssignmentSpec<Env>[] = []): PropertyModule<Env> {
  return {
    meta: { declaration: "Test.m", claimId: "T1", source: "test", mode: "exact", statement: "P" },
    variables,
    assignments,
    premises,
    conclusion: () => true,
  };
}
const filter = (name: string, lean: string, holds: PremiseSpec<Env>["holds"]): PremiseSpec<Env> => ({ name, kind: "filter", lean, holds });
const exact = (): Runtime => new Runtime("exact", defaultRegistry);
function probed(m: PropertyModule<Env>): Record<string, string> {
  const p = environmentArbitrary(exact(), m, defaultRegistry) as EnvironmentPlan | string;
  if (typeof p === "string") throw new Error(p);
  return p.probed;
}

describe("probing filter premises", () => {
  it("draws a square matrix an equation premise constrains from the first generator that meets it on every sample, and says so", () => {
    const m = mod([N, square("K")], [filter("h", "Kᵀ * K = 1", orthogonal("K"))]);
    expect(probed(m)).toEqual({ K: "Sym.IsOrthogonal" });
    const r = runWith(exact(), defaultRegistry, m, { runs: 100, seed: 3 }, base);
    expect(r.status).toBe("passed");
    expect(r.skips).toBe(0);
    expect(r.message).toBe("h: filtered; K drawn from the generator of Sym.IsOrthogonal");
  });

  it("passes over a generator that meets the premise only sometimes (orthogonal for permutation matrices)", () => {
    expect(probed(mod([N, square("K")], [filter("h", "K * Kᵀ = 1 ∧ K = P", permutation("K"))]))).toEqual({ K: "Sym.IsPermMat" });
  });

  it("probes nothing when random values meet the premise at least half the time (exactly half included)", () => {
    // Random 2×2 matrices are not orthogonal; every other evaluation meets the premise anyway.
    const K2: VariableSpec = { name: "K", key: "K", type: { k: "mat", m: 2, n: 2 }, constraint: "none", lean: "Mat 2 2 α" };
    let k = 0;
    let calls = 0;
    const half = filter("h", "Kᵀ * K = 1", ($, v) => (calls++, k++ % 2 === 0 || orthogonal("K")($, v)));
    expect(probed(mod([K2], [half]))).toEqual({});
    // Twelve samples decided it: the rate was not measured again for a generator.
    expect(calls).toBe(12);
  });

  it("probes with twelve samples of a fixed seed per generator tried, so the choice is reproducible", () => {
    const seen: string[][] = [[], []];
    for (const i of [0, 1]) {
      const h = filter("h", "K = 2", (_$, v) => (seen[i]!.push(JSON.stringify(v["K"])), false));
      expect(probed(mod([N, square("K")], [h]))).toEqual({});
    }
    expect(seen[0]!.length).toBe(12 * 8);
    expect(seen[1]).toEqual(seen[0]);
  });

  it("starts each probe sample afresh: a failed ∃ search of one sample does not carry over", () => {
    const h = filter("h", "Kᵀ * K = 1", ($, v) => {
      const ok = !$.exhausted && orthogonal("K")($, v);
      $.exhausted = true;
      return ok;
    });
    expect(probed(mod([N, square("K")], [h]))).toEqual({ K: "Sym.IsOrthogonal" });
  });

  it("probes only equations: not an inequation, an order or a named predicate", () => {
    for (const lean of ["K ≠ 1", "Kᵀ * K = 1 ∧ 0 ≤ 1", "a < b ∨ K = 1", "Sym.IsOrthogonal K"]) expect(probed(mod([N, square("K")], [filter("h", lean, orthogonal("K"))]))).toEqual({});
  });

  it("probes only filter premises that can be decided", () => {
    const generated: PremiseSpec<Env> = { name: "h", kind: "generated", lean: "Kᵀ * K = 1", holds: orthogonal("K") };
    expect(probed(mod([N, square("K")], [generated]))).toEqual({});
    expect(probed(mod([N, square("K")], [{ name: "h", kind: "filter", lean: "Kᵀ * K = 1" }]))).toEqual({});
  });

  it("draws from another generator only unconstrained or merely invertible square matrices", () => {
    expect(probed(mod([N, square("K", "pred:Sym.IsInvertible")], [filter("h", "Kᵀ * K = 1", orthogonal("K"))]))).toEqual({ K: "Sym.IsOrthogonal" });
    expect(probed(mod([N, square("K", "pred:Sym.IsPosDiag")], [filter("h", "Kᵀ * K = 1", orthogonal("K"))]))).toEqual({});
    const rect: VariableSpec = { name: "K", key: "K", type: { k: "mat", m: "n", n: 2 }, constraint: "none", lean: "Mat n 2 α" };
    expect(probed(mod([N, rect], [filter("h", "Kᵀ * K = 1", orthogonal("K"))]))).toEqual({});
  });

  it("probes nothing when no generator meets the premise on every sample, and counts a premise that throws as not met", () => {
    expect(probed(mod([N, square("K")], [filter("h", "K = 2", () => false)]))).toEqual({});
    const throws = filter("h", "K = 2", () => {
      throw new Error("undefined");
    });
    expect(probed(mod([N, square("K")], [throws]))).toEqual({});
  });

  it("keeps a matrix chosen for one premise and probes another square matrix for the next", () => {
    const m = mod([N, square("K"), square("P")], [filter("h₁", "Kᵀ * K = 1", orthogonal("K")), filter("h₂", "P * Pᵀ = 1 ∧ P = Q", permutation("P"))]);
    expect(probed(m)).toEqual({ K: "Sym.IsOrthogonal", P: "Sym.IsPermMat" });
    // Both premises on the same matrix: the second does not redraw it.
    const same = mod([N, square("K")], [filter("h₁", "Kᵀ * K = 1", orthogonal("K")), filter("h₂", "K * Kᵀ = 1 ∧ K = P", permutation("K"))]);
    expect(probed(same)).toEqual({ K: "Sym.IsOrthogonal" });
  });

  it("evaluates the assignments before the premise in the probe", () => {
    // L := K; the premise speaks of L only.
    const L: VariableSpec = { name: "L", key: "L", type: { k: "mat", m: "n", n: "n" }, constraint: "none", lean: "Mat n n α" };
    const m = mod([N, square("K"), L], [filter("h", "Lᵀ * L = 1", orthogonal("L"))], [{ key: "L", value: (_$, v) => v["K"] as V }]);
    expect(probed(m)).toEqual({ K: "Sym.IsOrthogonal" });
  });
});
