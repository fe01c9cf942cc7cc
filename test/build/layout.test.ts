/** File names of the Lean library and the module names they stand for. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { moduleNameOf, oleanPathFor } from "../../src/build/layout.js";

describe("moduleNameOf", () => {
  it("maps a path below the source root to its dotted module name", () => {
    expect(moduleNameOf("Sym/Group/Perm.lean")).toBe("Sym.Group.Perm");
  });

  it("reads a Windows path with backslashes as the same module", () => {
    expect(moduleNameOf("Sym\\Group\\Perm.lean")).toBe("Sym.Group.Perm");
  });

  it("drops only the trailing .lean extension, not a .lean inside a folder name", () => {
    expect(moduleNameOf("Sym/Old.lean/Perm.lean")).toBe("Sym.Old.lean.Perm");
  });
});

describe("oleanPathFor", () => {
  it("puts a module's .olean under .cache/olean, one folder per name component", () => {
    expect(oleanPathFor("/p", "Sym.Group.Perm")).toBe(path.join("/p", ".cache", "olean", "Sym", "Group", "Perm.olean"));
  });
});
