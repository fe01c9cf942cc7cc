/**
 * The proof build's traces and records, driven by a stand-in compiler (a small Node script that
 * writes an `.olean` holding its input and reports `error`/`sorry` lines as Lean's JSON messages),
 * so every rebuild decision is tested in milliseconds, without the real toolchain.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTrace } from "../../src/build/cache.js";
import { estimatedCompileSeconds, prove, type ProveOptions } from "../../src/build/prove.js";
import type { ModuleStatus, ProofsFile } from "../../src/build/types.js";
import type { Toolchain } from "../../src/lean/toolchain.js";

/**
 * The stand-in `lean`: `… --root=R [-Dopt…] --json -o OLEAN FILE`. Writes OLEAN with the options
 * and the source less its \`--\` comment lines (so a comment-only change gives identical bytes, as
 * Lean's does for a comment at the end); a line containing `ERROR` becomes an error message (exit 1), a line containing
 * `sorry` a `hasSorry` warning; `EXIT3` exits 3 with no message, `SLOW` sleeps 5 s and `BUSY`
 * computes until it has used 0.6 s of CPU. Every call
 * is appended to the `calls` file named by FAKE_LEAN_CALLS.
 */
const FAKE_LEAN = `
const fs = require("node:fs");
const args = process.argv.slice(2);
const olean = args[args.indexOf("-o") + 1];
const file = args[args.length - 1];
const opts = args.filter((a) => a.startsWith("-D"));
const src = fs.readFileSync(file, "utf8");
fs.appendFileSync(process.env.FAKE_LEAN_CALLS, file + "\\n");
if (src.includes("SLOW")) { const t = Date.now(); while (Date.now() - t < 5000) {} }
if (src.includes("BUSY")) { while (process.cpuUsage().user < 600000) {} }
if (src.includes("EXIT3")) { process.stderr.write("boom on stderr\\n"); process.exit(3); }
let failed = false;
src.split("\\n").forEach((line, i) => {
  if (line.includes("ERROR")) {
    failed = true;
    console.log(JSON.stringify({ severity: "error", pos: { line: i + 1, column: 2 }, endPos: { line: i + 1, column: 7 }, fileName: file, data: "unknown identifier 'ERROR'", kind: "" }));
  }
  if (line.includes("sorry")) console.log(JSON.stringify({ severity: "warning", pos: { line: i + 1, column: 0 }, fileName: file, data: "declaration uses 'sorry'", kind: "hasSorry" }));
});
if (failed) process.exit(1);
fs.writeFileSync(olean, "olean " + opts.join(" ") + "\\n" + src.split("\\n").filter((l) => !l.startsWith("--")).join("\\n"));
`;

let dir: string;
let calls: string;
let tool: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "traces-test-"));
  calls = path.join(dir, "calls.txt");
  fs.writeFileSync(calls, "");
  tool = path.join(dir, "fake-lean.cjs");
  fs.writeFileSync(tool, FAKE_LEAN);
  process.env["FAKE_LEAN_CALLS"] = calls;
});
afterEach(() => {
  delete process.env["FAKE_LEAN_CALLS"];
  fs.rmSync(dir, { recursive: true, force: true });
});

function toolchain(fingerprint = "fake-1"): Toolchain {
  return {
    info: { kind: "native", leanVersion: "fake", package: "fake-lean", integrity: "none" },
    command: process.execPath,
    prefixArgs: [tool],
    libDirs: [],
    env: {},
    fingerprint,
  };
}

/** Writes `lean/<Name>.lean` with its imports and body. */
function write(name: string, imports: string[], body: string): void {
  const file = path.join(dir, "lean", ...name.split(".")) + ".lean";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, ["module", "", ...imports.map((i) => `public import ${i}`), "", body, ""].join("\n"));
}

async function build(over: Partial<ProveOptions> = {}): Promise<{ proofs: ProofsFile; failed: number; status: Record<string, ModuleStatus>; compiled: string[]; log: string[] }> {
  fs.writeFileSync(calls, "");
  const log: string[] = [];
  const r = await prove({ projectRoot: dir, srcDir: "lean", buildDir: path.join(dir, "build"), toolchain: toolchain(), jobs: 1, timeoutMs: 30_000, log: (l) => log.push(l), ...over });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  const compiled = fs
    .readFileSync(calls, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((f) => path.relative(path.join(dir, "lean"), f).replace(/\.lean$/, "").split(path.sep).join("."));
  return { proofs: r.proofs, failed: r.failed, status: Object.fromEntries(r.proofs.modules.map((m) => [m.name, m.status])), compiled, log };
}

const olean = (name: string) => path.join(dir, "build", ...name.split(".")) + ".olean";

describe("rebuild decisions (traces)", () => {
  beforeEach(() => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.B", ["Lib.A", "Init"], "theorem b : True := trivial");
    write("Lib.C", ["Lib.B"], "theorem c : True := trivial");
    write("Lib.D", [], "theorem d : True := trivial");
  });

  it("compiles every module once in dependency order, then reuses them all when nothing changed", async () => {
    const first = await build();
    expect(first.compiled).toEqual(["Lib.A", "Lib.B", "Lib.C", "Lib.D"]);
    expect(first.status).toEqual({ "Lib.A": "built", "Lib.B": "built", "Lib.C": "built", "Lib.D": "built" });
    expect(first.failed).toBe(0);
    const second = await build();
    expect(second.compiled).toEqual([]);
    expect(second.status).toEqual({ "Lib.A": "cached", "Lib.B": "cached", "Lib.C": "cached", "Lib.D": "cached" });
    expect(second.proofs.summary).toMatchObject({ modules: 4, built: 0, cached: 4, failed: 0, skipped: 0 });
  });

  it("rebuilds a module when a module it imports changed, directly or through another import", async () => {
    await build();
    write("Lib.A", [], "theorem a : True := trivial\ntheorem a2 : True := trivial");
    const r = await build();
    expect(r.compiled).toEqual(["Lib.A", "Lib.B", "Lib.C"]);
    expect(r.status).toEqual({ "Lib.A": "built", "Lib.B": "built", "Lib.C": "built", "Lib.D": "cached" });
  });

  it("keeps the importers of a module rebuilt to identical build products (early cutoff), and says why", async () => {
    await build();
    fs.appendFileSync(path.join(dir, "lean", "Lib", "A.lean"), "-- a remark\n");
    const r = await build();
    expect(r.compiled).toEqual(["Lib.A"]);
    expect(r.status).toEqual({ "Lib.A": "built", "Lib.B": "cached", "Lib.C": "cached", "Lib.D": "cached" });
    const b = r.proofs.modules.find((m) => m.name === "Lib.B");
    expect(b?.reason).toBe("kept: Lib.A rebuilt with an unchanged interface");
    expect(r.proofs.modules.find((m) => m.name === "Lib.D")?.reason).toBeUndefined();
  });

  it("rebuilds a module whose import of an import changed even when the module in between rebuilt to identical bytes", async () => {
    await build();
    write("Lib.A", [], "theorem a : 1 = 1 := rfl");
    const r = await build();
    // Lib.B's source is unchanged, so its rebuilt .olean has the same bytes; Lib.C still loads
    // Lib.A's new .olean through Lib.B and must be compiled again.
    expect(r.compiled).toEqual(["Lib.A", "Lib.B", "Lib.C"]);
    expect(fs.readFileSync(olean("Lib.B"), "utf8")).not.toContain("1 = 1");
  });

  it("rebuilds only the changed module and its importers, not the modules it imports", async () => {
    await build();
    write("Lib.B", ["Lib.A", "Init"], "theorem b : 1 = 1 := rfl");
    const r = await build();
    expect(r.compiled).toEqual(["Lib.B", "Lib.C"]);
  });

  it("rebuilds everything when the toolchain or the Lean options change", async () => {
    await build();
    expect((await build({ toolchain: toolchain("fake-2") })).compiled).toEqual(["Lib.A", "Lib.B", "Lib.C", "Lib.D"]);
    expect((await build({ toolchain: toolchain("fake-2"), leanOptions: ["autoImplicit=false"] })).compiled).toEqual(["Lib.A", "Lib.B", "Lib.C", "Lib.D"]);
    expect((await build({ toolchain: toolchain("fake-2"), leanOptions: ["autoImplicit=false"] })).compiled).toEqual([]);
    expect(fs.readFileSync(olean("Lib.D"), "utf8")).toMatch(/^olean -DautoImplicit=false\n/);
  });

  it("rebuilds a module whose .olean was changed or removed (its importers only if the new .olean differs)", async () => {
    await build();
    fs.writeFileSync(olean("Lib.B"), "tampered");
    expect((await build()).compiled).toEqual(["Lib.B"]);
    fs.rmSync(olean("Lib.C"));
    expect((await build()).compiled).toEqual(["Lib.C"]);
  });

  it("writes a trace after a successful compile that names the .olean's hash", async () => {
    await build();
    const t = readTrace(olean("Lib.A"));
    expect(t).toMatchObject({ ok: true, traceVersion: 3 });
    expect(t?.interfaceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t?.oleanHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t?.inputHash).not.toBe(readTrace(olean("Lib.D"))?.inputHash);
  });

  it("builds only the named modules and what they import (--module)", async () => {
    const r = await build({ only: ["Lib.B"] });
    expect(r.compiled).toEqual(["Lib.A", "Lib.B"]);
    expect(r.proofs.modules.map((m) => m.name)).toEqual(["Lib.A", "Lib.B"]);
    expect(r.proofs.modules.find((m) => m.name === "Lib.B")?.imports).toEqual(["Lib.A"]);
  });

  it("prints one line per module with its position in the run and its status", async () => {
    const r = await build();
    expect(r.log).toHaveLength(4);
    expect(r.log[0]).toMatch(/^\[1\/4\] Lib\.A {28}built {3} +\d+\.\d s( {2}\(CPU \d+\.\d s\))?$/);
    const again = await build();
    expect(again.log[3]).toBe(`[4/4] Lib.D${" ".repeat(28)}cached  `);
  });
});

describe("scheduling and CPU time", () => {
  it("starts the module that heads the longest remaining import chain first, not the first by name", async () => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.Z1", [], "theorem z1 : True := trivial");
    write("Lib.Z2", ["Lib.Z1"], "theorem z2 : True := trivial");
    write("Lib.Z3", ["Lib.Z2"], "theorem z3 : True := trivial");
    const r = await build();
    // By name alone Lib.A would come first; the chain Z1 → Z2 → Z3 is longer (and Lib.Z3, with its
    // import line, is a longer source than Lib.A).
    expect(r.compiled).toEqual(["Lib.Z1", "Lib.Z2", "Lib.Z3", "Lib.A"]);
  });

  it("estimates a longer source as a costlier compile, with a fixed start-up", () => {
    const short = estimatedCompileSeconds("module\n");
    expect(short).toBeGreaterThan(10);
    expect(estimatedCompileSeconds("module\n" + "theorem t : True := trivial\n".repeat(400))).toBeGreaterThan(short + 15);
  });

  it.runIf(process.platform === "linux")("records each compile's CPU seconds (children's user + system time) and prints them", async () => {
    write("Lib.Busy", [], "-- BUSY\ntheorem b : True := trivial");
    write("Lib.Idle", [], "theorem i : True := trivial");
    const r = await build();
    const cpu = Object.fromEntries(r.proofs.modules.map((m) => [m.name, m.cpuSeconds]));
    expect(cpu["Lib.Busy"]).toBeGreaterThanOrEqual(0.55);
    expect(cpu["Lib.Busy"]).toBeLessThan(10);
    expect(cpu["Lib.Idle"]).toBeGreaterThanOrEqual(0);
    expect(cpu["Lib.Idle"]!).toBeLessThan(cpu["Lib.Busy"]!);
    expect(r.log.find((l) => l.includes("Lib.Busy"))).toMatch(/built +[\d.]+ s +\(CPU [\d.]+ s\)/);
    // A cached module has no compile, so no CPU time.
    const again = await build();
    expect(again.proofs.modules.every((m) => m.cpuSeconds === undefined)).toBe(true);
  });
});

describe("failures", () => {
  it("records a failed module with Lean's errors, skips its importers, and still builds the rest", async () => {
    write("Lib.A", [], "theorem a : True := ERROR");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    write("Lib.D", [], "theorem d : True := trivial");
    const r = await build();
    expect(r.status).toEqual({ "Lib.A": "failed", "Lib.B": "skipped", "Lib.D": "built" });
    expect(r.failed).toBe(2);
    expect(r.compiled).toEqual(["Lib.A", "Lib.D"]);
    const a = r.proofs.modules.find((m) => m.name === "Lib.A")!;
    expect(a.messages).toEqual([
      { severity: "error", kind: "", file: "lean/Lib/A.lean", line: 4, column: 3, endLine: 4, endColumn: 8, text: "unknown identifier 'ERROR'" },
    ]);
    expect(a.reason).toBeUndefined();
    expect(r.proofs.modules.find((m) => m.name === "Lib.B")!.reason).toBe("not attempted: imports Lib.A, which did not build");
    expect(fs.existsSync(olean("Lib.A"))).toBe(false);
    expect(r.log).toContain("      lean/Lib/A.lean:4:3: unknown identifier 'ERROR'");
    expect(r.proofs.summary).toMatchObject({ built: 1, failed: 1, skipped: 1 });
  });

  it("reuses a recorded failure while the source is unchanged, and compiles again once it changes", async () => {
    write("Lib.A", [], "theorem a : True := ERROR");
    await build();
    const again = await build();
    expect(again.compiled).toEqual([]);
    expect(again.proofs.modules[0]).toMatchObject({ status: "failed", seconds: 0 });
    expect(again.proofs.modules[0]!.reason).toMatch(/^unchanged since it failed at \d{4}-/);
    expect(again.proofs.modules[0]!.messages).toHaveLength(1);
    write("Lib.A", [], "theorem a : True := trivial");
    const fixed = await build();
    expect(fixed.compiled).toEqual(["Lib.A"]);
    expect(fixed.status).toEqual({ "Lib.A": "built" });
  });

  it("says why a compile without error messages failed (exit code and stderr), and never records it", async () => {
    write("Lib.A", [], "-- EXIT3\ntheorem a : True := trivial");
    const r = await build();
    expect(r.proofs.modules[0]).toMatchObject({ status: "failed", reason: "Lean exited with code 3: boom on stderr" });
    expect(readTrace(olean("Lib.A"))).toBeUndefined();
    expect((await build()).compiled).toEqual(["Lib.A"]);
  });

  it("kills a compile that exceeds the time limit, reports it, and does not record it", async () => {
    write("Lib.A", [], "-- SLOW\ntheorem a : True := trivial");
    const r = await build({ timeoutMs: 300 });
    expect(r.proofs.modules[0]).toMatchObject({ status: "failed", reason: "killed after 0 s (--timeout)" });
    expect(readTrace(olean("Lib.A"))).toBeUndefined();
  }, 20_000);
});

describe("the declarations of out/proofs.json", () => {
  it("flags exactly the declarations Lean reported sorry in, by line range", async () => {
    write("Lib.S", [], ["/-- X1.1: proved. -/", "theorem ok1 : True := trivial", "theorem bad : True := by", "  sorry", "theorem ok2 : True := trivial"].join("\n"));
    const r = await build();
    const flags = Object.fromEntries(r.proofs.declarations.map((d) => [d.name, d.usesSorry]));
    expect(flags).toEqual({ ok1: false, bad: true, ok2: false });
    expect(r.proofs.declarations.find((d) => d.name === "ok1")).toMatchObject({ docId: "X1.1", module: "Lib.S", file: "lean/Lib/S.lean", line: 5, kind: "theorem" });
    expect(r.proofs.forbidden).toEqual([{ construct: "sorry", file: "lean/Lib/S.lean", line: 7, column: 3, text: "sorry" }]);
  });
});
