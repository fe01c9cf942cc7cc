module

public import Sym.Algebra.GL

/-!
# Vectorization and the Kronecker product (paper section 3.3.4, Example 2)

The entrywise norms of a Jacobian are norms of its vectorization `vec J`, which stacks the
columns. Instead of flattening to one index with division and remainder, this file indexes
`vec X` by pairs `(column, row)`: stacking columns is exactly the lexicographic order on these
pairs. Kronecker products are then pair-indexed matrices, `(B ⊗ A) (j, i) (l, k) = B j l * A i k`,
acting on pair-indexed vectors by a double sum. Everything holds over any commutative ring.

## Main definitions
- `Sym.PairVec`, `Sym.PairMat`, `Sym.vec`, `Sym.kron`, `Sym.pairMulVec` (L3.21a).

## Main statements
- `Sym.vec_mul_mul` (L3.21a): `vec (A X B) = (Bᵀ ⊗ A) vec X`.
- `Sym.vec_mul_left` (L3.21a): `vec (K A) = (I ⊗ K) vec A`.
- `Sym.vec_mul_right` (L3.21a): `vec (B M) = (Mᵀ ⊗ I) vec B`, and `Sym.vec_mul_inv` for
  `M = K⁻¹`: `vec (B K⁻¹) = (K⁻ᵀ ⊗ I) vec B`.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.CommRing α]

/-- Vectors indexed by pairs `(a, b) ∈ Fin p × Fin m` (a vector of length `p m`, in
lexicographic order). -/
def PairVec (p m : Nat) (α : Type u) : Type u := Fin p × Fin m → α

/-- Matrices with pair-indexed rows and columns (a `p m × q n` matrix). -/
def PairMat (p m q n : Nat) (α : Type u) : Type u := Fin p × Fin m → Fin q × Fin n → α

/-- L3.21a: the vectorization of an `m × n` matrix, stacking its columns: entry `(j, i)` (column
`j`, row `i`) is `X i j`. -/
def vec {m n : Nat} (X : Mat m n α) : PairVec n m α := fun a => X a.2 a.1

/-- L3.21a: the Kronecker product `B ⊗ A` of a `p × q` and an `m × n` matrix, a `p m × q n`
matrix with `(B ⊗ A) (j, i) (l, k) = B j l * A i k`. -/
def kron {p q m n : Nat} (B : Mat p q α) (A : Mat m n α) : PairMat p m q n α :=
  fun a b => B a.1 b.1 * A a.2 b.2

/-- L3.21a: a pair-indexed matrix times a pair-indexed vector,
`(M v) a = ∑ l, ∑ k, M a (l, k) * v (l, k)`. -/
def pairMulVec {p m q n : Nat} (M : PairMat p m q n α) (v : PairVec q n α) : PairVec p m α :=
  fun a => finSum q (fun l => finSum n (fun k => M a (l, k) * v (l, k)))

theorem PairVec.ext {p m : Nat} {v w : PairVec p m α} (h : ∀ a b, v (a, b) = w (a, b)) :
    v = w := by
  funext x
  exact h x.1 x.2

/-- L3.21a: `vec (A X B) = (Bᵀ ⊗ A) vec X` for `A : m × n`, `X : n × q`, `B : q × p`. -/
theorem vec_mul_mul {m n q p : Nat} (A : Mat m n α) (X : Mat n q α) (B : Mat q p α) :
    vec (A * X * B) = pairMulVec (kron Bᵀ A) (vec X) := by
  apply PairVec.ext
  intro j i
  show (A * X * B) i j = finSum q (fun l => finSum n (fun k => B l j * A i k * X k l))
  simp only [Mat.mul_apply, finSum_mul]
  apply finSum_congr
  intro l
  apply finSum_congr
  intro k
  grind

/-- L3.21a: `vec (K A) = (I ⊗ K) vec A`. -/
theorem vec_mul_left {d D : Nat} (K : Mat d d α) (A : Mat d D α) :
    vec (K * A) = pairMulVec (kron (Mat.one D) K) (vec A) := by
  have h := vec_mul_mul K A (Mat.one D)
  rw [Mat.mul_one, Mat.transpose_one] at h
  exact h

/-- L3.21a: `vec (B M) = (Mᵀ ⊗ I) vec B`. -/
theorem vec_mul_right {d D : Nat} (B : Mat D d α) (M : Mat d d α) :
    vec (B * M) = pairMulVec (kron Mᵀ (Mat.one D)) (vec B) := by
  have h := vec_mul_mul (Mat.one D) B M
  rw [Mat.one_mul] at h
  exact h

/-- L3.21a: `vec (B K⁻¹) = (K⁻ᵀ ⊗ I) vec B` for `K ∈ GL d`. -/
theorem vec_mul_inv {d D : Nat} (B : Mat D d α) (K : GL d α) :
    vec (B * K.inv) = pairMulVec (kron K.invᵀ (Mat.one D)) (vec B) :=
  vec_mul_right B K.inv

/-- The vectorization of a 2 × 2 matrix lists the first column, then the second. -/
example (a b c e : Int) :
    vec (Mat.of2 a b c e) (0, 0) = a ∧ vec (Mat.of2 a b c e) (0, 1) = c ∧
      vec (Mat.of2 a b c e) (1, 0) = b ∧ vec (Mat.of2 a b c e) (1, 1) = e := by
  refine ⟨rfl, rfl, rfl, rfl⟩

end Sym

end
