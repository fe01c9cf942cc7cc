/**
 * Vector arithmetic (`Fin n → α`): sums, scalar multiples, dot product, basis vectors.
 */
import { SemanticsTypeError, type Field } from "./field.js";
import { component, tabulateVector, type Vector } from "./value.js";

function sameSize<T>(u: Vector<T>, v: Vector<T>, op: string): void {
  if (u.size !== v.size) throw new SemanticsTypeError(`${op}: sizes ${u.size} and ${v.size} differ`);
}

export function zeroVector<T>(F: Field<T>, n: number): Vector<T> {
  return tabulateVector(n, () => F.zero);
}

/** The constant vector `c 𝟙`. */
export function constVector<T>(n: number, c: T): Vector<T> {
  return tabulateVector(n, () => c);
}

/** The standard basis vector `e_i` (0-based `i`). */
export function basisVector<T>(F: Field<T>, n: number, i: number): Vector<T> {
  if (i < 0 || i >= n) throw new SemanticsTypeError(`basis vector e_${i} out of range for size ${n}`);
  return tabulateVector(n, (k) => (k === i ? F.one : F.zero));
}

export function vadd<T>(F: Field<T>, u: Vector<T>, v: Vector<T>): Vector<T> {
  sameSize(u, v, "vector sum");
  return tabulateVector(u.size, (i) => F.add(component(u, i), component(v, i)));
}

export function vsub<T>(F: Field<T>, u: Vector<T>, v: Vector<T>): Vector<T> {
  sameSize(u, v, "vector difference");
  return tabulateVector(u.size, (i) => F.sub(component(u, i), component(v, i)));
}

export function vneg<T>(F: Field<T>, u: Vector<T>): Vector<T> {
  return tabulateVector(u.size, (i) => F.neg(component(u, i)));
}

export function vsmul<T>(F: Field<T>, c: T, u: Vector<T>): Vector<T> {
  return tabulateVector(u.size, (i) => F.mul(c, component(u, i)));
}

export function dot<T>(F: Field<T>, u: Vector<T>, v: Vector<T>): T {
  sameSize(u, v, "dot product");
  let s = F.zero;
  for (let i = 0; i < u.size; i++) s = F.add(s, F.mul(component(u, i), component(v, i)));
  return s;
}

/** The entrywise map `f(v_i)`. */
export function mapVector<T>(v: Vector<T>, f: (x: T) => T): Vector<T> {
  return tabulateVector(v.size, (i) => f(component(v, i)));
}
