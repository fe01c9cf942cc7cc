/**
 * The meanings the numeric stage derives from the library's exported Lean bodies (`out/export.json`,
 * written by `npm run prove`, which `npm test` runs first) against the hand-written builtins they
 * replace: both are called the way the harness calls them (sizes `n + m`, pair indices, `Int`
 * vectors, hypotheses, function arguments, builtins returning maps) on random inputs.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareDerived, leanHeadsOf, rng } from "../../src/export/agreement.js";
import { registryFromExport } from "../../src/export/derive.js";
import type { ExportFile } from "../../src/export/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import { applyValue } from "../../src/semantics/ops.js";
import type { SemanticEntry } from "../../src/semantics/registry.js";
import { fn, tabulate, tabulateVector, vector } from "../../src/semantics/value.js";

const file = path.resolve(__dirname, "../../out/export.json");
const exp: ExportFile | undefined = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ExportFile) : undefined;

describe.skipIf(!exp)("builtins against the meanings derived from their Lean bodies", () => {
  const { registry: runtime, meaning, keptForSpeed } = registryFromExport(exp);
  // The registry with the derived meanings of the builtins kept for speed, too (what they are tested against).
  const registry = registryFromExport(exp).registry;
  for (const e of keptForSpeed) registry.replace(e);
  const compare = <T>(ctx: Parameters<typeof compareDerived<T>>[0], builtin: SemanticEntry, runs = 30) =>
    compareDerived(ctx, builtin, registry.get(builtin.name)!, { seed: 11, runs, leanHeads: leanHeadsOf(exp!.declarations[builtin.name]!) });

  it("derives builtins of every new shape from their bodies", () => {
    expect(meaning.derivedNames).toEqual(
      expect.arrayContaining([
        "Sym.Mat.blockDiag", // a result of size n + m
        "Sym.rotEmbed", // GL (2 + d)
        "Sym.coord", // an Int-valued vector and an Int result
        "Sym.shearGL",
        "Sym.GL.diag", // a hypothesis binder
        "Sym.GL.scalar",
        "Sym.jacPenalty", // function arguments
        "Sym.Autoencoder.l2RegLoss",
        "Sym.Autoencoder.linMap", // a builtin returning a map
        "Sym.Autoencoder.oneLayerReconstruct",
        "Sym.kron", // pair-indexed results
        "Sym.vec",
        "Sym.entryLInf", // through the finMax primitive
      ]),
    );
    expect(meaning.derived).toBeGreaterThanOrEqual(73);
  });

  for (const [mode, ctx] of [["exact", exactContext()], ["float", floatContext()]] as const) {
    it(`every derived builtin agrees with its hand-written TypeScript (${mode}, 30 runs each, seed 11)`, () => {
      const agreed: string[] = [];
      const disagreements: string[] = [];
      for (const name of [...meaning.derivedNames, ...keptForSpeed.map((e) => e.name)]) {
        const b = defaultRegistry.get(name);
        if (!b || b.name !== name || !b.modes.includes(mode)) continue;
        const r = compare(ctx as never, b);
        if (r.disagreement) disagreements.push(JSON.stringify(r.disagreement));
        else if (r.runs > 0) agreed.push(name);
      }
      expect(disagreements).toEqual([]);
      expect(agreed.length).toBeGreaterThanOrEqual(60);
    });
  }

  it("catches a deliberately wrong builtin (`coord` reading one entry too far)", () => {
    const b = defaultRegistry.get("Sym.coord")!;
    const wrong: SemanticEntry = {
      ...b,
      impl: (ctx, args) => {
        const [d, v, k] = args as [number, { data: unknown[] }, number];
        return (k + 1 < d ? v.data[k + 1] : ctx.F.zero) as never;
      },
    };
    const r = compare(exactContext() as never, wrong);
    expect(r.disagreement?.name).toBe("Sym.coord");
    expect(compare(exactContext() as never, b).disagreement).toBeUndefined();
  });

  it("catches a wrong block order in `Mat.blockDiag` (a size n + m)", () => {
    const b = defaultRegistry.get("Sym.Mat.blockDiag")!;
    const wrong: SemanticEntry = { ...b, impl: (ctx, args) => b.impl(ctx, [args[1]!, args[0]!]) };
    expect(compare(exactContext() as never, wrong).disagreement?.name).toBe("Sym.Mat.blockDiag");
  });

  it("a builtin returning a map is derived as a map: `linMap M` applied to a vector", () => {
    const ctx = exactContext();
    const F = ctx.F;
    const M = { kind: "mat", rows: 1, cols: 2, data: [[F.fromInt(2), F.fromInt(3)]] } as never;
    const f = registry.call(ctx, "Sym.Autoencoder.linMap", [M]);
    expect(typeof f === "object" && f !== null && "kind" in f && f.kind).toBe("fn");
    const y = (f as unknown as { apply: (a: unknown[]) => { data: unknown[] } }).apply([vector([F.fromInt(1), F.fromInt(1)])]);
    expect(F.eq(y.data[0] as never, F.fromInt(5))).toBe(true);
  });

  it("with no data the mean losses are 0, as Lean's `s / 0 = 0` (builtin and derived)", () => {
    const ctx = exactContext();
    const F = ctx.F;
    const L = fn<unknown>("L", 2, () => F.one);
    const data = fn<unknown>("data", 1, () => tabulateVector(1, () => F.one));
    const W = { kind: "mat", rows: 1, cols: 1, data: [[F.one]] } as never;
    const args = [L, F.one, W, W, 0, data] as never[];
    expect(F.eq(defaultRegistry.call(ctx, "Sym.Autoencoder.l2RegLoss", args) as never, F.zero)).toBe(true);
    expect(F.eq(registry.call(ctx, "Sym.Autoencoder.l2RegLoss", args) as never, F.zero)).toBe(true);
  });

  it("derives the pair-indexed norms, `jac`, `glAction` and the acted encoder and decoder from their bodies", () => {
    for (const n of ["Sym.vecL1", "Sym.vecL2Sq", "Sym.vecLInf", "Sym.pairMulVec"]) expect(meaning.derivedNames).toContain(n);
    expect(meaning.derived).toBeGreaterThanOrEqual(81);
    // Derivable, kept hand-written for speed (the harness uses the builtin), tested below.
    const kept = ["Sym.Autoencoder.jac", "Sym.Autoencoder.glAction", "Sym.Autoencoder.actEncoder", "Sym.Autoencoder.actDecoder"];
    expect(keptForSpeed.map((e) => e.name).sort()).toEqual([...kept].sort());
    for (const n of kept) {
      expect(meaning.handWrittenNames.find((h) => h.name === n)?.reason).toMatch(/kept for speed/);
      expect(runtime.get(n)).toBe(defaultRegistry.get(n));
    }
  });

  it("states why the rest is hand-written: recursion, quantifiers over infinite types, no body", () => {
    const reason = (n: string) => meaning.handWrittenNames.find((h) => h.name === n)?.reason;
    expect(reason("Sym.finMax")).toMatch(/primitive of the evaluator/);
    for (const n of ["Sym.Group.npow", "Sym.Group.zpow", "Sym.rotSeq", "Sym.Net.outWidth", "Sym.Net.eval", "Sym.Net.passParams"]) expect(reason(n)).toMatch(/is recursive/);
    // Non-recursive bodies that use a recursion.
    expect(reason("Sym.Net.act")).toMatch(/`Sym\.Net\.actAux` is recursive/);
    expect(reason("Sym.Net.LayerGroup.Mem")).toMatch(/`Sym\.Net\.LayerGroup\.memFrom` is recursive/);
    for (const n of ["Sym.IsNormalIn", "Sym.IsTranslationRep"]) expect(reason(n)).toMatch(/∀ over an infinite type/);
  });

  it("a pair-indexed vector made by a derived `vec` carries its split, which `vecL1` reads back", () => {
    const ctx = exactContext();
    const F = ctx.F;
    const X = { kind: "mat", rows: 2, cols: 3, data: [[1, -2, 3], [-4, 5, -6]].map((r) => r.map((x) => F.fromInt(x))) } as never;
    const v = registry.call(ctx, "Sym.vec", [X]) as unknown as { pairs?: readonly number[]; size: number };
    expect(v.size).toBe(6);
    expect(v.pairs).toEqual([3, 2]);
    expect(F.eq(registry.call(ctx, "Sym.vecL1", [v as never]) as never, F.fromInt(21))).toBe(true);
    // A flat vector without its split: the derived meaning refuses it rather than guess.
    expect(() => registry.call(ctx, "Sym.vecL1", [vector([F.one, F.one])])).toThrow(/size `p` is not known/);
  });

  it("`jac` reads the output size off the map: a 3 × 2 Jacobian of `linMap M`, and 0 columns at size 0", () => {
    const ctx = exactContext();
    const F = ctx.F;
    const M = { kind: "mat", rows: 3, cols: 2, data: [[1, 2], [3, 4], [5, 6]].map((r) => r.map((x) => F.fromInt(x))) } as never;
    const J = registry.call(ctx, "Sym.Autoencoder.jac", [registry.call(ctx, "Sym.Autoencoder.linMap", [M])]) as unknown as { rows: number; cols: number; data: unknown[][] };
    expect([J.rows, J.cols]).toEqual([3, 2]);
    expect(F.eq(J.data[2]![1] as never, F.fromInt(6))).toBe(true);
    const zero = fn<unknown>("to 2", 1, () => tabulateVector(2, () => F.one), 0);
    const J0 = registry.call(ctx, "Sym.Autoencoder.jac", [zero as never]) as unknown as { rows: number; cols: number };
    expect([J0.rows, J0.cols]).toEqual([2, 0]);
  });

  // `compareDerived` gives `A : GroupAction G Z` the builtin's placeholder type (a function of
  // scalars), which does not act on vectors: the acted encoder and decoder are compared here at
  // the action they are used with, `glAction d`, an invertible `K` and linear maps.
  const actionRuns = (decoder: SemanticEntry, runs = 30): string[] => {
    const ctx = exactContext();
    const F = ctx.F;
    const r = rng(11);
    const q = () => F.fromRatio(Math.floor(r() * 11) - 5, 1 + Math.floor(r() * 3));
    const bad: string[] = [];
    for (let run = 0; run < runs; run++) {
      const [d, D] = [1 + Math.floor(r() * 3), 1 + Math.floor(r() * 3)];
      // Lower triangular with a nonzero diagonal: invertible.
      const K = tabulate(d, d, (i, j) => (i === j ? F.fromInt(1 + Math.floor(r() * 3)) : i > j ? q() : F.zero));
      const W = tabulate(d, D, () => q());
      const W2 = tabulate(D, d, () => q());
      const z = tabulateVector(d, () => q());
      const x = tabulateVector(D, () => q());
      const sides = [defaultRegistry, registry].map((reg, k) => {
        const A = reg.call(ctx, "Sym.Autoencoder.glAction", [d]);
        const f = reg.call(ctx, "Sym.Autoencoder.linMap", [W]);
        const g = reg.call(ctx, "Sym.Autoencoder.linMap", [W2]);
        const enc = reg.call(ctx, "Sym.Autoencoder.actEncoder", [A, K, f]);
        const dec = (k === 0 ? decoder : reg.get("Sym.Autoencoder.actDecoder")!).impl(ctx, [A, K, g]);
        return [applyValue(ctx, enc, [x]), applyValue(ctx, dec, [z])];
      });
      if (!valueEq(ctx, sides[0]![0]!, sides[1]![0]!) || !valueEq(ctx, sides[0]![1]!, sides[1]![1]!)) bad.push(`d = ${d}, D = ${D}, run ${run}`);
    }
    return bad;
  };

  it("`actEncoder`/`actDecoder` of `glAction d`: builtins and derived meanings agree (30 runs, seed 11)", () => {
    expect(actionRuns(defaultRegistry.get("Sym.Autoencoder.actDecoder")!)).toEqual([]);
  });

  it("catches a deliberately wrong `actDecoder` (acting by k instead of k⁻¹)", () => {
    const b = defaultRegistry.get("Sym.Autoencoder.actDecoder")!;
    const wrong: SemanticEntry = {
      ...b,
      impl: (ctx, args) => {
        const [A, k, g] = args;
        return fn("wrong", 1, (zs) => applyValue(ctx, g!, [applyValue(ctx, A!, [k!, ...zs])]));
      },
    };
    expect(actionRuns(wrong).length).toBeGreaterThan(20);
  });
});
