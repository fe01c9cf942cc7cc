/**
 * Generators from types and hypotheses (an adapter of the runner until `src/semantics/`
 * publishes its own): fast-check arbitraries for sizes, scalars, vectors, matrices with a
 * structural constraint (selected by a hypothesis such as `IsOrthogonal K`), activations; and
 * the structured candidate lists of witness searches.
 */
import fc from "fast-check";
import type { Field } from "../semantics/field.js";
import { fn, matrix, vector, type Matrix, type Value } from "../semantics/value.js";
import type { Dim, TypeSpec } from "../semantics/types.js";

/** What a hypothesis asks of a generated value. */
export type Constraint =
  | "none"
  | "positive"
  | "nonneg"
  | "nonzero"
  | "invertible"
  | "orthogonal"
  | "permutation"
  | "signedPermutation"
  | "positiveMonomial"
  | "positiveDiagonal"
  | "diagonal"
  /** Near the boundary of a group (for premises checked through the contrapositive). */
  | "boundary";

export const CONSTRAINTS: readonly Constraint[] = [
  "none", "positive", "nonneg", "nonzero", "invertible", "orthogonal", "permutation",
  "signedPermutation", "positiveMonomial", "positiveDiagonal", "diagonal", "boundary",
];

/** The stated ranges of the generators. */
export const RANGES = {
  /** Sizes `n : Nat` used as dimensions. */
  size: { min: 1, max: 4 },
  /** Other naturals. */
  nat: { min: 0, max: 5 },
  /** Scalars are `p / q` with these bounds. */
  numerator: 6,
  denominator: 4,
} as const;

export type DimOf = (d: Dim) => number;

/** A scalar `p / q`; shrinks towards 0 (or 1 for positive ones). */
export function scalarArb<T>(F: Field<T>, c: Constraint = "none"): fc.Arbitrary<T> {
  const q = fc.integer({ min: 1, max: RANGES.denominator });
  const pos = fc.integer({ min: 1, max: RANGES.numerator });
  let p: fc.Arbitrary<number>;
  switch (c) {
    case "positive":
      p = pos;
      break;
    case "nonneg":
      p = fc.integer({ min: 0, max: RANGES.numerator });
      break;
    case "nonzero":
      p = fc.oneof(pos, pos.map((x) => -x));
      break;
    default:
      p = fc.integer({ min: -RANGES.numerator, max: RANGES.numerator });
  }
  return fc.tuple(p, q).map(([a, b]) => F.fromRatio(a, b));
}

function permutationArb(n: number): fc.Arbitrary<number[]> {
  if (n <= 1) return fc.constant(n === 1 ? [0] : []);
  const lehmer = fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: 0, max: n - 1 - i })));
  return lehmer.map((code) => {
    const pool = Array.from({ length: n }, (_, i) => i);
    return code.map((k) => pool.splice(k, 1)[0] as number);
  });
}

function monomial<T>(F: Field<T>, perm: readonly number[], scale: (i: number) => T): Matrix<T> {
  const n = perm.length;
  const rows: T[][] = [];
  for (let i = 0; i < n; i++) {
    const r: T[] = [];
    for (let j = 0; j < n; j++) r.push(perm[i] === j ? scale(i) : F.zero);
    rows.push(r);
  }
  return matrix(rows, n);
}

function mulMat<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  const rows: T[][] = [];
  for (let i = 0; i < A.rows; i++) {
    const r: T[] = [];
    for (let k = 0; k < B.cols; k++) {
      let s = F.zero;
      for (let j = 0; j < A.cols; j++) s = F.add(s, F.mul(A.data[i]?.[j] as T, B.data[j]?.[k] as T));
      r.push(s);
    }
    rows.push(r);
  }
  return matrix(rows, B.cols);
}

function matArb<T>(F: Field<T>, m: number, n: number, c: Constraint = "none"): fc.Arbitrary<Matrix<T>> {
  return fc.array(fc.array(scalarArb(F, c), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }).map((rows) => matrix(rows, n));
}

/** Pythagorean (exact rational) cosine–sine pairs. */
const PYTHAGOREAN: ReadonlyArray<[number, number, number]> = [
  [3, 4, 5],
  [5, 12, 13],
  [8, 15, 17],
  [7, 24, 25],
];

function orthogonalArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  const rotation = fc.record({
    i: fc.integer({ min: 0, max: Math.max(0, n - 1) }),
    j: fc.integer({ min: 0, max: Math.max(0, n - 1) }),
    t: fc.integer({ min: 0, max: PYTHAGOREAN.length - 1 }),
    neg: fc.boolean(),
  });
  return fc
    .tuple(signedPermArb(F, n), fc.array(rotation, { maxLength: 3 }))
    .map(([S, rots]) => {
      let Q = S;
      for (const r of rots) {
        if (r.i === r.j) continue;
        const [a, b, h] = PYTHAGOREAN[r.t] as [number, number, number];
        const c = F.fromRatio(a, h);
        const s = F.fromRatio(r.neg ? -b : b, h);
        const R = tabulateSquare(F, n, (x, y) => {
          if (x === r.i && y === r.i) return c;
          if (x === r.j && y === r.j) return c;
          if (x === r.i && y === r.j) return F.neg(s);
          if (x === r.j && y === r.i) return s;
          return x === y ? F.one : F.zero;
        });
        Q = mulMat(F, R, Q);
      }
      return Q;
    });
}

function tabulateSquare<T>(F: Field<T>, n: number, f: (i: number, j: number) => T): Matrix<T> {
  void F;
  return matrix(
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j))),
    n,
  );
}

function signedPermArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc
    .tuple(permutationArb(n), fc.array(fc.boolean(), { minLength: n, maxLength: n }))
    .map(([p, signs]) => monomial(F, p, (i) => (signs[i] ? F.neg(F.one) : F.one)));
}

/** Invertible: `L U P` with `L` unit lower triangular and `U` upper triangular with nonzero diagonal. */
function invertibleArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc
    .tuple(matArb(F, n, n), matArb(F, n, n), fc.array(scalarArb(F, "nonzero"), { minLength: n, maxLength: n }), permutationArb(n))
    .map(([A, B, d, p]) => {
      const L = tabulateSquare(F, n, (i, j) => (i === j ? F.one : i > j ? (A.data[i]?.[j] as T) : F.zero));
      const U = tabulateSquare(F, n, (i, j) => (i === j ? (d[i] as T) : i < j ? (B.data[i]?.[j] as T) : F.zero));
      return mulMat(F, mulMat(F, L, U), monomial(F, p, () => F.one));
    });
}

function positiveMonomialArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc
    .tuple(permutationArb(n), fc.array(scalarArb(F, "positive"), { minLength: n, maxLength: n }))
    .map(([p, d]) => monomial(F, p, (i) => d[i] as T));
}

/** Matrices near the boundary of the permutation-like groups. */
function boundaryArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  const perm = permutationArb(n).map((p) => monomial(F, p, () => F.one));
  const perturbed = fc
    .tuple(perm, fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), scalarArb(F, "nonzero"))
    .map(([P, i, j, eps]) =>
      tabulateSquare(F, n, (x, y) => (x === i && y === j ? F.add(P.data[x]?.[y] as T, F.div(eps, F.fromInt(10))) : (P.data[x]?.[y] as T))),
    );
  const scaled = fc
    .tuple(permutationArb(n), fc.constantFrom(2, -1, -2).map((k) => F.fromInt(k)))
    .map(([p, c]) => monomial(F, p, () => c));
  return fc.oneof(
    perm,
    perturbed,
    signedPermArb(F, n),
    scaled,
    positiveMonomialArb(F, n),
    invertibleArb(F, n),
  );
}

function squareArb<T>(F: Field<T>, n: number, c: Constraint): fc.Arbitrary<Matrix<T>> {
  switch (c) {
    case "invertible":
      return invertibleArb(F, n);
    case "orthogonal":
      return orthogonalArb(F, n);
    case "permutation":
      return permutationArb(n).map((p) => monomial(F, p, () => F.one));
    case "signedPermutation":
      return signedPermArb(F, n);
    case "positiveMonomial":
      return positiveMonomialArb(F, n);
    case "positiveDiagonal":
      return monomialDiag(F, n, "positive");
    case "diagonal":
      return monomialDiag(F, n, "none");
    case "boundary":
      return boundaryArb(F, n);
    default:
      return matArb(F, n, n);
  }
}

function monomialDiag<T>(F: Field<T>, n: number, c: Constraint): fc.Arbitrary<Matrix<T>> {
  return fc
    .array(scalarArb(F, c), { minLength: n, maxLength: n })
    .map((d) => monomial(F, Array.from({ length: n }, (_, i) => i), (i) => d[i] as T));
}

/** Named exact activations (float mode adds sigmoid and tanh). */
export function activations<T>(F: Field<T>): Array<Value<T>> {
  const two = F.fromInt(2);
  const list: Array<[string, (x: T) => T]> = [
    ["relu", (x) => (F.lt(x, F.zero) ? F.zero : x)],
    ["id", (x) => x],
    ["abs", (x) => F.abs(x)],
    ["double", (x) => F.mul(two, x)],
    ["square", (x) => F.mul(x, x)],
    ["succ", (x) => F.add(x, F.one)],
    ["neg", (x) => F.neg(x)],
  ];
  const exp = F.exp;
  if (exp) {
    list.push(["sigmoid", (x) => F.div(F.one, F.add(F.one, exp(F.neg(x))))]);
    list.push(["tanh", (x) => F.fromNumber(Math.tanh(F.toNumber(x)))]);
  }
  return list.map(([name, f]) => fn<T>(name, 1, (args) => f(args[0] as T)));
}

/** An arbitrary for a value of type `spec` satisfying constraint `c`. */
export function arbitraryFor<T>(F: Field<T>, spec: TypeSpec, dim: DimOf, c: Constraint = "none"): fc.Arbitrary<Value<T>> | undefined {
  switch (spec.k) {
    case "nat":
      return fc.integer(c === "positive" ? { min: 1, max: RANGES.nat.max } : RANGES.nat);
    case "fin": {
      const n = dim(spec.n);
      return n > 0 ? fc.integer({ min: 0, max: n - 1 }) : undefined;
    }
    case "scalar":
      return scalarArb(F, c);
    case "vec": {
      const n = dim(spec.n);
      return fc.array(scalarArb(F, c === "positive" || c === "nonneg" ? c : "none"), { minLength: n, maxLength: n }).map((xs) => vector(xs));
    }
    case "mat": {
      const m = dim(spec.m);
      const n = dim(spec.n);
      if (m === n && c !== "none" && c !== "positive" && c !== "nonneg") return squareArb(F, n, c);
      return matArb(F, m, n, c === "positive" || c === "nonneg" ? c : "none");
    }
    case "activation": {
      const acts = activations(F);
      return fc.integer({ min: 0, max: acts.length - 1 }).map((i) => acts[i] as Value<T>);
    }
    default:
      return undefined;
  }
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomScalar<T>(F: Field<T>, rnd: () => number): T {
  const p = Math.floor(rnd() * (2 * RANGES.numerator + 1)) - RANGES.numerator;
  const q = 1 + Math.floor(rnd() * RANGES.denominator);
  return F.fromRatio(p, q);
}

/**
 * Candidates of a witness search or an inner `∀`, structured ones first: for scalars
 * `0, 1, −1, 2, 1/2, −2`; for vectors `0`, the basis vectors, their sums and differences; for
 * matrices `0`, `I`, `−I`, the matrix units; then random values up to `budget`.
 */
export function candidatesFor<T>(F: Field<T>, spec: TypeSpec, dim: DimOf, budget: number, seed: number): Value<T>[] | undefined {
  const rnd = prng(seed);
  const out: Value<T>[] = [];
  const push = (v: Value<T>): boolean => {
    if (out.length < budget) out.push(v);
    return out.length < budget;
  };
  switch (spec.k) {
    case "nat": {
      for (let k = 0; k <= RANGES.nat.max && push(k); k++);
      return out;
    }
    case "fin": {
      const n = dim(spec.n);
      for (let k = 0; k < n && push(k); k++);
      return out;
    }
    case "scalar": {
      for (const [p, q] of [[0, 1], [1, 1], [-1, 1], [2, 1], [1, 2], [-2, 1], [3, 1], [-1, 2]] as const) push(F.fromRatio(p, q));
      while (out.length < budget) out.push(randomScalar(F, rnd));
      return out;
    }
    case "vec": {
      const n = dim(spec.n);
      const basis = (i: number, c: T = F.one): T[] => Array.from({ length: n }, (_, k) => (k === i ? c : F.zero));
      push(vector(basis(-1)));
      for (let i = 0; i < n; i++) push(vector(basis(i)));
      for (let i = 0; i < n; i++) push(vector(basis(i, F.neg(F.one))));
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          if (i < j) push(vector(basis(i).map((x, k) => F.add(x, k === j ? F.one : F.zero))));
          push(vector(basis(i).map((x, k) => F.sub(x, k === j ? F.one : F.zero))));
        }
      push(vector(Array.from({ length: n }, () => F.one)));
      for (let i = 0; i < n; i++) push(vector(basis(i, F.fromInt(2))));
      while (out.length < budget) out.push(vector(Array.from({ length: n }, () => randomScalar(F, rnd))));
      return out;
    }
    case "mat": {
      const m = dim(spec.m);
      const n = dim(spec.n);
      const tab = (f: (i: number, j: number) => T): Matrix<T> =>
        matrix(Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j))), n);
      push(tab(() => F.zero));
      if (m === n) {
        push(tab((i, j) => (i === j ? F.one : F.zero)));
        push(tab((i, j) => (i === j ? F.neg(F.one) : F.zero)));
      }
      for (let a = 0; a < m; a++) for (let b = 0; b < n; b++) push(tab((i, j) => (i === a && j === b ? F.one : F.zero)));
      while (out.length < budget) out.push(tab(() => randomScalar(F, rnd)));
      return out;
    }
    case "activation":
      return activations(F).slice(0, budget);
    default:
      return undefined;
  }
}
