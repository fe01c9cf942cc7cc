module

public import Sym.Algebra.Matrix
public import Sym.Norm.Frobenius

/-!
# Matrix powers and traces, and Schatten norms for every even exponent (paper section 3.3.4, D3.17, P3.18, C3.19)

Powers and traces of square matrices, then the Schatten norms `tr((AᵀA)^k)` they define
(D3.17), their unitary invariance (P3.18) and their isometry groups (C3.19). The two parts follow.

## Powers and traces of square matrices

Support for section 3.3 of the paper (D3.17, P3.18, C3.19): the Schatten `2k`-norm is read off
the trace of the `k`-th power of the Gram matrix `Aᵀ A`, so no singular values are needed. This
file defines natural powers and the trace of square matrices and proves the two facts the
Schatten norms need: the trace is cyclic, and conjugating by a pair `P`, `Q` with `Q P = I`
commutes with positive powers.

### Main definitions
- `Sym.Mat.pow`: `pow A k = A^k` (`pow A 0 = I`, `pow A (k+1) = pow A k * A`).
- `Sym.Mat.trace`: the sum of the diagonal entries.

### Main statements
- `Sym.Mat.trace_mul_comm`: `tr (A B) = tr (B A)` for rectangular `A`, `B`, and
  `Sym.Mat.trace_pow_mul_comm`: `tr ((A B)^(k+1)) = tr ((B A)^(k+1))`.
- `Sym.Mat.pow_succ_conj`: `(P M Q)^(k+1) = P M^(k+1) Q` when `Q P = I`.
- `Sym.Mat.trace_pow_conj`: `tr ((P M Q)^k) = tr (M^k)` for square `P`, `Q` with `Q P = I`
  (every `k`), and `Sym.Mat.trace_pow_conj_succ` (rectangular factors, positive powers).

## Schatten norms for every even exponent (paper section 3.3.4, D3.17, P3.18, C3.19)

The Schatten `p`-norm of `A` is the `ℓp` norm of its singular values. For an even exponent
`p = 2k` its `p`-th power needs no singular values: the squared singular values are the
eigenvalues of the Gram matrix `Aᵀ A`, so `‖A‖_{2k}^{2k} = tr ((Aᵀ A)^k)`. This part takes that
trace as the definition (`Sym.schattenPow k A`), which stays inside core Lean (no square roots,
no spectral theorem), and proves for every `k` what the paper says of every Schatten norm:

- it is unitarily invariant (P3.18): `(U A V)ᵀ (U A V) = Vᵀ (Aᵀ A) V`, conjugation commutes with
  powers, and the trace is cyclic;
- its left and right isometry groups inside `GL d`, and the residual group of the penalty that
  uses it on both Jacobians, are exactly `O d` (C3.19), for every `k ≥ 1` and `D > 0`. One
  inclusion is unitary invariance. For the other, the one-column matrix `v e_cᵀ` has
  `tr ((Aᵀ A)^k) = (‖v‖²)^k`, so an isometry keeps `(‖K v‖²)^k = (‖v‖²)^k`; both bases are
  nonnegative over an ordered field, so `‖K v‖² = ‖v‖²`, and the Frobenius argument of
  `Sym.Norm.Frobenius` gives `Kᵀ K = I`.

The `p`-th power has the same isometries as the norm (`x ↦ x^(1/p)` is injective on `x ≥ 0`).
`p = 2` is the case `k = 1` (`Sym.frobSq_eq_schattenPow_one`). Odd `p` and `p = ∞` need singular
values and are checked numerically only.

### Main definitions
- `Sym.schattenPow` (D3.17): `schattenPow k A = tr ((Aᵀ A)^k) = ‖A‖_{2k}^{2k}`.

### Main statements
- `Sym.frobSq_eq_schattenPow_one` (D3.17, p = 2): the squared Frobenius norm is the case `k = 1`.
- `Sym.schattenPow_mul_left_of_orthogonal`, `Sym.schattenPow_mul_right_of_orthogonal`
  (C3.19, `O d ⊆ G`), `Sym.isUnitarilyInvariant_schattenPow` (P3.18, every `p = 2k`).
- `Sym.schattenPow_colMat`: `tr ((Aᵀ A)^k) = (‖v‖²)^k` for `A = v e_cᵀ`, `k ≥ 1`.
- `Sym.orthogonal_of_schattenPow_mul_left`, `Sym.orthogonal_of_schattenPow_mul_right`
  (C3.19, `G ⊆ O d`).
- `Sym.isLeftIsometry_schattenPow_iff`, `Sym.isRightIsometry_schattenPow_iff`,
  `Sym.residualGroup_schattenPow_iff` (C3.19, every `p = 2k`): `G_L = G_R = G = O d`.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.CommRing α] {m n p : Nat}

namespace Mat

/-- Natural powers of a square matrix: `pow A 0 = I`, `pow A (k+1) = pow A k * A`. -/
def pow (A : Mat n n α) : Nat → Mat n n α
  | 0 => one n
  | k + 1 => pow A k * A

/-- The trace: the sum of the diagonal entries. -/
def trace (A : Mat n n α) : α := finSum n (fun i => A i i)

@[simp] theorem pow_zero (A : Mat n n α) : pow A 0 = one n := rfl

theorem pow_succ (A : Mat n n α) (k : Nat) : pow A (k + 1) = pow A k * A := rfl

@[simp] theorem pow_one (A : Mat n n α) : pow A 1 = A := by
  rw [pow_succ, pow_zero, one_mul]

/-- The trace is cyclic: `tr (A B) = tr (B A)` for `A : m × n`, `B : n × m`. -/
theorem trace_mul_comm (A : Mat m n α) (B : Mat n m α) : trace (A * B) = trace (B * A) := by
  unfold trace
  simp only [mul_apply]
  rw [finSum_comm]
  apply finSum_congr; intro j
  apply finSum_congr; intro i
  grind

/-- Conjugation commutes with positive powers: if `Q P = I` then
`(P M Q)^(k+1) = P M^(k+1) Q` (the factors may be rectangular). -/
theorem pow_succ_conj (P : Mat n p α) (M : Mat p p α) (Q : Mat p n α)
    (hQP : Q * P = (one p : Mat p p α)) (k : Nat) :
    pow (P * M * Q) (k + 1) = P * pow M (k + 1) * Q := by
  induction k with
  | zero => rw [pow_one, pow_one]
  | succ k ih =>
    rw [pow_succ, ih, pow_succ M (k + 1)]
    calc P * pow M (k + 1) * Q * (P * M * Q)
        = P * pow M (k + 1) * (Q * P) * M * Q := by simp only [mul_assoc]
      _ = P * (pow M (k + 1) * M) * Q := by rw [hQP, mul_one, mul_assoc P]

/-- `tr (P M Q) = tr M` when `Q P = I`. -/
theorem trace_conj (P : Mat n p α) (M : Mat p p α) (Q : Mat p n α)
    (hQP : Q * P = (one p : Mat p p α)) : trace (P * M * Q) = trace M := by
  rw [mul_assoc, trace_mul_comm, mul_assoc, hQP, mul_one]

/-- Positive powers of a conjugate have the same trace: `tr ((P M Q)^(k+1)) = tr (M^(k+1))`
when `Q P = I`. -/
theorem trace_pow_conj_succ (P : Mat n p α) (M : Mat p p α) (Q : Mat p n α)
    (hQP : Q * P = (one p : Mat p p α)) (k : Nat) :
    trace (pow (P * M * Q) (k + 1)) = trace (pow M (k + 1)) := by
  rw [pow_succ_conj P M Q hQP, trace_conj P _ Q hQP]

/-- For square factors every power keeps its trace: `tr ((P M Q)^k) = tr (M^k)` for every `k`
when `Q P = I` (`k = 0` gives `tr I` on both sides). -/
theorem trace_pow_conj (P Q M : Mat n n α) (hQP : Q * P = (one n : Mat n n α)) (k : Nat) :
    trace (pow (P * M * Q) k) = trace (pow M k) := by
  cases k with
  | zero => rfl
  | succ k => exact trace_pow_conj_succ P M Q hQP k

/-- `(A B)^(k+1) = A (B A)^k B` for `A : m × n`, `B : n × m`. -/
theorem pow_succ_mul_comm (A : Mat m n α) (B : Mat n m α) (k : Nat) :
    pow (A * B) (k + 1) = A * pow (B * A) k * B := by
  induction k with
  | zero => rw [pow_one, pow_zero, mul_one]
  | succ k ih =>
    rw [pow_succ, ih, pow_succ (B * A) k]
    simp only [mul_assoc]

/-- `tr ((A B)^(k+1)) = tr ((B A)^(k+1))` for `A : m × n`, `B : n × m`. -/
theorem trace_pow_mul_comm (A : Mat m n α) (B : Mat n m α) (k : Nat) :
    trace (pow (A * B) (k + 1)) = trace (pow (B * A) (k + 1)) := by
  rw [pow_succ_mul_comm, trace_mul_comm, ← mul_assoc, trace_mul_comm, pow_succ (B * A) k]

theorem trace_one : trace (one n : Mat n n α) = finSum n (fun _ => (1 : α)) := by
  unfold trace; simp

end Mat

end Sym

end

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u}

section Ring

variable [Lean.Grind.CommRing α]

/-- D3.17: the `2k`-th power of the Schatten `2k`-norm, `‖A‖_{2k}^{2k} = tr ((Aᵀ A)^k)` (the sum
of the `2k`-th powers of the singular values, written without them). -/
def schattenPow {m n : Nat} (k : Nat) (A : Mat m n α) : α := Mat.trace (Mat.pow (Aᵀ * A) k)

/-- D3.17 (p = 2): the squared Frobenius norm is the Schatten power with `k = 1`. -/
theorem frobSq_eq_schattenPow_one {m n : Nat} (A : Mat m n α) : frobSq A = schattenPow 1 A := by
  rw [frobSq_eq_finSum_gram]
  unfold schattenPow
  rw [Mat.pow_one]
  rfl

/-- `‖A‖_{2k}^{2k}` of the transpose is the same for `k ≥ 1` (`tr ((A Aᵀ)^k) = tr ((Aᵀ A)^k)`). -/
theorem schattenPow_transpose {m n : Nat} (k : Nat) (hk : 0 < k) (A : Mat m n α) :
    schattenPow k Aᵀ = schattenPow k A := by
  unfold schattenPow
  obtain ⟨j, rfl⟩ : ∃ j, k = j + 1 := ⟨k - 1, by omega⟩
  rw [Mat.transpose_transpose, Mat.trace_pow_mul_comm]

/-- C3.19 (`O d ⊆ G_L`, every `p = 2k`): if `Kᵀ K = I` then `‖K A‖_{2k} = ‖A‖_{2k}`. -/
theorem schattenPow_mul_left_of_orthogonal {d n : Nat} (k : Nat) (K : Mat d d α)
    (hK : Kᵀ * K = (Mat.one d : Mat d d α)) (A : Mat d n α) :
    schattenPow k (K * A) = schattenPow k A := by
  unfold schattenPow
  rw [Mat.transpose_mul, Mat.mul_assoc, ← Mat.mul_assoc Kᵀ, hK, Mat.one_mul]

/-- C3.19 (`O d ⊆ G_R`, every `p = 2k`): if `M Mᵀ = I` then `‖B M‖_{2k} = ‖B‖_{2k}`. The Gram
matrix becomes `Mᵀ (Bᵀ B) M`, whose powers have the traces of those of `Bᵀ B`. -/
theorem schattenPow_mul_right_of_orthogonal {d n : Nat} (k : Nat) (M : Mat d d α)
    (hM : M * Mᵀ = (Mat.one d : Mat d d α)) (B : Mat n d α) :
    schattenPow k (B * M) = schattenPow k B := by
  unfold schattenPow
  have e : (B * M)ᵀ * (B * M) = Mᵀ * (Bᵀ * B) * M := by
    rw [Mat.transpose_mul]; simp only [Mat.mul_assoc]
  rw [e, Mat.trace_pow_conj Mᵀ M (Bᵀ * B) hM]

/-- P3.18 (every even `p = 2k`): `‖U A V‖_{2k} = ‖A‖_{2k}` for orthogonal `U`, `V`. -/
theorem isUnitarilyInvariant_schattenPow (m n k : Nat) :
    IsUnitarilyInvariant m n (α := α) (schattenPow k) := by
  intro U V hU hV A
  rw [schattenPow_mul_right_of_orthogonal k V.val (mul_transpose_eq_one_of_isOrthogonal hV),
    schattenPow_mul_left_of_orthogonal k U.val hU]

/-- The Gram matrix of the one-column matrix `v e_cᵀ` is `diag (‖v‖² e_c)`. -/
theorem gram_colMat {d D : Nat} (c : Fin D) (v : Vec d α) :
    (colMat c v)ᵀ * colMat c v = Mat.diag (fun i => if i = c then vecNormSq v else 0) := by
  ext i j
  simp only [Mat.mul_apply, Mat.transpose_apply, colMat, Mat.diag_apply]
  by_cases hi : i = c
  · by_cases hj : j = c
    · subst hi; subst hj; simp [vecNormSq]
    · have hij : i ≠ j := fun e => hj (e ▸ hi)
      simp [hj, hij]
  · by_cases hij : i = j
    · subst hij; simp [hi]
    · simp [hi, hij]

/-- Powers of a diagonal matrix are diagonal: `(diag e)^k = diag (e^k)`. -/
theorem pow_diag {D : Nat} (e : Fin D → α) (k : Nat) :
    Mat.pow (Mat.diag e) k = Mat.diag (fun i => e i ^ k) := by
  induction k with
  | zero =>
    rw [Mat.pow_zero, Mat.one_eq_diag]
    congr 1; funext i
    exact (Lean.Grind.Semiring.pow_zero (e i)).symm
  | succ k ih =>
    rw [Mat.pow_succ, ih, Mat.diag_mul_diag]
    congr 1; funext i
    exact (Lean.Grind.Semiring.pow_succ (e i) k).symm

/-- For `k ≥ 1`, `tr ((Aᵀ A)^k) = (‖v‖²)^k` for the one-column matrix `A = v e_cᵀ`. -/
theorem schattenPow_colMat {d D : Nat} (k : Nat) (hk : 0 < k) (c : Fin D) (v : Vec d α) :
    schattenPow k (colMat c v) = vecNormSq v ^ k := by
  unfold schattenPow
  rw [gram_colMat, pow_diag]
  unfold Mat.trace
  simp only [Mat.diag_apply, if_true]
  rw [finSum_eq_single _ c (fun j hj => by
    obtain ⟨l, rfl⟩ : ∃ l, k = l + 1 := ⟨k - 1, by omega⟩
    simp only [hj, if_false]
    rw [Lean.Grind.Semiring.pow_succ]; simp)]
  simp

end Ring

section Ordered

variable [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α]
  [Lean.Grind.OrderedRing α]

theorem vecNormSq_nonneg {d : Nat} (v : Vec d α) : 0 ≤ vecNormSq v := by
  unfold vecNormSq
  induction d with
  | zero => simp; exact Std.le_refl 0
  | succ d ih =>
    rw [finSum_succ]
    have h1 := ih (fun i => v i.succ)
    have h2 : 0 ≤ v 0 * v 0 := by
      have h := Lean.Grind.OrderedRing.sq_nonneg (a := v 0)
      have e : v 0 ^ 2 = v 0 * v 0 := by grind
      grind
    grind

theorem pow_nonneg_of_nonneg {x : α} (hx : 0 ≤ x) (k : Nat) : 0 ≤ x ^ k := by
  induction k with
  | zero =>
    rw [Lean.Grind.Semiring.pow_zero]
    exact Std.le_of_lt Lean.Grind.OrderedRing.zero_lt_one
  | succ k ih =>
    rw [Lean.Grind.Semiring.pow_succ]
    exact Lean.Grind.OrderedRing.mul_nonneg ih hx

/-- Positive powers are strictly increasing on `x ≥ 0`. -/
theorem pow_succ_lt_pow_succ {x y : α} (hx : 0 ≤ x) (hxy : x < y) (k : Nat) :
    x ^ (k + 1) < y ^ (k + 1) := by
  induction k with
  | zero =>
    rw [Lean.Grind.Semiring.pow_succ, Lean.Grind.Semiring.pow_succ, Lean.Grind.Semiring.pow_zero,
      Lean.Grind.Semiring.pow_zero]
    grind
  | succ k ih =>
    rw [Lean.Grind.Semiring.pow_succ x (k + 1), Lean.Grind.Semiring.pow_succ y (k + 1)]
    have hxk := pow_nonneg_of_nonneg hx (k + 1)
    have hyk : 0 < y ^ (k + 1) := by grind
    have h1 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right (Std.le_of_lt ih) hx
    have h2 := Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left hxy hyk
    grind

/-- Over an ordered field, `x^k = y^k` with `x, y ≥ 0` and `k ≥ 1` forces `x = y`. -/
theorem eq_of_pow_eq_pow {x y : α} (hx : 0 ≤ x) (hy : 0 ≤ y) (k : Nat) (hk : 0 < k)
    (h : x ^ k = y ^ k) : x = y := by
  obtain ⟨j, rfl⟩ : ∃ j, k = j + 1 := ⟨k - 1, by omega⟩
  by_cases hlt : x < y
  · have := pow_succ_lt_pow_succ hx hlt j
    grind
  · by_cases hgt : y < x
    · have := pow_succ_lt_pow_succ hy hgt j
      grind
    · grind

/-- `‖A‖²_F` adds up the squared norms of the columns. -/
theorem frobSq_eq_finSum_cols {d D : Nat} (A : Mat d D α) :
    frobSq A = finSum D (fun j => vecNormSq (fun i => A i j)) := by
  unfold frobSq vecNormSq
  rw [finSum_comm]

/-- C3.19 (`G_L ⊆ O d`, every `p = 2k`): for `k ≥ 1` and `D > 0`, if
`‖K A‖_{2k} = ‖A‖_{2k}` for every `d × D` matrix `A`, then `Kᵀ K = I`. -/
theorem orthogonal_of_schattenPow_mul_left {d D : Nat} (k : Nat) (hk : 0 < k) (K : Mat d d α)
    (hD : 0 < D) (h : ∀ A : Mat d D α, schattenPow k (K * A) = schattenPow k A) :
    Kᵀ * K = (Mat.one d : Mat d d α) := by
  have hv : ∀ v : Vec d α, vecNormSq (K * v) = vecNormSq v := by
    intro v
    have := h (colMat ⟨0, hD⟩ v)
    rw [mul_colMat, schattenPow_colMat k hk, schattenPow_colMat k hk] at this
    exact eq_of_pow_eq_pow (vecNormSq_nonneg _) (vecNormSq_nonneg _) k hk this
  apply orthogonal_of_frobSq_mul_left K hD
  intro A
  rw [frobSq_eq_finSum_cols, frobSq_eq_finSum_cols]
  apply finSum_congr
  intro j
  exact hv (fun i => A i j)

/-- C3.19 (`G_R ⊆ O d`, every `p = 2k`): for `k ≥ 1` and `D > 0`, if
`‖B M‖_{2k} = ‖B‖_{2k}` for every `D × d` matrix `B`, then `M Mᵀ = I`. -/
theorem orthogonal_of_schattenPow_mul_right {d D : Nat} (k : Nat) (hk : 0 < k) (M : Mat d d α)
    (hD : 0 < D) (h : ∀ B : Mat D d α, schattenPow k (B * M) = schattenPow k B) :
    M * Mᵀ = (Mat.one d : Mat d d α) := by
  have hl : ∀ A : Mat d D α, schattenPow k (Mᵀ * A) = schattenPow k A := by
    intro A
    have := h Aᵀ
    rw [← schattenPow_transpose k hk (Aᵀ * M), Mat.transpose_mul, Mat.transpose_transpose,
      schattenPow_transpose k hk A] at this
    exact this
  exact orthogonal_of_schattenPow_mul_left k hk Mᵀ hD hl

/-- C3.19 (left, every even `p = 2k`): for `k ≥ 1` and `D > 0`, `K ∈ GL d` keeps
`‖K A‖_{2k} = ‖A‖_{2k}` for every `d × D` matrix `A` exactly when `K` is orthogonal
(`G_L = O d`). -/
theorem isLeftIsometry_schattenPow_iff {d : Nat} (D k : Nat) (hD : 0 < D) (hk : 0 < k)
    (K : GL d α) : IsLeftIsometry D (schattenPow k) K ↔ IsOrthogonal K := by
  constructor
  · intro h
    exact orthogonal_of_schattenPow_mul_left k hk K.val hD h
  · intro hK A
    exact schattenPow_mul_left_of_orthogonal k K.val hK A

/-- C3.19 (right, every even `p = 2k`): for `k ≥ 1` and `D > 0`, `K ∈ GL d` keeps
`‖B K⁻¹‖_{2k} = ‖B‖_{2k}` for every `D × d` matrix `B` exactly when `K` is orthogonal
(`G_R = O d`). -/
theorem isRightIsometry_schattenPow_iff {d : Nat} (D k : Nat) (hD : 0 < D) (hk : 0 < k)
    (K : GL d α) : IsRightIsometry D (schattenPow k) K ↔ IsOrthogonal K := by
  rw [isOrthogonal_iff_inv_mul_transpose]
  constructor
  · intro h
    exact orthogonal_of_schattenPow_mul_right k hk K.inv hD h
  · intro hK B
    exact schattenPow_mul_right_of_orthogonal k K.inv hK B

/-- C3.19 (every even `p = 2k`, `p = 2l`): the residual group of the penalty
`λ_E ‖J_f‖_{2k} + λ_D ‖J_g‖_{2l}` (Schatten norms on both Jacobians, `k, l ≥ 1`) is `O d`. -/
theorem residualGroup_schattenPow_iff {d : Nat} (D k l : Nat) (hD : 0 < D) (hk : 0 < k)
    (hl : 0 < l) (K : GL d α) :
    residualGroup D (schattenPow k) (schattenPow l) K ↔ IsOrthogonal K := by
  unfold residualGroup inter
  rw [isLeftIsometry_schattenPow_iff D k hD hk K, isRightIsometry_schattenPow_iff D l hD hl K]
  constructor
  · intro h
    exact h.1
  · intro h
    exact ⟨h, h⟩

end Ordered

/-- The ordered-field assumptions are met by `Rat`: the Schatten-4 isometries of `2 × 3`
matrices over the rationals are the orthogonal matrices. -/
example (K : GL 2 Rat) : IsLeftIsometry 3 (schattenPow 2) K ↔ IsOrthogonal K :=
  isLeftIsometry_schattenPow_iff 3 2 (by decide) (by decide) K

end Sym

end
