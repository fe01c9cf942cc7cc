/**
 * `out/report.md`: GitHub-flavoured Markdown with a summary, one table per paper section, a
 * Mermaid dependency graph coloured by verdict, the outcomes of conjectures in plain words and a
 * detail block per claim. Deterministic for a given report.
 */
import { mutationMarkdown } from "./mutation.js";
import { VERDICTS } from "../spec/load.js";
import type { ClaimReport, DeclarationEvidence, PartReport, Report } from "./types.js";
import { MIN_PREMISE_RUNS, premisesHeld, weak } from "./verdict.js";
import { VERDICT_COLOR, VERDICT_MARK, VERDICT_MEANING } from "./style.js";
import type { NumericRecord } from "../runner/types.js";

/** Escapes text for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function code(s: string): string {
  const ticks = s.includes("`") ? "``" : "`";
  return `${ticks}${ticks.length > 1 ? " " : ""}${s}${ticks.length > 1 ? " " : ""}${ticks}`;
}

/** Link target of a Lean declaration, relative to `out/report.md`. */
export function sourceLink(d: DeclarationEvidence, base = "../"): string | undefined {
  if (!d.file || !d.line) return undefined;
  const end = d.endLine && d.endLine > d.line ? `-L${d.endLine}` : "";
  return `${base}${d.file}#L${d.line}${end}`;
}

export function anchor(id: string): string {
  return `claim-${id.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

function mermaidId(id: string): string {
  return `c_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
}

function verdictClass(v: string): string {
  return `v_${v.replace(/-/g, "_")}`;
}

function formalCell(c: ClaimReport): string {
  if (c.declarations.length === 0) return "—";
  const ok = c.declarations.filter((d) => d.ok).length;
  return `${ok}/${c.declarations.length} clean`;
}

export function numericCell(c: ClaimReport): string {
  const n = c.numeric;
  if (n.records.length === 0) return "—";
  if (n.status === "none") return `${n.records.length} unsupported`;
  return `${n.status}, ${n.runs} runs${n.weak > 0 && n.status !== "weak" ? `, ${n.weak} weak` : ""}`;
}

export const PART_MARK: Record<PartReport["status"], string> = {
  proved: "✅",
  defined: "📘",
  refuted: "❌",
  conditional: "🔶",
  supported: "🔬",
  open: "⭕",
};

/** "2 of 3 parts formal", or "—" for a claim of one implicit part. */
export function partsCell(c: ClaimReport): string {
  if (c.parts.length === 0 || c.parts[0]!.implicit) return "—";
  const formal = c.parts.filter((p) => p.status === "proved" || p.status === "defined" || p.status === "refuted" || p.status === "conditional").length;
  return `${formal}/${c.parts.length} formal`;
}

/** One line per part: status, text, what carries it. */
export function partLine(p: PartReport): string {
  const established = p.status === "proved" || p.status === "defined" || p.status === "refuted" || p.status === "conditional";
  const formal = established ? "formal" : p.formal ? "a step is kernel-checked, the part is not" : "no Lean proof";
  const numeric = p.numeric === "none" ? "no numeric check" : p.numeric === "weak" ? "weak numeric evidence only" : `numeric ${p.numeric}`;
  return `${p.status}: ${p.text} (${formal}; ${numeric})${p.reasons.length ? ` — ${p.reasons.join("; ")}` : ""}${p.note ? ` ${p.note}` : ""}`;
}

/** For a partial claim: which parts are formal, numeric-only and open, in words. */
export function partsSummary(c: ClaimReport): string {
  if (c.parts.length === 0 || c.parts[0]!.implicit) return "";
  const group = (ss: PartReport["status"][]): string =>
    c.parts
      .filter((p) => ss.includes(p.status))
      .map((p) => `"${p.text}"`)
      .join(", ");
  return [
    group(["proved", "defined", "refuted", "conditional"]) && `formal: ${group(["proved", "defined", "refuted", "conditional"])}`,
    group(["supported"]) && `numeric only: ${group(["supported"])}`,
    group(["open"]) && `open: ${group(["open"])}`,
  ]
    .filter(Boolean)
    .join("; ");
}

export function numericLine(r: NumericRecord): string {
  const parts = [`${weak(r) ? "weak" : r.status}`, `${r.mode}`, `${r.runs} runs`, `premises held in ${premisesHeld(r)}`, `${r.skips} skipped`, `seed ${r.seed}`];
  if (r.coverage === "exhaustive") parts.push("exhaustive (closed statement)");
  if (r.interrupted) parts.push("stopped at its time limit");
  if (weak(r)) parts.push(`weak: premises held in fewer than ${MIN_PREMISE_RUNS} runs, not counted as passed`);
  if (r.discardRate !== undefined) parts.push(`discard rate ${(r.discardRate * 100).toFixed(1)}%`);
  if (r.inconclusiveRuns) parts.push(`${r.inconclusiveRuns} runs inconclusive (no ∃-witness found: no evidence either way)`);
  if (r.recheck === "exact") parts.push("counterexample re-checked exactly over ℚ");
  if (r.recheck === "precise") parts.push("float counterexample confirmed with 60-digit decimals (not exact over ℚ)");
  if (r.recheck === "float-only") parts.push("potential: a float counterexample that 60-digit decimals do not confirm, not evidence");
  if (r.recheck === "failed") parts.push("harness error: the counterexample did not re-check, not evidence");
  if (r.search) parts.push(`search: ${r.search}`);
  if (r.path) parts.push(`path ${r.path}`);
  if (r.mode === "float") parts.push(`max residual ${r.maxResidual.toExponential(2)}${r.tolerance !== undefined ? ` (tolerance ${r.tolerance})` : ""}`);
  if (r.handWritten) parts.push("hand-written property");
  let s = `- ${code(r.declaration)}: ${parts.join(", ")}`;
  if (r.counterexample !== undefined) s += `\n  - counterexample${r.shrinks !== undefined ? ` (after ${r.shrinks} shrinks)` : ""}: ${code(JSON.stringify(r.counterexample))}`;
  if (r.message) s += `\n  - message: ${cell(r.message)}`;
  return s;
}

/** `theorem Sym.name binders : type`, as the declaration reads (the statement is the header after the name). */
export function leanHeader(d: DeclarationEvidence): string {
  return `${d.kind ?? "theorem"} ${d.name} ${d.statement ?? ""}`.trimEnd();
}

/**
 * The registry's note, labelled as the expected outcome when this run did not establish it
 * (a note says what our analysis finds; a failing claim has not shown it).
 */
export function noteText(c: ClaimReport): string {
  if (!c.note) return "";
  const unestablished = (c.verdict === "failing" && c.expected !== "failing") || c.verdict === "conflict" || !c.asExpected;
  return unestablished ? `Expected outcome, not established by this run: ${c.note}` : c.note;
}

/** Claims whose outcome a reader needs in words: conjectures, false claims, claims with a note, anything short of a proof. */
export function plainWordsClaims(report: Report): ClaimReport[] {
  return report.claims.filter(
    (c) =>
      c.kind === "conjecture" ||
      c.truth === "false" ||
      c.note !== undefined ||
      ["partial", "refuted", "suspect", "conditional", "supported", "out-of-scope", "conflict"].includes(c.verdict) ||
      (c.verdict !== "failing" && c.parts.some((p) => p.status === "open" || p.status === "supported")),
  );
}

/** The outcome for the plain-words list: a partial claim also names its parts by status; weak-only numeric evidence is said. */
export function plainOutcome(c: ClaimReport): string {
  const weakOnly = c.numeric.status === "weak" ? ` Its only numeric evidence is weak (premises held in fewer than ${MIN_PREMISE_RUNS} runs).` : "";
  return `${c.outcome}${weakOnly && !c.outcome.includes("weak") ? weakOnly : ""}`;
}

/** Declarations whose statement hash is not pinned (REP005), listed once. */
export function unpinnedNames(report: Report): string[] {
  return [...new Set(report.claims.flatMap((c) => c.declarations.filter((d) => d.fingerprint === "unpinned").map((d) => d.name)))];
}

export function renderMarkdown(report: Report): string {
  const L: string[] = [];
  L.push("<!-- DO NOT EDIT: generated by src/report/markdown.ts (npm run report) from spec/claims.json, out/proofs.json and out/numeric.json -->");
  L.push("");
  L.push("# Verification report");
  L.push("");
  if (!report.complete) {
    L.push("> [!WARNING]");
    L.push("> **No report: an input is missing.** Nothing below is a verdict.");
    for (const m of report.missing) L.push(`> - \`${m.file}\` is missing: run \`${m.command}\` (the ${m.stage} stage), or \`npm run verify\` for the whole pipeline.`);
    L.push("");
    return L.join("\n");
  }
  const s = report.summary;
  L.push(`Generated ${report.generatedAt}${report.toolchain ? ` with Lean ${report.toolchain.leanVersion} (${report.toolchain.kind}, ${report.toolchain.package})` : ""}.`);
  L.push(`Inputs: \`${report.inputs.registry}\`, \`${report.inputs.proofs.file}\` (${report.inputs.proofs.generatedAt ?? "?"}), \`${report.inputs.numeric.file}\` (${report.inputs.numeric.generatedAt ?? "?"}).`);
  if (report.only) L.push(`Narrowed to: ${report.only.join(", ")}.`);
  L.push("");
  L.push(
    s.ok
      ? `**All ${s.claims} claims have their expected verdict**; no conflict, no cross-check mismatch, no changed statement.`
      : `**Not all is well:** ${[
          s.unexpected.length ? `${s.unexpected.length} unexpected verdict(s) (${s.unexpected.join(", ")})` : "",
          s.conflicts.length ? `${s.conflicts.length} conflict(s) (${s.conflicts.join(", ")})` : "",
          s.mismatches ? `${s.mismatches} cross-check mismatch(es)` : "",
          s.fingerprintChanges ? `${s.fingerprintChanges} changed statement(s)` : "",
        ]
          .filter(Boolean)
          .join("; ")}.`,
  );
  L.push("");
  L.push("## Summary");
  L.push("");
  L.push("| verdict | claims | meaning |");
  L.push("|---|---:|---|");
  for (const v of VERDICTS) L.push(`| ${VERDICT_MARK[v]} ${v} | ${s.verdicts[v]} | ${VERDICT_MEANING[v]} |`);
  L.push(`| **total** | **${s.claims}** | ${s.asExpected} as expected |`);
  L.push("");
  L.push("The verdict rules are in [docs/verdicts.md](../docs/verdicts.md).");
  L.push("");

  const unexpected = report.claims.filter((c) => !c.asExpected);
  if (unexpected.length > 0) {
    L.push("## Unexpected verdicts");
    L.push("");
    for (const c of unexpected) L.push(`- [${c.id}](#${anchor(c.id)}): ${VERDICT_MARK[c.verdict]} ${c.verdict}, expected ${c.expected}: ${cell(c.reasons.join("; "))}`);
    L.push("");
  }

  if (report.mismatches.length > 0) {
    L.push("## Cross-check mismatches and statement fingerprints");
    L.push("");
    for (const m of report.mismatches.filter((x) => x.code !== "REP005" || x.entry === undefined)) L.push(`- ${m.severity === "error" ? "**error**" : "warning"} ${m.code} at \`${m.range.file}:${m.range.line}:${m.range.column}\`: ${cell(m.message)}`);
    const unpinned = unpinnedNames(report);
    if (unpinned.length > 0) L.push(`- warning REP005: ${unpinned.length} statement${unpinned.length === 1 ? " is" : "s are"} not pinned yet (${unpinned.map(code).join(", ")}); pin with \`npm run report -- --pin\` after checking them`);
    L.push("");
  }

  L.push(...mutationMarkdown(report.mutation));

  L.push("## Dependency graph");
  L.push("");
  L.push("An arrow from A to B means B depends on A. Colours follow the verdict.");
  L.push("");
  L.push("```mermaid");
  L.push("graph LR");
  const ids = new Set(report.claims.map((c) => c.id));
  for (const c of report.claims) L.push(`  ${mermaidId(c.id)}["${c.id}"]:::${verdictClass(c.verdict)}`);
  for (const c of report.claims) for (const d of c.dependsOn) if (ids.has(d)) L.push(`  ${mermaidId(d)} --> ${mermaidId(c.id)}`);
  for (const v of VERDICTS) L.push(`  classDef ${verdictClass(v)} fill:${VERDICT_COLOR[v].fill},color:${VERDICT_COLOR[v].text},stroke:#333`);
  L.push("```");
  L.push("");

  for (const sec of report.sections) {
    const rows = report.claims.filter((c) => c.section === sec.id);
    if (rows.length === 0) continue;
    L.push(`## ${sec.id} ${sec.title}`);
    L.push("");
    L.push("| id | claim | kind | verdict | expected | parts | Lean | numeric |");
    L.push("|---|---|---|---|---|---|---|---|");
    for (const c of rows) {
      const exp = c.asExpected ? "✓" : `**${c.expected}** ✗`;
      L.push(`| [${c.id}](#${anchor(c.id)}) | ${cell(c.title)} | ${c.kind} | ${VERDICT_MARK[c.verdict]} ${c.verdict} | ${exp} | ${partsCell(c)} | ${formalCell(c)} | ${cell(numericCell(c))} |`);
    }
    L.push("");
  }

  const plain = plainWordsClaims(report);
  if (plain.length > 0) {
    L.push("## Conjectures, refutations and open points in plain words");
    L.push("");
    for (const c of plain) L.push(`- **${c.id}** (${c.title}): ${cell(plainOutcome(c))}${c.note && !c.outcome.includes(c.note) ? ` ${cell(noteText(c))}` : ""}`);
    L.push("");
  }

  L.push("## Claims in detail");
  L.push("");
  for (const c of report.claims) {
    L.push(`### ${c.id}: ${c.title}`);
    L.push(`<a id="${anchor(c.id)}"></a>`);
    L.push("");
    L.push(`*${c.kind}, section ${c.section}; true as stated: ${c.truth}${c.dependsOn.length ? `; depends on ${c.dependsOn.map((d) => `[${d}](#${anchor(d)})`).join(", ")}` : ""}.*`);
    L.push("");
    L.push(c.paraphrase);
    L.push("");
    L.push(`**Verdict: ${VERDICT_MARK[c.verdict]} ${c.verdict}**${c.asExpected ? "" : ` (expected **${c.expected}**)`}. ${c.outcome}`);
    L.push("");
    if (c.note && !c.outcome.includes(c.note)) L.push(`> ${noteText(c)}`), L.push("");
    if (c.parts.length > 0 && !c.parts[0]!.implicit) {
      L.push("Parts:");
      L.push("");
      for (const p of c.parts) L.push(`- ${PART_MARK[p.status]} ${cell(partLine(p))}`);
      L.push("");
    }
    if (c.evidence) L.push(`Evidence sought: ${c.evidence}`), L.push("");
    if (c.declarations.length > 0) {
      L.push("Lean:");
      L.push("");
      for (const d of c.declarations) {
        const link = sourceLink(d);
        const where = link ? ` [${d.file}:${d.line}](${link})` : "";
        const fp = d.hash ? `, fingerprint \`${d.hash}\`${d.fingerprint === "changed" ? ` **changed** (pinned \`${d.pinnedHash}\`)` : d.fingerprint === "unpinned" ? " (not pinned)" : ""}` : "";
        L.push(`- ${code(d.name)} (${d.role}${d.kind ? `, ${d.kind}` : ""})${where}${fp}${d.ok ? "" : d.stated ? ": stated, its proof is `sorry`" : `: **${d.problems.join("; ")}**`}`);
        if (d.statement) {
          L.push("");
          L.push("  ```lean");
          for (const line of leanHeader(d).split("\n")) L.push(`  ${line}`);
          L.push("  ```");
          L.push("");
        }
      }
      L.push("");
    }
    if (c.definitions.length > 0) {
      const off = c.definitions.filter((u) => u.fingerprint !== "match");
      L.push(
        `Definitions used (fingerprints in \`spec/fingerprints.json\`): ${c.definitions.length}${off.length === 0 ? ", all pinned and unchanged" : `; ${off.map((u) => `${code(u.name)} **${u.fingerprint}** (via ${u.chain.map(code).join(" → ")})`).join("; ")}`}.`,
      );
      L.push("");
    }
    if (c.numeric.records.length > 0) {
      L.push("Numeric:");
      L.push("");
      for (const r of c.numeric.records) L.push(numericLine(r));
      L.push("");
    }
    L.push("Reasons: " + c.reasons.map(cell).join("; ") + ".");
    L.push("");
  }
  return L.join("\n");
}
