module

public import Sym.Algebra.GL
public import Sym.Norm.Entrywise

/-!
# Autoencoders, their latent-space symmetries and the Jacobian laws (paper sections 3.3.1–3.3.2, 3.3.4, L3.3.4)

Autoencoders and their latent-space symmetries, then the Jacobians of differentiable maps under a
latent change of basis (L3.3.4). The two parts follow.

## Autoencoders and their latent-space symmetries (paper sections 3.3.1–3.3.2, 3.3.4)

An autoencoder is an encoder `f : X → Z` followed by a decoder `g : Z → Y`; its reconstruction is
`g ∘ f`. A group acting on the latent space `Z` acts on autoencoders by `f ↦ k · f` and
`g ↦ g ∘ (k⁻¹ ·)`, and this never changes the reconstruction. For a linear autoencoder
(`f x = W x`, `g z = W' z`) the group is all of `GL d`, acting by `W ↦ K W`, `W' ↦ W' K⁻¹`.

### Main definitions
- `Sym.Autoencoder.reconstruct` (D3.12).
- `Sym.Autoencoder.layer`, `Sym.Autoencoder.oneLayerReconstruct`, `Sym.Autoencoder.sqDist`,
  `Sym.Autoencoder.meanLoss` (D3.13).
- `Sym.Autoencoder.actEncoder`, `Sym.Autoencoder.actDecoder`, `Sym.Autoencoder.aeAction`
  (D3.14), `Sym.Autoencoder.glAction` (the action of `GL d` on latent vectors).
- `Sym.Autoencoder.linMap` (a linear encoder or decoder), `Sym.Autoencoder.jac` (the matrix of a
  map on the standard basis: the Jacobian of a linear map).

### Main statements
- `Sym.Autoencoder.reconstruct_act` (D3.14): the reconstruction is invariant under any action.
- `Sym.Autoencoder.meanLoss_act` (D3.14): so is the mean reconstruction loss.
- `Sym.Autoencoder.linear_reconstruct_gl`, `Sym.Autoencoder.linear_weights_gl`,
  `Sym.Autoencoder.linear_meanLoss_gl` (P3.3.2).
- `Sym.Autoencoder.jac_actEncoder`, `Sym.Autoencoder.jac_actDecoder_linMap` (L3.3.4 for linear
  maps; the differentiable case is in the second part below).

## Jacobians of differentiable maps under a latent change of basis (paper section 3.3.4, L3.3.4)

Lemma L3.3.4 is about arbitrary differentiable encoders and decoders, not only linear ones. Core
Lean has no real numbers, so the derivative is defined by ε–δ over any ordered field `α` with the
max norm `‖v‖ = max i, |v i|` on `Vec n α`: the matrix `J` is the derivative of
`F : Vec n α → Vec m α` at `x` when for every `ε > 0` there is `δ > 0` with
`‖F y - F x - J (y - x)‖ ≤ ε ‖y - x‖` whenever `‖y - x‖ < δ`.

The key estimate is `‖M v‖ ≤ C ‖v‖` with `C` the largest row sum of `|M i j|`. From it: moving an
encoder by `K ∈ GL d` multiplies its derivative by `K` on the left, and moving a decoder by `K`
multiplies the derivative at the moved point `K f(x)` by `K⁻¹` on the right. The derivative is
unique (tested along `x + t e_j`), so "the Jacobian" is well defined and the laws are equations.
A linear map is its own derivative, so the linear statements of the first part
(`jac_actEncoder_linMap`, `jac_actDecoder_linMap`) are the special case of linear `f`, `g`.

### Main definitions
- `Sym.vecMaxNorm` (the max norm), `Sym.rowSumNorm` (the largest absolute row sum),
  `Sym.HasDerivAt` (L3.3.4: `J` is the derivative of `F` at `x`).

### Main statements
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

namespace Sym.Autoencoder

universe u v w x

/-- D3.12: the reconstruction map `r = g ∘ f` of an encoder `f : X → Z` and a decoder
`g : Z → Y`. -/
def reconstruct {X : Type u} {Z : Type v} {Y : Type w} (f : X → Z) (g : Z → Y) : X → Y :=
  fun a => g (f a)

section OneLayer

variable {α : Type u} [Lean.Grind.CommRing α]

/-- D3.13: one dense layer `x ↦ σ(W x + b)` from `ℝ^n` to `ℝ^m`, with `σ` applied entrywise;
the encoder is `layer σ_f W b_z`, the decoder `layer σ_g W' b_y`. -/
def layer {m n : Nat} (σ : α → α) (W : Mat m n α) (b : Vec m α) : Vec n α → Vec m α :=
  fun a => Vec.map σ (W * a + b)

/-- D3.13: the reconstruction of the one-layer autoencoder
`x ↦ σ_g(W' σ_f(W x + b_z) + b_y)`. -/
def oneLayerReconstruct {D d : Nat} (σf σg : α → α) (W : Mat d D α) (bz : Vec d α)
    (W' : Mat D d α) (bY : Vec D α) : Vec D α → Vec D α :=
  reconstruct (layer σf W bz) (layer σg W' bY)

/-- D3.13: the squared error `‖a - b‖² = ∑ i, (a i - b i)²` (the loss of the mean squared
error up to the factor `1/D`). -/
def sqDist {D : Nat} (a b : Vec D α) : α := finSum D (fun i => (a i - b i) * (a i - b i))

/-- A linear map `a ↦ M a` (a linear encoder or decoder without bias or activation). -/
def linMap {m n : Nat} (M : Mat m n α) : Vec n α → Vec m α := fun a => M * a

end OneLayer

/-- D3.13: the mean reconstruction loss `(1/N) ∑ k, L(x_k, r(x_k))` of a reconstruction map `r`
on a data set `x_0, …, x_{N-1}`, for a per-example loss `L`. -/
def meanLoss {α : Type u} [Lean.Grind.Field α] {X : Type v} (L : X → X → α) (r : X → X)
    (N : Nat) (data : Fin N → X) : α :=
  finSum N (fun k => L (data k) (r (data k))) / (OfNat.ofNat N : α)

section Action

variable {G : Type x} [Group G] {X : Type u} {Z : Type v} {Y : Type w}

/-- D3.14: the encoder moved by `k`: `f_k x = k · f x`. -/
def actEncoder (A : GroupAction G Z) (k : G) (f : X → Z) : X → Z := fun a => A.act k (f a)

/-- D3.14: the decoder moved by `k`: `g_k z = g (k⁻¹ · z)`. -/
def actDecoder (A : GroupAction G Z) (k : G) (g : Z → Y) : Z → Y := fun z => g (A.act k⁻¹ z)

/-- D3.14: for any group action on the latent space, moving an autoencoder by `k` keeps its
reconstruction: `g_k ∘ f_k = g ∘ f`. -/
theorem reconstruct_act (A : GroupAction G Z) (k : G) (f : X → Z) (g : Z → Y) :
    reconstruct (actEncoder A k f) (actDecoder A k g) = reconstruct f g := by
  funext a
  show g (A.act k⁻¹ (A.act k (f a))) = g (f a)
  rw [GroupAction.act_inv_act]

/-- D3.14: for any group action on the latent space, moving an autoencoder by `k` keeps its mean
reconstruction loss on every data set. -/
theorem meanLoss_act {α : Type u} [Lean.Grind.Field α] {X : Type v} {Z : Type w}
    (A : GroupAction G Z) (k : G) (f : X → Z) (g : Z → X) (L : X → X → α) (N : Nat)
    (data : Fin N → X) :
    meanLoss L (reconstruct (actEncoder A k f) (actDecoder A k g)) N data =
      meanLoss L (reconstruct f g) N data := by
  rw [reconstruct_act]

theorem group_mul_inv_rev (a b : G) : (a * b)⁻¹ = b⁻¹ * a⁻¹ := Group.mul_inv_rev a b

/-- D3.14: moving autoencoders `(f, g)` by `k` is itself a left action of `G` on pairs. -/
def aeAction (A : GroupAction G Z) : GroupAction G ((X → Z) × (Z → Y)) where
  act k p := (actEncoder A k p.1, actDecoder A k p.2)
  one_act p := by
    cases p with
    | mk f g =>
      show (actEncoder A 1 f, actDecoder A 1 g) = (f, g)
      have h1 : actEncoder A 1 f = f := by
        funext a
        exact A.one_act (f a)
      have h2 : actDecoder A 1 g = g := by
        funext z
        show g (A.act 1⁻¹ z) = g z
        rw [Group.inv_one, A.one_act]
      rw [h1, h2]
  mul_act k h p := by
    cases p with
    | mk f g =>
      show (actEncoder A (k * h) f, actDecoder A (k * h) g) =
        (actEncoder A k (actEncoder A h f), actDecoder A k (actDecoder A h g))
      have h1 : actEncoder A (k * h) f = actEncoder A k (actEncoder A h f) := by
        funext a
        exact A.mul_act k h (f a)
      have h2 : actDecoder A (k * h) g = actDecoder A k (actDecoder A h g) := by
        funext z
        show g (A.act (k * h)⁻¹ z) = g (A.act h⁻¹ (A.act k⁻¹ z))
        rw [Group.mul_inv_rev, A.mul_act]
      rw [h1, h2]

end Action

section Linear

variable {α : Type u} [Lean.Grind.CommRing α]

/-- The action of `GL d` on latent vectors, `K · z = K z`. -/
def glAction (d : Nat) : GroupAction (GL d α) (Vec d α) where
  act K z := K.val * z
  one_act z := Mat.one_mulVec z
  mul_act K H z := by
    show (K.val * H.val) * z = K.val * (H.val * z)
    rw [Mat.mulVec_mulVec]

/-- P3.3.2: moving a linear autoencoder by `K ∈ GL d` gives the linear autoencoder with weights
`K W` and `W' K⁻¹`. -/
theorem linear_act_eq {D d : Nat} (K : GL d α) (W : Mat d D α) (W' : Mat D d α) :
    actEncoder (glAction d) K (linMap W) = linMap (K.val * W) ∧
      actDecoder (glAction d) K (linMap W') = linMap (W' * K.inv) := by
  constructor
  · funext a
    show K.val * (W * a) = (K.val * W) * a
    rw [Mat.mulVec_mulVec]
  · funext z
    show W' * (K.inv * z) = (W' * K.inv) * z
    rw [Mat.mulVec_mulVec]

/-- P3.3.2: the weights of a linear autoencoder can be replaced by `K W` and `W' K⁻¹` for any
`K ∈ GL d` without changing the end-to-end matrix: `W' K⁻¹ K W = W' W`. -/
theorem linear_weights_gl {D d : Nat} (K : GL d α) (W : Mat d D α) (W' : Mat D d α) :
    W' * K.inv * (K.val * W) = W' * W := by
  rw [Mat.mul_assoc, ← Mat.mul_assoc K.inv, K.inv_val, Mat.one_mul]

/-- P3.3.2: the reconstruction of a linear autoencoder is invariant under `GL d`. -/
theorem linear_reconstruct_gl {D d : Nat} (K : GL d α) (W : Mat d D α) (W' : Mat D d α) :
    reconstruct (linMap (K.val * W)) (linMap (W' * K.inv)) = reconstruct (linMap W) (linMap W') := by
  have h := linear_act_eq K W W'
  rw [← h.1, ← h.2]
  exact reconstruct_act (glAction d) K (linMap W) (linMap W')

/-- P3.3.2: the mean reconstruction loss of a linear autoencoder is invariant under `GL d`, for
every per-example loss and data set. -/
theorem linear_meanLoss_gl {F : Type u} [Lean.Grind.Field F] {D d : Nat} (K : GL d F)
    (W : Mat d D F) (W' : Mat D d F) (L : Vec D F → Vec D F → F) (N : Nat)
    (data : Fin N → Vec D F) :
    meanLoss L (reconstruct (linMap (K.val * W)) (linMap (W' * K.inv))) N data =
      meanLoss L (reconstruct (linMap W) (linMap W')) N data := by
  rw [linear_reconstruct_gl]

/-- L3.3.4: the matrix of a map on the standard basis, `jac F i j = (F e_j) i`; for a linear map
this is its Jacobian at every point. -/
def jac {m n : Nat} (F : Vec n α → Vec m α) : Mat m n α :=
  fun i j => F (Vec.basis n j) i

/-- The Jacobian of the linear map `a ↦ M a` is `M`. -/
theorem jac_linMap {m n : Nat} (M : Mat m n α) : jac (linMap M) = M := by
  ext i j
  exact Mat.mulVec_basis M j i

/-- L3.3.4 (encoder, linear maps): the matrix on the standard basis satisfies
`jac (K f) = K (jac f)` for every map `f`, but `jac f` is the Jacobian of `f` only when `f` is
linear; the law for differentiable `f` is `Sym.hasDerivAt_actEncoder` (below). -/
theorem jac_actEncoder {D d : Nat} (K : GL d α) (f : Vec D α → Vec d α) :
    jac (actEncoder (glAction d) K f) = K.val * jac f := by
  ext i j
  rfl

/-- L3.3.4 (decoder): for a linear decoder `g z = W' z`, the moved decoder `g' = g ∘ K⁻¹` has
`J_{g'} = J_g K⁻¹`. -/
theorem jac_actDecoder_linMap {D d : Nat} (K : GL d α) (W' : Mat D d α) :
    jac (actDecoder (glAction d) K (linMap W')) = jac (linMap W') * K.inv := by
  rw [(linear_act_eq K (Mat.zero d D : Mat d D α) W').2, jac_linMap, jac_linMap]

/-- L3.3.4 (encoder, linear): for `f x = W x`, `J_{f'} = K W = K J_f`. -/
theorem jac_actEncoder_linMap {D d : Nat} (K : GL d α) (W : Mat d D α) :
    jac (actEncoder (glAction d) K (linMap W)) = K.val * jac (linMap W) := by
  rw [(linear_act_eq K W (Mat.zero D d : Mat D d α)).1, jac_linMap, jac_linMap]

end Linear

/-- The squared error of a vector against itself is zero. -/
example (a : Vec 3 Int) : sqDist a a = 0 := by
  unfold sqDist
  simp only [finSum_succ, finSum_zero]
  grind

end Sym.Autoencoder

end

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
