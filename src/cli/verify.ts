/**
 * `npm run verify [-- --claim ID ...] [--toolchain auto|wasm|native] [--jobs N] [--runs N] [--seed S] [--force]`:
 * the main job. Runs the three stages one after the other, in this one process (each stage's
 * command, `npm run prove|check|report`, is the same function run on its own):
 *   1. prove  — builds the Lean library (`out/proofs.json`);
 *   2. check  — evaluates the Lean statements numerically (`out/numeric.json`), reusing the records
 *               whose inputs are unchanged (`--force` reruns them all);
 *   3. report — joins both with the registry (`out/report.{json,md,html}`).
 * A module that fails to build does not stop the later stages (the report shows what it costs);
 * a usage or toolchain problem does. Exit 0 when every claim has its expected verdict, 1 on a
 * conflict, a failure or a mismatch, 2 on a usage or toolchain problem.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { discoverModules } from "../build/graph.js";
import { LEAN_SRC_DIR } from "../build/layout.js";
import { scanLean } from "../build/scan.js";
import { loadRegistry } from "../spec/load.js";
import { failureMessage } from "./failure.js";

const USAGE = `usage: npm run verify -- [--claim ID ...] [--toolchain auto|wasm|native] [--jobs N] [--runs N] [--seed S] [--force]`;

/** Runs one stage in this process; a stage that throws counts as a usage or toolchain problem (exit 2). */
async function run(stage: string, args: string[], fn: () => Promise<(argv: string[]) => Promise<number>>): Promise<{ code: number; seconds: number }> {
  const started = performance.now();
  console.log(`\n== ${stage}: ${["npm run", stage, ...(args.length ? ["--", ...args] : [])].join(" ")}`);
  let code: number;
  try {
    code = await (await fn())(args);
  } catch (e) {
    console.error(failureMessage(`the ${stage} stage`, e));
    code = 2;
  }
  return { code, seconds: (performance.now() - started) / 1000 };
}

/** The modules that hold the declarations of the given claims (for narrowing the proof build). */
function modulesForClaims(ids: string[]): { ok: true; modules: string[] } | { ok: false; message: string } {
  const reg = loadRegistry(path.join("spec", "claims.json"));
  if (!reg.ok) return { ok: false, message: reg.diagnostics.map((d) => d.message).join("\n") };
  const wanted = new Set<string>();
  for (const id of ids) {
    const c = reg.value.claims.find((x) => x.id === id);
    if (!c) return { ok: false, message: `unknown claim id ${id} (spec/claims.json lists ${reg.value.claims.length} claims)` };
    for (const d of c.declarations) wanted.add(d.name);
  }
  const modules = new Set<string>();
  for (const m of discoverModules(process.cwd(), LEAN_SRC_DIR)) {
    if (scanLean(m.text).declarations.some((d) => wanted.has(d.name))) modules.add(m.name);
  }
  return { ok: true, modules: [...modules].sort() };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        claim: { type: "string", multiple: true, default: [] },
        toolchain: { type: "string" },
        jobs: { type: "string" },
        runs: { type: "string" },
        seed: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const claims = values.claim.flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean);
  const proveArgs = [...(values.toolchain ? ["--toolchain", values.toolchain] : []), ...(values.jobs ? ["--jobs", values.jobs] : [])];
  const checkArgs = [...(values.runs ? ["--runs", values.runs] : []), ...(values.seed ? ["--seed", values.seed] : []), ...(values.force ? ["--force"] : [])];
  const reportArgs: string[] = [];
  if (claims.length > 0) {
    const mods = modulesForClaims(claims);
    if (!mods.ok) {
      console.error(`error: ${mods.message}`);
      return 2;
    }
    for (const m of mods.modules) proveArgs.push("--module", m);
    for (const c of claims) checkArgs.push("--claim", c), reportArgs.push("--claim", c);
  }
  const started = performance.now();
  // Each stage's module is loaded when the stage starts (a failed stage does not pay for the next).
  const prove = await run("prove", proveArgs, async () => (await import("./prove.js")).proveCli);
  if (prove.code === 2) return 2;
  const check = await run("check", checkArgs, async () => (await import("./check.js")).checkCli);
  if (check.code === 2) return 2;
  const report = await run("report", reportArgs, async () => (await import("./report.js")).reportCli);
  const total = (performance.now() - started) / 1000;
  console.log(
    `\nverify: prove ${prove.seconds.toFixed(1)} s (exit ${prove.code}), check ${check.seconds.toFixed(1)} s (exit ${check.code}), ` +
      `report ${report.seconds.toFixed(1)} s (exit ${report.code}); ${total.toFixed(1)} s in all → out/report.html, out/report.md, out/report.json`,
  );
  if (report.code === 2) return 2;
  return prove.code !== 0 || report.code !== 0 ? 1 : 0;
}

main().then(
  // Exit explicitly: a stage run in this process may leave handles open (as its own command
  // would have exited).
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(failureMessage("verify", e));
    process.exitCode = 2;
  },
);
