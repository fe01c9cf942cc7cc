import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeclarationAt, parseTerm, sourceText } from "../../src/parser/index.js";

const file = "test/parser/fixtures/errors.lean";
const src = sourceText(file, readFileSync(path.resolve(import.meta.dirname, "fixtures/errors.lean"), "utf8"));

function firstError(line: number) {
  const r = parseDeclarationAt(src, line);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error("unreachable");
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0];
  if (!d?.range) throw new Error("diagnostic without a range");
  return { code: d.code, line: d.range.line, column: d.range.column, message: d.message, sourceLine: d.sourceLine };
}

describe("statements with deliberate errors: code and position", () => {
  it("chained comparison", () => {
    expect(firstError(2)).toMatchObject({ code: "SYM107", line: 2, column: 39 });
  });
  it("unclosed parenthesis in a binder", () => {
    expect(firstError(3)).toMatchObject({ code: "SYM104", line: 3, column: 18 });
  });
  it("tactic block inside a statement", () => {
    expect(firstError(4)).toMatchObject({ code: "SYM103", line: 4, column: 42 });
  });
  it("unexpected character", () => {
    const e = firstError(5);
    expect(e).toMatchObject({ code: "SYM001", line: 5, column: 32 });
    expect(e.message).toContain("≟");
    expect(e.sourceLine).toBe("theorem bad_char (x : Nat) : x ≟ x := rfl");
  });
  it("binder without a name", () => {
    expect(firstError(6)).toMatchObject({ code: "SYM106", line: 6, column: 25 });
  });
  it("definition without a type", () => {
    expect(firstError(7)).toMatchObject({ code: "SYM105", line: 7, column: 5 });
  });
  it("end of input inside a statement", () => {
    expect(firstError(8)).toMatchObject({ code: "SYM102", line: 9, column: 1 });
  });
  it("a line that holds no declaration", () => {
    expect(firstError(1)).toMatchObject({ code: "SYM108", line: 1, column: 1 });
  });
  it.each([
    ["", "SYM102", 1],
    [")", "SYM101", 1],
    ["∀", "SYM102", 2],
    ["∀ x,", "SYM102", 5],
    ["⟨", "SYM102", 2],
    ["(a :", "SYM102", 5],
    ["fun =>", "SYM106", 5],
    ["a ⁻¹ ⁻¹ ᵀ .", "SYM101", 11],
    ["{x | }", "SYM101", 6],
    ["if a then b", "SYM102", 12],
    ["\u0000", "SYM001", 1],
    ["/- open", "SYM002", 1],
  ])("refuses the malformed term %j with %s at column %i, without throwing", (text, code, column) => {
    const r = parseTerm(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe(code);
    expect(r.diagnostics[0]!.range).toMatchObject({ line: 1, column });
  });
  it("reports an unterminated comment", () => {
    const r = parseTerm("a = /- open");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: "SYM002", range: { line: 1, column: 5 } });
  });
});
