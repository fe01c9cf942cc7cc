/**
 * What the report says for each verdict: the reasons and the plain-words outcome are what a
 * reader of the paper sees, so their content is behaviour too.
 */
import { describe, expect, it } from "vitest";
import { rec, verdictOf, witnessOf } from "./scenario.js";

describe("failing because of broken formal evidence", () => {
  it("groups declarations with the same problems and says which are missing", () => {
    const c = verdictOf({
      expected: "failing",
      decls: [{ name: "Sym.a", missing: true }, { name: "Sym.b", role: "proof", missing: true }, { name: "Sym.c", role: "refutation", usesSorry: true, module: "Sym.R" }],
      modules: [{ name: "Sym.M" }, { name: "Sym.R" }],
    });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["`Sym.a` (statement), `Sym.b` (proof) are missing from out/proofs.json", "`Sym.c` (refutation): uses sorry"]);
    expect(c.outcome).toBe("Not established: `Sym.a` (statement), `Sym.b` (proof) are missing from out/proofs.json; `Sym.c` (refutation): uses sorry.");
  });
  it("one missing declaration is worded in the singular", () => {
    expect(verdictOf({ decls: [{ name: "Sym.a", missing: true }] }).reasons).toEqual(["`Sym.a` (statement) is missing from out/proofs.json"]);
  });
  it("joins several problems of one declaration", () => {
    const c = verdictOf({ decls: [{ name: "Sym.a", usesSorry: true }], forbidden: [{ construct: "admit", file: "lean/Sym/M.lean", line: 2, column: 1, text: "admit" }] });
    expect(c.reasons).toEqual(["`Sym.a` (statement): uses sorry; forbidden `admit` at lean/Sym/M.lean:2:1"]);
  });
});

describe("proved", () => {
  it("names the statement, and the numeric runs when they passed", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "passed", { runs: 2000, seed: 4 })] });
    expect(c.reasons).toEqual(["`Sym.t` kernel-checked", "the numeric check passed (2000 runs, seed 4)"]);
    expect(c.outcome).toBe("Proved in Lean (`Sym.t`); the numeric check passed (2000 runs, seed 4).");
  });
  it("names the weak records beside the passing ones, with a time-limit stop", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.u" }], records: [rec("Sym.t", "passed", { runs: 2000, seed: 4 }), rec("Sym.u", "passed", { runs: 40, interrupted: true })] });
    expect(c.reasons).toEqual([
      "`Sym.t`, `Sym.u` kernel-checked",
      "the numeric check passed (2000 runs, seed 4); 1 weak record (premises held in fewer than 1,000 runs: `Sym.u` 40, stopped at its time limit)",
    ]);
  });
  it("says when no numeric check applies", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.u" }] }).outcome).toBe("Proved in Lean (`Sym.t`, `Sym.u`); no numeric check applies.");
  });
  it("an unsupported record, or an exhaustive evaluation whose run was discarded, is no check", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "unsupported"), rec("Sym.t", "passed", { runs: 1, skips: 1, coverage: "exhaustive" })] }).reasons[1]).toBe("no numeric check applies");
  });
  it("a sampled record whose runs were all discarded is weak, with premises held in 0", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "passed", { skips: 1000 })] }).reasons[1]).toBe("its numeric evidence is weak only: 1 weak record (premises held in fewer than 1,000 runs: `Sym.t` 0)");
  });
});

describe("refuted and its failures", () => {
  const decls = [{ name: "Sym.C", kind: "def" as const }, { name: "Sym.not_C", role: "refutation" as const }];
  it("a refutation confirmed by its own numeric check says so", () => {
    const c = verdictOf({ truth: "false", decls, records: [rec("Sym.not_C", "passed", { runs: 1, seed: 8, coverage: "exhaustive" })] });
    expect(c.verdict).toBe("refuted");
    expect(c.reasons[1]).toBe("the numeric check confirms the refuting statement (1 run, 1 exhaustive evaluation, seed 8)");
    expect(c.outcome).toBe("The literal statement is false: Lean proves its negation (`Sym.not_C`) and the numeric check confirms the refuting statement (1 run, 1 exhaustive evaluation, seed 8).");
  });
  it("a weak check of the refuting statement confirms nothing", () => {
    const c = verdictOf({ truth: "false", decls, records: [rec("Sym.not_C", "passed", { runs: 999, seed: 8 })] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["the negation is proved in Lean (`Sym.not_C`) but out/numeric.json holds no numeric counterexample"]);
  });
  it("a refutation with no numeric counterexample says what is missing", () => {
    const c = verdictOf({ truth: "false", decls });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["the negation is proved in Lean (`Sym.not_C`) but out/numeric.json holds no numeric counterexample"]);
  });
  it("a counterexample on a supporting lemma is not one on the literal statement", () => {
    const c = verdictOf({ truth: "false", decls: [...decls, { name: "Sym.lemma_def", role: "proof", kind: "def" }], records: [rec("Sym.lemma_def", "counterexample")] });
    expect(c.verdict).toBe("failing");
  });
});

describe("suspect", () => {
  it("gives the seed and path of the counterexample and the claim's note", () => {
    const c = verdictOf({ truth: "false", note: "A sharper reading stays open.", decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "counterexample", { seed: 11, path: "2:0" })] });
    expect(c.reasons).toEqual(["the numeric check found a counterexample (seed 11, path 2:0) and no Lean refutation exists"]);
    expect(c.outcome).toBe("Probably false: the numeric check found a counterexample (seed 11, path 2:0) and no Lean refutation exists. A sharper reading stays open.");
  });
  it("omits the path when fast-check gave none", () => {
    expect(verdictOf({ truth: "false", decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "counterexample", { seed: 11 })] }).outcome).toBe("Probably false: the numeric check found a counterexample (seed 11) and no Lean refutation exists.");
  });
});

describe("conflict wording", () => {
  it("a proved statement against a counterexample on an unlisted property names that property", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.hand", "counterexample", { seed: 3 })] });
    expect(c.reasons).toEqual(["the statement is proved in Lean (`Sym.t`) but the numeric check of `Sym.hand` found a counterexample (seed 3)"]);
    expect(c.outcome).toBe("Formal and numeric evidence disagree: the statement is proved in Lean (`Sym.t`) but the numeric check of `Sym.hand` found a counterexample (seed 3).");
  });
  it("a contradicted theorem says the claim is not judged", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "counterexample", { seed: 2 })] });
    expect(c.outcome).toBe("Formal and numeric evidence disagree: `Sym.t` is proved in Lean but the numeric check found a counterexample (seed 2). One of them is wrong; the claim is not judged until this is resolved.");
  });
});

describe("failing on numeric problems", () => {
  it("quotes the error of each failed numeric check, or says there was none", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "error", { message: "gen/x.ts:1:1: boom" }), rec("Sym.u", "error")] });
    expect(c.reasons).toEqual(["numeric check of `Sym.t` failed with an error: gen/x.ts:1:1: boom", "numeric check of `Sym.u` failed with an error: no message"]);
    expect(c.outcome).toBe(`Not established: ${c.reasons.join("; ")}.`);
  });
  it("a required check the harness cannot evaluate quotes its reason, or says unsupported", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t", numeric: true }], records: [rec("Sym.t", "unsupported")] }).reasons).toEqual([
      "numeric evidence for `Sym.t` is required but the harness cannot evaluate it: unsupported",
    ]);
  });
});

describe("conditional", () => {
  const decls = [{ name: "Sym.cond", role: "conditional" as const }, { name: "Sym.H1", role: "hypothesis" as const }, { name: "Sym.H2", role: "hypothesis" as const }];
  const witnessed = [...decls, witnessOf("Sym.H1"), witnessOf("Sym.H2")];
  it("names the proof, each hypothesis with its runs, the witnesses, and the note", () => {
    const c = verdictOf({ note: "The hypotheses hold for the sigmoid.", decls: witnessed, records: [rec("Sym.H1", "passed"), rec("Sym.H2", "passed", { runs: 2000, seed: 6 })] });
    expect(c.verdict).toBe("conditional");
    expect(c.reasons).toEqual([
      "proved in Lean (`Sym.cond`) from the hypotheses `Sym.H1`, `Sym.H2`",
      "each hypothesis passed its numeric check: `Sym.H1` (1000 runs, seed 42), `Sym.H2` (2000 runs, seed 6)",
      "witnessed in Lean by `Sym.H1_witness`, `Sym.H2_witness`",
    ]);
    expect(c.outcome).toBe(
      "Proved in Lean assuming `Sym.H1`, `Sym.H2`; those hypotheses are not proved, only checked numerically and shown satisfiable by a Lean witness (each hypothesis passed its numeric check: `Sym.H1` (1000 runs, seed 42), `Sym.H2` (2000 runs, seed 6); witnessed in Lean by `Sym.H1_witness`, `Sym.H2_witness`). The hypotheses hold for the sigmoid.",
    );
  });
  it("a false hypothesis fails the claim, whatever the other hypotheses", () => {
    const c = verdictOf({ decls: witnessed, records: [rec("Sym.H1", "passed"), rec("Sym.H2", "counterexample")] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["hypothesis `Sym.H2` is false numerically, so the conditional proof says nothing"]);
  });
  it("lists every hypothesis that lacks numeric evidence, has only weak evidence, or lacks a witness", () => {
    const c = verdictOf({ decls: [...decls, witnessOf("Sym.H1")], records: [rec("Sym.H2", "passed", { runs: 10 })] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual([
      "no evidence beyond weak numeric records: 1 weak record (premises held in fewer than 1,000 runs: `Sym.H2` 10); no proved statement, no refutation, a conditional proof whose hypotheses are not all met",
      "proved in Lean (`Sym.cond`) from `Sym.H1`, `Sym.H2`, but its hypotheses are not all met",
      "hypothesis `Sym.H1` has no numeric evidence",
      "hypothesis `Sym.H2` has only weak numeric evidence (1 weak record (premises held in fewer than 1,000 runs: `Sym.H2` 10))",
      "hypothesis `Sym.H2` has no Lean witness (a clean instance listed with role \"witness\"), so the conditional proof may be vacuous",
    ]);
  });
  it("a witness that only names the hypothesis (its negation) witnesses nothing", () => {
    const c = verdictOf({ decls: [...decls, witnessOf("Sym.H1"), { name: "Sym.not_H2", role: "witness", kind: "theorem", statement: ": ¬ Sym.H2 (fun x : Nat => x)" }], records: [rec("Sym.H1", "passed"), rec("Sym.H2", "passed")] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual([
      "nothing carries the claim: proved in Lean (`Sym.cond`) from `Sym.H1`, `Sym.H2`, but its hypotheses are not all met; hypothesis `Sym.H2` has no Lean witness (a clean instance listed with role \"witness\"), so the conditional proof may be vacuous",
    ]);
  });
  it("a conditional proof without hypotheses in the registry says so", () => {
    expect(verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }] }).reasons).toEqual(["nothing carries the claim: the conditional proof `Sym.cond` names no hypothesis declaration in this part"]);
  });
  it("a conditional `def` is no proof, and its hypothesis passing numerically supports nothing", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional", kind: "def" }, { name: "Sym.H1", role: "hypothesis" }, witnessOf("Sym.H1")], records: [rec("Sym.H1", "passed")] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["nothing carries the claim: no Lean proof and no numeric check"]);
  });
});

describe("definition and out-of-scope", () => {
  it("a definition names its Lean definitions", () => {
    const c = verdictOf({ truth: "definition", decls: [{ name: "Sym.Net", role: "definition" }, { name: "Sym.act", role: "definition" }] });
    expect(c.reasons).toEqual(["defined in Lean (`Sym.Net`, `Sym.act`), building cleanly"]);
    expect(c.outcome).toBe("A definition, formalized as `Sym.Net`, `Sym.act`.");
  });
  it("a definition claim with only a lemma says no definition is named", () => {
    expect(verdictOf({ truth: "definition", decls: [{ name: "Sym.l", role: "proof", kind: "def" }] }).reasons).toEqual(["nothing carries the claim: `Sym.l` is stated in Lean (`def … : Prop`) and not proved"]);
  });
  it("a true claim with only definitions and no evidence is failing with no evidence", () => {
    expect(verdictOf({ decls: [{ name: "Sym.d", role: "definition" }] }).reasons).toEqual(["nothing carries the claim: no Lean proof and no numeric check"]);
  });
  it("an informal claim without a note still says it is informal", () => {
    const c = verdictOf({ truth: "informal", decls: [] });
    expect(c.reasons).toEqual(["the claim is informal: no checkable statement"]);
    expect(c.outcome).toBe("Out of scope: the claim is informal.");
  });
  it("supported mentions the note", () => {
    expect(verdictOf({ note: "Only a finite check.", decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed")] }).outcome).toBe(
      "Not proved. Supported by numeric evidence only: 1000 runs, seed 42 found no counterexample. Only a finite check.",
    );
  });
  it("supported with parts names the open parts, not the numeric-only ones", () => {
    const c = verdictOf({
      decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.D", kind: "def" }],
      parts: [
        { id: "a", text: "p = 2", declarations: ["Sym.C"], numeric: [] },
        { id: "b", text: "every p", declarations: ["Sym.D"], numeric: [] },
      ],
      records: [rec("Sym.C", "passed")],
    });
    expect(c.verdict).toBe("supported");
    expect(c.outcome).toBe('Not proved. Supported by numeric evidence only: 1000 runs, seed 42 found no counterexample; open: "p = 2", "every p".');
  });
});

describe("records of a hypothesis structure's fields", () => {
  it("belong to the hypothesis, not to the literal claim", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }, { name: "Sym.H", role: "hypothesis", kind: "structure" }, witnessOf("Sym.H")], records: [rec("Sym.H.a", "passed"), rec("Sym.H.b", "passed", { runs: 3000 })] });
    expect(c.verdict).toBe("conditional");
    expect(c.reasons[1]).toBe("each hypothesis passed its numeric check: `Sym.H` (4000 runs, seed 42)");
  });
  it("a field-like name under a definition is an unlisted property of the claim, not the definition's record", () => {
    const c = verdictOf({ truth: "false", decls: [{ name: "Sym.D", role: "definition" }, { name: "Sym.C", kind: "def" }], records: [rec("Sym.D.x", "counterexample", { seed: 4 })] });
    expect(c.verdict).toBe("suspect");
  });
  it("several weak records and several exhaustive evaluations are worded in the plural", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.u" }], records: [rec("Sym.t", "passed", { runs: 10 }), rec("Sym.u", "passed", { runs: 20 })] });
    expect(c.reasons[1]).toBe("its numeric evidence is weak only: 2 weak records (premises held in fewer than 1,000 runs: `Sym.t` 10; `Sym.u` 20)");
    const e = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 1, coverage: "exhaustive" }), rec("Sym.C", "passed", { runs: 1, coverage: "exhaustive", seed: 2 })] });
    expect(e.reasons[0]).toBe("numeric evidence only: 2 runs, 2 exhaustive evaluations, seeds 42, 2 found no counterexample");
  });
  it("a field-like name under a non-hypothesis is an unlisted property of the claim", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t.extra", "counterexample")] }).verdict).toBe("conflict");
  });
});

describe("which record decides", () => {
  it("an unlisted property's counterexample stays on the literal claim, not on a hypothesis", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }, { name: "Sym.H", role: "hypothesis" }], records: [rec("Sym.H", "passed"), rec("Sym.hand", "counterexample")] });
    expect(c.verdict).toBe("suspect");
  });
  it("the claim's numeric summary passes when some record passed and another is unsupported", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "passed"), rec("Sym.t", "unsupported")] }).numeric.status).toBe("passed");
  });
  it("a conflict quotes the seed and path of the counterexample, not of a passing record", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "passed", { seed: 1 }), rec("Sym.t", "counterexample", { seed: 2, path: "7" })] });
    expect(c.reasons).toEqual(["`Sym.t` is proved in Lean but the numeric check found a counterexample (seed 2, path 7)"]);
  });
  it("an unsupported record on a refutation confirms nothing", () => {
    expect(verdictOf({ truth: "false", decls: [{ name: "Sym.not_C", role: "refutation" }], records: [rec("Sym.not_C", "unsupported")] }).verdict).toBe("failing");
  });
  it("a refutation with a counterexample to the literal statement is refuted even when another literal check passed", () => {
    const c = verdictOf({ truth: "false", decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.not_C", role: "refutation" }], records: [rec("Sym.C", "passed"), rec("Sym.C", "counterexample", { runs: 3 })] });
    expect(c.verdict).toBe("refuted");
  });
  it("a refutation's conflict counts only the passing literal runs", () => {
    const c = verdictOf({ truth: "false", decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.not_C", role: "refutation" }], records: [rec("Sym.C", "passed", { runs: 3000 }), rec("Sym.C", "unsupported", { runs: 10 })] });
    expect(c.reasons[0]).toContain("passed (3000 runs, seed 42)");
    expect(c.outcome).toBe(`Formal and numeric evidence disagree: ${c.reasons[0]}.`);
  });
  it("required numeric evidence is met by a pass or by a counterexample", () => {
    expect(verdictOf({ decls: [{ name: "Sym.C", kind: "def", numeric: true }], records: [rec("Sym.C", "passed")] }).verdict).toBe("supported");
    expect(verdictOf({ truth: "false", decls: [{ name: "Sym.C", kind: "def", numeric: true }], records: [rec("Sym.C", "counterexample")] }).verdict).toBe("suspect");
    const lacking = verdictOf({ decls: [{ name: "Sym.t", numeric: true }] });
    expect(lacking.outcome).toBe("Not established: numeric evidence for `Sym.t` is required but out/numeric.json has none.");
  });
});

describe("every failing outcome starts with 'Not established' and ends with the reasons", () => {
  it.each([
    ["a refutation without counterexample", { truth: "false" as const, decls: [{ name: "Sym.not_C", role: "refutation" as const }] }],
    ["a conditional proof without hypotheses", { decls: [{ name: "Sym.cond", role: "conditional" as const }] }],
    ["a hypothesis without evidence", { decls: [{ name: "Sym.cond", role: "conditional" as const }, { name: "Sym.H", role: "hypothesis" as const }] }],
    ["a definition claim without a definition", { truth: "definition" as const, decls: [] }],
    ["no evidence at all", { decls: [] }],
  ])("%s", (_name, s) => {
    const c = verdictOf(s);
    expect(c.verdict).toBe("failing");
    expect(c.outcome).toBe(`Not established: ${c.reasons.join("; ")}.`);
  });
  it("a conditional outcome without a note ends after the hypotheses", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }, { name: "Sym.H", role: "hypothesis" }, witnessOf("Sym.H")], records: [rec("Sym.H", "passed")] });
    expect(c.outcome).toBe(
      "Proved in Lean assuming `Sym.H`; those hypotheses are not proved, only checked numerically and shown satisfiable by a Lean witness (each hypothesis passed its numeric check: `Sym.H` (1000 runs, seed 42); witnessed in Lean by `Sym.H_witness`).",
    );
  });
  it("a conflict between several theorems lists each", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.l", role: "proof" }], records: [rec("Sym.t", "counterexample", { seed: 1 }), rec("Sym.l", "counterexample", { seed: 2 })] });
    expect(c.outcome).toBe(`Formal and numeric evidence disagree: ${c.reasons.join("; ")}. One of them is wrong; the claim is not judged until this is resolved.`);
    expect(c.reasons).toHaveLength(2);
  });
});
