import { describe, expect, it } from "vitest";
import { mutantsOf, symmetricByConstruction, type Mutant } from "../../src/mutate/operators.js";
import { parseTerm } from "../../src/parser/index.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { fixtureLibrary } from "./fixtures.js";

const lib = fixtureLibrary();
const mutants = (name: string): Mutant[] => {
  const d = lib.byName.get(name);
  if (!d) throw new Error(`no ${name}`);
  return mutantsOf(lib, defaultRegistry, d);
};
const find = (ms: Mutant[], op: string, description: string): Mutant | undefined => ms.find((m) => m.operator === op && m.description === description);

describe("mutation operators produce the intended variants of the planned statement term", () => {
  const mul = mutants("Sym.fx_mul");

  it("swaps the operands of a product of square matrices", () => {
    const m = find(mul, "swap-operands", "`A * Bᵀ` → `Bᵀ * A`");
    expect(m?.text).toContain(": Bᵀ * A = K.val * A");
    expect(m?.discard).toBeUndefined();
  });

  it("drops and adds transposes, and swaps a group element's matrix for its inverse", () => {
    expect(find(mul, "transpose", "`Bᵀ` → `B`")?.text).toContain(": A * B = K.val * A");
    expect(find(mul, "transpose", "`K.val` → `K.valᵀ`")?.text).toContain("= K.valᵀ * A");
    expect(find(mul, "inverse", "`K.val` → `K.inv`")?.text).toContain("= K.inv * A");
    // A group element is never transposed as itself (`Kᵀ` does not type-check for `GL`).
    expect(mul.some((m) => m.description === "`K` → `Kᵀ`")).toBe(false);
  });

  it("drops a hypothesis and widens a group predicate in a premise (a stronger statement, kept)", () => {
    const drop = mul.find((m) => m.operator === "drop-hypothesis" && m.description.includes("hK"));
    expect(drop?.text).not.toContain("hK");
    expect(drop?.discard).toBeUndefined();
    const widened = find(mul, "group-predicate", "`IsPermMat K` → `IsSignedPerm K`");
    expect(widened).toMatchObject({ polarity: -1, direction: "weaker" });
    expect(widened?.discard).toBeUndefined();
    expect(widened?.text).toContain("(hK : IsSignedPerm K)");
  });

  it("turns < into ≤ and discards a raised lower bound of a premise as implied by the theorem", () => {
    expect(find(mul, "relation", "`0 < t` → `0 ≤ t`")?.discard).toBeUndefined();
    const raised = mul.find((m) => m.operator === "constant" && m.description.startsWith("`0` → `1`"));
    expect(raised?.discard?.reason).toBe("implied");
  });

  it("narrows a group predicate in a conclusion (kept) and discards its widening (implied) and a conclusion equal to a hypothesis", () => {
    const pred = mutants("Sym.fx_pred");
    expect(find(pred, "group-predicate", "`IsSignedPerm K` → `IsPermMat K`")?.discard?.reason).toBe("tautology");
    expect(find(pred, "group-predicate", "`IsPermMat K` → `IsSignedPerm K`")?.discard?.reason).toBe("tautology");
    expect(find(pred, "group-predicate", "`IsPermMat K` → `IsPosMonomial K`")?.discard).toBeUndefined();
    expect(find(pred, "group-predicate", "`IsSignedPerm K` → `IsOrthogonal K`")?.discard?.reason).toBe("implied");
  });

  it("swaps ∀∃ into ∃∀ across the theorem's binders and flips ∃ into ∀", () => {
    const ex = mutants("Sym.fx_exists");
    const swapped = ex.find((m) => m.operator === "quantifier" && m.description.startsWith("∀ A"));
    expect(swapped?.text).toMatch(/: ∃ \(?B : Mat n n α\)?, ∀ \(?A : Mat n n α\)?, A = B$/);
    expect(swapped).toMatchObject({ polarity: 1, direction: "stronger" });
    expect(ex.some((m) => m.operator === "quantifier" && /: ∀ \(?B : Mat n n α\)?, A = B$/.test(m.text))).toBe(true);
  });

  it("changes constants and flips signs of scalars, and discards a swap of commuting scalars", () => {
    const sc = mutants("Sym.fx_scal");
    expect(sc.some((m) => m.operator === "constant" && m.text.endsWith("(h : a ≤ b) : a * 3 ≤ b * 2"))).toBe(true);
    expect(sc.some((m) => m.operator === "sign" && m.text.endsWith(": a * -2 ≤ b * 2"))).toBe(true);
    expect(find(sc, "swap-operands", "`a * 2` → `2 * a`")?.discard?.reason).toBe("commutative");
    expect(find(sc, "swap-operands", "`a ≤ b` → `b ≤ a`")?.discard).toBeUndefined();
  });

  it("discards the transpose dropped from a symmetric expression", () => {
    const sym = mutants("Sym.fx_sym");
    const dropped = find(sym, "transpose", "`(Aᵀ * A)ᵀ` → `Aᵀ * A`");
    expect(dropped?.discard?.reason).toBe("symmetric");
    const x = parseTerm("Aᵀ * A");
    expect(x.ok && symmetricByConstruction(x.value)).toBe(true);
    const y = parseTerm("A * B");
    expect(y.ok && symmetricByConstruction(y.value)).toBe(false);
  });

  it("discards an operand swap that is the identity (both operands the same term)", () => {
    const sq = mutants("Sym.fx_sq");
    const swap = find(sq, "swap-operands", "`a * a` → `a * a`");
    expect(swap?.discard?.reason).toBe("identity");
    // The raised lower bound of the conclusion is a stronger statement: kept.
    const raised = sq.find((m) => m.operator === "constant" && m.description.startsWith("`0` → `1`"));
    expect(raised).toMatchObject({ polarity: 1, direction: "stronger" });
    expect(raised?.discard).toBeUndefined();
  });

  it("never rewrites sizes: numerals inside a binder type or a `Nat` argument stay", () => {
    for (const m of mul) expect(m.text).toContain("{n : Nat} (A : Mat n n α) (B : Mat n n α) (K : GL n α)");
  });
});
