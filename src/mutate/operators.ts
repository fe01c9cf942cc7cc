/**
 * Mutation operators over the statement term the harness plans (the parsed declaration: its
 * header binders and its proposition), as Isabelle's Mutabelle and QuickChick's mutation mode do:
 * each operator rewrites one node and yields a false variant candidate.
 *
 * Every mutant carries the polarity of its site (`+1` where a stronger term makes a stronger
 * statement, `-1` under a premise, `0` under `↔` or inside a term) and the direction of its
 * rewrite (the new sub-proposition implies the old one: `stronger`; the converse: `weaker`).
 * A weaker rewrite at a positive site, or a stronger one at a negative site, gives a statement
 * the proved theorem implies: such a mutant is true by monotonicity and is discarded with that
 * reason, as are mutants equal to the statement by construction (the same text, a swap of a
 * commutative operation, the transpose of a symmetric expression). Rewrites that would not
 * type-check in Lean (a product of matrices whose sizes no longer match) are not generated.
 */
import type { Binder, Declaration, Expr, Library, LibraryDeclaration } from "../parser/index.js";
import { children, freeIdents, printExpr, unparen } from "../parser/index.js";
import { Compiler, type Scope } from "../codegen/index.js";
import { typeSpecOf } from "../codegen/index.js";
import type { Registry } from "../semantics/registry.js";
import type { Dim, TypeSpec } from "../semantics/types.js";

export type OperatorName =
  | "swap-operands"
  | "swap-arguments"
  | "transpose"
  | "inverse"
  | "relation"
  | "sign"
  | "constant"
  | "drop-hypothesis"
  | "group-predicate"
  | "quantifier";

export const OPERATORS: readonly OperatorName[] = [
  "swap-operands",
  "swap-arguments",
  "transpose",
  "inverse",
  "relation",
  "sign",
  "constant",
  "drop-hypothesis",
  "group-predicate",
  "quantifier",
];

export type Direction = "stronger" | "weaker" | "unknown";
export type Polarity = 1 | -1 | 0;

/** Why a mutant is known to be true, so it is not checked. */
export type DiscardReason = "identity" | "commutative" | "symmetric" | "implied" | "equivalent" | "decided" | "tautology" | "proved";

export interface Mutant {
  operator: OperatorName;
  /** What was rewritten, in words with Lean text: "`K.val * W` → `W * K.val`". */
  description: string;
  /** The mutated declaration (same name, keyword and namespace as the statement). */
  decl: Declaration;
  /** The mutated statement: header binders and proposition. */
  text: string;
  polarity: Polarity;
  direction: Direction;
  discard?: { reason: DiscardReason; note: string };
  /**
   * The mutant differs from the statement only when this natural number is 0 (a dropped or
   * weakened `0 < D`): informative only, the harness draws sizes and naturals from 0.
   */
  onlyAtZero?: string;
}

/** A shape as far as the operators need it: scalars, matrices with their sizes, propositions. */
type Shape = { k: "scalar" } | { k: "nat" } | { k: "prop" } | { k: "mat"; m?: string; n?: string } | { k: "other" };

/** The group predicates of the library, each with the predicates just above it (a bigger set). */
const WIDER: Readonly<Record<string, readonly string[]>> = {
  IsPosDiag: ["IsPosMonomial"],
  IsPermMat: ["IsPosMonomial", "IsSignedPerm"],
  IsPosMonomial: ["IsInvertible"],
  IsSignedPerm: ["IsOrthogonal"],
  IsOrthogonal: ["IsInvertible"],
  IsInvertible: [],
};
const NARROWER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.keys(WIDER).map((p) => [p, Object.keys(WIDER).filter((q) => (WIDER[q] as readonly string[]).includes(p))]),
);

const loc = (e: Expr): Expr["range"] => e.range;

/** A deep copy of `root` with the node `target` (by identity) replaced. */
export function replaceNode<T>(root: T, target: Expr, replacement: Expr): T {
  const go = (x: unknown): unknown => {
    if (x === target) return replacement;
    if (Array.isArray(x)) return x.map(go);
    if (x === null || typeof x !== "object") return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) out[k] = k === "range" || k === "nameRange" ? v : go(v);
    return out;
  };
  return go(root) as T;
}

const same = (a: Expr, b: Expr): boolean => printExpr(a) === printExpr(b);
const dimText = (d: Dim | undefined): string | undefined => (d === undefined ? undefined : String(d));

function lastName(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

/** The statement's locals and how to resolve its constants. */
export interface StatementEnv {
  compiler: Compiler;
  scope: Scope;
  /** Local name → shape. */
  shapes: Map<string, Shape>;
  /** Locals of type `GL n α`. */
  gl: Set<string>;
}

function shapeOfSpec(t: TypeSpec | undefined): Shape {
  if (!t) return { k: "other" };
  if (t.k === "scalar") return { k: "scalar" };
  if (t.k === "nat") return { k: "nat" };
  if (t.k === "prop") return { k: "prop" };
  if (t.k === "mat") return { k: "mat", m: String(t.m), n: String(t.n) };
  return { k: "other" };
}

/** Locals (header binders and binders of inner quantifiers) with their shapes. */
export function statementEnv(lib: Library, registry: Registry | undefined, d: LibraryDeclaration & { parsed: { ok: true; value: Declaration } }): StatementEnv {
  const compiler = new Compiler(lib, registry);
  const decl = d.parsed.value;
  const scope: Scope = { locals: new Map(), ns: d.name.split(".").slice(0, -1), scalars: new Set() };
  const shapes = new Map<string, Shape>();
  const gl = new Set<string>();
  const add = (b: Binder): void => {
    if (b.style === "instance" || !b.type) return;
    const t = unparen(b.type);
    if (t.kind === "sort") {
      if (t.sort !== "Prop") scope.scalars.add(b.name);
      return;
    }
    const spec = typeSpecOf(b.type, compiler.typeEnv(scope));
    scope.locals.set(b.name, { ts: { k: "lit", value: true }, ...(spec ? { type: spec } : {}) });
    shapes.set(b.name, shapeOfSpec(spec));
    if (t.kind === "app" && t.fn.kind === "ident" && lastName(t.fn.name) === "GL") gl.add(b.name);
  };
  decl.binders.forEach(add);
  const visit = (e: Expr): void => {
    const x = unparen(e);
    if (x.kind === "forall" || x.kind === "exists") x.binders.forEach(add);
    for (const c of children(x)) visit(c);
  };
  visit(decl.type);
  return { compiler, scope, shapes, gl };
}

/** The shape of a term, as far as the statement's binders and the registry tell. */
export function shapeOf(e: Expr, env: StatementEnv): Shape {
  const x = unparen(e);
  switch (x.kind) {
    case "ident": {
      const s = env.shapes.get(x.name);
      if (s) return s;
      const r = env.compiler.resolve(x.name, env.scope);
      if (r?.kind === "registry" && r.entry.params.length === 0) return shapeOfSpec(r.entry.result);
      return { k: "other" };
    }
    case "num":
    case "decimal":
      return { k: "scalar" };
    case "proj": {
      const t = unparen(x.target);
      if ((x.field === "val" || x.field === "inv") && t.kind === "ident" && env.gl.has(t.name)) return env.shapes.get(t.name) ?? { k: "other" };
      return { k: "other" };
    }
    case "postfix": {
      const a = shapeOf(x.arg, env);
      if (x.op === "ᵀ") return a.k === "mat" ? withDims(a.n, a.m) : { k: "other" };
      return a;
    }
    case "unary":
      return x.op === "¬" ? { k: "prop" } : shapeOf(x.arg, env);
    case "binary": {
      if (["=", "≠", "≤", "<", "≥", ">", "∧", "∨", "→", "↔"].includes(x.op)) return { k: "prop" };
      const a = shapeOf(x.lhs, env);
      const b = shapeOf(x.rhs, env);
      if (x.op === "*") {
        if (a.k === "mat" && b.k === "mat") return withDims(a.m, b.n);
        if (a.k === "scalar" && b.k === "scalar") return a;
        if (a.k === "scalar" && b.k === "mat") return b;
        return { k: "other" };
      }
      if (x.op === "+" || x.op === "-" || x.op === "/") return a.k === "other" ? b : a;
      return { k: "other" };
    }
    case "app": {
      if (x.fn.kind !== "ident") return { k: "other" };
      const name = lastName(x.fn.name);
      const arg = (i: number): Expr | undefined => x.args[i];
      if ((name === "one" || name === "scalar") && x.fn.name.includes("Mat") && arg(0)) {
        const n = printExpr(arg(0) as Expr);
        return { k: "mat", m: n, n };
      }
      if (name === "smul" && arg(1)) return shapeOf(arg(1) as Expr, env);
      if (env.shapes.has(x.fn.name)) return { k: "other" };
      const r = env.compiler.resolve(x.fn.name, env.scope);
      if (r?.kind === "registry") {
        const res = r.entry.result;
        if (res.k === "mat") return { k: "mat" };
        return shapeOfSpec(res);
      }
      if (r?.kind === "library" && env.compiler.isProp(x, env.scope)) return { k: "prop" };
      return { k: "other" };
    }
    case "ascription":
      return shapeOf(x.expr, env);
    default:
      return { k: "other" };
  }
}

function withDims(m: string | undefined, n: string | undefined): Shape {
  const s: { k: "mat"; m?: string; n?: string } = { k: "mat" };
  if (m !== undefined) s.m = m;
  if (n !== undefined) s.n = n;
  return s;
}

/** A square matrix whose size is known. */
function square(s: Shape): boolean {
  return s.k === "mat" && s.m !== undefined && s.m === s.n;
}

/** Same known shape. */
function sameShape(a: Shape, b: Shape): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "mat" && b.k === "mat") return a.m !== undefined && a.n !== undefined && a.m === b.m && a.n === b.n;
  return a.k === "scalar" || a.k === "nat" || a.k === "prop";
}

/** A matrix expression symmetric by construction: `1`, `Mat.one n`, `Mat.scalar n c`, `Xᵀ * X`, `X * Xᵀ`, sums and scalings of those. */
export function symmetricByConstruction(e: Expr): boolean {
  const x = unparen(e);
  if (x.kind === "num") return true;
  if (x.kind === "app" && x.fn.kind === "ident") {
    const n = lastName(x.fn.name);
    if (n === "one" || n === "scalar" || n === "zero" || n === "diag") return true;
    if (n === "smul" && x.args[1]) return symmetricByConstruction(x.args[1] as Expr);
  }
  if (x.kind === "ident" && (x.name === "Mat.one" || x.name === "Mat.zero")) return true;
  if (x.kind === "binary" && x.op === "*") {
    const a = unparen(x.lhs);
    const b = unparen(x.rhs);
    if (a.kind === "postfix" && a.op === "ᵀ" && same(a.arg, b)) return true;
    if (b.kind === "postfix" && b.op === "ᵀ" && same(b.arg, a)) return true;
  }
  if (x.kind === "binary" && (x.op === "+" || x.op === "-")) return symmetricByConstruction(x.lhs) && symmetricByConstruction(x.rhs);
  return false;
}

interface Candidate {
  /** The direction is that of the enclosing comparison (polarity taken from the parent site). */
  relationSite?: boolean;
  operator: OperatorName;
  replacement: Expr;
  description: string;
  direction: Direction;
  discard?: { reason: DiscardReason; note: string };
}

interface Site {
  node: Expr;
  polarity: Polarity;
  /** The node is directly a proposition position (its polarity is meaningful). */
  propositional: boolean;
}

/** Every node of a proposition with its polarity. */
function sites(root: Expr, polarity: Polarity): Site[] {
  const out: Site[] = [];
  const go = (e: Expr, pol: Polarity, prop: boolean): void => {
    out.push({ node: e, polarity: pol, propositional: prop });
    switch (e.kind) {
      case "paren":
        go(e.expr, pol, prop);
        return;
      case "unary":
        go(e.arg, e.op === "¬" ? ((-pol) as Polarity) : 0, e.op === "¬");
        return;
      case "binary":
        if (e.op === "→") {
          go(e.lhs, (-pol) as Polarity, true);
          go(e.rhs, pol, true);
        } else if (e.op === "∧" || e.op === "∨") {
          go(e.lhs, pol, true);
          go(e.rhs, pol, true);
        } else if (e.op === "↔") {
          go(e.lhs, 0, true);
          go(e.rhs, 0, true);
        } else {
          go(e.lhs, 0, false);
          go(e.rhs, 0, false);
        }
        return;
      case "forall":
      case "exists":
        go(e.body, pol, true);
        return;
      case "app":
        e.args.forEach((a) => go(a, 0, false));
        return;
      case "postfix":
        go(e.arg, 0, false);
        return;
      case "proj":
        go(e.target, 0, false);
        return;
      case "ascription":
        go(e.expr, 0, false);
        return;
      case "anon":
      case "tuple":
      case "list":
        e.elems.forEach((a) => go(a, 0, false));
        return;
      default:
        return;
    }
  };
  go(root, polarity, true);
  return out;
}

const mk = (e: Omit<Expr, "range">, like: Expr): Expr => ({ ...e, range: loc(like) }) as Expr;
const bin = (op: string, lhs: Expr, rhs: Expr, like: Expr): Expr => mk({ kind: "binary", op, lhs, rhs } as Omit<Expr, "range">, like);
const paren = (e: Expr): Expr => ({ kind: "paren", expr: e, range: e.range });
const post = (op: "ᵀ" | "⁻¹", arg: Expr): Expr => ({ kind: "postfix", op, arg: atomic(arg) ? arg : paren(arg), range: arg.range });
const atomic = (e: Expr): boolean => ["ident", "num", "paren", "proj", "postfix"].includes(e.kind);

/** The rewrites of one node. */
function candidates(s: Site, env: StatementEnv, parent: Map<Expr, Expr>): Candidate[] {
  const x = s.node;
  const out: Candidate[] = [];
  const t = (e: Expr): string => `\`${printExpr(e)}\``;
  const add = (operator: OperatorName, replacement: Expr, direction: Direction, discard?: Candidate["discard"]): void => {
    out.push({ operator, replacement, description: `${t(x)} → ${t(replacement)}`, direction, ...(discard ? { discard } : {}) });
  };
  const p = parent.get(x);
  const underTranspose = p !== undefined && unparen(p).kind === "postfix" && (unparen(p) as { op: string }).op === "ᵀ";
  switch (x.kind) {
    case "binary": {
      const a = shapeOf(x.lhs, env);
      const b = shapeOf(x.rhs, env);
      // Operand swaps of operations that need not commute.
      if (x.op === "*") {
        const swapped = bin("*", x.rhs, x.lhs, x);
        if (same(x.lhs, x.rhs)) add("swap-operands", swapped, "unknown", { reason: "identity", note: "both operands are the same term" });
        else if (a.k === "scalar" && b.k === "scalar") add("swap-operands", swapped, "unknown", { reason: "commutative", note: "multiplication of scalars commutes (a commutative ring)" });
        else if (a.k === "mat" && b.k === "mat" && square(a) && sameShape(a, b)) add("swap-operands", swapped, "unknown");
      }
      if ((x.op === "-" || x.op === "/") && sameShape(a, b) && (a.k === "scalar" || a.k === "mat")) add("swap-operands", bin(x.op, x.rhs, x.lhs, x), "unknown", same(x.lhs, x.rhs) ? { reason: "identity", note: "both operands are the same term" } : undefined);
      if (["≤", "<", "≥", ">"].includes(x.op)) {
        const swapped = bin(x.op, x.rhs, x.lhs, x);
        // `D < 0` for a natural `D` is `False`, stronger than any proposition.
        add("swap-operands", swapped, natBelowZero(swapped, env) ? "stronger" : "unknown", same(x.lhs, x.rhs) ? { reason: "identity", note: "both sides are the same term" } : undefined);
      }
      if (x.op === "→" && s.propositional) add("swap-operands", bin("→", x.rhs, x.lhs, x), "unknown");
      // Relations: ≤ ↔ <.
      const rel: Record<string, [string, Direction]> = { "≤": ["<", "stronger"], "<": ["≤", "weaker"], "≥": [">", "stronger"], ">": ["≥", "weaker"] };
      const r = rel[x.op];
      if (r) add("relation", bin(r[0], x.lhs, x.rhs, x), r[1]);
      // Sign flips of sums and differences.
      if ((x.op === "+" || x.op === "-") && (a.k === "scalar" || a.k === "mat") && sameShape(a, b)) add("sign", bin(x.op === "+" ? "-" : "+", x.lhs, x.rhs, x), "unknown");
      // A dropped premise.
      if (x.op === "→" && s.propositional) add("drop-hypothesis", x.rhs, "stronger");
      break;
    }
    case "postfix": {
      if (x.op === "ᵀ") {
        const a = shapeOf(x.arg, env);
        if (square(a)) add("transpose", x.arg, "unknown", symmetricByConstruction(x.arg) ? { reason: "symmetric", note: `${t(x.arg)} is symmetric by construction` } : undefined);
      }
      if (x.op === "⁻¹") add("inverse", x.arg, "unknown");
      break;
    }
    case "proj": {
      const tg = unparen(x.target);
      if ((x.field === "val" || x.field === "inv") && tg.kind === "ident" && env.gl.has(tg.name)) {
        add("inverse", { ...x, field: x.field === "val" ? "inv" : "val" }, "unknown");
      }
      break;
    }
    case "unary":
      if (x.op === "-") add("sign", x.arg, "unknown");
      break;
    case "num": {
      if (!scalarNumeral(x, parent, env)) break;
      const v = Number(x.value);
      if (!Number.isInteger(v)) break;
      const next = v === 0 ? 1 : v === 1 ? 0 : v + 1;
      // A bound of a comparison moves monotonically: a bigger lower bound (`0 < t` → `1 < t`)
      // is a stronger proposition, a bigger upper bound a weaker one.
      const cmp = p !== undefined && unparen(p).kind === "binary" ? (unparen(p) as Expr & { kind: "binary" }) : undefined;
      const lower = cmp && ((["<", "≤"].includes(cmp.op) && cmp.lhs === x) || ([">", "≥"].includes(cmp.op) && cmp.rhs === x));
      const upper = cmp && ((["<", "≤"].includes(cmp.op) && cmp.rhs === x) || ([">", "≥"].includes(cmp.op) && cmp.lhs === x));
      if (cmp && (lower || upper)) {
        const up = next > v;
        const dir: Direction = lower === up ? "stronger" : "weaker";
        out.push({ operator: "constant", replacement: { kind: "num", value: String(next), range: x.range }, description: `${t(x)} → \`${next}\` in ${t(cmp)}`, direction: dir, relationSite: true });
      } else add("constant", { kind: "num", value: String(next), range: x.range }, "unknown");
      if (v !== 0 && s.polarity === 0 && !(p && unparen(p).kind === "unary")) add("sign", mk({ kind: "unary", op: "-", arg: x } as Omit<Expr, "range">, x), "unknown");
      break;
    }
    case "app": {
      if (x.fn.kind !== "ident") break;
      const short = lastName(x.fn.name);
      // Group predicates: a bigger group (weaker) or a smaller one (stronger).
      if (WIDER[short] && x.args.length === 1) {
        const qual = x.fn.name.slice(0, x.fn.name.length - short.length);
        for (const w of WIDER[short] as readonly string[]) add("group-predicate", { ...x, fn: { ...x.fn, name: qual + w } }, "weaker");
        for (const n of NARROWER[short] as readonly string[]) add("group-predicate", { ...x, fn: { ...x.fn, name: qual + n } }, "stronger");
      }
      // Swapped arguments of the same type.
      const r = env.compiler.resolve(x.fn.name, env.scope);
      for (let i = 0; i + 1 < x.args.length; i++) {
        const ai = x.args[i] as Expr;
        const aj = x.args[i + 1] as Expr;
        let sameType = false;
        if (r?.kind === "registry") {
          const off = x.args.length - r.entry.params.length;
          const pi = r.entry.params[i - off];
          const pj = r.entry.params[i + 1 - off];
          // Function-typed parameters are typed by their domains, which the registry's types
          // do not pin down (`reconstruct f g` with `f : X → Z`, `g : Z → Y`): not swapped.
          sameType = pi !== undefined && pj !== undefined && JSON.stringify(pi.type) === JSON.stringify(pj.type) && ["scalar", "mat", "vec", "activation"].includes(pi.type.k);
        } else if (r?.kind === "library") {
          const explicit = r.decl.parsed.value.binders.filter((b) => b.style === "explicit");
          const off = x.args.length - explicit.length;
          const bi = explicit[i - off];
          const bj = explicit[i + 1 - off];
          sameType = bi?.type !== undefined && bj?.type !== undefined && printExpr(bi.type) === printExpr(bj.type) && !/^(Nat|ℕ)$/.test(printExpr(bi.type));
        }
        if (!sameType) continue;
        const args = [...x.args];
        args[i] = aj;
        args[i + 1] = ai;
        add("swap-arguments", { ...x, args }, "unknown", same(ai, aj) ? { reason: "identity", note: "both arguments are the same term" } : undefined);
      }
      break;
    }
    case "exists": {
      // ∃ → ∀ (the types are inhabited): stronger.
      add("quantifier", { kind: "forall", binders: x.binders, body: x.body, range: x.range }, "stronger");
      const body = unparen(x.body);
      if (body.kind === "forall") {
        const swapped = swapQuantifiers(x.binders, body.binders, body.body, "∃∀", x);
        if (swapped) add("quantifier", swapped, "weaker");
      }
      break;
    }
    case "forall": {
      if (!s.propositional) break;
      const body = unparen(x.body);
      if (body.kind === "exists") {
        const swapped = swapQuantifiers(x.binders, body.binders, body.body, "∀∃", x);
        if (swapped) add("quantifier", swapped, "stronger");
      }
      break;
    }
    default:
      break;
  }
  // Added transpose or inverse on atoms.
  if (!underTranspose && (x.kind === "ident" || x.kind === "proj" || (x.kind === "app" && !s.propositional))) {
    const sh = shapeOf(x, env);
    // A `GL` element is transposed through its matrix (`K.valᵀ`), never as itself.
    const glElement = x.kind === "ident" && env.gl.has(x.name);
    if (square(sh) && !glElement && !(p && unparen(p).kind === "proj")) add("transpose", post("ᵀ", x), "unknown", symmetricByConstruction(x) ? { reason: "symmetric", note: `${t(x)} is symmetric by construction` } : undefined);
    if (sh.k === "scalar" && x.kind === "ident") {
      // `0 < x⁻¹ ↔ 0 < x` (likewise `≤`, `≠`, and with the sides swapped) in an ordered field.
      const signTest = p !== undefined && unparen(p).kind === "binary" && ["<", "≤", ">", "≥", "≠"].includes((unparen(p) as { op: string }).op) && [(unparen(p) as { lhs: Expr }).lhs, (unparen(p) as { rhs: Expr }).rhs].some((y) => unparen(y).kind === "num" && Number((unparen(y) as { value: string }).value) === 0);
      add("inverse", post("⁻¹", x), "unknown", signTest ? { reason: "equivalent", note: `\`${x.name}⁻¹\` has the sign of \`${x.name}\` in an ordered field, so the comparison with 0 is unchanged` } : undefined);
    }
  }
  return out;
}

/** `0 < D`, `D > 0`, `D ≠ 0` or `1 ≤ D` for a natural `D`: the name `D`. */
function positiveNat(e: Expr, env: StatementEnv): string | undefined {
  const x = unparen(e);
  if (x.kind !== "binary") return undefined;
  const num = (y: Expr, v: number): boolean => unparen(y).kind === "num" && Number((unparen(y) as { value: string }).value) === v;
  const nat = (y: Expr): string | undefined => (unparen(y).kind === "ident" && shapeOf(y, env).k === "nat" ? (unparen(y) as { name: string }).name : undefined);
  if (x.op === "<" && num(x.lhs, 0)) return nat(x.rhs);
  if (x.op === ">" && num(x.rhs, 0)) return nat(x.lhs);
  if (x.op === "≠" && num(x.rhs, 0)) return nat(x.lhs);
  if (x.op === "≤" && num(x.lhs, 1)) return nat(x.rhs);
  return undefined;
}

/** `x < 0` or `0 > x` for a natural `x`: false. */
function natBelowZero(e: Expr, env: StatementEnv): boolean {
  const x = unparen(e);
  if (x.kind !== "binary") return false;
  const zero = (y: Expr): boolean => unparen(y).kind === "num" && Number((unparen(y) as { value: string }).value) === 0;
  const nat = (y: Expr): boolean => shapeOf(y, env).k === "nat";
  return (x.op === "<" && zero(x.rhs) && nat(x.lhs)) || (x.op === ">" && zero(x.lhs) && nat(x.rhs));
}

/** `∀ xs, ∃ ys, B` ↔ `∃ ys, ∀ xs, B`, when the inner binders' types do not mention the outer ones. */
function swapQuantifiers(outer: Binder[], inner: Binder[], body: Expr, from: "∀∃" | "∃∀", like: Expr): Expr | undefined {
  const outerNames = new Set(outer.map((b) => b.name));
  if (inner.some((b) => b.type && freeIdents(b.type).some((n) => outerNames.has(n)))) return undefined;
  const innerQ: Expr = from === "∀∃" ? { kind: "forall", binders: outer, body, range: like.range } : { kind: "exists", binders: outer, body, unique: false, range: like.range };
  return from === "∀∃" ? { kind: "exists", binders: inner, body: innerQ, unique: false, range: like.range } : { kind: "forall", binders: inner, body: innerQ, range: like.range };
}

/**
 * Whether a numeral stands for a scalar (so `0 → 1`, `2 → 3` keep the statement well typed):
 * not inside a size (a `Nat` argument of a constant, an exponent), not a group element
 * (`(1 : LayerGroup α ws)`, `K = 1` for `K : GL n α`), not a matrix.
 */
function scalarNumeral(x: Expr, parent: ReadonlyMap<Expr, Expr>, env: StatementEnv): boolean {
  let child = x;
  for (let p = parent.get(x); p !== undefined; child = p, p = parent.get(p)) {
    const u = unparen(p);
    if (u.kind === "paren") continue;
    if (u.kind === "ascription") return unparen(u.type).kind === "ident" && env.scope.scalars.has((unparen(u.type) as { name: string }).name);
    if (u.kind === "binary" && u.op === "^" && u.rhs === child) return false;
    if (u.kind === "binary" && ["+", "-", "*", "/"].includes(u.op)) {
      const other = u.lhs === child ? u.rhs : u.lhs;
      const sh = shapeOf(other, env);
      if (sh.k === "nat" || sh.k === "mat" || (unparen(other).kind === "ident" && env.gl.has((unparen(other) as { name: string }).name))) return false;
      continue;
    }
    if (u.kind === "unary" && u.op === "-") continue;
    if (u.kind === "binary") {
      // A relation: the other side decides.
      const other = u.lhs === child ? u.rhs : u.lhs;
      const sh = shapeOf(other, env);
      return sh.k === "scalar" && !(unparen(other).kind === "ident" && env.gl.has((unparen(other) as { name: string }).name));
    }
    if (u.kind === "app" && u.fn.kind === "ident") {
      const r = env.compiler.resolve(u.fn.name, env.scope);
      const i = u.args.indexOf(child);
      if (r?.kind === "registry") {
        const pspec = r.entry.params[i - (u.args.length - r.entry.params.length)];
        return pspec !== undefined && pspec.type.k === "scalar";
      }
      if (r?.kind === "library") {
        const explicit = r.decl.parsed.value.binders.filter((b) => b.style === "explicit");
        const b = explicit[i - (u.args.length - explicit.length)];
        return b?.type !== undefined && unparen(b.type).kind === "ident" && !/^(Nat|ℕ|Int|ℤ)$/.test(printExpr(b.type)) && scalarTypeName(b.type, r.decl.parsed.value.binders);
      }
      return false;
    }
    return false;
  }
  return false;
}

/** A binder type that is one of the definition's scalar type variables. */
function scalarTypeName(t: Expr, binders: readonly Binder[]): boolean {
  const u = unparen(t);
  return u.kind === "ident" && binders.some((b) => b.name === u.name && b.type !== undefined && unparen(b.type).kind === "sort");
}

function parents(root: Expr, out: Map<Expr, Expr>): void {
  for (const c of children(root)) {
    out.set(c, root);
    parents(c, out);
  }
}

/** The header binders and proposition of a declaration as one line of Lean. */
export function statementText(d: Declaration): string {
  const binders = d.binders.filter((b) => b.style !== "instance").map((b) => {
    const [o, c] = b.style === "explicit" ? ["(", ")"] : b.style === "implicit" ? ["{", "}"] : ["⦃", "⦄"];
    return `${o}${b.name}${b.type ? ` : ${printExpr(b.type)}` : ""}${c}`;
  });
  return `${binders.join(" ")}${binders.length ? " " : ""}: ${printExpr(d.type)}`;
}

/** Whether a header binder is a hypothesis (its type is a proposition). */
function isHypothesis(b: Binder, env: StatementEnv): boolean {
  return b.style === "explicit" && b.type !== undefined && env.compiler.isProp(b.type, env.scope);
}

/**
 * Every mutant of a theorem's statement (`def … : Prop` declarations are statements of their
 * body; their mutants rewrite the body).
 */
export function mutantsOf(lib: Library, registry: Registry | undefined, d: LibraryDeclaration): Mutant[] {
  if (!d.parsed.ok) return [];
  const decl = d.parsed.value;
  const env = statementEnv(lib, registry, d as LibraryDeclaration & { parsed: { ok: true; value: Declaration } });
  const original = statementText(decl);
  const out: Mutant[] = [];
  const seen = new Set<string>();
  const push = (m: Omit<Mutant, "text" | "discard"> & { discard?: Mutant["discard"] }): void => {
    const text = statementText(m.decl);
    const key = `${m.operator}\0${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    let discard = m.discard;
    if (!discard && text === original) discard = { reason: "identity", note: "the mutant prints as the statement" };
    if (!discard) {
      const concl = printExpr(m.decl.type);
      const same = m.decl.binders.find((b) => b.type !== undefined && isHypothesis(b, env) && printExpr(b.type) === concl);
      if (same) discard = { reason: "tautology", note: `the conclusion is the hypothesis \`${same.name}\` itself` };
    }
    if (!discard && ((m.direction === "weaker" && m.polarity === 1) || (m.direction === "stronger" && m.polarity === -1))) {
      discard = { reason: "implied", note: `a ${m.direction} ${m.polarity === 1 ? "conclusion" : "premise"}: the proved statement implies the mutant` };
    }
    out.push({ ...m, text, ...(discard ? { discard } : {}) });
  };
  // Header hypotheses: dropped, or rewritten inside (negative polarity).
  const roots: Array<{ expr: Expr; polarity: Polarity; rebuild: (e: Expr) => Declaration; positive?: string }> = [];
  decl.binders.forEach((b, i) => {
    if (!isHypothesis(b, env)) return;
    const binders = decl.binders.filter((_, k) => k !== i);
    const used = freeIdents(decl.type).includes(b.name) || binders.some((x) => x.type && freeIdents(x.type).includes(b.name));
    const positive = positiveNat(b.type as Expr, env);
    if (!used) push({ operator: "drop-hypothesis", description: `drop \`(${b.name} : ${printExpr(b.type as Expr)})\``, decl: { ...decl, binders }, polarity: 1, direction: "stronger", ...(positive ? { onlyAtZero: positive } : {}) });
    roots.push({ expr: b.type as Expr, polarity: -1, rebuild: (e) => ({ ...decl, binders: decl.binders.map((x, k) => (k === i ? { ...x, type: e } : x)) }), ...(positive ? { positive } : {}) });
  });
  roots.push({ expr: decl.type, polarity: 1, rebuild: (e) => ({ ...decl, type: e }) });
  for (const r of roots) {
    const parent = new Map<Expr, Expr>();
    parents(r.expr, parent);
    const all = sites(r.expr, r.polarity);
    const siteOf = new Map(all.map((s) => [s.node, s]));
    for (const s of all) {
      for (const c of candidates(s, env, parent)) {
        const e = s.node === r.expr ? c.replacement : replaceNode(r.expr, s.node, c.replacement);
        const at = c.relationSite ? siteOf.get(parent.get(s.node) as Expr) : s;
        const known = at !== undefined && at.propositional;
        // `0 < D` weakened to `0 ≤ D` (or to `D ≠ 0`'s negation-free forms) differs only at D = 0.
        const zeroOnly = r.positive !== undefined && s.node === r.expr && c.operator === "relation" && unparen(c.replacement).kind === "binary" && (unparen(c.replacement) as { op: string }).op === "≤";
        push({ operator: c.operator, description: c.description, decl: r.rebuild(e), polarity: known ? at.polarity : 0, direction: known ? c.direction : "unknown", ...(c.discard ? { discard: c.discard } : {}), ...(zeroOnly ? { onlyAtZero: r.positive } : {}) });
      }
    }
  }
  // ∀∃ → ∃∀ across the header: the theorem's own ∀ (its value binders) and an ∃ conclusion.
  const concl = unparen(decl.type);
  if (concl.kind === "exists") {
    const innerNames = new Set(concl.binders.flatMap((b) => (b.type ? freeIdents(b.type) : [])));
    const movable = decl.binders.filter((b) => b.style === "explicit" && !isHypothesis(b, env) && !innerNames.has(b.name) && b.type && shapeOfSpec(typeSpecOf(b.type, env.compiler.typeEnv(env.scope))).k !== "nat" && !(unparen(b.type).kind === "sort"));
    if (movable.length > 0) {
      const moved = new Set(movable.map((b) => b.name));
      const hyps = decl.binders.filter((b) => isHypothesis(b, env) && b.type && freeIdents(b.type).some((n) => moved.has(n)));
      const stay = decl.binders.filter((b) => !moved.has(b.name) && !hyps.includes(b));
      let body: Expr = concl.body;
      for (const h of [...hyps].reverse()) body = bin("→", h.type as Expr, body, concl);
      const inner: Expr = { kind: "exists", binders: concl.binders, body: { kind: "forall", binders: movable, body, range: concl.range }, unique: false, range: concl.range };
      push({ operator: "quantifier", description: `∀ ${movable.map((b) => b.name).join(" ")}, ∃ ${concl.binders.map((b) => b.name).join(" ")} → ∃ ${concl.binders.map((b) => b.name).join(" ")}, ∀ ${movable.map((b) => b.name).join(" ")}`, decl: { ...decl, binders: stay, type: inner }, polarity: 1, direction: "stronger" });
    }
  }
  return out;
}
