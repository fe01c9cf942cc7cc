/**
 * Reading the export file (`out/export.json`) without loading the evaluator: the numeric stage
 * needs its terms for cache keys even when nothing has to run.
 */
import fs from "node:fs";
import path from "node:path";
import type { ExportFile } from "./types.js";

/** Reads `out/export.json` under `root`, or undefined when it is missing or unreadable. */
export function readExport(root: string): ExportFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "out", "export.json"), "utf8")) as ExportFile;
  } catch {
    return undefined;
  }
}
