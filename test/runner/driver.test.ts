/**
 * The driver (`src/runner/driver.ts`): which declarations and numeric-only properties a check
 * runs (claim, declaration, `only`, the claims registry), the notes it returns, the options it
 * passes to each run (time limit, replay path, stored counterexamples), progress lines, and the
 * records of hand-written and failing numeric-only properties. A small Lean text, fixed seeds;
 * every check here is narrowed, so the generated modules of other tests are left alone.
 */
import { describe, expect, it } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import { checkAll, checkNumericOnly, checkOne, checkSource, type DriverOptions } from "../../src/runner/driver.js";
import type { Env, PropertyModule } from "../../src/runner/property.js";
import type { NumericFile, NumericRecord } from "../../src/runner/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { claimsOf as claims, HAND_WRITTEN_LINES } from "./driver-fixture.js";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/runner/fixtures/Driver.lean";
const text = [
  "namespace Sym",
  "variable {α : Type} [Lean.Grind.Field α] [LE α] [LT α]",
  "/-- X8.1: a true statement. -/",
  "theorem drv_true (t : α) : t + 0 = t := sorry",
  "/-- X8.2: a false statement. -/",
  "theorem drv_false (t : α) : t * t = t := sorry",
  "end Sym",
  ...HAND_WRITTEN_LINES,
].join("\n");
const library = scanLibrary([{ file, text }]);
const SEED = 5;
const opts = (over: Partial<DriverOptions> = {}): DriverOptions => ({ root, library, registry: defaultRegistry, seed: SEED, runs: 30, ...over });
const names = (rs: NumericRecord[]): string[] => rs.map((r) => r.declaration);

describe("checkAll: what runs", () => {
  it("narrows to a claim's declarations, reports one progress line per record, and returns no notes", async () => {
    const lines: string[] = [];
    const out = await checkAll(opts({ claim: "X8.2", onProgress: (l) => lines.push(l) }));
    expect(names(out.records)).toEqual(["Sym.drv_false"]);
    expect(out.records[0]!.status).toBe("counterexample");
    expect(out.notes).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Sym.drv_false");
    expect(out.timings).toBeUndefined();
  });

  it("narrows to a declaration by its last components, and to the `only` set", async () => {
    expect(names((await checkAll(opts({ declaration: "drv_true" }))).records)).toEqual(["Sym.drv_true"]);
    expect(names((await checkAll(opts({ only: new Set(["Sym.drv_false"]) }))).records)).toEqual(["Sym.drv_false"]);
    // `only` also filters the numeric-only properties: none of them is in the set.
    expect(names((await checkAll(opts({ claim: "P3.18", only: new Set(["Sym.drv_true"]) }))).records)).toEqual([]);
  });

  it("notes a claim with nothing to check, and each declaration the claims registry names that the library lacks", async () => {
    const none = await checkAll(opts({ claim: "X8.9" }));
    expect(none.records).toEqual([]);
    expect(none.notes).toEqual(["no checked declaration for claim `X8.9`"]);
    const missing = await checkAll(opts({ claims: claims(["X8.1", ["Sym.drv_true", "Sym.nope"]]), claim: "X8.1" }));
    expect(names(missing.records)).toEqual(["Sym.drv_true"]);
    expect(missing.notes).toEqual(["declaration `Sym.nope` is not in the parsed library (claim X8.1)"]);
  });

  it("runs a numeric-only property only for a claim of the claims registry it is given", async () => {
    const decl = "NumericOnly.isUnitarilyInvariant_schatten_p3";
    const without = await checkAll(opts({ claims: claims(["X8.1", ["Sym.drv_true"]]), declaration: decl, runs: 5 }));
    expect(without.records).toEqual([]);
    const withClaim = await checkAll(opts({ claims: claims(["P3.18", []]), declaration: decl, runs: 5 }));
    expect(withClaim.records.map((r) => [r.declaration, r.claimId, r.handWritten])).toEqual([[decl, "P3.18", true]]);
    // Narrowed to another claim, the numeric-only properties of P3.18 do not run.
    expect(names((await checkAll(opts({ claim: "X8.1" }))).records)).toEqual(["Sym.drv_true"]);
  });
});

describe("checkAll: the options of each run", () => {
  it("passes the time limit, the replay path and the stored counterexamples", async () => {
    const slow = await checkAll(opts({ claim: "X8.1", runs: 10_000_000, timeLimitMs: 40 }));
    expect(slow.records[0]!.interrupted).toBe(true);
    expect(slow.records[0]!.message).toMatch(/^interrupted after \d+ of 10000000 runs \(time limit 0\.04 s\)$/);
    const replay = await checkAll(opts({ claim: "X8.1", path: "0" }));
    expect(replay.records[0]!.message).toBe(`seed ${SEED} with path 0 did not reproduce the stored counterexample`);
    const previous = { records: [{ declaration: "Sym.drv_false", counterexample: { t: "7/3" } }] } as unknown as NumericFile;
    const stored = await checkAll(opts({ claim: "X8.2", previous, runs: 1 }));
    expect(stored.records[0]!.counterexample).toEqual({ t: "7/3" });
  });
});

describe("checkOne and checkSource", () => {
  it("runs the hand-written property of a declaration that has one: flagged, no generated module", async () => {
    const decl = library.byName.get("Sym.Net.exists_map_eq_two_layers")!;
    const r = await checkOne({ decl, claimId: "R3.2a", conjecture: false }, opts({ runs: 20 }));
    expect(r).toMatchObject({ status: "passed", handWritten: true, claimId: "R3.2a", declaration: "Sym.Net.exists_map_eq_two_layers" });
    expect("generatedFile" in r).toBe(false);
    const g = await checkOne({ decl: library.byName.get("Sym.drv_true")!, claimId: "X8.1", conjecture: false }, opts({ runs: 20 }));
    expect(g).toMatchObject({ handWritten: false, generatedFile: "gen/test/runner/fixtures/Driver/drv_true.ts" });
  });

  it("refuses a declaration the text does not have", async () => {
    await expect(checkSource(root, defaultRegistry, file, text, "Sym.nope", { seed: 1 })).rejects.toThrow("no declaration Sym.nope in test/runner/fixtures/Driver.lean");
  });
});

describe("checkNumericOnly", () => {
  const mod = (over: Partial<PropertyModule<Env>> = {}): PropertyModule<Env> => ({
    meta: { declaration: "NumericOnly.test", claimId: "X8.3", source: "test", mode: "exact", statement: "numeric only" },
    variables: [{ name: "x", key: "x", type: { k: "scalar" }, constraint: "none", lean: "α" }],
    assignments: [],
    premises: [],
    conclusion: ($, v) => !$.eq(v["x"] as never, $.num("5/2")),
    ...over,
  });

  it("replays its stored counterexample and passes the time limit and the path", () => {
    const previous = { records: [{ declaration: "NumericOnly.test", counterexample: { x: "5/2" } }] } as unknown as NumericFile;
    const r = checkNumericOnly(mod(), opts({ previous, runs: 1 }));
    expect(r).toMatchObject({ status: "counterexample", claimId: "X8.3", handWritten: true, counterexample: { x: "5/2" } });
    const slow = checkNumericOnly(mod({ conclusion: () => true }), opts({ runs: 10_000_000, timeLimitMs: 30 }));
    expect(slow.interrupted).toBe(true);
    expect(slow.message).toMatch(/^interrupted after \d+ of 10000000 runs \(time limit 0\.03 s\)$/);
    expect(checkNumericOnly(mod({ conclusion: () => true }), opts({ path: "0" })).message).toBe(`seed ${SEED} with path 0 did not reproduce the stored counterexample`);
  });

  it("turns a property that cannot even be set up into an error record with the reason", () => {
    const broken = mod({ variables: null as never });
    const r = checkNumericOnly(broken, opts());
    expect(r).toMatchObject({ status: "error", claimId: "X8.3", declaration: "NumericOnly.test", handWritten: true, mode: "exact", runs: 0, skips: 0, seed: SEED, maxResidual: 0 });
    expect(r.message).toMatch(/^the property threw: /);
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(checkNumericOnly({ ...broken, meta: { ...broken.meta, claimId: null } }, opts()).claimId).toBe("?");
  });
});
