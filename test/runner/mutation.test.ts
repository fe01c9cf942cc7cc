import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, DEFAULT_RUNS } from "../../src/runner/driver.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/runner/fixtures/Mutations.lean";
const text = readFileSync(path.join(root, file), "utf8");
const SEED = 42;

const check = (name: string) => checkSource(root, defaultRegistry, file, text, name, { runs: DEFAULT_RUNS, seed: SEED });

describe("mutation tests: false variants of true statements are refuted within the default runs", () => {
  it.each([
    ["strict inequality flipped", "Sym.two_le", "Sym.two_lt"],
    ["transposed factors", "Sym.transpose_mul", "Sym.transpose_mul_bad"],
    ["missing inverse", "Sym.inv_cancel", "Sym.inv_cancel_bad"],
    ["action in the wrong order", "Sym.act_mul", "Sym.act_mul_bad"],
  ])("%s", async (_what, good, bad) => {
    const ok = await check(good);
    expect(ok.status).toBe("passed");
    expect(ok.runs).toBeGreaterThanOrEqual(DEFAULT_RUNS);
    const refuted = await check(bad);
    expect(refuted.status).toBe("counterexample");
    expect(refuted.runs).toBeLessThanOrEqual(DEFAULT_RUNS);
    expect(refuted.shrinks).toBeGreaterThan(0);
    expect(refuted.path).toMatch(/^\d+(:\d+)*$/);
    expect(refuted.counterexample).toBeTypeOf("object");
  });

  it("shrinks the flipped inequality to the exact point t = 1", async () => {
    const r = await check("Sym.two_lt");
    expect(r.counterexample).toEqual({ t: "1" });
  });

  it("serializes counterexamples exactly, rationals as strings", async () => {
    const r = await check("Sym.inv_cancel_bad");
    const json = JSON.stringify(r.counterexample);
    expect(json).not.toMatch(/\d\.\d/);
    for (const entry of (r.counterexample as { v: unknown[] }).v) expect(entry).toMatch(/^-?\d+(\/\d+)?$/);
  });
});
