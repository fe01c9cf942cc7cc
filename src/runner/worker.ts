/**
 * A worker process of the parallel checker: receives declarations one at a time, checks each,
 * and sends the record back. Started by `pool.ts` with the parent's loader flags.
 */
import type { DeclRole } from "../spec/types.js";
import { readExport, registryWithExport } from "../export/derive.js";
import { libraryWithExport } from "../export/delab.js";
import { checkNumericOnly, checkOne, type DriverOptions } from "./driver.js";
import { numericOnlyProperties } from "./numeric-only.js";
import path from "node:path";
import { PARSE_CACHE_FILE, readLibrary } from "./library.js";
import type { NumericFile, NumericRecord } from "./types.js";

export interface WorkerInit {
  type: "init";
  root: string;
  seed: number;
  runs?: number;
  path?: string;
  previous: NumericFile;
}

export interface WorkerTask {
  type: "task";
  id: number;
  name: string;
  claimId: string;
  conjecture: boolean;
  concrete?: Record<string, string>;
  role?: DeclRole;
  /** A numeric-only property (`numeric-only.ts`) named `name`, not a Lean declaration. */
  numericOnly?: boolean;
}

export type WorkerReply = { type: "ready" } | { type: "record"; id: number; record: NumericRecord };

let opts: DriverOptions | undefined;

function send(m: WorkerReply): void {
  process.send?.(m);
}

process.on("message", (m: WorkerInit | WorkerTask | { type: "exit" }) => {
  if (m.type === "init") {
    // Statements are planned from Lean's elaborated terms (out/export.json) where it covers them.
    // Unchanged Lean files come from the parse cache the parent process has just brought up to date.
    const library = readLibrary(m.root, { cacheFile: path.join(m.root, PARSE_CACHE_FILE) });
    opts = { root: m.root, library: libraryWithExport(library, readExport(m.root)), registry: registryWithExport(m.root).registry, seed: m.seed, previous: m.previous };
    if (m.runs !== undefined) opts.runs = m.runs;
    if (m.path !== undefined) opts.path = m.path;
    send({ type: "ready" });
  } else if (m.type === "task" && opts) {
    const o = opts;
    const fail = (message: string): NumericRecord => ({
      claimId: m.claimId,
      declaration: m.name,
      mode: "exact",
      status: "error",
      runs: 0,
      skips: 0,
      seed: o.seed,
      seconds: 0,
      maxResidual: 0,
      handWritten: false,
      message,
    });
    if (m.numericOnly) {
      const mod = numericOnlyProperties.find((p) => p.meta.declaration === m.name);
      send({ type: "record", id: m.id, record: mod ? checkNumericOnly(mod, o) : fail(`no numeric-only property ${m.name}`) });
      return;
    }
    const decl = o.library.byName.get(m.name);
    if (!decl) {
      send({ type: "record", id: m.id, record: fail(`no declaration ${m.name}`) });
      return;
    }
    checkOne({ decl, claimId: m.claimId, conjecture: m.conjecture, ...(m.concrete ? { concrete: m.concrete } : {}), ...(m.role ? { role: m.role } : {}) }, o).then(
      (record) => send({ type: "record", id: m.id, record }),
      (e: unknown) => send({ type: "record", id: m.id, record: fail(`the property threw: ${e instanceof Error ? e.message : String(e)}`) }),
    );
  } else if (m.type === "exit") {
    process.exit(0);
  }
});
