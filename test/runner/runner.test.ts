import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "../../src/runner/driver.js";
import type { NumericFile } from "../../src/runner/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/runner/fixtures/Quantifiers.lean";
const text = readFileSync(path.join(root, file), "utf8");
const mutations = "test/runner/fixtures/Mutations.lean";
const mutationText = readFileSync(path.join(root, mutations), "utf8");
const SEED = 7;

const check = (name: string, runs = 300, previous?: NumericFile) =>
  checkSource(root, defaultRegistry, file, text, name, previous ? { runs, seed: SEED, previous } : { runs, seed: SEED });

describe("premises and quantifiers", () => {
  it("checks a ∀-premise through the contrapositive (true statement passes)", async () => {
    const r = await check("Sym.posMonomial_of_commutes");
    expect(r.status).toBe("passed");
    expect(r.message).toContain("hK: contrapositive");
  });

  it("finds a counterexample where the conclusion fails and no witness violates the premise", async () => {
    const r = await check("Sym.perm_of_commutes");
    expect(r.status).toBe("counterexample");
    const K = (r.counterexample as { K: string[][] }).K;
    // a positive diagonal matrix other than I: commutes with ReLU, is no permutation
    K.forEach((row, i) => row.forEach((x, j) => (i === j ? expect(x).toMatch(/^[1-9]\d*(\/[1-9]\d*)?$/) : expect(x).toBe("0"))));
    expect(K.some((row, i) => row[i] !== "1")).toBe(true);
  });

  it("defines a variable by an equation premise instead of filtering", async () => {
    const r = await check("Sym.balanced");
    expect(r).toMatchObject({ status: "passed", skips: 0 });
    expect(r.message).toContain("hb: assigned");
  });

  it("reports how often the premises held, and samples are never exhaustive", async () => {
    const r = await check("Sym.posMonomial_of_commutes", 200);
    expect(r.premisesHeld).toBe(r.runs - r.skips);
    expect(r.coverage).toBe("sampled");
    expect(r.interrupted).toBe(false);
  });

  it("selects a constructive generator for a premise by probing", async () => {
    const r = await check("Sym.frob_orth");
    expect(r).toMatchObject({ status: "passed", skips: 0 });
    expect(r.message).toContain("Sym.IsOrthogonal");
  });

  it("reports ∃ searches that find no witness as inconclusive, not as counterexamples", async () => {
    const r = await check("Sym.exists_neg", 50);
    // A failed search is no evidence: the record is inconclusive, never passed.
    expect(r.status).toBe("inconclusive");
    expect(r.message).toMatch(/inconclusive/);
  });

  it("turns a property that throws into status error with the message", async () => {
    const r = await check("Sym.throws");
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/^the property threw: division by zero/);
  });

  it("searches parameters inside a ∀-premise: P3.2b's invariance premise is refuted by pass-through parameters", async () => {
    const r = await check("Sym.residual_of_invariant", 60);
    expect(r.status).toBe("passed");
    expect(r.skips).toBeGreaterThan(0);
    expect(r.message).toContain("hK: contrapositive");
  });

  it("finds a counterexample to a false ∀ over parameters inside a statement", async () => {
    const r = await check("Sym.all_params_zero", 20);
    expect(r.status).toBe("counterexample");
  });

  it("generates matrices whose sizes are width functions (outWidth m ws, minWidth n (m :: ws))", async () => {
    const r = await check("Sym.pass_through", 100);
    expect(r).toMatchObject({ status: "passed", skips: 0, runs: 100 });
  });

  it("refuses a width function inside a statement's quantifier instead of guessing its size", async () => {
    const r = await check("Sym.inner_width", 10);
    expect(r.status).toBe("unsupported");
    expect(r.message).toMatch(/no generator for binder `C` of type `Mat \(Net.minWidth n \(m :: ws\)\) n α`/);
  });

  it("marks an unknown constant unsupported with its position", async () => {
    const r = await check("Sym.unknown");
    expect(r).toMatchObject({ status: "unsupported", runs: 0 });
    expect(r.message).toBe("no numeric semantics for `Sym.frobnicate` (test/runner/fixtures/Quantifiers.lean:30:27)");
  });
});

describe("replay of stored counterexamples", () => {
  it("replays a stored counterexample first, whatever the seed and run count", async () => {
    const first = await checkSource(root, defaultRegistry, mutations, mutationText, "Sym.two_lt", { runs: 1000, seed: 1 });
    expect(first.status).toBe("counterexample");
    const previous: NumericFile = { generatedAt: "", command: "", records: [first] };
    for (const seed of [2, 3, 4]) {
      const again = await checkSource(root, defaultRegistry, mutations, mutationText, "Sym.two_lt", { runs: 1, seed, previous });
      expect(again.status).toBe("counterexample");
      expect(again.counterexample).toEqual(first.counterexample);
    }
  });

  it("reports a stored counterexample that no longer refutes the statement", async () => {
    const previous: NumericFile = {
      generatedAt: "",
      command: "",
      records: [
        { claimId: "X1.1", declaration: "Sym.two_le", mode: "exact", status: "counterexample", runs: 1, skips: 0, seed: 1, seconds: 0, maxResidual: 0, handWritten: false, counterexample: { t: "1" } },
      ],
    };
    const r = await checkSource(root, defaultRegistry, mutations, mutationText, "Sym.two_le", { runs: 10, seed: 5, previous });
    expect(r.status).toBe("passed");
    expect(r.message).toMatch(/did not reproduce/);
  });

  it("is deterministic for a fixed seed", async () => {
    const a = await check("Sym.perm_of_commutes");
    const b = await check("Sym.perm_of_commutes");
    expect(b.counterexample).toEqual(a.counterexample);
    expect(b.path).toBe(a.path);
  });
});

describe("declaration selection", () => {
  it("skips a declaration the registry marks numeric: false even when its docstring names the claim", async () => {
    const { scanLibrary } = await import("../../src/parser/index.js");
    const { selectDeclarations } = await import("../../src/runner/select.js");
    const src = [
      "namespace Sym",
      "variable {α : Type} [Lean.Grind.Field α]",
      "/-- Z2: kept. -/",
      "theorem kept (a : α) : a + 0 = a := by grind",
      "/-- Z2: a lemma whose premise random inputs never meet. -/",
      "theorem skipped (a : α) (h : a * a = 2) : a * a * a = 2 * a := by grind",
      "/-- Z2: not listed, found by its docstring. -/",
      "theorem unlisted (a : α) : a * 1 = a := by grind",
      "end Sym",
    ].join("\n");
    const library = scanLibrary([{ file: "test/runner/fixtures/Select.lean", text: src }]);
    const claims = {
      claims: [
        {
          id: "Z2",
          section: "3.3",
          kind: "theorem" as const,
          title: "selection",
          paraphrase: "selection by the registry",
          truth: "true" as const,
          declarations: [
            { name: "Sym.kept", role: "statement" as const },
            { name: "Sym.skipped", role: "proof" as const, numeric: false },
          ],
          dependsOn: [],
          expected: "proved" as const,
        },
      ],
    };
    const { selected } = selectDeclarations(library, claims);
    expect(selected.map((s) => s.decl.name)).toEqual(["Sym.kept", "Sym.unlisted"]);
  });
  it("skips a declaration the registry marks numeric: false, even when its docstring names a claim", async () => {
    const { scanLibrary } = await import("../../src/parser/index.js");
    const { selectDeclarations } = await import("../../src/runner/select.js");
    const src = [
      "namespace Sym",
      "variable {α : Type} [Lean.Grind.Field α]",
      "/-- Z2: an existence statement checked elsewhere. -/",
      "theorem exists_zero {n : Nat} : ∃ v : Vec n α, v = v := sorry",
      "/-- Z2: the witness, checked. -/",
      "theorem witness_zero {n : Nat} (v : Vec n α) : v = v := sorry",
      "end Sym",
    ].join("\n");
    const library = scanLibrary([{ file: "test/runner/fixtures/Skip.lean", text: src }]);
    const claim = (numeric: boolean | undefined) => ({
      claims: [
        {
          id: "Z2",
          section: "3.1",
          kind: "remark" as const,
          title: "t",
          paraphrase: "p",
          truth: "true" as const,
          declarations: [
            numeric === undefined ? { name: "Sym.exists_zero", role: "statement" as const } : { name: "Sym.exists_zero", role: "statement" as const, numeric },
            { name: "Sym.witness_zero", role: "proof" as const },
          ],
          dependsOn: [],
          expected: "proved" as const,
        },
      ],
    });
    expect(selectDeclarations(library, claim(false)).selected.map((s) => s.decl.name)).toEqual(["Sym.witness_zero"]);
    expect(selectDeclarations(library, claim(undefined)).selected.map((s) => s.decl.name)).toEqual(["Sym.exists_zero", "Sym.witness_zero"]);
  });
});

describe("unfolding", () => {
  it("unfolds a Prop definition in the conclusion into generated variables", async () => {
    const r = await check("Sym.allScale");
    expect(r.status).toBe("passed");
    const mod = readFileSync(path.join(root, r.generatedFile ?? ""), "utf8");
    expect(mod).toContain('name: "v", key: "v_", type: { k: "vec", n: "n" }');
  });
});

describe("hand-written properties (the escape hatch)", () => {
  it("are at most five, flagged handWritten, and pass on the library", async () => {
    const { handWrittenProperties } = await import("../../src/runner/handwritten.js");
    const { readLibrary } = await import("../../src/runner/library.js");
    const { checkOne } = await import("../../src/runner/driver.js");
    expect(handWrittenProperties.size).toBeLessThanOrEqual(5);
    const library = readLibrary(root);
    for (const [name, mod] of handWrittenProperties) {
      const decl = library.byName.get(name);
      if (!decl) continue; // the Lean declaration was renamed: the selection reports it
      const r = await checkOne({ decl, claimId: mod.meta.claimId ?? "?", conjecture: false }, { root, library, registry: defaultRegistry, seed: SEED, runs: 100 });
      expect(r).toMatchObject({ status: "passed", handWritten: true, declaration: name });
    }
  });
});

describe("contrapositive with hypotheses inside the premise", () => {
  it("searches violating witnesses among the hypotheses' generators (no false counterexample)", async () => {
    const r = await check("Sym.leftInvariant_apply", 500);
    expect(r.status).toBe("passed");
    expect(r.skips).toBeGreaterThan(0);
    expect(r.message).toContain("hN: contrapositive");
  });
});
