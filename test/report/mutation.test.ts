import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import type { MutationFile } from "../../src/mutate/types.js";
import { buildReport } from "../../src/report/build.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { mutationView, provedStatementsOf } from "../../src/report/mutation.js";
import { writeReports } from "../../src/report/write.js";
import { FILES, fixtures, NOW, ROOT, tempProject } from "./helpers.js";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "spec/report.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

const report = buildReport({ ...fixtures(), now: NOW, files: FILES });
const phi = report.claims.find((c) => c.id === "A3.2")?.declarations.find((d) => d.name === "Sym.phi_act");
const bad = report.claims.find((c) => c.id === "A3.9")?.declarations.find((d) => d.name === "Sym.bad_thm");

/** A mutation file over every proved statement of the fixture, with `phi_act` and `bad_thm` hashed as given. */
function mutationFile(phiHash: string, badHash: string): MutationFile {
  const tally = { mutants: 5, killed: 3, discarded: 1, survived: 0, "equivalent?": 1, score: 0.75 };
  const survivor = { declaration: "Sym.phi_act", operator: "swap-operands" as const, statement: "(K : α) (W : α) : W * K = W * K", description: "`K * W` → `W * K`", class: "equivalent?" as const, why: "no counterexample in 300 runs" };
  const hashes = new Map<string, string>();
  const claims: MutationFile["claims"] = [];
  for (const c of report.claims) {
    const proved = provedStatementsOf(c);
    if (proved.size === 0) continue;
    for (const [name, hash] of proved) hashes.set(name, name === "Sym.phi_act" ? phiHash : name === "Sym.bad_thm" ? badHash : hash);
    claims.push({ id: c.id, declarations: [...proved.keys()], ...tally, unchecked: [], survivors: c.id === "A3.2" ? [survivor] : [] });
  }
  return {
    format: 1,
    generatedAt: "2026-11-29T00:00:00.000Z",
    command: "npm run mutate",
    seed: 1,
    runs: 300,
    timeLimitMs: 2500,
    seconds: 10,
    only: null,
    overall: { mutants: 10, killed: 6, discarded: 2, survived: 0, "equivalent?": 2, score: 0.75 },
    byOperator: {},
    claims,
    declarations: [...hashes].map(([declaration, statementHash]) => ({ declaration, claims: [], statementHash, baseline: { status: "passed" as const, seconds: 0 }, mutants: [] })),
  };
}

describe("the mutation score in the report", () => {
  it("the fixture's proved statements have hashes to compare with", () => {
    expect(phi?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(bad?.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("shows a claim's score when the mutated statements are the current ones", () => {
    const v = mutationView(report.claims, mutationFile(phi!.hash!, bad!.hash!), "out/mutation.json");
    expect(v.status).toBe("current");
    expect(v.claims.find((c) => c.id === "A3.2")).toMatchObject({ status: "current", score: 0.75, killed: 3, equivalent: 1 });
    const md = renderMarkdown({ ...report, mutation: v });
    expect(md).toContain("## Mutation score");
    expect(md).toContain("| A3.2 | 75.0% | 3/4 | 1 | 0 | 1 |");
    expect(md).toContain("`phi_act` [swap-operands, equivalent?]");
    expect(validate(JSON.parse(JSON.stringify({ ...report, mutation: v }))) ? [] : validate.errors).toEqual([]);
  });

  it("never shows stale data as current: a changed statement withholds the claim's numbers and says why", () => {
    const v = mutationView(report.claims, mutationFile("0000000000000000", bad!.hash!), "out/mutation.json");
    expect(v.status).toBe("stale");
    const a32 = v.claims.find((c) => c.id === "A3.2");
    expect(a32?.status).toBe("stale");
    expect(a32?.score).toBeUndefined();
    expect(a32?.why?.join(" ")).toMatch(/statement of `Sym\.phi_act` changed \(mutated 0000000000000000, now [0-9a-f]{16}\)/);
    // The other claim still matches and keeps its numbers; the overall counts only current claims.
    expect(v.claims.find((c) => c.id === "A3.9")).toMatchObject({ status: "current", killed: 3 });
    const current = v.claims.filter((c) => c.status === "current").length;
    expect(v.overall).toMatchObject({ killed: 3 * current, mutants: 5 * current });
    const md = renderMarkdown({ ...report, mutation: v });
    expect(md).toMatch(/\| A3\.2 \| stale \| – \|/);
    expect(md).not.toContain("| A3.2 | 75.0%");
    expect(md).toContain("stale and not shown");
    const html = renderHtml({ ...report, mutation: v }, undefined);
    expect(html).toContain('<tr data-id="A3.2" data-status="stale">');
    expect(html).toContain('id="mutation-status" data-status="stale"');
    expect(validate(JSON.parse(JSON.stringify({ ...report, mutation: v }))) ? [] : validate.errors).toEqual([]);
  });

  it("labels as stale a claim whose proved statements were not mutated at all", () => {
    const f = mutationFile(phi!.hash!, bad!.hash!);
    f.claims = f.claims.filter((c) => c.id !== "A3.9");
    const v = mutationView(report.claims, f, "out/mutation.json");
    expect(v.claims.find((c) => c.id === "A3.9")).toMatchObject({ status: "stale" });
  });

  it("the report stage reads out/mutation.json when it exists, and reports an unreadable one without numbers", async () => {
    const dir = tempProject();
    temps.push(dir);
    const none = await writeReports({ root: dir, now: NOW });
    expect(none.report?.mutation).toBeUndefined();
    fs.writeFileSync(path.join(dir, "out/mutation.json"), JSON.stringify(mutationFile(phi!.hash!, "ffffffffffffffff")));
    const withFile = await writeReports({ root: dir, now: NOW });
    expect(withFile.report?.mutation?.status).toBe("stale");
    expect(fs.readFileSync(path.join(dir, "out/report.md"), "utf8")).toMatch(/\| A3\.9 \| stale \|/);
    fs.writeFileSync(path.join(dir, "out/mutation.json"), "{ not json");
    const broken = await writeReports({ root: dir, now: NOW });
    expect(broken.report?.mutation).toMatchObject({ status: "invalid", claims: [] });
  });
});
