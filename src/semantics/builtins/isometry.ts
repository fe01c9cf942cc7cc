/**
 * Registry entries of `Sym/Norm/Frobenius.lean` and `Sym/Algebra/GL.lean` predicates.
 *
 * `IsLeftIsometry`, `IsRightIsometry` and `IsUnitarilyInvariant` are ∀-statements over matrices.
 * Their numeric semantics is a bounded check: the statement is evaluated on
 * the structured candidates (`0`, `I`, every matrix unit `E_ij`, the same-column pairs
 * `E_i0 ± E_j0` and same-row pairs `E_0i ± E_0j`, the all-ones matrix) and {@link FORALL_RANDOM}
 * seeded random matrices, and is false as soon as one candidate violates it. As a premise this is the contrapositive search of the issue (a conclusion failure with no
 * violating witness is a counterexample); as a conclusion it is evidence, not proof.
 */
import fc from "fast-check";
import { toScalar, valueEq, type Context } from "../context.js";
import { inverse } from "../inverse.js";
import { mul } from "../matrix.js";
import { applyValue } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import type { FnValue, Matrix, Value } from "../value.js";
import { matrixCandidateList, structuredMatrixCount } from "../../generators/witness.js";
import { orthogonalArb } from "../../generators/orthogonal.js";
import { define } from "./define.js";

/** Random matrices tried by a bounded ∀ over matrices, after the structured ones. */
export const FORALL_RANDOM = 12;
/** The fixed seed of the random part of a bounded ∀ (so a run replays). */
export const FORALL_SEED = 3119;


/** `∀ A ∈ candidates(m × n), lhs(A) = rhs(A)` on the budget. */
function boundedForall<T>(ctx: Context<T>, m: number, n: number, holds: (A: Matrix<T>) => boolean): boolean {
  return matrixCandidateList(ctx.F, m, n, structuredMatrixCount(m, n) + FORALL_RANDOM, FORALL_SEED).every(holds);
}

const pairCache = new Map<string, readonly (readonly [Matrix<unknown>, Matrix<unknown>])[]>();

/** 8 seeded pairs of orthogonal matrices `(U, V)`, computed once per mode and shape. */
function orthogonalPairs<T>(ctx: Context<T>, m: number, n: number): readonly (readonly [Matrix<T>, Matrix<T>])[] {
  const key = `${ctx.F.mode}:${m}:${n}`;
  let hit = pairCache.get(key);
  if (!hit) {
    hit = fc.sample(fc.tuple(orthogonalArb(ctx.F, m), orthogonalArb(ctx.F, n)), { seed: FORALL_SEED, numRuns: 8 });
    pairCache.set(key, hit);
  }
  return hit as readonly (readonly [Matrix<T>, Matrix<T>])[];
}

function applyN<T>(ctx: Context<T>, N: FnValue<T>, A: Matrix<T>): Value<T> {
  return applyValue(ctx, N, [A]);
}

function isLeftIsometry<T>(ctx: Context<T>, D: number, N: FnValue<T>, K: Matrix<T>): boolean {
  return boundedForall(ctx, K.rows, D, (A) => valueEq(ctx, applyN(ctx, N, mul(ctx.F, K, A)), applyN(ctx, N, A)));
}

function isRightIsometry<T>(ctx: Context<T>, D: number, N: FnValue<T>, K: Matrix<T>): boolean {
  const Kinv = inverse(ctx.F, K);
  return boundedForall(ctx, D, K.rows, (B) => valueEq(ctx, applyN(ctx, N, mul(ctx.F, B, Kinv)), applyN(ctx, N, B)));
}

export const isometryEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.IsLeftIsometry",
    params: [["D", T.nat], ["N", T.fn([T.mat("d", "D")], T.scalar)], ["K", T.sq("d")]],
    result: T.prop,
    doc: "D3.15: N (K A) = N A for every d×D matrix A (bounded check)",
    impl: (a) => isLeftIsometry(a.ctx, a.nat(0), a.fn(1), a.mat(2)),
  }),
  define({
    name: "Sym.IsRightIsometry",
    params: [["D", T.nat], ["N", T.fn([T.mat("D", "d")], T.scalar)], ["K", T.sq("d")]],
    result: T.prop,
    doc: "D3.15: N (B K⁻¹) = N B for every D×d matrix B (bounded check)",
    impl: (a) => isRightIsometry(a.ctx, a.nat(0), a.fn(1), a.mat(2)),
  }),
  define({
    name: "Sym.residualGroup",
    params: [["D", T.nat], ["NE", T.fn([T.mat("d", "D")], T.scalar)], ["ND", T.fn([T.mat("D", "d")], T.scalar)], ["K", T.sq("d")]],
    result: T.prop,
    doc: "D3.15: K is a left isometry of NE and a right isometry of ND (bounded check)",
    impl: (a) => isLeftIsometry(a.ctx, a.nat(0), a.fn(1), a.mat(3)) && isRightIsometry(a.ctx, a.nat(0), a.fn(2), a.mat(3)),
  }),
  define({
    name: "Sym.IsUnitarilyInvariant",
    params: [["m", T.nat], ["n", T.nat], ["N", T.fn([T.mat("m", "n")], T.scalar)]],
    result: T.prop,
    doc: "D3.16: N (U A V) = N A for orthogonal U, V (bounded check on seeded orthogonal pairs)",
    impl: (a) => {
      const ctx = a.ctx;
      const m = a.nat(0);
      const n = a.nat(1);
      const N = a.fn(2);
      const pairs = orthogonalPairs(ctx, m, n);
      const As = matrixCandidateList(ctx.F, m, n, 8, FORALL_SEED);
      return pairs.every(([U, V]) => As.every((A) => valueEq(ctx, applyN(ctx, N, mul(ctx.F, mul(ctx.F, U, A), V)), applyN(ctx, N, A))));
    },
  }),
  define({
    name: "Sym.jacPenalty",
    params: [
      ["lamE", T.scalar],
      ["lamD", T.scalar],
      ["NE", T.fn([T.mat("d", "D")], T.scalar)],
      ["ND", T.fn([T.mat("D", "d")], T.scalar)],
      ["Jf", T.mat("d", "D")],
      ["Jg", T.mat("D", "d")],
    ],
    result: T.scalar,
    doc: "D3.15: λ_E N_E(J_f) + λ_D N_D(J_g)",
    impl: (a) => {
      const F = a.ctx.F;
      const ne = toScalar(F, applyN(a.ctx, a.fn(2), a.mat(4)));
      const nd = toScalar(F, applyN(a.ctx, a.fn(3), a.mat(5)));
      return F.add(F.mul(a.scalar(0), ne), F.mul(a.scalar(1), nd));
    },
  }),
  define({
    name: "Sym.inter",
    params: [["S", T.fn([T.sq("n")], T.prop)], ["T", T.fn([T.sq("n")], T.prop)], ["g", T.sq("n")]],
    result: T.prop,
    doc: "S g ∧ T g",
    impl: (a) => applyValue(a.ctx, a.fn(0), [a.raw(2)]) === true && applyValue(a.ctx, a.fn(1), [a.raw(2)]) === true,
  }),
  define({
    name: "Sym.univ",
    params: [["g", T.sq("n")]],
    result: T.prop,
    doc: "True",
    impl: () => true,
  }),
];
