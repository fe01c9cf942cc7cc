/**
 * Source text addressed by code points, with 1-based line and column positions.
 */
import type { Range } from "../diagnostics/index.js";

export interface SourceText {
  file: string;
  text: string;
  /** The text split into code points; offsets everywhere are indices into this array. */
  chars: string[];
  /** Offset (into `chars`) of the first code point of every line. */
  lineStarts: number[];
}

export function sourceText(file: string, text: string): SourceText {
  // A byte-order mark is not part of the text: positions are those an editor shows.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const chars = Array.from(text);
  const lineStarts = [0];
  for (let i = 0; i < chars.length; i++) if (chars[i] === "\n") lineStarts.push(i + 1);
  return { file, text, chars, lineStarts };
}

/** 1-based line and column of an offset. */
export function positionOf(src: SourceText, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = src.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((src.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (src.lineStarts[lo] ?? 0) + 1 };
}

export function rangeOf(src: SourceText, start: number, end: number): Range {
  const a = positionOf(src, start);
  const b = positionOf(src, end);
  return { file: src.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Offset of the first code point of a 1-based line (the end of the text if out of range). */
export function lineOffset(src: SourceText, line: number): number {
  return src.lineStarts[line - 1] ?? src.chars.length;
}

/** The text of a 1-based line, without its newline. */
export function lineText(src: SourceText, line: number): string {
  const start = src.lineStarts[line - 1];
  if (start === undefined) return "";
  const end = src.lineStarts[line] ?? src.chars.length + 1;
  return src.chars.slice(start, end - 1).join("").replace(/\r$/, "");
}
