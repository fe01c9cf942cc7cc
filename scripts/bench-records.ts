/**
 * CPU seconds of each numeric record for a fixed amount of work, comparable under any load:
 * every selected declaration (and numeric-only property) of `lean/` runs `--runs N` random runs
 * (default 200) in this process with a time limit it never reaches, and the process's CPU time
 * around each record is measured. The wall-clock time limit of `npm run check` makes its record
 * seconds depend on the machine's load; these do much less.
 *
 * `npx tsx scripts/bench-records.ts [--runs N] [--only NAME,…] [--skip NAME,…] [--json FILE]`
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { libraryWithExport } from "../src/export/delab.js";
import { readExport, registryWithExport } from "../src/export/derive.js";
import { checkNumericOnly, checkOne, type DriverOptions } from "../src/runner/driver.js";
import { readLibrary } from "../src/runner/library.js";
import { numericOnlyProperties } from "../src/runner/numeric-only.js";
import { selectDeclarations } from "../src/runner/select.js";
import { loadRegistry } from "../src/spec/load.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "200" }, only: { type: "string" }, skip: { type: "string" }, json: { type: "string" } } });
const runs = Number(values.runs);
const only = values.only ? new Set(values.only.split(",")) : undefined;
const skip = new Set(values.skip ? values.skip.split(",") : []);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const c0 = cpu();
const library = readLibrary(root);
const claims = loadRegistry(path.join(root, "spec/claims.json"));
const opts: DriverOptions = { root, library: libraryWithExport(library, readExport(root)), registry: registryWithExport(root).registry, seed: 20261127, runs, timeLimitMs: 3_600_000 };
console.log(`set-up: ${(cpu() - c0).toFixed(2)} s CPU`);
const rows: Array<{ name: string; cpu: number; runs: number; status: string }> = [];
const { selected } = selectDeclarations(library, claims.ok ? claims.value : undefined);
for (const sel of selected) {
  if ((only && !only.has(sel.decl.name)) || skip.has(sel.decl.name)) continue;
  const t = cpu();
  const rec = await checkOne(sel, opts);
  rows.push({ name: sel.decl.name, cpu: cpu() - t, runs: rec.runs, status: rec.status });
}
for (const mod of numericOnlyProperties) {
  if ((only && !only.has(mod.meta.declaration)) || skip.has(mod.meta.declaration)) continue;
  const t = cpu();
  const rec = checkNumericOnly(mod, opts);
  rows.push({ name: mod.meta.declaration, cpu: cpu() - t, runs: rec.runs, status: rec.status });
}
rows.sort((a, b) => b.cpu - a.cpu);
for (const r of rows.slice(0, 25)) console.log(`${r.cpu.toFixed(2).padStart(7)} s  ${String(r.runs).padStart(5)} runs  ${r.status.padEnd(14)} ${r.name}`);
console.log(`${rows.length} records: ${rows.reduce((a, r) => a + r.cpu, 0).toFixed(1)} s CPU in all (set-up excluded)`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
