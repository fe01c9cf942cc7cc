/**
 * The meanings the numeric stage derives from the library's exported Lean bodies (`out/export.json`,
 * written by `npm run prove`, which `npm test` runs first) against the hand-written builtins they
 * replace: both are called the way the harness calls them (sizes `n + m`, pair indices, `Int`
 * vectors, hypotheses, function arguments, builtins returning maps) on random inputs.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareDerived, leanHeadsOf } from "../../src/export/agreement.js";
import { registryFromExport } from "../../src/export/derive.js";
import type { ExportFile } from "../../src/export/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";
import type { SemanticEntry } from "../../src/semantics/registry.js";
import { fn, tabulateVector, vector } from "../../src/semantics/value.js";

const file = path.resolve(__dirname, "../../out/export.json");
const exp: ExportFile | undefined = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ExportFile) : undefined;

describe.skipIf(!exp)("builtins against the meanings derived from their Lean bodies", () => {
  const { registry, meaning } = registryFromExport(exp);
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
      for (const name of meaning.derivedNames) {
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

  it("keeps pair-indexed builtins hand-written, saying why", () => {
    const reason = (n: string) => meaning.handWrittenNames.find((h) => h.name === n)?.reason;
    for (const n of ["Sym.vecL1", "Sym.vecL2Sq", "Sym.vecLInf", "Sym.pairMulVec"]) expect(reason(n)).toMatch(/by pairs .* does not say how its size splits/);
    expect(reason("Sym.Autoencoder.jac")).toMatch(/size `m` of the Lean type is not determined/);
    expect(reason("Sym.finMax")).toMatch(/primitive of the evaluator/);
    expect(reason("Sym.Group.zpow")).toBeDefined();
  });
});
