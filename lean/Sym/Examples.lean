module

public import Sym.Activation.ReLU
public import Sym.Activation.Sigmoid
public import Sym.Translation
public import Sym.Norm.EntrywiseConverse

/-!
# Examples for sections 3.1–3.3

Examples for sections 3.1–3.2, then the ordered-field theorems of section 3.3 at the
rationals. The two parts follow.

## Examples for sections 3.1–3.2

Concrete instances of the main definitions and theorems: a small integer network evaluated by
`decide`, the main theorems instantiated at the rationals (the scalar type the numeric harness
uses), and the identity activation as a reminder that the hypotheses of the conditional sigmoid
theorem (J3.10) are needed.

### Main statements
- `Sym.Examples.identity_not_sigmoidConjecture`: for `σ = id`, `2 I ∈ G_σ` is no permutation.

## Examples for section 3.3: the ordered-field theorems at the rationals

The theorems of section 3.3 about entrywise norms and penalty scaling assume an ordered field
(`Lean.Grind.Field`, a linear order, `Lean.Grind.OrderedRing`). Here they are instantiated at
`Rat`, the scalar type of the numeric harness, which shows that these type-class assumptions can
be met (as the first part does for sections 3.1–3.2). The docstrings name the claims in
parentheses: these instances carry no claim of their own.

### Main statements
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

namespace Sym.Examples

/-- The first layer `[[2, 3]]` of a network `2 → 1 → 1`. -/
def W₁ : Mat 1 2 Int := fun _ j => if j.val = 0 then 2 else 3

/-- The second layer `[[5]]`. -/
def W₂ : Mat 1 1 Int := fun _ _ => 5

/-- The parameters `(W₁, W₂)`. -/
def params : Net.Params Int 2 [1, 1] := (W₁, W₂, PUnit.unit)

/-- `Φ(W) = W₂ W₁ = [[10, 15]]`. -/
example : Net.map params (0 : Fin 1) (0 : Fin 2) = 10 := by decide
example : Net.map params (0 : Fin 1) (1 : Fin 2) = 15 := by decide

/-- P3.6 at the rationals, for a network `5 → 3 → 4 → 2`. -/
example (K : Net.LayerGroup Rat [3, 4, 2]) (p : Net.Params Rat 5 [3, 4, 2]) :
    Net.map (Net.act K p) = Net.map p :=
  Net.map_act K p

/-- P3.2a at the rationals with ReLU and positive monomial hidden-layer matrices. -/
example (K : Net.LayerGroup Rat [3, 2]) (p : Net.Params Rat 4 [3, 2]) (x : Vec 4 Rat)
    (hK : Net.LayerGroup.Forall (fun _ K => IsResidual relu K) [3, 2] K) :
    Net.eval relu (Net.act K p) x = Net.eval relu p x :=
  Net.eval_act relu K p x hK

/-- C3.9 at the rationals. -/
example (K : GL 3 Rat) : IsResidual relu K ↔ IsPosMonomial K := isResidual_relu_iff K

/-- R3.9b at the rationals. -/
example (K : GL 2 Rat) (hK : K.val = Mat.of2 (3/5) (-4/5) (4/5) (3/5)) :
    ¬ IsResidual relu K :=
  not_isResidual_relu_rot K hK

/-- J3.11 refuted at the rationals. -/
example : ¬ TranslationConjecture Rat 2 1 := not_translationConjecture

/-- The hypotheses of the conditional J3.10 theorem matter: for the identity activation,
`2 I` commutes with `σ` but is not a permutation matrix, so `G_σ = Perm n` fails. -/
theorem identity_not_sigmoidConjecture : ¬ SigmoidConjecture (fun x : Rat => x) 1 := by
  intro h
  have h2 : (2 : Rat) * (1 / 2) = 1 := by grind
  have hres : IsResidual (fun x : Rat => x) (GL.scalar 1 2 (1 / 2) h2) := fun _ => rfl
  obtain ⟨p, hp⟩ := (h _).mp hres
  have e := congrFun (congrFun hp 0) 0
  simp only [GL.scalar_val, Mat.scalar_apply, Perm.toMat_apply] at e
  have : p.toFun 0 = 0 := by rcases p.toFun 0 with ⟨i, hi⟩; apply Fin.ext; show i = 0; omega
  rw [this] at e
  simp at e

end Sym.Examples

end

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
