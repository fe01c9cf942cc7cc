/**
 * Reading Lean's `pp.all` answers (captured from a real export run of the library) and parsing
 * the exported terms exactly, with positioned diagnostics for what the parser does not accept.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportSource, nameToSource, parseCheck, parsePrint } from "../../src/export/source.js";
import { mentionedConstants } from "../../src/export/run.js";
import { parseTerm, printTerm, type Term } from "../../src/export/term.js";

interface Captured {
  command: "check" | "print";
  name: string;
  text: string;
}
const captured = (JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/export/messages.json"), "utf8")) as { messages: Captured[] }).messages;
const answer = (command: string, name: string) => captured.find((m) => m.command === command && m.name === name)!.text;

function mustParse(text: string): Term {
  const r = parseTerm(text);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe("the export file", () => {
  it("asks #check for every name and #print only where requested, and maps each line back", () => {
    const s = exportSource(["Sym"], [
      { name: "Sym.frobSq", print: true },
      { name: "Sym.Mat.transpose_mul", print: false },
      { name: "Sym.Examples.W₁", print: true },
    ]);
    expect(s.text.split("\n").slice(0, 2)).toEqual(["import Sym", "set_option pp.all true"]);
    expect([...s.lines.entries()]).toEqual([
      [3, { name: "Sym.frobSq", command: "check" }],
      [4, { name: "Sym.frobSq", command: "print" }],
      [5, { name: "Sym.Mat.transpose_mul", command: "check" }],
      [6, { name: "Sym.Examples.W₁", command: "check" }],
      [7, { name: "Sym.Examples.W₁", command: "print" }],
    ]);
    expect(s.text.split("\n")[2]).toBe("#check @Sym.frobSq");
  });

  it("escapes name components that are not identifiers", () => {
    expect(nameToSource("Sym.vecL1'")).toBe("Sym.vecL1'");
    expect(nameToSource("Sym.instance@78")).toBe("Sym.«instance@78»");
  });
});

describe("reading Lean's answers", () => {
  it("reads a #check answer: name, universes and the type", () => {
    const c = parseCheck(answer("check", "Sym.frobSq"))!;
    expect(c).toMatchObject({ name: "Sym.frobSq", universes: ["u_1"] });
    expect(c.type).toBe("{α : Type u_1} → [Lean.Grind.CommRing.{u_1} α] → {m n : Nat} → (A : Sym.Mat.{u_1} m n α) → α");
    expect(parseCheck(answer("check", "Sym.Examples.W₁"))!.name).toBe("Sym.Examples.W₁");
  });

  it("reads a #print answer of a definition: kind and body after the header", () => {
    const p = parsePrint(answer("print", "Sym.Mat.transpose"))!;
    expect(p.kind).toBe("def");
    expect(p.value).toBe("fun {α : Type u} {m n : Nat} (A : Sym.Mat.{u} m n α) (i : Fin n) (j : Fin m) => A j i");
  });

  it("reads the fields of a structure and of a class", () => {
    expect(parsePrint(answer("print", "Sym.GL"))).toMatchObject({ kind: "structure", fields: ["val", "inv", "val_inv", "inv_val"] });
    expect(parsePrint(answer("print", "Sym.Group"))!.fields).toEqual(["mul", "one", "inv", "mul_assoc", "one_mul", "mul_one", "inv_mul_cancel", "mul_inv_cancel"]);
  });

  it("refuses text that is not an answer instead of guessing", () => {
    expect(parseCheck("unknown constant 'Sym.nope'")).toBeUndefined();
    expect(parsePrint("Sym.frobSq is a thing")).toBeUndefined();
  });

  it("finds the library constants a body mentions", () => {
    const body = parsePrint(answer("print", "Sym.IsOrthogonal"))!.value!;
    expect([...mentionedConstants(body, new Set(["Sym"]))].sort()).toEqual(["Sym.GL", "Sym.GL.val", "Sym.Mat", "Sym.Mat.instHMul", "Sym.Mat.one", "Sym.Mat.transpose"]);
  });
});

describe("parsing exported terms", () => {
  it("parses every captured type and body, and printing then parsing again is the identity", () => {
    let n = 0;
    for (const m of captured) {
      const texts = m.command === "check" ? [parseCheck(m.text)?.type] : [parsePrint(m.text)?.value];
      for (const t of texts) {
        if (t === undefined) continue;
        const a = mustParse(t);
        expect(printTerm(mustParse(printTerm(a)))).toBe(printTerm(a));
        n++;
      }
    }
    expect(n).toBeGreaterThan(30);
  });

  it("keeps binder info, universe levels, raw literals and distinguishes bound variables from constants", () => {
    const t = mustParse("fun {α : Type u} [inst : Lean.Grind.CommRing.{u} α] (x : α) => @HAdd.hAdd.{u, u, u} α α α inst x (@OfNat.ofNat.{u} α (nat_lit 2) inst)");
    expect(t.k).toBe("lam");
    if (t.k !== "lam") return;
    expect(t.binders.map((b) => [b.name, b.info])).toEqual([["α", "implicit"], ["inst", "instImplicit"], ["x", "default"]]);
    const body = t.body;
    expect(body).toMatchObject({ k: "app", fn: { k: "const", name: "HAdd.hAdd", levels: ["u", "u", "u"], explicit: true } });
    if (body.k !== "app") return;
    expect(body.args[3]).toMatchObject({ k: "var", name: "inst" });
    expect(body.args[5]).toMatchObject({ k: "app", args: [{ k: "var", name: "α" }, { k: "nat", value: 2n, raw: true }, { k: "var" }] });
  });

  it("reads dependent arrows, anonymous instance binders, ∀ groups, projections and trailing lambdas", () => {
    expect(printTerm(mustParse("{α : Type u_1} → [Lean.Grind.CommRing.{u_1} α] → (n : Nat) → (Fin n → α) → α"))).toBe(
      "∀ {α : Type u_1}, ∀ [_ : Lean.Grind.CommRing.{u_1} α], ∀ (n : Nat), ∀ (_ : ∀ (_ : Fin n), α), α",
    );
    const f = mustParse("∀ {G : Type u_1} [Sym.Group.{u_1} G] (a b : G), @Eq.{u_1 + 1} G a b");
    expect(f.k === "pi" && f.binders.map((b) => b.name)).toEqual(["G", "_", "a", "b"]);
    expect(mustParse("fun (x : Nat) (f : Nat) => x.1 fun (i : Nat) => f i")).toMatchObject({ k: "lam", body: { k: "app", fn: { k: "proj", field: "1", term: { k: "var", name: "x" } }, args: [{ k: "lam" }] } });
    expect(mustParse("Type (max u_1 u_2)")).toEqual({ k: "sort", sort: "Type", level: "max u_1 u_2", at: 0 });
  });

  it("reads let with and without a type", () => {
    expect(mustParse("let x : Nat := 1;\nx")).toMatchObject({ k: "let", name: "x", type: { k: "const", name: "Nat" }, value: { k: "nat", value: 1n }, body: { k: "var", name: "x" } });
    expect(mustParse("let y := 2; y")).toMatchObject({ k: "let", name: "y", body: { k: "var" } });
  });

  it("rejects malformed terms with a diagnostic at the offending position", () => {
    const cases: [string, number, number][] = [
      ["fun (x : Nat) x", 1, 16],
      ["@HAdd.hAdd.{u Nat", 1, 11],
      ["(f a", 1, 5],
      ["f a\n  ) b", 2, 3],
      ["f ≤ a", 1, 3],
      ['f "abc', 1, 3],
    ];
    for (const [text, line, column] of cases) {
      const r = parseTerm(text, "t.lean");
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics[0]!.code).toMatch(/^SYM60[12]$/);
        expect(r.diagnostics[0]!.range, text).toMatchObject({ file: "t.lean", line, column });
      }
    }
  });

  it("answers 10,000 nested parentheses with a diagnostic, not a stack overflow", () => {
    const text = "(".repeat(10_000) + "x" + ")".repeat(10_000);
    const r = parseTerm(text, "deep.lean");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: "SYM602", range: { file: "deep.lean", line: 1 } });
  });
});

describe("private declarations", () => {
  it("recognises a private declaration from its source line, so the export may skip it", async () => {
    const { isPrivateDeclaration } = await import("../../src/export/run.js");
    const os = await import("node:os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "priv-"));
    fs.writeFileSync(path.join(dir, "A.lean"), "def a := 1\nprivate def b := 2\n@[simp] private theorem c : True := trivial\nnoncomputable def d := 3\n");
    const at = (line: number) => isPrivateDeclaration(dir, { file: "A.lean", line });
    expect([at(1), at(2), at(3), at(4)]).toEqual([false, true, true, false]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
