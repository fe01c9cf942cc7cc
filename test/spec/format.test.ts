/** How a registry diagnostic is shown: position, code, message, and a caret under the range. */
import { describe, expect, it } from "vitest";
import { fileStart, formatDiagnostic, type Diagnostic } from "../../src/spec/diagnostics.js";

const d = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  code: "SPEC005",
  severity: "error",
  message: "unknown kind",
  range: { file: "spec/claims.json", line: 3, column: 5, endLine: 3, endColumn: 9 },
  ...over,
});

describe("formatDiagnostic", () => {
  it("without a source line: one line, file:line:col: severity CODE: message", () => {
    expect(formatDiagnostic(d())).toBe("spec/claims.json:3:5: error SPEC005: unknown kind");
  });
  it("with a source line: the line and a caret as wide as the range", () => {
    expect(formatDiagnostic(d({ sourceLine: '  "kind": "x",', severity: "warning" }))).toBe('spec/claims.json:3:5: warning SPEC005: unknown kind\n    "kind": "x",\n      ^^^^');
  });
  it("one caret for an empty range or a range over several lines", () => {
    expect(formatDiagnostic(d({ sourceLine: "ab", range: { file: "f", line: 1, column: 2, endLine: 1, endColumn: 2 } })).split("\n")[2]).toBe("   ^");
    expect(formatDiagnostic(d({ sourceLine: "ab", range: { file: "f", line: 1, column: 1, endLine: 4, endColumn: 9 } })).split("\n")[2]).toBe("  ^");
  });
  it("a range at column 0 or below puts the caret at the start", () => {
    expect(formatDiagnostic(d({ sourceLine: "ab", range: { file: "f", line: 1, column: 0, endLine: 1, endColumn: 1 } })).split("\n")[2]).toBe("  ^");
  });
});

describe("fileStart", () => {
  it("is line 1, column 1 of the file, empty", () => {
    expect(fileStart("x.json")).toEqual({ file: "x.json", line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
