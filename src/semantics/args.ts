/**
 * Argument coercions for registry implementations: each checks the runtime kind and throws a
 * {@link SemanticsTypeError} naming the entry and the position when it is wrong.
 */
import { toScalar, type Context } from "./context.js";
import type { Activation } from "./activation.js";
import { SemanticsTypeError } from "./field.js";
import { unnestMatrices } from "./net.js";
import { applyValue } from "./ops.js";
import { describe, isFn, isList, isMatrix, isVector, vector, type FnValue, type Matrix, type Value, type Vector } from "./value.js";

export class Args<T> {
  constructor(
    readonly ctx: Context<T>,
    readonly name: string,
    readonly values: readonly Value<T>[],
  ) {}

  private at(i: number): Value<T> {
    if (i >= this.values.length) {
      throw new SemanticsTypeError(`\`${this.name}\` expects at least ${i + 1} arguments, got ${this.values.length}`);
    }
    return this.values[i] as Value<T>;
  }

  private wrong(i: number, expected: string): never {
    throw new SemanticsTypeError(`argument ${i + 1} of \`${this.name}\`: expected ${expected}, got ${describe(this.at(i))}`);
  }

  mat(i: number): Matrix<T> {
    const v = this.at(i);
    return isMatrix(v) ? v : this.wrong(i, "a matrix");
  }

  /** A vector; a function `Fin n → α` is tabulated when `n` is given. */
  vec(i: number, n?: number): Vector<T> {
    const v = this.at(i);
    if (isVector(v)) return v;
    if (isFn(v) && n !== undefined) {
      const data: T[] = [];
      for (let k = 0; k < n; k++) data.push(toScalar(this.ctx.F, applyValue(this.ctx, v, [k])));
      return vector(data);
    }
    return this.wrong(i, "a vector");
  }

  nat(i: number): number {
    const v = this.at(i);
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    if (this.ctx.F.isScalar(v)) {
      const x = this.ctx.F.toNumber(v);
      if (Number.isInteger(x) && x >= 0) return x;
    }
    return this.wrong(i, "a natural number");
  }

  scalar(i: number): T {
    const v = this.at(i);
    try {
      return toScalar(this.ctx.F, v);
    } catch {
      return this.wrong(i, "a scalar");
    }
  }

  fn(i: number): FnValue<T> {
    const v = this.at(i);
    return isFn(v) ? v : this.wrong(i, "a function");
  }

  /** A scalar function `α → α` as an activation. */
  activation(i: number): Activation<T> {
    const f = this.fn(i);
    const ctx = this.ctx;
    return { name: f.name, apply: (x: T) => toScalar(ctx.F, applyValue(ctx, f, [x])) };
  }

  list(i: number): readonly Value<T>[] {
    const v = this.at(i);
    return isList(v) ? v.items : this.wrong(i, "a list");
  }

  /** The matrices of a flat list or of Lean-style nested pairs `[W₁, [W₂, …, []]]`. */
  mats(i: number): Matrix<T>[] {
    const v = this.at(i);
    if (!isList(v)) return this.wrong(i, "a list of matrices");
    try {
      return unnestMatrices(v);
    } catch {
      return this.wrong(i, "a list of matrices");
    }
  }

  raw(i: number): Value<T> {
    return this.at(i);
  }
}
