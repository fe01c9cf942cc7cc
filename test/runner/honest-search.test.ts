/**
 * A counterexample search that can be trusted: the fixture statements of
 * `test/fixtures/honest/Search.lean`, one per failure class, with the status each must get.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runWith } from "../../src/runner/check.js";
import { checkSource } from "../../src/runner/driver.js";
import type { Env, PropertyModule } from "../../src/runner/property.js";
import { Runtime, gramScalarRoot, type Scalar, type V } from "../../src/runner/runtime.js";
import type { NumericRecord } from "../../src/runner/types.js";
import { contextFor, type Context } from "../../src/semantics/context.js";
import { defaultRegistry } from "../../src/semantics/builtins/index.js";
import { structureSizes } from "../../src/semantics/builtins/structure.js";
import { fn, matrix, type Matrix } from "../../src/semantics/value.js";
import { mul, transpose } from "../../src/semantics/matrix.js";
import { decideVerdict } from "../../src/report/verdict.js";
import { numericLine } from "../../src/report/markdown.js";
import type { DeclarationEvidence } from "../../src/report/types.js";
import { groupCandidates, permutations, take } from "../../src/generators/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = "test/fixtures/honest/Search.lean";
const text = readFileSync(path.join(root, file), "utf8");
const check = (name: string, seed = 42, runs = 1000) => checkSource(root, defaultRegistry, file, text, `Sym.${name}`, { runs, seed });

const ctx = contextFor("exact") as unknown as Context<unknown>;
const F = ctx.F;
const q = (s: string) => F.fromRatio(...(s.includes("/") ? (s.split("/").map(Number) as [number, number]) : ([Number(s), 1] as [number, number])));
const mat = (rows: string[][]): Matrix<unknown> => matrix(rows.map((r) => r.map(q))) as Matrix<unknown>;
const holds = (pred: string, K: Matrix<unknown>): boolean => defaultRegistry.get(pred)?.impl(ctx, [K]) === true;

describe("existential statements: a witness is evidence, a failed search is inconclusive", () => {
  it("finds a 3-cycle among the enumerated permutations (∃ over square matrices) and says which search ran", async () => {
    const r = await check("exists_three_cycle");
    expect(r.status).toBe("passed");
    expect(r.search).toMatch(/∃ square matrix: structured \(.*permutations, signed permutations, diagonal, monomial/);
  });

  it("checks ∃∀ with the outer search structured and the inner ∀ sampled", async () => {
    const r = await check("exists_forall_cycle");
    expect(r.status).toBe("passed");
    expect(r.search).toMatch(/∀ vector: .*24 samples/);
    expect(r.search).toMatch(/∃ square matrix/);
  });

  it("reports a closed ∃ without a witness among the candidates as inconclusive, not passed nor unsupported", async () => {
    const r = await check("exists_sqrt_two");
    expect(r.status).toBe("inconclusive");
    expect(r.inconclusiveRuns).toBe(1);
  });

  it("reports ∀∃ whose searches fail on some inputs as inconclusive, with the count, never passed", async () => {
    const r = await check("forall_exists_neg", 42, 200);
    expect(r.status).toBe("inconclusive");
    expect(r.inconclusiveRuns).toBeGreaterThan(0);
    expect(r.message).toMatch(/runs inconclusive/);
  });

  it("solves `K = D * P` for D inside the search over every permutation P: C3.9's decomposition passes", async () => {
    const r = await check("exists_posDiag_mul_perm", 42, 300);
    expect(r.status).toBe("passed");
    expect(r.inconclusiveRuns).toBeUndefined();
    expect(r.search).toMatch(/∃ solved for a bound matrix from an equation of the body/);
    expect(r.search).toMatch(/structured group elements Sym.IsPermMat accepts/);
  });

  it("keeps a decomposition that no candidate meets inconclusive, not refuted", async () => {
    const r = await check("exists_posDiag_mul_perm_signed", 42, 100);
    expect(r.status).toBe("inconclusive");
  });

  it("enumerates every permutation of size 3 and structured group elements", () => {
    expect(take(permutations(3), 10)).toHaveLength(6);
    const xs = take(groupCandidates(F, 3), 200);
    const perms = xs.filter((K) => holds("Sym.IsPermMat", K as Matrix<unknown>));
    expect(perms).toHaveLength(6);
    expect(xs.some((K) => holds("Sym.IsSignedPerm", K as Matrix<unknown>) && !holds("Sym.IsPermMat", K as Matrix<unknown>))).toBe(true);
    expect(xs.some((K) => holds("Sym.IsPosMonomial", K as Matrix<unknown>) && !holds("Sym.IsPosDiag", K as Matrix<unknown>) && !holds("Sym.IsPermMat", K as Matrix<unknown>))).toBe(true);
  });
});

/** A scalar statement `x = x` whose conclusion is false on its first evaluation only. */
function flaky(mode: "exact" | "float"): PropertyModule<Env> {
  let calls = 0;
  return {
    meta: { declaration: "Test.flaky", claimId: "T1", source: "test", mode, statement: "x = x" },
    variables: [{ name: "x", key: "x", type: { k: "scalar" }, constraint: "none", lean: "α" }],
    assignments: [],
    premises: [],
    conclusion: () => calls++ > 0,
  };
}

describe("counterexamples are re-checked before they are reported", () => {
  it("re-checks an exact counterexample over ℚ from its serialized form", async () => {
    const r = await check("transpose_mul_swapped");
    expect(r.status).toBe("counterexample");
    expect(r.recheck).toBe("exact");
  });

  it("turns a counterexample that does not re-check into a harness-error record, never evidence", () => {
    const r = runWith(new Runtime("exact", defaultRegistry), defaultRegistry, flaky("exact"), { runs: 10, seed: 1 }, { claimId: "T1", declaration: "Test.flaky", handWritten: true });
    expect(r.status).toBe("harness-error");
    expect(r.recheck).toBe("failed");
    expect(r.message).toMatch(/does not re-check exactly: the statement holds there/);
  });

  it("keeps a float counterexample that 60-digit decimals confirm, labelled precise", () => {
    // 1 ≠ 1 + 10⁻⁸: false in doubles at the tolerance 10⁻⁹ and false again with 60 digits.
    const near: PropertyModule<Env> = { ...flaky("float"), conclusion: ($) => $.F.eq($.F.one, $.F.add($.F.one, $.F.fromNumber(1e-8))) };
    const r = runWith(new Runtime("float", defaultRegistry), defaultRegistry, near, { runs: 10, seed: 1 }, { claimId: "T1", declaration: "Test.flaky", handWritten: true });
    expect(r.status).toBe("counterexample");
    expect(r.recheck).toBe("precise");
  });

  it("labels a float counterexample that does not survive 60-digit decimals potential, never evidence", () => {
    // (10¹⁶ + 1) − 10¹⁶ = 1 is true; doubles round 10¹⁶ + 1 to 10¹⁶ and get 0.
    const big = 1e16;
    const cancel: PropertyModule<Env> = { ...flaky("float"), conclusion: ($) => $.F.eq($.F.sub($.F.add($.F.fromNumber(big), $.F.one), $.F.fromNumber(big)), $.F.one) };
    const r = runWith(new Runtime("float", defaultRegistry), defaultRegistry, cancel, { runs: 10, seed: 1 }, { claimId: "T1", declaration: "Test.flaky", handWritten: true });
    expect(r.status).toBe("potential");
    expect(r.recheck).toBe("float-only");
  });
});

describe("size 0 among the generated sizes (Lean's `Fin 0`, empty matrices)", () => {
  it("finds a counterexample that exists only at size 0 and shrinks to it", async () => {
    const r = await check("one_ne_zero_mat");
    expect(r.status).toBe("counterexample");
    expect(r.recheck).toBe("exact");
    expect(r.counterexample).toMatchObject({ n: 0, A: [] });
  });

  it("discards the runs where a binder's type is `Fin 0` instead of evaluating them", async () => {
    const r = await check("pos_of_fin");
    expect(r.status).toBe("passed");
    expect(r.skips).toBeGreaterThan(0);
  });
});

describe("sizes from the statement; generators inside and just outside the groups", () => {
  it("checks a subgroup predicate at the size the statement names (trace 1 at size 1 is {I})", async () => {
    expect((await check("isSubgroup_trace_one")).status).toBe("passed");
    expect((await check("isSubgroup_trace_one_two")).status).toBe("counterexample");
  });

  it("runs structure checks at the predicate's domain size, else at sizes 1..3", () => {
    const S = fn<unknown>("S", 1, () => true);
    expect(structureSizes(S)).toEqual([1, 2, 3]);
    expect(structureSizes({ ...S, domainSize: 5 })).toEqual([5]);
  });

  it("checks a subgroup statement at the generated size n", async () => {
    const r = await check("isSubgroup_orthogonal_n", 42, 200);
    expect(r.status).toBe("passed");
  });

  it("refutes `IsOrthogonal ↔ IsSignedPerm` with an orthogonal matrix that is not a signed permutation", async () => {
    const r = await check("isOrthogonal_iff_isSignedPerm");
    expect(r.status).toBe("counterexample");
    expect(r.recheck).toBe("exact");
    const K = mat((r.counterexample as { K: string[][] }).K);
    expect(holds("Sym.IsOrthogonal", K)).toBe(true);
    expect(holds("Sym.IsSignedPerm", K)).toBe(false);
    expect((await check("isOrthogonal_of_isSignedPerm")).status).toBe("passed");
  });
});

describe("premises hard to meet: KᵀK = 2 I is solved for K", () => {
  it("gives the same status at three seeds and reports the discard rate", async () => {
    const statuses: string[] = [];
    for (const seed of [1, 2, 3]) {
      const good = await check("gram_two_comm", seed, 300);
      expect(good.discardRate).toBeTypeOf("number");
      expect(good.message).toMatch(/hK: solved/);
      const bad = await check("gram_two_symm", seed, 300);
      statuses.push(`${good.status}/${bad.status}`);
      const K = mat((bad.counterexample as { K: string[][] }).K);
      const gram = mul(F, transpose(K), K);
      expect(gram.data.every((row, i) => row.every((x, j) => F.eq(x, F.fromInt(i === j ? 2 : 0))))).toBe(true);
    }
    expect(statuses).toEqual(["passed/counterexample", "passed/counterexample", "passed/counterexample"]);
  });

  it("builds rational roots of c I: squares at any size, sums of two squares at even sizes, none for 2 at odd sizes", () => {
    const E = F as unknown as import("../../src/semantics/field.js").Field<Scalar>;
    const check2 = (c: number, n: number): boolean | undefined => {
      const S = gramScalarRoot(E, E.fromInt(c), n) as Matrix<unknown> | undefined;
      if (!S) return undefined;
      return mul(F, transpose(S), S).data.every((row, i) => row.every((x, j) => F.eq(x, F.fromInt(i === j ? c : 0))));
    };
    expect(check2(4, 3)).toBe(true);
    expect(check2(2, 2)).toBe(true);
    expect(check2(5, 4)).toBe(true);
    expect(check2(2, 3)).toBeUndefined();
    expect(check2(3, 2)).toBeUndefined();
  });

  it("solves for K from any orthogonal factor (property)", () => {
    const $ = new Runtime("exact", defaultRegistry);
    const rot = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([p, r]) => {
      const d = p * p + r * r;
      const c = F.fromRatio(r * r - p * p, d);
      const s = F.fromRatio(2 * p * r, d);
      return matrix([[c, F.neg(s)], [s, c]]) as unknown as V;
    });
    fc.assert(
      fc.property(rot, (Q) => {
        const K = $.gramRoot(Q, $.num("2"), true) as unknown as Matrix<unknown>;
        return mul(F, transpose(K), K).data.every((row, i) => row.every((x, j) => F.eq(x, F.fromInt(i === j ? 2 : 0))));
      }),
      { seed: 5, numRuns: 50 },
    );
  });
});

function decl(name: string, over: Partial<DeclarationEvidence> = {}): DeclarationEvidence {
  return {
    name, role: "statement", found: true, kind: "def", module: "Sym.M", moduleStatus: "built", file: "lean/Sym/M.lean", line: 1, endLine: 2,
    statement: `def ${name} : Prop`, hash: "0123456789abcdef", fingerprint: "match", problems: [], ok: true, isTheorem: false, numericRequired: false, numericCounts: true, ...over,
  };
}
const rec = (status: NumericRecord["status"], over: Partial<NumericRecord> = {}): NumericRecord => ({ claimId: "X3.1", declaration: "Sym.C", mode: "exact", status, runs: 1000, skips: 0, premisesHeld: 1000, seed: 42, seconds: 0.1, maxResidual: 0, handWritten: false, ...over });
const claim = { id: "X3.1", truth: "true" as const };

describe("verdicts: only re-checked counterexamples and decided runs are evidence", () => {
  it("never counts an inconclusive record as support", () => {
    expect(decideVerdict({ claim, declarations: [decl("Sym.C")], numeric: [rec("inconclusive", { inconclusiveRuns: 31 })] }).verdict).toBe("failing");
    expect(decideVerdict({ claim, declarations: [decl("Sym.C")], numeric: [rec("passed")] }).verdict).toBe("supported");
  });

  it("does not let an inconclusive record meet a numeric requirement", () => {
    const v = decideVerdict({ claim, declarations: [decl("Sym.C", { numericRequired: true, isTheorem: true, kind: "theorem" })], numeric: [rec("inconclusive")] });
    expect(v.verdict).toBe("failing");
  });

  it("fails a claim on a harness error and never calls a potential counterexample evidence", () => {
    expect(decideVerdict({ claim, declarations: [decl("Sym.C")], numeric: [rec("harness-error", { message: "did not re-check" })] }).verdict).toBe("failing");
    expect(decideVerdict({ claim, declarations: [decl("Sym.C")], numeric: [rec("potential")] }).verdict).toBe("failing");
    expect(decideVerdict({ claim, declarations: [decl("Sym.C")], numeric: [rec("counterexample", { recheck: "exact" })] }).verdict).toBe("suspect");
  });

  it("shows the search kind, the discard rate and the re-check in the report's record line", () => {
    const line = numericLine(rec("counterexample", { recheck: "exact", discardRate: 0.25, search: "∃ square matrix: structured", inconclusiveRuns: 3 }));
    expect(line).toMatch(/discard rate 25\.0%/);
    expect(line).toMatch(/search: ∃ square matrix: structured/);
    expect(line).toMatch(/re-checked exactly over ℚ/);
    expect(line).toMatch(/3 runs inconclusive/);
  });
});
