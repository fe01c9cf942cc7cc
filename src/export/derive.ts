/**
 * Registry entries derived from exported Lean bodies: a library definition with no hand-written
 * TypeScript gets its numeric meaning by evaluating its elaborated body. Its parameters and result
 * are read from the elaborated type (sizes, scalars, matrices, vectors, `GL`, `Perm`, functions
 * `α → α`, propositions); a definition whose type has another shape is left out, with the reason.
 */
import fs from "node:fs";
import path from "node:path";
import { exactContext, toScalar, type Context } from "../semantics/context.js";
import { createRegistry } from "../semantics/builtins/index.js";
import { probeInputSize } from "../semantics/builtins/autoencoder.js";
import { inverse } from "../semantics/inverse.js";
import { applyValue, inv as harnessInv, mul as harnessMul } from "../semantics/ops.js";
import type { Registry, SemanticEntry } from "../semantics/registry.js";
import type { Dim, TypeSpec } from "../semantics/types.js";
import { fn, isFn, isMatrix, isVector, tabulate, tabulateVector, type FnValue, type Matrix, type Value } from "../semantics/value.js";
import { resolveDim } from "../generators/dims.js";
import { Evaluator, EvalError, fieldIndex, PROOF, type LV } from "./eval.js";
import { mentions } from "./delab.js";
import { parseTerm, type Term } from "./term.js";
import type { ExportFile, ExportedDeclaration } from "./types.js";
import { readExport } from "./file.js";

export interface Derived {
  entries: SemanticEntry[];
  /** Library definitions with a body that are not derived, and why. */
  left: { name: string; reason: string }[];
}

function head(t: Term): { name: string; args: Term[] } | undefined {
  const args: Term[] = [];
  while (t.k === "app") {
    args.unshift(...t.args);
    t = t.fn;
  }
  return t.k === "const" ? { name: t.name, args } : undefined;
}

function dim(t: Term): Dim | undefined {
  if (t.k === "var") return t.name;
  if (t.k === "nat") return Number(t.value);
  const h = head(t);
  if (h?.name === "OfNat.ofNat" && h.args[1]?.k === "nat") return Number(h.args[1].value);
  // Sizes computed with `Nat` arithmetic: `n + m`, `d + 1`, `2 * d`.
  if ((h?.name === "HAdd.hAdd" || h?.name === "HMul.hMul") && h.args.length === 6 && h.args[0]?.k === "const" && h.args[0].name === "Nat") {
    const a = dim(h.args[4]!);
    const b = dim(h.args[5]!);
    if (a === undefined || b === undefined) return undefined;
    return h.name === "HAdd.hAdd" ? sumDim(a, b) : productDim(a, b);
  }
  return undefined;
}

const atomDim = (d: Dim): string => (typeof d === "number" || /^[\w'.₀-₉]+$/.test(d) ? String(d) : `(${d})`);
function sumDim(a: Dim, b: Dim): Dim {
  return typeof a === "number" && typeof b === "number" ? a + b : `${atomDim(a)} + ${atomDim(b)}`;
}
function productDim(a: Dim, b: Dim): Dim {
  return typeof a === "number" && typeof b === "number" ? a * b : `${atomDim(a)} * ${atomDim(b)}`;
}

/**
 * A TypeSpec plus how the Lean value differs from the harness's: indexed by pairs
 * (`PairVec p m α = Fin p × Fin m → α`, flattened as `a * m + b`), or integer-valued (`Int`).
 */
export type LeanSpec = TypeSpec & {
  readonly rows?: readonly [Dim, Dim];
  readonly cols?: readonly [Dim, Dim];
  readonly int?: boolean;
  /** A value of a type parameter other than the scalar (`name`): passed through unchanged. */
  readonly opaque?: boolean;
  readonly name?: string;
  readonly proof?: boolean;
  /**
   * A group action `Sym.GroupAction G X` (a structure with the field `act : G → X → X` and two
   * proofs): for the harness the function value `k x ↦ act k x` (`from` = [G, X], `to` = X).
   */
  readonly action?: boolean;
};

/** Whether an elaborated binder type is a proposition (the binder is a proof, with no runtime content). */
function isProposition(t: Term): boolean {
  if (t.k === "pi") return isProposition(t.body);
  const h = head(t);
  return h !== undefined && ["Eq", "Ne", "LT.lt", "LE.le", "GT.gt", "GE.ge", "And", "Or", "Not", "Iff", "True", "False", "Exists"].includes(h.name);
}

/** The TypeSpec of an elaborated binder type, or undefined. `scalar` is the name of the scalar type variable. */
export function specOf(t: Term, scalar: string | undefined, opaque: ReadonlySet<string> = new Set()): LeanSpec | undefined {
  // A type parameter without field operations (`{X Z Y : Type}`, a group `G`): its values pass through unchanged.
  if (t.k === "var" && opaque.has(t.name)) return { k: "scalar", opaque: true, name: t.name };
  if (t.k === "var" && t.name === scalar) return { k: "scalar" };
  if (t.k === "sort" && t.sort === "Prop") return { k: "prop" };
  if (t.k === "pi") {
    if (t.binders.length === 1 && t.binders[0]!.name === "_" && t.body.k === "var" && t.body.name === scalar && specOf(t.binders[0]!.type, scalar, opaque)?.k === "scalar") return { k: "activation" };
    // `Fin n → α` is a vector, `Fin m → Fin n → α` a matrix.
    const dom = t.binders.length === 1 && t.binders[0]!.name === "_" ? specOf(t.binders[0]!.type, scalar, opaque) : undefined;
    const cod = dom?.k === "fin" ? specOf(t.body, scalar, opaque) : undefined;
    if (dom?.k === "fin" && cod?.k === "scalar" && !cod.opaque) return cod.int ? { k: "vec", n: dom.n, int: true } : { k: "vec", n: dom.n };
    if (dom?.k === "fin" && cod?.k === "vec" && !cod.int && !cod.rows) return { k: "mat", m: dom.n, n: cod.n };
    // Any other non-dependent function type: a function value of the harness (`Vec n α → Vec m α`, `Mat d D α → α`).
    const from: LeanSpec[] = [];
    let body: Term = t;
    for (; body.k === "pi"; body = body.body) {
      for (const b of body.binders) {
        const s = b.name === "_" || !mentions(body.body, b.name) ? specOf(b.type, scalar, opaque) : undefined;
        if (!s || s.k === "prop") return undefined;
        from.push(s);
      }
    }
    const to = specOf(body, scalar, opaque);
    return to && from.length > 0 ? { k: "fn", from, to } : undefined;
  }
  const h = head(t);
  if (!h) return undefined;
  const d = (k: number) => dim(h.args[k]!);
  switch (h.name) {
    case "Nat":
      return { k: "nat" };
    case "Int":
      return { k: "scalar", int: true };
    case "Sym.PairVec": {
      const [p, m] = [d(0), d(1)];
      return p === undefined || m === undefined ? undefined : { k: "vec", n: productDim(p, m), rows: [p, m] };
    }
    case "Sym.PairMat": {
      const [p, m, q, n] = [d(0), d(1), d(2), d(3)];
      return p === undefined || m === undefined || q === undefined || n === undefined ? undefined : { k: "mat", m: productDim(p, m), n: productDim(q, n), rows: [p, m], cols: [q, n] };
    }
    case "Fin": {
      const n = d(0);
      return n === undefined ? undefined : { k: "fin", n };
    }
    case "Sym.Mat": {
      const m = d(0);
      const n = d(1);
      return m === undefined || n === undefined || !(h.args[2]?.k === "var" && h.args[2].name === scalar) ? undefined : { k: "mat", m, n };
    }
    case "Sym.Vec": {
      const n = d(0);
      return n === undefined ? undefined : { k: "vec", n };
    }
    case "Sym.GL": {
      const n = d(0);
      return n === undefined ? undefined : { k: "gl", n };
    }
    case "Sym.Perm": {
      const n = d(0);
      return n === undefined ? undefined : { k: "perm", n };
    }
    case "Sym.GroupAction": {
      const g = h.args[0] && specOf(h.args[0], scalar, opaque);
      const x = h.args[1] && specOf(h.args[1], scalar, opaque);
      return g && x && g.k !== "prop" && x.k !== "prop" ? { k: "fn", from: [g, x], to: x, action: true } : undefined;
    }
    default:
      return undefined;
  }
}

/** A short description of a type for a reason: its head constant, or what kind of type it is. */
function typeHead(t: Term): string {
  if (t.k === "pi") return isProposition(t) ? "a proposition" : "a function type";
  const h = head(t);
  if (h) return `\`${h.name}\``;
  return t.k === "var" ? `type parameter \`${t.name}\`` : "an unnamed type";
}

interface Shape {
  implicitNats: string[];
  params: { name: string; type: LeanSpec }[];
  result: LeanSpec;
  /** Per Lean binder: where its argument comes from. */
  binders: ({ from: "type" } | { from: "opaqueType"; name: string } | { from: "inst" } | { from: "group" } | { from: "nat"; k: number } | { from: "param"; k: number })[];
  /** Type parameters other than the scalar: their values pass between harness and body unchanged. */
  opaque: string[];
}

/**
 * `genericScalar`: a type parameter without `Lean.Grind` instances is still the scalar when it is
 * the first (a new definition generic in its entries is generated at the scalar); otherwise it is
 * opaque (a builtin takes harness values of any kind there: matrices for a group `G`, maps for `X`).
 */
function shapeOf(d: ExportedDeclaration, genericScalar = false): Shape | string {
  const r = parseTerm(d.type);
  if (!r.ok) return r.diagnostics[0]!.message;
  let scalar: string | undefined;
  const shape: Shape = { implicitNats: [], params: [], result: { k: "prop" }, binders: [], opaque: [] };
  // The scalar is the type parameter the `Lean.Grind` instances are about (else the first one);
  // every other type parameter is opaque to the body.
  const typeBinders: string[] = [];
  let fieldOf: string | undefined;
  for (let u = r.value; u.k === "pi"; u = u.body)
    for (const b of u.binders) {
      if (b.type.k === "sort" && b.type.sort === "Type") typeBinders.push(b.name);
      const h = head(b.type);
      if (b.info === "instImplicit" && h?.name.startsWith("Lean.Grind.") && h.args[0]?.k === "var" && fieldOf === undefined) fieldOf = h.args[0].name;
    }
  scalar = fieldOf ?? typeBinders[0];
  const opaque = new Set(typeBinders.filter((n) => n !== (genericScalar ? scalar : fieldOf)));
  let t = r.value;
  for (; t.k === "pi"; t = t.body) {
    for (const b of t.binders) {
      if (b.type.k === "sort" && b.type.sort === "Type") {
        shape.binders.push(opaque.has(b.name) ? { from: "opaqueType", name: b.name } : { from: "type" });
        if (opaque.has(b.name)) shape.opaque.push(b.name);
      } else if (b.info === "instImplicit") {
        const hb = head(b.type);
        const h = hb?.name ?? "";
        // `[Sym.Group G]` for a type parameter whose values pass through unchanged: the harness's
        // own multiplication and inverse of those values (`harnessGroup`).
        if (h === "Sym.Group" && hb!.args[0]?.k === "var" && opaque.has(hb!.args[0].name)) {
          shape.binders.push({ from: "group" });
          continue;
        }
        // The evaluator gives instance binders the field's operations (and its order): nothing else.
        if (!/^(Lean\.Grind\.|Std\.)/.test(h) && h !== "LT" && h !== "LE") return `an instance of \`${h}\`, which the evaluator does not build for the harness's values`;
        shape.binders.push({ from: "inst" });
      } else if (b.info !== "default") {
        if (specOf(b.type, scalar, opaque)?.k !== "nat") return `implicit binder \`${b.name}\` is not a size`;
        shape.binders.push({ from: "nat", k: shape.implicitNats.length });
        shape.implicitNats.push(b.name);
      } else {
        // A hypothesis (`hd : ∀ i, d i ≠ 0`) is a proof: no runtime content.
        const s = isProposition(b.type) ? ({ k: "prop", proof: true } as const) : specOf(b.type, scalar, opaque);
        if (!s) return `binder \`${b.name}\` has a type the harness does not represent (${typeHead(b.type)})`;
        shape.binders.push({ from: "param", k: shape.params.length });
        shape.params.push({ name: b.name, type: s });
      }
    }
  }
  const res = specOf(t, scalar, opaque);
  if (!res) return `the result has a type the harness does not represent (${typeHead(t)})`;
  shape.result = res;
  return shape;
}

function size(d: Dim, sizes: Map<string, number>): number {
  if (typeof d === "number") return d;
  const v = sizes.get(d);
  if (v !== undefined) return v;
  try {
    // `n + m`, `2 * d`: Nat arithmetic over known sizes.
    return resolveDim(Object.fromEntries(sizes), d);
  } catch {
    throw new EvalError(`size \`${d}\` is not known`);
  }
}

function intOf<T>(ctx: Context<T>, x: unknown): number {
  const v = typeof x === "number" ? x : ctx.F.isScalar(x) ? ctx.F.toNumber(x as T) : NaN;
  if (!Number.isInteger(v)) throw new EvalError("expected an integer (a value of Lean's `Int`)");
  return v;
}

/** The flat index of a pair `(a, b) : Fin p × Fin m`. */
function pairIndex(x: LV, m: number): number {
  const s = x as { ctor?: string; fields?: LV[] };
  if (s?.ctor !== "Prod.mk" || !s.fields) throw new EvalError("expected a pair index");
  return (s.fields[0] as number) * m + (s.fields[1] as number);
}
const pairOf = (k: number, m: number): LV => ({ ctor: "Prod.mk", fields: [Math.floor(k / m), k % m] });

function matFn<T>(A: Matrix<T>): LV {
  return (i: LV) => (j: LV) => A.data[i as number]![j as number];
}

/**
 * A harness value as the evaluator's Lean-level value. `ev` and `sizes` are needed for pair
 * indices and function values (whose arguments are converted back).
 */
export function toLean<T>(ctx: Context<T>, spec: LeanSpec, v: Value<T>, ev?: Evaluator<T>, sizes: Map<string, number> = new Map()): LV {
  if (spec.opaque) return v;
  switch (spec.k) {
    case "mat":
      if (spec.rows || spec.cols) {
        if (!isMatrix(v)) throw new EvalError("expected a matrix");
        const m = spec.rows ? size(spec.rows[1], sizes) : 0;
        const n = spec.cols ? size(spec.cols[1], sizes) : 0;
        return (a: LV) => (b: LV) => v.data[spec.rows ? pairIndex(a, m) : (a as number)]![spec.cols ? pairIndex(b, n) : (b as number)];
      }
      // A family of vectors `Fin N → Vec D` may be a function value of the harness.
      if (!isMatrix(v)) return (i: LV) => (j: LV) => applyValue(ctx, v, [i as number, j as number]);
      return matFn(v);
    case "vec":
      if (!isVector(v)) {
        if (isFn(v)) return (i: LV) => (spec.int ? intOf(ctx, applyValue(ctx, v, [i as number])) : applyValue(ctx, v, [i as number]));
        throw new EvalError("expected a vector");
      }
      if (spec.rows) {
        const m = size(spec.rows[1], sizes);
        return (a: LV) => v.data[pairIndex(a, m)];
      }
      if (spec.int) return (i: LV) => intOf(ctx, v.data[i as number]);
      return (i: LV) => v.data[i as number];
    case "scalar":
      return spec.int ? intOf(ctx, v) : v;
    case "prop":
      // A hypothesis: its proof carries nothing; a proposition's value is its truth.
      return spec.proof ? PROOF : v;
    case "fn": {
      // A function value, or a table the harness indexes (`data : Fin N → X` given as the rows of a matrix).
      if (!ev || !(isFn(v) || isMatrix(v) || isVector(v))) throw new EvalError("expected a function");
      const k = spec.from.length;
      const collect = (got: LV[]): LV =>
        got.length === k ? toLean(ctx, spec.to, applyValue(ctx, v, got.map((x, i) => fromLean(ev, spec.from[i]!, x, sizes))), ev, sizes) : (x: LV) => collect([...got, x]);
      // A group action: the structure with the field `act` (its two proofs carry nothing).
      return spec.action ? { ctor: "Sym.GroupAction", fields: [collect([]), PROOF, PROOF] } : collect([]);
    }
    case "gl":
      if (!isMatrix(v)) throw new EvalError("expected an invertible matrix");
    {
      // The inverse is computed only when the body reads it.
      let inv: Matrix<T> | undefined;
      const invFn: LV = (i: LV) => (j: LV) => (inv ??= inverse(ctx.F, v)).data[i as number]![j as number];
      return { ctor: "Sym.GL", fields: [matFn(v), invFn, undefined, undefined] };
    }
    case "perm": {
      if (!isMatrix(v)) throw new EvalError("expected a permutation matrix");
      const p = Array.from({ length: v.cols }, (_, j) => v.data.findIndex((row) => !ctx.F.isExactZero(row[j]!)));
      const q = new Array<number>(p.length);
      p.forEach((x, j) => (q[x] = j));
      return { ctor: "Sym.Perm", fields: [(j: LV) => p[j as number], (i: LV) => q[i as number], undefined, undefined] };
    }
    case "activation":
      if (!isFn(v)) throw new EvalError("expected a function");
      return (x: LV) => toScalar(ctx.F, applyValue(ctx, v, [x as T]));
    default:
      return v;
  }
}

/** The evaluator's value as a harness value of `spec`. */
/**
 * Applies a function value of the body to an argument. (Performance: a module-level function, not
 * a closure made on every conversion, which tsx's `keepNames` also renames on every creation.)
 */
function callLean(f: LV, x: LV): LV {
  if (typeof f !== "function") throw new EvalError(`the body gives ${typeof f} where a function is expected`);
  return (f as (y: LV) => LV)(x);
}

export function fromLean<T>(ev: Evaluator<T>, spec: LeanSpec, v: LV, sizes: Map<string, number>): Value<T> {
  if (typeof v === "object" && v !== null && "ctor" in v) {
    const st = v as { ctor: string; fields: LV[] };
    if (st.ctor === "Sym.GL") v = st.fields[0];
    else if (st.ctor === "Sym.GroupAction" && spec.action) v = st.fields[0];
    else if (st.ctor === "Sym.Perm" && spec.k === "perm") {
      const n = size(spec.n, sizes);
      return tabulate(n, n, (i, j) => (callLean(st.fields[0], j) === i ? ev.ctx.F.one : ev.ctx.F.zero));
    }
  }
  switch (spec.k) {
    case "scalar":
      return spec.int ? ev.ctx.F.fromInt(v as number) : (v as Value<T>);
    case "prop":
      if (spec.proof) return true;
      return ev.decide(v);
    case "mat":
      if (spec.rows || spec.cols) {
        const m = spec.rows ? size(spec.rows[1], sizes) : 0;
        const n = spec.cols ? size(spec.cols[1], sizes) : 0;
        const A = tabulate(size(spec.m, sizes), size(spec.n, sizes), (i, j) => callLean(callLean(v, spec.rows ? pairOf(i, m) : i), spec.cols ? pairOf(j, n) : j) as T);
        // The matrix keeps how its sizes split into pairs (a derived meaning taking it reads them).
        return { ...A, ...(spec.rows ? { rowPairs: [size(spec.rows[0], sizes), m] as const } : {}), ...(spec.cols ? { colPairs: [size(spec.cols[0], sizes), n] as const } : {}) };
      }
      return tabulate(size(spec.m, sizes), size(spec.n, sizes), (i, j) => callLean(callLean(v, i), j) as T);
    case "gl":
      return tabulate(size(spec.n, sizes), size(spec.n, sizes), (i, j) => callLean(callLean(v, i), j) as T);
    case "vec": {
      if (spec.rows) {
        const m = size(spec.rows[1], sizes);
        return { ...tabulateVector(size(spec.n, sizes), (k) => callLean(v, pairOf(k, m)) as T), pairs: [size(spec.rows[0], sizes), m] as const };
      }
      if (spec.int) return tabulateVector(size(spec.n, sizes), (i) => ev.ctx.F.fromInt(callLean(v, i) as number));
      return tabulateVector(size(spec.n, sizes), (i) => callLean(v, i) as T);
    }
    case "fn": {
      // A function of the body given back to the harness (arguments converted to Lean's values).
      const k = spec.from.length;
      const first = spec.from[0];
      const inputSize = first?.k === "vec" ? tryPositive(() => size(first.n, sizes)) : undefined;
      return fn<T>("λ", k, (xs) => fromLean(ev, spec.to, xs.reduce<LV>((f, x, i) => callLean(f, toLean(ev.ctx, spec.from[i]!, x, ev, sizes)), v), sizes), inputSize);
    }
    default:
      return v as Value<T>;
  }
}

function tryPositive(f: () => number): number | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * Sizes a call determines: implicit sizes, Nat parameters, the dimensions of its matrices, how a
 * pair-indexed argument built by a derived meaning splits (`pairs`), and the input size of a map
 * on vectors. With `ctx` (`probe`), a map `Vec n → Vec m` also gives `m`: the size of its value at
 * the zero vector (a function value does not carry its output size), and `n` when the map does
 * not carry it (the least size 1–8 it accepts, as the builtin `jac` does).
 */
function sizesOf<T>(shape: Shape, args: readonly Value<T>[], given: readonly string[] = shape.implicitNats, ctx?: Context<T>): Map<string, number> {
  const s = new Map<string, number>();
  given.forEach((n, k) => s.set(n, args[k] as number));
  shape.params.forEach((p, k) => {
    const v = args[given.length + k]!;
    if (v === undefined) return;
    if (p.type.k === "nat") s.set(p.name, v as number);
    // A map on vectors knows its input size.
    if (p.type.k === "fn" && isFn(v) && v.inputSize !== undefined && p.type.from[0]?.k === "vec" && typeof p.type.from[0].n === "string" && !s.has(p.type.from[0].n)) s.set(p.type.from[0].n, v.inputSize);
    const setDim = (d: Dim, n: number) => typeof d === "string" && !s.has(d) && s.set(d, n);
    if ((p.type.k === "mat" || p.type.k === "gl" || p.type.k === "perm") && isMatrix(v)) {
      setDim(p.type.k === "mat" ? p.type.m : p.type.n, v.rows);
      setDim(p.type.n, v.cols);
    }
    if (p.type.k === "vec" && isVector(v)) setDim(p.type.n, v.size);
    // A pair-indexed argument made by a derived meaning says how its sizes split.
    const split = (ds: readonly [Dim, Dim] | undefined, by: readonly [number, number] | undefined) => ds && by && (setDim(ds[0], by[0]), setDim(ds[1], by[1]));
    if (p.type.k === "vec" && isVector(v)) split(p.type.rows, v.pairs);
    if (p.type.k === "mat" && isMatrix(v)) {
      split(p.type.rows, v.rowPairs);
      split(p.type.cols, v.colPairs);
    }
  });
  if (ctx) {
    shape.params.forEach((p, k) => {
      const v = args[given.length + k];
      const t = p.type;
      if (t.k !== "fn" || t.from.length !== 1 || !v || !isFn(v)) return;
      const from = t.from[0]!;
      if (from.k !== "vec" || typeof from.n !== "string") return;
      if (!s.has(from.n)) {
        const n = probeInputSize(ctx, v);
        if (n !== undefined) s.set(from.n, n);
      }
      if (t.to.k !== "vec" || typeof t.to.n !== "string" || s.has(t.to.n) || !s.has(from.n)) return;
      // At the first basis vector (which the body of `jac` applies the map to as well: with
      // `remembered` the two are one call), or at the empty vector for size 0.
      const y = applyValue(ctx, v, [tabulateVector(s.get(from.n)!, (i) => (i === 0 ? ctx.F.one : ctx.F.zero))]);
      if (isVector(y)) s.set(t.to.n, y.size);
    });
  }
  return s;
}

const evaluators = new WeakMap<object, Evaluator<unknown>>();

/**
 * `f` remembering its values by their arguments' entries (vectors, matrices, scalars, sizes; a
 * function value is pure). Arguments of other kinds are not remembered.
 */
function remembered<T>(ctx: Context<T>, f: FnValue<T>): FnValue<T> {
  const seen = new Map<string, Value<T>>();
  const F = ctx.F;
  const key = (x: Value<T>): string | undefined =>
    typeof x === "number" ? `n${x}` : isVector(x) ? `v${x.data.map((e) => F.serialize(e)).join(",")}` : isMatrix(x) ? `m${x.cols};${x.data.map((r) => r.map((e) => F.serialize(e)).join(",")).join(";")}` : F.isScalar(x) ? `s${F.serialize(x)}` : undefined;
  const g = fn<T>(f.name, f.arity, (xs) => {
    const ks = xs.map(key);
    if (ks.some((k) => k === undefined)) return f.apply(xs);
    const k = ks.join("|");
    let y = seen.get(k);
    if (y === undefined) {
      y = f.apply(xs);
      seen.set(k, y);
    }
    return y;
  }, f.inputSize);
  return f.key === undefined ? g : { ...g, key: f.key };
}
const groups = new WeakMap<object, LV>();

/**
 * The `Sym.Group` instance given to a body for a type parameter whose values pass through
 * unchanged (`actDecoder`'s `G`): the harness's own multiplication and inverse of its values
 * (matrices for `GL n α`, as the builtins use), built like Lean's `Group.mk` (`toMul`, `toOne`,
 * `toInv`, then five proofs). The unit is not known without the type, so reading it is an error.
 */
function harnessGroup<T>(ctx: Context<T>): LV {
  let g = groups.get(ctx);
  if (!g) {
    const one = {
      get one(): LV {
        throw new EvalError("the unit of a group given by the harness's values is not known (its type is not passed)");
      },
    };
    g = {
      ctor: "Sym.Group",
      fields: [{ dict: { mul: (a: LV) => (b: LV) => harnessMul(ctx, a as Value<T>, b as Value<T>) } }, { dict: one }, { dict: { inv: (a: LV) => harnessInv(ctx, a as Value<T>) } }, PROOF, PROOF, PROOF, PROOF, PROOF],
    };
    groups.set(ctx, g);
  }
  return g;
}

/** Entries for the exported definitions with a body that `base` does not already give a meaning. */
export function deriveEntries(exp: ExportFile, base: Registry): Derived {
  const entries: SemanticEntry[] = [];
  const left: Derived["left"] = [];
  for (const d of Object.values(exp.declarations)) {
    if (d.value === undefined || d.kind === "theorem" || base.has(d.name)) continue;
    const shape = shapeOf(d, true);
    if (typeof shape === "string") {
      left.push({ name: d.name, reason: shape });
      continue;
    }
    if (shape.opaque.length > 0) {
      left.push({ name: d.name, reason: `type parameter \`${shape.opaque[0]}\` besides the scalar (no generator for its values)` });
      continue;
    }
    const unknown = undeterminedSize(shape, shape.implicitNats);
    if (unknown) {
      left.push({ name: d.name, reason: `size \`${unknown}\` is not determined by the arguments` });
      continue;
    }
    if (shape.result.k === "prop") {
      // Propositions keep the harness's own treatment (unfolded statements, bounded ∀-checks).
      left.push({ name: d.name, reason: "a proposition (unfolded by the statement compiler instead)" });
      continue;
    }
    entries.push({
      name: d.name,
      implicitNats: shape.implicitNats,
      params: shape.params,
      result: shape.result,
      modes: ["exact", "float"],
      doc: `derived from the exported Lean body of ${d.name}`,
      impl: bodyImpl(exp, d.name, shape),
    });
  }
  return { entries, left };
}

function dimNames(d: Dim): string[] {
  return typeof d === "number" ? [] : (d.match(/[\p{L}_][\p{L}\p{N}_'.]*/gu) ?? []);
}
function specDims(t: LeanSpec): Dim[] {
  const own: Dim[] = t.k === "fin" || t.k === "vec" || t.k === "gl" || t.k === "perm" ? [t.n] : t.k === "mat" ? [t.m, t.n] : [];
  const fnDims = t.k === "fn" ? [...t.from.flatMap((x) => specDims(x)), ...specDims(t.to)] : [];
  return [...own, ...(t.rows ?? []), ...(t.cols ?? []), ...fnDims];
}

/**
 * A size the call cannot determine, or undefined: sizes come from the implicit sizes the caller
 * passes (`given`), `Nat` parameters, the dimensions of matrix and vector arguments, and the input
 * size of a map on vectors. The two factors of a pair index (`PairVec p m`) are not among them:
 * the harness's vector of `p·m` entries does not say how they split.
 */
function undeterminedSize(shape: Shape, given: readonly string[], at?: { pairs?: boolean; outputs?: boolean }): string | undefined {
  const known = new Set<string>(given);
  for (const p of shape.params) {
    const t = p.type;
    if (t.k === "nat") known.add(p.name);
    // `pairs`: factors read off the split a pair-indexed argument carries (checked at run time).
    if (at?.pairs && (t.k === "vec" || t.k === "mat")) for (const d of [...(t.rows ?? []), ...(t.cols ?? [])]) if (typeof d === "string") known.add(d);
    // `outputs`: the output size of a map on vectors, read off its value.
    if (at?.outputs && t.k === "fn" && t.from.length === 1 && t.from[0]?.k === "vec" && t.to.k === "vec" && typeof t.to.n === "string") known.add(t.to.n);
    if ((t.k === "mat" || t.k === "vec" || t.k === "gl" || t.k === "perm") && !t.rows && !t.cols) for (const d of specDims(t)) if (typeof d === "string" && /^[\p{L}_][\p{L}\p{N}_'.]*$/u.test(d)) known.add(d);
    if (t.k === "fn" && t.from[0]?.k === "vec" && typeof t.from[0].n === "string") known.add(t.from[0].n);
  }
  const all = [...shape.params.map((p) => p.type), shape.result];
  for (const t of all) for (const d of specDims(t)) for (const n of dimNames(d)) if (!known.has(n)) return n;
  return undefined;
}

/**
 * The meaning of `name` computed by evaluating its exported body. With `curried = k`, the
 * caller passes all but the last `k` explicit arguments and gets a function of those (a builtin
 * whose result is a map, `linMap M : Vec n → Vec m`, against Lean's `M → Vec n → Vec m`).
 */
function bodyImpl(exp: ExportFile, name: string, shape: Shape, given: readonly string[] = shape.implicitNats, curried = 0): SemanticEntry["impl"] {
  const { impl: full, partial } = bodyImpl0(exp, name, shape, given, curried);
  if (curried === 0) return full;
  const short = name.slice(name.lastIndexOf(".") + 1);
  const rest = shape.params.slice(shape.params.length - curried);
  return <T>(ctx: Context<T>, args: readonly Value<T>[]): Value<T> => {
    const first = rest[0]!.type;
    let inputSize: number | undefined;
    if (first.k === "vec") inputSize = tryPositive(() => size(first.n, sizesOf(shape, args, given)));
    // A map on a type parameter `X` (`actEncoder A k f : X → Z`): the input size of the map
    // argument on `X` (`f`), as the builtin keeps it.
    else if (first.opaque) {
      const k = shape.params.findIndex((p, i) => i < shape.params.length - curried && p.type.k === "fn" && (p.type.from[0] as LeanSpec | undefined)?.name === first.name);
      const f = k >= 0 ? args[given.length + k] : undefined;
      if (f !== undefined && isFn(f)) inputSize = f.inputSize;
    }
    // The body is applied to the given arguments once (their conversions and the instance chain
    // are not redone per application of the map); if that fails, per application as before.
    let apply: (xs: readonly Value<T>[]) => Value<T>;
    try {
      apply = partial(ctx, args);
    } catch {
      apply = (xs) => full(ctx, [...args, ...xs]);
    }
    return fn<T>(short, curried, apply, inputSize);
  };
}

function bodyImpl0(
  exp: ExportFile,
  name: string,
  shape: Shape,
  given: readonly string[] = shape.implicitNats,
  curried = 0,
): { impl: SemanticEntry["impl"]; partial: <T>(ctx: Context<T>, args: readonly Value<T>[]) => (rest: readonly Value<T>[]) => Value<T> } {
  // A constant without arguments (`Sym.rot`) has one value per context: computed once.
  const closedValues = new WeakMap<object, unknown>();
  // Likewise a value of sizes only (`Mat.one n`, `twoI d`): one per context and sizes.
  const bySizes = new WeakMap<object, Map<string, unknown>>();
  // Sizes only a map's values give (`m` of `jac (F : Vec n α → Vec m α)`): probed per call.
  const probe = undeterminedSize(shape, given, { pairs: true }) !== undefined;
  const impl = <T>(ctx: Context<T>, args: readonly Value<T>[]): Value<T> => {
    if (shape.params.length === 0 && given.length === 0 && shape.implicitNats.length === 0) {
      if (!closedValues.has(ctx)) closedValues.set(ctx, compute(ctx, args));
      return closedValues.get(ctx) as Value<T>;
    }
    if (args.every((a) => typeof a === "number") && shape.params.every((p) => p.type.k === "nat")) {
      let m = bySizes.get(ctx);
      if (!m) bySizes.set(ctx, (m = new Map()));
      const key = args.join(",");
      if (!m.has(key)) m.set(key, compute(ctx, args));
      return m.get(key) as Value<T>;
    }
    return compute(ctx, args);
  };
  /** The body applied to its binders up to the explicit parameter `supplied` (the others come later). */
  const begin = <T>(ctx: Context<T>, args: readonly Value<T>[], supplied: number) => {
    let ev = evaluators.get(ctx) as Evaluator<T> | undefined;
    if (!ev) {
      ev = new Evaluator(ctx, exp.declarations);
      evaluators.set(ctx, ev as Evaluator<unknown>);
    }
    // The caller passes the sizes `given` (its own signature's), then the explicit arguments;
    // the other implicit sizes are read off the arguments' shapes.
    // Sizes and `Nat` arguments may arrive as the field's integers: Lean's `Nat` is a JavaScript number here.
    const asNat = (v: Value<T>): Value<T> => (typeof v !== "number" && ctx.F.isScalar(v) ? ctx.F.toNumber(v as T) : v);
    args = args.map((v, k) => (k < given.length || shape.params[k - given.length]?.type.k === "nat" ? asNat(v) : v));
    // A map whose output size is probed is applied again by the body (`jac F i j = F (basis j) i`
    // for every `i`): its values are remembered for this call.
    if (probe) args = args.map((v, k) => (k >= given.length && shape.params[k - given.length]?.type.k === "fn" && isFn(v) ? remembered(ctx, v) : v));
    const sizes = sizesOf(shape, args, given, probe ? ctx : undefined);
    let f = ev.constant(name);
    let at = 0;
    for (; at < shape.binders.length; at++) {
      const b = shape.binders[at]!;
      if (b.from === "param" && b.k >= supplied) break;
      f = bind(ctx, ev, b, f, sizes, args.slice(given.length));
    }
    return { ev, f, at, args, sizes };
  };
  const bind = <T>(ctx: Context<T>, ev: Evaluator<T>, b: Shape["binders"][number], f: LV, sizes: Map<string, number>, explicit: readonly Value<T>[]): LV => {
    const x = b.from === "type" ? { tv: "scalar" } : b.from === "opaqueType" ? { tv: "opaque", name: b.name } : b.from === "inst" ? ev.field : b.from === "group" ? harnessGroup(ctx) : b.from === "nat" ? size(shape.implicitNats[b.k]!, sizes) : toLean(ctx, shape.params[b.k]!.type, explicit[b.k]!, ev, sizes);
    if (typeof f !== "function") throw new EvalError(`\`${name}\` takes fewer arguments than its type says`);
    return (f as (y: LV) => LV)(x);
  };
  /** The remaining binders applied to `rest`, and the result read back. */
  const finish = <T>(ctx: Context<T>, st: ReturnType<typeof begin<T>>, rest: readonly Value<T>[]): Value<T> => {
    const all = rest.length === 0 ? st.args : [...st.args, ...rest];
    const sizes = rest.length === 0 ? st.sizes : sizesOf(shape, all, given, probe ? ctx : undefined);
    const explicit = all.slice(given.length);
    let f = st.f;
    for (let i = st.at; i < shape.binders.length; i++) f = bind(ctx, st.ev, shape.binders[i]!, f, sizes, explicit);
    return fromLean(st.ev, shape.result, f, sizes);
  };
  const compute = <T>(ctx: Context<T>, args: readonly Value<T>[]): Value<T> => finish(ctx, begin(ctx, args, shape.params.length), []);
  const partial = <T>(ctx: Context<T>, args: readonly Value<T>[]) => {
    const st = begin(ctx, args, shape.params.length - curried);
    return (rest: readonly Value<T>[]) => finish(ctx, st, rest);
  };
  return { impl, partial };
}

/**
 * Hand-written on purpose although the library has a body: the reason is stated here and in the
 * README (measured, not assumed).
 */
export const HAND_WRITTEN: Readonly<Record<string, string>> = Object.fromEntries(
  ["Sym.Autoencoder.jac", "Sym.Autoencoder.glAction", "Sym.Autoencoder.actEncoder", "Sym.Autoencoder.actDecoder"].map((n) => [
    n,
    "kept for speed: derived from its Lean body too and tested against it (`keptForSpeed`), but the derived `jac` of a derived `actEncoder (glAction d) K f` costs about 10× the builtins, and `jac_actEncoder` went from 1,000 runs in 1.4 s to its 4 s limit (924 runs) in `npm run check -- --force`",
  ]),
);

const RESULT_KINDS = new Set(["scalar", "nat", "prop", "mat", "vec", "gl", "perm", "fin"]);
const PARAM_KINDS = new Set(["scalar", "nat", "mat", "vec", "gl", "perm", "fin", "activation", "prop", "fn"]);
/** Whether the evaluator and the harness exchange values of `t` (functions: of exchangeable values). */
function exchangeable(t: TypeSpec, kinds: ReadonlySet<string>): boolean {
  if (t.k === "fn") return kinds.has("fn") && t.from.every((x) => exchangeable(x, RESULT_KINDS)) && exchangeable(t.to, RESULT_KINDS);
  return kinds.has(t.k);
}
/** Kinds a builtin and the Lean type may use for the same runtime value. */
function compatible(a: LeanSpec, b: TypeSpec): boolean {
  if (a.opaque) return true;
  const norm = (t: TypeSpec) => (t.k === "gl" || t.k === "perm" ? "mat" : t.k);
  if (a.k === "fn" && b.k === "fn") return a.from.length === b.from.length && a.from.every((x, k) => compatible(x as LeanSpec, b.from[k]!)) && compatible(a.to as LeanSpec, b.to);
  if (a.k === "fn" || b.k === "fn") {
    const [f, o] = (a.k === "fn" ? [a, b] : [b, a]) as [Extract<TypeSpec, { k: "fn" }>, TypeSpec];
    const one = f.from.length === 1 ? f.from[0]! : undefined;
    // `α → α`, `Fin n → α` (a vector), `Fin N → Vec D` (a family of vectors, a matrix).
    if (o.k === "activation") return one?.k === "scalar" && f.to.k === "scalar";
    if (o.k === "vec") return one?.k === "fin" && f.to.k === "scalar";
    if (o.k === "mat") return one?.k === "fin" && f.to.k === "vec";
    return false;
  }
  return norm(a) === norm(b);
}

function headOf(t: Term): string | undefined {
  while (t.k === "app") t = t.fn;
  return t.k === "const" ? t.name : t.k === "var" ? "$var" : t.k === "sort" ? `$${t.sort}` : t.k === "pi" ? "$pi" : undefined;
}

/** Types whose values the evaluator can enumerate or compare. */
function finiteDomain(t: Term): boolean {
  const h = headOf(t);
  return h === "Fin" || (h === "Prod" && t.k === "app" && t.args.slice(-2).every(finiteDomain));
}
function comparable(t: Term): boolean {
  const h = headOf(t);
  if (h === "$var" || h === "Nat" || h === "Int" || h === "Fin" || h === "$Prop") return true;
  if (t.k === "pi") return t.binders.every((b) => finiteDomain(b.type)) && comparable(t.body);
  return h === "Sym.Mat" || h === "Sym.Vec";
}

/**
 * Why the exported body of `name` cannot give its numeric meaning (recursion Lean prints as
 * `brecOn`, a quantifier or equality the evaluator cannot decide, a constant without a meaning),
 * or undefined when it can. Looks through the bodies of the library constants it uses.
 */
export function bodyProblem(name: string, exp: ExportFile, isPrimitive: (n: string) => boolean, memo = new Map<string, string | undefined>()): string | undefined {
  if (memo.has(name)) return memo.get(name);
  memo.set(name, undefined); // a cycle is reported by the recursion test below
  const d = exp.declarations[name];
  let problem: string | undefined;
  if (!d || d.value === undefined) problem = `\`${name}\` has no exported body`;
  else {
    const r = parseTerm(d.value);
    if (!r.ok) problem = `the body of \`${name}\` does not parse`;
    else {
      const visit = (t: Term): string | undefined => {
        switch (t.k) {
          case "const": {
            const c = t.name;
            if (/\.(brecOn|rec|recOn|below|match_\d+)$|^WellFounded\./.test(c)) return `\`${name}\` is recursive (Lean prints it through \`${c}\`)`;
            if (c === name || isPrimitive(c) || /\._proof_\d+$/.test(c)) return undefined;
            const x = exp.declarations[c];
            if (x?.kind === "theorem" || x?.kind === "structure" || x?.kind === "class") return undefined;
            const dot = c.lastIndexOf(".");
            const owner = exp.declarations[c.slice(0, dot)];
            // A constructor or field projection (not any definition in the structure's namespace, `Sym.Group.zpow`).
            const field = c.slice(dot + 1);
            if (owner && (owner.kind === "structure" || owner.kind === "class") && (field === "mk" || fieldIndex(owner.fields ?? [], field) >= 0)) return undefined;
            if (!x) return `\`${name}\` uses \`${c}\`, which has no evaluable meaning`;
            return bodyProblem(c, exp, isPrimitive, memo);
          }
          case "app": {
            const h = headOf(t.fn);
            if (h === "Exists" && t.args[0] && !finiteDomain(t.args[0])) return `\`${name}\` has an ∃ over an infinite type`;
            if ((h === "Eq" || h === "Ne") && t.args[0] && !comparable(t.args[0])) return `\`${name}\` compares values of a type the evaluator cannot compare`;
            return visit(t.fn) ?? t.args.map(visit).find(Boolean);
          }
          case "pi":
            for (const b of t.binders) if (b.name !== "_" && !finiteDomain(b.type) && headOf(b.type) !== "$Type") return `\`${name}\` has a ∀ over an infinite type`;
            return t.binders.map((b) => visit(b.type)).find(Boolean) ?? visit(t.body);
          case "lam":
            // A `fun`'s binder types are not evaluated.
            return visit(t.body);
          case "let":
            return visit(t.value) ?? visit(t.body);
          case "proj":
            return visit(t.term);
          default:
            return undefined;
        }
      };
      problem = visit(r.value);
    }
  }
  memo.set(name, problem);
  return problem;
}

/** A type parameter of the body (one of the last `count` type binders of its `fun`) that it compares with `=`/`≠`. */
function opaqueEquality(value: string, count: number): string | undefined {
  if (count === 0) return undefined;
  const r = parseTerm(value);
  if (!r.ok) return undefined;
  const types: string[] = [];
  for (let t = r.value; t.k === "lam"; t = t.body) for (const b of t.binders) if (b.type.k === "sort" && b.type.sort === "Type") types.push(b.name);
  return types.slice(-count).find((n) => new RegExp(`@(Eq|Ne)\\.\\{[^}]*\\} ${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s)]`).test(value));
}

export interface Replacement {
  /** Builtins replaced by their evaluated Lean body. */
  replaced: SemanticEntry[];
  /** Derived entries of builtins kept on purpose (`HAND_WRITTEN`): not registered, tested against the builtins. */
  keptForSpeed?: SemanticEntry[];
  /** Builtins kept, with why. */
  kept: { name: string; reason: string }[];
}

/**
 * Hand-written builtins whose Lean body can give the same meaning: their entry keeps the
 * builtin's signature (how the harness calls it) and evaluates the body instead.
 */
export function replaceBuiltins(exp: ExportFile, base: Registry): Replacement {
  const probe = new Evaluator(exactContext(), exp.declarations);
  const isPrimitive = (n: string) => probe.isPrimitive(n);
  const memo = new Map<string, string | undefined>();
  const replaced: SemanticEntry[] = [];
  const keptForSpeed: SemanticEntry[] = [];
  const kept: Replacement["kept"] = [];
  for (const name of base.names()) {
    const entry = base.get(name)!;
    if (entry.name !== name || !name.includes(".")) continue;
    const d = exp.declarations[name];
    const keep = (reason: string) => kept.push({ name, reason });
    if (!d || d.kind === "theorem") {
      const dot = name.lastIndexOf(".");
      const owner = exp.declarations[name.slice(0, dot)];
      if (!d && owner?.fields?.includes(name.slice(dot + 1))) keep(`a field of the structure \`${owner.name}\` (no body: the harness reads it off the runtime value)`);
      else keep(d ? "a theorem" : "no Lean definition exported (a harness-level name or a search)");
      continue;
    }
    if (d.value === undefined) {
      keep(`no Lean body (a ${d.kind})`);
      continue;
    }
    if (isPrimitive(name)) {
      keep("a primitive of the evaluator (a recursion Lean prints as `brecOn`)");
      continue;
    }
    // What makes the body unevaluable (a recursion, its own or that of a definition it uses, or a
    // quantifier over an infinite type) is the first reason: the `Net` definitions over `List Nat`
    // widths, `rotSeq`, `Group.npow` would not be evaluable even with their types represented.
    const early = bodyProblem(name, exp, isPrimitive, memo);
    if (early) {
      keep(early);
      continue;
    }
    const shape = shapeOf(d);
    if (typeof shape === "string") {
      keep(shape);
      continue;
    }
    const resultOk = exchangeable(shape.result, RESULT_KINDS) || (shape.result.action === true && exchangeable(shape.result, PARAM_KINDS));
    if (!resultOk || shape.params.some((p) => !exchangeable(p.type, PARAM_KINDS))) {
      keep("a function-valued parameter or result the evaluator does not exchange with the harness");
      continue;
    }
    if (!entry.modes.includes("exact")) {
      keep("floating point only (a transcendental function)");
      continue;
    }
    const problem = bodyProblem(name, exp, isPrimitive, memo);
    if (problem) {
      keep(problem);
      continue;
    }
    const opaqueEq = opaqueEquality(d.value, shape.opaque.length);
    if (opaqueEq) {
      keep(`the body compares values of type parameter \`${opaqueEq}\` (the evaluator has no equality for them)`);
      continue;
    }
    // A builtin returning a map (`linMap M : Vec n → Vec m`) takes Lean's last arguments later.
    let builtinParams = entry.params.map((p) => p.type);
    let builtinResult = entry.result;
    let curried = 0;
    if (builtinResult.k === "fn" && shape.params.length === builtinParams.length + builtinResult.from.length) {
      curried = builtinResult.from.length;
      builtinParams = [...builtinParams, ...builtinResult.from];
      builtinResult = builtinResult.to;
    }
    const sameSignature =
      shape.params.length === builtinParams.length &&
      entry.implicitNats.every((n) => shape.implicitNats.includes(n)) &&
      shape.params.every((p, k) => compatible(p.type, builtinParams[k]!)) &&
      compatible(shape.result, builtinResult);
    if (!sameSignature) {
      keep("the builtin's signature differs from the Lean type (it takes other arguments)");
      continue;
    }
    const unknown = undeterminedSize(shape, entry.implicitNats, { pairs: true, outputs: true });
    if (unknown) {
      const pair = shape.params.find((p) => p.type.rows?.some((d) => dimNames(d).includes(unknown)) || p.type.cols?.some((d) => dimNames(d).includes(unknown)));
      keep(
        pair
          ? `the body indexes \`${pair.name}\` by pairs \`Fin ${pair.type.rows ? pair.type.rows.join(" × Fin ") : ""}\`, and the builtin's flat vector or matrix does not say how its size splits (size \`${unknown}\` unknown)`
          : `size \`${unknown}\` of the Lean type is not determined by the builtin's arguments`,
      );
      continue;
    }
    const derivedEntry: SemanticEntry = { ...entry, modes: ["exact", "float"], doc: `derived from the exported Lean body of ${name}`, impl: bodyImpl(exp, name, shape, entry.implicitNats, curried) };
    if (HAND_WRITTEN[name]) {
      // Derivable, but the builtin stays the meaning the harness uses (the reason says why).
      keep(HAND_WRITTEN[name]!);
      keptForSpeed.push(derivedEntry);
      continue;
    }
    replaced.push(derivedEntry);
  }
  return { replaced, kept, keptForSpeed };
}

export { readExport };

/** The default registry plus every definition derived from the export (when there is one). */
export function registryWithExport(root: string): { registry: Registry; derived: Derived; meaning: MeaningSummary; keptForSpeed: SemanticEntry[] } {
  return registryFromExport(readExport(root));
}

/** The default registry with every meaning the export can give derived from the Lean bodies. */
export function registryFromExport(exp: ExportFile | undefined): { registry: Registry; derived: Derived; meaning: MeaningSummary; keptForSpeed: SemanticEntry[] } {
  const registry = createRegistry();
  const derived: Derived = exp ? deriveEntries(exp, registry) : { entries: [], left: [] };
  const rep: Replacement = exp ? replaceBuiltins(exp, registry) : { replaced: [], kept: [] };
  for (const e of derived.entries) registry.register(e);
  for (const e of rep.replaced) registry.replace(e);
  return { registry, derived, meaning: meaningSummary(registry, derived, exp !== undefined, rep), keptForSpeed: rep.keptForSpeed ?? [] };
}

/** Where the numeric meaning of each library definition with a Lean body comes from. */
export interface MeaningSummary {
  /** Hand-written TypeScript (the registry's builtins) for library constants. */
  handWritten: number;
  /** Evaluated from the exported Lean body (new names and replaced builtins). */
  derived: number;
  /** derived / (handWritten + derived). */
  derivedShare: number;
  derivedNames: string[];
  /** Every hand-written library constant and why it is hand-written. */
  handWrittenNames: { name: string; reason: string }[];
  /** Whether an export was found at all. */
  exported: boolean;
}

export function meaningSummary(registry: Registry, derived: Derived, exported: boolean, rep: Replacement = { replaced: [], kept: [] }): MeaningSummary {
  const derivedNames = [...derived.entries, ...rep.replaced].map((e) => e.name).sort();
  const d = new Set(derivedNames);
  const reasons = new Map(rep.kept.map((k) => [k.name, k.reason] as const));
  const handWrittenNames = registry
    .names()
    .filter((n) => !d.has(n) && n.includes("."))
    .map((name) => ({ name, reason: reasons.get(name) ?? (exported ? "an alias or harness-level name" : "no export") }));
  const handWritten = handWrittenNames.length;
  const total = handWritten + derivedNames.length;
  return { handWritten, derived: derivedNames.length, derivedShare: total === 0 ? 0 : Math.round((derivedNames.length / total) * 1000) / 1000, derivedNames, handWrittenNames, exported };
}
