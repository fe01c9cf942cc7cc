/**
 * Runs whose premises are never (or seldom) met: fast-check gives up, and the record must say
 * so instead of claiming a pass.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "../../src/runner/driver.js";
import { decideVerdict } from "../../src/report/verdict.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/runner/fixtures/Discards.lean";
const text = [
  "namespace Sym",
  "variable {α : Type} [Lean.Grind.Field α] [LE α] [LT α]",
  "/-- X9.1: a premise no value meets, and a false conclusion. -/",
  "theorem never_met (t : α) (h : t < t) : t = t + 1 := sorry",
  "/-- X9.2: a premise most values meet. -/",
  "theorem mostly_met (t : α) (h : t ≠ 3) : t + 0 = t := sorry",
  "end Sym",
].join("\n");

describe("fast-check giving up after too many discarded runs", () => {
  it("is recorded as unsupported with the discard count, never as passed", async () => {
    const r = await checkSource(root, defaultRegistry, file, text, "Sym.never_met", { runs: 20, seed: 3 });
    expect(r.status).toBe("unsupported");
    expect(r.message).toMatch(/^too many discarded runs \(\d+ skipped of \d+\); the premises are rarely satisfied$/);
    expect(r.skips).toBeGreaterThan(0);
    expect(r.runs).toBe(r.skips);
    expect(r.counterexample).toBeUndefined();
  });

  it("so the claim gets no numeric support from it", async () => {
    const r = await checkSource(root, defaultRegistry, file, text, "Sym.never_met", { runs: 20, seed: 3 });
    const v = decideVerdict({ claim: { id: "X9.1", truth: "true" }, declarations: [], numeric: [r] });
    expect(v.verdict).toBe("failing");
  });

  it("a premise met by most values passes, counting the discarded runs apart", async () => {
    const r = await checkSource(root, defaultRegistry, file, text, "Sym.mostly_met", { runs: 200, seed: 3 });
    expect(r.status).toBe("passed");
    expect(r.runs - r.skips).toBe(200);
    expect(r.message).toContain("h: filtered");
  });
});
