import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeStatement, statementHash } from "../../src/report/fingerprint.js";
import { pinText } from "../../src/report/pin.js";
import { parseRegistry } from "../../src/spec/load.js";
import { FIXTURES, fixtures } from "./helpers.js";

describe("statement fingerprints", () => {
  it("ignore whitespace differences only", () => {
    expect(normalizeStatement("  theorem t (x : α) :\n    x = x  ")).toBe("theorem t (x : α) : x = x");
    expect(statementHash("theorem t (x : α) :\n  x = x")).toBe(statementHash("theorem t (x : α) : x = x"));
    expect(statementHash("theorem t (x : α) : x = x")).not.toBe(statementHash("theorem t (x : α) : x ≠ x"));
    expect(statementHash("a")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("are pinned on purpose by rewriting only the statementHash values", () => {
    const text = fs.readFileSync(path.join(FIXTURES, "registry.json"), "utf8");
    const f = fixtures();
    const { text: pinned, changes } = pinText(text, f.registry, f.positions, f.proofs);
    expect(changes.map((c) => c.declaration)).toContain("Sym.cond_thm");
    expect(changes.find((c) => c.declaration === "Sym.cond_thm")).toMatchObject({ from: "0000000000000000", to: statementHash("(hA : HypA) (hB : HypB) : Conj4") });
    expect(changes.some((c) => c.declaration === "Sym.missing")).toBe(false);
    expect(changes.some((c) => c.declaration === "Sym.phi_act")).toBe(false);
    const again = parseRegistry(pinned, "registry.json");
    if (!again.ok) throw new Error(again.diagnostics.map((d) => d.message).join("\n"));
    for (const c of again.value.claims) for (const d of c.declarations) if (d.name !== "Sym.missing") expect(d.statementHash, d.name).toBeDefined();
    // Nothing else changed: removing the hashes gives back the original text's data.
    const strip = (t: string) => JSON.stringify(JSON.parse(t), (k, v) => (k === "statementHash" ? undefined : v));
    expect(strip(pinned)).toBe(strip(text));
    // Pinning twice changes nothing more.
    expect(pinText(pinned, again.value, again.positions, f.proofs).changes).toEqual([]);
  });
});
