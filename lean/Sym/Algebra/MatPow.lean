module

public import Sym.Algebra.Matrix

/-!
# Powers and traces of square matrices

Support for section 3.3 of the paper (D3.17, P3.18, C3.19): the Schatten `2k`-norm is read off
the trace of the `k`-th power of the Gram matrix `Aᵀ A`, so no singular values are needed. This
file defines natural powers and the trace of square matrices and proves the two facts the
Schatten norms need: the trace is cyclic, and conjugating by a pair `P`, `Q` with `Q P = I`
commutes with positive powers.

## Main definitions
- `Sym.Mat.pow`: `pow A k = A^k` (`pow A 0 = I`, `pow A (k+1) = pow A k * A`).
- `Sym.Mat.trace`: the sum of the diagonal entries.

## Main statements
- `Sym.Mat.trace_mul_comm`: `tr (A B) = tr (B A)` for rectangular `A`, `B`, and
  `Sym.Mat.trace_pow_mul_comm`: `tr ((A B)^(k+1)) = tr ((B A)^(k+1))`.
- `Sym.Mat.pow_succ_conj`: `(P M Q)^(k+1) = P M^(k+1) Q` when `Q P = I`.
- `Sym.Mat.trace_pow_conj`: `tr ((P M Q)^k) = tr (M^k)` for square `P`, `Q` with `Q P = I`
  (every `k`), and `Sym.Mat.trace_pow_conj_succ` (rectangular factors, positive powers).
-/

@[expose] public noncomputable section

set_option linter.unusedSectionVars false

namespace Sym

universe u

variable {α : Type u} [Lean.Grind.CommRing α] {m n p : Nat}

namespace Mat

/-- Natural powers of a square matrix: `pow A 0 = I`, `pow A (k+1) = pow A k * A`. -/
def pow (A : Mat n n α) : Nat → Mat n n α
  | 0 => one n
  | k + 1 => pow A k * A

/-- The trace: the sum of the diagonal entries. -/
def trace (A : Mat n n α) : α := finSum n (fun i => A i i)

@[simp] theorem pow_zero (A : Mat n n α) : pow A 0 = one n := rfl

theorem pow_succ (A : Mat n n α) (k : Nat) : pow A (k + 1) = pow A k * A := rfl

@[simp] theorem pow_one (A : Mat n n α) : pow A 1 = A := by
  rw [pow_succ, pow_zero, one_mul]

/-- The trace is cyclic: `tr (A B) = tr (B A)` for `A : m × n`, `B : n × m`. -/
theorem trace_mul_comm (A : Mat m n α) (B : Mat n m α) : trace (A * B) = trace (B * A) := by
  unfold trace
  simp only [mul_apply]
  rw [finSum_comm]
  apply finSum_congr; intro j
  apply finSum_congr; intro i
  grind

/-- Conjugation commutes with positive powers: if `Q P = I` then
`(P M Q)^(k+1) = P M^(k+1) Q` (the factors may be rectangular). -/
theorem pow_succ_conj (P : Mat n p α) (M : Mat p p α) (Q : Mat p n α)
    (hQP : Q * P = (one p : Mat p p α)) (k : Nat) :
    pow (P * M * Q) (k + 1) = P * pow M (k + 1) * Q := by
  induction k with
  | zero => rw [pow_one, pow_one]
  | succ k ih =>
    rw [pow_succ, ih, pow_succ M (k + 1)]
    calc P * pow M (k + 1) * Q * (P * M * Q)
        = P * pow M (k + 1) * (Q * P) * M * Q := by simp only [mul_assoc]
      _ = P * (pow M (k + 1) * M) * Q := by rw [hQP, mul_one, mul_assoc P]

/-- `tr (P M Q) = tr M` when `Q P = I`. -/
theorem trace_conj (P : Mat n p α) (M : Mat p p α) (Q : Mat p n α)
    (hQP : Q * P = (one p : Mat p p α)) : trace (P * M * Q) = trace M := by
  rw [mul_assoc, trace_mul_comm, mul_assoc, hQP, mul_one]

/-- Positive powers of a conjugate have the same trace: `tr ((P M Q)^(k+1)) = tr (M^(k+1))`
when `Q P = I`. -/
theorem trace_pow_conj_succ (P : Mat n p α) (M : Mat p p α) (Q : Mat p n α)
    (hQP : Q * P = (one p : Mat p p α)) (k : Nat) :
    trace (pow (P * M * Q) (k + 1)) = trace (pow M (k + 1)) := by
  rw [pow_succ_conj P M Q hQP, trace_conj P _ Q hQP]

/-- For square factors every power keeps its trace: `tr ((P M Q)^k) = tr (M^k)` for every `k`
when `Q P = I` (`k = 0` gives `tr I` on both sides). -/
theorem trace_pow_conj (P Q M : Mat n n α) (hQP : Q * P = (one n : Mat n n α)) (k : Nat) :
    trace (pow (P * M * Q) k) = trace (pow M k) := by
  cases k with
  | zero => rfl
  | succ k => exact trace_pow_conj_succ P M Q hQP k

/-- `(A B)^(k+1) = A (B A)^k B` for `A : m × n`, `B : n × m`. -/
theorem pow_succ_mul_comm (A : Mat m n α) (B : Mat n m α) (k : Nat) :
    pow (A * B) (k + 1) = A * pow (B * A) k * B := by
  induction k with
  | zero => rw [pow_one, pow_zero, mul_one]
  | succ k ih =>
    rw [pow_succ, ih, pow_succ (B * A) k]
    simp only [mul_assoc]

/-- `tr ((A B)^(k+1)) = tr ((B A)^(k+1))` for `A : m × n`, `B : n × m`. -/
theorem trace_pow_mul_comm (A : Mat m n α) (B : Mat n m α) (k : Nat) :
    trace (pow (A * B) (k + 1)) = trace (pow (B * A) (k + 1)) := by
  rw [pow_succ_mul_comm, trace_mul_comm, ← mul_assoc, trace_mul_comm, pow_succ (B * A) k]

theorem trace_one : trace (one n : Mat n n α) = finSum n (fun _ => (1 : α)) := by
  unfold trace; simp

end Mat

end Sym

end
