import { describe, expect, it } from "vitest";
import { defaultRegistry as reg } from "../../src/semantics/builtins/index.js";
import { exactContext, floatContext, valueEq } from "../../src/semantics/context.js";
import { rational, type Rational } from "../../src/semantics/exact.js";
import { mul, smul as smulM, transpose } from "../../src/semantics/matrix.js";
import { nestPairs } from "../../src/semantics/net.js";
import { applyValue } from "../../src/semantics/ops.js";
import { fn, isList, list, matrix, vector, type Value } from "../../src/semantics/value.js";
import { Q, show } from "./helpers.js";

const ctx = exactContext();
const F = ctx.F;
const call = (name: string, ...args: Value<Rational>[]) => reg.call(ctx, name, args);

describe("entries of Sym/Norm/Entrywise.lean (Kronecker products and entrywise norms)", () => {
  const A = Q([[1, 2], [3, 4]]);
  const X = Q([[1, -1], ["1/2", 3]]);
  const B = Q([[0, 5], [6, 7]]);
  it("vec (A X B) = pairMulVec (kron Bᵀ A) (vec X)  (L3.21a)", () => {
    const lhs = call("Sym.vec", mul(F, mul(F, A, X), B));
    const rhs = call("Sym.pairMulVec", call("Sym.kron", transpose(B), A), call("Sym.vec", X));
    expect(valueEq(ctx, lhs, rhs)).toBe(true);
  });
  it("entrywise norms agree with the norms of vec", () => {
    const M = Q([[1, -2, 0], ["1/2", 0, -3]]);
    expect(show(call("Sym.entryL1", M))).toBe("13/2");
    expect(show(call("Sym.entryLInf", M))).toBe("3");
    expect(show(call("Sym.entryL2Sq", M))).toBe("57/4");
    expect(show(call("Sym.vecL1", call("Sym.vec", M)))).toBe("13/2");
    expect(show(call("Sym.vecLInf", call("Sym.vec", M)))).toBe("3");
    expect(show(call("Sym.vecL2Sq", call("Sym.vec", M)))).toBe("57/4");
    expect(show(call("Sym.absVal", rational(-2, 3)))).toBe("2/3");
    expect(show(call("Sym.maxOf", rational(1), rational(-4)))).toBe("1");
    expect(show(call("Sym.finMax", 3, fn<Rational>("neg", 1, ([i]) => F.fromInt(-(i as number)))))).toBe("0");
    expect(show(call("Sym.finMax", 3, fn<Rational>("sq", 1, ([i]) => F.fromInt((i as number) ** 2))))).toBe("4");
  });
  it("builds signed permutation matrices P_p diag(s)", () => {
    const P = Q([[0, 1], [1, 0]]);
    const S = call("Sym.signedPermMat", P, vector([rational(-1), rational(1)]));
    expect(show(S)).toEqual([["0", "1"], ["-1", "0"]]);
    expect(call("Sym.IsSignedPerm", S)).toBe(true);
  });
  it("refutes J3.22b at p = 1: 2I changes ℓ1 and −I keeps it", () => {
    const l1 = reg.value(ctx, "Sym.entryL1");
    expect(call("Sym.residualGroup", 2, l1, l1, Q([[2, 0], [0, 2]]))).toBe(false);
    expect(call("Sym.residualGroup", 2, l1, l1, Q([[-1, 0], [0, -1]]))).toBe(true);
  });
});

describe("entries of Sym/Activation/Residual.lean", () => {
  const relu = reg.value(ctx, "Sym.relu");
  it("decides ReLU residual membership (C3.9, R3.9b)", () => {
    expect(call("Sym.IsResidual", relu, Q([[0, 2], ["1/3", 0]]))).toBe(true);
    expect(call("Sym.IsResidual", relu, Q([[-1, 0], [0, -1]]))).toBe(false);
    expect(call("Sym.IsResidual", relu, call("Sym.rotMat"))).toBe(false);
    expect(call("Sym.IsResidual", relu, Q([[1, 1], [0, 1]]))).toBe(false);
  });
  it("finds sigmoid residual violations for 2I and accepts permutations (R3.10a, J3.10)", () => {
    const f = floatContext();
    const sig = reg.value(f, "Sym.sigmoid");
    expect(reg.call(f, "Sym.IsResidual", [sig, { kind: "mat", rows: 2, cols: 2, data: [[2, 0], [0, 2]] }])).toBe(false);
    expect(reg.call(f, "Sym.IsResidual", [sig, { kind: "mat", rows: 2, cols: 2, data: [[0, 1], [1, 0]] }])).toBe(true);
  });
  it("evaluates Φ_σ and checks P3.2a on an example", () => {
    const p = nestPairs<Rational>([Q([[1, -1], [2, 0]]), Q([[1, 1]])]);
    const x = vector([rational(1), rational(3)]);
    expect(show(call("Sym.Net.eval", relu, p, x))).toEqual(["2"]); // W1 x = [-2, 2] → [0, 2] → 2
    const K = nestPairs<Rational>([Q([[0, 3], ["1/2", 0]])]);
    expect(call("Sym.Net.LayerGroup.Forall", fn<Rational>("P", 2, ([, M]) => call("Sym.IsResidual", relu, M as Value<Rational>)), list<Rational>([2, 1]), K)).toBe(true);
    expect(valueEq(ctx, call("Sym.Net.eval", relu, call("Sym.Net.act", K, p), x), call("Sym.Net.eval", relu, p, x))).toBe(true);
  });
});

describe("entries of Sym/Autoencoder/Basic.lean", () => {
  const id = fn<Rational>("id", 1, ([x]) => x as Value<Rational>);
  const relu = reg.value(ctx, "Sym.relu");
  const W = Q([[1, 0, 1], [0, 1, -1]]);
  const Wp = Q([[1, 0], [0, 1], [1, -1]]);
  it("evaluates the one-layer reconstruction and the mean loss", () => {
    const r = call("Sym.Autoencoder.oneLayerReconstruct", relu, id, W, vector([F.zero, rational(1, 2)]), Wp, vector([F.zero, F.zero, F.one]));
    const x1 = vector([rational(1), rational(0), rational(1)]);
    const x2 = vector([rational(0), rational(0), rational(0)]);
    expect(show(applyValue(ctx, r, [x1]))).toEqual(["2", "0", "3"]);
    const loss = call("Sym.Autoencoder.meanLoss", reg.value(ctx, "Sym.Autoencoder.sqDist"), r, 2, list([x1, x2]));
    expect(show(loss)).toBe("11/4");
  });
  it("moves encoders and decoders by GL d and keeps the reconstruction (D3.14)", () => {
    const A = call("Sym.Autoencoder.glAction", 2);
    const K = Q([[2, 1], [1, 1]]);
    const f = call("Sym.Autoencoder.linMap", W);
    const g = call("Sym.Autoencoder.linMap", Wp);
    const moved = call("Sym.Autoencoder.reconstruct", call("Sym.Autoencoder.actEncoder", A, K, f), call("Sym.Autoencoder.actDecoder", A, K, g));
    const x = vector([rational(1), rational(2), rational(-1)]);
    expect(valueEq(ctx, applyValue(ctx, moved, [x]), applyValue(ctx, call("Sym.Autoencoder.reconstruct", f, g), [x]))).toBe(true);
  });
  it("reads the Jacobian of a linear map off the basis (L3.3.4)", () => {
    const A = call("Sym.Autoencoder.glAction", 2);
    const K = Q([[2, 1], [1, 1]]);
    const f = call("Sym.Autoencoder.linMap", W);
    expect(show(call("Sym.Autoencoder.jac", f))).toEqual(show(W));
    expect(show(call("Sym.Autoencoder.jac", call("Sym.Autoencoder.actEncoder", A, K, f)))).toEqual(show(mul(F, K, W)));
  });
  it("computes the scaled penalty of R3.20a", () => {
    expect(show(call("Sym.Autoencoder.scaledPenalty", rational(2), rational(8), rational(2)))).toBe("8");
  });
});

describe("entries of Sym/Autoencoder/Regularized.lean", () => {
  const W = Q([[1, 0, 1], [0, 1, -1]]);
  const Wp = Q([[1, 0], [0, 1], [1, -1]]);
  const X = Q([[1, 0], [0, 1], [1, 1]]);
  it("computes the penalty and the halved gradients (hand-checked at a critical point)", () => {
    expect(show(call("Sym.Autoencoder.l2Penalty", W, Wp))).toBe("8");
    // W = 0, W' = 0 is a critical point for any X, λ
    const Z = Q([[0, 0, 0], [0, 0, 0]]);
    const Zp = Q([[0, 0], [0, 0], [0, 0]]);
    expect(call("Sym.Autoencoder.IsCriticalL2", X, rational(1, 2), Z, Zp)).toBe(true);
    expect(call("Sym.Autoencoder.IsCriticalL2", X, rational(1, 2), W, Wp)).toBe(false);
    expect(show(call("Sym.Autoencoder.gradEncoder", X, rational(0), Z, Zp))).toEqual(show(Z));
  });
  it("computes the regularized loss", () => {
    const sq = reg.value(ctx, "Sym.Autoencoder.sqDist");
    const x = vector([rational(1), rational(0), rational(1)]); // W x = [2, -1], W'W x = [2, -1, 3], dist² = 1 + 1 + 4 = 6
    expect(show(call("Sym.Autoencoder.l2RegLoss", sq, rational(1, 2), W, Wp, 1, list([x])))).toBe("10");
  });
  it("supports the transpose theorem by gradient descent to critical points (float mode)", () => {
    const f = floatContext();
    expect(reg.call(f, "Sym.Autoencoder.TransposeTheorem", [])).toBe(true);
    expect(f.maxResidual).toBeLessThan(1e-8);
    expect(reg.get("Sym.Autoencoder.TransposeTheorem")?.modes).toEqual(["float"]);
  });
});

describe("group-structure predicates (bounded checks)", () => {
  const pred = (name: string) => reg.value(ctx, name);
  it("recognizes subgroups and non-subgroups", () => {
    expect(call("Sym.IsSubgroup", pred("Sym.IsPosMonomial"))).toBe(true);
    expect(call("Sym.IsSubgroup", pred("Sym.IsPosDiag"))).toBe(true);
    expect(call("Sym.IsSubgroup", pred("Sym.IsOrthogonal"))).toBe(true);
    expect(call("Sym.IsSubgroup", applyValue(ctx, pred("Sym.IsResidual"), [pred("Sym.relu")]))).toBe(true);
    const notClosed = fn<Rational>("IsPosDiagOrPerm", 1, ([K]) => call("Sym.IsPosDiag", K as Value<Rational>) === true || call("Sym.IsPermMat", K as Value<Rational>) === true);
    expect(call("Sym.IsSubgroup", notClosed)).toBe(false);
  });
  it("recognizes D⁺ normal in M⁺ and Perm not normal in M⁺ (C3.9)", () => {
    expect(call("Sym.IsNormalIn", pred("Sym.IsPosDiag"), pred("Sym.IsPosMonomial"))).toBe(true);
    expect(call("Sym.IsNormalIn", pred("Sym.IsPermMat"), pred("Sym.IsPosMonomial"))).toBe(false);
  });
  it("compares a square matrix with a numeral as c I", () => {
    expect(valueEq(ctx, Q([[1, 0], [0, 1]]), 1)).toBe(true);
    expect(valueEq(ctx, Q([[2, 0], [0, 2]]), F.fromInt(2))).toBe(true);
    expect(valueEq(ctx, Q([[1, 1], [0, 1]]), 1)).toBe(false);
  });
});

describe("entries of Sym/Norm/EntrywiseConverse.lean and Sym/Activation/Sigmoid.lean", () => {
  it("gives 2I, −I and the 3-4-5 rotation", () => {
    expect(show(call("Sym.twoI", 2))).toEqual([["2", "0"], ["0", "2"]]);
    expect(show(call("Sym.negI", 1))).toEqual([["-1"]]);
    expect(show(call("Sym.rot345"))).toEqual([["3/5", "-4/5"], ["4/5", "3/5"]]);
    expect(call("Sym.IsOrthogonal", call("Sym.rot345"))).toBe(true);
  });
  it("checks the SigmoidLike hypotheses on the sigmoid, and rejects tanh and ReLU", () => {
    const f = floatContext();
    expect(reg.call(f, "Sym.SigmoidLike", [reg.value(f, "Sym.sigmoid")])).toBe(true);
    const tanh = fn<number>("tanh", 1, ([x]) => Math.tanh(x as number));
    expect(reg.call(f, "Sym.SigmoidLike", [tanh])).toBe(false); // tanh 0 = 0
    expect(call("Sym.SigmoidLike", reg.value(ctx, "Sym.relu"))).toBe(false);
  });
});

describe("the rational sigmoid (exact stand-in for J3.10)", () => {
  it("satisfies SigmoidLike exactly and its residual group has the permutations but not 2I", async () => {
    const { rationalSigmoid } = await import("../../src/semantics/activation.js");
    const { activationValue } = await import("../../src/semantics/builtins/define.js");
    const s = activationValue(rationalSigmoid(F));
    expect(show(applyValue(ctx, s, [F.zero]))).toBe("1/2");
    expect(call("Sym.SigmoidLike", s)).toBe(true);
    expect(call("Sym.IsResidual", s, Q([[0, 1], [1, 0]]))).toBe(true);
    expect(call("Sym.IsResidual", s, Q([[2, 0], [0, 2]]))).toBe(false);
    expect(call("Sym.IsResidual", s, Q([[-1, 0], [0, -1]]))).toBe(false);
  });
});

describe("entries of Sym/Activation/Sigmoid.lean and Sym/Linear/Net.lean", () => {
  it("evaluates softsignSigmoid exactly: 1/2 + t / (2 (1 + |t|))", () => {
    expect(show(call("Sym.softsignSigmoid", rational(0)))).toBe("1/2");
    expect(show(call("Sym.softsignSigmoid", rational(1)))).toBe("3/4");
    expect(show(call("Sym.softsignSigmoid", rational(2)))).toBe("5/6");
    expect(show(call("Sym.softsignSigmoid", rational(-3)))).toBe("1/8");
    expect(call("Sym.SigmoidLike", reg.value(ctx, "Sym.softsignSigmoid"))).toBe(true);
  });
  it("checks SigmoidAtZero (σ 0 = 1/2): true for the sigmoid and its stand-in, false for ReLU and tanh", () => {
    const f = floatContext();
    expect(reg.call(f, "Sym.SigmoidAtZero", [reg.value(f, "Sym.sigmoid")])).toBe(true);
    expect(call("Sym.SigmoidAtZero", reg.value(ctx, "Sym.softsignSigmoid"))).toBe(true);
    expect(call("Sym.SigmoidAtZero", reg.value(ctx, "Sym.relu"))).toBe(false);
    const tanh = fn<number>("tanh", 1, ([x]) => Math.tanh(x as number));
    expect(reg.call(f, "Sym.SigmoidAtZero", [tanh])).toBe(false);
  });
  it("builds passParams as the Lean recursion does, with map B C", () => {
    // n = 3 → m = 2 → 4 → 2, r = 1: W₁ = rectId 2 1 C, W₂ = rectId 4 1 rectId 1 2, W₃ = B rectId 1 4
    const B = Q([[2], [5]]);
    const C = Q([[1, -1, 3]]);
    const p = call("Sym.Net.passParams", 3, 2, list([4, 2]) as unknown as Value<Rational>, 1, B, C);
    const Ws = (function unnest(x: Value<Rational>): Value<Rational>[] {
      return isList(x) && x.items.length === 2 ? [x.items[0] as Value<Rational>, ...unnest(x.items[1] as Value<Rational>)] : [];
    })(p);
    expect(Ws.map((W) => show(W))).toEqual([
      [["1", "-1", "3"], ["0", "0", "0"]],
      [["1", "0"], ["0", "0"], ["0", "0"], ["0", "0"]],
      [["2", "0", "0", "0"], ["5", "0", "0", "0"]],
    ]);
    expect(valueEq(ctx, call("Sym.Net.map", p), mul(F, B, C))).toBe(true);
    // a single layer is B C itself
    expect(show(call("Sym.Net.passParams", 3, 2, list<Rational>([]), 1, B, C))).toEqual(show(nestPairs([mul(F, B, C)])));
  });
});

describe("entries of Sym/Translation.lean (J3.11)", () => {
  it("computes powers of R and the sequence (a_k, b_k) with 5^k R^k = [[a_k, −b_k], [b_k, a_k]]", () => {
    const R = call("Sym.rot");
    // An integer's residue mod 5, from its exact serialization.
    const emod5 = (x: Rational) => Number(((BigInt(F.serialize(x)) % 5n) + 5n) % 5n);
    for (let k = 0; k <= 12; k++) {
      const Rk = call("Sym.Group.npow", R, k);
      const seq = call("Sym.rotSeq", k);
      const [ak, bk] = (isList(seq) ? seq.items : []) as Rational[];
      if (ak === undefined || bk === undefined) throw new Error("rotSeq is a pair");
      const five = call("Sym.pow5", k) as Rational;
      expect(show(smulM(F, five, Rk as never))).toEqual(show(matrix([[ak, F.neg(bk)], [bk, ak]])));
      if (k >= 1) {
        expect(valueEq(ctx, Rk, 1)).toBe(false);
        expect([emod5(ak), emod5(bk)]).toEqual([3, 4]);
      }
    }
    expect(show(call("Sym.Group.zpow", R, -1))).toEqual(show(transpose(R as never)));
    expect(show(call("Sym.rotRep", fn<Rational>("v", 1, () => -2)))).toEqual(show(call("Sym.Group.zpow", R, -2)));
  });
  it("evaluates the ℓ1 converse helpers", () => {
    expect(show(call("Sym.sgn", rational(-3)))).toBe("-1");
    expect(show(call("Sym.sgn", F.zero))).toBe("1");
    expect(show(call("Sym.vecL1'", vector([rational(-1), rational(2)])))).toBe("3");
    // a column pair with disjoint supports has gap 0; overlapping supports give a positive gap
    expect(show(call("Sym.colGap", Q([[1, 0], [0, 1]]), 0, 1))).toBe("0");
    expect(show(call("Sym.colGap", Q([[1, 1], [0, 1]]), 0, 1))).toBe("2");
  });
});

describe("entries of Sym/Translation.lean, the shear representation and the width predicates", () => {
  it("builds block-diagonal matrices", () => {
    expect(show(call("Sym.Mat.blockDiag", Q([[2]]), Q([[0, 1], [1, 0]])))).toEqual([
      ["2", "0", "0"],
      ["0", "0", "1"],
      ["0", "1", "0"],
    ]);
  });
  it("turns addition in ℤ^d into multiplication with I + N_v", () => {
    const v = vector([rational(2), rational(-1)]);
    const w = vector([rational(-3), rational(5)]);
    const sum = vector([rational(-1), rational(4)]);
    expect(show(call("Sym.shearMat", 2, v))).toEqual([["1", "2", "-1"], ["0", "1", "0"], ["0", "0", "1"]]);
    expect(valueEq(ctx, mul(F, call("Sym.shearGL", 2, v) as never, call("Sym.shearGL", 2, w) as never), call("Sym.shearMat", 2, sum))).toBe(true);
    expect(show(call("Sym.coord", 2, v, 1))).toBe("-1");
    expect(show(call("Sym.coord", 2, v, 5))).toBe("0");
  });
  it("reads widths", () => {
    expect(call("Sym.Net.AllAtLeast", 2, list<Rational>([2, 3, 5]))).toBe(true);
    expect(call("Sym.Net.AllAtLeast", 3, list<Rational>([2, 3, 5]))).toBe(false);
    expect(call("Sym.Net.minWidth", 4, list<Rational>([2, 3, 5]))).toBe(2);
  });
});

describe("rotBlockRep (J3.11 in O(2d))", () => {
  it("is a homomorphism from ℤ^d into the orthogonal group, injective on examples", () => {
    const v = vector([rational(1), rational(-2)]);
    const w = vector([rational(3), rational(2)]);
    const sum = vector([rational(4), rational(0)]);
    const Rv = call("Sym.rotBlockRep", 2, v);
    expect(call("Sym.IsOrthogonal", Rv)).toBe(true);
    expect(valueEq(ctx, call("Sym.rotBlockRep", 2, sum), mul(F, Rv as never, call("Sym.rotBlockRep", 2, w) as never))).toBe(true);
    expect(valueEq(ctx, Rv, call("Sym.rotBlockRep", 2, w))).toBe(false);
    expect(valueEq(ctx, call("Sym.rotBlockRep", 2, vector([F.zero, F.zero])), 1)).toBe(true);
  });
});

describe("translation representations (bounded checks)", () => {
  it("accepts v ↦ R^(v 0) and the block copies; rejects a non-faithful and a non-additive map", async () => {
    const { rotationRepresentationFn } = await import("../../src/generators/witness-hints.js");
    const rotRep = reg.value(ctx, "Sym.rotRep");
    expect(call("Sym.IsTranslationRep", rotRep)).toBe(true);
    expect(call("Sym.IsFaithful", rotRep)).toBe(true);
    const blocks = rotationRepresentationFn(F, 2);
    expect(call("Sym.IsTranslationRep", blocks)).toBe(true);
    expect(call("Sym.IsFaithful", blocks)).toBe(true);
    expect(call("Sym.IsOrthogonal", applyValue(ctx, blocks, [vector([rational(2), rational(-3)])]))).toBe(true);
    // v ↦ (−I)^(v 0) is a representation but not faithful; v ↦ R^(v 0 ²) is not a representation
    const sign = fn<Rational>("sign", 1, ([v]) => call("Sym.Group.zpow", Q([[-1, 0], [0, -1]]), applyValue(ctx, v as Value<Rational>, [0])));
    expect(call("Sym.IsTranslationRep", sign)).toBe(true);
    expect(call("Sym.IsFaithful", sign)).toBe(false);
    const square = fn<Rational>("square", 1, ([v]) => {
      const k = applyValue(ctx, v as Value<Rational>, [0]) as Rational;
      return call("Sym.Group.zpow", call("Sym.rot"), F.mul(k, k));
    });
    expect(call("Sym.IsTranslationRep", square)).toBe(false);
  });
});
