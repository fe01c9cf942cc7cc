import { describe, expect, it } from "vitest";
import { concludes, conclusionOf } from "../../src/report/verdict.js";
import type { DeclarationEvidence } from "../../src/report/types.js";

const decl = (statement: string): DeclarationEvidence => ({ statement }) as DeclarationEvidence;

describe("conclusions of Lean headers", () => {
  it("takes the text after the last colon outside brackets", () => {
    expect(conclusionOf("{α : Type u} [inst : Lean.Grind.Field α] (x : α) : P x")).toBe("P x");
    expect(conclusionOf(": TransposeTheorem α")).toBe("TransposeTheorem α");
  });

  it("a theorem concludes the proposition its conclusion applies, qualified or not", () => {
    expect(concludes(decl(": TransposeTheorem α"), "Sym.Autoencoder.TransposeTheorem")).toBe(true);
    expect(concludes(decl(": SigmoidLike (softsignSigmoid : α → α)"), "Sym.SigmoidLike")).toBe(true);
    expect(concludes(decl(": Sym.SigmoidLike σ"), "Sym.SigmoidLike")).toBe(true);
    expect(concludes(decl(": HypA ∧ HypB"), "Sym.HypB")).toBe(true);
    expect(concludes(decl(": HypA ∧ (HypB → False)"), "Sym.HypB")).toBe(false);
  });

  it("a negation, an implication or another proposition does not conclude it", () => {
    expect(concludes(decl(": ¬ TransposeTheorem α"), "Sym.Autoencoder.TransposeTheorem")).toBe(false);
    expect(concludes(decl(": TransposeTheorem α → False"), "Sym.Autoencoder.TransposeTheorem")).toBe(false);
    expect(concludes(decl(": SigmoidLike σ ∨ σ 0 = 1"), "Sym.SigmoidLike")).toBe(false);
    expect(concludes(decl(": IsSigmoidLike σ"), "Sym.SigmoidLike")).toBe(false);
    expect(concludes(decl("(h : SigmoidLike σ) : σ 0 ≠ 0"), "Sym.SigmoidLike")).toBe(false);
  });
});
