/**
 * A warm Lean for one file: one `lean --worker` process (Lean's per-file language server) kept on
 * the file, fed the Language Server Protocol over stdin. After the first check has loaded the
 * imports, each new text is re-elaborated incrementally (only the commands after the first change
 * run again). Needs the toolchain's `stdin-bytes` patch: stdin is a pipe here, and the worker's
 * output is read raw (`LEAN_WASM_RAW_STDIO`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { RAW_STDIO_ENV } from "./patch.js";
import type { LeanMessage, Severity } from "./messages.js";
import { minimalRoots } from "./run.js";
import type { Toolchain } from "./toolchain.js";

export interface WorkerOptions {
  /** Absolute path of the `.lean` file. */
  file: string;
  /** Folders with the project's built `.olean` files. */
  searchPath: string[];
  /** Working folder of the process. */
  cwd: string;
  /** File name used in the messages (e.g. relative to the project root). */
  displayName?: string;
  /** Lean options (`autoImplicit=false`), passed as `-D`. */
  options?: string[];
}

export interface CheckResult {
  version: number;
  messages: LeanMessage[];
  /** Seconds from sending the text to the worker's report that it finished. */
  seconds: number;
}

interface LspPosition {
  line: number;
  character: number;
}
interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition };
  severity?: number;
  message: string;
}

const SEVERITY: Record<number, Severity> = { 1: "error", 2: "warning", 3: "information", 4: "information" };

/** Splits a byte stream into LSP messages; tolerates stray `[DEBUG…]` lines between them. */
export class LspReader {
  private buf = Buffer.alloc(0);
  push(chunk: Buffer): unknown[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: unknown[] = [];
    for (;;) {
      const head = this.buf.indexOf("Content-Length: ");
      if (head < 0) {
        // keep a possible partial header
        const nl = this.buf.lastIndexOf("\n");
        if (nl >= 0) this.buf = this.buf.subarray(nl + 1);
        break;
      }
      const end = this.buf.indexOf("\r\n\r\n", head);
      if (end < 0) break;
      const n = Number(this.buf.subarray(head + 16, end).toString("latin1").trim());
      let start = end + 4;
      // A debug line printed by another thread between the header and the body.
      while (this.buf.subarray(start, start + 6).toString("latin1") === "[DEBUG") {
        const nl = this.buf.indexOf("\n", start);
        if (nl < 0) return out;
        start = nl + 1;
      }
      if (!Number.isFinite(n) || this.buf.length < start + n) break;
      const body = this.buf.subarray(start, start + n).toString("utf8");
      this.buf = this.buf.subarray(start + n);
      try {
        out.push(JSON.parse(body) as unknown);
      } catch {
        /* not a message: skip it */
      }
    }
    return out;
  }
}

export class LeanWorker {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly uri: string;
  private readonly reader = new LspReader();
  private version = 0;
  private diagnostics = new Map<number, LspDiagnostic[]>();
  private waiting: { version: number; request: number; started: number; resolve: (r: CheckResult) => void; reject: (e: Error) => void } | undefined;
  private exited: string | undefined;
  private stderr = "";

  constructor(
    tc: Toolchain,
    private readonly opts: WorkerOptions,
  ) {
    this.uri = pathToFileURL(opts.file).href;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...tc.env,
      LEAN_PATH: [...opts.searchPath, ...tc.libDirs].join(path.delimiter),
      [RAW_STDIO_ENV]: "1",
    };
    if (tc.info.kind === "wasm") {
      env["LEAN_WASM_MOUNTS"] = minimalRoots([...(tc.env["LEAN_WASM_MOUNTS"] ?? "").split(":"), opts.cwd, path.dirname(opts.file), ...opts.searchPath]).join(":");
    }
    const args = [...tc.prefixArgs, ...(opts.options ?? []).map((o) => `-D${o}`), "--worker", this.uri];
    this.child = spawn(tc.command, args, { cwd: opts.cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (d: Buffer) => {
      for (const m of this.reader.push(d)) this.onMessage(m as Record<string, unknown>);
    });
    this.child.stderr.on("data", (d: Buffer) => {
      this.stderr = (this.stderr + d.toString("utf8")).slice(-4000);
    });
    this.child.stdin.on("error", () => {
      /* reported through the exit */
    });
    this.child.on("exit", (code, signal) => {
      const tail = this.stderr
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith("[DEBUG"))
        .slice(-3)
        .join(" | ");
      this.exited = `the Lean worker exited (${signal ?? `code ${code}`})${tail ? `: ${tail}` : ""}`;
      this.waiting?.reject(new Error(this.exited));
      this.waiting = undefined;
    });
    this.send({ id: 0, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } });
  }

  private send(m: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...m }), "utf8");
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "latin1"), body]));
  }

  private onMessage(m: Record<string, unknown>): void {
    const params = m["params"] as Record<string, unknown> | undefined;
    if (m["method"] === "textDocument/publishDiagnostics" && params) {
      const v = typeof params["version"] === "number" ? params["version"] : this.version;
      this.diagnostics.set(v, (params["diagnostics"] as LspDiagnostic[]) ?? []);
      return;
    }
    // A request of the worker to its client (`workspace/semanticTokens/refresh`): acknowledge it.
    if (typeof m["method"] === "string" && m["id"] !== undefined) {
      this.send({ id: m["id"], result: null });
      return;
    }
    // The answer to `textDocument/waitForDiagnostics`: every message of that version was sent.
    const w = this.waiting;
    if (w && m["id"] === w.request && m["method"] === undefined) {
      if (m["error"]) {
        this.waiting = undefined;
        w.reject(new Error(`the Lean worker refused the check: ${JSON.stringify(m["error"])}`));
      } else this.finish(w);
    }
  }

  private finish(w: NonNullable<LeanWorker["waiting"]>): void {
    if (this.waiting !== w) return;
    this.waiting = undefined;
    const name = this.opts.displayName ?? this.opts.file;
    const messages = (this.diagnostics.get(w.version) ?? []).map((d) => toMessage(name, d));
    w.resolve({ version: w.version, messages, seconds: (performance.now() - w.started) / 1000 });
  }

  /** Checks `text` as the file's new content; resolves when the worker has finished it. */
  check(text: string): Promise<CheckResult> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    if (this.waiting) this.waiting.reject(new Error("superseded by a newer text"));
    this.version++;
    const version = this.version;
    const request = version; // request ids: 0 is `initialize`
    const result = new Promise<CheckResult>((resolve, reject) => {
      this.waiting = { version, request, started: performance.now(), resolve, reject };
    });
    if (version === 1) this.send({ method: "textDocument/didOpen", params: { textDocument: { uri: this.uri, languageId: "lean4", version, text } } });
    else this.send({ method: "textDocument/didChange", params: { textDocument: { uri: this.uri, version }, contentChanges: [{ text }] } });
    // Lean's own request for "answer when the diagnostics of this version are complete".
    this.send({ id: request, method: "textDocument/waitForDiagnostics", params: { uri: this.uri, version } });
    return result;
  }

  /** The worker process's resident memory in MB (Linux), `undefined` when unknown. */
  residentMegabytes(): number | undefined {
    return procStatus(this.child.pid, /VmRSS:\s+(\d+) kB/, (kb) => Math.round(kb / 1024));
  }

  /**
   * The worker process's threads (Linux), `undefined` when unknown. With the embedded toolchain
   * each thread Lean starts is one more WebAssembly instance (about half a gigabyte).
   */
  threadCount(): number | undefined {
    return procStatus(this.child.pid, /Threads:\s+(\d+)/, (n) => n);
  }

  /** Stops the worker process. */
  close(): void {
    if (this.exited) return;
    this.child.stdin.end();
    this.child.kill("SIGKILL");
  }
}

function procStatus(pid: number | undefined, re: RegExp, f: (n: number) => number): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = re.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? f(Number(m[1])) : undefined;
  } catch {
    return undefined;
  }
}

/** An LSP diagnostic as a `LeanMessage` (1-based lines and columns; `hasSorry` for sorry warnings). */
export function toMessage(file: string, d: LspDiagnostic): LeanMessage {
  const severity = SEVERITY[d.severity ?? 1] ?? "error";
  return {
    severity,
    kind: severity === "warning" && /declaration uses ['`]sorry['`]/.test(d.message) ? "hasSorry" : "",
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    text: d.message,
  };
}
