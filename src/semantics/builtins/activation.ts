/**
 * Registry entries of `Sym/Activation/Residual.lean` and the layer-group predicates of
 * `Sym/Linear/Net.lean`.
 *
 * `IsResidual σ K` (D3.7) is `∀ h, σ(K h) = K σ(h)`: a bounded check over the structured
 * vectors (`0`, `e_i`, `−e_i`, `e_i ± e_j`, `2 e_i`, `e_i/2`, `±𝟙`, `e_i + 2 e_j`) and then
 * {@link RESIDUAL_RANDOM} seeded random ones (the list is computed once per size). For ReLU the structured part alone decides
 * membership (the C3.9 hint: `h = e_j` and `h = e_i − e_j`).
 */
import { commutesAt } from "../groups.js";
import * as Net from "../net.js";
import { applyValue } from "../ops.js";
import type { SemanticEntry } from "../registry.js";
import { T } from "../types.js";
import { structuredVectorCount, vectorCandidateList } from "../../generators/witness.js";
import { define } from "./define.js";

/** Random vectors tried by the bounded check of `IsResidual`, after all the structured ones. */
export const RESIDUAL_RANDOM = 8;
export const RESIDUAL_SEED = 2718;

export const activationEntries: readonly SemanticEntry[] = [
  define({
    name: "Sym.IsResidual",
    params: [["σ", T.activation], ["K", T.sq("n")]],
    result: T.prop,
    doc: "D3.7: σ(K h) = K σ(h) for every h (bounded check over structured, then random h)",
    impl: (a) => {
      const s = a.activation(0);
      const K = a.mat(1);
      const n = K.cols;
      const hs = vectorCandidateList(a.ctx.F, n, structuredVectorCount(n) + RESIDUAL_RANDOM, RESIDUAL_SEED);
      return hs.every((h) => commutesAt(a.ctx, s, K, h));
    },
  }),
  define({
    name: "Sym.Net.eval",
    params: [["σ", T.activation], ["p", T.params("ws", "n")], ["x", T.vec("n")]],
    result: T.vec("outWidth n ws"),
    doc: "P3.2a: Φ_σ(W) x = W_L σ(⋯ σ(W₁ x)), σ after every layer but the last",
    impl: (a) => {
      const Ws = a.mats(1);
      const x = a.vec(2);
      if (Ws.length === 0) return x;
      return Net.phiSigma(a.ctx.F, a.activation(0), Ws, x);
    },
  }),
  define({
    name: "Sym.Net.LayerGroup.Forall",
    params: [["P", T.fn([T.nat, T.sq("m")], T.prop)], ["ws", T.natList], ["K", T.layerGroup("ws")]],
    result: T.prop,
    doc: "every hidden-layer matrix K_i satisfies P (n_i) K_i",
    impl: (a) => a.mats(2).every((K) => applyValue(a.ctx, a.raw(0), [K.rows, K]) === true),
  }),
  define({
    name: "Sym.Net.LayerGroup.Mem",
    params: [["S", T.fn([T.nat, T.nat, T.sq("m")], T.prop)], ["K", T.layerGroup("ws")]],
    result: T.prop,
    doc: "P3.3: K_i ∈ S i n_i for every hidden layer i (numbered from 1)",
    impl: (a) => a.mats(1).every((K, i) => applyValue(a.ctx, a.raw(0), [i + 1, K.rows, K]) === true),
  }),
];
