/**
 * What a numeric record's key depends on, part by part: the library declarations a statement may
 * use (transitively, by conservative name matching), the builtin modules that give its names a
 * meaning, the selection (claim, role, conjecture, concrete instantiation) and the run options;
 * and what `harnessFingerprint` reads from a project's sources. A dependency the key misses would
 * let the cache reuse a stale record, so each one is changed on its own here and must change the
 * key. The harness fingerprints are built by hand or from a small scratch tree (no repository copy).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanLibrary } from "../../src/parser/index.js";
import { harnessFingerprint, KeyBuilder, NameIndex, type BuiltinModule, type HarnessFingerprint } from "../../src/runner/cache.js";
import { DEFAULT_CONJECTURE_RUNS, DEFAULT_RUNS, DEFAULT_TIME_LIMIT_MS } from "../../src/runner/defaults.js";
import type { Selected } from "../../src/runner/select.js";
import type { NumericFile, NumericRecord } from "../../src/runner/types.js";

const LIB = `namespace Sym

variable {α : Type} [Lean.Grind.Field α]

def helper (x : α) : α := x + x

def twice (x : α) : α := helper x

def unrelated (x : α) : α := x

def Wrap.val (x : α) : α := x

/-- X1: uses twice. -/
theorem uses_twice (x : α) : twice x = x + x := sorry

/-- X2: a GL binder. -/
theorem gl_thing {n : Nat} (g : GL n α) (A : Mat n n α) : A = A := sorry

/-- X3: a field and an explicit name. -/
theorem dotted (K : Mat 2 2 α) : K.val = @unrelated α K := sorry

end Sym
`;
const FILE = "lean/Sym/Keys.lean";
const scan = (text = LIB, file = FILE) => scanLibrary([{ file, text }]);

const B = "src/semantics/builtins";
const mod = (file: string, defines: string[], uses: string[] = [], hash = "h"): [string, BuiltinModule] => [`${B}/${file}`, { file: `${B}/${file}`, hash, defines, uses }];
/** A hand-made harness: `groups.ts` and `base.ts` use each other (a cycle), the others nothing. */
function harness(over: { hashes?: Record<string, string>; handWritten?: string[] } = {}): HarnessFingerprint {
  const h = (f: string) => over.hashes?.[f] ?? "h";
  const builtins = new Map<string, BuiltinModule>([
    mod("groups.ts", ["Sym.IsInvertible"], [`${B}/base.ts`], h("groups.ts")),
    mod("base.ts", ["Sym.base"], [`${B}/groups.ts`], h("base.ts")),
    mod("act.ts", ["Sym.sigmoid"], [], h("act.ts")),
    mod("hand.ts", ["Sym.handName"], [], h("hand.ts")),
    mod("twice.ts", ["Sym.Fn.twice"], [], h("twice.ts")),
    mod("self.ts", ["Sym.gl_thing"], [], h("self.ts")),
  ]);
  const definedIn = new Map<string, string>();
  for (const [file, m] of builtins) for (const d of m.defines) definedIn.set(d, file);
  return { core: "core", builtins, definedIn, handWritten: { declarations: new Set(over.handWritten ?? []), names: ["Sym.handName"] } };
}
function sel(name: string, over: Partial<Selected> = {}, lib = scan()): Selected {
  const decl = lib.byName.get(name);
  if (!decl) throw new Error(`no ${name}`);
  return { decl, claimId: decl.docId ?? "X0", conjecture: false, ...over };
}
const keyOf = (name: string, over: Partial<Selected> = {}, opts: Parameters<KeyBuilder["key"]>[1] = { seed: 1 }, lib = scan(), h = harness()) => new KeyBuilder(lib, h).key(sel(name, over, lib), opts);

describe("the library declarations a key covers", () => {
  it("are the statement first, then every declaration it may use, transitively and sorted, never an unused one", () => {
    expect(keyOf("Sym.uses_twice").declarations).toEqual(["Sym.uses_twice", "Sym.helper", "Sym.twice"]);
    expect(keyOf("Sym.gl_thing").declarations).toEqual(["Sym.gl_thing"]);
  });

  it("include the constants a field name (by its suffix) and an explicit @name may denote", () => {
    expect(keyOf("Sym.dotted").declarations).toEqual(["Sym.dotted", "Sym.Wrap.val", "Sym.unrelated"]);
  });

  it("change the key when a definition used only through another one changes, not when an unused one does", () => {
    const base = keyOf("Sym.uses_twice").key;
    const helperChanged = scan(LIB.replace("def helper (x : α) : α := x + x", "def helper (x : α) : α := x * x"));
    expect(keyOf("Sym.uses_twice", {}, { seed: 1 }, helperChanged).key).not.toBe(base);
    const unusedChanged = scan(LIB.replace("def unrelated (x : α) : α := x", "def unrelated (x : α) : α := x + x"));
    expect(keyOf("Sym.uses_twice", {}, { seed: 1 }, unusedChanged).key).toBe(base);
    expect(keyOf("Sym.dotted", {}, { seed: 1 }, unusedChanged).key).not.toBe(keyOf("Sym.dotted").key);
  });

  it("change the key when a used declaration's keyword or claim tag changes", () => {
    const base = keyOf("Sym.uses_twice").key;
    expect(keyOf("Sym.uses_twice", {}, { seed: 1 }, scan(LIB.replace("def helper", "abbrev helper"))).key).not.toBe(base);
    expect(keyOf("Sym.uses_twice", {}, { seed: 1 }, scan(LIB.replace("def helper", "/-- X9: tagged. -/\ndef helper"))).key).not.toBe(base);
  });

  it("keep the key but change the position hash when the file or the lines move", () => {
    const k = keyOf("Sym.uses_twice");
    const moved = keyOf("Sym.uses_twice", {}, { seed: 1 }, scan(LIB.replace("namespace Sym\n", "namespace Sym\n\n\n")));
    expect(moved.key).toBe(k.key);
    expect(moved.positioned).not.toBe(k.positioned);
    const renamed = keyOf("Sym.uses_twice", {}, { seed: 1 }, scan(LIB, "lean/Sym/Other.lean"));
    expect(renamed.key).toBe(k.key);
    expect(renamed.positioned).not.toBe(k.positioned);
    expect(keyOf("Sym.uses_twice").positioned).toBe(k.positioned);
  });

  it("of a declaration that does not parse is keyed by its diagnostics", () => {
    const broken = scan(LIB.replace("theorem uses_twice (x : α) : twice x = x + x := sorry", "theorem uses_twice (x : α) : twice x = ( := sorry"));
    const other = scan(LIB.replace("theorem uses_twice (x : α) : twice x = x + x := sorry", "theorem uses_twice (x : α) : twice x = ) := sorry"));
    const b = keyOf("Sym.uses_twice", {}, { seed: 1 }, broken);
    expect(b.declarations).toEqual(["Sym.uses_twice"]);
    expect(b.key).not.toBe(keyOf("Sym.uses_twice").key);
    expect(keyOf("Sym.uses_twice", {}, { seed: 1 }, other).key).not.toBe(b.key);
  });
});

describe("the builtin modules a key covers", () => {
  it("are those defining a name the statement uses (by dotted suffix) and the declaration's own name, nothing else", () => {
    expect(keyOf("Sym.uses_twice").builtinFiles).toEqual([`${B}/twice.ts`]);
  });

  it("follow a GL binder to the invertibility predicate, and that module's uses through a cycle", () => {
    expect(keyOf("Sym.gl_thing").builtinFiles).toEqual([`${B}/base.ts`, `${B}/groups.ts`, `${B}/self.ts`]);
  });

  it("include the module of the concrete function a binder is fixed to", () => {
    expect(keyOf("Sym.uses_twice", { concrete: { σ: "Sym.sigmoid" } }).builtinFiles).toEqual([`${B}/act.ts`, `${B}/twice.ts`]);
  });

  it("include the modules of the names a hand-written property uses, for a declaration that has one", () => {
    const h = harness({ handWritten: ["Sym.uses_twice"] });
    expect(keyOf("Sym.uses_twice", {}, { seed: 1 }, scan(), h).builtinFiles).toEqual([`${B}/hand.ts`, `${B}/twice.ts`]);
    expect(keyOf("Sym.dotted", {}, { seed: 1 }, scan(), h).builtinFiles).toEqual([]);
  });

  it("change the key with the hash of a covered module only", () => {
    const base = keyOf("Sym.gl_thing").key;
    expect(keyOf("Sym.gl_thing", {}, { seed: 1 }, scan(), harness({ hashes: { "base.ts": "h2" } })).key).not.toBe(base);
    expect(keyOf("Sym.gl_thing", {}, { seed: 1 }, scan(), harness({ hashes: { "act.ts": "h2" } })).key).toBe(base);
  });

  it("change the key with the shared core", () => {
    expect(keyOf("Sym.gl_thing", {}, { seed: 1 }, scan(), { ...harness(), core: "core2" }).key).not.toBe(keyOf("Sym.gl_thing").key);
  });
});

describe("the selection and the run options in a key", () => {
  const base = () => keyOf("Sym.uses_twice").key;
  it("change with the claim, the conjecture flag, the role and the concrete instantiation", () => {
    const k = base();
    expect(keyOf("Sym.uses_twice", { claimId: "X2" }).key).not.toBe(k);
    expect(keyOf("Sym.uses_twice", { conjecture: true }).key).not.toBe(k);
    expect(keyOf("Sym.uses_twice", { role: "statement" }).key).not.toBe(k);
    expect(keyOf("Sym.uses_twice", { role: "statement" }).key).not.toBe(keyOf("Sym.uses_twice", { role: "proof" }).key);
    expect(keyOf("Sym.uses_twice", { concrete: { σ: "Sym.sigmoid" } }).key).not.toBe(k);
    expect(keyOf("Sym.uses_twice", { concrete: { σ: "Sym.sigmoid" } }).key).not.toBe(keyOf("Sym.uses_twice", { concrete: { τ: "Sym.sigmoid" } }).key);
  });

  it("do not depend on the order of the concrete instantiation's binders", () => {
    expect(keyOf("Sym.uses_twice", { concrete: { σ: "Sym.sigmoid", τ: "Sym.base" } }).key).toBe(keyOf("Sym.uses_twice", { concrete: { τ: "Sym.base", σ: "Sym.sigmoid" } }).key);
  });

  it("change with the replay path and the quantifier budgets", () => {
    const k = base();
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, path: "0:1" }).key).not.toBe(k);
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, budgets: { exists: 5 } }).key).not.toBe(k);
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, budgets: { exists: 5 } }).key).not.toBe(keyOf("Sym.uses_twice", {}, { seed: 1, budgets: { exists: 6 } }).key);
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, budgets: null }).key).toBe(k);
  });

  it("use the default run count of the declaration's kind and the default time limit when none is given", () => {
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, runs: DEFAULT_RUNS }).key).toBe(base());
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, runs: DEFAULT_RUNS + 1 }).key).not.toBe(base());
    const conj = keyOf("Sym.uses_twice", { conjecture: true }).key;
    expect(keyOf("Sym.uses_twice", { conjecture: true }, { seed: 1, runs: DEFAULT_CONJECTURE_RUNS }).key).toBe(conj);
    expect(keyOf("Sym.uses_twice", { conjecture: true }, { seed: 1, runs: DEFAULT_RUNS }).key).not.toBe(conj);
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, timeLimitMs: DEFAULT_TIME_LIMIT_MS }).key).toBe(base());
  });

  it("is a 64-digit hex digest", () => {
    expect(base()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the counterexample a key says this run replays first", () => {
  const record = (declaration: string, counterexample?: unknown): NumericRecord => ({ claimId: "X1", declaration, mode: "exact", status: counterexample === undefined ? "passed" : "counterexample", runs: 1, skips: 0, seed: 1, seconds: 0, maxResidual: 0, handWritten: false, ...(counterexample === undefined ? {} : { counterexample }) });
  const previous = (...records: NumericRecord[]): NumericFile => ({ generatedAt: "t", command: "c", records });
  it("is the previous file's counterexample for this declaration, and none without one", () => {
    expect(keyOf("Sym.uses_twice").replayed).toBe("null");
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, previous: previous(record("Sym.gl_thing", { A: 1 })) }).replayed).toBe("null");
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, previous: previous(record("Sym.uses_twice")) }).replayed).toBe("null");
    expect(keyOf("Sym.uses_twice", {}, { seed: 1, previous: previous(record("Sym.gl_thing", { A: 1 }), record("Sym.uses_twice"), record("Sym.uses_twice", { x: "1/2" })) }).replayed).toBe(JSON.stringify({ x: "1/2" }));
  });
});

describe("names resolve to every constant they may denote", () => {
  it("by the exact name or any dotted suffix of the written name, without a leading @", () => {
    const idx = new NameIndex(["Sym.Fn.twice", "Sym.twice", "Other.thrice"]);
    expect(idx.resolve("twice").sort()).toEqual(["Sym.Fn.twice", "Sym.twice"]);
    expect(idx.resolve("Fn.twice").sort()).toEqual(["Sym.Fn.twice", "Sym.twice"]);
    expect(idx.resolve("Sym.Fn.twice").sort()).toEqual(["Sym.Fn.twice", "Sym.twice"]);
    expect(idx.resolve("@Sym.twice").sort()).toEqual(["Sym.Fn.twice", "Sym.twice"]);
    expect(idx.resolve("K.thrice")).toEqual(["Other.thrice"]);
    expect(idx.resolve("once")).toEqual([]);
  });
});

describe("the harness fingerprint of a project", () => {
  let root: string;
  const write = (rel: string, text: string) => {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  };
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  const ALPHA = `import { b } from  "./beta.js";\nimport { d } from "./define.js";\nexport const A = [{ name: "Sym.alpha" }, { name:"Sym.alpha2" }];\nconst g = "Sym.gamma";\n`;
  const BETA = `export const B = [{ name: "Sym.beta", uses: "Sym.alpha" }];\n`;
  const GAMMA = `import { a } from "./missing.js";\nexport const G = [{ name: "Sym.gamma", self: "Sym.gamma", unknown: "Sym.unknown" }];\n`;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "cache-keys-"));
    write(`${B}/define.ts`, "export const define = 1;\n");
    write(`${B}/index.ts`, `export const all = [{ name: "Sym.indexed" }];\n`);
    write(`${B}/alpha.ts`, ALPHA);
    write(`${B}/beta.ts`, BETA);
    write(`${B}/gamma.ts`, GAMMA);
    write(`${B}/notes.md`, `name: "Sym.md"`);
    write("src/parser/a.ts", "export const a = 1;\n");
    write("src/parser/deep/b.ts", "export const b = 1;\n");
    write("src/parser/README.md", "about the parser\n");
    write("src/runner/handwritten.ts", `export const H = [{ declaration: "Sym.h2", uses: ["Sym.beta", "Sym.alpha"] }, { declaration:"Sym.h1", uses: ["Sym.beta"] }];\n`);
    write("node_modules/fast-check/package.json", JSON.stringify({ version: "3.1.0" }));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("reads each builtin module's hash and the constants it defines, leaving out the shared entry files and non-TypeScript files", () => {
    const h = harnessFingerprint(root);
    expect([...h.builtins.keys()].sort()).toEqual([`${B}/alpha.ts`, `${B}/beta.ts`, `${B}/gamma.ts`]);
    expect(h.builtins.get(`${B}/alpha.ts`)).toMatchObject({ file: `${B}/alpha.ts`, hash: sha(ALPHA), defines: ["Sym.alpha", "Sym.alpha2"] });
    expect(Object.fromEntries(h.definedIn)).toEqual({ "Sym.alpha": `${B}/alpha.ts`, "Sym.alpha2": `${B}/alpha.ts`, "Sym.beta": `${B}/beta.ts`, "Sym.gamma": `${B}/gamma.ts` });
  });

  it("gives each builtin module the modules it imports and those defining the constants it names, never itself or a non-builtin", () => {
    const h = harnessFingerprint(root);
    expect(h.builtins.get(`${B}/alpha.ts`)?.uses).toEqual([`${B}/beta.ts`, `${B}/gamma.ts`]);
    expect(h.builtins.get(`${B}/beta.ts`)?.uses).toEqual([`${B}/alpha.ts`]);
    expect(h.builtins.get(`${B}/gamma.ts`)?.uses).toEqual([]);
  });

  it("lists the declarations with a hand-written property and the constants that file names, once each and sorted", () => {
    const h = harnessFingerprint(root);
    expect([...h.handWritten.declarations].sort()).toEqual(["Sym.h1", "Sym.h2"]);
    expect(h.handWritten.names).toEqual(["Sym.alpha", "Sym.beta", "Sym.h1", "Sym.h2"]);
    fs.rmSync(path.join(root, "src/runner/handwritten.ts"));
    const none = harnessFingerprint(root);
    expect([...none.handWritten.declarations]).toEqual([]);
    expect(none.handWritten.names).toEqual([]);
  });

  it("changes its core with any core file, nested ones and the shared builtin entry files included, and not with a builtin module or a non-TypeScript file", () => {
    const core = harnessFingerprint(root).core;
    expect(core).toMatch(/^[0-9a-f]{64}$/);
    expect(harnessFingerprint(root).core).toBe(core);
    const changed = (rel: string, text: string): string => {
      const f = path.join(root, rel);
      const old = fs.readFileSync(f, "utf8");
      fs.writeFileSync(f, text);
      const c = harnessFingerprint(root).core;
      fs.writeFileSync(f, old);
      return c;
    };
    expect(changed("src/parser/deep/b.ts", "export const b = 2;\n")).not.toBe(core);
    expect(changed(`${B}/define.ts`, "export const define = 2;\n")).not.toBe(core);
    expect(changed(`${B}/index.ts`, "export const all = [];\n")).not.toBe(core);
    expect(changed(`${B}/alpha.ts`, `${ALPHA}// changed\n`)).toBe(core);
    expect(changed("src/parser/README.md", "changed\n")).toBe(core);
    fs.renameSync(path.join(root, "src/parser/a.ts"), path.join(root, "src/parser/a2.ts"));
    expect(harnessFingerprint(root).core).not.toBe(core);
  });

  it("changes its core with the version of fast-check and mathjs; a package without a version counts as '?'", () => {
    const core = harnessFingerprint(root).core;
    write("node_modules/fast-check/package.json", JSON.stringify({ version: "3.2.0" }));
    expect(harnessFingerprint(root).core).not.toBe(core);
    write("node_modules/fast-check/package.json", JSON.stringify({ version: "3.1.0" }));
    write("node_modules/mathjs/package.json", JSON.stringify({ version: "14.0.0" }));
    const withMathjs = harnessFingerprint(root).core;
    expect(withMathjs).not.toBe(core);
    write("node_modules/mathjs/package.json", JSON.stringify({}));
    const noVersion = harnessFingerprint(root).core;
    expect(noVersion).not.toBe(withMathjs);
    expect(noVersion).not.toBe(core);
    write("node_modules/mathjs/package.json", JSON.stringify({ version: "?" }));
    expect(harnessFingerprint(root).core).toBe(noVersion);
    write("node_modules/mathjs/package.json", "{ not json");
    expect(harnessFingerprint(root).core).toBe(core);
  });

  it("changes its core with Node's major version, not with its minor version", () => {
    const real = Object.getOwnPropertyDescriptor(process.versions, "node")!;
    const coreWith = (v: string): string => {
      Object.defineProperty(process.versions, "node", { ...real, value: v });
      try {
        return harnessFingerprint(root).core;
      } finally {
        Object.defineProperty(process.versions, "node", real);
      }
    };
    expect(coreWith("98.1.0")).toBe(coreWith("98.7.3"));
    expect(coreWith("98.1.0")).not.toBe(coreWith("99.1.0"));
  });

  it("of a project without sources or packages has no builtins and a core of its own", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "cache-keys-empty-"));
    try {
      const h = harnessFingerprint(empty);
      expect(h.builtins.size).toBe(0);
      expect(h.definedIn.size).toBe(0);
      expect(h.core).not.toBe(harnessFingerprint(root).core);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("the exported terms in a key", () => {
  const exported = {
    "Sym.uses_twice": { type: "∀ (x : α), @Eq α (@Sym.f₁ x) (@Sym.g' x)" },
    "Sym.f₁": { type: "α → α", value: "fun x => @Sym.h? x" },
    "Sym.g'": { type: "α → α", value: "fun x => x" },
    "Sym.h?": { type: "α → α", value: "fun x => @Sym.f₁ x" },
    "Sym.unused": { type: "α → α", value: "fun x => x" },
  };
  const keyWith = (exp: Record<string, { type: string; value?: string }>) => new KeyBuilder(scan(), harness(), exp).key(sel("Sym.uses_twice"), { seed: 1 }).key;
  it("follow names with subscripts, primes and question marks, through types and bodies (and through a cycle)", () => {
    const base = keyWith(exported);
    expect(keyWith({ ...exported, "Sym.f₁": { ...exported["Sym.f₁"], value: "fun x => @Sym.h? (@Sym.h? x)" } })).not.toBe(base);
    expect(keyWith({ ...exported, "Sym.f₁": { ...exported["Sym.f₁"], type: "α → β" } })).not.toBe(base);
    expect(keyWith({ ...exported, "Sym.g'": { ...exported["Sym.g'"], value: "fun x => 0" } })).not.toBe(base);
    expect(keyWith({ ...exported, "Sym.h?": { ...exported["Sym.h?"], value: "fun x => 0" } })).not.toBe(base);
    expect(keyWith({ ...exported, "Sym.unused": { ...exported["Sym.unused"], value: "fun x => 0" } })).toBe(base);
  });
  it("a statement the export does not have is keyed as without its terms, but apart from a run without an export", () => {
    const without = { ...exported } as Record<string, { type: string; value?: string }>;
    delete without["Sym.uses_twice"];
    const k = keyWith(without);
    expect(keyWith({ ...without, "Sym.f₁": { type: "β", value: "0" } })).toBe(k);
    expect(k).not.toBe(new KeyBuilder(scan(), harness()).key(sel("Sym.uses_twice"), { seed: 1 }).key);
  });
});
