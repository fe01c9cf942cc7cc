/**
 * Survivors the budget cut short get a second, longer check (`cutShort`, `extendedBudget`); the
 * other survivors do not (more time cannot decide them).
 */
import { describe, expect, it } from "vitest";
import { MIN_MUTANT_PREMISE_RUNS } from "../../src/mutate/check.js";
import { cutShort, EXTENDED_TIME_FACTOR, extendedBudget } from "../../src/mutate/run.js";
import type { MutantOutcome } from "../../src/mutate/types.js";

const o = (x: Partial<MutantOutcome>): MutantOutcome => ({ status: "passed", seconds: 1, ...x });

describe("which survivors are checked again with a longer time limit", () => {
  it("retries a weak pass, an interrupted check and too many discarded runs", () => {
    expect(cutShort(o({ runs: 2, premisesHeld: 2 }))).toBe(true);
    expect(cutShort(o({ runs: 300, premisesHeld: MIN_MUTANT_PREMISE_RUNS - 1 }))).toBe(true);
    expect(cutShort(o({ status: "unsupported", message: "interrupted after 39 of 300 runs (time limit 2.5 s)" }))).toBe(true);
    expect(cutShort(o({ status: "unsupported", message: "too many discarded runs (30001 skipped of 30153)" }))).toBe(true);
  });

  it("does not retry a pass with its premises met, a division by zero, a potential counterexample, a harness error or an unsupported statement", () => {
    expect(cutShort(o({ runs: 300, premisesHeld: 300 }))).toBe(false);
    expect(cutShort(o({ runs: 300, premisesHeld: 20, undefinedSkipped: 5 }))).toBe(false);
    expect(cutShort(o({ status: "potential" }))).toBe(false);
    expect(cutShort(o({ status: "error", message: "interrupted after 1 of 300 runs" }))).toBe(false);
    expect(cutShort(o({ status: "unsupported", message: "no generator for `f : α → α`" }))).toBe(false);
  });

  it("keeps runs and seed and multiplies the time limit", () => {
    expect(extendedBudget({ runs: 300, seed: 7, timeLimitMs: 2500 })).toEqual({ runs: 300, seed: 7, timeLimitMs: 2500 * EXTENDED_TIME_FACTOR });
  });
});
