/**
 * The scanner on a corpus of public Lean files (Batteries, Plausible, FLT; see
 * `test/fixtures/lean-corpus/manifest.json`): the declaration counts the manifest records (each
 * verified by an independent counter), no crash, and every declaration either parsed or
 * diagnosed with a position in its file.
 *
 * The files are third-party code and are not committed: `npx tsx scripts/fetch-lean-corpus.ts`
 * fetches them (from local mirrors or GitHub, checked by SHA-256). Without them this file's tests
 * are skipped, and say so.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanFile } from "../../src/parser/index.js";
import { readCorpusManifest } from "../../scripts/lean-corpus.js";


const corpus = path.resolve(import.meta.dirname, "../fixtures/lean-corpus");
const manifest = readCorpusManifest(corpus);
const present = manifest.files.every((e) => existsSync(path.join(corpus, e.repo, e.path)));

describe("the corpus manifest", () => {
  it("lists 20–40 files from permissively licensed repositories, each pinned to a commit and a hash", () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(20);
    expect(manifest.files.length).toBeLessThanOrEqual(40);
    for (const e of manifest.files) {
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(["Apache-2.0", "MIT", "BSD-3-Clause"]).toContain(e.licence);
    }
  });
});

describe.skipIf(!present)("public Lean files (fetched by scripts/fetch-lean-corpus.ts)", () => {
  for (const e of manifest.files) {
    it(`${e.repo}/${e.path}: ${e.declarations} declarations, each parsed or diagnosed with a position`, () => {
      const file = path.join(corpus, e.repo, e.path);
      const data = readFileSync(file);
      expect(createHash("sha256").update(data).digest("hex")).toBe(e.sha256);
      const name = `${e.repo}/${e.path}`;
      const r = scanFile(name, data.toString("utf8"));
      expect(r.diagnostics).toEqual([]);
      expect(r.declarations.filter((d) => d.fieldOf === undefined)).toHaveLength(e.declarations);
      for (const d of r.declarations) {
        if (d.parsed.ok) continue;
        const x = d.parsed.diagnostics[0];
        expect(x?.range?.file).toBe(name);
        expect(x?.range?.line).toBeGreaterThan(0);
        expect(x?.message).not.toContain("internal parser failure");
      }
    });
  }
  it("every repository's LICENSE is next to its files", () => {
    for (const repo of new Set(manifest.files.map((e) => e.repo))) expect(existsSync(path.join(corpus, repo, "LICENSE"))).toBe(true);
  });
});
