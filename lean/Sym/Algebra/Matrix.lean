module

public import Init

/-!
# Finite sums and matrices over a commutative ring

Support for sections 3.1–3.3 of the paper: finite sums over `Fin n` (core Lean has no
big-operator library), then matrices and vectors built on them. The two parts follow.

## Finite sums over `Fin n`

Support for sections 3.1–3.3 of the paper (matrix products need finite sums). Core Lean has no
big-operator library, so this part defines `Sym.finSum n f = f 0 + f 1 + ⋯ + f (n-1)` by
recursion on `n` and proves the few facts the matrix layer needs.

### Main statements
- `Sym.finSum_add`, `Sym.finSum_neg`, `Sym.finSum_sub`, `Sym.finSum_mul_left`,
  `Sym.finSum_mul_right`: linearity.
- `Sym.finSum_comm`: swapping the order of a double sum.
- `Sym.ring_mul_zero` etc.: `simp` lemmas for `0` and `1` in a `Lean.Grind.CommRing`.
- `Sym.finSum_eq_single`, `Sym.finSum_ite_eq`, `Sym.finSum_ite_eq'`: sums with one nonzero term.

## Matrices and vectors over a commutative ring

Support for sections 3.1–3.3 of the paper. `Sym.Mat m n α` is the type of `m`-by-`n` matrices
(functions `Fin m → Fin n → α`, kept behind a `def` so that `simp` sees matrix operations), and
`Sym.Vec n α` the type of column vectors. Products use `Sym.finSum`.

### Main definitions
- `Sym.Mat.mul` (notation `A * B`), `Sym.Mat.one`, `Sym.Mat.transpose` (postfix `ᵀ`),
  `Sym.Mat.diag`, `Sym.Mat.scalar`, `Sym.Mat.smul`, `Sym.Mat.basis`, `Sym.Mat.of2`.
- `Sym.Vec.basis` (`e_i`), `Sym.Vec.const`, `Sym.Vec.map` (a scalar function applied entrywise),
  `Sym.Mat.mulVec` (notation `A * v`).

### Main statements
- `Sym.Mat.mul_assoc`, `Sym.Mat.one_mul`, `Sym.Mat.mul_one`, `Sym.Mat.transpose_mul`,
  `Sym.Mat.mulVec_mulVec`, `Sym.Mat.mulVec_basis`.
-/

@[expose] public noncomputable section

namespace Sym

universe u

variable {α : Type u}

/-- The sum `f 0 + f 1 + ⋯ + f (n-1)` of a family indexed by `Fin n` (zero when `n = 0`). -/
def finSum [Lean.Grind.CommRing α] : (n : Nat) → (Fin n → α) → α
  | 0, _ => 0
  | n + 1, f => f 0 + finSum n (fun i => f i.succ)

section Lemmas

variable [Lean.Grind.CommRing α]

@[simp] theorem ring_mul_zero (a : α) : a * 0 = 0 := by grind
@[simp] theorem ring_zero_mul (a : α) : 0 * a = 0 := by grind
@[simp] theorem ring_add_zero (a : α) : a + 0 = a := by grind
@[simp] theorem ring_zero_add (a : α) : 0 + a = a := by grind
@[simp] theorem ring_mul_one (a : α) : a * 1 = a := by grind
@[simp] theorem ring_one_mul (a : α) : 1 * a = a := by grind

@[simp] theorem finSum_zero (f : Fin 0 → α) : finSum 0 f = 0 := rfl

theorem finSum_succ (n : Nat) (f : Fin (n + 1) → α) :
    finSum (n + 1) f = f 0 + finSum n (fun i => f i.succ) := rfl

theorem finSum_congr {n : Nat} {f g : Fin n → α} (h : ∀ i, f i = g i) :
    finSum n f = finSum n g := by
  have : f = g := funext h
  rw [this]

/-- A sum of zeros is zero. -/
@[simp] theorem finSum_const_zero (n : Nat) : finSum n (fun _ => (0 : α)) = 0 := by
  induction n with
  | zero => rfl
  | succ n ih => rw [finSum_succ, ih]; grind

theorem finSum_eq_zero {n : Nat} {f : Fin n → α} (h : ∀ i, f i = 0) : finSum n f = 0 := by
  rw [finSum_congr h]; exact finSum_const_zero n

theorem finSum_add (n : Nat) (f g : Fin n → α) :
    finSum n (fun i => f i + g i) = finSum n f + finSum n g := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, finSum_succ, ih (fun i => f i.succ) (fun i => g i.succ)]
    grind

theorem finSum_neg (n : Nat) (f : Fin n → α) :
    finSum n (fun i => -f i) = -finSum n f := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, ih (fun i => f i.succ)]
    grind

theorem finSum_sub (n : Nat) (f g : Fin n → α) :
    finSum n (fun i => f i - g i) = finSum n f - finSum n g := by
  have h : ∀ i, f i - g i = f i + -g i := by intro i; grind
  rw [finSum_congr h, finSum_add, finSum_neg]
  grind

theorem finSum_mul_left (n : Nat) (c : α) (f : Fin n → α) :
    finSum n (fun i => c * f i) = c * finSum n f := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, ih (fun i => f i.succ)]
    grind

theorem finSum_mul_right (n : Nat) (c : α) (f : Fin n → α) :
    finSum n (fun i => f i * c) = finSum n f * c := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, ih (fun i => f i.succ)]
    grind

/-- Pulling a constant factor into a sum from the left (the direction `simp` uses). -/
theorem mul_finSum (n : Nat) (c : α) (f : Fin n → α) :
    c * finSum n f = finSum n (fun i => c * f i) := (finSum_mul_left n c f).symm

/-- Pulling a constant factor into a sum from the right (the direction `simp` uses). -/
theorem finSum_mul (n : Nat) (c : α) (f : Fin n → α) :
    finSum n f * c = finSum n (fun i => f i * c) := (finSum_mul_right n c f).symm

/-- Swapping the order of summation in a double sum. -/
theorem finSum_comm (m n : Nat) (f : Fin m → Fin n → α) :
    finSum m (fun i => finSum n (fun j => f i j)) = finSum n (fun j => finSum m (fun i => f i j)) := by
  induction m with
  | zero => simp
  | succ m ih =>
    rw [finSum_succ, ih (fun i j => f i.succ j)]
    have h : ∀ j, finSum (m + 1) (fun i => f i j) = f 0 j + finSum m (fun i => f i.succ j) :=
      fun j => finSum_succ m _
    rw [finSum_congr h, finSum_add]

/-- A sum whose terms vanish away from one index `i` equals its `i`-th term. -/
theorem finSum_eq_single {n : Nat} (f : Fin n → α) (i : Fin n) (h : ∀ j, j ≠ i → f j = 0) :
    finSum n f = f i := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    rw [finSum_succ]
    cases i using Fin.cases with
    | zero =>
      have : finSum n (fun j => f j.succ) = 0 :=
        finSum_eq_zero (fun j => h j.succ (Fin.succ_ne_zero j))
      rw [this]; grind
    | succ i =>
      have h0 : f 0 = 0 := h 0 (Fin.succ_ne_zero i).symm
      have hs := ih (fun j => f j.succ) i (fun j hj => h j.succ (fun e => hj (Fin.succ_inj.mp e)))
      rw [h0, hs]; grind

@[simp] theorem finSum_ite_eq {n : Nat} (i : Fin n) (f : Fin n → α) :
    finSum n (fun j => if j = i then f j else 0) = f i := by
  rw [finSum_eq_single _ i (fun j hj => by simp [hj])]
  simp

@[simp] theorem finSum_ite_eq' {n : Nat} (i : Fin n) (f : Fin n → α) :
    finSum n (fun j => if i = j then f j else 0) = f i := by
  rw [finSum_eq_single _ i (fun j hj => by simp [Ne.symm hj])]
  simp

end Lemmas

end Sym

end

universe u

@[expose] public section

namespace Sym

/-- `m`-by-`n` matrices with entries in `α`: `A i j` is the entry in row `i`, column `j`. -/
def Mat (m n : Nat) (α : Type u) : Type u := Fin m → Fin n → α

/-- Column vectors of length `n` with entries in `α`. -/
def Vec (n : Nat) (α : Type u) : Type u := Fin n → α

/-- The transpose: `Aᵀ i j = A j i`. -/
def Mat.transpose {α : Type u} {m n : Nat} (A : Mat m n α) : Mat n m α := fun i j => A j i

set_option compiler.extract_closed false in
/-- `Aᵀ` is the transpose `Sym.Mat.transpose A`. -/
postfix:max "ᵀ" => Sym.Mat.transpose

end Sym

end

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym


variable {α : Type u} {m n p q : Nat}

namespace Mat

@[ext] theorem ext {A B : Mat m n α} (h : ∀ i j, A i j = B i j) : A = B :=
  funext fun i => funext fun j => h i j

end Mat

namespace Vec

@[ext] theorem ext {v w : Vec n α} (h : ∀ i, v i = w i) : v = w := funext h

end Vec

section Ring

variable [Lean.Grind.CommRing α]

namespace Mat

/-- The matrix product: `(A * B) i k = ∑ j, A i j * B j k`. -/
def mul (A : Mat m n α) (B : Mat n p α) : Mat m p α :=
  fun i k => finSum n (fun j => A i j * B j k)

instance : HMul (Mat m n α) (Mat n p α) (Mat m p α) := ⟨mul⟩

/-- The identity matrix. -/
def one (n : Nat) : Mat n n α := fun i j => if i = j then 1 else 0

/-- The zero matrix. -/
def zero (m n : Nat) : Mat m n α := fun _ _ => 0

/-- The diagonal matrix with diagonal `d`. -/
def diag (d : Fin n → α) : Mat n n α := fun i j => if i = j then d i else 0

/-- The scalar matrix `c I`. -/
def scalar (n : Nat) (c : α) : Mat n n α := fun i j => if i = j then c else 0

/-- The scalar multiple `c A`, entrywise. -/
def smul (c : α) (A : Mat m n α) : Mat m n α := fun i j => c * A i j

/-- The matrix unit `E_{a b}`: entry `1` at row `a`, column `b`, zero elsewhere. -/
def basis (a : Fin m) (b : Fin n) : Mat m n α := fun i j => if i = a ∧ j = b then 1 else 0

/-- The 2-by-2 matrix `[[a, b], [c, d]]` (rows listed first). -/
def of2 (a b c d : α) : Mat 2 2 α :=
  fun i j => if i.val = 0 then (if j.val = 0 then a else b) else (if j.val = 0 then c else d)

/-- A scalar function applied to every entry. -/
def map (f : α → α) (A : Mat m n α) : Mat m n α := fun i j => f (A i j)

instance : Add (Mat m n α) := ⟨fun A B i j => A i j + B i j⟩
instance : Neg (Mat m n α) := ⟨fun A i j => -A i j⟩
instance : Sub (Mat m n α) := ⟨fun A B i j => A i j - B i j⟩

@[simp] theorem mul_apply (A : Mat m n α) (B : Mat n p α) (i : Fin m) (k : Fin p) :
    (A * B) i k = finSum n (fun j => A i j * B j k) := rfl
@[simp] theorem one_apply (i j : Fin n) : (one n : Mat n n α) i j = if i = j then 1 else 0 := rfl
@[simp] theorem zero_apply (i : Fin m) (j : Fin n) : (zero m n : Mat m n α) i j = 0 := rfl
@[simp] theorem transpose_apply (A : Mat m n α) (i : Fin n) (j : Fin m) : Aᵀ i j = A j i := rfl
@[simp] theorem diag_apply (d : Fin n → α) (i j : Fin n) :
    diag d i j = if i = j then d i else 0 := rfl
@[simp] theorem scalar_apply (c : α) (i j : Fin n) :
    scalar n c i j = if i = j then c else 0 := rfl
@[simp] theorem smul_apply (c : α) (A : Mat m n α) (i : Fin m) (j : Fin n) :
    smul c A i j = c * A i j := rfl
@[simp] theorem basis_apply (a i : Fin m) (b j : Fin n) :
    (basis a b : Mat m n α) i j = if i = a ∧ j = b then 1 else 0 := rfl
@[simp] theorem map_apply (f : α → α) (A : Mat m n α) (i : Fin m) (j : Fin n) :
    map f A i j = f (A i j) := rfl
@[simp] theorem add_apply (A B : Mat m n α) (i : Fin m) (j : Fin n) :
    (A + B) i j = A i j + B i j := rfl
@[simp] theorem neg_apply (A : Mat m n α) (i : Fin m) (j : Fin n) : (-A) i j = -A i j := rfl
@[simp] theorem sub_apply (A B : Mat m n α) (i : Fin m) (j : Fin n) :
    (A - B) i j = A i j - B i j := rfl

theorem mul_assoc (A : Mat m n α) (B : Mat n p α) (C : Mat p q α) :
    A * B * C = A * (B * C) := by
  ext i l
  simp only [mul_apply, finSum_mul, mul_finSum]
  rw [finSum_comm]
  apply finSum_congr; intro k
  apply finSum_congr; intro j
  grind

@[simp] theorem one_mul (A : Mat m n α) : (one m : Mat m m α) * A = A := by
  ext i j
  simp only [mul_apply, one_apply]
  rw [finSum_eq_single _ i (fun k hk => by simp [Ne.symm hk])]
  simp <;> grind

@[simp] theorem mul_one (A : Mat m n α) : A * (one n : Mat n n α) = A := by
  ext i j
  simp only [mul_apply, one_apply]
  rw [finSum_eq_single _ j (fun k hk => by simp [hk])]
  simp <;> grind

theorem mul_add (A : Mat m n α) (B C : Mat n p α) : A * (B + C) = A * B + A * C := by
  ext i k
  simp only [mul_apply, add_apply]
  rw [← finSum_add]
  apply finSum_congr; intro j; grind

theorem add_mul (A B : Mat m n α) (C : Mat n p α) : (A + B) * C = A * C + B * C := by
  ext i k
  simp only [mul_apply, add_apply]
  rw [← finSum_add]
  apply finSum_congr; intro j; grind

@[simp] theorem transpose_transpose (A : Mat m n α) : Aᵀᵀ = A := rfl

@[simp] theorem transpose_one : (one n : Mat n n α)ᵀ = one n := by
  ext i j; simp only [transpose_apply, one_apply]; grind

/-- The transpose of a product is the product of the transposes in reverse order. -/
theorem transpose_mul (A : Mat m n α) (B : Mat n p α) : (A * B)ᵀ = Bᵀ * Aᵀ := by
  ext i k
  simp only [transpose_apply, mul_apply]
  apply finSum_congr; intro j; grind

theorem smul_mul (c : α) (A : Mat m n α) (B : Mat n p α) : smul c A * B = smul c (A * B) := by
  ext i k
  simp only [mul_apply, smul_apply, mul_finSum]
  apply finSum_congr; intro j; grind

theorem mul_smul (c : α) (A : Mat m n α) (B : Mat n p α) : A * smul c B = smul c (A * B) := by
  ext i k
  simp only [mul_apply, smul_apply, mul_finSum]
  apply finSum_congr; intro j; grind

theorem scalar_mul (c : α) (A : Mat m n α) : scalar m c * A = smul c A := by
  ext i j
  simp only [mul_apply, scalar_apply, smul_apply]
  rw [finSum_eq_single _ i (fun k hk => by simp [Ne.symm hk])]
  simp

theorem mul_scalar (c : α) (A : Mat m n α) : A * scalar n c = smul c A := by
  ext i j
  simp only [mul_apply, scalar_apply, smul_apply]
  rw [finSum_eq_single _ j (fun k hk => by simp [hk])]
  simp <;> grind

theorem diag_mul_apply (d : Fin m → α) (A : Mat m n α) (i : Fin m) (j : Fin n) :
    (diag d * A) i j = d i * A i j := by
  simp only [mul_apply, diag_apply]
  rw [finSum_eq_single _ i (fun k hk => by simp [Ne.symm hk])]
  simp

theorem mul_diag_apply (A : Mat m n α) (d : Fin n → α) (i : Fin m) (j : Fin n) :
    (A * diag d) i j = A i j * d j := by
  simp only [mul_apply, diag_apply]
  rw [finSum_eq_single _ j (fun k hk => by simp [hk])]
  simp

theorem diag_mul_diag (d e : Fin n → α) : diag d * diag e = diag (fun i => d i * e i) := by
  ext i j
  rw [diag_mul_apply]; simp only [diag_apply]; grind

theorem one_eq_diag : (one n : Mat n n α) = diag (fun _ => 1) := by
  ext i j; simp

theorem scalar_eq_diag (c : α) : scalar n c = diag (fun _ => c) := by
  ext i j; simp

/-- The matrix-vector product `(A * v) i = ∑ j, A i j * v j`. -/
def mulVec (A : Mat m n α) (v : Vec n α) : Vec m α := fun i => finSum n (fun j => A i j * v j)

instance : HMul (Mat m n α) (Vec n α) (Vec m α) := ⟨mulVec⟩

@[simp] theorem mulVec_apply (A : Mat m n α) (v : Vec n α) (i : Fin m) :
    (A * v) i = finSum n (fun j => A i j * v j) := rfl

theorem mulVec_mulVec (A : Mat m n α) (B : Mat n p α) (v : Vec p α) :
    A * (B * v) = A * B * v := by
  ext i
  simp only [mulVec_apply, mul_apply, finSum_mul, mul_finSum]
  rw [finSum_comm]
  apply finSum_congr; intro k
  apply finSum_congr; intro j
  grind

@[simp] theorem one_mulVec (v : Vec n α) : (one n : Mat n n α) * v = v := by
  ext i
  simp only [mulVec_apply, one_apply]
  rw [finSum_eq_single _ i (fun k hk => by simp [Ne.symm hk])]
  simp <;> grind

theorem diag_mulVec_apply (d : Fin n → α) (v : Vec n α) (i : Fin n) :
    (diag d * v) i = d i * v i := by
  simp only [mulVec_apply, diag_apply]
  rw [finSum_eq_single _ i (fun k hk => by simp [Ne.symm hk])]
  simp

end Mat

namespace Vec

/-- The standard basis vector `e_i`: `1` at index `i`, `0` elsewhere. -/
def basis (n : Nat) (i : Fin n) : Vec n α := fun j => if j = i then 1 else 0

/-- The constant vector with every entry `c` (`c 𝟙`). -/
def const (n : Nat) (c : α) : Vec n α := fun _ => c

/-- The zero vector. -/
def zero (n : Nat) : Vec n α := fun _ => 0

/-- A scalar function applied to every entry: `(map σ v) i = σ (v i)`. -/
def map (f : α → α) (v : Vec n α) : Vec n α := fun i => f (v i)

/-- The scalar multiple `c v`, entrywise. -/
def smul (c : α) (v : Vec n α) : Vec n α := fun i => c * v i

instance : Add (Vec n α) := ⟨fun v w i => v i + w i⟩
instance : Neg (Vec n α) := ⟨fun v i => -v i⟩
instance : Sub (Vec n α) := ⟨fun v w i => v i - w i⟩

@[simp] theorem basis_apply (i j : Fin n) : (basis n i : Vec n α) j = if j = i then 1 else 0 := rfl
@[simp] theorem const_apply (c : α) (j : Fin n) : const n c j = c := rfl
@[simp] theorem zero_apply (j : Fin n) : (zero n : Vec n α) j = 0 := rfl
@[simp] theorem map_apply (f : α → α) (v : Vec n α) (j : Fin n) : map f v j = f (v j) := rfl
@[simp] theorem smul_apply (c : α) (v : Vec n α) (j : Fin n) : smul c v j = c * v j := rfl
@[simp] theorem add_apply (v w : Vec n α) (j : Fin n) : (v + w) j = v j + w j := rfl
@[simp] theorem neg_apply (v : Vec n α) (j : Fin n) : (-v) j = -v j := rfl
@[simp] theorem sub_apply (v w : Vec n α) (j : Fin n) : (v - w) j = v j - w j := rfl

end Vec

namespace Mat

/-- `A e_j` is the `j`-th column of `A`. -/
@[simp] theorem mulVec_basis (A : Mat m n α) (j : Fin n) (i : Fin m) :
    (A * (Vec.basis n j : Vec n α)) i = A i j := by
  simp only [mulVec_apply, Vec.basis_apply]
  rw [finSum_eq_single _ j (fun k hk => by simp [hk])]
  simp <;> grind

theorem mulVec_add (A : Mat m n α) (v w : Vec n α) : A * (v + w) = A * v + A * w := by
  ext i
  simp only [mulVec_apply, Vec.add_apply]
  rw [← finSum_add]
  apply finSum_congr; intro j; grind

theorem mulVec_sub (A : Mat m n α) (v w : Vec n α) : A * (v - w) = A * v - A * w := by
  ext i
  simp only [mulVec_apply, Vec.sub_apply]
  rw [← finSum_sub]
  apply finSum_congr; intro j; grind

theorem mulVec_smul (A : Mat m n α) (c : α) (v : Vec n α) :
    A * Vec.smul c v = Vec.smul c (A * v) := by
  ext i
  simp only [mulVec_apply, Vec.smul_apply, mul_finSum]
  apply finSum_congr; intro j; grind

@[simp] theorem mulVec_zero (A : Mat m n α) : A * (Vec.zero n : Vec n α) = Vec.zero m := by
  ext i
  simp only [mulVec_apply, Vec.zero_apply]
  apply finSum_eq_zero; intro j; grind

end Mat

end Ring

end Sym

end
