/**
 * What the proof-build tests driven by a stand-in compiler (a Node script given as the toolchain's
 * first argument) share: the toolchain record and the writing of a module with its imports.
 */
import fs from "node:fs";
import path from "node:path";
import type { Toolchain } from "../../src/lean/toolchain.js";

/** A native toolchain run by this Node binary; `fingerprint` names the stand-in. */
export function fakeToolchain(fingerprint: string): Toolchain {
  return {
    info: { kind: "native", leanVersion: "fake", package: "fake-lean", integrity: "none" },
    command: process.execPath,
    prefixArgs: [],
    libDirs: [],
    env: {},
    fingerprint,
  };
}

/** Writes `lean/<name as a path>.lean` under `dir`: a module importing `imports`, then `body`. */
export function writeLeanModule(dir: string, name: string, imports: string[], body: string): void {
  const file = path.join(dir, "lean", ...name.split(".")) + ".lean";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, ["module", "", ...imports.map((i) => `public import ${i}`), "", body, ""].join("\n"));
}
