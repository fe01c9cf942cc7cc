/**
 * Runs one Lean compilation as a child process and returns its messages as data.
 */
import { spawn } from "node:child_process";
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
}

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
    const finish = (code: number | null) => {
      clearTimeout(timer);
      const parsed = parseLeanOutput(stdout, req.file);
      const errLines = stderr.split(/\r?\n/).filter((l) => l.trim() && !/^\[DEBUG/.test(l));
      resolve({
        exitCode: code,
        timedOut,
        seconds: (performance.now() - started) / 1000,
        messages: parsed.messages,
        diagnostics: [...parsed.other, ...errLines].slice(0, 50).map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l)),
      });
    };
    child.on("error", (e) => {
      stderr += `\n${e.message}`;
      finish(null);
    });
    child.on("close", (code) => finish(code));
  });
}

/** Absolute folders with every folder inside another one dropped (mounting the outer one suffices). */
export function minimalRoots(dirs: string[]): string[] {
  const abs = [...new Set(dirs.filter(Boolean).map((d) => path.resolve(d)))].sort();
  return abs.filter((d) => !abs.some((o) => o !== d && (d.startsWith(o.endsWith("/") ? o : o + "/"))));
}
