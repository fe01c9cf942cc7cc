/**
 * The parse cache of `readLibrary`: a library read through the cache equals a fresh parse;
 * a changed file is parsed again; a damaged cache file is ignored and rewritten.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readLibrary } from "../../src/runner/library.js";

const A = `namespace Sym\n\n/-- P3.6: a statement. -/\ntheorem t1 (n : Nat) : n + 0 = n := by omega\n\nend Sym\n`;
const B = `namespace Sym\n\ndef double (n : Nat) : Nat := n + n\n\ntheorem t2 (n : Nat) : double n = 2 * n := by unfold double; omega\n\nend Sym\n`;

let root: string;
let cacheFile: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "library-cache-"));
  fs.mkdirSync(path.join(root, "lean", "Sym"), { recursive: true });
  fs.writeFileSync(path.join(root, "lean", "Sym", "A.lean"), A);
  fs.writeFileSync(path.join(root, "lean", "Sym", "B.lean"), B);
  cacheFile = path.join(root, ".cache", "library-parse.bin");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const plain = (l: ReturnType<typeof readLibrary>): unknown => ({ declarations: l.declarations, names: [...l.byName.keys()], sources: [...l.sources.values()] });

describe("readLibrary parse cache", () => {
  it("gives the same library from the cache as from a fresh parse, and writes the cache once", () => {
    const fresh = readLibrary(root);
    const first = readLibrary(root, { cacheFile });
    expect(fs.existsSync(cacheFile)).toBe(true);
    const stamp = fs.statSync(cacheFile).mtimeMs;
    const second = readLibrary(root, { cacheFile });
    expect(plain(first)).toEqual(plain(fresh));
    expect(plain(second)).toEqual(plain(fresh));
    expect(fs.statSync(cacheFile).mtimeMs).toBe(stamp);
  });

  it("parses a changed file again (a renamed theorem appears, the old name is gone)", () => {
    readLibrary(root, { cacheFile });
    fs.writeFileSync(path.join(root, "lean", "Sym", "A.lean"), A.replace("t1", "t1'"));
    const lib = readLibrary(root, { cacheFile });
    expect(lib.byName.has("Sym.t1'")).toBe(true);
    expect(lib.byName.has("Sym.t1")).toBe(false);
    expect(plain(lib)).toEqual(plain(readLibrary(root)));
  });

  it("ignores a damaged cache file and rewrites it", () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, "not a serialized cache");
    const lib = readLibrary(root, { cacheFile });
    expect(plain(lib)).toEqual(plain(readLibrary(root)));
    expect(fs.readFileSync(cacheFile).toString("latin1")).not.toBe("not a serialized cache");
  });
});
