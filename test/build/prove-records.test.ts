/**
 * The proof build's records beyond the rebuild decisions of `traces.test.ts`: skipped chains,
 * failures that exit 0, what is printed, the lock, two compiles at once, migration of traces of
 * the previous layout, and which declarations a declaration uses. Driven by a stand-in compiler
 * (a Node script) so that no test needs the real toolchain.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, legacyInputHash, readTrace, sha256, tracePathFor } from "../../src/build/cache.js";
import { prove, type ProveOptions } from "../../src/build/prove.js";
import type { ProofsFile } from "../../src/build/types.js";
import { fakeToolchain, writeLeanModule } from "./fake-lean.js";

/**
 * The stand-in `lean … -o OLEAN FILE`: writes OLEAN with the source; each line with `ERROR`
 * becomes an error message (exit 1), `ERROR0` an error message with exit 0, `RELWARN` a warning
 * whose file name is relative, `sorry` a \`hasSorry\` warning; `PAIR` waits (at most 4 s) until every `PAIR` module of the run
 * has started, and writes into the olean whether it saw them.
 */
const FAKE_LEAN = `
const fs = require("node:fs");
const path = require("node:path");
const args = process.argv.slice(2);
const olean = args[args.indexOf("-o") + 1];
const file = args[args.length - 1];
const src = fs.readFileSync(file, "utf8");
const marks = process.env.FAKE_LEAN_MARKS;
let paired = "";
if (src.includes("PAIR")) {
  fs.writeFileSync(path.join(marks, path.basename(file)), "");
  const t = Date.now();
  while (Date.now() - t < 4000 && fs.readdirSync(marks).length < 2) {}
  paired = "paired " + (fs.readdirSync(marks).length >= 2);
}
let failed = false;
let exit0 = false;
src.split("\\n").forEach((line, i) => {
  if (line.includes("ERROR")) {
    if (line.includes("ERROR0")) exit0 = true; else failed = true;
    console.log(JSON.stringify({ severity: "error", pos: { line: i + 1, column: 0 }, fileName: file, data: "error " + (i + 1), kind: "" }));
  }
  if (line.includes("sorry")) console.log(JSON.stringify({ severity: "warning", pos: { line: i + 1, column: 0 }, fileName: file, data: "declaration uses 'sorry'", kind: "hasSorry" }));
  if (line.includes("RELWARN")) console.log(JSON.stringify({ severity: "warning", pos: { line: i + 1, column: 0 }, fileName: "Rel/File.lean", data: "relative", kind: "" }));
});
if (failed) process.exit(1);
fs.writeFileSync(olean, "olean\\n" + paired + "\\n" + src);
`;

let dir: string;
let marks: string;
let tool: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "prove-records-"));
  marks = path.join(dir, "marks");
  fs.mkdirSync(marks);
  tool = path.join(dir, "fake-lean.cjs");
  fs.writeFileSync(tool, FAKE_LEAN);
  process.env["FAKE_LEAN_MARKS"] = marks;
});
afterEach(() => {
  delete process.env["FAKE_LEAN_MARKS"];
  fs.rmSync(dir, { recursive: true, force: true });
});

const toolchain = fakeToolchain("fake-1");

const write = (name: string, imports: string[], body: string): void => writeLeanModule(dir, name, imports, body);
const source = (name: string) => fs.readFileSync(path.join(dir, "lean", ...name.split(".")) + ".lean", "utf8");
const olean = (name: string) => path.join(dir, "build", ...name.split(".")) + ".olean";

async function build(over: Partial<ProveOptions> = {}): Promise<{ proofs: ProofsFile; failed: number; log: string[] }> {
  const log: string[] = [];
  const r = await prove({ projectRoot: dir, srcDir: "lean", buildDir: path.join(dir, "build"), toolchain: { ...toolchain, prefixArgs: [tool] }, jobs: 1, timeoutMs: 30_000, log: (l) => log.push(l), ...over });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return { proofs: r.proofs, failed: r.failed, log };
}
const rec = (p: ProofsFile, name: string) => p.modules.find((m) => m.name === name)!;

describe("failures and what they skip", () => {
  it("skips the importers of a skipped module too, each naming its own import, and removes their stale .olean", async () => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    write("Lib.C", ["Lib.B"], "theorem c : True := trivial");
    await build();
    expect(fs.existsSync(olean("Lib.B"))).toBe(true);
    write("Lib.A", [], "theorem a : True := ERROR");
    const r = await build();
    expect(r.proofs.modules.map((m) => [m.name, m.status, m.reason])).toEqual([
      ["Lib.A", "failed", undefined],
      ["Lib.B", "skipped", "not attempted: imports Lib.A, which did not build"],
      ["Lib.C", "skipped", "not attempted: imports Lib.B, which did not build"],
    ]);
    expect(r.failed).toBe(3);
    expect(r.proofs.summary).toMatchObject({ modules: 3, built: 0, cached: 0, failed: 1, skipped: 2 });
    expect([olean("Lib.B"), olean("Lib.C"), tracePathFor(olean("Lib.B"))].filter((f) => fs.existsSync(f))).toEqual([]);
    expect(r.log.find((l) => l.startsWith("[2/3]"))).toBe(`[2/3] Lib.B${" ".repeat(28)}skipped   (not attempted: imports Lib.A, which did not build)`);
  });

  it("prints the first five errors of a failed module, each with its file and position", async () => {
    write("Lib.A", [], Array.from({ length: 7 }, () => "ERROR").join("\n"));
    const r = await build();
    expect(r.log.slice(1)).toEqual([4, 5, 6, 7, 8].map((l) => `      lean/Lib/A.lean:${l}:1: error ${l}`));
    expect(r.log[0]).toMatch(/^\[1\/1\] Lib\.A {28}failed  +\d+\.\d s( {2}\(CPU \d+\.\d s\))?$/);
  });

  it("a compile that exits 0 yet reports an error fails, is recorded as a failure, and is reused while unchanged", async () => {
    write("Lib.A", [], "theorem a : True := ERROR0");
    const r = await build();
    expect(rec(r.proofs, "Lib.A")).toMatchObject({ status: "failed", messages: [{ severity: "error", text: "error 4" }] });
    expect(rec(r.proofs, "Lib.A").reason).toBeUndefined();
    expect(fs.existsSync(olean("Lib.A"))).toBe(false);
    expect(readTrace(olean("Lib.A"))).toMatchObject({ ok: false, oleanHash: "", interfaceHash: "" });
    const again = await build();
    expect(rec(again.proofs, "Lib.A")).toMatchObject({ status: "failed", seconds: 0 });
    expect(again.log[0]).toMatch(/^\[1\/1\] Lib\.A {28}failed  +0\.0 s {2}\(unchanged since it failed at \d{4}-\d\d-\d\dT/);
  });

  it("keeps a message's relative file name as Lean gave it, and makes absolute ones relative to the project", async () => {
    write("Lib.A", [], "-- RELWARN\ntheorem a : True := ERROR0");
    const r = await build();
    expect(rec(r.proofs, "Lib.A").messages.map((m) => m.file)).toEqual(["Rel/File.lean", "lean/Lib/A.lean"]);
  });
});

describe("what is built", () => {
  beforeEach(() => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
  });
  it("ignores a --module that names no module of the library", async () => {
    expect((await build({ only: ["Lib.Nope"] })).proofs.modules).toEqual([]);
    expect((await build({ only: ["Lib.Nope", "Lib.A"] })).proofs.modules.map((m) => m.name)).toEqual(["Lib.A"]);
    expect((await build({ only: [] })).proofs.modules.map((m) => m.name)).toEqual(["Lib.A", "Lib.B"]);
  });
  it("compiles one module at a time when asked for zero jobs", async () => {
    const r = await build({ jobs: 0 });
    expect(r.proofs.modules.map((m) => m.status)).toEqual(["built", "built"]);
  });
  it("refuses an import cycle with the graph's problem, and leaves no lock behind", async () => {
    write("Lib.A", ["Lib.B"], "theorem a : True := trivial");
    const r = await prove({ projectRoot: dir, srcDir: "lean", buildDir: path.join(dir, "build"), toolchain, jobs: 1, timeoutMs: 1000, log: () => {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, "build", ".build.lock"))).toBe(false);
  });
  it("releases the build folder's lock when it is done", async () => {
    await build();
    expect(fs.existsSync(path.join(dir, "build", ".build.lock"))).toBe(false);
  });
});

describe("two compiles at once", () => {
  it("runs two independent modules at the same time with two jobs", async () => {
    write("Lib.P", [], "-- PAIR\ntheorem p : True := trivial");
    write("Lib.Q", [], "-- PAIR\ntheorem q : True := trivial");
    await build({ jobs: 2 });
    expect([olean("Lib.P"), olean("Lib.Q")].map((f) => fs.readFileSync(f, "utf8").split("\n")[1])).toEqual(["paired true", "paired true"]);
  }, 20_000);
});

describe("the lock", () => {
  it("waits for another build of the same folder, saying which process holds it", async () => {
    write("Lib.A", [], "theorem a : True := trivial");
    const held = await acquireLock(path.join(dir, "build"), () => {});
    setTimeout(held, 700);
    const r = await build();
    expect(r.log[0]).toBe(`waiting for another build of ${path.join(dir, "build")} (process ${process.pid}) to finish`);
    expect(rec(r.proofs, "Lib.A").status).toBe("built");
  });
});

describe("traces of the previous layout", () => {
  it("are migrated without a compile, from the imports' old traces; a module without one is rebuilt, and so are its importers", async () => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.B", ["Lib.A", "Init"], "theorem b : True := trivial");
    write("Lib.C", ["Lib.B"], "theorem c : True := trivial");
    write("Lib.D", [], "theorem d : True := trivial");
    await build();
    // Rewrite every trace in the previous layout (input hash over the imports' old traces).
    const old = new Map<string, { inputHash: string; oleanHash: string }>();
    for (const [name, deps] of [["Lib.A", []], ["Lib.B", ["Lib.A"]], ["Lib.C", ["Lib.B"]], ["Lib.D", []]] as const) {
      const t = { inputHash: legacyInputHash("fake-1", source(name), deps.map((d) => ({ name: d, trace: old.get(d)! }))), oleanHash: sha256(fs.readFileSync(olean(name))) };
      old.set(name, t);
      fs.writeFileSync(tracePathFor(olean(name)), JSON.stringify({ traceVersion: 2, ok: true, ...t, seconds: 1, messages: [], builtAt: "then" }));
    }
    fs.rmSync(tracePathFor(olean("Lib.D")));
    const r = await build();
    expect(r.proofs.modules.map((m) => [m.name, m.status])).toEqual([
      ["Lib.A", "cached"],
      ["Lib.B", "cached"],
      ["Lib.C", "cached"],
      ["Lib.D", "built"],
    ]);
    for (const name of ["Lib.A", "Lib.B", "Lib.C"]) expect(readTrace(olean(name)), name).toMatchObject({ traceVersion: 3, builtAt: "then" });
    expect((await build()).proofs.modules.every((m) => m.status === "cached")).toBe(true);
  });
  it("are not migrated for a module whose import has none", async () => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    await build();
    const a = { inputHash: legacyInputHash("fake-1", source("Lib.A"), []), oleanHash: sha256(fs.readFileSync(olean("Lib.A"))) };
    const b = { inputHash: legacyInputHash("fake-1", source("Lib.B"), [{ name: "Lib.A", trace: a }]), oleanHash: sha256(fs.readFileSync(olean("Lib.B"))) };
    fs.writeFileSync(tracePathFor(olean("Lib.B")), JSON.stringify({ traceVersion: 2, ok: true, ...b, seconds: 1, messages: [], builtAt: "then" }));
    fs.rmSync(tracePathFor(olean("Lib.A")));
    const r = await build();
    expect(r.proofs.modules.map((m) => [m.name, m.status])).toEqual([
      ["Lib.A", "built"],
      ["Lib.B", "built"],
    ]);
  });
});

describe("the declarations of out/proofs.json", () => {
  it("name the project declarations each one uses, across modules, never itself", async () => {
    write("Lib.A", [], "namespace Lib\ndef f (n : Nat) : Nat := n\ntheorem f_self : f 1 = f 1 := rfl\nend Lib");
    write("Lib.B", ["Lib.A"], "namespace Lib\ndef g (n : Nat) : Nat := f n + Nat.succ n\ntheorem g_eq : g 0 = f 0 + 1 := rfl\nend Lib");
    const r = await build();
    expect(r.proofs.declarations.map((d) => [d.name, d.module, d.uses])).toEqual([
      ["Lib.f", "Lib.A", []],
      ["Lib.f_self", "Lib.A", ["Lib.f"]],
      ["Lib.g", "Lib.B", ["Lib.f"]],
      ["Lib.g_eq", "Lib.B", ["Lib.f", "Lib.g"]],
    ]);
    expect(r.proofs.declarations[0]).not.toHaveProperty("idents");
    expect(r.proofs.declarations[0]).not.toHaveProperty("scope");
    expect(r.proofs.toolchain).toEqual(toolchain.info);
    expect(r.proofs.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(r.proofs.summary.seconds).toBeGreaterThan(0);
    expect(r.proofs.summary.seconds).toBeLessThan(60);
  });
  it("flag a sorry Lean reports in a declaration's lines, from its first line up to the next declaration, the last one to the end", async () => {
    write("Lib.S", [], "theorem a : True := trivial\ntheorem b : True := sorry\ntheorem c : True := by\n  sorry\ntheorem d : True := trivial\ntheorem e : True := by\n  exact sorry");
    const r = await build();
    expect(r.proofs.declarations.map((d) => [d.name, d.line, d.usesSorry])).toEqual([
      ["a", 4, false],
      ["b", 5, true],
      ["c", 6, true],
      ["d", 8, false],
      ["e", 9, true],
    ]);
    expect(r.proofs.forbidden.map((f) => [f.construct, f.file, f.line])).toEqual([
      ["sorry", "lean/Lib/S.lean", 5],
      ["sorry", "lean/Lib/S.lean", 7],
      ["sorry", "lean/Lib/S.lean", 10],
    ]);
  });
});
