/**
 * Which declarations are selected, at the edges: every numeric role and the two that are not,
 * which claims' statements count as conjectures, the docstring fallback for `def`s (closed
 * propositions only, never predicates, non-propositions or unparsed ones), which fields of a
 * structure of hypotheses are checked, the order across files, and `narrowSelection`.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import { narrowSelection, selectDeclarations, type Selected } from "../../src/runner/select.js";
import type { Claim, ClaimDeclaration, DeclRole } from "../../src/spec/types.js";

const A = [
  "namespace Sym",
  "variable {α : Type} [Lean.Grind.Field α] [LT α]",
  "def Hyp.early : Prop := True",
  "/-- X1.1: a theorem. -/",
  "theorem thm (t : α) : t + 0 = t := sorry",
  "/-- X1.2: a closed conjecture with a type binder. -/",
  "def Conj (β : Type) : Prop := ∀ t : Nat, t + 0 = t",
  "/-- X1.3: a proposition binder makes it a predicate. -/",
  "def PropArg (P : Prop) : Prop := P",
  "/-- X1.4: not a proposition. -/",
  "def notProp (n : Nat) : Nat := n",
  "/-- X1.5: an implicit value binder keeps it closed. -/",
  "def Implicit {n : Nat} : Prop := n = n",
  "/-- X1.6: an abbrev of a proposition. -/",
  "abbrev Abb : Prop := ∀ t : Nat, t = t",
  "structure Hyp (σ : α → α) : Prop where",
  "  zero : σ 0 = 0",
  "  pos : ∀ t : α, 0 < t → 0 < σ t",
  "theorem Hyp.after : True := trivial",
  "def Later : Prop := True",
  "/-- X1.8: a closed def that is no proposition. -/",
  "def seven : Nat := 7",
  "/-- X1.9: a type, no proposition. -/",
  "def Ty : Type := Nat",
  "/-- X1.10: a predicate written as a function type. -/",
  "def Pfun : Nat → Prop := fun _ => True",
  "/-- X1.7: a lemma. -/",
  "lemma lem (t : α) : t * 1 = t := sorry",
  "end Sym",
].join("\n");
const B = ["namespace Sym", "def Hyp.other : Prop := True", "/-- X2.1: in another file. -/", "theorem other (n : Nat) : n = n := sorry", "end Sym"].join("\n");
const lib = scanLibrary([
  { file: "lean/Sym/B.lean", text: B },
  { file: "lean/Sym/A.lean", text: A },
]);

function claim(id: string, kind: Claim["kind"], declarations: ClaimDeclaration[]): Claim {
  return { id, section: "3.1", kind, title: "t", paraphrase: "p", truth: "true", declarations, dependsOn: [], expected: "proved" };
}
const names = (s: readonly Selected[]) => s.map((x) => x.decl.name);

describe("selectDeclarations at the edges", () => {
  it("without a registry: tagged theorems, lemmas and closed propositions (def or abbrev), in file then line order", () => {
    const expected = ["Sym.thm", "Sym.Conj", "Sym.Implicit", "Sym.Abb", "Sym.lem", "Sym.other"];
    expect(names(selectDeclarations(lib, undefined).selected)).toEqual(expected);
    const inOrder = scanLibrary([
      { file: "lean/Sym/A.lean", text: A },
      { file: "lean/Sym/B.lean", text: B },
    ]);
    expect(names(selectDeclarations(inOrder, undefined).selected)).toEqual(expected);
  });

  it("checks the statement, proof, refutation, conditional and hypothesis roles, not definitions or witnesses", () => {
    const roles: DeclRole[] = ["statement", "proof", "refutation", "conditional", "hypothesis", "definition", "witness"];
    for (const role of roles) {
      const r = selectDeclarations(lib, { claims: [claim("X1.1", "proposition", [{ name: "Sym.thm", role }])] });
      const s = r.selected.find((x) => x.decl.name === "Sym.thm");
      if (role === "definition" || role === "witness") expect(s, role).toBeUndefined();
      else expect(s, role).toMatchObject({ claimId: "X1.1", role, conjecture: false });
    }
  });

  it("only a conjecture's statement gets the conjecture run count, listed or tagged (a tagged def only)", () => {
    const listed = (kind: Claim["kind"], role: DeclRole) => selectDeclarations(lib, { claims: [claim("X1.1", kind, [{ name: "Sym.thm", role }])] }).selected.find((x) => x.decl.name === "Sym.thm")?.conjecture;
    expect(listed("conjecture", "statement")).toBe(true);
    expect(listed("proposition", "statement")).toBe(false);
    expect(listed("conjecture", "refutation")).toBe(false);
    const tagged = selectDeclarations(lib, { claims: [claim("X1.2", "conjecture", []), claim("X1.1", "conjecture", [])] }).selected;
    expect(tagged.find((x) => x.decl.name === "Sym.Conj")?.conjecture).toBe(true);
    expect(tagged.find((x) => x.decl.name === "Sym.thm")?.conjecture).toBe(false);
  });

  it("a tagged def of a definition claim is not checked, a tagged theorem or lemma of one is", () => {
    const r = selectDeclarations(lib, { claims: [claim("X1.2", "definition", []), claim("X1.1", "definition", []), claim("X1.7", "definition", [])] });
    expect(names(r.selected)).not.toContain("Sym.Conj");
    expect(names(r.selected)).toContain("Sym.thm");
    expect(names(r.selected)).toContain("Sym.lem");
  });

  it("checks only the def fields of a structure that follow it in its own file", () => {
    // In B.lean, Hyp.other lies below the structure's line, but in another file.
    const padded = scanLibrary([
      { file: "lean/Sym/B.lean", text: B.replace("namespace Sym\n", `namespace Sym\n${"\n".repeat(40)}`) },
      { file: "lean/Sym/A.lean", text: A },
    ]);
    expect(padded.byName.get("Sym.Hyp.other")!.line).toBeGreaterThan(padded.byName.get("Sym.Hyp")!.line);
    const r = selectDeclarations(padded, { claims: [claim("X3.1", "proposition", [{ name: "Sym.Hyp", role: "hypothesis" }])] });
    expect(names(r.selected.filter((s) => s.claimId === "X3.1"))).toEqual(["Sym.Hyp.zero", "Sym.Hyp.pos"]);
  });

  it("does not select a tagged declaration that does not parse", () => {
    const broken = scanLibrary([{ file: "lean/Sym/C.lean", text: "namespace Sym\n/-- X1.1: broken. -/\ndef Broken : Prop := (\nend Sym\n" }]);
    const d = broken.byName.get("Sym.Broken");
    expect(d?.parsed.ok).toBe(false);
    expect(selectDeclarations(broken, undefined).selected).toEqual([]);
  });
});

describe("narrowSelection", () => {
  let all!: ReturnType<typeof selectDeclarations>["selected"];
  beforeEach(() => {
    all = selectDeclarations(lib, undefined).selected;
  });
  it("keeps everything when not narrowed", () => {
    expect(names(narrowSelection(all))).toEqual(names(all));
  });
  it("narrows to a claim id", () => {
    expect(names(narrowSelection(all, "X1.2"))).toEqual(["Sym.Conj"]);
  });
  it("narrows to a declaration by its full name or its last components, never a partial component", () => {
    expect(names(narrowSelection(all, undefined, "Sym.thm"))).toEqual(["Sym.thm"]);
    expect(names(narrowSelection(all, undefined, "thm"))).toEqual(["Sym.thm"]);
    expect(names(narrowSelection(all, undefined, "hm"))).toEqual([]);
    expect(names(narrowSelection(all, undefined, "ym.thm"))).toEqual([]);
  });
  it("narrows to both at once", () => {
    expect(names(narrowSelection(all, "X1.1", "thm"))).toEqual(["Sym.thm"]);
    expect(names(narrowSelection(all, "X1.2", "thm"))).toEqual([]);
  });
});
