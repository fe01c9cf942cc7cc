module

public import Sym.Norm.Entrywise
public import Sym.Activation.ReLU
public import Sym.Autoencoder.Scaling

/-!
# Conjecture 3.22, its refutation and correction, and the closing remark on residual groups (paper section 3.3.4: J3.22b, R3.22c)

Conjecture 3.22 stated literally and refuted (J3.22b), the closing remark (R3.22c), then the
converse of the corrected conjecture: the residual groups of the entrywise ℓ1 and ℓ∞ norms are
exactly the signed permutations. The two parts follow.

## Conjecture 3.22 and the closing remark on residual groups (paper section 3.3.4)

The paper conjectures that under entrywise ℓp regularization with `p ≠ 2` the residual group of
the latent space is `M⁺ d` (positive scalings and permutations). For `p = 1` and `p = ∞` this
file states the conjecture literally and refutes it twice over: `2 I` is positive monomial but
doubles every norm, and `-I` is not positive monomial but keeps every norm. The corrected
statement is that signed permutation matrices `B d` are isometries (proved in
`Sym.Norm.Entrywise`), and the only ones (the second part below). The closing remark (R3.22c) is stated as the combination: singular-value
(Frobenius) regularization keeps exactly `O d`, entrywise ℓ1 / ℓ∞ regularization keeps `B d`,
`B d ⊆ O d`, and the inclusion is strict (the 3-4-5 rotation is orthogonal but not an ℓ1 or
ℓ∞ isometry).

### Main definitions
- `Sym.twoI`, `Sym.negI`, `Sym.rot345` (the invertible matrices `2 I`, `-I` and the rotation
  with entries `3/5`, `4/5`).
- `Sym.EntrywiseL1Conjecture`, `Sym.EntrywiseLInfConjecture` (J3.22b, literal).

### Main statements
- `Sym.not_entrywiseL1Conjecture`, `Sym.not_entrywiseLInfConjecture` (J3.22b refuted).
- `Sym.isPosMonomial_twoI`, `Sym.not_isLeftIsometry_entryL1_twoI`,
  `Sym.not_isLeftIsometry_entryLInf_twoI` (J3.22b: `2 I ∈ M⁺ d` but not an isometry).
- `Sym.not_isPosMonomial_negI`, `Sym.residualGroup_entryL1_negI`,
  `Sym.residualGroup_entryLInf_negI` (J3.22b: `-I ∉ M⁺ d` but an isometry).
- `Sym.residual_groups_summary`, `Sym.not_isLeftIsometry_entryL1_rot345`,
  `Sym.not_isLeftIsometry_entryLInf_rot345` (R3.22c).

## The residual groups of the entrywise ℓ1 and ℓ∞ norms are the signed permutations (paper section 3.3.4)

This part proves the converse of the corrected conjecture 3.22 for p = 1: an invertible `K`
that keeps the entrywise ℓ1 norm of every `d × D` matrix (`D ≥ 1`) under left multiplication is a
signed permutation matrix. Two distinct columns `a`, `b` of `K` have disjoint supports: with
`x = K r a`, `y = K r b`, the quantity `2|x| + 2|y| - |x + y| - |x - y|` is nonnegative, zero
exactly when `x = 0` or `y = 0`, and its sum over `r` is fixed by the isometry at `0` (its value
for the identity). So every row has at most one nonzero entry, `K = diag(e) P` by
`Sym.GL.exists_perm_of_row_unique`, and the unit ℓ1 norm of each column forces `e = ±1`.

### Main statements
- `Sym.isSignedPerm_of_row_unique`: an invertible matrix with at most one nonzero entry per row,
  whose nonzero entries that are alone in their column are `±1`, is a signed permutation.
- `Sym.isSignedPerm_of_isLeftIsometry_entryL1` (J3.22b corrected, converse for p = 1).
- `Sym.residualGroup_entryL1_iff` (J3.22b corrected, p = 1): the residual group is `B d`.
- `Sym.isSignedPerm_of_residualGroup_entryLInf`, `Sym.residualGroup_entryLInf_iff` (J3.22b
  corrected, p = ∞): the residual group is `B d` (this direction uses both the left and the
  right isometry property).
- `Sym.isSubgroup_isSignedPerm` (R3.22c): `B d` is a subgroup of `GL d`.
- `Sym.residual_groups_classification` (R3.22c): Frobenius ↦ `O d`, ℓ1 and ℓ∞ ↦ `B d ⊆ O d`.
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

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

section Field

variable {α : Type u} [Lean.Grind.Field α]

/-- An invertible matrix with at most one nonzero entry in each row, whose nonzero entries are
`±1` when they are alone in their column, is a signed permutation matrix. -/
theorem isSignedPerm_of_row_unique {n : Nat} (K : GL n α)
    (hrow : ∀ r a b, K.val r a ≠ 0 → K.val r b ≠ 0 → a = b)
    (hs : ∀ r c, K.val r c ≠ 0 → (∀ r', r' ≠ r → K.val r' c = 0) →
      K.val r c = 1 ∨ K.val r c = -1) :
    IsSignedPerm K := by
  obtain ⟨p, hnz, hK⟩ := GL.exists_perm_of_row_unique K hrow
  have hentry : ∀ i j, K.val i j = if p.toFun j = i then K.val (p.toFun j) j else 0 := by
    intro i j
    have h1 := congrFun (congrFun hK i) j
    rw [Mat.diag_mul_apply, Perm.toMat_apply] at h1
    by_cases h : p.toFun j = i
    · subst h
      rw [if_pos rfl]
    · rw [if_neg h]
      rw [h1, if_neg h]
      grind
  have hcol : ∀ c, K.val (p.toFun c) c ≠ 0 := by
    intro c
    have h := hnz (p.toFun c)
    rw [p.left_inv] at h
    exact h
  refine ⟨p, fun c => K.val (p.toFun c) c, fun c => ?_, ?_⟩
  · apply hs (p.toFun c) c (hcol c)
    intro r' hr'
    rw [hentry r' c, if_neg (fun h => hr' h.symm)]
  · ext i j
    rw [hentry i j]
    rfl

end Field

section Ordered

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

/-- The ℓ1 norm `∑ r, |v r|` of a vector. -/
def vecL1' {n : Nat} (v : Vec n α) : α := finSum n (fun r => absVal (v r))

theorem finSum_nonneg {n : Nat} (f : Fin n → α) (h : ∀ i, 0 ≤ f i) : 0 ≤ finSum n f := by
  induction n with
  | zero => exact Std.le_refl 0
  | succ n ih =>
    rw [finSum_succ]
    have h1 := ih (fun i => f i.succ) (fun i => h i.succ)
    have h2 := h 0
    grind

theorem le_finSum {n : Nat} (f : Fin n → α) (h : ∀ i, 0 ≤ f i) (i : Fin n) :
    f i ≤ finSum n f := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    rw [finSum_succ]
    cases i using Fin.cases with
    | zero =>
      have := finSum_nonneg (fun i => f i.succ) (fun i => h i.succ)
      grind
    | succ i =>
      have h1 := ih (fun i => f i.succ) (fun i => h i.succ) i
      have h2 := h 0
      grind

/-- `2|x| + 2|y| - |x + y| - |x - y| ≥ 0`. -/
theorem disjoint_gap_nonneg (x y : α) :
    0 ≤ 2 * absVal x + 2 * absVal y - absVal (x + y) - absVal (x - y) := by
  unfold absVal
  split <;> split <;> split <;> split <;> grind

/-- `2|x| + 2|y| - |x + y| - |x - y| = 0` only when `x = 0` or `y = 0`. -/
theorem eq_zero_or_of_disjoint_gap (x y : α)
    (h : 2 * absVal x + 2 * absVal y - absVal (x + y) - absVal (x - y) = 0) : x = 0 ∨ y = 0 := by
  unfold absVal at h
  split at h <;> split at h <;> split at h <;> split at h <;> grind

/-- The disjointness gap of columns `a` and `b` of `M`, summed over the rows. -/
def colGap {n : Nat} (M : Mat n n α) (a b : Fin n) : α :=
  finSum n (fun r => 2 * absVal (M r a) + 2 * absVal (M r b) - absVal (M r a + M r b) -
    absVal (M r a - M r b))

theorem colGap_eq {n : Nat} (M : Mat n n α) (a b : Fin n) :
    colGap M a b = 2 * vecL1' (M * (Vec.basis n a : Vec n α)) + 2 * vecL1' (M * (Vec.basis n b : Vec n α)) -
      vecL1' (M * ((Vec.basis n a : Vec n α) + Vec.basis n b)) -
      vecL1' (M * ((Vec.basis n a : Vec n α) - Vec.basis n b)) := by
  unfold colGap vecL1'
  rw [Mat.mulVec_add, Mat.mulVec_sub]
  simp only [Vec.add_apply, Vec.sub_apply, Mat.mulVec_basis]
  rw [finSum_sub, finSum_sub, finSum_add, finSum_mul_left, finSum_mul_left]

theorem colGap_one {n : Nat} (a b : Fin n) (hab : a ≠ b) : colGap (Mat.one n : Mat n n α) a b = 0 := by
  unfold colGap
  apply finSum_eq_zero
  intro r
  simp only [Mat.one_apply]
  by_cases ha : r = a
  · subst ha
    simp [hab]
    unfold absVal
    split <;> split <;> split <;> grind
  · by_cases hb : r = b
    · subst hb
      simp [ha]
      unfold absVal
      split <;> split <;> split <;> grind
    · simp [ha, hb]
      unfold absVal
      split <;> grind

theorem entryL1_colMat {d D : Nat} (c : Fin D) (v : Vec d α) :
    entryL1 (colMat c v) = vecL1' v := by
  unfold entryL1 vecL1' colMat
  apply finSum_congr
  intro i
  rw [finSum_eq_single _ c (fun j hj => by simp [hj, absVal_zero])]
  simp

theorem vecL1'_basis {n : Nat} (c : Fin n) : vecL1' (Vec.basis n c : Vec n α) = 1 := by
  unfold vecL1'
  rw [finSum_eq_single _ c (fun j hj => by simp [hj, absVal_zero])]
  simp [absVal_one]

theorem eq_one_or_of_absVal_eq_one (x : α) (h : absVal x = 1) : x = 1 ∨ x = -1 := by
  unfold absVal at h
  split at h <;> grind

/-- J3.22b (corrected, converse for p = 1): for `D ≥ 1`, an invertible `K` that keeps the
entrywise ℓ1 norm of every `d × D` matrix under left multiplication is a signed permutation
matrix. -/
theorem isSignedPerm_of_isLeftIsometry_entryL1 {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α)
    (hK : IsLeftIsometry D entryL1 K) : IsSignedPerm K := by
  have hv : ∀ v : Vec d α, vecL1' (K.val * v) = vecL1' v := by
    intro v
    have h := hK (colMat ⟨0, hD⟩ v)
    rw [mul_colMat, entryL1_colMat, entryL1_colMat] at h
    exact h
  have hgap : ∀ a b, a ≠ b → colGap K.val a b = 0 := by
    intro a b hab
    rw [colGap_eq, hv, hv, hv, hv, ← colGap_one (α := α) a b hab, colGap_eq, Mat.one_mulVec,
      Mat.one_mulVec, Mat.one_mulVec, Mat.one_mulVec]
  have hdisj : ∀ r a b, a ≠ b → K.val r a = 0 ∨ K.val r b = 0 := by
    intro r a b hab
    apply eq_zero_or_of_disjoint_gap
    have h1 := le_finSum (fun r => 2 * absVal (K.val r a) + 2 * absVal (K.val r b) -
      absVal (K.val r a + K.val r b) - absVal (K.val r a - K.val r b))
      (fun r => disjoint_gap_nonneg _ _) r
    have h2 := hgap a b hab
    unfold colGap at h2
    have h3 := disjoint_gap_nonneg (K.val r a) (K.val r b)
    grind
  apply isSignedPerm_of_row_unique K
  · intro r a b ha hb
    false_or_by_contra
    rename_i hab
    rcases hdisj r a b hab with h | h
    · exact ha h
    · exact hb h
  · intro r c hrc hother
    apply eq_one_or_of_absVal_eq_one
    have h := hv (Vec.basis d c)
    rw [vecL1'_basis] at h
    unfold vecL1' at h
    rw [finSum_eq_single _ r (fun r' hr' => by
      rw [Mat.mulVec_basis, hother r' hr', absVal_zero])] at h
    rw [Mat.mulVec_basis] at h
    exact h

/-- J3.22b (corrected, p = 1): for `D ≥ 1`, the residual group of the entrywise ℓ1 penalty on
both Jacobians is exactly the group `B d` of signed permutation matrices. -/
theorem residualGroup_entryL1_iff {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α) :
    residualGroup D entryL1 entryL1 K ↔ IsSignedPerm K := by
  constructor
  · intro h
    exact isSignedPerm_of_isLeftIsometry_entryL1 D hD K h.1
  · intro h
    exact residualGroup_entryL1_of_isSignedPerm D K h

theorem exists_eq_finMax {n : Nat} (f : Fin (n + 1) → α) (h : ∀ i, 0 ≤ f i) :
    ∃ i, finMax (n + 1) f = f i := by
  induction n with
  | zero =>
    refine ⟨0, ?_⟩
    show maxOf (f 0) 0 = f 0
    have := h 0
    unfold maxOf
    split <;> grind
  | succ n ih =>
    obtain ⟨j, hj⟩ := ih (fun i => f i.succ) (fun i => h i.succ)
    show ∃ i, maxOf (f 0) (finMax (n + 1) (fun i => f i.succ)) = f i
    rw [hj]
    unfold maxOf
    by_cases hle : f 0 ≤ f j.succ
    · exact ⟨j.succ, by rw [if_pos hle]⟩
    · exact ⟨0, by rw [if_neg hle]⟩

/-- The entrywise ℓ∞ norm of a nonempty matrix is attained at some entry. -/
theorem exists_entryLInf_eq {m n : Nat} (hm : 0 < m) (hn : 0 < n) (A : Mat m n α) :
    ∃ i j, entryLInf A = absVal (A i j) := by
  obtain ⟨m', rfl⟩ : ∃ m', m = m' + 1 := ⟨m - 1, by omega⟩
  obtain ⟨n', rfl⟩ : ∃ n', n = n' + 1 := ⟨n - 1, by omega⟩
  obtain ⟨i, hi⟩ := exists_eq_finMax (fun i => finMax (n' + 1) (fun j => absVal (A i j)))
    (fun i => finMax_nonneg _ (fun j => absVal_nonneg _))
  obtain ⟨j, hj⟩ := exists_eq_finMax (fun j => absVal (A i j)) (fun j => absVal_nonneg _)
  exact ⟨i, j, by unfold entryLInf; rw [hi]; exact hj⟩

theorem add_le_finSum {n : Nat} (f : Fin n → α) (h : ∀ i, 0 ≤ f i) (i j : Fin n) (hij : i ≠ j) :
    f i + f j ≤ finSum n f := by
  have split : ∀ k, f k = (if k = i then f k else 0) + (if k = i then 0 else f k) := by
    intro k
    by_cases hk : k = i
    · rw [if_pos hk, if_pos hk]; grind
    · rw [if_neg hk, if_neg hk]; grind
  rw [finSum_congr split, finSum_add, finSum_ite_eq]
  have h1 := le_finSum (fun k => if k = i then 0 else f k)
    (fun k => by by_cases hk : k = i <;> simp [hk, h k] <;> grind) j
  simp only [if_neg (Ne.symm hij)] at h1
  grind

theorem eq_zero_of_absVal_le_zero (x : α) (h : absVal x ≤ 0) : x = 0 := by
  unfold absVal at h
  split at h <;> grind

open Classical in
/-- The sign `1` or `-1` of a scalar (`1` at `0`). -/
def sgn (x : α) : α := if 0 ≤ x then 1 else -1

theorem mul_sgn (x : α) : x * sgn x = absVal x := by
  unfold sgn absVal
  split <;> grind

theorem absVal_sgn (x : α) : absVal (sgn x) = 1 := by
  unfold sgn
  by_cases hx : 0 ≤ x
  · rw [if_pos hx, absVal_one]
  · rw [if_neg hx, absVal_neg, absVal_one]

theorem absVal_of_nonneg {x : α} (h : 0 ≤ x) : absVal x = x := by
  unfold absVal
  rw [if_pos h]

theorem colMat_self {d D : Nat} (c : Fin D) (v : Vec d α) (i : Fin d) : colMat c v i c = v i := by
  unfold colMat
  rw [if_pos rfl]

theorem basis_mul_apply {D d : Nat} (a : Fin D) (r : Fin d) (M : Mat d d α) (i : Fin D)
    (j : Fin d) : ((Mat.basis a r : Mat D d α) * M) i j = if i = a then M r j else 0 := by
  simp only [Mat.mul_apply, Mat.basis_apply]
  by_cases hi : i = a
  · rw [finSum_eq_single _ r (fun k hk => by simp [hk])]
    simp [hi]
  · simp [hi]

theorem entryLInf_basis {D d : Nat} (a : Fin D) (r : Fin d) :
    entryLInf (Mat.basis a r : Mat D d α) = 1 := by
  have h01 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  apply Std.le_antisymm
  · apply entryLInf_le _ (Std.le_of_lt h01)
    intro i j
    simp only [Mat.basis_apply]
    split
    · rw [absVal_one]; exact Std.le_refl 1
    · rw [absVal_zero]; exact Std.le_of_lt h01
  · have h := absVal_le_entryLInf (Mat.basis a r : Mat D d α) a r
    simp only [Mat.basis_apply, and_self, if_true] at h
    rw [absVal_one] at h
    exact h

/-- J3.22b (corrected, converse for p = ∞): for `D ≥ 1`, an invertible `K` in the residual group
of the entrywise ℓ∞ penalty is a signed permutation matrix. Rows have an entry of absolute
value `1` (right isometry, `B = e_1 e_rᵀ`) and absolute row sums at most `1` (left isometry,
`A` a column of signs), so each row has exactly one nonzero entry, equal to `±1`. -/
theorem isSignedPerm_of_residualGroup_entryLInf {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α)
    (hK : residualGroup D entryLInf entryLInf K) : IsSignedPerm K := by
  have h01 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  have hR : ∀ B : Mat D d α, entryLInf (B * K.val) = entryLInf B :=
    (isSubgroup_isRightIsometry D entryLInf).inv_mem K hK.2
  -- every row has an entry of absolute value 1
  have hone : ∀ r, ∃ j, absVal (K.val r j) = 1 := by
    intro r
    have hd : 0 < d := Nat.lt_of_le_of_lt (Nat.zero_le _) r.isLt
    have h := hR (Mat.basis ⟨0, hD⟩ r)
    rw [entryLInf_basis] at h
    obtain ⟨i, j, hij⟩ := exists_entryLInf_eq hD hd ((Mat.basis ⟨0, hD⟩ r : Mat D d α) * K.val)
    rw [h, basis_mul_apply] at hij
    by_cases hi : i = ⟨0, hD⟩
    · rw [if_pos hi] at hij
      exact ⟨j, hij.symm⟩
    · rw [if_neg hi, absVal_zero] at hij
      grind
  -- every row has absolute sum at most 1
  have hsum : ∀ r, finSum d (fun j => absVal (K.val r j)) ≤ 1 := by
    intro r
    have h := hK.1 (colMat ⟨0, hD⟩ (fun j => sgn (K.val r j)))
    have hA : entryLInf (colMat ⟨0, hD⟩ (fun j => sgn (K.val r j)) : Mat d D α) ≤ 1 := by
      apply entryLInf_le _ (Std.le_of_lt h01)
      intro i j
      unfold colMat
      split
      · have := absVal_sgn (K.val r i)
        grind
      · rw [absVal_zero]; exact Std.le_of_lt h01
    have hge := absVal_le_entryLInf (K.val * colMat ⟨0, hD⟩ (fun j => sgn (K.val r j))) r ⟨0, hD⟩
    rw [h] at hge
    have e : ∀ j, K.val r j * sgn (K.val r j) = absVal (K.val r j) := fun j => mul_sgn _
    have hnn := finSum_nonneg (fun j => absVal (K.val r j)) (fun j => absVal_nonneg _)
    rw [mul_colMat, colMat_self, Mat.mulVec_apply, finSum_congr e, absVal_of_nonneg hnn] at hge
    exact Std.le_trans hge hA
  -- so every other entry of the row vanishes
  have hzero : ∀ r j j', absVal (K.val r j) = 1 → j' ≠ j → K.val r j' = 0 := by
    intro r j j' hj hj'
    have h := add_le_finSum (fun j => absVal (K.val r j)) (fun _ => absVal_nonneg _) j j'
      (Ne.symm hj')
    have h2 := hsum r
    apply eq_zero_of_absVal_le_zero
    grind
  apply isSignedPerm_of_row_unique K
  · intro r a b ha hb
    obtain ⟨j, hj⟩ := hone r
    have ea : a = j := by
      false_or_by_contra
      rename_i hne
      exact ha (hzero r j a hj hne)
    have eb : b = j := by
      false_or_by_contra
      rename_i hne
      exact hb (hzero r j b hj hne)
    rw [ea, eb]
  · intro r c hrc _
    obtain ⟨j, hj⟩ := hone r
    have ec : c = j := by
      false_or_by_contra
      rename_i hne
      exact hrc (hzero r j c hj hne)
    apply eq_one_or_of_absVal_eq_one
    rw [ec]
    exact hj

/-- J3.22b (corrected, p = ∞): for `D ≥ 1`, the residual group of the entrywise ℓ∞ penalty on
both Jacobians is exactly the group `B d` of signed permutation matrices. -/
theorem residualGroup_entryLInf_iff {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α) :
    residualGroup D entryLInf entryLInf K ↔ IsSignedPerm K := by
  constructor
  · intro h
    exact isSignedPerm_of_residualGroup_entryLInf D hD K h
  · intro h
    exact residualGroup_entryLInf_of_isSignedPerm D K h

/-- R3.22c (closing principle, exact form): for `D ≥ 1`, the residual group of the Frobenius
(Schatten-2) penalty is `O d`, while those of the entrywise ℓ1 and ℓ∞ penalties are both the
finite group `B d` of signed permutations, which lies inside `O d`. -/
theorem residual_groups_classification [Lean.Grind.IsCharP α 0] {d : Nat} (D : Nat)
    (hD : 0 < D) (K : GL d α) :
    (residualGroup D frobSq frobSq K ↔ IsOrthogonal K) ∧
      (residualGroup D entryL1 entryL1 K ↔ IsSignedPerm K) ∧
      (residualGroup D entryLInf entryLInf K ↔ IsSignedPerm K) ∧
      (IsSignedPerm K → IsOrthogonal K) :=
  ⟨residualGroup_frobSq_iff D hD K, residualGroup_entryL1_iff D hD K,
    residualGroup_entryLInf_iff D hD K, isOrthogonal_of_isSignedPerm K⟩

/-- R3.22c: the signed permutation matrices form a subgroup `B d` of `GL d` (it is the residual
group of the entrywise ℓ1 penalty with `D = 1`, a subgroup by D3.15). -/
theorem isSubgroup_isSignedPerm (d : Nat) : IsSubgroup (IsSignedPerm : GL d α → Prop) := by
  have hS := isSubgroup_residualGroup 1 (entryL1 : Mat d 1 α → α) (entryL1 : Mat 1 d α → α)
  have e : ∀ K : GL d α, residualGroup 1 entryL1 entryL1 K ↔ IsSignedPerm K :=
    fun K => residualGroup_entryL1_iff 1 (by decide) K
  exact ⟨(e 1).mp hS.one_mem, fun a b ha hb => (e (a * b)).mp (hS.mul_mem a b ((e a).mpr ha)
    ((e b).mpr hb)), fun a ha => (e a⁻¹).mp (hS.inv_mem a ((e a).mpr ha))⟩

end Ordered

end Sym

end
