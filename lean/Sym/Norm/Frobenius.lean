module

public import Sym.Algebra.GL

/-!
# Isometry groups of matrix norms and the squared Frobenius norm (paper section 3.3.4)

The left and right isometry groups of a matrix norm, then the squared Frobenius norm and its
one-sided isometries. The two parts follow.

## Isometry groups of matrix norms (paper section 3.3.4)

A Jacobian-regularized autoencoder loss adds `λ_E ‖J_f‖_E + λ_D ‖J_g‖_D`. Moving the latent space
by `K ∈ GL d` turns the Jacobians into `K J_f` and `J_g K⁻¹`, so the transformations that keep the
penalty are those that are left isometries of `‖·‖_E` and right isometries of `‖·‖_D`. This part
defines both isometry groups for an arbitrary function `N` on matrices (a norm, a squared norm, or
anything else), proves they are subgroups of `GL d`, and identifies their intersection as the
residual group of the penalty.

### Main definitions
- `Sym.IsLeftIsometry`, `Sym.IsRightIsometry`, `Sym.residualGroup` (D3.15).
- `Sym.IsUnitarilyInvariant` (D3.16).
- `Sym.jacPenalty`: the Jacobian penalty `λ_E N_E(J_f) + λ_D N_D(J_g)` at one point.

### Main statements
- `Sym.isSubgroup_isLeftIsometry`, `Sym.isSubgroup_isRightIsometry`,
  `Sym.isSubgroup_residualGroup` (D3.15).
- `Sym.residualGroup_iff_jacPenalty` (D3.15): `K` is in the intersection exactly when it keeps
  the penalty for all Jacobians.
- `Sym.isLeftIsometry_of_isUnitarilyInvariant`, `Sym.isRightIsometry_of_isUnitarilyInvariant`
  (C3.19, first step): a unitarily invariant function is kept by every orthogonal `K`.

## The squared Frobenius norm and its one-sided isometries (paper section 3.3.4)

The Frobenius norm is the Schatten-2 norm and the entrywise ℓ2 norm. To stay inside core Lean
(no square roots) this part works with its square, `Sym.frobSq A = ∑ i j, A i j * A i j`, which has
the same isometries as the norm. It proves that multiplying by a matrix `K` on the left keeps
`frobSq` of every matrix exactly when `Kᵀ K = I`, and on the right exactly when `K Kᵀ = I`.

### Main statements
- `Sym.frobSq` (D3.17, p = 2): the squared Frobenius norm.
- `Sym.frobSq_mul_left_of_orthogonal`, `Sym.frobSq_mul_right_of_orthogonal` (C3.19, `O d ⊆ G`).
- `Sym.orthogonal_of_frobSq_mul_left`, `Sym.orthogonal_of_frobSq_mul_right` (C3.19, `G ⊆ O d`):
  the column argument with `A = e_i e_1ᵀ` and `A = (e_i + e_j) e_1ᵀ`.
- `Sym.isUnitarilyInvariant_frobSq` (P3.18, p = 2).
- `Sym.isLeftIsometry_frobSq_iff`, `Sym.isRightIsometry_frobSq_iff`,
  `Sym.residualGroup_frobSq_iff` (C3.19, p = 2): `G_L = G_R = G = O d` inside `GL d`.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u v

variable {α : Type u} [Lean.Grind.CommRing α] {β : Type v}

/-- D3.15: `K` is a left isometry of `N` on `d × D` matrices: `N (K A) = N A` for every `A`. -/
def IsLeftIsometry {d : Nat} (D : Nat) (N : Mat d D α → β) (K : GL d α) : Prop :=
  ∀ A : Mat d D α, N (K.val * A) = N A

/-- D3.15: `K` is a right isometry of `N` on `D × d` matrices: `N (B K⁻¹) = N B` for every `B`. -/
def IsRightIsometry {d : Nat} (D : Nat) (N : Mat D d α → β) (K : GL d α) : Prop :=
  ∀ B : Mat D d α, N (B * K.inv) = N B

/-- D3.15: the residual group of a Jacobian penalty with encoder norm `NE` and decoder norm
`ND`: the left isometries of `NE` that are also right isometries of `ND`. -/
def residualGroup {d : Nat} (D : Nat) (NE : Mat d D α → β) (ND : Mat D d α → β) :
    GL d α → Prop :=
  inter (IsLeftIsometry D NE) (IsRightIsometry D ND)

/-- D3.16: `N` on `m × n` matrices is unitarily invariant: `N (U A V) = N A` for all orthogonal
`U`, `V` and every `A`. -/
def IsUnitarilyInvariant (m n : Nat) (N : Mat m n α → β) : Prop :=
  ∀ (U : GL m α) (V : GL n α), IsOrthogonal U → IsOrthogonal V →
    ∀ A : Mat m n α, N (U.val * A * V.val) = N A

/-- D3.15: the Jacobian penalty `λ_E N_E(J_f) + λ_D N_D(J_g)` at one data point. -/
def jacPenalty {d D : Nat} (lamE lamD : α) (NE : Mat d D α → α) (ND : Mat D d α → α)
    (Jf : Mat d D α) (Jg : Mat D d α) : α :=
  lamE * NE Jf + lamD * ND Jg

/-- D3.15: the left isometries of any `N` form a subgroup of `GL d`. -/
theorem isSubgroup_isLeftIsometry {d : Nat} (D : Nat) (N : Mat d D α → β) :
    IsSubgroup (IsLeftIsometry D N) where
  one_mem := by
    intro A
    show N (Mat.one d * A) = N A
    rw [Mat.one_mul]
  mul_mem a b ha hb := by
    intro A
    show N (a.val * b.val * A) = N A
    rw [Mat.mul_assoc, ha, hb]
  inv_mem a ha := by
    intro A
    show N (a.inv * A) = N A
    have h := ha (a.inv * A)
    rw [← Mat.mul_assoc, a.val_inv, Mat.one_mul] at h
    exact h.symm

/-- D3.15: the right isometries of any `N` form a subgroup of `GL d`. -/
theorem isSubgroup_isRightIsometry {d : Nat} (D : Nat) (N : Mat D d α → β) :
    IsSubgroup (IsRightIsometry D N) where
  one_mem := by
    intro B
    show N (B * Mat.one d) = N B
    rw [Mat.mul_one]
  mul_mem a b ha hb := by
    intro B
    show N (B * (b.inv * a.inv)) = N B
    rw [← Mat.mul_assoc, ha, hb]
  inv_mem a ha := by
    intro B
    show N (B * a.val) = N B
    have h := ha (B * a.val)
    rw [Mat.mul_assoc, a.val_inv, Mat.mul_one] at h
    exact h.symm

/-- D3.15: the residual group (intersection of the left and right isometry groups) is a subgroup
of `GL d`. -/
theorem isSubgroup_residualGroup {d : Nat} (D : Nat) (NE : Mat d D α → β)
    (ND : Mat D d α → β) : IsSubgroup (residualGroup D NE ND) :=
  IsSubgroup.inter (isSubgroup_isLeftIsometry D NE) (isSubgroup_isRightIsometry D ND)

theorem Mat.zero_mul' {m n p : Nat} (A : Mat n p α) :
    (Mat.zero m n : Mat m n α) * A = Mat.zero m p := by
  ext i k
  simp only [Mat.mul_apply, Mat.zero_apply]
  exact finSum_eq_zero (fun j => by grind)

theorem Mat.mul_zero' {m n p : Nat} (A : Mat m n α) :
    A * (Mat.zero n p : Mat n p α) = Mat.zero m p := by
  ext i k
  simp only [Mat.mul_apply, Mat.zero_apply]
  exact finSum_eq_zero (fun j => by grind)

/-- D3.15: with nonzero weights, `K` keeps the Jacobian penalty for every pair of Jacobians
(`J_f ↦ K J_f`, `J_g ↦ J_g K⁻¹`) exactly when it lies in the residual group. -/
theorem residualGroup_iff_jacPenalty {F : Type u} [Lean.Grind.Field F] {d : Nat} (D : Nat)
    (lamE lamD : F) (hE : lamE ≠ 0) (hD : lamD ≠ 0) (NE : Mat d D F → F) (ND : Mat D d F → F)
    (K : GL d F) :
    residualGroup D NE ND K ↔
      ∀ (Jf : Mat d D F) (Jg : Mat D d F),
        jacPenalty lamE lamD NE ND (K.val * Jf) (Jg * K.inv) = jacPenalty lamE lamD NE ND Jf Jg := by
  constructor
  · intro h Jf Jg
    unfold jacPenalty
    rw [h.1 Jf, h.2 Jg]
  · intro h
    constructor
    · intro A
      have h1 := h A (Mat.zero D d)
      unfold jacPenalty at h1
      rw [Mat.zero_mul'] at h1
      have h2 : lamE * (NE (K.val * A) - NE A) = 0 := by grind
      grind
    · intro B
      have h1 := h (Mat.zero d D) B
      unfold jacPenalty at h1
      rw [Mat.mul_zero'] at h1
      have h2 : lamD * (ND (B * K.inv) - ND B) = 0 := by grind
      grind

/-- C3.19 (first step): every orthogonal `K` is a left isometry of a unitarily invariant `N`. -/
theorem isLeftIsometry_of_isUnitarilyInvariant {d : Nat} (D : Nat) (N : Mat d D α → β)
    (hN : IsUnitarilyInvariant d D N) (K : GL d α) (hK : IsOrthogonal K) :
    IsLeftIsometry D N K := by
  intro A
  have h := hN K 1 hK GL.isSubgroup_isOrthogonal.one_mem A
  rw [GL.one_val, Mat.mul_one] at h
  exact h

/-- C3.19 (first step): every orthogonal `K` is a right isometry of a unitarily invariant `N`. -/
theorem isRightIsometry_of_isUnitarilyInvariant {d : Nat} (D : Nat) (N : Mat D d α → β)
    (hN : IsUnitarilyInvariant D d N) (K : GL d α) (hK : IsOrthogonal K) :
    IsRightIsometry D N K := by
  intro B
  have h := hN 1 K⁻¹ GL.isSubgroup_isOrthogonal.one_mem
    (GL.isSubgroup_isOrthogonal.inv_mem K hK) B
  rw [GL.one_val, Mat.one_mul, GL.inv_val'] at h
  exact h

end Sym

end

@[expose] public noncomputable section

namespace Sym

universe u

variable {α : Type u}

section Ring

variable [Lean.Grind.CommRing α]

/-- D3.17: the squared Frobenius norm `‖A‖²_F = ∑ i j, A i j * A i j` (the square of the
Schatten-2 norm, and of the entrywise ℓ2 norm). -/
def frobSq {m n : Nat} (A : Mat m n α) : α :=
  finSum m (fun i => finSum n (fun j => A i j * A i j))

/-- The squared Euclidean norm of a vector, `∑ i, v i * v i`. -/
def vecNormSq {n : Nat} (v : Vec n α) : α := finSum n (fun i => v i * v i)

/-- The `D`-column matrix whose column `c` is `v` and whose other columns are zero
(`v e_cᵀ`). -/
def colMat {d D : Nat} (c : Fin D) (v : Vec d α) : Mat d D α :=
  fun i j => if j = c then v i else 0

theorem frobSq_transpose {m n : Nat} (A : Mat m n α) : frobSq Aᵀ = frobSq A := by
  unfold frobSq
  simp only [Mat.transpose_apply]
  rw [finSum_comm]

/-- `‖A‖²_F` is the trace of the Gram matrix `Aᵀ A`. -/
theorem frobSq_eq_finSum_gram {m n : Nat} (A : Mat m n α) :
    frobSq A = finSum n (fun j => (Aᵀ * A) j j) := by
  unfold frobSq
  simp only [Mat.mul_apply, Mat.transpose_apply]
  rw [finSum_comm]

/-- C3.19 (`O d ⊆ G_L`, Frobenius): if `Kᵀ K = I` then `‖K A‖²_F = ‖A‖²_F` for every `A`. -/
theorem frobSq_mul_left_of_orthogonal {d n : Nat} (K : Mat d d α)
    (hK : Kᵀ * K = (Mat.one d : Mat d d α)) (A : Mat d n α) : frobSq (K * A) = frobSq A := by
  rw [frobSq_eq_finSum_gram, frobSq_eq_finSum_gram A, Mat.transpose_mul, Mat.mul_assoc,
    ← Mat.mul_assoc Kᵀ, hK, Mat.one_mul]

/-- C3.19 (`O d ⊆ G_R`, Frobenius): if `M Mᵀ = I` then `‖B M‖²_F = ‖B‖²_F` for every `B`. -/
theorem frobSq_mul_right_of_orthogonal {d n : Nat} (M : Mat d d α)
    (hM : M * Mᵀ = (Mat.one d : Mat d d α)) (B : Mat n d α) : frobSq (B * M) = frobSq B := by
  rw [← frobSq_transpose (B * M), Mat.transpose_mul, ← frobSq_transpose B]
  exact frobSq_mul_left_of_orthogonal Mᵀ hM Bᵀ

theorem mul_colMat {d e D : Nat} (K : Mat e d α) (c : Fin D) (v : Vec d α) :
    K * colMat c v = colMat c (K * v) := by
  ext i j
  simp only [Mat.mul_apply, colMat, Mat.mulVec_apply]
  by_cases h : j = c
  · simp [h]
  · simp [h]

theorem frobSq_colMat {d D : Nat} (c : Fin D) (v : Vec d α) :
    frobSq (colMat c v) = vecNormSq v := by
  unfold frobSq vecNormSq colMat
  apply finSum_congr
  intro i
  rw [finSum_eq_single _ c (fun j hj => by simp [hj])]
  simp

/-- `‖K v‖²` for `v = e_i + e_j` expands through the Gram matrix `Kᵀ K`. -/
theorem vecNormSq_mulVec_basis_add {d e : Nat} (K : Mat e d α) (i j : Fin d) :
    vecNormSq (K * ((Vec.basis d i : Vec d α) + Vec.basis d j)) =
      (Kᵀ * K) i i + 2 * (Kᵀ * K) i j + (Kᵀ * K) j j := by
  rw [Mat.mulVec_add]
  unfold vecNormSq
  simp only [Vec.add_apply, Mat.mulVec_basis, Mat.mul_apply, Mat.transpose_apply]
  have h : ∀ r, (K r i + K r j) * (K r i + K r j) =
      (K r i * K r i + 2 * (K r i * K r j)) + K r j * K r j := by intro r; grind
  rw [finSum_congr h, finSum_add, finSum_add, finSum_mul_left]

theorem vecNormSq_mulVec_basis {d e : Nat} (K : Mat e d α) (i : Fin d) :
    vecNormSq (K * (Vec.basis d i : Vec d α)) = (Kᵀ * K) i i := by
  unfold vecNormSq
  simp only [Mat.mulVec_basis, Mat.mul_apply, Mat.transpose_apply]

end Ring

section Field

variable [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- C3.19 (`G_L ⊆ O d`, Frobenius): if `‖K A‖²_F = ‖A‖²_F` for every `d × D` matrix `A`
(`D > 0`), then `Kᵀ K = I`. Columns have unit length (`A = e_i e_1ᵀ`) and are pairwise
orthogonal (`A = (e_i + e_j) e_1ᵀ`). -/
theorem orthogonal_of_frobSq_mul_left {d D : Nat} (K : Mat d d α) (hD : 0 < D)
    (h : ∀ A : Mat d D α, frobSq (K * A) = frobSq A) : Kᵀ * K = (Mat.one d : Mat d d α) := by
  have hv : ∀ v : Vec d α, vecNormSq (K * v) = vecNormSq v := by
    intro v
    have := h (colMat ⟨0, hD⟩ v)
    rwa [mul_colMat, frobSq_colMat, frobSq_colMat] at this
  have hI : ((Mat.one d : Mat d d α))ᵀ * (Mat.one d : Mat d d α) = Mat.one d := by
    rw [Mat.transpose_one, Mat.one_mul]
  have hdiag : ∀ i, (Kᵀ * K) i i = 1 := by
    intro i
    have h1 := hv (Vec.basis d i)
    rw [vecNormSq_mulVec_basis, ← Mat.one_mulVec (Vec.basis d i : Vec d α), vecNormSq_mulVec_basis, hI]
      at h1
    simpa using h1
  ext i j
  by_cases hij : i = j
  · subst hij
    rw [hdiag i]
    simp
  · have h2 := hv (Vec.basis d i + Vec.basis d j)
    rw [vecNormSq_mulVec_basis_add, ← Mat.one_mulVec ((Vec.basis d i : Vec d α) + Vec.basis d j),
      vecNormSq_mulVec_basis_add, hI, hdiag i, hdiag j] at h2
    simp only [Mat.one_apply, hij, if_false, if_true] at h2 ⊢
    grind

/-- C3.19 (`G_R ⊆ O d`, Frobenius): if `‖B M‖²_F = ‖B‖²_F` for every `D × d` matrix `B`
(`D > 0`), then `M Mᵀ = I`. -/
theorem orthogonal_of_frobSq_mul_right {d D : Nat} (M : Mat d d α) (hD : 0 < D)
    (h : ∀ B : Mat D d α, frobSq (B * M) = frobSq B) : M * Mᵀ = (Mat.one d : Mat d d α) := by
  have hl : ∀ A : Mat d D α, frobSq (Mᵀ * A) = frobSq A := by
    intro A
    have := h Aᵀ
    rw [← frobSq_transpose (Aᵀ * M), Mat.transpose_mul, ← frobSq_transpose Aᵀ] at this
    exact this
  exact orthogonal_of_frobSq_mul_left Mᵀ hD hl

end Field

section GLForms

variable [Lean.Grind.CommRing α]

/-- An orthogonal `K` also satisfies `K Kᵀ = I`. -/
theorem mul_transpose_eq_one_of_isOrthogonal {d : Nat} {K : GL d α} (hK : IsOrthogonal K) :
    K.val * K.valᵀ = (Mat.one d : Mat d d α) := by
  rw [← GL.inv_eq_transpose hK, K.val_inv]

/-- `K` is orthogonal exactly when its inverse satisfies `K⁻¹ K⁻ᵀ = I`. -/
theorem isOrthogonal_iff_inv_mul_transpose {d : Nat} (K : GL d α) :
    IsOrthogonal K ↔ K.inv * K.invᵀ = (Mat.one d : Mat d d α) := by
  constructor
  · intro hK
    rw [GL.inv_eq_transpose hK, Mat.transpose_transpose]
    exact hK
  · intro h
    have hT : K.invᵀ = K.val := by
      calc K.invᵀ = K.val * K.inv * K.invᵀ := by rw [K.val_inv, Mat.one_mul]
        _ = K.val := by rw [Mat.mul_assoc, h, Mat.mul_one]
    have e : K.valᵀ = K.inv := by rw [← hT, Mat.transpose_transpose]
    unfold IsOrthogonal
    rw [e, K.inv_val]

/-- P3.18 (p = 2): the squared Frobenius norm is unitarily invariant,
`‖U A V‖²_F = ‖A‖²_F` for orthogonal `U` and `V`. -/
theorem isUnitarilyInvariant_frobSq (m n : Nat) : IsUnitarilyInvariant m n (α := α) frobSq := by
  intro U V hU hV A
  rw [frobSq_mul_right_of_orthogonal V.val (mul_transpose_eq_one_of_isOrthogonal hV),
    frobSq_mul_left_of_orthogonal U.val hU]

end GLForms

section GLField

variable [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- C3.19 (p = 2, left): for `D > 0`, `K ∈ GL d` keeps `‖K A‖²_F = ‖A‖²_F` for every `d × D`
matrix `A` exactly when `K` is orthogonal (`G_L = O d`). -/
theorem isLeftIsometry_frobSq_iff {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α) :
    IsLeftIsometry D frobSq K ↔ IsOrthogonal K := by
  constructor
  · intro h
    exact orthogonal_of_frobSq_mul_left K.val hD h
  · intro hK A
    exact frobSq_mul_left_of_orthogonal K.val hK A

/-- C3.19 (p = 2, right): for `D > 0`, `K ∈ GL d` keeps `‖B K⁻¹‖²_F = ‖B‖²_F` for every `D × d`
matrix `B` exactly when `K` is orthogonal (`G_R = O d`). -/
theorem isRightIsometry_frobSq_iff {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α) :
    IsRightIsometry D frobSq K ↔ IsOrthogonal K := by
  rw [isOrthogonal_iff_inv_mul_transpose]
  constructor
  · intro h
    exact orthogonal_of_frobSq_mul_right K.inv hD h
  · intro hK B
    exact frobSq_mul_right_of_orthogonal K.inv hK B

/-- C3.19 (p = 2): the residual group of the Frobenius penalty on both Jacobians is `O d`. -/
theorem residualGroup_frobSq_iff {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α) :
    residualGroup D frobSq frobSq K ↔ IsOrthogonal K := by
  unfold residualGroup inter
  rw [isLeftIsometry_frobSq_iff D hD K, isRightIsometry_frobSq_iff D hD K]
  constructor
  · intro h
    exact h.1
  · intro h
    exact ⟨h, h⟩

end GLField

/-- A 2 × 2 rotation by the Pythagorean angle (entries 3/5, 4/5) keeps `‖·‖²_F`. -/
example (A : Mat 2 3 Rat) :
    frobSq (Mat.of2 (3/5 : Rat) (-4/5) (4/5) (3/5) * A) = frobSq A := by
  apply frobSq_mul_left_of_orthogonal
  ext i j
  have hi : i.val = 0 ∨ i.val = 1 := by omega
  have hj : j.val = 0 ∨ j.val = 1 := by omega
  simp only [Mat.mul_apply, Mat.transpose_apply, Mat.one_apply, Mat.of2, finSum_succ,
    finSum_zero]
  rcases hi with hi | hi <;> rcases hj with hj | hj <;> simp [hi, hj, Fin.ext_iff] <;> grind

end Sym

end
