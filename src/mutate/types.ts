/**
 * The data contract of `out/mutation.json` (written by `npm run mutate`, read by the report) and
 * of the mutation workers' messages.
 */
import type { DiscardReason, OperatorName } from "./operators.js";

export const MUTATION_FORMAT = 1;

/** One mutant sent to a worker (or the statement itself: `index` −1, the baseline). */
export interface MutantTask {
  /** Cache key of the mutant (hex). */
  key: string;
  claimId: string;
  declaration: string;
  index: number;
  /** The mutated parsed declaration (plain JSON of the AST). */
  decl: unknown;
  concrete?: Record<string, string>;
}

/** What the harness found for one mutant. */
export interface MutantOutcome {
  /**
   * `killed`: a counterexample that re-checks (exactly over ℚ, or a float one with 60-digit
   * decimals); `potential`: a float-mode counterexample the 60-digit re-check does not confirm; `unconfirmed`: a counterexample that did not re-check (a harness
   * error, never evidence); `passed`: no counterexample; `unsupported`/`error`: not checked.
   */
  status: "killed" | "potential" | "unconfirmed" | "passed" | "unsupported" | "error";
  runs?: number;
  premisesHeld?: number;
  mode?: "exact" | "float";
  coverage?: "sampled" | "exhaustive";
  counterexample?: unknown;
  /** Inputs discarded because the harness's exact arithmetic divided by zero there. */
  undefinedSkipped?: number;
  message?: string;
  seconds: number;
}

/**
 * How a mutant counts: `killed`; `discarded` (true by construction, see `reason`);
 * `equivalent?` (passed with its premises met often enough: possibly a true statement, listed);
 * `survived` (the harness could not decide it: weak, unsupported, an error, a potential or
 * unconfirmed counterexample).
 */
export type MutantClass = "killed" | "discarded" | "equivalent?" | "survived";

export interface MutantEntry {
  index: number;
  operator: OperatorName;
  description: string;
  /** The mutated statement (header binders and proposition). */
  statement: string;
  class: MutantClass;
  reason?: DiscardReason;
  note?: string;
  outcome?: MutantOutcome;
  /** Reused from `.cache/mutation/`. */
  reused?: boolean;
  /**
   * The first check was cut short (interrupted, weak, too many discarded runs) and the mutant
   * was checked again with a longer time limit (`timeLimitMs`); `outcome` is the second check's,
   * `first` what the first check said.
   */
  extended?: { timeLimitMs: number; first: string };
  /** A mutant proved true in Lean (class `discarded`, reason `proved`): the tactic and the theorem compiled. */
  proof?: { tactic: string; lean: string };
}

export interface DeclarationMutation {
  declaration: string;
  /** Claims listing the declaration as a proved statement. */
  claims: string[];
  /** Fingerprint of the statement the mutants derive from (as `out/report.json` computes it). */
  statementHash: string;
  /** The statement itself at the same budget: its mutants are checked only when it passes. */
  baseline: MutantOutcome;
  mutants: MutantEntry[];
}

export interface Tally {
  mutants: number;
  killed: number;
  discarded: number;
  survived: number;
  "equivalent?": number;
  /** killed / (mutants − discarded), or null when nothing is left to kill. */
  score: number | null;
}

export interface ClaimMutation extends Tally {
  id: string;
  declarations: string[];
  /** Declarations whose statement the harness does not check (no mutants run). */
  unchecked: Array<{ declaration: string; reason: string }>;
  survivors: Array<{ declaration: string; operator: OperatorName; statement: string; description: string; class: "survived" | "equivalent?"; why: string }>;
}

export interface MutationFile {
  format: number;
  generatedAt: string;
  command: string;
  seed: number;
  runs: number;
  timeLimitMs: number;
  seconds: number;
  /** Narrowed to one claim (`--claim`), or null. */
  only: string | null;
  overall: Tally;
  byOperator: Record<string, Tally>;
  claims: ClaimMutation[];
  declarations: DeclarationMutation[];
  /**
   * The Lean step: the unrefuted mutants (`equivalent?` and survived) tried with cheap tactics in
   * one compile; those proved are discarded as `proved`. Null when skipped (`--no-lean`) or when
   * every mutant was killed or discarded.
   */
  lean?: { candidates: number; proved: number; reused: number; seconds: number; tactics: string[]; problem?: string } | null;
}
