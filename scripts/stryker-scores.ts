/**
 * Mutation scores per file and per folder from Stryker's JSON reports, for the README's table
 * (`npm run test:mutation`, issue "a mutation score for the trust-critical code"):
 *
 *   npm run test:mutation:scores -- [--record FILE] [--write] [REPORT.json ...]
 *
 * Inputs, oldest first: the committed record `docs/mutation-results.json` (or `--record FILE`), then
 * Stryker's reports (`mutation.json` or its incremental files, same schema; by default
 * `out/mutation-tests/incr-*.json` and `stryker-incremental.json`) by modification time. One file
 * per Stryker run is the usual way here, so a file's results may come from several inputs: they are
 * merged per mutant (mutator, place and replacement), a later input winning. `--write` saves the
 * merged results back to the record, so the README's figures can be recomputed from a clean clone.
 * Every configured file (the `mutate` globs of `stryker.config.json`) is instrumented again with
 * Stryker's own instrumenter, so a file shows how many of its current mutants have a result: a file
 * run over a line range, or stopped early, is "partial", a file never run is "not measured", and a
 * report whose copy of the source differs from the file today is "stale" and counts for nothing.
 *
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's mutation
 * score; compile errors (the TypeScript checker) and mutants ignored as static are not counted.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { Instrumenter } from "@stryker-mutator/instrumenter";

export type MutantStatus = "Killed" | "Timeout" | "Survived" | "NoCoverage" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";

interface Position {
  line: number;
  column: number;
}

export interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  location: { start: Position; end: Position };
}

export interface StrykerReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

/** A mutant's identity across runs of the same source: mutator, place and replacement. */
export function mutantKey(m: Pick<ReportMutant, "mutatorName" | "replacement" | "location">): string {
  const { start, end } = m.location;
  return `${m.mutatorName}@${start.line}:${start.column}-${end.line}:${end.column}=${m.replacement ?? ""}`;
}

export interface FileScore {
  file: string;
  /** Mutants Stryker's instrumenter places in the file today. */
  instrumented: number;
  /** Of those, how many have a result (any status but pending) in a report of the current source. */
  measured: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  compileError: number;
  ignored: number;
  /** Inputs that hold this file with another source than today's (their results are not used). */
  stale: number;
  /** The newest date among the results used (ISO), or "" when none. */
  date: string;
}

/** Detected / (detected + undetected), or undefined when nothing counted. */
export function score(s: Pick<FileScore, "killed" | "timeout" | "survived" | "noCoverage">): number | undefined {
  const detected = s.killed + s.timeout;
  const valid = detected + s.survived + s.noCoverage;
  return valid === 0 ? undefined : detected / valid;
}

/** One file's results: the source they are about (its SHA-256), the newest run's date, each mutant's status. */
export interface FileResults {
  sha256: string;
  date: string;
  statuses: Record<string, MutantStatus>;
}

/**
 * Results cut to what a score needs (`docs/mutation-results.json` is one, committed, so the README's
 * figures can be recomputed from a clean clone): per file, the source's hash and each mutant's status.
 */
export interface ResultsRecord {
  files: Record<string, FileResults>;
}

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** A Stryker report as results; `date` (ISO) is when it was written. Pending mutants have no result. */
export function fromReport(report: StrykerReport, date: string): ResultsRecord {
  const files: Record<string, FileResults> = {};
  for (const [file, entry] of Object.entries(report.files)) {
    const statuses: Record<string, MutantStatus> = {};
    for (const m of entry.mutants) if (m.status !== "Pending") statuses[mutantKey(m)] = m.status;
    files[file] = { sha256: sha256(entry.source), date, statuses };
  }
  return { files };
}

export interface Merged {
  record: ResultsRecord;
  /** Per file, how many inputs held another version of it (their results are not used). */
  stale: Map<string, number>;
}

/**
 * Merges results (oldest first) into one record of today's sources: for each file, the results of
 * the inputs whose source hash is today's, a later input winning per mutant, kept only for the
 * mutants the file has today (`current`: file → hash and mutant keys).
 */
export function mergeResults(inputs: readonly ResultsRecord[], current: ReadonlyMap<string, { sha256: string; keys: readonly string[] }>): Merged {
  const files: Record<string, FileResults> = {};
  const stale = new Map<string, number>();
  for (const [file, now] of current) {
    const statuses = new Map<string, MutantStatus>();
    let date = "";
    for (const input of inputs) {
      const r = input.files[file];
      if (!r) continue;
      if (r.sha256 !== now.sha256) {
        stale.set(file, (stale.get(file) ?? 0) + 1);
        continue;
      }
      for (const [key, status] of Object.entries(r.statuses)) statuses.set(key, status);
      if (r.date > date) date = r.date;
    }
    const kept: Record<string, MutantStatus> = {};
    for (const key of now.keys) {
      const status = statuses.get(key);
      if (status !== undefined) kept[key] = status;
    }
    if (Object.keys(kept).length > 0) files[file] = { sha256: now.sha256, date, statuses: kept };
  }
  return { record: { files }, stale };
}

/** One file's counts from its merged results (`undefined`: none). */
export function scoreFile(file: string, currentKeys: readonly string[], results: FileResults | undefined, stale = 0): FileScore {
  const s: FileScore = { file, instrumented: currentKeys.length, measured: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0, ignored: 0, stale, date: results?.date ?? "" };
  for (const key of currentKeys) {
    const status = results?.statuses[key];
    if (status === undefined) continue;
    s.measured++;
    if (status === "Killed") s.killed++;
    else if (status === "Timeout") s.timeout++;
    else if (status === "Survived") s.survived++;
    else if (status === "NoCoverage") s.noCoverage++;
    else if (status === "CompileError" || status === "RuntimeError") s.compileError++;
    else s.ignored++;
  }
  return s;
}

/** A glob of `stryker.config.json` (`**`, `*`, a leading `!`) as a regular expression over relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*" && glob[i + 2] === "/") {
      re += "(?:.*/)?";
      i += 2;
    } else if (c === "*") re += "[^/]*";
    else re += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** The files the `mutate` globs select (negated globs remove), relative paths, sorted. */
export function selectFiles(globs: readonly string[], candidates: readonly string[]): string[] {
  const include = globs.filter((g) => !g.startsWith("!")).map(globToRegExp);
  const exclude = globs.filter((g) => g.startsWith("!")).map((g) => globToRegExp(g.slice(1)));
  return candidates.filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f))).sort();
}

export interface FolderScore extends Omit<FileScore, "file"> {
  folder: string;
  files: FileScore[];
}

/** Sums file scores per folder (the path up to its last `/`). */
export function byFolder(files: readonly FileScore[]): FolderScore[] {
  const folders = new Map<string, FolderScore>();
  for (const f of files) {
    const name = f.file.slice(0, f.file.lastIndexOf("/") + 1);
    const acc = folders.get(name) ?? { folder: name, files: [], instrumented: 0, measured: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0, ignored: 0, stale: 0, date: "" };
    acc.files.push(f);
    for (const k of ["instrumented", "measured", "killed", "timeout", "survived", "noCoverage", "compileError", "ignored", "stale"] as const) acc[k] += f[k];
    if (f.date > acc.date) acc.date = f.date;
    folders.set(name, acc);
  }
  return [...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

const pct = (x: number | undefined): string => (x === undefined ? "–" : `${(100 * x).toFixed(1)} %`);

function coverageText(s: Omit<FileScore, "file">): string {
  if (s.measured === 0) return s.stale > 0 ? "stale" : "not measured";
  return s.measured === s.instrumented ? "all" : `partial (${s.measured} of ${s.instrumented})`;
}

/** The Markdown table: one row per file, one bold row per folder. */
export function markdownTable(folders: readonly FolderScore[]): string {
  const rows = ["| file | mutants | with a result | killed (timeout) | survived | no coverage | compile error / static | score | last run |", "|---|---:|---|---:|---:|---:|---:|---:|---|"];
  const row = (name: string, s: Omit<FileScore, "file">, bold: boolean): string => {
    const b = (t: string): string => (bold ? `**${t}**` : t);
    const counted = s.measured > 0;
    return `| ${b(name)} | ${s.instrumented} | ${coverageText(s)}${s.stale > 0 && s.measured > 0 ? ", older results of another source left out" : ""} | ${counted ? `${s.killed + s.timeout} (${s.timeout})` : "–"} | ${counted ? s.survived : "–"} | ${counted ? s.noCoverage : "–"} | ${counted ? `${s.compileError} / ${s.ignored}` : "–"} | ${b(pct(score(s)))} | ${s.date.slice(0, 10) || "–"} |`;
  };
  for (const f of folders) {
    for (const file of f.files) rows.push(row(`\`${file.file}\``, file, false));
    rows.push(row(`\`${f.folder}\``, f, true));
  }
  return rows.join("\n");
}

function listFiles(dir: string, root: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? listFiles(p, root) : [relative(root, p).split("\\").join("/")];
  });
}

const silent = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

/** The keys of the mutants Stryker's instrumenter places in each file today (no mutator excluded). */
export async function currentMutants(root: string, files: readonly string[]): Promise<Map<string, string[]>> {
  const instrumenter = new Instrumenter(silent as never);
  const out = new Map<string, string[]>();
  for (const file of files) {
    const content = readFileSync(join(root, file), "utf8");
    const { mutants } = await instrumenter.instrument([{ name: file, content, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [] });
    // The instrumenter counts lines and columns from 0, the reports from 1.
    const oneBased = (p: Position): Position => ({ line: p.line + 1, column: p.column + 1 });
    out.set(file, mutants.map((m) => mutantKey({ mutatorName: m.mutatorName, replacement: m.replacement, location: { start: oneBased(m.location.start), end: oneBased(m.location.end) } })));
  }
  return out;
}

const USAGE = "usage: stryker-scores [--record FILE] [--write] [REPORT.json ...]";

/** Reads a JSON file that must have a `files` object; an error message naming the file otherwise. */
function readJsonWithFiles<T>(path: string): { ok: true; value: T } | { ok: false; message: string } {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as { files?: unknown };
    if (typeof value.files !== "object" || value.files === null) return { ok: false, message: `${path}: no \`files\` object` };
    return { ok: true, value: value as T };
  } catch (e) {
    return { ok: false, message: `${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function main(argv: string[]): Promise<number> {
  const root = process.cwd();
  let recordPath = join(root, "docs/mutation-results.json");
  let write = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--write") write = true;
    else if (a === "--record" && argv[i + 1] !== undefined) recordPath = argv[++i]!;
    else if (a.startsWith("--")) {
      console.error(`stryker-scores: unknown option ${a}\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    const dir = join(root, "out/mutation-tests");
    if (existsSync(dir)) paths.push(...readdirSync(dir).filter((f) => /^(incr-.*|stryker-incremental)\.json$/.test(f)).map((f) => join(dir, f)));
  }
  // Oldest first: the committed record, then the reports by the time they were written.
  const inputs: ResultsRecord[] = [];
  if (existsSync(recordPath)) {
    const r = readJsonWithFiles<ResultsRecord>(recordPath);
    if (!r.ok) {
      console.error(`stryker-scores: ${r.message} (not a results record)`);
      return 2;
    }
    inputs.push(r.value);
  }
  const reports: { record: ResultsRecord; mtime: number }[] = [];
  for (const p of paths) {
    const r = readJsonWithFiles<StrykerReport>(p);
    if (!r.ok) {
      console.error(`stryker-scores: ${r.message} (not a Stryker JSON report)`);
      return 2;
    }
    const mtime = statSync(p).mtime;
    reports.push({ record: fromReport(r.value, mtime.toISOString()), mtime: mtime.getTime() });
  }
  inputs.push(...reports.sort((a, b) => a.mtime - b.mtime).map((r) => r.record));
  if (inputs.length === 0) console.error("stryker-scores: no results yet (docs/mutation-results.json or out/mutation-tests/incr-*.json); every file is shown as not measured");

  const config = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8")) as { mutate: string[] };
  const files = selectFiles(config.mutate, listFiles(join(root, "src"), root));
  const keys = await currentMutants(root, files);
  const current = new Map(files.map((f) => [f, { sha256: sha256(readFileSync(join(root, f), "utf8")), keys: keys.get(f) ?? [] }]));
  const merged = mergeResults(inputs, current);
  console.log(markdownTable(byFolder(files.map((f) => scoreFile(f, current.get(f)!.keys, merged.record.files[f], merged.stale.get(f))))));
  if (write) {
    writeFileSync(recordPath, `${JSON.stringify({ $comment: "Stryker results per configured file and mutant (key: mutator@start-end=replacement, 1-based), for today's source (sha256) only; written by `npx tsx scripts/stryker-scores.ts --write`, read by the same script to print the README's table.", ...merged.record }, null, 1)}\n`);
    console.error(`stryker-scores: wrote ${relative(root, recordPath)} (${Object.keys(merged.record.files).length} files with results)`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
