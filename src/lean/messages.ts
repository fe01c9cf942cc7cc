/**
 * Parsing of the Lean compiler's `--json` output into structured messages.
 *
 * The WebAssembly build interleaves its JSON messages with `[DEBUG:…]` lines, an echo of the
 * input and the list of imported `.olean` files; everything that is not a Lean message is noise
 * and is kept apart so nobody has to read it.
 */

export type Severity = "error" | "warning" | "information";

/** One message of the Lean front end, positions 1-based (Lean's columns are 0-based). */
export interface LeanMessage {
  severity: Severity;
  /** Lean's message kind tag, e.g. `hasSorry`; empty when Lean gives none. */
  kind: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface ParsedOutput {
  messages: LeanMessage[];
  /** Lines that were neither JSON messages nor known noise (kept for diagnosis). */
  other: string[];
}

const NOISE = [/^\[DEBUG[:\]]/, /^\s*$/, /\.olean\b/, /^Lean 4 WASM/, /^LEAN_PATH/, /^Working directory/];

function isSeverity(x: unknown): x is Severity {
  return x === "error" || x === "warning" || x === "information";
}

interface RawPos {
  line?: unknown;
  column?: unknown;
}

function num(x: unknown, fallback: number): number {
  return typeof x === "number" && Number.isFinite(x) ? x : fallback;
}

/** Converts one line to a message if it is one of Lean's JSON messages. */
export function parseMessageLine(line: string, fallbackFile: string): LeanMessage | undefined {
  const t = line.trim();
  if (!t.startsWith("{") || !t.endsWith("}")) return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(t) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!isSeverity(raw["severity"])) return undefined;
  const pos = (raw["pos"] ?? {}) as RawPos;
  const end = (raw["endPos"] ?? raw["pos"] ?? {}) as RawPos;
  const line1 = num(pos.line, 1);
  const col1 = num(pos.column, 0) + 1;
  return {
    severity: raw["severity"],
    kind: typeof raw["kind"] === "string" ? raw["kind"] : "",
    file: typeof raw["fileName"] === "string" ? raw["fileName"] : fallbackFile,
    line: line1,
    column: col1,
    endLine: num(end.line, line1),
    endColumn: num(end.column, col1 - 1) + 1,
    text: typeof raw["data"] === "string" ? raw["data"] : JSON.stringify(raw["data"] ?? ""),
  };
}

/** Splits the compiler's stdout into messages and unexplained lines. */
export function parseLeanOutput(stdout: string, fallbackFile: string): ParsedOutput {
  const messages: LeanMessage[] = [];
  const other: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = parseMessageLine(line, fallbackFile);
    if (m) messages.push(m);
    else if (!NOISE.some((re) => re.test(line))) other.push(line);
  }
  return { messages, other };
}

/** `file:line:col: severity: text`, the form editors and terminals link. */
export function formatMessage(m: LeanMessage): string {
  return `${m.file}:${m.line}:${m.column}: ${m.severity}: ${m.text}`;
}
