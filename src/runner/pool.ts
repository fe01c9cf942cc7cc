/**
 * Checks declarations in parallel worker processes (a work queue: each idle worker takes the
 * next declaration), keeping the order of the records. With estimates of each task's seconds
 * (the previous run's records), the longest tasks are handed out first, so that no long task
 * starts last while the other workers sit idle.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { messageText } from "../diagnostics/index.js";
import { writeGenTsconfig } from "./gen-files.js";
import type { Selected } from "./select.js";
import type { NumericFile, NumericRecord } from "./types.js";
import type { WorkerInit, WorkerReply, WorkerTask } from "./worker.js";

/**
 * A task of the pool: a selected declaration, or a numeric-only property (a part of a claim no
 * Lean declaration states, `numeric-only.ts`) by its record name.
 */
export type PoolTask = Selected | { numericOnly: string; claimId: string };

/** The record name of a task. */
export function taskName(t: PoolTask): string {
  return "numericOnly" in t ? t.numericOnly : t.decl.name;
}

export interface PoolOptions {
  root: string;
  seed: number;
  runs?: number;
  path?: string;
  previous: NumericFile;
  jobs: number;
  onRecord: (index: number, record: NumericRecord) => void;
  /**
   * Estimated seconds of a task (by index), e.g. from the previous run's record: tasks are given
   * out longest first (unknown estimates first of all, ties in the tasks' order). Without it,
   * in the tasks' order. Records keep the tasks' order either way.
   */
  estimate?: (index: number) => number | undefined;
  /** The worker script (tests substitute a stand-in); default `worker.ts` beside this file. */
  workerFile?: string;
  /** Filled with the pool's phase timings (for the stage's log). */
  timings?: PoolTimings;
}

/** Seconds since the pool started, per worker process. */
export interface PoolTimings {
  /** When each worker had loaded the evaluator, the library and the meanings (its `ready`). */
  ready: number[];
  /** When each worker exited. */
  exited: number[];
}

/**
 * The record of a declaration whose worker died before answering (crashed, killed, out of
 * memory): an `error`, never a silent gap, so a counterexample cannot be lost unnoticed.
 */
export function lostRecord(sel: PoolTask, seed: number, reason: string): NumericRecord {
  return errorRecord(sel, seed, messageText("SYM308", reason));
}

/** An `error` record of a declaration that produced no evidence, with the message saying why. */
export function errorRecord(sel: PoolTask, seed: number, message: string): NumericRecord {
  return { claimId: sel.claimId, declaration: taskName(sel), mode: "exact", status: "error", runs: 0, skips: 0, seed, seconds: 0, maxResidual: 0, handWritten: false, message };
}

/** The progress line of a record: `[i/total] claim status name (seconds) details`. */
export function progressLine(i: number, total: number, name: string, rec: NumericRecord): string {
  const interrupted = rec.message?.startsWith("interrupted") ? ` (${rec.message.split(";")[0]})` : "";
  const extra =
    rec.status === "passed"
      ? `${rec.runs} runs, ${rec.skips} skipped${interrupted}${rec.coverage === "exhaustive" ? ", exhaustive" : (rec.premisesHeld ?? rec.runs - rec.skips) < 1000 ? ", weak" : ""}`
      : rec.status === "counterexample"
        ? JSON.stringify(rec.counterexample)
        : (rec.message ?? "");
  return `[${i}/${total}] ${rec.claimId.padEnd(7)} ${rec.status.padEnd(14)} ${name} (${rec.seconds}s) ${extra}`;
}

export interface RunTasksOptions {
  root: string;
  seed: number;
  runs?: number;
  path?: string;
  /** The previous run's records: stored counterexamples to replay, and seconds to schedule by. */
  previous?: NumericFile;
  jobs: number;
  /** The `total` of the progress lines (the tasks of the whole run). */
  total: number;
  onProgress?: (line: string) => void;
  /** The worker script (tests substitute a stand-in); default `worker.ts`. */
  workerFile?: string;
}

/**
 * Checks tasks in worker processes, the longest first by the previous run's seconds, with a
 * progress line per record. The workers load the evaluator, the library and the meanings
 * themselves: the calling process needs none of them (the numeric stage's parent process does
 * not load them, so that its start-up does not compete with the workers' for the cores).
 */
export async function runTasks(tasks: readonly PoolTask[], opts: RunTasksOptions): Promise<{ records: NumericRecord[]; timings: PoolTimings }> {
  writeGenTsconfig(opts.root);
  const previous = opts.previous ?? { generatedAt: "", command: "", records: [] };
  const previousSeconds = new Map(previous.records.map((r) => [r.declaration, r.seconds] as const));
  let done = 0;
  const timings: PoolTimings = { ready: [], exited: [] };
  const poolOpts: PoolOptions = {
    root: opts.root,
    seed: opts.seed,
    previous,
    jobs: opts.jobs,
    estimate: (index) => previousSeconds.get(taskName(tasks[index] as PoolTask)),
    onRecord: (index, rec) => opts.onProgress?.(progressLine(++done, opts.total, taskName(tasks[index] as PoolTask), rec)),
    timings,
  };
  if (opts.runs !== undefined) poolOpts.runs = opts.runs;
  if (opts.path !== undefined) poolOpts.path = opts.path;
  if (opts.workerFile !== undefined) poolOpts.workerFile = opts.workerFile;
  return { records: await checkInPool(tasks, poolOpts), timings };
}

/** The order tasks are handed out in: longest estimate first, unknown first, ties by index. */
export function scheduleOrder(count: number, estimate?: (index: number) => number | undefined): number[] {
  const ids = Array.from({ length: count }, (_, i) => i);
  if (!estimate) return ids;
  const est = ids.map((i) => estimate(i) ?? Infinity);
  return ids.sort((a, b) => (est[b] as number) - (est[a] as number) || a - b);
}

export async function checkInPool(selected: readonly PoolTask[], opts: PoolOptions): Promise<NumericRecord[]> {
  const records: NumericRecord[] = new Array(selected.length);
  const order = scheduleOrder(selected.length, opts.estimate);
  let next = 0;
  const workerFile = opts.workerFile ?? path.join(import.meta.dirname, "worker.ts");
  const jobs = Math.max(1, Math.min(opts.jobs, selected.length));
  const t0 = performance.now();
  const since = (): number => Math.round(performance.now() - t0) / 1000;
  await Promise.all(
    Array.from({ length: jobs }, (_, w) =>
      new Promise<void>((resolve, reject) => {
        const child: ChildProcess = fork(workerFile, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        /** The task this worker was given and has not answered. */
        let current: number | undefined;
        const give = (): void => {
          if (next >= selected.length) {
            child.send({ type: "exit" });
            return;
          }
          const id = order[next++] as number;
          current = id;
          const s = selected[id] as PoolTask;
          let task: WorkerTask;
          if ("numericOnly" in s) task = { type: "task", id, name: s.numericOnly, claimId: s.claimId, conjecture: false, numericOnly: true };
          else {
            task = { type: "task", id, name: s.decl.name, claimId: s.claimId, conjecture: s.conjecture };
            if (s.concrete) task.concrete = s.concrete;
            if (s.role) task.role = s.role;
          }
          child.send(task);
        };
        child.on("message", (m: WorkerReply) => {
          if (m.type === "ready") {
            if (opts.timings) opts.timings.ready[w] = since();
            give();
          }
          else {
            if (m.id === current) current = undefined;
            records[m.id] = m.record;
            opts.onRecord(m.id, m.record);
            give();
          }
        });
        child.on("exit", (code, signal) => {
          if (opts.timings) opts.timings.exited[w] = since();
          if (current !== undefined && records[current] === undefined) {
            const lost = lostRecord(selected[current] as PoolTask, opts.seed, `its worker process ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before returning a record`);
            records[current] = lost;
            opts.onRecord(current, lost);
          }
          resolve();
        });
        child.on("error", reject);
        const init: WorkerInit = { type: "init", root: opts.root, seed: opts.seed, previous: opts.previous };
        if (opts.runs !== undefined) init.runs = opts.runs;
        if (opts.path !== undefined) init.path = opts.path;
        child.send(init);
      }),
    ),
  );
  // Declarations no worker took (every worker died first) are not checked either.
  for (let id = 0; id < selected.length; id++) {
    if (records[id] !== undefined) continue;
    const lost = lostRecord(selected[id] as PoolTask, opts.seed, "every worker process exited before it was given to one");
    records[id] = lost;
    opts.onRecord(id, lost);
  }
  return records;
}
