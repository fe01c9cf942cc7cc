import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMutant, definedOnly } from "../../src/mutate/check.js";
import { mutantsOf, type Mutant } from "../../src/mutate/operators.js";
import { baselineProblem, classify } from "../../src/mutate/run.js";
import type { MutantTask } from "../../src/mutate/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { fixtureLibrary } from "./fixtures.js";

const root = path.resolve(import.meta.dirname, "../..");
const lib = fixtureLibrary();
const OPTS = { root, runs: 200, seed: 20261127, timeLimitMs: 3000 };

const task = (name: string, m: Mutant | undefined, index: number): MutantTask => {
  const d = lib.byName.get(name);
  if (!d || !d.parsed.ok) throw new Error(`no ${name}`);
  return { key: `test-${name}-${index}`, claimId: "P9", declaration: name, index, decl: m ? m.decl : d.parsed.value };
};
const mutant = (name: string, description: string): Mutant => {
  const d = lib.byName.get(name);
  const m = d ? mutantsOf(lib, defaultRegistry, d).find((x) => x.description === description) : undefined;
  if (!m) throw new Error(`no mutant ${description} of ${name}`);
  return m;
};

describe("mutants are checked by the numeric harness; only a re-checked counterexample kills", () => {
  it("the statement itself passes (the baseline its mutants are compared with)", async () => {
    const o = await checkMutant(lib, defaultRegistry, task("Sym.fx_assoc", undefined, -1), OPTS);
    expect(o.status).toBe("passed");
    expect(baselineProblem(o)).toBeUndefined();
  });

  it("kills a known-false mutant (swapped factors of a matrix product) with an exact counterexample", async () => {
    const m = mutant("Sym.fx_assoc", "`A * B` → `B * A`");
    const o = await checkMutant(lib, defaultRegistry, task("Sym.fx_assoc", m, 0), OPTS);
    expect(o.status).toBe("killed");
    expect(o.mode).toBe("exact");
    expect(o.counterexample).toBeTypeOf("object");
    expect(classify(o).class).toBe("killed");
  });

  it("a true mutant that no rule discards (`0 < a⁻¹ * a` for `a ≠ 0`) passes and is listed as equivalent?", async () => {
    const d = lib.byName.get("Sym.fx_sqpos");
    const m = d ? mutantsOf(lib, defaultRegistry, d).find((x) => x.text.endsWith(": 0 < a⁻¹ * a")) : undefined;
    if (!m) throw new Error("no mutant `0 < a⁻¹ * a`");
    expect(m.discard).toBeUndefined();
    const o = await checkMutant(lib, defaultRegistry, task("Sym.fx_sqpos", m, 1), OPTS);
    expect(o.status).toBe("passed");
    expect(o.undefinedSkipped ?? 0).toBe(0);
    expect(classify(o).class).toBe("equivalent?");
  });

  it("a dropped hypothesis that only matters where the harness divides by zero survives, labelled, never equivalent", async () => {
    const m = mutant("Sym.fx_inv", "drop `(ht : t ≠ 0)`");
    const o = await checkMutant(lib, defaultRegistry, task("Sym.fx_inv", m, 2), OPTS);
    expect(o.status).toBe("passed");
    expect(o.undefinedSkipped).toBeGreaterThan(0);
    const c = classify(o);
    expect(c.class).toBe("survived");
    expect(c.note).toMatch(/divided by zero/);
  });

  it("classifies outcomes: weak passes and unconfirmed counterexamples survive; an exact exhaustive pass is decided", () => {
    expect(classify({ status: "passed", runs: 300, premisesHeld: 12, seconds: 1 }).class).toBe("survived");
    expect(classify({ status: "unconfirmed", seconds: 1 }).class).toBe("survived");
    expect(classify({ status: "potential", seconds: 1 }).class).toBe("survived");
    expect(classify({ status: "passed", runs: 1, premisesHeld: 1, coverage: "exhaustive", mode: "exact", seconds: 0 })).toMatchObject({ class: "discarded", reason: "decided" });
    expect(baselineProblem({ status: "unsupported", message: "no generator", seconds: 0 })).toMatch(/does not check/);
  });

  it("skips inputs on which a premise or the conclusion divides by zero, and counts them", () => {
    const mod = {
      meta: { mode: "exact" },
      variables: [],
      assignments: [],
      premises: [],
      conclusion: () => {
        throw new Error("division by zero in exact inverse");
      },
    } as unknown as Parameters<typeof definedOnly>[0];
    const d = definedOnly(mod);
    const defined = d.module.premises.find((p) => p.name === "defined");
    expect(defined?.holds?.({ reset: () => {} } as never, {})).toBe(false);
    expect(d.skipped()).toBe(1);
  });
});
