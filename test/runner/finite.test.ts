import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "../../src/runner/driver.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/runner/fixtures/Finite.lean";
const text = readFileSync(path.join(root, file), "utf8");
const SEED = 11;

const check = (name: string, runs = 200) => checkSource(root, defaultRegistry, file, text, name, { runs, seed: SEED });

describe("statements of finite residual groups (J3.11, R3.22c)", () => {
  it("reads membership in a list literal as a disjunction of equations", async () => {
    const r = await check("Sym.entry_mem");
    expect(r.status).toBe("passed");
    // The only discarded runs are those at size 0, where the index type `Fin 0` is empty.
    expect(r.skips).toBeLessThan(r.runs / 2);
    const bad = await check("Sym.entry_mem_bad");
    expect(bad.status).toBe("counterexample");
  });

  it("reads the size 2 + d of a binder and of an ascription", async () => {
    expect(await check("Sym.signed_orth")).toMatchObject({ status: "passed", skips: 0 });
    expect((await check("Sym.rotEmbed_signed_bad")).status).toBe("counterexample");
  });

  it("passes an ascription whose size it cannot read (2 * d) through to the term, and draws points of ℤ^d", async () => {
    expect(await check("Sym.blocks_orth")).toMatchObject({ status: "passed", skips: 0 });
    expect((await check("Sym.blocks_signed_bad")).status).toBe("counterexample");
  });

  it("finds natural-number witnesses beyond the small sizes (orders 6 and 8 of signed permutations)", async () => {
    const r = await check("Sym.signed_order", 300);
    expect(r).toMatchObject({ status: "passed", skips: 0 });
    expect(r.message ?? "").not.toContain("inconclusive");
  });
});
