/**
 * The AST of the Lean 4 statement fragment: plain discriminated unions, every node with its
 * 1-based source range. Traversal lives in `traverse.ts`.
 */
import type { Range } from "../diagnostics/index.js";

export type BinderStyle = "explicit" | "implicit" | "strictImplicit" | "instance";

export interface Binder {
  kind: "binder";
  /** `_` for an anonymous binder (e.g. `[Lean.Grind.CommRing α]`). */
  name: string;
  style: BinderStyle;
  type?: Expr;
  /** A default value `(x : T := v)`. */
  defaultValue?: Expr;
  range: Range;
}

export type BinaryOp =
  | "↔" | "→" | "∨" | "∧" | "=" | "≠" | "≤" | "<" | "≥" | ">" | "∈" | "∉" | "⊆" | "∣" | "≈" | "=="
  | "+" | "-" | "*" | "/" | "%" | "^" | "•" | "∘" | "⊗" | "×" | "∩" | "∪" | "++" | "::" | "&&" | "||"
  | "⬝" | "⋊" | "<|" | "|>";

export type UnaryOp = "¬" | "-" | "↑" | "!";

export type PostfixOp = "⁻¹" | "ᵀ";

export type SortKind = "Prop" | "Type" | "Sort";

export type Expr =
  | { kind: "ident"; name: string; range: Range }
  | { kind: "num"; value: string; range: Range }
  | { kind: "decimal"; value: string; range: Range }
  | { kind: "string"; value: string; range: Range }
  | { kind: "hole"; range: Range }
  | { kind: "sort"; sort: SortKind; level?: Expr; range: Range }
  | { kind: "app"; fn: Expr; args: Expr[]; named: NamedArg[]; range: Range }
  | { kind: "explicit"; name: string; range: Range }
  | { kind: "binary"; op: BinaryOp; lhs: Expr; rhs: Expr; range: Range }
  | { kind: "unary"; op: UnaryOp; arg: Expr; range: Range }
  | { kind: "postfix"; op: PostfixOp; arg: Expr; range: Range }
  | { kind: "forall"; binders: Binder[]; body: Expr; range: Range }
  | { kind: "exists"; binders: Binder[]; body: Expr; unique: boolean; range: Range }
  | { kind: "fun"; binders: Binder[]; body: Expr; range: Range }
  | { kind: "proj"; target: Expr; field: string; range: Range }
  | { kind: "anon"; elems: Expr[]; range: Range }
  | { kind: "tuple"; elems: Expr[]; range: Range }
  | { kind: "list"; elems: Expr[]; range: Range }
  | { kind: "ascription"; expr: Expr; type: Expr; range: Range }
  | { kind: "paren"; expr: Expr; range: Range }
  | { kind: "ite"; hypName?: string; cond: Expr; then: Expr; else: Expr; range: Range }
  /** `{x : T // p}` (subtype) or `{x | p}` / `{x : T | p}` (set-builder). */
  | { kind: "setOf"; binder: Binder; body: Expr; subtype: boolean; range: Range };

export interface NamedArg {
  name: string;
  value: Expr;
  range: Range;
}

export type ExprKind = Expr["kind"];

export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;

export type DeclKeyword = "theorem" | "lemma" | "def" | "abbrev" | "structure";

/** A field `name : type` of a `structure … : Prop`. */
export interface Field {
  name: string;
  type: Expr;
  range: Range;
}

export interface Declaration {
  kind: "declaration";
  keyword: DeclKeyword;
  /** The name as written (not namespace-qualified). */
  name: string;
  /** Namespace-qualified name when known (filled by the library scanner). */
  fullName: string;
  modifiers: string[];
  docstring?: string;
  binders: Binder[];
  /** The declared type: the proposition of a theorem, `Prop` for a predicate definition. */
  type: Expr;
  /** For `def … : Prop := body` (and `abbrev`): the defining proposition; for a
   * `structure … : Prop`, the conjunction of its fields. */
  body?: Expr;
  /** The fields of a `structure … : Prop`. */
  fields?: Field[];
  /** The parents of a `structure … extends P₁, P₂` (for a `Prop` structure, conjuncts of `body`). */
  parents?: Expr[];
  range: Range;
  nameRange: Range;
}
