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

end Deriv

end Sym

end
