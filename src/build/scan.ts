/**
 * A source-level scanner for Lean files: which declarations a file makes (with namespaces and
 * sections resolved and the claim id their docstring starts with), and which forbidden
 * constructs it uses. Meta-programs cannot run on the embedded Lean build, so this reads the
 * text; comments and string literals are masked first so that prose never counts as code.
 */
import type { DeclKind, ForbiddenUse } from "./types.js";

export interface ScannedDeclaration {
  name: string;
  kind: DeclKind;
  line: number;
  endLine: number;
  docstring?: string;
  docId?: string;
  statement: string;
  /**
   * For definition-like declarations (def, abbrev, structure, inductive, class, instance): the
   * text after the statement (`:= …`, `where …`, constructors), comments removed, whitespace
   * collapsed. Its meaning is part of the definition's fingerprint.
   */
  body?: string;
  /** Identifiers the statement (and, for a definition, the body) mentions, as written. */
  idents: string[];
  /** The namespaces open around the declaration: enclosing ones first (innermost last), then `open`ed ones. */
  scope: { namespaces: string[]; opens: string[] };
}

/** Declaration kinds whose body is part of their meaning (a theorem's proof is not). */
export const DEFINITION_KINDS: ReadonlySet<DeclKind> = new Set(["def", "abbrev", "structure", "inductive", "class", "instance"]);

/** Words of Lean syntax that are never references to declarations. */
const KEYWORDS = new Set(
  "fun λ let in if then else match with do by at from have show this Type Prop Sort where deriving extends structure class inductive instance def theorem lemma abbrev namespace section end open variable universe forall exists return mut for unless calc".split(" "),
);

/** The identifiers of a piece of (masked) Lean code, in order of first appearance. */
export function identifiersOf(code: string): string[] {
  const out = new Set<string>();
  const re = /(?<![\p{L}\p{N}_'!?₀-₉.])(?:«[^»]*»|[\p{L}_][\p{L}\p{N}_'!?₀-₉]*)(?:\.(?:«[^»]*»|[\p{L}_][\p{L}\p{N}_'!?₀-₉]*))*/gu;
  for (const m of code.matchAll(re)) {
    const w = m[0];
    if (KEYWORDS.has(w) || /^[λΠΣ∀∃]$/u.test(w)) continue;
    out.add(w);
  }
  return [...out];
}

/**
 * Fully qualified project declarations an identifier can mean, in Lean's order of preference:
 * the innermost enclosing namespace first, then the root, then opened namespaces.
 */
export function resolveIdent(ident: string, scope: ScannedDeclaration["scope"], known: ReadonlySet<string>): string | undefined {
  const ns = scope.namespaces;
  const parts = ident.split(".");
  // `A.b.c`: try the longest prefix that names a declaration (field access on a local drops the rest).
  for (let len = parts.length; len >= 1; len--) {
    const id = parts.slice(0, len).join(".");
    for (let k = ns.length; k >= 0; k--) {
      const full = [...ns.slice(0, k), id].join(".");
      if (known.has(full)) return full;
    }
    for (const o of scope.opens) {
      if (known.has(`${o}.${id}`)) return `${o}.${id}`;
    }
  }
  return undefined;
}

interface Masked {
  /** The text with comments and strings replaced by spaces (newlines kept). */
  code: string;
  /** Docstrings: body text and the offset just after their closing `-/`. */
  docs: { body: string; end: number }[];
}

/** Replaces comments and string/char literals by spaces, keeping offsets and newlines. */
export function maskSource(text: string): Masked {
  const out = text.split("");
  const docs: Masked["docs"] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === "-" && text[i + 1] === "-") {
      const e = text.indexOf("\n", i);
      const end = e === -1 ? n : e;
      blank(i, end);
      i = end;
    } else if (c === "/" && text[i + 1] === "-") {
      // A docstring `/-- … -/` (a module doc `/-! … -/` is a comment here; `/--/` is empty).
      const isDoc = text[i + 2] === "-" && text[i + 3] !== "/";
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === "/" && text[j + 1] === "-") {
          depth++;
          j += 2;
        } else if (text[j] === "-" && text[j + 1] === "/") {
          depth--;
          j += 2;
        } else j++;
      }
      if (isDoc) docs.push({ body: text.slice(i + 3, j - 2).trim(), end: j });
      blank(i, j);
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      // A string left open runs to the end of the text (and no further: offsets are kept).
      blank(i, Math.min(j + 1, n));
      i = j + 1;
    } else if (c === "'" && !/[\p{L}\p{N}_'!?₀-₉]/u.test(text[i - 1] ?? " ")) {
      const m = /^'(\\.[^']*|[^'\\])'/u.exec(text.slice(i, i + 12));
      if (m) {
        blank(i, i + m[0].length);
        i += m[0].length;
      } else i++;
    } else i++;
  }
  return { code: out.join(""), docs };
}

const DECL_RE =
  /^((?:@\[[^\]]*\]\s*)*)((?:(?:private|protected|public|noncomputable|partial|unsafe|nonrec|scoped|local)\s+)*)(theorem|lemma|def|structure|inductive|class\s+inductive|class|instance|abbrev)(?=\s|$)/;
const IDENT_RE = /^(?:«[^»]*»|[\p{L}_][\p{L}\p{N}_'!?₀-₉]*)(?:\.(?:«[^»]*»|[\p{L}_][\p{L}\p{N}_'!?₀-₉]*))*/u;

/** Claim ids as used in the claims list: `D3.1`, `R3.2a`, `P3.3.2`, `J3.22b`. */
export const CLAIM_ID_RE = /^([A-Z]\d+(?:\.\d+)+[a-z]?)(?=[\s:.,)]|$)/;

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Finds where a declaration's statement ends: the first top-level `:=` or `where`, or `|` when
 * the declaration has constructors (`inductive`, `class inductive`).
 */
function statementEnd(code: string, from: number, constructors: boolean): number {
  let depth = 0;
  for (let k = from; k < code.length; k++) {
    const ch = code[k];
    if (ch === "(" || ch === "[" || ch === "{" || ch === "⟨" || ch === "⦃") depth++;
    else if (ch === ")" || ch === "]" || ch === "}" || ch === "⟩" || ch === "⦄") depth--;
    else if (depth <= 0) {
      if (ch === ":" && code[k + 1] === "=") return k;
      if (/\s/.test(code[k - 1] ?? " ") && code.startsWith("where", k) && !/[\p{L}\p{N}_]/u.test(code[k + 5] ?? " ")) return k;
      if (constructors && ch === "|") return k;
      // The next command begins: a declaration keyword at the start of a line.
      if (code[k - 1] === "\n" && /^(theorem|lemma|def|structure|inductive|class|instance|abbrev|end|namespace|section|example|open|variable|@\[)/.test(code.slice(k, k + 12))) return k;
    }
  }
  return code.length;
}

export interface ScanResult {
  declarations: ScannedDeclaration[];
  forbidden: Omit<ForbiddenUse, "file">[];
}

/** Scans one Lean source. Pure and total: never throws. */
export function scanLean(text: string): ScanResult {
  const { code, docs } = maskSource(text);
  const starts = [0];
  for (let k = 0; k < code.length; k++) if (code[k] === "\n") starts.push(k + 1);
  const scopes: { kind: "namespace" | "section"; name: string; opens: string[] }[] = [];
  const fileOpens: string[] = [];
  let pendingOpens: string[] = [];
  /** Offsets where a top-level command starts (a body ends before the next one). */
  const commandStarts: number[] = [];
  const stops: number[] = [];
  const declarations: ScannedDeclaration[] = [];
  const forbidden: ScanResult["forbidden"] = [];
  let docIdx = 0;

  for (let li = 0; li < starts.length; li++) {
    const s = starts[li] ?? 0;
    const e = li + 1 < starts.length ? (starts[li + 1] ?? code.length) - 1 : code.length;
    const raw = code.slice(s, e);
    const t = raw.trim();
    /** Offset in the line where its code starts (after blanks and masked comments). */
    const pad = raw.length - raw.trimStart().length;
    // Indentation is read from the source line: a comment before a command on its line
    // (`/-- doc -/ theorem t …`) is masked to blanks but is not indentation. A byte-order mark
    // before the first line is not indentation either (`trimStart` removes it too).
    const source = text.slice(s, e);
    const indent = source.length - source.trimStart().length - (li === 0 && text.startsWith("\uFEFF") ? 1 : 0);

    for (const m of raw.matchAll(/(?<![\p{L}\p{N}_.'])(axioms?|sorry|admit|native_decide|implemented_by|extern|unsafe|opaque|partial)(?![\p{L}\p{N}_'])/gu)) {
      forbidden.push({
        construct: (m[1] === "axioms" ? "axiom" : m[1]) as ForbiddenUse["construct"],
        line: li + 1,
        column: (m.index ?? 0) + 1,
        text: source.trim().slice(0, 160),
      });
    }
    if (t === "") continue;
    if (indent === 0 && /^[\p{L}@#_]/u.test(t)) commandStarts.push(s);

    let m: RegExpExecArray | null;
    if ((m = /^namespace\s+(\S+)/.exec(t))) {
      scopes.push({ kind: "namespace", name: m[1] ?? "", opens: [] });
      continue;
    }
    if ((m = /^(?:@\[[^\]]*\]\s*)?(?:(?:public|private|noncomputable)\s+)*section(?:\s+(\S+))?\s*$/.exec(t))) {
      scopes.push({ kind: "section", name: m[1] ?? "", opens: [] });
      continue;
    }
    if (indent === 0 && (m = /^open\s+(.*?)(\s+in)?\s*$/.exec(t))) {
      const names = (m[1] ?? "").split(/\s+/).filter((x) => /^[\p{L}_]/u.test(x));
      if (m[2]) pendingOpens = names;
      else (scopes[scopes.length - 1]?.opens ?? fileOpens).push(...names);
      continue;
    }
    if ((m = /^end(?:\s+(\S+))?\s*$/.exec(t))) {
      const name = m[1] ?? "";
      // `end A.B` closes namespaces opened as `namespace A.B` or as two nested ones.
      let remaining = name;
      if (remaining === "") scopes.pop();
      else {
        while (remaining) {
          const top = scopes.pop();
          if (!top) break;
          // `A.B` closing `B` leaves `A` to close; a name that is the scope's, or another, stops.
          remaining = remaining.endsWith("." + top.name) ? remaining.slice(0, -(top.name.length + 1)) : "";
        }
      }
      continue;
    }
    if (indent > 0) continue;
    const dm = DECL_RE.exec(t);
    if (!dm) continue;
    const kindWord = (dm[3] ?? "").replace(/\s+/g, " ");
    const kind: DeclKind = kindWord === "class inductive" ? "class" : (kindWord as DeclKind);
    const afterKw = s + pad + dm[0].length;
    let rest = code.slice(afterKw);
    const lead = rest.length - rest.trimStart().length;
    rest = rest.trimStart();
    let nameStart = afterKw + lead;
    if (kind === "instance" && rest.startsWith("(priority")) {
      const close = rest.indexOf(")");
      const skip = close + 1 + (rest.slice(close + 1).length - rest.slice(close + 1).trimStart().length);
      rest = rest.slice(skip);
      nameStart += skip;
    }
    const im = IDENT_RE.exec(rest);
    let local: string;
    let after = nameStart;
    if (im) {
      local = im[0];
      after = nameStart + im[0].length;
    } else {
      local = `instance@${li + 1}`;
    }
    const ns = scopes.filter((x) => x.kind === "namespace").map((x) => x.name);
    const name = local.startsWith("_root_.") ? local.slice(7) : [...ns, local].join(".");
    const stop = statementEnd(code, after, kindWord === "inductive" || kindWord === "class inductive");
    const statement = code.slice(after, stop).replace(/\s+/g, " ").trim();

    // The docstring that ends just before this declaration (only blanks/attributes between),
    // on an earlier line or on the declaration's own line before it.
    const at = s + pad;
    while (docIdx + 1 < docs.length && (docs[docIdx + 1]?.end ?? Infinity) <= at) docIdx++;
    const d = docs[docIdx];
    let docstring: string | undefined;
    if (d && d.end <= at && /^\s*(@\[[^\]]*\]\s*)*$/.test(code.slice(d.end, at))) docstring = d.body;
    const namespaces = ns.flatMap((x) => x.split("."));
    const opens = [...pendingOpens, ...scopes.flatMap((x) => x.opens), ...fileOpens];
    pendingOpens = [];
    const decl: ScannedDeclaration = {
      name,
      kind,
      line: li + 1,
      endLine: lineOf(starts, Math.max(after, stop - 1)),
      statement,
      idents: identifiersOf(code.slice(after, stop)),
      scope: { namespaces: local.startsWith("_root_.") ? [] : namespaces, opens },
    };
    stops.push(stop);
    if (docstring !== undefined) {
      decl.docstring = docstring;
      const idm = CLAIM_ID_RE.exec(docstring);
      if (idm?.[1]) decl.docId = idm[1];
    }
    declarations.push(decl);
  }
  // Bodies: from the end of the statement to the next top-level command.
  declarations.forEach((d, k) => {
    if (!DEFINITION_KINDS.has(d.kind)) return;
    const stop = stops[k]!;
    const next = commandStarts.find((o) => o >= stop) ?? code.length;
    const bodyCode = code.slice(stop, Math.max(stop, next));
    d.body = bodyCode.replace(/\s+/g, " ").trim();
    d.idents = [...new Set([...d.idents, ...identifiersOf(bodyCode)])];
  });
  return { declarations, forbidden };
}
