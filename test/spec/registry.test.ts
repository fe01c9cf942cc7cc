import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverModules } from "../../src/build/graph.js";
import { LEAN_SRC_DIR } from "../../src/build/layout.js";
import { scanLean } from "../../src/build/scan.js";
import { loadRegistry } from "../../src/spec/load.js";

const ROOT = path.join(import.meta.dirname, "../..");

/** Every claim id of the claims list (docs/claims.md of the shared specification). */
const CLAIM_IDS = [
  "D3.1", "R3.2a", "R3.2b", "R3.2c", "P3.3", "D3.4", "P3.5", "P3.6",
  "P3.2a", "P3.2b", "D3.7", "P3.8", "R3.8a", "C3.9", "R3.9a", "R3.9b", "J3.10", "R3.10a", "R3.10b", "J3.11",
  "D3.12", "D3.13", "D3.14", "P3.3.2", "T3.3.3", "L3.3.4", "D3.15", "D3.16", "D3.17", "P3.18", "C3.19",
  "R3.20a", "R3.20b", "R3.20c", "D3.21", "L3.21a", "J3.22a", "J3.22b", "R3.22c",
];

describe("spec/claims.json", () => {
  const r = loadRegistry(path.join(ROOT, "spec/claims.json"), "spec/claims.json");

  it("loads without diagnostics", () => {
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("has every claim of the claims list, once, in order", () => {
    if (!r.ok) throw new Error("registry does not load");
    expect(r.value.claims.map((c) => c.id)).toEqual(CLAIM_IDS);
  });

  it("keeps the registry coherent: kinds, truth and expected verdicts agree", () => {
    if (!r.ok) throw new Error("registry does not load");
    for (const c of r.value.claims) {
      const prefix = c.id[0];
      const kind = { D: "definition", R: "remark", P: "proposition", C: "corollary", J: "conjecture", T: "theorem", L: "lemma" }[prefix!];
      expect(c.kind, c.id).toBe(kind);
      if (c.truth === "informal") expect(c.expected, c.id).toBe("out-of-scope");
      if (c.truth === "false") expect(["refuted", "suspect"], c.id).toContain(c.expected);
      if (c.truth === "definition") expect(c.expected, c.id).toBe("definition");
    }
  });

  it("names Lean declarations of the Sym namespace only", () => {
    if (!r.ok) throw new Error("registry does not load");
    for (const c of r.value.claims) for (const d of c.declarations) expect(d.name, c.id).toMatch(/^Sym\./);
  });
});

describe("spec/claims.json against the Lean sources (checkdecls, read from lean/ without building)", () => {
  const r = loadRegistry(path.join(ROOT, "spec/claims.json"), "spec/claims.json");
  const declared = new Map<string, { docId?: string; file: string; line: number }>();
  for (const m of discoverModules(ROOT, LEAN_SRC_DIR)) {
    for (const d of scanLean(m.text).declarations) declared.set(d.name, { ...(d.docId ? { docId: d.docId } : {}), file: m.file, line: d.line });
  }

  it("every declaration the registry names is declared in lean/", () => {
    if (!r.ok) throw new Error("registry does not load");
    const missing = r.value.claims.flatMap((c) => c.declarations.filter((d) => !declared.has(d.name)).map((d) => `${c.id}: ${d.name}`));
    expect(missing).toEqual([]);
  });

  it("every declaration whose docstring starts with a claim id is listed under that claim", () => {
    if (!r.ok) throw new Error("registry does not load");
    const listed = new Set(r.value.claims.flatMap((c) => c.declarations.map((d) => `${c.id} ${d.name}`)));
    const unlisted = [...declared].filter(([name, d]) => d.docId !== undefined && !listed.has(`${d.docId} ${name}`)).map(([name, d]) => `${d.file}:${d.line}: ${d.docId} ${name}`);
    expect(unlisted).toEqual([]);
  });
});
