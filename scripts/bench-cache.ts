/**
 * Before/after figures of the caches and the warm Lean, in one run:
 *   1. warm `npm run verify` with nothing changed (before: the numeric stage reran every property,
 *      measured as `npm run check -- --force`);
 *   2. one statement changed (the sides of P3.6's equation swapped);
 *   3. a comment-only change at the end of a leaf module (`lean/Sym/Examples.lean`): the module is
 *      rebuilt, its importer kept (before: the importer was rebuilt too; its compile time is taken
 *      from the cold build of this run);
 *   4. the watch loop's re-check time after an edit near the end of `lean/Sym/Examples.lean`
 *      (before: one `npm run lean` compile of the file);
 *   5. the cold build of `lean/` (`npm run prove` into an empty build folder, `--jobs 2`).
 *
 * Case 1 also compares, three times each (medians), the warm `npm run verify` in one process
 * with the way it ran before: three stage processes (`npm run prove`, `check`, `report`) without
 * the parse, meaning-summary and layout caches (their files are deleted first). Wall-clock and CPU seconds (user +
 * system, from `/usr/bin/time` when present) are both recorded: on a shared machine the CPU
 * figure is the steadier one.
 *
 * Run with `npx tsx scripts/bench-cache.ts [--skip-watch] [--skip-cold] [--only-verify]`. Edits files of `lean/`
 * and restores them; prints each figure as it is measured and writes `out/bench-cache.json`.
 * Uses the real toolchain: expect 10 minutes or more on a quiet machine. The watch step is
 * stopped after 15 minutes or when the worker's resident memory passes 8 GB (measured: the
 * embedded worker can grow that large).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { oleanRoot, LEAN_OPTIONS } from "../src/build/layout.js";
import { MEANING_CACHE_FILE } from "../src/cli/check.js";
import { LAYOUT_CACHE_FILE } from "../src/report/write.js";
import { PARSE_CACHE_FILE } from "../src/runner/library.js";
import type { ProofsFile } from "../src/build/types.js";
import { prepareWasmToolchain } from "../src/lean/toolchain.js";
import { LeanWorker } from "../src/lean/worker.js";
import type { NumericFile } from "../src/runner/types.js";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const skipCold = process.argv.includes("--skip-cold");
const skipWatch = process.argv.includes("--skip-watch");
const onlyVerify = process.argv.includes("--only-verify");
const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Figure {
  case: string;
  before?: number;
  after: number;
  note: string;
}
const figures: Figure[] = [];

function record(f: Figure): void {
  figures.push(f);
  console.log(`${f.case}: before ${f.before !== undefined ? s(f.before) : "–"}, after ${s(f.after)}; ${f.note}`);
  fs.mkdirSync(path.join(root, "out"), { recursive: true });
  fs.writeFileSync(path.join(root, "out", "bench-cache.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: os.cpus().length, loadAverage: os.loadavg(), figures }, null, 2)}\n`);
}

function run(script: string, args: string[] = []): { seconds: number; cpu: number; stdout: string; code: number } {
  const started = performance.now();
  const cmd = [process.execPath, tsx, script, ...args];
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "\nCPU %U %S", ...cmd], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(cmd[0]!, cmd.slice(1), { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${script} ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const t = /\nCPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
  return { seconds, cpu: t ? Number(t[1]) + Number(t[2]) : NaN, stdout: r.stdout, code: r.status ?? 2 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Warm verify before (three stage processes, no parse or layout cache) and after (one process). */
function verifyStages(): void {
  const before: { seconds: number; cpu: number }[] = [];
  const after: { seconds: number; cpu: number; stdout: string }[] = [];
  for (let i = 0; i < 3; i++) {
    fs.rmSync(path.join(root, PARSE_CACHE_FILE), { force: true });
    fs.rmSync(path.join(root, LAYOUT_CACHE_FILE), { force: true });
    fs.rmSync(path.join(root, MEANING_CACHE_FILE), { force: true });
    const parts = [run("src/cli/prove.ts"), run("src/cli/check.ts"), run("src/cli/report.ts")];
    before.push({ seconds: parts.reduce((a, p) => a + p.seconds, 0), cpu: parts.reduce((a, p) => a + p.cpu, 0) });
    run("src/cli/verify.ts"); // refills the parse and layout caches
    after.push(run("src/cli/verify.ts"));
  }
  const last = after[after.length - 1]!;
  const stages = /verify: prove ([\d.]+) s .*check ([\d.]+) s .*report ([\d.]+) s/.exec(last.stdout);
  record({
    case: "warm `npm run verify`, nothing changed: three stage processes, no parse, meaning or layout cache → one process with them",
    before: median(before.map((b) => b.seconds)),
    after: median(after.map((a) => a.seconds)),
    note:
      `median of 3; CPU ${s(median(before.map((b) => b.cpu)))} → ${s(median(after.map((a) => a.cpu)))} (user + system)` +
      (stages ? `; last run: prove ${stages[1]} s, check ${stages[2]} s, report ${stages[3]} s` : "") +
      `; load average ${os.loadavg()[0]!.toFixed(1)}`,
  });
}

function numeric(): NumericFile {
  return JSON.parse(fs.readFileSync(path.join(root, "out", "numeric.json"), "utf8")) as NumericFile;
}

function proofs(file = path.join(root, "out", "proofs.json")): ProofsFile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as ProofsFile;
}

/** Edits a file for the duration of `body`, then restores it byte for byte. */
async function withEdit<T>(file: string, edit: (text: string) => string, body: () => Promise<T> | T): Promise<T> {
  const abs = path.join(root, file);
  const original = fs.readFileSync(abs, "utf8");
  const changed = edit(original);
  if (changed === original) throw new Error(`the edit of ${file} changed nothing`);
  fs.writeFileSync(abs, changed);
  try {
    return await body();
  } finally {
    fs.writeFileSync(abs, original);
  }
}

const s = (x: number): string => `${x.toFixed(1)} s`;

async function main(): Promise<void> {
  console.log("filling the caches: npm run verify");
  run("src/cli/verify.ts");
  // A second run: counterexamples found by the first are replayed from out/numeric.json once.
  run("src/cli/verify.ts");
  if (onlyVerify) {
    verifyStages();
    return;
  }

  // 1. Nothing changed.
  const force = run("src/cli/check.ts", ["--force"]);
  const warmCheck = run("src/cli/check.ts");
  const reused = numeric().records.filter((r) => r.reused).length;
  const total = numeric().records.length;
  const verify = run("src/cli/verify.ts");
  const stages = /verify: prove ([\d.]+) s .*check ([\d.]+) s .*report ([\d.]+) s/.exec(verify.stdout);
  record({ case: "numeric stage, nothing changed", before: force.seconds, after: warmCheck.seconds, note: `${reused} of ${total} records reused` });
  verifyStages();
  record({
    case: "warm `npm run verify`, nothing changed",
    before: force.seconds + (stages ? Number(stages[1]) + Number(stages[3]) : 0),
    after: verify.seconds,
    note: stages ? `prove ${stages[1]} s, check ${stages[2]} s, report ${stages[3]} s` : "",
  });

  // 2. One statement changed (its sides swapped: the same truth, a different statement; added
  //    parentheses would not do, the parser reads `(map p)` and `map p` alike).
  const file = "lean/Sym/Linear/Net.lean";
  const one = await withEdit(
    file,
    (t) => t.replace("    map (act K p) = map p := by", "    map p = map (act K p) := by"),
    () => run("src/cli/check.ts"),
  );
  const afterOne = numeric().records;
  record({
    case: "numeric stage, one statement changed",
    before: force.seconds,
    after: one.seconds,
    note: `${afterOne.filter((r) => !r.reused).map((r) => r.declaration).join(", ")} rerun, ${afterOne.filter((r) => r.reused).length} reused`,
  });
  run("src/cli/check.ts");

  // 3. A comment-only change at the end of a leaf module.
  const leaf = "lean/Sym/Examples.lean";
  const comment = await withEdit(leaf, (t) => `${t}\n-- a remark added at the end\n`, () => run("src/cli/prove.ts", ["--jobs", "1"]));
  const statuses = proofs().modules.filter((m) => m.status !== "cached" || m.reason).map((m) => `${m.name} ${m.status}${m.reason ? ` (${m.reason})` : ""}`);
  run("src/cli/prove.ts", ["--jobs", "1"]);

  // 4. The watch loop.
  if (!skipWatch) await watchStep(leaf);

  // 5. Cold build.
  let umbrella = NaN;
  if (!skipCold) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cold-"));
    try {
      const cold = run("src/cli/prove.ts", ["--build-dir", path.join(dir, "build"), "--out", path.join(dir, "proofs.json")]);
      const p = proofs(path.join(dir, "proofs.json"));
      const sum = p.modules.reduce((a, m) => a + m.seconds, 0);
      umbrella = p.modules.find((m) => m.name === "Sym")?.seconds ?? NaN;
      record({ case: "cold `npm run prove` of lean/ (--jobs 2)", before: 259.3, after: cold.seconds, note: `${p.modules.length} modules, sum of compile times ${s(sum)}; before: README figure of 2026-11-27 (quiet machine)` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  record({
    case: "comment-only change at the end of lean/Sym/Examples.lean (`npm run prove`)",
    ...(Number.isFinite(umbrella) ? { before: comment.seconds + umbrella } : {}),
    after: comment.seconds,
    note: `${statuses.join("; ")}${Number.isFinite(umbrella) ? `; before = after + the umbrella module's compile (${s(umbrella)}) in the cold build` : ""}`,
  });

  const rows = figures.map((f) => `| ${f.case} | ${f.before !== undefined ? s(f.before) : "–"} | ${s(f.after)} | ${f.note} |`);
  const table = ["| case | before | after | notes |", "|---|---:|---:|---|", ...rows].join("\n");
  console.log(`\n${table}`);
  fs.mkdirSync(path.join(root, "out"), { recursive: true });
  fs.writeFileSync(path.join(root, "out", "bench-cache.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: os.cpus().length, loadAverage: os.loadavg(), figures }, null, 2)}\n`);
}

async function watchStep(leaf: string): Promise<void> {
  const tc = prepareWasmToolchain({ projectRoot: root });
  const single = run("src/cli/lean-file.ts", [leaf]);
  const abs = path.join(root, leaf);
  const text = fs.readFileSync(abs, "utf8");
  const worker = new LeanWorker(tc, { file: abs, searchPath: [oleanRoot(root)], cwd: oleanRoot(root), displayName: leaf, options: [...LEAN_OPTIONS] });
  let note = "";
  let recheck = NaN;
  const started = performance.now();
  let peak = 0;
  const guard = setInterval(() => {
    const rss = worker.residentMegabytes();
    peak = Math.max(peak, rss ?? 0);
    if ((rss ?? 0) > 8192 || performance.now() - started > 15 * 60_000) worker.close();
  }, 2000);
  try {
    const first = await worker.check(text);
    const withExample = text.replace(/\nend\s*$/, "\nexample : (2 : Nat) + 2 = 4 := rfl\n\nend\n");
    const edit = await worker.check(withExample);
    const broken = await worker.check(withExample.replace("(2 : Nat) + 2 = 4", "(2 : Nat) + 2 = 5"));
    recheck = edit.seconds;
    note = `first check ${s(first.seconds)}; re-check after an edit at the end ${s(edit.seconds)}, after an edit that breaks it ${s(broken.seconds)} (${broken.messages.filter((m) => m.severity === "error").length} error); peak ${peak} MB`;
  } catch (e) {
    note = `the worker did not finish: ${(e as Error).message.slice(0, 200)} after ${s((performance.now() - started) / 1000)}, peak ${peak} MB`;
  } finally {
    clearInterval(guard);
    worker.close();
  }
  record({ case: "re-check of lean/Sym/Examples.lean after an edit near its end", before: single.seconds, after: recheck, note });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench-cache failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
