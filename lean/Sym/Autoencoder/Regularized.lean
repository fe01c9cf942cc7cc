module

public import Sym.Autoencoder.Basic
public import Sym.Autoencoder.Scaling
public import Sym.Norm.Frobenius

/-!
# L2-regularized linear autoencoders (paper sections 3.3.3 and 3.3.4, Remark 3.20)

Adding the penalty `λ (‖W‖²_F + ‖W'‖²_F)` to a linear autoencoder shrinks its symmetry group
from `GL d` to the orthogonal group `O d`: orthogonal `K` keep loss and penalty, and a `K` that
keeps the penalty for all weights is orthogonal. The cited transpose theorem (critical points
satisfy `W' = Wᵀ`) is stated here as a proposition about the gradient equations and proved in
`Sym.Autoencoder.Transpose`.

Remark 3.20: scaling `W ↦ t W`, `W' ↦ W' / t` keeps the reconstruction but moves the penalty to
`t² a + b / t²` (squared norms); with tied weights the scaling changes the reconstruction to
`t² Wᵀ W`, so only `t = ±1` survive (the paper writes the tied decoder as `Wᵀ / t`, which is not
the transpose of `t W` unless `t = ±1`).

## Main definitions
- `Sym.Autoencoder.l2Penalty`, `Sym.Autoencoder.l2RegLoss` (T3.3.3).
- `Sym.Autoencoder.gradEncoder`, `Sym.Autoencoder.gradDecoder`,
  `Sym.Autoencoder.IsCriticalL2`, `Sym.Autoencoder.TransposeTheorem` (T3.3.3, the statement;
  proved as `Sym.Autoencoder.transposeTheorem`).

## Main statements
- `Sym.Autoencoder.l2Penalty_orthogonal`, `Sym.Autoencoder.l2RegLoss_orthogonal` (T3.3.3).
- `Sym.Autoencoder.balanced_of_isCriticalL2` (T3.3.3, first step of the transpose theorem):
  critical points are balanced, `W'ᵀ W' = W Wᵀ`.
- `Sym.Autoencoder.isOrthogonal_iff_l2Penalty` (T3.3.3): `K` keeps the penalty for all weights
  exactly when `K ∈ O d`.
- `Sym.Autoencoder.smul_reconstruct`, `Sym.Autoencoder.l2Penalty_smul` (R3.20a).
- `Sym.Autoencoder.tied_reconstruct_smul`, `Sym.Autoencoder.tied_reconstruct_smul_eq_iff`,
  `Sym.Autoencoder.paper_tied_decoder_eq_iff` (R3.20c).
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
`Sym.Autoencoder.transposeTheorem` (`Sym.Autoencoder.Transpose`). -/
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
