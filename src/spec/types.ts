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
 * - `definition`: a definition the claim introduces.
 */
export type DeclRole = "statement" | "proof" | "refutation" | "conditional" | "hypothesis" | "definition";

export type Verdict =
  | "proved"
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
