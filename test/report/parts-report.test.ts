/**
 * Claims with parts, through the public report: what each part report holds (status, records,
 * formal, numeric, note, implicit), how the claim's outcome names the formal, numeric-only and open
 * parts, and that a counterexample contradicts only a theorem of its own part.
 */
import { describe, expect, it } from "vitest";
import type { ClaimPart } from "../../src/spec/types.js";
import { rec, verdictOf, type D } from "./scenario.js";

const part = (id: string, text: string, declarations: string[], numeric: string[] = [], note?: string): ClaimPart => ({ id, text, declarations, numeric, ...(note ? { note } : {}) });

describe("partial: some parts formal, not all", () => {
  const decls: D[] = [{ name: "Sym.t2" }, { name: "Sym.D", kind: "def" }];
  const c = verdictOf({
    note: "The odd case stays open.",
    decls,
    parts: [part("p2", "p = 2", ["Sym.t2"], [], "the Frobenius case"), part("odd", "odd p", [], ["Sym.hand"]), part("inf", "p = ∞", ["Sym.D"])],
    records: [rec("Sym.hand", "passed", { seed: 3 }), rec("Sym.D", "passed", { runs: 10 })],
  });
  it("names the formal, numeric-only and open parts, then the note", () => {
    expect(c.verdict).toBe("partial");
    expect(c.outcome).toBe('Proved in part. formal: "p = 2" (proved); numeric only: "odd p"; open: "p = ∞". The odd case stays open.');
  });
  it("gives one reason line per part, with its status and its own reasons", () => {
    expect(c.reasons).toEqual([
      'part "p = 2": proved (`Sym.t2` kernel-checked; no numeric check applies)',
      'part "odd p": supported (numeric evidence only (the numeric check passed (1000 runs, seed 3)); no Lean proof)',
      'part "p = ∞": open (`Sym.D` is stated in Lean (`def … : Prop`) and not proved; numeric evidence only (its numeric evidence is weak only: 1 weak record (premises held in fewer than 1,000 runs: `Sym.D` 10)))',
    ]);
  });
  it("reports each part with its declarations, records, formal flag, numeric status and note", () => {
    expect(c.parts.map((p) => [p.id, p.status, p.declarations, p.records, p.formal, p.numeric, p.note, p.implicit])).toEqual([
      ["p2", "proved", ["Sym.t2"], [], true, "none", "the Frobenius case", false],
      ["odd", "supported", [], ["Sym.hand"], false, "passed", undefined, false],
      ["inf", "open", ["Sym.D"], ["Sym.D"], false, "weak", undefined, false],
    ]);
  });
  it("a claim without parts is one implicit part made of everything", () => {
    const one = verdictOf({ decls: [{ name: "Sym.t" }], records: [rec("Sym.hand", "passed")] });
    expect(one.parts).toHaveLength(1);
    expect(one.parts[0]).toMatchObject({ id: "all", text: "the claim as a whole", declarations: ["Sym.t"], records: ["Sym.hand"], implicit: true, status: "proved", formal: true, numeric: "passed" });
  });
});

describe("the outcome says when the only numeric evidence is weak", () => {
  it("a partial claim whose only records are weak", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t2" }, { name: "Sym.C", kind: "def" }], parts: [part("a", "A", ["Sym.t2"]), part("b", "B", ["Sym.C"])], records: [rec("Sym.C", "passed", { runs: 10 })] });
    expect(c.outcome).toBe('Proved in part. formal: "A" (proved); open: "B". Its only numeric evidence is weak.');
  });
  it("not when a strong record exists beside the weak one", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t2" }, { name: "Sym.C", kind: "def" }], parts: [part("a", "A", ["Sym.t2"]), part("b", "B", ["Sym.C"])], records: [rec("Sym.C", "passed", { runs: 10 }), rec("Sym.t2", "passed")] });
    expect(c.outcome).toBe('Proved in part. formal: "A" (proved); open: "B".');
  });
});

describe("counterexamples and parts", () => {
  const decls: D[] = [{ name: "Sym.t2" }, { name: "Sym.C", kind: "def" }];
  it("a counterexample to one part's `def … : Prop` does not contradict another part's theorem: suspect, not conflict", () => {
    const c = verdictOf({ decls, parts: [part("a", "A", ["Sym.t2"]), part("b", "B", ["Sym.C"])], records: [rec("Sym.C", "counterexample", { seed: 5 })] });
    expect(c.verdict).toBe("suspect");
    expect(c.reasons).toEqual(["the numeric check found a counterexample (seed 5) and no Lean refutation exists"]);
  });
  it("a counterexample to a hand-written property of a proved part is a conflict naming it", () => {
    const c = verdictOf({ decls, parts: [part("a", "A", ["Sym.t2"], ["Sym.hand"]), part("b", "B", ["Sym.C"])], records: [rec("Sym.hand", "counterexample", { seed: 5 })] });
    expect(c.verdict).toBe("conflict");
    expect(c.reasons).toEqual(["the statement is proved in Lean (`Sym.t2`) but the numeric check of `Sym.hand` found a counterexample (seed 5)"]);
  });
  it("without parts, any counterexample to the literal claim contradicts a proved statement", () => {
    const c = verdictOf({ decls, records: [rec("Sym.C", "counterexample", { seed: 5 })] });
    expect(c.verdict).toBe("conflict");
  });
});

describe("failing with parts lists every part", () => {
  it("the reason says nothing carries the claim, then one line per part", () => {
    const c = verdictOf({ decls: [{ name: "Sym.C", kind: "def" }, { name: "Sym.D", kind: "def" }], parts: [part("a", "A", ["Sym.C"]), part("b", "B", ["Sym.D"])] });
    expect(c.verdict).toBe("failing");
    expect(c.reasons).toEqual([
      "nothing carries the claim: `Sym.C` is stated in Lean (`def … : Prop`) and not proved; `Sym.D` is stated in Lean (`def … : Prop`) and not proved",
      'part "A": open (`Sym.C` is stated in Lean (`def … : Prop`) and not proved)',
      'part "B": open (`Sym.D` is stated in Lean (`def … : Prop`) and not proved)',
    ]);
    expect(c.outcome).toBe(`Not established: ${c.reasons[0]}.`);
  });
});
