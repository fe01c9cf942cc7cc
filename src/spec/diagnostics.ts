/**
 * Diagnostics of the claims registry and the report stage: data, not exceptions.
 * Every message the stage shows comes from the catalogue below, under a stable code.
 */
import { excerpt } from "../diagnostics/diagnostic.js";

/**
 * A 1-based source range (`endColumn` exclusive), the same shape as `src/diagnostics`' `Range`.
 */
export interface SourceRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: "error" | "warning";
  message: string;
  range: SourceRange;
  /** The source line the range starts on, for display. */
  sourceLine?: string;
  /** The claim the problem is in, when there is one. */
  entry?: string;
  /** The field of the entry, e.g. `kind` or `declarations[2].role`. */
  field?: string;
}

/** The catalogue: code → what it means (messages are built by the functions in `messages`). */
export const DIAGNOSTIC_CODES = {
  SPEC001: "the registry file is not valid JSON",
  SPEC002: "the registry file does not have the expected top-level shape",
  SPEC003: "a required field is missing",
  SPEC004: "a field has the wrong type",
  SPEC005: "unknown claim kind",
  SPEC006: "unknown declaration role",
  SPEC007: "unknown verdict",
  SPEC008: "unknown truth value",
  SPEC009: "duplicate claim id",
  SPEC010: "dependsOn names an unknown claim",
  SPEC011: "malformed claim id",
  SPEC012: "unknown field",
  SPEC013: "a declaration is listed twice for one claim",
  SPEC014: "a note is required for this expected verdict",
  SPEC015: "malformed statement hash",
  SPEC016: "dependency cycle",
  SPEC017: "unknown section",
  SPEC018: "the registry file cannot be read",
  SPEC019: "malformed Lean declaration name",
  SPEC020: "malformed part id",
  SPEC021: "duplicate part id within a claim",
  SPEC022: "a part names a declaration the claim does not list",
  SPEC023: "a part without evidence needs a note",
  SPEC025: "a claim with parts lists a statement-like declaration that belongs to no part",
  SPEC024: "the definition fingerprint file (spec/fingerprints.json) is malformed",
  SPEC026: "instantiate names a constant that is neither in the Lean library nor in the numeric semantics",
  SPEC027: "instantiate names a binder that is not in the declaration's statement",
  REP001: "the registry names a declaration that out/proofs.json does not have",
  REP002: "a Lean declaration tagged with a claim id is not in the registry under that claim",
  REP003: "a Lean docstring starts with a claim id the registry does not know",
  REP004: "a Lean statement changed since its hash was pinned",
  REP005: "a registry declaration has no pinned statement hash",
  REP006: "an input of the report is missing: a pipeline stage has not run",
  REP007: "an input of the report is malformed",
  REP008: "a claim's verdict differs from the registry's expected verdict",
  REP009: "formal and numeric evidence disagree",
  REP010: "--claim names an unknown claim",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** `file:line:col: severity CODE: message`, plus the source line and a caret when known. */
export function formatDiagnostic(d: Diagnostic): string {
  const r = d.range;
  let out = `${r.file}:${r.line}:${r.column}: ${d.severity} ${d.code}: ${d.message}`;
  if (d.sourceLine !== undefined) {
    const width = r.endLine === r.line ? Math.max(1, r.endColumn - r.column) : 1;
    out += excerpt(d.sourceLine, r.column, width);
  }
  return out;
}

/** A range at the start of a file (for problems that have no better place). */
export function fileStart(file: string): SourceRange {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

