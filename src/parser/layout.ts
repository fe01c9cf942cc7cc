/**
 * The layout of a Lean file in one linear pass: where commands may start (column 1 of a line
 * outside comments and strings, or right after a comment that opens a line), the doc comments,
 * and the lexical problems (an unterminated comment or string, reported at its opener).
 *
 * Comments nest; strings may span lines and contain comment openers; character literals may be
 * quotes. After an unterminated comment or string the scan resumes on the next line, so the rest
 * of the file is still read (with the diagnostic saying why Lean would not read it).
 */
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { charLiteralEnd, isIdentRest } from "./lexer.js";
import { lineText, rangeOf, type SourceText } from "./source.js";

export type LayoutEvent =
  /** A place a command may start (a code offset). */
  | { kind: "start"; offset: number }
  /** A doc comment `/-- … -/` (or module doc `/-! … -/`, `module: true`) ending at `end`. */
  | { kind: "doc"; start: number; end: number; text: string; module: boolean };

export interface Layout {
  /** In source order. */
  events: LayoutEvent[];
  diagnostics: Diagnostic[];
}

export function layout(src: SourceText): Layout {
  const ch = src.chars;
  const n = ch.length;
  const events: LayoutEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (d: Diagnostic): void => {
    if (d.range) d.sourceLine = lineText(src, d.range.line);
    diagnostics.push(d);
  };
  const endOfLine = (from: number): number => {
    let k = from;
    while (k < n && ch[k] !== "\n") k++;
    return k;
  };
  /** After a comment that opened a line: the code that follows on the same line. */
  const startAfter = (from: number): void => {
    let k = from;
    while (k < n && (ch[k] === " " || ch[k] === "\t" || ch[k] === "\r")) k++;
    if (k < n && ch[k] !== "\n" && !(ch[k] === "-" && ch[k + 1] === "-")) events.push({ kind: "start", offset: k });
  };
  let lastStart = -1;
  let i = 0;
  while (i < n) {
    if (i === 0 || ch[i - 1] === "\n") {
      events.push({ kind: "start", offset: i });
      lastStart = i;
    }
    const c = ch[i];
    if (c === "-" && ch[i + 1] === "-") {
      i = endOfLine(i);
      continue;
    }
    if (c === "/" && ch[i + 1] === "-") {
      const open = i;
      const isDoc = ch[i + 2] === "-" || ch[i + 2] === "!";
      let depth = 0;
      let k = i;
      while (k < n) {
        if (ch[k] === "/" && ch[k + 1] === "-") {
          depth++;
          k += 2;
        } else if (ch[k] === "-" && ch[k + 1] === "/") {
          depth--;
          k += 2;
          if (depth === 0) break;
        } else k++;
      }
      if (depth > 0) {
        problem(diagnostic("SYM002", rangeOf(src, open, open + 2)));
        i = endOfLine(open);
        continue;
      }
      if (isDoc) {
        events.push({ kind: "doc", start: open, end: k, text: ch.slice(open + 3, k - 2).join("").trim(), module: ch[open + 2] === "!" });
      }
      i = k;
      if (open === lastStart) startAfter(k);
      continue;
    }
    if (c === '"' || (c === "r" && !isIdentRest(ch[i - 1]) && (ch[i + 1] === '"' || (ch[i + 1] === "#" && (ch[i + 2] === '"' || ch[i + 2] === "#"))))) {
      const open = i;
      let k = i;
      let closed = false;
      if (c === "r") {
        k++;
        let hashes = 0;
        while (ch[k] === "#") {
          hashes++;
          k++;
        }
        k++;
        while (k < n) {
          if (ch[k] === '"') {
            let h = 0;
            while (h < hashes && ch[k + 1 + h] === "#") h++;
            if (h === hashes) {
              k += 1 + hashes;
              closed = true;
              break;
            }
          }
          k++;
        }
      } else {
        k++;
        while (k < n && ch[k] !== '"') k += ch[k] === "\\" ? 2 : 1;
        if (k < n) {
          k++;
          closed = true;
        }
      }
      if (!closed) {
        problem(diagnostic("SYM003", rangeOf(src, open, open + 1)));
        i = endOfLine(open);
        continue;
      }
      i = k;
      continue;
    }
    if (c === "'") {
      const end = charLiteralEnd(ch, i);
      i = end ?? i + 1;
      continue;
    }
    if (c === "«") {
      let k = i + 1;
      while (k < n && ch[k] !== "»" && ch[k] !== "\n") k++;
      i = k < n && ch[k] === "»" ? k + 1 : i + 1;
      continue;
    }
    i++;
  }
  return { events, diagnostics };
}
