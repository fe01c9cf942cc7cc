/**
 * A statement whose own proof is `sorry` is stated, not proved: it gets numeric evidence and the
 * report shows it as stated (an open part), never as a proof and never as a broken declaration;
 * `sorry` anywhere else keeps failing what depends on it.
 */
import { describe, expect, it } from "vitest";
import { rec, verdictOf } from "./scenario.js";

describe("statements whose proof is sorry", () => {
  it("a sorry'd statement with passing numeric evidence is stated, not proved and not failing", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }], records: [rec("Sym.conj", "passed")], expected: "supported" });
    expect(c.verdict).not.toBe("proved");
    expect(c.verdict).not.toBe("failing");
    const d = c.declarations[0]!;
    expect(d.stated).toBe(true);
    expect(d.ok).toBe(false);
    expect(d.isTheorem).toBe(false);
    expect(d.problems).toEqual([]);
    expect(c.parts[0]!.status).toBe("open");
    expect(c.parts[0]!.formal).toBe(false);
    expect(c.parts[0]!.reasons[0]).toContain("a theorem whose proof is `sorry`");
  });

  it("a counterexample to a sorry'd statement is not a conflict: nothing was proved", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }], records: [rec("Sym.conj", "counterexample")], expected: "supported" });
    expect(c.verdict).not.toBe("conflict");
    expect(c.verdict).not.toBe("proved");
  });

  it("a sorry'd refutation, conditional proof or witness is a problem, not a stated claim", () => {
    for (const role of ["refutation", "conditional", "witness"] as const) {
      const c = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.r", role, usesSorry: true, module: "Sym.R" }], modules: [{ name: "Sym.M" }, { name: "Sym.R" }] });
      expect(c.verdict).toBe("failing");
      expect(c.declarations.find((d) => d.name === "Sym.r")!.problems).toContain("uses sorry");
    }
  });

  it("a theorem in the same module as a sorry'd statement still fails (it may use it)", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }, { name: "Sym.u", role: "proof" }] });
    expect(c.verdict).toBe("failing");
    expect(c.declarations[1]!.problems).toEqual(["module Sym.M uses sorry (Sym.conj)"]);
  });
});

describe("the source scan's `sorry` and a stated statement", () => {
  const scan = (line: number) => [{ construct: "sorry" as const, file: "lean/Sym/M.lean", line, column: 3, text: "sorry" }];
  it("the scan's `sorry` inside the statement's own lines is its own sorry: still stated", () => {
    // The scenario puts the first declaration at line 10.
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }], forbidden: scan(10), records: [rec("Sym.conj", "passed")], expected: "supported" });
    expect(c.declarations[0]!.stated).toBe(true);
    expect(c.declarations[0]!.problems).toEqual([]);
  });
  it("a scanned `sorry` outside its lines is a problem: not stated, failing", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }], forbidden: scan(30) });
    expect(c.declarations[0]!.stated).toBeUndefined();
    expect(c.declarations[0]!.problems).toEqual(["uses sorry", "forbidden `sorry` at lean/Sym/M.lean:30:3"]);
    expect(c.verdict).toBe("failing");
  });
  it("a scanned `sorry` in a declaration that Lean does not flag keeps failing it", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }], forbidden: scan(10) });
    expect(c.declarations[0]!.problems).toEqual(["forbidden `sorry` at lean/Sym/M.lean:10:3"]);
    expect(c.verdict).toBe("failing");
  });
  it("a scanned `sorry` on a line before the statement is a problem too: not stated", () => {
    // The second declaration of the scenario is at line 20; the `sorry` is in the first one's lines.
    const c = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.conj", usesSorry: true }], forbidden: scan(10) });
    expect(c.declarations[1]!.stated).toBeUndefined();
    expect(c.declarations[1]!.problems).toEqual(["uses sorry", "forbidden `sorry` at lean/Sym/M.lean:10:3"]);
  });
  it("the scan's `sorry` in the statement's lines at a column of two digits is still its own sorry", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }], forbidden: [{ construct: "sorry", file: "lean/Sym/M.lean", line: 10, column: 24, text: "theorem conj : P := by sorry" }], records: [rec("Sym.conj", "passed")], expected: "supported" });
    expect(c.declarations[0]!.stated).toBe(true);
    expect(c.declarations[0]!.problems).toEqual([]);
  });
  it("a sorry'd statement whose module also has an error message is failing with that error, not stated", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", usesSorry: true }], modules: [{ name: "Sym.M", messages: [{ severity: "error", text: "unknown identifier" }] }] });
    expect(c.declarations[0]!.stated).toBeUndefined();
    expect(c.declarations[0]!.problems).toEqual(["uses sorry", "module Sym.M has 1 error message"]);
    expect(c.verdict).toBe("failing");
  });
  it("a declaration in the proof role whose own proof is sorry is stated like a statement", () => {
    const c = verdictOf({ decls: [{ name: "Sym.conj", role: "proof", usesSorry: true }], records: [rec("Sym.conj", "passed")], expected: "supported" });
    expect(c.declarations[0]!.stated).toBe(true);
    expect(c.declarations[0]!.problems).toEqual([]);
    expect(c.declarations[0]!.isTheorem).toBe(false);
  });
});
