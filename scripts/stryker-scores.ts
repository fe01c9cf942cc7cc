/**
 * Mutation scores per file and per folder from Stryker's JSON reports, for the README's table
 * (`npm run test:mutation`, issue "a mutation score for the trust-critical code"):
 *
 *   npx tsx scripts/stryker-scores.ts [REPORT.json ...]     (default: out/mutation-tests/incr-*.json and stryker-incremental.json)
 *
 * Reports are Stryker's `mutation.json` or its incremental files (same schema); one file per run is
 * the usual way to run it here, so a file's results may come from several reports. They are merged
 * per mutant (mutator, place and replacement), a later report (by modification time) winning.
 * Every configured file (the `mutate` globs of `stryker.config.json`) is instrumented again with
 * Stryker's own instrumenter, so a file shows how many of its current mutants have a result: a file
 * run over a line range, or stopped early, is "partial", a file never run is "not measured", and a
 * report whose copy of the source differs from the file today is "stale" and counts for nothing.
 *
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's mutation
 * score; compile errors (the TypeScript checker) and mutants ignored as static are not counted.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
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
  /** Reports that hold this file with another source than today's (their results are not used). */
  stale: number;
}

/** Detected / (detected + undetected), or undefined when nothing counted. */
export function score(s: Pick<FileScore, "killed" | "timeout" | "survived" | "noCoverage">): number | undefined {
  const detected = s.killed + s.timeout;
  const valid = detected + s.survived + s.noCoverage;
  return valid === 0 ? undefined : detected / valid;
}

/**
 * Merges reports (oldest first) for one file whose current source is `source` and whose current
 * mutants have the keys `currentKeys`; returns the file's counts.
 */
export function scoreFile(file: string, source: string, currentKeys: readonly string[], reports: readonly StrykerReport[]): FileScore {
  const results = new Map<string, MutantStatus>();
  let stale = 0;
  for (const r of reports) {
    const entry = r.files[file];
    if (!entry) continue;
    if (entry.source !== source) {
      stale++;
      continue;
    }
    for (const m of entry.mutants) if (m.status !== "Pending") results.set(mutantKey(m), m.status);
  }
  const s: FileScore = { file, instrumented: currentKeys.length, measured: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0, ignored: 0, stale };
  for (const key of currentKeys) {
    const status = results.get(key);
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
    const acc = folders.get(name) ?? { folder: name, files: [], instrumented: 0, measured: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0, ignored: 0, stale: 0 };
    acc.files.push(f);
    for (const k of ["instrumented", "measured", "killed", "timeout", "survived", "noCoverage", "compileError", "ignored", "stale"] as const) acc[k] += f[k];
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
  const rows = ["| file | mutants | with a result | killed (timeout) | survived | no coverage | compile error / static | score |", "|---|---:|---|---:|---:|---:|---:|---:|"];
  const row = (name: string, s: Omit<FileScore, "file">, bold: boolean): string => {
    const b = (t: string): string => (bold ? `**${t}**` : t);
    const counted = s.measured > 0;
    return `| ${b(name)} | ${s.instrumented} | ${coverageText(s)}${s.stale > 0 && s.measured > 0 ? ", a stale report left out" : ""} | ${counted ? `${s.killed + s.timeout} (${s.timeout})` : "–"} | ${counted ? s.survived : "–"} | ${counted ? s.noCoverage : "–"} | ${counted ? `${s.compileError} / ${s.ignored}` : "–"} | ${b(pct(score(s)))} |`;
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

async function main(): Promise<number> {
  const root = process.cwd();
  const config = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8")) as { mutate: string[] };
  const args = process.argv.slice(2);
  const dir = join(root, "out/mutation-tests");
  let paths = args;
  if (paths.length === 0) {
    try {
      paths = readdirSync(dir).filter((f) => /^(incr-.*|stryker-incremental)\.json$/.test(f)).map((f) => join(dir, f));
    } catch {
      paths = [];
    }
  }
  if (paths.length === 0) {
    console.error("stryker-scores: no report given and no out/mutation-tests/incr-*.json (run `npm run test:mutation` first)");
    return 2;
  }
  const reports: { report: StrykerReport; mtime: number }[] = [];
  for (const p of paths) {
    try {
      const report = JSON.parse(readFileSync(p, "utf8")) as StrykerReport;
      if (typeof report.files !== "object" || report.files === null) throw new Error("no `files` object");
      reports.push({ report, mtime: statSync(p).mtimeMs });
    } catch (e) {
      console.error(`stryker-scores: ${p}: not a Stryker JSON report (${e instanceof Error ? e.message : String(e)})`);
      return 2;
    }
  }
  reports.sort((a, b) => a.mtime - b.mtime);
  const files = selectFiles(config.mutate, listFiles(join(root, "src"), root));
  const keys = await currentMutants(root, files);
  const scores = files.map((f) => scoreFile(f, readFileSync(join(root, f), "utf8"), keys.get(f) ?? [], reports.map((r) => r.report)));
  console.log(markdownTable(byFolder(scores)));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((code) => process.exit(code));
}
