/**
 * `spec/fingerprints.json`: the pinned fingerprints of the definitions the claims' declarations
 * use (statement and body, see `src/report/fingerprint.ts`). Written by
 * `npm run report -- --pin`; a missing file means nothing is pinned yet (warnings, not errors).
 */
import fs from "node:fs";
import type { Diagnostic, SourceRange } from "./diagnostics.js";
import { fileStart } from "./diagnostics.js";
import { member, parseJson } from "./json.js";

export const FINGERPRINTS_COMMENT =
  "Pinned fingerprints (sha256 of statement and body, first 16 hex digits) of every Lean definition the claims' declarations use, transitively. Written by `npm run report -- --pin`; a changed definition fails the report (REP004) until pinned again.";

export interface FingerprintPins {
  file: string;
  pins: Map<string, { hash: string; range: SourceRange }>;
}

export type FingerprintsResult = { ok: true; value: FingerprintPins } | { ok: false; diagnostics: Diagnostic[] };

const HASH_RE = /^[0-9a-f]{16}$/;

/** Validates the text of a pin file. */
export function parseFingerprints(text: string, file: string): FingerprintsResult {
  const diagnostics: Diagnostic[] = [];
  const range = (r: { start: { line: number; column: number }; end: { line: number; column: number } }): SourceRange => ({ file, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column });
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, diagnostics: [{ code: "SPEC024", severity: "error", message: `malformed JSON: ${parsed.error.message}`, range: range(parsed.error.range) }] };
  const root = parsed.value;
  const defs = root.type === "object" ? member(root, "definitions") : undefined;
  if (!defs || defs.value.type !== "object") {
    return { ok: false, diagnostics: [{ code: "SPEC024", severity: "error", message: `must be an object with a "definitions" object { "Lean.name": "hash" }`, range: range(root.range) }] };
  }
  const pins = new Map<string, { hash: string; range: SourceRange }>();
  for (const m of defs.value.members) {
    if (m.value.type !== "string" || !HASH_RE.test(m.value.value)) {
      diagnostics.push({ code: "SPEC024", severity: "error", message: `definitions."${m.key}": must be 16 lowercase hex digits (pin with \`npm run report -- --pin\`)`, range: range(m.value.range), field: `definitions.${m.key}` });
      continue;
    }
    pins.set(m.key, { hash: m.value.value, range: range(m.keyRange) });
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, value: { file, pins } };
}

/** Reads the pin file; a missing file is an empty set of pins. */
export function loadFingerprints(path: string, displayName: string): FingerprintsResult {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, value: { file: displayName, pins: new Map() } };
    return { ok: false, diagnostics: [{ code: "SPEC024", severity: "error", message: `cannot read: ${(e as Error).message}`, range: fileStart(displayName) }] };
  }
  return parseFingerprints(text, displayName);
}

/** The text of a pin file, keys sorted. */
export function fingerprintsText(pins: ReadonlyMap<string, string>): string {
  const defs = Object.fromEntries([...pins].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ $comment: FINGERPRINTS_COMMENT, definitions: defs }, null, 2)}\n`;
}
