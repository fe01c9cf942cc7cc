/**
 * The claims registry (`spec/`): every claim of the paper section with its Lean declarations and
 * the evidence expected. Loaded and validated by `src/spec/load.ts`.
 */

export type ClaimKind = "definition" | "proposition" | "corollary" | "remark" | "conjecture" | "lemma" | "theorem";

/**
 * What a declaration is for a claim:
 * - `statement`: the claim itself (a theorem, or a `def … : Prop` for a conjecture);
 * - `proof`: a supporting lemma whose statement is part of the evidence;
 * - `refutation`: a theorem proving the negation of the literal statement;
 * - `conditional`: a theorem proving the claim from named hypotheses;
 * - `hypothesis`: a named hypothesis (a `def … : Prop` or a structure) of a conditional proof,
 *   checked numerically on the concrete function;
 * - `definition`: a definition the claim introduces;
 * - `witness`: a clean Lean instance of a hypothesis structure (a theorem, instance or definition
 *   whose statement names the hypothesis), showing the hypotheses of a conditional proof can be met.
 */
export type DeclRole = "statement" | "proof" | "refutation" | "conditional" | "hypothesis" | "definition" | "witness";

export type Verdict =
  | "proved"
  | "partial"
  | "refuted"
  | "suspect"
  | "conditional"
  | "supported"
  | "definition"
  | "out-of-scope"
  | "failing"
  | "conflict";

export interface ClaimDeclaration {
  /** Fully qualified Lean name. */
  name: string;
  role: DeclRole;
  /** sha256 (first 16 hex digits) of the normalized statement text, pinned on purpose. */
  statementHash?: string;
  /** Whether the numeric harness evaluates this declaration (default: statement-like roles). */
  numeric?: boolean;
  /**
   * Explicit binders the numeric harness fixes to a concrete Lean constant with numeric
   * semantics, e.g. `{ "σ": "Sym.sigmoid" }` for a statement made for every activation but
   * claimed by the paper for sigmoid.
   */
  instantiate?: Record<string, string>;
}

/**
 * One part of a claim: a piece of the paper's statement where the evidence differs (its
 * generality split: "p = 2", "every even p = 2k", "linear maps", "d = 2", …).
 */
export interface ClaimPart {
  /** Unique within the claim, e.g. `p2`. */
  id: string;
  /** Short text naming the part, e.g. "p = 2". */
  text: string;
  /** Names of the claim's `declarations` that carry this part. */
  declarations: string[];
  /**
   * Numeric records of this part beyond those of its declarations: a declaration name of the
   * claim, or the name of a hand-written property.
   */
  numeric: string[];
  /** What the part means or why it is open, in words. */
  note?: string;
}

/** How far one part is established. */
export type PartStatus = "proved" | "defined" | "refuted" | "conditional" | "supported" | "open";

export interface Claim {
  /** Stable id from the claims list, e.g. `P3.6`. */
  id: string;
  /** Paper section: `3.1`, `3.2` or `3.3`. */
  section: string;
  kind: ClaimKind;
  /** Short title. */
  title: string;
  /** Our paraphrase of the claim (never the paper's sentence). */
  paraphrase: string;
  /** Whether the claim is true as stated, by our analysis. */
  truth: "true" | "false" | "definition" | "informal";
  declarations: ClaimDeclaration[];
  /**
   * The parts of the claim, each with its declarations and numeric records. A claim without
   * parts behaves as one part made of all its declarations and records.
   */
  parts?: ClaimPart[];
  dependsOn: string[];
  /** The verdict this claim is expected to receive; a different one fails the run. */
  expected: Verdict;
  /** For `out-of-scope`: why. For refuted or conditional claims: what stays open, in words. */
  note?: string;
  /** The evidence the project produces for the claim, in words (formal, numeric, both). */
  evidence?: string;
}

/** A section of the paper, for grouping the report's tables. */
export interface Section {
  /** `3.1`, `3.2`, `3.3`. */
  id: string;
  title: string;
}

export interface Registry {
  /** The sections claims may name (when absent, any section string is accepted). */
  sections?: Section[];
  claims: Claim[];
}
