/**
 * `npm run lean -- FILE.lean [...]`: compiles single files of the library with the embedded
 * toolchain, one after the other, for iterating on a proof. Imports must already be built
 * (by `npm run prove` or an earlier call of this command). Prints Lean's messages as
 * `file:line:col: severity: text` and exits 1 when any file has an error.
 */
import fs from "node:fs";
import path from "node:path";
import { acquireLock } from "../build/cache.js";
import { formatMessage } from "../lean/messages.js";
import { compileFile } from "../lean/run.js";
import { prepareWasmToolchain, ToolchainError } from "../lean/toolchain.js";
import { LEAN_OPTIONS, LEAN_SRC_DIR, oleanPathFor, oleanRoot, moduleNameOf } from "../build/layout.js";

async function main(): Promise<number> {
  const root = process.cwd();
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: npm run lean -- lean/Sym/File.lean [more files]");
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
