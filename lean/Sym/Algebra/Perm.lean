module

public import Sym.Algebra.GL

/-!
# Permutations of `Fin n` and permutation matrices

Support for sections 3.2 (ReLU and sigmoid residual groups) and 3.3 of the paper. A
`Sym.Perm n` is a bijection of `Fin n` given with its inverse; `Sym.Perm.toMat p` is the
permutation matrix sending `e_j` to `e_{p j}`, and `Sym.IsPermMat` the predicate "is a
permutation matrix" on `GL n`.

## Main statements
- `Sym.Perm.toMat_mul`: `p ↦ P_p` is multiplicative.
- `Sym.Perm.toMat_mulVec_apply`: `(P_p v) i = v (p⁻¹ i)`.
- `Sym.isSubgroup_isPermMat`: permutation matrices form a subgroup of `GL n`.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

/-- A permutation of `Fin n`: a function with a two-sided inverse. -/
structure Perm (n : Nat) where
  toFun : Fin n → Fin n
  invFun : Fin n → Fin n
  left_inv : ∀ i, invFun (toFun i) = i
  right_inv : ∀ i, toFun (invFun i) = i

namespace Perm

variable {n : Nat}

theorem ext {p q : Perm n} (h : ∀ i, p.toFun i = q.toFun i) : p = q := by
  have hf : p.toFun = q.toFun := funext h
  have hi : p.invFun = q.invFun := by
    funext i
    have := p.left_inv (q.invFun i)
    rw [hf, q.right_inv] at this
    exact this
  cases p; cases q; simp only at hf hi; subst hf; subst hi; rfl

/-- The identity permutation. -/
def id (n : Nat) : Perm n := ⟨fun i => i, fun i => i, fun _ => rfl, fun _ => rfl⟩

/-- Composition: `(p * q) i = p (q i)`. -/
def comp (p q : Perm n) : Perm n :=
  ⟨fun i => p.toFun (q.toFun i), fun i => q.invFun (p.invFun i),
    fun i => by simp only [p.left_inv, q.left_inv], fun i => by simp only [p.right_inv, q.right_inv]⟩

/-- The inverse permutation. -/
def symm (p : Perm n) : Perm n := ⟨p.invFun, p.toFun, p.right_inv, p.left_inv⟩

instance : One (Perm n) := ⟨id n⟩
instance : Mul (Perm n) := ⟨comp⟩
instance : Inv (Perm n) := ⟨symm⟩

@[simp] theorem one_toFun (i : Fin n) : (1 : Perm n).toFun i = i := rfl
@[simp] theorem mul_toFun (p q : Perm n) (i : Fin n) : (p * q).toFun i = p.toFun (q.toFun i) := rfl
@[simp] theorem inv_toFun (p : Perm n) (i : Fin n) : (p⁻¹).toFun i = p.invFun i := rfl

instance instGroup : Group (Perm n) where
  mul_assoc _ _ _ := ext fun _ => rfl
  one_mul _ := ext fun _ => rfl
  mul_one _ := ext fun _ => rfl
  inv_mul_cancel p := ext fun i => p.left_inv i
  mul_inv_cancel p := ext fun i => p.right_inv i

theorem toFun_injective (p : Perm n) {i j : Fin n} (h : p.toFun i = p.toFun j) : i = j := by
  rw [← p.left_inv i, h, p.left_inv]

theorem toFun_eq_iff (p : Perm n) (i j : Fin n) : p.toFun j = i ↔ j = p.invFun i := by
  constructor
  · intro h; rw [← h, p.left_inv]
  · intro h; rw [h, p.right_inv]

variable {α : Type u} [Lean.Grind.CommRing α]

/-- The permutation matrix of `p`: entry `(i, j)` is `1` when `p j = i`, so `P e_j = e_{p j}`. -/
def toMat (p : Perm n) : Mat n n α := fun i j => if p.toFun j = i then 1 else 0

@[simp] theorem toMat_apply (p : Perm n) (i j : Fin n) :
    (toMat p : Mat n n α) i j = if p.toFun j = i then 1 else 0 := rfl

/-- `(P_p v) i = v (p⁻¹ i)`. -/
theorem toMat_mulVec_apply (p : Perm n) (v : Vec n α) (i : Fin n) :
    ((toMat p : Mat n n α) * v) i = v (p.invFun i) := by
  simp only [Mat.mulVec_apply, toMat_apply]
  rw [finSum_eq_single _ (p.invFun i) (fun j hj => by
    have : p.toFun j ≠ i := fun h => hj ((toFun_eq_iff p i j).mp h)
    simp [this])]
  simp [p.right_inv]

/-- `(A P_p) i j = A i (p j)`. -/
theorem mul_toMat_apply {m : Nat} (A : Mat m n α) (p : Perm n) (i : Fin m) (j : Fin n) :
    (A * (toMat p : Mat n n α)) i j = A i (p.toFun j) := by
  simp only [Mat.mul_apply, toMat_apply]
  rw [finSum_eq_single _ (p.toFun j) (fun k hk => by simp [Ne.symm hk])]
  simp

/-- `(P_p A) i j = A (p⁻¹ i) j`. -/
theorem toMat_mul_apply {m : Nat} (p : Perm n) (A : Mat n m α) (i : Fin n) (j : Fin m) :
    ((toMat p : Mat n n α) * A) i j = A (p.invFun i) j := by
  simp only [Mat.mul_apply, toMat_apply]
  rw [finSum_eq_single _ (p.invFun i) (fun k hk => by
    have : p.toFun k ≠ i := fun h => hk ((toFun_eq_iff p i k).mp h)
    simp [this])]
  simp [p.right_inv]

theorem toMat_mul (p q : Perm n) : (toMat (p * q) : Mat n n α) = (toMat p : Mat n n α) * (toMat q : Mat n n α) := by
  ext i j
  rw [mul_toMat_apply]
  simp

theorem toMat_one : (toMat (1 : Perm n) : Mat n n α) = Mat.one n := by
  ext i j; simp only [toMat_apply, one_toFun, Mat.one_apply]; grind

theorem toMat_mul_toMat_inv (p : Perm n) : (toMat p : Mat n n α) * (toMat p⁻¹ : Mat n n α) = Mat.one n := by
  rw [← toMat_mul, Group.mul_inv_cancel, toMat_one]

theorem toMat_inv_mul_toMat (p : Perm n) : (toMat p⁻¹ : Mat n n α) * (toMat p : Mat n n α) = Mat.one n := by
  rw [← toMat_mul, Group.inv_mul_cancel, toMat_one]

/-- The permutation matrix of `p` as an invertible matrix. -/
def toGL (p : Perm n) : GL n α :=
  ⟨toMat p, toMat p⁻¹, toMat_mul_toMat_inv p, toMat_inv_mul_toMat p⟩

@[simp] theorem toGL_val (p : Perm n) : (toGL p : GL n α).val = toMat p := rfl

end Perm

/-- `K` is a permutation matrix. -/
def IsPermMat {α : Type u} [Lean.Grind.CommRing α] {n : Nat} (K : GL n α) : Prop :=
  ∃ p : Perm n, K.val = Perm.toMat p

/-- Permutation matrices form a subgroup of `GL n`. -/
theorem isSubgroup_isPermMat {α : Type u} [Lean.Grind.CommRing α] {n : Nat} :
    IsSubgroup (IsPermMat : GL n α → Prop) where
  one_mem := ⟨1, Perm.toMat_one.symm⟩
  mul_mem a b := by
    rintro ⟨p, hp⟩ ⟨q, hq⟩
    exact ⟨p * q, by show a.val * b.val = _; rw [hp, hq, Perm.toMat_mul]⟩
  inv_mem a := by
    rintro ⟨p, hp⟩
    refine ⟨p⁻¹, ?_⟩
    show a.inv = _
    have h1 : a.inv = a.inv * (a.val * (Perm.toMat p⁻¹ : Mat n n α)) := by
      rw [hp, Perm.toMat_mul_toMat_inv (α := α) p, Mat.mul_one]
    rw [h1, ← Mat.mul_assoc, a.inv_val, Mat.one_mul]

end Sym

end
