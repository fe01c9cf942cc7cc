/**
 * The report stage's I/O edge: reads the registry, `out/proofs.json` and `out/numeric.json`,
 * builds the report and writes `out/report.json`, `out/report.md` and `out/report.html`.
 *
 * Exit codes: 0 when every claim has its expected verdict and nothing mismatches; 1 on a
 * registry error, conflict, failure, unexpected verdict, cross-check mismatch or changed
 * statement; 2 when an input is missing (the message says which stage to run) or `--claim` is
 * unknown.
 */
import type { MutationFile } from "../mutate/types.js";
import { mutationFileProblem, mutationView } from "./mutation.js";
import fs from "node:fs";
import path from "node:path";
import type { ProofsFile } from "../build/types.js";
import type { NumericFile } from "../runner/types.js";
import type { Diagnostic } from "../spec/diagnostics.js";
import { fileStart, formatDiagnostic } from "../spec/diagnostics.js";
import { fingerprintsText, loadFingerprints } from "../spec/fingerprints.js";
import { loadRegistry } from "../spec/load.js";
import { buildReport, claimDefinitions, incompleteReport } from "./build.js";
import { renderHtml } from "./html.js";
import { layoutGraph } from "./layout.js";
import { renderMarkdown } from "./markdown.js";
import { pinText, type PinChange } from "./pin.js";
import type { MissingInput, Report } from "./types.js";

export interface WriteReportsOptions {
  /** Project root; the other paths are relative to it. */
  root: string;
  registryFile?: string;
  /** Pinned fingerprints of the definitions the claims use (default `spec/fingerprints.json`). */
  fingerprintsFile?: string;
  proofsFile?: string;
  numericFile?: string;
  /** The mutation score of `npm run mutate` (default `out/mutation.json`; shown when it exists). */
  mutationFile?: string;
  outDir?: string;
  /** Narrow to these claim ids (`--claim`). */
  only?: string[];
  /** Rewrite the registry's pinned statement hashes to the current statements first. */
  pin?: boolean;
  /** The report's timestamp (default: now). */
  now?: Date;
  /** Progress and problems, one line each (default: silent). */
  log?: (line: string) => void;
}

export interface WriteReportsResult {
  exitCode: 0 | 1 | 2;
  /** The report, when one was built (complete or not). */
  report?: Report;
  /** Files written, relative to the root. */
  files: string[];
  /** Registry and input problems, and the report's mismatches. */
  diagnostics: Diagnostic[];
  pinned: PinChange[];
  /** Milliseconds spent. */
  millis: number;
}

export const DEFAULT_FILES = {
  registry: "spec/claims.json",
  fingerprints: "spec/fingerprints.json",
  proofs: "out/proofs.json",
  numeric: "out/numeric.json",
  mutation: "out/mutation.json",
  outDir: "out",
} as const;

type ReadResult<T> = { kind: "ok"; value: T } | { kind: "missing" } | { kind: "bad"; diagnostic: Diagnostic };

function readJson<T>(abs: string, rel: string, check: (x: unknown) => string | undefined): ReadResult<T> {
  let text: string;
  try {
    text = fs.readFileSync(abs, "utf8");
  } catch {
    return { kind: "missing" };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: "bad", diagnostic: { code: "REP007", severity: "error", message: `${rel} is not valid JSON: ${(e as Error).message}`, range: fileStart(rel) } };
  }
  const why = check(data);
  if (why) return { kind: "bad", diagnostic: { code: "REP007", severity: "error", message: `${rel} ${why}`, range: fileStart(rel) } };
  return { kind: "ok", value: data as T };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function checkProofs(x: unknown): string | undefined {
  if (!isObj(x)) return "must be a JSON object";
  for (const k of ["modules", "declarations", "forbidden"]) if (!Array.isArray(x[k])) return `has no "${k}" array (written by an older or broken \`npm run prove\`?)`;
  return undefined;
}

function checkNumeric(x: unknown): string | undefined {
  if (!isObj(x)) return "must be a JSON object";
  if (!Array.isArray(x["records"])) return `has no "records" array (written by an older or broken \`npm run check\`?)`;
  return undefined;
}

function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export const REPORT_FILES = ["report.json", "report.md", "report.html"] as const;

/** Runs the report stage end to end. Never throws on user input. */
export async function writeReports(opts: WriteReportsOptions): Promise<WriteReportsResult> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const root = path.resolve(opts.root);
  const rel = {
    registry: opts.registryFile ?? DEFAULT_FILES.registry,
    fingerprints: opts.fingerprintsFile ?? DEFAULT_FILES.fingerprints,
    proofs: opts.proofsFile ?? DEFAULT_FILES.proofs,
    numeric: opts.numericFile ?? DEFAULT_FILES.numeric,
    outDir: opts.outDir ?? DEFAULT_FILES.outDir,
  };
  const abs = (p: string): string => path.resolve(root, p);
  const outFiles = REPORT_FILES.map((f) => path.join(rel.outDir, f));
  const finish = (r: Omit<WriteReportsResult, "millis">): WriteReportsResult => ({ ...r, millis: performance.now() - t0 });
  const now = opts.now ?? new Date();

  const loaded = loadRegistry(abs(rel.registry), rel.registry);
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) log(formatDiagnostic(d));
    log(`${loaded.diagnostics.length} problem${loaded.diagnostics.length === 1 ? "" : "s"} in ${rel.registry}; no report written.`);
    for (const f of outFiles) fs.rmSync(abs(f), { force: true });
    return finish({ exitCode: 1, files: [], diagnostics: loaded.diagnostics, pinned: [] });
  }
  const registry = loaded.value;
  const fpLoaded = loadFingerprints(abs(rel.fingerprints), rel.fingerprints);
  if (!fpLoaded.ok) {
    for (const d of fpLoaded.diagnostics) log(formatDiagnostic(d));
    log(`${fpLoaded.diagnostics.length} problem${fpLoaded.diagnostics.length === 1 ? "" : "s"} in ${rel.fingerprints}; no report written.`);
    for (const f of outFiles) fs.rmSync(abs(f), { force: true });
    return finish({ exitCode: 1, files: [], diagnostics: fpLoaded.diagnostics, pinned: [] });
  }
  let fingerprints = fpLoaded.value;

  const only = opts.only?.filter((x) => x.length > 0);
  if (only && only.length > 0) {
    const known = new Set(registry.claims.map((c) => c.id));
    const unknown = only.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const diagnostics: Diagnostic[] = unknown.map((id) => ({ code: "REP010", severity: "error", message: `--claim ${id}: no such claim in ${rel.registry}`, range: fileStart(rel.registry) }));
      for (const d of diagnostics) log(formatDiagnostic(d));
      return finish({ exitCode: 2, files: [], diagnostics, pinned: [] });
    }
  }

  const proofs = readJson<ProofsFile>(abs(rel.proofs), rel.proofs, checkProofs);
  const numeric = readJson<NumericFile>(abs(rel.numeric), rel.numeric, checkNumeric);
  const bad = [proofs, numeric].flatMap((r) => (r.kind === "bad" ? [r.diagnostic] : []));
  const missing: MissingInput[] = [];
  if (proofs.kind === "missing") missing.push({ file: rel.proofs, stage: "prove", command: "npm run prove" });
  if (numeric.kind === "missing") missing.push({ file: rel.numeric, stage: "check", command: "npm run check" });

  const files = { registry: rel.registry, proofs: rel.proofs, numeric: rel.numeric, fingerprints: rel.fingerprints };
  if (missing.length > 0 || bad.length > 0) {
    const diagnostics: Diagnostic[] = [
      ...missing.map(
        (m): Diagnostic => ({ code: "REP006", severity: "error", message: `${m.file} is missing: run \`${m.command}\` first (or \`npm run verify\` for the whole pipeline)`, range: fileStart(m.file) }),
      ),
      ...bad,
    ];
    for (const d of diagnostics) log(formatDiagnostic(d));
    const report = incompleteReport(missing, registry, now, files);
    writeAll(report, undefined);
    log(`No verdicts: the report in ${rel.outDir}/ says which stage to run.`);
    return finish({ exitCode: missing.length > 0 ? 2 : 1, report, files: outFiles, diagnostics, pinned: [] });
  }
  if (proofs.kind !== "ok" || numeric.kind !== "ok") throw new Error("unreachable");

  let pinned: PinChange[] = [];
  let positions = loaded.positions;
  let reg = registry;
  if (opts.pin) {
    const text = fs.readFileSync(abs(rel.registry), "utf8");
    const res = pinText(text, registry, loaded.positions, proofs.value, only && only.length ? new Set(only) : undefined);
    pinned = res.changes;
    if (pinned.length > 0) {
      writeAtomic(abs(rel.registry), res.text);
      const again = loadRegistry(abs(rel.registry), rel.registry);
      if (!again.ok) throw new Error("pinning produced an invalid registry"); // a bug, not user input
      reg = again.value;
      positions = again.positions;
    }
    for (const p of pinned) log(`pinned ${p.claim} ${p.declaration}: ${p.from ?? "(none)"} → ${p.to}`);
    log(`${pinned.length} statement hash${pinned.length === 1 ? "" : "es"} pinned in ${rel.registry}.`);
    // The definitions the (selected) claims use: pinned in the fingerprint file; with --claim the
    // other claims' pins are kept, without it pins no claim uses any more are dropped.
    const byName = new Map(proofs.value.declarations.map((d) => [d.name, d]));
    const next = new Map(only && only.length ? [...fingerprints.pins].map(([k, v]) => [k, v.hash] as [string, string]) : []);
    let defChanges = 0;
    for (const c of reg.claims) {
      if (only && only.length && !only.includes(c.id)) continue;
      for (const u of claimDefinitions(c.declarations.map((d) => d.name), byName, undefined)) {
        if (fingerprints.pins.get(u.name)?.hash !== u.hash && next.get(u.name) !== u.hash) {
          defChanges++;
          log(`pinned definition ${u.name} (used by ${c.id} through ${u.chain.join(" → ")}): ${fingerprints.pins.get(u.name)?.hash ?? "(none)"} → ${u.hash}`);
        }
        next.set(u.name, u.hash);
      }
    }
    const fpText = fingerprintsText(next);
    let oldText = "";
    try {
      oldText = fs.readFileSync(abs(rel.fingerprints), "utf8");
    } catch {
      // not pinned yet
    }
    if (fpText !== oldText) {
      writeAtomic(abs(rel.fingerprints), fpText);
      const again = loadFingerprints(abs(rel.fingerprints), rel.fingerprints);
      if (!again.ok) throw new Error("pinning produced an invalid fingerprint file"); // a bug, not user input
      fingerprints = again.value;
    }
    log(`${defChanges} definition fingerprint${defChanges === 1 ? "" : "s"} pinned in ${rel.fingerprints}.`);
  }

  const report = buildReport({ registry: reg, positions, fingerprints, proofs: proofs.value, numeric: numeric.value, ...(only && only.length ? { only } : {}), now, files });
  // The mutation score, when `npm run mutate` wrote one: shown per claim only where it matches the
  // current statements (stale data is labelled, never shown as current).
  const mutationRel = opts.mutationFile ?? DEFAULT_FILES.mutation;
  const mutation = readJson<MutationFile>(abs(mutationRel), mutationRel, mutationFileProblem);
  if (mutation.kind !== "missing") {
    report.mutation = mutationView(report.claims, mutation.kind === "ok" ? mutation.value : mutation.diagnostic.message, mutationRel);
    if (report.mutation.status === "stale") log(`note: ${mutationRel} is stale for ${report.mutation.claims.filter((c) => c.status === "stale").map((c) => c.id).join(", ")} (rerun \`npm run mutate\`); their mutation scores are not shown`);
  }
  const layout = await layoutGraph({
    nodes: report.claims.map((c) => ({ id: c.id, label: c.id })),
    edges: report.claims.flatMap((c) => c.dependsOn.map((d) => ({ from: d, to: c.id }))),
  });
  writeAll(report, layout);

  for (const m of report.mismatches.filter((x) => x.code !== "REP005" || x.entry === undefined)) log(formatDiagnostic(m));
  const unpinned = report.mismatches.filter((x) => x.code === "REP005" && x.entry !== undefined).length;
  if (unpinned > 0) log(`warning REP005: ${unpinned} statement${unpinned === 1 ? " is" : "s are"} not pinned (listed in ${rel.outDir}/report.md); pin with \`npm run report -- --pin\` after checking them`);
  const s = report.summary;
  log(
    `${s.claims} claims: ${Object.entries(s.verdicts)
      .filter(([, n]) => n > 0)
      .map(([v, n]) => `${n} ${v}`)
      .join(", ")}; ${s.asExpected} as expected.`,
  );
  for (const c of report.claims.filter((x) => !x.asExpected)) log(`  ${c.id}: ${c.verdict}, expected ${c.expected}: ${c.reasons.join("; ")}`);
  log(`wrote ${outFiles.join(", ")}`);
  return finish({ exitCode: s.ok ? 0 : 1, report, files: outFiles, diagnostics: report.mismatches, pinned });

  function writeAll(r: Report, layout: Awaited<ReturnType<typeof layoutGraph>> | undefined): void {
    writeAtomic(abs(outFiles[0]!), JSON.stringify(r, null, 2) + "\n");
    writeAtomic(abs(outFiles[1]!), renderMarkdown(r));
    writeAtomic(abs(outFiles[2]!), renderHtml(r, layout));
  }
}
