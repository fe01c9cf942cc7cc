/**
 * `spec/fingerprints.json`: what the loader accepts, each way it is malformed (SPEC024 with the
 * position of the offending value), a missing file (nothing pinned), and the text the pinning writes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FINGERPRINTS_COMMENT, fingerprintsText, loadFingerprints, parseFingerprints } from "../../src/spec/fingerprints.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fingerprints-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("parseFingerprints", () => {
  it("reads every pin with the position of its key, and ignores a comment", () => {
    const r = parseFingerprints(`{\n  "$comment": "x",\n  "definitions": {\n    "Sym.a": "0123456789abcdef",\n    "Sym.b": "fedcba9876543210"\n  }\n}\n`, "spec/fingerprints.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.file).toBe("spec/fingerprints.json");
    expect([...r.value.pins.keys()]).toEqual(["Sym.a", "Sym.b"]);
    expect(r.value.pins.get("Sym.b")).toEqual({ hash: "fedcba9876543210", range: { file: "spec/fingerprints.json", line: 5, column: 5, endLine: 5, endColumn: 12 } });
  });
  it("an empty definitions object pins nothing and is valid", () => {
    const r = parseFingerprints(`{ "definitions": {} }`, "f.json");
    expect(r.ok && r.value.pins.size).toBe(0);
  });
  it.each([
    ["a top-level array", `[]`],
    ["no definitions member", `{ "defs": {} }`],
    ["definitions that are a list", `{ "definitions": [] }`],
    ["definitions that are a string", `{ "definitions": "x" }`],
  ])("refuses %s (SPEC024 at the root)", (_why, text) => {
    const r = parseFingerprints(text, "f.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "SPEC024", severity: "error", range: { file: "f.json", line: 1, column: 1 } });
    expect(r.diagnostics[0]!.message).toContain(`"definitions" object`);
  });
  it.each([
    ["15 digits", `"0123456789abcde"`],
    ["17 digits", `"0123456789abcdef0"`],
    ["upper-case digits", `"0123456789ABCDEF"`],
    ["a number", `123`],
    ["a hash with a prefix", `"x0123456789abcdef"`],
  ])("refuses a pin of %s, at the value, naming the field", (_why, value) => {
    const r = parseFingerprints(`{\n  "definitions": {\n    "Sym.a": ${value},\n    "Sym.ok": "0123456789abcdef"\n  }\n}`, "f.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      { code: "SPEC024", severity: "error", message: 'definitions."Sym.a": must be 16 lowercase hex digits (pin with `npm run report -- --pin`)', range: { file: "f.json", line: 3, column: 14, endLine: 3, endColumn: 14 + value.length }, field: "definitions.Sym.a" },
    ]);
  });
  it("reports malformed JSON with its position", () => {
    const r = parseFingerprints(`{\n  "definitions": {\n    "Sym.a": \n`, "f.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.code).toBe("SPEC024");
    expect(r.diagnostics[0]!.message).toMatch(/^malformed JSON: /);
    expect(r.diagnostics[0]!.range.line).toBeGreaterThanOrEqual(3);
  });
});

describe("loadFingerprints", () => {
  it("a missing file is an empty set of pins under the display name", () => {
    const r = loadFingerprints(path.join(dir, "none.json"), "spec/fingerprints.json");
    expect(r).toEqual({ ok: true, value: { file: "spec/fingerprints.json", pins: new Map() } });
  });
  it("a file that cannot be read (a folder) is SPEC024 at the file's start", () => {
    const r = loadFingerprints(dir, "spec/fingerprints.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code: "SPEC024", severity: "error", range: { file: "spec/fingerprints.json", line: 1, column: 1 } });
    expect(r.diagnostics[0]!.message).toMatch(/^cannot read: /);
  });
  it("reads a file the pinning wrote, back to the same pins", () => {
    const file = path.join(dir, "fingerprints.json");
    fs.writeFileSync(file, fingerprintsText(new Map([["Sym.b", "fedcba9876543210"], ["Sym.a", "0123456789abcdef"]])));
    const r = loadFingerprints(file, "spec/fingerprints.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(new Map([...r.value.pins].map(([k, v]) => [k, v.hash]))).toEqual(new Map([["Sym.a", "0123456789abcdef"], ["Sym.b", "fedcba9876543210"]]));
  });
});

describe("fingerprintsText", () => {
  it("writes the comment and the pins with keys sorted by code point, two-space indented, ending in a newline", () => {
    const text = fingerprintsText(new Map([["Sym.b", "2222222222222222"], ["Sym.B", "1111111111111111"], ["Sym.a", "0000000000000000"]]));
    expect(text).toBe(`{\n  "$comment": ${JSON.stringify(FINGERPRINTS_COMMENT)},\n  "definitions": {\n    "Sym.B": "1111111111111111",\n    "Sym.a": "0000000000000000",\n    "Sym.b": "2222222222222222"\n  }\n}\n`);
  });
  it("keeps one entry per key: equal keys cannot both be written", () => {
    expect(fingerprintsText(new Map([["Sym.a", "0000000000000000"]]))).toContain(`"definitions": {\n    "Sym.a": "0000000000000000"\n  }`);
  });
});

describe("parseFingerprints: the shapes it refuses", () => {
  const codes = (text: string) => {
    const r = parseFingerprints(text, "f.json");
    return r.ok ? "ok" : r.diagnostics.map((d) => `${d.code} ${d.message}`);
  };
  it("refuses a top-level array as no object, without throwing", () => {
    expect(codes("[]")).toEqual(['SPEC024 must be an object with a "definitions" object { "Lean.name": "hash" }']);
  });
  it("refuses a hash with a digit too many or a character before the 16 digits", () => {
    for (const h of ["0123456789abcdef0", "x0123456789abcdef"]) expect(codes(`{"definitions": {"Sym.a": "${h}"}}`)).toHaveLength(1);
  });
  it("writes a comment that says what the file pins and how to renew it", () => {
    expect(FINGERPRINTS_COMMENT).toMatch(/sha256/);
    expect(FINGERPRINTS_COMMENT.length).toBeGreaterThan(40);
  });
});
