/**
 * `npm run prove`: builds the Lean library and writes `out/proofs.json`.
 *
 * Exit codes: 0 all modules built, 1 a module failed or the import graph is broken,
 * 2 a usage or toolchain problem.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../build/cache.js";
import { LEAN_OPTIONS, LEAN_SRC_DIR, oleanRoot } from "../build/layout.js";
import { prove } from "../build/prove.js";
import { selectToolchain, ToolchainError, type ToolchainChoice } from "../lean/toolchain.js";
import { runExport } from "../export/run.js";
import { failureMessage } from "./failure.js";

const USAGE = `usage: npm run prove -- [--jobs N (default 2)] [--timeout SECONDS] [--toolchain auto|wasm|native]
                        [--src DIR] [--build-dir DIR] [--out FILE] [--module NAME ...]
                        [--export-out FILE (default out/export.json)] [--no-export]`;

export interface ProveCliResult {
  exitCode: number;
}

export async function proveCli(argv: string[], log: (l: string) => void = (l) => console.log(l)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        jobs: { type: "string", default: "2" },
        timeout: { type: "string", default: "600" },
        toolchain: { type: "string", default: "wasm" },
        src: { type: "string", default: LEAN_SRC_DIR },
        "build-dir": { type: "string" },
        out: { type: "string", default: path.join("out", "proofs.json") },
        module: { type: "string", multiple: true, default: [] },
        "export-out": { type: "string", default: path.join("out", "export.json") },
        "no-export": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    log(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const jobs = Number(values.jobs);
  const timeout = Number(values.timeout);
  const choice = values.toolchain as ToolchainChoice;
  if (!Number.isInteger(jobs) || jobs < 1 || !(timeout > 0) || !["auto", "wasm", "native"].includes(choice)) {
    log(`--jobs takes a whole number ≥ 1, --timeout a positive number of seconds, --toolchain auto, wasm or native\n${USAGE}`);
    return 2;
  }
  const root = process.cwd();
  let toolchain;
  try {
    toolchain = selectToolchain(choice, root, log);
  } catch (e) {
    if (e instanceof ToolchainError) {
      log(`${e.message} Fix: ${e.fix}`);
      return 2;
    }
    throw e;
  }
  const buildDir = path.resolve(root, values["build-dir"] ?? oleanRoot(root));
  log(`proof build: ${toolchain.info.package} (Lean ${toolchain.info.leanVersion}), jobs ${jobs}`);
  const outcome = await prove({
    projectRoot: root,
    srcDir: values.src,
    buildDir,
    toolchain,
    jobs,
    timeoutMs: timeout * 1000,
    leanOptions: [...LEAN_OPTIONS],
    only: values.module,
    log,
  });
  if (!outcome.ok) {
    for (const p of outcome.problems) log(`error[${p.code}]: ${p.message}`);
    log("nothing was built: fix the import graph first");
    return 1;
  }
  const { proofs } = outcome;
  writeFileAtomic(path.resolve(root, values.out), JSON.stringify(proofs, null, 2) + "\n");
  const s = proofs.summary;
  const sorry = proofs.declarations.filter((d) => d.usesSorry).length;
  log(
    `${s.modules} modules: ${s.built} built, ${s.cached} cached, ${s.failed} failed, ${s.skipped} skipped in ${s.seconds.toFixed(1)} s; ` +
      `${proofs.declarations.length} declarations, ${sorry} using sorry, ${proofs.forbidden.length} forbidden constructs → ${values.out}`,
  );
  if (values["no-export"] || values.module.length > 0) {
    log(`export of elaborated terms skipped (${values["no-export"] ? "--no-export" : "--module"})`);
    return outcome.failed > 0 ? 1 : 0;
  }
  const exported = await runExport({
    projectRoot: root,
    buildDir,
    cacheDir: path.join(buildDir, "_export"),
    toolchain,
    proofs,
    timeoutMs: timeout * 1000,
    leanOptions: [...LEAN_OPTIONS],
    log,
  });
  if (!exported.ok) {
    for (const p of exported.problems) log(`export failed${p.name ? ` for \`${p.name}\`` : ""}: ${p.message}`);
    log(`${values["export-out"]} was not written (a stale export is never kept)`);
    fs.rmSync(path.resolve(root, values["export-out"]), { force: true });
    return 1;
  }
  const e = exported.value;
  writeFileAtomic(path.resolve(root, values["export-out"]), JSON.stringify(e, null, 1) + "\n");
  log(`export: ${Object.keys(e.declarations).length} declarations ${e.cached ? "reused (unchanged)" : `in ${e.seconds.toFixed(1)} s`} → ${values["export-out"]}`);
  return outcome.failed > 0 ? 1 : 0;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  proveCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(failureMessage("the proof build", e));
      process.exitCode = 2;
    },
  );
}
