/**
 * Sizes `n : Nat` drawn from a small stated range (default 1..5; the runner draws the dimensions
 * of matrices and vectors from {@link MIN_DIMENSION} = 0, and a `Nat` that is a value, not a
 * dimension, from 0, see `from-type.ts`), shrinking towards the minimum.
 */
import fc from "fast-check";

export const DEFAULT_MIN_SIZE = 1;
/**
 * The least dimension the runner draws for a matrix or vector size: 0, as Lean allows (`Fin 0`
 * is empty, a `Mat 0 n` has no entries). A statement can differ from a mutant only there.
 */
export const MIN_DIMENSION = 0;
/** The least `Nat` value drawn: Lean's `Nat` starts at 0. */
export const MIN_NAT_VALUE = 0;
export const DEFAULT_MAX_SIZE = 5;

export interface SizeOptions {
  readonly min?: number;
  readonly max?: number;
}

export function sizeArb(opts: SizeOptions = {}): fc.Arbitrary<number> {
  return fc.integer({ min: opts.min ?? DEFAULT_MIN_SIZE, max: opts.max ?? DEFAULT_MAX_SIZE });
}

/** Widths `[n_0, …, n_L]` of a network with `L` layers (`L` in `[minLayers, maxLayers]`). */
export function widthsArb(opts: SizeOptions & { readonly minLayers?: number; readonly maxLayers?: number } = {}): fc.Arbitrary<number[]> {
  return fc
    .integer({ min: opts.minLayers ?? 1, max: opts.maxLayers ?? 4 })
    .chain((L) => fc.array(sizeArb({ min: opts.min ?? 1, max: opts.max ?? 4 }), { minLength: L + 1, maxLength: L + 1 }));
}

/** Layer widths `ws = [n_1, …, n_L]` (`L` in 1..3, widths in 1..4): Lean's `ws : List Nat`. */
export function layerWidthsArb(opts: SizeOptions & { readonly maxLayers?: number } = {}): fc.Arbitrary<number[]> {
  return fc.array(sizeArb({ min: opts.min ?? 1, max: opts.max ?? 4 }), { minLength: 1, maxLength: opts.maxLayers ?? 3 });
}
