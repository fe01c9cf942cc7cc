/**
 * Traces of the previous layout (version 2) at their edges: each malformed field refuses the
 * migration ("no valid trace"), and each way the build products differ is named.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decide, legacyInputHash, sha256, tracePathFor } from "../../src/build/cache.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "legacy-trace-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const legacyHash = legacyInputHash("tc", "x", []);
function legacy(over: Record<string, unknown> = {}): string {
  const olean = path.join(dir, "L.olean");
  fs.writeFileSync(olean, "olean of L");
  fs.writeFileSync(tracePathFor(olean), JSON.stringify({ traceVersion: 2, ok: true, inputHash: legacyHash, oleanHash: sha256(fs.readFileSync(olean)), seconds: 1, messages: [], builtAt: "t", ...over }));
  return olean;
}

describe("a trace of the previous layout", () => {
  it("a well-formed one is migrated (the check the other cases differ from)", () => {
    expect(decide(legacy(), "new", legacyHash).fresh).toBe(true);
  });
  it.each([
    ["another version", { traceVersion: 1 }],
    ["a recorded failure", { ok: false }],
    ["an .olean hash that is not a string", { oleanHash: 5 }],
    ["messages that are not a list", { messages: "none" }],
  ])("with %s is not migrated: no valid trace", (_why, over) => {
    expect(decide(legacy(over), "new", legacyHash)).toEqual({ fresh: false, reason: "no valid trace" });
  });
  it("whose .olean is gone is rebuilt, saying so", () => {
    const olean = legacy();
    fs.rmSync(olean);
    expect(decide(olean, "new", legacyHash)).toEqual({ fresh: false, reason: ".olean missing" });
  });
  it("whose .olean changed is rebuilt, saying so", () => {
    const olean = legacy();
    fs.writeFileSync(olean, "tampered");
    expect(decide(olean, "new", legacyHash)).toEqual({ fresh: false, reason: ".olean changed since it was built" });
  });
});
