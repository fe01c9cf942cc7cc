/**
 * Hand-written builtins against their Lean bodies: a registry entry whose constant has an
 * exported body is run on random inputs (fixed seed) both ways, through its TypeScript
 * implementation and through the evaluated Lean body, and the results must agree.
 */
import { toScalar, valueEq, type Context } from "../semantics/context.js";
import { applyValue } from "../semantics/ops.js";
import type { SemanticEntry } from "../semantics/registry.js";
import type { Dim, TypeSpec } from "../semantics/types.js";
import { tryInverse } from "../semantics/inverse.js";
import { resolveDim } from "../generators/dims.js";
import { parseTerm } from "./term.js";
import { fn, isMatrix, isVector, tabulate, tabulateVector, type Value } from "../semantics/value.js";
import { EvalError, Evaluator, type LV } from "./eval.js";
import type { ExportedDeclaration } from "./types.js";

/** A small seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUPPORTED = new Set(["nat", "fin", "scalar", "vec", "mat", "activation", "fn", "prop", "gl", "perm"]);

/** No input of this shape exists (an index into `Fin 0`): the run is skipped. */
class NoInput extends Error {}

/** Why an entry cannot be compared, or undefined when it can. */
export function unsupportedReason(e: SemanticEntry, d: ExportedDeclaration | undefined): string | undefined {
  if (!d) return "not exported";
  if (d.value === undefined) return "no Lean body (a structure, a class or a theorem)";
  const bad = (t: TypeSpec): string | undefined => {
    if (!SUPPORTED.has(t.k)) return `a ${t.k} parameter`;
    if (t.k === "fn") return [...t.from, t.to].map(bad).find(Boolean);
    for (const dim of dims(t)) if (typeof dim === "string" && !/^[\p{L}_][\p{L}\p{N}_']*$/u.test(dim)) return `a size expression \`${dim}\``;
    return undefined;
  };
  return [...e.params.map((p) => p.type), e.result].map(bad).find(Boolean);
}

function dims(t: TypeSpec): Dim[] {
  if (t.k === "fin" || t.k === "vec" || t.k === "gl" || t.k === "perm") return [t.n];
  if (t.k === "mat") return [t.m, t.n];
  if (t.k === "fn") return [...t.from.flatMap(dims), ...dims(t.to)];
  return [];
}

function size(d: Dim, sizes: Record<string, number>): number {
  return typeof d === "number" ? d : (sizes[d] ?? 0);
}

interface Pair<T> {
  harness: Value<T>;
  lean: LV;
}

const ACTIVATIONS = ["double plus one", "square", "positive part"] as const;

function gen<T>(ctx: Context<T>, t: TypeSpec, sizes: Record<string, number>, r: () => number, leanHead?: string): Pair<T> {
  const F = ctx.F;
  const scalar = (): T => (r() < 0.2 ? F.zero : F.fromRatio(Math.floor(r() * 11) - 5, 1 + Math.floor(r() * 4)));
  const asFn = (A: { data: readonly (readonly T[])[] }) => (i: LV) => (j: LV) => A.data[i as number]![j as number];
  if (leanHead === "Sym.GL" && (t.k === "mat" || t.k === "gl")) {
    // An element of GL n α: an invertible matrix with its inverse (the proofs carry nothing).
    const n = size(t.k === "gl" ? t.n : t.m, sizes);
    for (let k = 0; k < 50; k++) {
      const A = tabulate(n, n, () => scalar());
      const B = tryInverse(F, A);
      if (B) return { harness: A, lean: { ctor: "Sym.GL", fields: [asFn(A), asFn(B), undefined, undefined] } };
    }
    throw new NoInput("no invertible matrix found");
  }
  if (leanHead === "Sym.Perm" && t.k === "perm") {
    const n = size(t.n, sizes);
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    const q = new Array<number>(n);
    p.forEach((v, i) => (q[v] = i));
    const M = tabulate(n, n, (i, j) => (p[j] === i ? F.one : F.zero));
    return { harness: M, lean: { ctor: "Sym.Perm", fields: [(j: LV) => p[j as number], (i: LV) => q[i as number], undefined, undefined] } };
  }
  switch (t.k) {
    case "scalar": {
      const x = scalar();
      return { harness: x, lean: x };
    }
    case "nat": {
      const n = Math.floor(r() * 4);
      return { harness: n, lean: n };
    }
    case "fin": {
      const n = size(t.n, sizes);
      if (n === 0) throw new NoInput("Fin 0 is empty");
      const i = Math.floor(r() * n);
      return { harness: i, lean: i };
    }
    case "mat": {
      const A = tabulate(size(t.m, sizes), size(t.n, sizes), () => scalar());
      return { harness: A, lean: (i: LV) => (j: LV) => A.data[i as number]![j as number] };
    }
    case "vec": {
      const v = tabulateVector(size(t.n, sizes), () => scalar());
      return { harness: v, lean: (i: LV) => v.data[i as number] };
    }
    case "activation":
    case "fn": {
      if (t.k === "fn" && t.from.some((x) => x.k !== "fin" && x.k !== "scalar")) throw new EvalError("function parameter of an unsupported type");
      const arity = t.k === "fn" ? t.from.length : 1;
      const pick = ACTIVATIONS[Math.floor(r() * ACTIVATIONS.length)]!;
      const table = new Map<string, T>();
      const f = (xs: readonly Value<T>[]): T => {
        if (t.k === "activation" || (t.k === "fn" && t.from.every((x) => x.k === "scalar"))) {
          const x = toScalar(F, xs[0]!);
          return pick === "double plus one" ? F.add(F.mul(F.fromInt(2), x), F.one) : pick === "square" ? F.mul(x, x) : F.lt(x, F.zero) ? F.zero : x;
        }
        const key = xs.join(",");
        if (!table.has(key)) table.set(key, scalar());
        return table.get(key)!;
      };
      const curried = (got: Value<T>[]): LV => (got.length === arity ? f(got) : (x: LV) => curried([...got, x as Value<T>]));
      return { harness: fn(`random ${pick}`, arity, f), lean: curried([]) };
    }
    default:
      throw new EvalError(`cannot generate a ${t.k}`);
  }
}

function fromLean<T>(ev: Evaluator<T>, t: TypeSpec, v: LV, sizes: Record<string, number>): Value<T> {
  t = t.k === "gl" || t.k === "perm" ? { k: "mat", m: t.n, n: t.n } : t;
  const call = (f: LV, x: LV) => {
    if (typeof f !== "function") throw new EvalError(`the body gives ${typeof f} where a function is expected`);
    return (f as (y: LV) => LV)(x);
  };
  if (typeof v === "object" && v !== null && "ctor" in v) {
    const st = v as { ctor: string; fields: LV[] };
    // GL n α at runtime is its matrix; Perm n is its permutation matrix (entry (i, j) = 1 when p j = i).
    if (st.ctor === "Sym.GL") v = st.fields[0];
    else if (st.ctor === "Sym.Perm" && t.k === "mat") {
      const p = st.fields[0];
      return tabulate(size(t.m, sizes), size(t.n, sizes), (i, j) => (call(p, j) === i ? ev.ctx.F.one : ev.ctx.F.zero));
    }
  }
  switch (t.k) {
    case "prop":
      return ev.decide(v);
    case "mat":
      return tabulate(size(t.m, sizes), size(t.n, sizes), (i, j) => call(call(v, i), j) as T);
    case "vec":
      return tabulateVector(size(t.n, sizes), (i) => call(v, i) as T);
    default:
      return v as Value<T>;
  }
}

export interface Disagreement {
  name: string;
  inputs: string;
  builtin: string;
  body: string;
}

export interface AgreementResult {
  name: string;
  runs: number;
  /** Set when the comparison could not be made (with the reason). */
  skipped?: string;
  disagreement?: Disagreement;
}

function show<T>(ctx: Context<T>, v: Value<T>): string {
  if (isMatrix(v)) return `[${v.data.map((r) => `[${r.map((x) => ctx.F.serialize(x)).join(", ")}]`).join(", ")}]`;
  if (isVector(v)) return `[${v.data.map((x) => ctx.F.serialize(x)).join(", ")}]`;
  if (ctx.F.isScalar(v)) return ctx.F.serialize(v);
  return String(typeof v === "object" ? (v as { name?: string }).name ?? "?" : v);
}

/** Runs `entry` and the Lean body of the same constant on `runs` random inputs. */
export function compareBuiltin<T>(
  ctx: Context<T>,
  entry: SemanticEntry,
  decls: Readonly<Record<string, ExportedDeclaration>>,
  opts: { seed: number; runs: number; maxSize?: number },
): AgreementResult {
  const d = decls[entry.name];
  const why = unsupportedReason(entry, d);
  if (why) return { name: entry.name, runs: 0, skipped: why };
  if (new Evaluator(ctx, decls).isPrimitive(entry.name)) return { name: entry.name, runs: 0, skipped: "a primitive of the evaluator (recursion), hand-written on both sides" };
  const r = rng(opts.seed);
  const typeTerm = parseTerm(d!.type);
  const leanHeads: (string | undefined)[] = [];
  if (typeTerm.ok) {
    for (let t = typeTerm.value; t.k === "pi"; t = t.body) {
      for (const b of t.binders) {
        if (b.info !== "default") continue;
        let h = b.type;
        while (h.k === "app") h = h.fn;
        leanHeads.push(h.k === "const" ? h.name : undefined);
      }
    }
  }
  let skippedRuns = 0;
  const names = new Set<string>(entry.implicitNats);
  for (const p of entry.params) for (const dim of dims(p.type)) if (typeof dim === "string") names.add(dim);
  for (const dim of dims(entry.result)) if (typeof dim === "string") names.add(dim);
  for (let run = 0; run < opts.runs; run++) {
    const ev = new Evaluator(ctx, decls);
    const sizes: Record<string, number> = {};
    for (const n of names) sizes[n] = Math.floor(r() * ((opts.maxSize ?? 3) + 1));
    // A Nat parameter that is also a size (`Mat.one n`) takes the size.
    const harnessArgs: Value<T>[] = entry.implicitNats.map((n) => sizes[n]!);
    const leanArgs: Record<string, LV> = { ...sizes };
    const leanExplicit: LV[] = [];
    for (const p of entry.params) {
      let pair: Pair<T>;
      try {
        pair = p.type.k === "nat" && p.name in sizes ? { harness: sizes[p.name]!, lean: sizes[p.name]! } : gen(ctx, p.type, sizes, r, leanHeads[leanExplicit.length]);
      } catch (e) {
        if (e instanceof NoInput) break;
        return { name: entry.name, runs: run, skipped: (e as Error).message };
      }
      if (p.type.k === "nat") sizes[p.name] = pair.harness as number;
      harnessArgs.push(pair.harness);
      leanExplicit.push(pair.lean);
    }
    if (leanExplicit.length < entry.params.length) {
      skippedRuns++;
      continue;
    }
    let viaBody: Value<T>;
    try {
      viaBody = fromLean(ev, entry.result, ev.call(entry.name, leanArgs, leanExplicit), sizes);
    } catch (e) {
      if (e instanceof EvalError) return { name: entry.name, runs: run, skipped: `the body cannot be evaluated: ${e.message}` };
      throw e;
    }
    // A map as result (`glAction d`, now that its structure is evaluated): compared applied to
    // random arguments by `compareDerived`, not here.
    if (entry.result.k === "fn") return { name: entry.name, runs: run, skipped: "a map as result (compared applied, by compareDerived)" };
    let viaBuiltin: Value<T>;
    try {
      viaBuiltin = entry.impl(ctx, harnessArgs);
    } catch (e) {
      viaBuiltin = `throws ${(e as Error).message}` as unknown as Value<T>;
    }
    const same = typeof viaBuiltin === "string" ? false : typeof viaBody === "boolean" ? viaBody === viaBuiltin : valueEq(ctx, viaBody, applyValueSafe(ctx, viaBuiltin));
    if (!same) {
      return { name: entry.name, runs: run + 1, disagreement: disagreement(ctx, entry, sizes, harnessArgs, viaBuiltin, viaBody) };
    }
  }
  return { name: entry.name, runs: opts.runs - skippedRuns };
}

/** What a disagreement shows: the sizes and the builtin's arguments, then both results (a string is a failure's text). */
function disagreement<T>(ctx: Context<T>, entry: SemanticEntry, sizes: Record<string, number>, args: readonly Value<T>[], builtin: Value<T> | string, body: Value<T> | string): Disagreement {
  return {
    name: entry.name,
    inputs: [...Object.entries(sizes).map(([k, v]) => `${k} = ${v}`), ...entry.params.map((p, k) => `${p.name} = ${show(ctx, args[entry.implicitNats.length + k]!)}`)].join(", "),
    builtin: typeof builtin === "string" ? builtin : show(ctx, builtin),
    body: typeof body === "string" ? body : show(ctx, body),
  };
}

function applyValueSafe<T>(ctx: Context<T>, v: Value<T>): Value<T> {
  return typeof v === "object" && v !== null && "kind" in v && v.kind === "fn" && v.arity === 0 ? applyValue(ctx, v, []) : v;
}

/** A size name of a builtin's type: a variable, `p m` (a pair index, p·m values) or Nat arithmetic. */
function sizeOfDim(d: Dim, sizes: Record<string, number>): number {
  if (typeof d === "number") return d;
  if (d in sizes) return sizes[d]!;
  return resolveDim(sizes, d.replace(/([\p{L}\p{N}_'])\s+(?=[\p{L}_])/gu, "$1 * "));
}

/** The variables of a builtin's sizes (`p m`, `d + 1` give `p`, `m`, `d`). */
function sizeNames(d: Dim): string[] {
  return typeof d === "number" ? [] : (d.match(/[\p{L}_][\p{L}\p{N}_']*/gu) ?? []).filter((x) => x !== "outWidth" && x !== "minWidth");
}

/** A random harness value of `t` (functions on vectors and matrices: random linear maps). */
function harnessValue<T>(ctx: Context<T>, t: TypeSpec, sizes: Record<string, number>, r: () => number, leanHead?: string): Value<T> {
  const F = ctx.F;
  const scalar = (): T => (r() < 0.2 ? F.zero : F.fromRatio(Math.floor(r() * 11) - 5, 1 + Math.floor(r() * 4)));
  const sz = (d: Dim) => sizeOfDim(d, sizes);
  if (leanHead === "Sym.Perm" && t.k === "mat") return gen(ctx, { k: "perm", n: t.m }, sizes, r, leanHead).harness;
  if (t.k === "fn" && t.to.k === "prop") {
    // A predicate: a random truth value per argument (the same argument, the same answer).
    const table = new Map<string, boolean>();
    const key = (x: Value<T>): string => (isMatrix(x) ? x.data.map((row) => row.map((e) => F.serialize(e)).join(",")).join(";") : isVector(x) ? x.data.map((e) => F.serialize(e)).join(",") : F.isScalar(x) ? F.serialize(x) : String(x));
    return fn("random predicate", t.from.length, (xs) => {
      const k = xs.map(key).join("|");
      if (!table.has(k)) table.set(k, r() < 0.5);
      return table.get(k)!;
    });
  }
  if (t.k === "fn" && t.from.every((x) => x.k === "fin")) {
    // A family indexed by `Fin`s (`data : Fin N → Vec D`, `v : Fin 1 → Int`): a table of random values.
    const table = new Map<string, Value<T>>();
    const to = t.to;
    const f = (xs: readonly Value<T>[]): Value<T> => {
      const key = xs.join(",");
      if (!table.has(key)) table.set(key, leanHead === "$int" ? F.fromInt(Math.floor(r() * 7) - 3) : harnessValue(ctx, to, sizes, r));
      return table.get(key)!;
    };
    return fn("random family", t.from.length, f);
  }
  // A pair-indexed argument (`PairVec p m α`, the builtin's size `p m`) carries its split, as the
  // values of the derived meanings that build pair-indexed vectors and matrices (`vec`, `kron`) do.
  const split = (d: Dim): readonly [number, number] | undefined => {
    const f = typeof d === "string" ? /^(\S+)\s+(\S+)$/.exec(d) : null;
    return f ? [sz(f[1]!), sz(f[2]!)] : undefined;
  };
  switch (t.k) {
    case "mat": {
      if (leanHead === "Sym.GL") return harnessValue(ctx, { k: "gl", n: t.m }, sizes, r);
      const A = tabulate(sz(t.m), sz(t.n), () => scalar());
      const [rowPairs, colPairs] = [split(t.m), split(t.n)];
      return leanHead === "Sym.PairMat" && rowPairs && colPairs ? { ...A, rowPairs, colPairs } : A;
    }
    case "vec": {
      // `Fin d → Int`: integers.
      const v = tabulateVector(sz(t.n), () => (leanHead === "$int" ? F.fromInt(Math.floor(r() * 7) - 3) : scalar()));
      const pairs = split(t.n);
      return leanHead === "Sym.PairVec" && pairs ? { ...v, pairs } : v;
    }
    case "gl": {
      const n = sz(t.n);
      for (let k = 0; k < 50; k++) {
        const A = tabulate(n, n, () => scalar());
        if (tryInverse(F, A)) return A;
      }
      throw new NoInput("no invertible matrix found");
    }
    case "fn": {
      if (t.from.some((x) => x.k !== "vec" && x.k !== "mat") || (t.to.k !== "scalar" && t.to.k !== "vec")) return gen(ctx, t, sizes, r).harness;
      // Σ w·x over the entries of every argument, plus one quadratic term (not linear by accident).
      const to = t.to;
      const outs = to.k === "vec" ? sz(to.n) : 1;
      const weights = new Map<string, T>();
      const w = (k: string) => (weights.has(k) ? weights.get(k)! : (weights.set(k, scalar()), weights.get(k)!));
      const f = (xs: readonly Value<T>[]): Value<T> => {
        const out = Array.from({ length: outs }, (_, o) => {
          let acc = F.zero;
          xs.forEach((x, a) => {
            const entries = isMatrix(x) ? x.data.flat() : isVector(x) ? x.data : [];
            entries.forEach((e, k) => (acc = F.add(acc, F.mul(w(`${o}:${a}:${k}`), e))));
            if (entries[0] !== undefined) acc = F.add(acc, F.mul(entries[0], entries[0]));
          });
          return acc;
        });
        return to.k === "vec" ? tabulateVector(outs, (o) => out[o]!) : out[0]!;
      };
      const first = t.from[0]!;
      return fn("random map", t.from.length, f, first.k === "vec" ? sz(first.n) : undefined);
    }
    default:
      return gen(ctx, t, sizes, r, leanHead).harness;
  }
}

/**
 * A builtin against the meaning the numeric stage derives for the same name from its Lean body
 * (`derived`: the registry entry built by `src/export/derive.ts`, with the builtin's signature):
 * both are called the same way on `runs` random inputs and must agree. Covers what
 * `compareBuiltin` does not: sizes `n + m` and pair indices, `Int` values, hypotheses, function
 * arguments and builtins returning maps.
 */
export function compareDerived<T>(ctx: Context<T>, builtin: SemanticEntry, derived: SemanticEntry, opts: { seed: number; runs: number; maxSize?: number; leanHeads?: readonly (string | undefined)[] }): AgreementResult {
  const r = rng(opts.seed);
  const names = new Set<string>(builtin.implicitNats);
  const all = [...builtin.params.map((p) => p.type), builtin.result];
  const collect = (t: TypeSpec) => {
    for (const d of dims(t)) for (const n of sizeNames(d)) names.add(n);
  };
  all.forEach(collect);
  let skippedRuns = 0;
  for (let run = 0; run < opts.runs; run++) {
    const sizes: Record<string, number> = {};
    for (const n of names) sizes[n] = Math.floor(r() * ((opts.maxSize ?? 3) + 1));
    const args: Value<T>[] = builtin.implicitNats.map((n) => sizes[n]!);
    try {
      builtin.params.forEach((p, k) => {
        const v = p.type.k === "nat" && p.name in sizes ? sizes[p.name]! : p.type.k === "prop" ? true : harnessValue(ctx, p.type, sizes, r, opts.leanHeads?.[k]);
        if (p.type.k === "nat") sizes[p.name] = v as number;
        args.push(v);
      });
    } catch (e) {
      if (e instanceof NoInput) {
        skippedRuns++;
        continue;
      }
      throw e;
    }
    const call = (e: SemanticEntry): Value<T> | string => {
      try {
        let v = e.impl(ctx, args);
        // A map: applied to random arguments of its domain.
        if (builtin.result.k === "fn") {
          const res = builtin.result;
          v = applyValue(ctx, v, fnArgs);
          if (res.to.k === "fn") return "nested map";
        }
        return applyValueSafe(ctx, v);
      } catch (err) {
        return `throws ${(err as Error).message}`;
      }
    };
    const fnArgs: Value<T>[] = builtin.result.k === "fn" ? builtin.result.from.map((t) => harnessValue(ctx, t, sizes, r)) : [];
    const a = call(builtin);
    const b = call(derived);
    let same: boolean;
    try {
      same = typeof a === "string" || typeof b === "string" ? typeof a === "string" && a === b && !a.startsWith("throws") : typeof a === "boolean" ? a === b : valueEq(ctx, a, b);
    } catch {
      // Floating point overflowed on both sides (no comparison possible): the run does not count.
      skippedRuns++;
      continue;
    }
    if (!same) {
      return { name: builtin.name, runs: run + 1, disagreement: disagreement(ctx, builtin, sizes, args, a, b) };
    }
  }
  return { name: builtin.name, runs: opts.runs - skippedRuns };
}

/** Per explicit binder of an exported declaration: `Sym.GL` for an invertible matrix, `$int` for `Fin d → Int`. */
export function leanHeadsOf(d: ExportedDeclaration): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const r = parseTerm(d.type);
  if (!r.ok) return out;
  for (let t = r.value; t.k === "pi"; t = t.body) {
    for (const b of t.binders) {
      if (b.info !== "default") continue;
      let h = b.type;
      if (h.k === "pi" && h.body.k === "const" && h.body.name === "Int") {
        out.push("$int");
        continue;
      }
      while (h.k === "app") h = h.fn;
      out.push(h.k === "const" ? h.name : undefined);
    }
  }
  return out;
}
