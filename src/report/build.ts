/**
 * Joins the registry, `out/proofs.json` and `out/numeric.json` into the report data. Pure: the
 * clock and the file names come in as arguments.
 */
import type { ProofsFile } from "../build/types.js";
import type { NumericFile } from "../runner/types.js";
import type { Diagnostic } from "../spec/diagnostics.js";
import { fileStart } from "../spec/diagnostics.js";
import { VERDICTS, type RegistryPositions } from "../spec/load.js";
import type { Registry, Verdict } from "../spec/types.js";
import { crossCheck } from "./crosscheck.js";
import { assessDeclaration, indexProofs } from "./evidence.js";
import { isDefinitionKind, meaningHash, usedDefinitions } from "./fingerprint.js";
import type { FingerprintPins } from "../spec/fingerprints.js";
import { REPORT_SCHEMA_VERSION, type ClaimReport, type DefinitionUse, type MissingInput, type Report, type VerdictCounts } from "./types.js";
import { decideVerdict } from "./verdict.js";

export interface BuildInput {
  registry: Registry;
  positions?: RegistryPositions;
  proofs: ProofsFile;
  numeric: NumericFile;
  /** Pinned fingerprints of the definitions the claims use (`spec/fingerprints.json`). */
  fingerprints?: FingerprintPins;
  /** Narrow to these claim ids (`--claim`). */
  only?: string[];
  now: Date;
  files: { registry: string; proofs: string; numeric: string; fingerprints?: string };
}

export function emptyCounts(): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
}

export function buildReport(input: BuildInput): Report {
  const { registry, proofs, numeric } = input;
  const only = input.only && input.only.length > 0 ? new Set(input.only) : undefined;
  const index = indexProofs(proofs);
  const claims: ClaimReport[] = [];
  const mismatches: Diagnostic[] = crossCheck(registry, input.positions, proofs, { ...(only ? { only } : {}), proofsFile: input.files.proofs });

  const unpinnedDefs = new Set<string>();
  for (const c of registry.claims) {
    if (only && !only.has(c.id)) continue;
    const declarations = c.declarations.map((d) => assessDeclaration(d, index));
    const definitions = claimDefinitions(c.declarations.map((d) => d.name), index.declarations, input.fingerprints);
    for (const u of definitions) {
      if (u.fingerprint === "unpinned") unpinnedDefs.add(u.name);
      if (u.fingerprint !== "changed") continue;
      const range = input.fingerprints?.pins.get(u.name)?.range ?? fileStart(input.files.fingerprints ?? "spec/fingerprints.json");
      mismatches.push({
        code: "REP004",
        severity: "error",
        message: `claim "${c.id}": the definition \`${u.name}\` changed (pinned ${u.pinnedHash}, now ${u.hash}); the claim depends on it through ${[c.id, ...u.chain].join(" → ")}; check the claim still says what the paper says, then pin it with \`npm run report -- --pin\``,
        range,
        entry: c.id,
        field: `definitions.${u.name}`,
      });
    }
    // A claim's records: those tagged with its id, and those of any declaration it lists (a
    // declaration may carry two claims, its records are tagged with its docstring's id only).
    const names = new Set(c.declarations.map((d) => d.name));
    const hypotheses = c.declarations.filter((d) => d.role === "hypothesis").map((d) => `${d.name}.`);
    const partRecords = new Set((c.parts ?? []).flatMap((p) => p.numeric));
    const records = numeric.records.filter((r) => r.claimId === c.id || names.has(r.declaration) || partRecords.has(r.declaration) || hypotheses.some((h) => r.declaration.startsWith(h)));
    const v = decideVerdict({ claim: c, declarations, numeric: records });
    declarations.forEach((d, k) => {
      if (d.fingerprint !== "changed" && d.fingerprint !== "unpinned") return;
      const range = input.positions?.claims.get(c.id)?.declarations.find((p) => p.name === d.name)?.range ?? fileStart(input.files.registry);
      mismatches.push(
        d.fingerprint === "changed"
          ? {
              code: "REP004",
              severity: "error",
              message: `claim "${c.id}", field "declarations[${k}].statementHash": the ${d.kind && isDefinitionKind(d.kind) ? "statement or body of the definition" : "statement of"} \`${d.name}\` changed (pinned ${d.pinnedHash}, now ${d.hash}); check the new ${d.kind && isDefinitionKind(d.kind) ? "definition" : "statement"} still says what the claim says, then pin it with \`npm run report -- --pin\``,
              range,
              entry: c.id,
              field: `declarations[${k}].statementHash`,
            }
          : {
              code: "REP005",
              severity: "warning",
              message: `claim "${c.id}", field "declarations[${k}].statementHash": the statement of \`${d.name}\` is not pinned (now ${d.hash}); pin it with \`npm run report -- --pin\``,
              range,
              entry: c.id,
              field: `declarations[${k}].statementHash`,
            },
      );
    });
    claims.push({
      id: c.id,
      section: c.section,
      kind: c.kind,
      title: c.title,
      paraphrase: c.paraphrase,
      truth: c.truth,
      dependsOn: c.dependsOn,
      expected: c.expected,
      verdict: v.verdict,
      asExpected: v.verdict === c.expected,
      reasons: v.reasons,
      outcome: v.outcome,
      ...(c.note !== undefined ? { note: c.note } : {}),
      ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
      declarations,
      definitions,
      parts: v.parts,
      numeric: v.numeric,
    });
  }

  if (unpinnedDefs.size > 0) {
    const file = input.files.fingerprints ?? "spec/fingerprints.json";
    const names = [...unpinnedDefs].sort();
    mismatches.push({
      code: "REP005",
      severity: "warning",
      message: `${names.length} definition${names.length === 1 ? "" : "s"} the claims use ${names.length === 1 ? "is" : "are"} not pinned in ${file} (${names.map((n) => `\`${n}\``).join(", ")}); pin with \`npm run report -- --pin\``,
      range: fileStart(file),
    });
  }

  const verdicts = emptyCounts();
  for (const c of claims) verdicts[c.verdict]++;
  const unexpected = claims.filter((c) => !c.asExpected).map((c) => c.id);
  const conflicts = claims.filter((c) => c.verdict === "conflict").map((c) => c.id);
  const errors = mismatches.filter((m) => m.severity === "error");
  const fingerprintChanges = mismatches.filter((m) => m.code === "REP004").length;
  const sections = registry.sections ?? [...new Set(registry.claims.map((c) => c.section))].map((id) => ({ id, title: `Section ${id}` }));

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: input.now.toISOString(),
    complete: true,
    missing: [],
    toolchain: proofs.toolchain ?? null,
    inputs: {
      registry: input.files.registry,
      proofs: { file: input.files.proofs, generatedAt: proofs.generatedAt ?? null },
      numeric: { file: input.files.numeric, generatedAt: numeric.generatedAt ?? null, command: numeric.command ?? null },
    },
    only: only ? [...only] : null,
    sections,
    summary: {
      claims: claims.length,
      verdicts,
      asExpected: claims.length - unexpected.length,
      unexpected,
      conflicts,
      mismatches: errors.length - fingerprintChanges,
      fingerprintChanges,
      ok: unexpected.length === 0 && conflicts.length === 0 && errors.length === 0,
    },
    claims,
    mismatches,
  };
}

/**
 * The definitions a claim's declarations use, transitively (beyond the declarations the registry
 * lists, whose own fingerprints are pinned there), with their pinned state and one chain each.
 */
export function claimDefinitions(declNames: string[], byName: ReadonlyMap<string, import("../build/types.js").DeclarationRecord>, pins: FingerprintPins | undefined): DefinitionUse[] {
  const listed = new Set(declNames);
  const out = new Map<string, DefinitionUse>();
  for (const n of declNames) {
    for (const [def, chain] of usedDefinitions(n, byName)) {
      if (listed.has(def)) continue;
      const prev = out.get(def);
      if (prev && prev.chain.length <= chain.length) continue;
      const hash = meaningHash(byName.get(def)!);
      const pinned = pins?.pins.get(def)?.hash;
      out.set(def, { name: def, hash, ...(pinned !== undefined ? { pinnedHash: pinned } : {}), fingerprint: pinned === undefined ? "unpinned" : pinned === hash ? "match" : "changed", chain });
    }
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The report written when an input is missing: no claims, and what to run. */
export function incompleteReport(missing: MissingInput[], registry: Registry | undefined, now: Date, files: BuildInput["files"]): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    complete: false,
    missing,
    toolchain: null,
    inputs: {
      registry: files.registry,
      proofs: { file: files.proofs, generatedAt: null },
      numeric: { file: files.numeric, generatedAt: null, command: null },
    },
    only: null,
    sections: registry?.sections ?? [],
    summary: { claims: 0, verdicts: emptyCounts(), asExpected: 0, unexpected: [], conflicts: [], mismatches: 0, fingerprintChanges: 0, ok: false },
    claims: [],
    mismatches: [],
  };
}

/** Verdict order for display. */
export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;
