/**
 * Compares two `out/numeric.json` files declaration by declaration, for checking that a change
 * of the numeric stage's speed leaves every record's evidence as strong as before:
 * `npx tsx scripts/compare-numeric.ts BEFORE.json AFTER.json`.
 *
 * Prints a summary of each file (records, sum of record seconds, records stopped by the time
 * limit, weak records, runs, premises held) and every declaration whose status changed or whose
 * premises held fell; exits 1 when a status got worse or a record disappeared.
 */
import { readFileSync } from "node:fs";
import type { NumericFile, NumericRecord } from "../src/runner/types.js";

/** Status order from worst to best: a change to the left is a regression. */
const RANK: Record<string, number> = { error: 0, "harness-error": 0, unsupported: 1, potential: 2, inconclusive: 3, passed: 4, counterexample: 4 };

function held(r: NumericRecord): number {
  return r.premisesHeld ?? r.runs - r.skips;
}

function summary(label: string, f: NumericFile): void {
  const rs = f.records;
  const secs = rs.reduce((a, r) => a + r.seconds, 0);
  const limited = rs.filter((r) => r.interrupted).length;
  const weak = rs.filter((r) => r.status === "passed" && r.coverage !== "exhaustive" && held(r) < 1000).length;
  const runs = rs.reduce((a, r) => a + r.runs, 0);
  const heldAll = rs.reduce((a, r) => a + held(r), 0);
  const by = new Map<string, number>();
  for (const r of rs) by.set(r.status, (by.get(r.status) ?? 0) + 1);
  console.log(
    `${label}: ${rs.length} records, ${secs.toFixed(1)} s of record time, ${limited} stopped by the time limit, ${weak} weak, ${runs} runs, ${heldAll} premises held; ${[...by].map(([s, n]) => `${s} ${n}`).join(", ")}`,
  );
}

function main(): number {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error("usage: compare-numeric BEFORE.json AFTER.json");
    return 2;
  }
  const before = JSON.parse(readFileSync(a, "utf8")) as NumericFile;
  const after = JSON.parse(readFileSync(b, "utf8")) as NumericFile;
  summary("before", before);
  summary("after ", after);
  const next = new Map(after.records.map((r) => [r.declaration, r]));
  let worse = 0;
  for (const r of before.records) {
    const s = next.get(r.declaration);
    if (!s) {
      console.log(`  missing after: ${r.declaration}`);
      worse++;
      continue;
    }
    const notes: string[] = [];
    if (s.status !== r.status) {
      const down = (RANK[s.status] ?? 0) < (RANK[r.status] ?? 0) || (r.status === "counterexample") !== (s.status === "counterexample");
      if (down) worse++;
      notes.push(`status ${r.status} → ${s.status}${down ? " (WORSE)" : ""}`);
    }
    if (held(s) < held(r)) notes.push(`premises held ${held(r)} → ${held(s)}`);
    if (notes.length) notes.push(`seconds ${r.seconds} → ${s.seconds}`);
    if (notes.length) console.log(`  ${r.declaration}: ${notes.join("; ")}`);
  }
  const slow = [...after.records].sort((x, y) => y.seconds - x.seconds).slice(0, 12);
  console.log(`slowest after: ${slow.map((r) => `${r.declaration.replace(/^Sym\./, "")} ${r.seconds}s/${r.runs}`).join(", ")}`);
  return worse > 0 ? 1 : 0;
}

process.exit(main());
