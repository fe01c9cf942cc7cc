import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, decide, inputHash, sha256, tracePathFor, writeTrace, type Trace } from "../../src/build/cache.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cache-test-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function built(name: string, source: string): { olean: string; hash: string } {
  const olean = path.join(dir, `${name}.olean`);
  fs.writeFileSync(olean, `olean of ${name}`);
  const hash = inputHash("tc", source, []);
  writeTrace(olean, { ok: true, inputHash: hash, oleanHash: sha256(fs.readFileSync(olean)), seconds: 1, messages: [], builtAt: "t" });
  return { olean, hash };
}

describe("inputHash", () => {
  const t = (h: string): Trace => ({ traceVersion: 2, ok: true, inputHash: h, oleanHash: "o", seconds: 0, messages: [], builtAt: "" });
  it("changes with the source, the toolchain and any import's trace, not with import order", () => {
    const a = inputHash("tc", "src", [{ name: "A", trace: t("1") }, { name: "B", trace: t("2") }]);
    expect(inputHash("tc", "src", [{ name: "B", trace: t("2") }, { name: "A", trace: t("1") }])).toBe(a);
    expect(inputHash("tc2", "src", [{ name: "A", trace: t("1") }, { name: "B", trace: t("2") }])).not.toBe(a);
    expect(inputHash("tc", "src ", [{ name: "A", trace: t("1") }, { name: "B", trace: t("2") }])).not.toBe(a);
    expect(inputHash("tc", "src", [{ name: "A", trace: t("3") }, { name: "B", trace: t("2") }])).not.toBe(a);
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
  });
});

describe("recorded failures", () => {
  it("are reused only for identical inputs, and need no .olean", () => {
    const olean = path.join(dir, "F.olean");
    const hash = inputHash("tc", "broken", []);
    writeTrace(olean, { ok: false, inputHash: hash, oleanHash: "", seconds: 2, messages: [], builtAt: "t" });
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
