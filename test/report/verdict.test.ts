import { describe, expect, it } from "vitest";
import type { DeclarationEvidence } from "../../src/report/types.js";
import { decideVerdict, passed, weak } from "../../src/report/verdict.js";
import type { NumericRecord } from "../../src/runner/types.js";
import type { DeclRole } from "../../src/spec/types.js";

function decl(name: string, role: DeclRole, over: Partial<DeclarationEvidence> = {}): DeclarationEvidence {
  const isTheorem = over.isTheorem ?? ["statement", "proof", "refutation", "conditional"].includes(role);
  return {
    name,
    role,
    found: true,
    kind: isTheorem ? "theorem" : "def",
    module: "Sym.M",
    moduleStatus: "built",
    file: "lean/Sym/M.lean",
    line: 1,
    endLine: 2,
    statement: `theorem ${name} : True`,
    hash: "0123456789abcdef",
    fingerprint: "match",
    problems: [],
    ok: true,
    isTheorem,
    numericRequired: false,
    numericCounts: role !== "definition",
    ...over,
  };
}

function rec(declaration: string, status: NumericRecord["status"], over: Partial<NumericRecord> = {}): NumericRecord {
  return { claimId: "X3.1", declaration, mode: "exact", status, runs: 1000, skips: 0, seed: 42, seconds: 0.1, maxResidual: 0, handWritten: false, ...over };
}

const claim = (truth: "true" | "false" | "definition" | "informal" = "true", note?: string) => ({ id: "X3.1", truth, ...(note ? { note } : {}) });

describe("decideVerdict", () => {
  describe("proved", () => {
    it("a clean statement theorem with passing numeric evidence", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [rec("Sym.t", "passed")] });
      expect(v.verdict).toBe("proved");
      expect(v.outcome).toContain("Proved in Lean");
      expect(v.outcome).toContain("1000 runs, seed 42");
    });
    it("a clean statement theorem with no numeric evidence (does not apply)", () => {
      expect(decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [] }).verdict).toBe("proved");
    });
    it("unsupported numeric records do not count against a proof", () => {
      expect(decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [rec("Sym.t", "unsupported")] }).verdict).toBe("proved");
    });
    it("a statement that is only a `def … : Prop` is not a proof", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.C", "statement", { isTheorem: false, kind: "def" })], numeric: [] });
      expect(v.verdict).toBe("failing");
    });
  });

  describe("refuted", () => {
    it("a Lean refutation plus a numeric counterexample to the literal statement", () => {
      const v = decideVerdict({
        claim: claim("false", "What stays open: a sharper reading."),
        declarations: [decl("Sym.C", "statement", { isTheorem: false }), decl("Sym.not_C", "refutation")],
        numeric: [rec("Sym.C", "counterexample", { path: "1:0", counterexample: { x: "2" } })],
      });
      expect(v.verdict).toBe("refuted");
      expect(v.outcome).toContain("The literal statement is false");
      expect(v.outcome).toContain("What stays open");
    });
    it("a Lean refutation whose own numeric check passes (the witness is confirmed)", () => {
      const v = decideVerdict({ claim: claim("false"), declarations: [decl("Sym.not_C", "refutation")], numeric: [rec("Sym.not_C", "passed")] });
      expect(v.verdict).toBe("refuted");
    });
    it("a Lean refutation without any numeric counterexample is failing, not refuted", () => {
      expect(decideVerdict({ claim: claim("false"), declarations: [decl("Sym.not_C", "refutation")], numeric: [] }).verdict).toBe("failing");
    });
  });

  describe("suspect", () => {
    it("a numeric counterexample without a Lean refutation", () => {
      const v = decideVerdict({ claim: claim("false"), declarations: [decl("Sym.C", "statement", { isTheorem: false })], numeric: [rec("Sym.C", "counterexample", { path: "3" })] });
      expect(v.verdict).toBe("suspect");
      expect(v.reasons[0]).toContain("path 3");
    });
    it("a counterexample recorded on a declaration the registry does not list counts as one on the claim", () => {
      expect(decideVerdict({ claim: claim(), declarations: [], numeric: [rec("Sym.hand", "counterexample")] }).verdict).toBe("suspect");
    });
  });

  describe("conditional", () => {
    const decls = [
      decl("Sym.cond", "conditional"),
      decl("Sym.HA", "hypothesis", { isTheorem: false }),
      decl("Sym.HB", "hypothesis", { isTheorem: false }),
      decl("Sym.ha_inst", "witness", { kind: "instance", statement: ": HA f" }),
      decl("Sym.hb_inst", "witness", { kind: "theorem", statement: ": Sym.HB g" }),
    ];
    it("a conditional proof whose hypotheses each pass a numeric check", () => {
      const v = decideVerdict({ claim: claim("true", "The hypotheses are analytic facts."), declarations: decls, numeric: [rec("Sym.HA", "passed"), rec("Sym.HB", "passed", { seed: 7 })] });
      expect(v.verdict).toBe("conditional");
      expect(v.outcome).toContain("assuming `Sym.HA`, `Sym.HB`");
      expect(v.outcome).toContain("not proved");
    });
    it("is failing when a hypothesis has no numeric evidence", () => {
      const v = decideVerdict({ claim: claim(), declarations: decls, numeric: [rec("Sym.HA", "passed")] });
      expect(v.verdict).toBe("failing");
      expect(v.reasons.join("; ")).toContain("hypothesis `Sym.HB` has no numeric evidence");
    });
    it("is not conditional when a hypothesis has no Lean witness (the proof may be vacuous), and says which", () => {
      const v = decideVerdict({ claim: claim(), declarations: decls.filter((d) => d.name !== "Sym.hb_inst"), numeric: [rec("Sym.HA", "passed"), rec("Sym.HB", "passed")] });
      expect(v.verdict).toBe("failing");
      expect(v.parts[0]!.status).toBe("open");
      expect(v.reasons.join("; ")).toContain("hypothesis `Sym.HB` has no Lean witness");
    });
    it("a witness counts only for the hypothesis its statement names", () => {
      const wrong = [...decls.filter((d) => d.role !== "witness"), decl("Sym.w", "witness", { statement: ": HAB f" }), decl("Sym.w2", "witness", { statement: ": Sym.HA f" })];
      const v = decideVerdict({ claim: claim(), declarations: wrong, numeric: [rec("Sym.HA", "passed"), rec("Sym.HB", "passed")] });
      expect(v.reasons.join("; ")).toContain("`Sym.HB` has no Lean witness");
      expect(v.reasons.join("; ")).not.toContain("`Sym.HA` has no Lean witness");
    });
    it("a hypothesis with only weak numeric evidence is not evidence", () => {
      const v = decideVerdict({ claim: claim(), declarations: decls, numeric: [rec("Sym.HA", "passed"), rec("Sym.HB", "passed", { runs: 400, interrupted: true })] });
      expect(v.verdict).toBe("failing");
      expect(v.reasons.join("; ")).toContain("only weak numeric evidence");
    });
    it("is failing when a hypothesis is false numerically", () => {
      const v = decideVerdict({ claim: claim(), declarations: decls, numeric: [rec("Sym.HA", "passed"), rec("Sym.HB", "counterexample")] });
      expect(v.verdict).toBe("failing");
    });
    it("is failing when the registry names no hypothesis", () => {
      expect(decideVerdict({ claim: claim(), declarations: [decl("Sym.cond", "conditional")], numeric: [] }).verdict).toBe("failing");
    });
  });

  describe("supported", () => {
    it("numeric evidence only, worded as no proof", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.C", "statement", { isTheorem: false })], numeric: [rec("Sym.C", "passed", { runs: 1500, seed: 9 })] });
      expect(v.verdict).toBe("supported");
      expect(v.outcome).toMatch(/^Not proved\. Supported by numeric evidence only: 1500 runs, seed 9/);
      expect(v.parts[0]!.status).toBe("open");
    });
  });

  describe("definition", () => {
    it("a definition with a clean Lean definition", () => {
      expect(decideVerdict({ claim: claim("definition"), declarations: [decl("Sym.Net", "definition", { isTheorem: false })], numeric: [] }).verdict).toBe("definition");
    });
    it("a definition with no Lean declaration is failing", () => {
      expect(decideVerdict({ claim: claim("definition"), declarations: [], numeric: [] }).verdict).toBe("failing");
    });
    it("a definition whose basic lemma has a counterexample is a conflict", () => {
      const v = decideVerdict({ claim: claim("definition"), declarations: [decl("Sym.Net", "definition", { isTheorem: false }), decl("Sym.net_lemma", "proof")], numeric: [rec("Sym.net_lemma", "counterexample")] });
      expect(v.verdict).toBe("conflict");
    });
  });

  describe("out-of-scope", () => {
    it("an informal claim, with its reason", () => {
      const v = decideVerdict({ claim: claim("informal", "An informal remark about training."), declarations: [], numeric: [] });
      expect(v.verdict).toBe("out-of-scope");
      expect(v.outcome).toBe("Out of scope: An informal remark about training.");
    });
  });

  describe("failing", () => {
    it("a declaration missing from out/proofs.json", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement", { found: false, ok: false, problems: ["missing from out/proofs.json"] })], numeric: [] });
      expect(v.verdict).toBe("failing");
      expect(v.reasons).toEqual(["`Sym.t` (statement) is missing from out/proofs.json"]);
    });
    it("a statement that uses sorry (in it or an import)", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement", { ok: false, problems: ["imported: module Sym.A uses sorry (Sym.a)"] })], numeric: [rec("Sym.t", "passed")] });
      expect(v.verdict).toBe("failing");
      expect(v.reasons[0]).toContain("uses sorry");
    });
    it("a broken supporting declaration fails the claim too", () => {
      expect(decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement"), decl("Sym.l", "proof", { ok: false, problems: ["module Sym.L failed to build"] })], numeric: [] }).verdict).toBe("failing");
    });
    it("a numeric error", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [rec("Sym.t", "error", { message: "gen/x.ts:3:1: boom" })] });
      expect(v.verdict).toBe("failing");
      expect(v.reasons[0]).toContain("boom");
    });
    it("required numeric evidence that is missing or unsupported", () => {
      const d = decl("Sym.t", "statement", { numericRequired: true });
      expect(decideVerdict({ claim: claim(), declarations: [d], numeric: [] }).reasons[0]).toContain("out/numeric.json has none");
      expect(decideVerdict({ claim: claim(), declarations: [d], numeric: [rec("Sym.t", "unsupported", { message: "SYM202" })] }).reasons[0]).toContain("cannot evaluate it: SYM202");
    });
    it("no evidence at all", () => {
      expect(decideVerdict({ claim: claim(), declarations: [], numeric: [] }).verdict).toBe("failing");
    });
  });

  describe("conflict", () => {
    it("a proved statement with a numeric counterexample", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [rec("Sym.t", "counterexample", { seed: 5, path: "0" })] });
      expect(v.verdict).toBe("conflict");
      expect(v.reasons[0]).toBe("`Sym.t` is proved in Lean but the numeric check found a counterexample (seed 5, path 0)");
    });
    it("a proved statement with a counterexample on an unlisted (hand-written) property", () => {
      expect(decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [rec("Sym.hand", "counterexample")] }).verdict).toBe("conflict");
    });
    it("a refuted statement whose literal numeric check passes without a counterexample", () => {
      const v = decideVerdict({
        claim: claim("false"),
        declarations: [decl("Sym.C", "statement", { isTheorem: false }), decl("Sym.not_C", "refutation")],
        numeric: [rec("Sym.C", "passed")],
      });
      expect(v.verdict).toBe("conflict");
    });
    it("takes precedence over proved even when other records pass", () => {
      expect(decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement"), decl("Sym.l", "proof")], numeric: [rec("Sym.t", "passed"), rec("Sym.l", "counterexample")] }).verdict).toBe("conflict");
    });
  });
});

describe("vacuous numeric passes", () => {
  it("a passing record whose runs were all discarded is no evidence", () => {
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: [], numeric: [rec("Sym.C", "passed", { runs: 50, skips: 50 })] });
    expect(v.verdict).toBe("failing");
  });
});

describe("records on definitions", () => {
  it("never decide: a predicate's counterexample or error leaves a proof proved", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true" },
      declarations: [decl("Sym.t", "statement"), decl("Sym.IsCrit", "definition", { isTheorem: false })],
      numeric: [rec("Sym.t", "passed"), rec("Sym.IsCrit", "counterexample"), rec("Sym.IsCrit", "error")],
    });
    expect(v.verdict).toBe("proved");
    expect(v.numeric.status).toBe("passed");
    expect(v.numeric.records).toHaveLength(3);
  });
});

describe("declarations marked numeric: false", () => {
  it("their records are shown but never decide (a conjecture predicate evaluated at an arbitrary σ)", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", note: "Conditional." },
      declarations: [decl("Sym.Conj", "statement", { isTheorem: false, numericCounts: false }), decl("Sym.cond", "conditional"), decl("Sym.H", "hypothesis", { isTheorem: false }), decl("Sym.h_inst", "witness", { statement: ": H f" })],
      numeric: [rec("Sym.Conj", "counterexample"), rec("Sym.H", "passed")],
    });
    expect(v.verdict).toBe("conditional");
  });
});

describe("a hypothesis that is a structure", () => {
  const decls = [decl("Sym.cond", "conditional"), decl("Sym.H", "hypothesis", { isTheorem: false, kind: "structure" }), decl("Sym.h_inst", "witness", { kind: "instance", statement: ": Sym.H f" })];
  it("is checked field by field: the field records count for it", () => {
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: decls, numeric: [rec("Sym.H.odd", "passed"), rec("Sym.H.scale", "passed", { seed: 3 })] });
    expect(v.verdict).toBe("conditional");
    expect(v.outcome).toContain("`Sym.H` (2000 runs, seeds 42, 3)");
  });
  it("a failing field makes the hypothesis false, not the literal claim suspect", () => {
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: decls, numeric: [rec("Sym.H.odd", "passed"), rec("Sym.H.scale", "counterexample")] });
    expect(v.verdict).toBe("failing");
    expect(v.reasons).toEqual(["hypothesis `Sym.H` is false numerically, so the conditional proof says nothing"]);
    expect(v.verdict).toBe("failing");
  });
});

describe("claim parts", () => {
  const part = (id: string, text: string, declarations: string[], numeric: string[] = []) => ({ id, text, declarations, numeric });
  it("a claim with a part stated as a `def … : Prop` and not proved is partial, naming the open part", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", parts: [part("p2", "p = 2", ["Sym.inv_p2"]), part("even", "every even p", ["Sym.EvenP"])] },
      declarations: [decl("Sym.inv_p2", "statement"), decl("Sym.EvenP", "statement", { isTheorem: false, kind: "def" })],
      numeric: [rec("Sym.inv_p2", "passed"), rec("Sym.EvenP", "passed")],
    });
    expect(v.verdict).toBe("partial");
    expect(v.parts.map((p) => [p.id, p.status])).toEqual([
      ["p2", "proved"],
      ["even", "open"],
    ]);
    expect(v.outcome).toContain('formal: "p = 2" (proved)');
    expect(v.outcome).toContain('open: "every even p"');
    expect(v.parts[1]!.reasons[0]).toContain("stated in Lean (`def … : Prop`) and not proved");
  });
  it("without parts the same declarations are one part, and an unproved statement keeps the claim from being proved", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true" },
      declarations: [decl("Sym.inv_p2", "statement"), decl("Sym.EvenP", "statement", { isTheorem: false, kind: "def" })],
      numeric: [],
    });
    expect(v.verdict).not.toBe("proved");
    expect(v.parts).toHaveLength(1);
    expect(v.parts[0]!.implicit).toBe(true);
    expect(v.parts[0]!.status).toBe("open");
  });
  it("a part with numeric records only (a hand-written property) is supported and the claim partial", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", parts: [part("p2", "p = 2", ["Sym.inv_p2"]), part("p13", "p ∈ {1, 3, ∞}", [], ["Sym.schatten_p13"])] },
      declarations: [decl("Sym.inv_p2", "statement")],
      numeric: [rec("Sym.schatten_p13", "passed", { handWritten: true })],
    });
    expect(v.verdict).toBe("partial");
    expect(v.parts[1]!.status).toBe("supported");
    expect(v.outcome).toContain('numeric only: "p ∈ {1, 3, ∞}"');
  });
  it("every part proved gives proved", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", parts: [part("a", "linear maps", ["Sym.a"]), part("b", "differentiable maps", ["Sym.b"])] },
      declarations: [decl("Sym.a", "statement"), decl("Sym.b", "statement")],
      numeric: [],
    });
    expect(v.verdict).toBe("proved");
  });
  it("a refuted part refutes the claim, whatever the other parts", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "false", parts: [part("lit", "as stated", ["Sym.C", "Sym.not_C"]), part("fin", "finite groups", ["Sym.fin"])] },
      declarations: [decl("Sym.C", "statement", { isTheorem: false }), decl("Sym.not_C", "refutation"), decl("Sym.fin", "statement")],
      numeric: [rec("Sym.not_C", "passed")],
    });
    expect(v.verdict).toBe("refuted");
    expect(v.parts.map((p) => p.status)).toEqual(["refuted", "proved"]);
  });
  it("a definition claim defined in part (one case in Lean, the general case open) is partial", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "definition", parts: [part("p2", "p = 2", ["Sym.frobSq"]), { ...part("even", "every even p", []), note: "no Lean definition yet" }] },
      declarations: [decl("Sym.frobSq", "definition", { isTheorem: false })],
      numeric: [],
    });
    expect(v.verdict).toBe("partial");
    expect(v.parts.map((p) => p.status)).toEqual(["defined", "open"]);
  });
  it("a proved part with a conditional part gives conditional", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", note: "Conditional on σ(0) = 1/2.", parts: [part("any", "every σ with σ(0) ≠ 0", ["Sym.t"]), part("sig", "sigmoid", ["Sym.cond", "Sym.H", "Sym.h_inst"])] },
      declarations: [decl("Sym.t", "statement"), decl("Sym.cond", "conditional"), decl("Sym.H", "hypothesis", { isTheorem: false }), decl("Sym.h_inst", "witness", { statement: ": H f" })],
      numeric: [rec("Sym.H", "passed", { coverage: "exhaustive", runs: 1 })],
    });
    expect(v.verdict).toBe("conditional");
    expect(v.parts.map((p) => p.status)).toEqual(["proved", "conditional"]);
  });
});

describe("weak numeric records", () => {
  it("a record whose premises held in fewer than 1,000 runs is weak and never counted as passed", () => {
    const r = rec("Sym.C", "passed", { runs: 5000, skips: 4100 });
    expect(weak(r)).toBe(true);
    expect(passed(r)).toBe(false);
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: [decl("Sym.C", "statement", { isTheorem: false })], numeric: [r] });
    expect(v.verdict).toBe("failing");
    expect(v.numeric.status).toBe("weak");
    expect(v.outcome).toContain("weak");
    expect(v.outcome).toContain("`Sym.C` 900");
  });
  it("a time-limit stop below 1,000 runs is weak, and the report says so", () => {
    const r = rec("Sym.t", "passed", { runs: 264, interrupted: true });
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: [decl("Sym.t", "statement")], numeric: [r] });
    expect(v.verdict).toBe("proved");
    expect(v.numeric.status).toBe("weak");
    expect(v.outcome).toContain("stopped at its time limit");
    expect(v.outcome).not.toContain("the numeric check passed");
  });
  it("an exhaustive evaluation of a closed statement is not weak", () => {
    expect(weak(rec("Sym.c", "passed", { runs: 1, coverage: "exhaustive" }))).toBe(false);
    expect(weak(rec("Sym.c", "passed", { runs: 1, coverage: "sampled" }))).toBe(true);
  });
  it("1,000 runs whose premises held is enough", () => {
    expect(passed(rec("Sym.c", "passed", { runs: 1500, skips: 500 }))).toBe(true);
    expect(passed(rec("Sym.c", "passed", { runs: 1500, skips: 501 }))).toBe(false);
  });
  it("premisesHeld, when the runner wrote it, decides over runs − skips", () => {
    expect(passed(rec("Sym.c", "passed", { runs: 1500, skips: 0, premisesHeld: 10 }))).toBe(false);
  });
});

describe("stated propositions, required weak records, hypothesis records", () => {
  const part = (id: string, text: string, declarations: string[], numeric: string[] = []) => ({ id, text, declarations, numeric });
  it("a stated `def … : Prop` is proved when a clean theorem of its part concludes it", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", parts: [part("t", "transpose", ["Sym.TT", "Sym.tt"])] },
      declarations: [decl("Sym.TT", "statement", { isTheorem: false, kind: "def", statement: "(α : Type u) [Lean.Grind.Field α] : Prop" }), decl("Sym.tt", "statement", { statement: ": TT α" })],
      numeric: [],
    });
    expect(v.verdict).toBe("proved");
  });
  it("a theorem that concludes the negation of the stated proposition does not prove it", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", parts: [part("t", "transpose", ["Sym.TT", "Sym.not_tt"])] },
      declarations: [decl("Sym.TT", "statement", { isTheorem: false, kind: "def" }), decl("Sym.not_tt", "statement", { statement: ": ¬ TT α" })],
      numeric: [],
    });
    expect(v.verdict).not.toBe("proved");
    expect(v.parts[0]!.status).toBe("open");
  });
  it("a weak record meets a declaration's numeric requirement but is never counted as passed", () => {
    const weakRec = rec("Sym.t", "passed", { runs: 82, premisesHeld: 82, interrupted: true });
    const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement", { numericRequired: true })], numeric: [weakRec] });
    expect(v.verdict).toBe("proved");
    expect(passed(weakRec)).toBe(false);
    expect(weak(weakRec)).toBe(true);
    expect(v.numeric.status).toBe("weak");
  });
  it("a required declaration with no record at all is failing", () => {
    const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement", { numericRequired: true })], numeric: [] });
    expect(v.verdict).toBe("failing");
    expect(v.reasons[0]).toContain("out/numeric.json has none");
  });
  it("a part holding only a hypothesis with a passing record is not supported by it", () => {
    const v = decideVerdict({
      claim: { id: "X3.1", truth: "true", parts: [part("h", "the hypothesis alone", ["Sym.H"])] },
      declarations: [decl("Sym.H", "hypothesis", { isTheorem: false, kind: "def" })],
      numeric: [rec("Sym.H", "passed")],
    });
    expect(v.parts[0]!.status).toBe("open");
    expect(v.verdict).not.toBe("supported");
  });
});
