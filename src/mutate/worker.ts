/**
 * A mutation worker process: reads the library and the semantics registry once, then checks the
 * mutants it is sent one at a time (the runner's worker protocol: ready, task, result, exit).
 */
import { registryWithExport } from "../export/derive.js";
import type { Library } from "../parser/index.js";
import { readLibrary } from "../runner/library.js";
import type { Registry } from "../semantics/registry.js";
import { checkMutant, type MutantRunOptions } from "./check.js";
import type { MutantOutcome, MutantTask } from "./types.js";

export type WorkerMessage = { type: "init"; options: MutantRunOptions } | { type: "task"; id: number; task: MutantTask } | { type: "exit" };
export type WorkerReply = { type: "ready" } | { type: "result"; id: number; outcome: MutantOutcome };

let state: { lib: Library; registry: Registry; options: MutantRunOptions } | undefined;

process.on("message", (m: WorkerMessage) => {
  if (m.type === "init") {
    state = { lib: readLibrary(m.options.root), registry: registryWithExport(m.options.root).registry, options: m.options };
    process.send?.({ type: "ready" } satisfies WorkerReply);
  } else if (m.type === "task" && state) {
    const s = state;
    checkMutant(s.lib, s.registry, m.task, s.options).then(
      (outcome) => process.send?.({ type: "result", id: m.id, outcome } satisfies WorkerReply),
      (e: unknown) => process.send?.({ type: "result", id: m.id, outcome: { status: "error", message: e instanceof Error ? e.message : String(e), seconds: 0 } } satisfies WorkerReply),
    );
  } else if (m.type === "exit") {
    process.exit(0);
  }
});
