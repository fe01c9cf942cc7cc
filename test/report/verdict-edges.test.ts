/**
 * Edges of the verdict rules that the scenario tests did not pin down: what counts as weak or
 * passed, the numeric summary, which declaration proves a stated `def … : Prop`, and which
 * declarations count as refutations.
 */
import { describe, expect, it } from "vitest";
import type { DeclarationEvidence } from "../../src/report/types.js";
import { concludes, passed, premisesHeld, summarizeNumeric, weak } from "../../src/report/verdict.js";
import { rec, verdictOf, witnessOf } from "./scenario.js";

describe("weak, passed and the numeric summary", () => {
  it("only a passing record can be weak: a counterexample or an unsupported record with few runs is not", () => {
    expect(weak(rec("Sym.t", "counterexample", { runs: 3 }))).toBe(false);
    expect(weak(rec("Sym.t", "unsupported", { runs: 0 }))).toBe(false);
    expect(weak(rec("Sym.t", "error", { runs: 10 }))).toBe(false);
    expect(weak(rec("Sym.t", "passed", { runs: 10 }))).toBe(true);
  });

  it("a pass is weak below 1,000 runs with premises held, counted from premisesHeld or runs minus skips, unless exhaustive", () => {
    expect(weak(rec("Sym.t", "passed", { runs: 1000, skips: 1 }))).toBe(true);
    expect(weak(rec("Sym.t", "passed", { runs: 1001, skips: 1 }))).toBe(false);
    expect(weak(rec("Sym.t", "passed", { runs: 5000, skips: 0, premisesHeld: 999 }))).toBe(true);
    expect(premisesHeld(rec("Sym.t", "passed", { runs: 5000, skips: 7 }))).toBe(4993);
    expect(premisesHeld(rec("Sym.t", "passed", { runs: 5000, skips: 7, premisesHeld: 12 }))).toBe(12);
    expect(weak(rec("Sym.t", "passed", { runs: 1, coverage: "exhaustive" }))).toBe(false);
    expect(passed(rec("Sym.t", "passed", { runs: 1, coverage: "exhaustive" }))).toBe(true);
    expect(passed(rec("Sym.t", "passed", { runs: 1, skips: 1, coverage: "exhaustive" }))).toBe(false);
  });

  it("summarizes a harness error alone as an error", () => {
    expect(summarizeNumeric([rec("Sym.t", "harness-error")]).status).toBe("error");
    expect(summarizeNumeric([rec("Sym.t", "error")]).status).toBe("error");
  });

  it("counts only the weak records as weak, and every record's runs", () => {
    const s = summarizeNumeric([rec("Sym.a", "passed", { runs: 2000 }), rec("Sym.b", "passed", { runs: 10 }), rec("Sym.c", "counterexample", { runs: 5 })]);
    expect(s.weak).toBe(1);
    expect(s.runs).toBe(2015);
    expect(s.status).toBe("counterexample");
    expect(summarizeNumeric([rec("Sym.a", "passed", { runs: 2000 }), rec("Sym.b", "passed", { runs: 10 })])).toMatchObject({ status: "passed", weak: 1 });
    expect(summarizeNumeric([rec("Sym.b", "passed", { runs: 10 })])).toMatchObject({ status: "weak", weak: 1 });
    expect(summarizeNumeric([rec("Sym.b", "unsupported", { runs: 0 })])).toMatchObject({ status: "none", weak: 0 });
  });
});

describe("concludes: qualified or not", () => {
  const decl = (statement: string): DeclarationEvidence => ({ statement }) as DeclarationEvidence;
  it("a qualified head concludes the unqualified proposition of the same last component", () => {
    expect(concludes(decl(": Sym.HypA (fun x : Nat => x)"), "HypA")).toBe(true);
    expect(concludes(decl(": Sym.Inner.HypA f"), "Sym.HypA")).toBe(true);
    expect(concludes(decl(": Sym.HypAB f"), "HypA")).toBe(false);
  });
});

describe("which declaration proves a stated `def … : Prop`", () => {
  const P = { name: "Sym.P", kind: "def" as const };
  const concl = ": Sym.P (fun x : Nat => x)";

  it("a clean theorem of role proof whose conclusion is the proposition proves it", () => {
    const c = verdictOf({ decls: [P, { name: "Sym.p_holds", role: "proof", statement: concl }] });
    expect(c.verdict).toBe("proved");
    expect(c.reasons[0]).toBe("`Sym.P` kernel-checked");
  });

  it("a clean theorem of role statement whose conclusion is the proposition proves it", () => {
    expect(verdictOf({ decls: [P, { name: "Sym.p_holds", statement: concl }] }).verdict).toBe("proved");
  });

  it("a clean def of role proof with the proposition as its type does not prove it (only a theorem proves)", () => {
    const c = verdictOf({ decls: [P, { name: "Sym.p_term", role: "proof", kind: "def", statement: concl }], records: [rec("Sym.P", "passed")] });
    expect(c.verdict).toBe("supported");
    expect(c.parts[0]!.reasons[0]).toBe("`Sym.P` is stated in Lean (`def … : Prop`) and not proved");
  });

  it("a proof theorem whose own proof is sorry does not prove it", () => {
    const c = verdictOf({
      decls: [P, { name: "Sym.p_holds", role: "proof", statement: concl, usesSorry: true, module: "Sym.Q" }],
      modules: [{ name: "Sym.M" }, { name: "Sym.Q" }],
      records: [rec("Sym.P", "passed")],
    });
    expect(c.declarations.find((d) => d.name === "Sym.p_holds")!.stated).toBe(true);
    expect(c.verdict).toBe("supported");
    expect(c.parts[0]!.status).toBe("open");
    expect(c.parts[0]!.reasons[0]).toBe("`Sym.P` is stated in Lean (`def … : Prop`) and not proved");
  });

  it("a conditional theorem concluding it does not prove it: the claim is conditional", () => {
    const c = verdictOf({
      decls: [P, { name: "Sym.p_if", role: "conditional", statement: `(h : Sym.H) ${concl}` }, { name: "Sym.H", role: "hypothesis" }, witnessOf("Sym.H")],
      records: [rec("Sym.H", "passed")],
    });
    expect(c.verdict).toBe("conditional");
  });
});

describe("refutations count only as theorems", () => {
  it("a def listed with role refutation proves no negation: the claim stays supported by its numeric evidence", () => {
    const c = verdictOf({ truth: "false", decls: [{ name: "Sym.P", kind: "def" }, { name: "Sym.not_P", role: "refutation", kind: "def" }], records: [rec("Sym.P", "passed")] });
    expect(c.verdict).toBe("supported");
    expect(c.reasons.join(" ")).not.toContain("negation");
  });
});
