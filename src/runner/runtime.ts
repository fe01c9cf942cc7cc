/**
 * The runtime the generated property modules call (`$`): Lean's operators, application,
 * constants of the numeric semantics registry, and the bounded quantifiers of a statement's
 * body (an inner `∀` is sampled, an `∃` is a witness search with a stated budget).
 *
 * Generated code sees scalars as an opaque `Scalar` type, so one module serves both modes.
 */
import { contextFor, type Context } from "../semantics/context.js";
import type { Field, Mode } from "../semantics/field.js";
import * as Ops from "../semantics/ops.js";
import type { Registry } from "../semantics/registry.js";
import type { TypeSpec } from "../semantics/types.js";
import { isFn, isList, isMatrix, isVector, list, matrix, vector, type Value } from "../semantics/value.js";
import fc from "fast-check";
import { GROUP_CANDIDATE_KINDS, groupCandidates, hypothesisArb, paramsCandidates, take } from "../generators/index.js";
import { candidatesFor } from "./generators.js";

declare const scalarBrand: unique symbol;
/** An opaque scalar of the current field. */
export interface Scalar {
  readonly [scalarBrand]: true;
}
/** A runtime value as generated code sees it. */
export type V = Value<Scalar>;

/** A type in generated code: dimensions are numbers or values of Nat variables. */
export type TypeArg =
  | { readonly k: "nat" }
  | { readonly k: "scalar" }
  | { readonly k: "prop" }
  | { readonly k: "activation" }
  | { readonly k: "fin"; readonly n: V }
  | { readonly k: "vec"; readonly n: V }
  | { readonly k: "mat"; readonly m: V; readonly n: V }
  /** Lean's `LayerGroup α ws` (`widths` is the list `ws`). */
  | { readonly k: "layerGroup"; readonly widths: V }
  | { readonly k: "params"; readonly widths: V; readonly input: V };

/** Budgets of the quantifiers inside a statement. */
export interface Budgets {
  /** Samples of an inner `∀` (structured candidates first). */
  forall: number;
  /** Candidates tried by an `∃` witness search. */
  exists: number;
}

export const DEFAULT_BUDGETS: Budgets = { forall: 24, exists: 96 };

/** Structured group elements by mode, size and budget (they do not depend on the seed). */
const groupCache = new Map<string, readonly unknown[]>();
/** Predicates whose members form a finite group enumerated by {@link groupCandidates}. */
const FINITE_GROUPS: ReadonlySet<string> = new Set(["Sym.IsPermMat", "Sym.IsSignedPerm"]);
/** Structured members of a predicate by mode, predicate and size. */
const memberCache = new Map<string, readonly unknown[]>();

export class Runtime {
  readonly ctx: Context<Scalar>;
  readonly F: Field<Scalar>;
  private site = 0;
  /** An `∃` search ran out of candidates since the last {@link reset}. */
  exhausted = false;
  /** Nesting depth of the quantifier being evaluated (inner searches get smaller budgets). */
  private depth = 0;
  private readonly sampled = new Map<string, V[]>();
  /** `∃` searches that found no witness (over the whole run, unlike {@link exhausted}). */
  failedSearches = 0;
  /** `∃` searches that found a witness (over the whole run). */
  foundWitnesses = 0;
  /** What each kind of inner quantifier searched (for the record's `search` field). */
  readonly searches = new Set<string>();

  constructor(
    readonly mode: Mode,
    readonly registry: Registry | undefined,
    readonly budgets: Budgets = DEFAULT_BUDGETS,
    tolerance?: number,
    /** Another field of the mode (the high-precision re-check's decimals); its candidates are cached apart. */
    field?: Field<unknown>,
  ) {
    this.ctx = (field ? { F: field, maxResidual: 0 } : contextFor(mode, tolerance)) as unknown as Context<Scalar>;
    this.F = this.ctx.F;
    this.cacheTag = field ? `${mode}:${field.tolerance}:custom` : mode;
  }
  /** Keys this runtime's entries in the candidate caches (shared across runtimes of one field). */
  private readonly cacheTag: string;

  /** Called before each evaluation so that inner searches are reproducible. */
  reset(): void {
    this.site = 0;
    this.exhausted = false;
  }

  // ---- terms ----
  num(literal: string): V {
    return Ops.scalar(this.ctx, literal);
  }
  add(a: V, b: V): V {
    return Ops.add(this.ctx, a, b);
  }
  sub(a: V, b: V): V {
    return Ops.sub(this.ctx, a, b);
  }
  mul(a: V, b: V): V {
    return Ops.mul(this.ctx, a, b);
  }
  div(a: V, b: V): V {
    return Ops.div(this.ctx, a, b);
  }
  neg(a: V): V {
    return Ops.neg(this.ctx, a);
  }
  inv(a: V): V {
    return Ops.inv(this.ctx, a);
  }
  pow(a: V, k: V): V {
    return Ops.pow(this.ctx, a, k);
  }
  smul(c: V, x: V): V {
    return Ops.smul(this.ctx, c, x);
  }
  transpose(a: V): V {
    return Ops.transposeOp(this.ctx, a);
  }
  compose(f: V, g: V): V {
    return Ops.compose(this.ctx, f, g);
  }
  kron(a: V, b: V): V {
    return Ops.kronOp(this.ctx, a, b);
  }
  apply(f: V, args: readonly V[]): V {
    return Ops.applyValue(this.ctx, f, args);
  }
  /** A constant of the numeric semantics registry applied to its arguments. */
  call(name: string, args: readonly V[]): V {
    if (!this.registry) throw new Error(`no numeric semantics for \`${name}\``);
    const e = this.registry.get(name);
    if (!e) throw new Error(`no numeric semantics for \`${name}\``);
    const nats = e.implicitNats.map((n) => this.inferNat(n, e.params.map((p) => p.type), args, name));
    const explicit = args.slice(0, e.params.length);
    const rest = args.slice(e.params.length);
    if (explicit.length < e.params.length) {
      return Ops.applyValue(this.ctx, this.partial(name, explicit), []);
    }
    return this.apply(e.impl(this.ctx, [...nats, ...explicit]) as V, rest);
  }
  private partial(name: string, given: readonly V[]): V {
    const e = this.registry?.get(name);
    const missing = (e?.params.length ?? 0) - given.length;
    return { kind: "fn", name, arity: missing, apply: (xs) => this.call(name, [...given, ...xs]) };
  }
  private inferNat(n: string, params: readonly TypeSpec[], args: readonly V[], name: string): V {
    for (let i = 0; i < params.length; i++) {
      const t = params[i] as TypeSpec;
      const a = args[i];
      if (a === undefined) continue;
      if (t.k === "mat" && isMatrix(a)) {
        if (t.m === n) return a.rows;
        if (t.n === n) return a.cols;
      }
      if (t.k === "vec" && isVector(a) && t.n === n) return a.size;
      if ((t.k === "params" || t.k === "layerGroup") && t.widths === n && isList(a)) return a.items.length;
    }
    throw new Error(`cannot infer the size \`${n}\` of \`${name}\` from its arguments`);
  }
  /** `x.field`: `.val` of a subtype element is the value itself; `.1`, `.2` of pairs and lists. */
  proj(x: V, field: string): V {
    if (field === "val" || field === "toMat" || field === "mat") return x;
    if (field === "inv") return this.inv(x);
    if (/^\d+$/.test(field) && isList(x)) {
      const k = Number(field) - 1;
      const item = x.items[k];
      if (item !== undefined) return item;
    }
    throw new Error(`no numeric semantics for the field \`.${field}\``);
  }
  /** The list `[h₁, …, hₖ] ++ tail` of widths (`tail` is `null` for `[]`). */
  widths(heads: readonly V[], tail: V | null): V {
    const rest = tail === null ? [] : isList(tail) ? tail.items : [];
    return list([...heads.map((h) => this.nat(h)), ...rest]);
  }
  /** `(x : T)`: a numeral ascribed a square matrix type is a scalar matrix; `1` of a layer group is its identity. */
  ascribe(x: V, t: TypeArg): V {
    if (t.k === "layerGroup" && !isList(x)) {
      const ws = isList(t.widths) ? t.widths.items.map((w) => this.nat(w)) : [];
      const mats = ws.slice(0, -1).map((n) => this.ascribe(x, { k: "mat", m: n, n }));
      return mats.reduceRight<V>((acc, k) => list<Scalar>([k, acc]), list<Scalar>([]));
    }
    if (t.k === "mat" && !isMatrix(x) && (this.F.isScalar(x) || typeof x === "number")) {
      const m = this.nat(t.m);
      const n = this.nat(t.n);
      const c = typeof x === "number" ? this.F.fromInt(x) : x;
      return matrix(Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? c : this.F.zero))), n);
    }
    return x;
  }
  tabulate(m: V, n: V, f: (i: V, j: V) => V): V {
    const rows = this.nat(m);
    const cols = this.nat(n);
    return matrix(
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => this.scalar(f(i, j)))),
      cols,
    );
  }
  tabulateVec(n: V, f: (i: V) => V): V {
    return vector(Array.from({ length: this.nat(n) }, (_, i) => this.scalar(f(i))));
  }
  /** `fun x₁ … xₖ => body` as a function value. */
  lambda(arity: number, f: (...xs: V[]) => V): V {
    return { kind: "fn", name: "fun", arity, apply: (xs) => f(...xs) };
  }
  /**
   * A solution `K` of `Kᵀ K = c I` (`left`) or `K Kᵀ = c I` from an orthogonal `Q`: `Q S` (`S Q`)
   * with a fixed `S`, `SᵀS = S Sᵀ = c I`: `√c I` when `c` is a rational square (any `c ≥ 0` in
   * float mode), else, for an even size, blocks `[[a, −b], [b, a]]` with `a² + b² = c` (small
   * denominators). `rhs` is `c` or the matrix `c I`. Without a root, `Q` itself (the premise then
   * fails and the run is discarded: no rational solution exists at that size).
   */
  gramRoot(q: V, rhs: V, left: boolean): V {
    if (!isMatrix(q) || q.rows !== q.cols) return q;
    const n = q.rows;
    const F = this.F;
    let c: Scalar | undefined;
    if (isMatrix(rhs)) {
      if (rhs.rows !== n || rhs.cols !== n) return q;
      const d = rhs.data[0]?.[0] ?? F.zero;
      const scalarI = rhs.data.every((row, i) => row.every((x, j) => F.eq(x, i === j ? d : F.zero)));
      if (!scalarI) return q;
      c = d;
    } else if (F.isScalar(rhs)) c = rhs;
    else if (typeof rhs === "number") c = F.fromInt(rhs);
    if (c === undefined) return q;
    const root = gramScalarRoot(F, c, n);
    if (!root) return q;
    return left ? Ops.mul(this.ctx, q, root) : Ops.mul(this.ctx, root, q);
  }
  /**
   * A root of an equation `lhs = rhs` in the scalar `env[key]` (the other variables fixed), when
   * `lhs − rhs` is a polynomial of degree at most 2 in it: the polynomial is read off its values
   * at 0, 1, 2 and confirmed at −1 and 3; a rational root (any real one in float mode) replaces
   * the drawn value — of two roots, the one the drawn value's sign picks. Otherwise (not such a polynomial, no
   * rational root, a side undefined) the drawn value stays, and the premise, still checked, then
   * discards the run.
   */
  scalarRoot<E extends object>(env: E, key: string, sides: (v: E) => V[], drawn: V): V {
    // Without a root the unknown keeps its drawn value (the premise then decides).
    const F = this.F;
    const g = (x: number): Scalar | undefined => {
      const [l, r] = sides({ ...env, [key]: F.fromInt(x) as V } as E);
      return F.isScalar(l) && F.isScalar(r) ? F.sub(l, r) : undefined;
    };
    try {
      const [g0, g1, g2, gm, g3] = [g(0), g(1), g(2), g(-1), g(3)];
      if (g0 === undefined || g1 === undefined || g2 === undefined || gm === undefined || g3 === undefined) return drawn;
      // g(x) = a x² + b x + c
      const c = g0;
      const a = F.div(F.add(F.sub(g2, F.mul(F.fromInt(2), g1)), g0), F.fromInt(2));
      const b = F.sub(F.sub(g1, g0), a);
      const at = (x: number): Scalar => F.add(F.add(F.mul(a, F.fromInt(x * x)), F.mul(b, F.fromInt(x))), c);
      const differs = (x: Scalar, y: Scalar): boolean => (F.mode === "exact" ? !F.eq(x, y) : F.residual(x, y) > 1e-9 * (1 + Math.abs(F.toNumber(y))));
      if (differs(at(-1), gm) || differs(at(3), g3)) return drawn;
      const second = F.isScalar(drawn) && F.lt(drawn, F.zero);
      if (F.isExactZero(a)) return F.isExactZero(b) ? drawn : (F.neg(F.div(c, b)) as V);
      const disc = F.sub(F.mul(b, b), F.mul(F.fromInt(4), F.mul(a, c)));
      const r = scalarSqrt(F, disc);
      if (r === undefined) return drawn;
      return F.div(second ? F.sub(F.neg(b), r) : F.add(F.neg(b), r), F.mul(F.fromInt(2), a)) as V;
    } catch {
      return drawn;
    }
  }
  /** A function on square matrices, marked with the size the statement gives its domain. */
  onSquares(f: V, t: TypeArg): V {
    if (!isFn(f) || t.k !== "mat") return f;
    return { ...f, domainSize: this.nat(t.n) };
  }
  tuple(items: readonly V[]): V {
    return list(items);
  }
  ite(c: boolean, a: () => V, b: () => V): V {
    return c ? a() : b();
  }
  rows(x: V): V {
    if (isMatrix(x)) return x.rows;
    throw new Error("expected a matrix");
  }
  cols(x: V): V {
    if (isMatrix(x)) return x.cols;
    throw new Error("expected a matrix");
  }
  size(x: V): V {
    if (isVector(x)) return x.size;
    if (isList(x)) return x.items.length;
    throw new Error("expected a vector");
  }
  /** `n + k` for a size `n`. */
  plus(n: V, k: number): V {
    return this.nat(n) + k;
  }
  nat(x: V): number {
    if (typeof x === "number" && Number.isInteger(x) && x >= 0) return x;
    if (this.F.isScalar(x)) {
      const v = this.F.toNumber(x);
      if (Number.isInteger(v) && v >= 0) return v;
    }
    throw new Error("expected a natural number");
  }
  private scalar(x: V): Scalar {
    if (this.F.isScalar(x)) return x;
    if (typeof x === "number") return this.F.fromInt(x);
    throw new Error("expected a scalar entry");
  }

  // ---- propositions ----
  eq(a: V, b: V): boolean {
    if (isFn(a) && isFn(b)) return this.funext(a, b);
    return Ops.eq(this.ctx, a, b);
  }
  ne(a: V, b: V): boolean {
    if (isFn(a) && isFn(b)) return !this.funext(a, b);
    return Ops.ne(this.ctx, a, b);
  }
  /**
   * Function equality, sampled: the first input kind both functions accept (scalars, vectors
   * of size 1…6, then the empty vector: a map on `Vec 0` accepts only that) gives
   * `budgets.forall` inputs, structured ones first.
   */
  private funext(f: V, g: V): boolean {
    const kinds: TypeSpec[] = [{ k: "scalar" }, ...[1, 2, 3, 4, 5, 6, 0].map((n): TypeSpec => ({ k: "vec", n }))];
    for (const spec of kinds) {
      const xs = candidatesFor(this.F, spec, this.budgets.forall, 0x5eed + 7919 * this.site++) ?? [];
      const probe = xs[1] ?? xs[0];
      if (probe === undefined) continue;
      try {
        this.apply(f, [probe]);
        this.apply(g, [probe]);
      } catch {
        continue;
      }
      return xs.every((x) => Ops.eq(this.ctx, this.apply(f, [x]), this.apply(g, [x])));
    }
    throw new Error("functions cannot be compared numerically: no input kind fits both");
  }
  le(a: V, b: V): boolean {
    return Ops.le(this.ctx, a, b);
  }
  lt(a: V, b: V): boolean {
    return Ops.lt(this.ctx, a, b);
  }
  /** A proposition computed by the semantics (a decided `Prop`). */
  truth(x: V): boolean {
    if (typeof x === "boolean") return x;
    throw new Error("expected a proposition");
  }
  /**
   * `∀ x : T, body x`, sampled: structured candidates first, then random, `budgets.forall` in
   * all; with `predicate`, the candidates come from its constructive generator.
   */
  forall(t: TypeArg, body: (x: V) => boolean, predicate?: string): boolean {
    const xs = this.candidates(t, this.nested(this.budgets.forall), predicate);
    this.searches.add(`∀ ${this.describe(t, predicate)}, ${this.budgets.forall} samples`);
    this.depth++;
    try {
      for (const x of xs) if (!body(x)) return false;
      return true;
    } finally {
      this.depth--;
    }
  }
  /** The budget of a quantifier at the current depth: a quarter per level, at least 4. */
  private nested(budget: number): number {
    return Math.max(4, Math.floor(budget / 4 ** this.depth));
  }
  /** `∃ x : T, body x`: a witness search over `budgets.exists` candidates; no witness found ⇒ false. */
  exists(t: TypeArg, body: (x: V) => boolean, predicate?: string): boolean {
    const budget = this.nested(this.budgets.exists);
    const xs = this.candidates(t, budget, predicate);
    this.searches.add(`∃ ${this.describe(t, predicate)}, budget ${this.budgets.exists}`);
    this.depth++;
    try {
      for (const x of xs) {
        if (body(x)) {
          this.foundWitnesses++;
          return true;
        }
      }
      // A natural-number witness (an exponent, an order) may lie past the few small values that
      // serve as sizes: try the rest of the budget, in order.
      if (t.k === "nat") {
        for (let k = xs.length; k < budget; k++) {
          if (body(k)) {
            this.foundWitnesses++;
            return true;
          }
        }
      }
    } finally {
      this.depth--;
    }
    this.exhausted = true;
    this.failedSearches++;
    return false;
  }
  /**
   * `∃ X, body X` where an equation of the body fixes `X` (`X = L Y⁻¹`): `body` at that value.
   * When the value cannot be computed (a singular `Y`), the search is inconclusive at this point.
   */
  solved(value: () => V, body: (x: V) => boolean): boolean {
    let x: V;
    try {
      x = value();
    } catch {
      this.exhausted = true;
      this.failedSearches++;
      return false;
    }
    this.searches.add("∃ solved for a bound matrix from an equation of the body");
    if (body(x)) {
      this.foundWitnesses++;
      return true;
    }
    return false;
  }
  /** `X` with `X * Y = L` for an invertible square `Y`: `L Y⁻¹`. */
  solveRight(l: V, y: V): V {
    return this.mul(l, this.inverseOf(y));
  }
  /** `X` with `Y * X = L` for an invertible square `Y`: `Y⁻¹ L`. */
  solveLeft(y: V, l: V): V {
    return this.mul(this.inverseOf(y), l);
  }
  /** `x` itself when it is an invertible square matrix (a `GL` element); throws otherwise. */
  invertibleOrThrow(x: V): V {
    this.inverseOf(x);
    return x;
  }
  private inverseOf(y: V): V {
    if (!isMatrix(y) || y.rows !== y.cols || this.registry?.get("Sym.IsInvertible")?.impl(this.ctx, [y]) !== true) {
      throw new Error("not an invertible square matrix");
    }
    return this.inv(y);
  }
  /** The elements of {@link groupCandidates} (with `I` first) that a one-argument predicate accepts. */
  private structuredMembers(predicate: string, n: number): V[] {
    const key = `${this.cacheTag}/${predicate}/${n}`;
    const hit = memberCache.get(key);
    if (hit) return hit as V[];
    const e = this.registry?.get(predicate);
    let out: V[] = [];
    if (e && e.params.length === 1) {
      out = (take(groupCandidates(this.F, n), 400) as V[]).filter((K) => {
        try {
          return e.impl(this.ctx, [K]) === true;
        } catch {
          return false;
        }
      });
    }
    memberCache.set(key, out);
    return out;
  }
  /** A witness of `body` among the candidates, for the contrapositive check of a premise. */
  witness(t: TypeArg, body: (x: V) => boolean): V | undefined {
    for (const x of this.candidates(t, this.budgets.exists)) if (body(x)) return x;
    return undefined;
  }
  /** The kind of search a quantifier over `t` runs, in words. */
  private describe(t: TypeArg, predicate?: string): string {
    if (t.k === "mat" && predicate) return FINITE_GROUPS.has(predicate) ? `matrix: the structured group elements ${predicate} accepts (every permutation up to size 5), then its generator` : `matrix from the generator of ${predicate} (I first)`;
    if (t.k === "mat" && this.nat(t.m) === this.nat(t.n)) return `square matrix: structured (0, I, ${GROUP_CANDIDATE_KINDS}, units E_ij and their sums) then random`;
    if (t.k === "mat" || t.k === "vec") return `${t.k === "mat" ? "matrix" : "vector"}: structured (0, units, sums and differences) then random`;
    if (t.k === "params") return "parameters: pass-through, structured layers, then random";
    if (t.k === "scalar") return "scalar: 0, ±1, ±2, ±1/2, … then random";
    return `${t.k}: enumerated`;
  }
  private candidates(t: TypeArg, budget: number, predicate?: string): V[] {
    const seed = 0x5eed + 7919 * this.site++;
    if (t.k === "params") {
      // Parameters `Params α n ws`: lists of layers, as Lean's nested pairs `(W₁, (W₂, …, ()))`.
      const ws = isList(t.widths) ? t.widths.items.map((w) => this.nat(w)) : [];
      const all = [this.nat(t.input), ...ws];
      return take(paramsCandidates(this.F, all, seed), budget).map((Ws) =>
        (Ws as V[]).reduceRight<V>((acc, W) => list<Scalar>([W, acc]), list<Scalar>([])),
      );
    }
    const spec = this.spec(t);
    if (predicate && this.registry && spec.k === "mat" && spec.m === spec.n) {
      const n = spec.n as number;
      const key = `${predicate}/${n}/${budget}/${seed}`;
      const cached = this.sampled.get(key);
      if (cached) return cached;
      const arb = hypothesisArb(this.ctx, this.registry, predicate, n);
      if (arb) {
        const identity = this.ascribe(1 as V, { k: "mat", m: n, n });
        // A finite group (permutations, signed permutations): the structured elements the
        // predicate accepts come first, all of them (every permutation up to size 5), then the
        // generator's seeded samples. Infinite groups keep `I` and the samples: structured members
        // (signed permutations among orthogonal matrices) would crowd out the random elements a
        // contrapositive search needs.
        const members = FINITE_GROUPS.has(predicate) ? this.structuredMembers(predicate, n) : [];
        const sample = fc.sample(arb, { numRuns: Math.max(0, budget - 1 - members.length), seed }) as V[];
        const xs = members.length > 0 ? [...members, ...sample] : [identity, ...sample];
        this.sampled.set(key, xs);
        return xs;
      }
    }
    const xs = candidatesFor(this.F, spec, budget, seed);
    if (!xs) throw new Error(`cannot quantify over ${t.k}`);
    if (spec.k === "mat" && spec.m === spec.n && typeof spec.n === "number" && spec.n > 0) return this.withGroupCandidates(xs, spec.n, budget);
    return xs;
  }
  /**
   * Square matrices: `0` and `I`, then the group elements of {@link groupCandidates}
   * (permutations, signed permutations, diagonal, monomial) alternating with the generic
   * structured and random candidates, `budget` in all.
   */
  private withGroupCandidates(generic: readonly V[], n: number, budget: number): V[] {
    const key = `${this.cacheTag}/${n}/${budget}`;
    let group = groupCache.get(key) as V[] | undefined;
    if (!group) {
      group = take(groupCandidates(this.F, n), budget) as V[];
      groupCache.set(key, group);
    }
    const out: V[] = generic.slice(0, 2);
    let g = 0;
    let r = 2;
    while (out.length < budget && (g < group.length || r < generic.length)) {
      if (g < group.length) out.push(group[g++] as V);
      if (out.length < budget && r < generic.length) out.push(generic[r++] as V);
    }
    return out;
  }
  private spec(t: TypeArg): TypeSpec {
    switch (t.k) {
      case "fin":
        return { k: "fin", n: this.nat(t.n) };
      case "vec":
        return { k: "vec", n: this.nat(t.n) };
      case "mat":
        return { k: "mat", m: this.nat(t.m), n: this.nat(t.n) };
      case "layerGroup":
      case "params":
        throw new Error(`cannot quantify over ${t.k} inside a statement`);
      default:
        return t;
    }
  }
}

/** The integer square root of a nonnegative bigint, when exact. */
function exactSqrt(x: bigint): bigint | undefined {
  if (x < 0n) return undefined;
  if (x < 2n) return x;
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r--;
  while ((r + 1n) * (r + 1n) <= x) r++;
  return r * r === x ? r : undefined;
}

/** `p/q` of an exact scalar from its serialization. */
function ratio(F: Field<Scalar>, c: Scalar): [bigint, bigint] | undefined {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(F.serialize(c));
  return m ? [BigInt(m[1] as string), BigInt(m[2] ?? "1")] : undefined;
}

/**
 * A rational square root of `c` (exact mode), or `√c` (float mode; a `c` within the tolerance of 0,
 * even one rounding left slightly negative, has the root 0, never NaN).
 */
function scalarSqrt(F: Field<Scalar>, c: Scalar): Scalar | undefined {
  if (F.mode === "float") return F.sqrt && !F.lt(c, F.zero) ? F.sqrt(F.eq(c, F.zero) ? F.zero : c) : undefined;
  const pq = ratio(F, c);
  if (!pq) return undefined;
  const p = exactSqrt(pq[0]);
  const q = exactSqrt(pq[1]);
  return p !== undefined && q !== undefined ? F.fromRatio(p, q) : undefined;
}

/** `S` with `SᵀS = S Sᵀ = c I` of size `n` (see {@link Runtime.gramRoot}), or `undefined`. */
export function gramScalarRoot(F: Field<Scalar>, c: Scalar, n: number): V | undefined {
  if (F.lt(c, F.zero)) return undefined;
  const r = scalarSqrt(F, c);
  if (r !== undefined) return matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? r : F.zero))), n);
  if (n % 2 !== 0) return undefined;
  // c = a² + b² with b = k/d, d ≤ 12: a = √(c − b²) rational.
  for (let d = 1; d <= 12; d++) {
    for (let k = 1; k <= 4 * d; k++) {
      const b = F.fromRatio(k, d);
      const rest = F.sub(c, F.mul(b, b));
      if (F.lt(rest, F.zero)) break;
      const a = scalarSqrt(F, rest);
      if (a === undefined) continue;
      const nb = F.neg(b);
      return matrix(
        Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => {
            if (Math.floor(i / 2) !== Math.floor(j / 2)) return F.zero;
            if (i === j) return a;
            return i < j ? nb : b;
          }),
        ),
        n,
      );
    }
  }
  return undefined;
}
