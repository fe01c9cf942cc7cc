module

public import Init

/-!
# Finite sums over `Fin n`

Support for sections 3.1–3.3 of the paper (matrix products need finite sums). Core Lean has no
big-operator library, so this file defines `Sym.finSum n f = f 0 + f 1 + ⋯ + f (n-1)` by
recursion on `n` and proves the few facts the matrix layer needs.

## Main statements
- `Sym.finSum_add`, `Sym.finSum_neg`, `Sym.finSum_sub`, `Sym.finSum_mul_left`,
  `Sym.finSum_mul_right`: linearity.
- `Sym.finSum_comm`: swapping the order of a double sum.
- `Sym.ring_mul_zero` etc.: `simp` lemmas for `0` and `1` in a `Lean.Grind.CommRing`.
- `Sym.finSum_eq_single`, `Sym.finSum_ite_eq`, `Sym.finSum_ite_eq'`: sums with one nonzero term.
-/

@[expose] public noncomputable section

namespace Sym

universe u

variable {α : Type u}

/-- The sum `f 0 + f 1 + ⋯ + f (n-1)` of a family indexed by `Fin n` (zero when `n = 0`). -/
def finSum [Lean.Grind.CommRing α] : (n : Nat) → (Fin n → α) → α
  | 0, _ => 0
  | n + 1, f => f 0 + finSum n (fun i => f i.succ)

section Lemmas

variable [Lean.Grind.CommRing α]

@[simp] theorem ring_mul_zero (a : α) : a * 0 = 0 := by grind
@[simp] theorem ring_zero_mul (a : α) : 0 * a = 0 := by grind
@[simp] theorem ring_add_zero (a : α) : a + 0 = a := by grind
@[simp] theorem ring_zero_add (a : α) : 0 + a = a := by grind
@[simp] theorem ring_mul_one (a : α) : a * 1 = a := by grind
@[simp] theorem ring_one_mul (a : α) : 1 * a = a := by grind

@[simp] theorem finSum_zero (f : Fin 0 → α) : finSum 0 f = 0 := rfl

theorem finSum_succ (n : Nat) (f : Fin (n + 1) → α) :
    finSum (n + 1) f = f 0 + finSum n (fun i => f i.succ) := rfl

theorem finSum_congr {n : Nat} {f g : Fin n → α} (h : ∀ i, f i = g i) :
    finSum n f = finSum n g := by
  have : f = g := funext h
  rw [this]

/-- A sum of zeros is zero. -/
@[simp] theorem finSum_const_zero (n : Nat) : finSum n (fun _ => (0 : α)) = 0 := by
  induction n with
  | zero => rfl
  | succ n ih => rw [finSum_succ, ih]; grind

theorem finSum_eq_zero {n : Nat} {f : Fin n → α} (h : ∀ i, f i = 0) : finSum n f = 0 := by
  rw [finSum_congr h]; exact finSum_const_zero n

theorem finSum_add (n : Nat) (f g : Fin n → α) :
    finSum n (fun i => f i + g i) = finSum n f + finSum n g := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, finSum_succ, ih (fun i => f i.succ) (fun i => g i.succ)]
    grind

theorem finSum_neg (n : Nat) (f : Fin n → α) :
    finSum n (fun i => -f i) = -finSum n f := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, ih (fun i => f i.succ)]
    grind

theorem finSum_sub (n : Nat) (f g : Fin n → α) :
    finSum n (fun i => f i - g i) = finSum n f - finSum n g := by
  have h : ∀ i, f i - g i = f i + -g i := by intro i; grind
  rw [finSum_congr h, finSum_add, finSum_neg]
  grind

theorem finSum_mul_left (n : Nat) (c : α) (f : Fin n → α) :
    finSum n (fun i => c * f i) = c * finSum n f := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, ih (fun i => f i.succ)]
    grind

theorem finSum_mul_right (n : Nat) (c : α) (f : Fin n → α) :
    finSum n (fun i => f i * c) = finSum n f * c := by
  induction n with
  | zero => simp <;> grind
  | succ n ih =>
    rw [finSum_succ, finSum_succ, ih (fun i => f i.succ)]
    grind

/-- Pulling a constant factor into a sum from the left (the direction `simp` uses). -/
theorem mul_finSum (n : Nat) (c : α) (f : Fin n → α) :
    c * finSum n f = finSum n (fun i => c * f i) := (finSum_mul_left n c f).symm

/-- Pulling a constant factor into a sum from the right (the direction `simp` uses). -/
theorem finSum_mul (n : Nat) (c : α) (f : Fin n → α) :
    finSum n f * c = finSum n (fun i => f i * c) := (finSum_mul_right n c f).symm

/-- Swapping the order of summation in a double sum. -/
theorem finSum_comm (m n : Nat) (f : Fin m → Fin n → α) :
    finSum m (fun i => finSum n (fun j => f i j)) = finSum n (fun j => finSum m (fun i => f i j)) := by
  induction m with
  | zero => simp
  | succ m ih =>
    rw [finSum_succ, ih (fun i j => f i.succ j)]
    have h : ∀ j, finSum (m + 1) (fun i => f i j) = f 0 j + finSum m (fun i => f i.succ j) :=
      fun j => finSum_succ m _
    rw [finSum_congr h, finSum_add]

/-- A sum whose terms vanish away from one index `i` equals its `i`-th term. -/
theorem finSum_eq_single {n : Nat} (f : Fin n → α) (i : Fin n) (h : ∀ j, j ≠ i → f j = 0) :
    finSum n f = f i := by
  induction n with
  | zero => exact i.elim0
  | succ n ih =>
    rw [finSum_succ]
    cases i using Fin.cases with
    | zero =>
      have : finSum n (fun j => f j.succ) = 0 :=
        finSum_eq_zero (fun j => h j.succ (Fin.succ_ne_zero j))
      rw [this]; grind
    | succ i =>
      have h0 : f 0 = 0 := h 0 (Fin.succ_ne_zero i).symm
      have hs := ih (fun j => f j.succ) i (fun j hj => h j.succ (fun e => hj (Fin.succ_inj.mp e)))
      rw [h0, hs]; grind

@[simp] theorem finSum_ite_eq {n : Nat} (i : Fin n) (f : Fin n → α) :
    finSum n (fun j => if j = i then f j else 0) = f i := by
  rw [finSum_eq_single _ i (fun j hj => by simp [hj])]
  simp

@[simp] theorem finSum_ite_eq' {n : Nat} (i : Fin n) (f : Fin n → α) :
    finSum n (fun j => if i = j then f j else 0) = f i := by
  rw [finSum_eq_single _ i (fun j hj => by simp [Ne.symm hj])]
  simp

end Lemmas

end Sym

end
