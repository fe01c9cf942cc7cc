import { describe, expect, it } from "vitest";
import { substitute } from "../../src/codegen/subst.js";
import { parseTerm, printExpr, type Expr } from "../../src/parser/index.js";

function term(text: string): Expr {
  const r = parseTerm(text);
  if (!r.ok) throw new Error(r.diagnostics[0]?.message);
  return r.value;
}

describe("capture-avoiding substitution", () => {
  it("replaces free occurrences only", () => {
    const e = term("∀ h : Vec n α, f (K * h) = K * f h");
    const out = substitute(e, new Map([["K", term("A")], ["h", term("B")]]));
    expect(printExpr(out)).toBe("∀ (h : Vec n α), f (A * h) = A * f h");
  });
  it("renames a bound variable that would capture an argument", () => {
    const e = term("∀ A : Mat n n α, N (K * A) = N A");
    const out = substitute(e, new Map([["K", term("A")]]));
    expect(printExpr(out)).toBe("∀ (A' : Mat n n α), N (A * A') = N A'");
  });
  it("substitutes inside binder types", () => {
    const e = term("∀ x : Vec n α, x = x");
    expect(printExpr(substitute(e, new Map([["n", term("d")]])))).toBe("∀ (x : Vec d α), x = x");
  });
});
