/**
 * Writing generated modules: a file is written (with its folders) when missing or different, left
 * untouched when it already holds the text, never left half-written or beside a temporary file;
 * and `gen/tsconfig.json` type-checks the generated modules under the project's options.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeGenTsconfig, writeIfChanged } from "../../src/runner/gen-files.js";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "gen-files-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("writeIfChanged", () => {
  it("writes a missing file, creating its folders, and leaves no temporary file", () => {
    const f = path.join(root, "gen", "Sym", "A", "x.ts");
    writeIfChanged(f, "export {};\n");
    expect(fs.readFileSync(f, "utf8")).toBe("export {};\n");
    expect(fs.readdirSync(path.dirname(f))).toEqual(["x.ts"]);
  });

  it("does not touch a file that already holds the text, and rewrites one that differs", () => {
    const f = path.join(root, "x.ts");
    fs.writeFileSync(f, "old\n");
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(f, past, past);
    const stamp = fs.statSync(f).mtimeMs;
    const ino = fs.statSync(f).ino;
    writeIfChanged(f, "old\n");
    expect(fs.statSync(f).mtimeMs).toBe(stamp);
    expect(fs.statSync(f).ino).toBe(ino);
    writeIfChanged(f, "new\n");
    expect(fs.readFileSync(f, "utf8")).toBe("new\n");
    expect(fs.statSync(f).mtimeMs).not.toBe(stamp);
    expect(fs.readdirSync(root)).toEqual(["x.ts"]);
  });

  it("replaces the file by a rename (a reader never sees a half-written module)", () => {
    const f = path.join(root, "x.ts");
    fs.writeFileSync(f, "old\n");
    const ino = fs.statSync(f).ino;
    writeIfChanged(f, "new\n");
    expect(fs.statSync(f).ino).not.toBe(ino);
  });
});

describe("writeGenTsconfig", () => {
  it("writes gen/tsconfig.json extending the project's, without emitting, over the generated modules and the sources", () => {
    writeGenTsconfig(root);
    const text = fs.readFileSync(path.join(root, "gen", "tsconfig.json"), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "extends"');
    expect(JSON.parse(text)).toEqual({ extends: "../tsconfig.json", compilerOptions: { noEmit: true }, include: ["./**/*.ts", "../src/**/*.ts"], exclude: [] });
  });
});
