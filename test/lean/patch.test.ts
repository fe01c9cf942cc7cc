import { describe, expect, it } from "vitest";
import { applyPatches, countOccurrences, LEAN_JS_PATCHES, slimExports, type SourcePatch } from "../../src/lean/patch.js";

const P: SourcePatch[] = [
  { name: "one", reason: "", find: "AAA", replace: "B" },
  { name: "two", reason: "", find: "CC", replace: "D" },
];

describe("applyPatches", () => {
  it("applies each patch when it matches exactly once", () => {
    expect(applyPatches("xAAAyCCz", P)).toEqual({ ok: true, text: "xByDz", applied: ["one", "two"] });
  });
  it("stops at a patch that matches zero times or more than once, naming it", () => {
    expect(applyPatches("xyCC", P)).toEqual({ ok: false, patch: "one", occurrences: 0 });
    expect(applyPatches("AAA CC CC", P)).toEqual({ ok: false, patch: "two", occurrences: 2 });
  });
  it("counts non-overlapping occurrences", () => {
    expect(countOccurrences("aaaa", "aa")).toBe(2);
  });
  it("the lean.js patches each target one distinct site", () => {
    const fake = LEAN_JS_PATCHES.map((p) => `..${p.find}..`).join("\n");
    const r = applyPatches(fake);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.text).toContain("new Map(");
      expect(r.text).toContain("var pthreadPoolSize=1;");
      expect(r.text).toContain("LEAN_WASM_MOUNTS");
      // stdin: the first byte of a read is waited for, then what has arrived is returned as bytes
      expect(r.text).toContain("FS_stdin_wait=bytesRead===0");
      expect(r.text).toContain("FS_stdin_getChar_buffer=Array.from(buf.subarray(0,n))");
      expect(r.text).not.toContain('toString("utf-8")');
    }
  });
  it("marks only the stdin and early-pool patches as not affecting what a compile produces", () => {
    expect(LEAN_JS_PATCHES.filter((p) => p.affectsOutput === false).map((p) => p.name)).toEqual(["stdin-bytes", "early-pool-load", "early-pool-wait"]);
  });
  it("posts the module to the pool once, early, and only without side modules", () => {
    const fake = LEAN_JS_PATCHES.map((p) => `..${p.find}..`).join("\n");
    const r = applyPatches(fake);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain(
      'if(!ENVIRONMENT_IS_PTHREAD&&!dynamicLibraries.length&&process.env["LEAN_WASM_EARLY_POOL"]!=="0"){wasmModule=module;PThread.symcheckEarlyLoad=PThread.loadWasmModuleToAllWorkers()}',
    );
    expect(r.text).toContain("var pthreadPoolReady=PThread.symcheckEarlyLoad||PThread.loadWasmModuleToAllWorkers();");
  });
});

/** A miniature of the package's export binding: the declaration, the binding function, a reader. */
const MINI =
  'var Module={};var wasmTable;var _main,_lean_main,_used,_unused,_g,__indirect_function_table;function assignWasmExports(wasmExports){' +
  '_main=Module["_main"]=wasmExports["__main_argc_argv"];_lean_main=Module["_lean_main"]=wasmExports["lean_main"];' +
  '_used=Module["_used"]=wasmExports["used"];_unused=Module["_unused"]=wasmExports["unused"];_g=Module["_g"]=wasmExports["g"].value;' +
  '__indirect_function_table=Module["__indirect_function_table"]=wasmTable=wasmExports["__indirect_function_table"]}' +
  'assignWasmExports(x);return {module:Module,used:_used(),g:_g,main:_main,table:wasmTable};';

describe("slimExports (the export-binding transform)", () => {
  const exportsObject = () => ({ __main_argc_argv: () => "main", lean_main: () => "lean", used: () => 42, unused: () => 0, g: { value: 7 }, __indirect_function_table: "T" });
  const run = (script: string) => new Function("x", script)(exportsObject()) as Record<string, unknown>;

  it("binds every Module property to the same value, in the same order, and keeps the variables the script reads", () => {
    const r = slimExports(MINI);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const before = run(MINI);
    const after = run(r.text);
    expect(Object.keys(after["module"] as object)).toEqual(Object.keys(before["module"] as object));
    expect(JSON.stringify(Object.entries(after["module"] as object).map(([k, v]) => [k, typeof v === "function" ? (v as () => unknown)() : v]))).toBe(
      JSON.stringify(Object.entries(before["module"] as object).map(([k, v]) => [k, typeof v === "function" ? (v as () => unknown)() : v])),
    );
    expect([after["used"], after["g"], after["table"], (after["main"] as () => string)()]).toEqual([42, 7, "T", "main"]);
    expect(r.exports).toBe(6);
    // the variable nothing reads is no longer declared; the ones read or bound explicitly are
    expect(r.keptBindings).toEqual(["_main", "_used", "_g", "__indirect_function_table"]);
    expect(r.text).not.toContain("_unused");
  });

  it("refuses a script of another shape instead of guessing", () => {
    expect(slimExports(MINI.replace("var _main,_lean_main,", "var _main,"))).toMatchObject({ ok: false, why: expect.stringContaining("occurs 0 times") });
    expect(slimExports(MINI.replace('_g=Module["_g"]=wasmExports["g"].value', "if(a){b()}"))).toMatchObject({ ok: false, why: "assignWasmExports holds a block" });
    expect(slimExports(MINI.replace('_g=Module["_g"]=wasmExports["g"].value', "_g=f()"))).toMatchObject({ ok: false, why: expect.stringContaining("unexpected statement") });
  });
});

describe("slimExports: the shapes it refuses and the bindings it keeps", () => {
  const exportsObject = () => ({ __main_argc_argv: () => "main", lean_main: () => "lean", used: () => 42, unused: () => 0, g: { value: 7 }, h: () => "h", __indirect_function_table: "T" });
  const run = (script: string) => new Function("x", script)(exportsObject()) as Record<string, unknown>;
  const why = (text: string) => {
    const r = slimExports(text);
    return r.ok ? "accepted" : r.why;
  };

  it("refuses a declaration that holds more than plain names", () => {
    expect(why(MINI.replace("_used,_unused,", "_used,a=1,_unused,"))).toBe("the export variable declaration holds more than plain names");
  });
  it("refuses a binding function placed before the declaration, or one that never closes", () => {
    const fn = MINI.slice(MINI.indexOf("function assignWasmExports"), MINI.indexOf("assignWasmExports(x);"));
    const moved = "var Module={};var wasmTable;" + fn + MINI.slice("var Module={};var wasmTable;".length).replace(fn, "");
    expect(why(moved)).toBe("assignWasmExports is not where expected");
    expect(why(MINI.slice(0, MINI.indexOf("}assignWasmExports(x);")))).toBe("assignWasmExports is not where expected");
  });
  it("refuses a statement that only contains an export binding, at either end, and quotes at most 80 characters of it", () => {
    expect(why(MINI.replace('_g=Module["_g"]=wasmExports["g"].value', 'f(0),_g=wasmExports["g"]'))).toContain("unexpected statement");
    expect(why(MINI.replace('_g=Module["_g"]=wasmExports["g"].value', '_g=wasmExports["g"]+1'))).toContain("unexpected statement");
    const long = `f(${"1,".repeat(60)}0)`;
    expect(why(MINI.replace('_g=Module["_g"]=wasmExports["g"].value', long))).toBe(`unexpected statement in assignWasmExports: ${long.slice(0, 80)}`);
  });
  it("refuses a binding of a name the declaration does not declare (wasmTable excepted)", () => {
    expect(why(MINI.replace('_g=Module["_g"]=wasmExports["g"].value', '_zz=wasmExports["g"]'))).toBe("assignWasmExports binds an undeclared name _zz");
    expect(why(MINI)).toBe("accepted");
  });
  it("declares exactly the kept variables", () => {
    const r = slimExports(MINI);
    expect(r.ok && r.text).toContain("var _main,_used,_g,__indirect_function_table;");
  });
  it("binds the last run of uniform statements too", () => {
    const text = MINI.replace(
      '_main=Module["_main"]=wasmExports["__main_argc_argv"];',
      "",
    ).replace('__indirect_function_table=Module["__indirect_function_table"]=wasmTable=wasmExports["__indirect_function_table"]}', '_main=Module["_main"]=wasmExports["__main_argc_argv"];_h=Module["_h"]=wasmExports["h"]}').replace("var _main,_lean_main,", "var _main,_lean_main,_h,");
    const r = slimExports(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = run(r.text);
    expect(Object.keys(after["module"] as object)).toEqual(["_lean_main", "_used", "_unused", "_g", "_main", "_h"]);
    expect((after["module"] as Record<string, () => string>)["_h"]!()).toBe("h");
  });
  it("keeps a binding whose variable differs from its Module property as written, and leaves a variable it never binds alone", () => {
    const text = MINI.replace("var _main,_lean_main,", "var _main,_lean_main,_alias,_other,")
      .replace('_used=Module["_used"]', '_alias=Module["_h"]=wasmExports["h"];_used=Module["_used"]')
      .replace("assignWasmExports(x);return {", '_other=5;assignWasmExports(x);return {alias:_alias,other:_other,');
    const before = run(text);
    const r = slimExports(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = run(r.text);
    expect([(after["alias"] as () => string)(), after["other"]]).toEqual(["h", 5]);
    expect([(before["alias"] as () => string)(), before["other"]]).toEqual(["h", 5]);
  });
});
