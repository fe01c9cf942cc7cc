/**
 * Lean types of the fragment → the semantics' type language, with dimensions named by the
 * statement's own `Nat` variables.
 */
import type { Expr } from "../parser/index.js";
import { unparen } from "../parser/index.js";
import type { Dim, TypeSpec } from "../semantics/types.js";

const NAT = new Set(["Nat", "ℕ"]);
const CONCRETE_SCALARS = new Set(["Rat", "ℚ", "Real", "ℝ"]);
/** Integers are JavaScript integers at runtime (exponents `zpow`, translations `ℤ^d`). */
const INT = new Set(["Int", "ℤ"]);
const MAT = new Set(["Mat", "Sym.Mat", "Matrix"]);
const VEC = new Set(["Vec", "Sym.Vec"]);

export interface TypeEnv {
  /** Type variables instantiated at the field's scalars. */
  scalars: ReadonlySet<string>;
  /** Dimension names allowed (Nat variables in scope). */
  isNat(name: string): boolean;
  /** Width lists allowed (`ws : List Nat` in scope). */
  isWidths(name: string): boolean;
}

const GL = new Set(["GL", "Sym.GL"]);
const PERM = new Set(["Perm", "Sym.Perm"]);
const PARAMS = new Set(["Params", "Sym.Net.Params", "Net.Params"]);
const LAYER_GROUP = new Set(["LayerGroup", "Sym.Net.LayerGroup", "Net.LayerGroup"]);


/** The width functions of `Sym/Linear/Net.lean` allowed in a dimension, by their short name. */
const WIDTH_FNS = new Map([
  ["outWidth", "outWidth"], ["Net.outWidth", "outWidth"], ["Sym.Net.outWidth", "outWidth"],
  ["minWidth", "minWidth"], ["Net.minWidth", "minWidth"], ["Sym.Net.minWidth", "minWidth"],
]);

/**
 * A dimension: a numeral, a `Nat` variable, `n + k` (written `"n+k"`), or a width function of a
 * network, `outWidth n ws` / `minWidth n (m :: ws)` (written `"minWidth n (m::ws)"`, resolved by
 * the generators' dimension parser once the sizes are drawn).
 */
function dimOf(e: Expr, env: TypeEnv): Dim | undefined {
  const x = unparen(e);
  if (x.kind === "num") return Number(x.value);
  if (x.kind === "ident" && env.isNat(x.name)) return x.name;
  if (x.kind === "app" && x.fn.kind === "ident" && x.args.length === 2 && x.named.length === 0) {
    const f = WIDTH_FNS.get(x.fn.name);
    const n = dimOf(x.args[0] as Expr, env);
    const ws = widthsOf(x.args[1] as Expr, env);
    if (f && n !== undefined && ws) return `${f} ${String(n)} (${ws})`;
  }
  if (x.kind === "binary" && x.op === "+") {
    const a = unparen(x.lhs);
    const b = unparen(x.rhs);
    if (a.kind === "ident" && env.isNat(a.name) && b.kind === "num") return `${a.name}+${b.value}`;
    // `2 + d` is the same size as `d + 2`.
    if (a.kind === "num" && b.kind === "ident" && env.isNat(b.name)) return `${b.name}+${a.value}`;
  }
  return undefined;
}

/** `"n+1"` → `["n", 1]`; a plain name → `[name, 0]`. */
export function splitDim(d: string): [string, number] {
  const m = /^(.*)\+(\d+)$/.exec(d);
  return m ? [m[1] as string, Number(m[2])] : [d, 0];
}

function isScalar(e: Expr, env: TypeEnv): boolean {
  const x = unparen(e);
  return x.kind === "ident" && (env.scalars.has(x.name) || CONCRETE_SCALARS.has(x.name));
}

/** `Sort`/`Type`: the binder introduces a type variable. */
export function isSortType(e: Expr): boolean {
  return unparen(e).kind === "sort" && (unparen(e) as { sort: string }).sort !== "Prop";
}

/** The semantics type of a Lean type, or `undefined` when the fragment has none. */
export function typeSpecOf(e: Expr, env: TypeEnv): TypeSpec | undefined {
  const x = unparen(e);
  if (x.kind === "app" && x.fn.kind === "ident" && x.fn.name === "List" && x.args.length === 1) {
    const a = unparen(x.args[0] as Expr);
    if (a.kind === "ident" && NAT.has(a.name)) return { k: "list", of: { k: "nat" } };
  }
  if (x.kind === "ident") {
    if (NAT.has(x.name) || INT.has(x.name)) return { k: "nat" };
    if (isScalar(x, env)) return { k: "scalar" };
    return undefined;
  }
  if (x.kind === "sort") return x.sort === "Prop" ? { k: "prop" } : undefined;
  if (x.kind === "app" && x.fn.kind === "ident" && x.named.length === 0) {
    const name = x.fn.name;
    const args = x.args;
    if (name === "Fin" && args.length === 1) {
      const n = dimOf(args[0] as Expr, env);
      return n === undefined ? undefined : { k: "fin", n };
    }
    if (MAT.has(name) && args.length === 3 && isScalar(args[2] as Expr, env)) {
      const m = dimOf(args[0] as Expr, env);
      const n = dimOf(args[1] as Expr, env);
      return m === undefined || n === undefined ? undefined : { k: "mat", m, n };
    }
    if (GL.has(name) && args.length === 2 && isScalar(args[1] as Expr, env)) {
      const n = dimOf(args[0] as Expr, env);
      return n === undefined ? undefined : { k: "mat", m: n, n };
    }
    // A permutation is generated and represented as its permutation matrix.
    if (PERM.has(name) && args.length === 1) {
      const n = dimOf(args[0] as Expr, env);
      return n === undefined ? undefined : { k: "perm", n };
    }
    const widthsVar = (e: Expr | undefined): string | undefined => (e ? widthsOf(e, env) : undefined);
    if (PARAMS.has(name) && args.length === 3 && isScalar(args[0] as Expr, env)) {
      const n = dimOf(args[1] as Expr, env);
      const ws = widthsVar(args[2]);
      return n !== undefined && ws ? { k: "params", widths: ws, input: n } : undefined;
    }
    if (LAYER_GROUP.has(name) && args.length === 2 && isScalar(args[0] as Expr, env)) {
      const ws = widthsVar(args[1]);
      return ws ? { k: "layerGroup", widths: ws } : undefined;
    }
    if (VEC.has(name) && args.length === 2 && isScalar(args[1] as Expr, env)) {
      const n = dimOf(args[0] as Expr, env);
      return n === undefined ? undefined : { k: "vec", n };
    }
    return undefined;
  }
  if (x.kind === "binary" && x.op === "→") {
    const dom = typeSpecOf(x.lhs, env);
    const cod = typeSpecOf(x.rhs, env);
    if (!dom || !cod) return undefined;
    if (dom.k === "scalar" && cod.k === "scalar") return { k: "activation" };
    if (dom.k === "fin" && cod.k === "scalar") return { k: "vec", n: dom.n };
    if (dom.k === "fin" && cod.k === "vec") return { k: "mat", m: dom.n, n: cod.n };
    return { k: "fn", from: [dom], to: cod };
  }
  return undefined;
}

/**
 * `GL s α`, `Mat s t α` or `Vec s α` whatever the sizes: an ascription of such a type only fixes
 * the scalar type, the value carries its own shape.
 */
export function isMatrixLikeType(e: Expr): boolean {
  const x = unparen(e);
  return x.kind === "app" && x.fn.kind === "ident" && x.named.length === 0 && (GL.has(x.fn.name) || MAT.has(x.fn.name) || VEC.has(x.fn.name));
}

/** `GL n α`: a matrix whose generator must produce invertible ones. */
export function isGLType(e: Expr): boolean {
  const x = unparen(e);
  return x.kind === "app" && x.fn.kind === "ident" && GL.has(x.fn.name);
}

/**
 * A list of widths as a key: `ws`, `[m, k]` → `m::k::[]`, `m :: m' :: ws` → `m::m'::ws`.
 */
function widthsOf(e: Expr, env: TypeEnv): string | undefined {
  const x = unparen(e);
  if (x.kind === "ident" && env.isWidths(x.name)) return x.name;
  if (x.kind === "list") {
    const parts = x.elems.map((el) => dimOf(el, env));
    return parts.every((p) => p !== undefined) ? [...parts.map(String), "[]"].join("::") : undefined;
  }
  if (x.kind === "binary" && x.op === "::") {
    const head = dimOf(x.lhs, env);
    const tail = widthsOf(x.rhs, env);
    return head !== undefined && tail ? `${head}::${tail}` : undefined;
  }
  return undefined;
}

/** Classes of a scalar type: rings, fields and orders (the `Lean.Grind` classes and `Std` orders). */
const SCALAR_CLASSES = new Set([
  "CommRing", "Ring", "Field", "Semiring", "CommSemiring", "OrderedRing", "OrderedField", "IsCharP",
  "NoNatZeroDivisors", "LE", "LT", "LawfulOrderLT", "IsLinearOrder", "IsPreorder", "IsPartialOrder",
  "Preorder", "PartialOrder", "LinearOrder", "Inv", "Div", "Add", "Mul", "Neg", "Sub", "DecidableEq",
]);

/**
 * The type variables of a binder list that may be instantiated at the field's scalars: those
 * with only ring, field or order instances (a `[Group G]` type is not a field). With
 * `requireInstance` (a definition's parameters, fixed by the caller), a bare type variable is
 * not a scalar either.
 */
export function scalarTypeVariables(binders: readonly { name: string; style: string; type?: Expr }[], requireInstance: boolean): Set<string> {
  const sorts = binders.filter((b) => b.type && isSortType(b.type)).map((b) => b.name);
  const out = new Set<string>();
  for (const a of sorts) {
    const classes: string[] = [];
    for (const b of binders) {
      if (b.style !== "instance" || !b.type) continue;
      const t = unparen(b.type);
      const head = t.kind === "app" ? t.fn : t;
      const args = t.kind === "app" ? t.args : [];
      if (head.kind !== "ident") continue;
      if (args.some((x) => unparen(x).kind === "ident" && (unparen(x) as { name: string }).name === a)) classes.push(head.name.split(".").pop() ?? head.name);
    }
    if (classes.some((c) => !SCALAR_CLASSES.has(c))) continue;
    if (requireInstance && classes.length === 0) continue;
    out.add(a);
  }
  return out;
}
