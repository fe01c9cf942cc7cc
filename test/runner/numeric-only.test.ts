/**
 * The numeric-only properties of P3.18 and C3.19 at p ∈ {1, 3, ∞}: they pass with the
 * singular-value Schatten norm, and they reject norms that are not unitarily invariant or whose
 * isometry group is not O(d) (so a pass is not vacuous).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAll, checkNumericOnly, type DriverOptions } from "../../src/runner/driver.js";
import { scanLibrary } from "../../src/parser/index.js";
import { readLibrary } from "../../src/runner/library.js";
import { isometryGroups, numericOnlyProperties, unitarilyInvariant } from "../../src/runner/numeric-only.js";
import { createRegistry, defaultRegistry } from "../../src/semantics/builtins/index.js";
import { define } from "../../src/semantics/builtins/define.js";
import { T } from "../../src/semantics/types.js";

const root = path.resolve(import.meta.dirname, "../..");
const SEED = 20261128;
const opts = (runs: number, registry = defaultRegistry): DriverOptions => ({ root, library: scanLibrary([]), registry, seed: SEED, runs });

describe("numeric-only Schatten properties (p = 1, 3, ∞)", () => {
  it("are six: P3.18 and C3.19 at each exponent, labelled numeric only", () => {
    expect(numericOnlyProperties.map((m) => m.meta.declaration)).toEqual([
      "NumericOnly.isUnitarilyInvariant_schatten_p1",
      "NumericOnly.isUnitarilyInvariant_schatten_p3",
      "NumericOnly.isUnitarilyInvariant_schatten_pInf",
      "NumericOnly.isometry_schatten_iff_isOrthogonal_p1",
      "NumericOnly.isometry_schatten_iff_isOrthogonal_p3",
      "NumericOnly.isometry_schatten_iff_isOrthogonal_pInf",
    ]);
    for (const m of numericOnlyProperties) expect(m.meta.statement).toMatch(/numeric only/);
  });

  it.each(numericOnlyProperties.map((m) => [m.meta.declaration, m] as const))("%s passes with the singular-value norm", (_name, mod) => {
    const r = checkNumericOnly(mod, opts(60));
    expect(r).toMatchObject({ status: "passed", handWritten: true, mode: "float", claimId: mod.meta.claimId });
    expect(r.runs - r.skips).toBeGreaterThan(0);
  });

  it("P3.18 rejects the entrywise ℓ1 norm (not unitarily invariant)", () => {
    const r = checkNumericOnly(unitarilyInvariant("1", 1, "Sym.lp"), opts(200));
    expect(r.status).toBe("counterexample");
  });

  it("C3.19 finds entrywise ℓ∞ wrong in doubles (its isometries are the signed permutations), a potential counterexample only", () => {
    const r = checkNumericOnly(isometryGroups("∞", Infinity, "Sym.lp"), opts(200));
    // The float rotation Q is orthogonal only up to rounding: with 60 digits `IsOrthogonal Q`
    // is false, so the re-check does not confirm it — shown, never evidence.
    expect(r.status).toBe("potential");
    expect(r.recheck).toBe("float-only");
    expect(r.message).toMatch(/not confirmed with 60-digit decimals/);
  });

  it("C3.19 rejects a norm every invertible K keeps (so non-orthogonal G are generated)", () => {
    const registry = createRegistry().register(
      define({ name: "Test.zeroNorm", params: [["p", T.scalar], ["A", T.mat("m", "n")]], result: T.scalar, doc: "0", impl: (a) => a.ctx.F.zero }),
    );
    const r = checkNumericOnly(isometryGroups("0", 1, "Test.zeroNorm"), opts(200, registry));
    expect(r.status).toBe("counterexample");
  });

  it("runs with the claim's declarations when the check is narrowed to the claim", async () => {
    const lib = readLibrary(root);
    const { records } = await checkAll({ root, library: lib, registry: defaultRegistry, seed: SEED, runs: 20, claim: "P3.18", declaration: "NumericOnly.isUnitarilyInvariant_schatten_p3" });
    expect(records.map((r) => [r.declaration, r.claimId, r.status])).toEqual([["NumericOnly.isUnitarilyInvariant_schatten_p3", "P3.18", "passed"]]);
  });
});
