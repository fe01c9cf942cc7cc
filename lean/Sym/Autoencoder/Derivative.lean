module

public import Sym.Autoencoder.Basic
public import Sym.Norm.Entrywise

/-!
# Jacobians of differentiable maps under a latent change of basis (paper section 3.3.4, L3.3.4)

Lemma L3.3.4 is about arbitrary differentiable encoders and decoders, not only linear ones. Core
Lean has no real numbers, so the derivative is defined by ε–δ over any ordered field `α` with the
max norm `‖v‖ = max i, |v i|` on `Vec n α`: the matrix `J` is the derivative of
`F : Vec n α → Vec m α` at `x` when for every `ε > 0` there is `δ > 0` with
`‖F y - F x - J (y - x)‖ ≤ ε ‖y - x‖` whenever `‖y - x‖ < δ`.

The key estimate is `‖M v‖ ≤ C ‖v‖` with `C` the largest row sum of `|M i j|`. From it: moving an
encoder by `K ∈ GL d` multiplies its derivative by `K` on the left, and moving a decoder by `K`
multiplies the derivative at the moved point `K f(x)` by `K⁻¹` on the right. The derivative is
unique (tested along `x + t e_j`), so "the Jacobian" is well defined and the laws are equations.
A linear map is its own derivative, so the linear statements of `Sym.Autoencoder.Basic`
(`jac_actEncoder_linMap`, `jac_actDecoder_linMap`) are the special case of linear `f`, `g`.

## Main definitions
- `Sym.vecMaxNorm` (the max norm), `Sym.rowSumNorm` (the largest absolute row sum),
  `Sym.HasDerivAt` (L3.3.4: `J` is the derivative of `F` at `x`).

## Main statements
- `Sym.vecMaxNorm_mulVec_le`: `‖M v‖ ≤ rowSumNorm M * ‖v‖`.
- `Sym.hasDerivAt_unique` (L3.3.4): two derivatives of `F` at `x` are equal.
- `Sym.hasDerivAt_linMap`, `Sym.hasDerivAt_jac_linMap`, `Sym.eq_jac_of_hasDerivAt_linMap`
  (L3.3.4): a linear map is its own derivative, and that derivative is `jac`.
- `Sym.hasDerivAt_actEncoder` (L3.3.4): `J_{K f}(x) = K J_f(x)` for every differentiable `f`.
- `Sym.hasDerivAt_actDecoder` (L3.3.4): `J_{g ∘ K⁻¹}(K f(x)) = J_g(f(x)) K⁻¹` for every `g`
  differentiable at `f(x)`.
- `Sym.eq_of_hasDerivAt_actEncoder`, `Sym.eq_of_hasDerivAt_actDecoder` (L3.3.4): the two laws as
  equations between the (unique) Jacobians.
- `Sym.hasDerivAt_actEncoder_linMap`, `Sym.hasDerivAt_actDecoder_linMap` (L3.3.4, linear case
  as a corollary).
- `Sym.hasDerivAt_map_sq` (L3.3.4): the entrywise square, a nonlinear map, has a derivative; the
  laws are instantiated at `Rat` with it.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

open Autoencoder

universe u

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

section Norm

/-- The max norm `‖v‖ = max i, |v i|` of a vector (zero for `n = 0`). -/
def vecMaxNorm {n : Nat} (v : Vec n α) : α := finMax n (fun i => absVal (v i))

/-- The largest absolute row sum `max i, ∑ j, |M i j|` of a matrix (the operator norm of `M`
for the max norm). -/
def rowSumNorm {m n : Nat} (M : Mat m n α) : α :=
  finMax m (fun i => finSum n (fun j => absVal (M i j)))

theorem absVal_add_le (a b : α) : absVal (a + b) ≤ absVal a + absVal b := by
  unfold absVal
  split <;> split <;> split <;> grind

theorem absVal_of_nonneg {a : α} (h : 0 ≤ a) : absVal a = a := by
  unfold absVal; split <;> grind

theorem absVal_of_nonpos {a : α} (h : a ≤ 0) : absVal a = -a := by
  unfold absVal; split <;> grind

theorem absVal_mul (a b : α) : absVal (a * b) = absVal a * absVal b := by
  rcases Std.le_total (a := 0) (b := a) with ha | ha <;> rcases Std.le_total (a := 0) (b := b) with hb | hb
  · rw [absVal_of_nonneg (Lean.Grind.OrderedRing.mul_nonneg ha hb), absVal_of_nonneg ha,
      absVal_of_nonneg hb]
  · rw [absVal_of_nonpos (Lean.Grind.OrderedRing.mul_nonpos_of_nonneg_of_nonpos ha hb),
      absVal_of_nonneg ha, absVal_of_nonpos hb]
    grind
  · rw [absVal_of_nonpos (Lean.Grind.OrderedRing.mul_nonpos_of_nonpos_of_nonneg ha hb),
      absVal_of_nonpos ha, absVal_of_nonneg hb]
    grind
  · rw [absVal_of_nonneg (Lean.Grind.OrderedRing.mul_nonneg_of_nonpos_of_nonpos ha hb),
      absVal_of_nonpos ha, absVal_of_nonpos hb]
    grind

theorem finSum_le_finSum {n : Nat} {f g : Fin n → α} (h : ∀ i, f i ≤ g i) :
    finSum n f ≤ finSum n g := by
  induction n with
  | zero => exact Std.le_refl 0
  | succ n ih =>
    rw [finSum_succ, finSum_succ]
    have h0 := h 0
    have hs := ih (f := fun i => f i.succ) (g := fun i => g i.succ) (fun i => h i.succ)
    grind

theorem finSum_nonneg {n : Nat} {f : Fin n → α} (h : ∀ i, 0 ≤ f i) : 0 ≤ finSum n f := by
  have := finSum_le_finSum (f := fun _ => (0 : α)) (g := f) h
  rw [finSum_const_zero] at this
  exact this

theorem absVal_finSum_le {n : Nat} (f : Fin n → α) :
    absVal (finSum n f) ≤ finSum n (fun i => absVal (f i)) := by
  induction n with
  | zero =>
    show absVal (0 : α) ≤ 0
    unfold absVal; split <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ]
    have h1 := absVal_add_le (f 0) (finSum n (fun i => f i.succ))
    have h2 := ih (fun i => f i.succ)
    grind

theorem vecMaxNorm_nonneg {n : Nat} (v : Vec n α) : 0 ≤ vecMaxNorm v :=
  finMax_nonneg _ (fun _ => absVal_nonneg _)

theorem absVal_le_vecMaxNorm {n : Nat} (v : Vec n α) (i : Fin n) : absVal (v i) ≤ vecMaxNorm v :=
  le_finMax (fun i => absVal (v i)) i

theorem vecMaxNorm_le {n : Nat} (v : Vec n α) {c : α} (hc : 0 ≤ c) (h : ∀ i, absVal (v i) ≤ c) :
    vecMaxNorm v ≤ c :=
  finMax_le _ hc h

theorem rowSumNorm_nonneg {m n : Nat} (M : Mat m n α) : 0 ≤ rowSumNorm M :=
  finMax_nonneg _ (fun _ => finSum_nonneg (fun _ => absVal_nonneg _))

/-- The key estimate: `‖M v‖ ≤ rowSumNorm M * ‖v‖` for the max norm. -/
theorem vecMaxNorm_mulVec_le {m n : Nat} (M : Mat m n α) (v : Vec n α) :
    vecMaxNorm (M * v) ≤ rowSumNorm M * vecMaxNorm v := by
  have hv := vecMaxNorm_nonneg v
  have hC := rowSumNorm_nonneg M
  apply vecMaxNorm_le _ (Lean.Grind.OrderedRing.mul_nonneg hC hv)
  intro i
  rw [Mat.mulVec_apply]
  have h1 := absVal_finSum_le (fun j => M i j * v j)
  have h2 : finSum n (fun j => absVal (M i j * v j)) ≤
      finSum n (fun j => absVal (M i j) * vecMaxNorm v) := by
    apply finSum_le_finSum
    intro j
    rw [absVal_mul]
    exact Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left (absVal_le_vecMaxNorm v j)
      (absVal_nonneg _)
  rw [finSum_mul_right] at h2
  have h3 : finSum n (fun j => absVal (M i j)) ≤ rowSumNorm M :=
    le_finMax (fun i => finSum n (fun j => absVal (M i j))) i
  have h4 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right h3 hv
  exact Std.le_trans h1 (Std.le_trans h2 h4)

/-- A vector with all entries zero has norm zero. -/
theorem vecMaxNorm_eq_zero {n : Nat} (v : Vec n α) (h : ∀ i, v i = 0) : vecMaxNorm v = 0 := by
  apply Std.le_antisymm _ (vecMaxNorm_nonneg v)
  apply vecMaxNorm_le _ (Std.le_refl 0)
  intro i
  rw [h i]
  unfold absVal; split <;> grind

end Norm

section Deriv

/-- L3.3.4: the matrix `J` is the derivative of `F : Vec n α → Vec m α` at `x` (for the max
norm): for every `ε > 0` there is `δ > 0` with `‖F y - F x - J (y - x)‖ ≤ ε ‖y - x‖` whenever
`‖y - x‖ < δ`. -/
def HasDerivAt {m n : Nat} (F : Vec n α → Vec m α) (J : Mat m n α) (x : Vec n α) : Prop :=
  ∀ ε : α, 0 < ε → ∃ δ : α, 0 < δ ∧ ∀ y : Vec n α,
    vecMaxNorm (y - x) < δ → vecMaxNorm (F y - F x - J * (y - x)) ≤ ε * vecMaxNorm (y - x)

/-- For `C ≥ 0` and `ε > 0`, the smaller tolerance `ε / (C + 1)` is positive and
`C * (ε / (C + 1)) ≤ ε`. -/
theorem small_of_pos {C ε : α} (hC : 0 ≤ C) (hε : 0 < ε) :
    0 < ε / (C + 1) ∧ C * (ε / (C + 1)) ≤ ε ∧ (C + 1) * (ε / (C + 1)) = ε := by
  have hC1 : 0 < C + 1 := by
    have := Lean.Grind.OrderedRing.zero_lt_one (R := α)
    grind
  have hne : C + 1 ≠ 0 := by grind
  have hinv : 0 < (C + 1)⁻¹ := Lean.Grind.Field.IsOrdered.inv_pos_iff.mpr hC1
  have hdiv : ε / (C + 1) = ε * (C + 1)⁻¹ := Lean.Grind.Field.div_eq_mul_inv ε (C + 1)
  have hpos : 0 < ε / (C + 1) := by
    rw [hdiv]; exact Lean.Grind.OrderedRing.mul_pos hε hinv
  have hmul : (C + 1) * (ε / (C + 1)) = ε := by
    rw [hdiv]
    have := Lean.Grind.Field.mul_inv_cancel hne
    grind
  refine ⟨hpos, ?_, hmul⟩
  grind

/-- L3.3.4 (linear maps): a linear map `a ↦ M a` is its own derivative at every point. -/
theorem hasDerivAt_linMap {m n : Nat} (M : Mat m n α) (x : Vec n α) :
    HasDerivAt (linMap M) M x := by
  intro ε hε
  refine ⟨1, Lean.Grind.OrderedRing.zero_lt_one, ?_⟩
  intro y _
  have h0 : vecMaxNorm (linMap M y - linMap M x - M * (y - x)) = 0 := by
    apply vecMaxNorm_eq_zero
    intro i
    show (M * y) i - (M * x) i - (M * (y - x)) i = 0
    rw [Mat.mulVec_sub, Vec.sub_apply]
    grind
  rw [h0]
  exact Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hε) (vecMaxNorm_nonneg _)

/-- L3.3.4 (linear maps): the derivative of a linear map at every point is its matrix on the
standard basis, `jac`. -/
theorem hasDerivAt_jac_linMap {m n : Nat} (M : Mat m n α) (x : Vec n α) :
    HasDerivAt (linMap M) (jac (linMap M)) x := by
  rw [jac_linMap]
  exact hasDerivAt_linMap M x

/-- `|t * a| = t * |a|` for `t ≥ 0`. -/
theorem absVal_mul_of_nonneg {t : α} (ht : 0 ≤ t) (a : α) : absVal (t * a) = t * absVal a := by
  rw [absVal_mul]
  unfold absVal
  split <;> grind

/-- L3.3.4: the derivative is unique: two matrices that are both the derivative of `F` at `x`
are equal. So "the Jacobian of `F` at `x`" is well defined. -/
theorem hasDerivAt_unique {m n : Nat} {F : Vec n α → Vec m α} {J J' : Mat m n α} {x : Vec n α}
    (h : HasDerivAt F J x) (h' : HasDerivAt F J' x) : J = J' := by
  ext i j
  false_or_by_contra
  rename_i hne
  have hd : 0 < absVal (J i j - J' i j) := by
    unfold absVal; split <;> grind
  have h4 : (0 : α) < 4 := by
    have := Lean.Grind.OrderedRing.zero_lt_one (R := α)
    grind
  -- ε = |J i j - J' i j| / 4
  obtain ⟨hε, -, hε4⟩ := small_of_pos (C := (3 : α)) (ε := absVal (J i j - J' i j))
    (by grind) hd
  obtain ⟨δ1, hδ1, H1⟩ := h _ hε
  obtain ⟨δ2, hδ2, H2⟩ := h' _ hε
  -- a step `t` with `0 < t < δ1, δ2`
  have ht : ∃ t : α, 0 < t ∧ t < δ1 ∧ t < δ2 := by
    rcases Std.le_total (a := δ1) (b := δ2) with hle | hle
    · obtain ⟨hp, -, he⟩ := small_of_pos (C := (1 : α)) (ε := δ1) (by grind) hδ1
      exact ⟨_, hp, by grind, by grind⟩
    · obtain ⟨hp, -, he⟩ := small_of_pos (C := (1 : α)) (ε := δ2) (by grind) hδ2
      exact ⟨_, hp, by grind, by grind⟩
  obtain ⟨t, htpos, ht1, ht2⟩ := ht
  let y : Vec n α := x + Vec.smul t (Vec.basis n j)
  have hy : y - x = Vec.smul t (Vec.basis n j) := by
    ext k; simp only [y, Vec.sub_apply, Vec.add_apply]; grind
  have hnorm : vecMaxNorm (y - x) ≤ t := by
    rw [hy]
    apply vecMaxNorm_le _ (Std.le_of_lt htpos)
    intro k
    have e : (Vec.smul t (Vec.basis n j) : Vec n α) k = if k = j then t else 0 := by
      simp only [Vec.smul_apply, Vec.basis_apply]; split <;> grind
    rw [e]
    split
    · rw [absVal_of_nonneg (Std.le_of_lt htpos)]; exact Std.le_refl t
    · rw [absVal_of_nonneg (Std.le_refl 0)]; exact Std.le_of_lt htpos
  have hlt1 : vecMaxNorm (y - x) < δ1 := by grind
  have hlt2 : vecMaxNorm (y - x) < δ2 := by grind
  have e1 := absVal_le_vecMaxNorm (F y - F x - J * (y - x)) i
  have e2 := absVal_le_vecMaxNorm (F y - F x - J' * (y - x)) i
  have b1 := H1 y hlt1
  have b2 := H2 y hlt2
  have hεn := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left hnorm (Std.le_of_lt hε)
  have hcol : ∀ M : Mat m n α, (M * (y - x)) i = t * M i j := by
    intro M
    rw [hy, Mat.mulVec_smul, Vec.smul_apply, Mat.mulVec_basis]
  simp only [Vec.sub_apply, hcol] at e1 e2
  -- `|t (J i j - J' i j)| ≤ |r'| + |r| ≤ 2 ε t` with `ε = |J i j - J' i j| / 4`
  have htri := absVal_add_le (F y i - F x i - t * J' i j) (-(F y i - F x i - t * J i j))
  rw [absVal_neg] at htri
  have e3 : F y i - F x i - t * J' i j + -(F y i - F x i - t * J i j) = t * (J i j - J' i j) := by
    grind
  rw [e3, absVal_mul_of_nonneg (Std.le_of_lt htpos)] at htri
  have key := Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left
    (show absVal (J i j - J' i j) / (3 + 1) + absVal (J i j - J' i j) / (3 + 1) <
      absVal (J i j - J' i j) by grind) htpos
  grind

/-- L3.3.4 (linear maps): every derivative of a linear map is its matrix on the standard basis,
so for linear maps `jac` is the Jacobian in the ε–δ sense. -/
theorem eq_jac_of_hasDerivAt_linMap {m n : Nat} (M : Mat m n α) (J : Mat m n α) (x : Vec n α)
    (h : HasDerivAt (linMap M) J x) : J = jac (linMap M) :=
  hasDerivAt_unique h (hasDerivAt_jac_linMap M x)

/-- L3.3.4 (a nonlinear instance): the entrywise square `v ↦ (v i * v i)_i` has derivative
`diag (2 x)` at `x`, so the hypothesis `HasDerivAt` of the laws is met by nonlinear maps. -/
theorem hasDerivAt_map_sq {n : Nat} (x : Vec n α) :
    HasDerivAt (Vec.map (fun t => t * t)) (Mat.diag (fun i => 2 * x i)) x := by
  intro ε hε
  refine ⟨ε, hε, fun y hy => ?_⟩
  have hN := vecMaxNorm_nonneg (y - x)
  have hNN : vecMaxNorm (y - x) * vecMaxNorm (y - x) ≤ ε * vecMaxNorm (y - x) :=
    Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right (Std.le_of_lt hy) hN
  apply vecMaxNorm_le _ (Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hε) hN)
  intro i
  have e : (Vec.map (fun t => t * t) y - Vec.map (fun t => t * t) x -
      Mat.diag (fun i => 2 * x i) * (y - x)) i = (y - x) i * (y - x) i := by
    rw [Vec.sub_apply, Vec.sub_apply, Mat.diag_mulVec_apply, Vec.map_apply, Vec.map_apply,
      Vec.sub_apply]
    grind
  rw [e, absVal_mul]
  have hi := absVal_le_vecMaxNorm (y - x) i
  have h0 := absVal_nonneg ((y - x) i)
  have h1 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left hi h0
  have h2 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right hi hN
  exact Std.le_trans h1 (Std.le_trans h2 hNN)

end Deriv

section Laws

/-- L3.3.4 (encoder, differentiable maps): if `J` is the derivative of the encoder `f` at `x`,
then `K J` is the derivative of the moved encoder `f' = K f` at `x`: `J_{f'}(x) = K J_f(x)`. -/
theorem hasDerivAt_actEncoder {D d : Nat} (K : GL d α) (f : Vec D α → Vec d α) (J : Mat d D α)
    (x : Vec D α) (hf : HasDerivAt f J x) :
    HasDerivAt (actEncoder (glAction d) K f) (K.val * J) x := by
  intro ε hε
  have hC := rowSumNorm_nonneg K.val
  obtain ⟨hε', hCε, -⟩ := small_of_pos hC hε
  obtain ⟨δ, hδ, H⟩ := hf _ hε'
  refine ⟨δ, hδ, fun y hy => ?_⟩
  have e : actEncoder (glAction d) K f y - actEncoder (glAction d) K f x - (K.val * J) * (y - x) =
      K.val * (f y - f x - J * (y - x)) := by
    show K.val * f y - K.val * f x - (K.val * J) * (y - x) = _
    rw [← Mat.mulVec_mulVec, Mat.mulVec_sub K.val (f y - f x), Mat.mulVec_sub K.val (f y)]
  rw [e]
  have h1 := vecMaxNorm_mulVec_le K.val (f y - f x - J * (y - x))
  have h2 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left (H y hy) hC
  have h3 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right hCε (vecMaxNorm_nonneg (y - x))
  grind

/-- L3.3.4 (decoder, at any point): if `J` is the derivative of `g` at `p`, then `J K⁻¹` is the
derivative of the moved decoder `g' = g ∘ K⁻¹` at `K p`. -/
theorem hasDerivAt_comp_inv {D d : Nat} (K : GL d α) (g : Vec d α → Vec D α) (J : Mat D d α)
    (p : Vec d α) (hg : HasDerivAt g J p) :
    HasDerivAt (actDecoder (glAction d) K g) (J * K.inv) (K.val * p) := by
  intro ε hε
  have hC := rowSumNorm_nonneg K.inv
  obtain ⟨hε', hCε, -⟩ := small_of_pos hC hε
  obtain ⟨δ', hδ', H⟩ := hg _ hε'
  obtain ⟨hδ, -, hδe⟩ := small_of_pos hC hδ'
  refine ⟨δ' / (rowSumNorm K.inv + 1), hδ, fun z hz => ?_⟩
  have hw : K.inv * (z - K.val * p) = K.inv * z - p := by
    rw [Mat.mulVec_sub, GL.inv_mulVec_mulVec]
  have hnw : vecMaxNorm (K.inv * z - p) ≤ rowSumNorm K.inv * vecMaxNorm (z - K.val * p) := by
    rw [← hw]; exact vecMaxNorm_mulVec_le _ _
  have hC1 : 0 < rowSumNorm K.inv + 1 := by
    have := Lean.Grind.OrderedRing.zero_lt_one (R := α)
    grind
  have hN := vecMaxNorm_nonneg (z - K.val * p)
  have hlt := Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left hz hC1
  have hwlt : vecMaxNorm (K.inv * z - p) < δ' := by grind
  have e : actDecoder (glAction d) K g z - actDecoder (glAction d) K g (K.val * p) -
      (J * K.inv) * (z - K.val * p) = g (K.inv * z) - g p - J * (K.inv * z - p) := by
    show g (K.inv * z) - g (K.inv * (K.val * p)) - (J * K.inv) * (z - K.val * p) = _
    rw [GL.inv_mulVec_mulVec, ← Mat.mulVec_mulVec, hw]
  rw [e]
  have h2 := H (K.inv * z) hwlt
  have h3 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left hnw (Std.le_of_lt hε')
  have h4 := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right hCε hN
  grind

/-- L3.3.4 (decoder, differentiable maps): if `J` is the derivative of the decoder `g` at
`f(x)`, then `J K⁻¹` is the derivative of the moved decoder `g' = g ∘ K⁻¹` at the moved code
`f'(x) = K f(x)`: `J_{g'}(f'(x)) = J_g(f(x)) K⁻¹`. -/
theorem hasDerivAt_actDecoder {D d : Nat} (K : GL d α) (f : Vec D α → Vec d α)
    (g : Vec d α → Vec D α) (J : Mat D d α) (x : Vec D α) (hg : HasDerivAt g J (f x)) :
    HasDerivAt (actDecoder (glAction d) K g) (J * K.inv) (actEncoder (glAction d) K f x) :=
  hasDerivAt_comp_inv K g J (f x) hg

/-- L3.3.4 (encoder, as an equation): every derivative `J'` of `f' = K f` at `x` equals `K J`,
where `J` is the derivative of `f` at `x`. -/
theorem eq_of_hasDerivAt_actEncoder {D d : Nat} (K : GL d α) (f : Vec D α → Vec d α)
    (J J' : Mat d D α) (x : Vec D α) (hf : HasDerivAt f J x)
    (h' : HasDerivAt (actEncoder (glAction d) K f) J' x) : J' = K.val * J :=
  hasDerivAt_unique h' (hasDerivAt_actEncoder K f J x hf)

/-- L3.3.4 (decoder, as an equation): every derivative `J'` of `g' = g ∘ K⁻¹` at `f'(x)` equals
`J K⁻¹`, where `J` is the derivative of `g` at `f(x)`. -/
theorem eq_of_hasDerivAt_actDecoder {D d : Nat} (K : GL d α) (f : Vec D α → Vec d α)
    (g : Vec d α → Vec D α) (J J' : Mat D d α) (x : Vec D α) (hg : HasDerivAt g J (f x))
    (h' : HasDerivAt (actDecoder (glAction d) K g) J' (actEncoder (glAction d) K f x)) :
    J' = J * K.inv :=
  hasDerivAt_unique h' (hasDerivAt_actDecoder K f g J x hg)

/-- L3.3.4 (encoder, linear case as a corollary): for `f x = W x`, the derivative of
`f' = K f` at every point is `K J_f = K (jac f)`. -/
theorem hasDerivAt_actEncoder_linMap {D d : Nat} (K : GL d α) (W : Mat d D α) (x : Vec D α) :
    HasDerivAt (actEncoder (glAction d) K (linMap W)) (K.val * jac (linMap W)) x :=
  hasDerivAt_actEncoder K (linMap W) (jac (linMap W)) x (hasDerivAt_jac_linMap W x)

/-- L3.3.4 (decoder, linear case as a corollary): for `g z = W' z`, the derivative of
`g' = g ∘ K⁻¹` at every point is `J_g K⁻¹ = (jac g) K⁻¹`. -/
theorem hasDerivAt_actDecoder_linMap {D d : Nat} (K : GL d α) (W' : Mat D d α) (z : Vec d α) :
    HasDerivAt (actDecoder (glAction d) K (linMap W')) (jac (linMap W') * K.inv) z := by
  have h := hasDerivAt_comp_inv K (linMap W') (jac (linMap W')) (K.inv * z)
    (hasDerivAt_jac_linMap W' (K.inv * z))
  rwa [GL.val_mulVec_inv_mulVec] at h

end Laws

/-- The laws at `α = Rat`: the ordered-field assumptions are met, and a nonlinear encoder (the
entrywise square) has a derivative to which the encoder law applies. -/
example (K : GL 2 Rat) (x : Vec 2 Rat) :
    HasDerivAt (actEncoder (glAction 2) K (Vec.map (fun t => t * t)))
      (K.val * Mat.diag (fun i => 2 * x i)) x :=
  hasDerivAt_actEncoder K _ _ x (hasDerivAt_map_sq x)

example (K : GL 2 Rat) (f : Vec 3 Rat → Vec 2 Rat) (g : Vec 2 Rat → Vec 3 Rat) (J : Mat 3 2 Rat)
    (x : Vec 3 Rat) (hg : HasDerivAt g J (f x)) :
    HasDerivAt (actDecoder (glAction 2) K g) (J * K.inv) (actEncoder (glAction 2) K f x) :=
  hasDerivAt_actDecoder K f g J x hg

end Sym

end
