/**
 * The registry's name patterns, accepted and refused exactly: claim ids, statement hashes, Lean
 * declaration names (in a declaration, a part's lists and `instantiate`), and the order of the
 * cycle found among dependencies.
 */
import { describe, expect, it } from "vitest";
import { CLAIM_ID_RE, findCycle, parseRegistry } from "../../src/spec/load.js";
import type { Claim } from "../../src/spec/types.js";

function registry(claim: Record<string, unknown> = {}, decl: Record<string, unknown> = {}): string {
  const d = { name: "Sym.t", role: "statement", ...decl };
  return JSON.stringify({ claims: [{ id: "P3.6", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [d], dependsOn: [], expected: "proved", ...claim }] }, null, 2);
}
const codes = (text: string): string[] => {
  const r = parseRegistry(text, "c.json");
  return r.ok ? [] : r.diagnostics.map((d) => d.code);
};

describe("claim ids", () => {
  it.each(["P3.6", "R3.2a", "P3.3.2", "D10.12", "X3.1.4z"])("accepts %j", (id) => {
    expect(CLAIM_ID_RE.test(id)).toBe(true);
    expect(codes(registry({ id }))).toEqual([]);
  });
  it.each(["P3", "p3.6", "P3.6ab", "P3.6A", "PP3.6", "3.6", "P.6", "P3.", "P3..6", " P3.6", "P3.6 ", "xP3.6", "P3.6-"])("refuses %j", (id) => {
    expect(CLAIM_ID_RE.test(id)).toBe(false);
    expect(codes(registry({ id }))).toEqual(["SPEC011"]);
  });
});

describe("statement hashes", () => {
  it("accept exactly 16 lowercase hex digits", () => {
    expect(codes(registry({}, { statementHash: "0123456789abcdef" }))).toEqual([]);
    for (const h of ["0123456789abcde", "0123456789abcdef0", "0123456789ABCDEF", "0123456789abcdeg", " 0123456789abcdef", "x0123456789abcdef"]) {
      expect(codes(registry({}, { statementHash: h })), h).toEqual(["SPEC015"]);
    }
  });
});

describe("Lean declaration names", () => {
  it.each(["t", "Sym.t", "Sym.t'", "Sym.t_2", "Sym.isOk?", "Sym.go!", "Sym.x₁", "Sym.xᵢ", "Sym.αβ", "_root.t", "Sym.Net.a.b"])("accepts %j", (name) => {
    expect(codes(registry({}, { name }))).toEqual([]);
  });
  it.each(["1t", "Sym.", ".t", "Sym..t", "Sym.1t", "Sym t", "Sym.t-1", "Sym.'t", "Sym.t ", " Sym.t", "Sym.t.", "Sym.«t»"])("refuses %j", (name) => {
    expect(codes(registry({}, { name }))).toEqual(["SPEC019"]);
  });
  it("in a part's numeric list and in instantiate, by the same pattern", () => {
    const part = (numeric: string[]) => registry({ parts: [{ id: "a", text: "t", declarations: ["Sym.t"], numeric }] });
    expect(codes(part(["Sym.prop_1'"]))).toEqual([]);
    expect(codes(part(["Sym.prop-1"]))).toEqual(["SPEC019"]);
    expect(codes(part(["1prop"]))).toEqual(["SPEC019"]);
    expect(codes(registry({}, { instantiate: { σ: "Sym.relu" } }))).toEqual([]);
    expect(codes(registry({}, { instantiate: { σ: "Sym.relu x" } }))).toEqual(["SPEC004"]);
    expect(codes(registry({}, { instantiate: { σ: "1relu" } }))).toEqual(["SPEC004"]);
  });
});

describe("dependency cycles", () => {
  const c = (id: string, dependsOn: string[]): Claim => ({ id, section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [], dependsOn, expected: "proved" });
  it("are given from the claim where the search met them, back to it", () => {
    expect(findCycle([c("A1.1", ["A1.2"]), c("A1.2", ["A1.3"]), c("A1.3", ["A1.2"])])).toEqual(["A1.2", "A1.3", "A1.2"]);
    expect(findCycle([c("A1.1", ["A1.1"])])).toEqual(["A1.1", "A1.1"]);
    expect(findCycle([c("A1.1", ["A1.2"]), c("A1.2", []), c("A1.3", ["A1.1", "A1.4"]), c("A1.4", ["A1.3"])])).toEqual(["A1.3", "A1.4", "A1.3"]);
  });
  it("are not found in a diamond", () => {
    expect(findCycle([c("A1.1", ["A1.2", "A1.3"]), c("A1.2", ["A1.4"]), c("A1.3", ["A1.4"]), c("A1.4", [])])).toBeUndefined();
  });
  it("are reported with the arrow chain at the first claim's reference", () => {
    const text = JSON.stringify({
      claims: [
        { id: "A1.1", section: "1", kind: "remark", title: "t", paraphrase: "p", truth: "true", declarations: [], dependsOn: ["A1.2"], expected: "proved" },
        { id: "A1.2", section: "1", kind: "remark", title: "t", paraphrase: "p", truth: "true", declarations: [], dependsOn: ["A1.1"], expected: "proved" },
      ],
    }, null, 2);
    const r = parseRegistry(text, "c.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => [d.code, d.entry, d.field, d.message])).toEqual([["SPEC016", "A1.1", "dependsOn[0]", 'claim "A1.1", field "dependsOn[0]": dependency cycle A1.1 → A1.2 → A1.1']]);
  });
});
