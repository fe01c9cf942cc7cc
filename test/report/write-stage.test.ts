/**
 * The report stage's I/O edge in detail (`writeReports`): where it reads and writes, what it logs,
 * which exit code each problem gets, how pinning rewrites the registry and the fingerprint file,
 * and where the graph layout is cached.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { meaningHash } from "../../src/report/fingerprint.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { DEFAULT_FILES, LAYOUT_CACHE_FILE, REPORT_FILES, writeReports, type WriteReportsOptions } from "../../src/report/write.js";
import type { DeclarationRecord, ProofsFile } from "../../src/build/types.js";
import { NOW, tempProjects } from "./helpers.js";

const project = tempProjects();
/** Runs the stage with its log collected (no layout cache unless asked). */
async function run(dir: string, opts: Partial<WriteReportsOptions> = {}) {
  const lines: string[] = [];
  const res = await writeReports({ root: dir, now: NOW, layoutCacheFile: null, log: (l) => lines.push(l), ...opts });
  return { res, lines };
}
const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), "utf8");
const writeJson = (dir: string, f: string, x: unknown) => fs.writeFileSync(path.join(dir, f), JSON.stringify(x, null, 2));

/** Gives `phi_act` (A3.2) and `part_p2` (A3.14) the definition `Sym.helper`, and `bad_thm` (A3.9) `Sym.other`. */
function withDefinitions(dir: string, helperBody = ":= 1"): { helper: string; other: string } {
  const proofs = JSON.parse(read(dir, "out/proofs.json")) as ProofsFile;
  const def = (name: string, body: string): DeclarationRecord => ({ name, kind: "def", file: "lean/Sym/Basic.lean", line: 50, endLine: 50, statement: ": Nat", body, uses: [], usesSorry: false, module: "Sym.Basic" }) as DeclarationRecord;
  for (const d of proofs.declarations) {
    if (d.name === "Sym.phi_act" || d.name === "Sym.part_p2") (d as DeclarationRecord).uses = ["Sym.helper"];
    if (d.name === "Sym.bad_thm") (d as DeclarationRecord).uses = ["Sym.other"];
  }
  const helper = def("Sym.helper", helperBody);
  const other = def("Sym.other", ":= 2");
  proofs.declarations.push(helper, other);
  writeJson(dir, "out/proofs.json", proofs);
  return { helper: meaningHash(helper), other: meaningHash(other) };
}

describe("writeReports: inputs and outputs", () => {
  it("has the documented default files", () => {
    expect(DEFAULT_FILES).toEqual({ registry: "spec/claims.json", fingerprints: "spec/fingerprints.json", proofs: "out/proofs.json", numeric: "out/numeric.json", mutation: "out/mutation.json", outDir: "out" });
    expect(REPORT_FILES).toEqual(["report.json", "report.md", "report.html"]);
    expect(LAYOUT_CACHE_FILE).toBe(path.join(".cache", "report-layout.json"));
  });

  it("reads the registry, proofs and numeric files from the paths given and writes into a new output folder", async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, "in"));
    fs.renameSync(path.join(dir, "spec/claims.json"), path.join(dir, "in/reg.json"));
    fs.renameSync(path.join(dir, "out/proofs.json"), path.join(dir, "in/p.json"));
    fs.renameSync(path.join(dir, "out/numeric.json"), path.join(dir, "in/n.json"));
    const { res, lines } = await run(dir, { registryFile: "in/reg.json", proofsFile: "in/p.json", numericFile: "in/n.json", outDir: "deep/er/rep" });
    expect(res.files).toEqual(["deep/er/rep/report.json", "deep/er/rep/report.md", "deep/er/rep/report.html"]);
    expect(res.report!.inputs).toMatchObject({ registry: "in/reg.json", proofs: { file: "in/p.json" }, numeric: { file: "in/n.json" } });
    expect(res.report!.claims).toHaveLength(14);
    expect(lines.at(-1)).toBe("wrote deep/er/rep/report.json, deep/er/rep/report.md, deep/er/rep/report.html");
    // Written atomically: no temporary file is left beside the reports.
    expect(fs.readdirSync(path.join(dir, "deep/er/rep")).sort()).toEqual(["report.html", "report.json", "report.md"]);
  });

  it("writes the report as indented JSON with a final newline, the Markdown and the HTML with the laid-out graph", async () => {
    const dir = project();
    const { res } = await run(dir);
    const json = read(dir, "out/report.json");
    expect(json).toBe(JSON.stringify(res.report, null, 2) + "\n");
    expect(read(dir, "out/report.md")).toBe(renderMarkdown(res.report!));
    const html = read(dir, "out/report.html");
    expect(html).toContain('<svg id="graph"');
    expect(html).not.toContain("<p>No layout.</p>");
    // One edge per dependency, from the claim depended on to the claim.
    const edges = [...html.matchAll(/<path class="edge" data-from="([^"]+)" data-to="([^"]+)"/g)].map((m) => `${m[1]}->${m[2]}`).sort();
    const deps = res.report!.claims.flatMap((c) => c.dependsOn.map((d) => `${d}->${c.id}`)).sort();
    expect(deps.length).toBeGreaterThan(0);
    expect(edges).toEqual(deps);
    expect(html).toBe(renderHtml(res.report!, undefined).replace("<p>No layout.</p>", html.match(/<svg id="graph"[\s\S]*?<\/svg>/)![0]));
  });

  it("caches the graph layout under .cache/ by default, at the file given, or nowhere with null", async () => {
    const dir = project();
    await writeReports({ root: dir, now: NOW });
    expect(JSON.parse(read(dir, ".cache/report-layout.json"))).toHaveProperty("key");
    const other = project();
    await writeReports({ root: other, now: NOW, layoutCacheFile: path.join(other, "lay.json") });
    expect(fs.existsSync(path.join(other, "lay.json"))).toBe(true);
    expect(fs.existsSync(path.join(other, ".cache"))).toBe(false);
    const none = project();
    await writeReports({ root: none, now: NOW, layoutCacheFile: null });
    expect(fs.readdirSync(none).sort()).toEqual(["out", "spec"]);
  });

  it("logs the mismatches, the unpinned count, the verdict tally, each unexpected verdict and the files written", async () => {
    const { res, lines } = await run(project());
    expect(lines).toEqual([
      'spec/claims.json:204:9: error REP001: claim "A3.11", field "declarations[0].name": `Sym.missing` is not a declaration of out/proofs.json (renamed, removed, or not yet written?)',
      'lean/Sym/Basic.lean:30:1: error REP002: `Sym.untracked`: its docstring tags it with claim "A3.2" but the registry does not list it under that claim',
      'lean/Sym/Basic.lean:34:1: error REP003: `Sym.stray`: its docstring starts with claim id "Z9.9", which the registry does not have',
      'spec/claims.json:98:9: error REP004: claim "A3.5", field "declarations[0].statementHash": the statement of `Sym.cond_thm` changed (pinned 0000000000000000, now 60bc28a845a4c9ec); check the new statement still says what the claim says, then pin it with `npm run report -- --pin`',
      "warning REP005: 15 statements are not pinned (listed in out/report.md); pin with `npm run report -- --pin` after checking them",
      "14 claims: 1 proved, 1 partial, 1 refuted, 1 suspect, 1 conditional, 1 supported, 1 definition, 1 out-of-scope, 5 failing, 1 conflict; 13 as expected.",
      "  A3.9: conflict, expected proved: `Sym.bad_thm` is proved in Lean but the numeric check found a counterexample (seed 42, path 0)",
      "wrote out/report.json, out/report.md, out/report.html",
    ]);
    expect(res.diagnostics).toBe(res.report!.mismatches);
    expect(res.pinned).toEqual([]);
    expect(res.millis).toBeGreaterThan(0);
    expect(res.millis).toBeLessThan(120_000);
  });

  it("says 'is not pinned' for a single unpinned statement, and nothing once it is pinned", async () => {
    const dir = project();
    const { lines } = await run(dir, { only: ["A3.1"] });
    expect(lines).toContain("warning REP005: 1 statement is not pinned (listed in out/report.md); pin with `npm run report -- --pin` after checking them");
    await run(dir, { pin: true });
    const again = await run(dir, { only: ["A3.1"] });
    expect(again.lines.some((l) => l.startsWith("warning REP005"))).toBe(false);
    expect(again.res.exitCode).toBe(0);
  });
});

describe("writeReports: the log in detail", () => {
  it("logs an unpinned-definitions warning as it is and counts only unpinned statements apart", async () => {
    const dir = project();
    withDefinitions(dir);
    const { lines } = await run(dir);
    expect(lines).toContain("spec/fingerprints.json:1:1: warning REP005: 2 definitions the claims use are not pinned in spec/fingerprints.json (`Sym.helper`, `Sym.other`); pin with `npm run report -- --pin`");
    expect(lines).toContain("warning REP005: 15 statements are not pinned (listed in out/report.md); pin with `npm run report -- --pin` after checking them");
  });

  it("tallies only the verdicts that occur", async () => {
    const { lines } = await run(project(), { only: ["A3.1", "A3.3"] });
    expect(lines).toContain("2 claims: 1 refuted, 1 definition; 2 as expected.");
  });

  it("joins the reasons of an unexpected verdict with semicolons", async () => {
    const dir = project();
    const reg = JSON.parse(read(dir, "spec/claims.json")) as { claims: { id: string; expected: string }[] };
    reg.claims.find((c) => c.id === "A3.14")!.expected = "proved";
    writeJson(dir, "spec/claims.json", reg);
    const { res, lines } = await run(dir, { only: ["A3.14"] });
    const c = res.report!.claims[0]!;
    expect(c.reasons.length).toBeGreaterThan(1);
    expect(lines).toContain(`  A3.14: partial, expected proved: ${c.reasons[0]}; ${c.reasons.slice(1).join("; ")}`);
  });

  it("names every stale claim in the mutation note, separated by commas", async () => {
    const dir = project();
    const tally = { mutants: 1, killed: 1, discarded: 0, survived: 0, "equivalent?": 0, score: 1 };
    const claims = [["A3.2", "Sym.phi_act"], ["A3.9", "Sym.gone"], ["A3.14", "Sym.gone"]].map(([id, d]) => ({ id, declarations: [d], ...tally, unchecked: [], survivors: [] }));
    writeJson(dir, "out/mutation.json", { format: 1, generatedAt: "x", command: "npm run mutate", seed: 1, runs: 1, timeLimitMs: 1, seconds: 1, only: null, overall: tally, byOperator: {}, claims, declarations: [] });
    const { lines } = await run(dir);
    expect(lines).toContain("note: out/mutation.json is stale for A3.9, A3.14 (rerun `npm run mutate`); their mutation scores are not shown");
  });
});

describe("writeReports: problems and exit codes", () => {
  it("a registry that is not JSON: one problem, exit 1, every old report file removed", async () => {
    const dir = project();
    for (const f of REPORT_FILES) fs.writeFileSync(path.join(dir, "out", f), "stale");
    fs.writeFileSync(path.join(dir, "spec/claims.json"), "{ nope");
    const { res, lines } = await run(dir);
    expect(res.exitCode).toBe(1);
    expect(res.files).toEqual([]);
    expect(res.report).toBeUndefined();
    expect(res.diagnostics).toHaveLength(1);
    expect(lines.at(-1)).toBe("1 problem in spec/claims.json; no report written.");
    expect(lines[0]).toMatch(/^spec\/claims\.json:\d+:\d+: error /);
    for (const f of REPORT_FILES) expect(fs.existsSync(path.join(dir, "out", f))).toBe(false);
  });

  it("counts several registry problems in the plural", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "spec/claims.json"), '{"claims": [{"id": "P3.6"}]}');
    const { lines } = await run(dir);
    expect(lines.at(-1)).toBe("8 problems in spec/claims.json; no report written.");
  });

  it("a broken fingerprint file: exit 1, its problems logged, every old report file removed", async () => {
    const dir = project();
    for (const f of REPORT_FILES) fs.writeFileSync(path.join(dir, "out", f), "stale");
    fs.writeFileSync(path.join(dir, "spec/fingerprints.json"), "[1, 2");
    const { res, lines } = await run(dir);
    expect(res.exitCode).toBe(1);
    expect(res.files).toEqual([]);
    expect(res.pinned).toEqual([]);
    expect(res.diagnostics.length).toBeGreaterThan(0);
    expect(res.diagnostics.every((d) => d.range?.file === "spec/fingerprints.json")).toBe(true);
    expect(lines.at(-1)).toBe(`${res.diagnostics.length} problem${res.diagnostics.length === 1 ? "" : "s"} in spec/fingerprints.json; no report written.`);
    expect(lines.length).toBe(res.diagnostics.length + 1);
    for (const f of REPORT_FILES) expect(fs.existsSync(path.join(dir, "out", f))).toBe(false);
  });

  it("a fingerprint file that is not JSON is one problem, and no report file needs to exist before", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "spec/fingerprints.json"), "{ nope");
    const { res, lines } = await run(dir);
    expect(res.exitCode).toBe(1);
    expect(res.diagnostics).toHaveLength(1);
    expect(lines.at(-1)).toBe("1 problem in spec/fingerprints.json; no report written.");
    fs.writeFileSync(path.join(dir, "spec/fingerprints.json"), '{"definitions": {"Sym.a": 1, "Sym.b": 2}}');
    const two = await run(dir);
    expect(two.res.diagnostics).toHaveLength(2);
    expect(two.lines.at(-1)).toBe("2 problems in spec/fingerprints.json; no report written.");
  });

  it("reads the fingerprint file from the path given", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "spec/fingerprints.json"), "not json");
    const { res } = await run(dir, { fingerprintsFile: "elsewhere/fp.json" });
    expect(res.exitCode).toBe(1);
    const bad = await run(dir, { fingerprintsFile: "spec/fingerprints.json" });
    expect(bad.res.report).toBeUndefined();
    expect(bad.lines.at(-1)).toMatch(/in spec\/fingerprints\.json; no report written\.$/);
  });

  it("names each unknown --claim, logs it and writes nothing", async () => {
    const dir = project();
    const { res, lines } = await run(dir, { only: ["A3.2", "Q9.9", "Q9.8"] });
    expect(res.exitCode).toBe(2);
    expect(res.files).toEqual([]);
    expect(res.diagnostics.map((d) => d.message)).toEqual(["--claim Q9.9: no such claim in spec/claims.json", "--claim Q9.8: no such claim in spec/claims.json"]);
    expect(res.diagnostics[0]).toMatchObject({ code: "REP010", severity: "error", range: { file: "spec/claims.json", line: 1, column: 1 } });
    expect(lines).toEqual(["spec/claims.json:1:1: error REP010: --claim Q9.9: no such claim in spec/claims.json", "spec/claims.json:1:1: error REP010: --claim Q9.8: no such claim in spec/claims.json"]);
    expect(fs.existsSync(path.join(dir, "out/report.json"))).toBe(false);
  });

  it("ignores empty --claim values: none at all means every claim", async () => {
    const all = await run(project(), { only: ["", ""] });
    expect(all.res.report!.only).toBeNull();
    expect(all.res.report!.claims).toHaveLength(14);
    const one = await run(project(), { only: ["", "A3.2"] });
    expect(one.res.report!.only).toEqual(["A3.2"]);
    expect(one.res.report!.claims.map((c) => c.id)).toEqual(["A3.2"]);
  });

  it("a numeric file that is not JSON: REP007 naming it, exit 1 (not 2), an incomplete report", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "out/numeric.json"), "{ half");
    const { res, lines } = await run(dir);
    expect(res.exitCode).toBe(1);
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics[0]).toMatchObject({ code: "REP007", severity: "error", range: { file: "out/numeric.json", line: 1, column: 1 } });
    expect(res.diagnostics[0]!.message).toMatch(/^out\/numeric\.json is not valid JSON: \S/);
    expect(res.report!.complete).toBe(false);
    expect(res.report!.missing).toEqual([]);
    expect(res.files).toEqual(["out/report.json", "out/report.md", "out/report.html"]);
    expect(lines.at(-1)).toBe("No verdicts: the report in out/ says which stage to run.");
    expect(JSON.parse(read(dir, "out/report.json")).complete).toBe(false);
  });

  it("refuses a numeric or proofs file that is no JSON object, or numeric without records", async () => {
    const cases: [string, string, string][] = [
      ["out/numeric.json", "[]", "out/numeric.json must be a JSON object"],
      ["out/numeric.json", "null", "out/numeric.json must be a JSON object"],
      ["out/numeric.json", "3", "out/numeric.json must be a JSON object"],
      ["out/proofs.json", '"text"', "out/proofs.json must be a JSON object"],
      ["out/numeric.json", '{"records": {}}', 'out/numeric.json has no "records" array (written by an older or broken `npm run check`?)'],
      ["out/proofs.json", "[]", "out/proofs.json must be a JSON object"],
      ["out/proofs.json", '{"modules": [], "declarations": []}', 'out/proofs.json has no "forbidden" array (written by an older or broken `npm run prove`?)'],
      ["out/proofs.json", '{"declarations": [], "forbidden": []}', 'out/proofs.json has no "modules" array (written by an older or broken `npm run prove`?)'],
    ];
    for (const [f, text, message] of cases) {
      const dir = project();
      fs.writeFileSync(path.join(dir, f), text);
      const { res } = await run(dir);
      expect(res.exitCode, `${f} ${text}`).toBe(1);
      expect(res.diagnostics.map((d) => d.message)).toEqual([message]);
    }
  });

  it("a missing input and a broken one: exit 2, the missing one listed first", async () => {
    const dir = project({ proofs: false });
    fs.writeFileSync(path.join(dir, "out/numeric.json"), "[]");
    const { res, lines } = await run(dir);
    expect(res.exitCode).toBe(2);
    expect(res.diagnostics.map((d) => d.code)).toEqual(["REP006", "REP007"]);
    expect(res.report!.missing).toEqual([{ file: "out/proofs.json", stage: "prove", command: "npm run prove" }]);
    expect(lines).toEqual([
      "out/proofs.json:1:1: error REP006: out/proofs.json is missing: run `npm run prove` first (or `npm run verify` for the whole pipeline)",
      "out/numeric.json:1:1: error REP007: out/numeric.json must be a JSON object",
      "No verdicts: the report in out/ says which stage to run.",
    ]);
  });
});

describe("writeReports --pin", () => {
  it("pins every statement, logs each change and the count, rewrites the registry atomically, and reports it pinned", async () => {
    const dir = project();
    const { res, lines } = await run(dir, { pin: true });
    expect(res.pinned).toHaveLength(16);
    expect(lines).toContain("pinned A3.5 Sym.cond_thm: 0000000000000000 → 60bc28a845a4c9ec");
    expect(lines).toContain("pinned A3.1 Sym.Net: (none) → 50c3bd5bc681272a");
    expect(lines).toContain("16 statement hashes pinned in spec/claims.json.");
    expect(lines).toContain("0 definition fingerprints pinned in spec/fingerprints.json.");
    expect(fs.readdirSync(path.join(dir, "spec")).sort()).toEqual(["claims.json", "fingerprints.json"]);
    expect(read(dir, "spec/claims.json")).toContain('"statementHash": "60bc28a845a4c9ec"');
    // The report is built from the rewritten registry: nothing is left to pin or changed.
    expect(res.report!.summary.fingerprintChanges).toBe(0);
    expect(res.report!.mismatches.map((m) => m.code)).toEqual(["REP001", "REP002", "REP003"]);
    expect(res.report!.mismatches[0]!.range?.line).toBe(204);
    const again = await run(dir, { pin: true });
    expect(again.res.pinned).toEqual([]);
    expect(again.lines).toContain("0 statement hashes pinned in spec/claims.json.");
  });

  it("pins only the claims given with --claim, and says 'hash' for one", async () => {
    const dir = project();
    const { res, lines } = await run(dir, { pin: true, only: ["A3.5"] });
    expect(res.pinned.map((p) => `${p.claim} ${p.declaration}`)).toEqual(["A3.5 Sym.cond_thm", "A3.5 Sym.HypA", "A3.5 Sym.HypB", "A3.5 Sym.hyp_inst"]);
    const single = await run(project(), { pin: true, only: ["A3.1"] });
    expect(single.res.pinned.map((p) => `${p.claim} ${p.declaration}`)).toEqual(["A3.1 Sym.Net"]);
    expect(single.lines).toContain("1 statement hash pinned in spec/claims.json.");
    expect(lines.filter((l) => l.startsWith("pinned "))).toHaveLength(4);
  });

  it("does not touch the registry or the fingerprint file when nothing changes, and never pins without --pin", async () => {
    const dir = project();
    const before = read(dir, "spec/claims.json");
    const plain = await run(dir);
    expect(plain.res.pinned).toEqual([]);
    expect(plain.lines.some((l) => l.includes("pinned in"))).toBe(false);
    expect(read(dir, "spec/claims.json")).toBe(before);
    expect(fs.existsSync(path.join(dir, "spec/fingerprints.json"))).toBe(false);
    await run(dir, { pin: true });
    const ino = (f: string) => fs.statSync(path.join(dir, f)).ino;
    const [reg, fp] = [ino("spec/claims.json"), ino("spec/fingerprints.json")];
    await run(dir, { pin: true });
    expect([ino("spec/claims.json"), ino("spec/fingerprints.json")]).toEqual([reg, fp]);
  });

  it("pins the definitions the claims use, once each, with the chain that reaches them", async () => {
    const dir = project();
    const h = withDefinitions(dir);
    const { lines } = await run(dir, { pin: true });
    const defs = lines.filter((l) => l.startsWith("pinned definition"));
    expect(defs).toEqual([
      `pinned definition Sym.helper (used by A3.2 through Sym.phi_act → Sym.helper): (none) → ${h.helper}`,
      `pinned definition Sym.other (used by A3.9 through Sym.bad_thm → Sym.other): (none) → ${h.other}`,
    ]);
    expect(lines).toContain("2 definition fingerprints pinned in spec/fingerprints.json.");
    expect(JSON.parse(read(dir, "spec/fingerprints.json")).definitions).toEqual({ "Sym.helper": h.helper, "Sym.other": h.other });
    const again = await run(dir, { pin: true });
    expect(again.lines).toContain("0 definition fingerprints pinned in spec/fingerprints.json.");
    expect(again.res.report!.claims.find((c) => c.id === "A3.2")!.reasons.join(" ")).not.toContain("changed");
  });

  it("re-pins a changed definition with its old hash, and says 'fingerprint' for one", async () => {
    const dir = project();
    withDefinitions(dir);
    await run(dir, { pin: true });
    const old = JSON.parse(read(dir, "spec/fingerprints.json")).definitions["Sym.helper"] as string;
    const h = withDefinitions(project()); // the same records, for the hash only
    expect(h.helper).toBe(old);
    const proofs = JSON.parse(read(dir, "out/proofs.json")) as ProofsFile;
    const helper = proofs.declarations.find((d) => d.name === "Sym.helper") as DeclarationRecord;
    helper.body = ":= 3";
    writeJson(dir, "out/proofs.json", proofs);
    const { lines } = await run(dir, { pin: true });
    expect(lines.filter((l) => l.startsWith("pinned definition"))).toEqual([`pinned definition Sym.helper (used by A3.2 through Sym.phi_act → Sym.helper): ${old} → ${meaningHash(helper)}`]);
    expect(lines).toContain("1 definition fingerprint pinned in spec/fingerprints.json.");
  });

  it("with --claim keeps the other claims' definition pins; without it drops pins no claim uses", async () => {
    const dir = project();
    const h = withDefinitions(dir);
    const fp = JSON.parse(read(dir, "out/proofs.json")) as ProofsFile;
    await run(dir, { pin: true, only: ["A3.9"] });
    expect(JSON.parse(read(dir, "spec/fingerprints.json")).definitions).toEqual({ "Sym.other": h.other });
    await run(dir, { pin: true, only: ["A3.2"] });
    expect(JSON.parse(read(dir, "spec/fingerprints.json")).definitions).toEqual({ "Sym.helper": h.helper, "Sym.other": h.other });
    for (const d of fp.declarations) if (d.name === "Sym.bad_thm") (d as DeclarationRecord).uses = [];
    writeJson(dir, "out/proofs.json", fp);
    await run(dir, { pin: true });
    expect(JSON.parse(read(dir, "spec/fingerprints.json")).definitions).toEqual({ "Sym.helper": h.helper });
  });

  it("writes pinned definitions to the fingerprint file given", async () => {
    const dir = project();
    const h = withDefinitions(dir);
    const { lines } = await run(dir, { pin: true, fingerprintsFile: "pins/fp.json" });
    expect(JSON.parse(read(dir, "pins/fp.json")).definitions).toEqual({ "Sym.helper": h.helper, "Sym.other": h.other });
    expect(lines).toContain("2 definition fingerprints pinned in pins/fp.json.");
    expect(fs.existsSync(path.join(dir, "spec/fingerprints.json"))).toBe(false);
  });
});

describe("writeReports: the mutation score", () => {
  it("reads the mutation file from the path given and notes only the claims that are stale", async () => {
    const dir = project();
    const tally = { mutants: 1, killed: 1, discarded: 0, survived: 0, "equivalent?": 0, score: 1 };
    const entry = (id: string, declarations: string[]) => ({ id, declarations, ...tally, unchecked: [], survivors: [] });
    // A3.2 and A3.14 list their proved statements (current); A3.9 lists another name (stale).
    const claims = [entry("A3.2", ["Sym.phi_act"]), entry("A3.9", ["Sym.gone"]), entry("A3.14", ["Sym.part_p2"])];
    const file = { format: 1, generatedAt: "x", command: "npm run mutate", seed: 1, runs: 1, timeLimitMs: 1, seconds: 1, only: null, overall: tally, byOperator: {}, claims, declarations: [] };
    fs.mkdirSync(path.join(dir, "m"));
    writeJson(dir, "m/mut.json", file);
    const { res, lines } = await run(dir, { mutationFile: "m/mut.json" });
    expect(res.report!.mutation).toMatchObject({ file: "m/mut.json", status: "stale" });
    expect(res.report!.mutation!.claims.map((c) => `${c.id}:${c.status}`)).toEqual(["A3.2:current", "A3.9:stale", "A3.14:current"]);
    expect(lines).toContain("note: m/mut.json is stale for A3.9 (rerun `npm run mutate`); their mutation scores are not shown");
    const none = await run(dir);
    expect(none.res.report!.mutation).toBeUndefined();
    expect(none.lines.some((l) => l.startsWith("note:"))).toBe(false);
  });

  it("notes nothing when every claim's mutation data is current", async () => {
    const dir = project();
    const tally = { mutants: 1, killed: 1, discarded: 0, survived: 0, "equivalent?": 0, score: 1 };
    const claims = [["A3.2", "Sym.phi_act"], ["A3.9", "Sym.bad_thm"], ["A3.14", "Sym.part_p2"]].map(([id, d]) => ({ id, declarations: [d], ...tally, unchecked: [], survivors: [] }));
    writeJson(dir, "out/mutation.json", { format: 1, generatedAt: "x", command: "npm run mutate", seed: 1, runs: 1, timeLimitMs: 1, seconds: 1, only: null, overall: tally, byOperator: {}, claims, declarations: [] });
    const { res, lines } = await run(dir);
    expect(res.report!.mutation!.status).toBe("current");
    expect(lines.some((l) => l.startsWith("note:"))).toBe(false);
  });

  it("reports a mutation file of another format as invalid, with the problem, and no note", async () => {
    const dir = project();
    writeJson(dir, "out/mutation.json", { format: 0 });
    const { res, lines } = await run(dir);
    expect(res.report!.mutation).toEqual({ file: "out/mutation.json", status: "invalid", problem: "out/mutation.json has format 0, expected 1 (rerun `npm run mutate`)", claims: [] });
    expect(lines.some((l) => l.startsWith("note:"))).toBe(false);
  });
});
