import { describe, expect, it } from "vitest";
import type { DeclarationRecord } from "../../src/build/types.js";
import { claimDefinitions } from "../../src/report/build.js";
import { meaningHash } from "../../src/report/fingerprint.js";

/** A hand-built declaration record: `uses` are the constants its statement or body mentions. */
function rec(name: string, kind: DeclarationRecord["kind"], uses: string[], body?: string): DeclarationRecord {
  return { name, kind, file: "lean/Sym/X.lean", line: 1, endLine: 1, statement: `${name} : Prop`, ...(body !== undefined ? { body } : {}), uses } as DeclarationRecord;
}

const range = { file: "spec/fingerprints.json", line: 2, column: 5, endLine: 2, endColumn: 20 };

describe("the definitions a claim uses (claimDefinitions)", () => {
  // thmA reaches Sym.x through Sym.y and Sym.z; thmB mentions Sym.x directly.
  const lib = [
    rec("Sym.thmA", "theorem", ["Sym.y"]),
    rec("Sym.thmB", "theorem", ["Sym.x"]),
    rec("Sym.thmC", "theorem", ["Sym.x"]),
    rec("Sym.y", "def", ["Sym.z"], ":= Sym.z"),
    rec("Sym.z", "def", ["Sym.x"], ":= Sym.x"),
    rec("Sym.x", "def", [], ":= 1"),
  ];
  const byName = new Map(lib.map((d) => [d.name, d]));

  it("keeps the shortest chain when a later declaration reaches a definition by a shorter one", () => {
    const x = claimDefinitions(["Sym.thmA", "Sym.thmB"], byName, undefined).find((u) => u.name === "Sym.x")!;
    expect(x.chain).toEqual(["Sym.thmB", "Sym.x"]);
  });

  it("keeps the first declaration's chain when a later one is longer or of the same length", () => {
    const x = claimDefinitions(["Sym.thmB", "Sym.thmA"], byName, undefined).find((u) => u.name === "Sym.x")!;
    expect(x.chain).toEqual(["Sym.thmB", "Sym.x"]);
    const tie = claimDefinitions(["Sym.thmC", "Sym.thmB"], byName, undefined).find((u) => u.name === "Sym.x")!;
    expect(tie.chain).toEqual(["Sym.thmC", "Sym.x"]);
  });

  it("lists the definitions sorted by name, each once, and leaves out the declarations the claim lists", () => {
    const uses = claimDefinitions(["Sym.thmA", "Sym.thmB"], byName, undefined);
    expect(uses.map((u) => u.name)).toEqual(["Sym.x", "Sym.y", "Sym.z"]);
    expect(claimDefinitions(["Sym.thmA", "Sym.y"], byName, undefined).map((u) => u.name)).toEqual(["Sym.x", "Sym.z"]);
  });

  it("marks a definition unpinned (no pinned hash), matching, or changed (with the pinned hash)", () => {
    const hx = meaningHash(byName.get("Sym.x")!);
    const pins = { file: "spec/fingerprints.json", pins: new Map([["Sym.x", { hash: hx, range }], ["Sym.z", { hash: "0000000000000000", range }]]) };
    const uses = new Map(claimDefinitions(["Sym.thmA"], byName, pins).map((u) => [u.name, u]));
    expect(uses.get("Sym.x")).toEqual({ name: "Sym.x", hash: hx, pinnedHash: hx, fingerprint: "match", chain: ["Sym.thmA", "Sym.y", "Sym.z", "Sym.x"] });
    expect(uses.get("Sym.z")).toMatchObject({ fingerprint: "changed", pinnedHash: "0000000000000000", hash: meaningHash(byName.get("Sym.z")!) });
    expect(uses.get("Sym.y")!.fingerprint).toBe("unpinned");
    expect("pinnedHash" in uses.get("Sym.y")!).toBe(false);
  });

  it("follows definitions only: a theorem a definition mentions is not listed", () => {
    const lib2 = new Map([rec("Sym.t", "theorem", ["Sym.d"]), rec("Sym.d", "def", ["Sym.lemma"], ":= 0"), rec("Sym.lemma", "theorem", [])].map((d) => [d.name, d]));
    expect(claimDefinitions(["Sym.t"], lib2, undefined).map((u) => u.name)).toEqual(["Sym.d"]);
  });
});
