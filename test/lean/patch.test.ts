import { describe, expect, it } from "vitest";
import { applyPatches, countOccurrences, LEAN_JS_PATCHES, type SourcePatch } from "../../src/lean/patch.js";

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
  it("marks only the stdin patch as not affecting what a compile produces", () => {
    expect(LEAN_JS_PATCHES.filter((p) => p.affectsOutput === false).map((p) => p.name)).toEqual(["stdin-bytes"]);
  });
});
