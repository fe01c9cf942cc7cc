/**
 * `npm run report [-- --claim ID] [--pin]`: joins spec/claims.json, out/proofs.json and
 * out/numeric.json into out/report.{json,md,html}. Exit 0 when every claim has its expected
 * verdict, 1 on a failure, conflict or mismatch, 2 on a usage problem or a missing input.
 */
import path from "node:path";
import { writeReports } from "../report/write.js";

const USAGE = `usage: npm run report -- [options]
  --claim ID       narrow the report to a claim (repeatable, or comma-separated)
  --pin            pin the current Lean statement hashes in spec/claims.json (do this on purpose,
                   after checking a changed statement still says what its claim says)
  --registry FILE  registry (default spec/claims.json)
  --proofs FILE    proof build output (default out/proofs.json)
  --numeric FILE   numeric check output (default out/numeric.json)
  --out DIR        output folder (default out)
  --quiet          print only problems
  --help           this text`;

/** The report stage as a function (`npm run verify` runs it in its own process); returns the exit code. */
export async function reportCli(argv: string[]): Promise<number> {
  const only: string[] = [];
  let pin = false;
  let quiet = false;
  const files: { registryFile?: string; proofsFile?: string; numericFile?: string; outDir?: string } = {};
  const valued: Record<string, keyof typeof files> = { "--registry": "registryFile", "--proofs": "proofsFile", "--numeric": "numericFile", "--out": "outDir" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      return 0;
    } else if (flag === "--pin") pin = true;
    else if (flag === "--quiet") quiet = true;
    else if (flag === "--claim") {
      const v = value();
      if (!v) {
        console.error(`error: --claim needs a claim id\n${USAGE}`);
        return 2;
      }
      only.push(...v.split(",").map((s) => s.trim()).filter(Boolean));
    } else if (valued[flag]) {
      const v = value();
      if (!v) {
        console.error(`error: ${flag} needs a value\n${USAGE}`);
        return 2;
      }
      files[valued[flag]] = v;
    } else {
      console.error(`error: unknown option ${a}\n${USAGE}`);
      return 2;
    }
  }
  const res = await writeReports({
    root: process.cwd(),
    ...files,
    ...(only.length ? { only } : {}),
    pin,
    log: (line) => {
      if (!quiet || /\b(error|warning)\b|expected|missing/.test(line)) console.log(line);
    },
  });
  if (!quiet) console.log(`report stage: ${res.millis.toFixed(0)} ms, exit ${res.exitCode}`);
  return res.exitCode;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  reportCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(2);
    },
  );
}
