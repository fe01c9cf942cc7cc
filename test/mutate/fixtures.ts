/** Small statements in the library's style for the mutation tests (scanned as one Lean file). */
import { scanLibrary, type Library } from "../../src/parser/index.js";

export const FIXTURE_FILE = "test/mutate/Fixture.lean";

export const FIXTURE = `namespace Sym

variable {α : Type} [Lean.Grind.Field α] [LE α] [LT α]

/-- P9.1: a product with a transpose and a group element. -/
theorem fx_mul {n : Nat} (A B : Mat n n α) (K : GL n α) (hK : IsPermMat K) (t : α) (ht : 0 < t) : A * Bᵀ = K.val * A := sorry

/-- P9.2: an existential conclusion. -/
theorem fx_exists {n : Nat} (A : Mat n n α) : ∃ B : Mat n n α, A = B := sorry

/-- P9.3: scalars. -/
theorem fx_scal (a b : α) (h : a ≤ b) : a * 2 ≤ b * 2 := sorry

/-- P9.4: a symmetric product. -/
theorem fx_sym {n : Nat} (A : Mat n n α) : (Aᵀ * A)ᵀ = Aᵀ * A := sorry

/-- P9.5: associativity of the matrix product. -/
theorem fx_assoc {n : Nat} (A B C : Mat n n α) : A * B * C = A * (B * C) := sorry

/-- P9.6: an inverse that needs its hypothesis. -/
theorem fx_inv (t : α) (ht : t ≠ 0) : t * t⁻¹ = 1 := sorry

/-- P9.7: a conclusion narrowed by a group predicate. -/
theorem fx_pred {n : Nat} (K : GL n α) (hK : IsPermMat K) : IsSignedPerm K := sorry

/-- P9.8: a square is nonnegative. -/
theorem fx_sq (a : α) : 0 ≤ a * a := sorry

/-- P9.9: a nonzero square is positive. -/
theorem fx_sqpos (a : α) (ha : a ≠ 0) : 0 < a * a := sorry

end Sym
`;

export function fixtureLibrary(): Library {
  return scanLibrary([{ file: FIXTURE_FILE, text: FIXTURE }]);
}
