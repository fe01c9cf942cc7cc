/**
 * Mutants proved true in Lean: the generated file, how the compiler's answer is read (only a
 * theorem with no error and a `#check` answer is a proof), the cache, and one real compile of two
 * mutants of a library statement (one true, one false) with the embedded Lean.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { oleanPathFor } from "../../src/build/layout.js";
import type { LeanMessage } from "../../src/lean/messages.js";
import { registryWithExport } from "../../src/export/derive.js";
import { mutantsOf } from "../../src/mutate/operators.js";
import { assertHonestTactic, MUTANT_HINTS } from "../../src/mutate/hints.js";
import { candidateKey, EQUIVALENCE_TACTICS, equivalenceFile, leanStatement, proveCandidates, provedBy, splitCandidates, tacticsFor, type EquivalenceCandidate } from "../../src/mutate/prove.js";
import type { Declaration } from "../../src/parser/index.js";
import { readLibrary } from "../../src/runner/library.js";
import { fixtureLibrary } from "./fixtures.js";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = fixtureLibrary();
const decl = (name: string): Declaration => (fixture.byName.get(name)?.parsed as { ok: true; value: Declaration }).value;
const cand = (id: string, name = "Sym.fx_sq"): EquivalenceCandidate => ({ id, original: name, statementHash: "h", decl: decl(name) });
const msg = (line: number, severity: LeanMessage["severity"], text: string): LeanMessage => ({ severity, kind: "", file: "E.lean", line, column: 0, endLine: line, endColumn: 1, text });

describe("the Lean file of the unrefuted mutants", () => {
  it("states each mutant with its instance binders, in its namespace, once per tactic, with a #check after each theorem", () => {
    expect(leanStatement(decl("Sym.fx_sq"))).toBe("{α : Type} [Lean.Grind.Field α] [LE α] [LT α] (a : α) : 0 ≤ a * a");
    const { text, spans } = equivalenceFile([cand("a"), cand("b", "Sym.fx_scal")]);
    expect(text.startsWith("import Sym\n")).toBe(true);
    expect(spans).toHaveLength(2 * EQUIVALENCE_TACTICS.length);
    const lines = text.split("\n");
    for (const s of spans) {
      expect(lines[s.from - 1]).toMatch(new RegExp(`^theorem ${s.name} \\{α : Type\\} \\[Lean\\.Grind\\.Field α\\]`));
      expect(lines[s.checkLine - 1]).toBe(`#check @${s.name}`);
      expect(lines[s.from - 3]).toBe("namespace Sym");
    }
    expect(text).toContain("grind [Sym.fx_scal]");
  });

  it("tries the hint scripts of a statement after the cheap tactics, each line indented under `:= by`", () => {
    const hints = { "Sym.fx_sq": [{ name: "two lines", text: "have h := Sym.fx_scal\nexact ORIG a" }, { name: "only for K.inv", text: "grind", when: /K\.inv = / }] };
    expect(tacticsFor("Sym.fx_sq", hints, "(a : α) : 0 ≤ a * a").map((t) => t.name)).toEqual([...EQUIVALENCE_TACTICS.map((t) => t.name), "two lines"]);
    expect(tacticsFor("Sym.fx_sq", hints, "(hK : K.inv = 1) : 0 ≤ a * a").map((t) => t.name)).toContain("only for K.inv");
    expect(tacticsFor("Sym.fx_scal", hints)).toHaveLength(EQUIVALENCE_TACTICS.length);
    const { text, spans } = equivalenceFile([cand("a")], (c) => tacticsFor(c.original, hints, leanStatement(c.decl)));
    expect(spans).toHaveLength(EQUIVALENCE_TACTICS.length + 1);
    const last = spans[spans.length - 1] as (typeof spans)[0];
    expect(last.tactic).toBe("two lines");
    expect(text.split("\n").slice(last.from, last.to)).toEqual(["  have h := Sym.fx_scal", "  exact Sym.fx_sq a"]);
    // The hints are part of the cache key: changing them retries the mutant.
    expect(candidateKey(cand("a"), tacticsFor("Sym.fx_sq", hints))).not.toBe(candidateKey(cand("a"), tacticsFor("Sym.fx_sq", {})));
  });

  it("refuses a tactic that would bypass the kernel (sorry, admit, native_decide, …), and every library hint passes", () => {
    for (const bad of ["sorry", "exact (by admit)", "native_decide", "first | grind | sorry", "decide +kernel"]) {
      expect(() => assertHonestTactic({ name: "bad", text: bad })).toThrow(/kernel/);
    }
    expect(() => tacticsFor("Sym.fx_sq", { "Sym.fx_sq": [{ name: "bad", text: "grind\nsorry" }] })).toThrow(/sorry/);
    // Names that merely contain the words are fine.
    expect(() => assertHonestTactic({ name: "ok", text: "exact sorryFree_lemma" })).not.toThrow();
    for (const ts of Object.values(MUTANT_HINTS)) for (const t of ts) expect(() => assertHonestTactic(t)).not.toThrow();
    expect(Object.keys(MUTANT_HINTS).length).toBeGreaterThan(10);
  });

  it("counts a theorem as proved only with no error in its lines and its #check answered", () => {
    const two = [{ name: "simp_all", text: "simp_all <;> done" }, ...EQUIVALENCE_TACTICS];
    const { spans } = equivalenceFile([cand("a"), cand("b"), cand("c")], () => two);
    const [a0, a1, b0, b1, c0] = spans as [(typeof spans)[0], (typeof spans)[0], (typeof spans)[0], (typeof spans)[0], (typeof spans)[0]];
    const messages = [
      // a: the first tactic fails, the second proves it.
      msg(a0.to, "error", "simp_all made no progress"),
      msg(a0.checkLine, "information", `@${a0.name} : ∀ …`),
      msg(a1.checkLine, "information", `@${a1.name} : ∀ …`),
      // b: both fail (the theorem is still added, with an error).
      msg(b0.to, "error", "unsolved goals"),
      msg(b0.checkLine, "information", `@${b0.name} : ∀ …`),
      msg(b1.to, "error", "`grind` failed"),
      msg(b1.checkLine, "information", `@${b1.name} : ∀ …`),
      // c: no error, but the compile stopped before its #check answered.
    ];
    const got = provedBy(messages, spans);
    expect(got.get("a")).toMatchObject({ tactic: EQUIVALENCE_TACTICS[0]?.name });
    expect(got.get("a")?.proof).toContain(`theorem ${a1.name}`);
    expect(got.get("b")).toEqual({ tactic: null });
    expect(got.get("c")).toEqual({ tactic: null });
    expect(c0.name).not.toBe(a0.name);
  });

  it("reuses cached answers without compiling again, and compiles nothing when all are cached", async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "prove-cache-"));
    let compiles = 0;
    const compile = async (file: string) => {
      compiles++;
      const { spans } = equivalenceFile([cand("a")]);
      expect(fs.readFileSync(file, "utf8")).toContain(spans[0]?.name);
      return { ok: true, messages: spans.map((s) => msg(s.checkLine, "information", `@${s.name} : …`)), seconds: 1, detail: "" };
    };
    const first = await proveCandidates([cand("a")], { root, cacheDir, compile });
    expect(first.attempts.get("a")?.tactic).toBe(EQUIVALENCE_TACTICS[0]?.name);
    const again = await proveCandidates([cand("a")], { root, cacheDir, compile: async () => Promise.reject(new Error("must not compile")) });
    expect(again.reused).toBe(1);
    expect(again.attempts.get("a")?.tactic).toBe(EQUIVALENCE_TACTICS[0]?.name);
    expect(compiles).toBe(1);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it("splits the candidates into one file per job, every candidate in exactly one, and compiles the files at once", async () => {
    const cs = ["a", "b", "c", "d", "e"].map((x) => cand(x));
    const parts = splitCandidates(cs, 2);
    expect(parts).toHaveLength(2);
    expect(parts.flat().map((c) => c.id).sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(Math.abs((parts[0]?.length ?? 0) - (parts[1]?.length ?? 0))).toBeLessThanOrEqual(1);
    expect(splitCandidates(cs.slice(0, 1), 4)).toHaveLength(1);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "prove-cache-"));
    const files: string[] = [];
    let running = 0;
    let overlap = 0;
    const r = await proveCandidates(cs, {
      root,
      cacheDir,
      jobs: 2,
      compile: async (file) => {
        files.push(file);
        running++;
        await new Promise((res) => setTimeout(res, 20));
        overlap = Math.max(overlap, running);
        running--;
        const text = fs.readFileSync(file, "utf8");
        const names = [...text.matchAll(/^#check @(\S+)$/gm)].map((m) => m[1] as string);
        const lines = text.split("\n");
        return { ok: true, messages: names.map((n) => msg(lines.indexOf(`#check @${n}`) + 1, "information", `@${n} : …`)), seconds: 1, detail: "" };
      },
    });
    expect(new Set(files).size).toBe(2);
    expect(overlap).toBe(2);
    for (const c of cs) expect(r.attempts.get(c.id)?.tactic).toBe(EQUIVALENCE_TACTICS[0]?.name);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it("caches nothing when the compile gives no answer, so the next run tries again", async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "prove-cache-"));
    const r = await proveCandidates([cand("a")], { root, cacheDir, compile: async () => ({ ok: false, messages: [], seconds: 600, detail: "timed out after 600 s" }) });
    expect(r.problem).toMatch(/timed out/);
    expect(r.attempts.get("a")).toBeUndefined();
    expect(fs.readdirSync(cacheDir)).toEqual([]);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
});

const built = fs.existsSync(oleanPathFor(root, "Sym"));
describe.skipIf(!built)("a real compile with the embedded Lean (needs the built library)", () => {
  it("proves a true mutant of tied_penalty_eq_iff (`t = 1` → `t⁻¹ = 1`) and not a false one (`2 * l * c` → `3 * l * c`); a hint script proves `K.val` → `K.inv` of l2Penalty_orthogonal", async () => {
    const lib = readLibrary(root);
    const { registry } = registryWithExport(root);
    const name = "Sym.Autoencoder.tied_penalty_eq_iff";
    const target = lib.byName.get(name);
    if (!target) throw new Error(`${name} not found`);
    const ms = mutantsOf(lib, registry, target);
    const inv = ms.find((m) => m.description === "`t` → `t⁻¹`" && /↔ t⁻¹ = 1$/.test(m.text));
    const three = ms.find((m) => m.operator === "constant" && /= 3 \* l \* c ↔/.test(m.text));
    if (!inv || !three) throw new Error(`mutants not found: ${ms.map((m) => m.text).join("\n")}`);
    // A mutant only a hint script proves: an orthogonal K's inverse keeps the penalty too.
    const orthName = "Sym.Autoencoder.l2Penalty_orthogonal";
    const orthTarget = lib.byName.get(orthName);
    if (!orthTarget) throw new Error(`${orthName} not found`);
    const orth = mutantsOf(lib, registry, orthTarget).find((m) => m.description === "`K.val` → `K.inv`");
    if (!orth) throw new Error("the K.val → K.inv mutant of l2Penalty_orthogonal was not found");
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "prove-it-"));
    const r = await proveCandidates(
      [
        { id: "inv", original: name, statementHash: "it", decl: inv.decl },
        { id: "three", original: name, statementHash: "it", decl: three.decl },
        { id: "orth", original: orthName, statementHash: "it", decl: orth.decl },
      ],
      { root, cacheDir, timeoutMs: 600_000 },
    );
    expect(r.problem).toBeUndefined();
    expect(r.attempts.get("inv")?.tactic).toBe("grind [statement]");
    expect(r.attempts.get("three")?.tactic).toBeNull();
    // The cheap tactic (grind [statement]) does not prove it; the curated hint does.
    expect(r.attempts.get("orth")?.tactic).toBe(MUTANT_HINTS[orthName]?.[0]?.name);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }, 900_000);
});
