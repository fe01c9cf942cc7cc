/**
 * The worker process's message handler, run in this process: the messages `pool.ts` sends are
 * emitted on `process` and the replies `process.send` would carry are collected. A task before the
 * init is ignored; the init loads the library of its root and answers `ready`; a task answers one
 * record with the task's index (an error record naming what is missing when the declaration or
 * numeric-only property does not exist), with the init's seed, run count and replay path (a
 * second init replaces the first); the init brings the root's parse cache up to date; `exit` ends
 * the process.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NumericFile, NumericRecord } from "../../src/runner/types.js";
import type { WorkerReply } from "../../src/runner/worker.js";

const LIB = `namespace Sym

variable {α : Type} [Lean.Grind.Field α]

/-- X1: addition commutes. -/
theorem w_add_comm (a b : α) : a + b = b + a := sorry

/-- X2: false: every scalar is zero. -/
theorem w_all_zero (a : α) : a = 0 := sorry

end Sym
`;

let root: string;
let listeners: Array<(...args: unknown[]) => void> = [];
const replies: WorkerReply[] = [];
const realSend = process.send;
const previous: NumericFile = { generatedAt: "", command: "", records: [] };

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "worker-messages-"));
  fs.mkdirSync(path.join(root, "lean", "Sym"), { recursive: true });
  fs.writeFileSync(path.join(root, "lean", "Sym", "W.lean"), LIB);
  // Replies of the worker are collected; any other message (the test runner's own) goes through.
  process.send = ((m: unknown, ...rest: unknown[]) => {
    const t = (m as { type?: unknown } | null)?.type;
    if (t === "ready" || t === "record") {
      replies.push(m as WorkerReply);
      return true;
    }
    return (realSend as (...a: unknown[]) => boolean).call(process, m, ...rest);
  }) as typeof process.send;
  const before = new Set(process.listeners("message"));
  // A fresh evaluation of the module (no init received yet), whatever ran before in this process.
  vi.resetModules();
  await import("../../src/runner/worker.js");
  listeners = process.listeners("message").filter((l) => !before.has(l)) as never;
});
afterAll(() => {
  for (const l of listeners) process.off("message", l);
  process.send = realSend;
  fs.rmSync(root, { recursive: true, force: true });
});

/** Emits `m` to the worker's handler and waits until `count` more replies arrived. */
async function deliver(m: unknown, count = 1): Promise<WorkerReply[]> {
  const start = replies.length;
  for (const l of listeners) l(m);
  for (let i = 0; i < 600 && replies.length < start + count; i++) await new Promise((r) => setTimeout(r, 50));
  return replies.slice(start);
}
const recordOf = (r: WorkerReply | undefined): NumericRecord => {
  if (r?.type !== "record") throw new Error(`not a record reply: ${JSON.stringify(r)}`);
  return r.record;
};

describe("the worker's message handler", () => {
  it("registered one handler", () => {
    expect(listeners).toHaveLength(1);
  });

  it("ignores a task that arrives before the init", async () => {
    const got = await deliver({ type: "task", id: 0, name: "Sym.w_add_comm", claimId: "X1", conjecture: false }, 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([]);
    expect(replies).toEqual([]);
  });

  it("answers the init with ready, after bringing the root's parse cache up to date", async () => {
    expect(await deliver({ type: "init", root, seed: 11, runs: 7, previous })).toEqual([{ type: "ready" }]);
    expect(fs.statSync(path.join(root, ".cache", "library-parse.bin")).size).toBeGreaterThan(0);
    // In the same test (a mutant of the init is checked by the tests that reach it): its seed and run count.
    const [reply] = await deliver({ type: "task", id: 1, name: "Sym.w_add_comm", claimId: "X1", conjecture: false });
    expect(recordOf(reply)).toMatchObject({ status: "passed", seed: 11, runs: 7 });
  }, 60_000);

  it("checks a task's declaration with the init's seed and run count, and answers with the task's index", async () => {
    const [reply] = await deliver({ type: "task", id: 4, name: "Sym.w_add_comm", claimId: "X1", conjecture: false });
    expect(reply).toMatchObject({ type: "record", id: 4 });
    expect(recordOf(reply)).toMatchObject({ claimId: "X1", declaration: "Sym.w_add_comm", status: "passed", seed: 11, runs: 7, handWritten: false });
  }, 60_000);

  it("finds a counterexample to a false declaration", async () => {
    const [reply] = await deliver({ type: "task", id: 5, name: "Sym.w_all_zero", claimId: "X2", conjecture: true, role: "statement" });
    expect(reply).toMatchObject({ type: "record", id: 5 });
    expect(recordOf(reply)).toMatchObject({ claimId: "X2", declaration: "Sym.w_all_zero", status: "counterexample", seed: 11 });
  }, 60_000);

  it("answers an error record for a declaration the library does not have", async () => {
    const [reply] = await deliver({ type: "task", id: 2, name: "Sym.gone", claimId: "X9", conjecture: false });
    expect(reply).toEqual({
      type: "record",
      id: 2,
      record: { claimId: "X9", declaration: "Sym.gone", mode: "exact", status: "error", runs: 0, skips: 0, seed: 11, seconds: 0, maxResidual: 0, handWritten: false, message: "no declaration Sym.gone" },
    });
  });

  it("answers an error record for an unknown numeric-only property, and checks a known one", async () => {
    const [bad] = await deliver({ type: "task", id: 3, name: "NumericOnly.none", claimId: "P3.18", conjecture: false, numericOnly: true });
    expect(recordOf(bad)).toMatchObject({ declaration: "NumericOnly.none", claimId: "P3.18", status: "error", message: "no numeric-only property NumericOnly.none" });
    const [good] = await deliver({ type: "task", id: 6, name: "NumericOnly.isUnitarilyInvariant_schatten_p1", claimId: "P3.18", conjecture: false, numericOnly: true });
    expect(good).toMatchObject({ type: "record", id: 6 });
    expect(recordOf(good)).toMatchObject({ declaration: "NumericOnly.isUnitarilyInvariant_schatten_p1", status: "passed", handWritten: true, seed: 11, runs: 7 });
  }, 60_000);

  it("takes a second init's seed and replay path for the tasks after it", async () => {
    expect(await deliver({ type: "init", root, seed: 12, path: "0", previous })).toEqual([{ type: "ready" }]);
    const [reply] = await deliver({ type: "task", id: 8, name: "Sym.w_add_comm", claimId: "X1", conjecture: false });
    expect(recordOf(reply)).toMatchObject({ declaration: "Sym.w_add_comm", seed: 12, message: "seed 12 with path 0 did not reproduce the stored counterexample" });
  }, 60_000);

  it("ends the process on exit", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    try {
      await deliver({ type: "exit" }, 0);
      expect(exit).toHaveBeenCalledWith(0);
    } finally {
      exit.mockRestore();
    }
  });

  it("ignores a message of another type", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    try {
      expect(await deliver({ type: "other" }, 0)).toEqual([]);
      expect(exit).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
    }
  });
});
