/**
 * The evaluator's lazy forms (`ite`/`dite` evaluate the branch taken, `And`/`Or` short-circuit,
 * a `Decidable` instance is not computed) give the same values as the eager primitives, on the
 * real exported bodies and random rationals with a fixed seed (zeros and negatives included).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator, type LV } from "../../src/export/eval.js";
import { parseTerm } from "../../src/export/term.js";
import type { ExportedDeclaration } from "../../src/export/types.js";
import { exactContext } from "../../src/semantics/context.js";

const decls = (JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/export/decls.json"), "utf8")) as { declarations: Record<string, ExportedDeclaration> }).declarations;
const ctx = exactContext();
const F = ctx.F;

/** The eager primitives (every argument evaluated first): passed as extras, they disable the lazy forms. */
function eagerEvaluator(): Evaluator<unknown> {
  let ev: Evaluator<unknown> | undefined;
  const decide = (p: LV) => ev!.decide(p);
  const curry = (n: number, f: (a: LV[]) => LV): LV => {
    const go = (got: LV[]): LV => (got.length === n ? f(got) : (x: LV) => go([...got, x]));
    return go([]);
  };
  const extra = new Map<string, LV>([
    ["ite", curry(5, ([, c, , a, b]) => (decide(c) ? a : b))],
    ["dite", curry(5, ([, c, , a, b]) => (decide(c) ? (a as (x: LV) => LV)(undefined) : (b as (x: LV) => LV)(undefined)))],
    ["And", curry(2, ([p, q]) => decide(p) && decide(q))],
    ["Or", curry(2, ([p, q]) => decide(p) || decide(q))],
    ["Classical.propDecidable", () => curry(8, () => undefined)],
    ["Nat.decLt", () => curry(8, () => undefined)],
  ]);
  ev = new Evaluator(ctx as never, decls, extra);
  return ev;
}

const rat = fc.oneof(fc.constant(0), fc.integer({ min: -9, max: 9 }), fc.integer({ min: -50, max: 50 })).chain((p) => fc.integer({ min: 1, max: 7 }).map((q) => F.fromRatio(p, q)));

describe("lazy ite/dite/And/Or and skipped Decidable instances", () => {
  const lazy = new Evaluator(ctx, decls);
  const eager = eagerEvaluator();
  it("relu, absVal and maxOf (bodies with `if` on Classical.propDecidable) agree with the eager primitives", () => {
    fc.assert(
      fc.property(rat, rat, (x, y) => {
        for (const [name, args] of [["Sym.relu", [x]], ["Sym.absVal", [x]], ["Sym.maxOf", [x, y]]] as const) {
          const a = lazy.call(name, {}, args as unknown as LV[]);
          const b = eager.call(name, {}, args as unknown as LV[]);
          expect(F.serialize(a as never)).toBe(F.serialize(b as never));
        }
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
  const evalWith = (ev: Evaluator<unknown>, text: string): LV => {
    const r = parseTerm(text, "t");
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    return ev.eval(r.value, new Map());
  };
  it("And and Or decide as before, with the second operand read only when needed", () => {
    const lt = (a: number, b: number) => `(@LT.lt.{0} Nat instLTNat ${a} ${b})`;
    for (const [a, b, c, d] of [[1, 2, 3, 4], [2, 1, 3, 4], [1, 2, 4, 3], [2, 1, 4, 3]]) {
      for (const op of ["And", "Or"]) {
        const t = `${op} ${lt(a!, b!)} ${lt(c!, d!)}`;
        expect(evalWith(lazy as never, t)).toBe(evalWith(eager, t));
      }
    }
    // The operand not needed is not evaluated: an unbound variable there raises nothing.
    expect(evalWith(lazy as never, `And ${lt(2, 1)} zz`)).toBe(false);
    expect(evalWith(lazy as never, `Or ${lt(1, 2)} zz`)).toBe(true);
    expect(() => evalWith(eager, `And ${lt(2, 1)} zz`)).toThrow();
  });
  it("ite evaluates only the branch its condition picks", () => {
    expect(evalWith(lazy as never, "@ite.{1} Nat (@LT.lt.{0} Nat instLTNat 2 3) (Nat.decLt 2 3) 10 zz")).toBe(10);
    expect(evalWith(lazy as never, "@ite.{1} Nat (@LT.lt.{0} Nat instLTNat 3 2) (Nat.decLt 3 2) zz 20")).toBe(20);
    expect(evalWith(eager, "@ite.{1} Nat (@LT.lt.{0} Nat instLTNat 3 2) (Nat.decLt 3 2) 10 20")).toBe(20);
  });
});

describe("type and instance binders bound again to the same values", () => {
  it("give the same results on repeated calls (a frame reused per instance, not per call)", () => {
    const ev = new Evaluator(ctx, decls);
    const fresh = eagerEvaluator();
    fc.assert(
      fc.property(rat, (x) => {
        // Each call passes a new `{ tv: "scalar" }` and the same field dictionary.
        const a = ev.call("Sym.relu", {}, [x]);
        const b = ev.call("Sym.absVal", {}, [x]);
        expect(F.serialize(a as never)).toBe(F.serialize(fresh.call("Sym.relu", {}, [x]) as never));
        expect(F.serialize(b as never)).toBe(F.serialize(fresh.call("Sym.absVal", {}, [x]) as never));
      }),
      { seed: 20261131, numRuns: 300 },
    );
  });
});
