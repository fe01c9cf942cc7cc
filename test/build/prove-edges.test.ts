/**
 * What counts as a built module and what the proof build records, beyond `traces.test.ts` and
 * `prove-records.test.ts`: a compile that exits 0 without its `.olean`, exit codes with and
 * without stderr, warnings, early cutoff through an import of an import, skips caused by several
 * imports, the order of two compiles at once, the progress counter's width, and which messages
 * flag a sorry, and the error of a module whose build throws. Driven by a stand-in compiler (a
 * Node script), no real toolchain.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTrace } from "../../src/build/cache.js";
import { prove, type ProveOptions } from "../../src/build/prove.js";
import type { ProofsFile } from "../../src/build/types.js";
import { fakeToolchain, writeLeanModule } from "./fake-lean.js";

/**
 * The stand-in `lean … -o OLEAN FILE`: appends `start NAME` and `end NAME` to FAKE_LEAN_EVENTS;
 * writes OLEAN with the source's lines that are not `--` comments (so a comment change rebuilds
 * to identical bytes). `NOOLEAN` exits 0 without writing it; `EXIT4` exits 4 silently; `STDERR5`
 * writes five stderr lines and exits 2; `WARN` gives a warning of kind `""` on its line; `sorry`
 * a `hasSorry` warning; `WAIT` sleeps 400 ms.
 */
const FAKE_LEAN = `
const fs = require("node:fs");
const path = require("node:path");
const args = process.argv.slice(2);
const olean = args[args.indexOf("-o") + 1];
const file = args[args.length - 1];
const name = path.basename(file, ".lean");
const src = fs.readFileSync(file, "utf8");
const events = process.env.FAKE_LEAN_EVENTS;
fs.appendFileSync(events, "start " + name + "\\n");
if (src.includes("WAIT")) { const t = Date.now(); while (Date.now() - t < 400) {} }
src.split("\\n").forEach((line, i) => {
  if (line.includes("WARN")) console.log(JSON.stringify({ severity: "warning", pos: { line: i + 1, column: 0 }, fileName: file, data: "unused variable", kind: "" }));
  if (line.includes("sorry")) console.log(JSON.stringify({ severity: "warning", pos: { line: i + 1, column: 0 }, fileName: file, data: "declaration uses 'sorry'", kind: "hasSorry" }));
});
fs.appendFileSync(events, "end " + name + "\\n");
if (src.includes("EXIT4")) process.exit(4);
if (src.includes("STDERR5")) { for (let k = 1; k <= 5; k++) process.stderr.write("line " + k + "\\n"); process.exit(2); }
if (src.includes("NOOLEAN")) process.exit(0);
fs.writeFileSync(olean, src.split("\\n").filter((l) => !l.trim().startsWith("--")).join("\\n"));
`;

let dir: string;
let events: string;
let tool: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "prove-edges-"));
  events = path.join(dir, "events.txt");
  fs.writeFileSync(events, "");
  tool = path.join(dir, "fake-lean.cjs");
  fs.writeFileSync(tool, FAKE_LEAN);
  process.env["FAKE_LEAN_EVENTS"] = events;
});
afterEach(() => {
  delete process.env["FAKE_LEAN_EVENTS"];
  fs.rmSync(dir, { recursive: true, force: true });
});

const toolchain = fakeToolchain("fake-edges");

const write = (name: string, imports: string[], body: string): void => writeLeanModule(dir, name, imports, body);
const olean = (name: string) => path.join(dir, "build", ...name.split(".")) + ".olean";

async function build(over: Partial<ProveOptions> = {}): Promise<{ proofs: ProofsFile; failed: number; log: string[]; events: string[] }> {
  fs.writeFileSync(events, "");
  const log: string[] = [];
  const r = await prove({ projectRoot: dir, srcDir: "lean", buildDir: path.join(dir, "build"), toolchain: { ...toolchain, prefixArgs: [tool] }, jobs: 1, timeoutMs: 30_000, log: (l) => log.push(l), ...over });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return { proofs: r.proofs, failed: r.failed, log, events: fs.readFileSync(events, "utf8").split("\n").filter(Boolean) };
}
const rec = (p: ProofsFile, name: string) => p.modules.find((m) => m.name === name)!;

describe("what counts as a built module", () => {
  it("a compile that exits 0 without writing its .olean failed, says so, and is compiled again next time", async () => {
    write("Lib.A", [], "-- NOOLEAN\ntheorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    const r = await build();
    expect(rec(r.proofs, "Lib.A")).toMatchObject({ status: "failed", reason: "Lean exited with code 0", messages: [] });
    expect(rec(r.proofs, "Lib.B")).toMatchObject({ status: "skipped", reason: "not attempted: imports Lib.A, which did not build" });
    expect(r.failed).toBe(2);
    expect(readTrace(olean("Lib.A"))).toBeUndefined();
    expect((await build()).events).toEqual(["start A", "end A"]);
  });
  it("a silent non-zero exit is reported with its code alone; with stderr, its last three lines", async () => {
    write("Lib.A", [], "-- EXIT4\ntheorem a : True := trivial");
    write("Lib.C", [], "-- STDERR5\ntheorem c : True := trivial");
    const r = await build();
    expect(rec(r.proofs, "Lib.A").reason).toBe("Lean exited with code 4");
    expect(rec(r.proofs, "Lib.C").reason).toBe("Lean exited with code 2: line 3 | line 4 | line 5");
    expect(r.log.find((l) => l.includes("Lib.C"))).toMatch(/ {2}\(Lean exited with code 2: line 3 \| line 4 \| line 5\)$/);
  });
  it("a module with warnings only is built, and keeps its warnings in its record and its trace", async () => {
    write("Lib.W", [], "theorem w : True := trivial -- WARN");
    const r = await build();
    const w = rec(r.proofs, "Lib.W");
    expect(w).toMatchObject({ status: "built", messages: [{ severity: "warning", text: "unused variable", line: 4, file: "lean/Lib/W.lean" }] });
    expect(w.reason).toBeUndefined();
    expect(w.seconds).toBeGreaterThan(0);
    expect(r.failed).toBe(0);
    expect(readTrace(olean("Lib.W"))).toMatchObject({ ok: true, messages: [{ text: "unused variable" }] });
    const again = await build();
    expect(rec(again.proofs, "Lib.W")).toMatchObject({ status: "cached", seconds: 0, messages: [{ text: "unused variable" }] });
    expect(again.events).toEqual([]);
  });
});

describe("what is skipped and what is kept", () => {
  it("a module whose imports failed and were skipped names every one of them", async () => {
    write("Lib.A", [], "-- EXIT4\ntheorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    write("Lib.C", [], "theorem c : True := trivial");
    write("Lib.D", ["Lib.A", "Lib.B", "Lib.C"], "theorem d : True := trivial");
    const r = await build();
    expect(rec(r.proofs, "Lib.D")).toMatchObject({ status: "skipped", seconds: 0, messages: [], imports: ["Lib.A", "Lib.B", "Lib.C"], reason: "not attempted: imports Lib.A, Lib.B, which did not build" });
    expect(rec(r.proofs, "Lib.C").status).toBe("built");
  });
  it("keeps the importers of a module rebuilt to identical bytes, naming every such import, directly or through another import", async () => {
    write("Lib.A1", [], "theorem a1 : True := trivial");
    write("Lib.A2", [], "theorem a2 : True := trivial");
    write("Lib.B", ["Lib.A1", "Lib.A2"], "theorem b : True := trivial");
    write("Lib.C", ["Lib.B"], "theorem c : True := trivial");
    await build();
    write("Lib.A1", [], "-- a comment\ntheorem a1 : True := trivial");
    write("Lib.A2", [], "-- another\ntheorem a2 : True := trivial");
    const r = await build();
    expect(r.proofs.modules.map((m) => [m.name, m.status, m.reason])).toEqual([
      ["Lib.A1", "built", undefined],
      ["Lib.A2", "built", undefined],
      ["Lib.B", "cached", "kept: Lib.A1, Lib.A2 rebuilt with an unchanged interface"],
      ["Lib.C", "cached", "kept: Lib.A1, Lib.A2 rebuilt with an unchanged interface"],
    ]);
    const third = await build();
    expect(third.proofs.modules.map((m) => m.reason)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("two compiles at once", () => {
  it("starts a module only after its import has finished, while an independent one runs beside it", async () => {
    write("Lib.A", [], "-- WAIT\ntheorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    write("Lib.C", [], "-- WAIT\ntheorem c : True := trivial");
    const r = await build({ jobs: 2 });
    expect(r.proofs.modules.map((m) => m.status)).toEqual(["built", "built", "built"]);
    expect(r.events.indexOf("start B")).toBeGreaterThan(r.events.indexOf("end A"));
    expect(r.events.slice(0, 2).sort()).toEqual(["start A", "start C"]);
  }, 20_000);
});

describe("the progress lines", () => {
  it("pad the counter to the width of the total", async () => {
    for (let k = 0; k < 10; k++) write(`Lib.M${k}`, [], `theorem m${k} : True := trivial`);
    const r = await build({ jobs: 2 });
    expect(r.log).toHaveLength(10);
    expect(r.log[0]).toMatch(/^\[ 1\/10\] Lib\.M\d {27}built +\d+\.\d s/);
    expect(r.log[9]).toMatch(/^\[10\/10\] Lib\.M\d /);
  }, 30_000);
});

describe("sorry in out/proofs.json", () => {
  it("is flagged from hasSorry messages only, never from another warning on the declaration's lines", async () => {
    write("Lib.S", [], "theorem a : True := trivial -- WARN\ntheorem b : True := by\n  exact sorry");
    const r = await build();
    expect(r.proofs.declarations.map((d) => [d.name, d.usesSorry, d.file, d.module])).toEqual([
      ["a", false, "lean/Lib/S.lean", "Lib.S"],
      ["b", true, "lean/Lib/S.lean", "Lib.S"],
    ]);
  });
  it("lists the declarations of the modules built, only, when narrowed to some", async () => {
    write("Lib.A", [], "theorem a : True := trivial");
    write("Lib.B", ["Lib.A"], "theorem b : True := trivial");
    write("Lib.Other", [], "theorem o : True := sorry");
    const r = await build({ only: ["Lib.B"] });
    expect(r.proofs.declarations.map((d) => d.name)).toEqual(["a", "b"]);
    expect(r.proofs.forbidden).toEqual([]);
    expect(r.proofs.summary).toMatchObject({ modules: 2, built: 2, cached: 0, failed: 0, skipped: 0 });
  });
});

describe("a module whose build throws", () => {
  it("fails the build with its own error, also when a module started before it finished first", async () => {
    // Lib.A heads the longest chain (many lines), so it starts first and, unchanged since the
    // first build, settles first; Lib.B cannot even clear its old .olean (a folder stands there).
    write("Lib.A", [], Array.from({ length: 400 }, (_, i) => `theorem a${i} : True := trivial`).join("\n"));
    write("Lib.B", [], "theorem b : True := trivial");
    write("Lib.C", ["Lib.B"], "theorem c : True := trivial");
    await build({ jobs: 2 });
    write("Lib.B", [], "theorem b2 : True := trivial");
    fs.rmSync(olean("Lib.B"));
    fs.mkdirSync(path.join(olean("Lib.B"), "inside"), { recursive: true });
    const error = await build({ jobs: 2 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/^internal/);
    expect((error as Error).message).toContain(olean("Lib.B"));
  });
});
