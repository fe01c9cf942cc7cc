/**
 * Runs one Lean compilation as a child process and returns its messages as data.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseLeanOutput, type LeanMessage } from "./messages.js";
import { leanThreadArgs, type Toolchain } from "./toolchain.js";

export interface CompileRequest {
  /** Absolute path of the `.lean` file. */
  file: string;
  /** Absolute path of the library's source root: module names are computed relative to it. */
  srcRoot: string;
  /** Absolute path of the `.olean` to write. */
  olean: string;
  /** Folders with already-built project `.olean` files (prepended to the standard library). */
  searchPath: string[];
  /** Working folder of the process (Lean writes profile data there). */
  cwd: string;
  timeoutMs: number;
  /** Lean options, e.g. `autoImplicit=false` (passed as `-D`). */
  options?: string[];
}

export interface CompileResult {
  exitCode: number | null;
  timedOut: boolean;
  seconds: number;
  messages: LeanMessage[];
  /** Output lines that were not messages nor known noise, and stderr (for failures). */
  diagnostics: string[];
  /**
   * CPU seconds (user + system, every thread) of the compile process, where the system reports
   * them (Linux); see `reapedChildCpuSeconds`.
   */
  cpuSeconds?: number;
}

/**
 * CPU seconds (user + system) of every child this process has reaped so far: fields 16 and 17
 * (`cutime`, `cstime`) of `/proc/self/stat`, in clock ticks of 1/100 s. They change only when a
 * child is reaped, so the difference between a reading at a child's exit and the reading at the
 * previous reap is that child's CPU time (unless two children exit in the same event-loop turn).
 * `undefined` off Linux.
 */
export function reapedChildCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cutime = Number(fields[13]);
    const cstime = Number(fields[14]);
    return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

let lastReapReading = reapedChildCpuSeconds();

export function compileFile(tc: Toolchain, req: CompileRequest): Promise<CompileResult> {
  const args = [...tc.prefixArgs, ...(tc.info.kind === "wasm" ? leanThreadArgs() : []), `--root=${req.srcRoot}`, ...(req.options ?? []).map((o) => `-D${o}`), "--json", "-o", req.olean, req.file];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...tc.env,
    LEAN_PATH: [...req.searchPath, ...tc.libDirs].join(path.delimiter),
  };
  if (tc.info.kind === "wasm") {
    env["LEAN_WASM_MOUNTS"] = minimalRoots([...(tc.env["LEAN_WASM_MOUNTS"] ?? "").split(":"), req.cwd, req.srcRoot, path.dirname(req.file), path.dirname(req.olean), ...req.searchPath]).join(":");
  }
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(tc.command, args, { cwd: req.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, req.timeoutMs);
    // Read the children's CPU time as soon as this child is reaped (`exit`), before `close`
    // (which waits for its output streams) lets another child's exit slip in between.
    let cpuSeconds: number | undefined;
    let read = false;
    const takeReading = () => {
      if (read) return;
      read = true;
      const reading = reapedChildCpuSeconds();
      if (reading !== undefined && lastReapReading !== undefined) cpuSeconds = Math.max(0, reading - lastReapReading);
      lastReapReading = reading;
    };
    const finish = (code: number | null) => {
      clearTimeout(timer);
      takeReading();
      const parsed = parseLeanOutput(stdout, req.file);
      const errLines = stderr.split(/\r?\n/).filter((l) => l.trim() && !/^\[DEBUG/.test(l));
      resolve({
        exitCode: code,
        timedOut,
        seconds: (performance.now() - started) / 1000,
        messages: parsed.messages,
        diagnostics: [...parsed.other, ...errLines].slice(0, 50).map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l)),
        ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
      });
    };
    child.on("error", (e) => {
      stderr += `\n${e.message}`;
      finish(null);
    });
    child.on("exit", takeReading);
    child.on("close", (code) => finish(code));
  });
}

/** Absolute folders with every folder inside another one dropped (mounting the outer one suffices). */
export function minimalRoots(dirs: string[]): string[] {
  const abs = [...new Set(dirs.filter(Boolean).map((d) => path.resolve(d)))].sort();
  return abs.filter((d) => !abs.some((o) => o !== d && (d.startsWith(o.endsWith("/") ? o : o + "/"))));
}
