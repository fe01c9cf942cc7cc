import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const mutate = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/mutate.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });

describe("npm run mutate: usage problems exit 2 with a message, never a stack trace", () => {
  it("rejects a run count that is not a positive integer", () => {
    const r = mutate("--runs", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--runs needs a positive integer, got `0`");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it("rejects an unknown option and an unknown claim", () => {
    expect(mutate("--frobnicate").status).toBe(2);
    const r = mutate("--claim", "Z9.9");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown claim Z9.9");
  });
});
