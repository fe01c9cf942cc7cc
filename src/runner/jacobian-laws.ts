/**
 * Hand-written properties of L3.3.4 for nonlinear maps. The Lean laws
 * (`Sym.hasDerivAt_actEncoder`, `Sym.hasDerivAt_actDecoder`) quantify over every map with an
 * ε–δ derivative, which a generator cannot sample. The properties depart from them in two
 * steps, and say so: the maps range over one-layer maps `x ↦ σ(W x + b)` with random `W`, `b` and
 * the polynomial nonlinearity `σ(t) = t + t² / 2` (its derivative `1 + t` depends on the point, so
 * the maps are not linear; a rational σ such as `t / (1 + t²)` made exact arithmetic 8x
 * slower); and the derivative `J` of the premise is the forward-mode Jacobian (dual numbers,
 * exact over the rationals), which is the derivative because the derivative is unique
 * (`Sym.hasDerivAt_unique`). Both sides of each law
 * are computed independently by forward mode and compared exactly.
 */
import type { Field } from "../semantics/field.js";
import { inverse } from "../semantics/inverse.js";
import { jacobian, type DualMap } from "../semantics/jacobian.js";
import { mul, mulVec } from "../semantics/matrix.js";
import { isMatrix, isVector, type Matrix, type Vector } from "../semantics/value.js";
import { mapVector, vadd } from "../semantics/vector.js";
import type { Env, PropertyModule, VariableSpec } from "./property.js";
import type { Runtime, Scalar, V } from "./runtime.js";

/** `σ(t) = t + t² / 2`: smooth, with a derivative `1 + t` that depends on `t`. */
export function smoothPoly<T>(F: Field<T>): (t: T) => T {
  return (t) => {
    const tt = F.mul(t, t);
    return F.add(t, F.div(tt, F.fromInt(2)));
  };
}

/** The nonlinear map `x ↦ σ(W x + b)` over any field. */
export function smoothLayer<T>(F: Field<T>, W: Matrix<T>, b: Vector<T>): (x: Vector<T>) => Vector<T> {
  const s = smoothPoly(F);
  return (x) => mapVector(vadd(F, mulVec(F, W, x), b), s);
}

function dualLayer<T>(W: Matrix<T>, b: Vector<T>): DualMap<T> {
  return (D, x, lift) => smoothLayer(D, lift.matrix(W), lift.vector(b))(x);
}

function asMatrix(v: V | undefined, name: string): Matrix<Scalar> {
  if (v === undefined || !isMatrix(v)) throw new Error(`${name} is not a matrix`);
  return v;
}

function asVector(v: V | undefined, name: string): Vector<Scalar> {
  if (v === undefined || !isVector(v)) throw new Error(`${name} is not a vector`);
  return v;
}

/**
 * The right-hand side of a law from `K`, `K⁻¹` and the Jacobian of the unmoved map: `K J_f` for
 * the encoder, `J_g K⁻¹` for the decoder. Tests pass wrong laws to see them caught.
 */
export type LawSide = (F: Field<Scalar>, K: Matrix<Scalar>, Kinv: Matrix<Scalar>, J: Matrix<Scalar>) => Matrix<Scalar>;

export interface LawOptions {
  /** The law's right-hand side (default: the lemma's). */
  readonly rhs?: LawSide;
  /** Latent and data spaces of one size (`D = d`), so that `K` fits on either side. */
  readonly square?: boolean;
}

function sizes(square: boolean): { vars: VariableSpec[]; D: string } {
  const d: VariableSpec = { name: "d", key: "d", type: { k: "nat" }, constraint: "none", lean: "Nat" };
  if (square) return { vars: [d], D: "d" };
  return { vars: [{ name: "D", key: "D", type: { k: "nat" }, constraint: "none", lean: "Nat" }, d], D: "D" };
}

/**
 * L3.3.4, encoder: `HasDerivAt f J x → HasDerivAt (actEncoder (glAction d) K f) (K.val * J) x`,
 * checked as `J_{K f}(x) = K J_f(x)` for `f x = σ(W x + b)`.
 */
export function encoderLawProperty(opts: LawOptions = {}): PropertyModule<Env> {
  const { vars, D } = sizes(opts.square ?? false);
  const rhs: LawSide = opts.rhs ?? ((F, K, _Kinv, J) => mul(F, K, J));
  return {
    meta: {
      declaration: "Sym.hasDerivAt_actEncoder",
      claimId: "L3.3.4",
      source: "lean/Sym/Autoencoder/Basic.lean",
      mode: "exact",
      statement: "J_{K f}(x) = K J_f(x) for f x = σ(W x + b), σ(t) = t + t²/2 (forward-mode Jacobians)",
    },
    variables: [
      ...vars,
      { name: "K", key: "K", type: { k: "gl", n: "d" }, constraint: "none", lean: "GL d α" },
      { name: "W", key: "W", type: { k: "mat", m: "d", n: D }, constraint: "none", lean: `Mat d ${D} α` },
      { name: "b", key: "b", type: { k: "vec", n: "d" }, constraint: "none", lean: "Vec d α" },
      { name: "x", key: "x", type: { k: "vec", n: D }, constraint: "none", lean: `Vec ${D} α` },
    ],
    assignments: [],
    premises: [],
    conclusion: ($: Runtime, v: Env) => {
      const F = $.F;
      const K = asMatrix(v.K, "K");
      const W = asMatrix(v.W, "W");
      const b = asVector(v.b, "b");
      const x = asVector(v.x, "x");
      const f = dualLayer(W, b);
      const Kf: DualMap<Scalar> = (Dl, a, lift) => mulVec(Dl, lift.matrix(K), f(Dl, a, lift));
      const lhs = jacobian(F, Kf, x);
      return $.eq(lhs, rhs(F, K, inverse(F, K), jacobian(F, f, x)));
    },
  };
}

/**
 * L3.3.4, decoder: `HasDerivAt g J (f x) → HasDerivAt (actDecoder (glAction d) K g) (J * K.inv)
 * (actEncoder (glAction d) K f x)`, checked as `J_{g ∘ K⁻¹}(K f(x)) = J_g(f(x)) K⁻¹` for
 * `f x = σ(W x + b_z)` and `g z = σ(W' z + b_y)`.
 */
export function decoderLawProperty(opts: LawOptions = {}): PropertyModule<Env> {
  const { vars, D } = sizes(opts.square ?? false);
  const rhs: LawSide = opts.rhs ?? ((F, _K, Kinv, J) => mul(F, J, Kinv));
  return {
    meta: {
      declaration: "Sym.hasDerivAt_actDecoder",
      claimId: "L3.3.4",
      source: "lean/Sym/Autoencoder/Basic.lean",
      mode: "exact",
      statement:
        "J_{g ∘ K⁻¹}(K f(x)) = J_g(f(x)) K⁻¹ for f x = σ(W x + b_z), g z = σ(W' z + b_y), σ(t) = t + t²/2 (forward-mode Jacobians)",
    },
    variables: [
      ...vars,
      { name: "K", key: "K", type: { k: "gl", n: "d" }, constraint: "none", lean: "GL d α" },
      { name: "W", key: "W", type: { k: "mat", m: "d", n: D }, constraint: "none", lean: `Mat d ${D} α` },
      { name: "bz", key: "bz", type: { k: "vec", n: "d" }, constraint: "none", lean: "Vec d α" },
      { name: "x", key: "x", type: { k: "vec", n: D }, constraint: "none", lean: `Vec ${D} α` },
      { name: "W'", key: "Wp", type: { k: "mat", m: D, n: "d" }, constraint: "none", lean: `Mat ${D} d α` },
      { name: "bY", key: "bY", type: { k: "vec", n: D }, constraint: "none", lean: `Vec ${D} α` },
    ],
    assignments: [],
    premises: [],
    conclusion: ($: Runtime, v: Env) => {
      const F = $.F;
      const K = asMatrix(v.K, "K");
      const Kinv = inverse(F, K);
      const W = asMatrix(v.W, "W");
      const bz = asVector(v.bz, "bz");
      const x = asVector(v.x, "x");
      const g = dualLayer(asMatrix(v.Wp, "W'"), asVector(v.bY, "bY"));
      const gK: DualMap<Scalar> = (Dl, z, lift) => g(Dl, mulVec(Dl, lift.matrix(Kinv), z), lift);
      const fx = smoothLayer(F, W, bz)(x);
      const lhs = jacobian(F, gK, mulVec(F, K, fx));
      return $.eq(lhs, rhs(F, K, Kinv, jacobian(F, g, fx)));
    },
  };
}
