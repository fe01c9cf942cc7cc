/**
 * Statements planned from Lean's elaborated terms: exported `pp.all` types read back into the
 * statement fragment (binder types, instance binders, implicit arguments dropped by the
 * constants' binder information), compared with the source reading over the whole library.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDeclaration } from "../../src/codegen/index.js";
import { Delaborator, elaborateDeclaration, elaborateLibrary } from "../../src/export/delab.js";
import { registryFromExport } from "../../src/export/derive.js";
import { parseTerm } from "../../src/export/term.js";
import type { ExportFile, ExportedDeclaration } from "../../src/export/types.js";
import { printExpr, scanLibrary } from "../../src/parser/index.js";
import { readLibrary } from "../../src/runner/library.js";
import { selectDeclarations } from "../../src/runner/select.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { loadRegistry } from "../../src/spec/load.js";

const root = path.resolve(import.meta.dirname, "../..");

/** The instance chain Lean prints for `*` over a `Lean.Grind.Field`. */
const MUL = "(@instHMul.{0} α (@Lean.Grind.Semiring.toMul.{0} α (@Lean.Grind.CommSemiring.toSemiring.{0} α (@Lean.Grind.CommRing.toCommSemiring.{0} α (@Lean.Grind.Field.toCommRing.{0} α inst)))))";
const SOURCE = `namespace Sym

/-- X1: untyped binder. -/
theorem untyped_sq {α : Type} [Lean.Grind.Field α] {n : Nat} (d : Vec n α) (h : ∀ i, d i ≠ 0) : ∀ i, d i * d i = d i * d i := sorry

end Sym
`;
const decl = (name: string, type: string, extra: Partial<ExportedDeclaration> = {}): ExportedDeclaration => ({ name, kind: "theorem", type, universes: [], file: "lean/Sym/X.lean", line: 4, usesSorry: true, ...extra });
const ZERO = "(@OfNat.ofNat.{0} α 0 (@Zero.toOfNat0.{0} α (@Lean.Grind.AddCommMonoid.toZero.{0} α (@Lean.Grind.NatModule.toAddCommMonoid.{0} α (@Lean.Grind.Semiring.toNatModule.{0} α (@Lean.Grind.CommSemiring.toSemiring.{0} α (@Lean.Grind.CommRing.toCommSemiring.{0} α (@Lean.Grind.Field.toCommRing.{0} α inst))))))))";
const SQ = `@HMul.hMul.{0, 0, 0} α α α ${MUL} (d i) (d i)`;
const syntheticExport: ExportFile = {
  exportVersion: 1,
  generatedAt: "",
  inputHash: "",
  modules: [],
  seconds: 0,
  cached: false,
  declarations: {
    "Sym.untyped_sq": decl(
      "Sym.untyped_sq",
      `∀ {α : Type} [inst : Lean.Grind.Field.{0} α] {n : Nat} (d : Sym.Vec.{0} n α), (∀ (i : Fin n), @Ne.{1} α (d i) ${ZERO}) → ∀ (i : Fin n), @Eq.{1} α (${SQ}) (${SQ})`,
    ),
    "Sym.Vec": decl("Sym.Vec", "Nat → Type u_1 → Type u_1", { kind: "def", value: "fun (n : Nat) (α : Type u) => Fin n → α", usesSorry: false }),
  },
};

describe("reading an exported statement back into the fragment", () => {
  const lib = scanLibrary([{ file: "lean/Sym/X.lean", text: SOURCE }]);
  const d = lib.byName.get("Sym.untyped_sq")!;

  it("gives an untyped ∀ binder its elaborated type `Fin n` and keeps the hypothesis name", () => {
    const r = elaborateDeclaration(new Delaborator(syntheticExport.declarations), d, syntheticExport.declarations["Sym.untyped_sq"]!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.binders.map((b) => `${b.style}:${b.name}`)).toEqual(["implicit:α", "instance:inst", "implicit:n", "explicit:d", "explicit:h"]);
    expect(printExpr(r.value.binders[4]!.type!)).toBe("∀ (i : Fin n), d i ≠ 0");
    expect(printExpr(r.value.type)).toBe("∀ (i : Fin n), d i * d i = d i * d i");
  });

  it("plans the statement the source reading cannot (no type for `i`)", () => {
    const surface = planDeclaration(lib, defaultRegistry, d);
    expect(surface.diagnostics.map((x) => x.message).join(" ")).toMatch(/\bi\b/);
    const el = elaborateLibrary(lib, syntheticExport);
    const plan = planDeclaration(el.library, defaultRegistry, el.library.byName.get("Sym.untyped_sq")!);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.variables.map((v) => [v.name, v.type.k])).toEqual([["n", "nat"], ["d", "vec"], ["i", "fin"]]);
    expect(plan.premises.map((p) => [p.name, p.kind])).toEqual([["i_inhabited", "filter"], ["h", "contrapositive"]]);
    // Positions stay those of the source declaration.
    expect(el.library.byName.get("Sym.untyped_sq")!.line).toBe(4);
  });

  it("a term outside the fragment is a reason to keep the source reading, not a guess", () => {
    const bad = { ...syntheticExport.declarations["Sym.untyped_sq"]!, type: "∀ (n : Nat), @Nat.rec.{1} (fun (_ : Nat) => Prop) True (fun (k : Nat) (ih : Prop) => ih) n" };
    const r = elaborateDeclaration(new Delaborator(syntheticExport.declarations), d, bad);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason).toMatch(/Nat\.rec/);
    expect(parseTerm(bad.type).ok).toBe(true);
  });
});

const exportFile = path.join(root, "out", "export.json");
const exp: ExportFile | undefined = fs.existsSync(exportFile) ? (JSON.parse(fs.readFileSync(exportFile, "utf8")) as ExportFile) : undefined;

describe.skipIf(!exp)("the library's statements from its export (out/export.json)", () => {
  // The suite is still collected when skipped: without an export there is nothing to read.
  if (!exp) return;
  const lib = readLibrary(root);
  const el = elaborateLibrary(lib, exp);
  const claims = loadRegistry(path.join(root, "spec", "claims.json"), "spec/claims.json");
  const { selected } = selectDeclarations(lib, claims.ok ? claims.value : undefined);
  const { registry } = registryFromExport(exp);

  it("reads every checked statement from the export, and never plans worse than the source", () => {
    // Every checked declaration the export has (fields of a `structure … : Prop` are not
    // declarations of their own) is read from it.
    const exported = selected.filter((s) => exp!.declarations[s.decl.name] !== undefined);
    expect(exported.filter((s) => !el.fromExport.includes(s.decl.name)).map((s) => s.decl.name)).toEqual([]);
    expect(exported.length).toBeGreaterThanOrEqual(selected.length - 4);
    const worse: string[] = [];
    let better = 0;
    for (const s of selected) {
      const opts = s.concrete ? { concrete: s.concrete } : {};
      const a = planDeclaration(lib, registry, s.decl, opts);
      const b = planDeclaration(el.library, registry, el.library.byName.get(s.decl.name)!, opts);
      if (b.diagnostics.length > a.diagnostics.length) worse.push(`${s.decl.name}: ${b.diagnostics.map((x) => x.message).join("; ")}`);
      if (b.diagnostics.length < a.diagnostics.length) better++;
      // The same variables with the same types: Lean's binders are the source's.
      expect(b.variables.map((v) => [v.name, v.type]), s.decl.name).toEqual(a.variables.map((v) => [v.name, v.type]));
    }
    expect(worse).toEqual([]);
    // `Sym.hasDerivAt_actEncoder`/`actDecoder` name `actEncoder` without its namespace in the
    // source; Lean's term names the constant.
    expect(better).toBeGreaterThanOrEqual(2);
  });

  it("keeps hypothesis names and reads `GL` and instance binders from the elaborated type", () => {
    const d = el.library.byName.get("Sym.isPosMonomial_of_isPosDiag")!;
    const plan = planDeclaration(el.library, registry, d);
    expect(plan.premises.map((p) => [p.name, p.kind])).toEqual([["hK", "generated"]]);
    expect(plan.variables.find((v) => v.name === "K")).toMatchObject({ type: { k: "mat", m: "n", n: "n" }, constraint: "pred:Sym.IsPosDiag", lean: "Sym.GL n α" });
  });

  it("a `Perm n` binder is generated (as its permutation matrix)", () => {
    const d = el.library.byName.get("Sym.Perm.ext")!;
    const plan = planDeclaration(el.library, registry, d);
    expect(plan.variables.map((v) => [v.name, v.type.k])).toEqual([["n", "nat"], ["p", "perm"], ["q", "perm"]]);
  });
});
