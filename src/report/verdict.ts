/**
 * The verdict rules (written down in `docs/verdicts.md`): one verdict per claim from its formal
 * evidence (registry declarations as found in `out/proofs.json`) and its numeric evidence
 * (`out/numeric.json` records), decided part by part. Pure: no I/O, no clock.
 */
import type { NumericRecord } from "../runner/types.js";
import type { Claim, ClaimPart, PartStatus, Verdict } from "../spec/types.js";
import type { DeclarationEvidence, NumericEvidence, PartReport } from "./types.js";

export interface VerdictInput {
  claim: Pick<Claim, "id" | "truth" | "note"> & { parts?: ClaimPart[] | undefined };
  declarations: DeclarationEvidence[];
  /** Every numeric record of the claim (matched to declarations by name). */
  numeric: NumericRecord[];
}

export interface VerdictResult {
  verdict: Verdict;
  reasons: string[];
  outcome: string;
  numeric: NumericEvidence;
  parts: PartReport[];
}

/** A sampled record whose premises held in fewer runs than this is weak: shown, never counted as passed. */
export const MIN_PREMISE_RUNS = 1000;

/** Runs whose premises held (older numeric files: runs minus discarded runs). */
export function premisesHeld(r: NumericRecord): number {
  return r.premisesHeld ?? r.runs - r.skips;
}

/** A passing record that sampled too few runs with its premises met (a time-limit stop included). */
export function weak(r: NumericRecord): boolean {
  return r.status === "passed" && r.coverage !== "exhaustive" && premisesHeld(r) < MIN_PREMISE_RUNS;
}

/** A passing record that counts as evidence: premises held often enough, or one exhaustive evaluation. */
export function passed(r: NumericRecord): boolean {
  return r.status === "passed" && premisesHeld(r) > 0 && !weak(r);
}

const runsText = (recs: NumericRecord[]): string => {
  const runs = recs.reduce((s, r) => s + r.runs, 0);
  const held = recs.reduce((s, r) => s + premisesHeld(r), 0);
  const seeds = [...new Set(recs.map((r) => r.seed))];
  const exhaustive = recs.filter((r) => r.coverage === "exhaustive").length;
  return `${runs} run${runs === 1 ? "" : "s"}${held < runs ? ` (premises held in ${held})` : ""}${exhaustive > 0 ? `, ${exhaustive} exhaustive evaluation${exhaustive === 1 ? "" : "s"}` : ""}, seed${seeds.length === 1 ? "" : "s"} ${seeds.join(", ")}`;
};

const weakText = (recs: NumericRecord[]): string =>
  `${recs.length} weak record${recs.length === 1 ? "" : "s"} (premises held in fewer than ${MIN_PREMISE_RUNS.toLocaleString("en")} runs: ${recs.map((r) => `\`${r.declaration}\` ${premisesHeld(r)}${r.interrupted ? ", stopped at its time limit" : ""}`).join("; ")})`;

const names = (ds: DeclarationEvidence[]): string => ds.map((d) => `\`${d.name}\``).join(", ");

/**
 * The registry declaration a record belongs to: the one it names, or, for a hypothesis that is a
 * structure, the structure whose field it checks (`Sym.H.field` belongs to `Sym.H`).
 */
export function ownerOfRecord(r: NumericRecord, declarations: readonly DeclarationEvidence[]): DeclarationEvidence | undefined {
  return declarations.find((d) => d.name === r.declaration) ?? declarations.find((d) => d.role === "hypothesis" && r.declaration.startsWith(`${d.name}.`));
}

/** Summarizes a claim's numeric records (unsupported records do not count as evidence, weak ones are apart). */
export function summarizeNumeric(records: NumericRecord[]): NumericEvidence {
  const runs = records.reduce((s, r) => s + r.runs, 0);
  const status = records.some((r) => r.status === "counterexample")
    ? "counterexample"
    : records.some((r) => r.status === "error" || r.status === "harness-error")
      ? "error"
      : records.some(passed)
        ? "passed"
        : records.some(weak)
          ? "weak"
          : "none";
  return { status, runs, weak: records.filter(weak).length, records };
}

/** The last component of a Lean name. */
const localName = (name: string): string => name.slice(name.lastIndexOf(".") + 1);

/**
 * The conclusion of a Lean header as the scanner records it (binders, then `: type`): the text
 * after the last `:` outside brackets, trimmed.
 */
export function conclusionOf(statement: string): string {
  let depth = 0;
  let colon = -1;
  for (let i = 0; i < statement.length; i++) {
    const c = statement[i]!;
    if (c === "(" || c === "[" || c === "{" || c === "⦃" || c === "⟨") depth++;
    else if (c === ")" || c === "]" || c === "}" || c === "⦄" || c === "⟩") depth = Math.max(0, depth - 1);
    else if (c === ":" && depth === 0 && statement[i + 1] !== "=") colon = i;
  }
  return statement.slice(colon + 1).trim();
}

/** Splits a proposition at its top-level conjunctions (`A ∧ B ∧ C` gives `A`, `B`, `C`). */
function conjuncts(prop: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prop.length; i++) {
    const c = prop[i]!;
    if ("([{⦃⟨".includes(c)) depth++;
    else if (")]}⦄⟩".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === "∧") {
      out.push(prop.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(prop.slice(start).trim());
  return out;
}

/** Whether one conjunct is `prop` applied to arguments, with no connective outside brackets. */
function isApplicationOf(conjunct: string, prop: string): boolean {
  const head = /^@?((?:[\p{L}_][\p{L}\p{N}_'!?]*\.)*[\p{L}_][\p{L}\p{N}_'!?]*)/u.exec(conjunct)?.[1];
  if (head === undefined) return false;
  let depth = 0;
  for (let i = 0; i < conjunct.length; i++) {
    const c = conjunct[i]!;
    if ("([{⦃⟨".includes(c)) depth++;
    else if (")]}⦄⟩".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ("→↔∨≠=".includes(c) || conjunct.startsWith("->", i))) return false;
  }
  return head === prop || prop.endsWith(`.${head}`) || head.endsWith(`.${localName(prop)}`) || head === localName(prop);
}

/**
 * Whether a declaration's conclusion is the proposition `prop` applied to arguments, alone or as
 * one conjunct of a top-level conjunction, qualified or not (`SigmoidLike (softsignSigmoid : α → α)`
 * and `HypA ∧ HypB` conclude `Sym.SigmoidLike` and `Sym.HypB`; `¬ SigmoidLike σ` and
 * `SigmoidLike σ → False` do not).
 */
export function concludes(d: DeclarationEvidence, prop: string): boolean {
  return conjuncts(conclusionOf(d.statement ?? "")).some((c) => isApplicationOf(c, prop));
}

/** Whether a witness proves the hypothesis for some concrete function (its conclusion is the hypothesis). */
export function witnesses(w: DeclarationEvidence, hypothesis: string): boolean {
  return concludes(w, hypothesis);
}

interface PartDecision {
  status: PartStatus;
  reasons: string[];
  /** A problem that makes the whole claim `failing` (a false hypothesis, a refutation without its counterexample). */
  failing?: string;
  /** For a refuted part: the outcome in words. */
  outcome?: string;
}

export const PART_STATUS_MEANING: Record<PartStatus, string> = {
  proved: "kernel-checked in Lean",
  defined: "defined in Lean",
  refuted: "its negation is kernel-checked in Lean and a numeric counterexample exists",
  conditional: "kernel-checked in Lean from named hypotheses, each checked numerically and met by a Lean witness",
  supported: "numeric evidence only",
  open: "not established",
};

/** Decides one part from its declarations and records (claim-wide problems are handled before). */
function decidePart(
  truth: Claim["truth"],
  decls: DeclarationEvidence[],
  recs: NumericRecord[],
  recsOf: (d: DeclarationEvidence) => NumericRecord[],
  ofHypothesis: (r: NumericRecord) => boolean,
): PartDecision {
  const byRole = (role: DeclarationEvidence["role"]): DeclarationEvidence[] => decls.filter((d) => d.role === role);
  let stated = byRole("statement");
  if (stated.length === 0) stated = byRole("proof");
  // A stated `def … : Prop` is proved when a clean theorem of the part concludes it.
  const provedBy = (d: DeclarationEvidence): DeclarationEvidence | undefined =>
    decls.find((t) => t.isTheorem && t.ok && (t.role === "statement" || t.role === "proof") && concludes(t, d.name));
  const unproved = stated.filter((d) => (!d.isTheorem || d.stated) && provedBy(d) === undefined);
  const refutations = byRole("refutation").filter((d) => d.isTheorem);
  const conditionals = byRole("conditional").filter((d) => d.isTheorem);
  const hypotheses = byRole("hypothesis");
  const witnessDecls = byRole("witness").filter((d) => d.ok);
  const definitions = byRole("definition");
  const strong = recs.filter(passed);
  const weakOnes = recs.filter(weak);
  const numericWords = (): string =>
    strong.length > 0
      ? [`the numeric check passed (${runsText(strong)})`, weakOnes.length > 0 ? weakText(weakOnes) : ""].filter(Boolean).join("; ")
      : weakOnes.length > 0
        ? `its numeric evidence is weak only: ${weakText(weakOnes)}`
        : "no numeric check applies";

  if (truth === "definition" && byRole("statement").length === 0 && definitions.length > 0) {
    return { status: "defined", reasons: [`defined in Lean (${names(definitions)}), building cleanly`] };
  }
  if (stated.length > 0 && unproved.length === 0) {
    return { status: "proved", reasons: [`${names(stated)} kernel-checked`, numericWords()] };
  }
  if (refutations.length > 0) {
    const literalCex = recs.filter((r) => r.status === "counterexample" && !decls.some((d) => d.name === r.declaration && d.role !== "statement"));
    const confirmed = refutations.flatMap((d) => recsOf(d).filter(passed));
    if (literalCex.length > 0 || confirmed.length > 0) {
      const how = literalCex.length > 0 ? `the numeric check found a counterexample to the literal statement (${runsText(literalCex)})` : `the numeric check confirms the refuting statement (${runsText(confirmed)})`;
      return { status: "refuted", reasons: [`the negation of the literal statement is proved in Lean (${names(refutations)})`, how], outcome: `Lean proves its negation (${names(refutations)}) and ${how}` };
    }
    const reason = `the negation is proved in Lean (${names(refutations)}) but out/numeric.json holds no numeric counterexample`;
    return { status: "open", reasons: [reason], failing: reason };
  }
  if (conditionals.length > 0) {
    if (hypotheses.length === 0) {
      return { status: "open", reasons: [`the conditional proof ${names(conditionals)} names no hypothesis declaration in this part`] };
    }
    const missing: string[] = [];
    for (const h of hypotheses) {
      const hr = recsOf(h);
      if (hr.some((r) => r.status === "counterexample")) {
        const reason = `hypothesis \`${h.name}\` is false numerically, so the conditional proof says nothing`;
        return { status: "open", reasons: [reason], failing: reason };
      }
      const hs = hr.filter(passed);
      if (hs.length === 0) missing.push(hr.some(weak) ? `hypothesis \`${h.name}\` has only weak numeric evidence (${weakText(hr.filter(weak))})` : `hypothesis \`${h.name}\` has no numeric evidence`);
      if (!witnessDecls.some((w) => witnesses(w, h.name))) missing.push(`hypothesis \`${h.name}\` has no Lean witness (a clean instance listed with role "witness"), so the conditional proof may be vacuous`);
    }
    if (missing.length > 0) return { status: "open", reasons: [`proved in Lean (${names(conditionals)}) from ${names(hypotheses)}, but its hypotheses are not all met`, ...missing] };
    const hyp = hypotheses.map((h) => `\`${h.name}\` (${runsText(recsOf(h).filter(passed))})`).join(", ");
    return {
      status: "conditional",
      reasons: [`proved in Lean (${names(conditionals)}) from the hypotheses ${names(hypotheses)}`, `each hypothesis passed its numeric check: ${hyp}`, `witnessed in Lean by ${names(witnessDecls)}`],
    };
  }
  if (unproved.length > 0) {
    const how = (d: DeclarationEvidence): string => (d.stated ? "a theorem whose proof is `sorry`" : "`def … : Prop`");
    const kinds = [...new Set(unproved.map(how))].join(", ");
    return { status: "open", reasons: [`${names(unproved)} ${unproved.length === 1 ? "is" : "are"} stated in Lean (${kinds}) and not proved`, ...(strong.length + weakOnes.length > 0 ? [`numeric evidence only (${numericWords()})`] : [])] };
  }
  // A hypothesis's record checks the hypothesis, not the claim: it supports nothing by itself,
  // whichever part lists it (the claim-wide rule 6f leaves the same records out).
  if (strong.some((r) => !ofHypothesis(r))) return { status: "supported", reasons: [`numeric evidence only (${numericWords()})`, "no Lean proof"] };
  if (weakOnes.length > 0) return { status: "open", reasons: [`only weak numeric evidence: ${weakText(weakOnes)}`, "no Lean proof"] };
  return { status: "open", reasons: ["no Lean proof and no numeric check"] };
}

/** Applies the rules in order; the first that fires decides. */
export function decideVerdict(input: VerdictInput): VerdictResult {
  const { claim, declarations } = input;
  // Records on definitions and witnesses, and on declarations marked `"numeric": false`, are shown
  // but never decide: a predicate false for some inputs says nothing about the claim.
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

  // The parts: as the registry lists them, or one part made of everything.
  const partDefs: ClaimPart[] =
    claim.parts && claim.parts.length > 0 ? claim.parts : [{ id: "all", text: "the claim as a whole", declarations: declarations.map((d) => d.name), numeric: [...new Set(relevant.filter((r) => !ownerOf(r)).map((r) => r.declaration))] }];
  const implicit = !(claim.parts && claim.parts.length > 0);
  const partInputs = partDefs.map((p) => {
    const decls = declarations.filter((d) => p.declarations.includes(d.name));
    const recs = relevant.filter((r) => {
      const owner = ownerOf(r);
      return (owner !== undefined && p.declarations.includes(owner.name)) || p.numeric.includes(r.declaration) || (owner !== undefined && p.numeric.includes(owner.name));
    });
    return { def: p, decls, recs };
  });
  const partReports = (decisions: (PartDecision | undefined)[]): PartReport[] =>
    partInputs.map(({ def, decls, recs }, k) => {
      const d = decisions[k];
      const ns = summarizeNumeric(recs);
      return {
        id: def.id,
        text: def.text,
        ...(def.note !== undefined ? { note: def.note } : {}),
        status: d?.status ?? "open",
        declarations: decls.map((x) => x.name),
        records: recs.map((r) => r.declaration),
        formal: decls.some((x) => x.isTheorem && x.ok && x.role !== "definition" && x.role !== "witness"),
        numeric: ns.status === "error" ? "none" : ns.status,
        reasons: d?.reasons ?? [],
        implicit,
      };
    });
  const done = (verdict: Verdict, reasons: string[], outcome: string, decisions: (PartDecision | undefined)[] = []): VerdictResult => ({ verdict, reasons, outcome, numeric, parts: partReports(decisions) });

  // 1. out-of-scope
  if (claim.truth === "informal") {
    return done("out-of-scope", [`the claim is informal: ${claim.note ?? "no checkable statement"}`], `Out of scope: ${claim.note ?? "the claim is informal."}`);
  }

  // 2. failing: missing or broken formal evidence
  const broken = declarations.filter((d) => !d.ok && !d.stated);
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

  // 3. conflict: a kernel-checked theorem with a numeric counterexample, or a refutation whose
  //    counterexample the numeric search cannot find
  const contradicted = declarations.filter((d) => d.isTheorem && d.role !== "hypothesis" && d.role !== "witness" && recsOf(d).some((r) => r.status === "counterexample"));
  if (contradicted.length > 0) {
    const reasons = contradicted.map((d) => {
      const r = recsOf(d).find((x) => x.status === "counterexample")!;
      return `\`${d.name}\` is proved in Lean but the numeric check found a counterexample (seed ${r.seed}${r.path ? `, path ${r.path}` : ""})`;
    });
    return done("conflict", reasons, `Formal and numeric evidence disagree: ${reasons.join("; ")}. One of them is wrong; the claim is not judged until this is resolved.`);
  }
  const literalCex = literal.filter((r) => r.status === "counterexample");
  // A statement proved in the same part as the counterexample's declaration contradicts it; with
  // parts, a counterexample to one part's `def … : Prop` does not contradict another part's theorem.
  const cexAgainstProof = literalCex.find((r) => partInputs.some((p) => p.recs.includes(r) && p.decls.some((d) => d.role === "statement" && d.isTheorem)));
  if (cexAgainstProof || (implicit && statements.length > 0 && literalCex.length > 0)) {
    const r = cexAgainstProof ?? literalCex[0]!;
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
  // A counterexample that does not re-check is a harness error: never evidence, and it fails the run.
  const errors = relevant.filter((r) => r.status === "error" || r.status === "harness-error");
  if (errors.length > 0) {
    const reasons = errors.map((r) => `numeric check of \`${r.declaration}\` failed with ${r.status === "harness-error" ? "a harness error" : "an error"}: ${r.message ?? "no message"}`);
    return done("failing", reasons, `Not established: ${reasons.join("; ")}.`);
  }
  // A weak record (evaluated, no counterexample, too few runs whose premises held) meets the
  // requirement that the harness evaluates the declaration; it never counts as passed, and the
  // part and claim say that the numeric evidence is weak.
  // A record whose runs were all discarded never evaluated the statement: it meets nothing.
  const lacking = declarations.filter((d) => d.numericRequired && !recsOf(d).some((r) => passed(r) || (weak(r) && premisesHeld(r) > 0) || r.status === "counterexample"));
  if (lacking.length > 0) {
    const reasons = lacking.map((d) => {
      const u = recsOf(d).find((r) => r.status === "unsupported");
      return u
        ? `numeric evidence for \`${d.name}\` is required but the harness cannot evaluate it: ${u.message ?? "unsupported"}`
        : `numeric evidence for \`${d.name}\` is required but out/numeric.json has none`;
    });
    return done("failing", reasons, `Not established: ${reasons.join("; ")}.`);
  }

  // 5. suspect: a counterexample to the literal claim and no Lean refutation
  if (refutations.length === 0 && literalCex.length > 0) {
    const r = literalCex[0]!;
    const reason = `the numeric check found a counterexample (seed ${r.seed}${r.path ? `, path ${r.path}` : ""}) and no Lean refutation exists`;
    return done("suspect", [reason], `Probably false: ${reason}.${claim.note ? ` ${claim.note}` : ""}`);
  }

  // 6. the parts
  const ofHypothesis = (r: NumericRecord): boolean => ownerOf(r)?.role === "hypothesis";
  const decisions = partInputs.map((p) => decidePart(claim.truth, p.decls, p.recs, recsOf, ofHypothesis));
  const failingPart = decisions.findIndex((d) => d.failing !== undefined);
  if (failingPart >= 0) {
    const reason = decisions[failingPart]!.failing!;
    return done("failing", [reason], `Not established: ${reason}.`, decisions);
  }
  const label = (k: number): string => (implicit ? "the claim" : `part "${partDefs[k]!.text}"`);
  const partLines = decisions.map((d, k) => `${label(k)}: ${d.status} (${d.reasons.filter(Boolean).join("; ")})`);
  const statuses = decisions.map((d) => d.status);
  const count = (s: PartStatus): number => statuses.filter((x) => x === s).length;
  const list = (s: PartStatus): string =>
    decisions
      .map((d, k) => (d.status === s ? `"${partDefs[k]!.text}"` : ""))
      .filter(Boolean)
      .join(", ");
  const noteTail = claim.note ? ` ${claim.note}` : "";
  const weakAll = relevant.filter(weak);
  const weakOnly = weakAll.length > 0 && !relevant.some(passed);

  // 6a. refuted: a part of the claim is false (a conjunction with a false part is false)
  if (count("refuted") > 0) {
    const k = statuses.indexOf("refuted");
    const reasons = implicit ? decisions[k]!.reasons : partLines;
    const how = decisions[k]!.outcome ?? decisions[k]!.reasons.join("; ");
    return done("refuted", reasons, `The literal statement is false${implicit ? "" : ` (part ${list("refuted")})`}: ${how}.${noteTail}`, decisions);
  }
  // 6b. proved: every part proved
  if (count("proved") === statuses.length) {
    const reasons = implicit ? decisions[0]!.reasons : partLines;
    const numericWordsAll = decisions.map((d) => d.reasons.slice(1).join("; ")).filter(Boolean)[0] ?? "no numeric check applies";
    return done("proved", reasons, `Proved in Lean (${names(statements.length > 0 ? statements : declarations.filter((d) => d.role === "proof" && d.isTheorem))}); ${numericWordsAll}.`, decisions);
  }
  // 6c. definition: a definition claim whose parts are all defined (or proved)
  if (claim.truth === "definition" && statuses.every((s) => s === "defined" || s === "proved") && count("defined") > 0) {
    const defs = declarations.filter((d) => d.role === "definition");
    return done("definition", implicit ? decisions[0]!.reasons : partLines, `A definition, formalized as ${names(defs)}.`, decisions);
  }
  // 6d. conditional: every part proved or conditional, at least one conditional
  if (statuses.every((s) => s === "proved" || s === "conditional")) {
    const k = statuses.indexOf("conditional");
    const hyps = declarations.filter((d) => d.role === "hypothesis");
    return done(
      "conditional",
      implicit ? decisions[k]!.reasons : partLines,
      `Proved in Lean assuming ${names(hyps)}; those hypotheses are not proved, only checked numerically and shown satisfiable by a Lean witness (${decisions[k]!.reasons.slice(1).join("; ")}).${noteTail}`,
      decisions,
    );
  }
  // 6e. partial: some part proved (or defined, or conditional), not every part
  if (count("proved") + count("defined") + count("conditional") > 0) {
    const formal = decisions.map((d, k) => (["proved", "defined", "conditional"].includes(d.status) ? `"${partDefs[k]!.text}" (${d.status})` : "")).filter(Boolean);
    const pieces = [`formal: ${formal.join(", ")}`];
    if (count("supported") > 0) pieces.push(`numeric only: ${list("supported")}`);
    if (count("open") > 0) pieces.push(`open: ${list("open")}`);
    return done("partial", partLines, `Proved in part. ${pieces.join("; ")}.${weakOnly ? " Its only numeric evidence is weak." : ""}${noteTail}`, decisions);
  }
  // 6f. supported: numeric evidence only
  const claimSupport = relevant.filter((r) => passed(r) && ownerOf(r)?.role !== "hypothesis");
  if (count("supported") > 0 || claimSupport.length > 0) {
    const support = claimSupport;
    const reason = `numeric evidence only: ${runsText(support)} found no counterexample`;
    return done("supported", implicit ? [reason, "no Lean proof of the statement"] : partLines, `Not proved. Supported by numeric evidence only: ${runsText(support)} found no counterexample${count("open") > 0 && !implicit ? `; open: ${list("open")}` : ""}.${noteTail}`, decisions);
  }
  // 6g. nothing carries the claim
  const conditionalProved = theorems("conditional").length > 0;
  const reason = weakOnly
    ? `no evidence beyond weak numeric records: ${weakText(weakAll)}; no proved statement, no refutation, ${conditionalProved ? "a conditional proof whose hypotheses are not all met" : "no conditional proof"}`
    : `nothing carries the claim: ${decisions.flatMap((d) => d.reasons).join("; ")}`;
  // The reasons say what each part lacks (for a conditional proof: which hypothesis lacks evidence or a witness).
  const detail = implicit ? (weakOnly && conditionalProved ? decisions[0]!.reasons : []) : partLines;
  return done("failing", [reason, ...detail], `Not established: ${reason}.`, decisions);
}
