/**
 * Which declarations the numeric harness checks (`selectDeclarations`), and the exact round trip
 * of a stored counterexample (`serializeEnv` / `deserializeEnv`).
 */
import { describe, expect, it } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import type { VariableSpec } from "../../src/runner/property.js";
import { deserializeEnv, serializeEnv } from "../../src/runner/replay.js";
import { Runtime, type V } from "../../src/runner/runtime.js";
import { selectDeclarations } from "../../src/runner/select.js";
import type { Claim, ClaimDeclaration } from "../../src/spec/types.js";

const SRC = [
  "namespace Sym",
  "variable {α : Type} [Lean.Grind.Field α] [LT α]",
  "/-- X1.1: a theorem. -/",
  "theorem thm (t : α) : t + 0 = t := sorry",
  "/-- X1.2: a conjecture, a closed proposition. -/",
  "def Conj : Prop := ∀ t : Nat, t + 0 = t",
  "/-- X1.3: a predicate (value binder), so a definition. -/",
  "def Pred (t : α) : Prop := t = t",
  "/-- D1.1: a Prop tagged with a definition claim. -/",
  "def DefProp : Prop := ∀ t : Nat, t = t",
  "structure Hyp (σ : α → α) : Prop where",
  "  zero : σ 0 = 0",
  "  pos : ∀ t : α, 0 < t → 0 < σ t",
  "theorem untagged (t : α) : t = t := sorry",
  "/-- X1.4: a lemma. -/",
  "theorem lem (t : α) : t * 1 = t := sorry",
  "end Sym",
].join("\n");
const lib = scanLibrary([{ file: "lean/Sym/Sel.lean", text: SRC }]);

function claim(id: string, kind: Claim["kind"], declarations: ClaimDeclaration[]): Claim {
  return { id, section: "3.1", kind, title: "t", paraphrase: "p", truth: "true", declarations, dependsOn: [], expected: "proved" };
}
const pick = (r: ReturnType<typeof selectDeclarations>) => r.selected.map((s) => [s.decl.name, s.claimId, s.conjecture, s.role ?? null]);

describe("selectDeclarations", () => {
  it("without a registry: every tagged theorem and closed proposition, in source order, never predicates or definition claims' props", () => {
    expect(pick(selectDeclarations(lib, undefined))).toEqual([
      ["Sym.thm", "X1.1", false, null],
      ["Sym.Conj", "X1.2", false, null],
      ["Sym.DefProp", "D1.1", false, null],
      ["Sym.lem", "X1.4", false, null],
    ]);
  });
  it("with a registry: the listed statement-like roles, the literal conjecture with the larger run count", () => {
    const r = selectDeclarations(lib, {
      claims: [
        claim("X1.2", "conjecture", [{ name: "Sym.Conj", role: "statement" }, { name: "Sym.lem", role: "proof" }]),
        claim("D1.1", "definition", [{ name: "Sym.DefProp", role: "definition" }, { name: "Sym.Pred", role: "definition" }]),
      ],
    });
    expect(pick(r)).toEqual([
      ["Sym.thm", "X1.1", false, null],
      ["Sym.Conj", "X1.2", true, "statement"],
      ["Sym.lem", "X1.2", false, "proof"],
    ]);
    expect(r.missing).toEqual([]);
  });
  it("honours numeric: false (even for a tagged theorem) and numeric: true over the role's default", () => {
    const r = selectDeclarations(lib, { claims: [claim("X1.1", "proposition", [{ name: "Sym.thm", role: "statement", numeric: false }, { name: "Sym.Pred", role: "definition", numeric: true }])] });
    expect(pick(r).map((x) => x[0])).toEqual(["Sym.Conj", "Sym.Pred", "Sym.DefProp", "Sym.lem"]);
  });
  it("checks a structure of hypotheses field by field, on the concrete function the registry names", () => {
    const r = selectDeclarations(lib, { claims: [claim("X1.5", "conjecture", [{ name: "Sym.Hyp", role: "hypothesis", instantiate: { σ: "Sym.sigmoid" } }])] });
    const hyp = r.selected.filter((s) => s.claimId === "X1.5");
    expect(hyp.map((s) => [s.decl.name, s.conjecture, s.concrete])).toEqual([
      ["Sym.Hyp.zero", false, { σ: "Sym.sigmoid" }],
      ["Sym.Hyp.pos", false, { σ: "Sym.sigmoid" }],
    ]);
  });
  it("reports the registry's declarations the library does not have", () => {
    expect(selectDeclarations(lib, { claims: [claim("X1.1", "proposition", [{ name: "Sym.gone", role: "statement" }, { name: "Sym.def_gone", role: "definition" }])] }).missing).toEqual([{ claimId: "X1.1", name: "Sym.gone" }]);
  });
  it("an empty instantiate object fixes nothing", () => {
    const r = selectDeclarations(lib, { claims: [claim("X1.1", "proposition", [{ name: "Sym.thm", role: "statement", instantiate: {} }])] });
    expect(r.selected.find((s) => s.decl.name === "Sym.thm")?.concrete).toBeUndefined();
  });
});

describe("serializeEnv / deserializeEnv", () => {
  const vars: VariableSpec[] = [
    { name: "n", key: "n_", type: { k: "nat" }, constraint: "none", lean: "Nat" },
    { name: "t", key: "t_", type: { k: "scalar" }, constraint: "none", lean: "α" },
    { name: "v", key: "v_", type: { k: "vec", n: "n" }, constraint: "none", lean: "Vec n α" },
    { name: "K", key: "K_", type: { k: "mat", m: "n", n: "n" }, constraint: "none", lean: "Mat n n α" },
    { name: "σ", key: "s_", type: { k: "activation" }, constraint: "none", lean: "α → α" },
  ];
  const data = { n: 2, t: "-3/4", v: ["1", "1/2"], K: [["0", "1"], ["2", "-1/3"]], σ: "<fn relu>" };

  it("replays an exact counterexample to the same serialized values", () => {
    const $ = new Runtime("exact", undefined);
    const env = deserializeEnv($, vars, data);
    expect(env).toBeDefined();
    expect(serializeEnv($.F as never, vars, env!)).toEqual(data);
  });
  it("keeps sizes as numbers in float mode, so a float counterexample replays", () => {
    const $ = new Runtime("float", undefined);
    const env = deserializeEnv($, vars, { ...data, t: "0.25", v: ["1", "0.5"], K: [["0", "1"], ["2", "-0.5"]] });
    const stored = serializeEnv($.F as never, vars, env!);
    expect(stored).toMatchObject({ n: 2 });
    const replayed = deserializeEnv($, vars, stored);
    expect(replayed).toBeDefined();
    expect(serializeEnv($.F as never, vars, replayed!)).toEqual(stored);
  });
  it("reads a size stored as a digit string", () => {
    expect(deserializeEnv(new Runtime("exact", undefined), vars, { ...data, n: "2" })?.["n_"]).toBe(2);
  });
  it("reads float counterexamples as numbers", () => {
    const $ = new Runtime("float", undefined);
    const env = deserializeEnv($, vars, { ...data, t: "0.25", v: [1, "2"] });
    expect(env?.["t_"]).toBe(0.25);
    expect(serializeEnv($.F as never, vars, env!)).toMatchObject({ n: 2, t: "0.25", v: ["1", "2"] });
  });
  it.each([
    ["not an object", null],
    ["a variable missing", { ...data, K: undefined }],
    ["a size that is not a number", { ...data, n: "two" }],
    ["a vector that is not an array", { ...data, v: "1" }],
    ["a matrix that is not an array", { ...data, K: 3 }],
    ["a scalar that is neither string nor number", { ...data, t: true }],
    ["an unknown activation", { ...data, σ: "<fn nope>" }],
    ["an activation that is not a string", { ...data, σ: 1 }],
  ])("refuses data that does not fit the variables: %s", (_why, bad) => {
    expect(deserializeEnv(new Runtime("exact", undefined), vars, bad)).toBeUndefined();
  });
  it("refuses a variable of a type it cannot replay", () => {
    const list: VariableSpec = { name: "ws", key: "ws_", type: { k: "list" } as never, constraint: "none", lean: "List Nat" };
    expect(deserializeEnv(new Runtime("exact", undefined), [list], { ws: [1] })).toBeUndefined();
  });
  it("leaves out variables the environment does not have", () => {
    const $ = new Runtime("exact", undefined);
    expect(serializeEnv($.F as never, vars, { n_: 3 as unknown as V })).toEqual({ n: 3 });
  });
});
