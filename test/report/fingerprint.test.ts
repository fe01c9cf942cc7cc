import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DeclarationRecord, ProofsFile } from "../../src/build/types.js";
import { resolveIdent, scanLean } from "../../src/build/scan.js";
import { buildReport, claimDefinitions } from "../../src/report/build.js";
import { meaningHash, normalizeStatement, statementHash, usedDefinitions } from "../../src/report/fingerprint.js";
import { pinText } from "../../src/report/pin.js";
import { parseRegistry } from "../../src/spec/load.js";
import { FILES, FIXTURES, fixtures, NOW } from "./helpers.js";

describe("statement fingerprints", () => {
  it("ignore whitespace differences only", () => {
    expect(normalizeStatement("  theorem t (x : α) :\n    x = x  ")).toBe("theorem t (x : α) : x = x");
    expect(statementHash("theorem t (x : α) :\n  x = x")).toBe(statementHash("theorem t (x : α) : x = x"));
    expect(statementHash("theorem t (x : α) : x = x")).not.toBe(statementHash("theorem t (x : α) : x ≠ x"));
    expect(statementHash("a")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("are pinned on purpose by rewriting only the statementHash values", () => {
    const text = fs.readFileSync(path.join(FIXTURES, "registry.json"), "utf8");
    const f = fixtures();
    const { text: pinned, changes } = pinText(text, f.registry, f.positions, f.proofs);
    expect(changes.map((c) => c.declaration)).toContain("Sym.cond_thm");
    expect(changes.find((c) => c.declaration === "Sym.cond_thm")).toMatchObject({ from: "0000000000000000", to: statementHash("(hA : HypA) (hB : HypB) : Conj4") });
    expect(changes.some((c) => c.declaration === "Sym.missing")).toBe(false);
    expect(changes.some((c) => c.declaration === "Sym.phi_act")).toBe(false);
    const again = parseRegistry(pinned, "registry.json");
    if (!again.ok) throw new Error(again.diagnostics.map((d) => d.message).join("\n"));
    for (const c of again.value.claims) for (const d of c.declarations) if (d.name !== "Sym.missing") expect(d.statementHash, d.name).toBeDefined();
    // Nothing else changed: removing the hashes gives back the original text's data.
    const strip = (t: string) => JSON.stringify(JSON.parse(t), (k, v) => (k === "statementHash" ? undefined : v));
    expect(strip(pinned)).toBe(strip(text));
    // Pinning twice changes nothing more.
    expect(pinText(pinned, again.value, again.positions, f.proofs).changes).toEqual([]);
  });
});

describe("fingerprints of meaning", () => {
  const LIB = `module
public import Init
@[expose] public noncomputable section
namespace Sym
def frobSq {m n : Nat} (A : Nat) : Nat := A * A
def entryL1 {m n : Nat} (A : Nat) : Nat := A + A
/-- An isometry of N. -/
def IsIso (N : Nat → Nat) (K : Nat) : Prop := ∀ A, N (K * A) = N A
theorem iso_frobSq (K : Nat) (h : K = 1) : IsIso frobSq K := by
  subst h; intro A; simp
end Sym
`;
  const scanned = () => scanLean(LIB).declarations;
  const rec = (d: ReturnType<typeof scanned>[number], known: Set<string>): DeclarationRecord => {
    const { idents, scope, ...rest } = d;
    return { ...rest, uses: idents.map((x) => resolveIdent(x, scope, known)).filter((x): x is string => !!x && x !== d.name), file: "lean/Sym/X.lean", usesSorry: false, module: "Sym.X" };
  };
  const records = (text = LIB): DeclarationRecord[] => {
    const ds = scanLean(text).declarations;
    const known = new Set(ds.map((d) => d.name));
    return ds.map((d) => rec(d, known));
  };

  it("two definitions with equal signatures and different bodies get different fingerprints", () => {
    const by = new Map(records().map((d) => [d.name, d]));
    const a = by.get("Sym.frobSq")!;
    const b = by.get("Sym.entryL1")!;
    expect(a.statement).toBe(b.statement);
    expect(statementHash(a.statement)).toBe(statementHash(b.statement));
    expect(meaningHash(a)).not.toBe(meaningHash(b));
    expect(a.body).toBe(":= A * A");
  });

  it("a theorem's fingerprint is its statement only: changing the proof changes nothing", () => {
    const before = new Map(records().map((d) => [d.name, meaningHash(d)]));
    const after = new Map(records(LIB.replace("subst h; intro A; simp", "intro A; subst h; simp")).map((d) => [d.name, meaningHash(d)]));
    expect(after.get("Sym.iso_frobSq")).toBe(before.get("Sym.iso_frobSq"));
  });

  it("resolves the definitions a theorem uses, transitively, with a chain", () => {
    const by = new Map(records().map((d) => [d.name, d]));
    expect(by.get("Sym.iso_frobSq")!.uses).toEqual(["Sym.IsIso", "Sym.frobSq"]);
    const chains = usedDefinitions("Sym.iso_frobSq", by);
    expect(chains.get("Sym.frobSq")).toEqual(["Sym.iso_frobSq", "Sym.frobSq"]);
    expect(chains.get("Sym.IsIso")).toEqual(["Sym.iso_frobSq", "Sym.IsIso"]);
  });

  it("a changed body of a used definition fails the run with REP004 naming the dependent claims and the chain", () => {
    const proofsOf = (text: string): ProofsFile => ({ generatedAt: "", toolchain: null as never, modules: [{ name: "Sym.X", file: "lean/Sym/X.lean", status: "built", seconds: 1, messages: [], imports: [] }], declarations: records(text), forbidden: [], summary: { modules: 1, built: 1, cached: 0, failed: 0, skipped: 0, seconds: 1 } });
    const registry = {
      claims: ["X3.1", "X3.2"].map((id) => ({
        id,
        section: "3.1",
        kind: "proposition" as const,
        title: id,
        paraphrase: id,
        truth: "true" as const,
        declarations: [{ name: "Sym.iso_frobSq", role: "statement" as const, statementHash: meaningHash(records().find((d) => d.name === "Sym.iso_frobSq")!) }],
        dependsOn: [],
        expected: "proved" as const,
      })),
    };
    const before = proofsOf(LIB);
    const pins = new Map(claimDefinitions(["Sym.iso_frobSq"], new Map(before.declarations.map((d) => [d.name, d])), undefined).map((u) => [u.name, { hash: u.hash, range: { file: "spec/fingerprints.json", line: 3, column: 5, endLine: 3, endColumn: 20 } }]));
    const fingerprints = { file: "spec/fingerprints.json", pins };
    const ok = buildReport({ registry, fingerprints, proofs: before, numeric: { generatedAt: "", command: "", records: [] }, now: NOW, files: FILES });
    expect(ok.mismatches.filter((m) => m.code === "REP004")).toEqual([]);
    expect(ok.summary.ok).toBe(true);

    const changed = proofsOf(LIB.replace(":= A * A", ":= A * A * A"));
    const bad = buildReport({ registry, fingerprints, proofs: changed, numeric: { generatedAt: "", command: "", records: [] }, now: NOW, files: FILES });
    const rep = bad.mismatches.filter((m) => m.code === "REP004");
    expect(rep.map((m) => m.entry)).toEqual(["X3.1", "X3.2"]);
    expect(rep[0]!.message).toContain("the definition `Sym.frobSq` changed");
    expect(rep[0]!.message).toContain("X3.1 → Sym.iso_frobSq → Sym.frobSq");
    expect(rep[0]!.range).toMatchObject({ file: "spec/fingerprints.json", line: 3 });
    expect(bad.summary.ok).toBe(false);
    expect(bad.summary.fingerprintChanges).toBe(2);
  });

  it("a used definition that is not pinned is a warning (REP005), not a failure", () => {
    const ds = records();
    const proofs: ProofsFile = { generatedAt: "", toolchain: null as never, modules: [{ name: "Sym.X", file: "lean/Sym/X.lean", status: "built", seconds: 1, messages: [], imports: [] }], declarations: ds, forbidden: [], summary: { modules: 1, built: 1, cached: 0, failed: 0, skipped: 0, seconds: 1 } };
    const registry = { claims: [{ id: "X3.1", section: "3.1", kind: "proposition" as const, title: "t", paraphrase: "p", truth: "true" as const, declarations: [{ name: "Sym.iso_frobSq", role: "statement" as const }], dependsOn: [], expected: "proved" as const }] };
    const r = buildReport({ registry, proofs, numeric: { generatedAt: "", command: "", records: [] }, now: NOW, files: FILES });
    const w = r.mismatches.filter((m) => m.code === "REP005" && m.message.includes("definition"));
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe("warning");
    expect(w[0]!.message).toContain("`Sym.IsIso`, `Sym.frobSq`");
  });

  it("the warning on unpinned definitions leaves out the ones pinned with their current hash", () => {
    const ds = records();
    const proofs: ProofsFile = { generatedAt: "", toolchain: null as never, modules: [{ name: "Sym.X", file: "lean/Sym/X.lean", status: "built", seconds: 1, messages: [], imports: [] }], declarations: ds, forbidden: [], summary: { modules: 1, built: 1, cached: 0, failed: 0, skipped: 0, seconds: 1 } };
    const registry = { claims: [{ id: "X3.1", section: "3.1", kind: "proposition" as const, title: "t", paraphrase: "p", truth: "true" as const, declarations: [{ name: "Sym.iso_frobSq", role: "statement" as const }], dependsOn: [], expected: "proved" as const }] };
    const frobSq = claimDefinitions(["Sym.iso_frobSq"], new Map(ds.map((d) => [d.name, d])), undefined).find((u) => u.name === "Sym.frobSq")!;
    const fingerprints = { file: "spec/fingerprints.json", pins: new Map([["Sym.frobSq", { hash: frobSq.hash, range: { file: "spec/fingerprints.json", line: 2, column: 5, endLine: 2, endColumn: 20 } }]]) };
    const r = buildReport({ registry, fingerprints, proofs, numeric: { generatedAt: "", command: "", records: [] }, now: NOW, files: FILES });
    const w = r.mismatches.filter((m) => m.code === "REP005" && m.message.includes("definition"));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/^1 definition the claims use is not pinned in spec\/fingerprints\.json \(`Sym\.IsIso`\)/);
  });
});
