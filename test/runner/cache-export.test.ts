/**
 * Record keys cover Lean's elaborated terms: the statement's exported type and, transitively, the
 * exported type and body of every constant it uses (the meaning of a derived name is its body).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import { harnessFingerprint, KeyBuilder } from "../../src/runner/cache.js";
import { selectDeclarations } from "../../src/runner/select.js";

const repo = path.resolve(import.meta.dirname, "../..");
const LIB = `namespace Fixd

/-- X1: a statement about blend. -/
theorem blend_self (t a : α) : blend t a a = a := sorry

end Fixd
`;
const lib = scanLibrary([{ file: "lean/Fixd.lean", text: LIB }]);
const { selected } = selectDeclarations(lib, undefined);
const harness = harnessFingerprint(repo);
const base = {
  "Fixd.blend_self": { type: "∀ {α : Type u_1} [inst : Lean.Grind.Field.{u_1} α] (t a : α), @Eq.{u_1 + 1} α (@Fixd.blend.{u_1} α inst t a a) a" },
  "Fixd.blend": { type: "{α : Type u_1} → [Lean.Grind.Field.{u_1} α] → (t a b : α) → α", value: "fun {α : Type u} [inst : Lean.Grind.Field.{u} α] (t a b : α) => @Fixd.lerp.{u} α inst t a b" },
  "Fixd.lerp": { type: "{α : Type u_1} → [Lean.Grind.Field.{u_1} α] → (t a b : α) → α", value: "fun {α : Type u} [inst : Lean.Grind.Field.{u} α] (t a b : α) => a" },
  "Fixd.unrelated": { type: "Nat", value: "3" },
};
const keyWith = (exported?: Record<string, { type: string; value?: string }>) => new KeyBuilder(lib, harness, exported).key(selected[0]!, { seed: 1 }).key;

describe("numeric record keys and the export", () => {
  it("change with the statement's elaborated type", () => {
    expect(keyWith(base)).not.toBe(keyWith({ ...base, "Fixd.blend_self": { type: base["Fixd.blend_self"].type.replace("t a a) a", "t a a) t") } }));
  });

  it("change with the body of a definition used through another one (a derived meaning)", () => {
    expect(keyWith(base)).not.toBe(keyWith({ ...base, "Fixd.lerp": { ...base["Fixd.lerp"], value: base["Fixd.lerp"].value.replace("=> a", "=> b") } }));
  });

  it("do not change with an exported declaration the statement does not use", () => {
    expect(keyWith(base)).toBe(keyWith({ ...base, "Fixd.unrelated": { type: "Nat", value: "4" } }));
  });

  it("differ between a run with an export and one without", () => {
    expect(keyWith(base)).not.toBe(keyWith(undefined));
  });
});
