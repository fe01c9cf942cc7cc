/**
 * The verdict rules (written down in `docs/verdicts.md`): one verdict per claim from its formal
 * evidence (registry declarations as found in `out/proofs.json`) and its numeric evidence
 * (`out/numeric.json` records). Pure: no I/O, no clock.
 */
import type { NumericRecord } from "../runner/types.js";
import type { Claim, Verdict } from "../spec/types.js";
import type { DeclarationEvidence, NumericEvidence } from "./types.js";

export interface VerdictInput {
  claim: Pick<Claim, "id" | "truth" | "note">;
  declarations: DeclarationEvidence[];
  /** Every numeric record of the claim (matched to declarations by name). */
  numeric: NumericRecord[];
}

export interface VerdictResult {
  verdict: Verdict;
  reasons: string[];
  outcome: string;
  numeric: NumericEvidence;
}

const runsText = (recs: NumericRecord[]): string => {
  const runs = recs.reduce((s, r) => s + r.runs, 0);
  const skips = recs.reduce((s, r) => s + r.skips, 0);
  const seeds = [...new Set(recs.map((r) => r.seed))];
  return `${runs} run${runs === 1 ? "" : "s"}${skips > 0 ? ` (${skips} discarded)` : ""}, seed${seeds.length === 1 ? "" : "s"} ${seeds.join(", ")}`;
};

const names = (ds: DeclarationEvidence[]): string => ds.map((d) => `\`${d.name}\``).join(", ");

/** A passing record with at least one run whose premises held (all-discarded runs prove nothing). */
export function passed(r: NumericRecord): boolean {
  return r.status === "passed" && r.runs - r.skips > 0;
}

/**
 * The registry declaration a record belongs to: the one it names, or, for a hypothesis that is a
 * structure, the structure whose field it checks (`Sym.H.field` belongs to `Sym.H`).
 */
export function ownerOfRecord(r: NumericRecord, declarations: readonly DeclarationEvidence[]): DeclarationEvidence | undefined {
  return declarations.find((d) => d.name === r.declaration) ?? declarations.find((d) => d.role === "hypothesis" && r.declaration.startsWith(`${d.name}.`));
}

/** Summarizes a claim's numeric records (unsupported records do not count as evidence). */
export function summarizeNumeric(records: NumericRecord[]): NumericEvidence {
  const runs = records.reduce((s, r) => s + r.runs, 0);
  const status = records.some((r) => r.status === "counterexample")
    ? "counterexample"
    : records.some((r) => r.status === "error")
      ? "error"
      : records.some(passed)
        ? "passed"
        : "none";
  return { status, runs, records };
}

/** Applies the rules in order; the first that fires decides. */
export function decideVerdict(input: VerdictInput): VerdictResult {
  const { claim, declarations } = input;
  // Records on definitions, and on declarations marked `"numeric": false`, are shown but never
  // decide: a predicate false for some inputs says nothing about the claim.
  const ownerOf = (r: NumericRecord): DeclarationEvidence | undefined => ownerOfRecord(r, declarations);
  const relevant = input.numeric.filter((r) => ownerOf(r)?.numericCounts !== false);
  const numeric = { ...summarizeNumeric(relevant), records: input.numeric };
  const byDecl = new Map<string, NumericRecord[]>();
  for (const r of relevant) {
    const owner = ownerOf(r)?.name ?? r.declaration;
    byDecl.set(owner, [...(byDecl.get(owner) ?? []), r]);
  }
  const recsOf = (d: DeclarationEvidence): NumericRecord[] => byDecl.get(d.name) ?? [];
  /** Records on the literal claim: on statement declarations, or on names the registry does not list. */
  const literal = relevant.filter((r) => {
    const owner = ownerOf(r);
    return owner === undefined || owner.role === "statement";
  });
  const done = (verdict: Verdict, reasons: string[], outcome: string): VerdictResult => ({ verdict, reasons, outcome, numeric });

  // 1. out-of-scope
  if (claim.truth === "informal") {
    return done("out-of-scope", [`the claim is informal: ${claim.note ?? "no checkable statement"}`], `Out of scope: ${claim.note ?? "the claim is informal."}`);
  }

  // 2. failing: missing or broken formal evidence
  const broken = declarations.filter((d) => !d.ok);
  if (broken.length > 0) {
    // Declarations that share the same problems are listed together.
    const groups = new Map<string, DeclarationEvidence[]>();
    for (const d of broken) {
      const key = d.found ? d.problems.join("; ") : "";
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    const reasons = [...groups].map(([problems, ds]) => {
      const who = ds.map((d) => `\`${d.name}\` (${d.role})`).join(", ");
      return problems === "" ? `${who} ${ds.length === 1 ? "is" : "are"} missing from out/proofs.json` : `${who}: ${problems}`;
    });
    return done("failing", reasons, `Not established: ${reasons.join("; ")}.`);
  }

  const theorems = (role: DeclarationEvidence["role"]): DeclarationEvidence[] => declarations.filter((d) => d.role === role && d.isTheorem);
  const statements = theorems("statement");
  const refutations = theorems("refutation");
  const conditionals = theorems("conditional");
  const hypotheses = declarations.filter((d) => d.role === "hypothesis");

  // 3. conflict: a kernel-checked theorem with a numeric counterexample, or a refutation whose
  //    counterexample the numeric search cannot find
  const contradicted = declarations.filter((d) => d.isTheorem && d.role !== "hypothesis" && recsOf(d).some((r) => r.status === "counterexample"));
  if (contradicted.length > 0) {
    const reasons = contradicted.map((d) => {
      const r = recsOf(d).find((x) => x.status === "counterexample")!;
      return `\`${d.name}\` is proved in Lean but the numeric check found a counterexample (seed ${r.seed}${r.path ? `, path ${r.path}` : ""})`;
    });
    return done("conflict", reasons, `Formal and numeric evidence disagree: ${reasons.join("; ")}. One of them is wrong; the claim is not judged until this is resolved.`);
  }
  const literalCex = literal.filter((r) => r.status === "counterexample");
  if (statements.length > 0 && literalCex.length > 0) {
    const r = literalCex[0]!;
    const reason = `the statement is proved in Lean (${names(statements)}) but the numeric check of \`${r.declaration}\` found a counterexample (seed ${r.seed}${r.path ? `, path ${r.path}` : ""})`;
    return done("conflict", [reason], `Formal and numeric evidence disagree: ${reason}.`);
  }
  const refutationConfirmed = refutations.flatMap((d) => recsOf(d).filter(passed));
  const cexEvidence = [...literalCex, ...refutationConfirmed];
  if (refutations.length > 0 && cexEvidence.length === 0 && literal.some(passed)) {
    const reason = `the negation is proved in Lean (${names(refutations)}) but the numeric check of the literal statement passed (${runsText(literal.filter(passed))}) without finding a counterexample`;
    return done("conflict", [reason], `Formal and numeric evidence disagree: ${reason}.`);
  }

  // 4. failing: numeric errors, required numeric evidence missing
  const errors = relevant.filter((r) => r.status === "error");
  if (errors.length > 0) {
    const reasons = errors.map((r) => `numeric check of \`${r.declaration}\` failed with an error: ${r.message ?? "no message"}`);
    return done("failing", reasons, `Not established: ${reasons.join("; ")}.`);
  }
  const lacking = declarations.filter((d) => d.numericRequired && !recsOf(d).some((r) => passed(r) || r.status === "counterexample"));
  if (lacking.length > 0) {
    const reasons = lacking.map((d) => {
      const u = recsOf(d).find((r) => r.status === "unsupported");
      return u ? `numeric evidence for \`${d.name}\` is required but the harness cannot evaluate it: ${u.message ?? "unsupported"}` : `numeric evidence for \`${d.name}\` is required but out/numeric.json has none`;
    });
    return done("failing", reasons, `Not established: ${reasons.join("; ")}.`);
  }

  const numericWords = (recs: NumericRecord[]): string => {
    const ok = recs.filter(passed);
    return ok.length > 0 ? `the numeric check passed (${runsText(ok)})` : "no numeric check applies";
  };

  // 5. proved
  if (statements.length > 0) {
    const reasons = [`statement ${names(statements)} is kernel-checked with no sorry in it or its imports and no forbidden construct`, numericWords(relevant)];
    return done("proved", reasons, `Proved in Lean (${names(statements)}); ${numericWords(relevant)}.`);
  }

  // 6. refuted
  if (refutations.length > 0) {
    if (cexEvidence.length > 0) {
      const how = literalCex.length > 0 ? `the numeric check found a counterexample to the literal statement (${runsText(literalCex)})` : `the numeric check confirms the refuting statement (${runsText(refutationConfirmed)})`;
      const reasons = [`the negation of the literal statement is proved in Lean (${names(refutations)})`, how];
      return done("refuted", reasons, `The literal statement is false: Lean proves its negation (${names(refutations)}) and ${how}.${claim.note ? ` ${claim.note}` : ""}`);
    }
    const reason = `the negation is proved in Lean (${names(refutations)}) but out/numeric.json holds no numeric counterexample`;
    return done("failing", [reason], `Not established: ${reason}.`);
  }

  // 7. suspect
  if (literalCex.length > 0) {
    const r = literalCex[0]!;
    const reason = `the numeric check found a counterexample (seed ${r.seed}${r.path ? `, path ${r.path}` : ""}) and no Lean refutation exists`;
    return done("suspect", [reason], `Probably false: ${reason}.${claim.note ? ` ${claim.note}` : ""}`);
  }

  // 8. conditional
  if (conditionals.length > 0) {
    if (hypotheses.length === 0) {
      const reason = `the conditional proof ${names(conditionals)} names no hypothesis declarations in the registry`;
      return done("failing", [reason], `Not established: ${reason}.`);
    }
    const bad: string[] = [];
    for (const h of hypotheses) {
      const recs = recsOf(h);
      if (recs.some((r) => r.status === "counterexample")) bad.push(`hypothesis \`${h.name}\` is false numerically, so the conditional proof says nothing`);
      else if (!recs.some(passed)) bad.push(`hypothesis \`${h.name}\` has no numeric evidence`);
    }
    if (bad.length > 0) return done("failing", bad, `Not established: ${bad.join("; ")}.`);
    const hyp = hypotheses.map((h) => `\`${h.name}\` (${runsText(recsOf(h))})`).join(", ");
    const reasons = [`proved in Lean (${names(conditionals)}) from the hypotheses ${names(hypotheses)}`, `each hypothesis passed its numeric check: ${hyp}`];
    return done(
      "conditional",
      reasons,
      `Proved in Lean assuming ${names(hypotheses)}; those hypotheses are not proved, only checked numerically (${hyp}).${claim.note ? ` ${claim.note}` : ""}`,
    );
  }

  // 9. definition
  if (claim.truth === "definition") {
    const defs = declarations.filter((d) => d.role === "definition");
    if (defs.length === 0) {
      const reason = "no Lean definition is named for this claim";
      return done("failing", [reason], `Not established: ${reason}.`);
    }
    return done("definition", [`defined in Lean (${names(defs)}), building cleanly`], `A definition, formalized as ${names(defs)}.`);
  }

  // 10. supported
  // A hypothesis's record checks the hypothesis, not the claim: it supports nothing by itself.
  const support = relevant.filter((r) => passed(r) && ownerOf(r)?.role !== "hypothesis");
  if (support.length > 0) {
    const reason = `numeric evidence only: ${runsText(support)} found no counterexample`;
    return done("supported", [reason, "no Lean proof of the statement"], `Not proved. Supported by numeric evidence only: ${runsText(support)} found no counterexample.${claim.note ? ` ${claim.note}` : ""}`);
  }

  // 11. nothing carries the claim
  const reason = "no evidence: no proved statement, no refutation, no conditional proof and no numeric check";
  return done("failing", [reason], `Not established: ${reason}.`);
}
