/**
 * The warm Lean of `npm run lean -- --watch`: one `lean --worker` on a fixture file, fed edits
 * over a pipe (real embedded toolchain).
 *
 * The real-worker test runs only with SYM_LEAN_WORKER_IT=1: with the embedded toolchain it did not
 * finish its first check within 17 minutes on a loaded 2-core machine, while the worker grew to
 * 13 GB (each thread the language server starts is a new WebAssembly instance; see the README).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareWasmToolchain } from "../../src/lean/toolchain.js";
import { LeanWorker, LspReader } from "../../src/lean/worker.js";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test", "fixtures", "lean-watch", "Watch.lean");

describe("LspReader", () => {
  it("splits messages, keeps partial ones, skips debug lines and decodes UTF-8 bodies", () => {
    const r = new LspReader();
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", method: "m", params: { text: "αβ é" } }), "utf8");
    const framed = Buffer.concat([Buffer.from(`[DEBUG:A] noise\nContent-Length: ${body.length}\r\n\r\n[DEBUG:G] more\n`), body]);
    expect(r.push(framed.subarray(0, 30))).toEqual([]);
    expect(r.push(framed.subarray(30))).toEqual([{ jsonrpc: "2.0", method: "m", params: { text: "αβ é" } }]);
  });
});

describe.runIf(process.env["SYM_LEAN_WORKER_IT"] === "1")("LeanWorker (real toolchain)", () => {
  let dir: string;
  let worker: LeanWorker;
  let text: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lean-watch-"));
    const file = path.join(dir, "Watch.lean");
    text = fs.readFileSync(fixture, "utf8");
    fs.writeFileSync(file, text);
    const tc = prepareWasmToolchain({ projectRoot: root });
    worker = new LeanWorker(tc, { file, searchPath: [], cwd: dir, displayName: "Watch.lean", options: ["autoImplicit=false"] });
  });
  afterAll(() => {
    worker.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("checks the file, then an edit that introduces an error (with its position), then one that fixes it", async () => {
    const first = await worker.check(text);
    expect(first.messages.filter((m) => m.severity === "error")).toEqual([]);
    const broken = text.replace("end Watch", "-- é, non-ASCII in the text\ntheorem wrong : double 2 = 5 := by decide\n\nend Watch");
    const second = await worker.check(broken);
    const errors = second.messages.filter((m) => m.severity === "error");
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatchObject({ file: "Watch.lean", line: 18 });
    const fixed = await worker.check(broken.replace("double 2 = 5", "double 2 = 4").replace(":= by decide", ":= by decide\n\ntheorem open_goal : double 3 = 6 := sorry"));
    expect(fixed.messages.filter((m) => m.severity === "error")).toEqual([]);
    expect(fixed.messages.filter((m) => m.kind === "hasSorry").map((m) => m.line)).toEqual([20]);
    expect(fixed.version).toBe(3);
  }, 1_200_000);
});
