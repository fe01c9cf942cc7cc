import { readLibrary } from "./src/runner/library.js";
import { selectDeclarations } from "./src/runner/select.js";
import { planDeclaration } from "./src/codegen/index.js";
import { defaultRegistry } from "./src/semantics/builtins/index.js";
import { loadRegistry } from "./src/spec/load.js";
import { createHash } from "node:crypto";
const t0 = performance.now();
const lib = readLibrary(process.cwd());
const t1 = performance.now();
const reg = loadRegistry("spec/claims.json");
const { selected } = selectDeclarations(lib, reg.ok ? reg.value : undefined);
const t2 = performance.now();
let n = 0;
for (const s of selected) {
  const p = planDeclaration(lib, defaultRegistry, s.decl, s.concrete ? { concrete: s.concrete } : {});
  const h = createHash("sha256").update(JSON.stringify(p)).digest("hex");
  n += h.length;
}
const t3 = performance.now();
console.log(selected.length, (t1-t0).toFixed(0), (t2-t1).toFixed(0), (t3-t2).toFixed(0));
