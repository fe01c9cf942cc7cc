import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, decide, inputHash, interfaceHash, legacyInputHash, readTrace, sha256, tracePathFor, writeTrace } from "../../src/build/cache.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cache-test-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function built(name: string, source: string): { olean: string; hash: string } {
  const olean = path.join(dir, `${name}.olean`);
  fs.writeFileSync(olean, `olean of ${name}`);
  const hash = inputHash("tc", source, []);
  writeTrace(olean, { ok: true, inputHash: hash, oleanHash: sha256(fs.readFileSync(olean)), interfaceHash: interfaceHash(olean) as string, seconds: 1, messages: [], builtAt: "t" });
  return { olean, hash };
}

describe("inputHash", () => {
  const i = (name: string, h: string) => ({ name, interfaceHash: h });
  it("changes with the source, the toolchain and any import's interface, not with import order", () => {
    const a = inputHash("tc", "src", [i("A", "1"), i("B", "2")]);
    expect(inputHash("tc", "src", [i("B", "2"), i("A", "1")])).toBe(a);
    expect(inputHash("tc2", "src", [i("A", "1"), i("B", "2")])).not.toBe(a);
    expect(inputHash("tc", "src ", [i("A", "1"), i("B", "2")])).not.toBe(a);
    expect(inputHash("tc", "src", [i("A", "3"), i("B", "2")])).not.toBe(a);
  });
});

describe("interfaceHash", () => {
  it("covers every build product an importer reads, and is undefined without the .olean", () => {
    const olean = path.join(dir, "M.olean");
    expect(interfaceHash(olean)).toBeUndefined();
    fs.writeFileSync(olean, "o");
    const a = interfaceHash(olean);
    expect(interfaceHash(olean)).toBe(a);
    for (const f of [`${olean}.private`, `${olean}.server`, path.join(dir, "M.ir")]) {
      fs.writeFileSync(f, "x");
      const b = interfaceHash(olean);
      expect(b).not.toBe(a);
      fs.rmSync(f);
    }
    expect(interfaceHash(olean)).toBe(a);
  });
});

describe("decide", () => {
  it("reuses a module whose inputs and .olean are unchanged", () => {
    const { olean, hash } = built("A", "x");
    expect(decide(olean, hash).fresh).toBe(true);
  });
  it("rebuilds on changed inputs", () => {
    const { olean } = built("A", "x");
    expect(decide(olean, inputHash("tc", "y", []))).toEqual({ fresh: false, reason: "source, imports or toolchain changed" });
  });
  it("never trusts a damaged cache: bad JSON, missing or changed .olean", () => {
    const a = built("A", "x");
    fs.writeFileSync(tracePathFor(a.olean), "{ not json");
    expect(decide(a.olean, a.hash)).toEqual({ fresh: false, reason: "no valid trace" });
    const b = built("B", "x");
    fs.rmSync(b.olean);
    expect(decide(b.olean, b.hash)).toEqual({ fresh: false, reason: ".olean missing" });
    const c = built("C", "x");
    fs.writeFileSync(c.olean, "tampered");
    expect(decide(c.olean, c.hash)).toEqual({ fresh: false, reason: ".olean changed since it was built" });
    const d = built("D", "x");
    fs.writeFileSync(path.join(dir, "D.ir"), "tampered");
    expect(decide(d.olean, d.hash)).toEqual({ fresh: false, reason: ".olean changed since it was built" });
  });
});

describe("traces of the previous layout", () => {
  function legacy(name: string): { olean: string; legacyHash: string } {
    const olean = path.join(dir, `${name}.olean`);
    fs.writeFileSync(olean, `olean of ${name}`);
    const legacyHash = legacyInputHash("tc", "x", []);
    fs.writeFileSync(tracePathFor(olean), JSON.stringify({ traceVersion: 2, ok: true, inputHash: legacyHash, oleanHash: sha256(fs.readFileSync(olean)), seconds: 1, messages: [], builtAt: "t" }));
    return { olean, legacyHash };
  }
  it("are migrated when their recorded inputs match, without a rebuild", () => {
    const { olean, legacyHash } = legacy("L");
    const d = decide(olean, inputHash("tc", "x", []), legacyHash);
    expect(d.fresh).toBe(true);
    if (d.fresh) {
      expect(d.legacy?.inputHash).toBe(legacyHash);
      expect(d.trace).toMatchObject({ traceVersion: 3, inputHash: inputHash("tc", "x", []), interfaceHash: interfaceHash(olean) });
      writeTrace(olean, d.trace);
      expect(readTrace(olean)?.interfaceHash).toBe(interfaceHash(olean));
    }
  });
  it("are rebuilt when their inputs changed, their .olean changed, or the imports' old hashes are unknown", () => {
    const a = legacy("A");
    expect(decide(a.olean, "new", legacyInputHash("tc", "y", [])).fresh).toBe(false);
    expect(decide(a.olean, "new").fresh).toBe(false);
    fs.writeFileSync(a.olean, "tampered");
    expect(decide(a.olean, "new", a.legacyHash).fresh).toBe(false);
  });
});

describe("recorded failures", () => {
  it("are reused only for identical inputs, and need no .olean", () => {
    const olean = path.join(dir, "F.olean");
    const hash = inputHash("tc", "broken", []);
    writeTrace(olean, { ok: false, inputHash: hash, oleanHash: "", interfaceHash: "", seconds: 2, messages: [], builtAt: "t" });
    const d = decide(olean, hash);
    expect(d.fresh && !d.trace.ok).toBe(true);
    expect(decide(olean, inputHash("tc", "fixed", [])).fresh).toBe(false);
  });
});

describe("acquireLock", () => {
  it("is exclusive, and takes over a lock left by a dead process", async () => {
    fs.writeFileSync(path.join(dir, ".build.lock"), "999999999");
    const release = await acquireLock(dir, () => {});
    expect(fs.readFileSync(path.join(dir, ".build.lock"), "utf8")).toBe(String(process.pid));
    let waited = 0;
    const second = acquireLock(dir, () => waited++);
    await new Promise((r) => setTimeout(r, 700));
    expect(waited).toBe(1);
    release();
    const release2 = await second;
    release2();
    expect(fs.existsSync(path.join(dir, ".build.lock"))).toBe(false);
  });
});
