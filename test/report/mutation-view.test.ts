/**
 * The mutation section of the report in detail: which `out/mutation.json` is usable, when a
 * claim's numbers are current or stale (and why), the overall tally, and the Markdown and HTML
 * renderings of each case.
 */
import { describe, expect, it } from "vitest";
import type { ClaimMutation, MutationFile } from "../../src/mutate/types.js";
import { buildReport } from "../../src/report/build.js";
import { mutationFileProblem, mutationHtml, mutationMarkdown, mutationView, provedStatementsOf, scoreText } from "../../src/report/mutation.js";
import type { MutationView } from "../../src/report/types.js";
import { FILES, fixtures, NOW } from "./helpers.js";

const report = buildReport({ ...fixtures(), now: NOW, files: FILES });
const claim = (id: string) => report.claims.find((c) => c.id === id)!;
const hashOf = (id: string, name: string) => provedStatementsOf(claim(id)).get(name)!;
/** The fixture's claims with proved statements: A3.2 (`phi_act`), A3.9 (`bad_thm`), A3.14 (`part_p2`). */
const PROVED = { "A3.2": "Sym.phi_act", "A3.9": "Sym.bad_thm", "A3.14": "Sym.part_p2" } as const;

function claimEntry(id: keyof typeof PROVED, over: Partial<ClaimMutation> = {}): ClaimMutation {
  return { id, declarations: [PROVED[id]], mutants: 10, killed: 6, discarded: 2, survived: 1, "equivalent?": 1, score: 0.75, unchecked: [], survivors: [], ...over };
}

function file(over: Partial<MutationFile> = {}): MutationFile {
  const claims = (Object.keys(PROVED) as (keyof typeof PROVED)[]).map((id) => claimEntry(id));
  return {
    format: 1,
    generatedAt: "2026-11-29T01:02:03.000Z",
    command: "npm run mutate -- --runs 300",
    seed: 77,
    runs: 300,
    timeLimitMs: 2500,
    seconds: 9,
    only: null,
    overall: { mutants: 30, killed: 18, discarded: 6, survived: 3, "equivalent?": 3, score: 0.75 },
    byOperator: {},
    claims,
    declarations: (Object.entries(PROVED) as [keyof typeof PROVED, string][]).map(([id, declaration]) => ({ declaration, claims: [id], statementHash: hashOf(id, declaration), baseline: { status: "passed" as const, seconds: 0 }, mutants: [] })),
    ...over,
  };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("mutationFileProblem: which parsed out/mutation.json is usable", () => {
  it("accepts a file of format 1 with claims, declarations and an overall tally", () => {
    expect(mutationFileProblem(file())).toBeUndefined();
  });
  it("refuses anything but an object", () => {
    for (const x of [null, [], 3, "x"]) expect(mutationFileProblem(x)).toBe("must be a JSON object");
  });
  it("refuses another format and says to rerun npm run mutate", () => {
    expect(mutationFileProblem({ ...file(), format: 2 })).toBe("has format 2, expected 1 (rerun `npm run mutate`)");
    const { format: _f, ...noFormat } = file();
    expect(mutationFileProblem(noFormat)).toBe("has format undefined, expected 1 (rerun `npm run mutate`)");
  });
  it("names the missing claims or declarations array", () => {
    expect(mutationFileProblem({ ...file(), claims: {} })).toBe('has no "claims" array');
    expect(mutationFileProblem({ ...file(), declarations: undefined })).toBe('has no "declarations" array');
  });
  it("refuses a file without an overall tally object", () => {
    expect(mutationFileProblem({ ...file(), overall: undefined })).toBe('has no "overall" tally');
    expect(mutationFileProblem({ ...file(), overall: [] })).toBe('has no "overall" tally');
  });
});

describe("provedStatementsOf", () => {
  it("keeps only the claim's proved theorems of role statement, with their hashes", () => {
    expect([...provedStatementsOf(claim("A3.2")).keys()]).toEqual(["Sym.phi_act"]);
    expect(hashOf("A3.2", "Sym.phi_act")).toMatch(/^[0-9a-f]{16}$/);
    // A refutation, a conditional theorem, a definition, an unproved statement: none counts.
    for (const id of ["A3.1", "A3.3", "A3.5", "A3.8", "A3.10", "A3.11"]) expect(provedStatementsOf(claim(id)).size).toBe(0);
    // A partial claim: its proved part only, not the open `Prop`.
    expect([...provedStatementsOf(claim("A3.14")).keys()]).toEqual(["Sym.part_p2"]);
  });
});

describe("mutationView", () => {
  it("without a file is absent, and with a problem is invalid (no numbers)", () => {
    expect(mutationView(report.claims, undefined, "m.json")).toEqual({ file: "m.json", status: "absent", claims: [] });
    expect(mutationView(report.claims, "is not valid JSON", "m.json")).toEqual({ file: "m.json", status: "invalid", problem: "is not valid JSON", claims: [] });
  });

  it("shows every number of a current claim, its unchecked statements and survivors", () => {
    const survivor = { declaration: "Sym.phi_act", operator: "swap-operands" as const, statement: "W * K = K * W", description: "`K * W` → `W * K`", class: "equivalent?" as const, why: "no counterexample" };
    const f = file();
    f.claims[0] = claimEntry("A3.2", { mutants: 8, killed: 4, discarded: 1, survived: 2, "equivalent?": 1, score: 4 / 7, unchecked: [{ declaration: "Sym.phi_aux", reason: "no runtime" }], survivors: [survivor] });
    const v = mutationView(report.claims, f, "out/mutation.json");
    expect(v.claims.find((c) => c.id === "A3.2")).toEqual({
      id: "A3.2",
      status: "current",
      score: 4 / 7,
      mutants: 8,
      killed: 4,
      discarded: 1,
      survived: 2,
      equivalent: 1,
      unchecked: [{ declaration: "Sym.phi_aux", reason: "no runtime" }],
      survivors: [survivor],
    });
    expect(v).toMatchObject({ file: "out/mutation.json", status: "current", generatedAt: "2026-11-29T01:02:03.000Z", command: "npm run mutate -- --runs 300", budget: { runs: 300, seed: 77, timeLimitMs: 2500 } });
    // Every claim current: the file's own tally.
    expect(v.overall).toEqual({ mutants: 30, killed: 18, discarded: 6, survived: 3, equivalent: 3, score: 0.75 });
    expect(v.claims.map((c) => c.id)).toEqual(["A3.2", "A3.9", "A3.14"]);
  });

  it("counts a proved statement listed as unchecked as covered", () => {
    const f = file();
    f.claims[0] = claimEntry("A3.2", { declarations: [], unchecked: [{ declaration: "Sym.phi_act", reason: "no generator" }] });
    expect(mutationView(report.claims, f, "m").claims.find((c) => c.id === "A3.2")?.status).toBe("current");
  });

  it("calls stale a claim missing from a file over all claims, naming its proved statements", () => {
    const f = file({ claims: file().claims.filter((c) => c.id !== "A3.14") });
    const v = mutationView(report.claims, f, "m");
    expect(v.status).toBe("stale");
    expect(v.claims.find((c) => c.id === "A3.14")).toEqual({ id: "A3.14", status: "stale", why: ["its proved statements (`Sym.part_p2`) were not mutated"] });
  });

  it("a file narrowed to one claim says nothing about the other claims, and calls that one stale if it is missing", () => {
    const narrowed = file({ only: "A3.2", claims: [claimEntry("A3.2")] });
    const v = mutationView(report.claims, narrowed, "m");
    expect(v.claims.map((c) => `${c.id}:${c.status}`)).toEqual(["A3.2:current"]);
    expect(v.status).toBe("current");
    const other = mutationView(report.claims, file({ only: "A3.9", claims: [claimEntry("A3.2")] }), "m");
    expect(other.claims.map((c) => `${c.id}:${c.status}`)).toEqual(["A3.2:current", "A3.9:stale"]);
  });

  it("lists no claim without proved statements that the file does not mention", () => {
    const v = mutationView(report.claims, file(), "m");
    for (const id of ["A3.1", "A3.3", "A3.5", "A3.8"]) expect(v.claims.some((c) => c.id === id)).toBe(false);
  });

  it("says which proved statement was not mutated and which mutated one is no longer proved", () => {
    const f = file();
    f.claims[0] = claimEntry("A3.2", { declarations: ["Sym.old_thm"] });
    const v = mutationView(report.claims, f, "m");
    expect(v.claims.find((c) => c.id === "A3.2")).toEqual({
      id: "A3.2",
      status: "stale",
      why: ["`Sym.phi_act` is a proved statement now but was not mutated", "`Sym.old_thm` is no longer a proved statement of the claim"],
    });
  });

  it("compares a statement's hash only when the file records it", () => {
    const f = file({ declarations: file().declarations.filter((d) => d.declaration !== "Sym.phi_act") });
    expect(mutationView(report.claims, f, "m").claims.find((c) => c.id === "A3.2")?.status).toBe("current");
    const changed = file();
    changed.declarations[0] = { ...changed.declarations[0]!, statementHash: "0123456789abcdef" };
    expect(mutationView(report.claims, changed, "m").claims.find((c) => c.id === "A3.2")).toEqual({
      id: "A3.2",
      status: "stale",
      why: [`the statement of \`Sym.phi_act\` changed (mutated 0123456789abcdef, now ${hashOf("A3.2", "Sym.phi_act")})`],
    });
  });

  it("with a stale claim, the overall tally sums the current claims only", () => {
    const f = file();
    f.claims[1] = claimEntry("A3.9", { mutants: 5, killed: 1, discarded: 1, survived: 2, "equivalent?": 1 });
    f.claims[2] = claimEntry("A3.14", { declarations: ["Sym.gone"] });
    const v = mutationView(report.claims, f, "m");
    expect(v.status).toBe("stale");
    expect(v.overall).toEqual({ mutants: 15, killed: 7, discarded: 3, survived: 3, equivalent: 2, score: 7 / 12 });
  });

  it("with a stale claim and nothing live in the others, the overall score is null", () => {
    const f = file();
    f.claims[0] = claimEntry("A3.2", { mutants: 3, killed: 0, discarded: 3, survived: 0, "equivalent?": 0, score: null });
    f.claims[1] = claimEntry("A3.9", { declarations: ["Sym.gone"] });
    f.claims[2] = claimEntry("A3.14", { declarations: ["Sym.gone"] });
    expect(mutationView(report.claims, f, "m").overall).toEqual({ mutants: 3, killed: 0, discarded: 3, survived: 0, equivalent: 0, score: null });
  });
});

describe("scoreText", () => {
  it("prints a percentage with one decimal, and a dash when nothing was left to kill", () => {
    expect(scoreText(0.875)).toBe("87.5%");
    expect(scoreText(0)).toBe("0.0%");
    expect(scoreText(1)).toBe("100.0%");
    expect(scoreText(null)).toBe("–");
    expect(scoreText(undefined)).toBe("–");
  });
});

function mixed(): MutationView {
  const f = file();
  f.claims[0] = claimEntry("A3.2", {
    unchecked: [{ declaration: "Sym.phi_aux", reason: "no <runtime>" }],
    survivors: [{ declaration: "Sym.phi_act", operator: "swap-operands", statement: "W * K = K * W", description: "`a | b` → `b | a`", class: "survived", why: "budget <spent>" }],
  });
  f.claims[2] = claimEntry("A3.14", { declarations: ["Sym.x|y"] });
  return mutationView(report.claims, f, "out/mutation.json");
}

describe("mutationMarkdown", () => {
  it("renders nothing without data", () => {
    expect(mutationMarkdown(undefined)).toEqual([]);
    expect(mutationMarkdown({ file: "m", status: "absent", claims: [] })).toEqual([]);
  });

  it("says an unreadable file is unreadable and shows no score", () => {
    expect(mutationMarkdown({ file: "out/mutation.json", status: "invalid", problem: "is not valid JSON", claims: [] })).toEqual(["## Mutation score", "", "`out/mutation.json` is not valid JSON; no mutation score is shown.", ""]);
    expect(mutationMarkdown({ file: "m", status: "invalid", claims: [] })).toEqual(["## Mutation score", "", "`m` is unreadable; no mutation score is shown.", ""]);
  });

  it("states the source, budget and overall score, one row per claim, and the survivors", () => {
    const L = mutationMarkdown(mixed());
    expect(L[0]).toBe("## Mutation score");
    expect(L[2]).toMatch(/^From `out\/mutation\.json` \(2026-11-29T01:02:03\.000Z, `npm run mutate -- --runs 300`, 300 runs per mutant, seed 77\): false variants/);
    expect(L).toContain("**Overall (claims shown as current): 75.0%** — 12 killed of 16 (2 survived, 2 equivalent?, 4 discarded).");
    expect(L).toContain("> [!WARNING]\n> Some claims' statements changed since `npm run mutate`: their mutation data is stale and not shown.");
    expect(L).toContain("| claim | score | killed / live | discarded | survived | equivalent? | statements not run |");
    expect(L).toContain("| A3.2 | 75.0% | 6/8 | 2 | 1 | 1 | `phi_aux` |");
    expect(L).toContain("| A3.9 | 75.0% | 6/8 | 2 | 1 | 1 |  |");
    expect(L).toContain("| A3.14 | stale | – | – | – | – | `Sym.part_p2` is a proved statement now but was not mutated; `Sym.x\\|y` is no longer a proved statement of the claim |");
    expect(L).toContain("<details><summary>1 survivors (not killed, not discarded)</summary>");
    expect(L).toContain("- A3.2 `phi_act` [swap-operands, survived] `a \\| b` → `b \\| a`: budget <spent>");
    expect(L.at(-1)).toBe("");
    expect(L.at(-2)).toBe("</details>");
  });

  it("has no warning and no survivors list when everything is current and nothing survived", () => {
    const L = mutationMarkdown(mutationView(report.claims, file(), "m"));
    expect(L.join("\n")).not.toContain("[!WARNING]");
    expect(L.join("\n")).not.toContain("<details>");
    expect(L.at(-1)).toBe("");
    expect(L.at(-2)).toBe("| A3.14 | 75.0% | 6/8 | 2 | 1 | 1 |  |");
  });

  it("writes question marks for a missing date, runs and seed, and the default command", () => {
    const L = mutationMarkdown({ file: "m", status: "current", claims: [] });
    expect(L[2]).toMatch(/^From `m` \(\?, `npm run mutate`, \? runs per mutant, seed \?\): /);
    expect(L.some((l) => l.startsWith("**Overall"))).toBe(false);
  });
});

describe("mutationHtml", () => {
  it("renders nothing without data", () => {
    expect(mutationHtml(undefined, esc)).toBe("");
    expect(mutationHtml({ file: "m", status: "absent", claims: [] }, esc)).toBe("");
  });

  it("says an unreadable file is unreadable, escaped, with no table", () => {
    expect(mutationHtml({ file: "a<b>.json", status: "invalid", problem: "is <bad>", claims: [] }, esc)).toBe('<h2>Mutation score</h2><p class="meta" id="mutation-status" data-status="invalid"><code>a&lt;b&gt;.json</code> is &lt;bad&gt;; no mutation score is shown.</p>');
    expect(mutationHtml({ file: "m", status: "invalid", claims: [] }, esc)).toContain("<code>m</code> is unreadable; no mutation score is shown.");
  });

  it("states status and overall score, a row per claim, the unchecked statements and the survivors, all escaped", () => {
    const h = mutationHtml(mixed(), esc);
    expect(h).toContain('<p class="meta" id="mutation-status" data-status="stale">From <code>out/mutation.json</code> (2026-11-29T01:02:03.000Z, partly stale): ');
    expect(h).toContain(" Overall: <strong>75.0%</strong> (12 of 16; 2 survived, 2 equivalent?, 4 discarded).</p>");
    expect(h).toContain('<tr data-id="A3.2" data-status="current"><td>A3.2</td><td>75.0%</td><td>6/8</td><td>2</td><td>1</td><td>1</td><td><code title="no &lt;runtime&gt;">phi_aux</code></td></tr>');
    expect(h).toContain('<tr data-id="A3.14" data-status="stale"><td>A3.14</td><td>stale</td><td colspan="5">`Sym.part_p2` is a proved statement now but was not mutated; `Sym.x|y` is no longer a proved statement of the claim</td></tr>');
    expect(h).toContain('<details><summary>1 survivors (not killed, not discarded)</summary><ul id="mutation-survivors"><li>A3.2 <code>phi_act</code> [swap-operands, survived] `a | b` → `b | a`: budget &lt;spent&gt;<br><code>W * K = K * W</code></li></ul></details>');
    expect(h.endsWith("</details>")).toBe(true);
  });

  it("labels a current file current, and has no survivors list when nothing survived", () => {
    const h = mutationHtml(mutationView(report.claims, file(), "m"), esc);
    expect(h).toContain('data-status="current">From <code>m</code> (2026-11-29T01:02:03.000Z, current): ');
    expect(h).not.toContain("<details>");
    expect(h.endsWith("</tbody></table>")).toBe(true);
  });

  it("leaves out the overall sentence without a tally and writes a question mark for a missing date", () => {
    const h = mutationHtml({ file: "m", status: "current", claims: [] }, esc);
    expect(h).toContain("(?, current)");
    expect(h).not.toContain("Overall:");
  });
});
