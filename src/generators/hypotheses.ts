/**
 * Constructive generators selected by hypotheses: a binder `(K : GL n α)` with a hypothesis
 * `(hK : IsOrthogonal K)` is drawn from {@link orthogonalArb} instead of being filtered. Every
 * generated value is re-checked against the predicate's own semantics (a value that fails is
 * discarded and counted as a skip by the runner, so a wrong generator shows up as skips, never
 * as a false pass).
 */
import fc from "fast-check";
import type { Context } from "../semantics/context.js";
import type { Field } from "../semantics/field.js";
import type { Registry } from "../semantics/registry.js";
import type { Matrix, Value } from "../semantics/value.js";
import { nestPairs } from "../semantics/net.js";
import { positiveScalarMatrixArb } from "./boundary.js";
import { invertibleArb } from "./invertible.js";
import { orthogonalArb } from "./orthogonal.js";
import { permutationMatrixArb, positiveDiagonalArb, positiveMonomialArb, signedPermutationArb } from "./permutation.js";

export interface HypothesisGenerator {
  /** Lean name of the predicate, e.g. `Sym.IsOrthogonal`. */
  readonly predicate: string;
  /** Index of the explicit argument of the predicate that the generator produces. */
  readonly subject: number;
  /** Generates a value satisfying the predicate; `n` is the size of the (square) subject. */
  readonly generate: <T>(F: Field<T>, n: number) => fc.Arbitrary<Matrix<T>>;
}

/**
 * Members of the residual groups of the common activations: permutations (in `G_σ` for every
 * `σ`), positive monomials and positive scalings (`G_ReLU`), signed permutations (odd `σ` such
 * as `abs`), and `I`. The re-check against `IsResidual σ` keeps those that fit the `σ` at hand.
 */
export function residualMemberArb<T>(F: Field<T>, n: number): fc.Arbitrary<Matrix<T>> {
  return fc.oneof(
    { weight: 3, arbitrary: permutationMatrixArb(F, n) },
    { weight: 3, arbitrary: positiveMonomialArb(F, n) },
    { weight: 1, arbitrary: positiveScalarMatrixArb(F, n) },
    { weight: 1, arbitrary: signedPermutationArb(F, n) },
  );
}

/** A layer-group tuple (Lean's nested pairs) for layer widths `ws`, each hidden `K_i` from `element`. */
export function layerGroupHypothesisArb<T>(
  F: Field<T>,
  ws: readonly number[],
  element: (F: Field<T>, n: number) => fc.Arbitrary<Matrix<T>> = residualMemberArb,
): fc.Arbitrary<Value<T>> {
  return fc.tuple(...ws.slice(0, -1).map((n) => element(F, n))).map((Ks) => nestPairs<T>(Ks));
}

const table: readonly HypothesisGenerator[] = [
  { predicate: "Sym.IsOrthogonal", subject: 0, generate: (F, n) => orthogonalArb(F, n) },
  { predicate: "Sym.IsPermMat", subject: 0, generate: (F, n) => permutationMatrixArb(F, n) },
  { predicate: "Sym.IsPosDiag", subject: 0, generate: (F, n) => positiveDiagonalArb(F, n) },
  { predicate: "Sym.IsPosMonomial", subject: 0, generate: (F, n) => positiveMonomialArb(F, n) },
  { predicate: "Sym.IsSignedPerm", subject: 0, generate: (F, n) => signedPermutationArb(F, n) },
  { predicate: "Sym.IsInvertible", subject: 0, generate: (F, n) => invertibleArb(F, n) },
  { predicate: "Sym.IsResidual", subject: 1, generate: (F, n) => residualMemberArb(F, n) },
];

/** Generators by predicate name (easy to extend: add a row to `table` or call `register`). */
export class HypothesisGenerators {
  private readonly map = new Map<string, HypothesisGenerator>();

  constructor(rows: readonly HypothesisGenerator[] = table) {
    for (const r of rows) this.register(r);
  }

  register(g: HypothesisGenerator): this {
    this.map.set(g.predicate, g);
    return this;
  }

  get(predicate: string): HypothesisGenerator | undefined {
    return this.map.get(predicate);
  }

  predicates(): string[] {
    return [...this.map.keys()].sort();
  }
}

export const defaultHypothesisGenerators = new HypothesisGenerators();

/**
 * The constructive arbitrary for `predicate` applied to a subject of size `n`, re-checked with
 * the predicate's registry semantics; `undefined` when no constructive generator exists (the
 * caller then filters).
 */
export function hypothesisArb<T>(
  ctx: Context<T>,
  registry: Registry,
  predicate: string,
  n: number,
  generators: HypothesisGenerators = defaultHypothesisGenerators,
  /**
   * The predicate's arguments around the generated subject (default: the subject alone). A
   * predicate with other arguments (`IsResidual σ K`) is re-checked only when this is given;
   * otherwise the caller checks the premise itself.
   */
  argsOf?: (subject: Value<T>) => readonly Value<T>[],
): fc.Arbitrary<Value<T>> | undefined {
  const g = generators.get(predicate);
  if (!g) return undefined;
  const entry = registry.get(predicate);
  const arb: fc.Arbitrary<Value<T>> = g.generate(ctx.F, n);
  if (!entry) return arb;
  if (argsOf) return arb.filter((v) => entry.impl(ctx, argsOf(v)) === true);
  if (entry.params.length !== 1) return arb;
  return arb.filter((v) => entry.impl(ctx, [v]) === true);
}
