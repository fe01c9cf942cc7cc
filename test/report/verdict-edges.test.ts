/**
 * Edges of the verdict rules that the scenario tests did not pin down: what counts as weak or
 * passed, the numeric summary, which declaration proves a stated `def … : Prop`, and which
 * declarations count as refutations.
 */
import { describe, expect, it } from "vitest";
import type { DeclarationEvidence } from "../../src/report/types.js";
import type { ClaimPart } from "../../src/spec/types.js";
import { concludes, passed, premisesHeld, summarizeNumeric, weak } from "../../src/report/verdict.js";
import { rec, verdictOf, witnessOf, type D } from "./scenario.js";

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

const part = (id: string, text: string, declarations: string[], numeric: string[] = [], note?: string): ClaimPart => ({ id, text, declarations, numeric, ...(note ? { note } : {}) });
const T = (name: string): D => ({ name });
const DEF = (name: string): D => ({ name, kind: "def" });
const cond = (name: string, h: string): D => ({ name, role: "conditional", statement: `(h : ${h}) : True` });
const hyp = (name: string): D => ({ name, role: "hypothesis" });

describe("each part's own reasons", () => {
  it("a refutation without a counterexample: the part is open and gives the same reason as the claim", () => {
    const c = verdictOf({ truth: "false", decls: [DEF("Sym.C"), { name: "Sym.not_C", role: "refutation" }] });
    const reason = "the negation is proved in Lean (`Sym.not_C`) but out/numeric.json holds no numeric counterexample";
    expect(c.reasons).toEqual([reason]);
    expect(c.parts[0]).toMatchObject({ status: "open", reasons: [reason] });
  });

  it("a false hypothesis: the part is open and says why", () => {
    const c = verdictOf({ decls: [cond("Sym.c", "Sym.H"), hyp("Sym.H"), witnessOf("Sym.H")], records: [rec("Sym.H", "counterexample")] });
    expect(c.parts[0]).toMatchObject({ status: "open", reasons: ["hypothesis `Sym.H` is false numerically, so the conditional proof says nothing"] });
  });

  it("a hypothesis with a weak and an unsupported record names only the weak one", () => {
    const c = verdictOf({ decls: [cond("Sym.c", "Sym.H"), hyp("Sym.H"), witnessOf("Sym.H")], records: [rec("Sym.H", "passed", { runs: 10 }), rec("Sym.H", "unsupported", { runs: 0 })] });
    expect(c.parts[0]!.reasons).toContain("hypothesis `Sym.H` has only weak numeric evidence (1 weak record (premises held in fewer than 1,000 runs: `Sym.H` 10))");
  });

  it("a met hypothesis is described by its passing records only", () => {
    const c = verdictOf({ decls: [cond("Sym.c", "Sym.H"), hyp("Sym.H"), witnessOf("Sym.H")], records: [rec("Sym.H", "passed", { runs: 2000, seed: 1 }), rec("Sym.H", "passed", { runs: 10, seed: 2 })] });
    expect(c.verdict).toBe("conditional");
    expect(c.parts[0]!.reasons[1]).toBe("each hypothesis passed its numeric check: `Sym.H` (2000 runs, seed 1)");
  });

  it("two unproved statements of different kinds: 'are', both kinds, and the numeric evidence", () => {
    const c = verdictOf({
      decls: [DEF("Sym.P"), { name: "Sym.Q", usesSorry: true, module: "Sym.Q" }],
      modules: [{ name: "Sym.M" }, { name: "Sym.Q" }],
      records: [rec("Sym.P", "passed")],
    });
    expect(c.parts[0]!.reasons).toEqual([
      "`Sym.P`, `Sym.Q` are stated in Lean (`def … : Prop`, a theorem whose proof is `sorry`) and not proved",
      "numeric evidence only (the numeric check passed (1000 runs, seed 42))",
    ]);
  });

  it("an unproved statement without records gives no numeric reason", () => {
    expect(verdictOf({ decls: [DEF("Sym.P")] }).parts[0]!.reasons).toEqual(["`Sym.P` is stated in Lean (`def … : Prop`) and not proved"]);
  });

  it("a part carried by numbers only says so; a part with weak records only says they are weak", () => {
    const parts = [part("a", "A", [], ["Sym.hand"]), part("b", "B", [], ["Sym.weak"]), part("c", "C", [], [])];
    const c = verdictOf({ decls: [], parts, records: [rec("Sym.hand", "passed"), rec("Sym.weak", "passed", { runs: 10 })] });
    expect(c.parts.map((p) => [p.status, p.reasons])).toEqual([
      ["supported", ["numeric evidence only (the numeric check passed (1000 runs, seed 42))", "no Lean proof"]],
      ["open", ["only weak numeric evidence: 1 weak record (premises held in fewer than 1,000 runs: `Sym.weak` 10)", "no Lean proof"]],
      ["open", ["no Lean proof and no numeric check"]],
    ]);
  });

  it("a claim that fails before the parts are decided reports each part with no reasons", () => {
    const c = verdictOf({ decls: [{ name: "Sym.gone", missing: true }] });
    expect(c.verdict).toBe("failing");
    expect(c.parts).toEqual([expect.objectContaining({ status: "open", reasons: [] })]);
  });

  it("a definition claim's statement part is proved, not defined", () => {
    const c = verdictOf({ truth: "definition", expected: "proved", decls: [{ name: "Sym.D", role: "definition" }, T("Sym.t")] });
    expect(c.parts[0]!.status).toBe("proved");
    expect(c.verdict).toBe("proved");
  });
});

describe("the parts of a claim", () => {
  it("an empty list of parts is one implicit part", () => {
    const c = verdictOf({ decls: [T("Sym.t")], parts: [] });
    expect(c.parts).toEqual([expect.objectContaining({ id: "all", text: "the claim as a whole", implicit: true, status: "proved" })]);
    expect(c.verdict).toBe("proved");
  });

  it("a part's numeric list takes in the records of a structure hypothesis's fields", () => {
    const c = verdictOf({ decls: [DEF("Sym.P"), hyp("Sym.H")], parts: [part("a", "A", ["Sym.P"], ["Sym.H"]), part("b", "B", ["Sym.H"])], records: [rec("Sym.H.pos", "passed")] });
    expect(c.parts.map((p) => p.records)).toEqual([["Sym.H.pos"], ["Sym.H.pos"]]);
  });

  it("a part keeps its note, and a part without one has no note", () => {
    const c = verdictOf({ decls: [T("Sym.a"), T("Sym.b")], parts: [part("a", "A", ["Sym.a"], [], "why A"), part("b", "B", ["Sym.b"])] });
    expect(c.parts[0]!.note).toBe("why A");
    expect("note" in c.parts[1]!).toBe(false);
  });

  it("is formal only through a clean theorem that is no definition or witness", () => {
    const c = verdictOf({
      truth: "definition",
      expected: "definition",
      decls: [DEF("Sym.P"), { name: "Sym.D", role: "definition", kind: "theorem" }, witnessOf("Sym.H", "Sym.w")],
      parts: [part("p", "P", ["Sym.P"]), part("d", "D", ["Sym.D"]), part("w", "W", ["Sym.w"])],
    });
    expect(c.parts.map((p) => p.formal)).toEqual([false, false, false]);
  });
});

describe("conflicts and failures: the wording of edge cases", () => {
  it("a witness with a counterexample on itself is no conflict", () => {
    const c = verdictOf({ decls: [T("Sym.t"), { ...witnessOf("Sym.H", "Sym.w"), numeric: true }], records: [rec("Sym.w", "counterexample")] });
    expect(c.verdict).not.toBe("conflict");
  });

  it("a counterexample to a stated Prop proved by a theorem of the same part names its path", () => {
    const c = verdictOf({ decls: [DEF("Sym.P"), T("Sym.t")], records: [rec("Sym.P", "counterexample", { seed: 8, path: "2:0" })] });
    expect(c.verdict).toBe("conflict");
    expect(c.reasons).toEqual(["the statement is proved in Lean (`Sym.t`) but the numeric check of `Sym.P` found a counterexample (seed 8, path 2:0)"]);
  });

  it("a weak record on a refutation does not confirm it: a passing literal statement is then a conflict", () => {
    const c = verdictOf({ truth: "false", decls: [DEF("Sym.C"), { name: "Sym.not_C", role: "refutation", numeric: true }], records: [rec("Sym.C", "passed", { runs: 3000 }), rec("Sym.not_C", "passed", { runs: 10 })] });
    expect(c.verdict).toBe("conflict");
  });

  it("a harness error fails the claim and is named as one", () => {
    const c = verdictOf({ decls: [T("Sym.t")], records: [rec("Sym.t", "harness-error", { message: "did not re-check" })] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["numeric check of `Sym.t` failed with a harness error: did not re-check"]);
  });

  it("every declaration lacking required numeric evidence is named in the outcome", () => {
    const c = verdictOf({ decls: [{ ...T("Sym.a"), numeric: true }, { ...T("Sym.b"), numeric: true }] });
    expect(c.verdict).toBe("failing");
    expect(c.outcome).toBe("Not established: numeric evidence for `Sym.a` is required but out/numeric.json has none; numeric evidence for `Sym.b` is required but out/numeric.json has none.");
  });
});

describe("the outcome of each verdict with parts", () => {
  it("proved through proof theorems only names those theorems", () => {
    const c = verdictOf({ decls: [DEF("Sym.P"), { name: "Sym.p_holds", role: "proof", statement: ": Sym.P (fun x : Nat => x)" }, { name: "Sym.p_term", role: "proof", kind: "def", statement: ": True" }] });
    expect(c.verdict).toBe("proved");
    expect(c.outcome).toBe("Proved in Lean (`Sym.p_holds`); no numeric check applies.");
    const proofOnly = verdictOf({ decls: [{ name: "Sym.p1", role: "proof" }, { name: "Sym.D", role: "definition" }, { name: "Sym.D2", role: "definition", kind: "theorem" }] });
    expect(proofOnly.verdict).toBe("proved");
    expect(proofOnly.outcome).toBe("Proved in Lean (`Sym.p1`); no numeric check applies.");
  });

  it("refuted with parts names the refuted part", () => {
    const c = verdictOf({
      truth: "false",
      expected: "refuted",
      decls: [DEF("Sym.C"), { name: "Sym.not_C", role: "refutation" }, T("Sym.t")],
      parts: [part("a", "A", ["Sym.C", "Sym.not_C"]), part("b", "B", ["Sym.t"])],
      records: [rec("Sym.C", "counterexample", { runs: 7 })],
    });
    expect(c.verdict).toBe("refuted");
    expect(c.outcome).toBe('The literal statement is false (part "A"): Lean proves its negation (`Sym.not_C`) and the numeric check found a counterexample to the literal statement (7 runs, seed 42).');
    expect(c.reasons).toEqual([
      'part "A": refuted (the negation of the literal statement is proved in Lean (`Sym.not_C`); the numeric check found a counterexample to the literal statement (7 runs, seed 42))',
      'part "B": proved (`Sym.t` kernel-checked; no numeric check applies)',
    ]);
  });

  it("a definition claim with a defined part and a proved part is a definition, formalized by its definitions only", () => {
    const c = verdictOf({ truth: "definition", expected: "definition", decls: [{ name: "Sym.D", role: "definition" }, T("Sym.t")], parts: [part("d", "D", ["Sym.D"]), part("t", "T", ["Sym.t"])] });
    expect(c.parts.map((p) => p.status)).toEqual(["defined", "proved"]);
    expect(c.verdict).toBe("definition");
    expect(c.outcome).toBe("A definition, formalized as `Sym.D`.");
  });

  it("partial: a conditional part counts as formal, and is listed as such", () => {
    const c = verdictOf({
      decls: [cond("Sym.c", "Sym.H"), hyp("Sym.H"), witnessOf("Sym.H"), DEF("Sym.P")],
      parts: [part("c", "C", ["Sym.c", "Sym.H", "Sym.H_witness"]), part("o", "O", ["Sym.P"])],
      records: [rec("Sym.H", "passed")],
    });
    expect(c.parts.map((p) => p.status)).toEqual(["conditional", "open"]);
    expect(c.verdict).toBe("partial");
    expect(c.outcome).toBe('Proved in part. formal: "C" (conditional); open: "O".');
  });

  it("partial: a defined part of a definition claim is listed as formal", () => {
    const c = verdictOf({ truth: "definition", expected: "partial", decls: [{ name: "Sym.D", role: "definition" }, DEF("Sym.P")], parts: [part("d", "D", ["Sym.D"]), part("o", "O", ["Sym.P"])] });
    expect(c.verdict).toBe("partial");
    expect(c.outcome).toBe('Proved in part. formal: "D" (defined); open: "O".');
  });

  it("partial: several formal parts are listed together, and without an open part there is no open list", () => {
    const c = verdictOf({ decls: [T("Sym.a"), T("Sym.b")], parts: [part("a", "A", ["Sym.a"]), part("b", "B", ["Sym.b"]), part("h", "H", [], ["Sym.hand"])], records: [rec("Sym.hand", "passed")] });
    expect(c.verdict).toBe("partial");
    expect(c.outcome).toBe('Proved in part. formal: "A" (proved), "B" (proved); numeric only: "H".');
  });

  it("partial: an unsupported record is not weak evidence", () => {
    const c = verdictOf({ decls: [T("Sym.a"), DEF("Sym.P")], parts: [part("a", "A", ["Sym.a"]), part("o", "O", ["Sym.P"])], records: [rec("Sym.P", "unsupported", { runs: 0 })] });
    expect(c.verdict).toBe("partial");
    expect(c.outcome).toBe('Proved in part. formal: "A" (proved); open: "O".');
  });

  it("supported with parts and no open part lists no open part", () => {
    const c = verdictOf({ expected: "supported", decls: [], parts: [part("a", "A", [], ["Sym.x"]), part("b", "B", [], ["Sym.y"])], records: [rec("Sym.x", "passed"), rec("Sym.y", "passed", { seed: 7 })] });
    expect(c.verdict).toBe("supported");
    expect(c.outcome).toBe("Not proved. Supported by numeric evidence only: 2000 runs, seeds 42, 7 found no counterexample.");
  });
});

describe("a hypothesis's records support nothing, whichever part lists them", () => {
  it("a part whose only passing record checks another part's hypothesis is open, and the claim is not supported", () => {
    const c = verdictOf({ expected: "failing", decls: [hyp("Sym.H")], parts: [part("a", "A", [], ["Sym.H"]), part("b", "B", ["Sym.H"])], records: [rec("Sym.H", "passed")] });
    expect(c.parts.map((p) => p.status)).toEqual(["open", "open"]);
    expect(c.verdict).toBe("failing");
    expect(c.outcome).not.toContain("0 runs");
  });
});
