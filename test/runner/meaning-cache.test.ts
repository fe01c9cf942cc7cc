/**
 * The meaning summary's cache in `npm run check`: keyed by the evaluation core, the builtins,
 * the export code and `out/export.json`; a damaged or foreign entry (or one without the
 * registry's names) is not used.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meaningKey, readMeaning, writeMeaning } from "../../src/cli/check.js";
import { harnessFingerprint } from "../../src/runner/cache.js";

const repo = path.resolve(import.meta.dirname, "../..");
const meaning = { meaning: { handWritten: 10, derived: 2, derivedShare: 0.167, derivedNames: ["Sym.a", "Sym.b"], exported: true, handWrittenNames: [{ name: "Sym.relu", reason: "recursive" }] }, names: ["Sym.a", "Sym.b", "Sym.relu"] };

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "meaning-cache-"));
  fs.cpSync(path.join(repo, "src"), path.join(root, "src"), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
  fs.copyFileSync(path.join(repo, "package.json"), path.join(root, "package.json"));
  fs.mkdirSync(path.join(root, "out"));
  fs.writeFileSync(path.join(root, "out", "export.json"), JSON.stringify({ declarations: { "Sym.a": 1 } }));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("meaning summary cache", () => {
  it("returns a stored summary for the same key, nothing for another key", () => {
    const file = path.join(root, ".cache", "meaning.json");
    const key = meaningKey(root, harnessFingerprint(root));
    expect(readMeaning(file, key)).toBeUndefined();
    writeMeaning(file, key, meaning);
    expect(readMeaning(file, key)).toEqual(meaning);
    expect(readMeaning(file, "another key")).toBeUndefined();
  });

  it("changes its key when out/export.json, the export code or a builtin changes", () => {
    const k0 = meaningKey(root, harnessFingerprint(root));
    expect(meaningKey(root, harnessFingerprint(root))).toBe(k0);
    fs.writeFileSync(path.join(root, "out", "export.json"), JSON.stringify({ declarations: { "Sym.a": 2 } }));
    const k1 = meaningKey(root, harnessFingerprint(root));
    expect(k1).not.toBe(k0);
    fs.appendFileSync(path.join(root, "src", "export", "derive.ts"), "\n// changed\n");
    const k2 = meaningKey(root, harnessFingerprint(root));
    expect(k2).not.toBe(k1);
    const builtin = fs.readdirSync(path.join(root, "src", "semantics", "builtins")).find((f) => f !== "index.ts" && f !== "define.ts" && f.endsWith(".ts"))!;
    fs.appendFileSync(path.join(root, "src", "semantics", "builtins", builtin), "\n// changed\n");
    expect(meaningKey(root, harnessFingerprint(root))).not.toBe(k2);
  });

  it("does not use a damaged entry or one of another shape", () => {
    const file = path.join(root, ".cache", "meaning.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "{broken");
    expect(readMeaning(file, "k")).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ key: "k", ...meaning, meaning: { ...meaning.meaning, derived: "two" } }));
    expect(readMeaning(file, "k")).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ key: "k", ...meaning, meaning: { ...meaning.meaning, handWrittenNames: ["Sym.relu"] } }));
    expect(readMeaning(file, "k")).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ key: "k", meaning: meaning.meaning }));
    expect(readMeaning(file, "k")).toBeUndefined();
    writeMeaning(file, "k", meaning);
    expect(readMeaning(file, "k")).toEqual(meaning);
  });
});
