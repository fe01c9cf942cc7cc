import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import { scanLean } from "../../src/build/scan.js";
import { scanLibrary } from "../../src/parser/index.js";
import { leanFiles } from "../../src/runner/library.js";


const root = path.resolve(import.meta.dirname, "../..");
const files = leanFiles(path.join(root, "lean")).map((p) => ({
  file: path.relative(root, p),
  text: readFileSync(p, "utf8"),
}));
const library = scanLibrary(files);

describe("every declaration under lean/ parses", () => {
  it("finds declarations in every file where the proof build's scanner finds some", () => {
    expect(files.length).toBeGreaterThan(10);
    const withDecls = new Set(library.declarations.map((d) => d.file));
    expect(files.filter((f) => scanLean(f.text).declarations.length > 0 && !withDecls.has(f.file)).map((f) => f.file)).toEqual([]);
  });
  for (const d of library.declarations) {
    it(`${d.name} (${d.file}:${d.line})`, () => {
      const messages = d.parsed.ok ? [] : d.parsed.diagnostics.map(formatDiagnostic);
      expect(messages).toEqual([]);
    });
  }
  it("gives every parsed declaration a range on its own line", () => {
    for (const d of library.declarations) {
      if (!d.parsed.ok) continue;
      expect(d.parsed.value.nameRange.file).toBe(d.file);
      expect(d.parsed.value.nameRange.line).toBe(d.line);
    }
  });
});

describe("agreement with the proof build", () => {
  // The proof build lists declarations with `scanLean` (src/build/scan.ts); comparing with it
  // directly needs no earlier `npm run prove`, so the test runs on a fresh checkout too.
  it("finds every theorem and definition the proof build's scanner finds, with the same claim id", () => {
    const ours = new Map(library.declarations.map((d) => [d.name, d]));
    const missing: string[] = [];
    const ids: string[] = [];
    let checked = 0;
    for (const f of files) {
      for (const d of scanLean(f.text).declarations) {
        if (!["theorem", "lemma", "def", "abbrev", "structure"].includes(d.kind)) continue;
        checked++;
        const mine = ours.get(d.name);
        if (!mine) {
          missing.push(`${d.name} (${f.file}:${d.line})`);
          continue;
        }
        if ((d.docId ?? undefined) !== mine.docId) ids.push(`${d.name}: ${d.docId} vs ${mine.docId}`);
      }
    }
    expect(missing).toEqual([]);
    expect(ids).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
