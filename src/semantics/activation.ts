/**
 * Entrywise activations `σ : α → α`: ReLU, sigmoid (float mode only: it needs `exp`), the
 * identity, and any scalar function; applied to vectors and matrices entry by entry.
 */
import { requireExp, type Field } from "./field.js";
import { mapEntries } from "./matrix.js";
import { mapVector } from "./vector.js";
import { isMatrix, isVector, type Matrix, type Vector } from "./value.js";

/** A named scalar function. */
export interface Activation<T> {
  readonly name: string;
  readonly apply: (x: T) => T;
}

/** `max(0, x)`. */
export function relu<T>(F: Field<T>): Activation<T> {
  return { name: "relu", apply: (x) => (F.lt(x, F.zero) ? F.zero : x) };
}

/** `1 / (1 + e^{-x})`, computed stably; float mode only. */
export function sigmoid<T>(F: Field<T>): Activation<T> {
  const exp = requireExp(F);
  return {
    name: "sigmoid",
    apply: (x) => {
      if (F.le(F.zero, x)) return F.inv(F.add(F.one, exp(F.neg(x))));
      const e = exp(x);
      return F.div(e, F.add(F.one, e));
    },
  };
}

/** `tanh x`; float mode only. */
export function tanh<T>(F: Field<T>): Activation<T> {
  const exp = requireExp(F);
  return {
    name: "tanh",
    apply: (x) => {
      const e = exp(F.mul(F.fromInt(-2), F.abs(x)));
      const t = F.div(F.sub(F.one, e), F.add(F.one, e));
      return F.lt(x, F.zero) ? F.neg(t) : t;
    },
  };
}

export function identityActivation<T>(): Activation<T> {
  return { name: "id", apply: (x) => x };
}

/** Leaky ReLU with slope `a` on the negative side (a generic piecewise-linear activation). */
export function leakyRelu<T>(F: Field<T>, a: T): Activation<T> {
  return { name: "leakyRelu", apply: (x) => (F.lt(x, F.zero) ? F.mul(a, x) : x) };
}

/**
 * A rational stand-in for the sigmoid, exact in exact mode: `1/2 + x / (2 (1 + |x|))`, increasing
 * from 0 to 1 with value 1/2 at 0 and `σ(−x) − 1/2 = −(σ(x) − 1/2)`, like the sigmoid; the
 * hypotheses of J3.10 (`SigmoidLike`) hold for it too.
 */
export function rationalSigmoid<T>(F: Field<T>): Activation<T> {
  const half = F.fromRatio(1, 2);
  return {
    name: "ratSigmoid",
    apply: (x) => F.add(half, F.div(x, F.mul(F.fromInt(2), F.add(F.one, F.abs(x))))),
  };
}

/** Any scalar function as an activation. */
export function activation<T>(name: string, apply: (x: T) => T): Activation<T> {
  return { name, apply };
}

/** `σ` applied entrywise to a vector. */
export function applyToVector<T>(s: Activation<T>, v: Vector<T>): Vector<T> {
  return mapVector(v, s.apply);
}

/** `σ` applied entrywise to a matrix. */
export function applyToMatrix<T>(s: Activation<T>, A: Matrix<T>): Matrix<T> {
  return mapEntries(A, s.apply);
}

/** `σ` applied entrywise to a vector or a matrix. */
export function applyEntrywise<T>(s: Activation<T>, x: Vector<T> | Matrix<T>): Vector<T> | Matrix<T> {
  if (isMatrix(x)) return applyToMatrix(s, x);
  if (isVector(x)) return applyToVector(s, x);
  return x;
}
