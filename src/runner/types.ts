/**
 * The schema of `out/numeric.json`, written by `npm run check` and read by the report.
 */

/**
 * - `passed`: no counterexample (a sampled record with fewer than 1,000 runs whose premises held
 *   is weak, see docs/verdicts.md);
 * - `counterexample`: a counterexample that re-checked (exactly over ℚ in exact mode);
 * - `potential`: a float-only counterexample (after a transcendental function) that a re-check
 *   with 60-digit decimals does not confirm: shown, never evidence;
 * - `inconclusive`: some runs could not be decided because an `∃` search found no witness
 *   within its budget (a failed search is no evidence either way), and no counterexample;
 * - `harness-error`: a counterexample that did not re-check (the harness contradicts itself):
 *   never evidence, fails the claim like `error`;
 * - `error`: the harness broke; `unsupported`: the statement is outside the fragment.
 */
export type NumericStatus = "passed" | "counterexample" | "potential" | "inconclusive" | "harness-error" | "error" | "unsupported";

/** How a counterexample was re-checked before it was reported. */
export type Recheck = "exact" | "precise" | "float-only" | "failed";

export interface NumericRecord {
  claimId: string;
  /** Fully qualified Lean name of the checked declaration. */
  declaration: string;
  mode: "exact" | "float";
  status: NumericStatus;
  /** Runs executed (including skipped ones). */
  runs: number;
  /** Runs whose premises could not be satisfied and were discarded. */
  skips: number;
  /** Runs whose premises held (runs − skips): fewer than 1,000 on a sampled record makes it weak. */
  premisesHeld?: number;
  /** The run stopped at its time limit before the requested number of runs. */
  interrupted?: boolean;
  /**
   * `exhaustive`: a closed statement (no variables) evaluated once, which covers all its cases;
   * `sampled`: random runs (or a closed proposition the semantics registry checks by its own search).
   */
  coverage?: "sampled" | "exhaustive";
  seed: number;
  /** fast-check replay path of the failure, if any. */
  path?: string;
  seconds: number;
  /** Largest |lhs − rhs| (float mode) seen over all runs; 0 in exact mode. */
  maxResidual: number;
  /** Float mode: the relative tolerance used. */
  tolerance?: number;
  /** The shrunk counterexample, exactly serialized (rationals as strings "p/q"). */
  counterexample?: unknown;
  shrinks?: number;
  /**
   * How the reported counterexample was re-checked: `exact` (a fresh exact evaluation over ℚ of
   * the serialized counterexample), `precise` (float mode: false again with 60-digit decimals and
   * a tolerance of 10⁻⁴⁰), `float-only` (float mode: not confirmed that way, the record
   * is `potential`), `failed` (the re-check did not refute the statement: `harness-error`).
   */
  recheck?: Recheck;
  /** Runs whose `∃` search found no witness within its budget (they are neither passed nor failed). */
  inconclusiveRuns?: number;
  /**
   * Which search ran for the statement's quantifiers, e.g. `∃ (top level): structured (…) then
   * random, budget 96`; absent when the statement has no quantifier inside its conclusion.
   */
  search?: string;
  /** Share of runs discarded because a premise failed (skips / runs), 0–1. */
  discardRate?: number;
  /** A property written by hand rather than generated from the Lean statement. */
  handWritten: boolean;
  /** For `error`/`unsupported`: the message, with file:line:col when it has one. */
  message?: string;
  /** The generated module that holds this property. */
  generatedFile?: string;
  /**
   * `true` when the record was taken from the result cache (`.cache/numeric/`) because nothing
   * it depends on changed since it was computed (its `seconds` are those of that run); `false`
   * when it was computed by this run.
   */
  reused?: boolean;
}

export interface NumericFile {
  generatedAt: string;
  /** The command that replays this file's run. */
  command: string;
  records: NumericRecord[];
  /** Where the numeric meaning of library constants comes from: hand-written or derived from Lean bodies. */
  meaning?: import("../export/derive.js").MeaningSummary;
}
