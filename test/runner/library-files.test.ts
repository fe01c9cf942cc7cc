/**
 * `readLibrary` and its parse cache at their edges: which files are read and in what order, which
 * cached scans are trusted (same format, same parser, a well-formed entry for the same file text)
 * and which are parsed again, when the cache file is rewritten, and that an unwritable cache costs
 * nothing but the parse.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { leanFiles, readLibrary } from "../../src/runner/library.js";

const A = `namespace Sym\n\n/-- P3.6: a statement. -/\ntheorem t1 (n : Nat) : n + 0 = n := by omega\n\nend Sym\n`;
const B = `namespace Sym\n\ntheorem t2 (n : Nat) : n * 1 = n := by omega\n\nend Sym\n`;

let root: string;
let cacheFile: string;
const write = (rel: string, text: string) => {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "library-files-"));
  write("lean/Sym/A.lean", A);
  write("lean/Sym/Sub/B.lean", B);
  cacheFile = path.join(root, ".cache", "library-parse.bin");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

interface Cache {
  format: number;
  parser: string;
  files: Record<string, { declarations: Array<{ name: string }>; diagnostics: unknown[] }>;
}
const readCacheFile = (): Cache => deserialize(fs.readFileSync(cacheFile)) as Cache;
/** The cache with the scan of A.lean claiming a theorem `Sym.planted` instead of `Sym.t1`. */
function plant(over: (c: Cache) => void = () => {}): void {
  readLibrary(root, { cacheFile });
  const c = readCacheFile();
  for (const [k, v] of Object.entries(c.files)) if (k.startsWith("lean/Sym/A.lean\0")) v.declarations = v.declarations.map((d) => ({ ...d, name: d.name.replace("t1", "planted") }));
  over(c);
  fs.writeFileSync(cacheFile, serialize(c));
}
const names = () => [...readLibrary(root, { cacheFile }).byName.keys()].sort();

describe("leanFiles", () => {
  it("lists the .lean files under a folder, recursively and sorted, and nothing for a missing folder", () => {
    write("lean/Sym/0.lean", "");
    write("lean/Sym/notes.md", "");
    write("lean/Sym/A.lean.bak", "");
    write("lean/Top.lean", "");
    const rel = (ps: string[]) => ps.map((p) => path.relative(root, p).split(path.sep).join("/"));
    expect(rel(leanFiles(path.join(root, "lean")))).toEqual(["lean/Sym/0.lean", "lean/Sym/A.lean", "lean/Sym/Sub/B.lean", "lean/Top.lean"]);
    expect(leanFiles(path.join(root, "nowhere"))).toEqual([]);
  });
});

describe("readLibrary", () => {
  it("names files relative to the root with forward slashes", () => {
    expect(readLibrary(root).declarations.map((d) => [d.name, d.file])).toEqual([
      ["Sym.t1", "lean/Sym/A.lean"],
      ["Sym.t2", "lean/Sym/Sub/B.lean"],
    ]);
  });

  it("stores one scan per file, keyed by the file's name and text", () => {
    readLibrary(root, { cacheFile });
    const c = readCacheFile();
    expect(c.format).toBe(2);
    expect(c.parser).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(c.files).map((k) => k.split("\0")[0])).toEqual(["lean/Sym/A.lean", "lean/Sym/Sub/B.lean"]);
    expect(Object.keys(c.files)[0]?.split("\0")[1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("trusts a well-formed cached scan of the same file text (the planted name shows that it was not parsed again)", () => {
    plant();
    expect(names()).toEqual(["Sym.planted", "Sym.t2"]);
  });

  it("parses again when the cache has another format, another parser, or no files table", () => {
    plant((c) => (c.format = 1));
    expect(names()).toEqual(["Sym.t1", "Sym.t2"]);
    plant((c) => (c.parser = "another"));
    expect(names()).toEqual(["Sym.t1", "Sym.t2"]);
    plant((c) => (c.files = null as never));
    expect(names()).toEqual(["Sym.t1", "Sym.t2"]);
  });

  it("parses a file again when its cached scan lacks a declarations or diagnostics list, and rewrites the cache", () => {
    plant((c) => {
      for (const v of Object.values(c.files)) v.diagnostics = undefined as never;
    });
    expect(names()).toEqual(["Sym.t1", "Sym.t2"]);
    expect(Object.values(readCacheFile().files).every((v) => Array.isArray(v.diagnostics))).toBe(true);
    plant((c) => {
      for (const v of Object.values(c.files)) v.declarations = "none" as never;
    });
    expect(names()).toEqual(["Sym.t1", "Sym.t2"]);
  });

  it("rewrites the cache without a file that is gone, even when nothing had to be parsed", () => {
    readLibrary(root, { cacheFile });
    fs.rmSync(path.join(root, "lean/Sym/Sub/B.lean"));
    expect(names()).toEqual(["Sym.t1"]);
    expect(Object.keys(readCacheFile().files).map((k) => k.split("\0")[0])).toEqual(["lean/Sym/A.lean"]);
  });

  it("reads the library when the cache cannot be written", () => {
    const blocked = path.join(root, "lean", "Sym", "A.lean", "cache.bin");
    expect([...readLibrary(root, { cacheFile: blocked }).byName.keys()]).toEqual(["Sym.t1", "Sym.t2"]);
    expect(fs.existsSync(blocked)).toBe(false);
  });

  it("leaves no temporary file beside the cache", () => {
    readLibrary(root, { cacheFile });
    expect(fs.readdirSync(path.dirname(cacheFile))).toEqual(["library-parse.bin"]);
  });
});
