module
public import Init

/-!
# Scalar facts behind the scaling caveat (paper section 3.3.4, Remark 3.20)

Rescaling the encoder by `t > 0` and the decoder by `1/t` keeps the reconstruction of a linear
autoencoder but turns a penalty `a + b` into `t * a + b / t`. This file proves the scalar
inequalities behind the remark, over any linearly ordered field, with squares instead of
square roots.

## Main statements
- `Sym.Autoencoder.four_mul_le_scaledPenalty_sq` (R3.20a): `4 a b ≤ (t a + b / t)²` for `t > 0`.
- `Sym.Autoencoder.scaledPenalty_sq_eq_of_balanced` (R3.20a): equality when `t² a = b`.
- `Sym.Autoencoder.balanced_of_scaledPenalty_sq_eq` (R3.20a): equality only when `t² a = b`.
- `Sym.Autoencoder.two_le_add_one_div` (R3.20b): `t + 1/t ≥ 2` for `t > 0`.
- `Sym.Autoencoder.add_one_div_eq_two_iff` (R3.20b): equality exactly at `t = 1`.
- `Sym.Autoencoder.sq_eq_one_iff` (R3.20c): `t * t = 1` exactly for `t = 1` or `t = -1`.
-/

@[expose] public noncomputable section

namespace Sym.Autoencoder

universe u

/-- R3.20a: the penalty `t a + b / t` after scaling the encoder weights by `t` and the decoder
weights by `1 / t`, where `a` and `b` are the encoder and decoder penalties before scaling. -/
def scaledPenalty {α : Type u} [Lean.Grind.Field α] (a b t : α) : α := t * a + b / t

section Ordered

variable {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
  [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]

theorem mul_self_nonneg' (x : α) : 0 ≤ x * x := by
  have h := Lean.Grind.OrderedRing.sq_nonneg (a := x)
  have e : x ^ 2 = x * x := by grind
  grind

theorem inv_pos_of_pos {t : α} (ht : 0 < t) : 0 < t⁻¹ := by
  have h1 : t * t⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel (by grind)
  false_or_by_contra
  rename_i h
  have hle : t⁻¹ ≤ 0 := by grind
  have := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left hle (Std.le_of_lt ht)
  have h01 : (0 : α) < 1 := Lean.Grind.OrderedRing.zero_lt_one
  grind

theorem div_nonneg_of_pos {b t : α} (hb : 0 ≤ b) (ht : 0 < t) : 0 ≤ b / t := by
  have h := inv_pos_of_pos ht
  have e : b / t = b * t⁻¹ := Lean.Grind.Field.div_eq_mul_inv b t
  have := Lean.Grind.OrderedRing.mul_nonneg hb (Std.le_of_lt h)
  grind

/-- R3.20a: with squares in place of square roots, the scaled penalty is never below
`2 √(a b)`: `4 a b ≤ (t a + b / t)²` for every `t > 0`. -/
theorem four_mul_le_scaledPenalty_sq (a b t : α) (ht : 0 < t) :
    4 * a * b ≤ scaledPenalty a b t * scaledPenalty a b t := by
  have h := mul_self_nonneg' (t * a - b / t)
  have h1 : t * t⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel (by grind)
  have e : (t * a + b / t) * (t * a + b / t) =
      (t * a - b / t) * (t * a - b / t) + 4 * a * b := by
    rw [Lean.Grind.Field.div_eq_mul_inv]
    grind
  unfold scaledPenalty
  grind

/-- R3.20a: the scaled penalty of nonnegative penalties is nonnegative, so the square bound
`four_mul_le_scaledPenalty_sq` is a bound on the penalty itself. -/
theorem scaledPenalty_nonneg (a b t : α) (ha : 0 ≤ a) (hb : 0 ≤ b) (ht : 0 < t) :
    0 ≤ scaledPenalty a b t := by
  have h1 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt ht) ha
  have h2 := div_nonneg_of_pos hb ht
  unfold scaledPenalty
  grind

/-- R3.20a: the bound is attained at the balanced scale `t² a = b` (that is, `t² = b / a`):
there `(t a + b / t)² = 4 a b`. -/
theorem scaledPenalty_sq_eq_of_balanced (a b t : α) (ht : 0 < t) (hbal : t * t * a = b) :
    scaledPenalty a b t * scaledPenalty a b t = 4 * a * b := by
  have h1 : t * (1 / t) = 1 := by grind
  unfold scaledPenalty
  grind

/-- R3.20a: the bound is attained only at the balanced scale: `(t a + b / t)² = 4 a b` forces
`t² a = b`. -/
theorem balanced_of_scaledPenalty_sq_eq (a b t : α) (ht : 0 < t)
    (h : scaledPenalty a b t * scaledPenalty a b t = 4 * a * b) : t * t * a = b := by
  have h1 : t * (1 / t) = 1 := by grind
  unfold scaledPenalty at h
  have h2 : (t * a - b / t) * (t * a - b / t) = 0 := by grind
  have h3 : t * a - b / t = 0 := by grind
  grind

/-- R3.20b: for `t > 0`, `t + 1 / t ≥ 2`. -/
theorem two_le_add_one_div (t : α) (ht : 0 < t) : 2 ≤ t + 1 / t := by
  have h := four_mul_le_scaledPenalty_sq (1 : α) 1 t ht
  have h2 := scaledPenalty_nonneg (1 : α) 1 t (by grind) (by grind) ht
  unfold scaledPenalty at h h2
  have e : t * 1 + 1 / t = t + 1 / t := by grind
  rw [e] at h h2
  false_or_by_contra
  rename_i hn
  have hlt : t + 1 / t < 2 := by grind
  have := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left (Std.le_of_lt hlt) h2
  have := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_right (Std.le_of_lt hlt)
    (show (0 : α) ≤ 2 by grind)
  grind

/-- R3.20b: for `t > 0`, `t + 1 / t = 2` exactly when `t = 1`. -/
theorem add_one_div_eq_two_iff (t : α) (ht : 0 < t) : t + 1 / t = 2 ↔ t = 1 := by
  constructor
  · intro h
    have h1 : t * (1 / t) = 1 := by grind
    have h2 : (t - 1) * (t - 1) = 0 := by grind
    grind
  · intro h
    subst h
    grind

/-- R3.20b: with tied weights the penalty `l (t + 1/t) c` (`l > 0` the regularization weight,
`c > 0` the norm of the weights) is at least `2 l c`, the value at `t = 1`. -/
theorem tied_penalty_ge (l c t : α) (hl : 0 < l) (hc : 0 < c) (ht : 0 < t) :
    2 * l * c ≤ l * (t + 1 / t) * c := by
  have h := two_le_add_one_div t ht
  have hlc := Lean.Grind.OrderedRing.mul_pos hl hc
  have := Lean.Grind.OrderedRing.mul_le_mul_of_nonneg_left h (Std.le_of_lt hlc)
  grind

/-- R3.20b: the tied penalty `l (t + 1/t) c` is minimal exactly at `t = 1`. -/
theorem tied_penalty_eq_iff (l c t : α) (hl : 0 < l) (hc : 0 < c) (ht : 0 < t) :
    l * (t + 1 / t) * c = 2 * l * c ↔ t = 1 := by
  rw [← add_one_div_eq_two_iff t ht]
  have hlc := Lean.Grind.OrderedRing.mul_pos hl hc
  constructor
  · intro h
    have e : (l * c) * (t + 1 / t - 2) = 0 := by grind
    grind
  · intro h
    rw [h]
    grind

end Ordered

/-- R3.20c: over any field, `t * t = 1` holds exactly for `t = 1` and `t = -1`; so scaling
tied weights by `t` keeps the reconstruction `t² WᵀW` (when `WᵀW ≠ 0`) only for `t = ±1`. -/
theorem sq_eq_one_iff {α : Type u} [Lean.Grind.Field α] (t : α) :
    t * t = 1 ↔ t = 1 ∨ t = -1 := by
  constructor
  · intro h
    grind
  · intro h
    grind

example : scaledPenalty (2 : Rat) 8 2 = 8 := by
  unfold scaledPenalty
  grind

end Sym.Autoencoder

end
