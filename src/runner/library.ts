/**
 * Reads the Lean library under `lean/` (every `.lean` file, sorted) for the harness.
 *
 * With a cache file, the scan of each file (its declarations and their parses) is kept keyed by
 * the file's name and text and by the parser's own source: an unchanged file is not parsed
 * again. The cache is one `node:v8`-serialized file, rewritten when any scan changed; an entry
 * that cannot be read or has another format is ignored (everything is parsed again), never
 * trusted.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Diagnostic } from "../diagnostics/index.js";
import { assembleLibrary, scanFile, sourceText, type Library, type LibraryDeclaration } from "../parser/index.js";

/** Bump when the layout of the parse cache changes. */
export const PARSE_CACHE_FORMAT = 2;
/** The parse cache of `npm run check`, relative to the project root. */
export const PARSE_CACHE_FILE = path.join(".cache", "library-parse.bin");

/** The `.lean` files under `dir`, recursively, in sorted order (none when `dir` is missing). */
export function leanFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? leanFiles(p) : p.endsWith(".lean") ? [p] : [];
  });
}

/** The parser's source folder (`src/parser/` beside this module's folder). */
export const PARSER_SOURCE_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "parser");

/**
 * Hash of a source folder: the cache format, then the name and bytes of each `.ts` and `.js`
 * file, in name order. An unreadable folder gets a hash no later call repeats (never reused).
 */
export function sourceFingerprint(dir: string): string {
  const h = createHash("sha256").update(`format ${PARSE_CACHE_FORMAT}\n`);
  try {
    for (const f of readdirSync(dir).sort()) if (f.endsWith(".ts") || f.endsWith(".js")) h.update(`${f}\n`).update(readFileSync(path.join(dir, f)));
  } catch {
    h.update(`unreadable ${Date.now()} ${Math.random()}`);
  }
  return h.digest("hex");
}

let parserHash: string | undefined;
/** The parser's fingerprint, once per process. */
function parserFingerprint(): string {
  parserHash ??= sourceFingerprint(PARSER_SOURCE_DIR);
  return parserHash;
}

interface ParseCache {
  format: number;
  parser: string;
  /** Key (file name and text hash) → the file's declarations and lexical problems. */
  files: Record<string, { declarations: LibraryDeclaration[]; diagnostics: Diagnostic[] }>;
}

function readCache(file: string, parser: string): ParseCache["files"] {
  try {
    const c = deserialize(readFileSync(file)) as Partial<ParseCache>;
    if (c && c.format === PARSE_CACHE_FORMAT && c.parser === parser && typeof c.files === "object" && c.files !== null) return c.files;
  } catch {
    /* missing or damaged: parse everything */
  }
  return {};
}

export interface ReadLibraryOptions {
  /** Parse cache file (absolute); without it every file is parsed. */
  cacheFile?: string;
}

/** Scans `<root>/lean` (file names relative to `root`). */
export function readLibrary(root: string, opts: ReadLibraryOptions = {}): Library {
  const files = leanFiles(path.join(root, "lean")).map((p) => ({
    file: path.relative(root, p).split(path.sep).join("/"),
    text: readFileSync(p, "utf8"),
  }));
  if (!opts.cacheFile) return assembleLibrary(files.map((f) => scanFile(f.file, f.text)));
  const parser = parserFingerprint();
  const cached = readCache(opts.cacheFile, parser);
  const next: ParseCache["files"] = {};
  let changed = false;
  const scans = files.map((f) => {
    const key = `${f.file}\0${createHash("sha256").update(f.text).digest("hex")}`;
    const hit = cached[key];
    if (hit && Array.isArray(hit.declarations) && Array.isArray(hit.diagnostics)) {
      next[key] = hit;
      return { declarations: hit.declarations, diagnostics: hit.diagnostics, source: sourceText(f.file, f.text) };
    }
    changed = true;
    const r = scanFile(f.file, f.text);
    next[key] = { declarations: r.declarations, diagnostics: r.diagnostics };
    return r;
  });
  if (changed || Object.keys(cached).length !== files.length) {
    try {
      mkdirSync(path.dirname(opts.cacheFile), { recursive: true });
      const tmp = `${opts.cacheFile}.tmp-${process.pid}`;
      writeFileSync(tmp, serialize({ format: PARSE_CACHE_FORMAT, parser, files: next } satisfies ParseCache));
      renameSync(tmp, opts.cacheFile);
    } catch {
      /* an unwritable cache only costs the next run its parse */
    }
  }
  return assembleLibrary(scans);
}
