/**
 * Premises that are equations in one scalar unknown (issue #12, item 4): an equation none of the
 * other rules fixes is solved at run time for its last free scalar when it is a polynomial of
 * degree at most 2 in it (`Runtime.scalarRoot`), so R3.20a's `balanced_of_scaledPenalty_sq_eq`
 * (premise `(t a + b / t)² = 4 a b`, met by about 1 % of random inputs before) is checked on
 * every run, and a false variant of it is refuted.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "../../src/runner/driver.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "lean/Sym/Autoencoder/Scaling.lean";
const library = readFileSync(path.join(root, file), "utf8");
// A false variant (conclusion `t a = b` instead of `t² a = b`), appended inside the file's namespace.
const variant = library.replace(
  /\nend Ordered\n/,
  "\ntheorem balanced_wrong (a b t : α) (ht : 0 < t)\n    (h : scaledPenalty a b t * scaledPenalty a b t = 4 * a * b) : t * a = b := by\n  sorry\n\nend Ordered\n",
);
const SEED = 20261127;

describe("a scalar equation premise solved for its unknown", () => {
  it("meets `scaledPenalty a b t * scaledPenalty a b t = 4 * a * b` in all 1,000 runs at a fixed seed (before: weak, about 1 %)", async () => {
    const r = await checkSource(root, defaultRegistry, file, library, "Sym.Autoencoder.balanced_of_scaledPenalty_sq_eq", { runs: 1000, seed: SEED });
    expect(r.status).toBe("passed");
    expect(r.runs).toBe(1000);
    expect(r.premisesHeld ?? r.runs - r.skips).toBeGreaterThanOrEqual(1000);
    expect(r.message).toMatch(/h: solved for its scalar unknown/);
  });

  it("refutes a false variant with the same premise (conclusion `t a = b`) with an exact counterexample that meets the premise", async () => {
    expect(variant).toContain("balanced_wrong");
    const r = await checkSource(root, defaultRegistry, file, variant, "Sym.Autoencoder.balanced_wrong", { runs: 300, seed: SEED });
    expect(r.status).toBe("counterexample");
    const cx = JSON.stringify(r.counterexample);
    expect(cx).toMatch(/"a"/);
  });

  it("returns the drawn value when the equation is no polynomial of degree ≤ 2 in the unknown, or has no rational root", () => {
    const $ = new Runtime("exact", defaultRegistry);
    const F = $.F;
    const n = (k: number) => F.fromInt(k) as unknown as V;
    const env = { a: n(2) } as Record<string, V>;
    // x³ = 8: degree 3 (the fit through 0, 1, 2 fails at −1 and 3).
    const cube = (v: Record<string, V>): V[] => [F.mul(F.mul(v.x as never, v.x as never), v.x as never) as never, n(8)];
    expect(F.eq($.scalarRoot(env, "x", cube, n(5)) as never, F.fromInt(5))).toBe(true);
    // x² = 2: no rational root.
    const two = (v: Record<string, V>): V[] => [F.mul(v.x as never, v.x as never) as never, n(2)];
    expect(F.eq($.scalarRoot(env, "x", two, n(5)) as never, F.fromInt(5))).toBe(true);
    // x² = a² with a = 2: the root's sign follows the drawn value's.
    const sq = (v: Record<string, V>): V[] => [F.mul(v.x as never, v.x as never) as never, F.mul(v.a as never, v.a as never) as never];
    expect(F.eq($.scalarRoot(env, "x", sq, n(5)) as never, F.fromInt(2))).toBe(true);
    expect(F.eq($.scalarRoot(env, "x", sq, n(-5)) as never, F.fromInt(-2))).toBe(true);
    // 3 x − 6 = 0: linear.
    const lin = (v: Record<string, V>): V[] => [F.mul(F.fromInt(3), v.x as never) as never, n(6)];
    expect(F.eq($.scalarRoot(env, "x", lin, n(5)) as never, F.fromInt(2))).toBe(true);
  });
});

describe("a scalar equation solved in float mode", () => {
  it("takes a double root whose discriminant rounding made slightly negative as the root, never NaN", () => {
    const $ = new Runtime("float", defaultRegistry);
    const F = $.F;
    const num = (x: number) => F.fromNumber(x) as unknown as V;
    // (x − 0.1)² = 0: the fitted discriminant is a tiny negative number in doubles.
    const sq = (v: Record<string, V>): V[] => {
      const d = F.sub(v.x as never, F.fromNumber(0.1));
      return [F.mul(d, d) as never, num(0)];
    };
    const root = F.toNumber($.scalarRoot({}, "x", sq, num(5)) as never);
    expect(Number.isNaN(root)).toBe(false);
    expect(Math.abs(root - 0.1)).toBeLessThan(1e-6);
    // x² = 4: the drawn value's sign picks the root.
    const four = (v: Record<string, V>): V[] => [F.mul(v.x as never, v.x as never) as never, num(4)];
    expect(F.toNumber($.scalarRoot({}, "x", four, num(-3)) as never)).toBeCloseTo(-2, 12);
    // x² = −4: no real root, the drawn value stays.
    const none = (v: Record<string, V>): V[] => [F.mul(v.x as never, v.x as never) as never, num(-4)];
    expect(F.toNumber($.scalarRoot({}, "x", none, num(7)) as never)).toBe(7);
  });
});

describe("a matrix equation premise `X * A = B` solved for an unconstrained invertible X", () => {
  const relu = "lean/Sym/Activation/ReLU.lean";
  const text = readFileSync(path.join(root, relu), "utf8");
  // C3.9's uniqueness with the positivity of D₁ dropped: false (D₁ := D₂ P₂ P₁⁻¹ with P₁ ≠ P₂).
  const dropped = text.replace(
    /\n\/-- R3\.9b: ReLU breaks sign flips/,
    "\ntheorem unique_without_hD₁ {n : Nat} (D₁ D₂ P₁ P₂ : GL n α) (hD₂ : IsPosDiag D₂) (hP₁ : IsPermMat P₁)\n    (hP₂ : IsPermMat P₂) (h : D₁ * P₁ = D₂ * P₂) : D₁ = D₂ ∧ P₁ = P₂ := by\n  sorry\n\n/-- R3.9b: ReLU breaks sign flips",
  );

  it("refutes C3.9's uniqueness without `IsPosDiag D₁` (D₁ solved as D₂ P₂ P₁⁻¹), while the statement itself passes", async () => {
    expect(dropped).toContain("unique_without_hD₁");
    const bad = await checkSource(root, defaultRegistry, relu, dropped, "Sym.unique_without_hD₁", { runs: 300, seed: SEED });
    expect(bad.status).toBe("counterexample");
    const good = await checkSource(root, defaultRegistry, relu, text, "Sym.posDiag_mul_perm_unique", { runs: 300, seed: SEED });
    expect(good.status).toBe("passed");
  });
});
