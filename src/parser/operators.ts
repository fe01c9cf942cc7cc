/**
 * Lean 4's notation levels for the operators of the fragment (core `Init/Notation` levels;
 * `ᵀ`, `⊗` and `⬝` follow Mathlib's).
 */
import type { BinaryOp } from "./ast.js";

export const MAX_PREC = 1024;
export const LEAD_PREC = 1023;
export const ARG_PREC = MAX_PREC;

export interface BinaryOpInfo {
  op: BinaryOp;
  /** The level of the resulting term. */
  prec: number;
  /** The least level the left operand must have. */
  lhs: number;
  /** The level the right operand is parsed at. */
  rhs: number;
}

function infixl(op: BinaryOp, p: number): BinaryOpInfo {
  return { op, prec: p, lhs: p, rhs: p + 1 };
}
function infixr(op: BinaryOp, p: number): BinaryOpInfo {
  return { op, prec: p, lhs: p + 1, rhs: p };
}
function infix(op: BinaryOp, p: number): BinaryOpInfo {
  return { op, prec: p, lhs: p + 1, rhs: p + 1 };
}

const table: Array<[string[], BinaryOpInfo]> = [
  [["<|", "$"], infixr("<|", 10)],
  [["|>"], infixl("|>", 10)],
  [["↔", "<->"], infix("↔", 20)],
  [["→", "->"], infixr("→", 25)],
  [["∨", "\\/"], infixr("∨", 30)],
  [["||"], infixl("||", 30)],
  [["∧", "/\\"], infixr("∧", 35)],
  [["&&"], infixl("&&", 35)],
  [["×"], infixr("×", 35)],
  [["="], infix("=", 50)],
  [["=="], infix("==", 50)],
  [["≠", "!="], infix("≠", 50)],
  [["≤", "<="], infix("≤", 50)],
  [["<"], infix("<", 50)],
  [["≥", ">="], infix("≥", 50)],
  [[">"], infix(">", 50)],
  [["∈"], infix("∈", 50)],
  [["∉"], infix("∉", 50)],
  [["⊆"], infix("⊆", 50)],
  [["∣"], infix("∣", 50)],
  [["≈"], infix("≈", 50)],
  [["⋊"], infixr("⋊", 50)],
  [["++"], infixl("++", 65)],
  [["::"], infixr("::", 67)],
  [["∪"], infixl("∪", 65)],
  [["+"], infixl("+", 65)],
  [["-"], infixl("-", 65)],
  [["∩"], infixl("∩", 70)],
  [["*"], infixl("*", 70)],
  [["/"], infixl("/", 70)],
  [["%"], infixl("%", 70)],
  [["•"], infixr("•", 73)],
  [["^"], infixr("^", 75)],
  [["⬝"], infixl("⬝", 75)],
  [["∘"], infixr("∘", 90)],
  [["⊗"], infixl("⊗", 100)],
];

export const BINARY_OPS: ReadonlyMap<string, BinaryOpInfo> = new Map(
  table.flatMap(([spellings, info]) => spellings.map((s) => [s, info] as [string, BinaryOpInfo])),
);

/** Levels of the prefix operators: the level their argument is parsed at, and the result's. */
export const PREFIX_OPS: ReadonlyMap<string, { op: "¬" | "-" | "↑" | "!"; arg: number; prec: number }> = new Map([
  ["¬", { op: "¬" as const, arg: 40, prec: MAX_PREC }],
  ["-", { op: "-" as const, arg: 75, prec: 75 }],
  ["↑", { op: "↑" as const, arg: MAX_PREC, prec: MAX_PREC }],
  ["!", { op: "!" as const, arg: MAX_PREC, prec: MAX_PREC }],
]);
