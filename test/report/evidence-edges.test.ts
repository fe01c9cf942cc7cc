/**
 * Formal evidence at its edges, through `buildReport`: which problems of a module and of its
 * imports a declaration inherits, and how they are worded.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build.js";
import { crossCheck } from "../../src/report/crosscheck.js";
import { inputs, rec, report, verdictOf, witnessOf } from "./scenario.js";

const problemsOf = (s: Parameters<typeof verdictOf>[0]) => verdictOf(s).declarations[0]!.problems;

describe("a failed module's reason", () => {
  const withReason = (reason: string) => {
    const s = inputs({ expected: "failing", decls: [{ name: "Sym.t" }] });
    s.proofs.modules[0] = { ...s.proofs.modules[0]!, status: "failed", reason };
    return buildReport({ ...s, now: new Date(0), files: { registry: "r", proofs: "p", numeric: "n" } }).claims[0]!.declarations[0]!.problems;
  };
  it("is cut to its first line or its first ` | ` part", () => {
    expect(withReason("Lean exited with code 1: first | second\nthird")).toEqual(["module Sym.M failed to build (Lean exited with code 1: first)"]);
    expect(withReason("  padded\r\nnext")).toEqual(["module Sym.M failed to build (padded)"]);
  });
  it("is cut to 160 characters with an ellipsis, and kept whole up to 160", () => {
    expect(withReason("x".repeat(160))).toEqual([`module Sym.M failed to build (${"x".repeat(160)})`]);
    expect(withReason("y".repeat(161))).toEqual([`module Sym.M failed to build (${"y".repeat(157)}…)`]);
  });
});

describe("problems of the declaration's own module", () => {
  it("one error message is counted in the singular; a failed module's errors are not counted again", () => {
    expect(problemsOf({ decls: [{ name: "Sym.t" }], modules: [{ name: "Sym.M", messages: [{ severity: "error", text: "x" }] }] })).toEqual(["module Sym.M has 1 error message"]);
    expect(problemsOf({ decls: [{ name: "Sym.t" }], modules: [{ name: "Sym.M", status: "failed", messages: [{ severity: "error", text: "x" }] }] })).toEqual(["module Sym.M failed to build"]);
  });
  it("lists every flagged declaration of the module", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.a", role: "proof", usesSorry: true }, { name: "Sym.b", role: "proof", usesSorry: true }] });
    expect(c.declarations[0]!.problems).toEqual(["module Sym.M uses sorry (Sym.a, Sym.b)"]);
  });
});

describe("problems of imported modules", () => {
  it("a module skipped for a reason other than a failed import is reported, as is an import missing from out/proofs.json", () => {
    const s = inputs({ decls: [{ name: "Sym.t", module: "Sym.C" }], modules: [{ name: "Sym.C", imports: ["Sym.B"] }, { name: "Sym.B", imports: ["Sym.A"], status: "skipped" }] });
    s.proofs.modules[1]!.reason = "not attempted: interrupted";
    const c = buildReport({ ...s, now: new Date(0), files: { registry: "r", proofs: "p", numeric: "n" } }).claims[0]!;
    expect(c.declarations[0]!.problems).toEqual(["imported: module Sym.B was not built (not attempted: interrupted)", "imported module Sym.A is not in out/proofs.json"]);
  });
  it("a declaration in a failed module still hears of a skipped import", () => {
    expect(problemsOf({ decls: [{ name: "Sym.t", module: "Sym.C" }], modules: [{ name: "Sym.C", status: "failed", imports: ["Sym.B"] }, { name: "Sym.B", status: "skipped" }] })).toEqual([
      "module Sym.C failed to build",
      "imported: module Sym.B was not built",
    ]);
  });
  it("a problem reached along two import paths is listed once", () => {
    const p = problemsOf({
      decls: [{ name: "Sym.t", module: "Sym.D" }],
      modules: [{ name: "Sym.D", imports: ["Sym.B", "Sym.C"] }, { name: "Sym.B", imports: ["Sym.A"] }, { name: "Sym.C", imports: ["Sym.A"] }, { name: "Sym.A" }],
      forbidden: [{ construct: "axiom", file: "lean/Sym/A.lean", line: 1, column: 1, text: "axiom" }],
    });
    expect(p).toEqual(["imported: forbidden `axiom` at lean/Sym/A.lean:1:1"]);
  });
  it("a declaration whose own module is missing from out/proofs.json says so", () => {
    expect(problemsOf({ decls: [{ name: "Sym.t", module: "Sym.Gone" }], modules: [{ name: "Sym.M" }] })).toEqual(["its module Sym.Gone is not in out/proofs.json"]);
  });
});

describe("what the registry entry adds", () => {
  it("records on a definition do not count by default: a definition claim stays a definition despite an error on it", () => {
    const c = verdictOf({ truth: "definition", decls: [{ name: "Sym.D", role: "definition" }], records: [rec("Sym.D", "error"), rec("Sym.D", "counterexample")] });
    expect(c.verdict).toBe("definition");
    expect(c.numeric.status).toBe("none");
    expect(c.declarations[0]!.numericCounts).toBe(false);
  });
  it("records on a witness do not count by default; a hypothesis's do, and `numeric` in the registry overrides both", () => {
    const counts = (role: "witness" | "hypothesis", numeric?: boolean) =>
      verdictOf({ decls: [{ name: "Sym.t" }, { name: "Sym.w", role, ...(numeric !== undefined ? { numeric } : {}) }] }).declarations[1]!.numericCounts;
    expect(counts("witness")).toBe(false);
    expect(counts("hypothesis")).toBe(true);
    expect(counts("witness", true)).toBe(true);
    expect(counts("hypothesis", false)).toBe(false);
  });
  it("a declaration without a pin has no pinned hash; a missing one is no theorem and its fingerprint is unknown", () => {
    const s = inputs({ expected: "failing", decls: [{ name: "Sym.t" }, { name: "Sym.gone", missing: true }] });
    delete s.registry.claims[0]!.declarations[0]!.statementHash;
    const [t, gone] = buildReport({ ...s, now: new Date(0), files: { registry: "r", proofs: "p", numeric: "n" } }).claims[0]!.declarations;
    expect("pinnedHash" in t!).toBe(false);
    expect(gone).toMatchObject({ found: false, isTheorem: false, ok: false, fingerprint: "unknown", problems: ["missing from out/proofs.json"] });
  });
});

describe("crossCheck without registry positions", () => {
  it("points REP001 at the start of spec/claims.json and names the default proofs file", () => {
    const { registry, proofs } = inputs({ decls: [{ name: "Sym.gone", missing: true }] });
    const [d] = crossCheck(registry, undefined, proofs);
    expect(d).toMatchObject({ code: "REP001", entry: "X3.1", field: "declarations[0].name", range: { file: "spec/claims.json", line: 1, column: 1 } });
    expect(d!.message).toBe('claim "X3.1", field "declarations[0].name": `Sym.gone` is not a declaration of out/proofs.json (renamed, removed, or not yet written?)');
  });
  it("names the given proofs file, and REP002's field is the claim's declarations", () => {
    const { registry, proofs } = inputs({ decls: [{ name: "Sym.gone", missing: true }, { name: "Sym.x", docId: "X3.1", unlisted: true }] });
    const ds = crossCheck(registry, undefined, proofs, { proofsFile: "build/p.json" });
    expect(ds.map((d) => [d.code, d.field])).toEqual([
      ["REP001", "declarations[0].name"],
      ["REP002", "declarations"],
    ]);
    expect(ds[0]!.message).toContain("is not a declaration of build/p.json");
  });
  it("uses the registry position of the declaration when there is one", () => {
    expect(report({ expected: "failing", decls: [{ name: "Sym.gone", missing: true }] }).mismatches[0]!.range.file).toBe("spec/claims.json");
  });
});

describe("records and positions a claim collects", () => {
  it("records on a hypothesis structure's fields count for the claim whatever claim id they carry", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }, { name: "Sym.H", role: "hypothesis", kind: "structure" }, witnessOf("Sym.H")], records: [rec("Sym.H.a", "passed", { claimId: "?" })] });
    expect(c.verdict).toBe("conditional");
    expect(c.numeric.records.map((r) => r.declaration)).toEqual(["Sym.H.a"]);
  });
  it("a record whose name only ends like a hypothesis's field is not the hypothesis's", () => {
    const c = verdictOf({ decls: [{ name: "Sym.cond", role: "conditional" }, { name: "Sym.H", role: "hypothesis" }], records: [rec("Other.Sym.H.a", "passed", { claimId: "Z1.1" })] });
    expect(c.numeric.records).toEqual([]);
  });
  it("a claim without note or evidence has neither key in its report", () => {
    const c = verdictOf({ decls: [{ name: "Sym.t" }] });
    expect("note" in c || "evidence" in c).toBe(false);
  });
  it("an unpinned statement's warning names the declaration, its hash and the command", () => {
    const s = inputs({ decls: [{ name: "Sym.t" }] });
    delete s.registry.claims[0]!.declarations[0]!.statementHash;
    const [w] = buildReport({ ...s, now: new Date(0), files: { registry: "r", proofs: "p", numeric: "n" } }).mismatches;
    expect(w).toMatchObject({ code: "REP005", field: "declarations[0].statementHash", entry: "X3.1", range: { file: "r", line: 1 } });
    expect(w!.message).toMatch(/^claim "X3\.1", field "declarations\[0\]\.statementHash": the statement of `Sym\.t` is not pinned \(now [0-9a-f]{16}\); pin it with `npm run report -- --pin`$/);
  });
  it("a skipped import under a failed one still reports its own forbidden construct", () => {
    const p = problemsOf({
      decls: [{ name: "Sym.t", module: "Sym.C" }],
      modules: [{ name: "Sym.C", imports: ["Sym.B"], status: "skipped" }, { name: "Sym.B", imports: ["Sym.A"], status: "skipped" }, { name: "Sym.A", status: "failed" }],
      forbidden: [{ construct: "extern", file: "lean/Sym/B.lean", line: 2, column: 1, text: "extern" }],
    });
    expect(p).toEqual(["module Sym.C was not built", "imported: forbidden `extern` at lean/Sym/B.lean:2:1", "imported: module Sym.A failed to build"]);
  });
});

describe("positions of registry diagnostics", () => {
  const text = JSON.stringify(
    {
      claims: [
        {
          id: "X3.1", section: "3.1", kind: "lemma", title: "t", paraphrase: "p", truth: "true", dependsOn: [], expected: "failing",
          declarations: [{ name: "Sym.t", role: "statement", statementHash: "0000000000000000" }, { name: "Sym.gone", role: "proof" }, { name: "Sym.u", role: "proof", statementHash: "0000000000000000" }],
        },
      ],
    },
    null,
    2,
  );
  it("point at the declaration the problem is about, not the claim's first one", async () => {
    const { parseRegistry } = await import("../../src/spec/load.js");
    const loaded = parseRegistry(text, "spec/claims.json");
    if (!loaded.ok) throw new Error("registry");
    const { proofs, numeric } = inputs({ decls: [{ name: "Sym.t" }, { name: "Sym.u", role: "proof" }] });
    const r = buildReport({ registry: loaded.value, positions: loaded.positions, proofs, numeric, now: new Date(0), files: { registry: "spec/claims.json", proofs: "p", numeric: "n" } });
    const lineOf = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(r.mismatches.map((m) => [m.code, m.range.line])).toEqual([
      ["REP001", lineOf('"Sym.gone"') - 1],
      ["REP004", lineOf('"Sym.t"') - 1],
      ["REP004", lineOf('"Sym.u"') - 1],
    ]);
  });
});
