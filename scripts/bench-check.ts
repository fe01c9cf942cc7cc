/**
 * Benchmarks of the numeric harness:
 * 1. every checked declaration of `lean/` at the default run counts, in 2 worker processes
 *    (target: ≤ 60 s on 2 cores);
 * 2. a generated property against a hand-written property of the same statement, side by side
 *    in one process with the same seed and run count (target: ≤ 1.5×).
 *
 * Run with `npx tsx scripts/bench-check.ts`. Writes nothing but `gen/` (and prints numbers).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { matrixArb, sizeArb } from "../src/generators/index.js";
import { loadModule, checkAll, checkSource } from "../src/runner/driver.js";
import { readLibrary } from "../src/runner/library.js";
import { libraryWithExport } from "../src/export/delab.js";
import { readExport, registryFromExport } from "../src/export/derive.js";
import { environmentArbitrary, evaluate } from "../src/runner/check.js";
import { Runtime } from "../src/runner/runtime.js";
import { defaultRegistry } from "../src/semantics/builtins/index.js";
import { exactContext, valueEq } from "../src/semantics/context.js";
import { mul, transpose } from "../src/semantics/matrix.js";
import { loadRegistry } from "../src/spec/load.js";

const root = path.resolve(import.meta.dirname, "..");
const SEED = 20261127;

async function allClaims(): Promise<void> {
  // As `npm run check` does: statements and meanings from Lean's export where there is one.
  const exp = readExport(root);
  const library = libraryWithExport(readLibrary(root), exp);
  const spec = loadRegistry(path.join(root, "spec/claims.json"));
  const start = performance.now();
  const opts: Parameters<typeof checkAll>[0] = { root, library, registry: registryFromExport(exp).registry, seed: SEED, jobs: 2 };
  if (spec.ok) opts.claims = spec.value;
  const { records } = await checkAll(opts);
  const seconds = (performance.now() - start) / 1000;
  const by = (s: string): number => records.filter((r) => r.status === s).length;
  const runs = records.reduce((a, r) => a + r.runs, 0);
  console.log(`all claims at default runs: ${records.length} declarations, ${runs} runs in ${seconds.toFixed(1)} s (target ≤ 60 s)`);
  console.log(`  passed ${by("passed")}, counterexample ${by("counterexample")}, error ${by("error")}, unsupported ${by("unsupported")}`);
  const slow = [...records].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
  for (const r of slow) console.log(`  slowest: ${r.declaration} ${r.seconds} s (${r.runs} runs)`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function sideBySide(): Promise<void> {
  const file = "test/runner/fixtures/Mutations.lean";
  const text = readFileSync(path.join(root, file), "utf8");
  // Generate (and load) the module of `(A * B)ᵀ = Bᵀ * Aᵀ`.
  const rec = await checkSource(root, defaultRegistry, file, text, "Sym.transpose_mul", { runs: 10, seed: SEED });
  if (!rec.generatedFile) throw new Error("no generated module");
  const mod = await loadModule(path.join(root, rec.generatedFile));
  const runs = 5000;

  const generated = (): number => {
    const $ = new Runtime("exact", defaultRegistry);
    const plan = environmentArbitrary($, mod, defaultRegistry);
    if (typeof plan === "string") throw new Error(plan);
    const t = performance.now();
    fc.assert(fc.property(plan.arbitrary, (env) => evaluate($, mod, env).outcome === true), { numRuns: runs, seed: SEED });
    return performance.now() - t;
  };
  const handWritten = (): number => {
    const ctx = exactContext();
    const arb = sizeArb().chain((n) => fc.tuple(matrixArb(ctx.F, n, n), matrixArb(ctx.F, n, n)));
    const t = performance.now();
    fc.assert(
      fc.property(arb, ([A, B]) => valueEq(ctx, transpose(mul(ctx.F, A, B)), mul(ctx.F, transpose(B), transpose(A)))),
      { numRuns: runs, seed: SEED },
    );
    return performance.now() - t;
  };
  generated();
  handWritten();
  const g: number[] = [];
  const h: number[] = [];
  for (let i = 0; i < 5; i++) {
    g.push(generated());
    h.push(handWritten());
  }
  const gm = median(g);
  const hm = median(h);
  console.log(`generated vs hand-written, (A * B)ᵀ = Bᵀ * Aᵀ, ${runs} runs, median of 5:`);
  console.log(`  generated ${gm.toFixed(0)} ms, hand-written ${hm.toFixed(0)} ms, ratio ${(gm / hm).toFixed(2)}x (target ≤ 1.5x)`);
}

await sideBySide();
await allClaims();
