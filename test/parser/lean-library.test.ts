import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import { scanLibrary } from "../../src/parser/index.js";

function leanFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? leanFiles(p) : p.endsWith(".lean") ? [p] : [];
    });
}

const root = path.resolve(import.meta.dirname, "../..");
const files = leanFiles(path.join(root, "lean")).map((p) => ({
  file: path.relative(root, p),
  text: readFileSync(p, "utf8"),
}));
const library = scanLibrary(files);

describe("every declaration under lean/ parses", () => {
  it("finds declarations", () => {
    expect(files.length === 0 || library.declarations.length > 0).toBe(true);
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
