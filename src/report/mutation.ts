/**
 * The mutation score in the report: `out/mutation.json` (written by `npm run mutate`) joined with
 * the report's claims. Scores are shown only for claims whose mutated statements are exactly the
 * current ones (same statement fingerprints, same set of proved statements); anything else is
 * labelled stale and its numbers are not shown as current. Pure: the file's content comes in.
 */
import type { MutationFile } from "../mutate/types.js";
import type { ClaimReport, MutationClaimView, MutationView } from "./types.js";

/** The registry's proved statements of a claim, as the report found them (what `npm run mutate` mutates). */
export function provedStatementsOf(c: ClaimReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of c.declarations) if (d.role === "statement" && d.ok && d.isTheorem && d.hash) out.set(d.name, d.hash);
  return out;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Why a parsed `out/mutation.json` cannot be used, or undefined. */
export function mutationFileProblem(x: unknown): string | undefined {
  if (!isObj(x)) return "must be a JSON object";
  if (x["format"] !== 1) return `has format ${String(x["format"])}, expected 1 (rerun \`npm run mutate\`)`;
  for (const k of ["claims", "declarations"]) if (!Array.isArray(x[k])) return `has no "${k}" array`;
  if (!isObj(x["overall"])) return `has no "overall" tally`;
  return undefined;
}

/**
 * The mutation section of the report. `file` undefined: no `out/mutation.json`; a string: the
 * file is unusable (why).
 */
export function mutationView(claims: readonly ClaimReport[], file: MutationFile | string | undefined, fileName: string): MutationView {
  if (file === undefined) return { file: fileName, status: "absent", claims: [] };
  if (typeof file === "string") return { file: fileName, status: "invalid", problem: file, claims: [] };
  const byDecl = new Map(file.declarations.map((d) => [d.declaration, d]));
  const views: MutationClaimView[] = [];
  for (const c of claims) {
    const fc = file.claims.find((x) => x.id === c.id);
    const proved = provedStatementsOf(c);
    if (!fc) {
      if (proved.size > 0 && (file.only === null || file.only === c.id)) views.push({ id: c.id, status: "stale", why: [`its proved statements (${[...proved.keys()].map((n) => `\`${n}\``).join(", ")}) were not mutated`] });
      continue;
    }
    const why: string[] = [];
    const covered = new Set([...fc.declarations, ...fc.unchecked.map((u) => u.declaration)]);
    for (const [name, hash] of proved) {
      if (!covered.has(name)) why.push(`\`${name}\` is a proved statement now but was not mutated`);
      const d = byDecl.get(name);
      if (d && d.statementHash !== hash) why.push(`the statement of \`${name}\` changed (mutated ${d.statementHash}, now ${hash})`);
    }
    for (const name of fc.declarations) if (!proved.has(name)) why.push(`\`${name}\` is no longer a proved statement of the claim`);
    if (why.length > 0) {
      views.push({ id: c.id, status: "stale", why });
      continue;
    }
    views.push({
      id: c.id,
      status: "current",
      score: fc.score,
      mutants: fc.mutants,
      killed: fc.killed,
      discarded: fc.discarded,
      survived: fc.survived,
      equivalent: fc["equivalent?"],
      unchecked: fc.unchecked,
      survivors: fc.survivors.map((s) => ({ declaration: s.declaration, operator: s.operator, statement: s.statement, description: s.description, class: s.class, why: s.why })),
    });
  }
  const stale = views.filter((v) => v.status === "stale").length;
  const current = views.filter((v): v is MutationClaimView & { status: "current" } => v.status === "current");
  const sum = (k: "mutants" | "killed" | "discarded" | "survived" | "equivalent"): number => current.reduce((s, v) => s + (v[k] ?? 0), 0);
  const live = sum("mutants") - sum("discarded");
  return {
    file: fileName,
    status: stale > 0 ? "stale" : "current",
    generatedAt: file.generatedAt,
    command: file.command,
    budget: { runs: file.runs, seed: file.seed, timeLimitMs: file.timeLimitMs },
    // Over the claims shown as current only (a statement in two claims counts in both).
    // The file's own tally (each statement once) when every claim is current; otherwise over the
    // claims shown as current (a statement listed by two claims then counts in both).
    overall:
      stale === 0
        ? { mutants: file.overall.mutants, killed: file.overall.killed, discarded: file.overall.discarded, survived: file.overall.survived, equivalent: file.overall["equivalent?"], score: file.overall.score }
        : { mutants: sum("mutants"), killed: sum("killed"), discarded: sum("discarded"), survived: sum("survived"), equivalent: sum("equivalent"), score: live > 0 ? sum("killed") / live : null },
    claims: views,
  };
}

/** `87.5%`, or `–` when nothing was left to kill. */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? "–" : `${(100 * score).toFixed(1)}%`;
}

const STATUS_TEXT: Record<MutationView["status"], string> = {
  absent: "",
  invalid: "unreadable",
  stale: "partly stale",
  current: "current",
};

/** The Markdown section (lines), or nothing when there is no mutation data. */
export function mutationMarkdown(v: MutationView | undefined): string[] {
  if (!v || v.status === "absent") return [];
  const L: string[] = ["## Mutation score", ""];
  if (v.status === "invalid") {
    L.push(`\`${v.file}\` ${v.problem ?? "is unreadable"}; no mutation score is shown.`, "");
    return L;
  }
  const o = v.overall;
  L.push(
    `From \`${v.file}\` (${v.generatedAt ?? "?"}, \`${v.command ?? "npm run mutate"}\`, ${v.budget?.runs ?? "?"} runs per mutant, seed ${v.budget?.seed ?? "?"}): false variants of each claim's proved statements, checked by the numeric harness; a mutant is killed only by a counterexample that re-checks (exactly over ℚ, or with 60-digit decimals in float mode). ` +
      `Score = killed / (mutants − discarded); discarded mutants are true: by construction (identity, commutative swap, symmetric transpose, a conclusion equal to a hypothesis, a sign-preserving inverse, implied by the theorem), decided exactly, or proved in Lean by a cheap tactic; "equivalent?" passed and may be true; "survived" could not be decided.`,
  );
  L.push("");
  if (o) L.push(`**Overall (claims shown as current): ${scoreText(o.score)}** — ${o.killed} killed of ${o.mutants - o.discarded} (${o.survived} survived, ${o.equivalent} equivalent?, ${o.discarded} discarded).`, "");
  if (v.status === "stale") L.push(`> [!WARNING]\n> Some claims' statements changed since \`npm run mutate\`: their mutation data is stale and not shown.`, "");
  L.push("| claim | score | killed / live | discarded | survived | equivalent? | statements not run |");
  L.push("|---|---:|---:|---:|---:|---:|---|");
  for (const c of v.claims) {
    if (c.status === "stale") {
      L.push(`| ${c.id} | stale | – | – | – | – | ${(c.why ?? []).join("; ").replace(/\|/g, "\\|")} |`);
      continue;
    }
    const live = (c.mutants ?? 0) - (c.discarded ?? 0);
    L.push(`| ${c.id} | ${scoreText(c.score)} | ${c.killed}/${live} | ${c.discarded} | ${c.survived} | ${c.equivalent} | ${(c.unchecked ?? []).map((u) => `\`${u.declaration.replace(/^Sym\./, "")}\``).join(", ")} |`);
  }
  L.push("");
  const survivors = v.claims.flatMap((c) => (c.status === "current" ? (c.survivors ?? []).map((s) => ({ claim: c.id, ...s })) : []));
  if (survivors.length > 0) {
    L.push(`<details><summary>${survivors.length} survivors (not killed, not discarded)</summary>`, "");
    for (const s of survivors) L.push(`- ${s.claim} \`${s.declaration.replace(/^Sym\./, "")}\` [${s.operator}, ${s.class}] ${s.description.replace(/\|/g, "\\|")}: ${s.why}`);
    L.push("", "</details>", "");
  }
  return L;
}

/** The HTML section, or an empty string when there is no mutation data. */
export function mutationHtml(v: MutationView | undefined, esc: (s: string) => string): string {
  if (!v || v.status === "absent") return "";
  const H: string[] = [`<h2>Mutation score</h2>`];
  if (v.status === "invalid") {
    H.push(`<p class="meta" id="mutation-status" data-status="invalid"><code>${esc(v.file)}</code> ${esc(v.problem ?? "is unreadable")}; no mutation score is shown.</p>`);
    return H.join("");
  }
  const o = v.overall;
  H.push(`<p class="meta" id="mutation-status" data-status="${v.status}">From <code>${esc(v.file)}</code> (${esc(v.generatedAt ?? "?")}, ${STATUS_TEXT[v.status]}): false variants of each claim's proved statements; a mutant is killed only by a counterexample that re-checks exactly. Score = killed / (mutants − discarded).${o ? ` Overall: <strong>${scoreText(o.score)}</strong> (${o.killed} of ${o.mutants - o.discarded}; ${o.survived} survived, ${o.equivalent} equivalent?, ${o.discarded} discarded).` : ""}</p>`);
  H.push(`<table id="mutation"><thead><tr><th>claim</th><th>score</th><th>killed / live</th><th>discarded</th><th>survived</th><th>equivalent?</th><th>statements not run</th></tr></thead><tbody>`);
  for (const c of v.claims) {
    if (c.status === "stale") {
      H.push(`<tr data-id="${esc(c.id)}" data-status="stale"><td>${esc(c.id)}</td><td>stale</td><td colspan="5">${esc((c.why ?? []).join("; "))}</td></tr>`);
      continue;
    }
    const live = (c.mutants ?? 0) - (c.discarded ?? 0);
    H.push(`<tr data-id="${esc(c.id)}" data-status="current"><td>${esc(c.id)}</td><td>${scoreText(c.score)}</td><td>${c.killed}/${live}</td><td>${c.discarded}</td><td>${c.survived}</td><td>${c.equivalent}</td><td>${(c.unchecked ?? []).map((u) => `<code title="${esc(u.reason)}">${esc(u.declaration.replace(/^Sym\./, ""))}</code>`).join(" ")}</td></tr>`);
  }
  H.push(`</tbody></table>`);
  const survivors = v.claims.flatMap((c) => (c.status === "current" ? (c.survivors ?? []).map((s) => ({ claim: c.id, ...s })) : []));
  if (survivors.length > 0) {
    H.push(`<details><summary>${survivors.length} survivors (not killed, not discarded)</summary><ul id="mutation-survivors">`);
    for (const s of survivors) H.push(`<li>${esc(s.claim)} <code>${esc(s.declaration.replace(/^Sym\./, ""))}</code> [${esc(s.operator)}, ${esc(s.class)}] ${esc(s.description)}: ${esc(s.why)}<br><code>${esc(s.statement)}</code></li>`);
    H.push(`</ul></details>`);
  }
  return H.join("");
}
