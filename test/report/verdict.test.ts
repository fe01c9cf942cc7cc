import { describe, expect, it } from "vitest";
import type { DeclarationEvidence } from "../../src/report/types.js";
import { decideVerdict } from "../../src/report/verdict.js";
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
  return { claimId: "X3.1", declaration, mode: "exact", status, runs: 100, skips: 0, seed: 42, seconds: 0.1, maxResidual: 0, handWritten: false, ...over };
}

const claim = (truth: "true" | "false" | "definition" | "informal" = "true", note?: string) => ({ id: "X3.1", truth, ...(note ? { note } : {}) });

describe("decideVerdict", () => {
  describe("proved", () => {
    it("a clean statement theorem with passing numeric evidence", () => {
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.t", "statement")], numeric: [rec("Sym.t", "passed")] });
      expect(v.verdict).toBe("proved");
      expect(v.outcome).toContain("Proved in Lean");
      expect(v.outcome).toContain("100 runs, seed 42");
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
    const decls = [decl("Sym.cond", "conditional"), decl("Sym.HA", "hypothesis", { isTheorem: false }), decl("Sym.HB", "hypothesis", { isTheorem: false })];
    it("a conditional proof whose hypotheses each pass a numeric check", () => {
      const v = decideVerdict({ claim: claim("true", "The hypotheses are analytic facts."), declarations: decls, numeric: [rec("Sym.HA", "passed"), rec("Sym.HB", "passed", { seed: 7 })] });
      expect(v.verdict).toBe("conditional");
      expect(v.outcome).toContain("assuming `Sym.HA`, `Sym.HB`");
      expect(v.outcome).toContain("not proved");
    });
    it("is failing when a hypothesis has no numeric evidence", () => {
      const v = decideVerdict({ claim: claim(), declarations: decls, numeric: [rec("Sym.HA", "passed")] });
      expect(v.verdict).toBe("failing");
      expect(v.reasons).toEqual(["hypothesis `Sym.HB` has no numeric evidence"]);
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
      const v = decideVerdict({ claim: claim(), declarations: [decl("Sym.C", "statement", { isTheorem: false })], numeric: [rec("Sym.C", "passed", { runs: 500, seed: 9 })] });
      expect(v.verdict).toBe("supported");
      expect(v.outcome).toMatch(/^Not proved\. Supported by numeric evidence only: 500 runs, seed 9/);
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
      declarations: [decl("Sym.Conj", "statement", { isTheorem: false, numericCounts: false }), decl("Sym.cond", "conditional"), decl("Sym.H", "hypothesis", { isTheorem: false })],
      numeric: [rec("Sym.Conj", "counterexample"), rec("Sym.H", "passed")],
    });
    expect(v.verdict).toBe("conditional");
  });
});

describe("a hypothesis that is a structure", () => {
  const decls = [decl("Sym.cond", "conditional"), decl("Sym.H", "hypothesis", { isTheorem: false, kind: "structure" })];
  it("is checked field by field: the field records count for it", () => {
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: decls, numeric: [rec("Sym.H.odd", "passed"), rec("Sym.H.scale", "passed", { seed: 3 })] });
    expect(v.verdict).toBe("conditional");
    expect(v.outcome).toContain("`Sym.H` (200 runs, seeds 42, 3)");
  });
  it("a failing field makes the hypothesis false, not the literal claim suspect", () => {
    const v = decideVerdict({ claim: { id: "X3.1", truth: "true" }, declarations: decls, numeric: [rec("Sym.H.odd", "passed"), rec("Sym.H.scale", "counterexample")] });
    expect(v.verdict).toBe("failing");
    expect(v.reasons).toEqual(["hypothesis `Sym.H` is false numerically, so the conditional proof says nothing"]);
  });
});
