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
  it("ends the header at a line that only contains `import` after other words", () => {
    expect(names("x import A\nimport B")).toEqual([]);
  });
  it("reads modifiers and `import` separated by several blanks", () => {
    expect(names("public  import A\nprivate  import B\nmeta  import C\npublic meta\timport D")).toEqual(["A", "B", "C", "D"]);
  });
  it("reads a doc comment opened inside a block comment as part of the comment, not as the end of the header", () => {
    expect(names("/- outer\n/-- inner doc -/\n-/\nimport A")).toEqual(["A"]);
    expect(names("/- a -/ /-- doc -/\nimport A")).toEqual([]);
  });
  it("ends the header at an indented doc comment, and keeps an import whose line ends in one", () => {
    expect(names("import A\n   /-- doc -/\nimport B")).toEqual(["A"]);
    expect(names("import A /-- doc -/")).toEqual(["A"]);
  });
  it("keeps the columns of names that follow a block comment on the same line", () => {
    expect(parseImports("/- c -/ import A /- x -/ B").map((i) => [i.module, i.column])).toEqual([
      ["A", 16],
      ["B", 26],
    ]);
    expect(parseImports("/- a /- b -/ c -/import A").map((i) => i.column)).toEqual([25]);
  });
  it("gives each name its own column when an earlier name contains it", () => {
    expect(parseImports("import Sym.AB Sym.A").map((i) => [i.module, i.column])).toEqual([
      ["Sym.AB", 8],
      ["Sym.A", 15],
    ]);
  });
  it("drops no name and reads none twice when names are separated by tabs and runs of blanks", () => {
    expect(parseImports("import A \t B").map((i) => [i.module, i.column])).toEqual([
      ["A", 8],
      ["B", 12],
    ]);
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
  it("transitiveImports ends on an import cycle and names every module on it", () => {
    const ms = [mod("A", ["B"]), mod("B", ["C"]), mod("C", ["B"])];
    expect([...transitiveImports("A", new Map(ms.map((m) => [m.name, m])))].sort()).toEqual(["B", "C"]);
  });
  it("a cycle imported twice by the same module is reported once", () => {
    const r = buildOrder([mod("A", ["B"]), { ...mod("B", ["A", "A"]) }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(["import cycle: lean/A.lean → lean/B.lean → lean/A.lean"]);
  });
  it("a cycle names only the modules on it, not an importer that leads to it or an import finished before", () => {
    const r = buildOrder([mod("A", ["C", "B"]), mod("B", []), mod("C", ["D"]), mod("D", ["C"]), mod("E", ["A"])]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(["import cycle: lean/C.lean → lean/D.lean → lean/C.lean"]);
    const r2 = buildOrder([mod("A", ["C", "B"]), mod("B", []), mod("C", ["A"])]);
    if (!r2.ok) expect(r2.problems.map((p) => p.message)).toEqual(["import cycle: lean/A.lean → lean/C.lean → lean/A.lean"]);
    expect(r2.ok).toBe(false);
  });
  it("two cycles through the same module are both reported, also when their names run together alike", () => {
    const r = buildOrder([mod("A", ["B", "C"]), mod("B", ["A"]), mod("C", ["A"])]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(["import cycle: lean/A.lean → lean/B.lean → lean/A.lean", "import cycle: lean/A.lean → lean/C.lean → lean/A.lean"]);
    const r2 = buildOrder([mod("AB", ["C"]), mod("C", ["AB"]), mod("A", ["BC"]), mod("BC", ["A"])]);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems).toHaveLength(2);
  });
  it("a cycle is reported at the import that closes it", () => {
    const r = buildOrder([mod("A", ["B"]), mod("B", ["X", "A"]), mod("X", [])]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: "SYM502", file: "lean/B.lean", line: 2, column: 8 });
  });
  it("a cycle reached from two places is reported once, and a self-import is a cycle", () => {
    const r = buildOrder([mod("A", ["B"]), mod("B", ["A"]), mod("C", ["A", "B"]), mod("S", ["S"])]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(["import cycle: lean/A.lean → lean/B.lean → lean/A.lean", "import cycle: lean/S.lean → lean/S.lean"]);
  });
});
