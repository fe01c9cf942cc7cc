module

public import Sym.Algebra.Perm

/-!
# Deep linear networks, their layer group and the image of the network map (paper section 3.1)

Deep linear networks and their layer group, then the image of the network map (R3.2b). The two
parts follow.

## Deep linear networks and their layer group (paper section 3.1)

A network with input width `n` and layer widths `ws = [n₁, …, n_L]` has parameters
`Sym.Net.Params α n ws`: a tuple `(W₁, (W₂, …))` with `Wᵢ : Mat nᵢ nᵢ₋₁` (first layer first).
Its map is the ordered product `Φ(W) = W_L ⋯ W₁` (`Sym.Net.map`). The hidden layers
`n₁, …, n_{L-1}` carry the layer group `Sym.Net.LayerGroup α ws`, a tuple of invertible
matrices `(K₁, (K₂, …))`, acting by `Wᵢ ↦ Kᵢ Wᵢ Kᵢ₋₁⁻¹` (`Sym.Net.act`).

### Main statements
- D3.1: `Sym.Net.Params`, `Sym.Net.map`.
- D3.4: `Sym.Net.act`.
- P3.3: `Sym.Net.LayerGroup.instGroup`, `Sym.Net.LayerGroup.isSubgroup_mem`.
- P3.5: `Sym.Net.act_one`, `Sym.Net.act_mul`, `Sym.Net.isGroupAction_act`.
- P3.6: `Sym.Net.map_act`.
- R3.2a: `Sym.Net.exists_map_eq` (any number of layers), `Sym.Net.exists_map_eq_two_layers`.
- R3.2b: `Sym.Net.exists_factor_minWidth` (`Φ(W)` factors through the narrowest layer).
- R3.2c: `Sym.Net.exists_ne_map_eq`, `Sym.Net.exists_ne_map_eq_of_ne_zero`.

## The image of the network map (paper section 3.1)

For a linear network with input width `n₀` and at least one layer, of widths `n₁, …, n_L`, let
`r = min(n₀, n₁, …, n_L)` (`Sym.Net.minWidth`). The matrices `Φ(W)` are exactly the products
`B C` with `B : Mat n_L r` and `C : Mat r n₀`, i.e. the matrices of rank at most `r`: every such
product is reached (the hidden layers pass `r` coordinates through), and no `Φ(W)` leaves the set
(`Sym.Net.exists_factor_minWidth`). Without any layer the image is `{I}`, which is why one
layer is required.

### Main statements
- R3.2b: `Sym.Net.exists_map_eq_of_factor` (reached), `Sym.Net.exists_map_eq_iff_factor`
  (both directions); `Sym.Net.map_passParams` (the witness: the pass-through parameters
  `Sym.Net.passParams`), `Sym.Net.allAtLeast_minWidth` (every width is at least `r`).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

namespace Mat

variable {α : Type u} [Lean.Grind.CommRing α]

/-- The rectangular identity: entry `(i, j)` is `1` when `i` and `j` are the same number. -/
def rectId (m n : Nat) : Mat m n α := fun i j => if i.val = j.val then 1 else 0

@[simp] theorem rectId_apply (m n : Nat) (i : Fin m) (j : Fin n) :
    (rectId m n : Mat m n α) i j = if i.val = j.val then 1 else 0 := rfl

/-- For `a ≤ b`, the rectangular identities `a × b` and `b × a` multiply to `I_a`. -/
theorem rectId_mul_rectId {a b : Nat} (h : a ≤ b) :
    (rectId a b : Mat a b α) * (rectId b a : Mat b a α) = one a := by
  ext i j
  simp only [mul_apply, rectId_apply, one_apply]
  rw [finSum_eq_single _ ⟨i.val, by omega⟩ (fun k hk => by
    have : i.val ≠ k.val := fun e => hk (Fin.ext e.symm)
    simp [this])]
  simp only [Fin.ext_iff]
  split <;> simp_all

end Mat

namespace Net

variable {α : Type u} [Lean.Grind.CommRing α]

/-- The output width of a network with input width `n` and layer widths `ws` (the last width). -/
def outWidth : Nat → List Nat → Nat
  | n, [] => n
  | _, m :: ws => outWidth m ws

/-- D3.1: parameters of a linear network with input width `n` and layer widths `ws`:
a tuple `(W₁, (W₂, …, ()))` with `Wᵢ : Mat nᵢ nᵢ₋₁`, first layer first. -/
def Params (α : Type u) [Lean.Grind.CommRing α] : Nat → List Nat → Type u
  | _, [] => PUnit
  | n, m :: ws => Mat m n α × Params α m ws

/-- D3.1: the network map `Φ(W) = W_L ⋯ W₂ W₁` (the identity for a network without layers). -/
def map {n : Nat} {ws : List Nat} (p : Params α n ws) : Mat (outWidth n ws) n α :=
  match ws, p with
  | [], _ => Mat.one n
  | _ :: _, p => map p.2 * p.1

/-- The layer group of a network with layer widths `ws`: one invertible matrix for each hidden
layer (all widths of `ws` but the last), first hidden layer first. -/
def LayerGroup (α : Type u) [Lean.Grind.CommRing α] : List Nat → Type u
  | [] => PUnit
  | [_] => PUnit
  | m :: m' :: ws => GL m α × LayerGroup α (m' :: ws)

/-- The componentwise group structure on `LayerGroup α ws`. -/
def LayerGroup.group : (ws : List Nat) → Group (LayerGroup α ws)
  | [] => Group.punit
  | [_] => Group.punit
  | m :: m' :: ws => @Group.prod (GL m α) (LayerGroup α (m' :: ws)) _ (LayerGroup.group (m' :: ws))

/-- P3.3: the product `G₁ × ⋯ × G_{L-1}` of the hidden layers' groups, with componentwise
multiplication, is a group. -/
instance LayerGroup.instGroup (ws : List Nat) : Group (LayerGroup α ws) := LayerGroup.group ws

namespace LayerGroup

variable {m m' : Nat} {ws : List Nat}

@[simp] theorem mul_fst (K H : LayerGroup α (m :: m' :: ws)) :
    (K * H).1 = (K.1 * H.1 : GL m α) := rfl
@[simp] theorem mul_snd (K H : LayerGroup α (m :: m' :: ws)) :
    (K * H).2 = (K.2 * H.2 : LayerGroup α (m' :: ws)) := rfl
@[simp] theorem one_fst : (1 : LayerGroup α (m :: m' :: ws)).1 = (1 : GL m α) := rfl
@[simp] theorem one_snd : (1 : LayerGroup α (m :: m' :: ws)).2 = (1 : LayerGroup α (m' :: ws)) := rfl
@[simp] theorem inv_fst (K : LayerGroup α (m :: m' :: ws)) : (K⁻¹).1 = (K.1⁻¹ : GL m α) := rfl
@[simp] theorem inv_snd (K : LayerGroup α (m :: m' :: ws)) :
    (K⁻¹).2 = (K.2⁻¹ : LayerGroup α (m' :: ws)) := rfl

/-- Membership in `G₁ × ⋯ × G_{L-1}` for a family of subsets `S i m` of `GL m`, where `i` is
the position of a hidden layer (the hidden layers from the `i`-th on). -/
def memFrom (S : Nat → (m : Nat) → GL m α → Prop) : Nat → (ws : List Nat) → LayerGroup α ws → Prop
  | _, [], _ => True
  | _, [_], _ => True
  | i, _ :: _ :: ws, K => S i _ K.1 ∧ memFrom S (i + 1) (_ :: ws) K.2

/-- `K ∈ G₁ × ⋯ × G_{L-1}`: the matrix `Kᵢ` of the `i`-th hidden layer lies in `S i nᵢ`
(hidden layers numbered from `1`). -/
def Mem (S : Nat → (m : Nat) → GL m α → Prop) {ws : List Nat} (K : LayerGroup α ws) : Prop :=
  memFrom S 1 ws K

/-- Every hidden layer's matrix satisfies `P` (a condition that depends only on the width). -/
def Forall (P : (m : Nat) → GL m α → Prop) : (ws : List Nat) → LayerGroup α ws → Prop
  | [], _ => True
  | [_], _ => True
  | _ :: _ :: ws, K => P _ K.1 ∧ Forall P (_ :: ws) K.2

theorem isSubgroup_memFrom (S : Nat → (m : Nat) → GL m α → Prop)
    (hS : ∀ (i m : Nat), IsSubgroup (S i m)) :
    ∀ (ws : List Nat) (i : Nat), IsSubgroup (memFrom S i ws)
  | [], _ => ⟨trivial, fun _ _ _ _ => trivial, fun _ _ => trivial⟩
  | [_], _ => ⟨trivial, fun _ _ _ _ => trivial, fun _ _ => trivial⟩
  | m :: m' :: ws, i => by
    have ih := isSubgroup_memFrom S hS (m' :: ws) (i + 1)
    refine ⟨⟨(hS i m).one_mem, ih.one_mem⟩, fun a b ha hb => ⟨?_, ?_⟩, fun a ha => ⟨?_, ?_⟩⟩
    · exact (hS i m).mul_mem _ _ ha.1 hb.1
    · exact ih.mul_mem _ _ ha.2 hb.2
    · exact (hS i m).inv_mem _ ha.1
    · exact ih.inv_mem _ ha.2

/-- P3.3: for subgroups `Gᵢ = S i nᵢ` of `GL nᵢ`, the product `G₁ × ⋯ × G_{L-1}` is a subgroup of
the layer group (hence a group under componentwise multiplication, by `IsSubgroup.group`). -/
theorem isSubgroup_mem (S : Nat → (m : Nat) → GL m α → Prop)
    (hS : ∀ (i m : Nat), IsSubgroup (S i m)) (ws : List Nat) :
    IsSubgroup (Mem S : LayerGroup α ws → Prop) :=
  isSubgroup_memFrom S hS ws 1

end LayerGroup

/-- The layer action with an extra right factor `Kin` on the first layer (the inverse of the
matrix of the layer before): `W₁ ↦ K₁ W₁ Kin`, `Wᵢ ↦ Kᵢ Wᵢ Kᵢ₋₁⁻¹`, `W_L ↦ W_L K_{L-1}⁻¹`. -/
def actAux {n : Nat} {ws : List Nat} (Kin : Mat n n α) (K : LayerGroup α ws) (p : Params α n ws) :
    Params α n ws :=
  match ws, K, p with
  | [], _, p => p
  | [_], _, p => (p.1 * Kin, p.2)
  | _ :: _ :: _, K, p => (K.1.val * p.1 * Kin, actAux K.1.inv K.2 p.2)

/-- D3.4: the layer action `K · W = (K₁ W₁, K₂ W₂ K₁⁻¹, …, W_L K_{L-1}⁻¹)`. -/
def act {n : Nat} {ws : List Nat} (K : LayerGroup α ws) (p : Params α n ws) : Params α n ws :=
  actAux (Mat.one n) K p

theorem map_actAux : ∀ {n m : Nat} {ws : List Nat} (Kin : Mat n n α) (K : LayerGroup α (m :: ws))
    (p : Params α n (m :: ws)), map (actAux Kin K p) = map p * Kin
  | _, _, [], Kin, _, p => by
    show map p.2 * (p.1 * Kin) = map p.2 * p.1 * Kin
    rw [Mat.mul_assoc]
  | _, _, _ :: _, Kin, K, p => by
    show map (actAux K.1.inv K.2 p.2) * (K.1.val * p.1 * Kin) = map p.2 * p.1 * Kin
    rw [map_actAux, Mat.mul_assoc, ← Mat.mul_assoc K.1.inv, ← Mat.mul_assoc K.1.inv,
      K.1.inv_val, Mat.one_mul, Mat.mul_assoc]

/-- P3.6: the network map is invariant under the layer action: `Φ(K · W) = Φ(W)`. -/
theorem map_act {n : Nat} {ws : List Nat} (K : LayerGroup α ws) (p : Params α n ws) :
    map (act K p) = map p := by
  cases ws with
  | nil => rfl
  | cons m ws => rw [act, map_actAux, Mat.mul_one]

theorem actAux_one : ∀ {n : Nat} {ws : List Nat} (p : Params α n ws),
    actAux (Mat.one n) (1 : LayerGroup α ws) p = p
  | _, [], _ => rfl
  | _, [_], p => by
    show ((p.1 * Mat.one _, p.2) : Params α _ [_]) = p
    rw [Mat.mul_one]; rfl
  | _, _ :: _ :: _, p => by
    show ((Mat.one _ * p.1 * Mat.one _, actAux (Mat.one _) 1 p.2) : Params α _ (_ :: _ :: _)) = p
    rw [actAux_one, Mat.one_mul, Mat.mul_one]; rfl

theorem actAux_mul : ∀ {n : Nat} {ws : List Nat} (A B : Mat n n α) (K H : LayerGroup α ws)
    (p : Params α n ws), actAux (B * A) (K * H) p = actAux A K (actAux B H p)
  | _, [], _, _, _, _, _ => rfl
  | _, [_], A, B, _, _, p => by
    show ((p.1 * (B * A), p.2) : Params α _ [_]) = (p.1 * B * A, p.2)
    rw [Mat.mul_assoc]
  | _, _ :: _ :: _, A, B, K, H, p => by
    show (((K.1.val * H.1.val) * p.1 * (B * A), actAux (H.1.inv * K.1.inv) (K.2 * H.2) p.2) :
        Params α _ (_ :: _ :: _)) =
      (K.1.val * (H.1.val * p.1 * B) * A, actAux K.1.inv K.2 (actAux H.1.inv H.2 p.2))
    rw [actAux_mul]
    simp only [Mat.mul_assoc]

/-- P3.5: the identity of the layer group acts trivially: `e · W = W`. -/
theorem act_one {n : Nat} {ws : List Nat} (p : Params α n ws) :
    act (1 : LayerGroup α ws) p = p := actAux_one p

/-- P3.5: the layer action is compatible with the product: `(K H) · W = K · (H · W)`. -/
theorem act_mul {n : Nat} {ws : List Nat} (K H : LayerGroup α ws) (p : Params α n ws) :
    act (K * H) p = act K (act H p) := by
  unfold act
  rw [← actAux_mul, Mat.one_mul]

/-- P3.5: the layer action is a left group action of the layer group on the parameters. -/
theorem isGroupAction_act (n : Nat) (ws : List Nat) :
    IsGroupAction (act : LayerGroup α ws → Params α n ws → Params α n ws) :=
  ⟨act_one, act_mul⟩

/-- The layer action, bundled as a `GroupAction`. -/
def layerAction (α : Type u) [Lean.Grind.CommRing α] (n : Nat) (ws : List Nat) :
    GroupAction (LayerGroup α ws) (Params α n ws) :=
  GroupAction.ofIsGroupAction (isGroupAction_act n ws)

/-- R3.2a (two layers): if the hidden width `m` is at least `min(n, k)`, every `k × n` matrix is
the map `W₂ W₁` of a two-layer linear network with widths `n → m → k`. -/
theorem exists_map_eq_two_layers {n m k : Nat} (A : Mat k n α) (h : n ≤ m ∨ k ≤ m) :
    ∃ p : Params α n [m, k], map p = A := by
  cases h with
  | inl h =>
    refine ⟨((Mat.rectId m n : Mat m n α), A * (Mat.rectId n m : Mat n m α), PUnit.unit), ?_⟩
    show (Mat.one k : Mat k k α) * (A * (Mat.rectId n m : Mat n m α)) * (Mat.rectId m n : Mat m n α) = A
    rw [Mat.one_mul, Mat.mul_assoc, Mat.rectId_mul_rectId h, Mat.mul_one]
  | inr h =>
    refine ⟨((Mat.rectId m k : Mat m k α) * A, (Mat.rectId k m : Mat k m α), PUnit.unit), ?_⟩
    show (Mat.one k : Mat k k α) * (Mat.rectId k m : Mat k m α) * ((Mat.rectId m k : Mat m k α) * A) = A
    rw [Mat.one_mul, ← Mat.mul_assoc, Mat.rectId_mul_rectId h, Mat.one_mul]

/-- Every width in the list `ws` is at least `r`. -/
def AllAtLeast (r : Nat) : List Nat → Prop
  | [] => True
  | x :: xs => r ≤ x ∧ AllAtLeast r xs

/-- A product `B C` through a bottleneck of width `r` is the map of a network whose layer widths
are all at least `r`: the hidden layers pass the `r` coordinates through. -/
theorem exists_map_eq_mul : ∀ {n m : Nat} {ws : List Nat} (r : Nat) (B : Mat (outWidth m ws) r α)
    (C : Mat r n α), AllAtLeast r (m :: ws) → ∃ p : Params α n (m :: ws), map p = B * C
  | _, _, [], _, B, C, _ => ⟨(B * C, PUnit.unit), by
      show Mat.one _ * (B * C) = B * C
      rw [Mat.one_mul]⟩
  | _, m, m' :: ws', r, B, C, h => by
    obtain ⟨p', hp'⟩ := exists_map_eq_mul (n := m) (m := m') (ws := ws') r B (Mat.rectId r m) h.2
    refine ⟨((Mat.rectId m r : Mat m r α) * C, p'), ?_⟩
    show map p' * ((Mat.rectId m r : Mat m r α) * C) = B * C
    rw [hp', Mat.mul_assoc, ← Mat.mul_assoc (Mat.rectId r m), Mat.rectId_mul_rectId h.1,
      Mat.one_mul]

/-- R3.2a (any number of layers): if every layer width is at least `min(n₀, n_L)`, every
`n_L × n₀` matrix is the map `Φ(W)` of some parameters. -/
theorem exists_map_eq {n m : Nat} {ws : List Nat} (A : Mat (outWidth m ws) n α)
    (h : AllAtLeast (min n (outWidth m ws)) (m :: ws)) : ∃ p : Params α n (m :: ws), map p = A := by
  by_cases hnk : n ≤ outWidth m ws
  · have hr : n ≤ min n (outWidth m ws) := by omega
    obtain ⟨p, hp⟩ := exists_map_eq_mul (min n (outWidth m ws))
      (A * (Mat.rectId n (min n (outWidth m ws)) : Mat n _ α))
      (Mat.rectId (min n (outWidth m ws)) n) h
    exact ⟨p, by rw [hp, Mat.mul_assoc, Mat.rectId_mul_rectId hr, Mat.mul_one]⟩
  · have hr : outWidth m ws ≤ min n (outWidth m ws) := by omega
    obtain ⟨p, hp⟩ := exists_map_eq_mul (min n (outWidth m ws))
      (Mat.rectId (outWidth m ws) (min n (outWidth m ws)))
      ((Mat.rectId (min n (outWidth m ws)) (outWidth m ws) : Mat _ (outWidth m ws) α) * A) h
    exact ⟨p, by rw [hp, ← Mat.mul_assoc, Mat.rectId_mul_rectId hr, Mat.one_mul]⟩

/-- The smallest width among the input width `n` and the layer widths `ws`. -/
def minWidth : Nat → List Nat → Nat
  | n, [] => n
  | n, m :: ws => min n (minWidth m ws)

/-- R3.2b (as a factorization): `Φ(W)` factors through the narrowest layer,
`Φ(W) = B C` with `C : Mat r n₀` and `r = min_i nᵢ`; hence `rank Φ(W) ≤ min_i nᵢ`. -/
theorem exists_factor_minWidth : ∀ {n : Nat} {ws : List Nat} (p : Params α n ws),
    ∃ (B : Mat (outWidth n ws) (minWidth n ws) α) (C : Mat (minWidth n ws) n α), map p = B * C
  | n, [], _ => ⟨Mat.one n, Mat.one n, by
      show (Mat.one n : Mat n n α) = Mat.one n * Mat.one n
      rw [Mat.one_mul]⟩
  | n, m :: ws, p => by
    obtain ⟨B', C', h'⟩ := exists_factor_minWidth (n := m) (ws := ws) p.2
    show ∃ (B : Mat (outWidth m ws) (min n (minWidth m ws)) α)
      (C : Mat (min n (minWidth m ws)) n α), map p.2 * p.1 = B * C
    by_cases hr : minWidth m ws ≤ n
    · have hle : minWidth m ws ≤ min n (minWidth m ws) := by omega
      refine ⟨B' * (Mat.rectId (minWidth m ws) (min n (minWidth m ws)) : Mat _ _ α),
        (Mat.rectId (min n (minWidth m ws)) (minWidth m ws) : Mat _ _ α) * C' * p.1, ?_⟩
      rw [h']
      simp only [Mat.mul_assoc]
      rw [← Mat.mul_assoc (Mat.rectId (minWidth m ws) _), Mat.rectId_mul_rectId hle, Mat.one_mul]
    · have hle : n ≤ min n (minWidth m ws) := by omega
      refine ⟨map p.2 * p.1 * (Mat.rectId n (min n (minWidth m ws)) : Mat _ _ α),
        Mat.rectId (min n (minWidth m ws)) n, ?_⟩
      rw [Mat.mul_assoc (map p.2 * p.1), Mat.rectId_mul_rectId hle, Mat.mul_one]

end Net

namespace Net

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- R3.2c: `Φ` is not injective once there is a hidden layer and the first layer is nonzero:
`K = (2I, I, …, I)` moves the parameters but keeps the network map (P3.6). -/
theorem exists_ne_map_eq {n m m' : Nat} {ws : List Nat} (p : Params α n (m :: m' :: ws))
    (hp : p.1 ≠ Mat.zero m n) : ∃ q : Params α n (m :: m' :: ws), q ≠ p ∧ map q = map p := by
  have h2 : (2 : α) * (1 / 2) = 1 := by grind
  let K : LayerGroup α (m :: m' :: ws) := (GL.scalar m 2 (1 / 2) h2, 1)
  refine ⟨act K p, ?_, map_act K p⟩
  intro h
  apply hp
  have h1 : (act K p).1 = p.1 := by rw [h]
  have h3 : (act K p).1 = (Mat.scalar m 2 : Mat m m α) * p.1 * (Mat.one n : Mat n n α) := rfl
  rw [h3, Mat.mul_one, Mat.scalar_mul] at h1
  ext i j
  have := congrFun (congrFun h1 i) j
  simp only [Mat.smul_apply] at this
  simp only [Mat.zero_apply]
  grind

/-- With two layers, `K = 2I` on the hidden layer also moves a nonzero last layer
(`W₂ ↦ W₂ / 2`) and keeps the map. -/
theorem exists_ne_map_eq_of_last {n m m' : Nat} (p : Params α n [m, m'])
    (hp : p.2.1 ≠ Mat.zero m' m) : ∃ q : Params α n [m, m'], q ≠ p ∧ map q = map p := by
  have h2 : (2 : α) * (1 / 2) = 1 := by grind
  let K : LayerGroup α [m, m'] := (GL.scalar m 2 (1 / 2) h2, PUnit.unit)
  refine ⟨act K p, ?_, map_act K p⟩
  intro h
  apply hp
  have h1 : (act K p).2.1 = p.2.1 := by rw [h]
  have h3 : (act K p).2.1 = p.2.1 * (Mat.scalar m (1 / 2) : Mat m m α) := rfl
  rw [h3, Mat.mul_scalar] at h1
  ext i j
  have := congrFun (congrFun h1 i) j
  simp only [Mat.smul_apply] at this
  simp only [Mat.zero_apply]
  grind

/-- The parameters whose layers are all zero matrices. -/
def zeroParams (n : Nat) (ws : List Nat) : Params α n ws :=
  match ws with
  | [] => PUnit.unit
  | m :: ws => (Mat.zero m n, zeroParams m ws)

/-- R3.2c (general form): with at least one hidden layer, any parameters with a nonzero layer
(`W ≠ 0`) share their network map with different parameters, so `Φ` is not injective. -/
theorem exists_ne_map_eq_of_ne_zero : ∀ {n m m' : Nat} {ws : List Nat}
    (p : Params α n (m :: m' :: ws)), p ≠ zeroParams n (m :: m' :: ws) →
    ∃ q : Params α n (m :: m' :: ws), q ≠ p ∧ map q = map p
  | n, m, m', [], p, hp => by
    by_cases h1 : p.1 = Mat.zero m n
    · by_cases h2 : p.2.1 = Mat.zero m' m
      · exfalso
        apply hp
        show p = (Mat.zero m n, (Mat.zero m' m, PUnit.unit))
        exact Prod.ext h1 (Prod.ext h2 rfl)
      · exact exists_ne_map_eq_of_last p h2
    · exact exists_ne_map_eq p h1
  | n, m, m', m'' :: ws', p, hp => by
    by_cases h1 : p.1 = Mat.zero m n
    · have h2 : p.2 ≠ zeroParams m (m' :: m'' :: ws') := fun h => hp (Prod.ext h1 h)
      obtain ⟨q', hq', hmap⟩ := exists_ne_map_eq_of_ne_zero (n := m) (m := m') (m' := m'')
        (ws := ws') p.2 h2
      refine ⟨(p.1, q'), fun e => hq' (congrArg Prod.snd e), ?_⟩
      show map q' * p.1 = map p.2 * p.1
      rw [hmap]
    · exact exists_ne_map_eq p h1

end Net

end Sym

end

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

namespace Net

variable {α : Type u} [Lean.Grind.CommRing α]

/-- A lower bound of every width in `ws` stays one when it decreases. -/
theorem allAtLeast_of_le {r s : Nat} : ∀ {ws : List Nat}, r ≤ s → AllAtLeast s ws → AllAtLeast r ws
  | [], _, _ => trivial
  | _ :: _, h, hw => ⟨Nat.le_trans h hw.1, allAtLeast_of_le h hw.2⟩

/-- The narrowest width is at most the input width. -/
theorem minWidth_le : ∀ (n : Nat) (ws : List Nat), minWidth n ws ≤ n
  | _, [] => Nat.le_refl _
  | _, _ :: _ => Nat.min_le_left _ _

/-- R3.2b: every layer width is at least the narrowest width `r = min(n₀, n₁, …, n_L)`. -/
theorem allAtLeast_minWidth : ∀ (n : Nat) (ws : List Nat), AllAtLeast (minWidth n ws) ws
  | _, [] => trivial
  | _, m :: ws => ⟨Nat.le_trans (Nat.min_le_right _ _) (minWidth_le m ws),
      allAtLeast_of_le (Nat.min_le_right _ _) (allAtLeast_minWidth m ws)⟩

/-- The parameters that pass `r` coordinates through: `W₁ = rectId n₁ r * C`, then rectangular
identities, and `B` in the last layer (`B C` itself for a single layer). -/
def passParams {n : Nat} : (m : Nat) → (ws : List Nat) → (r : Nat) → Mat (outWidth m ws) r α →
    Mat r n α → Params α n (m :: ws)
  | _, [], _, B, C => (B * C, PUnit.unit)
  | m, m' :: ws, r, B, C => ((Mat.rectId m r : Mat m r α) * C, passParams m' ws r B (Mat.rectId r m))

theorem map_passParams_of_allAtLeast : ∀ {n m : Nat} {ws : List Nat} (r : Nat)
    (B : Mat (outWidth m ws) r α) (C : Mat r n α), AllAtLeast r (m :: ws) →
    map (passParams m ws r B C) = B * C
  | _, _, [], _, B, C, _ => by
      show Mat.one _ * (B * C) = B * C
      rw [Mat.one_mul]
  | _, m, m' :: ws', r, B, C, h => by
    show map (passParams (n := m) m' ws' r B (Mat.rectId r m)) *
      ((Mat.rectId m r : Mat m r α) * C) = B * C
    rw [map_passParams_of_allAtLeast (n := m) (m := m') (ws := ws') r B (Mat.rectId r m) h.2,
      Mat.mul_assoc,
      ← Mat.mul_assoc (Mat.rectId r m), Mat.rectId_mul_rectId h.1, Mat.one_mul]

/-- R3.2b (reached, the witness): for a network with at least one layer, the pass-through
parameters `passParams m ws r B C` with `r = min(n₀, n₁, …, n_L)` have the map `B C`. -/
theorem map_passParams {n m : Nat} {ws : List Nat}
    (B : Mat (outWidth m ws) (minWidth n (m :: ws)) α) (C : Mat (minWidth n (m :: ws)) n α) :
    map (passParams m ws (minWidth n (m :: ws)) B C) = B * C :=
  map_passParams_of_allAtLeast _ B C (allAtLeast_minWidth n (m :: ws))

/-- R3.2b (reached): for a network with at least one layer, every product `B C` through the
narrowest width `r = min(n₀, n₁, …, n_L)` (`B : Mat n_L r`, `C : Mat r n₀`) is `Φ(W)` for some
parameters `W`. -/
theorem exists_map_eq_of_factor {n m : Nat} {ws : List Nat}
    (B : Mat (outWidth m ws) (minWidth n (m :: ws)) α) (C : Mat (minWidth n (m :: ws)) n α) :
    ∃ p : Params α n (m :: ws), map p = B * C :=
  ⟨passParams m ws _ B C, map_passParams B C⟩

/-- R3.2b (both directions): for a network with at least one layer, a matrix `A : Mat n_L n₀` is
`Φ(W)` for some parameters `W` exactly when it factors as `A = B C` through the narrowest width
`r = min(n₀, n₁, …, n_L)`, i.e. exactly when `rank A ≤ r`. -/
theorem exists_map_eq_iff_factor {n m : Nat} {ws : List Nat} (A : Mat (outWidth m ws) n α) :
    (∃ p : Params α n (m :: ws), map p = A) ↔
      ∃ (B : Mat (outWidth m ws) (minWidth n (m :: ws)) α) (C : Mat (minWidth n (m :: ws)) n α),
        A = B * C := by
  constructor
  · intro ⟨p, hp⟩
    obtain ⟨B, C, h⟩ := exists_factor_minWidth p
    exact ⟨B, C, hp ▸ h⟩
  · intro ⟨B, C, h⟩
    obtain ⟨p, hp⟩ := exists_map_eq_of_factor (n := n) B C
    exact ⟨p, hp.trans h.symm⟩

end Net

end Sym

end
