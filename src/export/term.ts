/**
 * A parser for the terms Lean prints with `pp.all`: applications, `@` constants with universe
 * levels, `fun`/`∀`/arrow binders with their binder info, `let`, literals (`nat_lit 3`, numerals,
 * strings), sorts, and projections `x.1`. Small and exact: anything else is a diagnostic with
 * its position, never a guess. Names bound by an enclosing binder are variables, every other
 * name is a constant.
 */
import { diagnostic, fail, ok, type Diagnostic, type Result } from "../diagnostics/index.js";

export type BinderInfo = "default" | "implicit" | "strictImplicit" | "instImplicit";

export interface Binder {
  /** The binder's name; `_` for the anonymous binder of a non-dependent arrow or `[C]`. */
  name: string;
  type: Term;
  info: BinderInfo;
}

/** Every node carries its offset in the text it was parsed from. */
export type Term =
  | { k: "const"; name: string; levels: string[]; explicit: boolean; at: number }
  | { k: "var"; name: string; at: number }
  | { k: "app"; fn: Term; args: Term[]; at: number }
  | { k: "lam"; binders: Binder[]; body: Term; at: number }
  | { k: "pi"; binders: Binder[]; body: Term; at: number }
  | { k: "let"; name: string; type?: Term; value: Term; body: Term; at: number }
  | { k: "nat"; value: bigint; raw: boolean; at: number }
  | { k: "str"; value: string; at: number }
  | { k: "sort"; sort: "Prop" | "Type" | "Sort"; level?: string; at: number }
  | { k: "proj"; term: Term; field: string; at: number };

type Tok =
  | { t: "ident"; v: string; at: number; end: number }
  | { t: "num"; v: string; at: number; end: number }
  | { t: "str"; v: string; at: number; end: number }
  | { t: "proj"; v: string; at: number; end: number }
  | { t: "levels"; v: string; at: number; end: number }
  | { t: "sym"; v: string; at: number; end: number }
  | { t: "eof"; v: ""; at: number; end: number };

const ID_START = /[\p{L}_]/u;
const ID_REST = /[\p{L}\p{N}_'!?₀-₉✝]/u;
const SYMS = ["=>", ":=", "→", "∀", "(", ")", "{", "}", "[", "]", "⦃", "⦄", ",", ":", ";", "@", "+"];
export const MAX_DEPTH = 1000;

class ParseError extends Error {
  constructor(readonly diag: Diagnostic) {
    super(diag.message);
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

function errAt(text: string, file: string, at: number, end: number, expected: string, found: string): ParseError {
  const a = position(text, at);
  const b = position(text, Math.max(end, at + 1));
  return new ParseError(diagnostic("SYM601", { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column }, expected, found));
}

function lex(text: string, file: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (c === "«" || ID_START.test(c)) {
      // A dotted name; components may be «escaped»; a numeric component is a projection.
      let v = "";
      for (;;) {
        if (text[i] === "«") {
          const e = text.indexOf("»", i);
          if (e < 0) throw errAt(text, file, i, n, "'»'", "the end of the term");
          v += text.slice(i + 1, e);
          i = e + 1;
        } else if (i < n && ID_START.test(text[i]!)) {
          let j = i + 1;
          while (j < n && ID_REST.test(text[j]!)) j++;
          v += text.slice(i, j);
          i = j;
        } else break;
        if (text[i] === "." && i + 1 < n && (text[i + 1] === "«" || ID_START.test(text[i + 1]!))) {
          v += ".";
          i++;
        } else break;
      }
      toks.push({ t: "ident", v, at, end: i });
      continue;
    }
    if (c === "." && text[i + 1] === "{") {
      const e = text.indexOf("}", i);
      if (e < 0) throw errAt(text, file, i, n, "'}' closing the universe levels", "the end of the term");
      const v = text.slice(i + 2, e);
      toks.push({ t: "levels", v, at, end: e + 1 });
      i = e + 1;
      continue;
    }
    if (c === "." && /[0-9]/.test(text[i + 1] ?? "")) {
      let j = i + 1;
      while (j < n && /[0-9]/.test(text[j]!)) j++;
      toks.push({ t: "proj", v: text.slice(i + 1, j), at, end: j });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i;
      while (j < n && /[0-9]/.test(text[j]!)) j++;
      toks.push({ t: "num", v: text.slice(i, j), at, end: j });
      i = j;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = "";
      while (j < n && text[j] !== '"') {
        if (text[j] === "\\") {
          const e = text[j + 1];
          v += e === "n" ? "\n" : e === "t" ? "\t" : (e ?? "");
          j += 2;
        } else v += text[j++];
      }
      if (j >= n) throw errAt(text, file, i, n, "'\"' closing the string", "the end of the term");
      toks.push({ t: "str", v, at, end: j + 1 });
      i = j + 1;
      continue;
    }
    const s = SYMS.find((x) => text.startsWith(x, i));
    if (s) {
      toks.push({ t: "sym", v: s, at, end: i + s.length });
      i += s.length;
      continue;
    }
    throw errAt(text, file, i, i + 1, "a term", `'${c}'`);
  }
  toks.push({ t: "eof", v: "", at: n, end: n });
  return toks;
}

/** Splits universe levels `u, max u v, u + 1` at the top-level commas. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const OPEN: Record<string, [string, BinderInfo]> = { "(": [")", "default"], "{": ["}", "implicit"], "⦃": ["⦄", "strictImplicit"], "[": ["]", "instImplicit"] };

class Parser {
  private p = 0;
  private depth = 0;
  private scope: string[] = [];
  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly toks: Tok[],
    bound: readonly string[],
  ) {
    this.scope.push(...bound);
  }

  private cur(): Tok {
    return this.toks[this.p]!;
  }
  private describe(t: Tok): string {
    return t.t === "eof" ? "the end of the term" : `'${this.text.slice(t.at, t.end)}'`;
  }
  private fail(expected: string): never {
    throw errAt(this.text, this.file, this.cur().at, this.cur().end, expected, this.describe(this.cur()));
  }
  private isSym(v: string): boolean {
    return this.cur().t === "sym" && this.cur().v === v;
  }
  private isWord(v: string): boolean {
    return this.cur().t === "ident" && this.cur().v === v;
  }
  private expectSym(v: string): void {
    if (!this.isSym(v)) this.fail(`'${v}'`);
    this.p++;
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      const a = position(this.text, this.cur().at);
      throw new ParseError(diagnostic("SYM602", { file: this.file, line: a.line, column: a.column, endLine: a.line, endColumn: a.column + 1 }, MAX_DEPTH));
    }
  }

  parseAll(): Term {
    const t = this.term();
    if (this.cur().t !== "eof") this.fail("the end of the term");
    return t;
  }

  /** term := fun | ∀ | let | arrow */
  term(): Term {
    this.enter();
    try {
      const at = this.cur().at;
      if (this.isWord("fun")) {
        this.p++;
        const n0 = this.scope.length;
        const binders = this.binderGroups("=>");
        this.expectSym("=>");
        const body = this.term();
        this.scope.length = n0;
        return { k: "lam", binders, body, at };
      }
      if (this.isSym("∀")) {
        this.p++;
        const n0 = this.scope.length;
        const binders = this.binderGroups(",");
        this.expectSym(",");
        const body = this.term();
        this.scope.length = n0;
        return { k: "pi", binders, body, at };
      }
      if (this.isWord("let")) {
        this.p++;
        if (this.cur().t !== "ident") this.fail("a name after `let`");
        const name = this.cur().v;
        this.p++;
        let type: Term | undefined;
        if (this.isSym(":")) {
          this.p++;
          type = this.term();
        }
        this.expectSym(":=");
        const value = this.term();
        this.expectSym(";");
        this.scope.push(name);
        const body = this.term();
        this.scope.pop();
        return type ? { k: "let", name, type, value, body, at } : { k: "let", name, value, body, at };
      }
      // A dependent arrow `(x : T) → U`, `{x : T} → U`, `[C] → U`, or a plain `A → B`.
      const save = this.p;
      if (this.cur().t === "sym" && OPEN[this.cur().v as string]) {
        const group = this.tryArrowBinder();
        if (group) {
          const n0 = this.scope.length;
          this.scope.push(...group.map((b) => b.name));
          const body = this.term();
          this.scope.length = n0;
          return { k: "pi", binders: group, body, at };
        }
        this.p = save;
      }
      const lhs = this.app();
      if (this.isSym("→")) {
        this.p++;
        this.scope.push("_");
        const body = this.term();
        this.scope.pop();
        return { k: "pi", binders: [{ name: "_", type: lhs, info: "default" }], body, at };
      }
      return lhs;
    } finally {
      this.depth--;
    }
  }

  /** `(x y : T) →` or `[C] →` at the current position, or undefined (position unchanged by caller). */
  private tryArrowBinder(): Binder[] | undefined {
    const open = this.cur().v;
    const [close, info] = OPEN[open]!;
    this.p++;
    const names: string[] = [];
    while (this.cur().t === "ident" && !this.cur().v.includes(".")) {
      names.push(this.cur().v);
      this.p++;
    }
    let type: Term;
    if (this.isSym(":") && names.length > 0) {
      this.p++;
      type = this.term();
    } else if (open === "[") {
      // An anonymous instance binder `[C α] →`: re-read the names as the class application.
      this.p -= names.length;
      names.length = 0;
      type = this.term();
      names.push("_");
    } else return undefined;
    if (!this.isSym(close)) return undefined;
    this.p++;
    if (!this.isSym("→")) return undefined;
    this.p++;
    return names.map((name) => ({ name, type, info }));
  }

  /** Binder groups of `fun`/`∀` up to `stop`: `(x y : T)`, `{x : T}`, `[inst : C]`, `⦃x : T⦄`, or bare names. */
  private binderGroups(stop: string): Binder[] {
    const out: Binder[] = [];
    while (!this.isSym(stop)) {
      if (this.cur().t === "ident") {
        out.push({ name: this.cur().v, type: { k: "sort", sort: "Sort", level: "_", at: this.cur().at }, info: "default" });
        this.scope.push(this.cur().v);
        this.p++;
        continue;
      }
      if (this.cur().t !== "sym" || !OPEN[this.cur().v as string]) this.fail(`a binder or '${stop}'`);
      const open = this.cur().v as string;
      const [close, info] = OPEN[open]!;
      this.p++;
      const names: string[] = [];
      while (this.cur().t === "ident" && !this.isSym(":")) {
        names.push(this.cur().v as string);
        this.p++;
      }
      let type: Term;
      if (open === "[" && !this.isSym(":")) {
        // An anonymous instance binder `[C α]`: the names were the class application.
        this.p -= names.length;
        names.length = 0;
        names.push("_");
        type = this.term();
      } else {
        if (names.length === 0) this.fail("a binder name");
        this.expectSym(":");
        type = this.term();
      }
      this.expectSym(close);
      for (const name of names) {
        out.push({ name, type, info });
        this.scope.push(name);
      }
    }
    if (out.length === 0) this.fail("a binder");
    return out;
  }

  /** app := atom atom* [fun … | ∀ …] (a trailing binder term needs no parentheses) */
  private app(): Term {
    const at = this.cur().at;
    const fn = this.atom();
    const args: Term[] = [];
    for (;;) {
      if (this.isWord("fun") || this.isSym("∀") || this.isWord("let")) {
        args.push(this.term());
        break;
      }
      if (!this.startsAtom()) break;
      args.push(this.atom());
    }
    return args.length === 0 ? fn : { k: "app", fn, args, at };
  }

  private startsAtom(): boolean {
    const t = this.cur();
    if (t.t === "ident") return !["fun", "let"].includes(t.v);
    if (t.t === "num" || t.t === "str") return true;
    return t.t === "sym" && (t.v === "(" || t.v === "@");
  }

  private atom(): Term {
    this.enter();
    try {
      let t = this.atomCore();
      while (this.cur().t === "proj") {
        t = { k: "proj", term: t, field: this.cur().v, at: this.cur().at };
        this.p++;
      }
      return t;
    } finally {
      this.depth--;
    }
  }

  private atomCore(): Term {
    const t = this.cur();
    const at = t.at;
    if (t.t === "num") {
      this.p++;
      return { k: "nat", value: BigInt(t.v), raw: false, at };
    }
    if (t.t === "str") {
      this.p++;
      return { k: "str", value: t.v, at };
    }
    if (this.isSym("(")) {
      this.p++;
      const inner = this.term();
      this.expectSym(")");
      return inner;
    }
    const explicit = this.isSym("@");
    if (explicit) this.p++;
    if (this.cur().t !== "ident") this.fail("a name, a literal or '('");
    const name = this.cur().v;
    this.p++;
    if (!explicit && name === "nat_lit") {
      if (this.cur().t !== "num") this.fail("a numeral after `nat_lit`");
      const v = BigInt(this.cur().v);
      this.p++;
      return { k: "nat", value: v, raw: true, at };
    }
    if (!explicit && (name === "Prop" || name === "Type" || name === "Sort")) {
      if (name === "Prop") return { k: "sort", sort: "Prop", at };
      // `Type`, `Type u`, `Type (u + 1)`, `Sort (max 1 u)`
      let level: string | undefined;
      if (this.cur().t === "ident" || this.cur().t === "num") {
        level = this.cur().v;
        this.p++;
      } else if (this.isSym("(")) {
        let d = 0;
        const from = this.cur().at;
        do {
          if (this.isSym("(")) d++;
          else if (this.isSym(")")) d--;
          else if (this.cur().t === "eof") this.fail("')'");
          this.p++;
        } while (d > 0);
        level = this.text.slice(from + 1, this.toks[this.p - 1]!.at).trim();
      }
      return level === undefined ? { k: "sort", sort: name, at } : { k: "sort", sort: name, level, at };
    }
    let levels: string[] = [];
    if (this.cur().t === "levels") {
      levels = splitTop(this.cur().v);
      this.p++;
    }
    if (!explicit && levels.length === 0 && this.scope.includes(name)) return { k: "var", name, at };
    // A projection written with a field name on a local: `x.fst` (the local is the head).
    if (!explicit && levels.length === 0 && name.includes(".")) {
      const head = name.split(".")[0]!;
      if (this.scope.includes(head)) {
        let term: Term = { k: "var", name: head, at };
        for (const f of name.split(".").slice(1)) term = { k: "proj", term, field: f, at };
        return term;
      }
    }
    return { k: "const", name, levels, explicit, at };
  }
}

/**
 * Parses one exported term. `bound` lists names already in scope (none for a closed term).
 * `file` names the source of the text in diagnostics (e.g. `out/export.json#Sym.frobSq`).
 */
export function parseTerm(text: string, file = "<term>", bound: readonly string[] = []): Result<Term> {
  try {
    const toks = lex(text, file);
    return ok(new Parser(text, file, toks, bound).parseAll());
  } catch (e) {
    if (e instanceof ParseError) return fail([e.diag]);
    if (e instanceof RangeError) {
      return fail([diagnostic("SYM602", { file, line: 1, column: 1, endLine: 1, endColumn: 2 }, MAX_DEPTH)]);
    }
    throw e;
  }
}

/** Prints a term back in `pp.all` style (one line): used by tests and messages. */
export function printTerm(t: Term): string {
  const bs = (b: Binder[]) =>
    b
      .map((x) => {
        const [o, c] = x.info === "implicit" ? ["{", "}"] : x.info === "instImplicit" ? ["[", "]"] : x.info === "strictImplicit" ? ["⦃", "⦄"] : ["(", ")"];
        return `${o}${x.name} : ${printTerm(x.type)}${c}`;
      })
      .join(" ");
  const atom = (x: Term) => (["app", "lam", "pi", "let"].includes(x.k) || (x.k === "nat" && x.raw) || (x.k === "sort" && x.level) ? `(${printTerm(x)})` : printTerm(x));
  switch (t.k) {
    case "const":
      return `${t.explicit ? "@" : ""}${t.name}${t.levels.length ? `.{${t.levels.join(", ")}}` : ""}`;
    case "var":
      return t.name;
    case "app":
      return [atom(t.fn), ...t.args.map(atom)].join(" ");
    case "lam":
      return `fun ${bs(t.binders)} => ${printTerm(t.body)}`;
    case "pi":
      return `∀ ${bs(t.binders)}, ${printTerm(t.body)}`;
    case "let":
      return `let ${t.name}${t.type ? ` : ${printTerm(t.type)}` : ""} := ${printTerm(t.value)}; ${printTerm(t.body)}`;
    case "nat":
      return t.raw ? `nat_lit ${t.value}` : String(t.value);
    case "str":
      return JSON.stringify(t.value);
    case "sort":
      return t.level ? `${t.sort} ${/\s/.test(t.level) ? `(${t.level})` : t.level}` : t.sort;
    case "proj":
      return `${atom(t.term)}.${t.field}`;
  }
}

/** The number of leading ∀-binders of a type (a structure's parameters); undefined when the type does not parse. */
export function telescopeLength(type: string): number | undefined {
  const r = parseTerm(type);
  if (!r.ok) return undefined;
  let n = 0;
  for (let t = r.value; t.k === "pi"; t = t.body) n += t.binders.length;
  return n;
}
