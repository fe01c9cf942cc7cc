/**
 * Build traces, in the manner of lake's: a module is up to date when the hash of its source,
 * the toolchain and its imports' traces equals the one recorded when its `.olean` was written,
 * and that `.olean` still has the recorded hash. A trace is written only after a successful
 * compile, atomically; anything unreadable or inconsistent means "rebuild", never "trust".
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LeanMessage } from "../lean/messages.js";

const TRACE_VERSION = 2;

export interface Trace {
  traceVersion: number;
  /** `false` records a compile that failed (deterministically: timeouts are never recorded). */
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

/** The input hash of a module: toolchain, source, and each import's own trace. */
export function inputHash(toolchainFingerprint: string, source: string, importTraces: { name: string; trace: Trace }[]): string {
  const h = createHash("sha256");
  h.update(`toolchain\0${toolchainFingerprint}\0source\0${source}\0`);
  for (const { name, trace } of [...importTraces].sort((a, b) => a.name.localeCompare(b.name))) {
    h.update(`import\0${name}\0${trace.inputHash}\0${trace.oleanHash}\0`);
  }
  return h.digest("hex");
}

/** Reads a trace; `undefined` for a missing, unreadable or foreign-version file. */
export function readTrace(olean: string): Trace | undefined {
  try {
    const t = JSON.parse(fs.readFileSync(tracePathFor(olean), "utf8")) as Partial<Trace>;
    if (t.traceVersion !== TRACE_VERSION || typeof t.ok !== "boolean" || typeof t.inputHash !== "string" || typeof t.oleanHash !== "string" || !Array.isArray(t.messages)) {
      return undefined;
    }
    return t as Trace;
  } catch {
    return undefined;
  }
}

export type CacheDecision = { fresh: true; trace: Trace } | { fresh: false; reason: string };

/**
 * Whether a module's recorded build can be reused. A recorded failure with the same inputs is
 * reused too (Lean is deterministic), so an unchanged broken module costs nothing on the next run.
 */
export function decide(olean: string, expectedInput: string): CacheDecision {
  const trace = readTrace(olean);
  if (!trace) return { fresh: false, reason: "no valid trace" };
  if (trace.inputHash !== expectedInput) return { fresh: false, reason: "source, imports or toolchain changed" };
  if (!trace.ok) return { fresh: true, trace };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(olean);
  } catch {
    return { fresh: false, reason: ".olean missing" };
  }
  if (sha256(bytes) !== trace.oleanHash) return { fresh: false, reason: ".olean changed since it was built" };
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
  writeFileAtomic(tracePathFor(olean), JSON.stringify({ traceVersion: TRACE_VERSION, ...trace }) + "\n");
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
