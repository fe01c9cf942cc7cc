/**
 * Pins statement fingerprints in the registry on purpose (`npm run report -- --pin`): rewrites
 * only the `statementHash` values, keeping the rest of the file byte for byte.
 */
import type { ProofsFile } from "../build/types.js";
import type { RegistryPositions } from "../spec/load.js";
import type { Registry } from "../spec/types.js";
import { meaningHash } from "./fingerprint.js";

export interface PinChange {
  claim: string;
  declaration: string;
  from?: string;
  to: string;
}

/** Returns the new registry text and the changes made (declarations missing from proofs are left alone). */
export function pinText(text: string, registry: Registry, positions: RegistryPositions, proofs: ProofsFile, only?: ReadonlySet<string>): { text: string; changes: PinChange[] } {
  const statements = new Map(proofs.declarations.map((d) => [d.name, d]));
  const edits: { start: number; end: number; insert: string }[] = [];
  const changes: PinChange[] = [];
  for (const c of registry.claims) {
    if (only && !only.has(c.id)) continue;
    const pos = positions.claims.get(c.id);
    for (const d of c.declarations) {
      const st = statements.get(d.name);
      if (st === undefined) continue;
      const h = meaningHash(st);
      if (d.statementHash === h) continue;
      const p = pos?.declarations.find((x) => x.name === d.name);
      if (!p) continue;
      if (p.hashSpan) edits.push({ start: p.hashSpan[0], end: p.hashSpan[1], insert: JSON.stringify(h) });
      else edits.push({ start: p.lastMemberEnd, end: p.lastMemberEnd, insert: `, "statementHash": ${JSON.stringify(h)}` });
      changes.push({ claim: c.id, declaration: d.name, ...(d.statementHash ? { from: d.statementHash } : {}), to: h });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return { text: out, changes };
}
