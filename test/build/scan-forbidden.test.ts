/**
 * The forbidden-construct scan: every construct the rules forbid is found in code, with its
 * position, and only in code (not in comments, strings or longer identifiers).
 */
import { describe, expect, it } from "vitest";
import { scanLean } from "../../src/build/scan.js";

describe("scanLean finds every forbidden construct", () => {
  it.each([
    ["axiom", "axiom bad : False"],
    ["sorry", "theorem t : False := sorry"],
    ["admit", "theorem t : False := by admit"],
    ["native_decide", "theorem t : 2 + 2 = 4 := by native_decide"],
    ["implemented_by", "@[implemented_by fast] def slow (n : Nat) : Nat := n"],
    ["extern", '@[extern "c_fn"] def f (n : Nat) : Nat := n'],
    ["unsafe", "unsafe def peek (n : Nat) : Nat := n"],
    ["opaque", "opaque secret : Nat"],
    ["partial", "partial def loop (n : Nat) : Nat := loop n"],
  ] as const)("`%s`, at its line and column", (construct, line) => {
    const r = scanLean(`module\n\n  ${line}\n`);
    expect(r.forbidden).toEqual([{ construct, line: 3, column: 3 + line.indexOf(construct), text: line }]);
  });

  it("reports an `@[extern]` opaque constant as both constructs, each at its column", () => {
    expect(scanLean('@[extern "c_fn"] opaque f : Nat → Nat').forbidden.map((f) => [f.construct, f.column])).toEqual([
      ["extern", 3],
      ["opaque", 18],
    ]);
  });

  it("finds several on one line, each with its column", () => {
    expect(scanLean("theorem t : False := by admit; sorry").forbidden.map((f) => [f.construct, f.column])).toEqual([
      ["admit", 25],
      ["sorry", 32],
    ]);
  });

  it("ignores the words inside identifiers, qualified names, comments and strings", () => {
    const src = [
      "theorem axiomatic : True := trivial",
      "def sorry_count : Nat := 0",
      "def x := Foo.sorry",
      "def my_admit' := 1",
      "-- axiom in a line comment",
      "/- sorry in a block comment -/",
      '/-- docstring: native_decide -/',
      'def s : String := "extern implemented_by"',
    ].join("\n");
    expect(scanLean(src).forbidden).toEqual([]);
  });

  it("keeps the whole source line (at most 160 characters) as the text", () => {
    const long = `theorem t : True := by sorry ${"-".repeat(200)}`;
    const [f] = scanLean(long).forbidden;
    expect(f?.text).toBe(long.slice(0, 160));
  });
});
