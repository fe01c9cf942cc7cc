/**
 * The numeric result cache: keys (what a record depends on) and the `npm run check` command in a
 * scratch project (hit, misses, damaged entries, --force).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDeclaration } from "../../src/codegen/index.js";
import { scanLibrary } from "../../src/parser/index.js";
import { harnessFingerprint, KeyBuilder, lookup, store, type RecordKey } from "../../src/runner/cache.js";
import { readLibrary } from "../../src/runner/library.js";
import { selectDeclarations, type Selected } from "../../src/runner/select.js";
import type { NumericFile, NumericRecord } from "../../src/runner/types.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { loadRegistry } from "../../src/spec/load.js";

const repo = path.resolve(import.meta.dirname, "../..");
/**
 * The packages' folder: the repository's own, or the nearest one above it (a copy of the repository
 * made inside the checkout, as Stryker's sandbox is, resolves packages from there).
 */
function nodeModules(): string {
  for (let d = repo; ; d = path.dirname(d)) {
    const candidate = path.join(d, "node_modules");
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
    if (path.dirname(d) === d) throw new Error(`no node_modules at or above ${repo}`);
  }
}
/** Each test runs the command a few times; a loaded machine makes each run take a minute or more. */
const CLI_TIMEOUT = 900_000;

const LIB = `namespace Sym

variable {α : Type} [Lean.Grind.Field α] [LE α] [LT α]

/-- X1: transposing twice gives the matrix back. -/
theorem cache_transpose {m n : Nat} (A : Mat m n α) : Aᵀᵀ = A := sorry

/-- X2: an orthogonal matrix keeps the squared Frobenius norm. -/
theorem cache_orth {d : Nat} (K : Mat d d α) (hK : IsOrthogonal K) (A : Mat d d α) : frobSq (K * A) = frobSq A := sorry

/-- X3: false: square matrices commute. -/
theorem cache_comm {n : Nat} (A B : Mat n n α) : A * B = B * A := sorry

end Sym
`;

/** A scratch project: a copy of the harness sources, the repository's packages, one Lean file. */
function scratchProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "symcheck-cache-"));
  fs.cpSync(path.join(repo, "src"), path.join(dir, "src"), { recursive: true });
  fs.copyFileSync(path.join(repo, "tsconfig.json"), path.join(dir, "tsconfig.json"));
  fs.copyFileSync(path.join(repo, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(nodeModules(), path.join(dir, "node_modules"));
  fs.mkdirSync(path.join(dir, "lean", "Sym"), { recursive: true });
  fs.writeFileSync(path.join(dir, "lean", "Sym", "Cache.lean"), LIB);
  return dir;
}

function selection(root: string): { builder: KeyBuilder; selected: Selected[] } {
  const library = readLibrary(root);
  const { selected } = selectDeclarations(library, undefined);
  return { builder: new KeyBuilder(library, harnessFingerprint(root)), selected };
}

function keysOf(root: string, seed = 1): Map<string, RecordKey> {
  const { builder, selected } = selection(root);
  return new Map(selected.map((s) => [s.decl.name, builder.key(s, { seed })]));
}

describe("record keys", () => {
  let root: string;
  beforeAll(() => {
    root = scratchProject();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("are stable when nothing changed", () => {
    expect([...keysOf(root).values()].map((k) => k.key)).toEqual([...keysOf(root).values()].map((k) => k.key));
    expect(keysOf(root).size).toBe(3);
  });

  it("cover the builtin module defining each name a statement uses, and only those", () => {
    const k = keysOf(root);
    expect(k.get("Sym.cache_orth")?.builtinFiles).toEqual(expect.arrayContaining(["src/semantics/builtins/groups.ts", "src/semantics/builtins/analysis.ts"]));
    expect(k.get("Sym.cache_transpose")?.builtinFiles).not.toContain("src/semantics/builtins/groups.ts");
  });

  it("change for the statement that changed and no other", () => {
    const before = keysOf(root);
    const file = path.join(root, "lean", "Sym", "Cache.lean");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("A * B = B * A", "A * B = A * B"));
    const after = keysOf(root);
    fs.writeFileSync(file, text);
    expect(after.get("Sym.cache_comm")?.key).not.toBe(before.get("Sym.cache_comm")?.key);
    expect(after.get("Sym.cache_orth")?.key).toBe(before.get("Sym.cache_orth")?.key);
    expect(after.get("Sym.cache_transpose")?.key).toBe(before.get("Sym.cache_transpose")?.key);
  });

  it("do not change when only comments, blank lines or positions change, but the position hash does", () => {
    const before = keysOf(root);
    const file = path.join(root, "lean", "Sym", "Cache.lean");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("namespace Sym\n", "namespace Sym\n\n-- a comment\n\n"));
    const after = keysOf(root);
    fs.writeFileSync(file, text);
    for (const [name, k] of before) {
      expect(after.get(name)?.key).toBe(k.key);
      expect(after.get(name)?.positioned).not.toBe(k.positioned);
    }
  });

  it("change for the statements using a builtin whose module changed", () => {
    const before = keysOf(root);
    const groups = path.join(root, "src", "semantics", "builtins", "groups.ts");
    const text = fs.readFileSync(groups, "utf8");
    fs.writeFileSync(groups, `${text}\n// changed\n`);
    const after = keysOf(root);
    fs.writeFileSync(groups, text);
    expect(after.get("Sym.cache_orth")?.key).not.toBe(before.get("Sym.cache_orth")?.key);
    expect(after.get("Sym.cache_transpose")?.key).toBe(before.get("Sym.cache_transpose")?.key);
  });

  it("change for every statement when the shared evaluation core changes", () => {
    const before = keysOf(root);
    const ops = path.join(root, "src", "semantics", "ops.ts");
    const text = fs.readFileSync(ops, "utf8");
    fs.writeFileSync(ops, `${text}\n// changed\n`);
    const after = keysOf(root);
    fs.writeFileSync(ops, text);
    for (const [name, k] of before) expect(after.get(name)?.key).not.toBe(k.key);
  });

  it("change with the seed, the run count and the time limit", () => {
    const { builder, selected } = selection(root);
    const s = selected[0] as Selected;
    const base = builder.key(s, { seed: 1 }).key;
    expect(builder.key(s, { seed: 2 }).key).not.toBe(base);
    expect(builder.key(s, { seed: 1, runs: 5 }).key).not.toBe(base);
    expect(builder.key(s, { seed: 1, timeLimitMs: 1 }).key).not.toBe(base);
    expect(builder.key(s, { seed: 1 }).key).toBe(base);
  });
});

describe("cache entries", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "symcheck-entries-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const library = scanLibrary([{ file: "lean/Sym/Cache.lean", text: LIB }]);
  const sel: Selected = { decl: library.byName.get("Sym.cache_comm")!, claimId: "X3", conjecture: false };
  const k: RecordKey = { key: "a".repeat(64), positioned: "p", declarations: [], builtinFiles: [], replayed: "null" };
  const rec: NumericRecord = { claimId: "X3", declaration: "Sym.cache_comm", mode: "exact", status: "counterexample", runs: 3, skips: 0, seed: 1, seconds: 0.1, maxResidual: 0, handWritten: false, counterexample: { A: [["1"]] } };

  it("are found again after storing", () => {
    store(dir, k, rec);
    const r = lookup(dir, k, sel, 1);
    expect(r.kind).toBe("hit");
  });

  it("are reused when the counterexample to replay is the record's own, and not for another one", () => {
    store(dir, k, rec);
    expect(lookup(dir, { ...k, replayed: JSON.stringify(rec.counterexample) }, sel, 1).kind).toBe("hit");
    expect(lookup(dir, { ...k, replayed: JSON.stringify({ A: [["2"]] }) }, sel, 1).kind).toBe("miss");
  });

  it("that are damaged are reported, never trusted", () => {
    const file = path.join(dir, `${k.key}.json`);
    for (const bad of ["{ not json", "[]", JSON.stringify({ format: 1, key: k.key, positioned: "p", replayed: "null", record: { ...rec, runs: "3" } }), JSON.stringify({ format: 1, key: "b", positioned: "p", replayed: "null", record: rec })]) {
      fs.writeFileSync(file, bad);
      expect(lookup(dir, k, sel, 1).kind).toBe("damaged");
    }
    fs.writeFileSync(file, JSON.stringify({ format: 1, key: k.key, positioned: "p", replayed: "null", record: { ...rec, declaration: "Sym.other" } }));
    expect(lookup(dir, k, sel, 1).kind).toBe("damaged");
  });

  it("of an error record are not reused when its positions moved", () => {
    store(dir, k, { ...rec, status: "error", message: "at lean/Sym/Cache.lean:12:5" });
    expect(lookup(dir, { ...k, positioned: "moved" }, sel, 1).kind).toBe("miss");
    store(dir, k, rec);
    expect(lookup(dir, { ...k, positioned: "moved" }, sel, 1).kind).toBe("hit");
  });
});

describe("the keys of the real library", () => {
  it("cover every builtin name the generated property of each declaration calls", () => {
    const library = readLibrary(repo);
    const reg = loadRegistry(path.join(repo, "spec", "claims.json"));
    const { selected } = selectDeclarations(library, reg.ok ? reg.value : undefined);
    const harness = harnessFingerprint(repo);
    const builder = new KeyBuilder(library, harness);
    const uncovered: string[] = [];
    let calls = 0;
    for (const s of selected) {
      const k = builder.key(s, { seed: 1 });
      const plan = planDeclaration(library, defaultRegistry, s.decl, s.concrete ? { concrete: s.concrete } : {});
      const called = new Set([...JSON.stringify(plan).matchAll(/\\?"(Sym\.[^"\\\s]+)\\?"/g)].map((m) => m[1] as string));
      for (const name of called) {
        const entry = defaultRegistry.get(name);
        if (!entry) continue; // a library name without numeric meaning (an unsupported record)
        calls++;
        const file = harness.definedIn.get(entry.name);
        if (!file || !k.builtinFiles.includes(file)) uncovered.push(`${s.decl.name} → ${name} (${file ?? "no file"})`);
      }
    }
    expect(uncovered).toEqual([]);
    expect(calls).toBeGreaterThan(100);
  });

  it("map every registered constant to the builtin module that defines it", () => {
    const harness = harnessFingerprint(repo);
    const missing = defaultRegistry.names().filter((n) => !harness.definedIn.has(n));
    expect(missing).toEqual([]);
  });
});

// The command runs in a child process, where no mutant of a mutation-testing run is switched on:
// that run (`vitest.mutation.config.ts` sets SYMCHECK_MUTATION) leaves these minutes out.
describe.skipIf(process.env["SYMCHECK_MUTATION"] === "1")("npm run check with the result cache", () => {
  let root: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(nodeModules(), "tsx", "dist", "cli.mjs"), "src/cli/check.ts", "--jobs", "1", "--runs", "50", ...args], { cwd: root, encoding: "utf8", timeout: 600_000 });
  const records = (): Map<string, NumericRecord> => {
    const f = JSON.parse(fs.readFileSync(path.join(root, "out", "numeric.json"), "utf8")) as NumericFile;
    return new Map(f.records.map((r) => [r.declaration, r]));
  };
  beforeAll(() => {
    root = scratchProject();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("checks everything on the first run and reuses every record when nothing changed", () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const a = records();
    expect([...a.values()].map((r) => r.reused)).toEqual([false, false, false]);
    expect(a.get("Sym.cache_comm")?.status).toBe("counterexample");
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("reused 3 of 3 records");
    const b = records();
    for (const [name, r] of a) expect(b.get(name)).toEqual({ ...r, reused: true });
    // the generated modules of reused records are kept
    for (const r of b.values()) if (r.generatedFile) expect(fs.existsSync(path.join(root, r.generatedFile))).toBe(true);
  }, CLI_TIMEOUT);

  it("reruns only the statement that changed", () => {
    const file = path.join(root, "lean", "Sym", "Cache.lean");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("Aᵀᵀ = A", "Aᵀᵀ = A + 0"));
    const r = run();
    fs.writeFileSync(file, text);
    expect(r.status, r.stderr).toBe(0);
    const now = records();
    expect(now.get("Sym.cache_transpose")?.reused).toBe(false);
    expect(now.get("Sym.cache_orth")?.reused).toBe(true);
    expect(now.get("Sym.cache_comm")?.reused).toBe(true);
  }, CLI_TIMEOUT);

  it("reruns everything for another seed and with --force", () => {
    expect(run("--seed", "99").status).toBe(0);
    expect([...records().values()].every((r) => r.reused === false && r.seed === 99)).toBe(true);
    expect(run("--force").status).toBe(0);
    expect([...records().values()].every((r) => r.reused === false)).toBe(true);
  }, CLI_TIMEOUT);

  it("rebuilds a damaged entry instead of trusting it", () => {
    const dir = path.join(root, ".cache", "numeric");
    const entries = fs.readdirSync(dir).map((f) => path.join(dir, f));
    // Damage every entry of the current run: one not JSON, the others with a wrong record.
    const current = entries.filter((e) => {
      const x = JSON.parse(fs.readFileSync(e, "utf8")) as { record: NumericRecord };
      return x.record.seed !== 99;
    });
    expect(current.length).toBeGreaterThan(0);
    for (const e of current) fs.writeFileSync(e, "{ damaged");
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("damaged cache entry");
    expect([...records().values()].every((x) => x.reused === false)).toBe(true);
    const again = run();
    expect(again.stdout).toContain("reused 3 of 3 records");
  }, CLI_TIMEOUT);
});
