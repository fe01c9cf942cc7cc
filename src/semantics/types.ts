/**
 * The small type language of the semantics: what a registry entry takes and returns, and what a
 * generator produces. Dimensions are variable names (`"m"`, resolved by the caller) or numbers.
 */

export type Dim = string | number;

export type TypeSpec =
  | { readonly k: "nat" }
  /** An index `i : Fin n` (0-based at runtime). */
  | { readonly k: "fin"; readonly n: Dim }
  | { readonly k: "scalar" }
  | { readonly k: "prop" }
  | { readonly k: "vec"; readonly n: Dim }
  | { readonly k: "mat"; readonly m: Dim; readonly n: Dim }
  /** A list of sizes (`ws : List Nat`, the layer widths of a network). */
  | { readonly k: "natList" }
  /** An element of `GL n α`: at runtime its invertible matrix. */
  | { readonly k: "gl"; readonly n: Dim }
  /** A permutation `Perm n`: at runtime its permutation matrix (`Perm.toMat`). */
  | { readonly k: "perm"; readonly n: Dim }
  /**
   * Layer parameters of a deep net (`Sym.Net.Params α n ws`), as Lean's nested pairs
   * `[W_1, [W_2, …, []]]`. `widths` names the widths: the layer widths `ws = [n_1, …, n_L]` when
   * `input` (`n = n_0`) is given, otherwise all of `[n_0, …, n_L]`.
   */
  | { readonly k: "params"; readonly widths: Dim; readonly input?: Dim }
  /** The layer group `Sym.Net.LayerGroup α ws`: nested pairs `[K_1, [K_2, …]]` of invertible matrices for the hidden layers. */
  | { readonly k: "layerGroup"; readonly widths: Dim }
  /** A scalar function applied entrywise (an activation `σ : α → α`). */
  | { readonly k: "activation" }
  | { readonly k: "fn"; readonly from: readonly TypeSpec[]; readonly to: TypeSpec }
  | { readonly k: "list"; readonly of: TypeSpec };

export const T = {
  nat: { k: "nat" } as TypeSpec,
  scalar: { k: "scalar" } as TypeSpec,
  prop: { k: "prop" } as TypeSpec,
  activation: { k: "activation" } as TypeSpec,
  fin: (n: Dim): TypeSpec => ({ k: "fin", n }),
  vec: (n: Dim): TypeSpec => ({ k: "vec", n }),
  mat: (m: Dim, n: Dim): TypeSpec => ({ k: "mat", m, n }),
  sq: (n: Dim): TypeSpec => ({ k: "mat", m: n, n }),
  natList: { k: "natList" } as TypeSpec,
  gl: (n: Dim): TypeSpec => ({ k: "gl", n }),
  perm: (n: Dim): TypeSpec => ({ k: "perm", n }),
  params: (widths: Dim, input?: Dim): TypeSpec => (input === undefined ? { k: "params", widths } : { k: "params", widths, input }),
  layerGroup: (widths: Dim): TypeSpec => ({ k: "layerGroup", widths }),
  fn: (from: readonly TypeSpec[], to: TypeSpec): TypeSpec => ({ k: "fn", from, to }),
  list: (of: TypeSpec): TypeSpec => ({ k: "list", of }),
} as const;

/** A readable rendering, e.g. `Mat m n → Mat n p → Mat m p`. */
export function showType(t: TypeSpec): string {
  switch (t.k) {
    case "nat":
      return "Nat";
    case "fin":
      return `Fin ${t.n}`;
    case "scalar":
      return "α";
    case "prop":
      return "Prop";
    case "vec":
      return `Vec ${t.n}`;
    case "mat":
      return `Mat ${t.m} ${t.n}`;
    case "natList":
      return "List Nat";
    case "gl":
      return `GL ${t.n}`;
    case "perm":
      return `Perm ${t.n}`;
    case "params":
      return t.input === undefined ? `Params ${t.widths}` : `Params ${t.input} ${t.widths}`;
    case "layerGroup":
      return `LayerGroup ${t.widths}`;
    case "activation":
      return "α → α";
    case "fn":
      return `(${[...t.from.map(showType), showType(t.to)].join(" → ")})`;
    case "list":
      return `List (${showType(t.of)})`;
  }
}
