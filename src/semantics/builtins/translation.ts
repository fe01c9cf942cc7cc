/**
 * Registry entries of `Sym/Translation.lean` (J3.11): group powers, the rotation `R` of infinite
 * order, the Gaussian-integer sequence `(a_k, b_k)` with `a_k + b_k i = (3 + 4i)^k`, `5^k`, and the
 * representation `v ↦ R^(v 0)` of `ℤ^1`. Group elements are matrices (`GL n`, `Perm n`) or
 * layer-group tuples; integers are JavaScript numbers (safe up to `2^53`).
 */
import type { Context } from "../context.js";
import { SemanticsTypeError } from "../field.js";
import { identity } from "../matrix.js";
import { applyValue, inv, mul } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { pythagoreanRotation, rotationPower, rotationRepresentation } from "../rotation.js";
import { T } from "../types.js";
import { describe, isList, isMatrix, list, tabulate, type Value } from "../value.js";
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
];

function shear<T>(ctx: Context<T>, v: readonly T[], withIdentity: boolean): Value<T> {
  const F = ctx.F;
  const n = v.length + 1;
  return tabulate(n, n, (i, j) => {
    const base = withIdentity && i === j ? F.one : F.zero;
    return i === 0 && j > 0 ? F.add(base, v[j - 1] as T) : base;
  });
}
