module

public import Sym.Translation
public import Sym.Norm.Frobenius

/-!
# Conjecture 3.11 through a regularizer (paper sections 3.2 and 3.3.4)

The paper conjectures that no subgroup of `GL n` induced by a regularizer carries a faithful
representation of the translation group `(ℤ^d, +)`. A regularizer induces its subgroup as the
residual group of its penalty (D3.15): the invertible `K` that keep the encoder penalty under
`J ↦ K J` and the decoder penalty under `J ↦ J K⁻¹`. This file states the conjecture literally,
quantified over every pair of penalties (`Sym.RegularizerTranslationConjecture`), and refutes it
with the L2 (Frobenius) penalty of T3.3.3: its residual group contains `O n`, the rotation
`R = [[3/5, -4/5], [4/5, 3/5]]` has `R^k ≠ I` for every `k ≠ 0` (`Sym.rot_zpow_ne_one`), so
`v ↦ diag(R^{v_0}, …, R^{v_{d-1}})` is a faithful representation of `ℤ^d` inside the L2 residual
group of `GL (2d)`, for every `d`.

The statement over every subgroup of `GL n` (`Sym.TranslationConjecture`, in `Sym.Translation`)
is only a supporting lemma here; the true part of the conjecture (finite residual groups, such as
the signed permutations left by entrywise ℓ1 and ℓ∞) is in `Sym.Norm.Finite`.

## Main definitions
- `Sym.RegularizerTranslationConjecture` (J3.11, literal, through a regularizer).

## Main statements
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
