/**
 * Reads the Lean library under `lean/` (every `.lean` file, sorted) for the harness.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { scanLibrary, type Library } from "../parser/index.js";

function leanFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? leanFiles(p) : p.endsWith(".lean") ? [p] : [];
  });
}

/** Scans `<root>/lean` (file names relative to `root`). */
export function readLibrary(root: string): Library {
  const files = leanFiles(path.join(root, "lean")).map((p) => ({
    file: path.relative(root, p).split(path.sep).join("/"),
    text: readFileSync(p, "utf8"),
  }));
  return scanLibrary(files);
}
