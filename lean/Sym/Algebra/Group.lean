module

public import Init

/-!
# Groups, subgroups and group actions

Support for sections 3.1–3.3 of the paper. Core Lean has no group library, so this file states
the notions once, generally: a `Sym.Group` class, subgroups as predicates closed under the
group operations (`Sym.IsSubgroup`), intersections, normality inside a subgroup, products of
groups, and left group actions (`Sym.GroupAction`).

## Main statements
- `Sym.Group.inv_inv`, `Sym.Group.mul_inv_rev`, `Sym.Group.inv_eq_of_mul_eq_one`.
- `Sym.IsSubgroup.inter`: the intersection of two subgroups is a subgroup.
- `Sym.IsSubgroup.group`: a subgroup is a group (on the subtype).
- `Sym.GroupAction.act_inv_act`: acting by `g⁻¹` undoes acting by `g`.
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
