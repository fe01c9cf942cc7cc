/**
 * Exact serialization of a generated environment and its inverse, so that a stored
 * counterexample can be replayed first on later runs.
 */
import { serializeValue } from "../semantics/context.js";
import type { Field } from "../semantics/field.js";
import { scalar } from "../semantics/ops.js";
import { matrix, vector, isFn, type Value } from "../semantics/value.js";
import { activations } from "./generators.js";
import type { VariableSpec } from "./property.js";
import type { Runtime, V } from "./runtime.js";

/** `{ leanName: serialized }` in variable order (rationals as `"p/q"` strings). */
export function serializeEnv(F: Field<unknown>, variables: readonly VariableSpec[], env: Record<string, V>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of variables) {
    const x = env[p.key];
    if (x === undefined) continue;
    // Sizes stay JSON numbers: in float mode a number is also a scalar and would become a string.
    if ((p.type.k === "nat" || p.type.k === "fin") && typeof x === "number") out[p.name] = x;
    else out[p.name] = isFn(x as Value<unknown>) ? `<fn ${(x as { name: string }).name}>` : serializeValue(F, x as Value<unknown>);
  }
  return out;
}

function scalarOf($: Runtime, s: unknown): V {
  if (typeof s === "number") return $.mode === "exact" ? scalar($.ctx, s) : (s as unknown as V);
  if (typeof s !== "string") throw new Error("not a serialized scalar");
  return $.mode === "exact" ? scalar($.ctx, s) : (Number(s) as unknown as V);
}

/** The environment a serialized counterexample denotes, or `undefined` if it does not fit the variables. */
export function deserializeEnv($: Runtime, variables: readonly VariableSpec[], data: unknown): Record<string, V> | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const rec = data as Record<string, unknown>;
  const env: Record<string, V> = {};
  try {
    for (const p of variables) {
      const s = rec[p.name];
      if (s === undefined) return undefined;
      switch (p.type.k) {
        case "nat":
        case "fin":
          // Counterexamples stored before sizes were kept as numbers hold them as digit strings.
          if (typeof s === "string" && /^\d+$/.test(s)) env[p.key] = Number(s);
          else if (typeof s === "number") env[p.key] = s;
          else return undefined;
          break;
        case "scalar":
          env[p.key] = scalarOf($, s);
          break;
        case "vec":
          if (!Array.isArray(s)) return undefined;
          env[p.key] = vector(s.map((x) => scalarOf($, x) as never));
          break;
        case "mat":
          if (!Array.isArray(s)) return undefined;
          env[p.key] = matrix(s.map((row) => (Array.isArray(row) ? row.map((x) => scalarOf($, x) as never) : [])));
          break;
        case "activation": {
          const name = typeof s === "string" ? s.replace(/^<fn (.*)>$/, "$1") : "";
          const f = activations($.F).find((a) => isFn(a) && a.name === name);
          if (!f) return undefined;
          env[p.key] = f as V;
          break;
        }
        default:
          return undefined;
      }
    }
  } catch {
    return undefined;
  }
  return env;
}
