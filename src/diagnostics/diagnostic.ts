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
    out += excerpt(d.sourceLine, d.range.column, width);
  }
  return out;
}

/** `file:line:col` of a range. */
export function formatPosition(r: Range): string {
  return `${r.file}:${r.line}:${r.column}`;
}

/**
 * The source line and a caret under columns `[column, column + width)`; a line longer than 160
 * characters is cut to a window around the column (`…` marks the cuts).
 */
export function excerpt(line: string, column: number, width: number): string {
  const chars = Array.from(line);
  let from = 0;
  let to = chars.length;
  if (chars.length > 160) {
    from = Math.max(0, column - 1 - 60);
    to = Math.min(chars.length, from + 120);
  }
  const text = (from > 0 ? "…" : "") + chars.slice(from, to).join("") + (to < chars.length ? "…" : "");
  const pad = Math.max(0, column - 1 - from) + (from > 0 ? 1 : 0);
  return `\n  ${text}\n  ${" ".repeat(pad)}${"^".repeat(Math.max(1, Math.min(width, to - (column - 1))))}`;
}
