/**
 * Statement fingerprints: a changed Lean statement is noticed until the registry pins it again.
 */
import { createHash } from "node:crypto";

/** Collapses every run of whitespace to one space and trims. */
export function normalizeStatement(statement: string): string {
  return statement.replace(/\s+/g, " ").trim();
}

/** sha256 of the normalized statement, first 16 hex digits. */
export function statementHash(statement: string): string {
  return createHash("sha256").update(normalizeStatement(statement), "utf8").digest("hex").slice(0, 16);
}
