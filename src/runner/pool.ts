/**
 * Checks declarations in parallel worker processes (a work queue: each idle worker takes the
 * next declaration), keeping the order of the records.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Selected } from "./select.js";
import type { NumericFile, NumericRecord } from "./types.js";
import type { WorkerInit, WorkerReply, WorkerTask } from "./worker.js";

export interface PoolOptions {
  root: string;
  seed: number;
  runs?: number;
  path?: string;
  previous: NumericFile;
  jobs: number;
  onRecord: (index: number, record: NumericRecord) => void;
}

export async function checkInPool(selected: readonly Selected[], opts: PoolOptions): Promise<NumericRecord[]> {
  const records: NumericRecord[] = new Array(selected.length);
  let next = 0;
  const workerFile = path.join(import.meta.dirname, "worker.ts");
  const jobs = Math.max(1, Math.min(opts.jobs, selected.length));
  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        const child: ChildProcess = fork(workerFile, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        const give = (): void => {
          if (next >= selected.length) {
            child.send({ type: "exit" });
            return;
          }
          const id = next++;
          const s = selected[id] as Selected;
          const task: WorkerTask = { type: "task", id, name: s.decl.name, claimId: s.claimId, conjecture: s.conjecture };
          if (s.concrete) task.concrete = s.concrete;
          if (s.role) task.role = s.role;
          child.send(task);
        };
        child.on("message", (m: WorkerReply) => {
          if (m.type === "ready") give();
          else {
            records[m.id] = m.record;
            opts.onRecord(m.id, m.record);
            give();
          }
        });
        child.on("exit", () => resolve());
        child.on("error", reject);
        const init: WorkerInit = { type: "init", root: opts.root, seed: opts.seed, previous: opts.previous };
        if (opts.runs !== undefined) init.runs = opts.runs;
        if (opts.path !== undefined) init.path = opts.path;
        child.send(init);
      }),
    ),
  );
  return records;
}
