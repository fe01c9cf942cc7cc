/**
 * How each field of a Lean JSON message is read, with the fallbacks for missing or odd values,
 * and which output lines are noise.
 */
import { describe, expect, it } from "vitest";
import { formatMessage, parseLeanOutput, parseMessageLine } from "../../src/lean/messages.js";

describe("parseMessageLine", () => {
  it("reads every field, converting Lean's 0-based columns to 1-based", () => {
    expect(parseMessageLine('  {"severity":"information","pos":{"line":4,"column":2},"endPos":{"line":5,"column":0},"kind":"trace","fileName":"A.lean","data":"hi"}  ', "F")).toEqual({
      severity: "information",
      kind: "trace",
      file: "A.lean",
      line: 4,
      column: 3,
      endLine: 5,
      endColumn: 1,
      text: "hi",
    });
  });
  it("falls back to line 1, column 1, the given file and an empty kind", () => {
    expect(parseMessageLine('{"severity":"error","data":"x"}', "F.lean")).toEqual({ severity: "error", kind: "", file: "F.lean", line: 1, column: 1, endLine: 1, endColumn: 1, text: "x" });
  });
  it("uses the start as the end when endPos is missing, and ignores values that are not finite numbers", () => {
    expect(parseMessageLine('{"severity":"warning","pos":{"line":7,"column":"3"},"fileName":5,"kind":3,"data":"w"}', "F")).toMatchObject({ file: "F", kind: "", line: 7, column: 1, endLine: 7, endColumn: 1 });
    expect(parseMessageLine('{"severity":"warning","pos":{"line":2,"column":4}}', "F")).toMatchObject({ line: 2, column: 5, endLine: 2, endColumn: 5, text: '""' });
  });
  it("keeps structured data as JSON text", () => {
    expect(parseMessageLine('{"severity":"error","data":{"a":[1]}}', "F")?.text).toBe('{"a":[1]}');
  });
  it.each(['{"severity":"fatal","data":"x"}', '{"data":"x"}', "severity error", '{"severity":"error"', 'x{"severity":"error"}', "{not json}"])("is no message: %s", (line) => {
    expect(parseMessageLine(line, "F")).toBeUndefined();
  });
  it.each(["null", "42", '"text"', "[1]"])("answers no message, without throwing, for a JSON value that is no object: %s", (line) => {
    expect(() => parseMessageLine(line, "F")).not.toThrow();
    expect(parseMessageLine(line, "F")).toBeUndefined();
  });
});

describe("parseLeanOutput", () => {
  it("splits on CRLF too, and keeps only the lines that are neither messages nor noise", () => {
    const out = [
      "Lean 4 WASM build",
      "LEAN_PATH=/a:/b",
      "Working directory: /w",
      "[DEBUG] start",
      "[DEBUG:x] more",
      "   ",
      "  /p/Init.olean",
      '{"severity":"error","data":"e"}',
      "uncaught exception: boom",
    ].join("\r\n");
    const r = parseLeanOutput(out, "F");
    expect(r.messages.map((m) => m.text)).toEqual(["e"]);
    expect(r.other).toEqual(["uncaught exception: boom"]);
  });
  it("keeps a line that only mentions LEAN_PATH or DEBUG further on", () => {
    expect(parseLeanOutput("note: LEAN_PATH unset\nsee [DEBUG]", "F").other).toEqual(["note: LEAN_PATH unset", "see [DEBUG]"]);
  });
});

describe("formatMessage", () => {
  it("writes file:line:col: severity: text", () => {
    expect(formatMessage({ severity: "warning", kind: "", file: "lean/A.lean", line: 3, column: 9, endLine: 3, endColumn: 12, text: "unused" })).toBe("lean/A.lean:3:9: warning: unused");
  });
});
