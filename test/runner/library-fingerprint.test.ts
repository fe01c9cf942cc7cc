/**
 * What the parse cache of `readLibrary` is keyed by beyond each file's text: the fingerprint of the
 * parser's sources (`sourceFingerprint`) — exactly which files of the folder count, in which
 * order, and that an unreadable folder never gives a fingerprint twice — and that only the `.lean`
 * files under `<root>/lean` make the library.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PARSE_CACHE_FORMAT, PARSER_SOURCE_DIR, readLibrary, sourceFingerprint } from "../../src/runner/library.js";

let dir: string;
const write = (rel: string, text: string) => {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "library-fingerprint-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The fingerprint spelled out: the format line, then each source's name line and bytes, by name. */
const expected = (files: Array<[string, string]>): string => {
  const h = createHash("sha256").update(`format ${PARSE_CACHE_FORMAT}\n`);
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${name}\n`).update(text);
  return h.digest("hex");
};

describe("sourceFingerprint", () => {
  it("hashes the format, then the name and text of each .ts and .js file in name order, and nothing else", () => {
    // Many of them, not written in name order.
    const sources: Array<[string, string]> = [];
    for (let i = 0; i < 20; i++) sources.push([`m${String.fromCharCode(122 - i)}${i}.${i % 2 ? "ts" : "js"}`, `export const v${i} = ${i};\n`]);
    for (const [name, text] of sources) write(name, text);
    write("README.md", "not a source");
    write("notes.ts.bak", "not a source either");
    write("types.d.tsx", "nor this");
    expect(sourceFingerprint(dir)).toBe(expected(sources));
  });

  it("changes with a source's text or name, not with another file", () => {
    write("a.ts", "one");
    write("b.js", "two");
    const before = sourceFingerprint(dir);
    write("c.md", "three");
    expect(sourceFingerprint(dir)).toBe(before);
    write("b.js", "two!");
    const changedJs = sourceFingerprint(dir);
    expect(changedJs).not.toBe(before);
    fs.renameSync(path.join(dir, "a.ts"), path.join(dir, "a2.ts"));
    expect(sourceFingerprint(dir)).not.toBe(changedJs);
  });

  it("gives an unreadable folder a fingerprint it never gives again", () => {
    const missing = path.join(dir, "missing");
    const a = sourceFingerprint(missing);
    const b = sourceFingerprint(missing);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toBe(expected([]));
  });

  it("is taken of the parser's own folder", () => {
    expect(PARSER_SOURCE_DIR).toBe(path.resolve(import.meta.dirname, "../../src/parser"));
    expect(fs.readdirSync(PARSER_SOURCE_DIR).some((f) => f.endsWith(".ts"))).toBe(true);
  });
});

describe("the files of the library", () => {
  it("reads only the .lean files under <root>/lean", () => {
    write("lean/Sym/In.lean", "namespace Sym\n\ntheorem inside (n : Nat) : n = n := rfl\n\nend Sym\n");
    write("other/Out.lean", "namespace Sym\n\ntheorem outside (n : Nat) : n = n := rfl\n\nend Sym\n");
    write("Top.lean", "namespace Sym\n\ntheorem top (n : Nat) : n = n := rfl\n\nend Sym\n");
    const lib = readLibrary(dir);
    expect([...lib.byName.keys()]).toEqual(["Sym.inside"]);
  });
});
