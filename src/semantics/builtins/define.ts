/**
 * A compact way to write registry entries: the implementation receives an {@link Args} view of
 * its arguments (implicit Nats first, then the explicit parameters).
 */
import { Args } from "../args.js";
import type { Context } from "../context.js";
import type { Mode } from "../field.js";
import type { SemanticEntry } from "../registry.js";
import type { TypeSpec } from "../types.js";
import { fn, withKey, type FnValue, type Value } from "../value.js";
import type { Activation } from "../activation.js";

export interface Definition {
  readonly name: string;
  readonly implicitNats?: readonly string[];
  readonly params: readonly (readonly [string, TypeSpec])[];
  readonly result: TypeSpec;
  /** Defaults to both modes. */
  readonly modes?: readonly Mode[];
  readonly doc: string;
  readonly impl: <T>(a: Args<T>) => Value<T>;
}

export const BOTH: readonly Mode[] = ["exact", "float"];
export const FLOAT_ONLY: readonly Mode[] = ["float"];

export function define(d: Definition): SemanticEntry {
  return {
    name: d.name,
    implicitNats: d.implicitNats ?? [],
    params: d.params.map(([name, type]) => ({ name, type })),
    result: d.result,
    modes: d.modes ?? BOTH,
    doc: d.doc,
    impl: <T>(ctx: Context<T>, args: readonly Value<T>[]) => d.impl(new Args(ctx, d.name, args)),
  };
}

/** An activation as a function value (arity 1). */
export function activationValue<T>(s: Activation<T>): FnValue<T> {
  return withKey(
    fn(s.name, 1, (xs) => {
      const x = xs[0];
      if (x === undefined) throw new Error(`${s.name} applied to nothing`);
      return s.apply(x as T);
    }),
    `activation:${s.name}`,
  );
}
