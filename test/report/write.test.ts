import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { beforeEach, describe, expect, it } from "vitest";
import { buildReport, incompleteReport } from "../../src/report/build.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { writeReports } from "../../src/report/write.js";
import { FILES, fixtures, NOW, ROOT, tempProjects } from "./helpers.js";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "spec/report.schema.json"), "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
const project = tempProjects();

describe("report.json schema (spec/report.schema.json, ajv)", () => {
  it("accepts a complete report", () => {
    const report = JSON.parse(JSON.stringify(buildReport({ ...fixtures(), now: NOW, files: FILES })));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });
  it("accepts an incomplete report", () => {
    const report = JSON.parse(JSON.stringify(incompleteReport([{ file: "out/numeric.json", stage: "check", command: "npm run check" }], fixtures().registry, NOW, FILES)));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });
  it("rejects a report with an unknown verdict or a merged count", () => {
    const report = JSON.parse(JSON.stringify(buildReport({ ...fixtures(), now: NOW, files: FILES })));
    report.claims[0].verdict = "mostly-proved";
    delete report.summary.verdicts.suspect;
    expect(validate(report)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(["/claims/0/verdict", "/summary/verdicts"]);
  });
});

describe("report.md", () => {
  let md = "";
  beforeEach(() => {
    md = renderMarkdown(buildReport({ ...fixtures(), now: NOW, files: FILES }));
  });
  it("has a summary, a table per section, a Mermaid graph coloured by verdict and per-claim details", () => {
    expect(md).toContain("## Summary");
    expect(md).toContain("## Unexpected verdicts\n\n- [A3.9](#claim-a3-9): 💥 conflict, expected proved: `Sym.bad_thm` is proved in Lean but the numeric check found a counterexample (seed 42, path 0)");
    expect(md).toContain("## 3.1 First section");
    expect(md).toContain("## 3.2 Second section");
    expect(md).toContain("```mermaid\ngraph LR");
    expect(md).toContain('c_A3_2["A3.2"]:::v_proved');
    expect(md).toContain("c_A3_1 --> c_A3_2");
    expect(md).toContain("classDef v_conflict fill:#111111");
    expect(md).toContain("### A3.2: A proved proposition");
    expect(md).toContain("[lean/Sym/Basic.lean:20](../lean/Sym/Basic.lean#L20-L21)");
    expect(md).toContain("  ```lean\n  theorem Sym.phi_act {α : Type} [Lean.Grind.CommRing α] (K : α) (W : α) :\n      K * W = W * K\n  ```");
  });
  it("says in plain words what is refuted, what stays open and what is only conditional", () => {
    expect(md).toContain("## Conjectures, refutations and open points in plain words");
    expect(md).toMatch(/\*\*A3\.3\*\* \(A refuted conjecture\): The literal statement is false: Lean proves its negation \(`Sym.not_conj`\).*sharper reading stays open/);
    expect(md).toMatch(/\*\*A3\.5\*\*.*Proved in Lean assuming `Sym.HypA`, `Sym.HypB`; those hypotheses are not proved/);
    expect(md).toMatch(/\*\*A3\.6\*\*.*Not proved\. Supported by numeric evidence only: 2000 runs, seed 42/);
    expect(md).toMatch(/\*\*A3\.14\*\* \(A claim proved in part\): Proved in part\. formal: "p = 2" \(proved\); open: "every even p", "odd p"/);
    expect(md).toContain("- ⭕ open: every even p (no Lean proof; weak numeric evidence only)");
  });
  it("is deterministic", () => {
    expect(renderMarkdown(buildReport({ ...fixtures(), now: NOW, files: FILES }))).toBe(md);
  });
});

describe("writeReports", () => {
  it("writes json, md and html and exits 1 when a verdict is unexpected or something mismatches", async () => {
    const dir = project();
    const lines: string[] = [];
    const res = await writeReports({ root: dir, now: NOW, log: (l) => lines.push(l) });
    expect(res.exitCode).toBe(1);
    expect(res.files).toEqual(["out/report.json", "out/report.md", "out/report.html"]);
    for (const f of res.files) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "out/report.json"), "utf8"));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json.complete).toBe(true);
    expect(lines.some((l) => l.includes("A3.9: conflict, expected proved"))).toBe(true);
  });

  it("exits 0 when narrowed to claims that all have their expected verdict", async () => {
    const dir = project();
    const res = await writeReports({ root: dir, now: NOW, only: ["A3.1", "A3.3", "A3.4"] });
    expect(res.report!.summary.ok).toBe(true);
    expect(res.exitCode).toBe(0);
  });

  it("says which stage to run when an input is missing, and exits 2 with no verdicts", async () => {
    const dir = project({ numeric: false });
    const lines: string[] = [];
    const res = await writeReports({ root: dir, now: NOW, log: (l) => lines.push(l) });
    expect(res.exitCode).toBe(2);
    expect(res.diagnostics.map((d) => d.code)).toEqual(["REP006"]);
    expect(lines[0]).toBe("out/numeric.json:1:1: error REP006: out/numeric.json is missing: run `npm run check` first (or `npm run verify` for the whole pipeline)");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "out/report.json"), "utf8"));
    expect(json).toMatchObject({ complete: false, claims: [], missing: [{ file: "out/numeric.json", stage: "check", command: "npm run check" }] });
    expect(fs.readFileSync(path.join(dir, "out/report.md"), "utf8")).toContain("`out/numeric.json` is missing: run `npm run check`");
    expect(fs.readFileSync(path.join(dir, "out/report.html"), "utf8")).toContain("No report: an input is missing.");
  });

  it("names both stages when both inputs are missing", async () => {
    const dir = project({ proofs: false, numeric: false });
    const res = await writeReports({ root: dir, now: NOW });
    expect(res.exitCode).toBe(2);
    expect(res.report!.missing.map((m) => m.command)).toEqual(["npm run prove", "npm run check"]);
  });

  it("exits 1 on a malformed proofs file, naming it", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "out/proofs.json"), '{"modules": []}');
    const res = await writeReports({ root: dir, now: NOW });
    expect(res.exitCode).toBe(1);
    expect(res.diagnostics[0]).toMatchObject({ code: "REP007" });
    expect(res.diagnostics[0]!.message).toContain('out/proofs.json has no "declarations" array');
  });

  it("exits 1 on a bad registry, writes no report and removes a stale one", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "out/report.md"), "stale");
    fs.writeFileSync(path.join(dir, "spec/claims.json"), '{"claims": [{"id": "P3.6"}]}');
    const res = await writeReports({ root: dir, now: NOW });
    expect(res.exitCode).toBe(1);
    expect(res.diagnostics.map((d) => d.code)).toEqual(Array(8).fill("SPEC003"));
    expect(fs.existsSync(path.join(dir, "out/report.md"))).toBe(false);
  });

  it("exits 2 on an unknown --claim", async () => {
    const dir = project();
    const res = await writeReports({ root: dir, now: NOW, only: ["Q9.9"] });
    expect(res.exitCode).toBe(2);
    expect(res.diagnostics[0]!.code).toBe("REP010");
  });

  it("pins changed statements on purpose, after which the fingerprint mismatch is gone", async () => {
    const dir = project();
    const before = await writeReports({ root: dir, now: NOW });
    expect(before.report!.summary.fingerprintChanges).toBe(1);
    const pinned = await writeReports({ root: dir, now: NOW, pin: true });
    expect(pinned.pinned.length).toBeGreaterThan(0);
    expect(pinned.report!.summary.fingerprintChanges).toBe(0);
    expect(pinned.report!.mismatches.filter((m) => m.code === "REP005")).toEqual([]);
  });
});
