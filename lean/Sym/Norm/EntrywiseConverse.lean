module

public import Sym.Norm.Conjecture

/-!
# The isometries of the entrywise ℓ1 norm are the signed permutations (paper section 3.3.4)

This file proves the converse of the corrected conjecture 3.22 for p = 1: an invertible `K`
that keeps the entrywise ℓ1 norm of every `d × D` matrix (`D ≥ 1`) under left multiplication is a
signed permutation matrix. Two distinct columns `a`, `b` of `K` have disjoint supports: with
`x = K r a`, `y = K r b`, the quantity `2|x| + 2|y| - |x + y| - |x - y|` is nonnegative, zero
exactly when `x = 0` or `y = 0`, and its sum over `r` is fixed by the isometry at `0` (its value
for the identity). So every row has at most one nonzero entry, `K = diag(e) P` by
`Sym.GL.exists_perm_of_row_unique`, and the unit ℓ1 norm of each column forces `e = ±1`.

## Main statements
- `Sym.isSignedPerm_of_row_unique`: an invertible matrix with at most one nonzero entry per row,
  whose nonzero entries that are alone in their column are `±1`, is a signed permutation.
- `Sym.isSignedPerm_of_isLeftIsometry_entryL1` (J3.22b corrected, converse for p = 1).
- `Sym.residualGroup_entryL1_iff` (J3.22b corrected, p = 1): the residual group is `B d`.
-/

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

end Ordered

end Sym

end
