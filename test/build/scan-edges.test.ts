/**
 * The source scanner at its edges: masking of strings, characters and comments; scopes opened and
 * closed by `namespace`, `section`, `open … in` and `end A.B`; where a statement ends and a body
 * stops; which docstring a declaration gets and which claim id that names.
 */
import { describe, expect, it } from "vitest";
import { identifiersOf, maskSource, resolveIdent, scanLean } from "../../src/build/scan.js";

const decls = (src: string) => scanLean(src).declarations;
const names = (src: string) => decls(src).map((d) => d.name);

describe("maskSource", () => {
  it("blanks string literals with escaped quotes, and character literals, but not primes of names", () => {
    expect(maskSource(`a "x\\"y" b 'c' d'e' '\\n' f`).code).toBe(`a        b     d'e'      f`);
  });
  it("blanks an unterminated block comment to the end, keeping its newlines, and a line comment at the end of the text", () => {
    expect(maskSource("a /- open /- nested -/ still\nopen").code).toBe("a" + " ".repeat(27) + "\n    ");
    expect(maskSource("x -- end").code).toBe("x       ");
  });
  it("keeps docstrings (`/--`) with their trimmed body and end offset, not module docs (`/-!`) nor the empty comment `/--/`", () => {
    expect(maskSource("/--/ a\n/-! mod -/ b /-- d1 -/ c /--\n  multi\n-/").docs).toEqual([
      { body: "d1", end: 29 },
      { body: "multi", end: 46 },
    ]);
  });
  it("ends a string left open at the end of the text, and leaves a quote that starts no character literal", () => {
    expect(maskSource('a "open').code).toBe("a      ");
    expect(maskSource("f 'ab x").code).toBe("f 'ab x");
    expect(maskSource("f 'ab 'c' x").code).toBe("f 'ab     x");
  });
  it("blanks escaped character literals of several characters", () => {
    expect(maskSource("'\\x41' y '\\n' z").code).toBe("       y      z");
  });
  it("nests only on `/-`, not on a slash alone", () => {
    expect(maskSource("/- a/b -/ x").code).toBe("          x");
  });
  it("blanks a block comment that opens right after code and one that closes right before code", () => {
    expect(maskSource("f/-c-/g").code).toBe("f     g");
    expect(maskSource("a-/b").code).toBe("a-/b");
  });
});

describe("identifiersOf", () => {
  it("drops keywords and binder symbols, keeps dotted and guillemet names once each, in order of first use", () => {
    expect(identifiersOf("Π x, Σ y, ∀ z, λ w => fun v => f x.y «a b».c ∃ t, f")).toEqual(["x", "y", "z", "w", "v", "f", "x.y", "«a b».c", "t"]);
  });
  it("drops a binder symbol only as a whole word, and reads guillemets after a dot", () => {
    expect(identifiersOf("Σs xΠ A.«b c».d")).toEqual(["Σs", "xΠ", "A.«b c».d"]);
  });
  it("does not take a field number or the tail of a name after a dot or a digit as a name", () => {
    expect(identifiersOf("h.1 h.2.symm 2x")).toEqual(["h"]);
  });
});

describe("resolveIdent", () => {
  const known = new Set(["A.B.f", "A.f", "f", "O.g", "g", "O.h", "P.h"]);
  it("prefers the innermost enclosing namespace, then the outer ones, then the root", () => {
    expect(resolveIdent("f", { namespaces: ["A", "B"], opens: [] }, known)).toBe("A.B.f");
    expect(resolveIdent("f", { namespaces: ["A", "C"], opens: [] }, known)).toBe("A.f");
    expect(resolveIdent("f", { namespaces: ["C"], opens: [] }, known)).toBe("f");
  });
  it("prefers the root to an opened namespace, and the first opened namespace to a later one", () => {
    expect(resolveIdent("g", { namespaces: [], opens: ["O"] }, known)).toBe("g");
    expect(resolveIdent("h", { namespaces: [], opens: ["O", "P"] }, known)).toBe("O.h");
    expect(resolveIdent("h", { namespaces: [], opens: ["P", "O"] }, known)).toBe("P.h");
  });
  it("takes the longest prefix of a dotted name that names a declaration", () => {
    expect(resolveIdent("A.f.comm.symm", { namespaces: [], opens: [] }, known)).toBe("A.f");
    expect(resolveIdent("B.f", { namespaces: ["A"], opens: [] }, known)).toBe("A.B.f");
    expect(resolveIdent("Q.f", { namespaces: [], opens: [] }, known)).toBeUndefined();
    expect(resolveIdent("zz", { namespaces: ["A"], opens: ["O", "P"] }, known)).toBeUndefined();
  });
});

describe("scopes", () => {
  it("`end B` closes only the inner namespace, `end` of a section keeps the namespace around it", () => {
    const src = "namespace A\nnamespace B\ntheorem t : True := trivial\nend B\ntheorem u : True := trivial\nsection\ntheorem w : True := trivial\nend\ntheorem x : True := trivial\nend A\ntheorem v : True := trivial\n";
    expect(names(src)).toEqual(["A.B.t", "A.u", "A.w", "A.x", "v"]);
    expect(decls(src).map((d) => d.scope.namespaces)).toEqual([["A", "B"], ["A"], ["A"], ["A"], []]);
  });
  it("`end A.B` closes two nested namespaces, and a named section inside them", () => {
    expect(names("namespace A\nnamespace B\nsection S\nend S\ntheorem t : True := trivial\nend A.B\ntheorem u : True := trivial\n")).toEqual(["A.B.t", "u"]);
    expect(names("namespace A.B\ntheorem t : True := trivial\nend A.B\ntheorem u : True := trivial\n")).toEqual(["A.B.t", "u"]);
  });
  it("`end A.B.C` closes three nested namespaces", () => {
    expect(names("namespace A\nnamespace B\nnamespace C\ntheorem t : True := trivial\nend A.B.C\ntheorem u : True := trivial\n")).toEqual(["A.B.C.t", "u"]);
  });
  it("an `end` that names another scope closes only the innermost one", () => {
    expect(names("namespace A\nnamespace B\nend X.Y\ntheorem t : True := trivial\nnamespace B\nend XYB\ntheorem u : True := trivial\n")).toEqual(["A.t", "A.u"]);
  });
  it("reads `namespace`, `section` and `end` with several blanks before the name", () => {
    expect(names("namespace  A\nsection  Foo\nend Foo\ntheorem t : True := trivial\nend  A\ntheorem u : True := trivial\n")).toEqual(["A.t", "u"]);
    expect(names("namespace A\n@[expose]  public  noncomputable section\nend\ntheorem t : True := trivial\nend A\n")).toEqual(["A.t"]);
  });
  it("a line that merely starts or ends with the words namespace, section, end or open is no scope command", () => {
    const src = [
      "namespace A",
      "def in_namespace (x : Nat) : Nat := x",
      "def s : Nat := intersection",
      "def x : Nat := legend",
      "def isopen (s : Nat) : Prop := s = s",
      "theorem t : True :=",
      "endTrivial",
      "theorem t2 : True :=",
      "sections_trivial",
      "end A",
      "theorem u : True := trivial",
    ].join("\n");
    expect(names(src)).toEqual(["A.in_namespace", "A.s", "A.x", "A.isopen", "A.t", "A.t2", "u"]);
  });
  it("a section with attributes and modifiers and a name is a scope that its `end` closes", () => {
    const src = "namespace A\n@[expose] public noncomputable section Foo\ntheorem t : True := trivial\nend Foo\ntheorem u : True := trivial\nend A\ntheorem v : True := trivial\n";
    expect(names(src)).toEqual(["A.t", "A.u", "v"]);
  });
  it("an `open` lasts to the end of its scope; `open … in` applies to the next declaration only, first", () => {
    const src = "namespace A\nopen X Y\ntheorem t : True := trivial\nend A\nopen Z\ntheorem u : True := trivial\nopen W in\ntheorem v : True := trivial\ntheorem w : True := trivial\n";
    expect(decls(src).map((d) => [d.name, d.scope.opens])).toEqual([
      ["A.t", ["X", "Y"]],
      ["u", ["Z"]],
      ["v", ["W", "Z"]],
      ["w", ["Z"]],
    ]);
  });
  it("`open … in` with several blanks before `in` is still for the next declaration only, and `open A (x)` opens A", () => {
    const src = "open X  in\ntheorem t : True := trivial\nopen Foo (x)\ntheorem u : True := trivial\n";
    expect(decls(src).map((d) => [d.name, d.scope.opens])).toEqual([
      ["t", ["X"]],
      ["u", ["Foo"]],
    ]);
  });
  it("lists the opens of inner scopes before outer ones and before the file's", () => {
    const src = "open F\nnamespace A\nopen O1\nsection\nopen I1\ntheorem t : True := trivial\nend\nend A\n";
    expect(decls(src)[0]!.scope.opens).toEqual(["O1", "I1", "F"]);
  });
  it("an indented `open` is not a command (a tactic's `open … in`), nor an indented declaration keyword", () => {
    const src = "theorem t : True := by\n  open Foo in\n  theorem inner : True := trivial\n  exact trivial\ntheorem u : True := trivial\n";
    expect(decls(src).map((d) => [d.name, d.scope.opens])).toEqual([
      ["t", []],
      ["u", []],
    ]);
  });
  it("a dotted namespace gives its parts as enclosing namespaces; `_root_` leaves all of them", () => {
    const src = "namespace A.B\ntheorem t : True := trivial\ntheorem _root_.top : True := trivial\nend A.B\n";
    expect(decls(src).map((d) => [d.name, d.scope.namespaces])).toEqual([
      ["A.B.t", ["A", "B"]],
      ["top", []],
    ]);
  });
});

describe("declaration headers", () => {
  it("reads every modifier and attribute before the keyword, and `class inductive` as a class", () => {
    const src = "private theorem a : True := trivial\nprotected def b : Nat := 1\nnonrec theorem c : True := trivial\n@[simp] @[reducible] abbrev d : Nat := 1\nclass inductive E where | e\nscoped instance f : Inhabited Nat := ⟨0⟩\ntheoremx : True\n";
    expect(decls(src).map((d) => [d.name, d.kind])).toEqual([
      ["a", "theorem"],
      ["b", "def"],
      ["c", "theorem"],
      ["d", "abbrev"],
      ["E", "class"],
      ["f", "instance"],
    ]);
  });
  it("reads a name after several blanks, and `class  inductive` with two", () => {
    expect(decls("theorem  t : True := trivial\nclass  inductive E\n  | a\n  | b\n").map((d) => [d.name, d.kind, d.statement, d.body])).toEqual([
      ["t", "theorem", ": True", undefined],
      ["E", "class", "", "| a | b"],
    ]);
  });
  it("keeps the binders of an anonymous instance in its statement, and finds a name after a priority and several blanks", () => {
    expect(decls("instance (n : Nat) : Inhabited (Fin (n+1)) := ⟨0⟩\ninstance (priority := low)  instFoo : Foo := ⟨⟩\n").map((d) => [d.name, d.statement])).toEqual([
      ["instance@1", "(n : Nat) : Inhabited (Fin (n+1))"],
      ["instFoo", ": Foo"],
    ]);
  });
  it("names an instance after its priority, or after its line when it has no name", () => {
    const src = "instance (priority := low) instFoo : Foo := ⟨⟩\ninstance (priority := 10) : Bar := ⟨⟩\ninstance : Baz := ⟨⟩\n";
    expect(decls(src).map((d) => [d.name, d.statement])).toEqual([
      ["instFoo", ": Foo"],
      ["instance@2", ": Bar"],
      ["instance@3", ": Baz"],
    ]);
  });
});

describe("where a statement ends", () => {
  it("at the first `:=` outside every kind of bracket, across lines, with the last line of the statement", () => {
    const d = decls("theorem t (h : a = b)\n    (k : [x] = ⟨y⟩) {z : Nat} ⦃w : f := g⦄\n    (m : {p // p := q}) :\n    f := rfl\n")[0]!;
    expect(d.statement).toBe("(h : a = b) (k : [x] = ⟨y⟩) {z : Nat} ⦃w : f := g⦄ (m : {p // p := q}) : f");
    expect([d.line, d.endLine]).toEqual([1, 4]);
  });
  it("at `where` as a word after a space, not inside a longer name", () => {
    expect(decls("def w (x : Nat) : Nat where\n  a := 1\ndef whereabouts : Nat := 1\ndef s (y : Nat) : somewhere := y\n").map((d) => [d.statement, d.body])).toEqual([
      ["(x : Nat) : Nat", "where a := 1"],
      [": Nat", ":= 1"],
      ["(y : Nat) : somewhere", ":= y"],
    ]);
  });
  it("at `|` for an inductive type or a structure, not for a definition by pattern matching", () => {
    expect(decls("inductive T\n  | a (x : Nat) : T\n  | b\ndef g (n : Nat) : Nat → Nat\n  | 0 => 1\n  | _ => 2\n").map((d) => [d.name, d.statement, d.body, d.endLine])).toEqual([
      ["T", "", "| a (x : Nat) : T | b", 2],
      ["g", "(n : Nat) : Nat → Nat | 0 => 1 | _ => 2", "", 6],
    ]);
  });
  it("at the next command when there is no `:=` (an `opaque`-like or axiom-like header)", () => {
    expect(decls("def f : Nat\ntheorem g : True := trivial\n").map((d) => [d.name, d.body])).toEqual([
      ["f", ""],
      ["g", undefined],
    ]);
    for (const next of ["theorem", "lemma", "def", "structure", "inductive", "class", "instance", "abbrev", "end", "namespace", "section", "example", "open", "variable", "@["]) {
      const d = decls(`def f : Nat\n${next} g : True := trivial\n`)[0]!;
      expect([d.name, d.statement, d.endLine], next).toEqual(["f", ": Nat", 1]);
    }
  });
  it("not at a keyword inside a name, nor at one that a continuation line holds", () => {
    expect(decls("theorem t (h : x.end = ends) :\n  x.end = y := rfl\ntheorem u :\nT:= x\n").map((d) => [d.statement, d.endLine])).toEqual([
      ["(h : x.end = ends) : x.end = y", 2],
      [":\nT".replace("\n", " "), 4],
    ]);
  });
  it("ends a definition's body at the next line that starts at column 0 with a name, an attribute or a command", () => {
    expect(decls("def p : Nat × Nat :=\n(x, y)\ntheorem t : True := trivial\n")[0]!.body).toBe(":= (x, y)");
  });
  it("counts the lines of a statement that ends on a later line after blank lines", () => {
    const d = decls("theorem t\n  (a : Nat)\n\n  (b : Nat) :\n  a = a := rfl\n\n\ntheorem u : True := trivial\n");
    expect(d.map((x) => [x.name, x.line, x.endLine])).toEqual([
      ["t", 1, 5],
      ["u", 8, 8],
    ]);
  });
  it("gives each declaration of a long file its own line (the line search)", () => {
    const src = Array.from({ length: 40 }, (_, k) => `theorem t${k} : True := trivial`).join("\n");
    expect(decls(src).map((d) => [d.line, d.endLine])).toEqual(Array.from({ length: 40 }, (_, k) => [k + 1, k + 1]));
  });
});

describe("definition bodies", () => {
  it("run to the next top-level command, over indented lines and blank lines, and not into the next declaration", () => {
    const src = "def f : Nat :=\n  let x := 1\n\n  x + 1\n-- trailing comment\ntheorem t : f = 2 := rfl\nstructure S where\n  a : Nat\n  b : Nat\n#check S\n";
    expect(decls(src).map((d) => [d.name, d.body])).toEqual([
      ["f", ":= let x := 1 x + 1"],
      ["t", undefined],
      ["S", "where a : Nat b : Nat"],
    ]);
  });
  it("add the body's identifiers to a definition's, after the statement's", () => {
    expect(decls("def f (n : Nat) : Nat := g n + h\n")[0]!.idents).toEqual(["n", "Nat", "g", "h"]);
  });
});

describe("docstrings and claim ids", () => {
  const src = [
    "/-- P3.6x: a letter after the number -/",
    "theorem a : True := trivial",
    "/-- P3.6, with a comma -/",
    "theorem c : True := trivial",
    "/-- P3 -/",
    "theorem d : True := trivial",
    "/-- intro P3.6 -/",
    "theorem e : True := trivial",
    "/-- P3.6 -/",
    "#check 1",
    "theorem f : True := trivial",
    "/-- first -/",
    "/-- R3.2b: second -/",
    "@[simp]",
    "",
    "theorem g : True := trivial",
    "/-- D3.1. then a sentence -/",
    "theorem h : True := trivial",
  ].join("\n");
  // Computed inside each test, so that mutation testing's per-test coverage sees it.
  const byName = () => new Map(decls(src).map((d) => [d.name, d]));
  it("the claim id is the docstring's first word when it has the form of one", () => {
    expect([...byName().values()].map((d) => [d.name, d.docId])).toEqual([
      ["a", "P3.6x"],
      ["c", "P3.6"],
      ["d", undefined],
      ["e", undefined],
      ["f", undefined],
      ["g", "R3.2b"],
      ["h", "D3.1"],
    ]);
  });
  it("a declaration gets the last docstring before it, across attributes and blank lines, and none across other code", () => {
    const by = byName();
    expect(by.get("g")!.docstring).toBe("R3.2b: second");
    expect(by.get("f")!.docstring).toBeUndefined();
    expect(by.get("d")!.docstring).toBe("P3");
  });
  it("a declaration that follows a docstring or a comment on its own line is found, with that docstring (not when the line is indented)", () => {
    const src = "/-- P3.6: same line -/ theorem a : True := trivial\n/- note -/ def b : Nat := 1\n/-- doc\nover lines -/ @[simp] theorem c : True := trivial\n  /- indented -/ theorem inner : True := trivial\n";
    expect(decls(src).map((d) => [d.name, d.line, d.statement, d.docId, d.docstring, d.body])).toEqual([
      ["a", 1, ": True", "P3.6", "P3.6: same line", undefined],
      ["b", 2, ": Nat", undefined, undefined, ":= 1"],
      ["c", 4, ": True", undefined, "doc\nover lines", undefined],
    ]);
  });
  it("a docstring right against its declaration, after an earlier one, is the declaration's", () => {
    expect(decls("/-- a -/\ntheorem s : True := trivial\n/-- b -/theorem t : True := trivial\n").map((d) => d.docstring)).toEqual(["a", "b"]);
  });
  it("a docstring reaches its declaration across a blank line", () => {
    expect(decls("/-- P3.6: d -/\n\ntheorem t : True := trivial\n")[0]!.docId).toBe("P3.6");
  });
  it("a docstring before a namespace does not reach the declaration inside it", () => {
    expect(decls("/-- P3.6: doc -/\nnamespace A\ntheorem t : True := trivial\nend A\n")[0]!.docstring).toBeUndefined();
  });
});

describe("a file with a byte-order mark", () => {
  it("takes only the first line's mark for indentation: an indented line later stays indented", () => {
    expect(names("\uFEFFtheorem t : True := by\n trivial\n theorem inner : True := trivial\ntheorem u : True := trivial\n")).toEqual(["t", "u"]);
  });
});

describe("forbidden constructs: reports", () => {
  it("name `axioms` as axiom, and give the trimmed source line (not the masked one) as text", () => {
    expect(scanLean("theorem t : True := by\n    exact (sorry) -- sorry\naxioms\n").forbidden).toEqual([
      { construct: "sorry", line: 2, column: 12, text: "exact (sorry) -- sorry" },
      { construct: "axiom", line: 3, column: 1, text: "axioms" },
    ]);
  });
  it("are found in the last line of a file without a newline and in a one-word file", () => {
    expect(scanLean("opaque").forbidden.map((f) => [f.construct, f.line, f.column])).toEqual([["opaque", 1, 1]]);
    expect(scanLean("theorem t : True := trivial\n  sorry").forbidden.map((f) => [f.construct, f.line, f.column])).toEqual([["sorry", 2, 3]]);
  });
});
