import { beforeEach, describe, expect, it } from "vitest";
import { maskSource, resolveIdent, scanLean, type ScannedDeclaration } from "../../src/build/scan.js";

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

// Scans run inside each test (not in the describe body), so mutation testing's per-test coverage sees them.
describe("scanLean", () => {
  let r: ReturnType<typeof scanLean>;
  beforeEach(() => {
    r = scanLean(SRC);
  });
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

describe("forbidden constructs", () => {
  const cases: [string, string, number][] = [
    ["axiom", "axiom bogus : False", 1],
    ["axiom", "private axiom hidden (n : Nat) : n = 0", 9],
    ["unsafe", "unsafe def peek (n : Nat) : Nat := n", 1],
    ["opaque", "opaque secret : Nat", 1],
    ["partial", "partial def loop (n : Nat) : Nat := loop n", 1],
    ["extern", '@[extern "lean_add"] def add2 (a b : Nat) : Nat := a + b', 3],
    ["implemented_by", "@[implemented_by add2] def add3 (a b : Nat) : Nat := a + b", 3],
    ["sorry", "theorem t : 1 = 2 := by sorry", 25],
    ["admit", "theorem t : 1 = 2 := by admit", 25],
    ["native_decide", "theorem t : 1 = 1 := by native_decide", 25],
  ];
  for (const [construct, line, column] of cases) {
    it(`catches \`${construct}\` with its line and column: ${line}`, () => {
      const r = scanLean(`module\n\nnamespace Sym\n${line}\nend Sym\n`);
      expect(r.forbidden.map((f) => [f.construct, f.line, f.column])).toEqual([[construct, 4, column]]);
    });
  }
  it("ignores the words in comments, docstrings and strings, and inside longer names", () => {
    const r = scanLean(`/-- an unsafe, partial, opaque axiom -/\ndef partialSum (s : String := "unsafe") : Nat := 0 -- opaque\ntheorem axiom_free : True := trivial\n`);
    expect(r.forbidden).toEqual([]);
  });
});

describe("declaration bodies and uses", () => {
  let by: Map<string, ScannedDeclaration>;
  beforeEach(() => {
    by = new Map(scanLean(`namespace Sym\nopen Mat\ndef f (x : Nat) : Nat :=\n  g x + 1 -- a comment\ntheorem f_eq (x : Nat) : f x = x := by\n  simp [f, h]\nstructure S (α : Type) : Prop where\n  pos : f 0 = 0\nend Sym\n`).declarations.map((d) => [d.name, d]));
  });
  it("a definition's body is the text after its statement up to the next command, comments removed", () => {
    expect(by.get("Sym.f")!.body).toBe(":= g x + 1");
    expect(by.get("Sym.S")!.body).toBe("where pos : f 0 = 0");
    expect(by.get("Sym.f_eq")!.body).toBeUndefined();
  });
  it("a theorem's identifiers come from its statement only, a definition's from its body too", () => {
    expect(by.get("Sym.f_eq")!.idents).toEqual(["x", "Nat", "f"]);
    expect(by.get("Sym.f_eq")!.idents).not.toContain("h");
    expect(by.get("Sym.f")!.idents).toContain("g");
    expect(by.get("Sym.f")!.scope).toEqual({ namespaces: ["Sym"], opens: ["Mat"] });
  });
  it("resolves identifiers against enclosing and opened namespaces", () => {
    const known = new Set(["Sym.f", "Sym.Mat.mul", "Mat.g", "Sym.S"]);
    expect(resolveIdent("f", { namespaces: ["Sym"], opens: [] }, known)).toBe("Sym.f");
    expect(resolveIdent("Mat.mul", { namespaces: ["Sym"], opens: [] }, known)).toBe("Sym.Mat.mul");
    expect(resolveIdent("g", { namespaces: ["Sym"], opens: ["Mat"] }, known)).toBe("Mat.g");
    expect(resolveIdent("f.trans", { namespaces: ["Sym"], opens: [] }, known)).toBe("Sym.f");
    expect(resolveIdent("x", { namespaces: ["Sym"], opens: [] }, known)).toBeUndefined();
  });
});

describe("a file that starts with a byte-order mark", () => {
  it("still declares its first-line declaration, with its statement and forbidden uses", () => {
    const r = scanLean("\uFEFFtheorem t : True := sorry\ntheorem u : 1 = 1 := rfl\n");
    expect(r.declarations.map((d) => [d.name, d.line, d.statement])).toEqual([
      ["t", 1, ": True"],
      ["u", 2, ": 1 = 1"],
    ]);
    expect(r.forbidden.map((f) => [f.construct, f.line])).toEqual([["sorry", 1]]);
  });
});
