/**
 * Curated proof hints for the mutants of particular library statements: Lean tactic scripts,
 * tried (after the cheap generic tactics of `prove.ts`) on every unrefuted mutant of the named
 * statement. A hint is only a proof attempt: the mutant counts as proved only when the kernel
 * accepts the theorem (no error in its lines, its `#check` answered). A script that does not fit
 * a mutant fails with an error and proves nothing.
 *
 * Each script may use `ORIG` (the proved statement's full name) and the library's lemmas; the
 * mutant's own hypothesis names are the statement's (a dropped hypothesis is simply absent, and a
 * script that needs it fails). No script may contain a construct that bypasses the kernel check
 * (`FORBIDDEN_IN_TACTICS`): `assertHonestTactic` refuses them, and the test suite runs it over
 * every hint.
 */

/** One tactic tried on each mutant: a name for the record and the Lean text (`ORIG` → the statement's name). */
export interface EquivalenceTactic {
  name: string;
  /** Lean tactic text; several lines are allowed (each is indented under `:= by`). */
  text: string;
  /**
   * Tried only on mutants whose Lean statement matches (a hint for `K.inv = …` premises is not
   * compiled for the others): it keeps the one compile short. Absent: tried on every mutant.
   */
  when?: RegExp;
}

/** Words that would let a "proof" through without the kernel checking it. */
export const FORBIDDEN_IN_TACTICS = ["sorry", "admit", "axiom", "native_decide", "implemented_by", "extern", "unsafe", "opaque", "partial", "decide +kernel", "ofReduceBool", "trustCompiler"] as const;

/** Throws when a tactic text contains a construct that bypasses the kernel. */
export function assertHonestTactic(t: EquivalenceTactic): void {
  for (const w of FORBIDDEN_IN_TACTICS) {
    if (new RegExp(`(^|[^A-Za-z0-9_'.])${w.replace(/[+]/g, "\\+")}($|[^A-Za-z0-9_'])`).test(t.text)) {
      throw new Error(`tactic \`${t.name}\` contains \`${w}\`: a mutant proof must be checked by the kernel`);
    }
  }
}

const lines = (...ls: string[]): string => ls.join("\n");

/** `Kᵀ K = I` gives `K⁻¹ = Kᵀ`, `K Kᵀ = I` and the Frobenius isometries, for both factors. */
const ORTHOGONAL_GRIND = "grind [l2Penalty, frobSq_mul_left_of_orthogonal, frobSq_mul_right_of_orthogonal, GL.inv_eq_transpose, Mat.transpose_transpose, mul_transpose_eq_one_of_isOrthogonal, IsOrthogonal]";

/** `c = 1 ∧ s = 0` from the four nonnegative entries of a ReLU-residual `2 × 2` matrix and `K⁻¹ K = I`. */
const ROTATION_ENTRIES = lines(
  "have a00 := nonneg_of_isResidual_relu K h 0 0",
  "have a01 := nonneg_of_isResidual_relu K h 0 1",
  "have a10 := nonneg_of_isResidual_relu K h 1 0",
  "have a11 := nonneg_of_isResidual_relu K h 1 1",
  "have v := K.inv_val",
  "have v00 := congrFun (congrFun v 0) 0",
  "have v10 := congrFun (congrFun v 1) 0",
  "have v01 := congrFun (congrFun v 0) 1",
  "have v11 := congrFun (congrFun v 1) 1",
);

/** From `s = 0` (proved by signs, `s⁻¹` having the sign of `s`) to `c = 1` (`c ≥ 0`, `c² = 1`). */
const ROTATION_FINISH = lines(
  "have hs : s = 0 := by",
  "  by_cases hs0 : 0 < s",
  "  · have := Sym.inv_pos_of_pos hs0; grind",
  "  · by_cases hs1 : s < 0",
  "    · have := Sym.inv_pos_of_pos (show 0 < -s by grind); grind",
  "    · grind",
  "subst hs",
  "first",
  "  | grind",
  "  | (by_cases hc0 : 0 < c",
  "     · have := Lean.Grind.OrderedRing.mul_pos hc0 hc0; grind",
  "     · grind)",
  "  | (have hc : c * c = 1 := by grind",
  "     have hpos : 0 < c + 1 := by have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind",
  "     have hprod : (c - 1) * (c + 1) = 0 := by grind",
  "     have : c - 1 = 0 := by",
  "       calc c - 1 = (c - 1) * (c + 1) * (c + 1)⁻¹ := by grind",
  "         _ = 0 := by rw [hprod]; grind",
  "     constructor <;> grind)",
);

/**
 * Hint scripts by the proved statement's full name. Each names what it uses; the mutants they
 * are meant for are listed in docs/mutation.md.
 */
export const MUTANT_HINTS: Readonly<Record<string, readonly EquivalenceTactic[]>> = {
  // T3.3.3: an orthogonal K's inverse and transpose are orthogonal (K⁻¹ = Kᵀ, K Kᵀ = I).
  "Sym.Autoencoder.l2Penalty_orthogonal": [{ name: "grind [orthogonal: K⁻¹ = Kᵀ, Frobenius isometries]", text: ORTHOGONAL_GRIND }],
  "Sym.Autoencoder.isOrthogonal_iff_l2Penalty": [
    {
      name: "iff: orthogonal ⇒ (grind, Frobenius isometries); ⇐ (one factor at 0, orthogonal_of_frobSq_mul_left/right)",
      text: lines(
        "constructor",
        "· intro hK W W'",
        `  ${ORTHOGONAL_GRIND}`,
        "· intro h",
        "  first",
        "    | exact orthogonal_of_frobSq_mul_left _ hD (fun A => by have := h A (Mat.zero _ _); simp only [l2Penalty, Mat.zero_mul'] at this; grind)",
        "    | exact (isOrthogonal_iff_inv_mul_transpose K).2 (orthogonal_of_frobSq_mul_right _ hD (fun B => by have := h (Mat.zero _ _) B; simp only [l2Penalty, Mat.mul_zero'] at this; grind))",
      ),
    },
  ],
  // R3.20a–c: the cases t = 0 (Lean's 0⁻¹ = 0) and t < 0 (the statement at -t).
  "Sym.Autoencoder.l2Penalty_smul": [
    {
      name: "cases t = 0 (0⁻¹ = 0) / t ≠ 0 (statement)",
      text: lines("by_cases ht0 : t = 0", "· subst ht0; simp only [l2Penalty, scaledPenalty, frobSq_smul]; grind", "· exact ORIG t ht0 W W'"),
    },
  ],
  "Sym.Autoencoder.four_mul_le_scaledPenalty_sq": [
    { name: "statement at -t", text: lines("have := ORIG a b (-t) (by grind)", "unfold scaledPenalty at *", "grind") },
  ],
  "Sym.Autoencoder.scaledPenalty_sq_eq_of_balanced": [
    {
      name: "cases t > 0 (statement) / t = 0 / t < 0 (statement at -t)",
      text: lines(
        "by_cases hp : 0 < t",
        "· exact ORIG a b t hp hbal",
        "· by_cases hz : t = 0",
        "  · subst hz; unfold scaledPenalty; grind",
        "  · have := ORIG a b (-t) (by grind) (by grind)",
        "    unfold scaledPenalty at *",
        "    grind",
      ),
    },
  ],
  "Sym.Autoencoder.balanced_of_scaledPenalty_sq_eq": [
    { name: "statement at -t", text: lines("have := ORIG a b (-t) (by grind) (by unfold scaledPenalty at *; grind)", "grind") },
  ],
  "Sym.Autoencoder.tied_penalty_ge": [
    { name: "statement, and 0 < l c", text: lines("have := ORIG l c t hl hc ht", "have := Lean.Grind.OrderedRing.mul_pos hl hc", "grind") },
    {
      name: "cases l = 0 / c = 0 / statement",
      text: lines("by_cases hl0 : l = 0", "· subst hl0; grind", "· by_cases hc0 : c = 0", "  · subst hc0; grind", "  · exact ORIG l c t (by grind) (by grind) (by grind)"),
    },
  ],
  "Sym.Autoencoder.tied_penalty_eq_iff": [
    {
      name: "cases t > 0 (statement) / t = 0 / t < 0 (t + 1/t < 0)",
      text: lines(
        "have hlc := Lean.Grind.OrderedRing.mul_pos hl hc",
        "by_cases hp : 0 < t",
        "· exact ORIG l c t hl hc hp",
        "· by_cases hz : t = 0",
        "  · subst hz; grind",
        "  · have hn : 0 < -t := by grind",
        "    have hi := Sym.Autoencoder.inv_pos_of_pos hn",
        "    have h2 : 0 < (-t) + (-t)⁻¹ := by grind",
        "    have := Lean.Grind.OrderedRing.mul_pos hlc h2",
        "    constructor <;> intro h <;> grind",
      ),
    },
    {
      name: "cancel l c > 0",
      text: lines(
        "have hlc := Lean.Grind.OrderedRing.mul_pos hl hc",
        "constructor",
        "· intro h",
        "  have e : (l * c) * (t - 1) = 0 := by grind",
        "  grind",
        "· intro h; subst h; grind",
      ),
    },
  ],
  "Sym.Autoencoder.paper_tied_decoder_eq_iff": [
    {
      name: "rewrite by the statement, t t⁻¹ = 1",
      text: lines("rw [ORIG t ht W i k hW]", "have := Lean.Grind.Field.mul_inv_cancel ht", "constructor <;> intro h <;> rcases h with h | h <;> grind"),
    },
  ],
  // C3.9 / R3.9a: a positive monomial matrix is ReLU-residual.
  "Sym.isResidual_relu_of_isPosDiag": [{ name: "isResidual_relu_of_isPosMonomial", text: "exact isResidual_relu_of_isPosMonomial K hK" }],
  // R3.9b: the residual group is a group (K⁻¹ is residual), and its entries are nonnegative.
  "Sym.not_isResidual_relu_neg_one": [
    { name: "statement at K⁻¹ (residual group)", text: lines("intro h", "exact ORIG n K⁻¹ hK ((isSubgroup_isResidual relu (n + 1)).inv_mem K h)"), when: /K\.inv = / },
    {
      name: "a negative diagonal entry (nonneg_of_isResidual_relu)",
      when: /K\.valᵀ = /,
      text: lines(
        "intro h",
        "have h00 := nonneg_of_isResidual_relu K h 0 0",
        "have e := congrFun (congrFun hK 0) 0",
        "simp only [Mat.transpose_apply, Mat.scalar_apply] at e",
        "have := (Lean.Grind.OrderedRing.zero_lt_one (R := α))",
        "grind",
      ),
    },
    {
      name: "a zero matrix is not invertible",
      when: /K\.val = Mat\.scalar/,
      text: lines("intro _", "have e := K.val_inv", "rw [hK, Mat.scalar_mul] at e", "have e2 := congrFun (congrFun e 0) 0", "simp only [Mat.smul_apply, Mat.one_apply] at e2", "grind"),
    },
  ],
  "Sym.not_isResidual_relu_rot": [
    { name: "statement at K⁻¹ (residual group)", text: lines("intro h", "exact ORIG K⁻¹ hK ((isSubgroup_isResidual relu 2).inv_mem K h)"), when: /K\.inv = / },
    {
      name: "a negative entry (nonneg_of_isResidual_relu)",
      when: /K\.valᵀ = /,
      text: lines(
        "intro h",
        "have a := nonneg_of_isResidual_relu K h 1 0",
        "have e := congrFun (congrFun hK 0) 1",
        "simp [Mat.transpose_apply, Mat.of2] at e",
        "have h5 : (0 : α) < 5 := by have := (Lean.Grind.OrderedRing.zero_lt_one (R := α)); grind",
        "have := Sym.inv_pos_of_pos h5",
        "grind",
      ),
    },
  ],
  "Sym.rotation_eq_one_of_isResidual_relu": [
    { name: "statement at K⁻¹ (residual group)", text: "exact ORIG K⁻¹ c s hK hcs ((isSubgroup_isResidual relu 2).inv_mem K h)", when: /K\.inv = / },
    {
      name: "entries: nonnegative, K⁻¹ K = I; s = 0, then c = 1",
      when: /K\.val = /,
      text: lines(ROTATION_ENTRIES, "rw [hK] at a00 a01 a10 a11 v00 v10 v01 v11", "simp [Mat.of2, Mat.mul_apply, finSum, Mat.one_apply] at a00 a01 a10 a11 v00 v10 v01 v11", ROTATION_FINISH),
    },
    {
      name: "transposed entries: nonnegative; s = 0, then c = 1",
      when: /K\.valᵀ = /,
      text: lines(
        ROTATION_ENTRIES,
        "have e1 := congrFun (congrFun hK 0) 0",
        "have e2 := congrFun (congrFun hK 0) 1",
        "have e3 := congrFun (congrFun hK 1) 0",
        "have e4 := congrFun (congrFun hK 1) 1",
        "simp [Mat.transpose_apply, Mat.of2] at e1 e2 e3 e4",
        ROTATION_FINISH,
      ),
    },
  ],
  // C3.19: `schattenPow 0 A = tr I` does not depend on `A`, so with `k = 0` (`l = 0`) every `K` is a
  // left (right) isometry and the other factor decides (`isRight/LeftIsometry_schattenPow_iff`).
  "Sym.residualGroup_schattenPow_iff": [
    {
      name: "cases k = 0 / l = 0 (schattenPow 0 is constant) / statement",
      text: lines(
        "by_cases hk0 : k = 0",
        "· subst hk0",
        "  unfold residualGroup inter",
        "  rw [isRightIsometry_schattenPow_iff D l hD (by omega) K]",
        "  exact ⟨fun h => h.2, fun h => ⟨fun _ => rfl, h⟩⟩",
        "· by_cases hl0 : l = 0",
        "  · subst hl0",
        "    unfold residualGroup inter",
        "    rw [isLeftIsometry_schattenPow_iff D k hD (by omega) K]",
        "    exact ⟨fun h => h.1, fun h => ⟨h, fun _ => rfl⟩⟩",
        "  · exact ORIG D k l hD (by omega) (by omega) K",
      ),
    },
  ],
  // R3.22c: the conjuncts of the summary are proved statements; a predicate swap leaves `P K → P K`.
  "Sym.residual_groups_summary": [{ name: "conjuncts of the statement", text: "exact ⟨(ORIG D hD).1, (ORIG D hD).2.1, fun _ h => h⟩" }],
};

for (const ts of Object.values(MUTANT_HINTS)) for (const t of ts) assertHonestTactic(t);
