/**
 * Numeric cache entries at their edges: each way an entry is malformed is named (and the entry is
 * never trusted), what a stored entry holds, when a record is reused, and what the key of a
 * numeric-only property depends on. No command is run: these are the functions alone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import { CACHE_FORMAT, entryPath, lookup, numericOnlyKey, store, type HarnessFingerprint, type RecordKey } from "../../src/runner/cache.js";
import type { Selected } from "../../src/runner/select.js";
import type { NumericRecord } from "../../src/runner/types.js";

const LIB = `namespace Sym

/-- X3: false: square matrices commute. -/
theorem entry_comm {n : Nat} (A B : Mat n n α) : A * B = B * A := sorry

end Sym
`;
const library = scanLibrary([{ file: "lean/Sym/Entry.lean", text: LIB }]);
const sel: Selected = { decl: library.byName.get("Sym.entry_comm")!, claimId: "X3", conjecture: false };
const k: RecordKey = { key: "c".repeat(64), positioned: "p", declarations: ["Sym.entry_comm"], builtinFiles: [], replayed: "null" };
const rec: NumericRecord = { claimId: "X3", declaration: "Sym.entry_comm", mode: "exact", status: "passed", runs: 1000, skips: 0, seed: 7, seconds: 0.1, maxResidual: 0, handWritten: false };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cache-entries-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (over: Record<string, unknown> = {}, record: Record<string, unknown> = {}) => ({ format: CACHE_FORMAT, key: k.key, positioned: "p", replayed: "null", record: { ...rec, ...record }, ...over });
const write = (x: unknown) => fs.writeFileSync(entryPath(dir, k.key), typeof x === "string" ? x : JSON.stringify(x));

describe("a damaged entry names what is wrong and is never trusted", () => {
  it.each([
    ["not valid JSON", "{ nope"],
    ["not an object", "null"],
    ["not an object", "42"],
    [`format 0, expected ${CACHE_FORMAT}`, entry({ format: 0 })],
    ["format undefined, expected 1", entry({ format: undefined })],
    ["key does not match its file name", entry({ key: "d".repeat(64) })],
    ["no position hash", entry({ positioned: 3 })],
    ["no replayed counterexample", entry({ replayed: null })],
    ["no record", entry({ record: null })],
    ["no record", entry({ record: "passed" })],
    ["record without claim or declaration", entry({}, { claimId: 3 })],
    ["record without claim or declaration", entry({}, { declaration: undefined })],
    ["record with an unknown status or mode", entry({}, { status: "ok" })],
    ["record with an unknown status or mode", entry({}, { mode: "approximate" })],
    ["record field runs is not a number", entry({}, { runs: "1000" })],
    ["record field skips is not a number", entry({}, { skips: null })],
    ["record field seed is not a number", entry({}, { seed: "7" })],
    ["record field seconds is not a number", entry({}, { seconds: undefined })],
    ["record field maxResidual is not a number", entry({}, { maxResidual: "0" })],
    ["record field handWritten is not a boolean", entry({}, { handWritten: "false" })],
    ["malformed generated module", entry({ generated: { file: "gen/x.ts" } })],
    ["malformed generated module", entry({ generated: { file: 1, text: "" } })],
    ["record of another declaration, claim or seed", entry({}, { declaration: "Sym.other" })],
    ["record of another declaration, claim or seed", entry({}, { claimId: "X4" })],
    ["record of another declaration, claim or seed", entry({}, { seed: 8 })],
  ])("%s", (reason, x) => {
    write(x);
    expect(lookup(dir, k, sel, 7)).toEqual({ kind: "damaged", reason });
  });
  it("a float-mode record of every status is well formed", () => {
    for (const status of ["passed", "counterexample", "error", "unsupported"]) {
      write(entry({}, { status, mode: "float" }));
      expect(lookup(dir, k, sel, 7).kind).toBe("hit");
    }
  });
  it("a missing entry is a miss, not damage", () => {
    expect(lookup(dir, k, sel, 7)).toEqual({ kind: "miss" });
  });
});

describe("store", () => {
  it("writes the format, key, position hash, replayed counterexample and the record without its reused flag, atomically", () => {
    store(dir, k, { ...rec, reused: true }, { file: "gen/Sym/x.ts", text: "export {}" });
    expect(fs.readdirSync(dir)).toEqual([`${k.key}.json`]);
    const text = fs.readFileSync(entryPath(dir, k.key), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual({ format: CACHE_FORMAT, key: k.key, positioned: "p", replayed: "null", record: rec, generated: { file: "gen/Sym/x.ts", text: "export {}" } });
    const hit = lookup(dir, k, sel, 7);
    expect(hit.kind === "hit" && hit.entry.record).toEqual(rec);
  });
  it("creates the cache folder and leaves out the generated module when there is none", () => {
    const nested = path.join(dir, "a", "b");
    store(nested, k, rec);
    expect("generated" in JSON.parse(fs.readFileSync(entryPath(nested, k.key), "utf8"))).toBe(false);
  });
  it("names the entry after its key", () => {
    expect(entryPath("/c", "abc")).toBe(path.join("/c", "abc.json"));
  });
});

describe("reuse", () => {
  it("an unsupported record, like an error, quotes positions: moved positions are a miss", () => {
    store(dir, k, { ...rec, status: "unsupported", message: "lean/Sym/Entry.lean:4:3: no semantics" });
    expect(lookup(dir, { ...k, positioned: "moved" }, sel, 7).kind).toBe("miss");
    expect(lookup(dir, k, sel, 7).kind).toBe("hit");
  });
  it("a counterexample record is reused when positions moved (it quotes none)", () => {
    store(dir, k, { ...rec, status: "counterexample", counterexample: { A: [["1"]] } });
    expect(lookup(dir, { ...k, positioned: "moved" }, sel, 7).kind).toBe("hit");
  });
  it("a record computed with another counterexample replayed first is a miss, unless this run replays that one or the record's own", () => {
    store(dir, { ...k, replayed: JSON.stringify({ A: 1 }) }, { ...rec, status: "counterexample", counterexample: { B: 2 } });
    expect(lookup(dir, { ...k, replayed: JSON.stringify({ C: 3 }) }, sel, 7).kind).toBe("miss");
    expect(lookup(dir, k, sel, 7).kind).toBe("miss");
    expect(lookup(dir, { ...k, replayed: JSON.stringify({ A: 1 }) }, sel, 7).kind).toBe("hit");
    expect(lookup(dir, { ...k, replayed: JSON.stringify({ B: 2 }) }, sel, 7).kind).toBe("hit");
  });
  it("a passing record is reused by a run that replays nothing, whatever was replayed when it was computed", () => {
    store(dir, { ...k, replayed: JSON.stringify({ A: 1 }) }, rec);
    expect(lookup(dir, k, sel, 7).kind).toBe("hit");
  });
  it("a lookup with another seed treats the entry as damaged (a key never covers two seeds)", () => {
    store(dir, k, rec);
    expect(lookup(dir, k, sel, 8).kind).toBe("damaged");
  });
});

describe("numericOnlyKey", () => {
  const harness = (core = "core", builtins: [string, { file: string; hash: string; defines: string[]; uses: string[] }][] = [["src/semantics/builtins/a.ts", { file: "a", hash: "1", defines: [], uses: [] }]]): HarnessFingerprint => ({
    core,
    builtins: new Map(builtins),
    definedIn: new Map(),
    handWritten: { declarations: new Set(), names: [] },
  });
  // Computed inside each test: a value computed while the file is collected is attributed to no
  // test by Stryker's per-test coverage, so its assertions would kill no mutant.
  const baseKey = () => numericOnlyKey(harness(), "prop", { seed: 1 });
  it("is a 64-digit hex key that also serves as its position hash, replaying nothing", () => {
    const base = baseKey();
    expect(base.key).toMatch(/^[0-9a-f]{64}$/);
    expect(base).toMatchObject({ positioned: base.key, declarations: [], builtinFiles: ["src/semantics/builtins/a.ts"], replayed: "null" });
  });
  it("changes with the core, the name, the seed, the run count and any builtin module", () => {
    const base = baseKey();
    expect(numericOnlyKey(harness(), "prop", { seed: 1 }).key).toBe(base.key);
    expect(numericOnlyKey(harness("core2"), "prop", { seed: 1 }).key).not.toBe(base.key);
    expect(numericOnlyKey(harness(), "prop2", { seed: 1 }).key).not.toBe(base.key);
    expect(numericOnlyKey(harness(), "prop", { seed: 2 }).key).not.toBe(base.key);
    expect(numericOnlyKey(harness(), "prop", { seed: 1, runs: 5 }).key).not.toBe(base.key);
    expect(numericOnlyKey(harness("core", [["src/semantics/builtins/a.ts", { file: "a", hash: "2", defines: [], uses: [] }]]), "prop", { seed: 1 }).key).not.toBe(base.key);
  });
  it("does not depend on the order the builtin modules were read in", () => {
    const a: [string, { file: string; hash: string; defines: string[]; uses: string[] }] = ["src/semantics/builtins/a.ts", { file: "a", hash: "1", defines: [], uses: [] }];
    const b: [string, { file: string; hash: string; defines: string[]; uses: string[] }] = ["src/semantics/builtins/b.ts", { file: "b", hash: "2", defines: [], uses: [] }];
    expect(numericOnlyKey(harness("core", [a, b]), "prop", { seed: 1 }).key).toBe(numericOnlyKey(harness("core", [b, a]), "prop", { seed: 1 }).key);
  });
});

describe("every record status is reused from the cache", () => {
  it.each(["passed", "counterexample", "potential", "inconclusive", "harness-error", "error", "unsupported"] as const)("a stored `%s` record is a hit, not a damaged entry", (status) => {
    store(dir, k, { ...rec, status });
    const hit = lookup(dir, k, sel, rec.seed);
    expect(hit.kind === "damaged" ? hit.reason : hit.kind).toBe("hit");
  });
});
