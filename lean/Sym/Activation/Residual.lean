module

public import Sym.Linear.Net

/-!
# Nonlinear networks and the residual group of an activation (paper section 3.2)

For a scalar function `σ` applied entrywise (`Sym.Vec.map σ`), the network
`Φ_σ(W) x = W_L σ(W_{L-1} σ(⋯ σ(W₁ x)))` is `Sym.Net.eval σ p x`. The residual group
`G_σ` of invertible matrices that commute with `σ` is the predicate `Sym.IsResidual σ`.

## Main statements
- P3.2a: `Sym.Net.eval_act`: if every hidden-layer matrix `Kᵢ` commutes with `σ`, the layer
  action leaves `Φ_σ` unchanged.
- D3.7: `Sym.IsResidual`.
- P3.8: `Sym.isSubgroup_isResidual`: `G_σ` is a subgroup of `GL n`, for every `σ`.
- `Sym.isResidual_of_isPermMat`: permutation matrices commute with every entrywise `σ`
  (used for C3.9 and J3.10).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.CommRing α]

/-- D3.7: `K` lies in the residual group `G_σ` of the entrywise activation `σ`:
`σ(K h) = K σ(h)` for every vector `h`. -/
def IsResidual (σ : α → α) {n : Nat} (K : GL n α) : Prop :=
  ∀ h : Vec n α, Vec.map σ (K.val * h) = K.val * Vec.map σ h

/-- P3.8: for every activation `σ`, the residual group `G_σ` is a subgroup of `GL n`. -/
theorem isSubgroup_isResidual (σ : α → α) (n : Nat) :
    IsSubgroup (IsResidual σ : GL n α → Prop) where
  one_mem h := by
    show Vec.map σ (Mat.one n * h) = Mat.one n * Vec.map σ h
    rw [Mat.one_mulVec, Mat.one_mulVec]
  mul_mem K H hK hH h := by
    show Vec.map σ (K.val * H.val * h) = K.val * H.val * Vec.map σ h
    rw [← Mat.mulVec_mulVec, hK, hH, Mat.mulVec_mulVec]
  inv_mem K hK h := by
    show Vec.map σ (K.inv * h) = K.inv * Vec.map σ h
    have e := hK (K.inv * h)
    rw [GL.val_mulVec_inv_mulVec] at e
    rw [e, GL.inv_mulVec_mulVec]

/-- Permutation matrices lie in `G_σ` for every entrywise `σ`. -/
theorem isResidual_of_isPermMat (σ : α → α) {n : Nat} (K : GL n α) (hK : IsPermMat K) :
    IsResidual σ K := by
  obtain ⟨p, hp⟩ := hK
  intro h
  rw [hp]
  ext i
  simp only [Vec.map_apply, Perm.toMat_mulVec_apply]

namespace Net

/-- The nonlinear network `Φ_σ(W) x = W_L σ(W_{L-1} σ(⋯ σ(W₁ x)))`: `σ` is applied entrywise
after every layer but the last. -/
def eval (σ : α → α) {n : Nat} {ws : List Nat} (p : Params α n ws) (x : Vec n α) :
    Vec (outWidth n ws) α :=
  match ws, p with
  | [], _ => x
  | [_], p => p.1 * x
  | m :: m' :: ws, p => eval σ (n := m) (ws := m' :: ws) p.2 (Vec.map σ (p.1 * x))

theorem eval_actAux (σ : α → α) : ∀ {n m : Nat} {ws : List Nat} (Kin : Mat n n α)
    (K : LayerGroup α (m :: ws)) (p : Params α n (m :: ws)) (x : Vec n α),
    LayerGroup.Forall (fun _ K => IsResidual σ K) (m :: ws) K →
    eval σ (actAux Kin K p) x = eval σ p (Kin * x)
  | _, _, [], Kin, _, p, x, _ => by
    show p.1 * Kin * x = p.1 * (Kin * x)
    rw [Mat.mulVec_mulVec]
  | _, _, _ :: _, Kin, K, p, x, hK => by
    show eval σ (actAux K.1.inv K.2 p.2) (Vec.map σ (K.1.val * p.1 * Kin * x)) =
      eval σ p.2 (Vec.map σ (p.1 * (Kin * x)))
    rw [eval_actAux σ K.1.inv K.2 p.2 _ hK.2, ← Mat.mulVec_mulVec, ← Mat.mulVec_mulVec,
      hK.1, GL.inv_mulVec_mulVec, Mat.mulVec_mulVec]

/-- P3.2a: if every hidden-layer matrix `Kᵢ` commutes with the entrywise activation `σ`
(`σ(Kᵢ h) = Kᵢ σ(h)` for all `h`), then `Φ_σ(K · W) = Φ_σ(W)`. -/
theorem eval_act (σ : α → α) {n : Nat} {ws : List Nat} (K : LayerGroup α ws)
    (p : Params α n ws) (x : Vec n α)
    (hK : LayerGroup.Forall (fun _ K => IsResidual σ K) ws K) :
    eval σ (act K p) x = eval σ p x := by
  cases ws with
  | nil => rfl
  | cons m ws => rw [act, eval_actAux σ _ K p x hK, Mat.one_mulVec]

end Net

end Sym

end
