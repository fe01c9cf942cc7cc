module

public import Sym.Activation.ReLU
public import Sym.Activation.Sigmoid
public import Sym.Translation

/-!
# Examples for sections 3.1–3.2

Concrete instances of the main definitions and theorems: a small integer network evaluated by
`decide`, the main theorems instantiated at the rationals (the scalar type the numeric harness
uses), and the identity activation as a reminder that the hypotheses of the conditional sigmoid
theorem (J3.10) are needed.

## Main statements
- `Sym.Examples.identity_not_sigmoidConjecture`: for `σ = id`, `2 I ∈ G_σ` is no permutation.
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
