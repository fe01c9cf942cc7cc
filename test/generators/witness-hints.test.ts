import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactContext, valueEq } from "../../src/semantics/context.js";
import { phi, unnestMatrices, widths } from "../../src/semantics/net.js";
import { matrixArb, paramsArb } from "../../src/generators/matrix.js";
import { rescaledParameters, twoLayerFactorization, witnessHints } from "../../src/generators/witness-hints.js";

const ctx = exactContext();
const F = ctx.F;
const SEED = 99;

describe("witness hints", () => {
  it("R3.2a: A = W₂ W₁ through any hidden width m ≥ min(n, k)", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([k, n]) =>
          fc.tuple(matrixArb(F, k, n), fc.integer({ min: Math.min(n, k), max: 5 })),
        ),
        ([A, m]) => {
          const p = twoLayerFactorization(F, A, m);
          if (!p) return false;
          const Ws = unnestMatrices(p);
          return JSON.stringify(widths(Ws)) === JSON.stringify([A.cols, m, A.rows]) && valueEq(ctx, phi(F, Ws), A);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
  it("R3.2a: no factorization below min(n, k)", () => {
    const [A] = fc.sample(matrixArb(F, 3, 3), { seed: SEED, numRuns: 1 });
    if (!A) throw new Error("sample");
    expect(twoLayerFactorization(F, A, 2)).toBeUndefined();
  });
  it("R3.2c: rescaled parameters have the same map and differ when W₁ ≠ 0", () => {
    fc.assert(
      fc.property(paramsArb(F, [2, 3, 2, 1]), (Ws) => {
        const p = witnessHints["Sym.Net.exists_ne_map_eq"]?.(F, { p: { kind: "list", items: Ws } }) ?? [];
        const q = p[0] ?? rescaledParameters(F, { kind: "list", items: Ws });
        if (!q) return false;
        const Qs = unnestMatrices(q);
        const firstZero = Ws[0]?.data.every((r) => r.every((x) => F.isExactZero(x)));
        return valueEq(ctx, phi(F, Qs), phi(F, Ws)) && (firstZero || !valueEq(ctx, Qs[0] as never, Ws[0] as never));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe("R3.2a for any depth", () => {
  it("factors A through widths all at least min(n, k)", async () => {
    const { factorThroughWidths } = await import("../../src/generators/witness-hints.js");
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([k, n]) =>
          fc.tuple(matrixArb(F, k, n), fc.array(fc.integer({ min: Math.min(n, k), max: 4 }), { minLength: 0, maxLength: 3 }).map((ws) => [...ws, k])),
        ),
        ([A, ws]) => {
          const p = factorThroughWidths(F, A, ws);
          if (!p) return false;
          const Ws = unnestMatrices(p);
          return JSON.stringify(widths(Ws)) === JSON.stringify([A.cols, ...ws]) && valueEq(ctx, phi(F, Ws), A);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("J3.11 hints", () => {
  it("the shear representation is a faithful representation of ℤ^d", async () => {
    const { shearRepresentationFn } = await import("../../src/generators/witness-hints.js");
    const { defaultRegistry } = await import("../../src/semantics/builtins/index.js");
    for (const d of [1, 2, 3]) {
      const rho = shearRepresentationFn(F, d);
      expect(defaultRegistry.call(ctx, "Sym.IsTranslationRep", [rho])).toBe(true);
      expect(defaultRegistry.call(ctx, "Sym.IsFaithful", [rho])).toBe(true);
      expect(defaultRegistry.call(ctx, "Sym.IsOrthogonal", [defaultRegistry.call(ctx, "Sym.shearGL", [d, { kind: "vec", size: d, data: Array.from({ length: d }, () => F.one) }])])).toBe(false);
    }
  });
});
