module

public import Sym.Algebra.GL
public import Sym.Norm.Frobenius
public import Sym.Algebra.Perm

/-!
# Vectorization, the Kronecker product and entrywise ℓp norms of Jacobians (paper section 3.3.4, Example 2)

Vectorization and the Kronecker product, then the entrywise ℓp norms of Jacobians and their
isometries. The two parts follow.

## Vectorization and the Kronecker product (paper section 3.3.4, Example 2)

The entrywise norms of a Jacobian are norms of its vectorization `vec J`, which stacks the
columns. Instead of flattening to one index with division and remainder, this part indexes
`vec X` by pairs `(column, row)`: stacking columns is exactly the lexicographic order on these
pairs. Kronecker products are then pair-indexed matrices, `(B ⊗ A) (j, i) (l, k) = B j l * A i k`,
acting on pair-indexed vectors by a double sum. Everything holds over any commutative ring.

### Main definitions
- `Sym.PairVec`, `Sym.PairMat`, `Sym.vec`, `Sym.kron`, `Sym.pairMulVec` (L3.21a).

### Main statements
- `Sym.vec_mul_mul` (L3.21a): `vec (A X B) = (Bᵀ ⊗ A) vec X`.
- `Sym.vec_mul_left` (L3.21a): `vec (K A) = (I ⊗ K) vec A`.
- `Sym.vec_mul_right` (L3.21a): `vec (B M) = (Mᵀ ⊗ I) vec B`, and `Sym.vec_mul_inv` for
  `M = K⁻¹`: `vec (B K⁻¹) = (K⁻ᵀ ⊗ I) vec B`.

## Entrywise ℓp norms of Jacobians and their isometries (paper section 3.3.4, Example 2)

The entrywise ℓp norm of a matrix is the ℓp norm of its vectorization. Over an ordered field,
this part defines the ℓ1 norm, the squared ℓ2 norm and the ℓ∞ norm (absolute values through an
`if`, maxima by recursion over `Fin n`), shows that the squared ℓ2 norm is the squared
Frobenius norm (so its residual group is `O d`, conjecture J3.22a), and that signed permutation
matrices (one entry `±1` in each row and column) are left and right isometries of the ℓ1 and ℓ∞
norms.

### Main definitions
- `Sym.absVal`, `Sym.maxOf`, `Sym.finMax`.
- `Sym.entryL1`, `Sym.entryL2Sq`, `Sym.entryLInf` and `Sym.vecL1`, `Sym.vecL2Sq`,
  `Sym.vecLInf` (D3.21, p = 1, 2, ∞).
- `Sym.signedPermMat`, `Sym.IsSignedPerm` (the group `B d`).

### Main statements
- `Sym.entryL1_eq_vecL1`, `Sym.entryL2Sq_eq_vecL2Sq`, `Sym.entryLInf_eq_vecLInf` (D3.21).
- `Sym.residualGroup_entryL2Sq_iff` (J3.22a).
- `Sym.residualGroup_entryL1_of_isSignedPerm`, `Sym.residualGroup_entryLInf_of_isSignedPerm`
  (J3.22b, corrected form: `B d ⊆ G` for p = 1 and p = ∞).
- `Sym.isOrthogonal_of_isSignedPerm` (R3.22c: `B d ⊆ O d`).
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

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

section L2Defs

variable {α : Type u} [Lean.Grind.CommRing α]

/-- D3.21 (p = 2, squared): the squared entrywise ℓ2 norm `∑ i j, (A i j)²`. -/
def entryL2Sq {m n : Nat} (A : Mat m n α) : α :=
  finSum m (fun i => finSum n (fun j => A i j * A i j))

/-- D3.21 (p = 2, squared): the squared ℓ2 norm of a pair-indexed vector. -/
def vecL2Sq {p m : Nat} (v : PairVec p m α) : α :=
  finSum p (fun a => finSum m (fun b => v (a, b) * v (a, b)))

/-- D3.21 (p = 2): the squared entrywise ℓ2 norm is the squared ℓ2 norm of the
vectorization. -/
theorem entryL2Sq_eq_vecL2Sq {m n : Nat} (A : Mat m n α) : entryL2Sq A = vecL2Sq (vec A) := by
  unfold entryL2Sq vecL2Sq vec
  rw [finSum_comm]

/-- J3.22a: the squared entrywise ℓ2 norm is the squared Frobenius norm. -/
theorem entryL2Sq_eq_frobSq {m n : Nat} (A : Mat m n α) : entryL2Sq A = frobSq A := rfl

end L2Defs

section Defs

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

open Classical in
/-- The absolute value `|x|` (`x` when `0 ≤ x`, else `-x`). -/
def absVal (x : α) : α := if 0 ≤ x then x else -x

open Classical in
/-- The larger of `a` and `b`. -/
def maxOf (a b : α) : α := if a ≤ b then b else a

/-- The maximum of `f 0, …, f (n-1)`, and `0` for `n = 0` (used only for nonnegative
families). -/
def finMax : (n : Nat) → (Fin n → α) → α
  | 0, _ => 0
  | n + 1, f => maxOf (f 0) (finMax n (fun i => f i.succ))

/-- D3.21 (p = 1): the entrywise ℓ1 norm `∑ i j, |A i j|`. -/
def entryL1 {m n : Nat} (A : Mat m n α) : α :=
  finSum m (fun i => finSum n (fun j => absVal (A i j)))

/-- D3.21 (p = ∞): the entrywise ℓ∞ norm `max i j, |A i j|`. -/
def entryLInf {m n : Nat} (A : Mat m n α) : α :=
  finMax m (fun i => finMax n (fun j => absVal (A i j)))

/-- D3.21 (p = 1): the ℓ1 norm of a pair-indexed vector. -/
def vecL1 {p m : Nat} (v : PairVec p m α) : α :=
  finSum p (fun a => finSum m (fun b => absVal (v (a, b))))

/-- D3.21 (p = ∞): the ℓ∞ norm of a pair-indexed vector. -/
def vecLInf {p m : Nat} (v : PairVec p m α) : α :=
  finMax p (fun a => finMax m (fun b => absVal (v (a, b))))

theorem absVal_nonneg (x : α) : 0 ≤ absVal x := by
  unfold absVal
  split <;> grind

theorem absVal_neg (x : α) : absVal (-x) = absVal x := by
  unfold absVal
  split <;> split <;> grind

theorem absVal_mul_sign {s : α} (hs : s = 1 ∨ s = -1) (x : α) : absVal (s * x) = absVal x := by
  rcases hs with h | h
  · subst h
    have e : (1 : α) * x = x := by grind
    rw [e]
  · subst h
    have e : (-1 : α) * x = -x := by grind
    rw [e, absVal_neg]

theorem absVal_two_mul (x : α) : absVal (2 * x) = 2 * absVal x := by
  unfold absVal
  split <;> split <;> grind

theorem le_maxOf_left (a b : α) : a ≤ maxOf a b := by
  unfold maxOf
  split <;> grind

theorem le_maxOf_right (a b : α) : b ≤ maxOf a b := by
  unfold maxOf
  split <;> grind

theorem maxOf_le {a b c : α} (ha : a ≤ c) (hb : b ≤ c) : maxOf a b ≤ c := by
  unfold maxOf
  split <;> grind

theorem le_finMax {n : Nat} (f : Fin n → α) (i : Fin n) : f i ≤ finMax n f := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    show f i ≤ maxOf (f 0) (finMax n (fun k => f k.succ))
    cases i using Fin.cases with
    | zero => exact le_maxOf_left _ _
    | succ i =>
      have h := ih (fun k => f k.succ) i
      have h2 := le_maxOf_right (f 0) (finMax n (fun k => f k.succ))
      exact Std.le_trans h h2

theorem finMax_le {n : Nat} (f : Fin n → α) {c : α} (hc : 0 ≤ c) (h : ∀ i, f i ≤ c) :
    finMax n f ≤ c := by
  induction n with
  | zero => exact hc
  | succ n ih =>
    show maxOf (f 0) (finMax n (fun k => f k.succ)) ≤ c
    exact maxOf_le (h 0) (ih (fun k => f k.succ) (fun k => h k.succ))

theorem finMax_nonneg {n : Nat} (f : Fin n → α) (h : ∀ i, 0 ≤ f i) : 0 ≤ finMax n f := by
  cases n with
  | zero => exact Std.le_refl 0
  | succ n => exact Std.le_trans (h 0) (le_finMax f 0)

theorem entryLInf_nonneg {m n : Nat} (A : Mat m n α) : 0 ≤ entryLInf A :=
  finMax_nonneg _ (fun _ => finMax_nonneg _ (fun _ => absVal_nonneg _))

theorem absVal_le_entryLInf {m n : Nat} (A : Mat m n α) (i : Fin m) (j : Fin n) :
    absVal (A i j) ≤ entryLInf A :=
  Std.le_trans (le_finMax (fun j => absVal (A i j)) j)
    (le_finMax (fun i => finMax n (fun j => absVal (A i j))) i)

theorem entryLInf_le {m n : Nat} (A : Mat m n α) {c : α} (hc : 0 ≤ c)
    (h : ∀ i j, absVal (A i j) ≤ c) : entryLInf A ≤ c :=
  finMax_le _ hc (fun i => finMax_le _ hc (fun j => h i j))

/-- Two maxima of nonnegative double families agree when the index order is swapped. -/
theorem finMax_comm {m n : Nat} (f : Fin m → Fin n → α) (hf : ∀ i j, 0 ≤ f i j) :
    finMax m (fun i => finMax n (fun j => f i j)) = finMax n (fun j => finMax m (fun i => f i j)) := by
  have h0 : 0 ≤ finMax n (fun j => finMax m (fun i => f i j)) :=
    finMax_nonneg _ (fun j => finMax_nonneg _ (fun i => hf i j))
  have h0' : 0 ≤ finMax m (fun i => finMax n (fun j => f i j)) :=
    finMax_nonneg _ (fun i => finMax_nonneg _ (fun j => hf i j))
  have h1 : finMax m (fun i => finMax n (fun j => f i j)) ≤
      finMax n (fun j => finMax m (fun i => f i j)) :=
    finMax_le _ h0 (fun i => finMax_le _ h0 (fun j =>
      Std.le_trans (le_finMax (fun i => f i j) i) (le_finMax (fun j => finMax m (fun i => f i j)) j)))
  have h2 : finMax n (fun j => finMax m (fun i => f i j)) ≤
      finMax m (fun i => finMax n (fun j => f i j)) :=
    finMax_le _ h0' (fun j => finMax_le _ h0' (fun i =>
      Std.le_trans (le_finMax (fun j => f i j) j) (le_finMax (fun i => finMax n (fun j => f i j)) i)))
  exact Std.le_antisymm h1 h2

/-- D3.21 (p = 1): the entrywise ℓ1 norm is the ℓ1 norm of the vectorization. -/
theorem entryL1_eq_vecL1 {m n : Nat} (A : Mat m n α) : entryL1 A = vecL1 (vec A) := by
  unfold entryL1 vecL1 vec
  rw [finSum_comm]

/-- D3.21 (p = ∞): the entrywise ℓ∞ norm is the ℓ∞ norm of the vectorization. -/
theorem entryLInf_eq_vecLInf {m n : Nat} (A : Mat m n α) : entryLInf A = vecLInf (vec A) := by
  unfold entryLInf vecLInf vec
  exact finMax_comm (fun i j => absVal (A i j)) (fun i j => absVal_nonneg _)

end Defs

section Signed

variable {α : Type u} [Lean.Grind.CommRing α]

/-- The signed permutation matrix of a permutation `p` and signs `s`: column `j` has the single
nonzero entry `s j`, in row `p j` (so it is `P_p diag(s)`). -/
def signedPermMat {n : Nat} (p : Perm n) (s : Vec n α) : Mat n n α :=
  fun i j => if p.toFun j = i then s j else 0

/-- R3.22c: `K` is a signed permutation matrix: exactly one nonzero entry in each row and column,
equal to `1` or `-1` (the hyperoctahedral group `B d`). -/
def IsSignedPerm {n : Nat} (K : GL n α) : Prop :=
  ∃ p : Perm n, ∃ s : Vec n α, (∀ j, s j = 1 ∨ s j = -1) ∧ K.val = signedPermMat p s

theorem signedPermMat_mul_apply {n m : Nat} (p : Perm n) (s : Vec n α) (A : Mat n m α)
    (i : Fin n) (j : Fin m) :
    (signedPermMat p s * A) i j = s (p.invFun i) * A (p.invFun i) j := by
  simp only [Mat.mul_apply, signedPermMat]
  rw [finSum_eq_single _ (p.invFun i) (fun k hk => by
    have : p.toFun k ≠ i := fun h => hk ((Perm.toFun_eq_iff p i k).mp h)
    simp [this])]
  simp [p.right_inv]

theorem mul_signedPermMat_apply {n m : Nat} (A : Mat m n α) (p : Perm n) (s : Vec n α)
    (i : Fin m) (j : Fin n) :
    (A * signedPermMat p s) i j = A i (p.toFun j) * s j := by
  simp only [Mat.mul_apply, signedPermMat]
  rw [finSum_eq_single _ (p.toFun j) (fun k hk => by simp [Ne.symm hk])]
  simp

/-- Reindexing a sum by a permutation. -/
theorem finSum_comp_invFun {n : Nat} (p : Perm n) (f : Fin n → α) :
    finSum n (fun i => f (p.invFun i)) = finSum n f := by
  have h1 : ∀ i, f (p.invFun i) = finSum n (fun k => if k = p.invFun i then f k else 0) :=
    fun i => (finSum_ite_eq (p.invFun i) f).symm
  rw [finSum_congr h1, finSum_comm]
  apply finSum_congr
  intro k
  have h2 : ∀ i, (if k = p.invFun i then f k else 0) = (if i = p.toFun k then f k else 0) := by
    intro i
    have e : k = p.invFun i ↔ i = p.toFun k := by
      constructor
      · intro h
        rw [h, p.right_inv]
      · intro h
        rw [h, p.left_inv]
    by_cases hk : i = p.toFun k
    · rw [if_pos (e.mpr hk), if_pos hk]
    · rw [if_neg (fun h => hk (e.mp h)), if_neg hk]
  rw [finSum_congr h2]
  exact finSum_ite_eq (p.toFun k) (fun _ => f k)

/-- Reindexing a sum by a permutation. -/
theorem finSum_comp_toFun {n : Nat} (p : Perm n) (f : Fin n → α) :
    finSum n (fun i => f (p.toFun i)) = finSum n f :=
  finSum_comp_invFun p⁻¹ f

/-- R3.22c: every signed permutation matrix is orthogonal (`B d ⊆ O d`). -/
theorem isOrthogonal_of_isSignedPerm {n : Nat} (K : GL n α) (hK : IsSignedPerm K) :
    IsOrthogonal K := by
  obtain ⟨p, s, hs, hK⟩ := hK
  unfold IsOrthogonal
  rw [hK]
  ext i j
  rw [← Mat.transpose_transpose (Mat.transpose (signedPermMat p s) * signedPermMat p s)]
  show (Mat.transpose (signedPermMat p s) * signedPermMat p s) i j = _
  simp only [Mat.mul_apply, Mat.transpose_apply, Mat.one_apply, signedPermMat]
  rw [finSum_eq_single _ (p.toFun i) (fun k hk => by simp [Ne.symm hk])]
  by_cases hij : i = j
  · subst hij
    simp
    rcases hs i with h | h <;> rw [h] <;> grind
  · have hp : p.toFun j ≠ p.toFun i := fun h => hij (Perm.toFun_injective p h).symm
    simp [hij, hp]

end Signed

section Iso

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

/-- A matrix whose right multiplication keeps `N` is a right isometry (of its inverse's
action `B ↦ B K⁻¹`). -/
theorem isRightIsometry_of_mul_val {β : Type u} {d : Nat} (D : Nat) (N : Mat D d α → β)
    (K : GL d α) (h : ∀ B : Mat D d α, N (B * K.val) = N B) : IsRightIsometry D N K := by
  intro B
  have h1 := h (B * K.inv)
  rw [Mat.mul_assoc, K.inv_val, Mat.mul_one] at h1
  exact h1.symm

theorem entryL1_signedPermMat_mul {d D : Nat} (p : Perm d) (s : Vec d α)
    (hs : ∀ j, s j = 1 ∨ s j = -1) (A : Mat d D α) :
    entryL1 (signedPermMat p s * A) = entryL1 A := by
  unfold entryL1
  simp only [signedPermMat_mul_apply, absVal_mul_sign (hs _)]
  exact finSum_comp_invFun p (fun i => finSum D (fun j => absVal (A i j)))

theorem entryL1_mul_signedPermMat {d D : Nat} (p : Perm d) (s : Vec d α)
    (hs : ∀ j, s j = 1 ∨ s j = -1) (B : Mat D d α) :
    entryL1 (B * signedPermMat p s) = entryL1 B := by
  unfold entryL1
  apply finSum_congr
  intro i
  have h : ∀ j, absVal ((B * signedPermMat p s) i j) = absVal (B i (p.toFun j)) := by
    intro j
    rw [mul_signedPermMat_apply, Lean.Grind.CommSemiring.mul_comm, absVal_mul_sign (hs j)]
  rw [finSum_congr h]
  exact finSum_comp_toFun p (fun j => absVal (B i j))

theorem entryLInf_signedPermMat_mul {d D : Nat} (p : Perm d) (s : Vec d α)
    (hs : ∀ j, s j = 1 ∨ s j = -1) (A : Mat d D α) :
    entryLInf (signedPermMat p s * A) = entryLInf A := by
  apply Std.le_antisymm
  · apply entryLInf_le _ (entryLInf_nonneg A)
    intro i j
    rw [signedPermMat_mul_apply, absVal_mul_sign (hs _)]
    exact absVal_le_entryLInf A _ _
  · apply entryLInf_le _ (entryLInf_nonneg _)
    intro i j
    have h := absVal_le_entryLInf (signedPermMat p s * A) (p.toFun i) j
    rw [signedPermMat_mul_apply, p.left_inv, absVal_mul_sign (hs _)] at h
    exact h

theorem entryLInf_mul_signedPermMat {d D : Nat} (p : Perm d) (s : Vec d α)
    (hs : ∀ j, s j = 1 ∨ s j = -1) (B : Mat D d α) :
    entryLInf (B * signedPermMat p s) = entryLInf B := by
  apply Std.le_antisymm
  · apply entryLInf_le _ (entryLInf_nonneg B)
    intro i j
    rw [mul_signedPermMat_apply, Lean.Grind.CommSemiring.mul_comm, absVal_mul_sign (hs _)]
    exact absVal_le_entryLInf B _ _
  · apply entryLInf_le _ (entryLInf_nonneg _)
    intro i j
    have h := absVal_le_entryLInf (B * signedPermMat p s) i (p.invFun j)
    rw [mul_signedPermMat_apply, p.right_inv, Lean.Grind.CommSemiring.mul_comm,
      absVal_mul_sign (hs _)] at h
    exact h

/-- J3.22b (corrected, p = 1): every signed permutation matrix keeps the entrywise ℓ1 norm of
encoder and decoder Jacobians (`B d ⊆ G_L(ℓ1) ∩ G_R(ℓ1)`). -/
theorem residualGroup_entryL1_of_isSignedPerm {d : Nat} (D : Nat) (K : GL d α)
    (hK : IsSignedPerm K) : residualGroup D entryL1 entryL1 K := by
  obtain ⟨p, s, hs, hv⟩ := hK
  constructor
  · intro A
    rw [hv]
    exact entryL1_signedPermMat_mul p s hs A
  · apply isRightIsometry_of_mul_val
    intro B
    rw [hv]
    exact entryL1_mul_signedPermMat p s hs B

/-- J3.22b (corrected, p = ∞): every signed permutation matrix keeps the entrywise ℓ∞ norm of
encoder and decoder Jacobians (`B d ⊆ G_L(ℓ∞) ∩ G_R(ℓ∞)`). -/
theorem residualGroup_entryLInf_of_isSignedPerm {d : Nat} (D : Nat) (K : GL d α)
    (hK : IsSignedPerm K) : residualGroup D entryLInf entryLInf K := by
  obtain ⟨p, s, hs, hv⟩ := hK
  constructor
  · intro A
    rw [hv]
    exact entryLInf_signedPermMat_mul p s hs A
  · apply isRightIsometry_of_mul_val
    intro B
    rw [hv]
    exact entryLInf_mul_signedPermMat p s hs B

end Iso

section L2

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- J3.22a: under the squared entrywise ℓ2 penalty on both Jacobians, the residual group is
`O d` (the entrywise ℓ2 norm is the Frobenius norm, so this is C3.19 for p = 2). -/
theorem residualGroup_entryL2Sq_iff {d : Nat} (D : Nat) (hD : 0 < D) (K : GL d α) :
    residualGroup D entryL2Sq entryL2Sq K ↔ IsOrthogonal K :=
  residualGroup_frobSq_iff D hD K

end L2

end Sym

end
