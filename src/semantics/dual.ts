/**
 * Dual numbers `a + b ε` (`ε² = 0`) over a base field: forward-mode differentiation of any
 * function written against the `Field` interface. Over exact rationals the derivatives of
 * rational functions (and of ReLU away from its kink) are exact; over doubles `exp` and `sqrt`
 * propagate derivatives too. Comparisons look at the real part only, so branches (ReLU) follow
 * the point of evaluation.
 */
import { DivisionByZeroError, type Field } from "./field.js";

export class Dual<T> {
  constructor(
    readonly re: T,
    readonly eps: T,
  ) {}
}

/** The field of dual numbers over `F`. */
export function dualField<T>(F: Field<T>): Field<Dual<T>> {
  const d = (re: T, eps: T = F.zero): Dual<T> => new Dual(re, eps);
  const mul = (a: Dual<T>, b: Dual<T>): Dual<T> => d(F.mul(a.re, b.re), F.add(F.mul(a.re, b.eps), F.mul(a.eps, b.re)));
  const inv = (a: Dual<T>): Dual<T> => {
    if (F.isExactZero(a.re)) throw new DivisionByZeroError("dual inverse");
    const r = F.inv(a.re);
    return d(r, F.neg(F.mul(a.eps, F.mul(r, r))));
  };
  const baseExp = F.exp;
  const baseSqrt = F.sqrt;
  const baseLog = F.log;
  const field: Field<Dual<T>> = {
    mode: F.mode,
    tolerance: F.tolerance,
    zero: d(F.zero),
    one: d(F.one),
    isScalar: (x: unknown): x is Dual<T> => x instanceof Dual,
    fromInt: (n) => d(F.fromInt(n)),
    fromRatio: (p, q) => d(F.fromRatio(p, q)),
    fromNumber: (x) => d(F.fromNumber(x)),
    add: (a, b) => d(F.add(a.re, b.re), F.add(a.eps, b.eps)),
    sub: (a, b) => d(F.sub(a.re, b.re), F.sub(a.eps, b.eps)),
    mul,
    div: (a, b) => mul(a, inv(b)),
    neg: (a) => d(F.neg(a.re), F.neg(a.eps)),
    inv,
    abs: (a) => (F.lt(a.re, F.zero) ? d(F.neg(a.re), F.neg(a.eps)) : a),
    pow: (a, k) => {
      if (k === 0) return d(F.one);
      const base = k < 0 ? inv(a) : a;
      let r = base;
      for (let i = 1; i < Math.abs(k); i++) r = mul(r, base);
      return r;
    },
    eq: (a, b) => F.eq(a.re, b.re) && F.eq(a.eps, b.eps),
    compare: (a, b) => F.compare(a.re, b.re),
    lt: (a, b) => F.lt(a.re, b.re),
    le: (a, b) => F.le(a.re, b.re),
    isExactZero: (a) => F.isExactZero(a.re) && F.isExactZero(a.eps),
    isFinite: (a) => F.isFinite(a.re) && F.isFinite(a.eps),
    toNumber: (a) => F.toNumber(a.re),
    serialize: (a) => `${F.serialize(a.re)} + ${F.serialize(a.eps)}ε`,
    residual: (a, b) => Math.max(F.residual(a.re, b.re), F.residual(a.eps, b.eps)),
    ...(baseExp
      ? {
          exp: (a: Dual<T>) => {
            const e = baseExp(a.re);
            return d(e, F.mul(a.eps, e));
          },
        }
      : {}),
    ...(baseSqrt
      ? {
          sqrt: (a: Dual<T>) => {
            const s = baseSqrt(a.re);
            return d(s, F.div(a.eps, F.mul(F.fromInt(2), s)));
          },
        }
      : {}),
    ...(baseLog ? { log: (a: Dual<T>) => d(baseLog(a.re), F.div(a.eps, a.re)) } : {}),
  };
  return field;
}
