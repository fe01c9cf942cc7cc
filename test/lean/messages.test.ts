import { describe, expect, it } from "vitest";
import { parseLeanOutput } from "../../src/lean/messages.js";

describe("parseLeanOutput", () => {
  it("keeps Lean's JSON messages with 1-based columns and drops the wasm build's noise", () => {
    const out = [
      "[DEBUG:A] lean_main entered, argc=5",
      "theorem bar : 2 = 2 := sorry",
      '{"severity":"warning","pos":{"line":2,"column":8},"endPos":{"line":2,"column":11},"kind":"hasSorry","fileName":"/p/A.lean","data":"declaration uses `sorry`"}',
      "  - /p/.cache/lean-wasm/lib/Init.olean",
      '{"severity":"error","pos":{"line":3,"column":0},"endPos":null,"fileName":"/p/A.lean","data":"boom"}',
      "",
    ].join("\n");
    const r = parseLeanOutput(out, "/p/A.lean");
    expect(r.messages).toEqual([
      { severity: "warning", kind: "hasSorry", file: "/p/A.lean", line: 2, column: 9, endLine: 2, endColumn: 12, text: "declaration uses `sorry`" },
      { severity: "error", kind: "", file: "/p/A.lean", line: 3, column: 1, endLine: 3, endColumn: 1, text: "boom" },
    ]);
    expect(r.other).toEqual(["theorem bar : 2 = 2 := sorry"]);
  });
  it("ignores lines that look like JSON but are not messages", () => {
    expect(parseLeanOutput('{"a":1}\n{broken', "f").messages).toEqual([]);
  });
});

import { minimalRoots } from "../../src/lean/run.js";
describe("minimalRoots", () => {
  it("keeps only outermost folders", () => {
    expect(minimalRoots(["/w/p", "/w/p/.cache/olean", "/tmp/x", "/w/pq", ""])).toEqual(["/tmp/x", "/w/p", "/w/pq"]);
  });
});
