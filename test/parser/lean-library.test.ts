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

describe("agreement with the proof build", () => {
  const proofsFile = path.join(root, "out", "proofs.json");
  let proofs: { declarations: Array<{ name: string; kind: string; file: string; docId?: string }> } | undefined;
  try {
    proofs = JSON.parse(readFileSync(proofsFile, "utf8"));
  } catch {
    proofs = undefined;
  }
  it.skipIf(!proofs)("finds every theorem and definition out/proofs.json lists, with the same claim id", () => {
    const ours = new Map(library.declarations.map((d) => [d.name, d]));
    const missing: string[] = [];
    const ids: string[] = [];
    const builtAt = statSync(proofsFile).mtimeMs;
    let checked = 0;
    for (const d of proofs?.declarations ?? []) {
      if (!["theorem", "lemma", "def", "abbrev", "structure"].includes(d.kind)) continue;
      // only sources the proof build has seen as they are now
      const changedAt = statSync(path.join(root, d.file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
      if (changedAt > builtAt) continue;
      checked++;
      const mine = ours.get(d.name);
      // the proof build may be older or newer than the sources: only names both sides know count
      if (!mine) {
        if (files.some((f) => f.text.includes(d.name.split(".").pop() ?? d.name))) missing.push(d.name);
        continue;
      }
      if ((d.docId ?? undefined) !== mine.docId) ids.push(`${d.name}: ${d.docId} vs ${mine.docId}`);
    }
    expect(missing).toEqual([]);
    expect(ids).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(0);
  });
});
