/**
 * The numeric stage on a library it has never seen: `test/fixtures/lean-derive` defines `blend`,
 * `ratio` and `gap`, which have no TypeScript; their meaning comes from the Lean bodies in the
 * fixture's export (`export.json`, written by the embedded Lean; `derive.integration.test.ts`
 * exports the fixture again and checks it is the same), and the statements are planned from the
 * exported types. Lean's semantics: `x / 0 = 0`, truncated `Nat` subtraction, sizes from 0.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { libraryWithExport } from "../../src/export/delab.js";
import { registryFromExport } from "../../src/export/derive.js";
import type { ExportFile } from "../../src/export/types.js";
import { scanLibrary } from "../../src/parser/index.js";
import { checkOne } from "../../src/runner/driver.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext } from "../../src/semantics/context.js";
import { fn, vector } from "../../src/semantics/value.js";

const root = path.resolve(import.meta.dirname, "../..");
const files = ["test/fixtures/lean-derive/Fixd/Blend.lean", "test/fixtures/lean-derive/Fixd/Shapes.lean"];
const exp = JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/lean-derive/export.json"), "utf8")) as ExportFile;
const surface = scanLibrary(files.map((file) => ({ file, text: fs.readFileSync(path.join(root, file), "utf8") })));
const library = libraryWithExport(surface, exp);
const { registry, meaning } = registryFromExport(exp);
const SEED = 3;

const check = (name: string, runs = 200) => {
  const decl = library.byName.get(name)!;
  return checkOne({ decl, claimId: decl.docId ?? "?", conjecture: true }, { root, library, registry, seed: SEED, runs });
};

describe("a library the harness has no TypeScript for (meaning from the exported Lean bodies)", () => {
  it("derives every definition of the fixture from its body", () => {
    expect(defaultRegistry.has("Fixd.blend")).toBe(false);
    expect(meaning.derivedNames).toEqual(["Fixd.blend", "Fixd.gap", "Fixd.ratio", "Fixd.safeDiv", "Fixd.scaleBy", "Fixd.snoc", "Fixd.twice"]);
  });

  it("derives definitions of new shapes: a size `n + 1`, an `Int` argument, a hypothesis, a map argument", () => {
    const types = (n: string) => registry.get(n)!.params.map((p) => p.type);
    // `Fin (n + 1) → α` results take their index as a last parameter.
    expect(types("Fixd.snoc")).toEqual([{ k: "vec", n: "n" }, { k: "scalar" }, { k: "fin", n: "n + 1" }]);
    expect(types("Fixd.scaleBy").map((t) => t.k)).toEqual(["vec", "vec", "fin"]);
    expect(types("Fixd.safeDiv").map((t) => t.k)).toEqual(["scalar", "scalar", "prop"]);
    expect(types("Fixd.twice").map((t) => t.k)).toEqual(["fn", "vec", "fin"]);
    const ctx = exactContext();
    const F = ctx.F;
    const show = (x: unknown) => F.serialize(x as never);
    const v = vector([F.fromInt(2), F.fromInt(3)]);
    expect([0, 1, 2].map((i) => show(registry.call(ctx, "Fixd.snoc", [2, v, F.fromInt(7), i])))).toEqual(["2", "3", "7"]);
    const k = vector([F.fromInt(-1), F.fromInt(4)]);
    expect([0, 1].map((i) => show(registry.call(ctx, "Fixd.scaleBy", [2, k, v, i])))).toEqual(["-2", "12"]);
    // `Int` arguments must be integers.
    expect(() => registry.call(ctx, "Fixd.scaleBy", [2, vector([F.fromRatio(1, 2), F.one]), v, 0])).toThrow(/integer/);
    expect(show(registry.call(ctx, "Fixd.safeDiv", [F.fromInt(3), F.fromInt(4), true]))).toBe("3/4");
    const double = fn<unknown>("double", 1, ([w]) => vector((w as { data: unknown[] }).data.map((x) => F.add(x as never, x as never))), 2);
    expect([0, 1].map((i) => show(registry.call(ctx, "Fixd.twice", [2, double, v, i] as never[])))).toEqual(["8", "12"]);
  });

  it("statements about them are checked: integer scalings commute, `snoc v x i = x` is refuted below the end", async () => {
    expect(await check("Fixd.scaleBy_comm")).toMatchObject({ status: "passed" });
    const r = await check("Fixd.snoc_eq");
    expect(r.status).toBe("counterexample");
    const cx = r.counterexample as { n: number; i: number };
    expect(Number(cx.i)).toBeLessThan(Number(cx.n));
  });

  it("a true statement about the new definition passes, a false one gets a counterexample", async () => {
    expect(await check("Fixd.blend_self")).toMatchObject({ status: "passed", runs: 200 });
    const r = await check("Fixd.blend_symm");
    expect(r.status).toBe("counterexample");
    const cx = r.counterexample as { t: string; a: string; b: string };
    expect(cx.t).not.toBe("1/2");
    expect(cx.a).not.toBe(cx.b);
  });

  it("division by zero is zero, as in Lean's fields (`ratio t 0 = 0`, `t * (t / t) = t`)", async () => {
    expect(await check("Fixd.ratio_zero")).toMatchObject({ status: "passed" });
    expect(await check("Fixd.mul_self_div")).toMatchObject({ status: "passed" });
  });

  it("Nat subtraction truncates: `gap n m + m = n` fails exactly when m > n", async () => {
    const r = await check("Fixd.gap_add");
    expect(r.status).toBe("counterexample");
    const cx = r.counterexample as { n: number; m: number };
    expect(Number(cx.m)).toBeGreaterThan(Number(cx.n));
  });

  it("an untyped ∀ binder gets its type from the export and is checked", async () => {
    // The source reading has no type for `i`: it could not plan the statement.
    const s = await checkOne({ decl: surface.byName.get("Fixd.div_self_entries")!, claimId: "X9.7", conjecture: true }, { root, library: surface, registry, seed: SEED, runs: 50 });
    expect(s.status).toBe("unsupported");
    expect(await check("Fixd.div_self_entries")).toMatchObject({ status: "passed" });
  });

  it("size 0 is among the generated sizes: `0 < n` is refuted at n = 0", async () => {
    const r = await check("Fixd.zero_lt");
    expect(r.status).toBe("counterexample");
    expect(Number((r.counterexample as { n: number }).n)).toBe(0);
  });
});
