/**
 * `npm run check [--claim ID] [--decl NAME] [--runs N] [--seed S] [--path P] [--out FILE] [--jobs J]
 * [--force] [--cache-dir DIR] [--registry FILE]`: checks the Lean statements numerically (in `J`
 * worker processes, default 2) and writes `out/numeric.json`.
 *
 * Bad input stops the run before anything is checked, with exit status 2 and one diagnostic per
 * problem at file:line:col: a malformed registry (`--registry`, default `spec/claims.json`; the
 * same diagnostics as `npm run report`), an `instantiate` naming a binder the statement does
 * not bind or an unknown constant, or a Lean file with an unterminated comment or string.
 *
 * A record whose inputs are all unchanged (statement, the meaning of every name it uses, seed,
 * runs, time limit, harness; see `src/runner/cache.ts`) is reused from `.cache/numeric/` and
 * marked `reused: true`; `--force` reruns everything. The evaluation machinery is loaded only
 * when something has to run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { formatDiagnostic as formatLeanDiagnostic, messageText } from "../diagnostics/index.js";
import { statementBinders } from "../parser/index.js";
import { formatDiagnostic } from "../spec/diagnostics.js";
import { checkInstantiate } from "../spec/instantiate.js";
import { MIN_PREMISE_RUNS, weak } from "../report/verdict.js";
import { loadRegistry, type RegistryPositions } from "../spec/load.js";
import type { Registry as ClaimsRegistry } from "../spec/types.js";
import type { DriverOptions } from "../runner/driver.js";
import type { PoolTask, PoolTimings, RunTasksOptions } from "../runner/pool.js";
import { harnessFingerprint, KeyBuilder, lookup, NUMERIC_CACHE_DIR, numericOnlyKey, store, type KeyOptions, type RecordKey } from "../runner/cache.js";
import { numericOnlyNames } from "../runner/numeric-only.js";
import { readExport } from "../export/file.js";
import { PARSE_CACHE_FILE, readLibrary } from "../runner/library.js";
import { narrowSelection, selectDeclarations, type Selected } from "../runner/select.js";
import type { NumericFile, NumericRecord } from "../runner/types.js";

export const DEFAULT_SEED = 20261127;

interface Args {
  claim?: string;
  decl?: string;
  runs?: number;
  seed: number;
  path?: string;
  out: string;
  jobs: number;
  force: boolean;
  cacheDir: string;
  /** The claims registry; the default `spec/claims.json` may be absent, a named one may not. */
  registry?: string;
}

function parseArgs(argv: string[]): { ok: true; args: Args } | { ok: false; message: string } {
  const args: Args = { seed: DEFAULT_SEED, out: "out/numeric.json", jobs: 2, force: false, cacheDir: NUMERIC_CACHE_DIR };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    const need = (): string | undefined => {
      i++;
      return value;
    };
    switch (flag) {
      case "--claim":
        args.claim = need();
        break;
      case "--decl":
        args.decl = need();
        break;
      case "--path":
        args.path = need();
        break;
      case "--out":
        args.out = need() ?? args.out;
        break;
      case "--cache-dir":
        args.cacheDir = need() ?? args.cacheDir;
        break;
      case "--registry":
        args.registry = need();
        break;
      case "--force":
        args.force = true;
        continue;
      case "--runs":
      case "--jobs":
      case "--seed": {
        const v = need();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || (flag === "--runs" && n < 1)) {
          return { ok: false, message: messageText("SYM402", flag, String(v)) };
        }
        if (flag === "--runs") args.runs = n;
        else if (flag === "--jobs") args.jobs = Math.max(1, n);
        else args.seed = n;
        break;
      }
      default:
        return { ok: false, message: messageText("SYM401", flag) };
    }
    if ((flag === "--claim" || flag === "--decl" || flag === "--path" || flag === "--out" || flag === "--cache-dir" || flag === "--registry") && value === undefined) {
      return { ok: false, message: messageText("SYM402", flag, "") };
    }
  }
  return { ok: true, args };
}

/** The meaning summary's one-entry cache, relative to the root. */
export const MEANING_CACHE_FILE = path.join(".cache", "meaning-summary.json");

/**
 * What the meaning summary depends on: the evaluation core and every builtin module (the harness
 * fingerprint), the export code (`src/export/*.ts`) and `out/export.json`.
 */
export function meaningKey(root: string, harness: ReturnType<typeof harnessFingerprint>): string {
  const h = createHash("sha256").update(`meaning 1\0${harness.core}\0`);
  for (const [file, b] of [...harness.builtins].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${file}\0${b.hash}\0`);
  const exportDir = path.join(root, "src", "export");
  try {
    for (const f of readdirSync(exportDir).sort()) if (f.endsWith(".ts")) h.update(`${f}\0`).update(readFileSync(path.join(exportDir, f)));
  } catch {
    h.update(`no export code ${Math.random()}`); // never reused
  }
  try {
    h.update("\0export\0").update(readFileSync(path.join(root, "out", "export.json")));
  } catch {
    h.update("\0no export");
  }
  return h.digest("hex");
}

/** A cached meaning summary with the names the registry knows (for checking `instantiate`). */
export interface MeaningEntry {
  meaning: NonNullable<NumericFile["meaning"]>;
  names: string[];
}

export function readMeaning(file: string, key: string): MeaningEntry | undefined {
  try {
    const e = JSON.parse(readFileSync(file, "utf8")) as { key?: unknown; meaning?: Record<string, unknown>; names?: unknown };
    const m = e.meaning;
    if (e.key !== key || !m || typeof m["handWritten"] !== "number" || typeof m["derived"] !== "number" || typeof m["derivedShare"] !== "number" || !Array.isArray(m["derivedNames"]) || typeof m["exported"] !== "boolean") return undefined;
    const hw = m["handWrittenNames"];
    if (!Array.isArray(hw) || !hw.every((h: unknown) => typeof h === "object" && h !== null && typeof (h as { name?: unknown }).name === "string" && typeof (h as { reason?: unknown }).reason === "string")) return undefined;
    if (!Array.isArray(e.names) || !e.names.every((n) => typeof n === "string")) return undefined;
    return { meaning: m as unknown as MeaningEntry["meaning"], names: e.names as string[] };
  } catch {
    return undefined;
  }
}

export function writeMeaning(file: string, key: string, entry: MeaningEntry): void {
  try {
    if (readMeaning(file, key)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp-${process.pid}`, `${JSON.stringify({ key, ...entry })}\n`);
    renameSync(`${file}.tmp-${process.pid}`, file);
  } catch {
    /* an unwritable cache only costs the next run the derivation */
  }
}

function readPrevious(file: string): NumericFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as NumericFile;
  } catch {
    return undefined;
  }
}

/** Restores a reused record's generated module under `gen/` unless it is already there. */
function restoreGenerated(root: string, g: { file: string; text: string }): void {
  const abs = path.join(root, g.file);
  if (!path.resolve(abs).startsWith(path.join(root, "gen") + path.sep)) return;
  try {
    if (readFileSync(abs, "utf8") === g.text) return;
  } catch {
    /* missing: write it */
  }
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  writeFileSync(tmp, g.text);
  renameSync(tmp, abs);
}

/** Removes generated modules under `gen/Sym` that no record of a full run refers to. */
function removeStaleGenerated(root: string, keep: ReadonlySet<string>): void {
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (!keep.has(path.relative(root, p).split(path.sep).join("/"))) rmSync(p, { force: true });
    }
  };
  walk(path.join(root, "gen", "Sym"));
}

/** The numeric stage as a function (`npm run verify` runs it in its own process); returns the exit code. */
export async function checkCli(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    console.error(`error: ${parsed.message}`);
    return 2;
  }
  const args = parsed.args;
  const root = process.cwd();
  const started = performance.now();
  // Unchanged Lean files are not parsed again (`.cache/library-parse.bin`).
  const library = readLibrary(root, { cacheFile: path.join(root, PARSE_CACHE_FILE) });
  if (library.diagnostics.length > 0) {
    for (const d of library.diagnostics) console.error(formatLeanDiagnostic(d));
    console.error(`error: ${library.diagnostics.length} problem${library.diagnostics.length === 1 ? "" : "s"} in the Lean files; nothing was checked`);
    return 2;
  }
  let claims: ClaimsRegistry | undefined;
  let positions: RegistryPositions | undefined;
  const registryName = args.registry ?? "spec/claims.json";
  const specFile = path.resolve(root, registryName);
  if (args.registry !== undefined || existsSync(specFile)) {
    const r = loadRegistry(specFile, registryName);
    if (!r.ok) {
      for (const d of r.diagnostics) console.error(formatDiagnostic(d));
      console.error(`error: ${r.diagnostics.length} problem${r.diagnostics.length === 1 ? "" : "s"} in ${registryName}; nothing was checked`);
      return 2;
    }
    claims = r.value;
    positions = r.positions;
  }
  const outFile = path.resolve(root, args.out);
  // Hand-written builtins plus the definitions whose meaning is derived from out/export.json:
  // loaded (with the whole evaluation core) only when a record has to run or the summary of
  // where meanings come from is not cached for these sources and this export.
  const harness = harnessFingerprint(root);
  let derivedRegistry: ReturnType<(typeof import("../export/derive.js"))["registryWithExport"]> | undefined;
  const withExport = async (): Promise<NonNullable<typeof derivedRegistry>> =>
    (derivedRegistry ??= (await import("../export/derive.js")).registryWithExport(root));
  const meaningFile = path.join(root, MEANING_CACHE_FILE);
  const mKey = meaningKey(root, harness);
  const cachedMeaning = readMeaning(meaningFile, mKey);
  let entry: MeaningEntry;
  if (cachedMeaning) entry = cachedMeaning;
  else {
    const { registry, meaning: m } = await withExport();
    entry = { meaning: m, names: registry.names().filter((n) => registry.has(n)) };
  }
  const { meaning, names } = entry;
  writeMeaning(meaningFile, mKey, entry);
  const registryNames = new Set(names);
  if (claims && positions) {
    const problems = checkInstantiate(claims, positions, {
      bindersOf: (name) => {
        const d = library.byName.get(name);
        return d?.parsed.ok ? statementBinders(d.parsed.value.binders, d.parsed.value.type) : undefined;
      },
      isConstant: (name) => library.byName.has(name) || registryNames.has(name),
      text: readFileSync(specFile, "utf8"),
    });
    if (problems.length > 0) {
      for (const d of problems) console.error(formatDiagnostic(d));
      console.error(`error: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${registryName}; nothing was checked`);
      return 2;
    }
  }
  const previous = readPrevious(outFile);
  const { selected, missing } = selectDeclarations(library, claims);
  const notes = missing.map((m) => messageText("SYM205", m.name) + ` (claim ${m.claimId})`);
  const chosen = narrowSelection(selected, args.claim, args.decl);
  if (args.claim && chosen.length === 0) notes.push(messageText("SYM304", args.claim));

  // The result cache: reuse every record whose inputs are unchanged.
  const cacheDir = path.resolve(root, args.cacheDir);
  const keys = new Map<string, RecordKey>();
  const reused = new Map<string, NumericRecord>();
  const keyOpts: KeyOptions = { seed: args.seed };
  if (args.runs !== undefined) keyOpts.runs = args.runs;
  if (args.path !== undefined) keyOpts.path = args.path;
  if (previous) keyOpts.previous = previous;
  // Keys cover Lean's elaborated terms of each statement and of every constant they use.
  const exported = readExport(root);
  const builder = new KeyBuilder(library, harness, exported?.declarations);
  for (const sel of chosen) {
    const k = builder.key(sel, keyOpts);
    keys.set(sel.decl.name, k);
    if (args.force) continue;
    const hit = lookup(cacheDir, k, sel, args.seed);
    if (hit.kind === "damaged") notes.push(`damaged cache entry for \`${sel.decl.name}\` (${hit.reason}): checked again`);
    if (hit.kind !== "hit") continue;
    if (hit.entry.generated) restoreGenerated(root, hit.entry.generated);
    reused.set(sel.decl.name, { ...hit.entry.record, reused: true });
  }
  // Numeric-only properties (parts no Lean statement covers) are cached the same way, keyed by
  // the harness (their source is part of it), their name, seed and runs.
  // They belong to claims of the project's registry: a library whose registry lacks their claim
  // (another project, a fixture) does not run them.
  const claimIds = new Set((claims?.claims ?? []).map((c) => c.id));
  const numericOnly = numericOnlyNames(args.claim, args.decl).filter((m) => claimIds.has(m.claimId));
  for (const m of numericOnly) {
    const k = numericOnlyKey(harness, m.declaration, keyOpts);
    keys.set(m.declaration, k);
    if (args.force) continue;
    const hit = lookup(cacheDir, k, { decl: { name: m.declaration }, claimId: m.claimId } as Selected, args.seed);
    if (hit.kind === "damaged") notes.push(`damaged cache entry for \`${m.declaration}\` (${hit.reason}): checked again`);
    if (hit.kind === "hit") reused.set(m.declaration, { ...hit.entry.record, reused: true });
  }
  const toRun = chosen.filter((s: Selected) => !reused.has(s.decl.name));
  const numericOnlyToRun = numericOnly.filter((m) => !reused.has(m.declaration));
  if (reused.size > 0) console.log(`reused ${reused.size} of ${chosen.length + numericOnly.length} records from ${path.relative(root, cacheDir) || "."} (nothing they depend on changed)${toRun.length + numericOnlyToRun.length ? `; checking ${toRun.length + numericOnlyToRun.length}` : ""}`);

  const fresh = new Map<string, NumericRecord>();
  // Phase timings of this run, printed at the end (seconds of wall clock and of this process's CPU).
  const phases: string[] = [];
  const clock = { wall: performance.now(), cpu: process.cpuUsage() };
  const phase = (label: string, detail = ""): void => {
    const cpu = process.cpuUsage(clock.cpu);
    phases.push(`${label} ${((performance.now() - clock.wall) / 1000).toFixed(1)} s (CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${detail})`);
    clock.wall = performance.now();
    clock.cpu = process.cpuUsage();
  };
  const setupWall = (clock.wall - started) / 1000;
  if (toRun.length + numericOnlyToRun.length > 0) {
    const total = toRun.length + numericOnlyToRun.length;
    let records: NumericRecord[];
    let timings: PoolTimings | undefined;
    if (args.jobs > 1 && total > 1) {
      // The workers load the evaluation machinery, the library from Lean's export and the
      // meanings themselves: this process does not, so its start-up does not take a core from
      // theirs.
      const { runTasks } = await import("../runner/pool.js");
      const tasks: PoolTask[] = [...toRun, ...numericOnlyToRun.map((m) => ({ numericOnly: m.declaration, claimId: m.claimId }))];
      const run: RunTasksOptions = { root, seed: args.seed, jobs: args.jobs, total, onProgress: (line) => console.log(line) };
      if (previous) run.previous = previous;
      if (args.runs) run.runs = args.runs;
      if (args.path) run.path = args.path;
      phase("loading the worker pool");
      ({ records, timings } = await runTasks(tasks, run));
    } else {
      // Loaded only now: the evaluation machinery costs a second or more to load.
      const { checkAll } = await import("../runner/driver.js");
      // Statements are planned from Lean's elaborated terms (out/export.json) where it covers them.
      const { libraryWithExport } = await import("../export/delab.js");
      const opts: DriverOptions = {
        root,
        library: libraryWithExport(library, exported),
        registry: (await withExport()).registry,
        seed: args.seed,
        previous: previous ?? { generatedAt: "", command: "", records: [] },
        onProgress: (line) => console.log(line),
        jobs: args.jobs,
        only: new Set([...toRun.map((s) => s.decl.name), ...numericOnlyToRun.map((m) => m.declaration)]),
      };
      if (claims) opts.claims = claims;
      if (args.claim) opts.claim = args.claim;
      if (args.decl) opts.declaration = args.decl;
      if (args.runs) opts.runs = args.runs;
      if (args.path) opts.path = args.path;
      phase("loading the evaluator and meanings");
      ({ records, timings } = await checkAll(opts));
    }
    const recordSeconds = records.reduce((a, r) => a + r.seconds, 0);
    const limited = records.filter((r) => r.interrupted).length;
    phase(
      `checking ${records.length} records`,
      `${timings ? `; ${timings.ready.length} workers ready after ${timings.ready.map((t) => t.toFixed(1)).join(", ")} s, done after ${timings.exited.map((t) => t.toFixed(1)).join(", ")} s` : ""}; ${recordSeconds.toFixed(1)} s of record time, ${limited} stopped by the time limit`,
    );
    for (const rec of records) {
      const k = keys.get(rec.declaration);
      let generated: { file: string; text: string } | undefined;
      if (rec.generatedFile) {
        try {
          generated = { file: rec.generatedFile, text: readFileSync(path.join(root, rec.generatedFile), "utf8") };
        } catch {
          generated = undefined;
        }
      }
      if (k) store(cacheDir, k, rec, generated);
      fresh.set(rec.declaration, { ...rec, reused: false });
    }
    phase("storing the records");
  }
  const records = [...chosen.map((s) => s.decl.name), ...numericOnly.map((m) => m.declaration)].flatMap((name) => {
    const r = reused.get(name) ?? fresh.get(name);
    return r ? [r] : [];
  });
  for (const n of notes) console.log(`note: ${n}`);
  if (phases.length > 0) console.log(`phases: set-up ${setupWall.toFixed(1)} s (library, meanings, record keys); ${phases.join("; ")}`);
  // A partial run replaces only the records it produced.
  const filtered = Boolean(args.claim || args.decl);
  if (!filtered) removeStaleGenerated(root, new Set(records.flatMap((r) => (r.generatedFile ? [r.generatedFile] : []))));
  const kept: NumericRecord[] = filtered && previous ? previous.records.filter((r) => !records.some((x) => x.declaration === r.declaration)) : [];
  const all = [...kept, ...records].sort((a, b) => (a.claimId === b.claimId ? (a.declaration < b.declaration ? -1 : 1) : a.claimId < b.claimId ? -1 : 1));
  const command = ["npm run check --", ...(args.claim ? ["--claim", args.claim] : []), ...(args.runs ? ["--runs", String(args.runs)] : []), "--seed", String(args.seed)].join(" ");
  const file: NumericFile = { generatedAt: new Date().toISOString(), command, records: all, meaning };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(file, null, 2)}\n`);
  const count = (s: string): number => records.filter((r) => r.status === s).length;
  console.log(
    `${records.length} declarations in ${((performance.now() - started) / 1000).toFixed(1)}s (${reused.size} reused, ${fresh.size} checked): ${count("passed")} passed (${records.filter(weak).length} of them weak: premises held in fewer than ${MIN_PREMISE_RUNS} runs), ${count("counterexample")} counterexample, ${count("potential")} potential, ${count("inconclusive")} inconclusive, ${count("harness-error")} harness error, ${count("error")} error, ${count("unsupported")} unsupported → ${args.out}`,
  );
  console.log(
    `meaning of library constants: ${meaning.handWritten} hand-written, ${meaning.derived} derived from Lean bodies (${(meaning.derivedShare * 100).toFixed(1)}%)${meaning.exported ? "" : "; no out/export.json, run npm run prove"}`,
  );
  return 0;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  checkCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
