/** Reading a Lean file's imports, and the project imports that order the build. */
import { describe, expect, it } from "vitest";
import { buildOrder, parseImports, projectImports, transitiveImports, type ModuleSource } from "../../src/build/graph.js";

const names = (text: string) => parseImports(text).map((i) => i.module);

describe("parseImports", () => {
  it("reads private, meta and plain imports after module or prelude, on CRLF lines", () => {
    expect(names("prelude\r\nprivate import A\r\nmeta import B.C\r\npublic meta import D\r\nimport E F\r\n")).toEqual(["A", "B.C", "D", "E", "F"]);
  });
  it("skips a block comment spanning lines, nested comments and trailing line comments", () => {
    expect(names("module\n/- a\n /- nested -/\nimport Hidden -/\nimport A -- import B\n")).toEqual(["A"]);
  });
  it("ends the header at a docstring or module doc", () => {
    expect(names("import A\n/-- doc -/\nimport B")).toEqual(["A"]);
    expect(names("import A\n/-! # Title -/\nimport B")).toEqual(["A"]);
  });
  it("gives the column of each name on a line with several", () => {
    expect(parseImports("import  A.B   C").map((i) => [i.module, i.line, i.column])).toEqual([
      ["A.B", 1, 9],
      ["C", 1, 15],
    ]);
  });
  it("finds no import in a file that starts with code", () => {
    expect(names("def x := 1\nimport A")).toEqual([]);
  });
});

const mod = (name: string, imports: string[]): ModuleSource => {
  const text = imports.map((i) => `import ${i}`).join("\n");
  return { name, file: `lean/${name}.lean`, text, imports: parseImports(text) };
};

describe("project imports", () => {
  it("drop the toolchain's modules (Init, Std, Lean, Lake) but not look-alikes", () => {
    expect(projectImports(mod("Sym.A", ["Init", "Std.Data", "Lean.Grind", "Lake", "Initial.X", "Sym.B"])).map((i) => i.module)).toEqual(["Initial.X", "Sym.B"]);
  });
  it("transitiveImports follows every path once", () => {
    const ms = [mod("A", ["B", "C"]), mod("B", ["D"]), mod("C", ["D", "Init"]), mod("D", [])];
    expect([...transitiveImports("A", new Map(ms.map((m) => [m.name, m])))].sort()).toEqual(["B", "C", "D"]);
    expect([...transitiveImports("D", new Map(ms.map((m) => [m.name, m])))]).toEqual([]);
  });
  it("a cycle reached from two places is reported once, and a self-import is a cycle", () => {
    const r = buildOrder([mod("A", ["B"]), mod("B", ["A"]), mod("C", ["A", "B"]), mod("S", ["S"])]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(["import cycle: lean/A.lean → lean/B.lean → lean/A.lean", "import cycle: lean/S.lean → lean/S.lean"]);
  });
});
