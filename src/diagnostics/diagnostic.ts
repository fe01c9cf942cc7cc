/**
 * Diagnostics: data describing a problem in user input, with a stable code and a 1-based range.
 */
import { messageText, type Code, type MessageArgs } from "./catalogue.js";

/** A 1-based source range; `endColumn` is exclusive. */
export interface Range {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type DiagnosticSeverity = "error" | "warning";

export interface Diagnostic {
  code: Code;
  severity: DiagnosticSeverity;
  message: string;
  range?: Range;
  /** The source line the range starts on, for display. */
  sourceLine?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

/** Builds an error diagnostic from the catalogue. */
export function diagnostic<C extends Code>(code: C, range: Range | undefined, ...args: MessageArgs<C>): Diagnostic {
  const d: Diagnostic = { code, severity: "error", message: messageText(code, ...args) };
  if (range) d.range = range;
  return d;
}

/** `file:line:col: error SYM101: message` (plus the source line and a caret when known). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.range ? `${d.range.file}:${d.range.line}:${d.range.column}: ` : "";
  let out = `${where}${d.severity} ${d.code}: ${d.message}`;
  if (d.sourceLine !== undefined && d.range) {
    const width = d.range.endLine === d.range.line ? Math.max(1, d.range.endColumn - d.range.column) : 1;
    out += `\n  ${d.sourceLine}\n  ${" ".repeat(d.range.column - 1)}${"^".repeat(width)}`;
  }
  return out;
}

/** `file:line:col` of a range. */
export function formatPosition(r: Range): string {
  return `${r.file}:${r.line}:${r.column}`;
}
