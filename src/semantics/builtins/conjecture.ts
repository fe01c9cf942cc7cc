/**
 * Registry entries of `Sym/Norm/EntrywiseConverse.lean` (J3.22b, R3.22c) and `Sym/Activation/Sigmoid.lean`
 * (J3.10, R3.10a).
 *
 * `SigmoidLike σ` bundles the named hypotheses of the conditional proof of J3.10; its numeric
 * semantics checks them on the concrete `σ` (the sigmoid in float mode), with the ∀s bounded
 * over structured then seeded random scalars ({@link SIGMOID_BUDGET} of them). `SigmoidAtZero σ`
 * (R3.10a) is the single equation `σ 0 = 1/2`.
 */
import { toScalar, valueEq, type Context } from "../context.js";
import { scalarMatrix } from "../matrix.js";
import { applyValue } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { pythagoreanRotation } from "../rotation.js";
import { T } from "../types.js";
import type { FnValue } from "../value.js";
import { scalarCandidates, take } from "../../generators/witness.js";
import { define } from "./define.js";

export const SIGMOID_BUDGET = 64;
export const SIGMOID_SEED = 1414;

/** The four hypotheses of `SigmoidLike σ`, each evaluated (bounded where it is a ∀). */
export function sigmoidLikeParts<T>(ctx: Context<T>, s: FnValue<T>): Record<"zero_ne" | "odd" | "not_additive" | "scale", boolean> {
  const F = ctx.F;
  const sig = (x: T): T => toScalar(F, applyValue(ctx, s, [x]));
  const s0 = sig(F.zero);
  const phi = (x: T): T => F.sub(sig(x), s0);
  const ts = take(scalarCandidates(F, SIGMOID_SEED), SIGMOID_BUDGET);
  const zero_ne = !valueEq(ctx, s0, F.zero);
  const odd = ts.every((t) => valueEq(ctx, phi(F.neg(t)), F.neg(phi(t))));
  const not_additive = !valueEq(ctx, phi(F.fromInt(2)), F.mul(F.fromInt(2), phi(F.one)));
  const isUnitOrZero = (k: T) => F.eq(k, F.zero) || F.eq(k, F.one) || F.eq(k, F.neg(F.one));
  const scale = ts.every((k) => isUnitOrZero(k) || !ts.every((t) => valueEq(ctx, phi(F.mul(k, t)), F.mul(k, phi(t)))));
  return { zero_ne, odd, not_additive, scale };
}

export const conjectureEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.twoI",
    params: [["d", T.nat]],
    result: T.sq("d"),
    doc: "J3.22b: 2 I as an element of GL d",
    impl: (a) => scalarMatrix(a.ctx.F, a.nat(0), a.ctx.F.fromInt(2)),
  }),
  define({
    name: "Sym.negI",
    params: [["d", T.nat]],
    result: T.sq("d"),
    doc: "J3.22b: −I as an element of GL d",
    impl: (a) => scalarMatrix(a.ctx.F, a.nat(0), a.ctx.F.neg(a.ctx.F.one)),
  }),
  define({
    name: "Sym.rotMat",
    params: [],
    result: T.sq(2),
    doc: "R3.22c: [[3/5, −4/5], [4/5, 3/5]]",
    impl: (a) => pythagoreanRotation(a.ctx.F),
  }),
  define({
    name: "Sym.rot345",
    params: [],
    result: T.sq(2),
    doc: "R3.22c: the 3-4-5 rotation as an element of GL 2",
    impl: (a) => pythagoreanRotation(a.ctx.F),
  }),
  define({
    name: "Sym.SigmoidLike",
    params: [["σ", T.activation]],
    result: T.prop,
    doc: "J3.10: σ 0 ≠ 0, φ odd, φ 2 ≠ 2 φ 1, φ (k t) = k φ t ∀t only for k ∈ {0, ±1} (φ = σ − σ 0; bounded ∀s)",
    impl: (a) => Object.values(sigmoidLikeParts(a.ctx, a.fn(0))).every((b) => b),
  }),
  define({
    name: "Sym.SigmoidAtZero",
    params: [["σ", T.activation]],
    result: T.prop,
    doc: "R3.10a: σ 0 = 1/2, the sigmoid's value at zero",
    impl: (a) => valueEq(a.ctx, toScalar(a.ctx.F, applyValue(a.ctx, a.fn(0), [a.ctx.F.zero])), a.ctx.F.fromRatio(1, 2)),
  }),
];
