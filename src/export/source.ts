/**
 * The export run's Lean source, and the reading of Lean's answers to it.
 *
 * The file is a non-module file that imports the built library, turns on `pp.all` and asks, one
 * command per line, `#check @N` for every declaration and `#print N` for every declaration that
 * is not a theorem. Every message Lean prints is mapped back to its command by its line.
 */
import type { ExportKind } from "./types.js";

export interface ExportRequest {
  name: string;
  /** Ask `#print` too (definitions, instances, structures, classes). */
  print: boolean;
}

export interface CommandLine {
  name: string;
  command: "check" | "print";
}

export interface ExportSource {
  text: string;
  /** 1-based line → the command on it. */
  lines: Map<number, CommandLine>;
}

const ATOM_RE = /^[\p{L}_][\p{L}\p{N}_'!?₀-₉]*$/u;

/** A Lean name as source text, with `«»` around components that are not plain identifiers. */
export function nameToSource(name: string): string {
  return name
    .split(".")
    .map((c) => (ATOM_RE.test(c) ? c : `«${c}»`))
    .join(".");
}

export function exportSource(modules: readonly string[], requests: readonly ExportRequest[]): ExportSource {
  const out: string[] = [];
  for (const m of modules) out.push(`import ${m}`);
  out.push("set_option pp.all true");
  const lines = new Map<number, CommandLine>();
  for (const r of requests) {
    out.push(`#check @${nameToSource(r.name)}`);
    lines.set(out.length, { name: r.name, command: "check" });
    if (r.print) {
      out.push(`#print ${nameToSource(r.name)}`);
      lines.set(out.length, { name: r.name, command: "print" });
    }
  }
  return { text: out.join("\n") + "\n", lines };
}

/** Reads `N.{u, v}` (after an optional `@`) at the start of `s`: the name, universes and the rest. */
function readHead(s: string): { name: string; universes: string[]; rest: string } | undefined {
  let k = s.startsWith("@") ? 1 : 0;
  const start = k;
  while (k < s.length) {
    if (s[k] === "«") {
      const e = s.indexOf("»", k);
      if (e < 0) return undefined;
      k = e + 1;
    } else if (s.startsWith(".{", k) || /\s/.test(s[k]!)) break;
    else k++;
  }
  const name = s.slice(start, k).replace(/«([^»]*)»/g, "$1");
  let universes: string[] = [];
  if (s.startsWith(".{", k)) {
    const e = s.indexOf("}", k);
    if (e < 0) return undefined;
    universes = s
      .slice(k + 2, e)
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    k = e + 1;
  }
  return { name, universes, rest: s.slice(k) };
}

/** `#check @N` answer: `@N.{u} : T` (or `N : T` for a constant without explicit arguments). */
export function parseCheck(text: string): { name: string; universes: string[]; type: string } | undefined {
  const h = readHead(text);
  if (!h || !h.rest.startsWith(" : ")) return undefined;
  return { name: h.name, universes: h.universes, type: h.rest.slice(3).trim() };
}

const PRINT_HEAD_RE =
  /^((?:@\[[^\]]*\]\s*)*)((?:private|protected|noncomputable|unsafe|partial|nonrec)\s+)*(def|theorem|instance|abbrev|opaque|axiom|structure|class|inductive|constructor|recursor)\s+/;

export interface PrintAnswer {
  kind: ExportKind;
  name: string;
  /** The body after `:=`, for definitions. */
  value?: string;
  /** Field names (last name component), for structures and classes. */
  fields?: string[];
}

/** `#print N` answer: a definition's header and body, or a structure's fields. */
export function parsePrint(text: string): PrintAnswer | undefined {
  const m = PRINT_HEAD_RE.exec(text);
  if (!m) return undefined;
  const keyword = m[3]!;
  const h = readHead(text.slice(m[0].length));
  if (!h) return undefined;
  if (keyword === "structure" || keyword === "class") {
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l === "fields:");
    const fields: string[] = [];
    if (at >= 0) {
      for (const l of lines.slice(at + 1)) {
        if (!l.startsWith("  ")) break;
        if (l.startsWith("   ")) continue;
        const f = readHead(l.slice(2));
        if (f && f.rest.startsWith(" : ")) fields.push(f.name.split(".").pop()!);
      }
    }
    return { kind: keyword, name: h.name, fields };
  }
  const kind: ExportKind = keyword === "def" || keyword === "abbrev" ? "def" : keyword === "theorem" ? "theorem" : keyword === "instance" ? "instance" : keyword === "inductive" ? "inductive" : "other";
  // The header ends at the first line that ends with ` :=` and is followed by an unindented line.
  const lines = text.split("\n");
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i]!.endsWith(" :=") && lines[i + 1]!.length > 0 && !/^\s/.test(lines[i + 1]!)) {
      const value = lines.slice(i + 1).join("\n");
      // A theorem of another module prints its proof as `<not imported>`: there is no body to keep.
      return value.trim() === "<not imported>" ? { kind, name: h.name } : { kind, name: h.name, value };
    }
  }
  return { kind, name: h.name };
}
