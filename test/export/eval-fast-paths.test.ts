/**
 * The evaluator's performance paths give the values of the slow paths they shortcut, on random
 * inputs with fixed seeds:
 * - a type or instance binder bound again to the same value reuses the last frame it gave out
 *   (checked before the per-owner tables): one evaluator called over and over, with calls of
 *   different definitions, sizes and fields interleaved so that the shortcut both hits and
 *   misses, agrees with a fresh evaluator per call (whose frames are all new);
 *   and a type binder bound to `Fin 0`, `Fin 2`, … in turn decides each `∃`/`∀` over its own type;
 * - `entriesOf` lists a matrix's entries as `Array.prototype.flat` does.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator, type LV } from "../../src/export/eval.js";
import { parseTerm } from "../../src/export/term.js";
import type { ExportedDeclaration } from "../../src/export/types.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import { entriesOf } from "../../src/semantics/value.js";

const decls = (JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/export/decls.json"), "utf8")) as { declarations: Record<string, ExportedDeclaration> }).declarations;

describe("evaluator fast paths agree with the slow paths", () => {
  for (const [label, ctx] of [
    ["exact", exactContext()],
    ["float", floatContext()],
  ] as const) {
    const F = ctx.F as { fromRatio(p: number, q: number): unknown; serialize(x: unknown): unknown };
    const rat = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 6 })).map(([p, q]) => F.fromRatio(p, q));
    const matrix = (m: number, n: number) => fc.array(fc.array(rat, { minLength: n, maxLength: n }), { minLength: m, maxLength: m });
    const call = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).chain(([m, n]) => matrix(m, n).map((A) => ({ name: "Sym.frobSq", sizes: { m, n }, A }))),
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).chain(([m, n]) => matrix(m, n).map((A) => ({ name: "Sym.entryL1", sizes: { m, n }, A }))),
      fc.integer({ min: 0, max: 3 }).chain((n) => matrix(n, n).map((A) => ({ name: "Sym.Mat.trace", sizes: { n }, A }))),
    );
    it(`${label}: one evaluator called repeatedly agrees with a fresh evaluator per call (seed 20261129)`, () => {
      const shared = new Evaluator(ctx as never, decls);
      fc.assert(
        fc.property(fc.array(call, { minLength: 1, maxLength: 6 }), (calls) => {
          for (const c of calls) {
            const arg = (i: LV) => (j: LV) => c.A[i as number]![j as number] as LV;
            const a = shared.call(c.name, c.sizes, [arg]);
            const b = new Evaluator(ctx as never, decls).call(c.name, c.sizes, [arg]);
            expect(F.serialize(a)).toEqual(F.serialize(b));
          }
        }),
        { seed: 20261129, numRuns: 150 },
      );
    });
  }

  it("a type binder bound to different types in turn under the same owner gets each its own frame (seed 20261129)", () => {
    const ev = new Evaluator(exactContext() as never, decls);
    const term = (text: string): LV => {
      const r = parseTerm(text, "t");
      if (!r.ok) throw new Error(r.diagnostics[0]!.message);
      return ev.eval(r.value, new Map());
    };
    // Compiled once: every application binds `β` under the same (empty) environment.
    const inhabited = term("fun {β : Type} => @Exists.{1} β fun (i : β) => True") as (x: LV) => LV;
    const empty = term("fun {β : Type} => ∀ (i : β), False") as (x: LV) => LV;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        for (const k of sizes) {
          const fin = term(`Fin ${k}`);
          expect(ev.decide(inhabited(fin))).toBe(k > 0);
          expect(ev.decide(empty(fin))).toBe(k === 0);
        }
      }),
      { seed: 20261129, numRuns: 100 },
    );
  });

  it("entriesOf lists a matrix's entries row after row, as flat() does (seed 20261129)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 5 }), { maxLength: 5 }), (rows) => {
        expect(entriesOf(rows)).toEqual(rows.flat());
      }),
      { seed: 20261129, numRuns: 200 },
    );
  });
});
