/**
 * The evaluator of exported terms: Lean's semantics on the runtime values, definitions evaluated
 * from their real exported bodies, and hand-written builtins checked against those bodies.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareBuiltin } from "../../src/export/agreement.js";
import { EvalError, Evaluator, type LV } from "../../src/export/eval.js";
import { parseTerm } from "../../src/export/term.js";
import type { ExportedDeclaration } from "../../src/export/types.js";
import { exactContext, type Context } from "../../src/semantics/context.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import type { SemanticEntry } from "../../src/semantics/registry.js";
import { tabulate } from "../../src/semantics/value.js";

const decls = (JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/export/decls.json"), "utf8")) as { declarations: Record<string, ExportedDeclaration> }).declarations;
const ctx = exactContext();
const F = ctx.F;
const q = (p: number, d = 1) => F.fromRatio(p, d);

function evalText(text: string, env: Record<string, LV> = {}): LV {
  const r = parseTerm(text, "t", Object.keys(env));
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return new Evaluator(ctx, decls).eval(r.value, new Map(Object.entries(env)));
}

const FIELD = "(@Lean.Grind.Field.toDiv.{0} α inst)";

describe("Lean's semantics, not school arithmetic", () => {
  const ev = new Evaluator(ctx, decls);
  const env = { α: { tv: "scalar" }, inst: ev.field };
  it("x / 0 = 0 and 0⁻¹ = 0 in a Lean.Grind.Field", () => {
    expect(F.eq(evalText(`@HDiv.hDiv.{0, 0, 0} α α α (@instHDiv.{0} α ${FIELD}) x y`, { ...env, x: q(3), y: F.zero }) as never, F.zero)).toBe(true);
    expect(F.eq(evalText(`@Inv.inv.{0} α (@Lean.Grind.Field.toInv.{0} α inst) x`, { ...env, x: F.zero }) as never, F.zero)).toBe(true);
    expect(F.eq(evalText(`@HDiv.hDiv.{0, 0, 0} α α α (@instHDiv.{0} α ${FIELD}) x y`, { ...env, x: q(3), y: q(4) }) as never, q(3, 4))).toBe(true);
  });

  it("Nat subtraction is truncated and Nat division by 0 is 0", () => {
    expect(evalText("@HSub.hSub.{0, 0, 0} Nat Nat Nat (@instHSub.{0} Nat instSubNat) 2 5")).toBe(0);
    expect(evalText("@HDiv.hDiv.{0, 0, 0} Nat Nat Nat (@instHDiv.{0} Nat Nat.instDiv) 7 0")).toBe(0);
  });

  it("decides ite, ∀ and ∃ over Fin n on the runtime values, and refuses a ∀ over the field", () => {
    expect(evalText("@ite.{1} Nat (@LT.lt.{0} Nat instLTNat 2 3) (Nat.decLt 2 3) 10 20")).toBe(10);
    expect(new Evaluator(ctx, decls).decide(evalText("∀ (i : Fin 3), @LT.lt.{0} Nat instLTNat (@Fin.val 3 i) 3"))).toBe(true);
    expect(evalText("@Exists.{1} (Fin 3) fun (i : Fin 3) => @Eq.{1} Nat (@Fin.val 3 i) 5")).toBe(false);
    expect(() => new Evaluator(ctx, decls).decide(evalText("∀ (x : α), @Eq.{1} α x x", env))).toThrow(EvalError);
  });

  it("size 0: the identity of size 0 equals the empty product", () => {
    const ev2 = new Evaluator(ctx, decls);
    const I0 = ev2.call("Sym.Mat.one", {}, [0]);
    const eq = evalText("@Eq.{1} (Sym.Mat.{0} 0 0 α) A A", { α: { tv: "scalar" }, A: I0 });
    expect(eq).toBe(true);
  });
});

describe("definitions evaluated from their exported Lean bodies", () => {
  const A = tabulate(2, 3, (i, j) => q(i + 2 * j - 1, 2));
  const fnOf = (M: typeof A) => (i: LV) => (j: LV) => M.data[i as number]![j as number];

  it("frobSq is the sum of the squared entries", () => {
    const ev = new Evaluator(ctx, decls);
    const v = ev.call("Sym.frobSq", { m: 2, n: 3 }, [fnOf(A)]);
    let s = F.zero;
    for (const r of A.data) for (const x of r) s = F.add(s, F.mul(x, x));
    expect(F.eq(v as never, s)).toBe(true);
    expect(ev.derived.has("Sym.frobSq")).toBe(true);
    expect(ev.primitiveUses.has("Sym.finSum")).toBe(true);
  });

  it("IsOrthogonal goes through GL.val, the matrix product instance and transpose, all from Lean bodies", () => {
    const ev = new Evaluator(ctx, decls);
    const swap = (i: LV) => (j: LV) => (i === j ? F.zero : F.one);
    const K = { ctor: "Sym.GL", fields: [swap, swap, undefined, undefined] };
    expect(ev.decide(ev.call("Sym.IsOrthogonal", { n: 2 }, [K]))).toBe(true);
    const twice = (i: LV) => (j: LV) => (i === j ? q(2) : F.zero);
    const half = (i: LV) => (j: LV) => (i === j ? q(1, 2) : F.zero);
    expect(ev.decide(ev.call("Sym.IsOrthogonal", { n: 2 }, [{ ctor: "Sym.GL", fields: [twice, half, undefined, undefined] }]))).toBe(false);
    expect([...ev.derived].sort()).toEqual(expect.arrayContaining(["Sym.IsOrthogonal", "Sym.Mat.instHMul", "Sym.Mat.mul", "Sym.Mat.one", "Sym.Mat.transpose"]));
  });

  it("a recursion without a primitive is a clear evaluation error, not a wrong value", () => {
    const ev = new Evaluator(ctx, decls);
    // The Lean body of `finMax` (the evaluator gives the constant a primitive): its `Nat.brecOn` has no meaning.
    const parsed = parseTerm(decls["Sym.finMax"]!.value!);
    if (!parsed.ok) throw new Error("the fixture's finMax body does not parse");
    const body = ev.eval(parsed.value, new Map());
    const app = (f: LV, x: LV) => (f as (y: LV) => LV)(x);
    expect(() => [{ tv: "scalar" }, ev.field, ev.field, 2, (i: LV) => q(i as number)].reduce(app, body)).toThrow(/Nat\.brecOn/);
  });

  it("finMax is a primitive following its Lean equations (0 for n = 0, and 0 is a candidate)", () => {
    const ev = new Evaluator(ctx, decls);
    const finMax = (n: number, f: (i: number) => unknown) => ev.call("Sym.finMax", {}, [n, (i: LV) => f(i as number)]);
    expect(F.eq(finMax(3, (i) => q(i * 2 - 1)) as never, q(3))).toBe(true);
    expect(F.eq(finMax(0, () => q(5)) as never, F.zero)).toBe(true);
    // `finMax 2 f = maxOf (f 0) (maxOf (f 1) 0)`: all-negative families give 0.
    expect(F.eq(finMax(2, () => q(-1)) as never, F.zero)).toBe(true);
    expect(ev.primitiveUses.has("Sym.finMax")).toBe(true);
  });
});

describe("hand-written builtins against their Lean bodies", () => {
  const names = ["Sym.frobSq", "Sym.Mat.mul", "Sym.Mat.one", "Sym.Mat.transpose", "Sym.relu", "Sym.Mat.rectId", "Sym.GL.mul", "Sym.GL.inverse", "Sym.IsOrthogonal", "Sym.Mat.trace", "Sym.Mat.smul", "Sym.Vec.basis", "Sym.entryL1", "Sym.absVal", "Sym.maxOf", "Sym.Autoencoder.scaledPenalty", "Sym.Perm.id"];

  it("every compared builtin agrees with the evaluated body on 40 random inputs (seed 7), sizes 0 to 3", () => {
    for (const n of names) {
      const r = compareBuiltin(ctx, defaultRegistry.get(n)!, decls, { seed: 7, runs: 40 });
      expect(r.skipped, n).toBeUndefined();
      expect(r.disagreement, n).toBeUndefined();
      expect(r.runs, n).toBeGreaterThan(15);
    }
  });

  it("catches a deliberately wrong builtin: frobSq summing absolute values", () => {
    const good = defaultRegistry.get("Sym.frobSq")!;
    const wrong: SemanticEntry = { ...good, impl: (c, args) => defaultRegistry.get("Sym.entryL1")!.impl(c, args) };
    const r = compareBuiltin(ctx, wrong, decls, { seed: 7, runs: 40 });
    expect(r.disagreement).toBeDefined();
    expect(r.disagreement!.name).toBe("Sym.frobSq");
  });

  it("catches a builtin that throws on x / 0 where Lean gives 0", () => {
    const good = defaultRegistry.get("Sym.Autoencoder.scaledPenalty")!;
    // School arithmetic: t a + b / t with a division that throws on 0.
    const impl = <T,>(c: Context<T>, args: readonly unknown[]) => c.F.add(c.F.mul(args[2] as T, args[0] as T), c.F.div(args[1] as T, args[2] as T));
    const school: SemanticEntry = { ...good, impl };
    const r = compareBuiltin(ctx, school, decls, { seed: 7, runs: 60 });
    expect(r.disagreement?.builtin).toMatch(/^throws /);
    expect(r.disagreement?.body).toBe("0");
  });

  it("says why an entry cannot be compared instead of passing it", () => {
    expect(compareBuiltin(ctx, defaultRegistry.get("Sym.finSum")!, decls, { seed: 1, runs: 5 }).skipped).toMatch(/primitive/);
    expect(compareBuiltin(ctx, defaultRegistry.get("Sym.Net.map")!, decls, { seed: 1, runs: 5 }).skipped).toBeDefined();
  });
});
