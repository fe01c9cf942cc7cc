module

public import Init
public import Sym.Algebra.Matrix

/-!
# Groups, subgroups, group actions and the general linear group `GL n`

Support for sections 3.1–3.3 of the paper: the group notions stated once, generally, then
the group `GL n` of invertible matrices. The two parts follow.

## Groups, subgroups and group actions

Support for sections 3.1–3.3 of the paper. Core Lean has no group library, so this part states
the notions once, generally: a `Sym.Group` class, subgroups as predicates closed under the
group operations (`Sym.IsSubgroup`), intersections, normality inside a subgroup, products of
groups, and left group actions (`Sym.GroupAction`).

### Main statements
- `Sym.Group.inv_inv`, `Sym.Group.mul_inv_rev`, `Sym.Group.inv_eq_of_mul_eq_one`.
- `Sym.IsSubgroup.inter`: the intersection of two subgroups is a subgroup.
- `Sym.IsSubgroup.group`: a subgroup is a group (on the subtype).
- `Sym.GroupAction.act_inv_act`: acting by `g⁻¹` undoes acting by `g`.

## The general linear group `GL n`

Support for sections 3.1–3.3 of the paper. An element of `Sym.GL n α` is an `n`-by-`n` matrix
`val` together with a two-sided inverse `inv`. It is a `Sym.Group` under matrix multiplication;
subgroups of `GL n` are predicates `GL n α → Prop` with `Sym.IsSubgroup`.

### Main definitions
- `Sym.GL`, `Sym.GL.scalar` (`c I` for a unit `c`), `Sym.IsOrthogonal`.

### Main statements
- `Sym.GL.ext`: an invertible matrix is determined by its matrix (inverses are unique).
- `Sym.GL.instGroup`: `GL n α` is a group.
- `Sym.GL.isSubgroup_isOrthogonal`: the orthogonal matrices form a subgroup.
-/

@[expose] public noncomputable section

namespace Sym

universe u v

/-- A group: an associative multiplication with a two-sided unit and two-sided inverses. -/
class Group (G : Type u) extends Mul G, One G, Inv G where
  mul_assoc : ∀ a b c : G, a * b * c = a * (b * c)
  one_mul : ∀ a : G, 1 * a = a
  mul_one : ∀ a : G, a * 1 = a
  inv_mul_cancel : ∀ a : G, a⁻¹ * a = 1
  mul_inv_cancel : ∀ a : G, a * a⁻¹ = 1

namespace Group

variable {G : Type u} [Group G]

/-- A right inverse is the inverse. -/
theorem inv_eq_of_mul_eq_one {a b : G} (h : a * b = 1) : a⁻¹ = b := by
  have : a⁻¹ * (a * b) = a⁻¹ * 1 := by rw [h]
  rw [← mul_assoc, inv_mul_cancel, one_mul, mul_one] at this
  exact this.symm

@[simp] theorem inv_inv (a : G) : a⁻¹⁻¹ = a := inv_eq_of_mul_eq_one (inv_mul_cancel a)

@[simp] theorem inv_one : (1 : G)⁻¹ = 1 := inv_eq_of_mul_eq_one (one_mul 1)

theorem mul_inv_rev (a b : G) : (a * b)⁻¹ = b⁻¹ * a⁻¹ := by
  apply inv_eq_of_mul_eq_one
  rw [mul_assoc, ← mul_assoc b, mul_inv_cancel, one_mul, mul_inv_cancel]

theorem mul_left_cancel {a b c : G} (h : a * b = a * c) : b = c := by
  have : a⁻¹ * (a * b) = a⁻¹ * (a * c) := by rw [h]
  rwa [← mul_assoc, ← mul_assoc, inv_mul_cancel, one_mul, one_mul] at this

/-- The direct product of two groups, with componentwise operations. -/
instance prod (G : Type u) (H : Type v) [Group G] [Group H] : Group (G × H) where
  mul a b := (a.1 * b.1, a.2 * b.2)
  one := (1, 1)
  inv a := (a.1⁻¹, a.2⁻¹)
  mul_assoc a b c := by
    show (a.1 * b.1 * c.1, a.2 * b.2 * c.2) = (a.1 * (b.1 * c.1), a.2 * (b.2 * c.2))
    rw [mul_assoc, mul_assoc]
  one_mul a := by show ((1 : G) * a.1, (1 : H) * a.2) = a; rw [one_mul, one_mul]
  mul_one a := by show (a.1 * (1 : G), a.2 * (1 : H)) = a; rw [mul_one, mul_one]
  inv_mul_cancel a := by
    show (a.1⁻¹ * a.1, a.2⁻¹ * a.2) = ((1 : G), (1 : H)); rw [inv_mul_cancel, inv_mul_cancel]
  mul_inv_cancel a := by
    show (a.1 * a.1⁻¹, a.2 * a.2⁻¹) = ((1 : G), (1 : H)); rw [mul_inv_cancel, mul_inv_cancel]

/-- The trivial group on `PUnit`. -/
instance punit : Group PUnit.{u + 1} where
  mul _ _ := PUnit.unit
  one := PUnit.unit
  inv _ := PUnit.unit
  mul_assoc _ _ _ := rfl
  one_mul _ := rfl
  mul_one _ := rfl
  inv_mul_cancel _ := rfl
  mul_inv_cancel _ := rfl

end Group

/-- `S` is a subgroup of `G`: it contains `1` and is closed under products and inverses. -/
structure IsSubgroup {G : Type u} [Group G] (S : G → Prop) : Prop where
  one_mem : S 1
  mul_mem : ∀ a b : G, S a → S b → S (a * b)
  inv_mem : ∀ a : G, S a → S a⁻¹

/-- The intersection of two subsets of a group, as a predicate. -/
def inter {G : Type u} (S T : G → Prop) : G → Prop := fun g => S g ∧ T g

/-- The whole group, as a predicate. -/
def univ {G : Type u} : G → Prop := fun _ => True

/-- `N` is normal inside `H`: conjugating an element of `N` by an element of `H` stays in `N`. -/
def IsNormalIn {G : Type u} [Group G] (N H : G → Prop) : Prop :=
  ∀ g x : G, H g → N x → N (g * x * g⁻¹)

namespace IsSubgroup

variable {G : Type u} [Group G]

/-- The intersection of two subgroups is a subgroup. -/
theorem inter {S T : G → Prop} (hS : IsSubgroup S) (hT : IsSubgroup T) :
    IsSubgroup (Sym.inter S T) where
  one_mem := ⟨hS.one_mem, hT.one_mem⟩
  mul_mem a b ha hb := ⟨hS.mul_mem a b ha.1 hb.1, hT.mul_mem a b ha.2 hb.2⟩
  inv_mem a ha := ⟨hS.inv_mem a ha.1, hT.inv_mem a ha.2⟩

/-- The whole group is a subgroup. -/
theorem univ : IsSubgroup (Sym.univ : G → Prop) where
  one_mem := trivial
  mul_mem _ _ _ _ := trivial
  inv_mem _ _ := trivial

/-- A subgroup is a group in its own right (on the subtype). -/
def group {S : G → Prop} (hS : IsSubgroup S) : Group {g : G // S g} where
  mul a b := ⟨a.1 * b.1, hS.mul_mem _ _ a.2 b.2⟩
  one := ⟨1, hS.one_mem⟩
  inv a := ⟨a.1⁻¹, hS.inv_mem _ a.2⟩
  mul_assoc a b c := Subtype.ext (Group.mul_assoc a.1 b.1 c.1)
  one_mul a := Subtype.ext (Group.one_mul a.1)
  mul_one a := Subtype.ext (Group.mul_one a.1)
  inv_mul_cancel a := Subtype.ext (Group.inv_mul_cancel a.1)
  mul_inv_cancel a := Subtype.ext (Group.mul_inv_cancel a.1)

end IsSubgroup

/-- A left action of the group `G` on `X`: `act 1 x = x` and `act (g * h) x = act g (act h x)`. -/
structure GroupAction (G : Type u) (X : Type v) [Group G] where
  act : G → X → X
  one_act : ∀ x : X, act 1 x = x
  mul_act : ∀ (g h : G) (x : X), act (g * h) x = act g (act h x)

/-- `act` is a left group action: the unit acts trivially, products act by composition. -/
structure IsGroupAction {G : Type u} {X : Type v} [Group G] (act : G → X → X) : Prop where
  one_act : ∀ x : X, act 1 x = x
  mul_act : ∀ (g h : G) (x : X), act (g * h) x = act g (act h x)

namespace GroupAction

variable {G : Type u} {X : Type v} [Group G]

/-- A bundled action from a function that satisfies the action laws. -/
def ofIsGroupAction {act : G → X → X} (h : IsGroupAction act) : GroupAction G X :=
  ⟨act, h.one_act, h.mul_act⟩

theorem isGroupAction (A : GroupAction G X) : IsGroupAction A.act := ⟨A.one_act, A.mul_act⟩

/-- Acting by `g⁻¹` undoes acting by `g`. -/
theorem act_inv_act (A : GroupAction G X) (g : G) (x : X) : A.act g⁻¹ (A.act g x) = x := by
  rw [← A.mul_act, Group.inv_mul_cancel, A.one_act]

/-- Acting by `g` undoes acting by `g⁻¹`. -/
theorem act_act_inv (A : GroupAction G X) (g : G) (x : X) : A.act g (A.act g⁻¹ x) = x := by
  rw [← A.mul_act, Group.mul_inv_cancel, A.one_act]

end GroupAction

end Sym

end

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

/-- Invertible `n`-by-`n` matrices: a matrix `val` with a two-sided inverse `inv`. -/
structure GL (n : Nat) (α : Type u) [Lean.Grind.CommRing α] where
  val : Mat n n α
  inv : Mat n n α
  val_inv : val * inv = Mat.one n
  inv_val : inv * val = Mat.one n

namespace GL

variable {α : Type u} [Lean.Grind.CommRing α] {n : Nat}

/-- Two invertible matrices with the same matrix are equal (the inverse is unique). -/
theorem ext {K H : GL n α} (h : K.val = H.val) : K = H := by
  have hinv : K.inv = H.inv := by
    calc K.inv = K.inv * (H.val * H.inv) := by rw [H.val_inv, Mat.mul_one]
      _ = K.inv * H.val * H.inv := by rw [Mat.mul_assoc]
      _ = H.inv := by rw [← h, K.inv_val, Mat.one_mul]
  cases K; cases H
  simp only at h hinv
  subst h; subst hinv; rfl

/-- The identity matrix as an invertible matrix. -/
def one (n : Nat) : GL n α := ⟨Mat.one n, Mat.one n, Mat.one_mul _, Mat.one_mul _⟩

/-- The product of invertible matrices; its inverse is `H⁻¹ K⁻¹`. -/
def mul (K H : GL n α) : GL n α where
  val := K.val * H.val
  inv := H.inv * K.inv
  val_inv := by
    rw [Mat.mul_assoc, ← Mat.mul_assoc H.val, H.val_inv, Mat.one_mul, K.val_inv]
  inv_val := by
    rw [Mat.mul_assoc, ← Mat.mul_assoc K.inv, K.inv_val, Mat.one_mul, H.inv_val]

/-- The inverse of an invertible matrix. -/
def inverse (K : GL n α) : GL n α := ⟨K.inv, K.val, K.inv_val, K.val_inv⟩

instance : One (GL n α) := ⟨one n⟩
instance : Mul (GL n α) := ⟨mul⟩
instance : Inv (GL n α) := ⟨inverse⟩

@[simp] theorem one_val : (1 : GL n α).val = Mat.one n := rfl
@[simp] theorem one_inv : (1 : GL n α).inv = Mat.one n := rfl
@[simp] theorem mul_val (K H : GL n α) : (K * H).val = K.val * H.val := rfl
@[simp] theorem mul_inv (K H : GL n α) : (K * H).inv = H.inv * K.inv := rfl
@[simp] theorem inv_val' (K : GL n α) : (K⁻¹).val = K.inv := rfl
@[simp] theorem inv_inv' (K : GL n α) : (K⁻¹).inv = K.val := rfl

instance instGroup : Group (GL n α) where
  mul_assoc a b c := ext (Mat.mul_assoc a.val b.val c.val)
  one_mul a := ext (Mat.one_mul a.val)
  mul_one a := ext (Mat.mul_one a.val)
  inv_mul_cancel a := ext a.inv_val
  mul_inv_cancel a := ext a.val_inv

/-- `K⁻¹ (K v) = v`. -/
theorem inv_mulVec_mulVec (K : GL n α) (v : Vec n α) : K.inv * (K.val * v) = v := by
  rw [Mat.mulVec_mulVec, K.inv_val, Mat.one_mulVec]

/-- `K (K⁻¹ v) = v`. -/
theorem val_mulVec_inv_mulVec (K : GL n α) (v : Vec n α) : K.val * (K.inv * v) = v := by
  rw [Mat.mulVec_mulVec, K.val_inv, Mat.one_mulVec]

/-- The invertible scalar matrix `c I` built from a unit `c` with inverse `d`. -/
def scalar (n : Nat) (c d : α) (h : c * d = 1) : GL n α where
  val := Mat.scalar n c
  inv := Mat.scalar n d
  val_inv := by ext i j; simp only [Mat.scalar_mul, Mat.smul_apply, Mat.scalar_apply,
    Mat.one_apply]; split <;> grind
  inv_val := by ext i j; simp only [Mat.scalar_mul, Mat.smul_apply, Mat.scalar_apply,
    Mat.one_apply]; split <;> grind

@[simp] theorem scalar_val (c d : α) (h : c * d = 1) : (scalar n c d h).val = Mat.scalar n c := rfl

end GL

/-- `K` is orthogonal: `Kᵀ K = I`. -/
def IsOrthogonal {α : Type u} [Lean.Grind.CommRing α] {n : Nat} (K : GL n α) : Prop :=
  K.valᵀ * K.val = Mat.one n

namespace GL

variable {α : Type u} [Lean.Grind.CommRing α] {n : Nat}

/-- For an orthogonal `K`, the inverse is the transpose. -/
theorem inv_eq_transpose {K : GL n α} (hK : IsOrthogonal K) : K.inv = K.valᵀ := by
  calc K.inv = (K.valᵀ * K.val) * K.inv := by rw [hK, Mat.one_mul]
    _ = K.valᵀ := by rw [Mat.mul_assoc, K.val_inv, Mat.mul_one]

/-- The orthogonal matrices form a subgroup of `GL n`. -/
theorem isSubgroup_isOrthogonal : IsSubgroup (IsOrthogonal : GL n α → Prop) where
  one_mem := by
    show (Mat.one n)ᵀ * Mat.one n = (Mat.one n : Mat n n α)
    rw [Mat.transpose_one, Mat.one_mul]
  mul_mem a b ha hb := by
    show (a.val * b.val)ᵀ * (a.val * b.val) = Mat.one n
    rw [Mat.transpose_mul, Mat.mul_assoc, ← Mat.mul_assoc a.valᵀ, ha, Mat.one_mul, hb]
  inv_mem a ha := by
    show a.invᵀ * a.inv = Mat.one n
    rw [inv_eq_transpose ha, Mat.transpose_transpose, ← inv_eq_transpose ha, a.val_inv]

end GL

end Sym

end
