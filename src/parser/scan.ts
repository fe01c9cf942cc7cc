/**
 * Finds the declarations of Lean files (namespaces and sections resolved) and parses each one's
 * statement. Commands start in column 1, as in every Lean library.
 */
import type { Diagnostic } from "../diagnostics/index.js";
import type { Binder, Declaration, DeclKeyword, Expr } from "./ast.js";
import { freeIdents } from "./traverse.js";
import { Parser } from "./parser.js";
import { lineOffset, sourceText, type SourceText } from "./source.js";

export interface LibraryDeclaration {
  /** Fully qualified name, e.g. `Sym.phi_layerAct`. */
  name: string;
  keyword: DeclKeyword;
  file: string;
  /** 1-based line of the declaration keyword. */
  line: number;
  /** The claim id the docstring starts with, e.g. `P3.6`. */
  docId?: string;
  /** The parse: the declaration, or why it failed. */
  parsed: { ok: true; value: Declaration } | { ok: false; diagnostics: Diagnostic[] };
}

export interface Library {
  declarations: LibraryDeclaration[];
  /** By fully qualified name. */
  byName: Map<string, LibraryDeclaration>;
  sources: Map<string, SourceText>;
}

const DECL_RE = /^(?:@\[[^\]]*\]\s*)*(?:(?:private|protected|noncomputable|partial|unsafe|nonrec|public|scoped|local|meta)\s+)*(theorem|lemma|def|abbrev|structure)\s+([^\s:({[⦃]+)/u;
const NAMESPACE_RE = /^namespace\s+(\S+)/;
const SECTION_RE = /^(?:@\[[^\]]*\]\s*)*(?:(?:public|private|noncomputable|scoped|local|meta)\s+)*section\b\s*(\S*)/;
const END_RE = /^end\b\s*(\S*)/;
const VARIABLE_RE = /^variable\b/;
/** `P3.6: …`, `C3.9, R3.9a: …`, `C3.19 (p = 2, left): …`, `J3.22b refuted …`: the first id. */
const DOC_ID_RE = /^\s*([A-Z][A-Za-z]?\d+(?:\.\d+)*[a-z]?)(?=[\s,:(])/;

/** Blanks out comments (keeping newlines and doc comments' positions) to find commands. */
function stripComments(chars: string[]): string[] {
  const out = chars.slice();
  let depth = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (depth === 0 && c === "-" && out[i + 1] === "-") {
      while (i < out.length && out[i] !== "\n") out[i++] = " ";
      continue;
    }
    if (c === "/" && out[i + 1] === "-") {
      depth++;
      out[i] = " ";
      out[i + 1] = " ";
      i++;
      continue;
    }
    if (depth > 0 && c === "-" && out[i + 1] === "/") {
      depth--;
      out[i] = " ";
      out[i + 1] = " ";
      i++;
      continue;
    }
    if (depth > 0 && c !== "\n") out[i] = " ";
  }
  return out;
}

/** The doc comment that ends right before `line` (attributes may sit between), if any. */
function docBefore(src: SourceText, line: number): string | undefined {
  const lines = src.text.split("\n");
  let i = line - 2;
  while (i >= 0 && /^\s*(@\[[^\]]*\]\s*)?$/.test(lines[i] ?? "")) {
    if ((lines[i] ?? "").trim() === "") return undefined;
    i--;
  }
  if (i < 0 || !(lines[i] ?? "").trimEnd().endsWith("-/")) return undefined;
  let j = i;
  while (j >= 0 && !(lines[j] ?? "").includes("/--")) j--;
  if (j < 0) return undefined;
  const text = lines.slice(j, i + 1).join("\n");
  const m = /\/--([\s\S]*)-\/\s*$/.exec(text);
  return m ? (m[1] ?? "").trim() : undefined;
}

export function docIdOf(docstring: string | undefined): string | undefined {
  if (!docstring) return undefined;
  const m = DOC_ID_RE.exec(docstring);
  return m ? m[1] : undefined;
}

/** Scans one file: every `theorem`/`lemma`/`def`/`abbrev`, parsed. */
export function scanFile(file: string, text: string): { declarations: LibraryDeclaration[]; source: SourceText } {
  const src = sourceText(file, text);
  const stripped = stripComments(src.chars).join("").split("\n");
  const scopes: Array<{ kind: "namespace" | "section"; parts: string[]; variables: Binder[] }> = [
    { kind: "section", parts: [], variables: [] },
  ];
  const out: LibraryDeclaration[] = [];
  stripped.forEach((lineStr, idx) => {
    const line = idx + 1;
    let m: RegExpExecArray | null;
    if ((m = NAMESPACE_RE.exec(lineStr))) {
      scopes.push({ kind: "namespace", parts: (m[1] ?? "").split("."), variables: [] });
    } else if ((m = END_RE.exec(lineStr))) {
      const name = m[1] ?? "";
      const n = name ? name.split(".").length : 1;
      const top = scopes[scopes.length - 1];
      if (scopes.length <= 1) return;
      if (top && top.kind === "section") scopes.pop();
      else if (top) {
        top.parts.splice(Math.max(0, top.parts.length - n), n);
        if (top.parts.length === 0) scopes.pop();
      }
    } else if ((m = SECTION_RE.exec(lineStr))) {
      scopes.push({ kind: "section", parts: [], variables: [] });
    } else if (VARIABLE_RE.test(lineStr)) {
      const r = Parser.run(() => new Parser(src, lineOffset(src, line)).variableCommand());
      if (r.ok) scopes[scopes.length - 1]?.variables.push(...r.value);
    } else if ((m = DECL_RE.exec(lineStr))) {
      const keyword = m[1] as DeclKeyword;
      const written = m[2] ?? "";
      const ns = scopes.filter((s) => s.kind === "namespace").flatMap((s) => s.parts);
      const name = written.startsWith("_root_.") ? written.slice(7) : [...ns, written].join(".");
      const parsed = Parser.run(() => {
        const d = new Parser(src, lineOffset(src, line)).declaration();
        d.fullName = name;
        d.binders = [...usedVariables(scopes.flatMap((s) => s.variables), d), ...d.binders];
        const doc = d.docstring ?? docBefore(src, line);
        if (doc !== undefined) d.docstring = doc;
        return d;
      });
      const rec: LibraryDeclaration = { name, keyword, file, line, parsed };
      const docId = docIdOf(parsed.ok ? parsed.value.docstring : docBefore(src, line));
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
          const fr: LibraryDeclaration = { name: `${name}.${f.name}`, keyword: "def", file, line: f.range.line, parsed: { ok: true, value: fieldDecl } };
          if (docId) fr.docId = docId;
          out.push(fr);
        }
      }
    }
  });
  return { declarations: out, source: src };
}

/** Scans several files (path → text). */
export function scanLibrary(files: ReadonlyArray<{ file: string; text: string }>): Library {
  return assembleLibrary(files.map((f) => scanFile(f.file, f.text)));
}

/** A library from the scans of its files (in order), e.g. some of them reused from a cache. */
export function assembleLibrary(scans: ReadonlyArray<{ declarations: LibraryDeclaration[]; source: SourceText }>): Library {
  const declarations: LibraryDeclaration[] = [];
  const sources = new Map<string, SourceText>();
  for (const r of scans) {
    declarations.push(...r.declarations);
    sources.set(r.source.file, r.source);
  }
  const byName = new Map<string, LibraryDeclaration>();
  for (const d of declarations) if (!byName.has(d.name)) byName.set(d.name, d);
  return { declarations, byName, sources };
}

/**
 * The `variable` binders a declaration uses, as Lean includes them: those named in the
 * declaration, the ones their types name, and instance binders about included names.
 */
function usedVariables(vars: readonly Binder[], d: Declaration): Binder[] {
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
