/**
 * Build traces, in the manner of lake's: a module is up to date when the hash of its source,
 * the toolchain and its imports' *interfaces* equals the one recorded when its `.olean` was
 * written, and its build products still have the recorded hash. A trace is written only after a
 * successful compile, atomically; anything unreadable or inconsistent means "rebuild", never
 * "trust".
 *
 * Early cutoff: an importer's input hash covers what it reads of its imports — the bytes of the
 * build products (`.olean`, `.olean.private`, `.olean.server`, `.ir`) of every module in its import
 * closure (Lean loads imports of imports too), hashed as each one's interface hash — and not their
 * sources. A module rebuilt after a change that
 * leaves those bytes identical (measured: a comment appended at the end of a file) does not
 * rebuild its importers. A change that moves declarations (a comment in the middle) changes the
 * recorded positions, hence the bytes, and the importers are rebuilt.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LeanMessage } from "../lean/messages.js";

export const TRACE_VERSION = 3;
/** Traces of the previous layout (input hash over the imports' own input hashes) are migrated. */
const LEGACY_TRACE_VERSION = 2;

export interface Trace {
  traceVersion: number;
  /** `false` records a compile that failed (deterministically: timeouts are never recorded). */
  ok: boolean;
  inputHash: string;
  oleanHash: string;
  /** Hash of every build product an importer can read (empty for a failure). */
  interfaceHash: string;
  seconds: number;
  messages: LeanMessage[];
  builtAt: string;
}

/** A trace of the previous layout: what is needed to check it and migrate it. */
export interface LegacyTrace {
  traceVersion: 2;
  ok: boolean;
  inputHash: string;
  oleanHash: string;
  seconds: number;
  messages: LeanMessage[];
  builtAt: string;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function tracePathFor(olean: string): string {
  return olean.replace(/\.olean$/, ".trace.json");
}

/** The build products an importer may read, in a fixed order. */
export function interfaceFiles(olean: string): string[] {
  return [olean, `${olean}.private`, `${olean}.server`, olean.replace(/\.olean$/, ".ir")];
}

/** Hash of a module's build products; `undefined` when its `.olean` is missing. */
export function interfaceHash(olean: string): string | undefined {
  const h = createHash("sha256");
  for (const f of interfaceFiles(olean)) {
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(f);
    } catch {
      if (f === olean) return undefined;
    }
    h.update(`${path.basename(f)}\0${bytes ? sha256(bytes) : "absent"}\0`);
  }
  return h.digest("hex");
}

/** The input hash of a module: toolchain, source, and the interface hash of each module it reads (its import closure). */
export function inputHash(toolchainFingerprint: string, source: string, imports: { name: string; interfaceHash: string }[]): string {
  const h = createHash("sha256");
  h.update(`trace ${TRACE_VERSION}\0toolchain\0${toolchainFingerprint}\0source\0${source}\0`);
  for (const { name, interfaceHash: ih } of [...imports].sort((a, b) => a.name.localeCompare(b.name))) {
    h.update(`import\0${name}\0${ih}\0`);
  }
  return h.digest("hex");
}

/** The input hash of the previous trace layout (each import's own input and `.olean` hash). */
export function legacyInputHash(toolchainFingerprint: string, source: string, importTraces: { name: string; trace: { inputHash: string; oleanHash: string } }[]): string {
  const h = createHash("sha256");
  h.update(`toolchain\0${toolchainFingerprint}\0source\0${source}\0`);
  for (const { name, trace } of [...importTraces].sort((a, b) => a.name.localeCompare(b.name))) {
    h.update(`import\0${name}\0${trace.inputHash}\0${trace.oleanHash}\0`);
  }
  return h.digest("hex");
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const x = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    return x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a trace; `undefined` for a missing, unreadable or foreign-version file. */
export function readTrace(olean: string): Trace | undefined {
  const t = readJson(tracePathFor(olean));
  if (!t || t["traceVersion"] !== TRACE_VERSION || typeof t["ok"] !== "boolean" || typeof t["inputHash"] !== "string" || typeof t["oleanHash"] !== "string" || typeof t["interfaceHash"] !== "string" || !Array.isArray(t["messages"])) {
    return undefined;
  }
  return t as unknown as Trace;
}

function readLegacyTrace(olean: string): LegacyTrace | undefined {
  const t = readJson(tracePathFor(olean));
  if (!t || t["traceVersion"] !== LEGACY_TRACE_VERSION || t["ok"] !== true || typeof t["inputHash"] !== "string" || typeof t["oleanHash"] !== "string" || !Array.isArray(t["messages"])) {
    return undefined;
  }
  return t as unknown as LegacyTrace;
}

export type CacheDecision =
  | { fresh: true; trace: Trace; legacy?: LegacyTrace }
  | { fresh: false; reason: string };

/**
 * Whether a module's recorded build can be reused. A recorded failure with the same inputs is
 * reused too (Lean is deterministic), so an unchanged broken module costs nothing on the next run.
 *
 * `legacyExpected` is the module's input hash in the previous trace layout, when every import's
 * was known: a valid trace of that layout is then migrated (the returned trace, to be written,
 * and the `legacy` one, from which importers compute theirs).
 */
export function decide(olean: string, expectedInput: string, legacyExpected?: string): CacheDecision {
  const trace = readTrace(olean);
  if (!trace) {
    const legacy = legacyExpected !== undefined ? readLegacyTrace(olean) : undefined;
    if (!legacy || legacy.inputHash !== legacyExpected) return { fresh: false, reason: "no valid trace" };
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(olean);
    } catch {
      return { fresh: false, reason: ".olean missing" };
    }
    const ih = interfaceHash(olean);
    if (sha256(bytes) !== legacy.oleanHash || ih === undefined) return { fresh: false, reason: ".olean changed since it was built" };
    const migrated: Trace = { ...legacy, traceVersion: TRACE_VERSION, inputHash: expectedInput, interfaceHash: ih };
    return { fresh: true, trace: migrated, legacy };
  }
  if (trace.inputHash !== expectedInput) return { fresh: false, reason: "source, imports or toolchain changed" };
  if (!trace.ok) return { fresh: true, trace };
  const ih = interfaceHash(olean);
  if (ih === undefined) return { fresh: false, reason: ".olean missing" };
  if (ih !== trace.interfaceHash) return { fresh: false, reason: ".olean changed since it was built" };
  return { fresh: true, trace };
}

/** Writes a file atomically (temporary file in the same folder, then rename). */
export function writeFileAtomic(file: string, data: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export function writeTrace(olean: string, trace: Omit<Trace, "traceVersion">): void {
  writeFileAtomic(tracePathFor(olean), JSON.stringify({ ...trace, traceVersion: TRACE_VERSION }) + "\n");
}

/** Removes a module's build products and trace (before a rebuild, or after a failure). */
export function invalidate(olean: string, keepTrace = false): void {
  for (const f of [...(keepTrace ? [] : [tracePathFor(olean)]), olean, `${olean}.private`, `${olean}.server`, olean.replace(/\.olean$/, ".ir"), olean.replace(/\.olean$/, ".ilean")]) {
    fs.rmSync(f, { force: true });
  }
}

/**
 * An exclusive lock on a build folder, so two builds at once cannot interleave their writes.
 * A lock left by a process that no longer exists is taken over.
 */
export async function acquireLock(dir: string, onWait: (pid: number) => void): Promise<() => void> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, ".build.lock");
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch {
      let pid = NaN;
      try {
        pid = Number(fs.readFileSync(file, "utf8"));
      } catch {
        continue;
      }
      let alive = false;
      if (Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = (e as NodeJS.ErrnoException).code === "EPERM";
        }
      }
      if (!alive) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (!told) {
        onWait(pid);
        told = true;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
