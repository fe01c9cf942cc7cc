/** Discovering the library's modules on disk: which files count, their names, their order. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverModules, projectImports, TOOLCHAIN_ROOTS, type ModuleSource } from "../../src/build/graph.js";

let root: string;
const write = (rel: string, text: string) => {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "symcheck-discover-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("discoverModules", () => {
  it("finds every .lean file below the source folder, walking each folder's entries in name order", () => {
    write("lean/Sym/Zeta.lean", "import Sym.Alpha\n");
    write("lean/Sym/Alpha.lean", "");
    write("lean/Sym/Group/Perm.lean", "module\npublic import Sym.Zeta Init\n");
    write("lean/Sym.lean", "import Sym.Group.Perm\n");
    const ms = discoverModules(root, "lean");
    expect(ms.map((m) => m.name)).toEqual(["Sym.Alpha", "Sym.Group.Perm", "Sym.Zeta", "Sym"]);
    expect(ms.map((m) => m.file)).toEqual([path.join("lean", "Sym", "Alpha.lean"), path.join("lean", "Sym", "Group", "Perm.lean"), path.join("lean", "Sym", "Zeta.lean"), path.join("lean", "Sym.lean")]);
  });

  it("sorts names as text, not as bytes (a lower-case name before a capital that follows it)", () => {
    write("lean/Sym/beta.lean", "");
    write("lean/Sym/Alpha.lean", "");
    write("lean/Sym/Gamma.lean", "");
    expect(discoverModules(root, "lean").map((m) => m.name)).toEqual(["Sym.Alpha", "Sym.beta", "Sym.Gamma"]);
  });

  it("keeps each file's text and reads its imports", () => {
    write("lean/Sym/Group/Perm.lean", "module\npublic import Sym.Zeta Init\n");
    const [m] = discoverModules(root, "lean");
    expect(m!.text).toBe("module\npublic import Sym.Zeta Init\n");
    expect(m!.imports).toEqual([
      { module: "Sym.Zeta", line: 2, column: 15 },
      { module: "Init", line: 2, column: 24 },
    ]);
  });

  it("skips files that are not Lean sources and folders named like one", () => {
    write("lean/Sym/A.lean", "");
    write("lean/Sym/notes.md", "# notes\n");
    write("lean/Sym/A.lean.orig", "");
    write("lean/Sym/Dir.lean/B.lean", "");
    expect(discoverModules(root, "lean").map((m) => m.name)).toEqual(["Sym.A", "Sym.Dir.lean.B"]);
  });
});

describe("projectImports", () => {
  it("drops the toolchain's imports (Init, Std, Lean, Lake and their submodules), keeps the project's", () => {
    const m: ModuleSource = {
      name: "Sym.A",
      file: "lean/Sym/A.lean",
      text: "",
      imports: ["Init", "Std.Data", "Lean.Elab", "Lake", "Sym.B", "Initial", "Mathlib.Foo"].map((module, k) => ({ module, line: k + 1, column: 8 })),
    };
    expect(projectImports(m).map((i) => i.module)).toEqual(["Sym.B", "Initial", "Mathlib.Foo"]);
    expect([...TOOLCHAIN_ROOTS].sort()).toEqual(["Init", "Lake", "Lean", "Std"]);
  });
});
