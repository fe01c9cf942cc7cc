import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/check.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
}

describe("npm run check: bad arguments", () => {
  it("rejects an unknown option with its code and exit status 2", () => {
    const r = run(["--frobnicate"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option --frobnicate");
  });
  it("rejects a run count that is not a positive integer", () => {
    const r = run(["--runs", "0"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("invalid value for --runs: 0");
  });
  it("reports a claim without checked declarations and writes to the given file", () => {
    const out = "out/test/numeric-unknown-claim.json";
    const r = run(["--claim", "Q9.99", "--out", out, "--jobs", "1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("no checked declaration for claim `Q9.99`");
    expect(r.stdout).toContain(`0 declarations`);
  });
});
