/**
 * Writing generated property modules under `gen/`, in a module without the evaluator's
 * dependencies (the numeric stage's parent process uses it without loading them).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes `text` to `file` unless it already holds exactly that text. */
export function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  mkdirSync(path.dirname(file), { recursive: true });
  // Write-then-rename: concurrent checkers never read a half-written module.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** `gen/tsconfig.json`: the generated modules type-check under the project's strict options. */
export function writeGenTsconfig(root: string): void {
  const cfg = { extends: "../tsconfig.json", compilerOptions: { noEmit: true }, include: ["./**/*.ts", "../src/**/*.ts"], exclude: [] };
  writeIfChanged(path.join(root, "gen", "tsconfig.json"), `${JSON.stringify(cfg, null, 2)}\n`);
}
