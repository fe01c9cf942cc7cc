/**
 * A fixture library whose definitions have no TypeScript meaning: the real embedded Lean builds
 * it, the export prints their elaborated bodies, and the numeric harness evaluates them (slow:
 * one proof build and one export run, a minute or two).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prove } from "../../src/build/prove.js";
import { deriveEntries } from "../../src/export/derive.js";
import { runExport } from "../../src/export/run.js";
import type { ExportFile } from "../../src/export/types.js";
import { prepareWasmToolchain } from "../../src/lean/toolchain.js";
import { createRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext } from "../../src/semantics/context.js";
import type { Registry } from "../../src/semantics/registry.js";

const root = path.resolve(__dirname, "../..");
let buildDir: string;
let exported: ExportFile;
let registry: Registry;
let exportSeconds: number;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "derive-it-"));
  const toolchain = prepareWasmToolchain({ projectRoot: root });
  const r = await prove({ projectRoot: root, srcDir: "test/fixtures/lean-derive", buildDir, toolchain, jobs: 1, timeoutMs: 600_000, log: () => {} });
  if (!r.ok || r.failed > 0) throw new Error("the fixture library did not build");
  const e = await runExport({ projectRoot: root, buildDir, cacheDir: path.join(buildDir, "_export"), toolchain, proofs: r.proofs, timeoutMs: 600_000, log: () => {} });
  if (!e.ok) throw new Error(e.problems.map((p) => `${p.name}: ${p.message}`).join("\n"));
  exported = e.value;
  exportSeconds = e.value.seconds;
  registry = createRegistry();
  for (const entry of deriveEntries(exported, registry).entries) registry.register(entry);
  // The same export again: reused from its cache, no Lean run.
  const again = await runExport({ projectRoot: root, buildDir, cacheDir: path.join(buildDir, "_export"), toolchain, proofs: r.proofs, timeoutMs: 600_000, log: () => {} });
  if (!again.ok || !again.value.cached) throw new Error("the unchanged export was not reused");
}, 900_000);
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

describe("numeric meaning from exported Lean bodies (real toolchain)", () => {
  it("exports the definitions and the theorem with their elaborated types", () => {
    expect(Object.keys(exported.declarations).sort()).toEqual(["Fixd.blend", "Fixd.blend_self", "Fixd.blend_symm", "Fixd.div_self_entries", "Fixd.gap", "Fixd.gap_add", "Fixd.mul_self_div", "Fixd.ratio", "Fixd.ratio_zero", "Fixd.safeDiv", "Fixd.scaleBy", "Fixd.scaleBy_comm", "Fixd.snoc", "Fixd.snoc_eq", "Fixd.twice", "Fixd.zero_lt"]);
    expect(exported.declarations["Fixd.blend"]).toMatchObject({ kind: "def", file: "test/fixtures/lean-derive/Fixd/Blend.lean", line: 14, usesSorry: false });
    expect(exported.declarations["Fixd.blend"]!.value).toContain("@HMul.hMul");
    expect(exported.declarations["Fixd.blend_self"]!.value).toBeUndefined();
    expect(exportSeconds).toBeGreaterThan(0);
  });

  it("exports exactly the terms stored in the fixture's export.json (which the fast numeric tests use)", () => {
    const stored = JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/lean-derive/export.json"), "utf8")) as ExportFile;
    const terms = (e: ExportFile) => Object.fromEntries(Object.values(e.declarations).map((d) => [d.name, [d.kind, d.type, d.value ?? null, d.usesSorry]]));
    expect(terms(exported)).toEqual(terms(stored));
  });

  it("exports a statement whose proof uses sorry, marked as such", () => {
    expect(exported.declarations["Fixd.blend_symm"]).toMatchObject({ kind: "theorem", usesSorry: true });
    expect(exported.declarations["Fixd.blend_symm"]!.type).toMatch(/@Fixd\.blend\.\{\w+\} α \S+ t a b/);
  });

  it("gives a definition with no TypeScript a registry entry from its body", () => {
    const e = registry.get("Fixd.blend");
    expect(e?.doc).toMatch(/derived from the exported Lean body/);
    expect(e?.params.map((p) => [p.name, p.type.k])).toEqual([["t", "scalar"], ["a", "scalar"], ["b", "scalar"]]);
    const ctx = exactContext();
    const q = (p: number, d = 1) => ctx.F.fromRatio(p, d);
    expect(ctx.F.eq(registry.call(ctx, "Fixd.blend", [q(1, 4), q(8), q(4)]) as never, q(5))).toBe(true);
  });

  it("follows Lean where the definition divides by zero", () => {
    const ctx = exactContext();
    expect(ctx.F.eq(registry.call(ctx, "Fixd.ratio", [ctx.F.fromInt(3), ctx.F.zero]) as never, ctx.F.zero)).toBe(true);
  });

  it("the theorem's statement passes numerically and a false variant gets a counterexample (seed 5)", () => {
    const ctx = exactContext();
    const F = ctx.F;
    const scalar = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 5 })).map(([p, d]) => F.fromRatio(p, d));
    const blend = (t: unknown, a: unknown, b: unknown) => registry.call(ctx, "Fixd.blend", [t, a, b] as never) as never;
    fc.assert(fc.property(scalar, scalar, (t, a) => F.eq(blend(t, a, a), a)), { seed: 5, numRuns: 300 });
    const r = fc.check(fc.property(scalar, scalar, scalar, (t, a, b) => F.eq(blend(t, a, b), blend(t, b, a))), { seed: 5, numRuns: 300 });
    expect(r.failed).toBe(true);
  });
});
