/**
 * `npm run check [--claim ID] [--decl NAME] [--runs N] [--seed S] [--path P] [--out FILE] [--jobs J]`:
 * checks the Lean statements numerically (in `J` worker processes, default 2) and writes
 * `out/numeric.json`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { messageText } from "../diagnostics/index.js";
import { MIN_PREMISE_RUNS, weak } from "../report/verdict.js";
import { registryWithExport } from "../export/derive.js";
import { loadRegistry } from "../spec/load.js";
import type { Registry as ClaimsRegistry } from "../spec/types.js";
import { checkAll, type DriverOptions } from "../runner/driver.js";
import { readLibrary } from "../runner/library.js";
import type { NumericFile, NumericRecord } from "../runner/types.js";

export const DEFAULT_SEED = 20261127;

interface Args {
  claim?: string;
  decl?: string;
  runs?: number;
  seed: number;
  path?: string;
  out: string;
  jobs: number;
}

function parseArgs(argv: string[]): { ok: true; args: Args } | { ok: false; message: string } {
  const args: Args = { seed: DEFAULT_SEED, out: "out/numeric.json", jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    const need = (): string | undefined => {
      i++;
      return value;
    };
    switch (flag) {
      case "--claim":
        args.claim = need();
        break;
      case "--decl":
        args.decl = need();
        break;
      case "--path":
        args.path = need();
        break;
      case "--out":
        args.out = need() ?? args.out;
        break;
      case "--runs":
      case "--jobs":
      case "--seed": {
        const v = need();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || (flag === "--runs" && n < 1)) {
          return { ok: false, message: messageText("SYM402", flag, String(v)) };
        }
        if (flag === "--runs") args.runs = n;
        else if (flag === "--jobs") args.jobs = Math.max(1, n);
        else args.seed = n;
        break;
      }
      default:
        return { ok: false, message: messageText("SYM401", flag) };
    }
    if ((flag === "--claim" || flag === "--decl" || flag === "--path" || flag === "--out") && value === undefined) {
      return { ok: false, message: messageText("SYM402", flag, "") };
    }
  }
  return { ok: true, args };
}

function readPrevious(file: string): NumericFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as NumericFile;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`error: ${parsed.message}`);
    return 2;
  }
  const args = parsed.args;
  const root = process.cwd();
  const started = performance.now();
  const library = readLibrary(root);
  let claims: ClaimsRegistry | undefined;
  const specFile = path.join(root, "spec", "claims.json");
  if (existsSync(specFile)) {
    const r = loadRegistry(specFile, "spec/claims.json");
    if (r.ok) claims = r.value;
    else console.error(`note: ${messageText("SYM305", "spec/claims.json", r.diagnostics[0]?.message ?? "invalid")}`);
  }
  const outFile = path.resolve(root, args.out);
  // Hand-written builtins plus the definitions whose meaning is derived from out/export.json.
  const { registry, meaning } = registryWithExport(root);
  const previous = readPrevious(outFile);
  const opts: DriverOptions = {
    root,
    library,
    registry,
    seed: args.seed,
    previous: previous ?? { generatedAt: "", command: "", records: [] },
    onProgress: (line) => console.log(line),
    jobs: args.jobs,
  };
  if (claims) opts.claims = claims;
  if (args.claim) opts.claim = args.claim;
  if (args.decl) opts.declaration = args.decl;
  if (args.runs) opts.runs = args.runs;
  if (args.path) opts.path = args.path;
  const { records, notes } = await checkAll(opts);
  for (const n of notes) console.log(`note: ${n}`);
  // A partial run replaces only the records it produced.
  const filtered = Boolean(args.claim || args.decl);
  const kept: NumericRecord[] = filtered && previous ? previous.records.filter((r) => !records.some((x) => x.declaration === r.declaration)) : [];
  const all = [...kept, ...records].sort((a, b) => (a.claimId === b.claimId ? (a.declaration < b.declaration ? -1 : 1) : a.claimId < b.claimId ? -1 : 1));
  const command = ["npm run check --", ...(args.claim ? ["--claim", args.claim] : []), ...(args.runs ? ["--runs", String(args.runs)] : []), "--seed", String(args.seed)].join(" ");
  const file: NumericFile = { generatedAt: new Date().toISOString(), command, records: all, meaning };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(file, null, 2)}\n`);
  const count = (s: string): number => records.filter((r) => r.status === s).length;
  console.log(
    `${records.length} declarations in ${((performance.now() - started) / 1000).toFixed(1)}s: ${count("passed")} passed (${records.filter(weak).length} of them weak: premises held in fewer than ${MIN_PREMISE_RUNS} runs), ${count("counterexample")} counterexample, ${count("error")} error, ${count("unsupported")} unsupported → ${args.out}`,
  );
  console.log(
    `meaning of library constants: ${meaning.handWritten} hand-written, ${meaning.derived} derived from Lean bodies (${(meaning.derivedShare * 100).toFixed(1)}%)${meaning.exported ? "" : "; no out/export.json, run npm run prove"}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
