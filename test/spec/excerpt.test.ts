import { describe, expect, it } from "vitest";
import { excerpt } from "../../src/diagnostics/diagnostic.js";

describe("diagnostic excerpts", () => {
  it("a short line is shown whole with the caret under the range", () => {
    expect(excerpt('  "kind": 3,', 11, 1)).toBe('\n    "kind": 3,\n            ^');
  });
  it("a long line is cut to a window around the column, the caret still under it", () => {
    const line = "x".repeat(1000) + "!" + "y".repeat(1000);
    const [, text, caret] = excerpt(line, 1001, 1).split("\n");
    expect(text!.length).toBeLessThan(130);
    expect(text![caret!.indexOf("^")]).toBe("!");
  });
});
