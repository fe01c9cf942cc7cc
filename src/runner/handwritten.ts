/**
 * The escape hatch: hand-written properties for claims whose statements fall outside the
 * fragment, flagged `handWritten: true` in `out/numeric.json`. Keyed by declaration; kept to a
 * minimum (the issue allows three).
 */
import type { Env, PropertyModule } from "./property.js";

export const handWrittenProperties: ReadonlyMap<string, PropertyModule<Env>> = new Map();
