/**
 * Fingerprints of meaning: a changed Lean statement, or a changed body of a definition a claim
 * uses, is noticed until someone pins it again on purpose.
 *
 * - A theorem's fingerprint covers its statement (its proof may change freely).
 * - A definition's fingerprint (def, abbrev, structure, inductive, class, instance) covers its
 *   statement and its body: two definitions with equal signatures and different bodies never
 *   share one.
 * - A claim's declarations use definitions (identifiers of their statements, and of definitions'
 *   bodies, resolved against the scanned library, transitively): those are pinned in
 *   `spec/fingerprints.json`, and a changed one names the chain claim → declaration → definition.
 */
import { createHash } from "node:crypto";
import type { DeclarationRecord, DeclKind } from "../build/types.js";

/** Collapses every run of whitespace to one space and trims. */
export function normalizeStatement(statement: string): string {
  return statement.replace(/\s+/g, " ").trim();
}

/** sha256 of the normalized statement, first 16 hex digits. */
export function statementHash(statement: string): string {
  return createHash("sha256").update(normalizeStatement(statement), "utf8").digest("hex").slice(0, 16);
}

const DEFINITION_KINDS: ReadonlySet<DeclKind> = new Set(["def", "abbrev", "structure", "inductive", "class", "instance"]);

/** Whether a declaration's body is part of its meaning. */
export function isDefinitionKind(kind: DeclKind): boolean {
  return DEFINITION_KINDS.has(kind);
}

/** The fingerprint of a declaration: its statement, and for a definition its body too. */
export function meaningHash(rec: Pick<DeclarationRecord, "kind" | "statement" | "body">): string {
  if (isDefinitionKind(rec.kind) && rec.body !== undefined) return statementHash(`${rec.statement} ⟪body⟫ ${rec.body}`);
  return statementHash(rec.statement);
}

/**
 * The definitions a declaration uses, transitively, each with one shortest chain from the
 * declaration (`[decl, def₁, …, def]`). Only definition-like declarations are followed: a
 * theorem's proof is not part of any meaning.
 */
export function usedDefinitions(name: string, byName: ReadonlyMap<string, DeclarationRecord>): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const start = byName.get(name);
  if (!start) return chains;
  const queue: { rec: DeclarationRecord; chain: string[] }[] = [{ rec: start, chain: [name] }];
  const seen = new Set([name]);
  while (queue.length > 0) {
    const { rec, chain } = queue.shift()!;
    for (const u of rec.uses ?? []) {
      if (seen.has(u)) continue;
      seen.add(u);
      const r = byName.get(u);
      if (!r || !isDefinitionKind(r.kind)) continue;
      const c = [...chain, u];
      chains.set(u, c);
      queue.push({ rec: r, chain: c });
    }
  }
  return chains;
}
