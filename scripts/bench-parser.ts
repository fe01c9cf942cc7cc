/**
 * Benchmark of the library scanner (`scanFile`): time against file size, on files built from the
 * project's own Lean sources (each copy in its own namespace, so every declaration is new).
 * The scan must be linear in the file size; target: a 5 MB file in under 2 s.
 *
 * Run with `npx tsx scripts/bench-parser.ts [--sizes 0.5,1,2,5]` (sizes in MB). Prints a table
 * (size, declarations, wall and CPU milliseconds, CPU milliseconds per MB) and writes nothing.
 * CPU time includes the garbage collector's threads; on a loaded machine wall time is larger.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { scanFile } from "../src/parser/index.js";
import { leanFiles } from "../src/runner/library.js";

const root = path.resolve(import.meta.dirname, "..");


/** The library's files without their `module`/`import` headers, each wrapped in a namespace. */
function material(): string {
  return leanFiles(path.join(root, "lean"))
    .map((p) => readFileSync(p, "utf8").replace(/^(module|public import|import)\b.*$/gm, ""))
    .join("\n");
}

function build(bytes: number, unit: string): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const chunk = `namespace Copy${k}\n${unit}\nend Copy${k}\n`;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join("");
}

const arg = process.argv.indexOf("--sizes");
const sizes = (arg >= 0 ? (process.argv[arg + 1] ?? "") : "0.5,1,2,5").split(",").map(Number).filter((x) => x > 0);
const unit = material();
console.log(`unit: the library's ${Buffer.byteLength(unit)} bytes of Lean, repeated`);
console.log("size MB | declarations | wall ms | CPU ms | CPU ms per MB");
// Warm-up (the JIT), so the first size is not charged for it.
for (let k = 0; k < 3; k++) scanFile("warmup.lean", unit);
for (const mb of sizes) {
  const text = build(mb * 1024 * 1024, unit);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = scanFile("bench.lean", text);
  const c = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cpu = (c.user + c.system) / 1000;
  const actual = Buffer.byteLength(text) / 1024 / 1024;
  console.log(`${actual.toFixed(2)} | ${r.declarations.length} | ${ms.toFixed(0)} | ${cpu.toFixed(0)} | ${(cpu / actual).toFixed(0)}`);
}
