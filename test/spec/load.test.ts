import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/spec/diagnostics.js";
import { findCycle, loadRegistry, parseRegistry } from "../../src/spec/load.js";

const BAD = path.join(import.meta.dirname, "../fixtures/report/bad");
const load = (f: string) => loadRegistry(path.join(BAD, f), `bad/${f}`);

describe("loadRegistry: bad registries give one diagnostic per problem with entry, field and position", () => {
  it.each([
    ["malformed.json", "SPEC001", 6, 7, undefined, undefined, "malformed JSON: expected ',' or '}' in object, found '\"'"],
    ["not-object.json", "SPEC002", 1, 1, undefined, undefined, 'the registry must be a JSON object with a "claims" array, found an array'],
    ["duplicate-id.json", "SPEC009", 4, 13, "P3.6", "id", 'claim "P3.6", field "id": duplicate claim id (first defined at line 3)'],
    ["unknown-kind.json", "SPEC005", 6, 15, "P3.6", "kind", 'claim "P3.6", field "kind": unknown kind "propositon"'],
    ["unknown-role.json", "SPEC006", 12, 41, "P3.6", "declarations[1].role", 'claim "P3.6", field "declarations[1].role": unknown role "lemma"'],
    ["unknown-verdict.json", "SPEC007", 3, 161, "P3.6", "expected", 'claim "P3.6", field "expected": unknown verdict "verified"'],
    ["unknown-dependency.json", "SPEC010", 4, 154, "P3.6", "dependsOn[1]", 'claim "P3.6", field "dependsOn[1]": depends on "D3.44", which is not a claim of the registry'],
    ["missing-field.json", "SPEC003", 3, 5, "P3.6", "title", 'claim "P3.6", field "title": required field is missing'],
    ["cycle.json", "SPEC016", 3, 146, "P3.5", "dependsOn[0]", "dependency cycle P3.5 → P3.6 → P3.5"],
  ])("%s → %s at %i:%i", (file, code, line, column, entry, field, message) => {
    const r = load(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe(code);
    expect(d.range).toMatchObject({ file: `bad/${file}`, line, column });
    expect(d.entry).toBe(entry);
    expect(d.field).toBe(field);
    expect(d.message).toContain(message);
  });

  it("reports every problem of an entry, each with its own field and position", () => {
    const r = load("several.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.field, d.range.line, d.range.column])).toEqual([
      ["SPEC017", "section", 6, 18],
      ["SPEC004", "title", 8, 16],
      ["SPEC008", "truth", 10, 16],
      ["SPEC015", "declarations[0].statementHash", 11, 81],
      ["SPEC014", "note", 13, 19],
      ["SPEC012", "colour", 14, 7],
    ]);
    expect(r.diagnostics.every((d) => d.entry === "P3.6")).toBe(true);
  });

  it("formats a diagnostic as file:line:col with the source line and a caret", () => {
    const r = load("unknown-kind.json");
    if (r.ok) throw new Error("expected a failure");
    expect(formatDiagnostic(r.diagnostics[0]!)).toBe(
      'bad/unknown-kind.json:6:15: error SPEC005: claim "P3.6", field "kind": unknown kind "propositon" (expected one of definition, proposition, corollary, remark, conjecture, lemma, theorem)\n' +
        '        "kind": "propositon",\n' +
        "                ^^^^^^^^^^^^",
    );
  });

  it("reports an unreadable file without throwing", () => {
    const r = load("no-such-file.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code: "SPEC018", range: { file: "bad/no-such-file.json", line: 1, column: 1 } });
  });

  it("rejects malformed ids, unknown declaration fields and repeated declarations", () => {
    const text = JSON.stringify(
      {
        claims: [
          {
            id: "p36",
            section: "3.1",
            kind: "lemma",
            title: "t",
            paraphrase: "p",
            truth: "true",
            declarations: [{ name: "Sym.a", role: "statement" }, { name: "Sym.a", role: "proof", hash: "x" }, { name: "not a name", role: "proof" }],
            dependsOn: [],
            expected: "proved",
          },
        ],
      },
      null,
      2,
    );
    const r = parseRegistry(text, "x.json");
    if (r.ok) throw new Error("expected a failure");
    expect(r.diagnostics.map((d) => `${d.code} ${d.field}`).sort()).toEqual(
      ["SPEC011 id", "SPEC012 declarations[1].hash", "SPEC013 declarations[1].name", "SPEC019 declarations[2].name"].sort(),
    );
  });

  it("accepts a valid registry and records declaration positions", () => {
    const text = '{"claims": [{"id": "P3.6", "section": "3.1", "kind": "proposition", "title": "t", "paraphrase": "p", "truth": "true",\n "declarations": [{"name": "Sym.phi_layerAct", "role": "statement"}], "dependsOn": [], "expected": "proved"}]}';
    const r = parseRegistry(text, "ok.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.claims[0]!.declarations).toEqual([{ name: "Sym.phi_layerAct", role: "statement" }]);
    expect(r.positions.claims.get("P3.6")!.declarations[0]!.range).toMatchObject({ line: 2, column: 19 });
  });

  it("reads instantiate (binder → Lean constant) and rejects a value that is not a constant name", () => {
    const claim = (inst: string) =>
      `{"claims": [{"id": "J3.10", "section": "3.2", "kind": "conjecture", "title": "t", "paraphrase": "p", "truth": "true",\n "declarations": [{"name": "Sym.SigmoidConjecture", "role": "statement", "instantiate": ${inst}}], "dependsOn": [], "expected": "supported"}]}`;
    const good = parseRegistry(claim('{"σ": "Sym.sigmoid"}'), "ok.json");
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.value.claims[0]!.declarations[0]!.instantiate).toEqual({ σ: "Sym.sigmoid" });
    const bad = parseRegistry(claim('{"σ": 3}'), "bad.json");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.map((d) => [d.code, d.field, d.range.line, d.range.column])).toEqual([["SPEC004", "declarations[0].instantiate.σ", 2, 95]]);
  });

  it("finds dependency cycles", () => {
    const c = (id: string, dependsOn: string[]) => ({ id, dependsOn }) as never;
    expect(findCycle([c("A1.1", ["A1.2"]), c("A1.2", ["A1.3"]), c("A1.3", ["A1.1"])])).toEqual(["A1.1", "A1.2", "A1.3", "A1.1"]);
    expect(findCycle([c("A1.1", []), c("A1.2", ["A1.1"])])).toBeUndefined();
  });
});

describe("parseRegistry: claim parts", () => {
  const registry = (parts: string) => `{
  "claims": [
    {
      "id": "P3.18", "section": "3.3", "kind": "proposition", "title": "t", "paraphrase": "p", "truth": "true",
      "declarations": [{"name": "Sym.a", "role": "statement"}, {"name": "Sym.B", "role": "proof"}],
      "parts": ${parts},
      "dependsOn": [], "expected": "partial", "note": "n"
    }
  ]
}`;
  it("loads parts with their declarations, numeric records and notes", () => {
    const r = parseRegistry(registry(`[{"id": "p2", "text": "p = 2", "declarations": ["Sym.a"]}, {"id": "odd", "text": "odd p", "numeric": ["Sym.schatten_p3"], "note": "numeric only"}]`), "claims.json");
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
    expect(r.value.claims[0]!.parts).toEqual([
      { id: "p2", text: "p = 2", declarations: ["Sym.a"], numeric: [] },
      { id: "odd", text: "odd p", declarations: [], numeric: ["Sym.schatten_p3"], note: "numeric only" },
    ]);
  });
  it.each([
    ["an unknown declaration name", `[{"id": "p2", "text": "p = 2", "declarations": ["Sym.c"]}]`, "SPEC022", 6, 64, "parts[0].declarations[0]", '"Sym.c" is not one of this claim\'s declarations'],
    ["an empty text", `[{"id": "p2", "text": " ", "declarations": ["Sym.a"]}]`, "SPEC004", 6, 38, "parts[0].text", "must not be empty"],
    ["a duplicate part id", `[{"id": "p2", "text": "a", "declarations": ["Sym.a"]}, {"id": "p2", "text": "b", "declarations": ["Sym.B"]}]`, "SPEC021", 6, 78, "parts[1].id", 'duplicate part id "p2"'],
    ["a part with nothing and no note", `[{"id": "p2", "text": "a"}]`, "SPEC023", 6, 17, "parts[0]", "needs a \"note\""],
    ["an unknown field", `[{"id": "p2", "text": "a", "decls": []}]`, "SPEC012", 6, 43, "parts[0].decls", 'unknown field "decls"'],
  ])("%s is a diagnostic with its position", (_what, parts, code, line, column, field, message) => {
    const r = parseRegistry(registry(parts), "claims.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics.find((x) => x.code === code)!;
    expect(d, r.diagnostics.map(formatDiagnostic).join("\n")).toBeDefined();
    expect(d.range).toMatchObject({ file: "claims.json", line, column });
    expect(d.field).toBe(field);
    expect(d.entry).toBe("P3.18");
    expect(d.message).toContain(message);
  });
  it("a partial expected verdict needs a note saying what is missing", () => {
    const r = parseRegistry(registry(`[{"id": "p2", "text": "p = 2", "declarations": ["Sym.a"]}]`).replace(`, "note": "n"`, ""), "claims.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.code)).toEqual(["SPEC014"]);
  });
});

describe("parseFingerprints (spec/fingerprints.json)", () => {
  it("reads pins with their positions", async () => {
    const { parseFingerprints } = await import("../../src/spec/fingerprints.js");
    const r = parseFingerprints(`{\n  "definitions": {\n    "Sym.frobSq": "0123456789abcdef"\n  }\n}\n`, "spec/fingerprints.json");
    if (!r.ok) throw new Error("does not load");
    expect(r.value.pins.get("Sym.frobSq")).toEqual({ hash: "0123456789abcdef", range: { file: "spec/fingerprints.json", line: 3, column: 5, endLine: 3, endColumn: 17 } });
  });
  it("a malformed pin is a diagnostic with file and position, not an exception", async () => {
    const { parseFingerprints } = await import("../../src/spec/fingerprints.js");
    const r = parseFingerprints(`{\n  "definitions": {\n    "Sym.frobSq": "xyz"\n  }\n}\n`, "spec/fingerprints.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.range.line, d.range.column])).toEqual([["SPEC024", 3, 19]]);
    const bad = parseFingerprints(`{ "definitions": [`, "spec/fingerprints.json");
    expect(bad.ok).toBe(false);
  });
});

describe("parseRegistry: every statement-like declaration of a claim with parts belongs to a part", () => {
  it("a statement outside every part is a diagnostic at the declaration (it would otherwise be ignored)", () => {
    const text = `{
  "claims": [
    {
      "id": "P3.18", "section": "3.3", "kind": "proposition", "title": "t", "paraphrase": "p", "truth": "true",
      "declarations": [{"name": "Sym.a", "role": "statement"}, {"name": "Sym.Even", "role": "statement"}, {"name": "Sym.d", "role": "definition"}],
      "parts": [{"id": "p2", "text": "p = 2", "declarations": ["Sym.a"]}],
      "dependsOn": [], "expected": "proved"
    }
  ]
}`;
    const r = parseRegistry(text, "claims.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.field, d.range.line, d.range.column])).toEqual([["SPEC025", "declarations[1]", 5, 64]]);
    expect(r.diagnostics[0]!.message).toContain('"Sym.Even" (role statement) belongs to no part');
  });
});
