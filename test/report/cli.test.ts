import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tempProject } from "./helpers.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function run(args: string[], cwd: string) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/report.ts"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
}

/** The temporary project's inputs and output folder, as absolute paths (tsx resolves from the repository). */
const paths = (dir: string) => ["--registry", path.join(dir, "spec/claims.json"), "--proofs", path.join(dir, "out/proofs.json"), "--numeric", path.join(dir, "out/numeric.json"), "--out", path.join(dir, "out")];

describe("npm run report (src/cli/report.ts)", () => {
  it("exits 2 on an unknown option, with the usage", () => {
    const r = run(["--bogus"], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option --bogus");
    expect(r.stderr).toContain("usage: npm run report");
  });

  it("narrows with --claim and exits 0 when those claims have their expected verdicts", () => {
    const dir = tempProject();
    temps.push(dir);
    const r = run(["--claim", "A3.3,A3.4", ...paths(dir)], ROOT);
    expect(r.stdout).toContain("2 claims: 1 refuted, 1 suspect; 2 as expected.");
    expect(r.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out/report.json"), "utf8")).only).toEqual(["A3.3", "A3.4"]);
  });

  it("says which stage to run when out/proofs.json is missing, and exits 2", () => {
    const dir = tempProject({ proofs: false });
    temps.push(dir);
    const r = run(paths(dir), ROOT);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`${path.join(dir, "out/proofs.json")} is missing: run \`npm run prove\` first`);
  });
});
