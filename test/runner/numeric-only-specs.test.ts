/**
 * The numeric-only properties as data: their names, claims, statements, variables and premises,
 * each premise evaluated on values where it must hold and where it must not, each conclusion on a
 * case it must accept and one it must reject; and `numericOnlyNames`, which narrows them to a claim
 * or a record name for `npm run check --claim/--decl`.
 */
import { describe, expect, it } from "vitest";
import { isometryGroups, NUMERIC_ONLY_SCHATTEN_EXPONENTS, numericOnlyNames, numericOnlyProperties, SCHATTEN, unitarilyInvariant } from "../../src/runner/numeric-only.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { matrix } from "../../src/semantics/value.js";

const $ = new Runtime("float", defaultRegistry);
const mat = (rows: number[][]): V => matrix(rows.map((r) => r.map((x) => x as never))) as V;
const I2 = mat([[1, 0], [0, 1]]);
const SWAP = mat([[0, 1], [1, 0]]);
const STRETCH = mat([[2, 0], [0, 1]]);

describe("numericOnlyNames", () => {
  it("lists every property with its claim when not narrowed", () => {
    expect(numericOnlyNames()).toEqual([
      { declaration: "NumericOnly.isUnitarilyInvariant_schatten_p1", claimId: "P3.18" },
      { declaration: "NumericOnly.isUnitarilyInvariant_schatten_p3", claimId: "P3.18" },
      { declaration: "NumericOnly.isUnitarilyInvariant_schatten_pInf", claimId: "P3.18" },
      { declaration: "NumericOnly.isometry_schatten_iff_isOrthogonal_p1", claimId: "C3.19" },
      { declaration: "NumericOnly.isometry_schatten_iff_isOrthogonal_p3", claimId: "C3.19" },
      { declaration: "NumericOnly.isometry_schatten_iff_isOrthogonal_pInf", claimId: "C3.19" },
    ]);
  });
  it("narrows to a claim, to a record name, or to both (then possibly nothing)", () => {
    expect(numericOnlyNames("C3.19").map((m) => m.declaration)).toEqual([
      "NumericOnly.isometry_schatten_iff_isOrthogonal_p1",
      "NumericOnly.isometry_schatten_iff_isOrthogonal_p3",
      "NumericOnly.isometry_schatten_iff_isOrthogonal_pInf",
    ]);
    expect(numericOnlyNames(undefined, "NumericOnly.isUnitarilyInvariant_schatten_p3")).toEqual([{ declaration: "NumericOnly.isUnitarilyInvariant_schatten_p3", claimId: "P3.18" }]);
    expect(numericOnlyNames("P3.18", "NumericOnly.isUnitarilyInvariant_schatten_pInf")).toHaveLength(1);
    expect(numericOnlyNames("C3.19", "NumericOnly.isUnitarilyInvariant_schatten_p1")).toEqual([]);
    expect(numericOnlyNames("X9")).toEqual([]);
  });
});

describe("the properties' declarations", () => {
  it("check p = 1, 3 and ∞ with the singular-value Schatten norm", () => {
    expect(NUMERIC_ONLY_SCHATTEN_EXPONENTS).toEqual([["1", 1], ["3", 3], ["∞", Infinity]]);
    expect(SCHATTEN).toBe("Sym.schatten");
  });

  it("P3.18's meta names the claim, the float mode, its source and a statement that says numeric only", () => {
    expect(unitarilyInvariant("∞", Infinity).meta).toEqual({
      declaration: "NumericOnly.isUnitarilyInvariant_schatten_pInf",
      claimId: "P3.18",
      source: "src/runner/numeric-only.ts",
      mode: "float",
      statement: "IsUnitarilyInvariant m n (schatten ∞) (numeric only: p = ∞ is not in Lean)",
    });
  });

  it("P3.18 draws sizes, orthogonal U and V of the matching sizes and any m × n matrix, with orthogonality premises", () => {
    const m = unitarilyInvariant("3", 3);
    expect(m.variables).toEqual([
      { name: "m", key: "m", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      { name: "n", key: "n", type: { k: "nat" }, constraint: "none", lean: "Nat" },
      { name: "U", key: "U", type: { k: "mat", m: "m", n: "m" }, constraint: "pred:Sym.IsOrthogonal", lean: "GL m α" },
      { name: "V", key: "V", type: { k: "mat", m: "n", n: "n" }, constraint: "pred:Sym.IsOrthogonal", lean: "GL n α" },
      { name: "A", key: "A", type: { k: "mat", m: "m", n: "n" }, constraint: "none", lean: "Mat m n α" },
    ]);
    expect(m.assignments).toEqual([]);
    expect(m.premises.map((p) => [p.name, p.kind, p.lean])).toEqual([
      ["hU", "generated", "IsOrthogonal U"],
      ["hV", "generated", "IsOrthogonal V"],
    ]);
  });

  it("C3.19's meta, variables and premises: D > 0, Q orthogonal, G invertible", () => {
    const m = isometryGroups("1", 1);
    expect(m.meta).toEqual({
      declaration: "NumericOnly.isometry_schatten_iff_isOrthogonal_p1",
      claimId: "C3.19",
      source: "src/runner/numeric-only.ts",
      mode: "float",
      statement: "(IsLeftIsometry D (schatten 1) K ↔ IsOrthogonal K) ∧ (IsRightIsometry D (schatten 1) K ↔ IsOrthogonal K) for K = Q orthogonal and K = G invertible (numeric only: p = 1 is not in Lean)",
    });
    expect(m.variables.map((v) => [v.name, v.key, v.type, v.constraint, v.lean])).toEqual([
      ["d", "d", { k: "nat" }, "none", "Nat"],
      ["D", "D", { k: "nat" }, "positive", "Nat"],
      ["Q", "Q", { k: "mat", m: "d", n: "d" }, "pred:Sym.IsOrthogonal", "GL d α"],
      ["G", "G", { k: "mat", m: "d", n: "d" }, "pred:Sym.IsInvertible", "GL d α"],
    ]);
    expect(m.premises.map((p) => [p.name, p.kind, p.lean])).toEqual([
      ["hD", "generated", "0 < D"],
      ["hQ", "generated", "IsOrthogonal Q"],
      ["hG", "generated", "IsInvertible G"],
    ]);
    expect(numericOnlyProperties.filter((p) => p.meta.claimId === "C3.19").map((p) => p.meta.statement.match(/schatten (\S+)\)/)?.[1])).toEqual(["1", "3", "∞"]);
  });
});

describe("the premises and conclusions on chosen values", () => {
  it("P3.18's premises hold for orthogonal matrices only", () => {
    const [hU, hV] = unitarilyInvariant("1", 1).premises;
    expect(hU!.holds!($, { U: SWAP, V: STRETCH } as never)).toBe(true);
    expect(hV!.holds!($, { U: SWAP, V: STRETCH } as never)).toBe(false);
    expect(hU!.holds!($, { U: STRETCH, V: I2 } as never)).toBe(false);
    expect(hV!.holds!($, { U: STRETCH, V: I2 } as never)).toBe(true);
  });

  it("P3.18's conclusion accepts U A V with orthogonal U, V and rejects a stretch (it compares the norms of U A V and A)", () => {
    const c = unitarilyInvariant("1", 1).conclusion;
    const A = mat([[1, 2], [3, 4]]);
    expect(c($, { m: 2, n: 2, U: SWAP, V: I2, A } as never)).toBe(true);
    expect(c($, { m: 2, n: 2, U: STRETCH, V: I2, A } as never)).toBe(false);
    expect(c($, { m: 2, n: 2, U: I2, V: STRETCH, A } as never)).toBe(false);
  });

  it("C3.19's premises: D must be positive, Q orthogonal, G invertible", () => {
    const [hD, hQ, hG] = isometryGroups("3", 3).premises;
    const SINGULAR = mat([[1, 1], [1, 1]]);
    expect(hD!.holds!($, { D: 1 } as never)).toBe(true);
    expect(hD!.holds!($, { D: 0 } as never)).toBe(false);
    expect(hQ!.holds!($, { Q: SWAP } as never)).toBe(true);
    expect(hQ!.holds!($, { Q: STRETCH } as never)).toBe(false);
    expect(hG!.holds!($, { G: STRETCH } as never)).toBe(true);
    expect(hG!.holds!($, { G: SINGULAR } as never)).toBe(false);
  });

  it("C3.19's conclusion holds for the Schatten norm on an orthogonal Q and a non-orthogonal G, and fails for a norm whose isometries differ", () => {
    const args = { d: 2, D: 1, Q: SWAP, G: STRETCH } as never;
    expect(isometryGroups("1", 1).conclusion($, args)).toBe(true);
    expect(isometryGroups("∞", Infinity).conclusion($, args)).toBe(true);
    // Entrywise ℓ1: a rotation by 45° is orthogonal but not an isometry of it.
    const r = Math.SQRT1_2;
    expect(isometryGroups("1", 1, "Sym.lp").conclusion($, { d: 2, D: 1, Q: mat([[r, -r], [r, r]]), G: STRETCH } as never)).toBe(false);
  });
});
