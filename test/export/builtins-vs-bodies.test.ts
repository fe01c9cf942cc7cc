/**
 * Every hand-written builtin of the default registry whose constant has a comparable Lean body in
 * the library's real export (`out/export.json`, written by `npm run prove`, which `npm test` runs
 * first) agrees with the evaluated body on random inputs, exactly and in floating point.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareBuiltin } from "../../src/export/agreement.js";
import type { ExportFile } from "../../src/export/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext } from "../../src/semantics/context.js";

const file = path.resolve(__dirname, "../../out/export.json");
const exp: ExportFile | undefined = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ExportFile) : undefined;

describe.skipIf(!exp)("builtins against the library's exported bodies", () => {
  for (const [mode, ctx] of [["exact", exactContext()], ["float", floatContext()]] as const) {
    it(`no builtin disagrees with its Lean body (${mode}, 30 runs each, seed 11)`, () => {
      const agreed: string[] = [];
      const disagreements: string[] = [];
      for (const name of defaultRegistry.names()) {
        const entry = defaultRegistry.get(name)!;
        if (entry.name !== name || !entry.modes.includes(mode)) continue;
        const r = compareBuiltin(ctx as never, entry, exp!.declarations, { seed: 11, runs: 30 });
        if (r.disagreement) disagreements.push(JSON.stringify(r.disagreement));
        else if (!r.skipped) agreed.push(name);
      }
      expect(disagreements).toEqual([]);
      expect(agreed.length).toBeGreaterThanOrEqual(45);
    });
  }
});
