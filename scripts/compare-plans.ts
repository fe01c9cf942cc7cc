/**
 * Plans every selected declaration twice, from the source text and from Lean's exported
 * elaborated terms, and prints where the two differ.
 */
import path from "node:path";
import { planDeclaration } from "../src/codegen/index.js";
import { elaborateLibrary } from "../src/export/delab.js";
import { readExport, registryWithExport } from "../src/export/derive.js";
import { readLibrary } from "../src/runner/library.js";
import { selectDeclarations } from "../src/runner/select.js";
import { loadRegistry } from "../src/spec/load.js";

const root = path.resolve(process.argv[2] ?? ".");
const lib = readLibrary(root);
const exp = readExport(root);
if (!exp) throw new Error("no out/export.json");
const el = elaborateLibrary(lib, exp);
const claims = loadRegistry(path.join(root, "spec", "claims.json"), "spec/claims.json");
const { selected } = selectDeclarations(lib, claims.ok ? claims.value : undefined);
const { registry } = registryWithExport(root);
let same = 0;
const diffs: string[] = [];
for (const s of selected) {
  const a = planDeclaration(lib, registry, s.decl, s.concrete ? { concrete: s.concrete } : {});
  const ed = el.library.byName.get(s.decl.name) ?? s.decl;
  const b = planDeclaration(el.library, registry, ed, s.concrete ? { concrete: s.concrete } : {});
  const key = (p: typeof a) => JSON.stringify({ v: p.variables.map((x) => [x.name, x.type, x.constraint]), pr: p.premises.map((x) => [x.kind, x.holds ?? x.violated]), c: p.conclusion, as: p.assignments, m: p.mode, d: p.diagnostics.map((x) => x.message) });
  if (key(a) === key(b)) same++;
  else diffs.push(`${s.decl.name}: surface ${a.diagnostics.length} diag, export ${b.diagnostics.length} diag\n  S vars ${JSON.stringify(a.variables.map((x) => [x.name, x.type, x.constraint]))}\n  E vars ${JSON.stringify(b.variables.map((x) => [x.name, x.type, x.constraint]))}\n  S diag ${a.diagnostics.map((x) => x.message).join(" | ")}\n  E diag ${b.diagnostics.map((x) => x.message).join(" | ")}\n  S concl ${JSON.stringify(a.conclusion).slice(0, 400)}\n  E concl ${JSON.stringify(b.conclusion).slice(0, 400)}`);
}
console.log(`selected ${selected.length}, identical plans ${same}; from export ${el.fromExport.length}, surface ${el.surface.length}`);
const reasons = new Map<string, number>();
for (const s of el.surface) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
console.log([...reasons].map(([r, n]) => `${n} × ${r}`).join("\n"));
console.log(diffs.join("\n"));
const only = process.env.SHOW;
if (only) {
  const s = selected.find((x) => x.decl.name === only)!;
  const a = planDeclaration(lib, registry, s.decl, s.concrete ? { concrete: s.concrete } : {});
  const b = planDeclaration(el.library, registry, el.library.byName.get(only)!, s.concrete ? { concrete: s.concrete } : {});
  const { emitModule } = await import("../src/codegen/index.js");
  console.log("=== SURFACE\n" + emitModule(a, "x.ts") + "\n=== EXPORT\n" + emitModule(b, "x.ts"));
}
