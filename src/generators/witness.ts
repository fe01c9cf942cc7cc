/**
 * Witness search for `∃` with a budget: structured candidates first (`0`, basis vectors `e_i`,
 * `−e_i`, `e_i ± e_j`, `2 e_i`, the all-ones vector, then seeded random ones); the same for
 * matrices (`0`, `E_ij`, `E_ij ± E_kl`, `I`) and scalars.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { identity, zeros } from "../semantics/matrix.js";
import { tabulate, tabulateVector, type Matrix, type Vector } from "../semantics/value.js";
import { matrixArb, vectorArb } from "./matrix.js";
import { scalarArb } from "./scalar.js";

/** The default number of candidates tried. */
export const DEFAULT_WITNESS_BUDGET = 200;

export interface WitnessResult<W> {
  /** The first candidate satisfying the predicate, if any. */
  readonly witness: W | undefined;
  /** Candidates tried. */
  readonly tried: number;
}

/** Tries candidates in order until `pred` holds or `budget` candidates have been tried. */
export function searchWitness<W>(candidates: Iterable<W>, pred: (w: W) => boolean, budget = DEFAULT_WITNESS_BUDGET): WitnessResult<W> {
  let tried = 0;
  for (const w of candidates) {
    if (tried >= budget) break;
    tried++;
    if (pred(w)) return { witness: w, tried };
  }
  return { witness: undefined, tried };
}

/** Seeded random values after the structured ones (deterministic for a seed). */
function* randomTail<V>(arb: fc.Arbitrary<V>, seed: number): Generator<V> {
  for (let round = 0; ; round++) yield* fc.sample(arb, { seed: seed + round, numRuns: 50 });
}

const vectorCache = new Map<string, readonly Vector<unknown>[]>();
const matrixCache = new Map<string, readonly Matrix<unknown>[]>();

/**
 * The first `count` of {@link vectorCandidates}, computed once per mode, scalar kind, size, seed
 * and count (the values do not depend on the field object or its tolerance; the 60-digit decimals
 * of the float re-check are float mode with other scalars).
 */
export function vectorCandidateList<T>(F: Field<T>, n: number, count: number, seed = 42): readonly Vector<T>[] {
  const key = `${F.mode}:${typeof F.zero}:${n}:${count}:${seed}`;
  let hit = vectorCache.get(key);
  if (!hit) {
    hit = take(vectorCandidates(F, n, seed), count);
    vectorCache.set(key, hit);
  }
  return hit as readonly Vector<T>[];
}

/** The first `count` of {@link matrixCandidates}, cached like {@link vectorCandidateList}. */
export function matrixCandidateList<T>(F: Field<T>, m: number, n: number, count: number, seed = 42): readonly Matrix<T>[] {
  const key = `${F.mode}:${typeof F.zero}:${m}x${n}:${count}:${seed}`;
  let hit = matrixCache.get(key);
  if (!hit) {
    hit = take(matrixCandidates(F, m, n, seed), count);
    matrixCache.set(key, hit);
  }
  return hit as readonly Matrix<T>[];
}

/** The first `k` items of an iterable (candidate generators are infinite). */
export function take<V>(it: Iterable<V>, k: number): V[] {
  const out: V[] = [];
  if (k <= 0) return out;
  for (const v of it) {
    out.push(v);
    if (out.length >= k) break;
  }
  return out;
}

/** How many structured vectors {@link vectorCandidates} yields before the random ones. */
export function structuredVectorCount(n: number): number {
  return 1 + 2 * n + n * (n - 1) + 2 * n + 2 + n * (n - 1);
}

/** Structured, then random, vectors of size `n`. */
export function* vectorCandidates<T>(F: Field<T>, n: number, seed = 42): Generator<Vector<T>> {
  const e = (i: number, c: T) => tabulateVector(n, (k) => (k === i ? c : F.zero));
  const one = F.one;
  const m1 = F.neg(F.one);
  yield tabulateVector(n, () => F.zero);
  for (let i = 0; i < n; i++) yield e(i, one);
  for (let i = 0; i < n; i++) yield e(i, m1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      yield tabulateVector(n, (k) => (k === i || k === j ? one : F.zero));
      yield tabulateVector(n, (k) => (k === i ? one : k === j ? m1 : F.zero));
    }
  }
  for (let i = 0; i < n; i++) yield e(i, F.fromInt(2));
  for (let i = 0; i < n; i++) yield e(i, F.fromRatio(1, 2));
  yield tabulateVector(n, () => one);
  yield tabulateVector(n, () => m1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) yield tabulateVector(n, (k) => (k === i ? one : k === j ? F.fromInt(2) : F.zero));
  }
  yield* randomTail(vectorArb(F, n), seed);
}

/**
 * How many candidates of {@link matrixCandidates} come before the remaining pairs and the
 * random ones: `0`, `I`, every unit `E_ab`, the same-column pairs `E_i0 ± E_j0`, the same-row
 * pairs `E_0i ± E_0j`, and the all-ones matrix.
 */
export function structuredMatrixCount(m: number, n: number): number {
  return 1 + (m === n ? 1 : 0) + m * n + m * (m - 1) + n * (n - 1) + 1;
}

/**
 * Structured, then random, `m × n` matrices: `0`, `I` (square), the units `E_ab`, the pairs
 * `E_i0 ± E_j0` in the first column (they detect a left multiplier that is not an isometry of
 * column norms) and `E_0i ± E_0j` in the first row (right multipliers), the all-ones matrix,
 * every other pair `E_ab ± E_cd`, then seeded random matrices.
 */
export function* matrixCandidates<T>(F: Field<T>, m: number, n: number, seed = 42): Generator<Matrix<T>> {
  const pair = (a: number, b: number, c: number, d: number, sign: T) =>
    tabulate(m, n, (i, j) => (i === a && j === b ? F.one : i === c && j === d ? sign : F.zero));
  const minus = F.neg(F.one);
  yield zeros(F, m, n);
  if (m === n) yield identity(F, n);
  for (let a = 0; a < m; a++) for (let b = 0; b < n; b++) yield pair(a, b, -1, -1, F.zero);
  for (let a = 0; a < m; a++) {
    for (let c = a + 1; c < m; c++) {
      yield pair(a, 0, c, 0, F.one);
      yield pair(a, 0, c, 0, minus);
    }
  }
  for (let b = 0; b < n; b++) {
    for (let d = b + 1; d < n; d++) {
      yield pair(0, b, 0, d, F.one);
      yield pair(0, b, 0, d, minus);
    }
  }
  yield tabulate(m, n, () => F.one);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < n; b++) {
      for (let c = 0; c < m; c++) {
        for (let d = 0; d < n; d++) {
          if (a * n + b >= c * n + d) continue;
          if ((b === 0 && d === 0) || (a === 0 && c === 0)) continue;
          yield pair(a, b, c, d, F.one);
          yield pair(a, b, c, d, minus);
        }
      }
    }
  }
  yield* randomTail(matrixArb(F, m, n), seed);
}

/**
 * Candidate parameters of a network with widths `all = [n₀, n₁, …, n_L]`, as the list of their
 * layers `[W₁, …, W_L]` (`Wᵢ : nᵢ × nᵢ₋₁`): first the pass-through parameters (every layer a
 * rectangular identity, so the hidden pre-activation is the input itself), then the layers'
 * structured candidates side by side (`0`, `I`, units, …), then seeded random layers.
 */
export function* paramsCandidates<T>(F: Field<T>, all: readonly number[], seed = 42): Generator<Matrix<T>[]> {
  const shapes = all.slice(1).map((m, i) => [m, all[i] as number] as const);
  yield shapes.map(([m, n]) => tabulate(m, n, (i, j) => (i === j ? F.one : F.zero)));
  const structured = Math.min(...shapes.map(([m, n]) => structuredMatrixCount(m, n)), 8);
  const streams = shapes.map(([m, n], i) => matrixCandidates(F, m, n, seed + 31 * i));
  for (let k = 0; k < structured; k++) yield streams.map((g) => g.next().value as Matrix<T>);
  const randoms = shapes.map(([m, n], i) => randomTail(matrixArb(F, m, n), seed + 97 * (i + 1)));
  for (;;) yield randoms.map((g) => g.next().value as Matrix<T>);
}

/** Structured, then random, scalars: `0, 1, −1, 2, −2, 1/2, −1/2, 3, 1/3, …`. */
export function* scalarCandidates<T>(F: Field<T>, seed = 42): Generator<T> {
  for (const [p, q] of [[0, 1], [1, 1], [-1, 1], [2, 1], [-2, 1], [1, 2], [-1, 2], [3, 1], [-3, 1], [1, 3], [3, 2], [5, 1], [10, 1]] as const) {
    yield F.fromRatio(p, q);
  }
  yield* randomTail(scalarArb(F), seed);
}

/** Every permutation of `0..n-1` in lexicographic order (the identity first). */
export function* permutations(n: number): Generator<number[]> {
  const p = Array.from({ length: n }, (_, k) => k);
  for (;;) {
    yield [...p];
    let i = n - 2;
    while (i >= 0 && (p[i] as number) > (p[i + 1] as number)) i--;
    if (i < 0) return;
    let j = n - 1;
    while ((p[j] as number) < (p[i] as number)) j--;
    [p[i], p[j]] = [p[j] as number, p[i] as number];
    for (let a = i + 1, b = n - 1; a < b; a++, b--) [p[a], p[b]] = [p[b] as number, p[a] as number];
  }
}

/** The kinds of structured square candidates {@link groupCandidates} enumerates, for the record. */
export const GROUP_CANDIDATE_KINDS = "permutations, signed permutations, diagonal, monomial";

/**
 * Structured elements of the groups the library defines, for `∃`/`∀` over square matrices: every
 * permutation matrix, then signed permutations (one sign flipped, all flipped), diagonal matrices
 * (`diag(2, 1, …)`, `diag(1/2, …)`, `diag(−1, 1, …)`), then monomial matrices (a diagonal from that
 * list times a non-identity permutation). `n ≤ 5` enumerates every permutation; larger sizes take
 * the first 120.
 */
export function* groupCandidates<T>(F: Field<T>, n: number): Generator<Matrix<T>> {
  if (n === 0) return;
  const perms = take(permutations(n), 120);
  const perm = (p: readonly number[]): Matrix<T> => tabulate(n, n, (i, j) => (p[j] === i ? F.one : F.zero));
  const scaleRow = (d: readonly T[], P: Matrix<T>): Matrix<T> => tabulate(n, n, (i, j) => F.mul(d[i] as T, P.data[i]?.[j] as T));
  for (const p of perms) yield perm(p);
  const ones = Array.from({ length: n }, () => F.one);
  const flip = (k: number): T[] => ones.map((x, i) => (i === k ? F.neg(F.one) : x));
  const allNeg = ones.map(() => F.neg(F.one));
  for (const p of perms.slice(1)) {
    yield scaleRow(flip(0), perm(p));
    yield scaleRow(allNeg, perm(p));
  }
  const diags: T[][] = [];
  for (let k = 0; k < n; k++) {
    diags.push(flip(k));
    diags.push(ones.map((x, i) => (i === k ? F.fromInt(2) : x)));
    diags.push(ones.map((x, i) => (i === k ? F.fromRatio(1, 2) : x)));
  }
  diags.push(ones.map((_, i) => F.fromInt(i + 1)));
  for (const d of diags) yield tabulate(n, n, (i, j) => (i === j ? (d[i] as T) : F.zero));
  for (const p of perms.slice(1)) for (const d of diags) yield scaleRow(d, perm(p));
}
