/**
 * Checks mutants in parallel worker processes, as `src/runner/pool.ts` checks declarations: a
 * work queue, each idle worker takes the next mutant; results keep the order of the tasks.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { MutantRunOptions } from "./check.js";
import type { MutantOutcome, MutantTask } from "./types.js";
import type { WorkerMessage, WorkerReply } from "./worker.js";

export async function checkMutantsInPool(tasks: readonly MutantTask[], options: MutantRunOptions, jobs: number, onResult: (index: number, outcome: MutantOutcome) => void): Promise<MutantOutcome[]> {
  const results: MutantOutcome[] = new Array(tasks.length);
  if (tasks.length === 0) return results;
  let next = 0;
  const workerFile = path.join(import.meta.dirname, "worker.ts");
  const n = Math.max(1, Math.min(jobs, tasks.length));
  await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((resolve, reject) => {
        const child: ChildProcess = fork(workerFile, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        const send = (m: WorkerMessage): void => {
          child.send(m);
        };
        const give = (): void => {
          if (next >= tasks.length) {
            send({ type: "exit" });
            return;
          }
          const id = next++;
          send({ type: "task", id, task: tasks[id] as MutantTask });
        };
        child.on("message", (m: WorkerReply) => {
          if (m.type === "ready") give();
          else {
            results[m.id] = m.outcome;
            onResult(m.id, m.outcome);
            give();
          }
        });
        child.on("exit", () => resolve());
        child.on("error", reject);
        send({ type: "init", options });
      }),
    ),
  );
  return results;
}
