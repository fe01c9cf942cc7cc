import { describe, expect, it } from "vitest";
import { parseDeclaration, parseTerm, printExpr, type Expr } from "../../src/parser/index.js";

function shape(e: Expr): string {
  switch (e.kind) {
    case "ident":
      return e.name;
    case "num":
    case "decimal":
      return e.value;
    case "binary":
      return `(${shape(e.lhs)} ${e.op} ${shape(e.rhs)})`;
    case "unary":
      return `(${e.op}${shape(e.arg)})`;
    case "postfix":
      return `(${shape(e.arg)}${e.op})`;
    case "app":
      return `[${[e.fn, ...e.args].map(shape).join(" ")}]`;
    case "proj":
      return `${shape(e.target)}.${e.field}`;
    case "paren":
      return shape(e.expr);
    case "forall":
    case "exists":
      return `${e.kind === "forall" ? "∀" : "∃"}${e.binders.map((b) => b.name).join(",")}. ${shape(e.body)}`;
    default:
      return printExpr(e);
  }
}

function parsed(text: string): string {
  const r = parseTerm(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return shape(r.value);
}

describe("Lean notation levels", () => {
  it.each([
    ["a + b * c", "(a + (b * c))"],
    ["a - b - c", "((a - b) - c)"],
    ["a ^ b ^ c", "(a ^ (b ^ c))"],
    ["-a ^ 2", "(-(a ^ 2))"],
    ["-a * b", "((-a) * b)"],
    ["f a⁻¹", "[f (a⁻¹)]"],
    ["(A * B)ᵀ = Bᵀ * Aᵀ", "((A * B)ᵀ) = ((Bᵀ) * (Aᵀ)))".replace(/^/, "(")],
    ["¬ a = b", "(¬(a = b))"],
    ["¬ a ∧ b", "((¬a) ∧ b)"],
    ["a → b → c", "(a → (b → c))"],
    ["a ∧ b ∨ c ↔ d", "(((a ∧ b) ∨ c) ↔ d)"],
    ["a ≤ b → a < b ∨ a = b", "((a ≤ b) → ((a < b) ∨ (a = b)))"],
    ["K • W = W", "((K • W) = W)"],
    ["3/5 * x", "((3 / 5) * x)"],
    ["f x y + g z", "([f x y] + [g z])"],
    ["∀ x, p x ∧ q", "∀x. ([p x] ∧ q)"],
    ["a ∧ ∀ x, p x", "(a ∧ ∀x. [p x])"],
    ["∃ x y : T, x = y", "∃x,y. (x = y)"],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it("resolves K.val to a projection when K is bound", () => {
    expect(parsed("∀ K : G, K.val = 1")).toBe("∀K. (K.val = 1)");
    const r = parseTerm("Sym.Mat.one");
    expect(r.ok && r.value.kind === "ident" && r.value.name).toBe("Sym.Mat.one");
  });

  it("desugars binder predicates", () => {
    expect(parsed("∀ x ∈ S, p x")).toBe("∀x. ((x ∈ S) → [p x])");
    expect(parsed("∃ t > 0, f t = 0")).toBe("∃t. ((t > 0) ∧ ([f t] = 0))");
  });

  it("carries 1-based source ranges", () => {
    const r = parseTerm("a +\n  bᵀ");
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== "binary") return;
    expect(r.value.rhs.range).toMatchObject({ line: 2, column: 3, endLine: 2, endColumn: 5 });
    expect(r.value.range).toMatchObject({ line: 1, column: 1, endLine: 2, endColumn: 5 });
  });

  it("parses headers with every binder style and a Prop definition body", () => {
    const r = parseDeclaration(
      "/-- X1: doc -/\n@[simp] def IsFoo {α : Type} [Lean.Grind.Field α] ⦃n : Nat⦄ [inst : LE α] (σ : α → α) (K : Mat n n α) : Prop :=\n  ∀ h, σ (K * h) = K * σ h",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.docstring).toBe("X1: doc");
    expect(r.value.binders.map((b) => `${b.style}:${b.name}`)).toEqual([
      "implicit:α",
      "instance:_",
      "strictImplicit:n",
      "instance:inst",
      "explicit:σ",
      "explicit:K",
    ]);
    expect(r.value.body && shape(r.value.body)).toBe("∀h. ([σ (K * h)] = (K * [σ h]))");
  });
});

describe("structures", () => {
  it("parses a `structure … : Prop` with fields ending at the next field's line", () => {
    const r = parseDeclaration(
      "structure Good (σ : α → α) : Prop where\n  zero_ne : σ 0 ≠ 0\n  odd : ∀ t : α, σ (-t) = -σ t\n  scale : ∀ k : α,\n      f k → k = 0\n",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fields?.map((f) => f.name)).toEqual(["zero_ne", "odd", "scale"]);
    expect(r.value.fields?.map((f) => shape(f.type))).toEqual(["([σ 0] ≠ 0)", "∀t. ([σ (-t)] = (-[σ t]))", "∀k. ([f k] → (k = 0))"]);
    expect(r.value.body && shape(r.value.body)).toBe("(([σ 0] ≠ 0) ∧ (∀t. ([σ (-t)] = (-[σ t])) ∧ ∀k. ([f k] → (k = 0))))");
  });
  it("accepts a data structure header without a type", () => {
    const r = parseDeclaration("structure GL (n : Nat) (α : Type u) [Lean.Grind.CommRing α] where\n  val : Mat n n α\n");
    expect(r.ok && r.value.binders.length).toBe(3);
  });
});
