/**
 * Runtime values of the numeric semantics. Scalars are the field's own type `T` (a `Fraction`
 * or a `number`); everything else is a tagged object, so operators can dispatch on the kind.
 *
 * A JavaScript `number` that is not a scalar of the field is a natural number (a size `n : Nat`
 * or an index `i : Fin n`). In float mode numbers are scalars; code that needs Nat arithmetic
 * (truncated subtraction) calls the `Nat.*` entries of the registry explicitly.
 */
import { SemanticsTypeError } from "./field.js";

/** An `rows × cols` matrix, stored row by row. */
export interface Matrix<T> {
  readonly kind: "mat";
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly (readonly T[])[];
  /**
   * For a pair-indexed matrix (`PairMat p m q n α`, built by a meaning derived from a Lean body):
   * how its rows split as `p·m` and its columns as `q·n`, so that a derived meaning taking it can
   * index it by pairs again.
   */
  readonly rowPairs?: readonly [number, number];
  readonly colPairs?: readonly [number, number];
}

/** A column vector of length `size` (Lean `Fin n → α`). */
export interface Vector<T> {
  readonly kind: "vec";
  readonly size: number;
  readonly data: readonly T[];
  /** For a pair-indexed vector (`PairVec p m α`, built by a derived meaning): its size as `p·m`. */
  readonly pairs?: readonly [number, number];
}

/** A (curried, possibly partially applied) function value: activations, encoders, `fun x => …`. */
export interface FnValue<T> {
  readonly kind: "fn";
  /** How many arguments `apply` consumes at once. */
  readonly arity: number;
  readonly name: string;
  readonly apply: (args: readonly Value<T>[]) => Value<T>;
  /** For a map on vectors `Vec n α → …`: `n`, when known (needed by `Sym.Autoencoder.jac`). */
  readonly inputSize?: number;
  /**
   * A stable description of the function when it is a constant or a partial application of
   * constants (`Sym.IsResidual Sym.relu`): two values with the same key are the same function,
   * so expensive bounded checks on it (`IsSubgroup S`) can be memoized.
   */
  readonly key?: string;
  /**
   * For a predicate on square matrices (`GL n α → Prop`, `fun K : Mat n n α => …`): the size `n`
   * the statement gives it, so that bounded checks of group structure (`IsSubgroup S`) run at
   * that size and no other.
   */
  readonly domainSize?: number;
}

/** A list or tuple of values: layer parameters `[W_1, …, W_L]`, group tuples `[K_1, …]`, pairs. */
export interface ListValue<T> {
  readonly kind: "list";
  readonly items: readonly Value<T>[];
}

/** Every runtime value. `boolean` is a decided proposition; `number` is a Nat (or a float scalar). */
export type Value<T> = T | number | boolean | Matrix<T> | Vector<T> | FnValue<T> | ListValue<T>;

type Tagged<T> = Matrix<T> | Vector<T> | FnValue<T> | ListValue<T>;

function tagged<T>(v: Value<T>): v is Tagged<T> {
  return typeof v === "object" && v !== null && "kind" in v && typeof (v as { kind: unknown }).kind === "string";
}

export function isMatrix<T>(v: Value<T>): v is Matrix<T> {
  return tagged(v) && v.kind === "mat";
}
export function isVector<T>(v: Value<T>): v is Vector<T> {
  return tagged(v) && v.kind === "vec";
}
export function isFn<T>(v: Value<T>): v is FnValue<T> {
  return tagged(v) && v.kind === "fn";
}
export function isList<T>(v: Value<T>): v is ListValue<T> {
  return tagged(v) && v.kind === "list";
}

/** A matrix from its rows (all of the same length; `cols` is needed only when `rows` is empty). */
export function matrix<T>(rows: readonly (readonly T[])[], cols?: number): Matrix<T> {
  const c = cols ?? rows[0]?.length ?? 0;
  for (const r of rows) {
    if (r.length !== c) throw new SemanticsTypeError(`ragged matrix: a row of length ${r.length}, expected ${c}`);
  }
  return { kind: "mat", rows: rows.length, cols: c, data: rows };
}

/** The `rows × cols` matrix with entries `f(i, j)` (0-based). */
export function tabulate<T>(rows: number, cols: number, f: (i: number, j: number) => T): Matrix<T> {
  const data: T[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: T[] = [];
    for (let j = 0; j < cols; j++) row.push(f(i, j));
    data.push(row);
  }
  return { kind: "mat", rows, cols, data };
}

export function vector<T>(data: readonly T[]): Vector<T> {
  return { kind: "vec", size: data.length, data };
}

export function tabulateVector<T>(size: number, f: (i: number) => T): Vector<T> {
  const data: T[] = [];
  for (let i = 0; i < size; i++) data.push(f(i));
  return { kind: "vec", size, data };
}

/** The same function value with a memoization key. */
export function withKey<T>(f: FnValue<T>, key: string): FnValue<T> {
  return { ...f, key };
}

export function list<T>(items: readonly Value<T>[]): ListValue<T> {
  return { kind: "list", items };
}

export function fn<T>(name: string, arity: number, apply: (args: readonly Value<T>[]) => Value<T>, inputSize?: number): FnValue<T> {
  return inputSize === undefined ? { kind: "fn", name, arity, apply } : { kind: "fn", name, arity, apply, inputSize };
}

/** Entry `(i, j)` (0-based) with a bounds check. */
export function entry<T>(A: Matrix<T>, i: number, j: number): T {
  const row = A.data[i];
  if (row === undefined || j < 0 || j >= A.cols) {
    throw new SemanticsTypeError(`index (${i}, ${j}) out of range for a ${A.rows}×${A.cols} matrix`);
  }
  return row[j] as T;
}

/** Entry `i` (0-based) with a bounds check. */
export function component<T>(v: Vector<T>, i: number): T {
  if (i < 0 || i >= v.size) throw new SemanticsTypeError(`index ${i} out of range for a vector of size ${v.size}`);
  return v.data[i] as T;
}

/** A short description of a value's kind and shape, for messages. */
export function describe<T>(v: Value<T>): string {
  if (typeof v === "boolean") return "a proposition";
  if (typeof v === "number") return "a number";
  if (Array.isArray(v)) return "a JavaScript array (not a value)";
  if (!tagged(v)) return "a scalar";
  switch (v.kind) {
    case "mat":
      return `a ${v.rows}×${v.cols} matrix`;
    case "vec":
      return `a vector of size ${v.size}`;
    case "fn":
      return `the function ${v.name}`;
    case "list":
      return `a list of ${v.items.length}`;
  }
}

/**
 * A matrix's entries row after row: `rows.flat()`, without it (V8's generic `flat` took 6 of 64 CPU
 * seconds of the records whose statements apply a matrix functional `Mat m n α → α`).
 */
export function entriesOf<T>(rows: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const row of rows) for (const x of row) out.push(x);
  return out;
}
