module

public import Sym.Activation.Residual
public import Sym.Algebra.Monomial

/-!
# The residual group of ReLU (paper section 3.2.1)

Over a linearly ordered field `α`, `Sym.relu x = max(0, x)`. The residual group `G_ReLU` is
exactly the group `M⁺ n` of positive monomial matrices `D P` (`D` positive diagonal, `P` a
permutation matrix), and `M⁺ n` is the semidirect product `D⁺ n ⋊ Perm n`.

## Main statements
- C3.9 / R3.9a (`M⁺ ⊆ G_ReLU`): `Sym.isResidual_relu_of_isPosMonomial`.
- C3.9 (`G_ReLU ⊆ M⁺`): `Sym.isPosMonomial_of_isResidual_relu`; both: `Sym.isResidual_relu_iff`.
- C3.9 (semidirect structure): `Sym.isSubgroup_isPosDiag`, `Sym.isSubgroup_isPosMonomial`,
  `Sym.isPosMonomial_of_isPosDiag`, `Sym.isPosMonomial_of_isPermMat`,
  `Sym.isNormalIn_isPosDiag`, `Sym.eq_one_of_isPosDiag_of_isPermMat`,
  `Sym.exists_posDiag_mul_perm`, `Sym.posDiag_mul_perm_unique`.
- R3.9b: `Sym.not_isResidual_relu_neg_one`, `Sym.not_isResidual_relu_rot`,
  `Sym.rotation_eq_one_of_isResidual_relu`, `Sym.isPermMat_of_isOrthogonal_of_isResidual_relu`.
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

open Classical in
/-- The ReLU activation `relu x = max(0, x)`. -/
def relu (x : α) : α := if 0 < x then x else 0

theorem relu_of_pos {x : α} (h : 0 < x) : relu x = x := by
  unfold relu; rw [if_pos h]

theorem relu_of_not_pos {x : α} (h : ¬ 0 < x) : relu x = 0 := by
  unfold relu; rw [if_neg h]

theorem relu_eq_iff (x : α) : relu x = x ↔ 0 ≤ x := by
  unfold relu; split <;> grind

theorem relu_one : relu (1 : α) = 1 := relu_of_pos Lean.Grind.OrderedRing.zero_lt_one

theorem relu_zero : relu (0 : α) = 0 := relu_of_not_pos (by grind)

theorem relu_neg_one : relu (-1 : α) = 0 :=
  relu_of_not_pos (by have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind)

/-- ReLU is positively homogeneous: `relu (c x) = c relu x` for `c > 0`. -/
theorem relu_mul_of_pos {c : α} (x : α) (hc : 0 < c) : relu (c * x) = c * relu x := by
  by_cases hx : 0 < x
  · rw [relu_of_pos hx, relu_of_pos (Lean.Grind.OrderedRing.mul_pos hc hx)]
  · have h1 : 0 ≤ c * (-x) := Lean.Grind.OrderedRing.mul_nonneg (by grind) (by grind)
    rw [relu_of_not_pos hx, relu_of_not_pos (by grind)]
    grind

/-- `K` is a positive diagonal matrix (an element of `D⁺ n`). -/
def IsPosDiag {n : Nat} (K : GL n α) : Prop :=
  ∃ d : Fin n → α, (∀ i, 0 < d i) ∧ K.val = Mat.diag d

/-- `K` is a positive monomial matrix `D P` (an element of `M⁺ n`): `D` positive diagonal,
`P` a permutation matrix. -/
def IsPosMonomial {n : Nat} (K : GL n α) : Prop :=
  ∃ (d : Fin n → α) (p : Perm n), (∀ i, 0 < d i) ∧ K.val = Mat.diag d * (Perm.toMat p : Mat n n α)

/-- C3.9, R3.9a: positive monomial matrices (positive scalings and permutations, and their
products) commute with ReLU: `M⁺ n ⊆ G_ReLU`. -/
theorem isResidual_relu_of_isPosMonomial {n : Nat} (K : GL n α) (hK : IsPosMonomial K) :
    IsResidual relu K := by
  obtain ⟨d, p, hd, hK⟩ := hK
  intro h
  rw [hK, ← Mat.mulVec_mulVec, ← Mat.mulVec_mulVec]
  ext i
  simp only [Vec.map_apply, Mat.diag_mulVec_apply, Perm.toMat_mulVec_apply]
  exact relu_mul_of_pos _ (hd i)

/-- R3.9a: positive diagonal matrices (positive scalings) commute with ReLU. -/
theorem isResidual_relu_of_isPosDiag {n : Nat} (K : GL n α) (hK : IsPosDiag K) :
    IsResidual relu K := by
  obtain ⟨d, hd, hK⟩ := hK
  apply isResidual_relu_of_isPosMonomial
  refine ⟨d, 1, hd, ?_⟩
  rw [hK, Perm.toMat_one, Mat.mul_one]

/-- The entries of a matrix in `G_ReLU` are nonnegative (test with `h = e_j`). -/
theorem nonneg_of_isResidual_relu {n : Nat} (K : GL n α) (hK : IsResidual relu K) (r j : Fin n) :
    0 ≤ K.val r j := by
  have e := congrFun (hK (Vec.basis n j)) r
  have hb : Vec.map relu (Vec.basis n j : Vec n α) = Vec.basis n j := by
    ext i
    simp only [Vec.map_apply, Vec.basis_apply]
    split
    · exact relu_of_pos Lean.Grind.OrderedRing.zero_lt_one
    · exact relu_of_not_pos (by grind)
  rw [hb] at e
  simp only [Vec.map_apply, Mat.mulVec_basis] at e
  exact (relu_eq_iff _).mp e

/-- A row of a matrix in `G_ReLU` has at most one nonzero entry (test with `h = e_a - e_b`). -/
theorem row_unique_of_isResidual_relu {n : Nat} (K : GL n α) (hK : IsResidual relu K)
    (r a b : Fin n) (ha : K.val r a ≠ 0) (hb : K.val r b ≠ 0) : a = b := by
  apply Classical.byContradiction
  intro hab
  have e := congrFun (hK (Vec.basis n a - Vec.basis n b)) r
  have hv : Vec.map relu (Vec.basis n a - Vec.basis n b : Vec n α) = Vec.basis n a := by
    ext i
    simp only [Vec.map_apply, Vec.sub_apply, Vec.basis_apply]
    have e1 : ((1 : α) - 0) = 1 := by grind
    have e2 : ((0 : α) - 1) = -1 := by grind
    have e3 : ((0 : α) - 0) = 0 := by grind
    by_cases hia : i = a
    · subst hia
      simp [hab, e1, relu_one]
    · by_cases hib : i = b
      · subst hib
        simp [hia, e2, relu_neg_one]
      · simp [hia, hib, e3, relu_zero]
  rw [hv, Mat.mulVec_sub] at e
  simp only [Vec.map_apply, Vec.sub_apply, Mat.mulVec_basis] at e
  have h0a := nonneg_of_isResidual_relu K hK r a
  have h0b := nonneg_of_isResidual_relu K hK r b
  by_cases hp : 0 < K.val r a - K.val r b
  · rw [relu_of_pos hp] at e; grind
  · rw [relu_of_not_pos hp] at e; grind

/-- C3.9 (`G_ReLU ⊆ M⁺ n`): every invertible matrix that commutes with ReLU is a positive
monomial matrix. -/
theorem isPosMonomial_of_isResidual_relu {n : Nat} (K : GL n α) (hK : IsResidual relu K) :
    IsPosMonomial K := by
  obtain ⟨p, hp, hK'⟩ := GL.exists_perm_of_row_unique K (row_unique_of_isResidual_relu K hK)
  refine ⟨fun r => K.val r (p.invFun r), p, fun r => ?_, hK'⟩
  have := nonneg_of_isResidual_relu K hK r (p.invFun r)
  have := hp r
  grind

/-- C3.9: the residual group of ReLU is the group of positive monomial matrices:
`K ∈ G_ReLU ↔ K ∈ M⁺ n`. -/
theorem isResidual_relu_iff {n : Nat} (K : GL n α) : IsResidual relu K ↔ IsPosMonomial K :=
  ⟨isPosMonomial_of_isResidual_relu K, isResidual_relu_of_isPosMonomial K⟩

/-- C3.9: `M⁺ n` is a subgroup of `GL n` (it equals `G_ReLU`, a subgroup by P3.8). -/
theorem isSubgroup_isPosMonomial (n : Nat) : IsSubgroup (IsPosMonomial : GL n α → Prop) := by
  have h := isSubgroup_isResidual (relu : α → α) n
  refine ⟨?_, ?_, ?_⟩
  · exact (isResidual_relu_iff 1).mp h.one_mem
  · intro a b ha hb
    exact (isResidual_relu_iff _).mp (h.mul_mem a b ((isResidual_relu_iff a).mpr ha)
      ((isResidual_relu_iff b).mpr hb))
  · intro a ha
    exact (isResidual_relu_iff _).mp (h.inv_mem a ((isResidual_relu_iff a).mpr ha))

theorem inv_pos_of_pos {x : α} (hx : 0 < x) : 0 < x⁻¹ := by
  have hne : x ≠ 0 := by grind
  have h1 : x * x⁻¹ = 1 := by grind
  apply Classical.byContradiction
  intro h
  have : x * x⁻¹ ≤ x * 0 :=
    Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left (by grind) (by grind)
  have := (Lean.Grind.OrderedRing.zero_lt_one (R := α))
  grind

theorem inv_val_of_val_eq_diag {n : Nat} (K : GL n α) (d : Fin n → α) (hd : ∀ i, d i ≠ 0)
    (hK : K.val = Mat.diag d) : K.inv = Mat.diag (fun i => (d i)⁻¹) := by
  calc K.inv = K.inv * (K.val * Mat.diag (fun i => (d i)⁻¹)) := by
        rw [hK, show Mat.diag d * Mat.diag (fun i => (d i)⁻¹) = (Mat.one n : Mat n n α) from
          (GL.diag d hd).val_inv, Mat.mul_one]
    _ = Mat.diag (fun i => (d i)⁻¹) := by rw [← Mat.mul_assoc, K.inv_val, Mat.one_mul]

/-- C3.9: `D⁺ n` is a subgroup of `GL n`. -/
theorem isSubgroup_isPosDiag (n : Nat) : IsSubgroup (IsPosDiag : GL n α → Prop) where
  one_mem := ⟨fun _ => 1, fun _ => Lean.Grind.OrderedRing.zero_lt_one, Mat.one_eq_diag⟩
  mul_mem a b := by
    rintro ⟨d, hd, ha⟩ ⟨e, he, hb⟩
    refine ⟨fun i => d i * e i, fun i => Lean.Grind.OrderedRing.mul_pos (hd i) (he i), ?_⟩
    show a.val * b.val = _
    rw [ha, hb, Mat.diag_mul_diag]
  inv_mem a := by
    rintro ⟨d, hd, ha⟩
    refine ⟨fun i => (d i)⁻¹, fun i => inv_pos_of_pos (hd i), ?_⟩
    exact inv_val_of_val_eq_diag a d (fun i => by have := hd i; grind) ha

/-- C3.9: `D⁺ n` is normal in `M⁺ n`: `g x g⁻¹ ∈ D⁺` for `g ∈ M⁺`, `x ∈ D⁺`. -/
theorem isNormalIn_isPosDiag (n : Nat) :
    IsNormalIn (IsPosDiag : GL n α → Prop) (IsPosMonomial : GL n α → Prop) := by
  intro g x hg hx
  obtain ⟨d, p, hd, hg⟩ := hg
  obtain ⟨e, he, hx⟩ := hx
  have hd0 : ∀ i, d i ≠ 0 := fun i => by have := hd i; grind
  refine ⟨fun i => e (p.invFun i), fun i => he _, ?_⟩
  show g.val * x.val * g.inv = _
  -- `g⁻¹ = P⁻¹ D⁻¹`
  have hginv : g.inv = (Perm.toMat p⁻¹ : Mat n n α) * Mat.diag (fun i => (d i)⁻¹) := by
    calc g.inv = g.inv * (g.val * ((Perm.toMat p⁻¹ : Mat n n α) * Mat.diag (fun i => (d i)⁻¹))) := by
          rw [hg, Mat.mul_assoc, ← Mat.mul_assoc (Perm.toMat p), Perm.toMat_mul_toMat_inv,
            Mat.one_mul, show Mat.diag d * Mat.diag (fun i => (d i)⁻¹) = (Mat.one n : Mat n n α) from
              (GL.diag d hd0).val_inv, Mat.mul_one]
      _ = _ := by rw [← Mat.mul_assoc, g.inv_val, Mat.one_mul]
  rw [hginv, hg, hx, Mat.mul_assoc (Mat.diag d), Perm.toMat_mul_diag, Mat.mul_assoc,
    Mat.mul_assoc, ← Mat.mul_assoc (Perm.toMat p), Perm.toMat_mul_toMat_inv, Mat.one_mul,
    Mat.diag_mul_diag, Mat.diag_mul_diag]
  congr; funext i; have := hd0 i; grind

/-- C3.9: `D⁺ n ⊆ M⁺ n`. -/
theorem isPosMonomial_of_isPosDiag {n : Nat} (K : GL n α) (hK : IsPosDiag K) : IsPosMonomial K := by
  obtain ⟨d, hd, hK⟩ := hK
  exact ⟨d, 1, hd, by rw [hK, Perm.toMat_one, Mat.mul_one]⟩

/-- C3.9: `Perm n ⊆ M⁺ n`. -/
theorem isPosMonomial_of_isPermMat {n : Nat} (K : GL n α) (hK : IsPermMat K) : IsPosMonomial K := by
  obtain ⟨p, hp⟩ := hK
  exact ⟨fun _ => 1, p, fun _ => Lean.Grind.OrderedRing.zero_lt_one,
    by rw [hp, ← Mat.one_eq_diag, Mat.one_mul]⟩

/-- C3.9: `D⁺ n ∩ Perm n = {I}`. -/
theorem eq_one_of_isPosDiag_of_isPermMat {n : Nat} (K : GL n α) (hD : IsPosDiag K)
    (hP : IsPermMat K) : K = 1 := by
  obtain ⟨d, hd, hK⟩ := hD
  obtain ⟨p, hp⟩ := hP
  have h1 : p = 1 := Perm.eq_one_of_toMat_eq_diag p d (fun i => by have := hd i; grind)
    (hp.symm.trans hK)
  apply GL.ext
  rw [hp, h1, Perm.toMat_one]
  rfl

/-- C3.9: every element of `M⁺ n` is a product `D P` with `D ∈ D⁺ n` and `P ∈ Perm n`. -/
theorem exists_posDiag_mul_perm {n : Nat} (K : GL n α) (hK : IsPosMonomial K) :
    ∃ D P : GL n α, IsPosDiag D ∧ IsPermMat P ∧ K = D * P := by
  obtain ⟨d, p, hd, hK⟩ := hK
  refine ⟨GL.diag d (fun i => by have := hd i; grind), Perm.toGL p, ⟨d, hd, rfl⟩, ⟨p, rfl⟩, ?_⟩
  apply GL.ext
  rw [hK]
  rfl

/-- C3.9: the factorization `K = D P` (`D ∈ D⁺ n`, `P ∈ Perm n`) is unique. -/
theorem posDiag_mul_perm_unique {n : Nat} (D₁ D₂ P₁ P₂ : GL n α) (hD₁ : IsPosDiag D₁)
    (hD₂ : IsPosDiag D₂) (hP₁ : IsPermMat P₁) (hP₂ : IsPermMat P₂) (h : D₁ * P₁ = D₂ * P₂) :
    D₁ = D₂ ∧ P₁ = P₂ := by
  have hDs := isSubgroup_isPosDiag (α := α) n
  have hPs := isSubgroup_isPermMat (α := α) (n := n)
  -- `D₂⁻¹ D₁ = P₂ P₁⁻¹` lies in `D⁺ ∩ Perm`
  have e : D₂⁻¹ * D₁ = P₂ * P₁⁻¹ := by
    have : D₂⁻¹ * (D₁ * P₁) * P₁⁻¹ = D₂⁻¹ * (D₂ * P₂) * P₁⁻¹ := by rw [h]
    rwa [← Group.mul_assoc, Group.mul_assoc, Group.mul_inv_cancel, Group.mul_one,
      ← Group.mul_assoc, Group.inv_mul_cancel, Group.one_mul] at this
  have h1 : D₂⁻¹ * D₁ = 1 := eq_one_of_isPosDiag_of_isPermMat _
    (hDs.mul_mem _ _ (hDs.inv_mem _ hD₂) hD₁) (e ▸ hPs.mul_mem _ _ hP₂ (hPs.inv_mem _ hP₁))
  have hD : D₁ = D₂ := by
    have := congrArg (fun x => D₂ * x) h1
    simp only at this
    rwa [← Group.mul_assoc, Group.mul_inv_cancel, Group.one_mul, Group.mul_one] at this
  refine ⟨hD, ?_⟩
  rw [hD] at h
  exact Group.mul_left_cancel h

/-- R3.9b: ReLU breaks sign flips: `-I ∉ G_ReLU` (test with `h = e_0`). -/
theorem not_isResidual_relu_neg_one (n : Nat) (K : GL (n + 1) α)
    (hK : K.val = Mat.scalar (n + 1) (-1)) : ¬ IsResidual relu K := by
  intro h
  have e := congrFun (h (Vec.basis (n + 1) 0)) 0
  rw [hK] at e
  simp only [Vec.map_apply, Mat.mulVec_basis, Mat.scalar_apply, if_true] at e
  have h1 : Vec.map relu (Vec.basis (n + 1) 0 : Vec (n + 1) α) = Vec.basis (n + 1) 0 := by
    ext i
    simp only [Vec.map_apply, Vec.basis_apply]
    split
    · exact relu_of_pos Lean.Grind.OrderedRing.zero_lt_one
    · exact relu_of_not_pos (by grind)
  rw [h1, Mat.mulVec_basis] at e
  simp only [Mat.scalar_apply, if_true] at e
  have := (Lean.Grind.OrderedRing.zero_lt_one (R := α))
  rw [relu_of_not_pos (by grind)] at e
  grind

/-- R3.9b: ReLU breaks rotations: the rotation `[[3/5, -4/5], [4/5, 3/5]]` is not in `G_ReLU`
(test with `h = e_1`). -/
theorem not_isResidual_relu_rot (K : GL 2 α)
    (hK : K.val = Mat.of2 (3/5) (-4/5) (4/5) (3/5)) : ¬ IsResidual relu K := by
  intro h
  have e := congrFun (h (Vec.basis 2 1)) 0
  have h1 : Vec.map relu (Vec.basis 2 1 : Vec 2 α) = Vec.basis 2 1 := by
    ext i
    simp only [Vec.map_apply, Vec.basis_apply]
    split
    · exact relu_of_pos Lean.Grind.OrderedRing.zero_lt_one
    · exact relu_of_not_pos (by grind)
  rw [h1, Mat.mulVec_basis, hK] at e
  simp only [Vec.map_apply, Mat.mulVec_basis, Mat.of2] at e
  have h5 : (0 : α) < 5 := by have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind
  have h45 : (0 : α) < 4 / 5 := by
    have := inv_pos_of_pos h5
    have : (4 : α) / 5 = 4 * 5⁻¹ := by grind
    have h4 : (0 : α) < 4 := by have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind
    have := Lean.Grind.OrderedRing.mul_pos h4 (inv_pos_of_pos h5)
    grind
  simp at e
  rw [relu_of_not_pos (by grind)] at e
  grind

/-- R3.9b: the only rotation of the plane in `G_ReLU` is the identity: if
`K = [[c, -s], [s, c]]` with `c² + s² = 1` commutes with ReLU, then `c = 1` and `s = 0`. -/
theorem rotation_eq_one_of_isResidual_relu (K : GL 2 α) (c s : α)
    (hK : K.val = Mat.of2 c (-s) s c) (hcs : c * c + s * s = 1) (h : IsResidual relu K) :
    c = 1 ∧ s = 0 := by
  have h01 := nonneg_of_isResidual_relu K h 0 1
  have h10 := nonneg_of_isResidual_relu K h 1 0
  have h00 := nonneg_of_isResidual_relu K h 0 0
  rw [hK] at h01 h10 h00
  simp [Mat.of2] at h01 h10 h00
  have hs : s = 0 := by grind
  subst hs
  have hc : c * c = 1 := by grind
  have hpos : 0 < c + 1 := by have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind
  have hprod : (c - 1) * (c + 1) = 0 := by grind
  have hinv : (c + 1) * (c + 1)⁻¹ = 1 := by grind
  have : c - 1 = 0 := by
    calc c - 1 = (c - 1) * (c + 1) * (c + 1)⁻¹ := by grind
      _ = 0 := by rw [hprod]; grind
  constructor <;> grind

/-- R3.9b (any dimension): ReLU keeps no rotation or reflection beyond the permutations: an
orthogonal matrix that commutes with ReLU is a permutation matrix. -/
theorem isPermMat_of_isOrthogonal_of_isResidual_relu {n : Nat} (K : GL n α)
    (hO : IsOrthogonal K) (hK : IsResidual relu K) : IsPermMat K := by
  obtain ⟨d, p, hd, hK'⟩ := isPosMonomial_of_isResidual_relu K hK
  have entry : ∀ r j, K.val r j = if p.toFun j = r then d r else 0 := by
    intro r j
    rw [hK', Mat.diag_mul_apply, Perm.toMat_apply]
    split <;> grind
  have hd1 : ∀ r, d r = 1 := by
    intro r
    have e := congrFun (congrFun hO (p.invFun r)) (p.invFun r)
    simp only [Mat.mul_apply, Mat.transpose_apply, Mat.one_apply, if_true] at e
    rw [finSum_eq_single _ r (fun k hk => by
      rw [entry k (p.invFun r), p.right_inv]; simp [Ne.symm hk])] at e
    rw [entry r (p.invFun r), p.right_inv] at e
    simp only [if_true] at e
    have hpos : 0 < d r + 1 := by have := hd r; have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind
    have hprod : (d r - 1) * (d r + 1) = 0 := by grind
    have hinv : (d r + 1) * (d r + 1)⁻¹ = 1 := by grind
    have : d r - 1 = 0 := by
      calc d r - 1 = (d r - 1) * (d r + 1) * (d r + 1)⁻¹ := by grind
        _ = 0 := by rw [hprod]; grind
    grind
  refine ⟨p, ?_⟩
  rw [hK']
  have : d = fun _ => (1 : α) := funext hd1
  rw [this, ← Mat.one_eq_diag, Mat.one_mul]

end Sym

end
