import { describe, expect, it } from "vitest";
import { member, parseJson, toValue } from "../../src/spec/json.js";

describe("parseJson", () => {
  it("parses values and keeps 1-based positions", () => {
    const r = parseJson('{\n  "a": [1, -2.5e1, true, null],\n  "b": "x\\u00e9\\n"\n}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(toValue(r.value)).toEqual({ a: [1, -25, true, null], b: "xé\n" });
    const b = member(r.value, "b")!;
    expect(b.keyRange.start).toMatchObject({ line: 3, column: 3 });
    expect(b.value.range.start).toMatchObject({ line: 3, column: 8 });
    expect(b.value.range.end).toMatchObject({ line: 3, column: 19 });
  });

  it.each([
    ['{"a": 1,}', "trailing comma in object", 1, 9],
    ['{"a" 1}', "expected ':' after property name \"a\", found '1'", 1, 6],
    ["[1, 2", "expected ',' or ']' in array, found end of file", 1, 6],
    ['{"a": "x', "unterminated string", 1, 7],
    ["{\n  a: 1\n}", "expected a property name in double quotes, found 'a'", 2, 3],
    ["{} x", "unexpected 'x' after the end of the JSON value", 1, 4],
    ["", "expected a JSON value, found end of file", 1, 1],
  ])("reports %j as %s at %i:%i", (text, message, line, column) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(message);
    expect(r.error.range.start).toMatchObject({ line, column });
  });
});

describe("parseJson: deep nesting", () => {
  it("20,000 nested arrays give a diagnostic at the first level too deep, not a stack overflow", () => {
    const r = parseJson("[".repeat(20000) + "]".repeat(20000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.range.start).toMatchObject({ line: 1, column: 257 });
    expect(r.error.message).toContain("nested deeper than 256");
  });
  it("nesting within the limit parses", () => {
    expect(parseJson("[".repeat(200) + "]".repeat(200)).ok).toBe(true);
  });
});
