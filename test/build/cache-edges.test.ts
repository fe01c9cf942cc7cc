/**
 * Trace files at their edges: what makes a trace unusable, what invalidation removes, and that
 * atomic writes leave no temporary files behind.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decide, inputHash, invalidate, readTrace, tracePathFor, writeFileAtomic, writeTrace } from "../../src/build/cache.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cache-edges-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = { traceVersion: 3, ok: true, inputHash: "h", oleanHash: "o", interfaceHash: "i", seconds: 1, messages: [], builtAt: "t" };

describe("readTrace", () => {
  it.each([
    ["a foreign version", { ...good, traceVersion: 1 }],
    ["the previous layout's version", { ...good, traceVersion: 2 }],
    ["an interface hash that is not a string", { ...good, interfaceHash: 7 }],
    ["ok that is not a boolean", { ...good, ok: "true" }],
    ["an input hash that is not a string", { ...good, inputHash: 1 }],
    ["an .olean hash that is not a string", { ...good, oleanHash: null }],
    ["messages that are not a list", { ...good, messages: {} }],
  ])("refuses a trace with %s", (_why, trace) => {
    const olean = path.join(dir, "A.olean");
    fs.writeFileSync(tracePathFor(olean), JSON.stringify(trace));
    expect(readTrace(olean)).toBeUndefined();
  });
  it("reads a well-formed trace, and answers undefined when there is none", () => {
    const olean = path.join(dir, "A.olean");
    expect(readTrace(olean)).toBeUndefined();
    fs.writeFileSync(tracePathFor(olean), JSON.stringify(good));
    expect(readTrace(olean)).toEqual(good);
  });
  it("names the trace after the .olean", () => {
    expect(tracePathFor("/b/Sym/A.olean")).toBe("/b/Sym/A.trace.json");
  });
});

describe("inputHash", () => {
  it("changes with an import's interface hash and with its name, and separates source from toolchain", () => {
    const base = inputHash("tc", "src", [{ name: "A", interfaceHash: "x" }]);
    expect(inputHash("tc", "src", [{ name: "A", interfaceHash: "y" }])).not.toBe(base);
    expect(inputHash("tc", "src", [{ name: "B", interfaceHash: "x" }])).not.toBe(base);
    expect(inputHash("tc", "src", [])).not.toBe(base);
    expect(inputHash("ab", "c", [])).not.toBe(inputHash("a", "bc", []));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("decide on a recorded failure", () => {
  it("reuses it without looking for an .olean", () => {
    const olean = path.join(dir, "F.olean");
    writeTrace(olean, { ok: false, inputHash: "h", oleanHash: "", interfaceHash: "", seconds: 1, messages: [], builtAt: "t" });
    const d = decide(olean, "h");
    expect(d.fresh).toBe(true);
    expect(d.fresh && d.trace.ok).toBe(false);
  });
});

describe("invalidate", () => {
  const products = (olean: string) => [olean, `${olean}.private`, `${olean}.server`, olean.replace(/\.olean$/, ".ir"), olean.replace(/\.olean$/, ".ilean"), tracePathFor(olean)];
  it("removes the .olean, its companions and the trace", () => {
    const olean = path.join(dir, "A.olean");
    for (const f of products(olean)) fs.writeFileSync(f, "x");
    fs.writeFileSync(path.join(dir, "B.olean"), "other");
    invalidate(olean);
    expect(products(olean).filter((f) => fs.existsSync(f))).toEqual([]);
    expect(fs.existsSync(path.join(dir, "B.olean"))).toBe(true);
  });
  it("can keep the trace (a recorded failure)", () => {
    const olean = path.join(dir, "A.olean");
    for (const f of products(olean)) fs.writeFileSync(f, "x");
    invalidate(olean, true);
    expect(products(olean).filter((f) => fs.existsSync(f))).toEqual([tracePathFor(olean)]);
  });
});

describe("writeFileAtomic", () => {
  it("creates missing folders, replaces the file, and leaves no temporary file", () => {
    const file = path.join(dir, "deep", "er", "f.json");
    writeFileAtomic(file, "one");
    writeFileAtomic(file, "two");
    expect(fs.readFileSync(file, "utf8")).toBe("two");
    expect(fs.readdirSync(path.dirname(file))).toEqual(["f.json"]);
  });
  it("writes traces as one JSON line with the version", () => {
    const olean = path.join(dir, "A.olean");
    writeTrace(olean, { ok: true, inputHash: "h", oleanHash: "o", interfaceHash: "f", seconds: 2, messages: [], builtAt: "t" });
    const text = fs.readFileSync(tracePathFor(olean), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual({ traceVersion: 3, ok: true, inputHash: "h", oleanHash: "o", interfaceHash: "f", seconds: 2, messages: [], builtAt: "t" });
  });
});
