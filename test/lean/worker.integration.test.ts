/**
 * The warm Lean of `npm run lean -- --watch`: one `lean --worker` on a fixture file, fed edits
 * over a pipe (real embedded toolchain).
 *
 * The real-worker test runs only with SYM_LEAN_WORKER_IT=1: with the embedded toolchain it did not
 * finish its first check within 17 minutes on a loaded 2-core machine, while the worker grew to
 * 13 GB (each thread the language server starts is a new WebAssembly instance; see the README).
 * The watch command's memory guard is tested with the real toolchain and a low ceiling.
 */
import { spawnSync } from "node:child_process";
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

describe("npm run lean -- --watch (memory guard)", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(root, "src", "cli", "lean-file.ts"), ...args], { cwd: root, encoding: "utf8", timeout: 300_000 });

  it("refuses a --max-memory that is not a whole number of megabytes ≥ 256, before starting Lean", () => {
    const r = cli(["--watch", "test/fixtures/lean-watch/Watch.lean", "--max-memory", "12.5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--max-memory takes a whole number of megabytes");
  });

  it("stops the worker once it passes --max-memory, naming the memory and the threads, exit 1", () => {
    const r = cli(["--watch", "test/fixtures/lean-watch/Watch.lean", "--max-memory", "1000"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the Lean worker passed 1000 MB \(\d+ MB, \d+ threads\) after \d+ s and was stopped/);
    expect(r.stderr).toContain("npm run lean -- test/fixtures/lean-watch/Watch.lean");
  }, 300_000);
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
