/**
 * The library scanner on hostile and unusual input: every declaration is either read right or
 * diagnosed with a position, nothing throws, and scanning is linear in the file size.
 */
import { describe, expect, it } from "vitest";
import { printExpr, scanFile, type LibraryDeclaration } from "../../src/parser/index.js";
import { MAX_DEPTH } from "../../src/parser/parser.js";

function scan(text: string, file = "input.lean") {
  return scanFile(file, text);
}

function decl(r: ReturnType<typeof scan>, name: string): LibraryDeclaration {
  const d = r.declarations.find((x) => x.name === name);
  if (!d) throw new Error(`no declaration ${name}; found ${r.declarations.map((x) => x.name).join(", ")}`);
  return d;
}

function body(d: LibraryDeclaration): string {
  if (!d.parsed.ok) throw new Error(`${d.name} failed: ${d.parsed.diagnostics[0]?.message}`);
  return d.parsed.value.body ? printExpr(d.parsed.value.body) : "";
}

function statement(d: LibraryDeclaration): string {
  if (!d.parsed.ok) throw new Error(`${d.name} failed: ${d.parsed.diagnostics[0]?.message}`);
  return printExpr(d.parsed.value.type);
}

function failure(d: LibraryDeclaration) {
  if (d.parsed.ok) throw new Error(`${d.name} parsed, a diagnostic was expected`);
  const x = d.parsed.diagnostics[0];
  if (!x?.range) throw new Error("diagnostic without a position");
  return { code: x.code, line: x.range.line, column: x.range.column, file: x.range.file, message: x.message };
}

describe("lexical layout: comments, strings, characters", () => {
  it("a byte-order mark is not part of the text: the declaration is found at line 1, column 1", () => {
    const r = scan("\uFEFFtheorem a (x : Nat) : x = x := rfl\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["a"]);
    const d = decl(r, "a");
    expect(d.parsed.ok && d.parsed.value.range.column).toBe(1);
  });

  it("a string containing a comment opener hides no declaration", () => {
    const r = scan('def s : String := "/- not a comment"\ntheorem b (x : Nat) : x = x := rfl\ndef t : String := "-- nor this"\ntheorem c : True := trivial\n');
    expect(r.declarations.map((d) => d.name)).toEqual(["s", "b", "t", "c"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("a string spanning lines with an escaped quote hides the lines it contains, not the ones after", () => {
    const r = scan('def s : String := "line \\" one\ntheorem inside : True := trivial\n"\ntheorem after : True := trivial\n');
    expect(r.declarations.map((d) => d.name)).toEqual(["s", "after"]);
  });

  it("raw strings r\"…\" and r#\"…\"# with comment openers inside", () => {
    const r = scan('def s : String := r"/-"\ndef t : String := r#"a " -/ /-"#\ntheorem after : True := trivial\n');
    expect(r.declarations.map((d) => d.name)).toEqual(["s", "t", "after"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("character literals that are quotes do not open strings", () => {
    const r = scan("def q : Char := '\"'\ntheorem d : True := trivial\ndef r : Char := '\\''\ntheorem e : True := trivial\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["q", "d", "r", "e"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("a primed name is not a character literal", () => {
    const r = scan("theorem h' (x' : Nat) : x' = x' := rfl\ntheorem k : True := trivial\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["h'", "k"]);
  });

  it("nested block comments hide what they contain", () => {
    const r = scan("/- outer /- inner -/ theorem hidden : True := trivial -/\ntheorem seen : True := trivial\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["seen"]);
  });

  it("an unterminated block comment is diagnosed at its opener and the rest of the file is still read", () => {
    const r = scan("theorem j : True := trivial\n  /- oops\ntheorem k : True := trivial\n", "u.lean");
    expect(r.diagnostics.map((d) => [d.code, d.range?.file, d.range?.line, d.range?.column])).toEqual([["SYM002", "u.lean", 2, 3]]);
    expect(r.declarations.map((d) => d.name)).toEqual(["j", "k"]);
  });

  it("an unterminated doc comment is diagnosed at its opener", () => {
    const r = scan("/-- P3.1: never closed\ntheorem k : True := trivial\n");
    expect(r.diagnostics.map((d) => [d.code, d.range?.line, d.range?.column])).toEqual([["SYM002", 1, 1]]);
  });

  it("an unterminated string is diagnosed at its opening quote", () => {
    const r = scan('theorem j : True := trivial\ndef s : String := "oops\ntheorem k : True := trivial\n');
    expect(r.diagnostics.map((d) => [d.code, d.range?.line, d.range?.column])).toEqual([["SYM003", 2, 19]]);
    expect(r.declarations.map((d) => d.name)).toContain("k");
  });

  it("an unterminated comment inside a statement fails that statement with a position", () => {
    const r = scan("theorem k : True ∧ /- oops");
    expect(failure(decl(r, "k"))).toMatchObject({ code: "SYM002", line: 1, column: 20 });
  });
});

describe("commands: attributes, prefixes, scopes", () => {
  it("nested attributes with commas, `=` and brackets", () => {
    const r = scan("@[simp, grind =] theorem f (x : Nat) : x + 0 = x := rfl\n@[aesop safe apply (rule_sets := [Foo]), simp]\ntheorem g : True := trivial\n");
    expect(r.declarations.map((d) => [d.name, d.line])).toEqual([["f", 1], ["g", 3]]);
    expect(statement(decl(r, "f"))).toBe("x + 0 = x");
  });

  it("`open … in` and `set_option … in` on the declaration's line", () => {
    const r = scan("open Nat in theorem h (n : Nat) : n = n := rfl\nset_option maxHeartbeats 400 in theorem i : True := trivial\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["h", "i"]);
    expect(statement(decl(r, "h"))).toBe("n = n");
  });

  it("a doc comment before attributes and a prefix on their own lines belongs to the declaration", () => {
    const r = scan("/-- P3.4: a claim. -/\n@[simp]\ntheorem p : True := trivial\n/-- P3.5: on the same line -/ theorem q : True := trivial\n");
    expect(r.declarations.map((d) => [d.name, d.docId])).toEqual([["p", "P3.4"], ["q", "P3.5"]]);
  });

  it("a blank line separates a doc comment from the next declaration", () => {
    const r = scan("/-- P3.4: a claim. -/\n\ntheorem p : True := trivial\n");
    expect(decl(r, "p").docId).toBeUndefined();
  });

  it("universe parameters `foo.{u}` are part of the header, not of the name", () => {
    const r = scan("theorem foo.{u, v} {α : Sort u} (a : α) : a = a := rfl\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["foo"]);
    expect(statement(decl(r, "foo"))).toBe("a = a");
  });

  it("`end` of a `mutual` block does not close the namespace", () => {
    const r = scan("namespace A\nmutual\ndef e1 : Nat → Prop := fun _ => True\ndef e2 : Nat → Prop := fun _ => True\nend\ntheorem inA : True := trivial\nend A\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["A.e1", "A.e2", "A.inA"]);
  });

  it("an indented `theorem` (inside a proof or a `where`) is not a command", () => {
    const r = scan("theorem a : True := by\n  have theorem_b : True := trivial\n  exact theorem_b\n");
    expect(r.declarations.map((d) => d.name)).toEqual(["a"]);
  });
});

describe("nesting is bounded: a diagnostic with a position, never a stack overflow", () => {
  it("10,000 nested parentheses", () => {
    const r = scan(`theorem deep : ${"(".repeat(10000)}True${")".repeat(10000)} := sorry\ntheorem after : True := trivial\n`, "deep.lean");
    const f = failure(decl(r, "deep"));
    expect(f).toMatchObject({ code: "SYM111", file: "deep.lean", line: 1 });
    expect(f.message).toContain(String(MAX_DEPTH));
    expect(decl(r, "after").parsed.ok).toBe(true);
  });

  it("10,000 nested negations, arrows, binders and brackets", () => {
    for (const stmt of ["¬".repeat(10000) + "True", Array(10000).fill("True").join(" → "), "∀ x : Nat, ".repeat(10000) + "True", "[".repeat(10000) + "]".repeat(10000) + " = []"]) {
      const r = scan(`theorem deep : ${stmt} := sorry\n`);
      expect(failure(decl(r, "deep")).code).toBe("SYM111");
    }
  });

  it("a chain of 30,000 additions", () => {
    const r = scan(`theorem long : ${Array(30000).fill("1").join(" + ")} = 0 := sorry\n`);
    expect(failure(decl(r, "long")).code).toBe("SYM111");
  });

  it("200 nested parentheses still parse", () => {
    const r = scan(`theorem ok : ${"(".repeat(200)}True${")".repeat(200)} := trivial\n`);
    expect(decl(r, "ok").parsed.ok).toBe(true);
  });
});

describe("literals and notations read right", () => {
  it("hexadecimal, binary and octal literals have their value", () => {
    const r = scan("theorem hx : (0x10 : Nat) = 0b101 + 0o7 + 0x1_0 := rfl\n");
    expect(statement(decl(r, "hx"))).toBe("(16 : Nat) = 5 + 7 + 16");
  });

  it("scientific literals are exact decimals", () => {
    const r = scan("theorem sci : (1.5e3 : Float) = 25e-3 := rfl\n");
    expect(statement(decl(r, "sci"))).toBe("(1500 : Float) = 0.025");
  });

  it("a literal glued to letters is an error, not two tokens", () => {
    const r = scan("theorem bad : 0x1g = 1 := rfl\n");
    expect(failure(decl(r, "bad"))).toMatchObject({ code: "SYM004", line: 1, column: 15 });
  });

  it("`ℝ≥0` and `ℝ≥0∞` are single names, not comparisons", () => {
    const r = scan("theorem nn (x : ℝ≥0) (y : ℝ≥0∞) : x = x := rfl\n");
    const d = decl(r, "nn");
    expect(d.parsed.ok && d.parsed.value.binders.map((b) => (b.type ? printExpr(b.type) : ""))).toEqual(["ℝ≥0", "ℝ≥0∞"]);
  });
});

describe("statements: read right or diagnosed, never half-read", () => {
  it("a definition body ending in `fun i j => …` is read whole", () => {
    const r = scan("def IsDiag (A : Nat → Nat → Nat) : Prop := Pairwise fun i j => A i j = 0\n");
    expect(body(decl(r, "IsDiag"))).toBe("Pairwise (fun i j => A i j = 0)");
  });

  it("a body followed by a stray tactic block is diagnosed, not cut", () => {
    const r = scan("def bad : Prop := True by simp\n");
    expect(failure(decl(r, "bad"))).toMatchObject({ code: "SYM101", line: 1, column: 24 });
  });

  it("`structure … extends P : Prop` keeps its parent as a conjunct and as the field `toP`", () => {
    const r = scan("structure P (n : Nat) : Prop where\n  pos : 0 < n\nstructure Q (n : Nat) extends P n : Prop where\n  small : n < 10\n");
    expect(body(decl(r, "Q"))).toBe("P n ∧ n < 10");
    expect(r.declarations.filter((d) => d.fieldOf === "Q").map((d) => d.name)).toEqual(["Q.toP", "Q.small"]);
  });

  it("a `structure … : Prop` with an explicit constructor name keeps its fields", () => {
    const r = scan("structure S (n : Nat) : Prop where\n  intro ::\n  pos : 0 < n\n");
    expect(body(decl(r, "S"))).toBe("0 < n");
  });

  it("a structure field with binders is diagnosed, not dropped", () => {
    const r = scan("structure S (n : Nat) : Prop where\n  pos : 0 < n\n  all (m : Nat) : m < n\n");
    expect(failure(decl(r, "S")).code).toBe("SYM101");
  });

  it("a `variable` used only as `v.field` is a binder of the declaration, and `v.field` a projection", () => {
    const r = scan("section\nvariable (v : Foo)\ndef usesField : Prop := v.bar = 0\nend\n");
    const d = decl(r, "usesField");
    expect(d.parsed.ok && d.parsed.value.binders.map((b) => b.name)).toEqual(["v"]);
    expect(d.parsed.ok && d.parsed.value.body?.kind === "binary" && d.parsed.value.body.lhs.kind).toBe("proj");
  });

  it("`variable {v}` changes the binder's style instead of adding an untyped binder", () => {
    const r = scan("variable (v : Foo)\nvariable {v}\ntheorem t : v = v := rfl\n");
    const d = decl(r, "t");
    expect(d.parsed.ok && d.parsed.value.binders.map((b) => [b.name, b.style, b.type ? printExpr(b.type) : ""])).toEqual([["v", "implicit", "Foo"]]);
  });

  it("`variable … in` binds for the next declaration only", () => {
    const r = scan("variable (n : Nat) in\ntheorem vi : n = n := rfl\ntheorem vj (m : Nat) : m = m := rfl\n");
    expect(decl(r, "vi").parsed.ok && (decl(r, "vi").parsed as { value: { binders: { name: string }[] } }).value.binders.map((b) => b.name)).toEqual(["n"]);
    expect(decl(r, "vj").parsed.ok && (decl(r, "vj").parsed as { value: { binders: { name: string }[] } }).value.binders.map((b) => b.name)).toEqual(["m"]);
  });

  it("an unreadable `variable` command diagnoses the declarations of its scope, not the ones after", () => {
    const r = scan("section\nvariable (x : Nat) ⟨⟩\ntheorem vb : x = x := rfl\nend\ntheorem vc : True := trivial\n", "v.lean");
    const f = failure(decl(r, "vb"));
    expect(f).toMatchObject({ code: "SYM112", file: "v.lean", line: 2, column: 1 });
    expect(f.message).toContain("2:20");
    expect(decl(r, "vc").parsed.ok).toBe(true);
  });
});

describe("scanning time is linear in the file size", () => {
  it("8× the text costs at most 24× the CPU time (a quadratic scan costs 64×)", () => {
    const unit = Array.from({ length: 200 }, (_, k) => `/-- P3.${k}: a claim about \`f${k}\`. -/\n@[simp] theorem f${k} (x : Nat) (h : 0 < x) : x + ${k} = ${k} + x := by\n  omega\n\n-- a comment\ndef g${k} : Prop := ∀ n : Nat, n + ${k} ≥ n\n`).join("");
    const cpu = (text: string): number => {
      let best = Infinity;
      for (let rep = 0; rep < 3; rep++) {
        const c0 = process.cpuUsage();
        scanFile("big.lean", text);
        const c = process.cpuUsage(c0);
        best = Math.min(best, c.user + c.system);
      }
      return best;
    };
    const small = unit.repeat(5);
    const large = unit.repeat(40);
    cpu(small);
    const ratio = cpu(large) / cpu(small);
    expect(ratio).toBeLessThan(24);
  });
});

describe("definitions by cases", () => {
  it("a `def … : Prop` by pattern matching keeps its header and has no body (no half-read body)", () => {
    const r = scan("def IsPos : Nat → Prop\n  | 0 => False\n  | _ => True\n");
    const d = decl(r, "IsPos");
    expect(d.parsed.ok && statement(d)).toBe("Nat → Prop");
    expect(d.parsed.ok && d.parsed.value.body).toBeUndefined();
  });
});
