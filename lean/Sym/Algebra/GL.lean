module

public import Sym.Algebra.Matrix
public import Sym.Algebra.Group

/-!
# The general linear group `GL n`

Support for sections 3.1–3.3 of the paper. An element of `Sym.GL n α` is an `n`-by-`n` matrix
`val` together with a two-sided inverse `inv`. It is a `Sym.Group` under matrix multiplication;
subgroups of `GL n` are predicates `GL n α → Prop` with `Sym.IsSubgroup`.

## Main definitions
- `Sym.GL`, `Sym.GL.scalar` (`c I` for a unit `c`), `Sym.IsOrthogonal`.

## Main statements
- `Sym.GL.ext`: an invertible matrix is determined by its matrix (inverses are unique).
- `Sym.GL.instGroup`: `GL n α` is a group.
- `Sym.GL.isSubgroup_isOrthogonal`: the orthogonal matrices form a subgroup.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

/-- Invertible `n`-by-`n` matrices: a matrix `val` with a two-sided inverse `inv`. -/
structure GL (n : Nat) (α : Type u) [Lean.Grind.CommRing α] where
  val : Mat n n α
  inv : Mat n n α
  val_inv : val * inv = Mat.one n
  inv_val : inv * val = Mat.one n

namespace GL

variable {α : Type u} [Lean.Grind.CommRing α] {n : Nat}

/-- Two invertible matrices with the same matrix are equal (the inverse is unique). -/
theorem ext {K H : GL n α} (h : K.val = H.val) : K = H := by
  have hinv : K.inv = H.inv := by
    calc K.inv = K.inv * (H.val * H.inv) := by rw [H.val_inv, Mat.mul_one]
      _ = K.inv * H.val * H.inv := by rw [Mat.mul_assoc]
      _ = H.inv := by rw [← h, K.inv_val, Mat.one_mul]
  cases K; cases H
  simp only at h hinv
  subst h; subst hinv; rfl

/-- The identity matrix as an invertible matrix. -/
def one (n : Nat) : GL n α := ⟨Mat.one n, Mat.one n, Mat.one_mul _, Mat.one_mul _⟩

/-- The product of invertible matrices; its inverse is `H⁻¹ K⁻¹`. -/
def mul (K H : GL n α) : GL n α where
  val := K.val * H.val
  inv := H.inv * K.inv
  val_inv := by
    rw [Mat.mul_assoc, ← Mat.mul_assoc H.val, H.val_inv, Mat.one_mul, K.val_inv]
  inv_val := by
    rw [Mat.mul_assoc, ← Mat.mul_assoc K.inv, K.inv_val, Mat.one_mul, H.inv_val]

/-- The inverse of an invertible matrix. -/
def inverse (K : GL n α) : GL n α := ⟨K.inv, K.val, K.inv_val, K.val_inv⟩

instance : One (GL n α) := ⟨one n⟩
instance : Mul (GL n α) := ⟨mul⟩
instance : Inv (GL n α) := ⟨inverse⟩

@[simp] theorem one_val : (1 : GL n α).val = Mat.one n := rfl
@[simp] theorem one_inv : (1 : GL n α).inv = Mat.one n := rfl
@[simp] theorem mul_val (K H : GL n α) : (K * H).val = K.val * H.val := rfl
@[simp] theorem mul_inv (K H : GL n α) : (K * H).inv = H.inv * K.inv := rfl
@[simp] theorem inv_val' (K : GL n α) : (K⁻¹).val = K.inv := rfl
@[simp] theorem inv_inv' (K : GL n α) : (K⁻¹).inv = K.val := rfl

instance instGroup : Group (GL n α) where
  mul_assoc a b c := ext (Mat.mul_assoc a.val b.val c.val)
  one_mul a := ext (Mat.one_mul a.val)
  mul_one a := ext (Mat.mul_one a.val)
  inv_mul_cancel a := ext a.inv_val
  mul_inv_cancel a := ext a.val_inv

/-- `K⁻¹ (K v) = v`. -/
theorem inv_mulVec_mulVec (K : GL n α) (v : Vec n α) : K.inv * (K.val * v) = v := by
  rw [Mat.mulVec_mulVec, K.inv_val, Mat.one_mulVec]

/-- `K (K⁻¹ v) = v`. -/
theorem val_mulVec_inv_mulVec (K : GL n α) (v : Vec n α) : K.val * (K.inv * v) = v := by
  rw [Mat.mulVec_mulVec, K.val_inv, Mat.one_mulVec]

/-- The invertible scalar matrix `c I` built from a unit `c` with inverse `d`. -/
def scalar (n : Nat) (c d : α) (h : c * d = 1) : GL n α where
  val := Mat.scalar n c
  inv := Mat.scalar n d
  val_inv := by ext i j; simp only [Mat.scalar_mul, Mat.smul_apply, Mat.scalar_apply,
    Mat.one_apply]; split <;> grind
  inv_val := by ext i j; simp only [Mat.scalar_mul, Mat.smul_apply, Mat.scalar_apply,
    Mat.one_apply]; split <;> grind

@[simp] theorem scalar_val (c d : α) (h : c * d = 1) : (scalar n c d h).val = Mat.scalar n c := rfl

end GL

/-- `K` is orthogonal: `Kᵀ K = I`. -/
def IsOrthogonal {α : Type u} [Lean.Grind.CommRing α] {n : Nat} (K : GL n α) : Prop :=
  K.valᵀ * K.val = Mat.one n

namespace GL

variable {α : Type u} [Lean.Grind.CommRing α] {n : Nat}

/-- For an orthogonal `K`, the inverse is the transpose. -/
theorem inv_eq_transpose {K : GL n α} (hK : IsOrthogonal K) : K.inv = K.valᵀ := by
  calc K.inv = (K.valᵀ * K.val) * K.inv := by rw [hK, Mat.one_mul]
    _ = K.valᵀ := by rw [Mat.mul_assoc, K.val_inv, Mat.mul_one]

/-- The orthogonal matrices form a subgroup of `GL n`. -/
theorem isSubgroup_isOrthogonal : IsSubgroup (IsOrthogonal : GL n α → Prop) where
  one_mem := by
    show (Mat.one n)ᵀ * Mat.one n = (Mat.one n : Mat n n α)
    rw [Mat.transpose_one, Mat.one_mul]
  mul_mem a b ha hb := by
    show (a.val * b.val)ᵀ * (a.val * b.val) = Mat.one n
    rw [Mat.transpose_mul, Mat.mul_assoc, ← Mat.mul_assoc a.valᵀ, ha, Mat.one_mul, hb]
  inv_mem a ha := by
    show a.invᵀ * a.inv = Mat.one n
    rw [inv_eq_transpose ha, Mat.transpose_transpose, ← inv_eq_transpose ha, a.val_inv]

end GL

end Sym

end
