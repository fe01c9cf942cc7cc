/**
 * What the driver tests share: a claims registry of statement declarations, and the Lean lines of
 * a declaration that has a hand-written property (its claim R3.2a), so no module is generated for it.
 */
import type { Registry as ClaimsRegistry } from "../../src/spec/types.js";

/** A claims registry: each claim id with its declarations, all of role `statement`. */
export const claimsOf = (...entries: Array<[string, string[]]>): ClaimsRegistry =>
  ({ claims: entries.map(([id, names]) => ({ id, kind: "theorem", declarations: names.map((name) => ({ name, role: "statement" })) })) }) as unknown as ClaimsRegistry;

/** `Sym.Net.exists_map_eq_two_layers`, standing for the hand-written property of that name. */
export const HAND_WRITTEN_LINES = [
  "namespace Sym.Net",
  "/-- R3.2a: stands for the hand-written property of this name. -/",
  "theorem exists_map_eq_two_layers (n : Nat) : n = n := sorry",
  "end Sym.Net",
];
