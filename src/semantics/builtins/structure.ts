/**
 * Registry entries for the group-structure predicates of `Sym/Algebra/GL.lean`, whose
 * arguments are predicates `S : GL n α → Prop`:
 *
 * - `IsSubgroup S`: `S 1`, and `S (a b)`, `S a⁻¹` for members `a, b`;
 * - `IsNormalIn N H`: `N (g x g⁻¹)` for `g ∈ H`, `x ∈ N`.
 *
 * Both are bounded checks at sizes 1..{@link STRUCTURE_MAX_SIZE}: members are drawn (seeded)
 * from the constructive generator of the predicate when one is registered, otherwise from
 * the near-boundary and residual-member families, keeping those the predicate accepts. Results
 * on keyed predicates (constants and partial applications of constants, see `FnValue.key`) are
 * memoized: a property run many times over the same `S` pays for the check once.
 */
import fc from "fast-check";
import type { Context } from "../context.js";
import { inverse } from "../inverse.js";
import { identity, mul } from "../matrix.js";
import { applyValue } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import type { FnValue, Matrix } from "../value.js";
import { nearBoundaryArb } from "../../generators/boundary.js";
import { defaultHypothesisGenerators, residualMemberArb } from "../../generators/hypotheses.js";
import { define } from "./define.js";

export const STRUCTURE_MAX_SIZE = 3;
export const STRUCTURE_SAMPLES = 6;
export const STRUCTURE_SEED = 1618;

function holds<T>(ctx: Context<T>, S: FnValue<T>, K: Matrix<T>): boolean {
  return applyValue(ctx, S, [K]) === true;
}

const poolCache = new Map<string, readonly Matrix<unknown>[]>();

/** The seeded candidate pool for members of `S` at size `n`, sampled once per mode, generator and size. */
function pool<T>(ctx: Context<T>, S: FnValue<T>, n: number): readonly Matrix<T>[] {
  const g = defaultHypothesisGenerators.get(S.name);
  const key = `${ctx.F.mode}:${g ? S.name : "*"}:${n}`;
  let hit = poolCache.get(key);
  if (!hit) {
    const arb = g ? g.generate(ctx.F, n) : fc.oneof(residualMemberArb(ctx.F, n), nearBoundaryArb(ctx.F, n));
    hit = fc.sample(arb, { seed: STRUCTURE_SEED + n, numRuns: STRUCTURE_SAMPLES });
    poolCache.set(key, hit);
  }
  return hit as readonly Matrix<T>[];
}

/** Up to `STRUCTURE_SAMPLES` members of `S` of size `n` (seeded). */
function members<T>(ctx: Context<T>, S: FnValue<T>, n: number): Matrix<T>[] {
  return pool(ctx, S, n).filter((K) => holds(ctx, S, K));
}

/**
 * The sizes a check runs at: the size the statement gives the predicate's domain
 * (`GL n α → Prop` with `n` generated), else 1..{@link STRUCTURE_MAX_SIZE}.
 */
export function structureSizes<T>(...fs: FnValue<T>[]): number[] {
  const given = fs.map((f) => f.domainSize).find((n) => n !== undefined);
  return given !== undefined ? [given] : Array.from({ length: STRUCTURE_MAX_SIZE }, (_, k) => k + 1);
}

function isSubgroup<T>(ctx: Context<T>, S: FnValue<T>): boolean {
  const F = ctx.F;
  for (const n of structureSizes(S)) {
    if (!holds(ctx, S, identity(F, n))) return false;
    const ms = members(ctx, S, n);
    for (let i = 0; i < ms.length; i++) {
      const a = ms[i] as Matrix<T>;
      const b = ms[(i + 1) % ms.length] as Matrix<T>;
      if (!holds(ctx, S, mul(F, a, b))) return false;
      if (!holds(ctx, S, inverse(F, a))) return false;
    }
  }
  return true;
}

function isNormalIn<T>(ctx: Context<T>, N: FnValue<T>, H: FnValue<T>): boolean {
  const F = ctx.F;
  for (const n of structureSizes(N, H)) {
    const hs = members(ctx, H, n);
    const ns = members(ctx, N, n);
    for (const g of hs) {
      const gi = inverse(F, g);
      for (const x of ns.slice(0, 6)) if (!holds(ctx, N, mul(F, mul(F, g, x), gi))) return false;
    }
  }
  return true;
}

/** Results of checks on keyed predicates, by mode and key (the checks are deterministic). */
const memo = new Map<string, boolean>();

function memoized<T>(ctx: Context<T>, keys: readonly (string | undefined)[], tag: string, run: () => boolean): boolean {
  if (keys.some((k) => k === undefined)) return run();
  const key = `${tag}|${ctx.F.mode}:${ctx.F.tolerance}|${keys.join("|")}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const r = run();
  memo.set(key, r);
  return r;
}

/** The sizes part of a memo key (`n=2`, or `n=1..3` when the statement gives none). */
function sizeKey<T>(...fs: FnValue<T>[]): string {
  return `n=${structureSizes(...fs).join(",")}`;
}

const pred = T.fn([T.sq("n")], T.prop);

export const structureEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.IsSubgroup",
    params: [["S", pred]],
    result: T.prop,
    doc: "P3.8/C3.9/D3.15: S contains 1 and is closed under products and inverses (bounded check)",
    impl: (a) => memoized(a.ctx, [a.fn(0).key, sizeKey(a.fn(0))], "IsSubgroup", () => isSubgroup(a.ctx, a.fn(0))),
  }),
  define({
    name: "Sym.IsNormalIn",
    params: [["N", pred], ["H", pred]],
    result: T.prop,
    doc: "C3.9: g x g⁻¹ ∈ N for g ∈ H and x ∈ N (bounded check)",
    impl: (a) => memoized(a.ctx, [a.fn(0).key, a.fn(1).key, sizeKey(a.fn(0), a.fn(1))], "IsNormalIn", () => isNormalIn(a.ctx, a.fn(0), a.fn(1))),
  }),
];
