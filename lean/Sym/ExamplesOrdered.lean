module

public import Sym.Norm.EntrywiseConverse
public import Sym.Activation.SigmoidModel

/-!
# Examples for section 3.3: the ordered-field theorems at the rationals

The theorems of section 3.3 about entrywise norms and penalty scaling assume an ordered field
(`Lean.Grind.Field`, a linear order, `Lean.Grind.OrderedRing`). Here they are instantiated at
`Rat`, the scalar type of the numeric harness, which shows that these type-class assumptions can
be met (as `Sym.Examples` does for sections 3.1–3.2). The docstrings name the claims in
parentheses: these instances carry no claim of their own.

## Main statements
- `Sym.ExamplesOrdered.residualGroup_entryL1_rat`, `…_entryLInf_rat`: the residual groups of
  the entrywise ℓ1 and ℓ∞ penalties over `Rat` are the signed permutations (J3.22b, corrected).
- `Sym.ExamplesOrdered.classification_rat`: Frobenius ↦ `O d`, ℓ1 and ℓ∞ ↦ `B d` (R3.22c).
- `Sym.ExamplesOrdered.not_entrywiseL1Conjecture_rat`: the literal conjecture 3.22 fails over
  `Rat` (J3.22b).
- `Sym.ExamplesOrdered.tied_penalty_eq_iff_rat`: the tied penalty is minimal exactly at `t = 1`
  over `Rat` (R3.20b).
- An example: the rational sigmoid stand-in (`Sym.softsignSigmoid`) at `1` is `3/4`.
-/

@[expose] public noncomputable section

namespace Sym.ExamplesOrdered

/-- Over `Rat` (J3.22b, corrected, p = 1), for `3 × 2` matrices. -/
theorem residualGroup_entryL1_rat (K : GL 3 Rat) :
    residualGroup 2 entryL1 entryL1 K ↔ IsSignedPerm K :=
  residualGroup_entryL1_iff 2 (by decide) K

/-- Over `Rat` (J3.22b, corrected, p = ∞), for `3 × 2` matrices. -/
theorem residualGroup_entryLInf_rat (K : GL 3 Rat) :
    residualGroup 2 entryLInf entryLInf K ↔ IsSignedPerm K :=
  residualGroup_entryLInf_iff 2 (by decide) K

/-- Over `Rat` (R3.22c): the three residual groups for `4 × 1` matrices. -/
theorem classification_rat (K : GL 4 Rat) :
    (residualGroup 1 frobSq frobSq K ↔ IsOrthogonal K) ∧
      (residualGroup 1 entryL1 entryL1 K ↔ IsSignedPerm K) ∧
      (residualGroup 1 entryLInf entryLInf K ↔ IsSignedPerm K) ∧
      (IsSignedPerm K → IsOrthogonal K) :=
  residual_groups_classification 1 (by decide) K

/-- Over `Rat` (J3.22b): the literal conjecture fails. -/
theorem not_entrywiseL1Conjecture_rat : ¬ EntrywiseL1Conjecture Rat :=
  not_entrywiseL1Conjecture

/-- Over `Rat` (R3.20b): the tied penalty is minimal exactly at `t = 1`. -/
theorem tied_penalty_eq_iff_rat (l c t : Rat) (hl : 0 < l) (hc : 0 < c) (ht : 0 < t) :
    l * (t + 1 / t) * c = 2 * l * c ↔ t = 1 :=
  Autoencoder.tied_penalty_eq_iff l c t hl hc ht

/-- The rational sigmoid stand-in at `1`: `1/2 + 1/4 = 3/4`. -/
example : softsignSigmoid (1 : Rat) = 3 / 4 := by
  rw [softsignSigmoid_one]
  grind

end Sym.ExamplesOrdered

end
