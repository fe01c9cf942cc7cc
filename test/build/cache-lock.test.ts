/**
 * The build folder's lock and the previous trace layout, at their edges: which lock files are
 * taken over, that a release removes only its own lock and only once, and what a migrated
 * trace keeps.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireLock, decide, interfaceFiles, interfaceHash, invalidate, legacyInputHash, readTrace, sha256, tracePathFor } from "../../src/build/cache.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cache-lock-"));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lockFile = () => path.join(dir, ".build.lock");

describe("acquireLock", () => {
  it.each([
    ["no number", "not a pid"],
    ["pid 0 (the process group, not a process)", "0"],
    ["a negative pid (every process)", "-1"],
    ["an empty file", ""],
  ])("takes over a lock file holding %s, without waiting", async (_what, content) => {
    fs.writeFileSync(lockFile(), content);
    let waited = 0;
    const release = await acquireLock(dir, () => waited++);
    expect(waited).toBe(0);
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
  });

  it("creates the build folder when it does not exist", async () => {
    const nested = path.join(dir, "a", "b");
    const release = await acquireLock(nested, () => {});
    expect(fs.readFileSync(path.join(nested, ".build.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(nested, ".build.lock"))).toBe(false);
  });

  it("waits for a holder that exists but cannot be signalled (EPERM), telling once, and takes the lock when it is gone", async () => {
    fs.writeFileSync(lockFile(), "424242");
    const real = process.kill.bind(process);
    vi.spyOn(process, "kill").mockImplementation((pid: number, signal?: string | number) => {
      if (pid === 424242) throw Object.assign(new Error("operation not permitted"), { code: "EPERM" });
      return real(pid, signal);
    });
    const told: number[] = [];
    const pending = acquireLock(dir, (pid) => told.push(pid));
    await new Promise((r) => setTimeout(r, 1200));
    expect(told).toEqual([424242]);
    expect(fs.readFileSync(lockFile(), "utf8")).toBe("424242");
    fs.rmSync(lockFile());
    const release = await pending;
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
  });

  it("a release leaves a lock that another process has taken since", async () => {
    const release = await acquireLock(dir, () => {});
    fs.writeFileSync(lockFile(), "12345");
    release();
    expect(fs.readFileSync(lockFile(), "utf8")).toBe("12345");
  });

  it("a second call of a release does nothing, even once this process holds the lock again", async () => {
    const first = await acquireLock(dir, () => {});
    first();
    const second = await acquireLock(dir, () => {});
    first();
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    second();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("releases the lock at process exit until it is released, and then stops listening", async () => {
    const before = process.listenerCount("exit");
    const release = await acquireLock(dir, () => {});
    expect(process.listenerCount("exit")).toBe(before + 1);
    release();
    expect(process.listenerCount("exit")).toBe(before);
  });
});

describe("legacyInputHash", () => {
  const t = (inputHash: string, oleanHash: string) => ({ inputHash, oleanHash });
  it("changes with each import's name, input hash and .olean hash, not with the imports' order", () => {
    const base = legacyInputHash("tc", "src", [
      { name: "A", trace: t("1", "2") },
      { name: "B", trace: t("3", "4") },
    ]);
    expect(legacyInputHash("tc", "src", [{ name: "B", trace: t("3", "4") }, { name: "A", trace: t("1", "2") }])).toBe(base);
    for (const changed of [
      [{ name: "C", trace: t("1", "2") }, { name: "B", trace: t("3", "4") }],
      [{ name: "A", trace: t("9", "2") }, { name: "B", trace: t("3", "4") }],
      [{ name: "A", trace: t("1", "9") }, { name: "B", trace: t("3", "4") }],
      [{ name: "B", trace: t("3", "4") }],
    ]) {
      expect(legacyInputHash("tc", "src", changed)).not.toBe(base);
    }
    expect(legacyInputHash("tc2", "src", [])).not.toBe(legacyInputHash("tc", "src", []));
    expect(legacyInputHash("tc", "src2", [])).not.toBe(legacyInputHash("tc", "src", []));
  });
});

describe("a migrated trace of the previous layout", () => {
  function legacy(over: Record<string, unknown> = {}): { olean: string; hash: string } {
    const olean = path.join(dir, "L.olean");
    fs.writeFileSync(olean, "olean of L");
    const hash = legacyInputHash("tc", "x", []);
    fs.writeFileSync(tracePathFor(olean), JSON.stringify({ traceVersion: 2, ok: true, inputHash: hash, oleanHash: sha256(fs.readFileSync(olean)), seconds: 7, messages: [{ text: "m" }], builtAt: "then", ...over }));
    return { olean, hash };
  }
  it("keeps the recorded compile (seconds, messages, time) with the new input and interface hashes", () => {
    const { olean, hash } = legacy();
    const d = decide(olean, "new-input", hash);
    expect(d).toEqual({
      fresh: true,
      trace: { traceVersion: 3, ok: true, inputHash: "new-input", oleanHash: sha256("olean of L"), interfaceHash: interfaceHash(olean), seconds: 7, messages: [{ text: "m" }], builtAt: "then" },
      legacy: { traceVersion: 2, ok: true, inputHash: hash, oleanHash: sha256("olean of L"), seconds: 7, messages: [{ text: "m" }], builtAt: "then" },
    });
  });
  it("is refused when its input hash is not a string", () => {
    const { olean, hash } = legacy({ inputHash: 3 });
    expect(decide(olean, "new", hash)).toEqual({ fresh: false, reason: "no valid trace" });
  });
  it("is not read as a trace of the current layout", () => {
    const { olean } = legacy({ interfaceHash: "i" });
    expect(readTrace(olean)).toBeUndefined();
  });
});

describe("build products in a folder whose name holds .olean", () => {
  it("are named from the file's own extension, not from the folder's", () => {
    expect(tracePathFor("/b/x.olean/A.olean")).toBe("/b/x.olean/A.trace.json");
    expect(interfaceFiles("/b/x.olean/A.olean")).toEqual(["/b/x.olean/A.olean", "/b/x.olean/A.olean.private", "/b/x.olean/A.olean.server", "/b/x.olean/A.ir"]);
  });
  it("are all removed by invalidate, and the folder's other files kept", () => {
    const sub = path.join(dir, "x.olean");
    fs.mkdirSync(sub);
    const olean = path.join(sub, "A.olean");
    const products = [olean, `${olean}.private`, `${olean}.server`, path.join(sub, "A.ir"), path.join(sub, "A.ilean"), path.join(sub, "A.trace.json")];
    for (const f of products) fs.writeFileSync(f, "x");
    fs.writeFileSync(path.join(sub, "B.olean"), "other");
    invalidate(olean);
    expect(fs.readdirSync(sub)).toEqual(["B.olean"]);
  });
});

describe("invalidate", () => {
  it("does nothing, and does not fail, for a module that has no build products yet", () => {
    expect(() => invalidate(path.join(dir, "New.olean"))).not.toThrow();
    expect(() => invalidate(path.join(dir, "New.olean"), true)).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
