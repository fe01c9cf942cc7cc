/**
 * The registry's JSON reader at its edges: every escape, number form and error, with positions
 * (a registry problem must point at the right character).
 */
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, member, parseJson, toValue } from "../../src/spec/json.js";

const value = (text: string) => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return toValue(r.value);
};
const error = (text: string) => {
  const r = parseJson(text);
  if (r.ok) throw new Error("expected an error");
  return { message: r.error.message, line: r.error.range.start.line, column: r.error.range.start.column, endColumn: r.error.range.end.column };
};

describe("values", () => {
  it("reads every simple escape and \\u escapes in either case", () => {
    expect(value('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9\\u00e9"')).toBe('" \\ / \b \f \n \r \t éé');
  });
  it.each([
    ["0", 0],
    ["-0.5", -0.5],
    ["12e2", 1200],
    ["1E-1", 0.1],
    ["3.25E+1", 32.5],
  ])("reads the number %s", (text, n) => {
    expect(value(text)).toBe(n);
  });
  it("reads nested and empty containers, with a byte-order mark and any JSON whitespace", () => {
    expect(value('\uFEFF\t{ "a" : { } , "b" : [ ] , "c" : [ [ 1 ] , { "d" : false } ] }\r\n')).toEqual({ a: {}, b: [], c: [[1], { d: false }] });
  });
  it("keeps the later of two equal keys when read as data, and both members in the tree", () => {
    const r = parseJson('{"a": 1, "a": 2}');
    expect(r.ok && r.value.type === "object" && r.value.members.length).toBe(2);
    expect(value('{"a": 1, "a": 2}')).toEqual({ a: 2 });
  });
  it("member finds a key in an object only", () => {
    const r = parseJson('{"k": [1]}');
    if (!r.ok) throw new Error("parse");
    expect(member(r.value, "k")?.value.type).toBe("array");
    expect(member(r.value, "x")).toBeUndefined();
    const arr = member(r.value, "k")!.value;
    expect(member(arr, "k")).toBeUndefined();
  });
  it("ranges span the whole value, across lines", () => {
    const r = parseJson('[\n  {"a": true},\n  null\n]');
    if (!r.ok || r.value.type !== "array") throw new Error("parse");
    const [obj, nul] = r.value.items;
    expect(obj!.range).toMatchObject({ start: { line: 2, column: 3, offset: 4 }, end: { line: 2, column: 14, offset: 15 } });
    expect(nul!.range).toMatchObject({ start: { line: 3, column: 3 }, end: { line: 3, column: 7 } });
    expect(r.value.range).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 4, column: 2 } });
  });
});

describe("errors, each at its character", () => {
  it.each([
    ["[1,]", "trailing comma in array", 1, 4, 5],
    ['{"a": "b\nc"}', "unterminated string (line break inside a string)", 1, 7, 9],
    ['"a\\x"', "invalid escape sequence in string", 1, 3, 4],
    ['"\\u12G4"', "invalid escape sequence in string", 1, 2, 3],
    ['"a\u0001"', "control character in string", 1, 3, 4],
    ["-", "invalid number", 1, 1, 2],
    ["[tru]", "expected a JSON value, found 't'", 1, 2, 3],
    ['{"a": 1 "b": 2}', "expected ',' or '}' in object, found '\"'", 1, 9, 10],
    ['{"a": 1\n,\n}', "trailing comma in object", 3, 1, 2],
    ["[1 2]", "expected ',' or ']' in array, found '2'", 1, 4, 5],
    ['{"a": 1', "expected ',' or '}' in object, found end of file", 1, 8, 9],
    ["  ", "expected a JSON value, found end of file", 1, 3, 4],
  ])("%j: %s at %i:%i", (text, message, line, column, endColumn) => {
    expect(error(text)).toEqual({ message, line, column, endColumn });
  });
});

describe("the JSON reader: positions, nesting, numbers and escapes at their edges", () => {
  const error = (text: string) => {
    const r = parseJson(text);
    if (r.ok) throw new Error("parsed");
    return r.error;
  };
  it("points a one-character problem at exactly that character", () => {
    const e = error("[1,]");
    expect(e.range.start.offset).toBe(3);
    expect(e.range.end.offset).toBe(4);
    expect(e.range.end.column).toBe(e.range.start.column + 1);
  });
  it("limits the depth of nesting, not the number of sibling arrays and objects", () => {
    const siblings = `[${Array.from({ length: MAX_JSON_DEPTH + 10 }, (_, k) => (k % 2 ? "{}" : "[[]]")).join(",")}]`;
    expect((value(siblings) as unknown[]).length).toBe(MAX_JSON_DEPTH + 10);
    expect(error(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`).message).toContain("nested deeper");
  });
  it("reads 9 and exponents of several digits, and refuses a value starting with '+' or '.' as no JSON value", () => {
    expect(value("9")).toBe(9);
    expect(value("[1e10, -2.5E-12]")).toEqual([1e10, -2.5e-12]);
    expect(error("+1").message).toBe("expected a JSON value, found '+'");
    expect(error(".5").message).toBe("expected a JSON value, found '.'");
  });
  it("refuses a minus sign without digits even when digits follow later", () => {
    expect(error("-x1").message).toBe("invalid number");
  });
  it("refuses an escape that is neither simple nor \\u with four hex digits", () => {
    expect(error('"\\x0041"').message).toBe("invalid escape sequence in string");
    expect(error('"\\u00g1"').message).toBe("invalid escape sequence in string");
  });
  it("names a trailing comma followed by white space as a trailing comma", () => {
    expect(error("[1, \n]").message).toBe("trailing comma in array");
    expect(error('{"a": 1, \n}').message).toBe("trailing comma in object");
  });
  it("allows white space before a comma and before a colon", () => {
    expect(value('[1 ,\n2\t]')).toEqual([1, 2]);
    expect(value('{"a" \n: 1 , "b"\t:2 }')).toEqual({ a: 1, b: 2 });
  });
});
