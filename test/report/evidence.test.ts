import { describe, expect, it } from "vitest";
import type { ProofsFile } from "../../src/build/types.js";
import { assessDeclaration, importClosure, indexProofs } from "../../src/report/evidence.js";

function proofs(mods: { name: string; status: "built" | "cached" | "failed" | "skipped"; imports?: string[]; reason?: string }[], forbidden: ProofsFile["forbidden"] = []): ProofsFile {
  return {
    generatedAt: "2026-11-27T05:00:00.000Z",
    toolchain: { kind: "wasm", leanVersion: "4", package: "p", integrity: "i" },
    modules: mods.map((m) => ({ name: m.name, file: `lean/${m.name.replace(/\./g, "/")}.lean`, status: m.status, seconds: 1, messages: [], imports: m.imports ?? [], ...(m.reason ? { reason: m.reason } : {}) })),
    declarations: mods.map((m, k) => ({ name: `${m.name}.t`, kind: "theorem", file: `lean/${m.name.replace(/\./g, "/")}.lean`, line: k + 1, endLine: k + 1, statement: ": True", usesSorry: false, module: m.name })),
    forbidden,
    summary: { modules: mods.length, built: 0, cached: 0, failed: 0, skipped: 0, seconds: 0 },
  };
}

describe("assessDeclaration", () => {
  it("names the failed import as the cause, not the modules skipped because of it", () => {
    const p = proofs([
      { name: "Sym.A", status: "failed", reason: "Lean exited with code 1: first line\nsecond line" },
      { name: "Sym.B", status: "skipped", imports: ["Sym.A"], reason: "not attempted: imports Sym.A, which did not build" },
      { name: "Sym.C", status: "skipped", imports: ["Sym.B"], reason: "not attempted: imports Sym.B, which did not build" },
    ]);
    const ev = assessDeclaration({ name: "Sym.C.t", role: "statement" }, indexProofs(p));
    expect(ev.problems).toEqual(["module Sym.C was not built (not attempted: imports Sym.B, which did not build)", "imported: module Sym.A failed to build (Lean exited with code 1: first line)"]);
    expect(ev.ok).toBe(false);
  });

  it("accepts cached modules and follows imports transitively", () => {
    const p = proofs([
      { name: "Sym.A", status: "cached" },
      { name: "Sym.B", status: "built", imports: ["Sym.A"] },
    ]);
    const index = indexProofs(p);
    expect(importClosure(index, "Sym.B").sort()).toEqual(["Sym.A", "Sym.B"]);
    expect(assessDeclaration({ name: "Sym.B.t", role: "statement" }, index)).toMatchObject({ ok: true, isTheorem: true, fingerprint: "unpinned", moduleStatus: "built" });
  });

  it("flags a forbidden construct in an imported file", () => {
    const p = proofs([{ name: "Sym.A", status: "built" }, { name: "Sym.B", status: "built", imports: ["Sym.A"] }], [{ construct: "axiom", file: "lean/Sym/A.lean", line: 3, column: 1, text: "axiom x : False" }]);
    expect(assessDeclaration({ name: "Sym.B.t", role: "statement" }, indexProofs(p)).problems).toEqual(["imported: forbidden `axiom` at lean/Sym/A.lean:3:1"]);
  });
});
