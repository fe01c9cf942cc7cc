import { describe, expect, it } from "vitest";
import { buildOrder, parseImports, type ModuleSource } from "../../src/build/graph.js";

function mod(name: string, imports: string[]): ModuleSource {
  const text = ["module", "", ...imports.map((i) => `public import ${i}`), "", "/-! doc -/"].join("\n");
  return { name, file: `lean/${name.replace(/\./g, "/")}.lean`, text, imports: parseImports(text) };
}

describe("parseImports", () => {
  it("reads the header's imports with 1-based positions, skipping comments", () => {
    const text = "module\n-- a comment\n/- block\n import Nope -/\npublic import Sym.A Sym.B\nimport Init\n\n/-! # T -/\nimport Late\n";
    expect(parseImports(text)).toEqual([
      { module: "Sym.A", line: 5, column: 15 },
      { module: "Sym.B", line: 5, column: 21 },
      { module: "Init", line: 6, column: 8 },
    ]);
  });
  it("stops at the first command that is not an import", () => {
    expect(parseImports("import A\ndef x := 1\nimport B\n").map((i) => i.module)).toEqual(["A"]);
  });
});

describe("buildOrder", () => {
  it("puts every module after its imports, deterministically", () => {
    const r = buildOrder([mod("Sym.C", ["Sym.B", "Init"]), mod("Sym.A", []), mod("Sym.B", ["Sym.A"]), mod("Sym.D", ["Sym.A"])]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.order.map((m) => m.name)).toEqual(["Sym.A", "Sym.B", "Sym.C", "Sym.D"]);
  });
  it("visits a module's imports in name order, whatever order the file lists them in", () => {
    const r = buildOrder([mod("Sym.A", ["Sym.Z", "Sym.Y"]), mod("Sym.Y", []), mod("Sym.Z", [])]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.order.map((m) => m.name)).toEqual(["Sym.Y", "Sym.Z", "Sym.A"]);
  });
  it("orders independent modules by name, whatever order they are given in, each once", () => {
    const r = buildOrder([mod("Sym.C", []), mod("Sym.B", []), mod("Sym.A", ["Sym.D"]), mod("Sym.D", [])]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.order.map((m) => m.name)).toEqual(["Sym.D", "Sym.A", "Sym.B", "Sym.C"]);
  });
  it("reports a cycle with the files involved", () => {
    const r = buildOrder([mod("Sym.A", ["Sym.C"]), mod("Sym.B", ["Sym.A"]), mod("Sym.C", ["Sym.B"])]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.code).toBe("SYM502");
      expect(r.problems[0]!.message).toBe("import cycle: lean/Sym/A.lean → lean/Sym/C.lean → lean/Sym/B.lean → lean/Sym/A.lean");
    }
  });
  it("reports an import of a missing project module with its position", () => {
    const r = buildOrder([mod("Sym.A", ["Init", "Sym.Missing"])]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({ code: "SYM501", file: "lean/Sym/A.lean", line: 4, column: 15 });
      expect(r.problems[0]!.message).toBe("lean/Sym/A.lean:4:15: imports `Sym.Missing`, which is neither a module of the library nor of the toolchain");
    }
  });
});
