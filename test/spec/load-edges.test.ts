/**
 * The registry loader at its edges: every wrong shape of every field is one diagnostic with its
 * code, entry, field, position and wording; what a valid registry keeps, and where.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycle, loadRegistry, parseRegistry } from "../../src/spec/load.js";
import type { Claim } from "../../src/spec/types.js";

/** A one-claim registry, one field per line; `drop` removes claim fields. */
function registry(opts: { claim?: Record<string, unknown>; decl?: Record<string, unknown>; top?: Record<string, unknown>; drop?: string[] } = {}): string {
  const decl = { name: "Sym.t", role: "statement", ...opts.decl };
  const claim: Record<string, unknown> = { id: "P3.6", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [decl], dependsOn: [], expected: "proved", ...opts.claim };
  for (const k of opts.drop ?? []) delete claim[k];
  return JSON.stringify({ ...opts.top, claims: [claim] }, null, 2);
}

type Row = [code: string, entry: string | undefined, field: string | undefined, line: number, column: number, message: string];
function rows(text: string): Row[] {
  const r = parseRegistry(text, "c.json");
  if (r.ok) return [];
  return r.diagnostics.map((d) => [d.code, d.entry, d.field, d.range.line, d.range.column, d.message]);
}

describe("the top level", () => {
  it("a registry without claims, or with claims that are not an array, is refused", () => {
    expect(rows("{}")).toEqual([["SPEC002", undefined, undefined, 1, 1, 'the registry has no "claims" array']]);
    expect(rows('{"claims": {}}')).toEqual([["SPEC002", undefined, "claims", 1, 12, 'field "claims": "claims" must be an array, found an object']]);
  });
  it("an unknown top-level field names the fields allowed, with no entry and no field", () => {
    expect(rows(registry({ top: { extra: 1 } }))).toEqual([["SPEC012", undefined, undefined, 2, 3, 'unknown top-level field "extra" (expected one of $schema, $comment, sections, claims)']]);
  });
  it("sections that are not an array are refused as a whole", () => {
    expect(rows(registry({ top: { sections: {} } }))).toEqual([["SPEC004", undefined, "sections", 2, 15, 'field "sections": "sections" must be an array of { id, title }, found an object']]);
  });
  it("a section that is not an object is refused with its index", () => {
    expect(rows(registry({ top: { sections: [7, { id: "3.1", title: "One" }] } }))).toEqual([["SPEC004", undefined, "sections[0]", 3, 5, 'field "sections[0]": must be an object with non-empty string fields "id" and "title"']]);
  });
  it("a section whose id or title is missing or not a string is refused, not read", () => {
    const found = rows(registry({ top: { sections: [{ id: 3, title: "T" }, { id: "3.1" }, { title: "T" }, { id: "3.1", title: ["T"] }, { id: "3.1", title: "One" }] } }));
    expect(found.map((r) => [r[0], r[2]])).toEqual([0, 1, 2, 3].map((k) => ["SPEC004", `sections[${k}]`]));
  });
  it("claims that are not objects are refused one by one, each with the type found", () => {
    expect(rows('{"claims": [5, null, "x", [1], true]}').map((r) => [r[2], r[4], r[5]])).toEqual([
      ["claims[0]", 13, 'field "claims[0]": claims[0] must be an object, found a number'],
      ["claims[1]", 16, 'field "claims[1]": claims[1] must be an object, found null'],
      ["claims[2]", 22, 'field "claims[2]": claims[2] must be an object, found a string'],
      ["claims[3]", 27, 'field "claims[3]": claims[3] must be an object, found an array'],
      ["claims[4]", 32, 'field "claims[4]": claims[4] must be an object, found a boolean'],
    ]);
  });
  it("keeps the source line of a diagnostic without its carriage return", () => {
    const r = parseRegistry(registry({ claim: { kind: "propositon" } }).replace(/\n/g, "\r\n"), "c.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.sourceLine).toBe('      "kind": "propositon",');
  });
});

describe("claim fields", () => {
  it("a claim whose id is not a string is named by its index, and every missing field is reported at the claim", () => {
    const found = rows(JSON.stringify({ claims: [{ id: 5 }] }, null, 2));
    expect(found.map((r) => [r[0], r[1], r[2]])).toEqual([
      ...["section", "kind", "title", "paraphrase", "truth", "declarations", "dependsOn", "expected"].map((f) => ["SPEC003", "claims[0]", f]),
      ["SPEC004", "claims[0]", "id"],
    ]);
    expect(found[0]!.slice(3)).toEqual([3, 5, 'claim "claims[0]", field "section": required field is missing']);
    expect(found[8]!.slice(3)).toEqual([4, 13, 'claim "claims[0]", field "id": must be a string, found a number']);
  });
  it("an unknown claim field names the fields allowed", () => {
    expect(rows(registry({ claim: { colour: "red" } }))).toEqual([
      ["SPEC012", "P3.6", "colour", 18, 7, 'claim "P3.6", field "colour": unknown field (expected one of id, section, kind, title, paraphrase, truth, declarations, parts, dependsOn, expected, note, evidence)'],
    ]);
  });
  it("an enumerated field that is not a string says so before checking the value", () => {
    expect(rows(registry({ claim: { kind: 3 } }))).toEqual([["SPEC004", "P3.6", "kind", 6, 15, 'claim "P3.6", field "kind": must be a string, found a number']]);
  });
  it.each([
    ["truth", "maybe", "SPEC008", 'unknown truth value "maybe" (expected one of true, false, definition, informal)'],
    ["expected", "verified", "SPEC007", 'unknown verdict "verified" (expected one of proved, partial, refuted, suspect, conditional, supported, definition, out-of-scope, failing, conflict)'],
  ])("an unknown %s lists the values allowed", (field, value, code, message) => {
    const found = rows(registry({ claim: { [field]: value } }));
    expect(found.map((r) => [r[0], r[2], r[5]])).toEqual([[code, field, `claim "P3.6", field "${field}": ${message}`]]);
  });
  it("the note a verdict needs is asked for in words that fit the verdict", () => {
    expect(rows(registry({ claim: { expected: "out-of-scope" } }))).toEqual([
      ["SPEC014", "P3.6", "note", 17, 19, 'claim "P3.6", field "note": a claim expected to be out-of-scope needs a "note" saying why it is out of scope'],
    ]);
    expect(rows(registry({ claim: { expected: "partial" } }))[0]![5]).toBe('claim "P3.6", field "note": a claim expected to be partial needs a "note" saying what is refuted or assumed and what stays open');
  });
  it("a duplicate id points at the first one's line, and only the first is kept", () => {
    const text = registry().replace('"claims": [', '"claims": [{"id": "P3.6", "section": "3.1", "kind": "proposition", "title": "t", "paraphrase": "p", "truth": "true", "declarations": [], "dependsOn": [], "expected": "proved"},\n');
    expect(rows(text)).toEqual([["SPEC009", "P3.6", "id", 5, 13, 'claim "P3.6", field "id": duplicate claim id (first defined at line 2)']]);
  });
  it.each(["p3.6", "P3", "P3.6.", "PP3.6", "P3.6ab", " P3.6", "P3.6 "])("refuses the malformed id %j", (id) => {
    expect(rows(registry({ claim: { id } })).map((r) => r[0])).toEqual(["SPEC011"]);
  });
});

describe("dependencies", () => {
  it("dependsOn that is not an array, or an item that is not a string, is refused", () => {
    expect(rows(registry({ claim: { dependsOn: "P3.5" } }))).toEqual([["SPEC004", "P3.6", "dependsOn", 16, 20, 'claim "P3.6", field "dependsOn": must be an array of claim ids, found a string']]);
    expect(rows(registry({ claim: { dependsOn: [3] } }))).toEqual([["SPEC004", "P3.6", "dependsOn[0]", 17, 9, 'claim "P3.6", field "dependsOn[0]": must be a claim id string, found a number']]);
  });
  it("a claim that depends on itself is refused at the reference", () => {
    expect(rows(registry({ claim: { dependsOn: ["P3.6"] } }))).toEqual([["SPEC016", "P3.6", "dependsOn[0]", 17, 9, 'claim "P3.6", field "dependsOn[0]": a claim cannot depend on itself']]);
  });
  it("a cycle is looked for only once nothing else is wrong", () => {
    const two = (extra: Record<string, unknown>) =>
      JSON.stringify({
        claims: [
          { id: "P3.5", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [], dependsOn: ["P3.6"], expected: "proved", ...extra },
          { id: "P3.6", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [], dependsOn: ["P3.5"], expected: "proved" },
        ],
      });
    expect(rows(two({})).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([["SPEC016", "P3.5", "dependsOn[0]", 'claim "P3.5", field "dependsOn[0]": dependency cycle P3.5 → P3.6 → P3.5']]);
    expect(rows(two({ title: "" })).map((r) => r[0])).toEqual(["SPEC004"]);
  });
  it("findCycle skips unknown dependencies and visits a shared dependency once", () => {
    const c = (id: string, dependsOn: string[]) => ({ id, dependsOn }) as unknown as Claim;
    expect(findCycle([c("A1.1", ["X9.9", "A1.2", "A1.3"]), c("A1.2", ["A1.3"]), c("A1.3", [])])).toBeUndefined();
    expect(findCycle([c("A1.1", ["A1.2"]), c("A1.2", ["A1.3"]), c("A1.3", ["A1.2"])])).toEqual(["A1.2", "A1.3", "A1.2"]);
    expect(findCycle([c("A1.1", []), c("A1.2", ["A1.2"])])).toEqual(["A1.2", "A1.2"]);
  });
});

describe("declarations", () => {
  it("declarations that are not an array, or an entry that is not an object, are refused", () => {
    expect(rows(registry({ claim: { declarations: {} } }))).toEqual([["SPEC004", "P3.6", "declarations", 10, 23, 'claim "P3.6", field "declarations": must be an array of { name, role }, found an object']]);
    expect(rows(registry({ claim: { declarations: [true] } }))).toEqual([["SPEC004", "P3.6", "declarations[0]", 11, 9, 'claim "P3.6", field "declarations[0]": must be an object { name, role }, found a boolean']]);
  });
  it("a missing name or role is reported at the entry, with the field path", () => {
    expect(rows(registry({ decl: { name: undefined } }))).toEqual([["SPEC003", "P3.6", "declarations[0].name", 11, 9, 'claim "P3.6", field "declarations[0].name": required field is missing']]);
    expect(rows(registry({ decl: { role: undefined } })).map((r) => [r[0], r[2]])).toEqual([["SPEC003", "declarations[0].role"]]);
  });
  it("an unknown declaration field names the fields allowed", () => {
    expect(rows(registry({ decl: { hash: "x" } }))[0]).toEqual(["SPEC012", "P3.6", "declarations[0].hash", 14, 11, 'claim "P3.6", field "declarations[0].hash": unknown field "hash" (expected one of name, role, statementHash, numeric, instantiate)']);
  });
  it("a repeated name points at the first listing", () => {
    const found = rows(registry({ claim: { declarations: [{ name: "Sym.a", role: "statement" }, { name: "Sym.b", role: "proof" }, { name: "Sym.a", role: "proof" }] } }));
    expect(found.map((r) => [r[0], r[2], r[5]])).toEqual([["SPEC013", "declarations[2].name", 'claim "P3.6", field "declarations[2].name": "Sym.a" is already listed as declarations[0]']]);
  });
  it.each(["Sym.t ", "Sym..t", ".Sym", "1Sym", "Sym.1", "Sym-t"])("refuses the name %j, and accepts Lean's subscripts, primes and unicode", (name) => {
    expect(rows(registry({ decl: { name } })).map((r) => r[0])).toEqual(["SPEC019"]);
    expect(rows(registry({ decl: { name: "Sym.σ_ᵢ₁'!?.x_ᵪ" } }))).toEqual([]);
  });
  it.each(["0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg"])("refuses the statement hash %j", (statementHash) => {
    expect(rows(registry({ decl: { statementHash } })).map((r) => [r[0], r[5]])).toEqual([["SPEC015", `claim "P3.6", field "declarations[0].statementHash": "${statementHash}" is not 16 lowercase hex digits (pin with \`npm run report -- --pin\`)`]]);
  });
  it("instantiate must be an object whose values are Lean constant names", () => {
    expect(rows(registry({ decl: { instantiate: [] } }))).toEqual([["SPEC004", "P3.6", "declarations[0].instantiate", 14, 26, 'claim "P3.6", field "declarations[0].instantiate": must be an object { binder: "Lean.constant" }, found an array']]);
    expect(rows(registry({ decl: { instantiate: { x: "not a name" } } }))).toEqual([["SPEC004", "P3.6", "declarations[0].instantiate.x", 15, 18, 'claim "P3.6", field "declarations[0].instantiate.x": must name a Lean constant, found a string']]);
  });
  it("records where each instantiate binder's key and value are, and no hash span without a hash", () => {
    const text = registry({ decl: { instantiate: { σ: "Sym.sigmoid", τ: "Sym.relu" } } });
    const r = parseRegistry(text, "c.json");
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const pos = r.positions.claims.get("P3.6")!.declarations[0]!;
    expect(pos.hashSpan).toBeUndefined();
    expect(pos.field).toBe("declarations[0]");
    expect(pos.instantiate).toEqual({
      σ: { key: { file: "c.json", line: 15, column: 13, endLine: 15, endColumn: 16 }, value: { file: "c.json", line: 15, column: 18, endLine: 15, endColumn: 31 } },
      τ: { key: { file: "c.json", line: 16, column: 13, endLine: 16, endColumn: 16 }, value: { file: "c.json", line: 16, column: 18, endLine: 16, endColumn: 28 } },
    });
    expect(pos.range).toEqual({ file: "c.json", line: 11, column: 9, endLine: 18, endColumn: 10 });
    expect(r.positions.claims.get("P3.6")!.range).toMatchObject({ file: "c.json", line: 3, column: 5 });
    expect(r.positions.file).toBe("c.json");
  });
  it("a declaration without instantiate has no binder positions, and keeps only the fields given", () => {
    const r = parseRegistry(registry(), "c.json");
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.positions.claims.get("P3.6")!.declarations[0]!.instantiate).toBeUndefined();
    expect(r.value.claims[0]).toEqual({ id: "P3.6", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", declarations: [{ name: "Sym.t", role: "statement" }], dependsOn: [], expected: "proved" });
  });
});

describe("parts", () => {
  const withParts = (parts: unknown, decl: Record<string, unknown> = {}) => registry({ claim: { parts }, decl });
  it("parts that are not an array, or a part that is not an object, are refused", () => {
    expect(rows(withParts({}))).toEqual([["SPEC004", "P3.6", "parts", 18, 16, 'claim "P3.6", field "parts": must be an array of { id, text, declarations, numeric }, found an object']]);
    expect(rows(withParts([3])).map((r) => [r[0], r[2], r[5]])).toEqual([
      ["SPEC025", "declarations[0]", 'claim "P3.6", field "declarations[0]": "Sym.t" (role statement) belongs to no part: add it to the "declarations" of the part it carries'],
      ["SPEC004", "parts[0]", 'claim "P3.6", field "parts[0]": must be an object { id, text, declarations, numeric }, found a number'],
    ]);
  });
  it("an empty list of parts is refused", () => {
    expect(rows(withParts([], { role: "proof" }))).toEqual([["SPEC004", "P3.6", "parts", 18, 16, 'claim "P3.6", field "parts": must list at least one part (leave "parts" out for a claim of one part)']]);
  });
  it("a part without id or text is reported at the part", () => {
    expect(rows(withParts([{ text: "t", declarations: ["Sym.t"] }]))).toContainEqual(["SPEC003", "P3.6", "parts[0].id", 19, 9, 'claim "P3.6", field "parts[0].id": required field is missing']);
    expect(rows(withParts([{ id: "a", declarations: ["Sym.t"] }]))).toContainEqual(["SPEC003", "P3.6", "parts[0].text", 19, 9, 'claim "P3.6", field "parts[0].text": required field is missing']);
  });
  it.each(["1a", "_a", "a b", "a.b"])("refuses the part id %j", (id) => {
    expect(rows(withParts([{ id, text: "t", declarations: ["Sym.t"] }])).map((r) => [r[0], r[5]])).toEqual([["SPEC020", `claim "P3.6", field "parts[0].id": malformed part id "${id}" (a letter, then letters, digits, "_" or "-")`]]);
  });
  it("accepts part ids with digits, underscores and hyphens after the first letter", () => {
    expect(rows(withParts([{ id: "A1_b-2", text: "t", declarations: ["Sym.t"] }]))).toEqual([]);
  });
  it("declarations or numeric that are not a list of names are refused item by item", () => {
    expect(rows(withParts([{ id: "a", text: "t", declarations: "Sym.t" }]))).toContainEqual(["SPEC004", "P3.6", "parts[0].declarations", 22, 27, 'claim "P3.6", field "parts[0].declarations": must be an array of names, found a string']);
    const found = rows(withParts([{ id: "a", text: "t", declarations: ["Sym.t", "Sym.t", 3, "", "bad name"], numeric: ["x", "x", "Sym.notAClaimDecl"] }]));
    expect(found.map((r) => [r[0], r[2], r[5]])).toEqual([
      ["SPEC013", "parts[0].declarations[1]", 'claim "P3.6", field "parts[0].declarations[1]": "Sym.t" is listed twice in this part'],
      ["SPEC004", "parts[0].declarations[2]", 'claim "P3.6", field "parts[0].declarations[2]": must be a non-empty name string, found a number'],
      ["SPEC004", "parts[0].declarations[3]", 'claim "P3.6", field "parts[0].declarations[3]": must be a non-empty name string, found a string'],
      ["SPEC019", "parts[0].declarations[4]", 'claim "P3.6", field "parts[0].declarations[4]": "bad name" is not a Lean declaration or property name'],
      ["SPEC013", "parts[0].numeric[1]", 'claim "P3.6", field "parts[0].numeric[1]": "x" is listed twice in this part'],
    ]);
  });
  it("a part with only numeric records needs no declaration and no note; a part with a note needs neither", () => {
    const r = parseRegistry(withParts([{ id: "a", text: "t", declarations: ["Sym.t"] }, { id: "b", text: "u", numeric: ["Sym.prop"] }, { id: "c", text: "v", note: "open" }]), "c.json");
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.claims[0]!.parts).toEqual([
      { id: "a", text: "t", declarations: ["Sym.t"], numeric: [] },
      { id: "b", text: "u", declarations: [], numeric: ["Sym.prop"] },
      { id: "c", text: "v", declarations: [], numeric: [], note: "open" },
    ]);
  });
  it("a part whose lists are given but empty still needs a note", () => {
    expect(rows(withParts([{ id: "a", text: "t", declarations: ["Sym.t"] }, { id: "b", text: "u", declarations: [], numeric: [] }])).map((r) => [r[0], r[2]])).toEqual([["SPEC023", "parts[1]"]]);
  });
  it("a part whose listed names are all refused gets no second diagnostic for having none", () => {
    expect(rows(withParts([{ id: "a", text: "t", declarations: ["Sym.t"] }, { id: "b", text: "u", declarations: ["Sym.zz"] }])).map((r) => [r[0], r[2]])).toEqual([["SPEC022", "parts[1].declarations[0]"]]);
  });
  it("only statement-like roles must belong to a part: proofs and definitions need not", () => {
    const decls = ["statement", "proof", "refutation", "conditional", "hypothesis", "definition", "witness"].map((role, k) => ({ name: `Sym.d${k}`, role }));
    const found = rows(registry({ claim: { declarations: decls, parts: [{ id: "a", text: "t", note: "open" }] } }));
    expect(found.map((r) => [r[0], r[2]])).toEqual([
      ["SPEC025", "declarations[0]"],
      ["SPEC025", "declarations[2]"],
      ["SPEC025", "declarations[3]"],
      ["SPEC025", "declarations[4]"],
      ["SPEC025", "declarations[6]"],
    ]);
  });
});

describe("a valid registry", () => {
  it("keeps every claim, in order, and its position; sorts diagnostics of several claims by line and column", () => {
    const claim = (id: string, extra: Record<string, unknown> = {}) => ({ id, section: "3.1", kind: "lemma", title: "t", paraphrase: "p", truth: "true", declarations: [], dependsOn: [], expected: "proved", ...extra });
    const ok = parseRegistry(JSON.stringify({ $schema: "x", $comment: "y", claims: [claim("L3.2"), claim("L3.1", { dependsOn: ["L3.2"] })] }, null, 2), "c.json");
    if (!ok.ok) throw new Error(JSON.stringify(ok.diagnostics));
    expect(ok.value.claims.map((c) => [c.id, c.dependsOn])).toEqual([
      ["L3.2", []],
      ["L3.1", ["L3.2"]],
    ]);
    expect([...ok.positions.claims.keys()]).toEqual(["L3.2", "L3.1"]);
    const bad = rows(`{"claims": [${JSON.stringify(claim("L3.2", { kind: "x" }))},\n${JSON.stringify(claim("L3.1", { truth: "y", title: "" }))}]}`);
    expect(bad.map((r) => [r[0], r[3], r[4]])).toEqual([
      ["SPEC005", 1, 49],
      ["SPEC004", 2, 53],
      ["SPEC008", 2, 81],
    ]);
  });
});

describe("loadRegistry", () => {
  it("names the file as given when no display name is passed, and says why it cannot be read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "load-edges-"));
    try {
      const r = loadRegistry(dir);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics).toHaveLength(1);
        expect(r.diagnostics[0]).toMatchObject({ code: "SPEC018", severity: "error", range: { file: dir, line: 1, column: 1 } });
        expect(r.diagnostics[0]!.message).toMatch(/^cannot read the registry: EISDIR/);
      }
      const missing = loadRegistry(path.join(dir, "none.json"), "spec/claims.json");
      expect(!missing.ok && missing.diagnostics[0]!.message).toBe("cannot read the registry: no such file");
      const file = path.join(dir, "claims.json");
      fs.writeFileSync(file, registry());
      const read = loadRegistry(file);
      expect(read.ok && read.positions.file).toBe(file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
