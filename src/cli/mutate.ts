/**
 * `npm run mutate [-- --claim ID] [--runs N] [--seed S] [--time-limit MS] [--jobs J] [--force]
 * [--out FILE] [--cache-dir DIR]`: derives false variants (mutants) of every proved statement of
 * the registry, checks them with the numeric harness, and writes `out/mutation.json`: per claim
 * the mutants, how many a re-checked counterexample killed, how many were discarded as true by
 * construction, the survivors, and the score killed / (mutants − discarded).
 *
 * The statement itself is checked first at the same budget (its "baseline"): a statement the
 * harness cannot check, or checks only weakly, has its mutants listed as not run. Outcomes are
 * cached in `.cache/mutation/` by mutant key (the statement's numeric record key, the mutated
 * term, the budget); `--force` reruns everything.
 *
 * Exit 0 when the run completed, 2 on a usage problem or a missing input.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ProofsFile } from "../build/types.js";
import { registryWithExport } from "../export/derive.js";
import { harnessFingerprint, KeyBuilder } from "../runner/cache.js";
import { handWrittenProperties } from "../runner/handwritten.js";
import { readLibrary } from "../runner/library.js";
import { selectDeclarations } from "../runner/select.js";
import { formatDiagnostic } from "../spec/diagnostics.js";
import { loadRegistry } from "../spec/load.js";
import { checkMutantsInPool } from "../mutate/pool.js";
import { EQUIVALENCE_TACTICS, proveCandidates, type EquivalenceCandidate } from "../mutate/prove.js";
import {
  addTo,
  baselineProblem,
  cached,
  checkerSourceHash,
  claimTallies,
  classify,
  cutShort,
  emptyTally,
  extendedBudget,
  mutantKey,
  MUTATION_CACHE_DIR,
  operatorTallies,
  planMutants,
  provedStatements,
  storeCached,
  type Budget,
  type Planned,
} from "../mutate/run.js";
import { MUTATION_FORMAT, type DeclarationMutation, type MutantEntry, type MutantOutcome, type MutantTask, type MutationFile } from "../mutate/types.js";

/** The seed of `npm run check` (src/cli/check.ts), so mutants meet the same random inputs. */
const DEFAULT_SEED = 20261127;
export const DEFAULT_MUTANT_RUNS = 300;
export const DEFAULT_MUTANT_TIME_LIMIT_MS = 2500;

const USAGE = `usage: npm run mutate -- [options]
  --claim ID          mutate the proved statements of one claim only
  --runs N            random runs per mutant (default ${DEFAULT_MUTANT_RUNS})
  --seed S            seed (default ${DEFAULT_SEED}, the seed of npm run check)
  --time-limit MS     wall-clock limit per mutant (default ${DEFAULT_MUTANT_TIME_LIMIT_MS})
  --jobs J            worker processes (default 2)
  --force             ignore the mutation cache
  --out FILE          output (default out/mutation.json)
  --cache-dir DIR     cache folder (default ${MUTATION_CACHE_DIR})
  --no-lean           do not try to prove the unrefuted mutants in Lean
  --quiet             print the summary only`;

interface Args {
  claim?: string;
  runs: number;
  seed: number;
  timeLimitMs: number;
  jobs: number;
  force: boolean;
  out: string;
  cacheDir: string;
  quiet: boolean;
  lean: boolean;
}

function parseArgs(argv: string[]): { ok: true; args: Args } | { ok: false; message: string; help?: boolean } {
  const args: Args = { runs: DEFAULT_MUTANT_RUNS, seed: DEFAULT_SEED, timeLimitMs: DEFAULT_MUTANT_TIME_LIMIT_MS, jobs: 2, force: false, out: "out/mutation.json", cacheDir: MUTATION_CACHE_DIR, quiet: false, lean: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === "--help" || flag === "-h") return { ok: false, message: USAGE, help: true };
    if (flag === "--force") {
      args.force = true;
      continue;
    }
    if (flag === "--no-lean") {
      args.lean = false;
      continue;
    }
    if (flag === "--quiet") {
      args.quiet = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) return { ok: false, message: `${flag} needs a value` };
    switch (flag) {
      case "--claim":
        args.claim = value;
        break;
      case "--out":
        args.out = value;
        break;
      case "--cache-dir":
        args.cacheDir = value;
        break;
      case "--runs":
      case "--seed":
      case "--time-limit":
      case "--jobs": {
        const n = Number(value);
        if (!Number.isInteger(n) || (flag !== "--seed" && n < 1)) return { ok: false, message: `${flag} needs a positive integer, got \`${value}\`` };
        if (flag === "--runs") args.runs = n;
        else if (flag === "--seed") args.seed = n;
        else if (flag === "--time-limit") args.timeLimitMs = n;
        else args.jobs = n;
        break;
      }
      default:
        return { ok: false, message: `unknown option ${flag}` };
    }
  }
  return { ok: true, args };
}

const pct = (x: number | null): string => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(parsed.message);
      return 0;
    }
    console.error(`error: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  const args = parsed.args;
  const root = process.cwd();
  const started = performance.now();
  const log = (line: string): void => {
    if (!args.quiet) console.log(line);
  };

  const reg = loadRegistry(path.join(root, "spec", "claims.json"), "spec/claims.json");
  if (!reg.ok) {
    for (const d of reg.diagnostics) console.error(formatDiagnostic(d));
    return 2;
  }
  const claims = reg.value;
  if (args.claim && !claims.claims.some((c) => c.id === args.claim)) {
    console.error(`error: unknown claim ${args.claim} (not in spec/claims.json)`);
    return 2;
  }
  const proofsFile = path.join(root, "out", "proofs.json");
  if (!existsSync(proofsFile)) {
    console.error("error: out/proofs.json is missing: run `npm run prove` first (only proved statements are mutated)");
    return 2;
  }
  let proofs: ProofsFile;
  try {
    proofs = JSON.parse(readFileSync(proofsFile, "utf8")) as ProofsFile;
  } catch (e) {
    console.error(`error: out/proofs.json is not valid JSON: ${(e as Error).message}`);
    return 2;
  }

  const lib = readLibrary(root);
  const { registry } = registryWithExport(root);
  const { selected } = selectDeclarations(lib, claims);
  const keys = new KeyBuilder(lib, harnessFingerprint(root));
  const budget: Budget = { runs: args.runs, seed: args.seed, timeLimitMs: args.timeLimitMs };
  const { targets, skipped } = provedStatements(claims, proofs, lib, selected, args.claim);
  const planned = planMutants(lib, registry, keys, targets, budget, checkerSourceHash(root));
  const options = { root, ...budget };
  const cacheDir = path.resolve(root, args.cacheDir);

  // Runs tasks, reusing cached outcomes; returns outcomes by key.
  const outcomes = new Map<string, { outcome: MutantOutcome; reused: boolean }>();
  const runAll = async (tasks: MutantTask[], label: string, opts: typeof options = options): Promise<void> => {
    const todo: MutantTask[] = [];
    for (const t of tasks) {
      const hit = args.force ? undefined : cached(cacheDir, t.key);
      if (hit) outcomes.set(t.key, { outcome: hit, reused: true });
      else if (!todo.some((x) => x.key === t.key)) todo.push(t);
    }
    log(`${label}: ${tasks.length} (${tasks.length - todo.length} reused from ${args.cacheDir}, ${todo.length} to check)`);
    let done = 0;
    await checkMutantsInPool(todo, opts, args.jobs, (i, o) => {
      const t = todo[i] as MutantTask;
      outcomes.set(t.key, { outcome: o, reused: false });
      storeCached(cacheDir, t.key, o);
      done++;
      if (!args.quiet && (done % 50 === 0 || done === todo.length)) log(`  [${done}/${todo.length}] ${t.declaration} #${t.index}: ${o.status} (${o.seconds}s)`);
    });
    // A worker that died (out of memory, killed) leaves its task without an outcome: a harness error.
    for (const t of todo) if (!outcomes.has(t.key)) outcomes.set(t.key, { outcome: { status: "error", message: "the worker process exited before answering", seconds: 0 }, reused: false });
  };
  // A whole-library run regenerates the mutant modules it needs: stale ones go first.
  if (!args.claim) rmSync(path.join(root, "gen", "mutants"), { recursive: true, force: true });

  await runAll(planned.map((p) => p.baseline), "statements (baselines)");
  const live = planned.filter((p) => baselineProblem((outcomes.get(p.baseline.key) as { outcome: MutantOutcome }).outcome) === undefined);
  await runAll(live.flatMap((p) => p.mutants.flatMap((m) => (m.task ? [m.task] : []))), "mutants");

  const declarations: DeclarationMutation[] = [];
  const unrefuted: Array<{ entry: MutantEntry; candidate: EquivalenceCandidate }> = [];
  const unchecked = new Map<string, Array<{ declaration: string; reason: string }>>();
  for (const s of skipped) unchecked.set(s.claim, [...(unchecked.get(s.claim) ?? []), { declaration: s.declaration, reason: s.reason }]);
  for (const p of planned) {
    const baseline = (outcomes.get(p.baseline.key) as { outcome: MutantOutcome }).outcome;
    let problem = baselineProblem(baseline);
    // `npm run check` evaluates some statements through a hand-written property instead of the
    // planned term; mutants of the term are only as good as the generated property.
    if (problem && handWrittenProperties.has(p.target.declaration)) problem = `\`npm run check\` uses a hand-written property for it (src/runner/handwritten.ts), which mutants of the statement term do not reach; the generated property: ${problem}`;
    if (!problem && p.mutants.length === 0) problem = "no operator applies to the statement as written (its content is inside definitions, which are not mutated)";
    if (problem) {
      for (const c of p.target.claims) unchecked.set(c, [...(unchecked.get(c) ?? []), { declaration: p.target.declaration, reason: p.mutants.length > 0 ? `${problem}; its ${p.mutants.length} mutants were not run` : problem }]);
      continue;
    }
    const mutants: MutantEntry[] = p.mutants.map(({ mutant, task }, index) => {
      const base = { index, operator: mutant.operator, description: mutant.description, statement: mutant.text };
      if (mutant.discard) return { ...base, class: "discarded", reason: mutant.discard.reason, note: mutant.discard.note };
      const got = outcomes.get((task as MutantTask).key) as { outcome: MutantOutcome; reused: boolean };
      const c = classify(got.outcome);
      return { ...base, class: c.class, ...(c.reason ? { reason: c.reason } : {}), ...(c.note ? { note: c.note } : {}), outcome: got.outcome, ...(got.reused ? { reused: true } : {}) };
    });
    declarations.push({ declaration: p.target.declaration, claims: p.target.claims, statementHash: p.target.statementHash, baseline, mutants });
    for (const [i, e] of mutants.entries()) {
      const { mutant, task } = p.mutants[i] as Planned["mutants"][number];
      if ((e.class === "equivalent?" || e.class === "survived") && task) unrefuted.push({ entry: e, candidate: { id: task.key, original: p.target.declaration, statementHash: p.target.statementHash, decl: mutant.decl } });
    }
  }
  // The mutants no counterexample refuted may be true: try to prove them in Lean (one compile).
  let lean: MutationFile["lean"] = null;
  if (args.lean && unrefuted.length > 0) {
    const r = await proveCandidates(
      unrefuted.map((u) => u.candidate),
      { root, cacheDir: path.join(cacheDir, "lean"), force: args.force, log, jobs: args.jobs },
    );
    let proved = 0;
    for (const u of unrefuted) {
      const a = r.attempts.get(u.candidate.id);
      if (!a || a.tactic === null) continue;
      proved++;
      const was = u.entry.class;
      u.entry.class = "discarded";
      u.entry.reason = "proved";
      u.entry.note = `proved true in Lean by \`${a.tactic}\` (the harness had found no counterexample: ${was}${u.entry.note ? `, ${u.entry.note}` : ""})`;
      u.entry.proof = { tactic: a.tactic, lean: a.proof ?? "" };
    }
    lean = { candidates: unrefuted.length, proved, reused: r.reused, seconds: r.seconds, tactics: [...EQUIVALENCE_TACTICS.map((t) => t.name), "the hint scripts of the statement (src/mutate/hints.ts)"], ...(r.problem ? { problem: r.problem } : {}) };
    log(`Lean: ${proved} of ${unrefuted.length} unrefuted mutants proved true (${r.reused} answers reused, compile ${r.seconds} s)${r.problem ? `; ${r.problem}` : ""}`);
  }
  // Survivors the budget cut short (and Lean did not prove): one more check with a longer time
  // limit, only for them, so slow statements get a proportionate budget without slowing the rest.
  const longer = extendedBudget(budget);
  const retry: Array<{ entry: MutantEntry; task: MutantTask }> = [];
  for (const p of planned) {
    for (const [i, { task, mutant }] of p.mutants.entries()) {
      const d = declarations.find((x) => x.declaration === p.target.declaration);
      const e = d?.mutants[i];
      if (!task || !e || e.class !== "survived" || !e.outcome || !cutShort(e.outcome)) continue;
      retry.push({ entry: e, task: { ...task, key: mutantKey(keys, p.target, task.claimId, mutant.decl, longer, checkerSourceHash(root)) } });
    }
  }
  if (retry.length > 0) {
    await runAll(retry.map((r) => r.task), `survivors cut short, checked again with ${longer.timeLimitMs / 1000} s each`, { root, ...longer });
    for (const { entry, task } of retry) {
      const got = outcomes.get(task.key) as { outcome: MutantOutcome; reused: boolean };
      const c = classify(got.outcome);
      entry.extended = { timeLimitMs: longer.timeLimitMs, first: entry.note ?? "" };
      entry.class = c.class;
      entry.outcome = got.outcome;
      if (c.reason) entry.reason = c.reason;
      if (c.note) entry.note = c.note;
      else delete entry.note;
    }
  }
  const overall = emptyTally();
  for (const d of declarations) for (const e of d.mutants) addTo(overall, e);
  const file: MutationFile = {
    format: MUTATION_FORMAT,
    generatedAt: new Date().toISOString(),
    command: `npm run mutate${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
    seed: args.seed,
    runs: args.runs,
    timeLimitMs: args.timeLimitMs,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    only: args.claim ?? null,
    overall,
    byOperator: operatorTallies(declarations),
    claims: claimTallies(declarations, unchecked, claims.claims.map((c) => c.id)),
    declarations,
    lean,
  };
  const out = path.resolve(root, args.out);
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 1)}\n`);
  renameSync(tmp, out);

  console.log("");
  console.log(`claim    score   killed/live  discarded  survived  equivalent?`);
  for (const c of file.claims) {
    console.log(`${c.id.padEnd(8)} ${pct(c.score).padStart(6)}  ${`${c.killed}/${c.mutants - c.discarded}`.padStart(11)}  ${String(c.discarded).padStart(9)}  ${String(c.survived).padStart(8)}  ${String(c["equivalent?"]).padStart(11)}${c.unchecked.length ? `  (${c.unchecked.length} statement${c.unchecked.length === 1 ? "" : "s"} not run)` : ""}`);
  }
  const o = file.overall;
  console.log(`overall: ${pct(o.score)} of ${o.mutants - o.discarded} non-discarded mutants killed (${o.killed} killed, ${o.survived} survived, ${o["equivalent?"]} equivalent?, ${o.discarded} discarded of ${o.mutants}); ${file.seconds} s; wrote ${path.relative(root, out)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
