/**
 * Registry entries of `Sym/Translation.lean` (J3.11): group powers, the rotation `R` of infinite
 * order, the Gaussian-integer sequence `(a_k, b_k)` with `a_k + b_k i = (3 + 4i)^k`, `5^k`, and the
 * representation `v ↦ R^(v 0)` of `ℤ^1`; and `diag(R, I_d)` of `Sym/Norm/Finite.lean` (R3.22c).
 * Group elements are matrices (`GL n`, `Perm n`) or layer-group tuples; integers are JavaScript
 * numbers (safe up to `2^53`).
 */
import { valueEq, type Context } from "../context.js";
import { SemanticsTypeError } from "../field.js";
import { identity } from "../matrix.js";
import { applyValue, inv, mul } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { embeddedRotation, pythagoreanRotation, rotationPower, rotationRepresentation } from "../rotation.js";
import { T } from "../types.js";
import { describe, isList, isMatrix, list, tabulate, type FnValue, type Value, type Vector } from "../value.js";
import { define } from "./define.js";

/** The identity of the group an element `g` lives in. */
function groupOne<T>(ctx: Context<T>, g: Value<T>): Value<T> {
  if (isMatrix(g)) return identity(ctx.F, g.rows);
  if (isList(g)) return list(g.items.map((x) => groupOne(ctx, x)));
  throw new SemanticsTypeError(`no group identity for ${describe(g)}`);
}

/** `g^k` for a natural `k`, as Lean's `npow` (`npow g (k + 1) = npow g k * g`). */
export function npow<T>(ctx: Context<T>, g: Value<T>, k: number): Value<T> {
  let r = groupOne(ctx, g);
  for (let i = 0; i < k; i++) r = mul(ctx, r, g);
  return r;
}

function intOf<T>(ctx: Context<T>, v: Value<T>): number {
  const x = typeof v === "number" ? v : ctx.F.isScalar(v) ? ctx.F.toNumber(v) : NaN;
  if (!Number.isInteger(x)) throw new SemanticsTypeError(`expected an integer, got ${describe(v)}`);
  return x;
}

export const translationEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.Group.npow",
    params: [["g", T.sq("n")], ["k", T.nat]],
    result: T.sq("n"),
    doc: "g^k for k : Nat",
    impl: (a) => npow(a.ctx, a.raw(0), a.nat(1)),
  }),
  define({
    name: "Sym.Group.zpow",
    params: [["g", T.sq("n")], ["k", T.scalar]],
    result: T.sq("n"),
    doc: "g^k for k : Int (g^(−k) = (g^k)⁻¹)",
    impl: (a) => {
      const k = intOf(a.ctx, a.raw(1));
      const p = npow(a.ctx, a.raw(0), Math.abs(k));
      return k >= 0 ? p : inv(a.ctx, p);
    },
  }),
  define({
    name: "Sym.rot",
    params: [],
    result: T.sq(2),
    doc: "J3.11: R = [[3/5, −4/5], [4/5, 3/5]] in GL 2",
    impl: (a) => pythagoreanRotation(a.ctx.F),
  }),
  define({
    name: "Sym.rotSeq",
    params: [["k", T.nat]],
    result: T.list(T.scalar),
    doc: "J3.11: (a_k, b_k) with a_k + b_k i = (3 + 4i)^k",
    impl: (a) => {
      let x = 1n;
      let y = 0n;
      for (let i = 0; i < a.nat(0); i++) [x, y] = [3n * x - 4n * y, 4n * x + 3n * y];
      const F = a.ctx.F;
      return list([F.fromInt(x), F.fromInt(y)]);
    },
  }),
  define({
    name: "Sym.pow5",
    params: [["k", T.nat]],
    result: T.scalar,
    doc: "5^k",
    impl: (a) => a.ctx.F.fromInt(5n ** BigInt(a.nat(0))),
  }),
  define({
    name: "Sym.rotRep",
    params: [["v", T.fn([T.fin(1)], T.scalar)]],
    result: T.sq(2),
    doc: "J3.11: the faithful representation v ↦ R^(v 0) of ℤ^1 in O 2",
    impl: (a) => rotationPower(a.ctx.F, intOf(a.ctx, applyValue(a.ctx, a.raw(0), [0]))),
  }),
  define({
    name: "Sym.coord",
    implicitNats: ["d"],
    params: [["v", T.vec("d")], ["k", T.nat]],
    result: T.scalar,
    doc: "the k-th coordinate of v : ℤ^d (0 past the end)",
    impl: (a) => {
      const d = a.nat(0);
      const k = a.nat(2);
      return k < d ? a.vec(1, d).data[k] ?? a.ctx.F.zero : a.ctx.F.zero;
    },
  }),
  define({
    name: "Sym.shearPart",
    implicitNats: ["d"],
    params: [["v", T.vec("d")]],
    result: T.sq("d + 1"),
    doc: "N_v: first row (0, v_0, …, v_{d-1}), zero elsewhere",
    impl: (a) => shear(a.ctx, a.vec(1, a.nat(0)).data, false),
  }),
  define({
    name: "Sym.shearMat",
    implicitNats: ["d"],
    params: [["v", T.vec("d")]],
    result: T.sq("d + 1"),
    doc: "I + N_v (turns addition in ℤ^d into multiplication)",
    impl: (a) => shear(a.ctx, a.vec(1, a.nat(0)).data, true),
  }),
  define({
    name: "Sym.shearGL",
    implicitNats: ["d"],
    params: [["v", T.vec("d")]],
    result: T.sq("d + 1"),
    doc: "I + N_v in GL (d + 1), inverse I + N_{−v}",
    impl: (a) => shear(a.ctx, a.vec(1, a.nat(0)).data, true),
  }),
  define({
    name: "Sym.rotBlockRep",
    params: [["d", T.nat], ["v", T.vec("d")]],
    result: T.sq("2 * d"),
    doc: "J3.11: diag(R^(v 0), …, R^(v (d−1))), a faithful representation of ℤ^d in O (2d)",
    impl: (a) => {
      const d = a.nat(0);
      const ks = a.vec(1, d).data.map((x) => intOf(a.ctx, x));
      return ks.length === 0 ? identity(a.ctx.F, 0) : rotationRepresentation(a.ctx.F, ks);
    },
  }),
  define({
    name: "Sym.rotEmbed",
    params: [["d", T.nat]],
    result: T.sq("2 + d"),
    doc: "R3.22c: diag(R, I_d) in GL (2 + d), orthogonal and not a signed permutation",
    impl: (a) => embeddedRotation(a.ctx.F, a.nat(0)),
  }),
  define({
    name: "Sym.IsTranslationRep",
    params: [["ρ", T.fn([T.vec("d")], T.sq("n"))]],
    result: T.prop,
    doc: "J3.11: ρ (v + w) = ρ v ρ w for v, w ∈ ℤ^d (bounded check over structured and seeded integer points)",
    impl: (a) => {
      const rho = a.fn(0);
      const d = probeDomain(a.ctx, rho);
      if (d === undefined) throw new SemanticsTypeError(`IsTranslationRep: cannot find the dimension of ${rho.name}`);
      const pts = integerPoints(a.ctx, d);
      const image = pts.map((v) => applyValue(a.ctx, rho, [v]));
      for (let i = 0; i < pts.length; i++) {
        for (let j = 0; j < pts.length; j++) {
          const sum = addPoints(a.ctx, pts[i] as Vector<typeof a.ctx.F.zero>, pts[j] as Vector<typeof a.ctx.F.zero>);
          if (!valueEq(a.ctx, applyValue(a.ctx, rho, [sum]), mul(a.ctx, image[i] as Value<typeof a.ctx.F.zero>, image[j] as Value<typeof a.ctx.F.zero>))) return false;
        }
      }
      return true;
    },
  }),
  define({
    name: "Sym.IsFaithful",
    params: [["ρ", T.fn([T.vec("d")], T.sq("n"))]],
    result: T.prop,
    doc: "J3.11: ρ v = ρ w → v = w (bounded check over structured and seeded integer points)",
    impl: (a) => {
      const rho = a.fn(0);
      const d = probeDomain(a.ctx, rho);
      if (d === undefined) throw new SemanticsTypeError(`IsFaithful: cannot find the dimension of ${rho.name}`);
      const pts = integerPoints(a.ctx, d);
      const image = pts.map((v) => applyValue(a.ctx, rho, [v]));
      for (let i = 0; i < pts.length; i++) {
        for (let j = i + 1; j < pts.length; j++) {
          if (valueEq(a.ctx, image[i] as Value<typeof a.ctx.F.zero>, image[j] as Value<typeof a.ctx.F.zero>)) return false;
        }
      }
      return true;
    },
  }),
];

/** Distinct integer points of ℤ^d: 0, ±e_i, ±2e_i, e_i ± e_j, then (1, 2, …)-style mixes; at most 40. */
function integerPoints<T>(ctx: Context<T>, d: number): Vector<T>[] {
  const F = ctx.F;
  const out: Vector<T>[] = [];
  const seen = new Set<string>();
  const push = (xs: number[]) => {
    const k = xs.join(",");
    if (seen.has(k) || out.length >= 40) return;
    seen.add(k);
    out.push({ kind: "vec", size: d, data: xs.map((x) => F.fromInt(x)) });
  };
  push(new Array<number>(d).fill(0));
  for (const c of [1, -1, 2, -2, 3, 5, -7]) for (let i = 0; i < d; i++) push(Array.from({ length: d }, (_, k) => (k === i ? c : 0)));
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) for (const s of [1, -1]) push(Array.from({ length: d }, (_, k) => (k === i ? 1 : k === j ? s : 0)));
  push(Array.from({ length: d }, (_, k) => k + 1));
  push(Array.from({ length: d }, (_, k) => (k % 2 === 0 ? 3 : -2)));
  return out;
}

function addPoints<T>(ctx: Context<T>, v: Vector<T>, w: Vector<T>): Vector<T> {
  return { kind: "vec", size: v.size, data: v.data.map((x, i) => ctx.F.add(x, w.data[i] as T)) };
}

/** The least d in 1..8 such that ρ accepts a point of ℤ^d. */
function probeDomain<T>(ctx: Context<T>, rho: FnValue<T>): number | undefined {
  if (rho.inputSize !== undefined) return rho.inputSize;
  for (let d = 1; d <= 8; d++) {
    try {
      applyValue(ctx, rho, [{ kind: "vec", size: d, data: new Array<T>(d).fill(ctx.F.zero) }]);
      return d;
    } catch {
      // try the next dimension
    }
  }
  return undefined;
}

function shear<T>(ctx: Context<T>, v: readonly T[], withIdentity: boolean): Value<T> {
  const F = ctx.F;
  const n = v.length + 1;
  return tabulate(n, n, (i, j) => {
    const base = withIdentity && i === j ? F.one : F.zero;
    return i === 0 && j > 0 ? F.add(base, v[j - 1] as T) : base;
  });
}
