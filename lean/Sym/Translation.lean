module

public import Sym.Algebra.GL

/-!
# Block-diagonal matrices, translation symmetry and regularization (paper section 3.2, Conjecture 3.11)

Block-diagonal matrices, then the translation symmetry built from them and Conjecture 3.11
(J3.11). The two parts follow.

## Block-diagonal matrices

Support for section 3.2 (block copies of a representation, used for J3.11 in every dimension).
`Sym.Mat.blockDiag A B` is the `(n + m)`-square matrix `[[A, 0], [0, B]]`; its rows and columns
are split with `Fin.castAdd` (the first `n`) and `Fin.natAdd` (the last `m`).

### Main statements
- `Sym.finSum_succ'`, `Sym.finSum_add_dim`: sums peeled from the end; a sum over `Fin (n + m)`.
- `Sym.Mat.blockDiag_mul_blockDiag`, `Sym.Mat.blockDiag_transpose`, `Sym.Mat.blockDiag_one`.
- `Sym.GL.blockDiag`, `Sym.GL.isOrthogonal_blockDiag`.

## Translation symmetry and regularization (paper section 3.2, Conjecture 3.11)

The paper conjectures that no regularization-induced subgroup of `GL n` realizes the discrete
translation group `(ℤ^d, +)` faithfully. This part proves the facts behind the refutation: the
rotation `R = [[3/5, -4/5], [4/5, 3/5]] ∈ O 2` has infinite order, so `k ↦ R^k` is a faithful
representation of `ℤ` inside `O 2` (block copies give `ℤ^d` inside `O (2d)`). The proof that
`R^k ≠ I` for `k ≠ 0`: `5^k R^k` has integer entries `[[a, -b], [b, a]]` with
`a + b i = (3 + 4 i)^k`, and `b ≡ 4 (mod 5)` for `k ≥ 1`.

The conjecture itself is stated through a regularizer (the residual group of a penalty) and
refuted with the L2 penalty in `Sym.Norm.Finite`; its true part (finite residual groups)
is in `Sym.Norm.Finite`. The statement here over every subgroup of `GL n`
(`Sym.TranslationConjecture`) is weaker than the paper's claim to refute (it includes groups no
regularizer leaves, such as `GL n` itself) and is kept only as a supporting lemma.

### Main statements
- J3.11 (supporting lemmas): `Sym.NoFaithfulTranslationRep`; `Sym.TranslationConjecture` (over
  every subgroup of `GL n`), refuted by `Sym.not_translationConjecture` and
  `Sym.exists_faithful_translationRep_orthogonal` (for `d = 1` in `O 2`); for every `d`,
  `Sym.not_translationConjecture_blocks` (block copies of the rotation in `O (2d)`) and
  `Sym.not_translationConjecture_shear` (unipotent matrices `I + N_v` in `GL (d+1)`).
- `Sym.rot_npow_ne_one`: `R^k ≠ I` for `k ≥ 1`.
- `Sym.Group.zpow_add`: integer powers in any group add.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.CommRing α]

/-- Peeling the last term off a sum. -/
theorem finSum_succ' (k : Nat) (f : Fin (k + 1) → α) :
    finSum (k + 1) f = finSum k (fun i => f i.castSucc) + f (Fin.last k) := by
  induction k with
  | zero => show f 0 + 0 = 0 + f 0; grind
  | succ k ih =>
    rw [finSum_succ, ih (fun i => f i.succ), finSum_succ]
    have h1 : f (Fin.last k).succ = f (Fin.last (k + 1)) := rfl
    have h2 : f (0 : Fin (k + 1)).castSucc = f 0 := rfl
    rw [h1, h2]
    have h3 : finSum k (fun i => f i.castSucc.succ) = finSum k (fun i => f i.succ.castSucc) := rfl
    rw [h3]
    grind

/-- A sum over `Fin (n + m)` splits into a sum over the first `n` and the last `m` indices. -/
theorem finSum_add_dim (n m : Nat) (f : Fin (n + m) → α) :
    finSum (n + m) f = finSum n (fun i => f (Fin.castAdd m i)) + finSum m (fun j => f (Fin.natAdd n j)) := by
  induction m with
  | zero => show finSum n f = finSum n (fun i => f (Fin.castAdd 0 i)) + 0; rw [ring_add_zero]; rfl
  | succ m ih =>
    show finSum (n + m + 1) f = _
    rw [finSum_succ' (n + m), ih (fun i => f i.castSucc), finSum_succ' m]
    have h1 : finSum n (fun i => f (Fin.castAdd m i).castSucc) = finSum n (fun i => f (Fin.castAdd (m + 1) i)) := rfl
    have h2 : finSum m (fun j => f (Fin.natAdd n j).castSucc) = finSum m (fun j => f (Fin.natAdd n j.castSucc)) := rfl
    have h3 : f (Fin.last (n + m)) = f (Fin.natAdd n (Fin.last m)) := rfl
    rw [h1, h2, h3]
    grind

namespace Mat

variable {n m : Nat}

/-- The block-diagonal matrix `[[A, 0], [0, B]]`. -/
def blockDiag (A : Mat n n α) (B : Mat m m α) : Mat (n + m) (n + m) α :=
  fun i j => Fin.addCases (motive := fun _ => α)
    (fun i' => Fin.addCases (motive := fun _ => α) (fun j' => A i' j') (fun _ => 0) j)
    (fun i' => Fin.addCases (motive := fun _ => α) (fun _ => 0) (fun j' => B i' j') j) i

@[simp] theorem blockDiag_ll (A : Mat n n α) (B : Mat m m α) (i j : Fin n) :
    blockDiag A B (Fin.castAdd m i) (Fin.castAdd m j) = A i j := by
  simp [blockDiag, Fin.addCases_left]
@[simp] theorem blockDiag_lr (A : Mat n n α) (B : Mat m m α) (i : Fin n) (j : Fin m) :
    blockDiag A B (Fin.castAdd m i) (Fin.natAdd n j) = 0 := by
  simp [blockDiag, Fin.addCases_left, Fin.addCases_right]
@[simp] theorem blockDiag_rl (A : Mat n n α) (B : Mat m m α) (i : Fin m) (j : Fin n) :
    blockDiag A B (Fin.natAdd n i) (Fin.castAdd m j) = 0 := by
  simp [blockDiag, Fin.addCases_left, Fin.addCases_right]
@[simp] theorem blockDiag_rr (A : Mat n n α) (B : Mat m m α) (i j : Fin m) :
    blockDiag A B (Fin.natAdd n i) (Fin.natAdd n j) = B i j := by
  simp [blockDiag, Fin.addCases_right]

theorem blockDiag_mul_blockDiag (A C : Mat n n α) (B D : Mat m m α) :
    blockDiag A B * blockDiag C D = blockDiag (A * C) (B * D) := by
  ext i k
  induction i using Fin.addCases <;> induction k using Fin.addCases <;>
    simp [Mat.mul_apply, finSum_add_dim]

theorem blockDiag_transpose (A : Mat n n α) (B : Mat m m α) :
    (blockDiag A B)ᵀ = blockDiag Aᵀ Bᵀ := by
  ext i k
  induction i using Fin.addCases <;> induction k using Fin.addCases <;> simp

theorem blockDiag_one : blockDiag (one n : Mat n n α) (one m) = one (n + m) := by
  ext i k
  induction i using Fin.addCases <;> induction k using Fin.addCases <;>
    simp [Fin.ext_iff] <;> omega

theorem blockDiag_inj {A C : Mat n n α} {B D : Mat m m α} (h : blockDiag A B = blockDiag C D) :
    A = C ∧ B = D := by
  constructor
  · ext i j
    have := congrFun (congrFun h (Fin.castAdd m i)) (Fin.castAdd m j)
    simpa using this
  · ext i j
    have := congrFun (congrFun h (Fin.natAdd n i)) (Fin.natAdd n j)
    simpa using this

end Mat

namespace GL

variable {n m : Nat}

/-- The block-diagonal invertible matrix `[[K, 0], [0, H]]`. -/
def blockDiag (K : GL n α) (H : GL m α) : GL (n + m) α where
  val := Mat.blockDiag K.val H.val
  inv := Mat.blockDiag K.inv H.inv
  val_inv := by rw [Mat.blockDiag_mul_blockDiag, K.val_inv, H.val_inv, Mat.blockDiag_one]
  inv_val := by rw [Mat.blockDiag_mul_blockDiag, K.inv_val, H.inv_val, Mat.blockDiag_one]

@[simp] theorem blockDiag_val (K : GL n α) (H : GL m α) :
    (blockDiag K H).val = Mat.blockDiag K.val H.val := rfl

theorem blockDiag_mul (K K' : GL n α) (H H' : GL m α) :
    blockDiag K H * blockDiag K' H' = blockDiag (K * K') (H * H') :=
  GL.ext (Mat.blockDiag_mul_blockDiag _ _ _ _)

theorem blockDiag_inj {K K' : GL n α} {H H' : GL m α} (h : blockDiag K H = blockDiag K' H') :
    K = K' ∧ H = H' := by
  have := Mat.blockDiag_inj (congrArg GL.val h)
  exact ⟨GL.ext this.1, GL.ext this.2⟩

theorem isOrthogonal_blockDiag {K : GL n α} {H : GL m α} (hK : IsOrthogonal K)
    (hH : IsOrthogonal H) : IsOrthogonal (blockDiag K H) := by
  show (Mat.blockDiag K.val H.val)ᵀ * Mat.blockDiag K.val H.val = Mat.one (n + m)
  rw [Mat.blockDiag_transpose, Mat.blockDiag_mul_blockDiag, hK, hH, Mat.blockDiag_one]

end GL

end Sym

end

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

namespace Group

variable {G : Type u} [Group G]

/-- Natural powers `g^k` in a group. -/
def npow (g : G) : Nat → G
  | 0 => 1
  | k + 1 => npow g k * g

/-- Integer powers `g^k` in a group: `g^(-(k+1)) = (g^(k+1))⁻¹`. -/
def zpow (g : G) : Int → G
  | Int.ofNat k => npow g k
  | Int.negSucc k => (npow g (k + 1))⁻¹

theorem npow_succ' (g : G) (k : Nat) : npow g (k + 1) = g * npow g k := by
  induction k with
  | zero => show (1 : G) * g = g * 1; rw [one_mul, mul_one]
  | succ k ih =>
    show npow g (k + 1) * g = g * npow g (k + 1)
    calc npow g (k + 1) * g = g * npow g k * g := by rw [ih]
      _ = g * (npow g k * g) := mul_assoc _ _ _
      _ = g * npow g (k + 1) := rfl

theorem zpow_zero (g : G) : zpow g 0 = 1 := rfl

theorem zpow_succ (g : G) (k : Int) : zpow g (k + 1) = zpow g k * g := by
  cases k with
  | ofNat m => rfl
  | negSucc m =>
    cases m with
    | zero =>
      show zpow g 0 = (1 * g)⁻¹ * g
      rw [one_mul, inv_mul_cancel]; rfl
    | succ m =>
      have e : Int.negSucc (m + 1) + 1 = Int.negSucc m := by omega
      rw [e]
      show (npow g (m + 1))⁻¹ = (npow g (m + 1 + 1))⁻¹ * g
      rw [npow_succ' g (m + 1), mul_inv_rev, mul_assoc, inv_mul_cancel, mul_one]

theorem zpow_pred (g : G) (k : Int) : zpow g (k - 1) = zpow g k * g⁻¹ := by
  have h := zpow_succ g (k - 1)
  rw [Int.sub_add_cancel] at h
  rw [h, mul_assoc, mul_inv_cancel, mul_one]

/-- Integer powers add: `g^(a + b) = g^a g^b`. -/
theorem zpow_add (g : G) (a b : Int) : zpow g (a + b) = zpow g a * zpow g b := by
  cases b with
  | ofNat m =>
    induction m with
    | zero => show zpow g (a + 0) = zpow g a * 1; rw [Int.add_zero, mul_one]
    | succ m ih =>
      have e' : Int.ofNat (m + 1) = Int.ofNat m + 1 := rfl
      rw [e', ← Int.add_assoc, zpow_succ, ih, zpow_succ, mul_assoc]
  | negSucc m =>
    induction m with
    | zero =>
      have e : a + Int.negSucc 0 = a - 1 := by omega
      rw [e, zpow_pred]
      show zpow g a * g⁻¹ = zpow g a * (1 * g)⁻¹
      rw [one_mul]
    | succ m ih =>
      have e : a + Int.negSucc (m + 1) = (a + Int.negSucc m) - 1 := by omega
      have e' : Int.negSucc (m + 1) = Int.negSucc m - 1 := by omega
      rw [e, zpow_pred, ih, e', zpow_pred, mul_assoc]

theorem zpow_neg_mul_self (g : G) (b : Int) : zpow g b * zpow g (-b) = 1 := by
  rw [← zpow_add, Int.add_right_neg]; rfl

/-- A subgroup contains all integer powers of its elements. -/
theorem zpow_mem {S : G → Prop} (hS : IsSubgroup S) (g : G) (hg : S g) (k : Int) :
    S (zpow g k) := by
  have hn : ∀ m, S (npow g m) := by
    intro m
    induction m with
    | zero => exact hS.one_mem
    | succ m ih => exact hS.mul_mem _ _ ih hg
  cases k with
  | ofNat m => exact hn m
  | negSucc m => exact hS.inv_mem _ (hn (m + 1))

end Group

/-- `ρ : ℤ^d → G` is a representation of the translation group: `ρ (v + w) = ρ v ρ w`. -/
def IsTranslationRep {G : Type u} [Group G] {d : Nat} (ρ : (Fin d → Int) → G) : Prop :=
  ∀ v w : Fin d → Int, ρ (fun i => v i + w i) = ρ v * ρ w

/-- `ρ` is faithful (injective). -/
def IsFaithful {X : Type} {G : Type u} (ρ : X → G) : Prop :=
  ∀ v w : X, ρ v = ρ w → v = w

/-- The subgroup `S` of `GL n` carries no faithful representation of `(ℤ^d, +)`. -/
def NoFaithfulTranslationRep {α : Type u} [Lean.Grind.CommRing α] {n : Nat}
    (S : GL n α → Prop) (d : Nat) : Prop :=
  ¬ ∃ ρ : (Fin d → Int) → GL n α, IsTranslationRep ρ ∧ IsFaithful ρ ∧ ∀ v, S (ρ v)

/-- J3.11 (supporting lemma, over every subgroup): no subgroup of `GL n` carries a faithful
representation of the translation group `(ℤ^d, +)`. This quantifies over more groups than the
paper's claim (which is about groups left by a regularizer, `Sym.RegularizerTranslationConjecture`),
so its refutation alone does not refute the paper. -/
def TranslationConjecture (α : Type u) [Lean.Grind.CommRing α] (n d : Nat) : Prop :=
  ∀ S : GL n α → Prop, IsSubgroup S → NoFaithfulTranslationRep S d

namespace Mat

variable {α : Type u} [Lean.Grind.CommRing α]

theorem fin2_cases (i : Fin 2) : i = 0 ∨ i = 1 := by
  rcases i with ⟨i, hi⟩
  have : i = 0 ∨ i = 1 := by omega
  rcases this with rfl | rfl
  · exact Or.inl rfl
  · exact Or.inr rfl

theorem of2_mul_of2 (a b c d e f g h : α) :
    of2 a b c d * of2 e f g h = of2 (a * e + b * g) (a * f + b * h) (c * e + d * g) (c * f + d * h) := by
  ext i j
  rcases fin2_cases i with rfl | rfl <;> rcases fin2_cases j with rfl | rfl <;>
    simp [of2, finSum_succ] <;> grind

theorem smul_of2 (s a b c d : α) : smul s (of2 a b c d) = of2 (s * a) (s * b) (s * c) (s * d) := by
  ext i j
  rcases fin2_cases i with rfl | rfl <;> rcases fin2_cases j with rfl | rfl <;> simp [of2]

theorem of2_transpose (a b c d : α) : (of2 a b c d)ᵀ = of2 a c b d := by
  ext i j
  rcases fin2_cases i with rfl | rfl <;> rcases fin2_cases j with rfl | rfl <;> simp [of2]

theorem one_eq_of2 : (one 2 : Mat 2 2 α) = of2 1 0 0 1 := by
  ext i j
  rcases fin2_cases i with rfl | rfl <;> rcases fin2_cases j with rfl | rfl <;> simp [of2]

end Mat

section Rotation

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- The rotation `R = [[3/5, -4/5], [4/5, 3/5]]` as an invertible matrix (inverse `Rᵀ`). -/
def rot : GL 2 α where
  val := Mat.of2 (3/5) (-4/5) (4/5) (3/5)
  inv := Mat.of2 (3/5) (4/5) (-4/5) (3/5)
  val_inv := by rw [Mat.of2_mul_of2, Mat.one_eq_of2]; congr 1 <;> grind
  inv_val := by rw [Mat.of2_mul_of2, Mat.one_eq_of2]; congr 1 <;> grind

@[simp] theorem rot_val : (rot : GL 2 α).val = Mat.of2 (3/5) (-4/5) (4/5) (3/5) := rfl

/-- `R` is orthogonal: `Rᵀ R = I`. -/
theorem isOrthogonal_rot : IsOrthogonal (rot : GL 2 α) := by
  show (Mat.of2 (3/5) (-4/5) (4/5) (3/5) : Mat 2 2 α)ᵀ * Mat.of2 (3/5) (-4/5) (4/5) (3/5) = Mat.one 2
  rw [Mat.of2_transpose, Mat.of2_mul_of2, Mat.one_eq_of2]; congr 1 <;> grind

/-- The integer pairs `(a_k, b_k)` with `a_k + b_k i = (3 + 4 i)^k`. -/
def rotSeq : Nat → Int × Int
  | 0 => (1, 0)
  | k + 1 => (3 * (rotSeq k).1 - 4 * (rotSeq k).2, 4 * (rotSeq k).1 + 3 * (rotSeq k).2)

/-- For `k ≥ 1`: `a_k ≡ 3` and `b_k ≡ 4 (mod 5)`. -/
theorem rotSeq_mod (k : Nat) : (rotSeq (k + 1)).1 % 5 = 3 ∧ (rotSeq (k + 1)).2 % 5 = 4 := by
  induction k with
  | zero => decide
  | succ k ih =>
    have e1 : (rotSeq (k + 1 + 1)).1 = 3 * (rotSeq (k + 1)).1 - 4 * (rotSeq (k + 1)).2 := rfl
    have e2 : (rotSeq (k + 1 + 1)).2 = 4 * (rotSeq (k + 1)).1 + 3 * (rotSeq (k + 1)).2 := rfl
    omega

/-- `5^k` in `α`. -/
def pow5 : Nat → α
  | 0 => 1
  | k + 1 => pow5 k * 5

attribute [local instance] Lean.Grind.Ring.intCast

/-- `5^k R^k = [[a_k, -b_k], [b_k, a_k]]`. -/
theorem smul_npow_rot (k : Nat) :
    Mat.smul (pow5 k) (Group.npow (rot : GL 2 α) k).val =
      Mat.of2 (Int.cast (rotSeq k).1) (-Int.cast (rotSeq k).2) (Int.cast (rotSeq k).2)
        (Int.cast (rotSeq k).1) := by
  induction k with
  | zero =>
    show Mat.smul (1 : α) (Mat.one 2 : Mat 2 2 α) = _
    have h0 : rotSeq 0 = (1, 0) := rfl
    rw [Mat.one_eq_of2, Mat.smul_of2, h0]
    congr 1 <;> grind
  | succ k ih =>
    show Mat.smul (pow5 k * 5 : α) ((Group.npow (rot : GL 2 α) k).val *
      (Mat.of2 (3/5) (-4/5) (4/5) (3/5) : Mat 2 2 α)) = _
    have e : Mat.smul (pow5 k * 5 : α) ((Group.npow (rot : GL 2 α) k).val *
        (Mat.of2 (3/5) (-4/5) (4/5) (3/5) : Mat 2 2 α)) =
        Mat.smul (pow5 k : α) (Group.npow (rot : GL 2 α) k).val * (Mat.of2 3 (-4) 4 3 : Mat 2 2 α) := by
      rw [Mat.smul_mul]
      ext i j
      rcases Mat.fin2_cases i with rfl | rfl <;> rcases Mat.fin2_cases j with rfl | rfl <;>
        simp [Mat.of2, finSum_succ] <;> grind
    have hs : rotSeq (k + 1) =
        (3 * (rotSeq k).1 - 4 * (rotSeq k).2, 4 * (rotSeq k).1 + 3 * (rotSeq k).2) := rfl
    rw [e, ih, Mat.of2_mul_of2, hs]
    congr 1 <;> grind

/-- `R^k ≠ I` for `k ≥ 1`. -/
theorem rot_npow_ne_one (k : Nat) : Group.npow (rot : GL 2 α) (k + 1) ≠ 1 := by
  intro h
  have e := smul_npow_rot (α := α) (k + 1)
  rw [h] at e
  have e10 := congrFun (congrFun e 1) 0
  simp [Mat.of2] at e10
  have hb : (Int.cast (rotSeq (k + 1)).2 : α) = 0 := e10.symm
  have := (Lean.Grind.IsCharP.intCast_eq_zero_iff (α := α) 0 _).mp hb
  have := (rotSeq_mod k).2
  omega

/-- `R^k ≠ I` for every integer `k ≠ 0`. -/
theorem rot_zpow_ne_one (k : Int) (hk : k ≠ 0) : Group.zpow (rot : GL 2 α) k ≠ 1 := by
  cases k with
  | ofNat m =>
    cases m with
    | zero => exact absurd rfl hk
    | succ m => exact rot_npow_ne_one m
  | negSucc m =>
    intro h
    apply rot_npow_ne_one (α := α) m
    have : (Group.npow (rot : GL 2 α) (m + 1))⁻¹⁻¹ = (1 : GL 2 α)⁻¹ := by
      rw [show (Group.npow (rot : GL 2 α) (m + 1))⁻¹ = 1 from h]
    rwa [Group.inv_inv, Group.inv_one] at this

/-- The representation `v ↦ R^(v 0)` of `ℤ^1` in `O 2`. -/
def rotRep (v : Fin 1 → Int) : GL 2 α := Group.zpow rot (v 0)

/-- J3.11 refuted: the orthogonal group `O 2` (the group left by L2 regularization) carries a
faithful representation of `(ℤ, +)`, namely `k ↦ R^k` with `R = [[3/5, -4/5], [4/5, 3/5]]`. -/
theorem exists_faithful_translationRep_orthogonal :
    ∃ ρ : (Fin 1 → Int) → GL 2 α, IsTranslationRep ρ ∧ IsFaithful ρ ∧ ∀ v, IsOrthogonal (ρ v) := by
  refine ⟨rotRep, fun v w => Group.zpow_add _ _ _, ?_, fun v =>
    Group.zpow_mem GL.isSubgroup_isOrthogonal _ isOrthogonal_rot _⟩
  intro v w h
  have h0 : v 0 = w 0 := by
    apply Classical.byContradiction
    intro hne
    have e : Group.zpow (rot : GL 2 α) (v 0 - w 0) = 1 := by
      rw [Int.sub_eq_add_neg, Group.zpow_add]
      have : Group.zpow (rot : GL 2 α) (v 0) = Group.zpow rot (w 0) := h
      rw [this, Group.zpow_neg_mul_self]
    exact rot_zpow_ne_one (v 0 - w 0) (by omega) e
  funext i
  have : i = 0 := by rcases i with ⟨i, hi⟩; apply Fin.ext; show i = 0; omega
  rw [this, h0]

/-- J3.11 (supporting lemma): the statement over every subgroup fails for `n = 2`, `d = 1`
(with `S = O 2`). -/
theorem not_translationConjecture : ¬ TranslationConjecture α 2 1 := by
  intro h
  exact h IsOrthogonal GL.isSubgroup_isOrthogonal exists_faithful_translationRep_orthogonal

/-- `k ↦ R^k` is injective on the integers. -/
theorem rot_zpow_injective (a b : Int) (h : Group.zpow (rot : GL 2 α) a = Group.zpow rot b) :
    a = b := by
  apply Classical.byContradiction
  intro hne
  have e : Group.zpow (rot : GL 2 α) (a - b) = 1 := by
    rw [Int.sub_eq_add_neg, Group.zpow_add, h, Group.zpow_neg_mul_self]
  exact rot_zpow_ne_one (a - b) (by omega) e

/-- Block copies of the rotation: `v ↦ diag(R^{v_0}, …, R^{v_{d-1}})`, a representation of
`ℤ^d` in `O (2d)`. -/
def rotBlockRep (d : Nat) (v : Fin d → Int) : GL (2 * d) α :=
  match d, v with
  | 0, _ => 1
  | d + 1, v => GL.blockDiag (rotBlockRep d (fun i => v i.castSucc)) (Group.zpow rot (v (Fin.last d)))

theorem rotBlockRep_add : ∀ (d : Nat) (v w : Fin d → Int),
    rotBlockRep d (fun i => v i + w i) = (rotBlockRep d v * rotBlockRep d w : GL (2 * d) α)
  | 0, _, _ => (Group.one_mul (1 : GL 0 α)).symm
  | d + 1, v, w => by
    show GL.blockDiag (rotBlockRep d (fun i => v i.castSucc + w i.castSucc))
        (Group.zpow rot (v (Fin.last d) + w (Fin.last d))) =
      GL.blockDiag (rotBlockRep d (fun i => v i.castSucc)) (Group.zpow rot (v (Fin.last d))) *
      GL.blockDiag (rotBlockRep d (fun i => w i.castSucc)) (Group.zpow rot (w (Fin.last d)))
    rw [GL.blockDiag_mul, rotBlockRep_add d, Group.zpow_add]

theorem rotBlockRep_injective : ∀ (d : Nat) (v w : Fin d → Int),
    (rotBlockRep d v : GL (2 * d) α) = rotBlockRep d w → v = w
  | 0, _, _, _ => funext fun i => i.elim0
  | d + 1, v, w, h => by
    have h' : GL.blockDiag (rotBlockRep d (fun i => v i.castSucc)) (Group.zpow rot (v (Fin.last d))) =
        (GL.blockDiag (rotBlockRep d (fun i => w i.castSucc)) (Group.zpow rot (w (Fin.last d))) :
          GL (2 * d + 2) α) := h
    obtain ⟨h1, h2⟩ := GL.blockDiag_inj h'
    have e1 := rotBlockRep_injective d _ _ h1
    have e2 := rot_zpow_injective _ _ h2
    funext i
    induction i using Fin.lastCases with
    | last => exact e2
    | cast i => exact congrFun e1 i

theorem isOrthogonal_rotBlockRep : ∀ (d : Nat) (v : Fin d → Int),
    IsOrthogonal (rotBlockRep d v : GL (2 * d) α)
  | 0, _ => GL.isSubgroup_isOrthogonal.one_mem
  | d + 1, v => GL.isOrthogonal_blockDiag (isOrthogonal_rotBlockRep d _)
      (Group.zpow_mem GL.isSubgroup_isOrthogonal _ isOrthogonal_rot _)

/-- J3.11 refuted in every dimension `d`: the orthogonal group `O (2d)` (the group left by L2
regularization) carries the faithful representation `v ↦ diag(R^{v_0}, …, R^{v_{d-1}})` of
`(ℤ^d, +)`. -/
theorem exists_faithful_translationRep_orthogonal_blocks (d : Nat) :
    ∃ ρ : (Fin d → Int) → GL (2 * d) α, IsTranslationRep ρ ∧ IsFaithful ρ ∧
      ∀ v, IsOrthogonal (ρ v) :=
  ⟨rotBlockRep d, rotBlockRep_add d, rotBlockRep_injective d, isOrthogonal_rotBlockRep d⟩

/-- J3.11 (supporting lemma): the statement over every subgroup fails for every `d` with
`n = 2d` (with `S = O (2d)`). -/
theorem not_translationConjecture_blocks (d : Nat) : ¬ TranslationConjecture α (2 * d) d := by
  intro h
  exact h IsOrthogonal GL.isSubgroup_isOrthogonal (exists_faithful_translationRep_orthogonal_blocks d)

end Rotation

section Shear

variable {α : Type u} [Lean.Grind.CommRing α] [Lean.Grind.IsCharP α 0]

attribute [local instance] Lean.Grind.Ring.intCast

/-- The `k`-th coordinate of `v : ℤ^d` (zero past the end). -/
def coord {d : Nat} (v : Fin d → Int) (k : Nat) : Int := if h : k < d then v ⟨k, h⟩ else 0

/-- The nilpotent part `N_v = Σ_i v_i E_{0, i+1}` (first row `(0, v_0, …, v_{d-1})`). -/
def shearPart {d : Nat} (v : Fin d → Int) : Mat (d + 1) (d + 1) α :=
  fun i j => if i.val = 0 ∧ 0 < j.val then Int.cast (coord v (j.val - 1)) else 0

theorem shearPart_mul_shearPart {d : Nat} (v w : Fin d → Int) :
    (shearPart v : Mat (d + 1) (d + 1) α) * (shearPart w : Mat (d + 1) (d + 1) α) =
      Mat.zero (d + 1) (d + 1) := by
  ext i k
  simp only [Mat.mul_apply, Mat.zero_apply]
  apply finSum_eq_zero
  intro j
  unfold shearPart
  by_cases hj : j.val = 0
  · have : ¬ (i.val = 0 ∧ 0 < j.val) := by omega
    rw [if_neg this]; simp
  · have : ¬ (j.val = 0 ∧ 0 < k.val) := by omega
    rw [if_neg this]; simp

theorem shearPart_add {d : Nat} (v w : Fin d → Int) :
    (shearPart v : Mat (d + 1) (d + 1) α) + shearPart w = shearPart (fun i => v i + w i) := by
  ext i j
  simp only [Mat.add_apply, shearPart, coord]
  split
  · split <;> grind
  · simp

/-- The unipotent matrix `I + N_v`; `v ↦ I + N_v` turns addition in `ℤ^d` into multiplication. -/
def shearMat {d : Nat} (v : Fin d → Int) : Mat (d + 1) (d + 1) α := Mat.one (d + 1) + shearPart v

theorem shearMat_mul {d : Nat} (v w : Fin d → Int) :
    (shearMat v : Mat (d + 1) (d + 1) α) * (shearMat w : Mat (d + 1) (d + 1) α) =
      shearMat (fun i => v i + w i) := by
  unfold shearMat
  rw [Mat.mul_add, Mat.add_mul, Mat.add_mul, Mat.one_mul, Mat.one_mul, Mat.mul_one,
    shearPart_mul_shearPart, ← shearPart_add]
  ext i j
  simp only [Mat.add_apply, Mat.zero_apply]
  grind

theorem shearMat_zero {d : Nat} : (shearMat (fun _ => 0) : Mat (d + 1) (d + 1) α) = Mat.one (d + 1) := by
  ext i j
  simp only [shearMat, Mat.add_apply, shearPart, coord]
  split
  · split <;> grind
  · simp

/-- `I + N_v` as an invertible matrix, with inverse `I + N_{-v}`. -/
def shearGL {d : Nat} (v : Fin d → Int) : GL (d + 1) α where
  val := shearMat v
  inv := shearMat (fun i => -v i)
  val_inv := by
    rw [shearMat_mul]
    have : (fun i => v i + -v i) = fun (_ : Fin d) => (0 : Int) := by funext i; omega
    rw [this, shearMat_zero]
  inv_val := by
    rw [shearMat_mul]
    have : (fun i => -v i + v i) = fun (_ : Fin d) => (0 : Int) := by funext i; omega
    rw [this, shearMat_zero]

/-- J3.11 (supporting lemma): `v ↦ I + N_v` is a faithful representation of `(ℤ^d, +)` in
`GL (d+1)`, for every `d`. -/
theorem exists_faithful_translationRep_shear (d : Nat) :
    ∃ ρ : (Fin d → Int) → GL (d + 1) α, IsTranslationRep ρ ∧ IsFaithful ρ := by
  refine ⟨shearGL, fun v w => GL.ext (shearMat_mul v w).symm, ?_⟩
  intro v w h
  funext i
  have e := congrFun (congrFun (congrArg GL.val h) ⟨0, by omega⟩) ⟨i.val + 1, by omega⟩
  simp only [shearGL, shearMat, Mat.add_apply, Mat.one_apply, shearPart, coord] at e
  have hi : i.val + 1 - 1 < d := by omega
  simp only [Nat.add_sub_cancel, i.isLt, dif_pos] at e
  simp at e
  have hz : (Int.cast (v i - w i) : α) = 0 := by grind
  have := (Lean.Grind.IsCharP.intCast_eq_zero_iff (α := α) 0 _).mp hz
  omega

/-- J3.11 (supporting lemma): the statement over every subgroup fails for every `d`: the
subgroup `GL (d+1)` itself (no regularizer's group) carries a faithful representation of
`(ℤ^d, +)`. -/
theorem not_translationConjecture_shear (d : Nat) : ¬ TranslationConjecture α (d + 1) d := by
  intro h
  obtain ⟨ρ, hρ, hf⟩ := exists_faithful_translationRep_shear (α := α) d
  exact h univ IsSubgroup.univ ⟨ρ, hρ, hf, fun _ => trivial⟩

end Shear

end Sym

end
