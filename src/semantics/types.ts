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
  /** Layer parameters `[W_1, …, W_L]` of a deep net with widths `n_0, …, n_L`. */
  | { readonly k: "params"; readonly widths: Dim }
  /** A tuple `[K_1, …, K_{L-1}]` of square matrices acting on the hidden layers. */
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
  params: (widths: Dim): TypeSpec => ({ k: "params", widths }),
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
    case "params":
      return `Params ${t.widths}`;
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
