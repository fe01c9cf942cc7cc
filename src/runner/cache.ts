/**
 * The numeric result cache: a record is reused when nothing it depends on has changed. Its key
 * hashes
 *   - the statement as the harness reads it (the parsed declaration, positions left out) and,
 *     transitively, every library declaration whose name it may use;
 *   - the statement as Lean elaborated it (its exported `pp.all` type) and, transitively, the
 *     exported type and body of every constant those terms name: the meaning of each derived
 *     name (and of a statement planned from the export) is its Lean body;
 *   - the meaning of every built-in name it may use: the content hash of the builtin module
 *     (`src/semantics/builtins/*.ts`) that defines it, with the builtin modules that one imports
 *     or names;
 *   - the shared evaluation core (every other file of the parser, code generator, semantics,
 *     generators and runner, the versions of fast-check and mathjs, Node's major version);
 *   - seed, run count, time limit, replay path, quantifier budgets, the claim, the concrete
 *     instantiation, and the harness version.
 * The stored counterexample a run replays first (from the previous `out/numeric.json`) is kept
 * beside the record: a record is reused when it was computed replaying the same one, or when the
 * one to replay is the record's own counterexample (replaying it adds nothing). A counterexample
 * found by another run (another seed) is never ignored: the declaration is checked again.
 * Names are matched conservatively (an identifier `mul` may mean any constant whose name ends
 * in `.mul`): a spurious dependency costs a rerun, a missed one would reuse a stale result.
 *
 * Entries are JSON files `<dir>/<key>.json`, written atomically. An entry that cannot be read,
 * does not parse, has another format or key, or whose record is malformed is "damaged": the
 * declaration is rerun and the entry rewritten, never trusted. This module reads source files
 * only; it does not load the evaluation machinery, so a run where everything is reused stays fast.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Library, LibraryDeclaration } from "../parser/index.js";
import { DEFAULT_CONJECTURE_RUNS, DEFAULT_RUNS, DEFAULT_TIME_LIMIT_MS } from "./defaults.js";
import type { Selected } from "./select.js";
import type { NumericFile, NumericRecord, NumericStatus } from "./types.js";

/** Bump when what a record means changes in a way no hashed file shows. */
export const HARNESS_VERSION = "symcheck-numeric-2";
/** Layout of a cache entry. */
export const CACHE_FORMAT = 1;
/** The default cache folder, relative to the project root. */
export const NUMERIC_CACHE_DIR = path.join(".cache", "numeric");

/** Folders of the shared evaluation core (relative to the project root). */
export const CORE_DIRS = ["src/parser", "src/codegen", "src/semantics", "src/generators", "src/runner", "src/diagnostics", "src/export"];
/** Builtin modules: one per area; a name's meaning is the file that defines it. */
export const BUILTINS_DIR = "src/semantics/builtins";
/** Files of the builtins folder that every entry uses (the entry builder, the registry's list). */
const BUILTINS_SHARED = new Set(["define.ts", "index.ts"]);
/** npm packages whose behaviour the results depend on. */
const PACKAGES = ["fast-check", "mathjs"];
/**
 * Built-in names the code generator adds without the statement naming them: a binder of type
 * `GL n α` is generated and checked as an invertible matrix.
 */
export const IMPLIED_NAMES: Readonly<Record<string, readonly string[]>> = {
  GL: ["Sym.IsInvertible"],
};

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function tsFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((f) => {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) return tsFiles(p);
    return f.endsWith(".ts") ? [p] : [];
  });
}

export interface BuiltinModule {
  /** Path relative to the project root. */
  file: string;
  hash: string;
  /** Constants it defines (`name: "Sym.…"`). */
  defines: string[];
  /** Other builtin modules it imports, and those defining the constants it names. */
  uses: string[];
}

/** What every record's key shares, computed once per run from the source files. */
export interface HarnessFingerprint {
  /** Hash of the shared evaluation core. */
  core: string;
  builtins: Map<string, BuiltinModule>;
  /** Constant name → builtin module (relative path). */
  definedIn: Map<string, string>;
  /** Declarations with a hand-written property, and the constants that file names. */
  handWritten: { declarations: Set<string>; names: string[] };
}

function packageVersion(root: string, name: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "?";
  } catch {
    return "missing";
  }
}

const rel = (root: string, p: string): string => path.relative(root, p).split(path.sep).join("/");

/** Reads the harness's sources under `root` and hashes them. */
export function harnessFingerprint(root: string): HarnessFingerprint {
  const core = createHash("sha256");
  core.update(`${HARNESS_VERSION}\0node ${process.versions.node.split(".")[0]}\0`);
  for (const p of PACKAGES) core.update(`${p}@${packageVersion(root, p)}\0`);
  const builtinsAbs = path.join(root, BUILTINS_DIR);
  const texts = new Map<string, string>();
  for (const dir of CORE_DIRS) {
    for (const f of tsFiles(path.join(root, dir))) {
      const r = rel(root, f);
      const text = fs.readFileSync(f, "utf8");
      if (path.dirname(f) === builtinsAbs && !BUILTINS_SHARED.has(path.basename(f))) {
        texts.set(r, text);
        continue;
      }
      core.update(`${r}\0${sha256(text)}\0`);
    }
  }
  const definedIn = new Map<string, string>();
  const builtins = new Map<string, BuiltinModule>();
  for (const [file, text] of texts) {
    const defines = [...text.matchAll(/\bname:\s*"([^"]+)"/g)].map((m) => m[1] as string);
    for (const d of defines) definedIn.set(d, file);
    builtins.set(file, { file, hash: sha256(text), defines, uses: [] });
  }
  for (const [file, text] of texts) {
    const uses = new Set<string>();
    for (const m of text.matchAll(/from\s+"\.\/([^"]+)\.js"/g)) {
      const f = `${BUILTINS_DIR}/${m[1]}.ts`;
      if (builtins.has(f)) uses.add(f);
    }
    for (const m of text.matchAll(/"(Sym\.[^"\s]+)"/g)) {
      const f = definedIn.get(m[1] as string);
      if (f) uses.add(f);
    }
    uses.delete(file);
    (builtins.get(file) as BuiltinModule).uses = [...uses].sort();
  }
  let hand = "";
  try {
    hand = fs.readFileSync(path.join(root, "src", "runner", "handwritten.ts"), "utf8");
  } catch {
    /* no hand-written properties */
  }
  const handWritten = {
    declarations: new Set([...hand.matchAll(/\bdeclaration:\s*"([^"]+)"/g)].map((m) => m[1] as string)),
    names: [...new Set([...hand.matchAll(/"(Sym\.[^"\s]+)"/g)].map((m) => m[1] as string))].sort(),
  };
  return { core: core.digest("hex"), builtins, definedIn, handWritten };
}

/** Every identifier-like name a parsed declaration mentions (identifiers, `@f`, field names). */
function mentionedNames(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const x of value) mentionedNames(x, out);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const node = value as Record<string, unknown>;
  if ((node["kind"] === "ident" || node["kind"] === "explicit") && typeof node["name"] === "string") out.add(node["name"]);
  if (node["kind"] === "proj" && typeof node["field"] === "string") out.add(node["field"]);
  for (const [k, v] of Object.entries(node)) if (k !== "range" && k !== "nameRange") mentionedNames(v, out);
}

/** JSON of a value without source positions (`range`, `nameRange`). */
function withoutPositions(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (k === "range" || k === "nameRange" ? undefined : v));
}

/** Every suffix `c`, `b.c`, `a.b.c` of a dotted name. */
function suffixes(name: string): string[] {
  const parts = name.split(".");
  return parts.map((_, i) => parts.slice(i).join("."));
}

/** Resolves written names to every constant they may denote (exact or dotted-suffix match). */
export class NameIndex {
  private readonly bySuffix = new Map<string, string[]>();
  constructor(names: Iterable<string>) {
    for (const n of names) {
      for (const s of suffixes(n)) {
        const xs = this.bySuffix.get(s);
        if (xs) xs.push(n);
        else this.bySuffix.set(s, [n]);
      }
    }
  }
  /** Constants `written` may denote; a dotted name is also tried by its suffixes (`K.val` → `val`). */
  resolve(written: string): string[] {
    const out = new Set<string>();
    for (const s of suffixes(written.replace(/^@/, ""))) for (const n of this.bySuffix.get(s) ?? []) out.add(n);
    return [...out];
  }
}

export interface KeyOptions {
  seed: number;
  /** The `--runs` override (otherwise the default for the declaration's kind). */
  runs?: number;
  path?: string;
  timeLimitMs?: number;
  budgets?: unknown;
  /** The previous `out/numeric.json`: its counterexample for a declaration is replayed first. */
  previous?: NumericFile;
}

export interface RecordKey {
  /** The cache key (hex). */
  key: string;
  /** Hash of the same declarations with their source positions (messages quote positions). */
  positioned: string;
  /** Library declarations the key covers (the statement first). */
  declarations: string[];
  /** Builtin modules the key covers. */
  builtinFiles: string[];
  /** JSON of the stored counterexample this run would replay first (`null`: none). */
  replayed: string;
}

/** Computes record keys for one library and one harness state. */
export class KeyBuilder {
  private readonly library: NameIndex;
  private readonly builtinNames: NameIndex;
  /** Per declaration: the names it mentions, its text without and with positions (computed once). */
  private readonly facts = new Map<LibraryDeclaration, { mentioned: string[]; statement: string; positioned: string }>();
  private readonly exportedDeps = new Map<string, string[]>();
  constructor(
    private readonly lib: Library,
    private readonly harness: HarnessFingerprint,
    /** `out/export.json`'s declarations (Lean's elaborated terms), when there is an export. */
    private readonly exported?: Readonly<Record<string, { type: string; value?: string }>>,
  ) {
    this.library = new NameIndex(lib.byName.keys());
    this.builtinNames = new NameIndex(harness.definedIn.keys());
  }

  /** Exported constants named by the exported type and body of `name`. */
  private exportedUses(name: string): string[] {
    let deps = this.exportedDeps.get(name);
    if (!deps) {
      const d = this.exported?.[name];
      const found = new Set<string>();
      if (d) {
        for (const m of `${d.type} ${d.value ?? ""}`.matchAll(/[\p{L}_][\p{L}\p{N}_'!?.₀-₉]*/gu)) {
          const n = m[0].replace(/\.$/, "");
          if (n !== name && this.exported?.[n]) found.add(n);
        }
      }
      deps = [...found].sort();
      this.exportedDeps.set(name, deps);
    }
    return deps;
  }

  /** The statement's exported term and those of every constant it uses, transitively, sorted. */
  private exportedClosure(start: string): string[] {
    if (!this.exported?.[start]) return [];
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const n of this.exportedUses(queue.pop() as string)) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    return [start, ...[...seen].filter((n) => n !== start).sort()];
  }

  private factsOf(d: LibraryDeclaration): { mentioned: string[]; statement: string; positioned: string } {
    let f = this.facts.get(d);
    if (!f) {
      const mentioned = new Set<string>();
      if (d.parsed.ok) mentionedNames(d.parsed.value, mentioned);
      f = {
        mentioned: [...mentioned],
        statement: d.parsed.ok ? withoutPositions(d.parsed.value) : JSON.stringify(d.parsed.diagnostics),
        positioned: JSON.stringify([d.file, d.line, d.parsed]),
      };
      this.facts.set(d, f);
    }
    return f;
  }

  /** The statement's declaration and every library declaration it may use, transitively. */
  private closure(start: LibraryDeclaration): { decls: LibraryDeclaration[]; names: Set<string> } {
    const seen = new Map<string, LibraryDeclaration>();
    const names = new Set<string>();
    const queue: LibraryDeclaration[] = [start];
    seen.set(start.name, start);
    while (queue.length > 0) {
      const d = queue.shift() as LibraryDeclaration;
      for (const m of this.factsOf(d).mentioned) {
        names.add(m);
        for (const n of this.library.resolve(m)) {
          const x = this.lib.byName.get(n);
          if (x && !seen.has(n)) {
            seen.set(n, x);
            queue.push(x);
          }
        }
      }
    }
    const [first, ...rest] = [...seen.values()];
    return { decls: [first as LibraryDeclaration, ...rest.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))], names };
  }

  private builtinClosure(names: Iterable<string>): string[] {
    const files = new Set<string>();
    const add = (f: string): void => {
      if (files.has(f)) return;
      files.add(f);
      for (const u of this.harness.builtins.get(f)?.uses ?? []) add(u);
    };
    for (const n of names) {
      const direct = this.harness.definedIn.get(n);
      if (direct) add(direct);
      for (const c of this.builtinNames.resolve(n)) add(this.harness.definedIn.get(c) as string);
    }
    return [...files].sort();
  }

  key(sel: Selected, opts: KeyOptions): RecordKey {
    const { decls, names } = this.closure(sel.decl);
    // The declaration itself may have a meaning in the registry (a closed proposition such as a
    // hypothesis the harness evaluates by a builtin).
    const builtinNames = new Set([...names, sel.decl.name]);
    for (const n of [...names]) for (const implied of IMPLIED_NAMES[n] ?? []) builtinNames.add(implied);
    for (const v of Object.values(sel.concrete ?? {})) builtinNames.add(v);
    if (this.harness.handWritten.declarations.has(sel.decl.name)) for (const n of this.harness.handWritten.names) builtinNames.add(n);
    const builtinFiles = this.builtinClosure(builtinNames);
    const stored = opts.previous?.records.find((r) => r.declaration === sel.decl.name && r.counterexample !== undefined);
    const h = createHash("sha256");
    const part = (label: string, value: string): void => {
      h.update(`${label}\0${value}\0`);
    };
    part("harness", HARNESS_VERSION);
    part("core", this.harness.core);
    part("claim", sel.claimId);
    part("conjecture", String(sel.conjecture));
    part("role", sel.role ?? "");
    part("concrete", JSON.stringify(Object.entries(sel.concrete ?? {}).sort()));
    for (const d of decls) {
      part("declaration", `${d.name}\0${d.keyword}\0${d.docId ?? ""}`);
      part("statement", this.factsOf(d).statement);
    }
    for (const f of builtinFiles) part("builtin", `${f}\0${this.harness.builtins.get(f)?.hash ?? ""}`);
    part("export", this.exported ? "present" : "absent");
    for (const n of this.exportedClosure(sel.decl.name)) {
      const x = this.exported?.[n];
      part("exported", `${n}\0${x?.type ?? ""}\0${x?.value ?? ""}`);
    }
    part("seed", String(opts.seed));
    part("runs", String(opts.runs ?? (sel.conjecture ? DEFAULT_CONJECTURE_RUNS : DEFAULT_RUNS)));
    part("timeLimitMs", String(opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS));
    part("path", opts.path ?? "");
    part("budgets", JSON.stringify(opts.budgets ?? null));
    const positioned = sha256(decls.map((d) => this.factsOf(d).positioned).join("\0"));
    return { key: h.digest("hex"), positioned, declarations: decls.map((d) => d.name), builtinFiles, replayed: JSON.stringify(stored?.counterexample ?? null) };
  }
}

export interface CacheEntry {
  format: number;
  key: string;
  positioned: string;
  /** JSON of the counterexample replayed first when the record was computed (`null`: none). */
  replayed: string;
  record: NumericRecord;
  /** The generated property module, restored under `gen/` when the record is reused. */
  generated?: { file: string; text: string };
}

export type Lookup = { kind: "hit"; entry: CacheEntry } | { kind: "miss" } | { kind: "damaged"; reason: string };

/** Every status a record can have (a `Record` so that a new status cannot be forgotten here). */
const STATUS_NAMES: Record<NumericStatus, true> = { passed: true, counterexample: true, potential: true, inconclusive: true, "harness-error": true, error: true, unsupported: true };
const STATUSES: ReadonlySet<string> = new Set(Object.keys(STATUS_NAMES));

/** Why a parsed entry cannot be trusted, or `undefined` when it is well formed. */
function entryProblem(x: unknown, key: string): string | undefined {
  if (x === null || typeof x !== "object") return "not an object";
  const e = x as Partial<CacheEntry>;
  if (e.format !== CACHE_FORMAT) return `format ${String(e.format)}, expected ${CACHE_FORMAT}`;
  if (e.key !== key) return "key does not match its file name";
  if (typeof e.positioned !== "string") return "no position hash";
  if (typeof e.replayed !== "string") return "no replayed counterexample";
  const r = e.record as Partial<NumericRecord> | undefined;
  if (!r || typeof r !== "object") return "no record";
  if (typeof r.claimId !== "string" || typeof r.declaration !== "string") return "record without claim or declaration";
  if (!STATUSES.has(r.status as string) || (r.mode !== "exact" && r.mode !== "float")) return "record with an unknown status or mode";
  for (const f of ["runs", "skips", "seed", "seconds", "maxResidual"] as const) if (typeof r[f] !== "number") return `record field ${f} is not a number`;
  if (typeof r.handWritten !== "boolean") return "record field handWritten is not a boolean";
  if (e.generated !== undefined && (typeof e.generated.file !== "string" || typeof e.generated.text !== "string")) return "malformed generated module";
  return undefined;
}

export function entryPath(dir: string, key: string): string {
  return path.join(dir, `${key}.json`);
}

/** Looks a key up; a record whose message quotes positions also needs the positions unchanged. */
export function lookup(dir: string, k: RecordKey, sel: Selected, seed: number): Lookup {
  const file = entryPath(dir, k.key);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { kind: "miss" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "damaged", reason: "not valid JSON" };
  }
  const problem = entryProblem(parsed, k.key);
  if (problem) return { kind: "damaged", reason: problem };
  const entry = parsed as CacheEntry;
  if (entry.record.declaration !== sel.decl.name || entry.record.claimId !== sel.claimId || entry.record.seed !== seed) {
    return { kind: "damaged", reason: "record of another declaration, claim or seed" };
  }
  // Error and unsupported records quote source positions; passed ones do not.
  const quotesPositions = entry.record.status === "error" || entry.record.status === "unsupported";
  if (quotesPositions && entry.positioned !== k.positioned) return { kind: "miss" };
  const own = JSON.stringify(entry.record.counterexample ?? null);
  if (k.replayed !== entry.replayed && k.replayed !== own) return { kind: "miss" };
  return { kind: "hit", entry };
}

/** Stores a fresh record (without the `reused` flag) under its key, atomically. */
export function store(dir: string, k: RecordKey, record: NumericRecord, generated?: { file: string; text: string }): void {
  const { reused: _reused, ...plain } = record;
  const entry: CacheEntry = { format: CACHE_FORMAT, key: k.key, positioned: k.positioned, replayed: k.replayed, record: plain };
  if (generated) entry.generated = generated;
  fs.mkdirSync(dir, { recursive: true });
  const file = entryPath(dir, k.key);
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, `${JSON.stringify(entry)}\n`);
  fs.renameSync(tmp, file);
}

/**
 * The key of a numeric-only property (`src/runner/numeric-only.ts`): it has no Lean statement, so
 * its meaning is the harness itself (its source is part of the core hash) and every builtin
 * module, plus its name, seed and run count.
 */
export function numericOnlyKey(harness: HarnessFingerprint, name: string, opts: KeyOptions): RecordKey {
  const h = createHash("sha256");
  h.update(`numeric-only\0${CACHE_FORMAT}\0${harness.core}\0${name}\0seed ${opts.seed}\0runs ${opts.runs ?? DEFAULT_RUNS}\0`);
  for (const [file, mod] of [...harness.builtins.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${file}\0${JSON.stringify(mod)}\0`);
  const key = h.digest("hex");
  return { key, positioned: key, declarations: [], builtinFiles: [...harness.builtins.keys()], replayed: "null" };
}
