module

public import Sym.Activation.Sigmoid
public import Sym.Norm.Entrywise

/-!
# The sigmoid hypotheses can be met (paper section 3.2.2)

Core Lean has no `exp`, so the results about the sigmoid rest on named hypotheses: the
structure `Sym.SigmoidLike σ` (J3.10) and `Sym.SigmoidAtZero σ`, i.e. `σ 0 = 1/2` (R3.10a).
This file shows that neither is vacuous: the rational function
`σ(t) = 1/2 + t / (2 (1 + |t|))` (`Sym.softsignSigmoid`, an increasing map onto `(0, 1)` with
`σ(-t) = 1 - σ(t)`, like the sigmoid) meets every field of both, over every ordered field and in
particular over `Rat`.

## Main statements
- R3.10a: `Sym.SigmoidAtZero` (the named hypothesis `σ 0 = 1/2`),
  `Sym.not_isResidual_scalar_of_sigmoidAtZero` (`c I ∉ G_σ` for `c ≠ 1`, conditional on it),
  `Sym.sigmoidAtZero_softsignSigmoid` (the hypothesis can be met).
- J3.10: `Sym.sigmoidLike_softsignSigmoid` (every field of `SigmoidLike` holds for
  `softsignSigmoid` over an ordered field), `Sym.sigmoidLike_softsignSigmoid_rat` (over `Rat`),
  `Sym.sigmoidConjecture_softsignSigmoid_rat` (hence `G_σ = Perm n` for it).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

section Field

variable {α : Type u} [Lean.Grind.Field α]

/-- R3.10a (hypothesis): the activation takes the sigmoid's value at zero, `σ 0 = 1/2`. -/
def SigmoidAtZero (σ : α → α) : Prop := σ 0 = 1 / 2

/-- R3.10a (conditional on `σ 0 = 1/2`): no scalar matrix `c I` with `c ≠ 1` commutes with `σ`. -/
theorem not_isResidual_scalar_of_sigmoidAtZero [Lean.Grind.IsCharP α 0] (σ : α → α)
    (hσ : SigmoidAtZero σ) (n : Nat) (c : α) (hc : c ≠ 1) (K : GL (n + 1) α)
    (hK : K.val = Mat.scalar (n + 1) c) : ¬ IsResidual σ K := by
  have h0 : σ 0 ≠ 0 := by
    unfold SigmoidAtZero at hσ
    rw [hσ]
    grind
  exact not_isResidual_scalar σ h0 n c hc K hK

end Field

section Ordered

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

/-- A rational stand-in for the sigmoid: `σ(t) = 1/2 + t / (2 (1 + |t|))`. -/
def softsignSigmoid (t : α) : α := 1 / 2 + t / (2 * (1 + absVal t))

theorem softsignSigmoid_zero : softsignSigmoid (0 : α) = 1 / 2 := by
  unfold softsignSigmoid absVal
  grind

theorem absVal_of_nonneg' {x : α} (h : 0 ≤ x) : absVal x = x := by
  unfold absVal
  grind

theorem absVal_of_neg' {x : α} (h : ¬ 0 ≤ x) : absVal x = -x := by
  unfold absVal
  grind

/-- R3.10a: `softsignSigmoid` meets the hypothesis `σ 0 = 1/2`. -/
theorem sigmoidAtZero_softsignSigmoid : SigmoidAtZero (softsignSigmoid : α → α) :=
  softsignSigmoid_zero

/-- `φ = σ - σ 0` at `1` is `1/4`. -/
theorem softsignSigmoid_one : softsignSigmoid (1 : α) = 1 / 2 + 1 / 4 := by
  unfold softsignSigmoid
  rw [absVal_of_nonneg' (by grind)]
  grind

theorem softsignSigmoid_two : softsignSigmoid (2 : α) = 1 / 2 + 1 / 3 := by
  unfold softsignSigmoid
  rw [absVal_of_nonneg' (by grind)]
  grind

/-- J3.10 (the hypotheses can be met): `softsignSigmoid` satisfies every field of
`SigmoidLike` over an ordered field. -/
theorem sigmoidLike_softsignSigmoid : SigmoidLike (softsignSigmoid : α → α) where
  zero_ne := by
    rw [softsignSigmoid_zero]
    grind
  odd t := by
    rw [softsignSigmoid_zero]
    unfold softsignSigmoid
    rw [absVal_neg]
    grind
  not_additive := by
    rw [softsignSigmoid_zero, softsignSigmoid_one, softsignSigmoid_two]
    grind
  scale k hk := by
    have e := hk 1
    rw [softsignSigmoid_zero, softsignSigmoid_one] at e
    have k1 : k * 1 = k := by grind
    rw [k1] at e
    unfold softsignSigmoid at e
    by_cases hnn : 0 ≤ k
    · rw [absVal_of_nonneg' hnn] at e
      have hD : 2 * (1 + k) ≠ 0 := by grind
      have hDi : 2 * (1 + k) * (2 * (1 + k))⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hD
      have e2 : k * (1 - k) = 0 := by grind
      by_cases hk0 : k = 0
      · exact Or.inl hk0
      · have hki : k * k⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hk0
        right; left
        grind
    · rw [absVal_of_neg' hnn] at e
      have hD : 2 * (1 + -k) ≠ 0 := by grind
      have hDi : 2 * (1 + -k) * (2 * (1 + -k))⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hD
      have e2 : k * (1 + k) = 0 := by grind
      have hk0 : k ≠ 0 := by grind
      have hki : k * k⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hk0
      right; right
      grind

end Ordered

/-- J3.10 (the hypotheses can be met over `Rat`): `σ(t) = 1/2 + t / (2 (1 + |t|))` on the
rationals satisfies every field of `SigmoidLike`. -/
theorem sigmoidLike_softsignSigmoid_rat : SigmoidLike (softsignSigmoid : Rat → Rat) :=
  sigmoidLike_softsignSigmoid

/-- R3.10a (the hypothesis can be met over `Rat`): `softsignSigmoid 0 = 1/2` on the rationals. -/
theorem sigmoidAtZero_softsignSigmoid_rat : SigmoidAtZero (softsignSigmoid : Rat → Rat) :=
  sigmoidAtZero_softsignSigmoid

/-- J3.10 (the rational stand-in): its residual group is exactly the permutation matrices. -/
theorem sigmoidConjecture_softsignSigmoid_rat (n : Nat) :
    SigmoidConjecture (softsignSigmoid : Rat → Rat) n :=
  sigmoidConjecture_of_sigmoidLike softsignSigmoid sigmoidLike_softsignSigmoid_rat n

end Sym

end
