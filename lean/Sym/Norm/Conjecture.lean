module

public import Sym.Norm.Entrywise
public import Sym.Activation.ReLU
public import Sym.Autoencoder.Scaling

/-!
# Conjecture 3.22 and the closing remark on residual groups (paper section 3.3.4)

The paper conjectures that under entrywise ℓp regularization with `p ≠ 2` the residual group of
the latent space is `M⁺ d` (positive scalings and permutations). For `p = 1` and `p = ∞` this
file states the conjecture literally and refutes it twice over: `2 I` is positive monomial but
doubles every norm, and `-I` is not positive monomial but keeps every norm. The corrected
statement is that signed permutation matrices `B d` are isometries (proved in
`Sym.Norm.Entrywise`), and the only ones (`Sym.Norm.EntrywiseConverse`). The closing remark (R3.22c) is stated as the combination: singular-value
(Frobenius) regularization keeps exactly `O d`, entrywise ℓ1 / ℓ∞ regularization keeps `B d`,
`B d ⊆ O d`, and the inclusion is strict (the 3-4-5 rotation is orthogonal but not an ℓ1 or
ℓ∞ isometry).

## Main definitions
- `Sym.twoI`, `Sym.negI`, `Sym.rot345` (the invertible matrices `2 I`, `-I` and the rotation
  with entries `3/5`, `4/5`).
- `Sym.EntrywiseL1Conjecture`, `Sym.EntrywiseLInfConjecture` (J3.22b, literal).

## Main statements
- `Sym.not_entrywiseL1Conjecture`, `Sym.not_entrywiseLInfConjecture` (J3.22b refuted).
- `Sym.isPosMonomial_twoI`, `Sym.not_isLeftIsometry_entryL1_twoI`,
  `Sym.not_isLeftIsometry_entryLInf_twoI` (J3.22b: `2 I ∈ M⁺ d` but not an isometry).
- `Sym.not_isPosMonomial_negI`, `Sym.residualGroup_entryL1_negI`,
  `Sym.residualGroup_entryLInf_negI` (J3.22b: `-I ∉ M⁺ d` but an isometry).
- `Sym.residual_groups_summary`, `Sym.not_isLeftIsometry_entryL1_rot345`,
  `Sym.not_isLeftIsometry_entryLInf_rot345` (R3.22c).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

theorem two_mul_half : (2 : α) * (1 / 2) = 1 := by
  have h : (2 : α) ≠ 0 := by
    have h1 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
    grind
  grind

/-- J3.22b: the invertible matrix `2 I` (inverse `I / 2`). -/
def twoI (d : Nat) : GL d α := GL.scalar d 2 (1 / 2) two_mul_half

/-- J3.22b: the invertible matrix `-I` (its own inverse). -/
def negI (d : Nat) : GL d α := GL.scalar d (-1) (-1) (by grind)

/-- J3.22b (literal, p = 1): for all sizes `d, D ≥ 1`, an invertible `K` keeps the entrywise ℓ1
norm of encoder and decoder Jacobians exactly when it is positive monomial. Refuted below. -/
def EntrywiseL1Conjecture (α : Type u) [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α] : Prop :=
  ∀ (d D : Nat) (K : GL d α), 0 < d → 0 < D →
    (residualGroup D entryL1 entryL1 K ↔ IsPosMonomial K)

/-- J3.22b (literal, p = ∞): as `Sym.EntrywiseL1Conjecture` for the entrywise ℓ∞ norm.
Refuted below. -/
def EntrywiseLInfConjecture (α : Type u) [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α] : Prop :=
  ∀ (d D : Nat) (K : GL d α), 0 < d → 0 < D →
    (residualGroup D entryLInf entryLInf K ↔ IsPosMonomial K)

/-- J3.22b: `2 I` is positive monomial (`D = 2 I`, `P = I`). -/
theorem isPosMonomial_twoI (d : Nat) : IsPosMonomial (twoI d : GL d α) := by
  refine ⟨fun _ => 2, 1, fun _ => ?_, ?_⟩
  · have h1 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
    grind
  · show Mat.scalar d 2 = Mat.diag (fun _ => (2 : α)) * (Perm.toMat 1 : Mat d d α)
    rw [Perm.toMat_one, Mat.mul_one, Mat.scalar_eq_diag]

theorem absVal_one : absVal (1 : α) = 1 := by
  have h1 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  unfold absVal
  split <;> grind

theorem absVal_zero : absVal (0 : α) = 0 := by
  unfold absVal
  split <;> grind

theorem entryL1_basis {d D : Nat} (a : Fin d) (b : Fin D) :
    entryL1 (Mat.basis a b : Mat d D α) = 1 := by
  unfold entryL1
  rw [finSum_eq_single _ a (fun i hi => finSum_eq_zero (fun j => by simp [hi, absVal_zero]))]
  rw [finSum_eq_single _ b (fun j hj => by simp [hj, absVal_zero])]
  simp [absVal_one]

theorem entryL1_smul_two {m n : Nat} (A : Mat m n α) :
    entryL1 (Mat.smul 2 A) = 2 * entryL1 A := by
  unfold entryL1
  simp only [Mat.smul_apply, absVal_two_mul]
  rw [mul_finSum]
  apply finSum_congr
  intro i
  rw [mul_finSum]

/-- J3.22b: `2 I` is not a left isometry of the entrywise ℓ1 norm (it doubles `‖e_1 e_1ᵀ‖₁`). -/
theorem not_isLeftIsometry_entryL1_twoI {d : Nat} (D : Nat) (hd : 0 < d) (hD : 0 < D) :
    ¬ IsLeftIsometry D entryL1 (twoI d : GL d α) := by
  intro h
  have h1 := h (Mat.basis ⟨0, hd⟩ ⟨0, hD⟩)
  have e : (twoI d : GL d α).val = Mat.scalar d 2 := rfl
  rw [e, Mat.scalar_mul, entryL1_smul_two, entryL1_basis] at h1
  grind

/-- J3.22b: `2 I` is not a left isometry of the entrywise ℓ∞ norm. -/
theorem not_isLeftIsometry_entryLInf_twoI {d : Nat} (D : Nat) (hd : 0 < d) (hD : 0 < D) :
    ¬ IsLeftIsometry D entryLInf (twoI d : GL d α) := by
  intro h
  have h1 := h (Mat.basis ⟨0, hd⟩ ⟨0, hD⟩)
  have e : (twoI d : GL d α).val = Mat.scalar d 2 := rfl
  rw [e, Mat.scalar_mul] at h1
  have h01 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  have hle : entryLInf (Mat.basis ⟨0, hd⟩ ⟨0, hD⟩ : Mat d D α) ≤ 1 := by
    apply entryLInf_le _ (by grind)
    intro i j
    simp only [Mat.basis_apply]
    split
    · rw [absVal_one]; exact Std.le_refl 1
    · rw [absVal_zero]; grind
  have hge := absVal_le_entryLInf (Mat.smul 2 (Mat.basis ⟨0, hd⟩ ⟨0, hD⟩ : Mat d D α))
    ⟨0, hd⟩ ⟨0, hD⟩
  simp only [Mat.smul_apply, Mat.basis_apply, and_self, if_true] at hge
  rw [absVal_two_mul, absVal_one] at hge
  grind

/-- J3.22b: `-I` is not positive monomial (its diagonal entries are negative). -/
theorem not_isPosMonomial_negI {d : Nat} (hd : 0 < d) : ¬ IsPosMonomial (negI d : GL d α) := by
  intro ⟨e, p, he, hK⟩
  have h1 := congrFun (congrFun hK ⟨0, hd⟩) ⟨0, hd⟩
  have e1 : (negI d : GL d α).val = Mat.scalar d (-1) := rfl
  rw [e1, Mat.diag_mul_apply] at h1
  simp only [Mat.scalar_apply, Perm.toMat_apply, if_true] at h1
  have h2 := he ⟨0, hd⟩
  split at h1 <;> grind

/-- J3.22b: `-I` is a signed permutation matrix. -/
theorem isSignedPerm_negI (d : Nat) : IsSignedPerm (negI d : GL d α) := by
  refine ⟨1, fun _ => -1, fun _ => Or.inr rfl, ?_⟩
  ext i j
  show Mat.scalar d (-1) i j = signedPermMat 1 (fun _ => (-1 : α)) i j
  simp only [Mat.scalar_apply, signedPermMat, Perm.one_toFun]
  by_cases h : i = j
  · subst h; simp
  · simp [h, Ne.symm h]

/-- J3.22b: `-I` keeps the entrywise ℓ1 norm of both Jacobians. -/
theorem residualGroup_entryL1_negI (d D : Nat) :
    residualGroup D entryL1 entryL1 (negI d : GL d α) :=
  residualGroup_entryL1_of_isSignedPerm D _ (isSignedPerm_negI d)

/-- J3.22b: `-I` keeps the entrywise ℓ∞ norm of both Jacobians. -/
theorem residualGroup_entryLInf_negI (d D : Nat) :
    residualGroup D entryLInf entryLInf (negI d : GL d α) :=
  residualGroup_entryLInf_of_isSignedPerm D _ (isSignedPerm_negI d)

/-- J3.22b refuted (p = 1): the literal conjecture fails, already for `d = D = 1` with `2 I`. -/
theorem not_entrywiseL1Conjecture : ¬ EntrywiseL1Conjecture α := by
  intro h
  have h1 := (h 1 1 (twoI 1) (by decide) (by decide)).mpr (isPosMonomial_twoI 1)
  exact not_isLeftIsometry_entryL1_twoI 1 (by decide) (by decide) h1.1

/-- J3.22b refuted (p = ∞): the literal conjecture fails, already for `d = D = 1` with `2 I`. -/
theorem not_entrywiseLInfConjecture : ¬ EntrywiseLInfConjecture α := by
  intro h
  have h1 := (h 1 1 (twoI 1) (by decide) (by decide)).mpr (isPosMonomial_twoI 1)
  exact not_isLeftIsometry_entryLInf_twoI 1 (by decide) (by decide) h1.1

/-- J3.22b refuted the other way (p = 1): `-I` is in the residual group but not in `M⁺ 1`. -/
theorem not_entrywiseL1Conjecture_negI : ¬ EntrywiseL1Conjecture α := by
  intro h
  have h1 := (h 1 1 (negI 1) (by decide) (by decide)).mp (residualGroup_entryL1_negI 1 1)
  exact not_isPosMonomial_negI (by decide) h1

/-- J3.22b refuted the other way (p = ∞): `-I` is in the residual group but not in `M⁺ 1`. -/
theorem not_entrywiseLInfConjecture_negI : ¬ EntrywiseLInfConjecture α := by
  intro h
  have h1 := (h 1 1 (negI 1) (by decide) (by decide)).mp (residualGroup_entryLInf_negI 1 1)
  exact not_isPosMonomial_negI (by decide) h1

/-- R3.22c: the rotation matrix `[[3/5, -4/5], [4/5, 3/5]]`. -/
def rotMat : Mat 2 2 α := Mat.of2 (3 / 5) (-4 / 5) (4 / 5) (3 / 5)

theorem five_ne_zero : (5 : α) ≠ 0 := by
  have h1 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  grind

theorem rotMat_transpose_mul : (rotMat : Mat 2 2 α)ᵀ * (rotMat : Mat 2 2 α) = Mat.one 2 := by
  have h5 := (five_ne_zero : (5 : α) ≠ 0)
  ext i j
  have hi : i.val = 0 ∨ i.val = 1 := by omega
  have hj : j.val = 0 ∨ j.val = 1 := by omega
  simp only [Mat.mul_apply, Mat.transpose_apply, Mat.one_apply, rotMat, Mat.of2, finSum_succ,
    finSum_zero]
  rcases hi with hi | hi <;> rcases hj with hj | hj <;> simp [hi, hj, Fin.ext_iff] <;> grind

theorem rotMat_mul_transpose : (rotMat : Mat 2 2 α) * (rotMat : Mat 2 2 α)ᵀ = Mat.one 2 := by
  have h5 := (five_ne_zero : (5 : α) ≠ 0)
  ext i j
  have hi : i.val = 0 ∨ i.val = 1 := by omega
  have hj : j.val = 0 ∨ j.val = 1 := by omega
  simp only [Mat.mul_apply, Mat.transpose_apply, Mat.one_apply, rotMat, Mat.of2, finSum_succ,
    finSum_zero]
  rcases hi with hi | hi <;> rcases hj with hj | hj <;> simp [hi, hj, Fin.ext_iff] <;> grind

/-- R3.22c: the rotation `[[3/5, -4/5], [4/5, 3/5]]` as an invertible matrix (inverse: its
transpose). -/
def rot345 : GL 2 α := ⟨rotMat, rotMatᵀ, rotMat_mul_transpose, rotMat_transpose_mul⟩

/-- R3.22c: the 3-4-5 rotation is orthogonal. -/
theorem isOrthogonal_rot345 : IsOrthogonal (rot345 : GL 2 α) := rotMat_transpose_mul

theorem mul_basis_apply {m d D : Nat} (M : Mat m d α) (a : Fin d) (b : Fin D) (i : Fin m)
    (j : Fin D) : (M * (Mat.basis a b : Mat d D α)) i j = if j = b then M i a else 0 := by
  simp only [Mat.mul_apply, Mat.basis_apply]
  by_cases hj : j = b
  · rw [finSum_eq_single _ a (fun k hk => by simp [hk])]
    simp [hj]
  · simp [hj]

theorem rot_facts : absVal ((3 : α) / 5) = 3 / 5 ∧ absVal ((4 : α) / 5) = 4 / 5 ∧
    (3 : α) / 5 + 4 / 5 ≠ 1 ∧ (4 : α) / 5 < 1 ∧ (3 : α) / 5 ≤ 4 / 5 ∧ 0 ≤ (4 : α) / 5 := by
  have h1 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  have h5 : (0 : α) < 5 := by grind
  have hinv : (0 : α) < 5⁻¹ := Sym.Autoencoder.inv_pos_of_pos h5
  have e3 : (3 : α) / 5 = 3 * 5⁻¹ := Lean.Grind.Field.div_eq_mul_inv 3 5
  have e4 : (4 : α) / 5 = 4 * 5⁻¹ := Lean.Grind.Field.div_eq_mul_inv 4 5
  have hc : (5 : α) * 5⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel (by grind)
  have p3 : (0 : α) ≤ 3 / 5 := by grind
  have p4 : (0 : α) ≤ 4 / 5 := by grind
  refine ⟨?_, ?_, ?_, ?_, ?_, p4⟩
  · unfold absVal; rw [if_pos p3]
  · unfold absVal; rw [if_pos p4]
  · grind
  · grind
  · grind

/-- R3.22c: the 3-4-5 rotation is not a left isometry of the entrywise ℓ1 norm
(`‖R e_1 e_1ᵀ‖₁ = 7/5`). -/
theorem not_isLeftIsometry_entryL1_rot345 (D : Nat) (hD : 0 < D) :
    ¬ IsLeftIsometry D entryL1 (rot345 : GL 2 α) := by
  intro h
  have h1 := h (Mat.basis 0 ⟨0, hD⟩)
  rw [entryL1_basis] at h1
  unfold entryL1 at h1
  simp only [mul_basis_apply] at h1
  have hs : ∀ i : Fin 2, finSum D (fun j => absVal (if j = ⟨0, hD⟩ then (rot345 : GL 2 α).val i 0 else 0)) =
      absVal ((rot345 : GL 2 α).val i 0) := by
    intro i
    rw [finSum_eq_single _ ⟨0, hD⟩ (fun j hj => by simp [hj, absVal_zero])]
    simp
  rw [finSum_congr hs] at h1
  simp only [finSum_succ, finSum_zero] at h1
  have e : (rot345 : GL 2 α).val = rotMat := rfl
  rw [e] at h1
  simp [rotMat, Mat.of2] at h1
  have f := rot_facts (α := α)
  grind

/-- R3.22c: the 3-4-5 rotation is not a left isometry of the entrywise ℓ∞ norm
(`‖R e_1 e_1ᵀ‖∞ = 4/5`). -/
theorem not_isLeftIsometry_entryLInf_rot345 (D : Nat) (hD : 0 < D) :
    ¬ IsLeftIsometry D entryLInf (rot345 : GL 2 α) := by
  intro h
  have h1 := h (Mat.basis 0 ⟨0, hD⟩)
  have f := rot_facts (α := α)
  have hge := absVal_le_entryLInf (Mat.basis 0 ⟨0, hD⟩ : Mat 2 D α) 0 ⟨0, hD⟩
  simp only [Mat.basis_apply, and_self, if_true] at hge
  rw [absVal_one] at hge
  have hle : entryLInf ((rot345 : GL 2 α).val * (Mat.basis 0 ⟨0, hD⟩ : Mat 2 D α)) ≤ (4 / 5 : α) := by
    apply entryLInf_le _ f.2.2.2.2.2
    intro i j
    rw [mul_basis_apply]
    split
    · have e : (rot345 : GL 2 α).val = rotMat := rfl
      rw [e]
      have hi : i.val = 0 ∨ i.val = 1 := by omega
      rcases hi with hi | hi <;> simp [rotMat, Mat.of2, hi] <;> grind
    · rw [absVal_zero]; exact f.2.2.2.2.2
  grind

/-- R3.22c (closing principle, combined): Frobenius (Schatten-2) regularization keeps exactly
`O d`; entrywise ℓ1 and ℓ∞ regularization keep every signed permutation; signed permutations
are orthogonal (`B d ⊆ O d`). -/
theorem residual_groups_summary [Lean.Grind.IsCharP α 0] {d : Nat} (D : Nat) (hD : 0 < D) :
    (∀ K : GL d α, residualGroup D frobSq frobSq K ↔ IsOrthogonal K) ∧
    (∀ K : GL d α, IsSignedPerm K →
      residualGroup D entryL1 entryL1 K ∧ residualGroup D entryLInf entryLInf K) ∧
    (∀ K : GL d α, IsSignedPerm K → IsOrthogonal K) :=
  ⟨fun K => residualGroup_frobSq_iff D hD K,
    fun K hK => ⟨residualGroup_entryL1_of_isSignedPerm D K hK,
      residualGroup_entryLInf_of_isSignedPerm D K hK⟩,
    fun K hK => isOrthogonal_of_isSignedPerm K hK⟩

/-- R3.22c (strictness): the entrywise groups are smaller than `O 2`: the 3-4-5 rotation is
orthogonal but keeps neither the entrywise ℓ1 nor the ℓ∞ norm. -/
theorem rot345_separates (D : Nat) (hD : 0 < D) :
    IsOrthogonal (rot345 : GL 2 α) ∧ ¬ residualGroup D entryL1 entryL1 (rot345 : GL 2 α) ∧
      ¬ residualGroup D entryLInf entryLInf (rot345 : GL 2 α) :=
  ⟨isOrthogonal_rot345, fun h => not_isLeftIsometry_entryL1_rot345 D hD h.1,
    fun h => not_isLeftIsometry_entryLInf_rot345 D hD h.1⟩

end Sym

end
