module

public import Sym.Linear.Net

/-!
# The image of the network map (paper section 3.1)

For a linear network with input width `n₀` and at least one layer, of widths `n₁, …, n_L`, let
`r = min(n₀, n₁, …, n_L)` (`Sym.Net.minWidth`). The matrices `Φ(W)` are exactly the products
`B C` with `B : Mat n_L r` and `C : Mat r n₀`, i.e. the matrices of rank at most `r`: every such
product is reached (the hidden layers pass `r` coordinates through), and no `Φ(W)` leaves the set
(`Sym.Net.exists_factor_minWidth`). Without any layer the image is `{I}`, which is why one
layer is required.

## Main statements
- R3.2b: `Sym.Net.exists_map_eq_of_factor` (reached), `Sym.Net.exists_map_eq_iff_factor`
  (both directions); `Sym.Net.map_passParams` (the witness: the pass-through parameters
  `Sym.Net.passParams`), `Sym.Net.allAtLeast_minWidth` (every width is at least `r`).
-/

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
