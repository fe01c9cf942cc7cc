/**
 * Edge cases of the status rules of `runWith` and of the 60-digit re-check (`src/runner/check.ts`)
 * that `run-status.test.ts` leaves open: the tie between failed ∃ searches and other discards when
 * the time limit stops a run, and variables fixed by an assignment in the re-check.
 */
import { describe, expect, it } from "vitest";
import { recheckCounterexample, recheckPrecisely, runWith } from "../../src/runner/check.js";
import { activations } from "../../src/runner/generators.js";
import type { Env, PremiseSpec, PropertyModule, VariableSpec } from "../../src/runner/property.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import type { NumericRecord } from "../../src/runner/types.js";

const base = { claimId: "T1", declaration: "Test.m", handWritten: true };
const X: VariableSpec = { name: "x", key: "x", type: { k: "scalar" }, constraint: "none", lean: "α" };
const spin = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
};
function mod(over: Partial<PropertyModule<Env>> = {}): PropertyModule<Env> {
  return {
    meta: { declaration: "Test.m", claimId: "T1", source: "test", mode: "exact", statement: "P x" },
    variables: [X],
    assignments: [],
    premises: [],
    conclusion: () => true,
    ...over,
  };
}

/** The premise `h`, a filter that `holds` decides. */
const filterH = (holds: () => boolean): PremiseSpec<Env> => ({ name: "h", kind: "filter", lean: "h", holds });

/**
 * Runs a fresh module from `make` with the time limit, up to six times, until `settled` accepts the
 * record (a loaded machine may stop a run at another point than the test aims at); the last record.
 */
function runSettled(make: () => PropertyModule<Env>, timeLimitMs: number, settled: (r: NumericRecord) => boolean): NumericRecord {
  let r: NumericRecord;
  let attempts = 0;
  do r = runWith(new Runtime("exact", defaultRegistry), defaultRegistry, make(), { runs: 1000, seed: 1, timeLimitMs }, base);
  while (++attempts < 6 && !settled(r));
  return r;
}

describe("runWith: a run the time limit stopped with every run discarded", () => {
  it("is inconclusive when exactly half of its discards were failed ∃ searches", () => {
    // Evaluations alternate: a failed ∃ search (at once), then a premise that fails after 8 ms.
    // The time limit is crossed during a slow evaluation, so the run stops after one of them:
    // as many failed searches as failed premises. A rare stop after a fast one is retried.
    const r = runSettled(
      () => {
        let k = 0;
        return mod({
          premises: [
            filterH(() => {
              if (k++ % 2 === 0) return true;
              spin(8);
              return false;
            }),
          ],
          conclusion: ($) => {
            $.exhausted = true;
            return false;
          },
        });
      },
      100,
      (r) => r.skips % 2 === 0,
    );
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBe(0);
    expect(r.skips % 2).toBe(0);
    expect(r.inconclusiveRuns! * 2).toBe(r.skips);
    expect(r.status).toBe("inconclusive");
    expect(r.message).toBe(
      `interrupted after 0 of 1000 runs (time limit 0.1 s); h: filtered; ${r.inconclusiveRuns} runs inconclusive (no ∃-witness within 96 candidates: a failed search is no evidence)`,
    );
  });
});

describe("runWith: a run stopped before its first evaluation", () => {
  it("is unsupported with nothing checked, not inconclusive (no ∃ search ran)", () => {
    let calls = 0;
    const r = runWith(new Runtime("exact", defaultRegistry), defaultRegistry, mod({ conclusion: () => (calls++, true) }), { runs: 100, seed: 1, timeLimitMs: 0 }, base);
    expect(calls).toBe(0);
    expect(r.interrupted).toBe(true);
    expect(r).toMatchObject({ status: "unsupported", runs: 0, skips: 0 });
    expect(r.inconclusiveRuns).toBeUndefined();
    expect(r.message).toBe("too many discarded runs (0 skipped of 0); the premises are rarely satisfied");
  });
});

describe("runWith: a run the time limit stopped after few checked runs", () => {
  it("is inconclusive when exactly half of its discards were failed ∃ searches", () => {
    // The first evaluation passes; then a failed ∃ search (at once) and a premise that fails
    // after 8 ms alternate, so the run stops after a slow one with as many of each.
    // Under a heavy load, the run may be descheduled for most of its limit: too few discards to
    // decide anything is retried too.
    const r = runSettled(
      () => {
        let k = 0;
        let c = 0;
        return mod({
          premises: [
            filterH(() => {
              const i = k++;
              if (i === 0 || i % 2 === 1) return true;
              spin(8);
              return false;
            }),
          ],
          conclusion: ($) => {
            if (c++ === 0) return true;
            $.exhausted = true;
            return false;
          },
        });
      },
      300,
      (r) => r.skips % 2 === 0 && r.skips > 9,
    );
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBe(1);
    expect(r.skips).toBeGreaterThan(9);
    expect(r.inconclusiveRuns! * 2).toBe(r.skips);
    expect(r.status).toBe("inconclusive");
  });
});

describe("runWith: a run the time limit stopped with nine discards a checked run", () => {
  it("stays passed: only more than nine discards in ten make it no evidence", () => {
    // Cycles of ten evaluations: one meets the premise, nine do not, the ninth after 15 ms; the
    // run stops after a slow one, that is after whole cycles.
    const r = runSettled(
      () => {
        let k = 0;
        return mod({
          premises: [
            filterH(() => {
              const i = k++ % 10;
              if (i === 9) spin(15);
              return i === 0;
            }),
          ],
        });
      },
      100,
      (r) => r.skips === 9 * r.premisesHeld!,
    );
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBeGreaterThan(0);
    expect(r.skips).toBe(9 * r.premisesHeld!);
    expect(r.status).toBe("passed");
  });
});

describe("runWith: more record fields", () => {
  it("keeps the residual of an exact run at 0 even when the property compares unequal values", () => {
    const r = runWith(new Runtime("exact", defaultRegistry), defaultRegistry, mod({ conclusion: ($, v) => !$.eq(v["x"] as V, $.num("1000")) }), { runs: 50, seed: 1 }, base);
    expect(r.status).toBe("passed");
    expect(r.maxResidual).toBe(0);
  });

  it("keeps a passed status when the time limit stopped a run with exactly a tenth of its runs checked", () => {
    // The first evaluation meets the premise, every later one fails it after 40 ms: one run of ten
    // checked, many discarded (a limit of 1 s leaves room for a loaded machine).
    let k = 0;
    const m = mod({
      premises: [
        filterH(() => {
          if (k++ === 0) return true;
          spin(40);
          return false;
        }),
      ],
    });
    const r = runWith(new Runtime("exact", defaultRegistry), defaultRegistry, m, { runs: 10, seed: 1, timeLimitMs: 1000 }, base);
    expect(r.interrupted).toBe(true);
    expect(r.premisesHeld).toBe(1);
    expect(r.skips).toBeGreaterThan(9);
    expect(r.status).toBe("passed");
    expect(r.message).toBe("interrupted after 1 of 10 runs (time limit 1 s); h: filtered");
  });
});

describe("recheckCounterexample: variables an assignment fixes", () => {
  it("replays the serialized values of the other variables even when the assigned one is not serialized", () => {
    const y: VariableSpec = { name: "y", key: "y", type: { k: "scalar" }, constraint: "none", lean: "α" };
    const m = mod({ variables: [X, y], assignments: [{ key: "y", value: ($, v) => $.add(v["x"] as V, $.num("1")) }], conclusion: ($, v) => !$.eq(v["y"] as V, $.num("6")) });
    const $ = new Runtime("exact", defaultRegistry);
    // Generated x = 2 (y = 3, the statement holds there); serialized x = 5 (y = 6, it fails).
    expect(recheckCounterexample($, defaultRegistry, m, { x: $.num("2") }, { x: "5" })).toEqual({ recheck: "exact", detail: "" });
  });
});

describe("recheckPrecisely: variables an assignment fixes", () => {
  it("takes them from the assignment, so a fixed variable of a type with no 60-digit form does not block the re-check", () => {
    const ws: VariableSpec = { name: "ws", key: "ws", type: { k: "list", of: { k: "nat" } }, constraint: "none", lean: "List ℕ" };
    const m = mod({
      meta: { declaration: "Test.m", claimId: "T1", source: "test", mode: "float", statement: "P x" },
      variables: [X, ws],
      assignments: [{ key: "ws", value: () => ({ kind: "list", items: [1, 2] }) as unknown as V }],
      conclusion: ($, v) => $.F.eq(v["x"] as never, $.F.add(v["x"] as never, $.F.fromNumber(1e-8))),
    });
    const env: Env = { x: 0.5 as unknown as V, ws: { kind: "list", items: [1, 2] } as unknown as V };
    expect(recheckPrecisely(defaultRegistry, m, env)).toBeUndefined();
  });
});

describe("recheckPrecisely: lifting a float environment to 60-digit decimals", () => {
  const float = (variables: VariableSpec[], conclusion: PropertyModule<Env>["conclusion"]): PropertyModule<Env> =>
    mod({ meta: { declaration: "Test.m", claimId: "T1", source: "test", mode: "float", statement: "P" }, variables, conclusion });

  it("keeps an index of `Fin n` and a size as they are", () => {
    const n: VariableSpec = { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "ℕ" };
    const i: VariableSpec = { name: "i", key: "i", type: { k: "fin", n: "n" }, constraint: "none", lean: "Fin n" };
    const seen: unknown[] = [];
    const m = float([n, i], (_$, v) => (seen.push(v["n"], v["i"]), false));
    expect(recheckPrecisely(defaultRegistry, m, { n: 3 as unknown as V, i: 2 as unknown as V })).toBeUndefined();
    expect(seen).toEqual([3, 2]);
  });

  it("replaces an activation by the 60-digit activation of the same name, and refuses an unknown one", () => {
    const s: VariableSpec = { name: "σ", key: "s", type: { k: "activation" }, constraint: "none", lean: "α → α" };
    const F = new Runtime("float", defaultRegistry).F;
    const tanh = activations(F).find((a) => (a as { name: string }).name === "tanh")!;
    type Fn = { name: string; apply: (xs: unknown[]) => unknown };
    let got: Fn | undefined;
    let value: unknown;
    const m = float([s], ($, v) => {
      const f = v["s"] as unknown as Fn;
      got = f;
      value = f.apply([$.F.fromNumber(0.5)]);
      return false;
    });
    expect(recheckPrecisely(defaultRegistry, m, { s: tanh as V })).toBeUndefined();
    expect(got!.name).toBe("tanh");
    expect(got).not.toBe(tanh);
    // The 60-digit tanh returns a decimal, not a double.
    expect(typeof value).not.toBe("number");
    expect(Number(String(value)).toFixed(12)).toBe(Math.tanh(0.5).toFixed(12));
    expect(recheckPrecisely(defaultRegistry, m, { s: { kind: "fn", name: "mystery", arity: 1, apply: () => 0 } as unknown as V })).toBe("no high-precision activation `mystery`");
    expect(recheckPrecisely(defaultRegistry, m, { s: 0.5 as unknown as V })).toBe("no high-precision activation ``");
  });

  it("leaves out a variable the environment does not hold", () => {
    const y: VariableSpec = { name: "y", key: "y", type: { k: "list", of: { k: "nat" } }, constraint: "none", lean: "List ℕ" };
    const m = float([X, y], (_$, v) => "y" in v);
    expect(recheckPrecisely(defaultRegistry, m, { x: 0.5 as unknown as V })).toBeUndefined();
  });
});
