module

public import Sym.Algebra.GL

/-!
# Isometry groups of matrix norms (paper section 3.3.4)

A Jacobian-regularized autoencoder loss adds `λ_E ‖J_f‖_E + λ_D ‖J_g‖_D`. Moving the latent space
by `K ∈ GL d` turns the Jacobians into `K J_f` and `J_g K⁻¹`, so the transformations that keep the
penalty are those that are left isometries of `‖·‖_E` and right isometries of `‖·‖_D`. This file
defines both isometry groups for an arbitrary function `N` on matrices (a norm, a squared norm, or
anything else), proves they are subgroups of `GL d`, and identifies their intersection as the
residual group of the penalty.

## Main definitions
- `Sym.IsLeftIsometry`, `Sym.IsRightIsometry`, `Sym.residualGroup` (D3.15).
- `Sym.IsUnitarilyInvariant` (D3.16).
- `Sym.jacPenalty`: the Jacobian penalty `λ_E N_E(J_f) + λ_D N_D(J_g)` at one point.

## Main statements
- `Sym.isSubgroup_isLeftIsometry`, `Sym.isSubgroup_isRightIsometry`,
  `Sym.isSubgroup_residualGroup` (D3.15).
- `Sym.residualGroup_iff_jacPenalty` (D3.15): `K` is in the intersection exactly when it keeps
  the penalty for all Jacobians.
- `Sym.isLeftIsometry_of_isUnitarilyInvariant`, `Sym.isRightIsometry_of_isUnitarilyInvariant`
  (C3.19, first step): a unitarily invariant function is kept by every orthogonal `K`.
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
