/**
 * `npm run lean -- FILE.lean [...]`: compiles single files of the library with the embedded
 * toolchain, one after the other, for iterating on a proof. Imports must already be built
 * (by `npm run prove` or an earlier call of this command). Prints Lean's messages as
 * `file:line:col: severity: text` and exits 1 when any file has an error.
 *
 * `npm run lean -- --watch FILE.lean [--max-memory MB]` (experimental): keeps one Lean worker
 * (Lean's per-file language server) on the file and checks it again on every save,
 * incrementally; prints the messages (errors, warnings, sorry) of each check. Stop it with
 * Ctrl-C. It writes no `.olean`. With the embedded toolchain every thread the worker starts is a
 * new WebAssembly instance (about half a gigabyte each); the worker starts a dozen of them and has
 * not been seen to answer its first check within 8 GB (README, "Watch mode"), so it is stopped,
 * with a message, when its memory passes `--max-memory` (default 8192 MB). The single-file
 * compile above is the command to use.
 */
import fs from "node:fs";
import path from "node:path";
import { acquireLock } from "../build/cache.js";
import { formatMessage } from "../lean/messages.js";
import { compileFile } from "../lean/run.js";
import { prepareWasmToolchain, ToolchainError, type Toolchain } from "../lean/toolchain.js";
import { LeanWorker, type CheckResult } from "../lean/worker.js";
import { LEAN_OPTIONS, LEAN_SRC_DIR, oleanPathFor, oleanRoot, moduleNameOf } from "../build/layout.js";

function summary(r: CheckResult): string {
  const errors = r.messages.filter((m) => m.severity === "error").length;
  const sorries = r.messages.filter((m) => m.kind === "hasSorry").length;
  return `${errors} errors, ${sorries} sorry`;
}

/** Default memory ceiling of the watch mode's worker (MB). */
export const WATCH_MAX_MEMORY_MB = 8192;

/** `--watch FILE`: one worker on the file, re-checked whenever its text changes on disk. */
async function watch(root: string, tc: Toolchain, file: string, maxMemoryMb: number): Promise<number> {
  const abs = path.resolve(root, file);
  const shown = path.relative(root, abs);
  let text: string;
  try {
    text = fs.readFileSync(abs, "utf8");
  } catch {
    console.error(`error: cannot read ${file}`);
    return 2;
  }
  const worker = new LeanWorker(tc, { file: abs, searchPath: [oleanRoot(root)], cwd: oleanRoot(root), displayName: shown, options: [...LEAN_OPTIONS] });
  const stop = (): void => {
    worker.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // The embedded worker grows by about half a gigabyte per thread it starts: stop it, saying so,
  // before it takes the machine's memory.
  const started = performance.now();
  const guard = setInterval(() => {
    const rss = worker.residentMegabytes();
    if (rss === undefined || rss <= maxMemoryMb) return;
    clearInterval(guard);
    console.error(
      `error: the Lean worker passed ${maxMemoryMb} MB (${rss} MB, ${worker.threadCount() ?? "?"} threads) after ${((performance.now() - started) / 1000).toFixed(0)} s and was stopped: ` +
        `with the embedded toolchain each thread it starts is a new WebAssembly instance (README, "Watch mode"). ` +
        `Use \`npm run lean -- ${shown}\`, or raise --max-memory.`,
    );
    worker.close();
    process.exit(1);
  }, 2000);
  guard.unref();
  const show = (r: CheckResult, what: string): void => {
    for (const m of r.messages) console.log(formatMessage(m));
    console.log(`${shown}: ${what} in ${r.seconds.toFixed(1)} s (${summary(r)}); watching for changes (Ctrl-C stops)`);
  };
  // The first check imports the library's .olean files: keep a proof build from replacing them meanwhile.
  const release = await acquireLock(oleanRoot(root), (pid) => console.error(`waiting for the proof build (process ${pid}) to finish`));
  console.log(`${shown}: starting a Lean worker (the first check loads the imports)`);
  try {
    show(await worker.check(text), "checked");
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    worker.close();
    return 1;
  } finally {
    release();
  }
  let busy = false;
  let again = false;
  const recheck = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      let next: string;
      try {
        next = fs.readFileSync(abs, "utf8");
      } catch {
        return; // an editor replacing the file: the next event reads it
      }
      if (next === text) return;
      text = next;
      console.log(`${shown}: changed, checking`);
      show(await worker.check(text), "re-checked");
    } catch (e) {
      console.error(`error: ${(e as Error).message}`);
      if (!/superseded/.test((e as Error).message)) process.exit(1);
    } finally {
      busy = false;
      if (again) {
        again = false;
        void recheck();
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  // Watch the folder: editors often save by replacing the file.
  fs.watch(path.dirname(abs), (_event, name) => {
    if (name !== null && name !== path.basename(abs)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void recheck(), 50);
  });
  return new Promise<number>(() => {
    /* runs until interrupted */
  });
}

async function main(): Promise<number> {
  const root = process.cwd();
  const args = process.argv.slice(2);
  const watching = args[0] === "--watch";
  let maxMemoryMb = WATCH_MAX_MEMORY_MB;
  const mm = args.indexOf("--max-memory");
  if (watching && mm > 0) {
    const v = Number(args[mm + 1]);
    if (!Number.isInteger(v) || v < 256) {
      console.error(`error: --max-memory takes a whole number of megabytes ≥ 256 (got ${args[mm + 1] ?? "nothing"})`);
      return 2;
    }
    maxMemoryMb = v;
    args.splice(mm, 2);
  }
  const files = watching ? args.slice(1) : args;
  if (files.length === 0 || (watching && files.length !== 1) || files.some((f) => f.startsWith("--"))) {
    console.error("usage: npm run lean -- lean/Sym/File.lean [more files]\n       npm run lean -- --watch lean/Sym/File.lean [--max-memory MB]   (experimental)");
    return 2;
  }
  let tc;
  try {
    tc = prepareWasmToolchain({ projectRoot: root, log: (l) => console.error(l) });
  } catch (e) {
    if (e instanceof ToolchainError) {
      console.error(`${e.message}\nfix: ${e.fix}`);
      return 2;
    }
    throw e;
  }
  if (watching) return watch(root, tc, files[0] as string, maxMemoryMb);
  // Wait for a running proof build: it may be replacing the `.olean` files this compile imports.
  const release = await acquireLock(oleanRoot(root), (pid) => console.error(`waiting for the proof build (process ${pid}) to finish`));
  let failed = false;
  try {
    for (const f of files) {
      const abs = path.resolve(root, f);
      const mod = moduleNameOf(path.relative(path.join(root, LEAN_SRC_DIR), abs));
      const olean = oleanPathFor(root, mod);
      fs.mkdirSync(path.dirname(olean), { recursive: true });
      const r = await compileFile(tc, { file: abs, srcRoot: path.join(root, LEAN_SRC_DIR), olean, searchPath: [oleanRoot(root)], cwd: oleanRoot(root), timeoutMs: 600_000, options: [...LEAN_OPTIONS] });
      for (const m of r.messages) console.log(formatMessage({ ...m, file: path.relative(root, m.file) }));
      const errors = r.messages.filter((m) => m.severity === "error").length;
      const sorries = r.messages.filter((m) => m.kind === "hasSorry").length;
      if (r.exitCode !== 0 && errors === 0) for (const l of r.diagnostics) console.log(`  ${l}`);
      console.log(`${f}: ${r.exitCode === 0 ? "ok" : "FAILED"} in ${r.seconds.toFixed(1)} s (${errors} errors, ${sorries} sorry)`);
      if (r.exitCode !== 0) failed = true;
    }
  } finally {
    release();
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
