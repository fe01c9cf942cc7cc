/**
 * The message a command prints for an error a stage threw: a file-system error by its own message
 * (naming the file), without a stack; anything else as an internal error with its stack.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../../src/cli/failure.js";

describe("failureMessage", () => {
  it("gives a file-system error's message, which names the file, and no stack", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "failure-"));
    const olean = path.join(dir, "B.olean");
    fs.mkdirSync(path.join(olean, "inside"), { recursive: true });
    let thrown: unknown;
    try {
      fs.rmSync(olean, { force: true });
    } catch (e) {
      thrown = e;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const m = failureMessage("the proof build", thrown);
    expect(m.startsWith("error in the proof build: ")).toBe(true);
    expect(m).toContain(olean);
    expect(m).not.toContain("\n    at ");
  });

  it("gives any other error as an internal error with its stack, and a thrown non-error as text", () => {
    const m = failureMessage("the check stage", new TypeError("x is undefined"));
    expect(m.startsWith("internal error in the check stage: TypeError: x is undefined\n")).toBe(true);
    expect(m).toContain("\n    at ");
    // An error with a code but no path is still internal.
    const spawn = Object.assign(new Error("spawn lean ENOENT"), { code: "ENOENT" });
    expect(failureMessage("verify", spawn).startsWith("internal error in verify: Error: spawn lean ENOENT")).toBe(true);
    expect(failureMessage("verify", "plain")).toBe("internal error in verify: plain");
  });
});
