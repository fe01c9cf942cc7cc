module

public import Sym.Algebra.GL

/-!
# Block-diagonal matrices

Support for section 3.2 (block copies of a representation, used for J3.11 in every dimension).
`Sym.Mat.blockDiag A B` is the `(n + m)`-square matrix `[[A, 0], [0, B]]`; its rows and columns
are split with `Fin.castAdd` (the first `n`) and `Fin.natAdd` (the last `m`).

## Main statements
- `Sym.finSum_succ'`, `Sym.finSum_add_dim`: sums peeled from the end; a sum over `Fin (n + m)`.
- `Sym.Mat.blockDiag_mul_blockDiag`, `Sym.Mat.blockDiag_transpose`, `Sym.Mat.blockDiag_one`.
- `Sym.GL.blockDiag`, `Sym.GL.isOrthogonal_blockDiag`.
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
