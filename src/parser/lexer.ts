/**
 * The lexer: code points to tokens, on demand from any offset (a file's tactic proofs are never
 * lexed, only the statements the parser asks for).
 */
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { rangeOf, type SourceText } from "./source.js";
import { COMMAND_KEYWORDS, SYMBOLS_BY_FIRST, TERM_KEYWORDS, type Token } from "./tokens.js";

function cp(ch: string | undefined): number {
  return ch === undefined ? -1 : (ch.codePointAt(0) ?? -1);
}

/** Lean's `isLetterLike`: Greek (without λ Π Σ), Coptic, letterlike symbols, math alphanumerics. */
export function isLetterLike(ch: string | undefined): boolean {
  const c = cp(ch);
  return (
    (c >= 0x3b1 && c <= 0x3c9 && c !== 0x3bb) ||
    (c >= 0x391 && c <= 0x3a9 && c !== 0x3a0 && c !== 0x3a3) ||
    (c >= 0x3ca && c <= 0x3fb) ||
    (c >= 0x1f00 && c <= 0x1ffe) ||
    (c >= 0x2100 && c <= 0x214f) ||
    (c >= 0x1d49c && c <= 0x1d59f)
  );
}

export function isSubscript(ch: string | undefined): boolean {
  const c = cp(ch);
  return (
    (c >= 0x2080 && c <= 0x2089) || (c >= 0x2090 && c <= 0x209c) || (c >= 0x1d62 && c <= 0x1d6a) || c === 0x2c7c
  );
}

function isAsciiLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isIdentStart(ch: string | undefined): boolean {
  return isAsciiLetter(ch) || ch === "_" || isLetterLike(ch) || ch === "«";
}

export function isIdentRest(ch: string | undefined): boolean {
  return (
    isAsciiLetter(ch) || isDigit(ch) || ch === "_" || ch === "'" || ch === "!" || ch === "?" || isLetterLike(ch) || isSubscript(ch)
  );
}

export interface LexResult {
  token: Token;
  diagnostic?: Diagnostic;
}

export class Lexer {
  private pos: number;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly src: SourceText,
    start = 0,
  ) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  private tokStart = 0;
  private tokSpace = false;

  /** The token from the current token's start to the cursor. */
  private make(kind: Token["kind"], text: string): Token {
    return { kind, text, start: this.tokStart, end: this.pos, spaceBefore: this.tokSpace };
  }

  private ch(k = 0): string | undefined {
    return this.src.chars[this.pos + k];
  }

  /** Skips whitespace and ordinary comments; stops before a doc comment. */
  private skipTrivia(): boolean {
    const start = this.pos;
    for (;;) {
      const c = this.ch();
      if (c === " " || c === "\t" || c === "\n" || c === "\r") {
        this.pos++;
      } else if (c === "-" && this.ch(1) === "-") {
        while (this.ch() !== undefined && this.ch() !== "\n") this.pos++;
      } else if (c === "/" && this.ch(1) === "-" && this.ch(2) !== "-" && this.ch(2) !== "!") {
        if (!this.skipBlockComment()) break;
      } else {
        break;
      }
    }
    return this.pos > start;
  }

  /** Skips a (nested) block comment at the cursor; false (with a diagnostic) if unterminated. */
  private skipBlockComment(): boolean {
    const start = this.pos;
    let depth = 0;
    while (this.ch() !== undefined) {
      if (this.ch() === "/" && this.ch(1) === "-") {
        depth++;
        this.pos += 2;
      } else if (this.ch() === "-" && this.ch(1) === "/") {
        depth--;
        this.pos += 2;
        if (depth === 0) return true;
      } else {
        this.pos++;
      }
    }
    this.diagnostics.push(diagnostic("SYM002", rangeOf(this.src, start, start + 2)));
    return false;
  }

  /**
   * A numeric literal: decimal, `0x…`/`0b…`/`0o…` (value given in decimal), `1.5`, scientific
   * `1.5e-3` (value given as a plain decimal). Digit separators `_` are dropped.
   */
  private number(start: number): Token {
    const radix = this.ch() === "0" ? ({ x: 16, X: 16, b: 2, B: 2, o: 8, O: 8 } as Record<string, number>)[this.ch(1) ?? ""] : undefined;
    if (radix !== undefined) {
      const digitOk = (ch: string | undefined): boolean => ch !== undefined && ch !== "_" && !Number.isNaN(parseInt(ch, radix)) && /^[0-9a-fA-F]$/.test(ch);
      if (digitOk(this.ch(2))) {
        this.pos += 2;
        const s = this.pos;
        while (digitOk(this.ch()) || (this.ch() === "_" && digitOk(this.ch(1)))) this.pos++;
        const digits = this.src.chars.slice(s, this.pos).join("").replace(/_/g, "");
        const prefix = radix === 16 ? "0x" : radix === 2 ? "0b" : "0o";
        return this.noIdentAfter(start, this.make("num", BigInt(prefix + digits).toString()));
      }
    }
    while (isDigit(this.ch()) || (this.ch() === "_" && isDigit(this.ch(1)))) this.pos++;
    let intPart = this.src.chars.slice(start, this.pos).join("").replace(/_/g, "");
    let frac = "";
    let kind: Token["kind"] = "num";
    if (this.ch() === "." && isDigit(this.ch(1))) {
      this.pos++;
      const s = this.pos;
      while (isDigit(this.ch())) this.pos++;
      frac = this.src.chars.slice(s, this.pos).join("");
      kind = "decimal";
    }
    if ((this.ch() === "e" || this.ch() === "E") && (isDigit(this.ch(1)) || ((this.ch(1) === "-" || this.ch(1) === "+") && isDigit(this.ch(2))))) {
      this.pos++;
      let sign = 1;
      if (this.ch() === "-" || this.ch() === "+") {
        if (this.ch() === "-") sign = -1;
        this.pos++;
      }
      const s = this.pos;
      while (isDigit(this.ch())) this.pos++;
      const exp = sign * Number(this.src.chars.slice(s, this.pos).join(""));
      // Shift the decimal point: the value is exact, written as a plain decimal.
      let digits = intPart + frac;
      let point = intPart.length + exp;
      if (point <= 0) {
        digits = "0".repeat(1 - point) + digits;
        point = 1;
      }
      if (point >= digits.length) digits += "0".repeat(point - digits.length);
      intPart = digits.slice(0, point).replace(/^0+(?=\d)/, "");
      frac = digits.slice(point).replace(/0+$/, "");
      kind = frac ? "decimal" : "num";
      return this.noIdentAfter(start, this.make(kind, frac ? `${intPart}.${frac}` : intPart));
    }
    return this.noIdentAfter(start, this.make(kind, kind === "decimal" ? `${intPart}.${frac}` : intPart));
  }

  /** A literal glued to a following identifier (`0x1g`, `12abc`) is an error, not two tokens. */
  private noIdentAfter(start: number, t: Token): Token {
    if (!isIdentRest(this.ch())) return t;
    while (isIdentRest(this.ch())) this.pos++;
    const text = this.src.chars.slice(start, this.pos).join("");
    this.diagnostics.push(diagnostic("SYM004", rangeOf(this.src, start, this.pos), text));
    return { ...t, kind: "error", text, end: this.pos };
  }

  /** `"…"` (escapes, newlines and `\`-gaps allowed) and raw strings `r"…"`, `r#"…"#`. */
  private stringLiteral(start: number): Token {
    if (this.ch() === "r") {
      this.pos++;
      let hashes = 0;
      while (this.ch() === "#") {
        hashes++;
        this.pos++;
      }
      this.pos++; // the opening quote
      const bodyStart = this.pos;
      for (;;) {
        if (this.ch() === undefined) {
          this.diagnostics.push(diagnostic("SYM003", rangeOf(this.src, start, bodyStart)));
          return this.make("error", "");
        }
        if (this.ch() === '"') {
          let k = 0;
          while (k < hashes && this.ch(1 + k) === "#") k++;
          if (k === hashes) {
            const body = this.src.chars.slice(bodyStart, this.pos).join("");
            this.pos += 1 + hashes;
            return this.make("string", body);
          }
        }
        this.pos++;
      }
    }
    this.pos++;
    while (this.ch() !== undefined && this.ch() !== '"') {
      if (this.ch() === "\\") this.pos++;
      this.pos++;
    }
    if (this.ch() !== '"') {
      this.diagnostics.push(diagnostic("SYM003", rangeOf(this.src, start, start + 1)));
      return this.make("error", "");
    }
    this.pos++;
    return this.make("string", this.src.chars.slice(start + 1, this.pos - 1).join(""));
  }

  /** The end of a character literal `'a'`, `'\n'`, `'\x41'`, `'\u{3B1}'` starting at `at`, if one does. */
  charLiteralEnd(at: number): number | undefined {
    return charLiteralEnd(this.src.chars, at);
  }

  next(): Token {
    const problems = this.diagnostics.length;
    const spaceBefore = this.skipTrivia();
    const start = this.pos;
    const c = this.ch();
    this.tokStart = start;
    this.tokSpace = spaceBefore;
    // An unterminated comment: the error token carries the diagnostic (at the opener).
    if (this.diagnostics.length > problems) return this.make("error", "");
    if (c === undefined) return this.make("eof", "");

    if (c === "/" && this.ch(1) === "-" && (this.ch(2) === "-" || this.ch(2) === "!")) {
      const bodyStart = this.pos + 3;
      if (!this.skipBlockComment()) return this.make("error", "");
      const body = this.src.chars.slice(bodyStart, this.pos - 2).join("").trim();
      return this.make("docComment", body);
    }

    if (c === '"' || (c === "r" && (this.ch(1) === '"' || (this.ch(1) === "#" && (this.ch(2) === '"' || this.ch(2) === "#"))))) {
      return this.stringLiteral(start);
    }

    if (isIdentStart(c)) {
      const parts: string[] = [];
      for (;;) {
        if (this.ch() === "«") {
          const s = this.pos + 1;
          while (this.ch() !== undefined && this.ch() !== "»") this.pos++;
          parts.push(this.src.chars.slice(s, this.pos).join(""));
          if (this.ch() === "»") this.pos++;
        } else {
          const s = this.pos;
          this.pos++;
          while (isIdentRest(this.ch())) this.pos++;
          parts.push(this.src.chars.slice(s, this.pos).join(""));
        }
        if (this.ch() === "." && isIdentStart(this.ch(1))) {
          this.pos++;
          continue;
        }
        break;
      }
      // Mathlib's `ℝ≥0`, `ℝ≥0∞`, `ℚ≥0` are single notations, not `ℝ ≥ 0`.
      if (parts.length === 1 && (parts[0] === "ℝ" || parts[0] === "ℚ") && this.ch() === "≥" && this.ch(1) === "0") {
        this.pos += 2;
        parts[0] += "≥0";
        if (this.ch() === "∞") {
          this.pos++;
          parts[0] += "∞";
        }
      }
      const text = parts.join(".");
      if (parts.length === 1 && (COMMAND_KEYWORDS.has(text) || TERM_KEYWORDS.has(text))) return this.make("keyword", text);
      if (text === "_") return this.make("symbol", "_");
      return this.make("ident", text);
    }

    if (isDigit(c)) return this.number(start);

    if (c === "'" && this.charLiteralEnd(this.pos) !== undefined) {
      const end = this.charLiteralEnd(this.pos) as number;
      this.pos = end;
      return this.make("char", this.src.chars.slice(start + 1, end - 1).join(""));
    }

    for (const sym of SYMBOLS_BY_FIRST.get(c) ?? []) {
      let k = 1;
      while (k < sym.chars.length && this.src.chars[this.pos + k] === sym.chars[k]) k++;
      if (k === sym.chars.length) {
        this.pos += k;
        return this.make("symbol", sym.text);
      }
    }

    this.pos++;
    const t = this.make("error", c);
    this.diagnostics.push(diagnostic("SYM001", rangeOf(this.src, start, this.pos), c));
    return t;
  }
}

/** The end of a character literal starting at `at` (a `'`), if one does. */
export function charLiteralEnd(chars: readonly string[], at: number): number | undefined {
  if (chars[at] !== "'" || isIdentRest(chars[at - 1])) return undefined;
  const c1 = chars[at + 1];
  if (c1 === undefined || c1 === "\n") return undefined;
  if (c1 !== "\\") return chars[at + 2] === "'" ? at + 3 : undefined;
  // An escape: a few characters, then the closing quote.
  for (let k = at + 3; k < at + 14 && k < chars.length; k++) {
    if (chars[k] === "\n") return undefined;
    if (chars[k] === "'") return k + 1;
  }
  return undefined;
}

/** Lexes a whole text (used by tests and tools; the parser lexes on demand). */
export function tokenize(src: SourceText, start = 0): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const lx = new Lexer(src, start);
  const tokens: Token[] = [];
  for (;;) {
    const t = lx.next();
    tokens.push(t);
    if (t.kind === "eof") break;
  }
  return { tokens, diagnostics: lx.diagnostics };
}
