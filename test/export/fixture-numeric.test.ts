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

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/fixtures/lean-derive/Fixd/Blend.lean";
const exp = JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/lean-derive/export.json"), "utf8")) as ExportFile;
const surface = scanLibrary([{ file, text: fs.readFileSync(path.join(root, file), "utf8") }]);
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
    expect(meaning.derivedNames).toEqual(["Fixd.blend", "Fixd.gap", "Fixd.ratio"]);
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
