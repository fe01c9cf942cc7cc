import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { byFolder, currentMutants, fromReport, globToRegExp, markdownTable, mergeResults, mutantKey, type ReportMutant, score, scoreFile, selectFiles, sha256, type StrykerReport } from "../../scripts/stryker-scores.js";

const fixture = JSON.parse(readFileSync("test/fixtures/stryker/layout-report.json", "utf8")) as StrykerReport;
const layout = fixture.files["src/build/layout.ts"]!;

const mutant = (line: number, status: ReportMutant["status"], mutatorName = "ConditionalExpression"): ReportMutant => ({
  mutatorName,
  replacement: "true",
  status,
  location: { start: { line, column: 1 }, end: { line, column: 5 } },
});
const report = (source: string, mutants: ReportMutant[]): StrykerReport => ({ files: { "src/a.ts": { source, mutants } } });

describe("stryker-scores: merging Stryker's reports per mutant", () => {
  const keys = [1, 2, 3, 4].map((l) => mutantKey(mutant(l, "Pending")));
  const today = (source: string, k: readonly string[] = keys) => new Map([["src/a.ts", { sha256: sha256(source), keys: k }]]);
  const merge = (source: string, reports: StrykerReport[], k: readonly string[] = keys) => {
    const m = mergeResults(reports.map((r, i) => fromReport(r, `2026-11-2${i}T00:00:00.000Z`)), today(source, k));
    return scoreFile("src/a.ts", k, m.record.files["src/a.ts"], m.stale.get("src/a.ts"));
  };

  it("scores killed and timed-out mutants over those with a test result; compile errors and static mutants do not count", () => {
    const s = merge("x", [report("x", [mutant(1, "Killed"), mutant(2, "Timeout"), mutant(3, "Survived"), mutant(4, "CompileError")])]);
    expect(s).toMatchObject({ instrumented: 4, measured: 4, killed: 1, timeout: 1, survived: 1, noCoverage: 0, compileError: 1, ignored: 0, stale: 0 });
    expect(score(s)).toBeCloseTo(2 / 3, 12);
  });

  it("lets a later report's result replace an earlier one for the same mutant, keeps the others, and dates the file by the newest", () => {
    const first = report("x", [mutant(1, "Survived"), mutant(2, "Survived")]);
    const rerun = report("x", [mutant(1, "Killed")]);
    expect(merge("x", [first, rerun])).toMatchObject({ measured: 2, killed: 1, survived: 1, date: "2026-11-21T00:00:00.000Z" });
    expect(merge("x", [rerun, first])).toMatchObject({ measured: 2, killed: 0, survived: 2 });
  });

  it("counts nothing from a report of another version of the source, and says it is stale", () => {
    const s = merge("today", [report("yesterday", [mutant(1, "Killed")])]);
    expect(s).toMatchObject({ measured: 0, killed: 0, stale: 1, date: "" });
    expect(score(s)).toBeUndefined();
  });

  it("leaves pending mutants and mutants no longer in the source out of the measured count and of the record", () => {
    const k = keys.slice(0, 2);
    const m = mergeResults([fromReport(report("x", [mutant(1, "Pending"), mutant(2, "NoCoverage"), mutant(9, "Killed")]), "d")], today("x", k));
    expect(Object.keys(m.record.files["src/a.ts"]!.statuses)).toEqual([k[1]]);
    const s = scoreFile("src/a.ts", k, m.record.files["src/a.ts"]);
    expect(s).toMatchObject({ instrumented: 2, measured: 1, noCoverage: 1, killed: 0 });
    expect(score(s)).toBe(0);
  });

  it("reads back a written record as it was: the record is an input like a report", () => {
    const m = mergeResults([fromReport(report("x", [mutant(1, "Killed"), mutant(3, "Survived")]), "d")], today("x"));
    const again = mergeResults([JSON.parse(JSON.stringify(m.record))], today("x"));
    expect(again.record).toEqual(m.record);
    expect(mergeResults([m.record], today("changed")).record.files).toEqual({});
  });

  it("tells mutants apart by mutator and replacement at the same place", () => {
    expect(mutantKey(mutant(1, "Killed", "ConditionalExpression"))).not.toBe(mutantKey(mutant(1, "Killed", "BooleanLiteral")));
    expect(mutantKey({ ...mutant(1, "Killed"), replacement: "false" })).not.toBe(mutantKey(mutant(1, "Killed")));
  });
});

describe("stryker-scores: the configured files", () => {
  it("reads `**`, `*` and negated globs as stryker.config.json means them", () => {
    expect(globToRegExp("src/report/**/*.ts").test("src/report/verdict.ts")).toBe(true);
    expect(globToRegExp("src/report/**/*.ts").test("src/report/sub/x.ts")).toBe(true);
    expect(globToRegExp("src/report/**/*.ts").test("src/reports/x.ts")).toBe(false);
    expect(globToRegExp("src/lean/patch.ts").test("src/lean/patchXts")).toBe(false);
    const files = ["src/report/a.ts", "src/report/index.ts", "src/report/types.ts", "src/lean/patch.ts", "src/lean/run.ts", "src/cli/x.ts"];
    expect(selectFiles(["src/report/**/*.ts", "src/lean/patch.ts", "!src/**/index.ts", "!src/**/types.ts"], files)).toEqual(["src/lean/patch.ts", "src/report/a.ts"]);
  });

  it("sums files per folder and marks a folder partial while one of its files has no result", () => {
    const a = { file: "src/x/a.ts", instrumented: 3, measured: 3, killed: 2, timeout: 0, survived: 1, noCoverage: 0, compileError: 0, ignored: 0, stale: 0, date: "2026-11-29T10:00:00.000Z" };
    const b = { ...a, file: "src/x/b.ts", measured: 0, killed: 0, survived: 0, date: "" };
    const c = { ...a, file: "src/y/c.ts", killed: 3, survived: 0 };
    const folders = byFolder([a, b, c]);
    expect(folders.map((f) => [f.folder, f.instrumented, f.measured, f.killed])).toEqual([
      ["src/x/", 6, 3, 2],
      ["src/y/", 3, 3, 3],
    ]);
    const table = markdownTable(folders);
    expect(table).toContain("| **`src/x/`** | 6 | partial (3 of 6) | 2 (0) | 1 | 0 | 0 / 0 | **66.7 %** | 2026-11-29 |");
    expect(table).toContain("| `src/x/b.ts` | 3 | not measured | – | – | – | – | – | – |");
    expect(table).toContain("| **`src/y/`** | 3 | all | 3 (0) | 0 | 0 | 0 / 0 | **100.0 %** | 2026-11-29 |");
  });
});

describe("stryker-scores: Stryker's own instrumenter and a real report agree on every mutant", () => {
  const root = mkdtempSync(join(tmpdir(), "stryker-scores-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("places the 15 mutants of the report's source at the places the report names (lines and columns from 1)", async () => {
    const file = join(root, "src/build/layout.ts");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, layout.source);
    const keys = (await currentMutants(root, ["src/build/layout.ts"])).get("src/build/layout.ts")!;
    expect(keys).toHaveLength(15);
    expect([...keys].sort()).toEqual(layout.mutants.map(mutantKey).sort());
    const merged = mergeResults([fromReport(fixture, "d")], new Map([["src/build/layout.ts", { sha256: sha256(layout.source), keys }]]));
    const s = scoreFile("src/build/layout.ts", keys, merged.record.files["src/build/layout.ts"]);
    expect(s).toMatchObject({ instrumented: 15, measured: 15, killed: 9, compileError: 3, ignored: 3, survived: 0 });
  });
});

describe("stryker-scores: bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "stryker-scores-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/stryker-scores.ts", ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });

  it("names a report that is not JSON, or has no `files`, and exits 2 without a stack trace", () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    const empty = join(dir, "empty.json");
    writeFileSync(empty, "{}");
    for (const [file, words] of [
      [broken, "not a Stryker JSON report"],
      [empty, "no `files` object"],
    ] as const) {
      const r = run(["--record", join(dir, "none.json"), file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("names a record that is not a results record, and refuses an unknown option with the usage", () => {
    const bad = join(dir, "record.json");
    writeFileSync(bad, "[]");
    const r = run(["--record", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}: no \`files\` object (not a results record)`);
    const u = run(["--bogus"]);
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("unknown option --bogus");
    expect(u.stderr).toContain("usage: stryker-scores");
  });
});
