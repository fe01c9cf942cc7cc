/**
 * Jacobians of maps `ℝ^n → ℝ^m` (L3.3.4): forward mode with dual numbers for maps written
 * against the `Field` interface (exact over the rationals), and central finite differences for
 * black-box maps in float mode.
 */
import { dualField, Dual } from "./dual.js";
import { UnsupportedInModeError, type Field } from "./field.js";
import { entry, tabulate, tabulateVector, type Matrix, type Vector } from "./value.js";

/** Embeds constants of the base field into the dual numbers. */
export interface Lift<T> {
  scalar(c: T): Dual<T>;
  matrix(A: Matrix<T>): Matrix<Dual<T>>;
  vector(v: Vector<T>): Vector<Dual<T>>;
}

/**
 * A map evaluated on dual numbers: it receives the dual field, the (dual) input and a way to lift
 * its constants (weights, biases) — write it with the generic semantics (`mulVec(D, …)`).
 */
export type DualMap<T> = (D: Field<Dual<T>>, x: Vector<Dual<T>>, lift: Lift<T>) => Vector<Dual<T>>;

function lifter<T>(F: Field<T>): Lift<T> {
  const scalar = (c: T) => new Dual(c, F.zero);
  return {
    scalar,
    matrix: (A) => tabulate(A.rows, A.cols, (i, j) => scalar(entry(A, i, j))),
    vector: (v) => tabulateVector(v.size, (i) => scalar(v.data[i] as T)),
  };
}

/** `J_f(x)` by forward mode: column `j` is the ε-part of `f(x + ε e_j)`. */
export function jacobian<T>(F: Field<T>, f: DualMap<T>, x: Vector<T>): Matrix<T> {
  const D = dualField(F);
  const lift = lifter(F);
  const cols: Vector<Dual<T>>[] = [];
  for (let j = 0; j < x.size; j++) {
    const xj = tabulateVector(x.size, (i) => new Dual(x.data[i] as T, i === j ? F.one : F.zero));
    cols.push(f(D, xj, lift));
  }
  const m = cols[0]?.size ?? f(D, lift.vector(x), lift).size;
  return tabulate(m, x.size, (i, j) => (cols[j]?.data[i] as Dual<T>).eps);
}

/** `J_f(x)` by central differences with step `h` (float mode only). */
export function jacobianFD<T>(F: Field<T>, f: (x: Vector<T>) => Vector<T>, x: Vector<T>, h = 1e-6): Matrix<T> {
  if (F.mode !== "float") throw new UnsupportedInModeError("finite differences", F.mode);
  const step = F.fromNumber(h);
  const cols: Vector<T>[] = [];
  for (let j = 0; j < x.size; j++) {
    const plus = f(tabulateVector(x.size, (i) => (i === j ? F.add(x.data[i] as T, step) : (x.data[i] as T))));
    const minus = f(tabulateVector(x.size, (i) => (i === j ? F.sub(x.data[i] as T, step) : (x.data[i] as T))));
    cols.push(tabulateVector(plus.size, (i) => F.div(F.sub(plus.data[i] as T, minus.data[i] as T), F.mul(F.fromInt(2), step))));
  }
  const m = cols[0]?.size ?? f(x).size;
  return tabulate(m, x.size, (i, j) => cols[j]?.data[i] as T);
}
