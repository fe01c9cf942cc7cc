module

public import Sym.Activation.Residual
public import Sym.Algebra.Monomial
public import Sym.Norm.Entrywise

/-!
# The residual group of the sigmoid, and a model of its hypotheses (paper section 3.2.2)

The residual group of the sigmoid, then a rational sigmoid-like function showing that the
hypotheses can be met. The two parts follow.

## The residual group of the sigmoid (paper section 3.2.2)

Core Lean has no real numbers or `exp`, so the sigmoid enters through named hypotheses
(`Sym.SigmoidLike σ`) that the sigmoid satisfies; the numeric harness checks them for the
actual sigmoid. With `φ = σ - σ 0` (for the sigmoid `σ 0 = 1/2`):
- `σ 0 ≠ 0`;
- `φ` is odd;
- `φ` is not additive at `1 + 1`: `φ 2 ≠ 2 φ 1`;
- the only `k` with `φ (k t) = k φ t` for all `t` are `0, 1, -1` (for the sigmoid this follows
  from `φ` being bounded with limit `1/2` at `+∞`).

### Main statements
- J3.10: `Sym.SigmoidConjecture` (the conjecture `G_σ = Perm n`, as a proposition);
  `Sym.perm_subset_residual` (`Perm n ⊆ G_σ` for every entrywise `σ`);
  `Sym.mulVec_const_one_of_isResidual` (`K 𝟙 = 𝟙` when `σ 0 ≠ 0`);
  `Sym.isPermMat_of_isResidual_of_sigmoidLike`, `Sym.sigmoidConjecture_of_sigmoidLike`
  (the conjecture, conditional on `Sym.SigmoidLike σ`).
- R3.10a: `Sym.not_isResidual_scalar` (`c I ∉ G_σ` for `c ≠ 1` when `σ 0 ≠ 0`).

## The sigmoid hypotheses can be met (paper section 3.2.2)

Core Lean has no `exp`, so the results about the sigmoid rest on named hypotheses: the
structure `Sym.SigmoidLike σ` (J3.10) and `Sym.SigmoidAtZero σ`, i.e. `σ 0 = 1/2` (R3.10a).
This part shows that neither is vacuous: the rational function
`σ(t) = 1/2 + t / (2 (1 + |t|))` (`Sym.softsignSigmoid`, an increasing map onto `(0, 1)` with
`σ(-t) = 1 - σ(t)`, like the sigmoid) meets every field of both, over every ordered field and in
particular over `Rat`.

### Main statements
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

variable {α : Type u} [Lean.Grind.Field α]

/-- J3.10 (hypotheses of the conditional proof): named hypotheses on an activation `σ` that the
sigmoid `1 / (1 + e^{-x})` satisfies
(with `φ = σ - σ 0`): `σ 0 ≠ 0`; `φ` odd; `φ 2 ≠ 2 φ 1`; `φ (k t) = k φ t` for all `t`
only for `k ∈ {0, 1, -1}`. -/
structure SigmoidLike (σ : α → α) : Prop where
  zero_ne : σ 0 ≠ 0
  odd : ∀ t : α, σ (-t) - σ 0 = -(σ t - σ 0)
  not_additive : σ 2 - σ 0 ≠ 2 * (σ 1 - σ 0)
  scale : ∀ k : α, (∀ t : α, σ (k * t) - σ 0 = k * (σ t - σ 0)) → k = 0 ∨ k = 1 ∨ k = -1

/-- J3.10: the conjecture `G_σ = Perm n`: an invertible matrix commutes with the entrywise
activation `σ` exactly when it is a permutation matrix (the paper states it for the sigmoid). -/
def SigmoidConjecture (σ : α → α) (n : Nat) : Prop :=
  ∀ K : GL n α, IsResidual σ K ↔ IsPermMat K

/-- J3.10 (`Perm n ⊆ G_σ`): permutation matrices commute with every entrywise activation. -/
theorem perm_subset_residual (σ : α → α) {n : Nat} (K : GL n α) (hK : IsPermMat K) :
    IsResidual σ K :=
  isResidual_of_isPermMat σ K hK

theorem mulVec_const {n : Nat} (K : Mat n n α) (c : α) :
    K * Vec.const n c = Vec.smul c (K * Vec.const n (1 : α)) := by
  ext i
  simp only [Mat.mulVec_apply, Vec.smul_apply, Vec.const_apply, mul_finSum]
  apply finSum_congr; intro j; grind

/-- J3.10: if `σ 0 ≠ 0`, every `K ∈ G_σ` fixes the all-ones vector: `K 𝟙 = 𝟙` (test with `h = 0`). -/
theorem mulVec_const_one_of_isResidual (σ : α → α) (hσ : σ 0 ≠ 0) {n : Nat} (K : GL n α)
    (hK : IsResidual σ K) : K.val * Vec.const n (1 : α) = Vec.const n (1 : α) := by
  have e := hK (Vec.zero n)
  rw [Mat.mulVec_zero] at e
  have hz : Vec.map σ (Vec.zero n : Vec n α) = Vec.const n (σ 0) := by ext i; simp
  rw [hz, mulVec_const] at e
  ext i
  have ei := congrFun e i
  simp only [Vec.const_apply, Vec.smul_apply] at ei ⊢
  have : σ 0 * ((K.val * Vec.const n (1 : α)) i - 1) = 0 := by grind
  have h2 : (σ 0)⁻¹ * (σ 0 * ((K.val * Vec.const n (1 : α)) i - 1)) = 0 := by rw [this]; simp
  grind

/-- R3.10a: if `σ 0 ≠ 0` (the sigmoid's bounded range), no scalar matrix `c I` with `c ≠ 1`
commutes with `σ`. -/
theorem not_isResidual_scalar (σ : α → α) (hσ : σ 0 ≠ 0) (n : Nat) (c : α) (hc : c ≠ 1)
    (K : GL (n + 1) α) (hK : K.val = Mat.scalar (n + 1) c) : ¬ IsResidual σ K := by
  intro h
  have e := congrFun (mulVec_const_one_of_isResidual σ hσ K h) 0
  rw [hK, Mat.scalar_eq_diag, Mat.diag_mulVec_apply] at e
  simp at e
  exact hc e

/-- `σ (s e_a + t e_b) = σ0 𝟙 + (σ s - σ0) e_a + (σ t - σ0) e_b` for `a ≠ b`. -/
theorem map_two_basis (σ : α → α) {n : Nat} (a b : Fin n) (hab : a ≠ b) (s t : α) :
    Vec.map σ (Vec.smul s (Vec.basis n a) + Vec.smul t (Vec.basis n b)) =
      Vec.const n (σ 0) + Vec.smul (σ s - σ 0) (Vec.basis n a) +
        Vec.smul (σ t - σ 0) (Vec.basis n b) := by
  ext i
  simp only [Vec.map_apply, Vec.add_apply, Vec.smul_apply, Vec.basis_apply, Vec.const_apply]
  by_cases ha : i = a
  · subst ha; simp [hab]; grind
  · by_cases hb : i = b
    · subst hb; simp [ha]; grind
    · simp [ha, hb]

/-- The entries of `K ∈ G_σ` satisfy `σ (k t) - σ0 = k (σ t - σ0)` (test with `h = t e_j`). -/
theorem entry_scale (σ : α → α) (hσ : σ 0 ≠ 0) {n : Nat} (K : GL n α) (hK : IsResidual σ K)
    (r j : Fin n) (t : α) : σ (K.val r j * t) - σ 0 = K.val r j * (σ t - σ 0) := by
  have h1 := mulVec_const_one_of_isResidual σ hσ K hK
  -- use `a = b = j` trick-free form: `t e_j = t e_j + 0 e_j'` is not needed; compute directly
  have hv : Vec.map σ (Vec.smul t (Vec.basis n j) : Vec n α) =
      Vec.const n (σ 0) + Vec.smul (σ t - σ 0) (Vec.basis n j) := by
    ext i
    simp only [Vec.map_apply, Vec.add_apply, Vec.smul_apply, Vec.basis_apply, Vec.const_apply]
    by_cases hi : i = j
    · subst hi; simp; grind
    · simp [hi]
  have e := congrFun (hK (Vec.smul t (Vec.basis n j))) r
  rw [hv, Mat.mulVec_add, Mat.mulVec_smul, Mat.mulVec_smul, mulVec_const, h1] at e
  simp only [Vec.map_apply, Vec.add_apply, Vec.smul_apply, Vec.const_apply,
    Mat.mulVec_basis] at e
  grind

/-- Under `SigmoidLike σ`, every entry of `K ∈ G_σ` is `0`, `1` or `-1`. -/
theorem entry_mem (σ : α → α) (hσ : SigmoidLike σ) {n : Nat} (K : GL n α) (hK : IsResidual σ K)
    (r j : Fin n) : K.val r j = 0 ∨ K.val r j = 1 ∨ K.val r j = -1 :=
  hσ.scale _ (entry_scale σ hσ.zero_ne K hK r j)

/-- Under `SigmoidLike σ`, a row of `K ∈ G_σ` has at most one nonzero entry
(test with `h = k₁ e_a + k₂ e_b`; `φ` is not additive). -/
theorem row_unique (σ : α → α) (hσ : SigmoidLike σ) {n : Nat} (K : GL n α)
    (hK : IsResidual σ K) (r a b : Fin n) (ha : K.val r a ≠ 0) (hb : K.val r b ≠ 0) : a = b := by
  apply Classical.byContradiction
  intro hab
  have h1 := mulVec_const_one_of_isResidual σ hσ.zero_ne K hK
  have e := congrFun (hK (Vec.smul (K.val r a) (Vec.basis n a) +
    Vec.smul (K.val r b) (Vec.basis n b))) r
  rw [map_two_basis σ a b hab, Mat.mulVec_add, Mat.mulVec_add, Mat.mulVec_add, Mat.mulVec_smul,
    Mat.mulVec_smul, Mat.mulVec_smul, Mat.mulVec_smul, mulVec_const, h1] at e
  simp only [Vec.map_apply, Vec.add_apply, Vec.smul_apply, Vec.const_apply,
    Mat.mulVec_basis] at e
  have hodd := hσ.odd 1
  have hna := hσ.not_additive
  have hma := entry_mem σ hσ K hK r a
  have hmb := entry_mem σ hσ K hK r b
  have e2 : (2 : α) = 1 + 1 := by grind
  rcases hma with h | h | h <;> rcases hmb with h' | h' | h'
  all_goals first
    | exact ha h
    | exact hb h'
    | (rw [h, h'] at e; simp only [ring_mul_one, ring_one_mul] at e
       have : (-1 : α) * -1 = 1 := by grind
       grind)

/-- J3.10 (conditional): under the named hypotheses `SigmoidLike σ`, every invertible matrix that
commutes with `σ` is a permutation matrix. -/
theorem isPermMat_of_isResidual_of_sigmoidLike (σ : α → α) (hσ : SigmoidLike σ) {n : Nat}
    (K : GL n α) (hK : IsResidual σ K) : IsPermMat K := by
  obtain ⟨p, hp, hK'⟩ := GL.exists_perm_of_row_unique K (row_unique σ hσ K hK)
  refine ⟨p, ?_⟩
  have h1 := mulVec_const_one_of_isResidual σ hσ.zero_ne K hK
  have hd : ∀ r, K.val r (p.invFun r) = 1 := by
    intro r
    have e := congrFun h1 r
    rw [hK', ← Mat.mulVec_mulVec, Mat.diag_mulVec_apply, Perm.toMat_mulVec_apply] at e
    simp at e
    exact e
  rw [hK']
  have : (fun r => K.val r (p.invFun r)) = fun _ => (1 : α) := funext hd
  rw [this, ← Mat.one_eq_diag, Mat.one_mul]

/-- J3.10 (conditional): under `SigmoidLike σ`, `G_σ = Perm n`. -/
theorem sigmoidConjecture_of_sigmoidLike (σ : α → α) (hσ : SigmoidLike σ) (n : Nat) :
    SigmoidConjecture σ n :=
  fun K => ⟨isPermMat_of_isResidual_of_sigmoidLike σ hσ K, perm_subset_residual σ K⟩

end Sym

end

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
