/**
 * Values the registry loader must refuse (each with code, field and position) rather than
 * read as something else: a string where a boolean belongs, empty strings, empty names.
 */
import { describe, expect, it } from "vitest";
import { parseRegistry } from "../../src/spec/load.js";

/** A one-claim registry, one field per line, with `extra` members spliced into the claim and its declaration. */
function registry(opts: { claim?: Record<string, unknown>; decl?: Record<string, unknown>; top?: Record<string, unknown> } = {}): string {
  const decl = { name: "Sym.t", role: "statement", ...opts.decl };
  const claim = { id: "P3.6", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [decl], dependsOn: [], expected: "proved", ...opts.claim };
  return JSON.stringify({ ...opts.top, claims: [claim] }, null, 2);
}

function problems(text: string) {
  const r = parseRegistry(text, "claims.json");
  if (r.ok) return [];
  return r.diagnostics.map((d) => ({ code: d.code, field: d.field, line: d.range.line, column: d.range.column, message: d.message }));
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe("numeric must be a JSON boolean", () => {
  it.each([['"false"', "a string"], ['"true"', "a string"], ["0", "a number"], ["null", "null"]])("refuses numeric: %s (%s) at its position", (value, type) => {
    const text = registry({ decl: { numeric: "__V__" } }).replace('"__V__"', value);
    expect(problems(text)).toEqual([{ code: "SPEC004", field: "declarations[0].numeric", ...at(text, `${value}\n`), message: `claim "P3.6", field "declarations[0].numeric": must be true or false, found ${type}` }]);
  });
  it("reads numeric: false and numeric: true as booleans", () => {
    for (const numeric of [false, true]) {
      const r = parseRegistry(registry({ decl: { numeric } }), "claims.json");
      expect(r.ok && r.value.claims[0]!.declarations[0]!.numeric).toBe(numeric);
    }
  });
});

describe("empty strings are refused, with the field", () => {
  it.each([
    ["title", { claim: { title: "" } }],
    ["paraphrase", { claim: { paraphrase: "   " } }],
    ["section", { claim: { section: "" } }],
    ["note", { claim: { note: "" } }],
    ["evidence", { claim: { evidence: " \t" } }],
    ["declarations[0].name", { decl: { name: "" } }],
    ["declarations[0].statementHash", { decl: { statementHash: "" } }],
  ] as const)("%s", (field, opts) => {
    const text = registry(opts);
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "SPEC004", field, message: `claim "P3.6", field "${field}": must not be empty` });
  });
  it("an empty id is refused and the claim is named by its index", () => {
    expect(problems(registry({ claim: { id: "" } }))).toEqual([{ code: "SPEC004", field: "id", line: 4, column: 13, message: 'claim "", field "id": must not be empty' }]);
  });
  it("an empty role is refused", () => {
    expect(problems(registry({ decl: { role: "" } })).map((p) => [p.code, p.field])).toEqual([["SPEC004", "declarations[0].role"]]);
  });
  it("a section with an empty id or title is refused (and so is a claim naming it)", () => {
    const text = registry({ top: { sections: [{ id: "3.1", title: "" }, { id: "", title: "Two" }] } });
    expect(problems(text).map((p) => [p.code, p.field, p.line])).toEqual([
      ["SPEC004", "sections[0]", 3],
      ["SPEC004", "sections[1]", 7],
      ["SPEC017", "section", 15],
    ]);
  });
  it("an instantiate entry with an empty binder name is refused", () => {
    const text = registry({ decl: { instantiate: { "": "Sym.sigmoid" } } });
    expect(problems(text).map((p) => [p.code, p.field])).toEqual([["SPEC004", "declarations[0].instantiate."]]);
  });
  it("an empty dependency is reported as an unknown claim", () => {
    expect(problems(registry({ claim: { dependsOn: [""] } })).map((p) => [p.code, p.field])).toEqual([["SPEC010", "dependsOn[0]"]]);
  });
});

describe("what a valid registry keeps", () => {
  it("keeps note, evidence, hashes and instantiate, and the declaration positions for pinning", () => {
    const text = registry({ claim: { note: "why", evidence: "both" }, decl: { statementHash: "0123456789abcdef", instantiate: { σ: "Sym.sigmoid" } } });
    const r = parseRegistry(text, "claims.json");
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.claims[0]).toMatchObject({ note: "why", evidence: "both", declarations: [{ name: "Sym.t", role: "statement", statementHash: "0123456789abcdef", instantiate: { σ: "Sym.sigmoid" } }] });
    const pos = r.positions.claims.get("P3.6")!.declarations[0]!;
    expect(text.slice(pos.hashSpan![0], pos.hashSpan![1])).toBe('"0123456789abcdef"');
    expect(text.slice(pos.lastMemberEnd - 1, pos.lastMemberEnd + 1)).toBe("}\n");
    expect(r.value.sections).toBeUndefined();
  });
  it("keeps the sections when given, and refuses a claim in an unknown one", () => {
    const ok = parseRegistry(registry({ top: { sections: [{ id: "3.1", title: "One" }] } }), "claims.json");
    expect(ok.ok && ok.value.sections).toEqual([{ id: "3.1", title: "One" }]);
    expect(problems(registry({ top: { sections: [{ id: "3.2", title: "Two" }] } })).map((p) => [p.code, p.message])).toEqual([
      ["SPEC017", 'claim "P3.6", field "section": unknown section "3.1" (expected one of 3.2)'],
    ]);
  });
  it("requires a note for the verdicts that must explain themselves", () => {
    for (const expected of ["out-of-scope", "refuted", "suspect", "conditional"]) {
      expect(problems(registry({ claim: { expected } })).map((p) => [p.code, p.field])).toEqual([["SPEC014", "note"]]);
    }
    for (const expected of ["proved", "supported", "definition", "failing", "conflict"]) expect(problems(registry({ claim: { expected } }))).toEqual([]);
  });
});
