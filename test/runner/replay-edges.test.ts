/**
 * Stored counterexamples at their edges: index variables (`Fin n`) stay numbers, an exact scalar
 * stored as a JSON number replays, an activation is found by its bare name too, and sizes,
 * matrices and scalars that do not fit are refused (no replay rather than a wrong one).
 */
import { describe, expect, it } from "vitest";
import type { VariableSpec } from "../../src/runner/property.js";
import { deserializeEnv, serializeEnv } from "../../src/runner/replay.js";
import { Runtime, type V } from "../../src/runner/runtime.js";

const fin: VariableSpec = { name: "i", key: "i_", type: { k: "fin", n: "n" } as never, constraint: "none", lean: "Fin n" };
const nat: VariableSpec = { name: "n", key: "n_", type: { k: "nat" }, constraint: "none", lean: "Nat" };
const t: VariableSpec = { name: "t", key: "t_", type: { k: "scalar" }, constraint: "none", lean: "α" };
const σ: VariableSpec = { name: "σ", key: "s_", type: { k: "activation" }, constraint: "none", lean: "α → α" };
const K: VariableSpec = { name: "K", key: "K_", type: { k: "mat", m: "n", n: "n" }, constraint: "none", lean: "Mat n n α" };
const v: VariableSpec = { name: "v", key: "v_", type: { k: "vec", n: "n" }, constraint: "none", lean: "Vec n α" };

describe("replaying stored counterexamples", () => {
  it("an index of type Fin n is stored and replayed as a number, from a number or a digit string", () => {
    const $ = new Runtime("exact", undefined);
    const env = deserializeEnv($, [fin, t], { i: "3", t: "1/2" });
    expect(env?.["i_"]).toBe(3);
    expect(serializeEnv($.F as never, [fin, t], env!)).toEqual({ i: 3, t: "1/2" });
    expect(deserializeEnv($, [fin], { i: 4 })?.["i_"]).toBe(4);
    const fl = new Runtime("float", undefined);
    expect(serializeEnv(fl.F as never, [fin, t], deserializeEnv(fl, [fin, t], { i: 2, t: 0.5 })!)).toEqual({ i: 2, t: "0.5" });
  });

  it("an exact scalar stored as a JSON number replays as that rational", () => {
    const $ = new Runtime("exact", undefined);
    const env = deserializeEnv($, [t, v], { t: 3, v: [1, "-2/3"] });
    expect(serializeEnv($.F as never, [t, v], env!)).toEqual({ t: "3", v: ["1", "-2/3"] });
  });

  it("an activation is found by its bare name as well as by `<fn name>`", () => {
    const $ = new Runtime("exact", undefined);
    const bare = deserializeEnv($, [σ], { σ: "relu" });
    expect(serializeEnv($.F as never, [σ], bare!)).toEqual({ σ: "<fn relu>" });
    expect(deserializeEnv($, [σ], { σ: "<fn relu> " })).toBeUndefined();
  });

  it.each([
    ["a negative size", { n: "-1" }],
    ["a size with trailing text", { n: "2x" }],
    ["a size with leading text", { n: "x2" }],
    ["a size that is neither number nor string", { n: [2] }],
  ])("refuses %s", (_why, data) => {
    expect(deserializeEnv(new Runtime("exact", undefined), [nat], data)).toBeUndefined();
  });

  it("refuses a matrix with a row that is not an array, and a scalar that is not a number", () => {
    const $ = new Runtime("exact", undefined);
    expect(deserializeEnv($, [K], { K: [["1"], 5] })).toBeUndefined();
    expect(deserializeEnv($, [t], { t: "one" })).toBeUndefined();
    expect(deserializeEnv($, [v], { v: [null] })).toBeUndefined();
  });

  it("a well-formed matrix replays row by row", () => {
    const $ = new Runtime("exact", undefined);
    const env = deserializeEnv($, [K], { K: [["1", "2"], ["3/4", "0"]] });
    expect(serializeEnv($.F as never, [K], env as Record<string, V>)).toEqual({ K: [["1", "2"], ["3/4", "0"]] });
  });
});
