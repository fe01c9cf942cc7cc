module

public import Sym.Autoencoder.Basic
public import Sym.Autoencoder.Scaling
public import Sym.Norm.Frobenius

/-!
# L2-regularized linear autoencoders and the symmetry of their critical points (paper sections 3.3.3 and 3.3.4, T3.3.3, Remark 3.20)

L2-regularized linear autoencoders (T3.3.3, R3.20), then the transpose property of their
critical points. The two parts follow.

## L2-regularized linear autoencoders (paper sections 3.3.3 and 3.3.4, Remark 3.20)

Adding the penalty `λ (‖W‖²_F + ‖W'‖²_F)` to a linear autoencoder shrinks its symmetry group
from `GL d` to the orthogonal group `O d`: orthogonal `K` keep loss and penalty, and a `K` that
keeps the penalty for all weights is orthogonal. The cited transpose theorem (critical points
satisfy `W' = Wᵀ`) is stated here as a proposition about the gradient equations and proved in the
second part below.

Remark 3.20: scaling `W ↦ t W`, `W' ↦ W' / t` keeps the reconstruction but moves the penalty to
`t² a + b / t²` (squared norms); with tied weights the scaling changes the reconstruction to
`t² Wᵀ W`, so only `t = ±1` survive (the paper writes the tied decoder as `Wᵀ / t`, which is not
the transpose of `t W` unless `t = ±1`).

### Main definitions
- `Sym.Autoencoder.l2Penalty`, `Sym.Autoencoder.l2RegLoss` (T3.3.3).
- `Sym.Autoencoder.gradEncoder`, `Sym.Autoencoder.gradDecoder`,
  `Sym.Autoencoder.IsCriticalL2`, `Sym.Autoencoder.TransposeTheorem` (T3.3.3, the statement;
  proved as `Sym.Autoencoder.transposeTheorem`).

### Main statements
- `Sym.Autoencoder.l2Penalty_orthogonal`, `Sym.Autoencoder.l2RegLoss_orthogonal` (T3.3.3).
- `Sym.Autoencoder.balanced_of_isCriticalL2` (T3.3.3, first step of the transpose theorem):
  critical points are balanced, `W'ᵀ W' = W Wᵀ`.
- `Sym.Autoencoder.isOrthogonal_iff_l2Penalty` (T3.3.3): `K` keeps the penalty for all weights
  exactly when `K ∈ O d`.
- `Sym.Autoencoder.smul_reconstruct`, `Sym.Autoencoder.l2Penalty_smul` (R3.20a).
- `Sym.Autoencoder.tied_reconstruct_smul`, `Sym.Autoencoder.tied_reconstruct_smul_eq_iff`,
  `Sym.Autoencoder.paper_tied_decoder_eq_iff` (R3.20c).

## Critical points of L2-regularized linear autoencoders are symmetric (paper section 3.3.3)

The paper cites (Kunin, Bloom, Goeva, Seed 2019) that every critical point of
`‖X - W' W X‖²_F + λ (‖W‖²_F + ‖W'‖²_F)` with `λ > 0` has `W' = Wᵀ`. This part proves it over
any ordered field, from the two gradient equations alone, with matrix algebra and sums of
squares (no spectral theorem, no square roots).

Write `S = X Xᵀ`, `M = W S Wᵀ`, `C = W W'` and `P = W Wᵀ`. The argument:
1. `W` times the decoder equation gives `C M + λ C = M`.
2. Hence `Δ = M C - C M` satisfies `Δ M + λ Δ = 0`; multiplying by `Δᵀ` and taking traces gives
   `‖Δ W X‖² + λ ‖Δ‖² = 0`, so `M C = C M`.
3. With balance (`W'ᵀ W' = P`, proved in the first part), the transposed encoder
   equation, the decoder equation and step 2 give, for `A = W' - Wᵀ` and `Y = Wᵀ (P - C)`,
   `S (Y - A) = λ A`.
4. So `(Y - A)ᵀ S (Y - A) = λ (Y - A)ᵀ A`, and since `W A = C - P`, `Yᵀ A = -(P - C)ᵀ (P - C)`.
   Taking traces: `‖Xᵀ (Y - A)‖² + λ ‖P - C‖² + λ ‖A‖² = 0`, so `A = 0`.

### Main statements
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

namespace Sym.Autoencoder

universe u

section Ring

variable {α : Type u} [Lean.Grind.CommRing α]

/-- T3.3.3: the L2 penalty `‖W‖²_F + ‖W'‖²_F` of encoder and decoder weights. -/
def l2Penalty {D d : Nat} (W : Mat d D α) (W' : Mat D d α) : α := frobSq W + frobSq W'

/-- T3.3.3: orthogonal `K` keep the L2 penalty: `‖K W‖²_F + ‖W' K⁻¹‖²_F = ‖W‖²_F + ‖W'‖²_F`. -/
theorem l2Penalty_orthogonal {D d : Nat} (K : GL d α) (hK : IsOrthogonal K) (W : Mat d D α)
    (W' : Mat D d α) : l2Penalty (K.val * W) (W' * K.inv) = l2Penalty W W' := by
  unfold l2Penalty
  rw [frobSq_mul_left_of_orthogonal K.val hK W,
    frobSq_mul_right_of_orthogonal K.inv ((isOrthogonal_iff_inv_mul_transpose K).mp hK) W']

/-- T3.3.3: the gradient of `‖X - W' W X‖²_F + λ (‖W‖²_F + ‖W'‖²_F)` in `W`, halved:
`W'ᵀ (W' W - I) X Xᵀ + λ W` (`X` holds the `N` data points as columns). -/
def gradEncoder {D d N : Nat} (X : Mat D N α) (lam : α) (W : Mat d D α) (W' : Mat D d α) :
    Mat d D α :=
  W'ᵀ * (W' * W - Mat.one D) * X * Xᵀ + Mat.smul lam W

/-- T3.3.3: the gradient of the same loss in `W'`, halved: `(W' W - I) X Xᵀ Wᵀ + λ W'`. -/
def gradDecoder {D d N : Nat} (X : Mat D N α) (lam : α) (W : Mat d D α) (W' : Mat D d α) :
    Mat D d α :=
  (W' * W - Mat.one D) * X * Xᵀ * Wᵀ + Mat.smul lam W'

/-- T3.3.3: `(W, W')` is a critical point of the L2-regularized squared-error loss on the data
`X`: both gradients vanish. -/
def IsCriticalL2 {D d N : Nat} (X : Mat D N α) (lam : α) (W : Mat d D α) (W' : Mat D d α) :
    Prop :=
  gradEncoder X lam W W' = Mat.zero d D ∧ gradDecoder X lam W W' = Mat.zero D d

end Ring

/-- T3.3.3: the mean L2-regularized loss
`(1/N) ∑ k, (L(x_k, W' W x_k) + λ (‖W‖²_F + ‖W'‖²_F))` of a linear autoencoder. -/
def l2RegLoss {α : Type u} [Lean.Grind.Field α] {D d : Nat} (L : Vec D α → Vec D α → α)
    (lam : α) (W : Mat d D α) (W' : Mat D d α) (N : Nat) (data : Fin N → Vec D α) : α :=
  finSum N (fun k => L (data k) (reconstruct (linMap W) (linMap W') (data k)) +
    lam * l2Penalty W W') / (OfNat.ofNat N : α)

/-- T3.3.3 (cited transpose theorem, the statement): for `λ > 0`, every critical point of the
L2-regularized linear autoencoder on any data has `W' = Wᵀ`. Proved for every ordered field by
`Sym.Autoencoder.transposeTheorem` (below). -/
def TransposeTheorem (α : Type u) [Lean.Grind.Field α] [LT α] : Prop :=
  ∀ (D d N : Nat) (X : Mat D N α) (lam : α) (W : Mat d D α) (W' : Mat D d α),
    0 < lam → IsCriticalL2 X lam W W' → W' = Wᵀ

section Field

variable {α : Type u} [Lean.Grind.Field α]

/-- T3.3.3: orthogonal `K` keep the whole L2-regularized loss (reconstruction and penalty). -/
theorem l2RegLoss_orthogonal {D d : Nat} (K : GL d α) (hK : IsOrthogonal K)
    (L : Vec D α → Vec D α → α) (lam : α) (W : Mat d D α) (W' : Mat D d α) (N : Nat)
    (data : Fin N → Vec D α) :
    l2RegLoss L lam (K.val * W) (W' * K.inv) N data = l2RegLoss L lam W W' N data := by
  unfold l2RegLoss
  rw [linear_reconstruct_gl, l2Penalty_orthogonal K hK]

/-- R3.20a: scaling the encoder by `t` and the decoder by `1/t` keeps the end-to-end matrix. -/
theorem smul_reconstruct {D d : Nat} (t : α) (ht : t ≠ 0) (W : Mat d D α) (W' : Mat D d α) :
    Mat.smul t⁻¹ W' * Mat.smul t W = W' * W := by
  ext i k
  simp only [Mat.mul_apply, Mat.smul_apply]
  apply finSum_congr
  intro j
  have h : t⁻¹ * t = 1 := by grind
  grind

theorem frobSq_smul {m n : Nat} (t : α) (A : Mat m n α) :
    frobSq (Mat.smul t A) = t * t * frobSq A := by
  unfold frobSq
  simp only [Mat.smul_apply]
  rw [mul_finSum]
  apply finSum_congr
  intro i
  rw [mul_finSum]
  apply finSum_congr
  intro j
  grind

/-- R3.20a: after the scaling `(t W, W' / t)` the L2 penalty is `t² a + b / t²`, where
`a = ‖W‖²_F` and `b = ‖W'‖²_F` (`Sym.Autoencoder.scaledPenalty` at `t²`; its minimum over `t`
is bounded in `Sym.Autoencoder.four_mul_le_scaledPenalty_sq`). -/
theorem l2Penalty_smul {D d : Nat} (t : α) (ht : t ≠ 0) (W : Mat d D α) (W' : Mat D d α) :
    l2Penalty (Mat.smul t W) (Mat.smul t⁻¹ W') = scaledPenalty (frobSq W) (frobSq W') (t * t) := by
  unfold l2Penalty scaledPenalty
  rw [frobSq_smul, frobSq_smul]
  have h : t⁻¹ * t⁻¹ * frobSq W' = frobSq W' / (t * t) := by
    rw [Lean.Grind.Field.div_eq_mul_inv]
    have h1 : t * t⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel ht
    have h2 : (t * t) * (t⁻¹ * t⁻¹) = 1 := by grind
    have h3 : (t * t)⁻¹ = t⁻¹ * t⁻¹ := by
      have hne : t * t ≠ 0 := by grind
      have h4 : (t * t) * (t * t)⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel hne
      grind
    rw [h3]
    grind
  rw [h]

/-- R3.20c: with tied weights, scaling `W ↦ t W` scales the reconstruction matrix:
`(t W)ᵀ (t W) = t² Wᵀ W`. -/
theorem tied_reconstruct_smul {D d : Nat} (t : α) (W : Mat d D α) :
    (Mat.smul t W)ᵀ * Mat.smul t W = Mat.smul (t * t) (Wᵀ * W) := by
  ext i k
  simp only [Mat.mul_apply, Mat.transpose_apply, Mat.smul_apply]
  rw [mul_finSum]
  apply finSum_congr
  intro j
  grind

/-- R3.20c: with tied weights and a nonzero reconstruction entry, scaling by `t` keeps the
reconstruction only for `t = 1` and `t = -1`. -/
theorem tied_reconstruct_smul_eq_iff {D d : Nat} (t : α) (W : Mat d D α) (i k : Fin D)
    (hW : (Wᵀ * W) i k ≠ 0) :
    (Mat.smul t W)ᵀ * Mat.smul t W = Wᵀ * W ↔ t = 1 ∨ t = -1 := by
  rw [tied_reconstruct_smul, ← sq_eq_one_iff t]
  constructor
  · intro h
    have h1 := congrFun (congrFun h i) k
    simp only [Mat.smul_apply] at h1
    have h2 : (t * t - 1) * (Wᵀ * W) i k = 0 := by grind
    grind
  · intro h
    ext a b
    simp only [Mat.smul_apply]
    rw [h]
    grind

/-- R3.20c (the flaw): the paper's tied decoder after scaling, `Wᵀ / t`, is the transpose of the
scaled encoder `t W` only when `t = 1` or `t = -1` (for `W ≠ 0`). -/
theorem paper_tied_decoder_eq_iff {D d : Nat} (t : α) (ht : t ≠ 0) (W : Mat d D α) (i : Fin d)
    (k : Fin D) (hW : W i k ≠ 0) :
    Mat.smul t⁻¹ Wᵀ = (Mat.smul t W)ᵀ ↔ t = 1 ∨ t = -1 := by
  rw [← sq_eq_one_iff t]
  have h1 : t * t⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel ht
  constructor
  · intro h
    have h2 := congrFun (congrFun h k) i
    simp only [Mat.smul_apply, Mat.transpose_apply] at h2
    have h3 : (t⁻¹ - t) * W i k = 0 := by grind
    have h4 : t⁻¹ - t = 0 := by grind
    grind
  · intro h
    ext a b
    simp only [Mat.smul_apply, Mat.transpose_apply]
    have h5 : t⁻¹ = t := by grind
    rw [h5]

/-- T3.3.3 (first step of the transpose theorem, proved): at a critical point with `λ ≠ 0` the
encoder and decoder are balanced, `W'ᵀ W' = W Wᵀ`. -/
theorem balanced_of_isCriticalL2 {D d N : Nat} (X : Mat D N α) (lam : α) (hl : lam ≠ 0)
    (W : Mat d D α) (W' : Mat D d α) (h : IsCriticalL2 X lam W W') : W'ᵀ * W' = W * Wᵀ := by
  have h1 : W'ᵀ * gradDecoder X lam W W' = Mat.zero d d := by rw [h.2, Mat.mul_zero']
  have h2 : gradEncoder X lam W W' * Wᵀ = Mat.zero d d := by rw [h.1, Mat.zero_mul']
  unfold gradDecoder at h1
  unfold gradEncoder at h2
  rw [Mat.mul_add, Mat.mul_smul] at h1
  rw [Mat.add_mul, Mat.smul_mul] at h2
  simp only [Mat.mul_assoc] at h1 h2
  ext i j
  have e1 := congrFun (congrFun h1 i) j
  have e2 := congrFun (congrFun h2 i) j
  simp only [Mat.add_apply, Mat.smul_apply, Mat.zero_apply] at e1 e2
  have e3 : lam * ((W'ᵀ * W') i j - (W * Wᵀ) i j) = 0 := by grind
  grind

end Field

section CharZero

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- T3.3.3: for `D > 0`, `K ∈ GL d` keeps the L2 penalty of every pair of weights
(`W ↦ K W`, `W' ↦ W' K⁻¹`) exactly when `K` is orthogonal: the penalty cuts `GL d` down to
`O d`. -/
theorem isOrthogonal_iff_l2Penalty {D d : Nat} (hD : 0 < D) (K : GL d α) :
    IsOrthogonal K ↔
      ∀ (W : Mat d D α) (W' : Mat D d α), l2Penalty (K.val * W) (W' * K.inv) = l2Penalty W W' := by
  rw [← residualGroup_frobSq_iff D hD K,
    residualGroup_iff_jacPenalty D 1 1 (by grind) (by grind) frobSq frobSq K]
  unfold jacPenalty l2Penalty
  constructor
  · intro h W W'
    have := h W W'
    grind
  · intro h Jf Jg
    have := h Jf Jg
    grind

end CharZero

/-- `2 I` is invertible but not orthogonal; it changes the penalty of `W = I`, `W' = 0`. -/
example : l2Penalty (Mat.scalar 1 (2 : Rat) * (Mat.one 1 : Mat 1 1 Rat)) (Mat.zero 1 1 : Mat 1 1 Rat) ≠
    l2Penalty (Mat.one 1 : Mat 1 1 Rat) (Mat.zero 1 1 : Mat 1 1 Rat) := by
  simp [l2Penalty, frobSq, finSum_succ, Mat.mul_apply]
  grind

end Sym.Autoencoder

end

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
