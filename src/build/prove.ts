/**
 * The proof build: compiles the Lean library in dependency order with the selected toolchain,
 * reuses unchanged modules, and describes the result as a `ProofsFile`.
 */
import fs from "node:fs";
import path from "node:path";
import type { LeanMessage } from "../lean/messages.js";
import { compileFile } from "../lean/run.js";
import type { Toolchain } from "../lean/toolchain.js";
import { acquireLock, decide, inputHash, interfaceHash, invalidate, legacyInputHash, sha256, TRACE_VERSION, writeTrace, type LegacyTrace, type Trace } from "./cache.js";
import { buildOrder, discoverModules, projectImports, type GraphProblem, type ModuleSource } from "./graph.js";
import { resolveIdent, scanLean } from "./scan.js";
import type { DeclarationRecord, ForbiddenUse, ModuleRecord, ProofsFile } from "./types.js";

export interface ProveOptions {
  projectRoot: string;
  /** Source root of the library, relative to the project root (`lean`). */
  srcDir: string;
  /** Folder for `.olean` files and traces. */
  buildDir: string;
  toolchain: Toolchain;
  jobs: number;
  timeoutMs: number;
  /** Lean options for every module (part of each module's trace). */
  leanOptions?: string[];
  /** Only these modules (and what they import); all when empty. */
  only?: string[];
  log: (line: string) => void;
}

export type ProveOutcome =
  | { ok: true; proofs: ProofsFile; failed: number }
  | { ok: false; problems: GraphProblem[] };

function relMessages(root: string, messages: LeanMessage[]): LeanMessage[] {
  return messages.map((m) => ({ ...m, file: path.isAbsolute(m.file) ? path.relative(root, m.file) : m.file }));
}

function oleanFor(buildDir: string, name: string): string {
  return path.join(buildDir, ...name.split(".")) + ".olean";
}

/** Restricts the module list to `only` and everything those import. */
function closure(order: ModuleSource[], only: string[]): ModuleSource[] {
  const byName = new Map(order.map((m) => [m.name, m]));
  const keep = new Set<string>();
  const add = (n: string) => {
    if (keep.has(n)) return;
    keep.add(n);
    for (const i of projectImports(byName.get(n)!)) add(i.module);
  };
  for (const n of only) if (byName.has(n)) add(n);
  return order.filter((m) => keep.has(m.name));
}

/**
 * A cold compile's cost, estimated from the source alone (used only to order the compiles): the
 * embedded Lean's start-up (about 13 s of CPU per process, `README.md`) plus about 0.05 s per
 * line (the library's 7,100 lines took about 380 s of CPU beyond the start-ups).
 */
export function estimatedCompileSeconds(text: string): number {
  return 13 + 0.05 * text.split("\n").length;
}

export async function prove(opts: ProveOptions): Promise<ProveOutcome> {
  const root = path.resolve(opts.projectRoot);
  const discovered = discoverModules(root, opts.srcDir);
  const graph = buildOrder(discovered);
  if (!graph.ok) return { ok: false, problems: graph.problems };
  const order = opts.only && opts.only.length > 0 ? closure(graph.order, opts.only) : graph.order;

  const release = await acquireLock(opts.buildDir, (pid) => opts.log(`waiting for another build of ${opts.buildDir} (process ${pid}) to finish`));
  const started = performance.now();
  const records = new Map<string, ModuleRecord>();
  const traces = new Map<string, Trace>();
  /** Modules whose trace of the previous layout was valid (their importers may migrate too). */
  const legacyTraces = new Map<string, LegacyTrace>();
  /** Modules compiled by this run (an importer kept despite them is an early cutoff). */
  const rebuilt = new Set<string>();
  const total = order.length;
  let finished = 0;
  const report = (r: ModuleRecord) => {
    finished++;
    const width = String(total).length;
    const cpu = r.cpuSeconds !== undefined ? `  (CPU ${r.cpuSeconds.toFixed(1)} s)` : "";
    const secs = r.status === "built" || r.status === "failed" ? `${r.seconds.toFixed(1).padStart(6)} s${cpu}` : "";
    opts.log(`[${String(finished).padStart(width)}/${total}] ${r.name.padEnd(32)} ${r.status.padEnd(7)} ${secs}${r.reason ? `  (${r.reason})` : ""}`);
  };

  try {
    const pending = new Set(order.map((m) => m.name));
    const running = new Map<string, Promise<void>>();
    const byName = new Map(order.map((m) => [m.name, m]));
    /** Every project module `m` imports, directly or through other imports, in build order. */
    const importClosure = (m: ModuleSource): string[] => {
      const seen = new Set<string>();
      const visit = (n: string) => {
        if (seen.has(n)) return;
        seen.add(n);
        for (const i of projectImports(byName.get(n)!)) visit(i.module);
      };
      for (const i of projectImports(m)) visit(i.module);
      return order.map((x) => x.name).filter((n) => seen.has(n));
    };

    const runOne = async (m: ModuleSource): Promise<void> => {
      const deps = projectImports(m).map((i) => i.module);
      const olean = oleanFor(opts.buildDir, m.name);
      const base: ModuleRecord = { name: m.name, file: m.file, status: "skipped", seconds: 0, messages: [], imports: deps };
      const badDeps = deps.filter((d) => records.get(d)?.status === "failed" || records.get(d)?.status === "skipped");
      if (badDeps.length > 0) {
        const r = { ...base, reason: `not attempted: imports ${badDeps.join(", ")}, which did not build` };
        invalidate(olean);
        records.set(m.name, r);
        report(r);
        return;
      }
      const fingerprint = [opts.toolchain.fingerprint, ...(opts.leanOptions ?? [])].join("\0");
      // Lean loads the whole import closure, so a module reads every transitive import's build
      // products: an import of an import whose interface changed must rebuild it even when the
      // module in between was rebuilt to identical bytes.
      const reads = importClosure(m);
      const hash = inputHash(
        fingerprint,
        m.text,
        reads.map((d) => ({ name: d, interfaceHash: traces.get(d)!.interfaceHash })),
      );
      const legacyDeps = deps.map((d) => ({ name: d, trace: legacyTraces.get(d) }));
      const legacyHash = legacyDeps.every((d) => d.trace !== undefined)
        ? legacyInputHash(fingerprint, m.text, legacyDeps as { name: string; trace: LegacyTrace }[])
        : undefined;
      const cached = decide(olean, hash, legacyHash);
      if (cached.fresh && cached.legacy) {
        legacyTraces.set(m.name, cached.legacy);
        writeTrace(olean, cached.trace);
      }
      if (cached.fresh && !cached.trace.ok) {
        const r: ModuleRecord = { ...base, status: "failed", messages: cached.trace.messages, reason: `unchanged since it failed at ${cached.trace.builtAt}` };
        records.set(m.name, r);
        report(r);
        return;
      }
      if (cached.fresh) {
        traces.set(m.name, cached.trace);
        const cutoff = reads.filter((d) => rebuilt.has(d));
        const r: ModuleRecord = { ...base, status: "cached", messages: cached.trace.messages };
        if (cutoff.length > 0) r.reason = `kept: ${cutoff.join(", ")} rebuilt with an unchanged interface`;
        records.set(m.name, r);
        report(r);
        return;
      }
      invalidate(olean);
      fs.mkdirSync(path.dirname(olean), { recursive: true });
      const res = await compileFile(opts.toolchain, {
        file: path.join(root, m.file),
        srcRoot: path.resolve(root, opts.srcDir),
        olean,
        searchPath: [opts.buildDir],
        cwd: opts.buildDir,
        timeoutMs: opts.timeoutMs,
        ...(opts.leanOptions ? { options: opts.leanOptions } : {}),
      });
      const messages = relMessages(root, res.messages);
      const hasError = messages.some((x) => x.severity === "error");
      const ih = res.exitCode === 0 && !hasError ? interfaceHash(olean) : undefined;
      if (ih !== undefined) {
        rebuilt.add(m.name);
        const trace: Trace = {
          traceVersion: TRACE_VERSION,
          ok: true,
          inputHash: hash,
          oleanHash: sha256(fs.readFileSync(olean)),
          interfaceHash: ih,
          seconds: res.seconds,
          messages,
          builtAt: new Date().toISOString(),
        };
        writeTrace(olean, trace);
        traces.set(m.name, trace);
        const r: ModuleRecord = { ...base, status: "built", seconds: res.seconds, ...(res.cpuSeconds !== undefined ? { cpuSeconds: res.cpuSeconds } : {}), messages };
        records.set(m.name, r);
        report(r);
      } else {
        invalidate(olean);
        if (!res.timedOut && hasError) {
          writeTrace(olean, { ok: false, inputHash: hash, oleanHash: "", interfaceHash: "", seconds: res.seconds, messages, builtAt: new Date().toISOString() });
        }
        let reason: string | undefined;
        if (res.timedOut) reason = `killed after ${Math.round(opts.timeoutMs / 1000)} s (--timeout)`;
        else if (!hasError) reason = `Lean exited with code ${res.exitCode}${res.diagnostics.length ? `: ${res.diagnostics.slice(-3).join(" | ")}` : ""}`;
        const r: ModuleRecord = { ...base, status: "failed", seconds: res.seconds, ...(res.cpuSeconds !== undefined ? { cpuSeconds: res.cpuSeconds } : {}), messages, ...(reason ? { reason } : {}) };
        records.set(m.name, r);
        report(r);
        for (const msg of messages.filter((x) => x.severity === "error").slice(0, 5)) {
          opts.log(`      ${msg.file}:${msg.line}:${msg.column}: ${msg.text.split("\n")[0]}`);
        }
      }
    };

    // Longest chain of importers from each module to the end of the build, in estimated seconds:
    // with two compiles at once, starting the module that heads the longest remaining chain
    // first keeps the last compiles from running alone.
    const importers = new Map<string, string[]>(order.map((m) => [m.name, []]));
    for (const m of order) for (const i of projectImports(m)) importers.get(i.module)?.push(m.name);
    const chain = new Map<string, number>();
    for (const m of [...order].reverse()) {
      const below = Math.max(0, ...importers.get(m.name)!.map((n) => chain.get(n) ?? 0));
      chain.set(m.name, estimatedCompileSeconds(m.text) + below);
    }
    // The first module whose build threw (not a failed compile: an I/O error, a compiler that
    // cannot be started): the build stops with that error once the compiles still running end.
    let thrown: { error: unknown } | undefined;
    while ((pending.size > 0 || running.size > 0) && !thrown) {
      const ready = [...pending]
        .filter((n) => projectImports(byName.get(n)!).every((i) => records.has(i.module)))
        .sort((a, b) => chain.get(b)! - chain.get(a)!);
      for (const n of ready) {
        if (running.size >= Math.max(1, opts.jobs)) break;
        pending.delete(n);
        const p = runOne(byName.get(n)!)
          .catch((error: unknown) => {
            thrown ??= { error };
          })
          .finally(() => running.delete(n));
        running.set(n, p);
      }
      if (running.size > 0) await Promise.race(running.values());
      else if (pending.size > 0) throw new Error("internal: no module ready, yet the import graph has no cycle");
    }
    if (thrown) {
      await Promise.all(running.values());
      throw thrown.error;
    }
  } finally {
    release();
  }

  const modules = order.map((m) => records.get(m.name)!);
  const declarations: DeclarationRecord[] = [];
  const forbidden: ForbiddenUse[] = [];
  const scans = order.map((m) => ({ m, scan: scanLean(m.text) }));
  const known = new Set(scans.flatMap((x) => x.scan.declarations.map((d) => d.name)));
  for (const { m, scan } of scans) {
    const rec = records.get(m.name)!;
    const sorryLines = rec.messages.filter((x) => x.kind === "hasSorry").map((x) => x.line);
    scan.declarations.forEach((d, i) => {
      const next = scan.declarations[i + 1]?.line ?? Infinity;
      const { idents, scope, ...rest } = d;
      const uses = [...new Set(idents.map((x) => resolveIdent(x, scope, known)).filter((x): x is string => x !== undefined && x !== d.name))].sort();
      declarations.push({
        ...rest,
        uses,
        file: m.file,
        usesSorry: sorryLines.some((l) => l >= d.line && l < next),
        module: m.name,
      });
    });
    for (const f of scan.forbidden) forbidden.push({ ...f, file: m.file });
  }
  const count = (s: ModuleRecord["status"]) => modules.filter((m) => m.status === s).length;
  const proofs: ProofsFile = {
    generatedAt: new Date().toISOString(),
    toolchain: opts.toolchain.info,
    modules,
    declarations,
    forbidden,
    summary: {
      modules: modules.length,
      built: count("built"),
      cached: count("cached"),
      failed: count("failed"),
      skipped: count("skipped"),
      seconds: (performance.now() - started) / 1000,
    },
  };
  return { ok: true, proofs, failed: count("failed") + count("skipped") };
}
