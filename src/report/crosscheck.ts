/**
 * Cross-checks between the registry and the Lean library, in the manner of checkdecls: every
 * declaration the registry names exists in `out/proofs.json`, and every declaration whose
 * docstring starts with a claim id is listed in the registry under that claim.
 */
import type { ProofsFile } from "../build/types.js";
import type { Diagnostic, SourceRange } from "../spec/diagnostics.js";
import { fileStart } from "../spec/diagnostics.js";
import type { RegistryPositions } from "../spec/load.js";
import type { Registry } from "../spec/types.js";

export interface CrossCheckOptions {
  /** Restrict to these claims (`--claim`); undefined checks everything. */
  only?: ReadonlySet<string>;
  /** The proofs file's name, for messages (default `out/proofs.json`). */
  proofsFile?: string;
}

export function crossCheck(registry: Registry, positions: RegistryPositions | undefined, proofs: ProofsFile, opts: CrossCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inScope = (id: string): boolean => !opts.only || opts.only.has(id);
  const have = new Set(proofs.declarations.map((d) => d.name));
  const listed = new Map<string, Set<string>>(); // declaration → claim ids naming it
  const file = positions?.file ?? "spec/claims.json";

  for (const c of registry.claims) {
    c.declarations.forEach((d, k) => {
      listed.set(d.name, (listed.get(d.name) ?? new Set()).add(c.id));
      if (!inScope(c.id) || have.has(d.name)) return;
      const range = positions?.claims.get(c.id)?.declarations.find((p) => p.name === d.name)?.range ?? fileStart(file);
      out.push({
        code: "REP001",
        severity: "error",
        message: `claim "${c.id}", field "declarations[${k}].name": \`${d.name}\` is not a declaration of ${opts.proofsFile ?? "out/proofs.json"} (renamed, removed, or not yet written?)`,
        range,
        entry: c.id,
        field: `declarations[${k}].name`,
      });
    });
  }

  const known = new Set(registry.claims.map((c) => c.id));
  for (const d of proofs.declarations) {
    if (d.docId === undefined || !inScope(d.docId)) continue;
    const range: SourceRange = { file: d.file, line: d.line, column: 1, endLine: d.line, endColumn: 1 };
    if (!known.has(d.docId)) {
      out.push({
        code: "REP003",
        severity: "error",
        message: `\`${d.name}\`: its docstring starts with claim id "${d.docId}", which the registry does not have`,
        range,
        entry: d.docId,
      });
    } else if (!listed.get(d.name)?.has(d.docId)) {
      out.push({
        code: "REP002",
        severity: "error",
        message: `\`${d.name}\`: its docstring tags it with claim "${d.docId}" but the registry does not list it under that claim`,
        range,
        entry: d.docId,
        field: "declarations",
      });
    }
  }
  return out;
}
