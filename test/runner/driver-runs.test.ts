/**
 * The driver (`src/runner/driver.ts`) beyond what it selects: whose stored counterexample a run
 * replays, how a record's seconds are computed, how an unsupported statement's reasons are joined,
 * the total of the progress lines, the note for a claim with nothing to check, what a full run does
 * to `gen/` (the generated modules' tsconfig is written, stale modules under `gen/Sym` go, a
 * narrowed run leaves them), and a run in worker processes (`jobs` above 1). Fixed seeds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import { checkAll, checkNumericOnly, checkOne, type DriverOptions } from "../../src/runner/driver.js";
import type { Env, PropertyModule } from "../../src/runner/property.js";
import type { NumericFile, NumericRecord } from "../../src/runner/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { claimsOf as claims, HAND_WRITTEN_LINES } from "./driver-fixture.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/runner/fixtures/DriverRuns.lean";
const text = [
  "namespace Sym",
  "variable {α : Type} [Lean.Grind.Field α] [LE α] [LT α]",
  "/-- X9.1: a true statement. -/",
  "theorem drr_true (t : α) : t + 0 = t := sorry",
  "/-- X9.2: a false statement. -/",
  "theorem drr_false (t : α) : t * t = t := sorry",
  "/-- X9.3: two functions the harness has no meaning for. -/",
  "theorem drr_unknown (t : α) : drrFoo t = drrBar t := sorry",
  "end Sym",
  ...HAND_WRITTEN_LINES,
].join("\n");
const library = scanLibrary([{ file, text }]);
/** The hand-written declaration alone: a full run of it generates no module. */
const handLibrary = scanLibrary([{ file, text: HAND_WRITTEN_LINES.join("\n") }]);
const SEED = 7;
const opts = (over: Partial<DriverOptions> = {}): DriverOptions => ({ root, library, registry: defaultRegistry, seed: SEED, runs: 30, ...over });
const previousOf = (...records: Array<Partial<NumericRecord>>): NumericFile => ({ generatedAt: "", command: "", records }) as unknown as NumericFile;
const decl = (name: string) => library.byName.get(name)!;

const tmpRoots: string[] = [];
const tmpRoot = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "driver-runs-"));
  tmpRoots.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmpRoots) fs.rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the stored counterexample a run replays", () => {
  it("is the one stored for the same declaration, never another declaration's", async () => {
    // `t = 7/3` refutes drr_false, and would be "not reproduced" by drr_true if it were replayed there.
    const previous = previousOf({ declaration: "Sym.drr_false", counterexample: { t: "7/3" } });
    const r = await checkOne({ decl: decl("Sym.drr_true"), claimId: "X9.1", conjecture: false }, opts({ previous }));
    expect(r.status).toBe("passed");
    expect(r.message).toBeUndefined();
  });

  it("skips a record of the same declaration that has no counterexample", async () => {
    const previous = previousOf({ declaration: "Sym.drr_false" }, { declaration: "Sym.drr_false", counterexample: { t: "7/3" } });
    // One random run: the stored counterexample, not a fresh one, is what the record reports.
    const r = await checkOne({ decl: decl("Sym.drr_false"), claimId: "X9.2", conjecture: false }, opts({ previous, runs: 1 }));
    expect(r).toMatchObject({ status: "counterexample", counterexample: { t: "7/3" } });
  });

  const mod = (conclusion: PropertyModule<Env>["conclusion"]): PropertyModule<Env> => ({
    meta: { declaration: "NumericOnly.drr", claimId: "X9.4", source: "test", mode: "exact", statement: "numeric only" },
    variables: [{ name: "x", key: "x", type: { k: "scalar" }, constraint: "none", lean: "α" }],
    assignments: [],
    premises: [],
    conclusion,
  });

  it("for a numeric-only property, too: its own name, and only a record with a counterexample", () => {
    const notFive = mod(($, v) => !$.eq(v["x"] as never, $.num("5/2")));
    const other = previousOf({ declaration: "NumericOnly.other", counterexample: { x: "5/2" } });
    expect(checkNumericOnly(mod(() => true), opts({ previous: other })).message).toBeUndefined();
    const gap = previousOf({ declaration: "NumericOnly.drr" }, { declaration: "NumericOnly.drr", counterexample: { x: "5/2" } });
    expect(checkNumericOnly(notFive, opts({ previous: gap, runs: 1 }))).toMatchObject({ status: "counterexample", counterexample: { x: "5/2" } });
  });
});

describe("a record's seconds", () => {
  /** `performance.now()` answers 1000 ms first, 1234.5 ms after: 0.2345 s, rounded to 0.23. */
  const clock = () => vi.spyOn(performance, "now").mockReturnValueOnce(1000).mockReturnValue(1234.5);

  it("are the elapsed milliseconds over 1000, to two decimals, for an unsupported statement", async () => {
    clock();
    const r = await checkOne({ decl: decl("Sym.drr_unknown"), claimId: "X9.3", conjecture: false }, opts());
    expect(r.status).toBe("unsupported");
    expect(r.seconds).toBe(0.23);
  });

  it("and for a numeric-only property that cannot be set up", () => {
    clock();
    const broken: PropertyModule<Env> = { meta: { declaration: "NumericOnly.broken", claimId: "X9.4", source: "test", mode: "exact", statement: "s" }, variables: null as never, assignments: [], premises: [], conclusion: () => true };
    const r = checkNumericOnly(broken, opts());
    expect(r.status).toBe("error");
    expect(r.seconds).toBe(0.23);
  });
});

describe("an unsupported statement's message", () => {
  it("gives every reason, separated by semicolons", async () => {
    const r = await checkOne({ decl: decl("Sym.drr_unknown"), claimId: "X9.3", conjecture: false }, opts());
    expect(r.status).toBe("unsupported");
    const parts = r.message!.split("; ");
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.some((p) => p.includes("drrFoo"))).toBe(true);
    expect(parts.some((p) => p.includes("drrBar"))).toBe(true);
  });
});

describe("checkAll: counts and notes", () => {
  it("counts declarations and numeric-only properties in the progress total, and keeps a numeric-only property of the `only` set", async () => {
    const lines: string[] = [];
    const only = new Set(["Sym.drr_true", "NumericOnly.isUnitarilyInvariant_schatten_p1"]);
    const out = await checkAll(opts({ claims: claims(["X9.1", ["Sym.drr_true"]], ["P3.18", []]), only, runs: 5, onProgress: (l) => lines.push(l) }));
    expect(out.records.map((r) => r.declaration)).toEqual(["Sym.drr_true", "NumericOnly.isUnitarilyInvariant_schatten_p1"]);
    expect(lines.map((l) => l.slice(0, 5))).toEqual(["[1/2]", "[2/2]"]);
  });

  it("notes nothing for a claim whose declarations and numeric-only properties are as many as each other", async () => {
    // Three library declarations and P3.18's three numeric-only properties; `only` (empty) runs none.
    const three = claims(["P3.18", ["Sym.drr_true", "Sym.drr_false", "Sym.drr_unknown"]]);
    const out = await checkAll(opts({ claims: three, claim: "P3.18", only: new Set() }));
    expect(out.records).toEqual([]);
    expect(out.notes).toEqual([]);
  });
});

describe("checkAll: the files under gen/", () => {
  /** A root with a stale generated module; the claims registry selects only the hand-written declaration (nothing is generated). */
  const staged = (): { dir: string; stale: string } => {
    const dir = tmpRoot();
    const stale = path.join(dir, "gen", "Sym", "Old", "gone.ts");
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, "export {};\n");
    return { dir, stale };
  };
  const handOnly = claims(["R3.2a", ["Sym.Net.exists_map_eq_two_layers"]]);

  it("a full run writes gen/tsconfig.json and removes the stale modules under gen/Sym", async () => {
    const { dir, stale } = staged();
    const out = await checkAll(opts({ root: dir, library: handLibrary, claims: handOnly, runs: 5 }));
    expect(out.records.map((r) => [r.declaration, r.status])).toEqual([["Sym.Net.exists_map_eq_two_layers", "passed"]]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "gen", "tsconfig.json"), "utf8"))).toMatchObject({ extends: "../tsconfig.json" });
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(path.join(dir, "gen", "Sym"))).toBe(false);
  });

  it.each([
    ["a claim", { claim: "R3.2a" }],
    ["a declaration", { declaration: "exists_map_eq_two_layers" }],
    ["an `only` set", { only: new Set(["Sym.Net.exists_map_eq_two_layers"]) }],
  ] as Array<[string, Partial<DriverOptions>]>)("a run narrowed to %s leaves the modules under gen/Sym", async (_what, narrow) => {
    const { dir, stale } = staged();
    const out = await checkAll(opts({ root: dir, library: handLibrary, claims: handOnly, runs: 5, ...narrow }));
    expect(out.records.map((r) => r.declaration)).toEqual(["Sym.Net.exists_map_eq_two_layers"]);
    expect(fs.existsSync(stale)).toBe(true);
    expect(fs.existsSync(path.join(dir, "gen", "tsconfig.json"))).toBe(true);
  });
});

describe("checkAll in worker processes", () => {
  /** A stand-in worker: each task's record carries the init's runs, path and stored records, and whether it was a numeric-only task. */
  const WORKER = `
let init;
process.on("message", (m) => {
  if (m.type === "init") { init = m; return process.send({ type: "ready" }); }
  if (m.type === "exit") return process.exit(0);
  const record = { claimId: m.claimId, declaration: m.name, mode: "exact", status: "passed", runs: init.runs ?? -1, skips: 0, seed: init.seed, seconds: 0, maxResidual: 0, handWritten: !!m.numericOnly, message: "path " + (init.path ?? "none") + ", " + init.previous.records.length + " stored" };
  process.send({ type: "record", id: m.id, record });
});
`;
  const workerFile = (): string => {
    const f = path.join(tmpRoot(), "worker.cjs");
    fs.writeFileSync(f, WORKER);
    return f;
  };
  const only = new Set(["Sym.drr_true", "NumericOnly.isUnitarilyInvariant_schatten_p1"]);
  const base = { claims: claims(["X9.1", ["Sym.drr_true"]], ["P3.18", []]), only, jobs: 2 };

  it("hands declarations and numeric-only properties to the workers with the run count, replay path and stored records, and returns timings", async () => {
    const lines: string[] = [];
    const previous = previousOf({ declaration: "Sym.drr_true" });
    const out = await checkAll(opts({ ...base, workerFile: workerFile(), runs: 4, path: "0:1", previous, onProgress: (l) => lines.push(l) }));
    expect(out.records.map((r) => [r.declaration, r.claimId, r.handWritten, r.runs, r.seed, r.message])).toEqual([
      ["Sym.drr_true", "X9.1", false, 4, SEED, "path 0:1, 1 stored"],
      ["NumericOnly.isUnitarilyInvariant_schatten_p1", "P3.18", true, 4, SEED, "path 0:1, 1 stored"],
    ]);
    expect(out.timings).toBeDefined();
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /^\[\d\/2\]/.test(l))).toBe(true);
  }, 60_000);

  it("passes no run count, path or stored records it was not given", async () => {
    const { runs: _runs, ...noRuns } = opts({ ...base, workerFile: workerFile() });
    const out = await checkAll(noRuns);
    expect(out.records.map((r) => [r.runs, r.message])).toEqual([
      [-1, "path none, 0 stored"],
      [-1, "path none, 0 stored"],
    ]);
  }, 60_000);

  it("checks in this process when there is only one task, whatever the jobs", async () => {
    const out = await checkAll(opts({ claims: claims(["X9.1", ["Sym.drr_true"]]), only: new Set(["Sym.drr_true"]), jobs: 2, runs: 5, workerFile: workerFile() }));
    expect(out.records.map((r) => [r.declaration, r.status, r.runs])).toEqual([["Sym.drr_true", "passed", 5]]);
    expect(out.timings).toBeUndefined();
  });

  it("checks in this process with one job", async () => {
    const out = await checkAll(opts({ ...base, jobs: 1, runs: 5, workerFile: workerFile() }));
    expect(out.records.map((r) => [r.declaration, r.runs])).toEqual([
      ["Sym.drr_true", 5],
      ["NumericOnly.isUnitarilyInvariant_schatten_p1", 5],
    ]);
    expect(out.timings).toBeUndefined();
  });
});
