import { describe, expect, it } from "vitest";
import { maskSource, scanLean } from "../../src/build/scan.js";

const SRC = `module

public import Init

/-! # Title
mentions sorry and axiom in prose -/

@[expose] public noncomputable section

namespace Sym

/-- P3.6: the map is invariant. -/
theorem phi_act {n : Nat} (K : Nat)
    (h : K = n) : K + 0 = n := by
  simp [h]

namespace Inner
/-- a def -/
@[simp] def f (x : Nat) : Nat := x -- sorry in a comment

section Foo
/-- R3.2a: surjective. -/
lemma g_eq : f 1 = 1 := rfl
end Foo

structure Cfg where
  a : Nat

instance : Inhabited Cfg := ⟨⟨0⟩⟩
end Inner

theorem _root_.top_level : True := trivial
def s : String := "sorry"
theorem bad : 1 = 1 := by sorry
end Sym

theorem Other.name (a : Nat) : a = a := rfl
end
`;

describe("scanLean", () => {
  const r = scanLean(SRC);
  it("resolves namespaces, sections, _root_ and dotted names", () => {
    expect(r.declarations.map((d) => [d.name, d.kind, d.line])).toEqual([
      ["Sym.phi_act", "theorem", 13],
      ["Sym.Inner.f", "def", 19],
      ["Sym.Inner.g_eq", "lemma", 23],
      ["Sym.Inner.Cfg", "structure", 26],
      ["Sym.Inner.instance@29", "instance", 29],
      ["top_level", "theorem", 32],
      ["Sym.s", "def", 33],
      ["Sym.bad", "theorem", 34],
      ["Other.name", "theorem", 37],
    ]);
  });
  it("takes the claim id from the start of the docstring", () => {
    const byName = new Map(r.declarations.map((d) => [d.name, d]));
    expect(byName.get("Sym.phi_act")?.docId).toBe("P3.6");
    expect(byName.get("Sym.Inner.g_eq")?.docId).toBe("R3.2a");
    expect(byName.get("Sym.Inner.f")?.docId).toBeUndefined();
    expect(byName.get("Sym.Inner.f")?.docstring).toBe("a def");
    expect(byName.get("Sym.s")?.docstring).toBeUndefined();
  });
  it("extracts the statement up to := across lines", () => {
    const d = r.declarations[0]!;
    expect(d.statement).toBe("{n : Nat} (K : Nat) (h : K = n) : K + 0 = n");
    expect(d.endLine).toBe(14);
    expect(r.declarations.find((x) => x.name === "Sym.Inner.Cfg")?.statement).toBe("");
  });
  it("finds forbidden constructs in code only, not in comments or strings", () => {
    expect(r.forbidden.map((f) => [f.construct, f.line, f.column])).toEqual([["sorry", 34, 27]]);
  });
});

describe("maskSource", () => {
  it("keeps offsets and newlines, blanks nested comments", () => {
    const t = "a /- x /- y -/ z -/ b\n-- c\nd";
    const m = maskSource(t);
    expect(m.code.length).toBe(t.length);
    expect(m.code.split("\n").map((l) => l.replace(/ +/g, " ").trim())).toEqual(["a b", "", "d"]);
  });
});
