/**
 * The status and the fields of a numeric record, decided by `runWith`, `evaluate` and the two
 * counterexample re-checks (`src/runner/check.ts`), on hand-built property modules: no Lean text
 * is parsed, so each case states exactly which branch it takes.
 */
import { describe, expect, it } from "vitest";
import { evaluate, recheckCounterexample, recheckPrecisely, runWith } from "../../src/runner/check.js";
import type { Env, PremiseSpec, PropertyModule, VariableSpec } from "../../src/runner/property.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import type { Registry } from "../../src/semantics/registry.js";
import { matrix, vector } from "../../src/semantics/value.js";

const base = { claimId: "T1", declaration: "Test.m", handWritten: true };
const X: VariableSpec = { name: "x", key: "x", type: { k: "scalar" }, constraint: "none", lean: "α" };

function mod(over: Partial<PropertyModule<Env>> & { mode?: "exact" | "float" } = {}): PropertyModule<Env> {
  const { mode = "exact", ...rest } = over;
  return {
    meta: { declaration: "Test.m", claimId: "T1", source: "test", mode, statement: "P x" },
    variables: [X],
    assignments: [],
    premises: [],
    conclusion: () => true,
    ...rest,
  };
}
const exact = (): Runtime => new Runtime("exact", defaultRegistry);
const float = (): Runtime => new Runtime("float", defaultRegistry);
/** The number a generated scalar stands for, in either mode. */
const num = ($: Runtime, x: V): number => $.F.toNumber(x as never);
/** Spins for `ms` milliseconds (a property slow enough for the time limit). */
const spin = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
};
/** `runWith` with the wall time it took, to bound the record's `seconds`. */
const timed = (...args: Parameters<typeof runWith>): { r: ReturnType<typeof runWith>; wall: number } => {
  const t0 = performance.now();
  const r = runWith(...args);
  return { r, wall: (performance.now() - t0) / 1000 };
};
const premise = (over: Partial<PremiseSpec<Env>>): PremiseSpec<Env> => ({ name: "h", kind: "filter", lean: "0 ≤ x", ...over });

describe("runWith: the fields of a passed record", () => {
  it("counts runs with their discards, the premises held and a discard rate rounded to four decimals", () => {
    const $ = exact();
    const m = mod({ premises: [premise({ holds: ($$, v) => num($$, v["x"] as V) >= 0 })] });
    const { r, wall } = timed($, defaultRegistry, m, { runs: 300, seed: 11 }, base);
    expect(r.status).toBe("passed");
    expect(r.seconds).toBeLessThanOrEqual(wall + 0.01);
    expect(r.runs - r.skips).toBe(300);
    expect(r.premisesHeld).toBe(300);
    expect(r.skips).toBeGreaterThan(0);
    expect(r.discardRate).toBe(Math.round((r.skips / r.runs) * 1e4) / 1e4);
    expect(r).toMatchObject({ claimId: "T1", declaration: "Test.m", mode: "exact", seed: 11, maxResidual: 0, interrupted: false, coverage: "sampled" });
    expect(r.tolerance).toBeUndefined();
    expect(r.message).toBe("h: filtered");
    expect(r.inconclusiveRuns).toBeUndefined();
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(r.seconds).toBeLessThan(60);
    expect(Math.abs(r.seconds * 100 - Math.round(r.seconds * 100))).toBeLessThan(1e-6);
  });

  it("gives a discard rate of 0, not NaN, when no run was made", () => {
    const r = runWith(exact(), defaultRegistry, mod(), { runs: 0, seed: 1 }, base);
    expect(r.runs).toBe(0);
    expect(r.discardRate).toBe(0);
  });

  it("records the float tolerance and the largest residual in float mode only", () => {
    const $ = float();
    // 0.1 + 0.2 = 0.3 holds within the tolerance, with a residual of a few ulps.
    const m = mod({ mode: "float", conclusion: ($$) => $$.eq($$.add($$.num("0.1"), $$.num("0.2")), $$.num("0.3")) });
    const r = runWith($, defaultRegistry, m, { runs: 20, seed: 1 }, base);
    expect(r.status).toBe("passed");
    expect(r.mode).toBe("float");
    expect(r.tolerance).toBe($.F.tolerance);
    expect(r.maxResidual).toBeGreaterThan(0);
    expect(r.maxResidual).toBe($.ctx.maxResidual);
  });

  it("lists every premise kind in the message, in order", () => {
    const premises: PremiseSpec<Env>[] = [
      premise({ name: "h1", kind: "generated", holds: () => true }),
      premise({ name: "h2", kind: "assigned", holds: () => true }),
      premise({ name: "h3", kind: "filter", holds: () => true }),
      premise({ name: "h4", kind: "contrapositive", violated: () => false }),
      premise({ name: "h5", kind: "solved", holds: () => true }),
    ];
    const $ = new Runtime("exact", defaultRegistry, { forall: 5, exists: 7 });
    const r = runWith($, defaultRegistry, mod({ premises }), { runs: 10, seed: 1 }, base);
    expect(r.message).toBe(
      "h1: generated; h2: assigned; h3: filtered; h4: contrapositive (witness budget 7); h5: solved for its unknown (Q S with Q from the generator of Sym.IsOrthogonal and SᵀS = c I), still checked",
    );
  });

  it("names the searches that ran, sorted and joined", () => {
    const m = mod({
      conclusion: ($) => {
        $.searches.add("∀ b");
        $.searches.add("∃ a");
        $.searches.add("∀ a");
        return true;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 5, seed: 1 }, base);
    expect(r.search).toBe("∀ a; ∀ b; ∃ a");
    expect(runWith(exact(), defaultRegistry, mod(), { runs: 5, seed: 1 }, base).search).toBeUndefined();
  });
});

describe("runWith: closed statements", () => {
  it("evaluates a statement without variables once and calls the single evaluation exhaustive", () => {
    let calls = 0;
    const m = mod({ variables: [], conclusion: () => (calls++, true) });
    const r = runWith(exact(), defaultRegistry, m, { runs: 500, seed: 1 }, base);
    expect(r).toMatchObject({ status: "passed", runs: 1, skips: 0, coverage: "exhaustive" });
    expect(calls).toBe(1);
    expect(r.message).toBe("closed statement (no variables): one deterministic evaluation");
  });

  it("calls a closed statement whose ∃ search found nothing inconclusive, saying both", () => {
    const m = mod({
      variables: [],
      conclusion: ($) => {
        $.exhausted = true;
        return false;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 500, seed: 1 }, base);
    expect(r).toMatchObject({ status: "inconclusive", runs: 1, inconclusiveRuns: 1 });
    expect(r.message).toBe(
      "closed statement (no variables): one deterministic evaluation; 1 runs inconclusive (no ∃-witness within 96 candidates: a failed search is no evidence)",
    );
  });

  it("calls a closed proposition the registry checks by its own search a sample, not exhaustive", () => {
    const registry = { get: (name: string) => (name === "Test.m" ? { params: [] } : undefined) } as unknown as Registry;
    const r = runWith(exact(), registry, mod({ variables: [] }), { runs: 500, seed: 1 }, base);
    expect(r.coverage).toBe("sampled");
    expect(r.message).toBe("closed proposition checked by the semantics registry's own search (a sample)");
  });

  it("does not retry a closed statement whose premise fails: one discard, unsupported", () => {
    const m = mod({ variables: [], premises: [premise({ holds: () => false })] });
    const r = runWith(exact(), defaultRegistry, m, { runs: 500, seed: 1 }, base);
    expect(r.status).toBe("unsupported");
    expect(r.runs).toBe(1);
    expect(r.skips).toBe(1);
    expect(r.message).toBe("too many discarded runs (1 skipped of 1); the premises are rarely satisfied");
  });

  it("keeps the variables an assignment fixes out of the closed test: a statement whose only variable is assigned is closed", () => {
    const m = mod({ assignments: [{ key: "x", value: ($) => $.num("2") }], conclusion: ($, v) => num($, v["x"] as V) === 2 });
    const r = runWith(exact(), defaultRegistry, m, { runs: 50, seed: 1 }, base);
    expect(r).toMatchObject({ status: "passed", runs: 1, coverage: "exhaustive" });
  });
});

describe("runWith: unsupported, error and discarded runs", () => {
  it("is unsupported, with the reason, when a variable has no generator", () => {
    const m = mod({ variables: [{ name: "p", key: "p", type: { k: "prop" }, constraint: "none", lean: "Prop" }] });
    const { r, wall } = timed(exact(), defaultRegistry, m, { runs: 10, seed: 1 }, base);
    expect(r).toMatchObject({ status: "unsupported", message: "no generator for `p : Prop`", runs: 0, skips: 0 });
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(r.seconds).toBeLessThanOrEqual(wall + 0.01);
    expect(r.counterexample).toBeUndefined();
  });

  it("is unsupported when fast-check gives up on discards and few of them were failed ∃ searches", () => {
    let k = 0;
    const m = mod({
      // The premise fails three times in four; every run that meets it is a failed ∃ search.
      premises: [premise({ holds: () => k++ % 4 === 0 })],
      conclusion: ($) => {
        $.exhausted = true;
        return false;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 5, seed: 1 }, base);
    expect(r.status).toBe("unsupported");
    // fast-check allows 100 discards per run before it gives up.
    expect(r.skips).toBeGreaterThan(500);
    expect(r.skips).toBeLessThan(510);
    expect(r.inconclusiveRuns).toBeGreaterThan(0);
    expect(r.inconclusiveRuns! * 2).toBeLessThan(r.skips);
    expect(r.message).toBe(`too many discarded runs (${r.skips} skipped of ${r.runs}); the premises are rarely satisfied`);
  });

  it("is inconclusive when fast-check gives up on discards and most of them were failed ∃ searches", () => {
    let k = 0;
    // The premise holds three times in four; every run that meets it is a failed ∃ search.
    const m = mod({
      premises: [premise({ holds: () => k++ % 4 !== 0 })],
      conclusion: ($) => {
        $.exhausted = true;
        return false;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 5, seed: 1 }, base);
    expect(r.inconclusiveRuns! * 2).toBeGreaterThanOrEqual(r.skips);
    expect(r.status).toBe("inconclusive");
    expect(r.message).toMatch(/^h: filtered; \d+ runs inconclusive \(no ∃-witness within 96 candidates: a failed search is no evidence\)$/);
  });

  it("turns an exception of the property into an error record without premise notes", () => {
    const m = mod({
      premises: [premise({ holds: () => true })],
      conclusion: () => {
        throw new Error("boom");
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 10, seed: 1 }, base);
    expect(r.status).toBe("error");
    expect(r.message).toBe("the property threw: boom");
    expect(r.recheck).toBeUndefined();
    expect(r.counterexample).toEqual({ x: "0" });
  });
});

describe("runWith: counterexamples", () => {
  it("makes a counterexample whose assignments throw when it is replayed an error record", () => {
    let calls = 0;
    const m = mod({
      variables: [],
      assignments: [
        {
          key: "y",
          value: ($) => {
            // fast-check evaluates the failing property twice; the third call is the replay.
            if (calls++ > 1) throw new Error("unstable");
            return $.num("1");
          },
        },
      ],
      conclusion: () => false,
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 1, seed: 1 }, base);
    expect(r.status).toBe("error");
    expect(r.message).toBe("the property threw: Error: unstable");
    expect(r.recheck).toBeUndefined();
  });

  it("records the shrunk counterexample, its replay path and the shrink count, and the premise notes", () => {
    const m = mod({ premises: [premise({ holds: () => true })], conclusion: ($, v) => num($, v["x"] as V) < 3 });
    const r = runWith(exact(), defaultRegistry, m, { runs: 200, seed: 5 }, base);
    expect(r.status).toBe("counterexample");
    expect(r.recheck).toBe("exact");
    expect(r.counterexample).toEqual({ x: "3" });
    expect(r.shrinks).toBeGreaterThan(0);
    expect(r.path).toMatch(/^\d+(:\d+)*$/);
    expect(r.message).toBe("h: filtered");
    // The path replays the same counterexample.
    const again = runWith(exact(), defaultRegistry, m, { runs: 200, seed: 5, path: r.path! }, base);
    expect(again.counterexample).toEqual({ x: "3" });
    // A rarely failing statement: the path replays the failing run alone, not the runs before it.
    const rare = mod({ conclusion: ($, v) => num($, v["x"] as V) !== 7 / 2 });
    const first = runWith(exact(), defaultRegistry, rare, { runs: 1000, seed: 5 }, base);
    expect(first.status).toBe("counterexample");
    expect(first.runs).toBeGreaterThan(1);
    expect(runWith(exact(), defaultRegistry, rare, { runs: 1000, seed: 5, path: first.path! }, base).runs).toBe(1);
  });

  it("replays a stored counterexample first and reports one that no longer fails, with seed and path", () => {
    const failing = mod({ conclusion: ($, v) => num($, v["x"] as V) !== 7 / 2 });
    const hit = runWith(exact(), defaultRegistry, failing, { runs: 1, seed: 9, examples: [{ x: "7/2" }] }, base);
    expect(hit.status).toBe("counterexample");
    expect(hit.counterexample).toEqual({ x: "7/2" });
    const fixed = runWith(exact(), defaultRegistry, mod({ premises: [premise({ kind: "generated", holds: () => true })] }), { runs: 5, seed: 9, examples: [{ x: "7/2" }] }, base);
    expect(fixed.status).toBe("passed");
    expect(fixed.message).toBe("seed 9 with path - did not reproduce the stored counterexample; h: generated");
    const withPath = runWith(exact(), defaultRegistry, mod(), { runs: 5, seed: 9, path: "0" }, base);
    expect(withPath.message).toBe("seed 9 with path 0 did not reproduce the stored counterexample");
    // A stored example that does not fit the variables is dropped: no replay, no message.
    const unfit = runWith(exact(), defaultRegistry, mod(), { runs: 5, seed: 9, examples: [{ y: "1" }] }, base);
    expect(unfit.message).toBeUndefined();
  });

  it("labels a float counterexample that 60-digit decimals do not confirm potential, with the reason as its message", () => {
    const big = 1e16;
    const cancel = mod({
      mode: "float",
      premises: [premise({ kind: "generated", holds: () => true })],
      conclusion: ($) => $.F.eq($.F.sub($.F.add($.F.fromNumber(big), $.F.one), $.F.fromNumber(big)), $.F.one),
    });
    const r = runWith(float(), defaultRegistry, cancel, { runs: 10, seed: 1 }, base);
    expect(r.status).toBe("potential");
    expect(r.message).toBe("not confirmed with 60-digit decimals: the statement holds there; h: generated");
  });

  it("makes a counterexample that does not re-check a harness error with the detail", () => {
    let calls = 0;
    const m = mod({ conclusion: () => calls++ > 0 });
    const r = runWith(exact(), defaultRegistry, m, { runs: 10, seed: 1 }, base);
    expect(r.status).toBe("harness-error");
    expect(r.message).toBe(
      `harness error: the counterexample ${JSON.stringify(r.counterexample)} does not re-check exactly: the statement holds there; not evidence (the harness contradicts itself on this input)`,
    );
  });
});

describe("runWith: the time limit", () => {
  it("says a run was interrupted, after how many runs and at which limit, and stays passed when runs were checked", () => {
    const m = mod({ premises: [premise({ kind: "generated", holds: () => true })], conclusion: () => (spin(4), true) });
    const r = runWith(exact(), defaultRegistry, m, { runs: 10_000, seed: 1, timeLimitMs: 60 }, base);
    expect(r.status).toBe("passed");
    expect(r.interrupted).toBe(true);
    expect(r.message).toBe(`interrupted after ${r.premisesHeld} of 10000 runs (time limit 0.06 s); h: generated`);
    // Stopped at the stated limit, not at the default of 4 s.
    expect(r.seconds).toBeLessThan(2);
    expect(r.runs).toBeLessThan(10_000);
  });

  it("is unsupported when the time limit stopped a run whose premises were almost never met", () => {
    // Met once in twenty evaluations: a few runs are checked, nineteen in twenty are discarded.
    // Met once in ten evaluations; of the runs that meet it, every other one is a failed ∃ search.
    let k = 0;
    let c = 0;
    const m = mod({
      premises: [premise({ holds: () => (spin(2), k++ % 10 === 0) })],
      conclusion: ($) => {
        if (c++ % 2 === 0) return true;
        $.exhausted = true;
        return false;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 1000, seed: 1, timeLimitMs: 200 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBeGreaterThan(0);
    expect(r.inconclusiveRuns).toBeGreaterThan(0);
    expect(r.status).toBe("unsupported");
    expect(r.message).toBe(`too many discarded runs (${r.skips} skipped, ${r.premisesHeld} checked); the premises are rarely satisfied`);
  });

  it("stops at the time limit and reports every run it made when none met the premises", () => {
    const m = mod({ premises: [premise({ holds: () => (spin(3), false) })] });
    const r = runWith(exact(), defaultRegistry, m, { runs: 1000, seed: 1, timeLimitMs: 60 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.status).toBe("unsupported");
    expect(r.runs).toBe(r.skips);
    expect(r.runs).toBeLessThan(1000);
  });

  it("is inconclusive when the time limit stopped a run whose discards were failed ∃ searches", () => {
    const m = mod({
      conclusion: ($) => {
        spin(3);
        $.exhausted = true;
        return false;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 1000, seed: 1, timeLimitMs: 60 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.status).toBe("inconclusive");
    expect(r.inconclusiveRuns).toBe(r.skips);
  });

  it("keeps a passed status when an interrupted run checked at least a tenth of its runs, however many it discarded", () => {
    // Met by the first two evaluations, then once in forty: two of the ten runs are checked at
    // once (a tenth, unless the machine stalls for most of the time limit), ten would need some
    // 320 evaluations of 4 ms, over twice the limit.
    let k = 0;
    const m = mod({
      premises: [
        premise({
          holds: () => {
            spin(4);
            const i = k++;
            return i < 2 || i % 40 === 0;
          },
        }),
      ],
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 10, seed: 1, timeLimitMs: 600 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBeGreaterThanOrEqual(2);
    expect(r.skips).toBeGreaterThan(9 * r.premisesHeld!);
    expect(r.status).toBe("passed");
  });

  it("keeps a passed status when an interrupted run checked few runs but discarded fewer than nine in ten", () => {
    let k = 0;
    const m = mod({ premises: [premise({ holds: () => (spin(2), k++ % 2 === 0) })] });
    const r = runWith(exact(), defaultRegistry, m, { runs: 1000, seed: 1, timeLimitMs: 100 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBeGreaterThan(1);
    expect(r.premisesHeld).toBeLessThan(100);
    expect(r.status).toBe("passed");
  });

  it("is inconclusive when the time limit stopped a run with few runs checked and most discards failed ∃ searches", () => {
    // The premise always holds; the conclusion is a failed ∃ search nineteen times in twenty.
    let c = 0;
    const m = mod({
      conclusion: ($) => {
        spin(2);
        if (c++ % 20 === 0) return true;
        $.exhausted = true;
        return false;
      },
    });
    const r = runWith(exact(), defaultRegistry, m, { runs: 1000, seed: 1, timeLimitMs: 200 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBeGreaterThan(0);
    expect(r.inconclusiveRuns).toBe(r.skips);
    expect(r.status).toBe("inconclusive");
    expect(r.message).toBe(
      `interrupted after ${r.premisesHeld} of 1000 runs (time limit 0.2 s); ${r.skips} runs inconclusive (no ∃-witness within 96 candidates: a failed search is no evidence)`,
    );
  });
});

describe("evaluate", () => {
  it("computes assignments first, skips on a failed premise, and checks a contrapositive premise only after the conclusion fails", () => {
    const $ = exact();
    const order: string[] = [];
    const m = mod({
      assignments: [{ key: "y", value: ($$, v) => $$.add(v["x"] as V, $$.num("1")) }],
      premises: [
        premise({ name: "f", holds: ($$, v) => (order.push("f"), num($$, v["y"] as V) > 0) }),
        premise({ name: "c", kind: "contrapositive", holds: () => false, violated: ($$, v) => (order.push("c"), num($$, v["x"] as V) === 5) }),
      ],
      conclusion: ($$, v) => (order.push("concl"), num($$, v["x"] as V) < 4),
    });
    const at = (x: string) => evaluate($, m, { x: $.num(x) });
    expect(at("-3").outcome).toBe("skip");
    expect(order).toEqual(["f"]);
    order.length = 0;
    const ok = at("1");
    expect(ok.outcome).toBe(true);
    expect(num($, ok.env["y"] as V)).toBe(2);
    expect(order).toEqual(["f", "concl"]);
    expect(at("5").outcome).toBe("skip");
    expect(at("6").outcome).toBe(false);
  });

  it("searches a witness only for contrapositive premises", () => {
    const $ = exact();
    const m = mod({ premises: [premise({ kind: "filter", holds: () => true, violated: () => true })], conclusion: () => false });
    expect(evaluate($, m, { x: $.num("1") }).outcome).toBe(false);
    expect(recheckPrecisely(defaultRegistry, { ...m, meta: { ...m.meta, mode: "float" } }, { x: 0.5 as unknown as V })).toBeUndefined();
  });

  it("is inconclusive, not false, when the conclusion failed because an ∃ search ran out", () => {
    const $ = exact();
    const m = mod({
      conclusion: ($$) => {
        $$.exhausted = true;
        return false;
      },
    });
    expect(evaluate($, m, { x: $.num("1") }).outcome).toBe("inconclusive");
  });

  it("resets the runtime's exhausted flag before each evaluation", () => {
    const $ = exact();
    $.exhausted = true;
    expect(evaluate($, mod({ conclusion: () => false }), { x: $.num("1") }).outcome).toBe(false);
  });
});

describe("recheckCounterexample (exact mode)", () => {
  it("in float mode, confirms at 60 digits with an empty detail", () => {
    const m = mod({ mode: "float", conclusion: ($, v) => $.F.eq(v["x"] as never, $.F.add(v["x"] as never, $.F.fromNumber(1e-8))) });
    expect(recheckCounterexample(float(), defaultRegistry, m, { x: 0.5 as unknown as V }, { x: "0.5" })).toEqual({ recheck: "precise", detail: "" });
  });

  const env = (x: string): Env => ({ x: exact().num(x) });
  it("confirms a counterexample that is false again from its serialized form", () => {
    const m = mod({ conclusion: ($, v) => num($, v["x"] as V) !== 1 / 3 });
    expect(recheckCounterexample(exact(), defaultRegistry, m, env("1/3"), { x: "1/3" })).toEqual({ recheck: "exact", detail: "" });
  });

  it("says the premises do not hold, or the ∃ search found nothing, when that is why the re-check differs", () => {
    let calls = 0;
    const premiseOnce = mod({ premises: [premise({ holds: () => calls++ === 0 })], conclusion: () => false });
    calls = 1;
    expect(recheckCounterexample(exact(), defaultRegistry, premiseOnce, env("2"), { x: "2" })).toEqual({
      recheck: "failed",
      detail: 'the counterexample {"x":"2"} does not re-check exactly: its premises do not hold there',
    });
    const search = mod({
      conclusion: ($) => {
        $.exhausted = true;
        return false;
      },
    });
    expect(recheckCounterexample(exact(), defaultRegistry, search, env("2"), { x: "2" }).detail).toBe(
      'the counterexample {"x":"2"} does not re-check exactly: an ∃ search found no witness there',
    );
  });

  it("reports a re-check that throws", () => {
    const m = mod({
      conclusion: () => {
        throw new Error("no inverse");
      },
    });
    expect(recheckCounterexample(exact(), defaultRegistry, m, env("2"), { x: "2" })).toEqual({ recheck: "failed", detail: "the re-check threw: no inverse" });
  });

  it("re-evaluates from the serialized values, not from the generated ones", () => {
    const m = mod({ conclusion: ($, v) => num($, v["x"] as V) !== 5 });
    // The generated value 2 satisfies the statement; the serialized 5 refutes it.
    expect(recheckCounterexample(exact(), defaultRegistry, m, env("2"), { x: "5" }).recheck).toBe("exact");
    // Without a usable serialized form the generated values are used.
    expect(recheckCounterexample(exact(), defaultRegistry, m, env("5"), { y: "1" }).recheck).toBe("exact");
  });

  it("leaves the variables an assignment fixes to the assignment", () => {
    const m = mod({
      variables: [X, { name: "y", key: "y", type: { k: "scalar" }, constraint: "none", lean: "α" }],
      assignments: [{ key: "y", value: ($, v) => $.add(v["x"] as V, $.num("1")) }],
      conclusion: ($, v) => num($, v["y"] as V) !== 3,
    });
    expect(recheckCounterexample(exact(), defaultRegistry, m, { x: exact().num("2") }, { x: "2", y: "99" }).recheck).toBe("exact");
  });
});

describe("recheckPrecisely (float counterexamples at 60 digits)", () => {
  const f = float();
  it("confirms a conclusion that is false at 60 digits", () => {
    const m = mod({ mode: "float", conclusion: ($, v) => $.F.eq(v["x"] as never, $.F.add(v["x"] as never, $.F.fromNumber(1e-8))) });
    expect(recheckPrecisely(defaultRegistry, m, { x: 0.5 as unknown as V })).toBeUndefined();
  });

  it("names the reason a float counterexample is not confirmed", () => {
    const x = { x: 0.5 as unknown as V };
    const no = (what: string) => `not confirmed with 60-digit decimals: ${what}`;
    expect(recheckPrecisely(defaultRegistry, mod({ mode: "float", premises: [premise({ holds: () => false })], conclusion: () => false }), x)).toBe(
      no("its premises do not hold there"),
    );
    expect(recheckPrecisely(defaultRegistry, mod({ mode: "float", conclusion: () => true }), x)).toBe(no("the statement holds there"));
    const search = mod({
      mode: "float",
      conclusion: ($) => {
        $.exhausted = true;
        return false;
      },
    });
    expect(recheckPrecisely(defaultRegistry, search, x)).toBe(no("an ∃ search found no witness there"));
    const violated = mod({ mode: "float", premises: [premise({ kind: "contrapositive", holds: () => false, violated: () => true })], conclusion: () => false });
    expect(recheckPrecisely(defaultRegistry, violated, x)).toBe(no("a witness violates a premise there"));
    const plain = mod({ mode: "float", premises: [premise({ kind: "contrapositive", violated: () => false })], conclusion: () => false });
    expect(recheckPrecisely(defaultRegistry, plain, x)).toBeUndefined();
    const throws = mod({
      mode: "float",
      conclusion: () => {
        throw new Error("needs doubles");
      },
    });
    expect(recheckPrecisely(defaultRegistry, throws, x)).toBe("the 60-digit re-check could not evaluate it: needs doubles");
  });

  it("checks premises at the float tolerance and the conclusion at 10⁻⁴⁰", () => {
    // x = x + 10⁻¹² holds at the float tolerance 10⁻⁹ and fails at 60 digits.
    const near = ($: Runtime, v: Env): boolean => $.F.eq(v["x"] as never, $.F.add(v["x"] as never, $.F.fromNumber(1e-12)));
    const m = mod({ mode: "float", premises: [premise({ holds: near })], conclusion: (...a) => near(...a) });
    expect(recheckPrecisely(defaultRegistry, m, { x: 0.5 as unknown as V })).toBeUndefined();
    expect(f.F.tolerance).toBeGreaterThan(1e-12);
  });

  it("computes assignments with 60-digit decimals", () => {
    // y := x + 10⁻¹²: y = x holds in doubles at the tolerance, fails at 60 digits.
    const m = mod({
      mode: "float",
      variables: [X, { name: "y", key: "y", type: { k: "scalar" }, constraint: "none", lean: "α" }],
      assignments: [{ key: "y", value: ($, v) => $.add(v["x"] as V, $.F.fromNumber(1e-12) as V) }],
      conclusion: ($, v) => $.F.eq(v["x"] as never, v["y"] as never),
    });
    expect(recheckPrecisely(defaultRegistry, m, { x: 0.5 as unknown as V, y: 0.5 as unknown as V })).toBeUndefined();
  });

  it("lifts vectors, matrices and activations, and refuses values it cannot lift", () => {
    const vars: VariableSpec[] = [
      { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "ℕ" },
      { name: "v", key: "v", type: { k: "vec", n: "n" }, constraint: "none", lean: "Vec n" },
      { name: "A", key: "A", type: { k: "mat", m: "n", n: "n" }, constraint: "none", lean: "Mat n n" },
    ];
    const m = mod({
      mode: "float",
      variables: vars,
      conclusion: ($, e) => {
        const v = e["v"] as unknown as { data: unknown[] };
        const A = e["A"] as unknown as { data: unknown[][] };
        // 0.1 is one tenth at 60 digits: 0.1 + 0.2 = 0.3 holds exactly, so the statement holds.
        return e["n"] === 2 && $.F.eq($.F.add(v.data[0] as never, A.data[1]![1] as never), $.F.fromRatio(3, 10));
      },
    });
    const env: Env = { n: 2, v: vector([0.1, 0]) as unknown as V, A: matrix([[0, 0], [0, 0.2]]) as unknown as V };
    expect(recheckPrecisely(defaultRegistry, m, env)).toBe("not confirmed with 60-digit decimals: the statement holds there");
    expect(recheckPrecisely(defaultRegistry, mod({ mode: "float", variables: [vars[1]!] }), { v: 3 as unknown as V })).toBe("`v` is not a vector");
    expect(recheckPrecisely(defaultRegistry, mod({ mode: "float", variables: [vars[2]!] }), { A: 3 as unknown as V })).toBe("`A` is not a matrix");
    const list: VariableSpec = { name: "ws", key: "ws", type: { k: "list", of: { k: "nat" } }, constraint: "none", lean: "List ℕ" };
    expect(recheckPrecisely(defaultRegistry, mod({ mode: "float", variables: [list] }), { ws: [1] as unknown as V })).toBe("`ws` (list) has no high-precision form");
  });
});
