/**
 * The lexer: code points to tokens, on demand from any offset (a file's tactic proofs are never
 * lexed, only the statements the parser asks for).
 */
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { rangeOf, type SourceText } from "./source.js";
import { COMMAND_KEYWORDS, SYMBOLS, TERM_KEYWORDS, type Token } from "./tokens.js";

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
  return ch !== undefined && /^[A-Za-z]$/.test(ch);
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

  next(): Token {
    const spaceBefore = this.skipTrivia();
    const start = this.pos;
    const c = this.ch();
    const make = (kind: Token["kind"], text: string): Token => ({ kind, text, start, end: this.pos, spaceBefore });
    if (c === undefined) return make("eof", "");

    if (c === "/" && this.ch(1) === "-" && (this.ch(2) === "-" || this.ch(2) === "!")) {
      const bodyStart = this.pos + 3;
      if (!this.skipBlockComment()) return make("eof", "");
      const body = this.src.chars.slice(bodyStart, this.pos - 2).join("").trim();
      return make("docComment", body);
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
      const text = parts.join(".");
      if (parts.length === 1 && (COMMAND_KEYWORDS.has(text) || TERM_KEYWORDS.has(text))) return make("keyword", text);
      if (text === "_") return make("symbol", "_");
      return make("ident", text);
    }

    if (isDigit(c)) {
      while (isDigit(this.ch()) || this.ch() === "_") this.pos++;
      if (this.ch() === "." && isDigit(this.ch(1))) {
        this.pos++;
        while (isDigit(this.ch())) this.pos++;
        return make("decimal", this.src.chars.slice(start, this.pos).join("").replace(/_/g, ""));
      }
      return make("num", this.src.chars.slice(start, this.pos).join("").replace(/_/g, ""));
    }

    if (c === '"') {
      this.pos++;
      while (this.ch() !== undefined && this.ch() !== '"' && this.ch() !== "\n") {
        if (this.ch() === "\\") this.pos++;
        this.pos++;
      }
      if (this.ch() !== '"') {
        this.diagnostics.push(diagnostic("SYM003", rangeOf(this.src, start, this.pos)));
        return make("error", "");
      }
      this.pos++;
      return make("string", this.src.chars.slice(start + 1, this.pos - 1).join(""));
    }

    for (const sym of SYMBOLS) {
      const n = sym.length === 1 ? 1 : Array.from(sym).length;
      if (this.src.chars.slice(this.pos, this.pos + n).join("") === sym) {
        this.pos += n;
        return make("symbol", sym);
      }
    }

    this.pos++;
    const t = make("error", c);
    this.diagnostics.push(diagnostic("SYM001", rangeOf(this.src, start, this.pos), c));
    return t;
  }
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
