module

public import Sym.Autoencoder.Regularized

/-!
# Critical points of L2-regularized linear autoencoders are symmetric (paper section 3.3.3)

The paper cites (Kunin, Bloom, Goeva, Seed 2019) that every critical point of
`‖X - W' W X‖²_F + λ (‖W‖²_F + ‖W'‖²_F)` with `λ > 0` has `W' = Wᵀ`. This file proves it over
any ordered field, from the two gradient equations alone, with matrix algebra and sums of
squares (no spectral theorem, no square roots).

Write `S = X Xᵀ`, `M = W S Wᵀ`, `C = W W'` and `P = W Wᵀ`. The argument:
1. `W` times the decoder equation gives `C M + λ C = M`.
2. Hence `Δ = M C - C M` satisfies `Δ M + λ Δ = 0`; multiplying by `Δᵀ` and taking traces gives
   `‖Δ W X‖² + λ ‖Δ‖² = 0`, so `M C = C M`.
3. With balance (`W'ᵀ W' = P`, proved in `Sym.Autoencoder.Regularized`), the transposed encoder
   equation, the decoder equation and step 2 give, for `A = W' - Wᵀ` and `Y = Wᵀ (P - C)`,
   `S (Y - A) = λ A`.
4. So `(Y - A)ᵀ S (Y - A) = λ (Y - A)ᵀ A`, and since `W A = C - P`, `Yᵀ A = -(P - C)ᵀ (P - C)`.
   Taking traces: `‖Xᵀ (Y - A)‖² + λ ‖P - C‖² + λ ‖A‖² = 0`, so `A = 0`.

## Main statements
- `Sym.Autoencoder.eq_zero_of_mul_gram_add_smul` (T3.3.3, the positivity step):
  `Z (B Bᵀ) + λ Z = 0` with `λ > 0` forces `Z = 0`.
- `Sym.Autoencoder.comm_of_isCriticalL2` (T3.3.3, step 2): `M C = C M` at a critical point.
- `Sym.Autoencoder.transpose_of_isCriticalL2` (T3.3.3): every critical point with `λ > 0`
  has `W' = Wᵀ`.
- `Sym.Autoencoder.transposeTheorem` (T3.3.3): `Sym.Autoencoder.TransposeTheorem α` holds for
  every ordered field `α`; `Sym.Autoencoder.transposeTheorem_rat` instantiates it at `Rat`, and
  `Sym.Autoencoder.isCriticalL2_scalar` shows a nonzero critical point (the premise can be met).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false
set_option linter.unusedSimpArgs false

namespace Sym.Autoencoder

universe u

section Ring

variable {α : Type u} [Lean.Grind.CommRing α] {m n p : Nat}

/-- The trace `∑ i, A i i` of a square matrix. -/
def mtrace (A : Mat n n α) : α := finSum n (fun i => A i i)

theorem mat_mul_sub (A : Mat m n α) (B C : Mat n p α) : A * (B - C) = A * B - A * C := by
  ext i k
  simp only [Mat.mul_apply, Mat.sub_apply]
  rw [← finSum_sub]
  apply finSum_congr; intro j; grind

theorem mat_sub_mul (A B : Mat m n α) (C : Mat n p α) : (A - B) * C = A * C - B * C := by
  ext i k
  simp only [Mat.mul_apply, Mat.sub_apply]
  rw [← finSum_sub]
  apply finSum_congr; intro j; grind

theorem mat_transpose_add (A B : Mat m n α) : (A + B)ᵀ = Aᵀ + Bᵀ := by
  ext i j; simp only [Mat.transpose_apply, Mat.add_apply]

theorem mat_transpose_sub (A B : Mat m n α) : (A - B)ᵀ = Aᵀ - Bᵀ := by
  ext i j; simp only [Mat.transpose_apply, Mat.sub_apply]

theorem mat_transpose_smul (c : α) (A : Mat m n α) : (Mat.smul c A)ᵀ = Mat.smul c Aᵀ := by
  ext i j; simp only [Mat.transpose_apply, Mat.smul_apply]

theorem mat_transpose_zero : (Mat.zero m n : Mat m n α)ᵀ = Mat.zero n m := by
  ext i j; simp only [Mat.transpose_apply, Mat.zero_apply]

theorem mtrace_add (A B : Mat n n α) : mtrace (A + B) = mtrace A + mtrace B := by
  unfold mtrace
  simp only [Mat.add_apply]
  rw [finSum_add]

theorem mtrace_smul (c : α) (A : Mat n n α) : mtrace (Mat.smul c A) = c * mtrace A := by
  unfold mtrace
  simp only [Mat.smul_apply]
  rw [finSum_mul_left]

theorem mtrace_zero : mtrace (Mat.zero n n : Mat n n α) = 0 := by
  unfold mtrace
  simp only [Mat.zero_apply]
  exact finSum_const_zero n

/-- `tr (A Aᵀ) = ‖A‖²_F`. -/
theorem mtrace_mul_transpose (A : Mat m n α) : mtrace (A * Aᵀ) = frobSq A := by
  unfold mtrace frobSq
  simp only [Mat.mul_apply, Mat.transpose_apply]

/-- `tr (Aᵀ A) = ‖A‖²_F`. -/
theorem mtrace_transpose_mul (A : Mat m n α) : mtrace (Aᵀ * A) = frobSq A := by
  unfold mtrace
  rw [frobSq_eq_finSum_gram]

end Ring

section Ordered

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

theorem sq_nonneg'' (x : α) : 0 ≤ x * x := by
  have h := Lean.Grind.OrderedRing.sq_nonneg (a := x)
  have e : x ^ 2 = x * x := by grind
  grind

theorem finSum_nonneg' {n : Nat} (f : Fin n → α) (h : ∀ i, 0 ≤ f i) : 0 ≤ finSum n f := by
  induction n with
  | zero => exact Std.le_refl 0
  | succ n ih =>
    rw [finSum_succ]
    have h1 := ih (fun i => f i.succ) (fun i => h i.succ)
    have h2 := h 0
    grind

theorem eq_zero_of_finSum_eq_zero {n : Nat} (f : Fin n → α) (h : ∀ i, 0 ≤ f i)
    (hs : finSum n f = 0) (i : Fin n) : f i = 0 := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    rw [finSum_succ] at hs
    have h1 := finSum_nonneg' (fun i => f i.succ) (fun i => h i.succ)
    have h2 := h 0
    have e0 : f 0 = 0 := by grind
    have es : finSum n (fun i => f i.succ) = 0 := by grind
    cases i using Fin.cases with
    | zero => exact e0
    | succ i => exact ih (fun i => f i.succ) (fun i => h i.succ) es i

theorem frobSq_nonneg {m n : Nat} (A : Mat m n α) : 0 ≤ frobSq A :=
  finSum_nonneg' _ (fun i => finSum_nonneg' _ (fun j => sq_nonneg'' (A i j)))

theorem eq_zero_of_frobSq_eq_zero {m n : Nat} (A : Mat m n α) (h : frobSq A = 0) :
    A = Mat.zero m n := by
  ext i j
  have hi := eq_zero_of_finSum_eq_zero _ (fun i => finSum_nonneg' _ (fun j => sq_nonneg'' (A i j)))
    h i
  have hij := eq_zero_of_finSum_eq_zero _ (fun j => sq_nonneg'' (A i j)) hi j
  simp only [Mat.zero_apply]
  by_cases hx : A i j = 0
  · exact hx
  · have : A i j * (A i j)⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hx
    grind

end Ordered

theorem mtrace_sub {α : Type u} [Lean.Grind.CommRing α] {n : Nat} (A B : Mat n n α) :
    mtrace (A - B) = mtrace A - mtrace B := by
  unfold mtrace
  simp only [Mat.sub_apply]
  rw [finSum_sub]

section Critical

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

/-- T3.3.3 (the positivity step): if `Z (B Bᵀ) + λ Z = 0` with `λ > 0`, then `Z = 0`
(multiply by `Zᵀ` and take traces: `‖Z B‖²_F + λ ‖Z‖²_F = 0`). -/
theorem eq_zero_of_mul_gram_add_smul {k d n : Nat} (B : Mat d n α) (lam : α) (hl : 0 < lam)
    (Z : Mat k d α) (h : Z * (B * Bᵀ) + Mat.smul lam Z = Mat.zero k d) : Z = Mat.zero k d := by
  have h2 : Z * (B * Bᵀ) * Zᵀ + Mat.smul lam (Z * Zᵀ) = Mat.zero k k := by
    have h1 := congrArg (fun T => T * Zᵀ) h
    simp only [Mat.add_mul, Mat.smul_mul, Mat.zero_mul'] at h1
    exact h1
  have e : Z * (B * Bᵀ) * Zᵀ = (Z * B) * (Z * B)ᵀ := by
    simp only [Mat.transpose_mul, Mat.mul_assoc]
  have h3 := congrArg mtrace h2
  simp only at h3
  rw [mtrace_add, mtrace_smul, mtrace_zero, e, mtrace_mul_transpose, mtrace_mul_transpose] at h3
  have a1 := frobSq_nonneg (Z * B)
  have a2 := frobSq_nonneg Z
  have a3 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hl) a2
  have a4 : lam * frobSq Z = 0 := by grind
  have a5 : frobSq Z = 0 := by
    have hne : lam ≠ 0 := by grind
    have : lam * lam⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hne
    grind
  exact eq_zero_of_frobSq_eq_zero Z a5

/-- T3.3.3 (step 1): `W` times the decoder equation: `C M + λ C = M` for `C = W W'` and
`M = (W X) (W X)ᵀ`. -/
theorem decoder_left_mul {D d N : Nat} (X : Mat D N α) (lam : α) (W : Mat d D α)
    (W' : Mat D d α) (hD : gradDecoder X lam W W' = Mat.zero D d) :
    W * W' * (W * X * (W * X)ᵀ) + Mat.smul lam (W * W') = W * X * (W * X)ᵀ := by
  unfold gradDecoder at hD
  have h1 := congrArg (fun T => W * T) hD
  simp only [Mat.mul_assoc, Mat.mul_add, Mat.add_mul, mat_mul_sub, mat_sub_mul, Mat.smul_mul,
      Mat.mul_smul, Mat.mul_one, Mat.one_mul, Mat.transpose_mul, Mat.transpose_transpose,
      mat_transpose_add, mat_transpose_sub, mat_transpose_smul, mat_transpose_zero, Mat.transpose_one,
      Mat.mul_zero', Mat.zero_mul'] at h1 ⊢
  ext i j
  have e1 := congrFun (congrFun h1 i) j
  simp only [Mat.add_apply, Mat.sub_apply, Mat.smul_apply, Mat.zero_apply] at e1 ⊢
  grind

/-- T3.3.3 (step 2): at a critical point with `λ > 0`, `M = (W X) (W X)ᵀ` commutes with
`C = W W'`. -/
theorem comm_of_isCriticalL2 {D d N : Nat} (X : Mat D N α) (lam : α) (hl : 0 < lam)
    (W : Mat d D α) (W' : Mat D d α) (h : IsCriticalL2 X lam W W') :
    W * X * (W * X)ᵀ * (W * W') = W * W' * (W * X * (W * X)ᵀ) := by
  have F1 := decoder_left_mul X lam W W' h.2
  have F2 : (W * X * (W * X)ᵀ * (W * W') - W * W' * (W * X * (W * X)ᵀ)) * (W * X * (W * X)ᵀ) +
      Mat.smul lam (W * X * (W * X)ᵀ * (W * W') - W * W' * (W * X * (W * X)ᵀ)) =
      Mat.zero d d := by
    have h1 := congrArg (fun T => W * X * (W * X)ᵀ * T) F1
    have h2 := congrArg (fun T => T * (W * X * (W * X)ᵀ)) F1
    simp only [Mat.mul_assoc, Mat.mul_add, Mat.add_mul, mat_mul_sub, mat_sub_mul, Mat.smul_mul,
      Mat.mul_smul, Mat.mul_one, Mat.one_mul, Mat.transpose_mul, Mat.transpose_transpose,
      mat_transpose_add, mat_transpose_sub, mat_transpose_smul, mat_transpose_zero, Mat.transpose_one,
      Mat.mul_zero', Mat.zero_mul'] at h1 h2 ⊢
    ext i j
    have e1 := congrFun (congrFun h1 i) j
    have e2 := congrFun (congrFun h2 i) j
    simp only [Mat.add_apply, Mat.sub_apply, Mat.smul_apply, Mat.zero_apply] at e1 e2 ⊢
    grind
  have hz := eq_zero_of_mul_gram_add_smul (W * X) lam hl _ F2
  ext i j
  have e := congrFun (congrFun hz i) j
  simp only [Mat.add_apply, Mat.sub_apply, Mat.smul_apply, Mat.zero_apply] at e
  grind

/-- T3.3.3 (step 3): at a critical point with `λ > 0`, `A = W' - Wᵀ` and
`Y = Wᵀ (W Wᵀ - W W')` satisfy `X Xᵀ (Y - A) = λ A`. -/
theorem gram_sub_eq_of_isCriticalL2 {D d N : Nat} (X : Mat D N α) (lam : α) (hl : 0 < lam)
    (W : Mat d D α) (W' : Mat D d α) (h : IsCriticalL2 X lam W W') :
    X * Xᵀ * (Wᵀ * (W * Wᵀ - W * W') - (W' - Wᵀ)) = Mat.smul lam (W' - Wᵀ) := by
  have hB := balanced_of_isCriticalL2 X lam (by grind) W W' h
  have hC := comm_of_isCriticalL2 X lam hl W W' h
  have F1 := decoder_left_mul X lam W W' h.2
  obtain ⟨hE, hD⟩ := h
  unfold gradEncoder at hE
  unfold gradDecoder at hD
  have a := congrArg (fun T => Tᵀ) hE
  have b := congrArg (fun T => X * Xᵀ * Wᵀ * T) hB
  have c := congrArg (fun T => T * (W * W')) hD
  have e := congrArg (fun T => W' * T) hC
  have f := congrArg (fun T => W' * T) F1
  simp only [Mat.mul_assoc, Mat.mul_add, Mat.add_mul, mat_mul_sub, mat_sub_mul, Mat.smul_mul,
      Mat.mul_smul, Mat.mul_one, Mat.one_mul, Mat.transpose_mul, Mat.transpose_transpose,
      mat_transpose_add, mat_transpose_sub, mat_transpose_smul, mat_transpose_zero, Mat.transpose_one,
      Mat.mul_zero', Mat.zero_mul'] at a b c e f hD ⊢
  ext i j
  have a1 := congrFun (congrFun a i) j
  have b1 := congrFun (congrFun b i) j
  have c1 := congrFun (congrFun c i) j
  have e1 := congrFun (congrFun e i) j
  have f1 := congrFun (congrFun f i) j
  have d1 := congrFun (congrFun hD i) j
  simp only [Mat.add_apply, Mat.sub_apply, Mat.smul_apply, Mat.zero_apply] at a1 b1 c1 e1 f1 d1 ⊢
  grind

/-- T3.3.3 (step 4): if `X Xᵀ (Y - A) = λ A` with `λ > 0` and `Yᵀ A + Qᵀ Q = 0`, then `A = 0`
(traces: `‖Xᵀ (Y - A)‖²_F + λ ‖Q‖²_F + λ ‖A‖²_F = 0`). -/
theorem eq_zero_of_gram_sub_eq {D d N : Nat} (X : Mat D N α) (lam : α) (hl : 0 < lam)
    (A Y : Mat D d α) (Q : Mat d d α) (h1 : X * Xᵀ * (Y - A) = Mat.smul lam A)
    (h2 : Yᵀ * A + Qᵀ * Q = Mat.zero d d) : A = Mat.zero D d := by
  have k : (Y - A)ᵀ * (X * Xᵀ) * (Y - A) = Mat.smul lam ((Y - A)ᵀ * A) := by
    rw [Mat.mul_assoc, h1, Mat.mul_smul]
  have k2 : (Y - A)ᵀ * (X * Xᵀ) * (Y - A) = (Xᵀ * (Y - A))ᵀ * (Xᵀ * (Y - A)) := by
    simp only [Mat.transpose_mul, Mat.transpose_transpose, Mat.mul_assoc]
  have k3 : (Y - A)ᵀ * A = Yᵀ * A - Aᵀ * A := by rw [mat_transpose_sub, mat_sub_mul]
  have t := congrArg mtrace k
  simp only at t
  rw [k2, mtrace_transpose_mul, k3, mtrace_smul, mtrace_sub, mtrace_transpose_mul] at t
  have t3 := congrArg mtrace h2
  simp only at t3
  rw [mtrace_add, mtrace_zero, mtrace_transpose_mul] at t3
  have a1 := frobSq_nonneg (Xᵀ * (Y - A))
  have a2 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hl) (frobSq_nonneg Q)
  have a3 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hl) (frobSq_nonneg A)
  have e : lam * frobSq A + (lam * frobSq Q + frobSq (Xᵀ * (Y - A))) = 0 := by grind
  have a4 : lam * frobSq A = 0 := by
    clear k k2 k3 h1 h2
    generalize lam * frobSq A = u at a3 e ⊢
    generalize lam * frobSq Q = v at a2 e
    generalize frobSq (Xᵀ * (Y - A)) = w at a1 e
    grind
  have a5 : frobSq A = 0 := by
    have hne : lam ≠ 0 := by grind
    have : lam * lam⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hne
    grind
  exact eq_zero_of_frobSq_eq_zero A a5

/-- `(Wᵀ Q)ᵀ (W' - Wᵀ) + Qᵀ Q = 0` for `Q = W Wᵀ - W W'`, since `W (W' - Wᵀ) = -Q`. -/
theorem transpose_gram_identity {D d : Nat} (W : Mat d D α) (W' : Mat D d α) :
    (Wᵀ * (W * Wᵀ - W * W'))ᵀ * (W' - Wᵀ) + (W * Wᵀ - W * W')ᵀ * (W * Wᵀ - W * W') =
      Mat.zero d d := by
  simp only [Mat.mul_assoc, Mat.mul_add, Mat.add_mul, mat_mul_sub, mat_sub_mul, Mat.smul_mul,
      Mat.mul_smul, Mat.mul_one, Mat.one_mul, Mat.transpose_mul, Mat.transpose_transpose,
      mat_transpose_add, mat_transpose_sub, mat_transpose_smul, mat_transpose_zero, Mat.transpose_one,
      Mat.mul_zero', Mat.zero_mul']
  ext i j
  simp only [Mat.add_apply, Mat.sub_apply, Mat.smul_apply, Mat.zero_apply]
  grind

/-- T3.3.3: every critical point of the L2-regularized linear autoencoder loss with `λ > 0`
has `W' = Wᵀ`, over any ordered field and for any data `X`. -/
theorem transpose_of_isCriticalL2 {D d N : Nat} (X : Mat D N α) (lam : α) (hl : 0 < lam)
    (W : Mat d D α) (W' : Mat D d α) (h : IsCriticalL2 X lam W W') : W' = Wᵀ := by
  have hz := eq_zero_of_gram_sub_eq X lam hl (W' - Wᵀ) (Wᵀ * (W * Wᵀ - W * W'))
    (W * Wᵀ - W * W') (gram_sub_eq_of_isCriticalL2 X lam hl W W' h)
    (transpose_gram_identity W W')
  ext i j
  have e := congrFun (congrFun hz i) j
  simp only [Mat.add_apply, Mat.sub_apply, Mat.smul_apply, Mat.zero_apply] at e
  grind

/-- T3.3.3: the cited transpose theorem `Sym.Autoencoder.TransposeTheorem` holds over every
ordered field. -/
theorem transposeTheorem : TransposeTheorem α :=
  fun _ _ _ X lam W W' hl h => transpose_of_isCriticalL2 X lam hl W W' h

end Critical

/-- T3.3.3: the transpose theorem over the rationals (the ordered-field assumptions are met). -/
theorem transposeTheorem_rat : TransposeTheorem Rat := transposeTheorem

/-- T3.3.3: the premise is met by a nonzero critical point: for `X = 2`, `λ = 3` (so
`X Xᵀ = 4`), `W = W' = 1/2` solves both gradient equations (`(1/4 - 1) 4 / 2 + 3 / 2 = 0`). -/
theorem isCriticalL2_scalar :
    IsCriticalL2 (Mat.scalar 1 (2 : Rat)) 3 (Mat.scalar 1 (1/2)) (Mat.scalar 1 (1/2)) := by
  unfold IsCriticalL2 gradEncoder gradDecoder
  constructor <;> ext i j <;>
    simp [finSum_succ, Mat.mul_apply, Fin.fin_one_eq_zero i, Fin.fin_one_eq_zero j] <;> grind

end Sym.Autoencoder

end
