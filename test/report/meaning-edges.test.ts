/**
 * Fingerprints of meaning and conclusions of Lean headers at their edges: which kinds carry their
 * body, what whitespace normalization does, how the used-definition chains are followed, and what
 * counts as a theorem concluding a proposition.
 */
import { describe, expect, it } from "vitest";
import type { DeclarationRecord, DeclKind } from "../../src/build/types.js";
import { isDefinitionKind, meaningHash, normalizeStatement, statementHash, usedDefinitions } from "../../src/report/fingerprint.js";
import type { DeclarationEvidence } from "../../src/report/types.js";
import { concludes, conclusionOf, witnesses } from "../../src/report/verdict.js";

describe("normalizeStatement and statementHash", () => {
  it("collapses every whitespace run (tabs, newlines, several spaces) to one space and trims both ends", () => {
    expect(normalizeStatement("\t (x : Nat)\n  :\tx = x \n")).toBe("(x : Nat) : x = x");
    expect(statementHash("(x : Nat)\n:  x = x")).toBe(statementHash(" (x : Nat) : x = x"));
  });
  it("is the first 16 hex digits of the sha256 of the normalized text", () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223…
    expect(statementHash("  abc ")).toBe("ba7816bf8f01cfea");
  });
  it("tells apart statements that differ in more than whitespace", () => {
    expect(statementHash("x = y")).not.toBe(statementHash("x=y"));
  });
});

describe("meaningHash: which kinds carry their body", () => {
  const base = { statement: "(A : Nat) : Nat", body: ":= A * A" };
  it.each(["def", "abbrev", "structure", "inductive", "class", "instance"] as DeclKind[])("a `%s` is fingerprinted with its body", (kind) => {
    expect(isDefinitionKind(kind)).toBe(true);
    expect(meaningHash({ kind, ...base })).toBe(statementHash(`${base.statement} ⟪body⟫ ${base.body}`));
    expect(meaningHash({ kind, ...base })).not.toBe(meaningHash({ kind, ...base, body: ":= A + A" }));
  });
  it.each(["theorem", "lemma"] as DeclKind[])("a `%s` is fingerprinted by its statement alone", (kind) => {
    expect(isDefinitionKind(kind)).toBe(false);
    expect(meaningHash({ kind, ...base })).toBe(statementHash(base.statement));
    expect(meaningHash({ kind, ...base, body: ":= by simp" })).toBe(statementHash(base.statement));
  });
  it("a definition recorded without a body is fingerprinted by its statement", () => {
    expect(meaningHash({ kind: "def", statement: base.statement, body: undefined })).toBe(statementHash(base.statement));
  });
});

describe("usedDefinitions", () => {
  const rec = (name: string, kind: DeclKind, uses: string[]): DeclarationRecord =>
    ({ name, kind, uses, statement: name, file: "lean/Sym/X.lean", line: 1, endLine: 1, usesSorry: false, module: "Sym.X" }) as DeclarationRecord;
  const lib = (...rs: DeclarationRecord[]) => new Map(rs.map((r) => [r.name, r]));

  it("is empty for a name the library does not have", () => {
    expect(usedDefinitions("Sym.none", lib(rec("Sym.a", "def", [])))).toEqual(new Map());
  });
  it("follows definitions transitively with the shortest chain, and stops at theorems and unknown names", () => {
    const by = lib(
      rec("Sym.t", "theorem", ["Sym.A", "Sym.lemma", "Sym.gone", "Sym.B"]),
      rec("Sym.A", "def", ["Sym.B", "Sym.C"]),
      rec("Sym.B", "abbrev", ["Sym.D"]),
      rec("Sym.C", "structure", []),
      rec("Sym.D", "inductive", []),
      rec("Sym.lemma", "theorem", ["Sym.E"]),
      rec("Sym.E", "def", []),
    );
    const chains = usedDefinitions("Sym.t", by);
    expect([...chains.keys()].sort()).toEqual(["Sym.A", "Sym.B", "Sym.C", "Sym.D"]);
    expect(chains.get("Sym.B")).toEqual(["Sym.t", "Sym.B"]);
    expect(chains.get("Sym.C")).toEqual(["Sym.t", "Sym.A", "Sym.C"]);
    expect(chains.get("Sym.D")).toEqual(["Sym.t", "Sym.B", "Sym.D"]);
  });
  it("ends on a cycle of definitions, and never lists the start itself", () => {
    const by = lib(rec("Sym.P", "def", ["Sym.Q"]), rec("Sym.Q", "def", ["Sym.P", "Sym.Q"]));
    const chains = usedDefinitions("Sym.P", by);
    expect([...chains]).toEqual([["Sym.Q", ["Sym.P", "Sym.Q"]]]);
  });
  it("a record without uses uses nothing", () => {
    const r = { ...rec("Sym.x", "def", []), uses: undefined } as DeclarationRecord;
    expect(usedDefinitions("Sym.x", lib(r))).toEqual(new Map());
  });
});

describe("conclusionOf and concludes at their edges", () => {
  const decl = (statement: string | undefined): DeclarationEvidence => ({ statement }) as DeclarationEvidence;

  it("ignores colons inside every kind of bracket and the `:=` of a default argument", () => {
    expect(conclusionOf("⦃x : α⦄ ⟨a : β⟩ [c : C] {d : D} (n : Nat := 3) : Q n")).toBe("Q n");
    expect(conclusionOf("(f : Nat → Nat) (h : ∀ x : Nat, f x = x) : P f")).toBe("P f");
  });
  it("a header without a colon is its own conclusion, trimmed", () => {
    expect(conclusionOf("P x")).toBe("P x");
    expect(conclusionOf("  P x  ")).toBe("P x");
  });
  it.each([
    ["(h : Q) : P (fun x : Nat => x)", "P (fun x : Nat => x)"],
    ["(h : Q) : P [x : T]", "P [x : T]"],
    ["(h : Q) : P {x : T}", "P {x : T}"],
    ["(h : Q) : P ⦃x : T⦄", "P ⦃x : T⦄"],
    ["(h : Q) : P ⟨x : T⟩", "P ⟨x : T⟩"],
  ])("a colon inside brackets of the conclusion is not the conclusion's colon: `%s`", (header, conclusion) => {
    expect(conclusionOf(header)).toBe(conclusion);
  });
  it("a bracket opened inside another stays open after an inner one closes (the colon after it is inside)", () => {
    expect(conclusionOf("(h : Q) : P ((x) : T)")).toBe("P ((x) : T)");
    expect(concludes(decl(": P ((x) → y)"), "Sym.P")).toBe(true);
    expect(concludes(decl(": Q ((x) ∧ P y)"), "Sym.P")).toBe(false);
  });
  it("a `:=` outside brackets is no colon", () => {
    expect(conclusionOf("(x : Nat) : P x := h")).toBe("P x := h");
  });
  it("a closing bracket without an opening one does not hide the next colon", () => {
    expect(conclusionOf(") : P")).toBe("P");
  });
  it("a declaration without a recorded statement concludes nothing", () => {
    expect(concludes(decl(undefined), "Sym.P")).toBe(false);
  });
  it("a middle conjunct counts as well as the first and the last", () => {
    expect(concludes(decl(": HypA ∧ HypB x ∧ HypC"), "Sym.HypB")).toBe(true);
  });
  it("a connective after a closed bracket is outside it", () => {
    expect(concludes(decl(": P (x) → Q"), "Sym.P")).toBe(false);
    expect(concludes(decl(": P [x] ∨ Q"), "Sym.P")).toBe(false);
  });
  it("an unmatched closing bracket does not hide a later `∧` or connective", () => {
    expect(concludes(decl(": Q) ∧ P x"), "Sym.P")).toBe(true);
    expect(concludes(decl(": P x) → Q"), "Sym.P")).toBe(false);
  });
  it("the head is an identifier: a field access on an argument is not part of it", () => {
    expect(concludes(decl(": P h.val"), "Sym.P")).toBe(true);
  });
  it("a conclusion that is another proposition concludes no name it does not mention", () => {
    expect(concludes(decl(": Q"), "Sym.Stryker")).toBe(false);
  });
  it("a conjunction inside brackets is one conjunct: only a top-level `∧` splits", () => {
    expect(concludes(decl(": (HypA ∧ HypB)"), "Sym.HypB")).toBe(false);
    expect(concludes(decl(": HypA (x ∧ y) ∧ HypB z"), "Sym.HypB")).toBe(true);
    expect(concludes(decl(": HypA ∧ HypB ∧ HypC"), "Sym.HypC")).toBe(true);
  });
  it.each([": P x ↔ Q", ": P x = Q", ": P x ≠ Q", ": P x -> False", ": P x ∨ Q"])("`%s` does not conclude P (a connective outside brackets)", (s) => {
    expect(concludes(decl(s), "Sym.P")).toBe(false);
  });
  it("a connective inside the arguments' brackets does not matter", () => {
    expect(concludes(decl(": P (fun x => x = x) (a → b)"), "Sym.P")).toBe(true);
  });
  it("accepts an explicit `@`, the local name, a qualified tail and the full name; not a different namespace's name", () => {
    expect(concludes(decl(": @P α x"), "Sym.P")).toBe(true);
    expect(concludes(decl(": P x"), "P")).toBe(true);
    expect(concludes(decl(": Net.P x"), "Sym.Net.P")).toBe(true);
    expect(concludes(decl(": Other.P x"), "Sym.P")).toBe(true);
    expect(concludes(decl(": Sym.PP x"), "Sym.P")).toBe(false);
    expect(concludes(decl(": 2 + 2 = 4"), "Sym.P")).toBe(false);
  });
  it("a witness witnesses the hypothesis it concludes, not another one", () => {
    expect(witnesses(decl(": SigmoidLike (fun x : Nat => x)"), "Sym.SigmoidLike")).toBe(true);
    expect(witnesses(decl(": SigmoidLike (fun x : Nat => x)"), "Sym.Monotone")).toBe(false);
  });
});
