module

public import Sym.Translation
public import Sym.Norm.EntrywiseConverse
public import Sym.Norm.Frobenius

/-!
# Finite residual groups and Conjecture 3.11 through a regularizer (paper sections 3.2 and 3.3.4: J3.11, R3.22c)

Finite residual groups (R3.22c and the true part of J3.11), then Conjecture 3.11 stated for the
residual group of a regularizer and refuted. The two parts follow.

## Finite residual groups (paper sections 3.2 and 3.3.4: Conjecture 3.11, Remark 3.22c)

The true part of Conjecture 3.11: a residual group that is finite carries no faithful
representation of `(ℤ^d, +)` for `d ≥ 1`. If the matrices of a subgroup `S ⊆ GL n` lie in a list
of length `N`, two of `K^0, …, K^N` coincide (pigeonhole), so `K^m = I` for some `1 ≤ m ≤ N`;
then `ρ(m e_0) = ρ(e_0)^m = I = ρ(0)` and `ρ` is not injective. The signed permutation matrices
`B d` (the residual groups of the entrywise ℓ1 and ℓ∞ penalties) have entries in `{0, 1, -1}`, so
they lie in the list of all such matrices, of length `3^(d²)`.

Remark 3.22c for every size: `B (2 + d)` is a proper subgroup of `O (2 + d)` (the 3-4-5 rotation
in the first two coordinates, the identity on the others, is orthogonal and not a signed
permutation), `B (2 + d)` is finite while `O (2 + d)` is not (the powers of that rotation are all
different).

### Main definitions
- `Sym.HasAtMost`, `Sym.IsFinite`: finite subsets of `GL n`.
- `Sym.allFuns`: the list of all functions `Fin n → β` with values in a list.
- `Sym.rotEmbed`: `diag(R, I_d)` in `GL (2 + d)`.

### Main statements
- `Sym.list_pigeonhole`, `Sym.exists_npow_eq_one_of_hasAtMost` (finite order).
- `Sym.noFaithfulTranslationRep_of_hasAtMost`, `Sym.noFaithfulTranslationRep_of_isFinite`,
  `Sym.noFaithfulTranslationRep_residualGroup_of_isFinite` (J3.11, true part).
- `Sym.hasAtMost_isSignedPerm` (R3.22c, J3.11): `B d` has at most `3^(d²)` elements.
- `Sym.exists_npow_eq_one_of_isSignedPerm`, `Sym.noFaithfulTranslationRep_isSignedPerm`,
  `Sym.noFaithfulTranslationRep_residualGroup_entryL1`,
  `Sym.noFaithfulTranslationRep_residualGroup_entryLInf` (J3.11, true part, for ℓ1 and ℓ∞).
- `Sym.signedPerm_proper_orthogonal`, `Sym.rotEmbed_separates`, `Sym.rotEmbed_npow_ne_one`,
  `Sym.not_isFinite_isOrthogonal`, `Sym.residual_groups_finite_vs_infinite` (R3.22c, every size).

## Conjecture 3.11 through a regularizer (paper sections 3.2 and 3.3.4)

The paper conjectures that no subgroup of `GL n` induced by a regularizer carries a faithful
representation of the translation group `(ℤ^d, +)`. A regularizer induces its subgroup as the
residual group of its penalty (D3.15): the invertible `K` that keep the encoder penalty under
`J ↦ K J` and the decoder penalty under `J ↦ J K⁻¹`. This part states the conjecture literally,
quantified over every pair of penalties (`Sym.RegularizerTranslationConjecture`), and refutes it
with the L2 (Frobenius) penalty of T3.3.3: its residual group contains `O n`, the rotation
`R = [[3/5, -4/5], [4/5, 3/5]]` has `R^k ≠ I` for every `k ≠ 0` (`Sym.rot_zpow_ne_one`), so
`v ↦ diag(R^{v_0}, …, R^{v_{d-1}})` is a faithful representation of `ℤ^d` inside the L2 residual
group of `GL (2d)`, for every `d`.

The statement over every subgroup of `GL n` (`Sym.TranslationConjecture`, in `Sym.Translation`)
is only a supporting lemma here; the true part of the conjecture (finite residual groups, such as
the signed permutations left by entrywise ℓ1 and ℓ∞) is in the first part.

### Main definitions
- `Sym.RegularizerTranslationConjecture` (J3.11, literal, through a regularizer).

### Main statements
- `Sym.residualGroup_frobSq_of_isOrthogonal`: `O n` lies in the residual group of the L2 penalty.
- `Sym.rotBlockRep_mem_residualGroup_frobSq`: the block rotations lie in it.
- `Sym.exists_faithful_translationRep_residualGroup_frobSq`,
  `Sym.not_noFaithfulTranslationRep_frobSq` (J3.11 refuted for every `d`, in `GL (2d)`).
- `Sym.not_regularizerTranslationConjecture` (J3.11 refuted as stated).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

section Lists

variable {β : Type u}

/-- The function `Fin (n + 1) → β` with value `a` at `0` and `f i` at `i + 1`. -/
def consFn {n : Nat} (a : β) (f : Fin n → β) : Fin (n + 1) → β :=
  fun i => if h : i.val = 0 then a else f ⟨i.val - 1, by omega⟩

/-- Every `consFn a f` with `a ∈ l` and `f ∈ fs`. -/
def consAll {n : Nat} : List β → List (Fin n → β) → List (Fin (n + 1) → β)
  | [], _ => []
  | a :: l, fs => fs.map (consFn a) ++ consAll l fs

/-- The list of all functions `Fin n → β` with values in the list `l`. -/
def allFuns (l : List β) : (n : Nat) → List (Fin n → β)
  | 0 => [fun i => i.elim0]
  | n + 1 => consAll l (allFuns l n)

theorem length_consAll {n : Nat} (l : List β) (fs : List (Fin n → β)) :
    (consAll l fs).length = l.length * fs.length := by
  induction l with
  | nil => simp [consAll]
  | cons a l ih =>
    simp only [consAll, List.length_append, List.length_map, ih, List.length_cons, Nat.succ_mul]
    omega

theorem length_allFuns (l : List β) (n : Nat) : (allFuns l n).length = l.length ^ n := by
  induction n with
  | zero => rfl
  | succ n ih =>
    show (consAll l (allFuns l n)).length = _
    rw [length_consAll, ih, Nat.pow_succ, Nat.mul_comm]

theorem mem_consAll {n : Nat} {l : List β} {fs : List (Fin n → β)} {a : β} {f : Fin n → β}
    (ha : a ∈ l) (hf : f ∈ fs) : consFn a f ∈ consAll l fs := by
  induction l with
  | nil => exact absurd ha List.not_mem_nil
  | cons b l ih =>
    simp only [consAll, List.mem_append, List.mem_map]
    rcases List.mem_cons.mp ha with h | h
    · exact Or.inl ⟨f, hf, by rw [h]⟩
    · exact Or.inr (ih h)

theorem consFn_eta {n : Nat} (f : Fin (n + 1) → β) :
    consFn (f 0) (fun i => f i.succ) = f := by
  funext i
  unfold consFn
  split
  · rename_i h
    congr 1
    exact Fin.ext h.symm
  · rename_i h
    show f (Fin.succ ⟨i.val - 1, by omega⟩) = f i
    congr 1
    apply Fin.ext
    simp only [Fin.val_succ]
    omega

theorem mem_allFuns {l : List β} : ∀ {n : Nat} (f : Fin n → β), (∀ i, f i ∈ l) →
    f ∈ allFuns l n
  | 0, f, _ => by
    have : f = fun i => i.elim0 := funext fun i => i.elim0
    rw [this]
    exact List.mem_singleton.mpr rfl
  | n + 1, f, hf => by
    rw [← consFn_eta f]
    exact mem_consAll (hf 0) (mem_allFuns _ (fun i => hf i.succ))

open Classical in
/-- Pigeonhole: among `x 0, …, x L` in a list of length `L` two coincide. -/
theorem list_pigeonhole (l : List β) (x : Nat → β) (hx : ∀ i, i ≤ l.length → x i ∈ l) :
    ∃ i j, i < j ∧ j ≤ l.length ∧ x i = x j := by
  induction l generalizing x with
  | nil => exact absurd (hx 0 (Nat.le_refl 0)) List.not_mem_nil
  | cons a t ih =>
    have hlen : (a :: t).length = t.length + 1 := rfl
    rw [hlen] at hx ⊢
    by_cases hrep : ∃ i, i ≤ t.length ∧ x i = x (t.length + 1)
    · obtain ⟨i, hi, he⟩ := hrep
      exact ⟨i, t.length + 1, by omega, Nat.le_refl _, he⟩
    · have hne : ∀ i, i ≤ t.length → x i ≠ x (t.length + 1) :=
        fun i hi he => hrep ⟨i, hi, he⟩
      by_cases hlast : x (t.length + 1) = a
      · have ht : ∀ i, i ≤ t.length → x i ∈ t := by
          intro i hi
          rcases List.mem_cons.mp (hx i (by omega)) with h | h
          · exact absurd (h.trans hlast.symm) (hne i hi)
          · exact h
        obtain ⟨i, j, hij, hj, he⟩ := ih x ht
        exact ⟨i, j, hij, by omega, he⟩
      · have hlt : x (t.length + 1) ∈ t := by
          rcases List.mem_cons.mp (hx (t.length + 1) (Nat.le_refl _)) with h | h
          · exact absurd h hlast
          · exact h
        have hy : ∀ i, i ≤ t.length →
            (if x i = a then x (t.length + 1) else x i) ∈ t := by
          intro i hi
          by_cases h : x i = a
          · rw [if_pos h]; exact hlt
          · rw [if_neg h]
            rcases List.mem_cons.mp (hx i (by omega)) with h' | h'
            · exact absurd h' h
            · exact h'
        obtain ⟨i, j, hij, hj, he⟩ := ih _ hy
        refine ⟨i, j, hij, by omega, ?_⟩
        by_cases hi : x i = a <;> by_cases hj' : x j = a
        · rw [hi, hj']
        · rw [if_pos hi, if_neg hj'] at he; exact absurd he.symm (hne j hj)
        · rw [if_neg hi, if_pos hj'] at he; exact absurd he (hne i (by omega))
        · rw [if_neg hi, if_neg hj'] at he; exact he

end Lists

namespace Group

variable {G : Type u} [Group G]

theorem npow_add (g : G) (a b : Nat) : npow g (a + b) = npow g a * npow g b := by
  induction b with
  | zero => exact (Group.mul_one _).symm
  | succ b ih =>
    show npow g (a + b) * g = npow g a * (npow g b * g)
    rw [ih, Group.mul_assoc]

theorem npow_mem {S : G → Prop} (hS : IsSubgroup S) (g : G) (hg : S g) (m : Nat) :
    S (npow g m) := by
  induction m with
  | zero => exact hS.one_mem
  | succ m ih => exact hS.mul_mem _ _ ih hg

theorem npow_one (m : Nat) : npow (1 : G) m = 1 := by
  induction m with
  | zero => rfl
  | succ m ih => show npow (1 : G) m * 1 = 1; rw [ih, Group.mul_one]

end Group

section Finite

variable {α : Type u} [Lean.Grind.CommRing α]

/-- J3.11, R3.22c: the subset `S` of `GL n` has at most `N` elements: the matrices of its
elements all lie in one list of length at most `N`. -/
def HasAtMost {n : Nat} (S : GL n α → Prop) (N : Nat) : Prop :=
  ∃ l : List (Mat n n α), l.length ≤ N ∧ ∀ K, S K → K.val ∈ l

/-- J3.11, R3.22c: the subset `S` of `GL n` is finite. -/
def IsFinite {n : Nat} (S : GL n α → Prop) : Prop := ∃ N : Nat, HasAtMost S N

theorem hasAtMost_mono {n N : Nat} {S T : GL n α → Prop} (h : ∀ K, S K → T K)
    (hT : HasAtMost T N) : HasAtMost S N := by
  obtain ⟨l, hl, hmem⟩ := hT
  exact ⟨l, hl, fun K hK => hmem K (h K hK)⟩

/-- J3.11: in a subgroup of `GL n` with at most `N` elements every element `K` has finite order:
`K^m = I` for some `1 ≤ m ≤ N`. -/
theorem exists_npow_eq_one_of_hasAtMost {n N : Nat} {S : GL n α → Prop} (hS : IsSubgroup S)
    (hN : HasAtMost S N) (K : GL n α) (hK : S K) :
    ∃ m : Nat, 0 < m ∧ m ≤ N ∧ Group.npow K m = 1 := by
  obtain ⟨l, hl, hmem⟩ := hN
  obtain ⟨i, j, hij, hj, he⟩ := list_pigeonhole l (fun i => (Group.npow K i).val)
    (fun i _ => hmem _ (Group.npow_mem hS K hK i))
  have e : Group.npow K i = Group.npow K j := GL.ext he
  have e2 : Group.npow K j = Group.npow K i * Group.npow K (j - i) := by
    rw [← Group.npow_add]; congr 1; omega
  refine ⟨j - i, by omega, by omega, ?_⟩
  apply Eq.symm
  apply Group.mul_left_cancel (a := Group.npow K i)
  rw [Group.mul_one, ← e2, e]

theorem translationRep_zero {G : Type u} [Group G] {d : Nat} {ρ : (Fin d → Int) → G}
    (h : IsTranslationRep ρ) : ρ (fun _ => 0) = 1 := by
  have e := h (fun _ => 0) (fun _ => 0)
  simp only [Int.add_zero] at e
  apply Eq.symm
  apply Group.mul_left_cancel (a := ρ (fun _ => 0))
  rw [Group.mul_one]
  exact e

theorem translationRep_nsmul {G : Type u} [Group G] {d : Nat} {ρ : (Fin d → Int) → G}
    (h : IsTranslationRep ρ) (v : Fin d → Int) (m : Nat) :
    ρ (fun i => (m : Int) * v i) = Group.npow (ρ v) m := by
  induction m with
  | zero =>
    have e : (fun i => ((0 : Nat) : Int) * v i) = fun _ => 0 := by funext i; simp
    rw [e, translationRep_zero h]
    rfl
  | succ m ih =>
    have e : (fun i => ((m + 1 : Nat) : Int) * v i) = fun i => (m : Int) * v i + v i := by
      funext i
      rw [Int.natCast_add, Int.add_mul]
      simp
    rw [e, h, ih]
    rfl

/-- J3.11 (true part): a subgroup of `GL n` with at most `N` elements carries no faithful
representation of `(ℤ^d, +)` for `d ≥ 1`. -/
theorem noFaithfulTranslationRep_of_hasAtMost {n N : Nat} {S : GL n α → Prop}
    (hS : IsSubgroup S) (hN : HasAtMost S N) {d : Nat} (hd : 0 < d) :
    NoFaithfulTranslationRep S d := by
  intro ⟨ρ, hrep, hfaith, hmem⟩
  let e : Fin d → Int := fun i => if i.val = 0 then 1 else 0
  obtain ⟨m, hm, _, hpow⟩ := exists_npow_eq_one_of_hasAtMost hS hN (ρ e) (hmem e)
  have h1 : ρ (fun i => (m : Int) * e i) = ρ (fun _ => 0) := by
    rw [translationRep_nsmul hrep, hpow, translationRep_zero hrep]
  have h2 := congrFun (hfaith _ _ h1) ⟨0, hd⟩
  simp [e] at h2
  omega

/-- J3.11 (true part): a finite subgroup of `GL n` carries no faithful representation of
`(ℤ^d, +)` for `d ≥ 1`. -/
theorem noFaithfulTranslationRep_of_isFinite {n : Nat} {S : GL n α → Prop} (hS : IsSubgroup S)
    (hfin : IsFinite S) {d : Nat} (hd : 0 < d) : NoFaithfulTranslationRep S d := by
  obtain ⟨N, hN⟩ := hfin
  exact noFaithfulTranslationRep_of_hasAtMost hS hN hd

/-- J3.11 (true part, through a regularizer): for every pair of penalties whose residual group is
finite, that residual group carries no faithful representation of `(ℤ^d, +)`, `d ≥ 1`. -/
theorem noFaithfulTranslationRep_residualGroup_of_isFinite {n D : Nat} (NE : Mat n D α → α)
    (ND : Mat D n α → α) (hfin : IsFinite (residualGroup D NE ND)) {d : Nat} (hd : 0 < d) :
    NoFaithfulTranslationRep (residualGroup D NE ND) d :=
  noFaithfulTranslationRep_of_isFinite (isSubgroup_residualGroup D NE ND) hfin hd

/-- R3.22c: every entry of a signed permutation matrix is `0`, `1` or `-1`. -/
theorem isSignedPerm_entry {d : Nat} (K : GL d α) (hK : IsSignedPerm K) (i j : Fin d) :
    K.val i j ∈ [0, 1, -1] := by
  obtain ⟨p, s, hs, hK⟩ := hK
  rw [hK]
  unfold signedPermMat
  split
  · rcases hs j with h | h <;> simp [h]
  · simp

/-- R3.22c, J3.11: the signed permutation matrices `B d` form a finite set, with at most
`3^(d²)` elements (their entries are `0`, `1` or `-1`). -/
theorem hasAtMost_isSignedPerm (d : Nat) :
    HasAtMost (IsSignedPerm : GL d α → Prop) (3 ^ (d * d)) := by
  refine ⟨allFuns (allFuns [0, 1, -1] d) d, ?_, ?_⟩
  · rw [length_allFuns, length_allFuns, ← Nat.pow_mul]
    exact Nat.le_refl _
  · intro K hK
    exact mem_allFuns _ (fun i => mem_allFuns _ (fun j => isSignedPerm_entry K hK i j))

end Finite

section Rotation

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- R3.22c: `diag(R, I_d)` in `GL (2 + d)`: the rotation `[[3/5, -4/5], [4/5, 3/5]]` in the first
two coordinates, the identity on the other `d`. -/
def rotEmbed (d : Nat) : GL (2 + d) α := GL.blockDiag rot 1

/-- R3.22c: `diag(R, I_d)` is orthogonal. -/
theorem isOrthogonal_rotEmbed (d : Nat) : IsOrthogonal (rotEmbed d : GL (2 + d) α) :=
  GL.isOrthogonal_blockDiag isOrthogonal_rot GL.isSubgroup_isOrthogonal.one_mem

/-- R3.22c: `diag(R, I_d)` is not a signed permutation matrix (its corner entry is `3/5`). -/
theorem not_isSignedPerm_rotEmbed (d : Nat) : ¬ IsSignedPerm (rotEmbed d : GL (2 + d) α) := by
  intro h
  have e := isSignedPerm_entry _ h (Fin.castAdd d 0) (Fin.castAdd d 0)
  have e0 : (rotEmbed d : GL (2 + d) α).val (Fin.castAdd d 0) (Fin.castAdd d 0) = 3 / 5 := by
    show Mat.blockDiag (Mat.of2 (3/5) (-4/5) (4/5) (3/5) : Mat 2 2 α) (Mat.one d : Mat d d α)
      (Fin.castAdd d 0) (Fin.castAdd d 0) = 3 / 5
    rw [Mat.blockDiag_ll]
    simp [Mat.of2]
  rw [e0] at e
  simp only [List.mem_cons, List.not_mem_nil, or_false] at e
  rcases e with e | e | e <;> grind

theorem npow_blockDiag {n m : Nat} (K : GL n α) (H : GL m α) (k : Nat) :
    Group.npow (GL.blockDiag K H) k = GL.blockDiag (Group.npow K k) (Group.npow H k) := by
  induction k with
  | zero => exact GL.ext (Mat.blockDiag_one).symm
  | succ k ih =>
    show Group.npow (GL.blockDiag K H) k * GL.blockDiag K H =
      GL.blockDiag (Group.npow K k * K) (Group.npow H k * H)
    rw [ih, GL.blockDiag_mul]

/-- R3.22c: `diag(R, I_d)` has infinite order: `diag(R, I_d)^(k+1) ≠ I` for every `k`. -/
theorem rotEmbed_npow_ne_one (d k : Nat) : Group.npow (rotEmbed d : GL (2 + d) α) (k + 1) ≠ 1 := by
  intro h
  have h' : GL.blockDiag (Group.npow (rot : GL 2 α) (k + 1)) (Group.npow (1 : GL d α) (k + 1)) =
      GL.blockDiag 1 1 := by
    rw [← npow_blockDiag]
    exact h.trans (GL.ext Mat.blockDiag_one.symm)
  exact rot_npow_ne_one k (GL.blockDiag_inj h').1

/-- R3.22c: the orthogonal group `O (2 + d)` is infinite (the powers of `diag(R, I_d)` are all
different). -/
theorem not_isFinite_isOrthogonal (d : Nat) : ¬ IsFinite (IsOrthogonal : GL (2 + d) α → Prop) := by
  intro ⟨N, hN⟩
  obtain ⟨m, hm, _, h⟩ := exists_npow_eq_one_of_hasAtMost GL.isSubgroup_isOrthogonal hN
    (rotEmbed d) (isOrthogonal_rotEmbed d)
  obtain ⟨k, rfl⟩ : ∃ k, m = k + 1 := ⟨m - 1, by omega⟩
  exact rotEmbed_npow_ne_one d k h

/-- R3.22c: for every size `2 + d ≥ 2` the signed permutations are a proper subset of `O (2 + d)`:
every signed permutation is orthogonal, and `diag(R, I_d)` is orthogonal but not a signed
permutation. -/
theorem signedPerm_proper_orthogonal (d : Nat) :
    (∀ K : GL (2 + d) α, IsSignedPerm K → IsOrthogonal K) ∧
      IsOrthogonal (rotEmbed d : GL (2 + d) α) ∧ ¬ IsSignedPerm (rotEmbed d : GL (2 + d) α) :=
  ⟨isOrthogonal_of_isSignedPerm, isOrthogonal_rotEmbed d, not_isSignedPerm_rotEmbed d⟩

end Rotation

section Ordered

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

/-- J3.11 (true part): every signed permutation matrix `P` has finite order, `P^m = I` for some
`1 ≤ m ≤ 3^(d²)`. -/
theorem exists_npow_eq_one_of_isSignedPerm {d : Nat} (K : GL d α) (hK : IsSignedPerm K) :
    ∃ m : Nat, 0 < m ∧ m ≤ 3 ^ (d * d) ∧ Group.npow K m = 1 :=
  exists_npow_eq_one_of_hasAtMost (isSubgroup_isSignedPerm d) (hasAtMost_isSignedPerm d) K hK

/-- J3.11 (true part): the signed permutations `B d` carry no faithful representation of
`(ℤ^k, +)` for `k ≥ 1`. -/
theorem noFaithfulTranslationRep_isSignedPerm (d k : Nat) (hk : 0 < k) :
    NoFaithfulTranslationRep (IsSignedPerm : GL d α → Prop) k :=
  noFaithfulTranslationRep_of_hasAtMost (isSubgroup_isSignedPerm d) (hasAtMost_isSignedPerm d) hk

/-- R3.22c: the residual group of the entrywise ℓ1 penalty (`D ≥ 1`) has at most `3^(d²)`
elements. -/
theorem hasAtMost_residualGroup_entryL1 (d D : Nat) (hD : 0 < D) :
    HasAtMost (residualGroup D entryL1 entryL1 : GL d α → Prop) (3 ^ (d * d)) :=
  hasAtMost_mono (fun K hK => (residualGroup_entryL1_iff D hD K).mp hK) (hasAtMost_isSignedPerm d)

/-- R3.22c: the residual group of the entrywise ℓ∞ penalty (`D ≥ 1`) has at most `3^(d²)`
elements. -/
theorem hasAtMost_residualGroup_entryLInf (d D : Nat) (hD : 0 < D) :
    HasAtMost (residualGroup D entryLInf entryLInf : GL d α → Prop) (3 ^ (d * d)) :=
  hasAtMost_mono (fun K hK => (residualGroup_entryLInf_iff D hD K).mp hK)
    (hasAtMost_isSignedPerm d)

/-- J3.11 (true part, through the entrywise ℓ1 regularizer): its residual group (`D ≥ 1`)
carries no faithful representation of `(ℤ^k, +)` for `k ≥ 1`. -/
theorem noFaithfulTranslationRep_residualGroup_entryL1 (d D k : Nat) (hD : 0 < D) (hk : 0 < k) :
    NoFaithfulTranslationRep (residualGroup D entryL1 entryL1 : GL d α → Prop) k :=
  noFaithfulTranslationRep_of_hasAtMost (isSubgroup_residualGroup D entryL1 entryL1)
    (hasAtMost_residualGroup_entryL1 d D hD) hk

/-- J3.11 (true part, through the entrywise ℓ∞ regularizer): its residual group (`D ≥ 1`)
carries no faithful representation of `(ℤ^k, +)` for `k ≥ 1`. -/
theorem noFaithfulTranslationRep_residualGroup_entryLInf (d D k : Nat) (hD : 0 < D)
    (hk : 0 < k) :
    NoFaithfulTranslationRep (residualGroup D entryLInf entryLInf : GL d α → Prop) k :=
  noFaithfulTranslationRep_of_hasAtMost (isSubgroup_residualGroup D entryLInf entryLInf)
    (hasAtMost_residualGroup_entryLInf d D hD) hk

variable [Lean.Grind.IsCharP α 0]

/-- R3.22c (every size `2 + d`, `D ≥ 1`): `diag(R, I_d)` lies in the residual group of the
Frobenius (L2) penalty but in neither the entrywise ℓ1 nor the entrywise ℓ∞ residual group. -/
theorem rotEmbed_separates (d D : Nat) (hD : 0 < D) :
    residualGroup D frobSq frobSq (rotEmbed d : GL (2 + d) α) ∧
      ¬ residualGroup D entryL1 entryL1 (rotEmbed d : GL (2 + d) α) ∧
      ¬ residualGroup D entryLInf entryLInf (rotEmbed d : GL (2 + d) α) :=
  ⟨(residualGroup_frobSq_iff D hD _).mpr (isOrthogonal_rotEmbed d),
    fun h => not_isSignedPerm_rotEmbed d ((residualGroup_entryL1_iff D hD _).mp h),
    fun h => not_isSignedPerm_rotEmbed d ((residualGroup_entryLInf_iff D hD _).mp h)⟩

/-- R3.22c (closing principle, every size `2 + d`, `D ≥ 1`): the residual groups of the entrywise
ℓ1 and ℓ∞ penalties are finite, with at most `3^((2+d)²)` elements, while the residual group of
the Frobenius (L2) penalty, `O (2 + d)`, is infinite. -/
theorem residual_groups_finite_vs_infinite (d D : Nat) (hD : 0 < D) :
    HasAtMost (residualGroup D entryL1 entryL1 : GL (2 + d) α → Prop) (3 ^ ((2 + d) * (2 + d))) ∧
      HasAtMost (residualGroup D entryLInf entryLInf : GL (2 + d) α → Prop)
        (3 ^ ((2 + d) * (2 + d))) ∧
      ¬ IsFinite (residualGroup D frobSq frobSq : GL (2 + d) α → Prop) := by
  refine ⟨hasAtMost_residualGroup_entryL1 _ D hD, hasAtMost_residualGroup_entryLInf _ D hD, ?_⟩
  intro ⟨N, hN⟩
  exact not_isFinite_isOrthogonal d
    ⟨N, hasAtMost_mono (fun K hK => (residualGroup_frobSq_iff D hD K).mpr hK) hN⟩

end Ordered

end Sym

end

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

/-- J3.11 (literal, through a regularizer): for every latent size `n`, every data size `D ≥ 1`,
every penalty `NE` on `n × D` encoder Jacobians and `ND` on `D × n` decoder Jacobians, and every
`d ≥ 1`, the residual group of the penalty carries no faithful representation of `(ℤ^d, +)`.
Refuted by `Sym.not_regularizerTranslationConjecture`. -/
def RegularizerTranslationConjecture (α : Type u) [Lean.Grind.CommRing α] : Prop :=
  ∀ (n D d : Nat) (NE : Mat n D α → α) (ND : Mat D n α → α), 0 < D → 0 < d →
    NoFaithfulTranslationRep (residualGroup D NE ND) d

section CommRing

variable {α : Type u} [Lean.Grind.CommRing α]

/-- J3.11: every orthogonal matrix lies in the residual group of the L2 (Frobenius) penalty
(T3.3.3: `O n` keeps `‖K W‖²_F` and `‖W' K⁻¹‖²_F`). -/
theorem residualGroup_frobSq_of_isOrthogonal {n : Nat} (D : Nat) (K : GL n α)
    (hK : IsOrthogonal K) : residualGroup D frobSq frobSq K :=
  ⟨isLeftIsometry_of_isUnitarilyInvariant D frobSq (isUnitarilyInvariant_frobSq n D) K hK,
    isRightIsometry_of_isUnitarilyInvariant D frobSq (isUnitarilyInvariant_frobSq D n) K hK⟩

end CommRing

section Field

variable {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]

/-- J3.11: every block rotation `diag(R^{v_0}, …, R^{v_{d-1}})` lies in the residual group of the
L2 penalty on `GL (2d)`. -/
theorem rotBlockRep_mem_residualGroup_frobSq (d D : Nat) (v : Fin d → Int) :
    residualGroup D frobSq frobSq (rotBlockRep d v : GL (2 * d) α) :=
  residualGroup_frobSq_of_isOrthogonal D _ (isOrthogonal_rotBlockRep d v)

/-- J3.11 refuted through the L2 penalty, for every `d ≥ 0` and every data size `D`: the residual
group of the L2 penalty on `GL (2d)` carries the faithful representation
`v ↦ diag(R^{v_0}, …, R^{v_{d-1}})` of `(ℤ^d, +)`. -/
theorem exists_faithful_translationRep_residualGroup_frobSq (d D : Nat) :
    ∃ ρ : (Fin d → Int) → GL (2 * d) α, IsTranslationRep ρ ∧ IsFaithful ρ ∧
      ∀ v, residualGroup D frobSq frobSq (ρ v) :=
  ⟨rotBlockRep d, rotBlockRep_add d, rotBlockRep_injective d,
    rotBlockRep_mem_residualGroup_frobSq d D⟩

/-- J3.11 refuted through the L2 penalty, for every `d`: its residual group on `GL (2d)` does
carry a faithful representation of `(ℤ^d, +)`. -/
theorem not_noFaithfulTranslationRep_frobSq (d D : Nat) :
    ¬ NoFaithfulTranslationRep (residualGroup D frobSq frobSq : GL (2 * d) α → Prop) d :=
  fun h => h (exists_faithful_translationRep_residualGroup_frobSq d D)

/-- J3.11 refuted as stated (through a regularizer): the L2 penalty with `n = 2`, `D = 1`,
`d = 1` is a counterexample; its residual group `O 2` holds `k ↦ R^k`. -/
theorem not_regularizerTranslationConjecture : ¬ RegularizerTranslationConjecture α :=
  fun h => not_noFaithfulTranslationRep_frobSq (α := α) 1 1
    (h (2 * 1) 1 1 frobSq frobSq (by decide) (by decide))

end Field

end Sym

end
