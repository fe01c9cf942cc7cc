/**
 * The verdict rules and the report's pass/fail summary, through the public `buildReport` (the
 * scenarios of `scenario.ts`).
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build.js";
import type { Claim } from "../../src/spec/types.js";
import { inputs, rec, report, verdictOf, witnessOf } from "./scenario.js";

describe("conflict: every kind of kernel-checked theorem is contradicted by a numeric counterexample", () => {
  it.each(["statement", "proof", "conditional", "refutation"] as const)("a clean %s theorem with a counterexample on itself is a conflict", (role) => {
    const c = verdictOf({
      truth: role === "refutation" ? "false" : "true",
      decls: [{ name: "Sym.t", role }, ...(role === "conditional" ? [{ name: "Sym.H", role: "hypothesis" as const }] : [])],
      records: [rec("Sym.t", "counterexample", { seed: 5, path: "3:1" }), rec("Sym.H", "passed")],
    });
    expect(c.verdict).toBe("conflict");
    expect(c.reasons).toEqual(["`Sym.t` is proved in Lean but the numeric check found a counterexample (seed 5, path 3:1)"]);
  });

  it("a hypothesis with a counterexample is no conflict (a hypothesis is not proved): the conditional proof is failing", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }, { name: "Sym.H", role: "hypothesis", kind: "theorem" }], records: [rec("Sym.H", "counterexample")] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["hypothesis `Sym.H` is false numerically, so the conditional proof says nothing"]);
  });

  it("a `def … : Prop` statement with a counterexample is suspect, not a conflict", () => {
    expect(verdictOf({ truth: "false", note: "n", decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "counterexample")] }).verdict).toBe("suspect");
  });

  it("a refutation whose literal statement passed numerically, with no counterexample anywhere, is a conflict", () => {
    const c = verdictOf({ truth: "false", decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.not_C", role: "refutation" }], records: [rec("Sym.C", "passed", { runs: 3000, seed: 9 })] });
    expect(c.verdict).toBe("conflict");
    expect(c.reasons[0]).toBe("the negation is proved in Lean (`Sym.not_C`) but the numeric check of the literal statement passed (3000 runs, seed 9) without finding a counterexample");
  });

  it("a weak pass of the literal statement is no conflict with a refutation (a weak record never counts as passed)", () => {
    const c = verdictOf({ truth: "false", decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.not_C", role: "refutation" }], records: [rec("Sym.C", "passed", { runs: 30, seed: 9 })] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["the negation is proved in Lean (`Sym.not_C`) but out/numeric.json holds no numeric counterexample"]);
  });

  it("a refutation with a counterexample to the literal statement is refuted, and says which evidence", () => {
    const c = verdictOf({ truth: "false", note: "What stays open.", decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.not_C", role: "refutation" }], records: [rec("Sym.C", "counterexample", { runs: 7 })] });
    expect(c.verdict).toBe("refuted");
    expect(c.reasons).toEqual(["the negation of the literal statement is proved in Lean (`Sym.not_C`)", "the numeric check found a counterexample to the literal statement (7 runs, seed 42)"]);
    expect(c.outcome).toMatch(/ What stays open\.$/);
  });
});

describe("sorry: from the usesSorry flag or from Lean's messages alone", () => {
  it("a module whose only sign of sorry is Lean's message text fails its declarations", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], modules: [{ name: "Sym.M", messages: [{ line: 7, text: "declaration uses 'sorry'" }] }] });
    expect(c.verdict).toBe("failing");
    expect(c.declarations[0]!.problems).toEqual(["module Sym.M uses sorry (lean/Sym/M.lean:7)"]);
  });

  it("a message of kind hasSorry counts whatever its text", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], modules: [{ name: "Sym.M", messages: [{ line: 3, kind: "hasSorry", text: "uses a placeholder" }] }] });
    expect(c.declarations[0]!.problems).toEqual(["module Sym.M uses sorry (lean/Sym/M.lean:3)"]);
  });

  it("a sorry message in an imported module fails the importer's declarations", () => {
    const c = verdictOf({
      decls: [{ name: "Sym.t", module: "Sym.B" }],
      modules: [{ name: "Sym.A", messages: [{ line: 2, text: "declaration uses 'sorry'" }] }, { name: "Sym.B", imports: ["Sym.A"] }],
    });
    expect(c.verdict).toBe("failing");
    expect(c.declarations[0]!.problems).toEqual(["imported: module Sym.A uses sorry (lean/Sym/A.lean:2)"]);
  });

  it("a flagged declaration is named, and its own flag is not repeated as a module problem", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t", usesSorry: true }, { name: "Sym.u", role: "proof" }] });
    // Sym.t's own sorry is all that is wrong with it, so it is stated (not repeated as a module problem).
    expect(c.declarations.map((d) => d.problems)).toEqual([[], ["module Sym.M uses sorry (Sym.t)"]]);
    expect(c.declarations[0]!.stated).toBe(true);
    expect(c.verdict).toBe("failing");
    const w = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.w", role: "witness", usesSorry: true }] });
    expect(w.declarations.map((d) => d.problems)).toEqual([["module Sym.M uses sorry (Sym.w)"], ["uses sorry"]]);
  });

  it("a warning that is not about sorry does not count", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }], modules: [{ name: "Sym.M", messages: [{ text: "unused variable `h`" }] }] }).verdict).toBe("proved");
  });

  it("an error message fails a module that reports itself built", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], modules: [{ name: "Sym.M", messages: [{ severity: "error", text: "type mismatch" }, { severity: "error", text: "x" }] }] });
    expect(c.declarations[0]!.problems).toEqual(["module Sym.M has 2 error messages"]);
  });
});

describe("forbidden constructs", () => {
  it.each(["axiom", "sorry", "admit", "native_decide", "implemented_by", "extern"] as const)("`%s` in the module's file fails its theorem", (construct) => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], forbidden: [{ construct, file: "lean/Sym/M.lean", line: 4, column: 2, text: construct }] });
    expect(c.verdict).toBe("failing");
    expect(c.declarations[0]!.problems).toEqual([`forbidden \`${construct}\` at lean/Sym/M.lean:4:2`]);
  });
  it("a forbidden construct in a file outside the import closure does not count", () => {
    expect(verdictOf({ decls: [{ name: "Sym.t" }], forbidden: [{ construct: "axiom", file: "lean/Sym/Other.lean", line: 1, column: 1, text: "axiom" }] }).verdict).toBe("proved");
  });
});

describe("numeric evidence that does not count", () => {
  it("a passed sampled record whose runs were all discarded supports nothing and is shown as weak", () => {
    const c = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 1000, skips: 1000 })] });
    expect(c.verdict).toBe("failing");
    expect(c.numeric.status).toBe("weak");
    expect(c.reasons[0]).toBe("no evidence beyond weak numeric records: 1 weak record (premises held in fewer than 1,000 runs: `Sym.C` 0); no proved statement, no refutation, no conditional proof");
  });
  it("a passed exhaustive evaluation whose one run was discarded is no evidence at all", () => {
    const c = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 1, skips: 1, coverage: "exhaustive" })] });
    expect(c.verdict).toBe("failing");
    expect(c.numeric.status).toBe("none");
  });
  it("premises held counts as recorded, not as runs minus discards, when the record says so", () => {
    const c = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 5000, skips: 0, premisesHeld: 999 })] });
    expect(c.numeric.status).toBe("weak");
    const ok = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 5000, skips: 4001, premisesHeld: 1000 })] });
    expect(ok.verdict).toBe("supported");
  });
  it("a record on a declaration marked numeric: false neither supports nor refutes", () => {
    expect(verdictOf({ decls: [{ name: "Sym.C", kind: "def", numeric: false }], records: [rec("Sym.C", "passed")] }).verdict).toBe("failing");
    expect(verdictOf({ decls: [{ name: "Sym.t", numeric: false }], records: [rec("Sym.t", "counterexample")] }).verdict).toBe("proved");
  });
  it("a declaration marked numeric: true needs a decisive record: one whose runs were all discarded evaluated nothing", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t", numeric: true }], records: [rec("Sym.t", "passed", { runs: 5, skips: 5 })] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual(["numeric evidence for `Sym.t` is required but out/numeric.json has none"]);
  });
  it("a weak record meets a declaration's numeric requirement but is said to be weak, never passed", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t", numeric: true }], records: [rec("Sym.t", "passed", { runs: 5 })] });
    expect(c.verdict).toBe("proved");
    expect(c.numeric.status).toBe("weak");
    expect(c.outcome).toBe("Proved in Lean (`Sym.t`); its numeric evidence is weak only: 1 weak record (premises held in fewer than 1,000 runs: `Sym.t` 5).");
  });
  it("supported: numeric evidence only, summed over records, with discarded runs and every seed", () => {
    const c = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 1010, skips: 10, seed: 1 }), rec("Sym.C", "passed", { runs: 1000, skips: 0, seed: 2 })] });
    expect(c.verdict).toBe("supported");
    expect(c.reasons).toEqual(["numeric evidence only: 2010 runs (premises held in 2000), seeds 1, 2 found no counterexample", "no Lean proof of the statement"]);
    expect(c.numeric).toMatchObject({ status: "passed", runs: 2010 });
    expect(c.outcome).toBe("Not proved. Supported by numeric evidence only: 2010 runs (premises held in 2000), seeds 1, 2 found no counterexample.");
  });
  it("one run is worded in the singular", () => {
    expect(verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed", { runs: 1, coverage: "exhaustive" })] }).reasons[0]).toBe(
      "numeric evidence only: 1 run, 1 exhaustive evaluation, seed 42 found no counterexample",
    );
  });
  it("an error outranks a pass in the claim's numeric summary; a counterexample outranks both", () => {
    expect(verdictOf({ decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "passed"), rec("Sym.C", "error", { message: "boom" })] }).numeric.status).toBe("error");
    expect(verdictOf({ truth: "false", note: "n", decls: [{ name: "Sym.C", kind: "def" }], records: [rec("Sym.C", "error"), rec("Sym.C", "counterexample")] }).numeric.status).toBe("counterexample");
  });
});

describe("summary.ok: the run passes only when nothing is wrong", () => {
  it("is true when every verdict is as expected, nothing mismatches and every statement matches its pin", () => {
    const r = report({ decls: [{ name: "Sym.t", docId: "X3.1" }] });
    expect(r.mismatches).toEqual([]);
    expect(r.summary).toMatchObject({ ok: true, asExpected: 1, unexpected: [], conflicts: [], mismatches: 0, fingerprintChanges: 0 });
  });
  it("is false on a verdict other than the expected one", () => {
    const r = report({ expected: "refuted", note: "n", decls: [{ name: "Sym.t" }] });
    expect(r.summary).toMatchObject({ ok: false, asExpected: 0, unexpected: ["X3.1"] });
  });
  it("is false on a conflict even when the registry expects it", () => {
    const r = report({ expected: "conflict", decls: [{ name: "Sym.t" }], records: [rec("Sym.t", "counterexample")] });
    expect(r.summary).toMatchObject({ ok: false, unexpected: [], conflicts: ["X3.1"] });
  });
  it("is false on a registry declaration missing from out/proofs.json (REP001), even when the failing verdict is expected", () => {
    const r = report({ expected: "failing", decls: [{ name: "Sym.t", missing: true }] });
    expect(r.mismatches.map((m) => m.code)).toEqual(["REP001"]);
    expect(r.summary).toMatchObject({ ok: false, unexpected: [], mismatches: 1 });
  });
  it("is false on a tagged declaration the registry does not list (REP002)", () => {
    const r = report({ decls: [{ name: "Sym.t" }, { name: "Sym.extra", docId: "X3.1", unlisted: true }] });
    expect(r.mismatches.map((m) => [m.code, m.entry, m.range.file, m.range.line])).toEqual([["REP002", "X3.1", "lean/Sym/M.lean", 20]]);
    expect(r.summary).toMatchObject({ ok: false, unexpected: [], mismatches: 1 });
  });
  it("is false on a docstring naming an unknown claim (REP003)", () => {
    const r = report({ decls: [{ name: "Sym.t" }, { name: "Sym.extra", docId: "Z9.9", unlisted: true }] });
    expect(r.mismatches.map((m) => m.code)).toEqual(["REP003"]);
    expect(r.summary.ok).toBe(false);
  });
  it("is false on a changed statement (REP004), which is counted apart from mismatches", () => {
    const r = report({ decls: [{ name: "Sym.t", statementHash: "0000000000000000" }] });
    expect(r.claims[0]!.verdict).toBe("proved");
    expect(r.mismatches.map((m) => [m.code, m.severity, m.field])).toEqual([["REP004", "error", "declarations[0].statementHash"]]);
    expect(r.summary).toMatchObject({ ok: false, mismatches: 0, fingerprintChanges: 1 });
  });
  it("stays true on an unpinned statement, which is only a warning (REP005)", () => {
    const { registry, proofs, numeric } = inputs({ decls: [{ name: "Sym.t" }] });
    delete registry.claims[0]!.declarations[0]!.statementHash;
    const r = buildReport({ registry, proofs, numeric, now: new Date(0), files: { registry: "spec/claims.json", proofs: "out/proofs.json", numeric: "out/numeric.json" } });
    expect(r.mismatches.map((m) => [m.code, m.severity])).toEqual([["REP005", "warning"]]);
    expect(r.summary).toMatchObject({ ok: true, mismatches: 0, fingerprintChanges: 0 });
  });
});

describe("REP002: a tagged declaration must be listed under the claim its docstring names", () => {
  const other: Claim = { id: "X3.2", section: "3.1", kind: "lemma", title: "t", paraphrase: "p", truth: "true", declarations: [{ name: "Sym.extra", role: "proof" }], dependsOn: [], expected: "failing" };
  it("a listing under another claim does not count", () => {
    const r = report({ decls: [{ name: "Sym.t" }, { name: "Sym.extra", docId: "X3.1", unlisted: true }], others: [other] });
    expect(r.mismatches.filter((m) => m.code === "REP002").map((m) => m.message)).toEqual([
      '`Sym.extra`: its docstring tags it with claim "X3.1" but the registry does not list it under that claim',
    ]);
  });
  it("a listing under the tagged claim (and others too) satisfies it", () => {
    const r = report({ decls: [{ name: "Sym.t" }, { name: "Sym.extra", role: "proof", docId: "X3.1" }], others: [{ ...other, expected: "proved" }] });
    expect(r.mismatches.filter((m) => m.code === "REP002")).toEqual([]);
  });
});
