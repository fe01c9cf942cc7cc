module

public import Sym.Algebra.GL

/-!
# Autoencoders and their latent-space symmetries (paper sections 3.3.1–3.3.2, 3.3.4)

An autoencoder is an encoder `f : X → Z` followed by a decoder `g : Z → Y`; its reconstruction is
`g ∘ f`. A group acting on the latent space `Z` acts on autoencoders by `f ↦ k · f` and
`g ↦ g ∘ (k⁻¹ ·)`, and this never changes the reconstruction. For a linear autoencoder
(`f x = W x`, `g z = W' z`) the group is all of `GL d`, acting by `W ↦ K W`, `W' ↦ W' K⁻¹`.

## Main definitions
- `Sym.Autoencoder.reconstruct` (D3.12).
- `Sym.Autoencoder.layer`, `Sym.Autoencoder.oneLayerReconstruct`, `Sym.Autoencoder.sqDist`,
  `Sym.Autoencoder.meanLoss` (D3.13).
- `Sym.Autoencoder.actEncoder`, `Sym.Autoencoder.actDecoder`, `Sym.Autoencoder.aeAction`
  (D3.14), `Sym.Autoencoder.glAction` (the action of `GL d` on latent vectors).
- `Sym.Autoencoder.linMap` (a linear encoder or decoder), `Sym.Autoencoder.jac` (the matrix of a
  map on the standard basis: the Jacobian of a linear map).

## Main statements
- `Sym.Autoencoder.reconstruct_act` (D3.14): the reconstruction is invariant under any action.
- `Sym.Autoencoder.meanLoss_act` (D3.14): so is the mean reconstruction loss.
- `Sym.Autoencoder.linear_reconstruct_gl`, `Sym.Autoencoder.linear_weights_gl`,
  `Sym.Autoencoder.linear_meanLoss_gl` (P3.3.2).
- `Sym.Autoencoder.jac_actEncoder`, `Sym.Autoencoder.jac_actDecoder_linMap` (L3.3.4 for linear
  maps; the differentiable case is in `Sym.Autoencoder.Derivative`).
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
linear; the law for differentiable `f` is `Sym.hasDerivAt_actEncoder` (`Sym.Autoencoder.Derivative`). -/
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
