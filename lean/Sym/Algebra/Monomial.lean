module

public import Sym.Algebra.Perm

/-!
# Monomial matrices: diagonal times permutation

Support for section 3.2 (the ReLU and sigmoid residual groups, C3.9 and J3.10) and section 3.3
(signed permutations). Over a field, an invertible matrix with at most one nonzero entry in each
row is `D P` with `D` an invertible diagonal matrix and `P` a permutation matrix.

## Main statements
- `Sym.GL.exists_perm_of_row_unique`: the factorization `K = diag(d) P_p`, with `d r ≠ 0`.
- `Sym.Perm.toMat_mul_diag`: `P_p diag(e) = diag(e ∘ p⁻¹) P_p`.
- `Sym.GL.diag`: an invertible diagonal matrix as an element of `GL n`.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} {n : Nat}

namespace Perm

variable [Lean.Grind.CommRing α]

/-- Moving a diagonal matrix across a permutation matrix: `P_p diag(e) = diag(e ∘ p⁻¹) P_p`. -/
theorem toMat_mul_diag (p : Perm n) (e : Fin n → α) :
    (toMat p : Mat n n α) * Mat.diag e = Mat.diag (fun i => e (p.invFun i)) * (toMat p : Mat n n α) := by
  ext i j
  rw [Mat.mul_diag_apply, Mat.diag_mul_apply]
  simp only [toMat_apply]
  split
  · next h => rw [← h, p.left_inv]; grind
  · grind

/-- A permutation matrix that is diagonal with nonzero diagonal is the identity. -/
theorem eq_one_of_toMat_eq_diag [Lean.Grind.Field α] (p : Perm n) (d : Fin n → α)
    (hd : ∀ i, d i ≠ 0) (h : (toMat p : Mat n n α) = Mat.diag d) : p = 1 := by
  apply ext
  intro i
  have e := congrFun (congrFun h i) i
  simp only [toMat_apply, Mat.diag_apply] at e
  show p.toFun i = i
  by_cases hp : p.toFun i = i
  · exact hp
  · exfalso; simp only [hp] at e; simp at e; exact hd i e.symm

end Perm

namespace GL

variable [Lean.Grind.Field α]

/-- The invertible diagonal matrix `diag(d)` for a diagonal without zeros. -/
def diag (d : Fin n → α) (hd : ∀ i, d i ≠ 0) : GL n α where
  val := Mat.diag d
  inv := Mat.diag (fun i => (d i)⁻¹)
  val_inv := by
    rw [Mat.diag_mul_diag, Mat.one_eq_diag]
    congr; funext i; have := hd i; grind
  inv_val := by
    rw [Mat.diag_mul_diag, Mat.one_eq_diag]
    congr; funext i; have := hd i; grind

@[simp] theorem diag_val (d : Fin n → α) (hd : ∀ i, d i ≠ 0) : (diag d hd).val = Mat.diag d := rfl

/-- Over a field, `0 ≠ 1`. -/
theorem field_zero_ne_one : (0 : α) ≠ 1 := by grind

/-- Every row of an invertible matrix has a nonzero entry. -/
theorem exists_ne_zero_in_row (K : GL n α) (r : Fin n) : ∃ c, K.val r c ≠ 0 := by
  apply Classical.byContradiction
  intro hno
  have h0 : ∀ c, K.val r c = 0 := fun c => Classical.byContradiction fun hc => hno ⟨c, hc⟩
  have e := congrFun (congrFun K.val_inv r) r
  simp only [Mat.mul_apply, Mat.one_apply, h0] at e
  simp at e
  exact field_zero_ne_one e

/-- Every column of an invertible matrix has a nonzero entry. -/
theorem exists_ne_zero_in_col (K : GL n α) (c : Fin n) : ∃ r, K.val r c ≠ 0 := by
  apply Classical.byContradiction
  intro hno
  have h0 : ∀ r, K.val r c = 0 := fun r => Classical.byContradiction fun hr => hno ⟨r, hr⟩
  have e := congrFun (congrFun K.inv_val c) c
  simp only [Mat.mul_apply, Mat.one_apply, h0] at e
  simp at e
  exact field_zero_ne_one e

/-- If every row of an invertible `K` has at most one nonzero entry, then two rows with a
nonzero entry in the same column are the same row. -/
theorem row_eq_of_col (K : GL n α) (hrow : ∀ r a b, K.val r a ≠ 0 → K.val r b ≠ 0 → a = b)
    (r₁ r₂ c : Fin n) (h₁ : K.val r₁ c ≠ 0) (h₂ : K.val r₂ c ≠ 0) : r₁ = r₂ := by
  apply Classical.byContradiction
  intro hne
  have row : ∀ r, K.val r c ≠ 0 → ∀ j, j ≠ c → K.val r j = 0 := fun r hr j hj =>
    Classical.byContradiction fun h => hj (hrow r j c h hr)
  have e₁ := congrFun (congrFun K.val_inv r₁) r₂
  have e₂ := congrFun (congrFun K.val_inv r₂) r₂
  simp only [Mat.mul_apply, Mat.one_apply] at e₁ e₂
  rw [finSum_eq_single _ c (fun j hj => by rw [row r₁ h₁ j hj]; simp)] at e₁
  rw [finSum_eq_single _ c (fun j hj => by rw [row r₂ h₂ j hj]; simp)] at e₂
  simp only [hne] at e₁
  simp at e₁ e₂
  have hz : K.inv c r₂ = 0 := by
    have : (K.val r₁ c)⁻¹ * (K.val r₁ c * K.inv c r₂) = 0 := by rw [e₁]; simp
    grind
  rw [hz] at e₂
  simp at e₂
  exact field_zero_ne_one e₂

/-- An invertible matrix with at most one nonzero entry in each row is `diag(d) P_p`, where
`d r = K r (p⁻¹ r) ≠ 0` (a monomial matrix). -/
theorem exists_perm_of_row_unique (K : GL n α)
    (hrow : ∀ r a b, K.val r a ≠ 0 → K.val r b ≠ 0 → a = b) :
    ∃ p : Perm n, (∀ r, K.val r (p.invFun r) ≠ 0) ∧
      K.val = Mat.diag (fun r => K.val r (p.invFun r)) * (Perm.toMat p : Mat n n α) := by
  let col : Fin n → Fin n := fun r => Classical.choose (exists_ne_zero_in_row K r)
  let row : Fin n → Fin n := fun c => Classical.choose (exists_ne_zero_in_col K c)
  have hcol : ∀ r, K.val r (col r) ≠ 0 := fun r => Classical.choose_spec (exists_ne_zero_in_row K r)
  have hrow' : ∀ c, K.val (row c) c ≠ 0 := fun c => Classical.choose_spec (exists_ne_zero_in_col K c)
  let p : Perm n := ⟨row, col,
    fun c => hrow (row c) (col (row c)) c (hcol (row c)) (hrow' c),
    fun r => row_eq_of_col K hrow (row (col r)) r (col r) (hrow' (col r)) (hcol r)⟩
  refine ⟨p, hcol, ?_⟩
  ext r j
  rw [Mat.diag_mul_apply]
  simp only [Perm.toMat_apply]
  show K.val r j = K.val r (col r) * (if row j = r then 1 else 0)
  by_cases h : row j = r
  · have : col r = j := by rw [← h]; exact hrow (row j) (col (row j)) j (hcol (row j)) (hrow' j)
    rw [if_pos h, this]; simp
  · rw [if_neg h]; simp
    apply Classical.byContradiction
    intro hne
    exact h (row_eq_of_col K hrow (row j) r j (hrow' j) hne)

end GL

end Sym

end
