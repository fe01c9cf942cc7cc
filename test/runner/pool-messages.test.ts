/**
 * The parallel checker's messages and bookkeeping: what each worker is told (the run's options and
 * each task's selection, exactly), how many workers start, the phase timings, the progress line of
 * each record, and the error records of lost tasks. A stand-in worker script echoes what it receives.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LibraryDeclaration } from "../../src/parser/index.js";
import { checkInPool, errorRecord, lostRecord, progressLine, scheduleOrder, taskName, type PoolOptions, type PoolTask, type PoolTimings } from "../../src/runner/pool.js";
import type { Selected } from "../../src/runner/select.js";
import type { NumericFile, NumericRecord } from "../../src/runner/types.js";

/** Answers each task with a passed record whose message is the JSON of the init and the task it got, and its pid. */
const ECHO = `
let init;
process.on("message", (m) => {
  if (m.type === "init") { init = m; return process.send({ type: "ready" }); }
  if (m.type === "exit") return process.exit(0);
  const record = { claimId: m.claimId, declaration: m.name, mode: "exact", status: "passed", message: JSON.stringify({ init, task: m, pid: process.pid }), runs: 5, skips: 0, seed: 9, seconds: 0, maxResidual: 0, handWritten: false };
  process.send({ type: "record", id: m.id, record });
});
`;
/** Exits with code 0 right after its first task, without answering it. */
const QUITTER = `
process.on("message", (m) => {
  if (m.type === "init") return process.send({ type: "ready" });
  process.exit(0);
});
`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pool-messages-"));
const echoFile = path.join(dir, "echo.cjs");
const quitterFile = path.join(dir, "quitter.cjs");
fs.writeFileSync(echoFile, ECHO);
fs.writeFileSync(quitterFile, QUITTER);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const previous: NumericFile = { generatedAt: "then", command: "npm run check", records: [] };
const sel = (name: string, over: Partial<Selected> = {}): Selected => ({ decl: { name } as LibraryDeclaration, claimId: "X1.1", conjecture: false, ...over });
async function pool(tasks: PoolTask[], over: Partial<PoolOptions> = {}): Promise<{ records: NumericRecord[]; echoes: Array<{ init: Record<string, unknown>; task: Record<string, unknown>; pid: number }>; reported: Array<[number, NumericRecord]> }> {
  const reported: Array<[number, NumericRecord]> = [];
  const records = await checkInPool(tasks, { root: dir, seed: 9, previous, jobs: 1, workerFile: echoFile, onRecord: (i, r) => reported.push([i, r]), ...over });
  return { records, echoes: records.map((r) => (r.message?.startsWith("{") ? JSON.parse(r.message) : null) as never), reported };
}

describe("what the workers are told", () => {
  it("the init carries the root, seed and previous file, and runs and path only when given", async () => {
    const plain = await pool([sel("a")]);
    expect(plain.echoes[0]?.init).toEqual({ type: "init", root: dir, seed: 9, previous });
    const withBoth = await pool([sel("a")], { runs: 17, path: "3:1" });
    expect(withBoth.echoes[0]?.init).toEqual({ type: "init", root: dir, seed: 9, previous, runs: 17, path: "3:1" });
  });

  it("a task carries its index, name, claim and conjecture flag, and its concrete binders and role only when set", async () => {
    const { echoes } = await pool([sel("a"), sel("b", { conjecture: true, role: "hypothesis", concrete: { σ: "Sym.sigmoid" } })]);
    expect(echoes.map((e) => e.task)).toEqual([
      { type: "task", id: 0, name: "a", claimId: "X1.1", conjecture: false },
      { type: "task", id: 1, name: "b", claimId: "X1.1", conjecture: true, concrete: { σ: "Sym.sigmoid" }, role: "hypothesis" },
    ]);
  });

  it("a numeric-only task is sent by its record name, never as a conjecture", async () => {
    const { echoes } = await pool([{ numericOnly: "NumericOnly.p3", claimId: "P3.18" }]);
    expect(echoes[0]?.task).toEqual({ type: "task", id: 0, name: "NumericOnly.p3", claimId: "P3.18", conjecture: false, numericOnly: true });
  });
});

describe("the workers of a pool", () => {
  it("are as many as the jobs asked for, but never more than the tasks and at least one", async () => {
    const pids = async (jobs: number, n: number) => {
      const timings: PoolTimings = { ready: [], exited: [] };
      const { echoes } = await pool(Array.from({ length: n }, (_, i) => sel(`t${i}`)), { jobs, timings });
      return { pids: new Set(echoes.map((e) => e.pid)).size, ready: timings.ready.length, exited: timings.exited.length };
    };
    expect(await pids(8, 2)).toMatchObject({ ready: 2, exited: 2 });
    expect(await pids(0, 3)).toEqual({ pids: 1, ready: 1, exited: 1 });
    expect(await pids(2, 6)).toMatchObject({ ready: 2, exited: 2 });
  });

  it("record when each got ready and exited, in seconds since the pool started", async () => {
    const timings: PoolTimings = { ready: [], exited: [] };
    await pool([sel("a"), sel("b")], { jobs: 2, timings });
    for (let w = 0; w < 2; w++) {
      expect(timings.ready[w]).toBeGreaterThan(0);
      expect(timings.ready[w]).toBeLessThan(120);
      expect(timings.exited[w]).toBeGreaterThanOrEqual(timings.ready[w] as number);
    }
  });

  it("report each lost task once, with its index, and an exit with code 0 is not a record", async () => {
    const { records, reported } = await pool([sel("a"), sel("b")], { workerFile: quitterFile });
    expect(records.map((r) => [r.declaration, r.status, r.message])).toEqual([
      ["a", "error", "the declaration was not checked: its worker process exited with code 0 before returning a record"],
      ["b", "error", "the declaration was not checked: every worker process exited before it was given to one"],
    ]);
    expect(reported.map(([i, r]) => [i, r.declaration])).toEqual([
      [0, "a"],
      [1, "b"],
    ]);
  });

  it("hand out tasks in schedule order when given estimates", async () => {
    const { reported } = await pool([sel("a"), sel("b"), sel("c")], { estimate: (i) => [1, 5, 3][i] });
    expect(reported.map(([i]) => i)).toEqual([1, 2, 0]);
    expect(scheduleOrder(3, (i) => [1, 5, 3][i])).toEqual([1, 2, 0]);
  });
});

describe("error records", () => {
  it("of a lost or failed task are exact-mode errors with no runs, the task's claim, name and the run's seed", () => {
    const expected = { claimId: "P3.18", declaration: "NumericOnly.p1", mode: "exact", status: "error", runs: 0, skips: 0, seed: 4, seconds: 0, maxResidual: 0, handWritten: false };
    expect(errorRecord({ numericOnly: "NumericOnly.p1", claimId: "P3.18" }, 4, "why")).toEqual({ ...expected, message: "why" });
    expect(lostRecord({ numericOnly: "NumericOnly.p1", claimId: "P3.18" }, 4, "it died")).toEqual({ ...expected, message: "the declaration was not checked: it died" });
    expect(taskName(sel("Sym.x"))).toBe("Sym.x");
    expect(taskName({ numericOnly: "N.y", claimId: "C" })).toBe("N.y");
  });
});

describe("the progress line of a record", () => {
  const rec = (over: Partial<NumericRecord>): NumericRecord => ({ claimId: "X1.1", declaration: "Sym.a", mode: "exact", status: "passed", runs: 1000, skips: 0, seed: 1, seconds: 1.5, maxResidual: 0, handWritten: false, ...over });
  it("of a passed record gives its runs and skips, padded claim and status", () => {
    expect(progressLine(3, 10, "Sym.a", rec({}))).toBe("[3/10] X1.1    passed         Sym.a (1.5s) 1000 runs, 0 skipped");
  });
  it("of a passed record with fewer than 1,000 runs whose premises held says weak; an exhaustive one says so instead", () => {
    expect(progressLine(1, 1, "Sym.a", rec({ runs: 1000, skips: 1 }))).toBe("[1/1] X1.1    passed         Sym.a (1.5s) 1000 runs, 1 skipped, weak");
    expect(progressLine(1, 1, "Sym.a", rec({ runs: 1200, skips: 300, premisesHeld: 1000 }))).toBe("[1/1] X1.1    passed         Sym.a (1.5s) 1200 runs, 300 skipped");
    expect(progressLine(1, 1, "Sym.a", rec({ runs: 2000, skips: 0, premisesHeld: 999 }))).toMatch(/, weak$/);
    expect(progressLine(1, 1, "Sym.a", rec({ runs: 1, coverage: "exhaustive" }))).toBe("[1/1] X1.1    passed         Sym.a (1.5s) 1 runs, 0 skipped, exhaustive");
  });
  it("of a passed record stopped at its time limit quotes the interruption, up to the first semicolon", () => {
    expect(progressLine(1, 2, "Sym.a", rec({ message: "interrupted after 4000 ms; 1000 runs asked" }))).toBe("[1/2] X1.1    passed         Sym.a (1.5s) 1000 runs, 0 skipped (interrupted after 4000 ms)");
    expect(progressLine(1, 2, "Sym.a", rec({ message: "a note" }))).toBe("[1/2] X1.1    passed         Sym.a (1.5s) 1000 runs, 0 skipped");
  });
  it("of a counterexample gives the counterexample; of any other status its message or nothing", () => {
    expect(progressLine(2, 2, "Sym.a", rec({ status: "counterexample", counterexample: { A: [["1"]] } }))).toBe('[2/2] X1.1    counterexample Sym.a (1.5s) {"A":[["1"]]}');
    expect(progressLine(2, 2, "Sym.a", rec({ status: "error", message: "broke" }))).toBe("[2/2] X1.1    error          Sym.a (1.5s) broke");
    expect(progressLine(2, 2, "Sym.a", rec({ status: "unsupported" }))).toBe("[2/2] X1.1    unsupported    Sym.a (1.5s) ");
  });
});
