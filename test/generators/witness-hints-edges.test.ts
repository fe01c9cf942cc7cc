/**
 * The witness hints layer by layer: which layer carries `A` in a factorization, the exact rescaled
 * parameters, the hints' refusal of statements whose variables are missing or of the wrong kind,
 * and the two J3.11 representations as function values.
 */
import { describe, expect, it } from "vitest";
import { exactContext } from "../../src/semantics/context.js";
import { unnestMatrices } from "../../src/semantics/net.js";
import { rotationRepresentation } from "../../src/semantics/rotation.js";
import { list, matrix, vector, type FnValue, type Matrix, type Value } from "../../src/semantics/value.js";
import {
  factorThroughWidths,
  rescaledParameters,
  rotationRepresentationFn,
  shearRepresentationFn,
  twoLayerFactorization,
  witnessHints,
} from "../../src/generators/witness-hints.js";

const F = exactContext().F;
type Q = ReturnType<typeof F.fromInt>;
const q = (x: number) => F.fromInt(x);
const M = (rows: number[][], cols?: number): Matrix<Q> => matrix(rows.map((r) => r.map(q)), cols);
const show = (m: Matrix<unknown>) => m.data.map((r) => r.map((x) => F.serialize(x as Q)).join(" ")).join(" / ");
const layers = (v: Value<Q> | undefined) => (v === undefined ? undefined : unnestMatrices(v).map(show));

const A32 = M([[1, 2], [3, 4], [5, 6]]);
const A23 = M([[1, 2, 3], [4, 5, 6]]);
const A22 = M([[1, 2], [3, 4]]);

describe("twoLayerFactorization", () => {
  it("with m ≥ n: the first layer a rectangular identity, the second A padded with zero columns", () => {
    expect(layers(twoLayerFactorization(F, A32, 2))).toEqual(["1 0 / 0 1", "1 2 / 3 4 / 5 6"]);
    expect(layers(twoLayerFactorization(F, A32, 3))).toEqual(["1 0 / 0 1 / 0 0", "1 2 0 / 3 4 0 / 5 6 0"]);
  });
  it("with k ≤ m < n: A padded with zero rows first, then a rectangular identity", () => {
    expect(layers(twoLayerFactorization(F, A23, 2))).toEqual(["1 2 3 / 4 5 6", "1 0 / 0 1"]);
    expect(layers(twoLayerFactorization(F, M([[1, 2, 3]]), 2))).toEqual(["1 2 3 / 0 0 0", "1 0"]);
  });
  it("gives none when m is below both n and k", () => {
    expect(twoLayerFactorization(F, A23, 1)).toBeUndefined();
    expect(twoLayerFactorization(F, A32, 1)).toBeUndefined();
  });
});

describe("factorThroughWidths", () => {
  it("with one layer of width k: A itself", () => {
    expect(layers(factorThroughWidths(F, A32, [3]))).toEqual(["1 2 / 3 4 / 5 6"]);
  });
  it("with n ≤ k: rectangular identities, A in the last layer", () => {
    expect(layers(factorThroughWidths(F, A22, [3, 2]))).toEqual(["1 0 / 0 1 / 0 0", "1 2 0 / 3 4 0"]);
    expect(layers(factorThroughWidths(F, A32, [2, 4, 3]))).toEqual(["1 0 / 0 1", "1 0 / 0 1 / 0 0 / 0 0", "1 2 0 0 / 3 4 0 0 / 5 6 0 0"]);
  });
  it("with k < n: A in the first layer, rectangular identities after it", () => {
    expect(layers(factorThroughWidths(F, A23, [3, 2]))).toEqual(["1 2 3 / 4 5 6 / 0 0 0", "1 0 0 / 0 1 0"]);
  });
  it("gives none without layers, when the last width is not k, or when a width is below min(n, k)", () => {
    expect(factorThroughWidths(F, A22, [])).toBeUndefined();
    expect(factorThroughWidths(F, A32, [2])).toBeUndefined();
    expect(factorThroughWidths(F, A32, [3, 2])).toBeUndefined();
    expect(factorThroughWidths(F, A32, [1, 3])).toBeUndefined();
    expect(layers(factorThroughWidths(F, A32, [2, 3]))).toEqual(["1 0 / 0 1", "1 2 / 3 4 / 5 6"]);
  });
});

describe("rescaledParameters", () => {
  it("doubles the first layer, halves the second, and keeps the rest", () => {
    const Ws = [M([[1, 0], [2, 1], [0, 3]]), M([[2, 4, 6], [1, 1, 1]]), M([[1, 3]])];
    expect(layers(rescaledParameters(F, list<Q>(Ws)))).toEqual(["2 0 / 4 2 / 0 6", "1 2 3 / 1/2 1/2 1/2", "1 3"]);
  });
  it("of two layers: 2·W₁ and W₂ / 2", () => {
    expect(layers(rescaledParameters(F, list<Q>([A23, M([[2, 4]])])))).toEqual(["2 4 6 / 8 10 12", "1 2"]);
  });
  it("gives none for a single layer", () => {
    expect(rescaledParameters(F, list<Q>([A22]))).toBeUndefined();
  });
});

describe("the hints by declaration", () => {
  const hint = (name: string, env: Record<string, Value<Q>>) => {
    const h = witnessHints[name];
    if (!h) throw new Error(`no hint ${name}`);
    return h(F, env);
  };
  it("name exactly the six declarations they serve", () => {
    expect(Object.keys(witnessHints).sort()).toEqual([
      "Sym.Net.exists_map_eq",
      "Sym.Net.exists_map_eq_two_layers",
      "Sym.Net.exists_ne_map_eq",
      "Sym.exists_faithful_translationRep_orthogonal",
      "Sym.exists_faithful_translationRep_orthogonal_blocks",
      "Sym.exists_faithful_translationRep_shear",
    ]);
  });
  it("R3.2a with two layers: the factorization through m, or nothing when A or m is missing or of another kind", () => {
    expect(hint("Sym.Net.exists_map_eq_two_layers", { A: A32, m: 2 }).map(layers)).toEqual([["1 0 / 0 1", "1 2 / 3 4 / 5 6"]]);
    expect(hint("Sym.Net.exists_map_eq_two_layers", { A: A32, m: 1 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq_two_layers", { m: 2 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq_two_layers", { A: A32 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq_two_layers", { A: vector([q(1)]), m: 2 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq_two_layers", { A: 3, m: 2 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq_two_layers", { A: list<Q>([A32]), m: 2 })).toEqual([]);
  });
  it("R3.2a at any depth: factors through m and the numbers of ws, or nothing without a matrix A, a number m and a list ws", () => {
    expect(hint("Sym.Net.exists_map_eq", { A: A32, m: 2, ws: list<Q>([3]) }).map(layers)).toEqual([["1 0 / 0 1", "1 2 / 3 4 / 5 6"]]);
    expect(hint("Sym.Net.exists_map_eq", { A: A32, m: 2, ws: list<Q>([4, A22, 3]) }).map(layers)).toEqual([["1 0 / 0 1", "1 0 / 0 1 / 0 0 / 0 0", "1 2 0 0 / 3 4 0 0 / 5 6 0 0"]]);
    expect(hint("Sym.Net.exists_map_eq", { A: A32, m: 2, ws: list<Q>([2]) })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq", { A: A32, m: 2 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq", { A: A32, m: 2, ws: A22 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq", { A: A32, m: 2, ws: 3 })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq", { A: A32, ws: list<Q>([3]) })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq", { A: vector([q(1)]), m: 2, ws: list<Q>([3]) })).toEqual([]);
    expect(hint("Sym.Net.exists_map_eq", { m: 2, ws: list<Q>([3]) })).toEqual([]);
  });
  it("R3.2c: the rescaled parameters of p, or nothing without p or with one layer", () => {
    expect(hint("Sym.Net.exists_ne_map_eq", { p: list<Q>([A23, M([[2, 4]])]) }).map(layers)).toEqual([["2 4 6 / 8 10 12", "1 2"]]);
    expect(hint("Sym.Net.exists_ne_map_eq", {})).toEqual([]);
    expect(hint("Sym.Net.exists_ne_map_eq", { p: list<Q>([A22]) })).toEqual([]);
  });
  it("J3.11: the rotation representation of ℤ (d = 1) and of ℤ^d, the shear of ℤ^d, nothing without a number d", () => {
    const [r1] = hint("Sym.exists_faithful_translationRep_orthogonal", {}) as FnValue<Q>[];
    expect(r1).toMatchObject({ kind: "fn", name: "rotBlockRep", arity: 1, inputSize: 1 });
    const [r2] = hint("Sym.exists_faithful_translationRep_orthogonal_blocks", { d: 2 }) as FnValue<Q>[];
    expect(r2).toMatchObject({ name: "rotBlockRep", inputSize: 2 });
    const [s3] = hint("Sym.exists_faithful_translationRep_shear", { d: 3 }) as FnValue<Q>[];
    expect(s3).toMatchObject({ name: "shearGL", inputSize: 3 });
    expect(hint("Sym.exists_faithful_translationRep_orthogonal_blocks", {})).toEqual([]);
    expect(hint("Sym.exists_faithful_translationRep_orthogonal_blocks", { d: A22 })).toEqual([]);
    expect(hint("Sym.exists_faithful_translationRep_shear", {})).toEqual([]);
    expect(hint("Sym.exists_faithful_translationRep_shear", { d: list<Q>([]) })).toEqual([]);
  });
});

describe("the J3.11 representations", () => {
  it("rotBlockRep maps a point to the block diagonal of rotation powers, and refuses a point of another size", () => {
    const rho = rotationRepresentationFn(F, 2) as FnValue<Q>;
    const v = vector([q(1), q(-2)]);
    expect(show(rho.apply([v]) as Matrix<Q>)).toBe(show(rotationRepresentation(F, [1, -2])));
    expect(() => rho.apply([vector([q(1)])])).toThrow("rotBlockRep applies to a point of ℤ^2");
    expect(() => rho.apply([])).toThrow("rotBlockRep applies to a point of ℤ^2");
    expect(() => rho.apply([A22])).toThrow("rotBlockRep applies to a point of ℤ^2");
  });
  it("shearGL maps v to I with (v₀, …) in the first row after the diagonal, and refuses a point of another size", () => {
    const s = shearRepresentationFn(F, 2) as FnValue<Q>;
    expect(show(s.apply([vector([q(5), q(-3)])]) as Matrix<Q>)).toBe("1 5 -3 / 0 1 0 / 0 0 1");
    expect(() => s.apply([vector([q(1), q(2), q(3)])])).toThrow("shearGL applies to a point of ℤ^2");
    expect(() => s.apply([])).toThrow("shearGL applies to a point of ℤ^2");
    expect(() => s.apply([q(1)])).toThrow("shearGL applies to a point of ℤ^2");
  });
});
