module

public import Sym.Linear.Net

/-!
# Nonlinear networks, the residual group of an activation, and the necessity of the residual condition (paper section 3.2)

Nonlinear networks and the residual group of an activation, then the necessity of the residual
condition (P3.2b) and the activations that keep all of `GL n` (R3.8a). The two parts follow.

## Nonlinear networks and the residual group of an activation (paper section 3.2)

For a scalar function `σ` applied entrywise (`Sym.Vec.map σ`), the network
`Φ_σ(W) x = W_L σ(W_{L-1} σ(⋯ σ(W₁ x)))` is `Sym.Net.eval σ p x`. The residual group
`G_σ` of invertible matrices that commute with `σ` is the predicate `Sym.IsResidual σ`.

### Main statements
- P3.2a: `Sym.Net.eval_act`: if every hidden-layer matrix `Kᵢ` commutes with `σ`, the layer
  action leaves `Φ_σ` unchanged.
- D3.7: `Sym.IsResidual`.
- P3.8: `Sym.isSubgroup_isResidual`: `G_σ` is a subgroup of `GL n`, for every `σ`.
- `Sym.isResidual_of_isPermMat`: permutation matrices commute with every entrywise `σ`
  (used for C3.9 and J3.10).

## Necessity of the residual condition, and the activations that keep all of `GL n`
(paper section 3.2)

P3.2a (`Sym.Net.eval_act`) says that hidden-layer matrices commuting with `σ` leave
`Φ_σ` unchanged. The converse holds as soon as the parameters are free: on the network
`n → n → n` with `W₁ = I` and `W₂ = K`, the hidden pre-activation `W₁ x = x` ranges over every
vector and the invariance at `(I, K)` reads `σ(K x) = K σ(x)`.

An entrywise `σ` commutes with every invertible matrix only if it is linear: the scalar
matrices `t I` (`t ≠ 0`) give `σ(t y) = t σ(y)`, and `2 I` at `h = 0` gives `σ(0) = 0`.
So every nonlinear `σ` leaves a proper subgroup `G_σ` of `GL n`.

### Main statements
- P3.2b: `Sym.Net.isResidual_of_eval_act` (invariance for every parameter and input forces
  `σ(K h) = K σ(h)`), `Sym.Net.isResidual_iff_eval_act` (with P3.2a, both directions),
  `Sym.Net.exists_eval_act_not_isResidual` (the acted-on layer must be the last hidden layer:
  with a second hidden layer after it, the constant activation keeps `Φ_σ` under `(2 I, I)`).
- R3.8a: `Sym.eq_mul_of_forall_isResidual` (`G_σ = GL (n + 1)` forces `σ x = σ 1 * x`),
  `Sym.forall_isResidual_iff` (both directions), `Sym.exists_not_isResidual` (a nonlinear `σ`
  misses some invertible matrix).
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

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

namespace Net

variable {α : Type u} [Lean.Grind.CommRing α]

/-- P3.2b: necessity. If the layer action of `K` leaves `Φ_σ` unchanged for every parameter and
every input of the network `n → n → n` (one hidden layer of width `n`), then
`σ(K₁ h) = K₁ σ(h)` for every `h`. -/
theorem isResidual_of_eval_act (σ : α → α) {n : Nat} (K : LayerGroup α [n, n])
    (hK : ∀ (p : Params α n [n, n]) (x : Vec n α), eval σ (act K p) x = eval σ p x) :
    IsResidual σ K.1 := by
  intro h
  have e := hK ((Mat.one n, (K.1.val, PUnit.unit)) : Params α n [n, n]) h
  have l : eval σ (act K ((Mat.one n, (K.1.val, PUnit.unit)) : Params α n [n, n])) h =
      K.1.val * K.1.inv * Vec.map σ (K.1.val * Mat.one n * Mat.one n * h) := rfl
  have r : eval σ (n := n) (ws := [n, n]) ((Mat.one n, (K.1.val, PUnit.unit)) : Params α n [n, n]) h =
      K.1.val * Vec.map σ (Mat.one n * h) := rfl
  rw [l, r, K.1.val_inv, Mat.mul_one, Mat.mul_one, Mat.one_mulVec, Mat.one_mulVec] at e
  exact e

/-- P3.2b (with P3.2a): on the network `n → n → n`, the layer action of `K` leaves `Φ_σ`
unchanged for every parameter and input exactly when `σ(K₁ h) = K₁ σ(h)` for every `h`. -/
theorem isResidual_iff_eval_act (σ : α → α) {n : Nat} (K : LayerGroup α [n, n]) :
    IsResidual σ K.1 ↔ ∀ (p : Params α n [n, n]) (x : Vec n α), eval σ (act K p) x = eval σ p x :=
  ⟨fun h p x => eval_act σ K p x ⟨h, trivial⟩, isResidual_of_eval_act σ K⟩

end Net

namespace Net

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- P3.2b (why one hidden layer): with a second hidden layer after the acted-on one, invariance
for every parameter no longer forces `σ(K₁ h) = K₁ σ(h)`. For the constant activation `σ = 1` on
the network `1 → 1 → 1 → 1` and `K = (2 I, I)`, the layer action keeps `Φ_σ` for every parameter
and input (the last hidden layer forgets everything), yet `2 I` does not commute with `σ`. -/
theorem exists_eval_act_not_isResidual :
    ∃ K : LayerGroup α [1, 1, 1],
      (∀ (p : Params α 1 [1, 1, 1]) (x : Vec 1 α),
        eval (fun _ => (1 : α)) (act K p) x = eval (fun _ => (1 : α)) p x) ∧
      ¬ IsResidual (fun _ => (1 : α)) K.1 := by
  have h2 : (2 : α) * (1 / 2) = 1 := by grind
  refine ⟨(GL.scalar 1 2 (1 / 2) h2, ((1 : GL 1 α), PUnit.unit)), ?_, ?_⟩
  · intro p x
    have key : ∀ q : Params α 1 [1, 1, 1],
        eval (fun _ => (1 : α)) q x = q.2.2.1 * Vec.const 1 (1 : α) := fun _ => rfl
    have last : (act (n := 1) (ws := [1, 1, 1]) (GL.scalar 1 2 (1 / 2) h2, ((1 : GL 1 α), PUnit.unit))
        p).2.2.1 = p.2.2.1 * Mat.one 1 := rfl
    rw [key, key, last, Mat.mul_one]
  · intro h
    have e := congrFun (h (Vec.zero 1)) 0
    simp only [Vec.map_apply, GL.scalar_val, Mat.scalar_eq_diag, Mat.diag_mulVec_apply] at e
    grind

end Net

section Linear

variable {α : Type u} [Lean.Grind.CommRing α]

/-- R3.8a (converse): a linear activation `σ x = c x` commutes with every matrix. -/
theorem isResidual_of_linear (σ : α → α) (c : α) (hσ : ∀ x : α, σ x = c * x) {n : Nat}
    (K : GL n α) : IsResidual σ K := by
  intro h
  ext i
  simp only [Vec.map_apply, hσ, Mat.mulVec_apply, mul_finSum]
  apply finSum_congr
  intro j
  grind

end Linear

section Field

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- A scalar matrix `t I` in `G_σ` gives `σ (t y) = t σ y`. -/
theorem scalar_of_isResidual (σ : α → α) (n : Nat) (t u : α) (htu : t * u = 1)
    (h : IsResidual σ (GL.scalar (n + 1) t u htu)) (y : α) : σ (t * y) = t * σ y := by
  have e := congrFun (h (Vec.const (n + 1) y)) 0
  simp only [GL.scalar_val, Vec.map_apply, Mat.scalar_eq_diag, Mat.diag_mulVec_apply,
    Vec.const_apply] at e
  exact e

/-- R3.8a: if every invertible matrix of size `n + 1` commutes with the entrywise activation `σ`
(`G_σ = GL (n + 1)`), then `σ` is linear: `σ x = σ 1 * x` for every `x`. -/
theorem eq_mul_of_forall_isResidual (σ : α → α) (n : Nat)
    (h : ∀ K : GL (n + 1) α, IsResidual σ K) (x : α) : σ x = σ 1 * x := by
  by_cases hx : x = 0
  · have h2 : (2 : α) * (1 / 2) = 1 := by grind
    have e := scalar_of_isResidual σ n 2 (1 / 2) h2 (h _) 0
    have z : (2 : α) * 0 = 0 := by grind
    rw [z] at e
    rw [hx]
    grind
  · have hxi : x * x⁻¹ = 1 := by grind
    have e := scalar_of_isResidual σ n x x⁻¹ hxi (h _) 1
    have o : x * 1 = x := by grind
    rw [o] at e
    grind

/-- R3.8a (both directions): `G_σ = GL (n + 1)` exactly when `σ` is linear, `σ x = σ 1 * x`. -/
theorem forall_isResidual_iff (σ : α → α) (n : Nat) :
    (∀ K : GL (n + 1) α, IsResidual σ K) ↔ ∀ x : α, σ x = σ 1 * x :=
  ⟨eq_mul_of_forall_isResidual σ n, fun hσ K => isResidual_of_linear σ (σ 1) hσ K⟩

/-- R3.8a: an activation that is not linear (`σ x ≠ σ 1 * x` for some `x`) leaves a proper
subgroup: some invertible matrix is not in `G_σ`. -/
theorem exists_not_isResidual (σ : α → α) (n : Nat) (x : α) (hx : σ x ≠ σ 1 * x) :
    ∃ K : GL (n + 1) α, ¬ IsResidual σ K :=
  Classical.byContradiction fun hne =>
    hx (eq_mul_of_forall_isResidual σ n (fun K => Classical.byContradiction fun hK => hne ⟨K, hK⟩) x)

end Field

end Sym

end
