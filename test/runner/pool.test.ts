/**
 * The parallel checker with a stand-in worker script: records keep the order of the
 * declarations, and a worker that dies leaves an `error` record, never a silent gap.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LibraryDeclaration } from "../../src/parser/index.js";
import { checkInPool, scheduleOrder, type PoolTask } from "../../src/runner/pool.js";
import type { Selected } from "../../src/runner/select.js";
import { decideVerdict } from "../../src/report/verdict.js";

/** Answers each task with a passed record, except: `crash` exits with code 3, `hang` is killed by SIGKILL. */
const WORKER = `
process.on("message", (m) => {
  if (m.type === "init") return process.send({ type: "ready" });
  if (m.type === "exit") return process.exit(0);
  if (m.name === "crash") process.exit(3);
  if (m.name === "hang") process.kill(process.pid, "SIGKILL");
  const record = { claimId: m.claimId, declaration: m.name, mode: "exact", status: "passed", message: m.numericOnly ? "numeric-only" : undefined, runs: 5, skips: 0, seed: 9, seconds: 0, maxResidual: 0, handWritten: false };
  setTimeout(() => process.send({ type: "record", id: m.id, record }), m.name === "slow" ? 200 : 0);
});
`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pool-test-"));
const workerFile = path.join(dir, "worker.cjs");
fs.writeFileSync(workerFile, WORKER);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sel = (name: string): Selected => ({ decl: { name } as LibraryDeclaration, claimId: "X1.1", conjecture: false });
const run = async (names: string[], jobs: number, estimate?: (i: number) => number | undefined, tasks: PoolTask[] = names.map(sel)) => {
  const seen: number[] = [];
  const records = await checkInPool(tasks, { root: dir, seed: 9, previous: { generatedAt: "", command: "", records: [] }, jobs, workerFile, onRecord: (i) => seen.push(i), ...(estimate ? { estimate } : {}) });
  return { records, seen };
};

describe("checkInPool", () => {
  it("returns one record per declaration, in the declarations' order, reporting each once", async () => {
    const { records, seen } = await run(["slow", "a", "b", "c"], 2);
    expect(records.map((r) => r.declaration)).toEqual(["slow", "a", "b", "c"]);
    expect(records.every((r) => r.status === "passed")).toBe(true);
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
  it("turns a declaration whose worker exited into an error record, and checks the rest", async () => {
    const { records, seen } = await run(["a", "crash", "b", "c"], 2);
    expect(records.map((r) => [r.declaration, r.status])).toEqual([
      ["a", "passed"],
      ["crash", "error"],
      ["b", "passed"],
      ["c", "passed"],
    ]);
    expect(records[1]!.message).toBe("the declaration was not checked: its worker process exited with code 3 before returning a record");
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
  it("names the signal that killed a worker", async () => {
    const { records } = await run(["hang"], 1);
    expect(records[0]!.message).toBe("the declaration was not checked: its worker process was killed by SIGKILL before returning a record");
  });
  it("gives an error record to declarations no worker was left to take", async () => {
    const { records } = await run(["crash", "a", "b"], 1);
    expect(records.map((r) => [r.declaration, r.status])).toEqual([
      ["crash", "error"],
      ["a", "error"],
      ["b", "error"],
    ]);
    expect(records[2]!.message).toBe("the declaration was not checked: every worker process exited before it was given to one");
  });
  it("so a lost check fails the claim instead of letting a proof stand unchecked", async () => {
    const { records } = await run(["crash"], 1);
    expect(decideVerdict({ claim: { id: "X1.1", truth: "true" }, declarations: [], numeric: records }).verdict).toBe("failing");
  });
  it("hands out the longest tasks first (unknown estimates before known ones), records still in the tasks' order", async () => {
    const secs = [0.5, 9, undefined, 3];
    const { records, seen } = await run(["a", "b", "c", "d"], 1, (i) => secs[i]);
    expect(seen).toEqual([2, 1, 3, 0]);
    expect(records.map((r) => r.declaration)).toEqual(["a", "b", "c", "d"]);
  });
  it("orders equal estimates by position and keeps the given order without estimates", () => {
    expect(scheduleOrder(4, () => 1)).toEqual([0, 1, 2, 3]);
    expect(scheduleOrder(3)).toEqual([0, 1, 2]);
    expect(scheduleOrder(3, (i) => [1, 2, 2][i])).toEqual([1, 2, 0]);
  });
  it("sends numeric-only properties to the workers as such, named by their record name", async () => {
    const { records } = await run([], 2, undefined, [sel("a"), { numericOnly: "NumericOnly.p1", claimId: "P3.18" }]);
    expect(records.map((r) => [r.declaration, r.claimId, r.message])).toEqual([
      ["a", "X1.1", undefined],
      ["NumericOnly.p1", "P3.18", "numeric-only"],
    ]);
  });
});
