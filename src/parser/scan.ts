/**
 * Finds the declarations of Lean files (namespaces and sections resolved) and parses each one's
 * statement. Commands start in column 1 (or right after a comment that opens the line), as in
 * every Lean library; one linear pass (`layout`) finds where, outside comments and strings.
 */
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { Binder, Declaration, DeclKeyword, Expr } from "./ast.js";
import { freeIdents } from "./traverse.js";
import { Parser } from "./parser.js";
import { layout } from "./layout.js";
import { lineText, positionOf, rangeOf, sourceText, type SourceText } from "./source.js";

export interface LibraryDeclaration {
  /** Fully qualified name, e.g. `Sym.phi_layerAct`. */
  name: string;
  keyword: DeclKeyword;
  file: string;
  /** 1-based line of the declaration keyword. */
  line: number;
  /** The claim id the docstring starts with, e.g. `P3.6`. */
  docId?: string;
  /** For a field of a `structure … : Prop` (a proposition of its own): the structure's name. */
  fieldOf?: string;
  /** The parse: the declaration, or why it failed. */
  parsed: { ok: true; value: Declaration } | { ok: false; diagnostics: Diagnostic[] };
}

export interface Library {
  declarations: LibraryDeclaration[];
  /** By fully qualified name. */
  byName: Map<string, LibraryDeclaration>;
  sources: Map<string, SourceText>;
  /** Lexical problems of the files (an unterminated comment or string), at their openers. */
  diagnostics: Diagnostic[];
}

const MODIFIER_WORDS = "private|protected|noncomputable|partial|unsafe|nonrec|public|scoped|local|meta";
const DECL_RE = new RegExp(`^(?:(?:${MODIFIER_WORDS})\\s+)*(theorem|lemma|def|abbrev|structure)\\s+([^\\s:({[⦃]+?)(?:\\.\\{[^}]*\\})?(?=[\\s:({[⦃]|$)`, "u");
const NAMESPACE_RE = /^namespace\s+(\S+)/;
const SECTION_RE = new RegExp(`^(?:(?:${MODIFIER_WORDS})\\s+)*section\\b\\s*(\\S*)`);
const END_RE = /^end\b\s*(\S*)/;
const MUTUAL_RE = /^mutual\b/;
const VARIABLE_RE = /^variable\b/;
/** `P3.6: …`, `C3.9, R3.9a: …`, `C3.19 (p = 2, left): …`, `J3.22b refuted …`: the first id. */
const DOC_ID_RE = /^\s*([A-Z][A-Za-z]?\d+(?:\.\d+)*[a-z]?)(?=[\s,:(])/;

/**
 * What a line says after its attributes (`@[simp, grind =]`, nested brackets and strings
 * allowed) and one-line prefixes (`open Foo in`, `set_option a b in`, `omit … in`,
 * `include … in`): the command text, or `attribute` for an attribute or prefix alone.
 */
function commandText(line: string): { text: string } | { attribute: true } {
  let s = line;
  for (;;) {
    s = s.replace(/^[ \t]+/, "");
    if (s.startsWith("@[")) {
      let depth = 0;
      let k = 0;
      for (; k < s.length; k++) {
        const c = s[k];
        if (c === '"') {
          k++;
          while (k < s.length && s[k] !== '"') k += s[k] === "\\" ? 2 : 1;
        } else if (c === "[") depth++;
        else if (c === "]" && --depth === 0) break;
      }
      if (k >= s.length) return { attribute: true };
      s = s.slice(k + 1);
      if (s.trim() === "") return { attribute: true };
      continue;
    }
    const prefix = /^(?:open|set_option|omit|include)\b/.exec(s);
    if (prefix) {
      const m = /\sin(?:\s+|$)/u.exec(s);
      if (!m) return { text: s };
      s = s.slice(m.index + m[0].length);
      if (s.trim() === "") return { attribute: true };
      continue;
    }
    return { text: s };
  }
}

export function docIdOf(docstring: string | undefined): string | undefined {
  if (!docstring) return undefined;
  const m = DOC_ID_RE.exec(docstring);
  return m ? m[1] : undefined;
}

interface Scope {
  kind: "namespace" | "section" | "mutual";
  parts: string[];
  variables: Binder[];
  /** A `variable` command of this scope that could not be read. */
  broken?: Diagnostic;
}

/** Adds `variable` binders to a scope; a binder without a type updates an earlier one (`variable {n}`). */
function addVariables(scopes: Scope[], target: Binder[], binders: readonly Binder[]): void {
  for (const b of binders) {
    if (b.type === undefined && b.style !== "instance") {
      const all = scopes.flatMap((s) => s.variables);
      const k = all.map((x) => x.name).lastIndexOf(b.name);
      const earlier = all[k];
      if (earlier) {
        const updated = { ...earlier, style: b.style };
        for (const s of scopes) {
          const j = s.variables.indexOf(earlier);
          if (j >= 0) s.variables[j] = updated;
        }
        const t = target.indexOf(earlier);
        if (t >= 0) target[t] = updated;
        continue;
      }
    }
    target.push(b);
  }
}

/**
 * Scans one file: every `theorem`/`lemma`/`def`/`abbrev`/`structure`, parsed, in time linear in
 * the file's size. `diagnostics` are the file's lexical problems (an unterminated comment or
 * string), each at its opener.
 */
export function scanFile(file: string, text: string): { declarations: LibraryDeclaration[]; source: SourceText; diagnostics: Diagnostic[] } {
  const src = sourceText(file, text);
  const lay = layout(src);
  const scopes: Scope[] = [{ kind: "section", parts: [], variables: [] }];
  const out: LibraryDeclaration[] = [];
  /** The doc comment waiting for its declaration (only attribute lines may come between). */
  let pendingDoc: string | undefined;
  /** Binders of a `variable … in` for the next declaration only. */
  let oneShot: Binder[] | undefined;
  for (const ev of lay.events) {
    if (ev.kind === "doc") {
      pendingDoc = ev.module ? undefined : ev.text;
      continue;
    }
    const offset = ev.offset;
    const first = src.chars[offset];
    // An indented line continues a command (a proof, a multi-line attribute): no command starts.
    if (first === " " || first === "\t") {
      let k = offset;
      while (src.chars[k] === " " || src.chars[k] === "\t" || src.chars[k] === "\r") k++;
      if (src.chars[k] === "\n" || k >= src.chars.length) pendingDoc = undefined;
      continue;
    }
    const { line } = positionOf(src, offset);
    const eol = src.lineStarts[line] ?? src.chars.length + 1;
    const raw = src.chars.slice(offset, eol - 1).join("").replace(/\r$/, "");
    if (raw.trim() === "") {
      pendingDoc = undefined;
      continue;
    }
    const cmd = commandText(raw);
    if (!("text" in cmd)) continue;
    const lineStr = cmd.text;
    const doc = pendingDoc;
    pendingDoc = undefined;
    const outer = (): string[] => [...scopes.flatMap((s) => s.variables), ...(oneShot ?? [])].map((b) => b.name);
    let m: RegExpExecArray | null;
    if ((m = NAMESPACE_RE.exec(lineStr))) {
      scopes.push({ kind: "namespace", parts: (m[1] ?? "").split("."), variables: [] });
    } else if ((m = END_RE.exec(lineStr))) {
      const name = m[1] ?? "";
      const n = name ? name.split(".").length : 1;
      const top = scopes[scopes.length - 1];
      if (scopes.length <= 1) continue;
      if (top && top.kind !== "namespace") scopes.pop();
      else if (top) {
        top.parts.splice(Math.max(0, top.parts.length - n), n);
        if (top.parts.length === 0) scopes.pop();
      }
    } else if (SECTION_RE.test(lineStr)) {
      scopes.push({ kind: "section", parts: [], variables: [] });
    } else if (MUTUAL_RE.test(lineStr)) {
      scopes.push({ kind: "mutual", parts: [], variables: [] });
    } else if (VARIABLE_RE.test(lineStr)) {
      const at = offset + (Array.from(raw).length - Array.from(lineStr).length);
      const r = Parser.run(() => new Parser(src, at, outer()).variableCommand());
      const top = scopes[scopes.length - 1] as Scope;
      if (!r.ok) {
        const inner = r.diagnostics[0];
        const pos = rangeOf(src, at, at + "variable".length);
        const d = diagnostic("SYM112", pos, "a `variable` command", `${file}:${pos.line}:${pos.column}`);
        d.sourceLine = lineText(src, pos.line);
        if (inner) d.message += ` (${inner.range ? `${inner.range.line}:${inner.range.column}: ` : ""}${inner.message})`;
        top.broken ??= d;
      } else if (r.value.scoped) {
        oneShot = [];
        addVariables(scopes, oneShot, r.value.binders);
      } else {
        addVariables(scopes, top.variables, r.value.binders);
      }
    } else if ((m = DECL_RE.exec(lineStr))) {
      const keyword = m[1] as DeclKeyword;
      const written = m[2] ?? "";
      const ns = scopes.filter((s) => s.kind === "namespace").flatMap((s) => s.parts);
      const name = written.startsWith("_root_.") ? written.slice(7) : [...ns, written].join(".");
      const vars = [...scopes.flatMap((s) => s.variables), ...(oneShot ?? [])];
      const broken = scopes.find((s) => s.broken)?.broken;
      const names = outer();
      oneShot = undefined;
      const parsed: LibraryDeclaration["parsed"] = broken
        ? { ok: false, diagnostics: [broken] }
        : Parser.run(() => {
            const d = new Parser(src, offset, names).declaration();
            d.fullName = name;
            d.binders = [...usedVariables(vars, d), ...d.binders];
            if (d.docstring === undefined && doc !== undefined) d.docstring = doc;
            return d;
          }, rangeOf(src, offset, offset));
      const rec: LibraryDeclaration = { name, keyword, file, line, parsed };
      const docId = docIdOf(parsed.ok ? parsed.value.docstring : doc);
      if (docId) rec.docId = docId;
      out.push(rec);
      // The fields of a `structure … : Prop` are propositions of their own (`Sym.S.field`).
      if (parsed.ok && parsed.value.fields) {
        for (const f of parsed.value.fields) {
          const fieldDecl: Declaration = {
            kind: "declaration",
            keyword: "def",
            name: `${parsed.value.name}.${f.name}`,
            fullName: `${name}.${f.name}`,
            modifiers: [],
            binders: parsed.value.binders,
            type: { kind: "sort", sort: "Prop", range: f.range },
            body: f.type,
            range: f.range,
            nameRange: f.range,
          };
          const fr: LibraryDeclaration = { name: `${name}.${f.name}`, keyword: "def", file, line: f.range.line, parsed: { ok: true, value: fieldDecl }, fieldOf: name };
          if (docId) fr.docId = docId;
          out.push(fr);
        }
      }
    }
  }
  return { declarations: out, source: src, diagnostics: lay.diagnostics };
}

/** Scans several files (path → text). */
export function scanLibrary(files: ReadonlyArray<{ file: string; text: string }>): Library {
  const declarations: LibraryDeclaration[] = [];
  const sources = new Map<string, SourceText>();
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const r = scanFile(f.file, f.text);
    declarations.push(...r.declarations);
    sources.set(f.file, r.source);
    diagnostics.push(...r.diagnostics);
  }
  const byName = new Map<string, LibraryDeclaration>();
  for (const d of declarations) if (!byName.has(d.name)) byName.set(d.name, d);
  return { declarations, byName, sources, diagnostics };
}

/**
 * The `variable` binders a declaration uses, as Lean includes them: those named in the
 * declaration, the ones their types name, and instance binders about included names.
 */
function usedVariables(vars: readonly Binder[], d: Declaration): Binder[] {
  if (vars.length === 0) return [];
  const own = new Set(d.binders.map((b) => b.name));
  const exprs: Expr[] = [d.type, ...d.binders.flatMap((b) => (b.type ? [b.type] : []))];
  if (d.body) exprs.push(d.body);
  const mentioned = new Set(exprs.flatMap((e) => freeIdents(e)));
  const used = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const v of vars) {
      if (v.style === "instance" || own.has(v.name) || used.has(v.name)) continue;
      if (mentioned.has(v.name)) {
        used.add(v.name);
        changed = true;
        if (v.type) for (const x of freeIdents(v.type)) mentioned.add(x);
      }
    }
  }
  return vars.filter((v) => {
    if (v.style !== "instance") return used.has(v.name);
    const names = v.type ? freeIdents(v.type) : [];
    return names.some((x) => used.has(x));
  });
}
