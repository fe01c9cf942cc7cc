/** Shared fixture loading for the report tests. */
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import type { ProofsFile } from "../../src/build/types.js";
import type { NumericFile } from "../../src/runner/types.js";
import { loadRegistry } from "../../src/spec/load.js";

export const FIXTURES = path.join(import.meta.dirname, "../fixtures/report");
export const ROOT = path.join(import.meta.dirname, "../..");

export function fixtures() {
  const loaded = loadRegistry(path.join(FIXTURES, "registry.json"), "registry.json");
  if (!loaded.ok) throw new Error("fixture registry does not load");
  const proofs = JSON.parse(fs.readFileSync(path.join(FIXTURES, "proofs.json"), "utf8")) as ProofsFile;
  const numeric = JSON.parse(fs.readFileSync(path.join(FIXTURES, "numeric.json"), "utf8")) as NumericFile;
  return { registry: loaded.value, positions: loaded.positions, proofs, numeric };
}

export const FILES = { registry: "registry.json", proofs: "out/proofs.json", numeric: "out/numeric.json" };
export const NOW = new Date("2026-11-27T06:00:00.000Z");

/** A temporary project folder with the fixture inputs in place. */
export function tempProject(opts: { proofs?: boolean; numeric?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env["TMPDIR"] ?? "/tmp"), "report-test-"));
  fs.mkdirSync(path.join(dir, "out"));
  fs.mkdirSync(path.join(dir, "spec"));
  fs.copyFileSync(path.join(FIXTURES, "registry.json"), path.join(dir, "spec/claims.json"));
  if (opts.proofs !== false) fs.copyFileSync(path.join(FIXTURES, "proofs.json"), path.join(dir, "out/proofs.json"));
  if (opts.numeric !== false) fs.copyFileSync(path.join(FIXTURES, "numeric.json"), path.join(dir, "out/numeric.json"));
  return dir;
}

/** `tempProject` for one test file: every folder it makes is removed after the file's tests. */
export function tempProjects(): (opts?: Parameters<typeof tempProject>[0]) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  return (opts) => {
    const d = tempProject(opts);
    made.push(d);
    return d;
  };
}
