/**
 * Dimension expressions of Lean types: a variable (`n`), a numeral, Nat arithmetic (`n + 1`,
 * `2 * d`, `n - 1` truncated, parentheses), the network widths `outWidth n ws` and
 * `minWidth n (m :: ws)`, and width lists (`[m, k]`, `m :: m' :: ws`, a `List Nat` variable).
 * Resolved against the sizes already drawn.
 */
import { isList, type Value } from "../semantics/value.js";
import type { Dim } from "../semantics/types.js";

/** Sizes by variable name: a number, or a list of widths (an array or a `List Nat` value). */
export type Dims = Readonly<Record<string, number | readonly number[] | Value<unknown>>>;

export class UnresolvedDimensionError extends Error {
  constructor(dim: Dim) {
    super(`dimension \`${String(dim)}\` is not known`);
    this.name = "UnresolvedDimensionError";
  }
}

/**
 * The tokens of a dimension expression: identifiers (Lean's letters, Greek and subscripts
 * included), numerals, `::`, operators, brackets and commas. A character that is none of these
 * makes the whole expression unknown (`undefined`), never silently skipped: `nδ` must not read
 * as `n`.
 */
function tokens(s: string): string[] | undefined {
  const re = /\s+|([\p{L}_][\p{L}\p{N}_'.!?]*|\d+|::|[-+*()[\],])/uy;
  const out: string[] = [];
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

function parserOf(dims: Dims, d: string): DimParser {
  const ts = tokens(d);
  if (ts === undefined) throw new UnresolvedDimensionError(d);
  return new DimParser(ts, dims, d);
}

class DimParser {
  private i = 0;
  constructor(
    private readonly ts: string[],
    private readonly dims: Dims,
    private readonly whole: Dim,
  ) {}

  private peek(): string | undefined {
    return this.ts[this.i];
  }
  private next(): string {
    const t = this.ts[this.i++];
    if (t === undefined) throw new UnresolvedDimensionError(this.whole);
    return t;
  }
  done(): boolean {
    return this.i >= this.ts.length;
  }

  /** sum := product (("+" | "-") product)* */
  nat(): number {
    let v = this.product();
    for (let t = this.peek(); t === "+" || t === "-"; t = this.peek()) {
      this.next();
      const r = this.product();
      v = t === "+" ? v + r : Math.max(0, v - r);
    }
    return v;
  }
  private product(): number {
    let v = this.atom();
    while (this.peek() === "*") {
      this.next();
      v *= this.atom();
    }
    return v;
  }
  private atom(): number {
    const t = this.next();
    if (t === "outWidth" || t === "minWidth") {
      // `outWidth n ws`: the last width of `n :: ws`; `minWidth n ws`: the smallest of them.
      const n = this.atom();
      const ws = this.listAtom();
      return t === "outWidth" ? (ws.length === 0 ? n : (ws[ws.length - 1] as number)) : Math.min(n, ...ws);
    }
    if (t === "(") {
      const v = this.nat();
      if (this.next() !== ")") throw new UnresolvedDimensionError(this.whole);
      return v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    const v = this.dims[t];
    if (typeof v === "number") return v;
    throw new UnresolvedDimensionError(this.whole);
  }

  /** A list argument of a width function: `(list)`, `[nats]` or a `List Nat` variable. */
  private listAtom(): number[] {
    if (this.peek() === "(") {
      this.next();
      const ws = this.list();
      if (this.next() !== ")") throw new UnresolvedDimensionError(this.whole);
      return ws;
    }
    if (this.peek() === "[") return this.list();
    return widthsOf(this.dims[this.next()], this.whole);
  }

  /** list := item ("::" list)? ; item := "[" nats "]" | variable | nat */
  list(): number[] {
    const t = this.peek();
    let head: number[];
    if (t === "[") {
      this.next();
      head = [];
      if (this.peek() !== "]") {
        head.push(this.nat());
        while (this.peek() === ",") {
          this.next();
          head.push(this.nat());
        }
      }
      if (this.next() !== "]") throw new UnresolvedDimensionError(this.whole);
      return head;
    }
    // A name that is not a size is a list variable; a parenthesised head (`(n + 1) :: ws`) is a Nat.
    if (t !== undefined && t !== "(" && this.ts[this.i + 1] !== "::" && typeof this.dims[t] !== "number" && !/^\d+$/.test(t)) {
      this.next();
      return widthsOf(this.dims[t], this.whole);
    }
    const x = this.nat();
    if (this.peek() !== "::") throw new UnresolvedDimensionError(this.whole);
    this.next();
    return [x, ...this.list()];
  }
}

function widthsOf(v: Dims[string] | undefined, d: Dim): number[] {
  if (Array.isArray(v)) return [...(v as readonly number[])];
  if (v !== undefined && typeof v === "object" && v !== null && isList(v as Value<unknown>)) {
    const items = (v as { items: readonly unknown[] }).items;
    if (items.every((x) => typeof x === "number")) return items as number[];
  }
  throw new UnresolvedDimensionError(d);
}

/** The value of a dimension: a number, a variable of `dims`, or Nat arithmetic over them. */
export function resolveDim(dims: Dims, d: Dim): number {
  if (typeof d === "number") return d;
  const v = dims[d];
  if (typeof v === "number") return v;
  const p = parserOf(dims, d);
  const n = p.nat();
  if (!p.done()) throw new UnresolvedDimensionError(d);
  return n;
}

/** Widths from a `List Nat` variable, a literal `[m, k]`, or a cons chain `m :: m' :: ws`. */
export function resolveWidths(dims: Dims, d: Dim): readonly number[] {
  if (typeof d === "number") throw new UnresolvedDimensionError(d);
  const v = dims[d];
  if (v !== undefined) return widthsOf(v, d);
  const p = parserOf(dims, d);
  const ws = p.list();
  if (!p.done()) throw new UnresolvedDimensionError(d);
  return ws;
}
