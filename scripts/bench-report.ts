/**
 * Times the report stage (`writeReports`) on the project's inputs, or on the test fixtures when
 * out/proofs.json or out/numeric.json is missing. Prints milliseconds per run and the median;
 * the budget is 2000 ms. Usage: npx tsx scripts/bench-report.ts [runs]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeReports } from "../src/report/write.js";

const BUDGET_MS = 2000;
const root = path.resolve(import.meta.dirname, "..");
const runs = Math.max(1, Number(process.argv[2] ?? 5));

const haveInputs = fs.existsSync(path.join(root, "out/proofs.json")) && fs.existsSync(path.join(root, "out/numeric.json"));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-report-"));
const files = haveInputs
  ? { registryFile: "spec/claims.json", proofsFile: "out/proofs.json", numericFile: "out/numeric.json" }
  : { registryFile: "test/fixtures/report/registry.json", proofsFile: "test/fixtures/report/proofs.json", numericFile: "test/fixtures/report/numeric.json" };

const times: number[] = [];
let claims = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const res = await writeReports({ root, ...files, outDir });
  times.push(performance.now() - t0);
  claims = res.report?.summary.claims ?? 0;
}
// The whole command as a user runs it (process start, TypeScript loading, report).
const c0 = performance.now();
const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/report.ts", "--quiet", "--registry", files.registryFile, "--proofs", files.proofsFile, "--numeric", files.numericFile, "--out", outDir], { cwd: root, encoding: "utf8" });
const cliMs = performance.now() - c0;
fs.rmSync(outDir, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`inputs: ${haveInputs ? "project (spec/claims.json, out/)" : "test fixtures"}; ${claims} claims`);
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(", ")}`);
console.log(`first run ${times[0]!.toFixed(0)} ms (includes loading ELK), median ${median.toFixed(0)} ms; budget ${BUDGET_MS} ms: ${times[0]! < BUDGET_MS ? "ok" : "OVER BUDGET"}`);
console.log(`whole command (node --import tsx src/cli/report.ts): ${cliMs.toFixed(0)} ms, exit ${cli.status}`);
process.exit(times[0]! < BUDGET_MS ? 0 : 1);
