/**
 * The registry's `instantiate` fields checked against the library, in process (the command-line
 * test in `test/cli/check-input.test.ts` runs `npm run check` in a child process): a binder the
 * statement does not bind is SPEC027 at the key, an unknown constant SPEC026 at the value.
 */
import { describe, expect, it } from "vitest";
import { checkInstantiate, type InstantiateContext } from "../../src/spec/instantiate.js";
import { parseRegistry } from "../../src/spec/load.js";

/** A registry with one claim whose declarations carry the given `instantiate` maps, one member per line. */
function registry(decls: { name: string; instantiate?: Record<string, string> }[]): string {
  const claim = { id: "R3.10a", section: "3.1", kind: "remark", title: "t", paraphrase: "p", truth: "true", declarations: decls.map((d) => ({ role: "statement", ...d })), dependsOn: [], expected: "proved" };
  return JSON.stringify({ claims: [claim] }, null, 2);
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const ctx = (binders: Record<string, readonly string[] | undefined>, constants: string[], text?: string): InstantiateContext => ({
  bindersOf: (name) => binders[name],
  isConstant: (name) => constants.includes(name),
  ...(text !== undefined ? { text } : {}),
});

function check(text: string, c: InstantiateContext) {
  const r = parseRegistry(text, "claims.json");
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return checkInstantiate(r.value, r.positions, c);
}

describe("checkInstantiate", () => {
  it("accepts a binder the statement binds, set to a known constant, and ignores declarations without instantiate", () => {
    const text = registry([{ name: "Sym.a", instantiate: { σ: "Sym.sigmoid" } }, { name: "Sym.b" }]);
    expect(check(text, ctx({ "Sym.a": ["α", "σ"], "Sym.b": [] }, ["Sym.sigmoid"], text))).toEqual([]);
  });

  it("reports a binder the statement does not bind as SPEC027 at the key, naming the binders it has (not `_`), with the source line", () => {
    const text = registry([{ name: "Sym.a" }, { name: "Sym.SigmoidAtZero", instantiate: { τ: "Sym.sigmoid" } }]);
    const [d, ...rest] = check(text, ctx({ "Sym.SigmoidAtZero": ["α", "_", "σ"] }, ["Sym.sigmoid"], text));
    expect(rest).toEqual([]);
    const key = at(text, '"τ"');
    expect(d).toMatchObject({
      code: "SPEC027",
      severity: "error",
      entry: "R3.10a",
      field: "declarations[1].instantiate.τ",
      message: 'claim "R3.10a", field "declarations[1].instantiate.τ": `Sym.SigmoidAtZero` has no binder `τ` (its binders are `α`, `σ`)',
      range: { file: "claims.json", line: key.line, column: key.column },
      sourceLine: text.split("\n")[key.line - 1],
    });
  });

  it("says a statement binds no named variable when it has none", () => {
    const text = registry([{ name: "Sym.a", instantiate: { σ: "Sym.sigmoid" } }]);
    expect(check(text, ctx({ "Sym.a": ["_"] }, ["Sym.sigmoid"])).map((d) => d.message)).toEqual([
      'claim "R3.10a", field "declarations[0].instantiate.σ": `Sym.a` has no binder `σ` (it binds no named variable)',
    ]);
  });

  it("reports an unknown constant as SPEC026 at the value, and both problems of one entry", () => {
    const text = registry([{ name: "Sym.a", instantiate: { τ: "Sym.sigmoidd" } }]);
    const ds = check(text, ctx({ "Sym.a": ["σ"] }, ["Sym.sigmoid"], text));
    expect(ds.map((d) => d.code)).toEqual(["SPEC027", "SPEC026"]);
    const value = at(text, '"Sym.sigmoidd"');
    expect(ds[1]).toMatchObject({
      field: "declarations[0].instantiate.τ",
      message: 'claim "R3.10a", field "declarations[0].instantiate.τ": `Sym.sigmoidd` is neither a declaration of the Lean library nor a name with a numeric meaning',
      range: { line: value.line, column: value.column },
    });
  });

  it("checks only the constant when the library does not know the declaration", () => {
    const text = registry([{ name: "Sym.gone", instantiate: { σ: "Sym.x" } }]);
    expect(check(text, ctx({}, ["Sym.x"]))).toEqual([]);
    expect(check(text, ctx({}, [])).map((d) => d.code)).toEqual(["SPEC026"]);
  });

  it("gives no source line without the registry's text, and strips a carriage return from it", () => {
    const text = registry([{ name: "Sym.a", instantiate: { σ: "Sym.x" } }]);
    expect(check(text, ctx({ "Sym.a": [] }, []))[0]).not.toHaveProperty("sourceLine");
    const crlf = text.replace(/\n/g, "\r\n");
    const d = check(crlf, ctx({ "Sym.a": [] }, [], crlf))[0]!;
    expect(d.sourceLine).toBe(text.split("\n")[d.range.line - 1]);
  });

  it("falls back to the claim's position, then to the file's first line, when positions are missing", () => {
    const text = registry([{ name: "Sym.a", instantiate: { σ: "Sym.x" } }]);
    const r = parseRegistry(text, "claims.json");
    if (!r.ok) throw new Error("invalid");
    const claimPos = r.positions.claims.get("R3.10a")!;
    const noDecl = { file: "claims.json", claims: new Map([["R3.10a", { ...claimPos, declarations: [] }]]) };
    const [d1] = checkInstantiate(r.value, noDecl, ctx({ "Sym.a": [] }, ["Sym.x"]));
    expect(d1).toMatchObject({ field: "declarations.instantiate.σ", range: claimPos.range });
    const none = { file: "claims.json", claims: new Map() };
    const [d2] = checkInstantiate(r.value, none, ctx({ "Sym.a": [] }, ["Sym.x"]));
    expect(d2!.range).toEqual({ file: "claims.json", line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
