import { beforeEach, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build.js";
import { FILES, fixtures, NOW } from "./helpers.js";

describe("buildReport on the fixtures", () => {
  const f = fixtures();
  // Built before each test, not while the file is collected nor once for all: Stryker switches a
  // mutant on after collection and maps a mutant to the tests whose own hooks and bodies reach it.
  let report!: ReturnType<typeof buildReport>;
  beforeEach(() => {
    report = buildReport({ ...f, now: NOW, files: FILES });
  });
  const verdict = (id: string) => report.claims.find((c) => c.id === id)!.verdict;

  it("gives each fixture claim the verdict its evidence supports", () => {
    expect(Object.fromEntries(report.claims.map((c) => [c.id, c.verdict]))).toEqual({
      "A3.1": "definition",
      "A3.2": "proved",
      "A3.3": "refuted",
      "A3.4": "suspect",
      "A3.5": "conditional",
      "A3.6": "supported",
      "A3.7": "out-of-scope",
      "A3.8": "failing",
      "A3.9": "conflict",
      "A3.10": "failing",
      "A3.11": "failing",
      "A3.12": "failing",
      "A3.13": "failing",
      "A3.14": "partial",
    });
  });

  it("a part stated as a `def … : Prop` and not proved makes the claim partial, with each part's status", () => {
    const c = report.claims.find((x) => x.id === "A3.14")!;
    expect(c.parts.map((p) => [p.id, p.status, p.formal, p.numeric])).toEqual([
      ["p2", "proved", true, "passed"],
      ["even", "open", false, "weak"],
      ["odd", "open", false, "none"],
    ]);
    expect(c.outcome).toContain('open: "every even p", "odd p"');
    expect(report.claims.find((x) => x.id === "A3.2")!.parts[0]!.implicit).toBe(true);
  });

  it("says why a declaration does not count: sorry, sorry in an import, forbidden construct, failed module, missing", () => {
    const problems = (id: string) => report.claims.find((c) => c.id === id)!.declarations[0]!.problems;
    // A statement whose own proof is sorry is stated, not broken: the claim fails for want of a proof.
    expect(problems("A3.8")).toEqual([]);
    const a38 = report.claims.find((c) => c.id === "A3.8")!;
    expect(a38.declarations[0]!.stated).toBe(true);
    expect(a38.reasons.join(" ")).toContain("a theorem whose proof is `sorry`");
    expect(problems("A3.10")).toEqual(["imported: module Sym.Sorry uses sorry (Sym.sorry_thm)"]);
    expect(problems("A3.12")).toEqual(["forbidden `native_decide` at lean/Sym/Forbidden.lean:7:3"]);
    expect(problems("A3.13")).toEqual(["module Sym.Broken failed to build"]);
    expect(problems("A3.11")).toEqual(["missing from out/proofs.json"]);
  });

  it("keeps verdict counts apart and lists unexpected verdicts and conflicts", () => {
    expect(report.summary.verdicts).toEqual({ proved: 1, partial: 1, refuted: 1, suspect: 1, conditional: 1, supported: 1, definition: 1, "out-of-scope": 1, failing: 5, conflict: 1 });
    expect(report.summary.claims).toBe(14);
    expect(report.summary.unexpected).toEqual(["A3.9"]);
    expect(report.summary.conflicts).toEqual(["A3.9"]);
    expect(report.summary.ok).toBe(false);
    expect(verdict("A3.9")).toBe("conflict");
  });

  it("lists cross-check mismatches in the manner of checkdecls", () => {
    const errors = report.mismatches.filter((m) => m.severity === "error").map((m) => [m.code, m.range.file, m.range.line, m.entry]);
    expect(errors).toEqual([
      ["REP001", "registry.json", 204, "A3.11"],
      ["REP002", "lean/Sym/Basic.lean", 30, "A3.2"],
      ["REP003", "lean/Sym/Basic.lean", 34, "Z9.9"],
      ["REP004", "registry.json", 98, "A3.5"],
    ]);
    expect(report.summary.mismatches).toBe(3);
    expect(report.summary.fingerprintChanges).toBe(1);
  });

  it("fingerprints statements: pinned and equal, changed, unpinned", () => {
    const fp = (id: string) => report.claims.find((c) => c.id === id)!.declarations[0]!;
    expect(fp("A3.2")).toMatchObject({ fingerprint: "match", hash: fp("A3.2").pinnedHash });
    expect(fp("A3.5")).toMatchObject({ fingerprint: "changed", pinnedHash: "0000000000000000" });
    expect(fp("A3.1").fingerprint).toBe("unpinned");
    expect(fp("A3.11").fingerprint).toBe("unknown");
  });

  it("narrows to --claim ids: claims, cross-checks and counts", () => {
    const only = buildReport({ ...f, only: ["A3.2", "A3.3"], now: NOW, files: FILES });
    expect(only.claims.map((c) => c.id)).toEqual(["A3.2", "A3.3"]);
    expect(only.only).toEqual(["A3.2", "A3.3"]);
    expect(only.mismatches.filter((m) => m.severity === "error").map((m) => m.code)).toEqual(["REP002"]);
    expect(only.summary.claims).toBe(2);
  });

  it("is ok when every verdict is as expected and nothing mismatches", () => {
    const clean = buildReport({
      registry: { ...f.registry, claims: f.registry.claims.filter((c) => ["A3.1", "A3.2", "A3.3", "A3.4", "A3.6", "A3.7"].includes(c.id)) },
      proofs: { ...f.proofs, declarations: f.proofs.declarations.filter((d) => !["Sym.untracked", "Sym.stray"].includes(d.name) && ["A3.1", "A3.2", "A3.3", "A3.4", "A3.6"].includes(d.docId ?? "")) },
      numeric: f.numeric,
      now: NOW,
      files: FILES,
    });
    expect(clean.mismatches.filter((m) => m.severity === "error")).toEqual([]);
    expect(clean.summary.ok).toBe(true);
  });
});

describe("numeric records of a declaration listed under two claims", () => {
  it("count for both claims", () => {
    const f = fixtures();
    const registry = { ...f.registry, claims: f.registry.claims.map((c) => (c.id === "A3.1" ? { ...c, declarations: [...c.declarations, { name: "Sym.phi_act", role: "proof" as const }] } : c)) };
    const report = buildReport({ ...f, registry, now: NOW, files: FILES });
    expect(report.claims.find((c) => c.id === "A3.1")!.numeric.records.map((r) => r.declaration)).toEqual(["Sym.phi_act"]);
  });
});
