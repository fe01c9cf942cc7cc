/**
 * A Pratt parser for the Lean 4 statement fragment: terms, binders and declaration headers.
 *
 * The parser reports the first problem of a statement as a diagnostic and never throws on input
 * (an internal `ParseAbort` carries the diagnostic to the public entry points).
 */
import { diagnostic, type Diagnostic, type Range } from "../diagnostics/index.js";
import type { BinaryOp, Binder, BinderStyle, DeclKeyword, Declaration, Expr, Field, NamedArg } from "./ast.js";
import { Lexer } from "./lexer.js";
import { ARG_PREC, BINARY_OPS, LEAD_PREC, MAX_PREC, PREFIX_OPS } from "./operators.js";
import { lineText, rangeOf, type SourceText } from "./source.js";
import { COMMAND_KEYWORDS, type Token } from "./tokens.js";

function atMax(expr: Expr): { expr: Expr; level: number } {
  return { expr, level: MAX_PREC };
}

class ParseAbort {
  constructor(readonly diagnostic: Diagnostic) {}
}

const UNSUPPORTED_KEYWORDS: Record<string, string> = {
  by: "a tactic block `by …`",
  have: "`have`",
  show: "`show`",
  let: "`let`",
  match: "`match`",
  calc: "`calc`",
  do: "`do` notation",
  suffices: "`suffices`",
  return: "`return`",
};

const DECL_KEYWORDS = new Set(["theorem", "lemma", "def", "abbrev", "structure"]);
const MODIFIERS = new Set(["private", "protected", "noncomputable", "partial", "unsafe", "nonrec", "public", "scoped", "local", "meta"]);
/** Terms nest at most this deep (Lean's own default `maxRecDepth` is 512). */
export const MAX_DEPTH = 256;
const BINDER_PREDICATES = new Set(["∈", "∉", "⊆", "<", "≤", "<=", ">", "≥", ">=", "≠"]);

function describe(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of input";
    case "ident":
      return `identifier \`${t.text}\``;
    case "num":
    case "decimal":
      return `number ${t.text}`;
    case "docComment":
      return "a doc comment";
    case "string":
      return "a string";
    case "char":
      return "a character literal";
    default:
      return `'${t.text}'`;
  }
}

export class Parser {
  private readonly lexer: Lexer;
  private readonly buf: Token[] = [];
  private lastEnd: number;
  /** Names bound by enclosing binders (for `K.val` projections). */
  private readonly scope: string[] = [];
  /** A token that starts a line at this column or left of it ends the term (structure fields). */
  private stopColumn: number | undefined;
  /** Terms being parsed, innermost last (bounded: see `MAX_DEPTH`). */
  private depth = 0;
  /** Names bound outside the declaration (`variable`s), always in scope. */
  private readonly outer: ReadonlySet<string>;

  /**
   * `outer`: names bound by `variable` commands in scope, so that `v.field` reads as a
   * projection of the variable `v` rather than as a dotted constant name.
   */
  constructor(
    private readonly src: SourceText,
    start = 0,
    outer: readonly string[] = [],
  ) {
    this.lexer = new Lexer(src, start);
    this.lastEnd = start;
    this.outer = new Set(outer);
  }

  // ---- tokens -------------------------------------------------------------------------------

  private peek(k = 0): Token {
    while (this.buf.length <= k) {
      const t = this.lexer.next();
      if (t.kind === "error") {
        const d = this.lexer.diagnostics[this.lexer.diagnostics.length - 1];
        if (d) throw new ParseAbort(this.withLine(d));
      }
      this.buf.push(t);
    }
    return this.buf[k] as Token;
  }

  private advance(): Token {
    const t = this.peek();
    this.buf.shift();
    this.lastEnd = t.end;
    return t;
  }

  private isSym(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "symbol" && t.text === text;
  }

  private isKw(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "keyword" && t.text === text;
  }

  private range(start: number, end = this.lastEnd): Range {
    return rangeOf(this.src, start, end);
  }

  private withLine(d: Diagnostic): Diagnostic {
    if (d.range) d.sourceLine = lineText(this.src, d.range.line);
    return d;
  }

  private error(d: Diagnostic): never {
    throw new ParseAbort(this.withLine(d));
  }

  private unexpected(expected: string): never {
    const t = this.peek();
    if (t.kind === "eof") this.error(diagnostic("SYM102", this.range(t.start, t.start), expected));
    this.error(diagnostic("SYM101", this.range(t.start, t.end), expected, describe(t)));
  }

  private expectSym(text: string, open?: Token): Token {
    if (this.isSym(text)) return this.advance();
    if (open && (this.peek().kind === "eof" || [")", "]", "⟩", "}", "⦄", ",", ":=", ":"].includes(this.peek().text))) {
      this.error(diagnostic("SYM104", this.range(open.start, open.end), open.text, text));
    }
    this.unexpected(`'${text}'`);
  }

  // ---- terms --------------------------------------------------------------------------------

  /** Parses a term whose level is at least `minPrec`. */
  term(minPrec = 0): Expr {
    const first = this.peek();
    const start = first.start;
    if (++this.depth > MAX_DEPTH) this.error(diagnostic("SYM111", this.range(first.start, first.end), MAX_DEPTH));
    try {
      return this.termAt(minPrec, start);
    } finally {
      this.depth--;
    }
  }

  private termAt(minPrec: number, start: number): Expr {
    let { expr: lhs, level } = this.leading();
    // Each turn of the loop wraps `lhs` in a node: a long chain `a + b + … + z` is a deep tree.
    let wraps = 0;
    for (;;) {
      if (this.depth + wraps++ > MAX_DEPTH) {
        const t = this.peek();
        this.error(diagnostic("SYM111", this.range(t.start, t.end), MAX_DEPTH));
      }
      if (this.stopsHere()) break;
      const t = this.peek();
      if (t.kind === "symbol" && (t.text === "⁻¹" || t.text === "ᵀ") && level >= MAX_PREC) {
        this.advance();
        lhs = { kind: "postfix", op: t.text, arg: lhs, range: this.range(start) };
        level = MAX_PREC;
        continue;
      }
      if (t.kind === "symbol" && t.text === "." && !t.spaceBefore && level >= MAX_PREC) {
        const f = this.peek(1);
        if (!f.spaceBefore && (f.kind === "ident" || f.kind === "num" || f.kind === "decimal")) {
          this.advance();
          this.advance();
          const fields = f.kind === "decimal" ? f.text.split(".") : f.text.split(".");
          for (const field of fields) lhs = { kind: "proj", target: lhs, field, range: this.range(start) };
          continue;
        }
      }
      if (level >= MAX_PREC && minPrec <= LEAD_PREC && this.startsArgument()) {
        lhs = this.application(lhs, start);
        level = LEAD_PREC;
        continue;
      }
      const spelled = t.kind === "symbol" ? t.text : "";
      const info = BINARY_OPS.get(spelled);
      if (info && info.prec >= minPrec) {
        if (level < info.lhs) {
          if (level === info.prec && info.lhs === info.prec + 1 && info.rhs === info.prec + 1) {
            this.error(diagnostic("SYM107", this.range(t.start, t.end), info.op));
          }
          break;
        }
        this.advance();
        const rhs = this.term(info.rhs);
        lhs = this.binary(info.op, lhs, rhs, start);
        level = info.prec;
        continue;
      }
      break;
    }
    return lhs;
  }

  private binary(op: BinaryOp, lhs: Expr, rhs: Expr, start: number): Expr {
    const range = this.range(start);
    if (op === "→") {
      const pi = this.asPiBinders(lhs);
      if (pi) return { kind: "forall", binders: pi, body: rhs, range };
    }
    return { kind: "binary", op, lhs, rhs, range };
  }

  /** `(x y : A) → B` is a dependent arrow: the parenthesized ascription becomes binders. */
  private asPiBinders(lhs: Expr): Binder[] | undefined {
    if (lhs.kind !== "ascription") return undefined;
    const names: Expr[] = lhs.expr.kind === "app" ? [lhs.expr.fn, ...lhs.expr.args] : [lhs.expr];
    if (lhs.expr.kind === "app" && lhs.expr.named.length > 0) return undefined;
    if (!names.every((n) => n.kind === "ident" && !n.name.includes("."))) return undefined;
    return names.map((n) => ({
      kind: "binder",
      name: n.kind === "ident" ? n.name : "_",
      style: "explicit",
      type: lhs.type,
      range: lhs.range,
    }));
  }

  /** The next token starts a line at or left of the stop column. */
  private stopsHere(): boolean {
    if (this.stopColumn === undefined) return false;
    const t = this.peek();
    if (t.kind === "eof") return true;
    const between = this.src.chars.slice(this.lastEnd, t.start).join("");
    if (!between.includes("\n")) return false;
    return rangeOf(this.src, t.start, t.end).column <= this.stopColumn;
  }

  private startsArgument(): boolean {
    const t = this.peek();
    switch (t.kind) {
      case "ident":
      case "num":
      case "decimal":
      case "string":
        return true;
      case "keyword":
        // `Pairwise fun i j => …`: a `fun` is a trailing argument.
        return t.text === "Type" || t.text === "Sort" || t.text === "Prop" || t.text === "fun";
      case "symbol":
        if (t.text === "λ") return true;
        if (t.text === "{") {
          const n = this.peek(1);
          const a = this.peek(2);
          return n.kind === "ident" && a.kind === "symbol" && (a.text === "//" || a.text === "|" || a.text === ":");
        }
        return ["(", "⟨", "[", "_", "@", "↑", "·"].includes(t.text);
      default:
        return false;
    }
  }

  private application(fn: Expr, start: number): Expr {
    const args: Expr[] = [];
    const named: NamedArg[] = [];
    while (this.startsArgument() && !this.stopsHere()) {
      if (this.isSym("(") && this.peek(1).kind === "ident" && this.isSym(":=", 2)) {
        const open = this.advance();
        const name = this.advance().text;
        this.advance();
        const value = this.term(0);
        this.expectSym(")", open);
        named.push({ name, value, range: this.range(open.start) });
      } else {
        args.push(this.term(ARG_PREC));
      }
    }
    return { kind: "app", fn, args, named, range: this.range(start) };
  }

  private leading(): { expr: Expr; level: number } {
    const t = this.peek();
    const start = t.start;
    switch (t.kind) {
      case "ident":
        this.advance();
        return atMax(this.identifier(t));
      case "num":
        this.advance();
        return atMax({ kind: "num", value: t.text, range: this.range(start) });
      case "decimal":
        this.advance();
        return atMax({ kind: "decimal", value: t.text, range: this.range(start) });
      case "string":
        this.advance();
        return atMax({ kind: "string", value: t.text, range: this.range(start) });
      case "keyword": {
        if (t.text === "fun") return { expr: this.lambda(), level: LEAD_PREC };
        if (t.text === "Prop") {
          this.advance();
          return atMax({ kind: "sort", sort: "Prop", range: this.range(start) });
        }
        if (t.text === "Type" || t.text === "Sort") {
          this.advance();
          const n = this.peek();
          let level: Expr | undefined;
          if (!n.spaceBefore && n.kind === "symbol" && n.text === "*") {
            this.advance();
            level = { kind: "hole", range: this.range(n.start) };
          } else if (n.kind === "ident" && !n.text.includes(".") && /^[a-z]\w*$/.test(n.text) && n.text.length <= 2) {
            this.advance();
            level = { kind: "ident", name: n.text, range: this.range(n.start) };
          } else if (n.kind === "num" || (n.kind === "symbol" && n.text === "_")) {
            this.advance();
            level = n.kind === "num" ? { kind: "num", value: n.text, range: this.range(n.start) } : { kind: "hole", range: this.range(n.start) };
          }
          const e: Expr = { kind: "sort", sort: t.text, range: this.range(start) };
          if (level) e.level = level;
          return atMax(e);
        }
        if (t.text === "if") return { expr: this.ite(), level: LEAD_PREC };
        const what = UNSUPPORTED_KEYWORDS[t.text];
        if (what) this.error(diagnostic("SYM103", this.range(t.start, t.end), what));
        return this.unexpected("a term");
      }
      case "symbol":
        break;
      default:
        return this.unexpected("a term");
    }
    switch (t.text) {
      case "∀":
      case "Π":
        return { expr: this.quantifier("forall"), level: LEAD_PREC };
      case "∃":
      case "∃!":
        return { expr: this.quantifier("exists"), level: LEAD_PREC };
      case "λ":
        return { expr: this.lambda(), level: LEAD_PREC };
      case "(":
        return atMax(this.parenthesized());
      case "⟨": {
        const open = this.advance();
        const elems = this.isSym("⟩") ? [] : this.commaList();
        this.expectSym("⟩", open);
        return atMax({ kind: "anon", elems, range: this.range(start) });
      }
      case "[": {
        const open = this.advance();
        const elems = this.isSym("]") ? [] : this.commaList();
        this.expectSym("]", open);
        return atMax({ kind: "list", elems, range: this.range(start) });
      }
      case "_":
        this.advance();
        return atMax({ kind: "hole", range: this.range(start) });
      case "@": {
        this.advance();
        const n = this.peek();
        if (n.kind !== "ident" || n.spaceBefore) this.unexpected("an identifier after '@'");
        this.advance();
        return atMax({ kind: "explicit", name: n.text, range: this.range(start) });
      }
      case "{": {
        const set = this.setBuilder();
        if (set) return atMax(set);
        this.error(diagnostic("SYM103", this.range(t.start, t.end), "structure-instance notation `{ … }`"));
        break;
      }
      case "·":
        this.error(diagnostic("SYM103", this.range(t.start, t.end), "the `·` function shorthand"));
        break;
      case "∑":
      case "∏":
        this.error(diagnostic("SYM103", this.range(t.start, t.end), `big-operator notation \`${t.text}\``));
        break;
      default: {
        const pre = PREFIX_OPS.get(t.text);
        if (pre) {
          this.advance();
          const arg = this.term(pre.arg);
          return { expr: { kind: "unary", op: pre.op, arg, range: this.range(start) }, level: pre.prec };
        }
      }
    }
    return this.unexpected("a term");
  }

  /** `if c then a else b`, `if h : c then a else b`. */
  private ite(): Expr {
    const start = this.advance().start;
    let hypName: string | undefined;
    if (this.peek().kind === "ident" && this.isSym(":", 1)) {
      hypName = this.advance().text;
      this.advance();
    }
    const cond = this.term(0);
    if (!this.isKw("then")) this.unexpected("'then'");
    this.advance();
    if (hypName) this.scope.push(hypName);
    const thenE = this.term(0);
    if (!this.isKw("else")) this.unexpected("'else'");
    this.advance();
    const elseE = this.term(0);
    if (hypName) this.scope.pop();
    const e: Expr = { kind: "ite", cond, then: thenE, else: elseE, range: this.range(start) };
    if (hypName) e.hypName = hypName;
    return e;
  }

  /** `{x : T // p}`, `{x | p}`, `{x : T | p}`; `undefined` (nothing consumed) otherwise. */
  private setBuilder(): Expr | undefined {
    const n = this.peek(1);
    if (n.kind !== "ident" || n.text.includes(".")) return undefined;
    const after = this.peek(2);
    if (!(after.kind === "symbol" && (after.text === ":" || after.text === "|" || after.text === "//"))) return undefined;
    const open = this.advance();
    const nameTok = this.advance();
    let type: Expr | undefined;
    if (this.isSym(":")) {
      this.advance();
      type = this.term(0);
    }
    const sep = this.peek();
    if (!(sep.kind === "symbol" && (sep.text === "|" || sep.text === "//"))) this.unexpected("'//' or '|'");
    this.advance();
    this.scope.push(nameTok.text);
    const body = this.term(0);
    this.scope.pop();
    this.expectSym("}", open);
    const binder: Binder = { kind: "binder", name: nameTok.text, style: "explicit", range: this.range(nameTok.start, nameTok.end) };
    if (type) binder.type = type;
    return { kind: "setOf", binder, body, subtype: sep.text === "//", range: this.range(open.start) };
  }

  /** An identifier; `K.val` with `K` bound becomes a projection. */
  private identifier(t: Token): Expr {
    const parts = t.text.split(".");
    const head = parts[0] ?? t.text;
    if (parts.length > 1 && (this.scope.includes(head) || this.outer.has(head))) {
      let e: Expr = { kind: "ident", name: head, range: rangeOf(this.src, t.start, t.start + Array.from(head).length) };
      let offset = t.start + Array.from(head).length;
      for (const field of parts.slice(1)) {
        offset += 1 + Array.from(field).length;
        e = { kind: "proj", target: e, field, range: rangeOf(this.src, t.start, offset) };
      }
      return e;
    }
    return { kind: "ident", name: t.text, range: this.range(t.start) };
  }

  private commaList(): Expr[] {
    const elems = [this.term(0)];
    while (this.isSym(",")) {
      this.advance();
      elems.push(this.term(0));
    }
    return elems;
  }

  private parenthesized(): Expr {
    const open = this.advance();
    const start = open.start;
    if (this.isSym(")")) {
      this.advance();
      return { kind: "tuple", elems: [], range: this.range(start) };
    }
    if (this.isSym("·")) {
      const t = this.peek();
      this.error(diagnostic("SYM103", this.range(t.start, t.end), "the `·` function shorthand"));
    }
    const first = this.term(0);
    if (this.isSym(":")) {
      this.advance();
      const type = this.term(0);
      this.expectSym(")", open);
      return { kind: "ascription", expr: first, type, range: this.range(start) };
    }
    if (this.isSym(",")) {
      const elems = [first];
      while (this.isSym(",")) {
        this.advance();
        elems.push(this.term(0));
      }
      this.expectSym(")", open);
      return { kind: "tuple", elems, range: this.range(start) };
    }
    this.expectSym(")", open);
    return { kind: "paren", expr: first, range: this.range(start) };
  }

  // ---- binders ------------------------------------------------------------------------------

  private binderName(): { name: string; token: Token } {
    const t = this.peek();
    if (t.kind === "ident" && !t.text.includes(".")) {
      this.advance();
      return { name: t.text, token: t };
    }
    if (t.kind === "symbol" && t.text === "_") {
      this.advance();
      return { name: "_", token: t };
    }
    if (t.kind === "symbol" && t.text === "⟨") {
      this.error(diagnostic("SYM103", this.range(t.start, t.end), "a pattern in a binder"));
    }
    if (t.kind === "eof") this.unexpected("a binder name");
    this.error(diagnostic("SYM106", this.range(t.start, t.end), describe(t)));
  }

  private static readonly CLOSERS: Record<string, [string, BinderStyle]> = {
    "(": [")", "explicit"],
    "{": ["}", "implicit"],
    "⦃": ["⦄", "strictImplicit"],
    "[": ["]", "instance"],
  };

  private startsBracketedBinder(): boolean {
    const t = this.peek();
    return t.kind === "symbol" && t.text in Parser.CLOSERS;
  }

  /** `(x y : T)`, `{n : Nat}`, `⦃x : T⦄`, `{{x : T}}`, `[C α]`, `[inst : C α]`. */
  private bracketedBinder(): Binder[] {
    const open = this.advance();
    let [close, style] = Parser.CLOSERS[open.text] as [string, BinderStyle];
    if (open.text === "{" && this.isSym("{") && !this.peek().spaceBefore) {
      this.advance();
      close = "}";
      style = "strictImplicit";
    }
    const finish = (): void => {
      this.expectSym(close, open);
      if (style === "strictImplicit" && open.text === "{") this.expectSym("}", open);
    };
    if (style === "instance") {
      let name = "_";
      if (this.peek().kind === "ident" && this.isSym(":", 1)) {
        name = this.advance().text;
        this.advance();
      }
      const type = this.term(0);
      finish();
      return [{ kind: "binder", name, style, type, range: this.range(open.start) }];
    }
    const names: Token[] = [];
    const nameStrs: string[] = [];
    do {
      const { name, token } = this.binderName();
      names.push(token);
      nameStrs.push(name);
    } while (!this.isSym(":") && !this.isSym(close) && !this.isSym(":="));
    let type: Expr | undefined;
    let defaultValue: Expr | undefined;
    if (this.isSym(":")) {
      this.advance();
      type = this.term(0);
    }
    if (this.isSym(":=")) {
      this.advance();
      defaultValue = this.term(0);
    }
    finish();
    const range = this.range(open.start);
    return nameStrs.map((name) => {
      const b: Binder = { kind: "binder", name, style, range };
      if (type) b.type = type;
      if (defaultValue) b.defaultValue = defaultValue;
      return b;
    });
  }

  /**
   * The binders of `∀`, `∃` and `fun`: bracketed groups and bare names, then an optional
   * `: T` (bare names only) or a binder predicate `x ∈ S`, `x > 0`.
   */
  private quantBinders(terminators: string[]): { binders: Binder[]; predicate?: { op: BinaryOp; bound: Expr; start: number } } {
    const binders: Binder[] = [];
    let bare = true;
    const isTerminator = (): boolean => terminators.some((s) => this.isSym(s));
    do {
      if (this.startsBracketedBinder()) {
        bare = false;
        const group = this.bracketedBinder();
        binders.push(...group);
        this.scope.push(...group.map((b) => b.name));
      } else {
        const { name, token } = this.binderName();
        binders.push({ kind: "binder", name, style: "explicit", range: this.range(token.start, token.end) });
        this.scope.push(name);
      }
    } while (!isTerminator() && !this.isSym(":") && !(this.peek().kind === "symbol" && BINDER_PREDICATES.has(this.peek().text)));
    if (bare && this.isSym(":")) {
      this.advance();
      const type = this.term(0);
      for (const b of binders) b.type = type;
    } else if (bare && this.peek().kind === "symbol" && BINDER_PREDICATES.has(this.peek().text)) {
      const t = this.advance();
      const info = BINARY_OPS.get(t.text);
      const bound = this.term(51);
      if (info) return { binders, predicate: { op: info.op, bound, start: t.start } };
    }
    return { binders };
  }

  private quantifier(kind: "forall" | "exists"): Expr {
    const q = this.advance();
    const depth = this.scope.length;
    const { binders, predicate } = this.quantBinders([","]);
    this.expectSym(",");
    let body = this.term(0);
    this.scope.length = depth;
    const range = this.range(q.start);
    if (predicate) {
      const conj: BinaryOp = kind === "forall" ? "→" : "∧";
      for (let i = binders.length - 1; i >= 0; i--) {
        const b = binders[i] as Binder;
        const cond: Expr = {
          kind: "binary",
          op: predicate.op,
          lhs: { kind: "ident", name: b.name, range: b.range },
          rhs: predicate.bound,
          range: b.range,
        };
        body = { kind: "binary", op: conj, lhs: cond, rhs: body, range };
      }
    }
    if (kind === "forall") return { kind: "forall", binders, body, range };
    return { kind: "exists", binders, body, unique: q.text === "∃!", range };
  }

  private lambda(): Expr {
    const f = this.advance();
    const depth = this.scope.length;
    const { binders, predicate } = this.quantBinders(["=>", "↦"]);
    if (predicate) this.error(diagnostic("SYM103", this.range(predicate.start, predicate.start + 1), "a binder predicate in `fun`"));
    if (this.isSym("=>") || this.isSym("↦")) this.advance();
    else this.unexpected("'=>'");
    const body = this.term(0);
    this.scope.length = depth;
    return { kind: "fun", binders, body, range: this.range(f.start) };
  }

  // ---- declarations -------------------------------------------------------------------------

  /** A declaration whose keyword must sit on 1-based line `line`. */
  declarationOnLine(line: number): Declaration {
    const first = this.peek();
    const at = rangeOf(this.src, first.start, first.end);
    if (at.line !== line) {
      const here = rangeOf(this.src, this.lastEnd, this.lastEnd);
      this.error(diagnostic("SYM108", { ...here, line, column: 1, endLine: line, endColumn: 1 }, line));
    }
    return this.declaration();
  }

  /** A declaration header (and the body of a `def … : Prop`), starting at the cursor. */
  declaration(): Declaration {
    let docstring: string | undefined;
    const modifiers: string[] = [];
    let start = this.peek().start;
    for (;;) {
      const t = this.peek();
      if (t.kind === "docComment") {
        docstring = t.text;
        this.advance();
        start = this.peek().start;
      } else if (t.kind === "symbol" && t.text === "@[") {
        this.skipAttribute();
      } else if (t.kind === "keyword" && MODIFIERS.has(t.text)) {
        modifiers.push(t.text);
        this.advance();
      } else if (t.kind === "keyword" && (t.text === "open" || t.text === "set_option" || t.text === "omit" || t.text === "include")) {
        // `open Foo in`, `set_option name value in`: a prefix scoped to this declaration.
        this.commandPrefix(t);
      } else {
        break;
      }
    }
    const kw = this.peek();
    if (kw.kind !== "keyword" || !DECL_KEYWORDS.has(kw.text)) {
      this.error(diagnostic("SYM109", this.range(kw.start, kw.end), describe(kw)));
    }
    this.advance();
    const keyword = kw.text as DeclKeyword;
    const nameTok = this.peek();
    if (nameTok.kind !== "ident") this.unexpected("a declaration name");
    this.advance();
    const nameRange = this.range(nameTok.start);
    // Universe parameters `foo.{u v}`.
    if (this.isSym(".") && !this.peek().spaceBefore && this.isSym("{", 1)) {
      this.advance();
      const open = this.advance();
      while (!this.isSym("}")) {
        if (this.peek().kind !== "ident" && !this.isSym(",")) this.expectSym("}", open);
        this.advance();
      }
      this.advance();
    }
    const binders: Binder[] = [];
    while (this.startsBracketedBinder() || (this.peek().kind === "ident" && !this.peek().text.includes("."))) {
      const group = this.startsBracketedBinder() ? this.bracketedBinder() : this.bareBinder();
      binders.push(...group);
      this.scope.push(...group.map((b) => b.name));
    }
    // `structure S … extends P₁, P₂`: the parents are part of what `S` says.
    const parents: Expr[] = [];
    if (keyword === "structure" && this.isKw("extends")) {
      this.advance();
      parents.push(this.parentTerm());
      while (this.isSym(",")) {
        this.advance();
        parents.push(this.parentTerm());
      }
    }
    const header = (type: Expr): Declaration => {
      const d: Declaration = { kind: "declaration", keyword, name: nameTok.text, fullName: nameTok.text, modifiers, binders, type, range: this.range(start), nameRange };
      if (docstring !== undefined) d.docstring = docstring;
      if (parents.length > 0) d.parents = parents;
      return d;
    };
    if (keyword === "structure" && !this.isSym(":")) {
      // A data structure (`structure GL … where`): its header is all the harness needs.
      this.scope.length = 0;
      return header({ kind: "sort", sort: "Type", range: nameRange });
    }
    if (!this.isSym(":")) {
      if (this.isSym(":=") || this.isKw("where") || this.isSym("|")) {
        this.error(diagnostic("SYM105", nameRange, nameTok.text));
      }
      this.unexpected("':'");
    }
    this.advance();
    const type = this.term(0);
    const decl = header(type);
    const end = this.peek();
    const endsHeader = this.isSym(":=") || this.isKw("where") || this.isSym("|") || end.kind === "eof";
    if (!endsHeader) this.unexpected("':='");
    if (keyword === "structure" && returnsProp(type)) {
      let fields: Field[] = [];
      if (this.isKw("where")) {
        this.advance();
        fields = this.structureFields();
        this.expectCommandEnd("the next field or the end of the structure");
      }
      // A parent `P x` is the field `toP` (a proposition like the others).
      const parentFields = parents.map((p): Field => {
        const head = p.kind === "app" ? p.fn : p;
        const last = head.kind === "ident" ? (head.name.split(".").pop() ?? "parent") : "parent";
        return { name: `to${last}`, type: p, range: p.range };
      });
      decl.fields = [...parentFields, ...fields];
      const conjuncts = decl.fields.map((f) => f.type);
      if (conjuncts.length > 0) {
        decl.body = conjuncts.reduceRight((acc, x) => ({ kind: "binary", op: "∧", lhs: x, rhs: acc, range: x.range }));
      }
    }
    // A definition by cases (`| 0 => …`, recursive predicates such as `LayerGroup.Forall`) keeps
    // its header and has no body: its meaning is a builtin's or the export's, or it has none
    // (SYM201 where it is used).
    if ((keyword === "def" || keyword === "abbrev") && this.isSym(":=")) {
      this.advance();
      if (returnsProp(type)) {
        decl.body = this.definitionBody();
      } else {
        // A value definition: its body is used to unfold it when no numeric semantics exists;
        // a body outside the fragment is simply not available.
        try {
          decl.body = this.definitionBody();
        } catch (e) {
          if (!(e instanceof ParseAbort)) throw e;
        }
      }
    }
    this.scope.length = 0;
    return decl;
  }

  /** A parent after `extends` (`toP : P x` names its projection; the name is dropped). */
  private parentTerm(): Expr {
    if (this.peek().kind === "ident" && this.isSym(":", 1) && !this.peek().text.includes(".")) {
      this.advance();
      this.advance();
    }
    return this.term(0);
  }

  /** `open A B in`, `set_option a.b v in`, `omit … in`, `include … in` before a declaration. */
  private commandPrefix(kw: Token): void {
    this.advance();
    for (;;) {
      const t = this.peek();
      if (t.kind === "keyword" && t.text === "in") {
        this.advance();
        return;
      }
      if (t.kind === "eof" || t.kind === "docComment" || (t.kind === "keyword" && DECL_KEYWORDS.has(t.text))) {
        this.error(diagnostic("SYM103", this.range(kw.start, kw.end), `a \`${kw.text}\` command (only \`${kw.text} … in\` before a declaration is read)`));
      }
      this.advance();
    }
  }

  /** After a command: the next token must start another command (or end the file). */
  private expectCommandEnd(expected: string): void {
    const after = this.peek();
    const fine =
      after.kind === "eof" ||
      after.kind === "docComment" ||
      (after.kind === "keyword" && COMMAND_KEYWORDS.has(after.text)) ||
      (after.kind === "symbol" && (after.text === "@[" || after.text === "#"));
    if (!fine) this.unexpected(expected);
  }

  /** `name : type` lines of a `structure … where` (a field ends where the next line starts). */
  private structureFields(): Field[] {
    const fields: Field[] = [];
    // An explicit constructor name `mk ::`.
    if (this.peek().kind === "ident" && this.isSym("::", 1)) {
      this.advance();
      this.advance();
    }
    for (;;) {
      while (this.peek().kind === "docComment") this.advance();
      const t = this.peek();
      if (t.kind !== "ident" || t.text.includes(".") || !this.isSym(":", 1)) break;
      const column = rangeOf(this.src, t.start, t.end).column;
      this.advance();
      this.advance();
      const saved = this.stopColumn;
      this.stopColumn = column;
      const type = this.term(0);
      this.stopColumn = saved;
      fields.push({ name: t.text, type, range: this.range(t.start) });
    }
    return fields;
  }

  private definitionBody(): Expr {
    const body = this.term(0);
    this.expectCommandEnd("the end of the definition");
    return body;
  }

  /**
   * `variable` followed by bracketed binders, then the end of the command or `in` (`scoped`:
   * the binders are for the next declaration only).
   */
  variableCommand(): { binders: Binder[]; scoped: boolean } {
    if (!this.isKw("variable")) this.unexpected("'variable'");
    this.advance();
    const out: Binder[] = [];
    while (this.startsBracketedBinder()) {
      const group = this.bracketedBinder();
      out.push(...group);
      this.scope.length = 0;
    }
    if (this.isKw("in")) {
      this.advance();
      return { binders: out, scoped: true };
    }
    this.expectCommandEnd("a binder or the end of the `variable` command");
    return { binders: out, scoped: false };
  }

  private bareBinder(): Binder[] {
    const t = this.advance();
    return [{ kind: "binder", name: t.text, style: "explicit", range: this.range(t.start) }];
  }

  private skipAttribute(): void {
    const open = this.advance();
    let depth = 1;
    while (depth > 0) {
      const t = this.peek();
      if (t.kind === "eof") this.error(diagnostic("SYM104", this.range(open.start, open.end), "@[", "]"));
      if (t.kind === "symbol" && (t.text === "[" || t.text === "@[")) depth++;
      if (t.kind === "symbol" && t.text === "]") depth--;
      this.advance();
    }
  }

  /** After a complete parse: the next token must be the end of input. */
  expectEnd(): void {
    if (this.peek().kind !== "eof") this.unexpected("end of input");
  }

  /** Runs a parse; an unexpected failure (a bug) is still a diagnostic, at `where` when given. */
  static run<T>(fn: () => T, where?: Range): { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] } {
    try {
      return { ok: true, value: fn() };
    } catch (e) {
      if (e instanceof ParseAbort) return { ok: false, diagnostics: [e.diagnostic] };
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, diagnostics: [diagnostic("SYM103", where, `internal parser failure (${message})`)] };
    }
  }
}

/** `Prop`, or a (dependent) arrow ending in `Prop`. */
export function returnsProp(type: Expr): boolean {
  let t = type;
  for (;;) {
    if (t.kind === "sort") return t.sort === "Prop";
    if (t.kind === "binary" && t.op === "→") t = t.rhs;
    else if (t.kind === "forall") t = t.body;
    else if (t.kind === "paren") t = t.expr;
    else return false;
  }
}
