/**
 * The schema of `out/numeric.json`, written by `npm run check` and read by the report.
 */

export type NumericStatus = "passed" | "counterexample" | "error" | "unsupported";

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
