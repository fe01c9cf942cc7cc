/**
 * The schema of `out/report.json` (documented as JSON Schema in `spec/report.schema.json`).
 */
import type { DeclKind, ModuleStatus } from "../build/types.js";
import type { ToolchainInfo } from "../lean/toolchain.js";
import type { NumericRecord } from "../runner/types.js";
import type { Diagnostic } from "../spec/diagnostics.js";
import type { Claim, DeclRole, PartStatus, Verdict } from "../spec/types.js";

export const REPORT_SCHEMA_VERSION = 1;

/** How a declaration's statement compares with the hash the registry pins. */
export type FingerprintState = "match" | "changed" | "unpinned" | "unknown";

/** The formal evidence of one registry declaration, as found in `out/proofs.json`. */
export interface DeclarationEvidence {
  name: string;
  role: DeclRole;
  /** Whether `out/proofs.json` has the declaration. */
  found: boolean;
  kind?: DeclKind;
  module?: string;
  moduleStatus?: ModuleStatus;
  file?: string;
  line?: number;
  endLine?: number;
  /** The Lean statement (header up to `:=`). */
  statement?: string;
  /** Fingerprint of the statement: sha256 of the whitespace-normalized text, first 16 hex digits. */
  hash?: string;
  pinnedHash?: string;
  fingerprint: FingerprintState;
  /** Everything that keeps the declaration from counting as kernel-checked evidence. */
  problems: string[];
  /** Found, in a module that built, no sorry in it or its imports, no forbidden construct. */
  ok: boolean;
  /** A theorem (or lemma) rather than a definition: it proves something when `ok`. */
  isTheorem: boolean;
  /**
   * A statement whose own proof is `sorry` (and nothing else is wrong with it): stated in Lean,
   * not proved. It counts like a stated `def … : Prop` (an open part; its numeric records are
   * shown as evidence about the statement), never as a proof; `ok` is false.
   */
  stated?: true;
  /** The registry requires numeric evidence for this declaration (`"numeric": true`). */
  numericRequired: boolean;
  /**
   * Numeric records on this declaration decide verdicts: false for definitions and for
   * declarations the registry marks `"numeric": false` (their records are shown only).
   */
  numericCounts: boolean;
}

/** `weak`: passing records only, none with its premises met in at least 1,000 runs. */
export type NumericSummaryStatus = "passed" | "weak" | "counterexample" | "error" | "none";

export interface NumericEvidence {
  status: NumericSummaryStatus;
  /** Runs over all records of the claim. */
  runs: number;
  /** Passing records that are weak (premises held in fewer than 1,000 runs): shown, never counted as passed. */
  weak: number;
  records: NumericRecord[];
}

/** A definition a claim's declarations use (transitively), with its pinned fingerprint. */
export interface DefinitionUse {
  name: string;
  /** Fingerprint of statement and body now. */
  hash: string;
  pinnedHash?: string;
  fingerprint: Exclude<FingerprintState, "unknown">;
  /** One shortest chain from a declaration of the claim to the definition: `[declaration, …, definition]`. */
  chain: string[];
}

/** One part of a claim as the report decided it. */
export interface PartReport {
  id: string;
  text: string;
  note?: string;
  status: PartStatus;
  /** The part's registry declarations. */
  declarations: string[];
  /** The `declaration` names of the part's numeric records. */
  records: string[];
  /** A clean kernel-checked theorem belongs to the part. */
  formal: boolean;
  /** The part's numeric evidence. */
  numeric: Exclude<NumericSummaryStatus, "error">;
  /** Why the part has its status. */
  reasons: string[];
  /** The claim lists no parts: this is the whole claim. */
  implicit: boolean;
}

/** A claim of the registry (without its declarations), with what the report decided. */
export interface ClaimReport extends Pick<Claim, "id" | "section" | "kind" | "title" | "paraphrase" | "truth" | "dependsOn" | "expected"> {
  verdict: Verdict;
  asExpected: boolean;
  /** Why the verdict is what it is: one short sentence per rule that fired or failed. */
  reasons: string[];
  /** The outcome in plain words for a reader of the paper. */
  outcome: string;
  note?: string;
  evidence?: string;
  declarations: DeclarationEvidence[];
  /** Definitions the declarations use, transitively, beyond those the registry lists (pinned in spec/fingerprints.json). */
  definitions: DefinitionUse[];
  /** The claim's parts with their status (one implicit part when the registry lists none). */
  parts: PartReport[];
  numeric: NumericEvidence;
}

export type VerdictCounts = Record<Verdict, number>;

export interface ReportSummary {
  claims: number;
  verdicts: VerdictCounts;
  /** Claims whose verdict equals the registry's expected verdict. */
  asExpected: number;
  unexpected: string[];
  conflicts: string[];
  mismatches: number;
  fingerprintChanges: number;
  /** No unexpected verdict, no conflict, no mismatch, no changed statement. */
  ok: boolean;
}

/** A pipeline stage whose output the report needs but did not find. */
export interface MissingInput {
  file: string;
  stage: "prove" | "check";
  command: string;
}

/** One claim's mutation score as the report shows it (see `src/report/mutation.ts`). */
export interface MutationClaimView {
  id: string;
  /** `current`: mutated from exactly the claim's current proved statements; `stale`: not (numbers withheld). */
  status: "current" | "stale";
  /** Why the data is stale. */
  why?: string[];
  score?: number | null;
  mutants?: number;
  killed?: number;
  discarded?: number;
  survived?: number;
  equivalent?: number;
  unchecked?: Array<{ declaration: string; reason: string }>;
  survivors?: Array<{ declaration: string; operator: string; statement: string; description: string; class: "survived" | "equivalent?"; why: string }>;
}

/** The report's mutation section, from `out/mutation.json` when it exists. */
export interface MutationView {
  file: string;
  /** `absent`: no file; `invalid`: unreadable; `stale`: some claims do not match; `current`: all match. */
  status: "absent" | "invalid" | "stale" | "current";
  problem?: string;
  generatedAt?: string;
  command?: string;
  budget?: { runs: number; seed: number; timeLimitMs: number };
  overall?: { mutants: number; killed: number; discarded: number; survived: number; equivalent: number; score: number | null };
  claims: MutationClaimView[];
}

export interface Report {
  schemaVersion: number;
  generatedAt: string;
  /** False when an input is missing: then `claims` is empty and `missing` says what to run. */
  complete: boolean;
  missing: MissingInput[];
  toolchain: ToolchainInfo | null;
  inputs: {
    registry: string;
    proofs: { file: string; generatedAt: string | null };
    numeric: { file: string; generatedAt: string | null; command: string | null };
  };
  /** The claims the report is narrowed to (`--claim`), or null for all. */
  only: string[] | null;
  sections: { id: string; title: string }[];
  summary: ReportSummary;
  claims: ClaimReport[];
  /** Cross-check mismatches and changed statements (errors) and unpinned statements (warnings). */
  mismatches: Diagnostic[];
  /** The mutation score (`npm run mutate`), when the report stage was given `out/mutation.json`'s location. */
  mutation?: MutationView;
}
