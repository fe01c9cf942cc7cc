/**
 * Matrix and vector arithmetic over a field: identity, zero, sum, difference, scalar multiple,
 * product, transpose, entrywise maps, powers. Shapes are checked; a mismatch throws
 * {@link SemanticsTypeError}.
 */
import { SemanticsTypeError, type Field } from "./field.js";
import { entry, tabulate, tabulateVector, type Matrix, type Vector } from "./value.js";

function sameShape<T>(A: Matrix<T>, B: Matrix<T>, op: string): void {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new SemanticsTypeError(`${op}: shapes ${A.rows}×${A.cols} and ${B.rows}×${B.cols} differ`);
  }
}

/** The `n × n` identity. */
export function identity<T>(F: Field<T>, n: number): Matrix<T> {
  return tabulate(n, n, (i, j) => (i === j ? F.one : F.zero));
}

/** The `m × n` zero matrix. */
export function zeros<T>(F: Field<T>, m: number, n: number): Matrix<T> {
  return tabulate(m, n, () => F.zero);
}

/** The diagonal matrix with diagonal `d`. */
export function diagonal<T>(F: Field<T>, d: readonly T[]): Matrix<T> {
  return tabulate(d.length, d.length, (i, j) => (i === j ? (d[i] as T) : F.zero));
}

/** `c · I_n`. */
export function scalarMatrix<T>(F: Field<T>, n: number, c: T): Matrix<T> {
  return tabulate(n, n, (i, j) => (i === j ? c : F.zero));
}

export function add<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  sameShape(A, B, "matrix sum");
  return tabulate(A.rows, A.cols, (i, j) => F.add(entry(A, i, j), entry(B, i, j)));
}

export function sub<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  sameShape(A, B, "matrix difference");
  return tabulate(A.rows, A.cols, (i, j) => F.sub(entry(A, i, j), entry(B, i, j)));
}

export function neg<T>(F: Field<T>, A: Matrix<T>): Matrix<T> {
  return tabulate(A.rows, A.cols, (i, j) => F.neg(entry(A, i, j)));
}

/** `c • A`. */
export function smul<T>(F: Field<T>, c: T, A: Matrix<T>): Matrix<T> {
  return tabulate(A.rows, A.cols, (i, j) => F.mul(c, entry(A, i, j)));
}

/**
 * The product `A B`. In exact mode zero entries of `A` are skipped (the candidates of the
 * bounded ∀-checks are sparse); in float mode every term is computed, so a NaN or an infinity
 * in `B` always reaches the result.
 */
export function mul<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  if (A.cols !== B.rows) {
    throw new SemanticsTypeError(`matrix product: ${A.rows}×${A.cols} times ${B.rows}×${B.cols}`);
  }
  const skipZeros = F.mode === "exact";
  const data: T[][] = [];
  for (let i = 0; i < A.rows; i++) {
    const acc: T[] = new Array<T>(B.cols).fill(F.zero);
    const ai = A.data[i] as readonly T[];
    for (let k = 0; k < A.cols; k++) {
      const a = ai[k] as T;
      if (skipZeros && F.isExactZero(a)) continue;
      const bk = B.data[k] as readonly T[];
      for (let j = 0; j < B.cols; j++) acc[j] = F.add(acc[j] as T, F.mul(a, bk[j] as T));
    }
    data.push(acc);
  }
  return { kind: "mat", rows: A.rows, cols: B.cols, data };
}

/** The product of a list of matrices `A_1 A_2 ⋯ A_k` (left to right); `I_n` when empty. */
export function mulAll<T>(F: Field<T>, ms: readonly Matrix<T>[], n: number): Matrix<T> {
  let acc: Matrix<T> | undefined;
  for (const M of ms) acc = acc === undefined ? M : mul(F, acc, M);
  return acc ?? identity(F, n);
}

/** The matrix-vector product `A v` (zero entries skipped in exact mode, as in {@link mul}). */
export function mulVec<T>(F: Field<T>, A: Matrix<T>, v: Vector<T>): Vector<T> {
  if (A.cols !== v.size) throw new SemanticsTypeError(`matrix-vector product: ${A.rows}×${A.cols} times ${v.size}`);
  const skipZeros = F.mode === "exact";
  return tabulateVector(A.rows, (i) => {
    const ai = A.data[i] as readonly T[];
    let s = F.zero;
    for (let k = 0; k < A.cols; k++) {
      const a = ai[k] as T;
      const x = v.data[k] as T;
      if (skipZeros && (F.isExactZero(a) || F.isExactZero(x))) continue;
      s = F.add(s, F.mul(a, x));
    }
    return s;
  });
}

export function transpose<T>(A: Matrix<T>): Matrix<T> {
  return tabulate(A.cols, A.rows, (i, j) => entry(A, j, i));
}

/** The entrywise map `f(A_ij)`. */
export function mapEntries<T>(A: Matrix<T>, f: (x: T) => T): Matrix<T> {
  return tabulate(A.rows, A.cols, (i, j) => f(entry(A, i, j)));
}

/** The entrywise (Hadamard) product. */
export function hadamard<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  sameShape(A, B, "Hadamard product");
  return tabulate(A.rows, A.cols, (i, j) => F.mul(entry(A, i, j), entry(B, i, j)));
}

export function trace<T>(F: Field<T>, A: Matrix<T>): T {
  let s = F.zero;
  for (let i = 0; i < Math.min(A.rows, A.cols); i++) s = F.add(s, entry(A, i, i));
  return s;
}

/** `A^k` for `k ≥ 0` by repeated squaring (negative powers: see `matPowInt` in inverse.ts). */
export function matPow<T>(F: Field<T>, A: Matrix<T>, k: number): Matrix<T> {
  if (A.rows !== A.cols) throw new SemanticsTypeError(`power of a non-square ${A.rows}×${A.cols} matrix`);
  if (!Number.isInteger(k) || k < 0) throw new SemanticsTypeError(`matPow needs a natural exponent, got ${k}`);
  let result = identity(F, A.rows);
  let base = A;
  let e = k;
  while (e > 0) {
    if (e & 1) result = mul(F, result, base);
    e >>= 1;
    if (e > 0) base = mul(F, base, base);
  }
  return result;
}

/** The `i`-th row as a vector. */
export function row<T>(A: Matrix<T>, i: number): Vector<T> {
  return tabulateVector(A.cols, (j) => entry(A, i, j));
}

/** The `j`-th column as a vector. */
export function column<T>(A: Matrix<T>, j: number): Vector<T> {
  return tabulateVector(A.rows, (i) => entry(A, i, j));
}

/** A vector as an `n × 1` matrix. */
export function columnMatrix<T>(v: Vector<T>): Matrix<T> {
  return tabulate(v.size, 1, (i) => v.data[i] as T);
}
