/**
 * Autoencoders (D3.12–D3.14, P3.3.2, T3.3.3): encoder `f`, decoder `g`, reconstruction `g ∘ f`;
 * the one-layer autoencoder `f(x) = σ_f(W x + b_z)`, `g(z) = σ_g(W' z + b_y)`; the mean
 * reconstruction loss; the L2 penalty; the latent action `f_K = K f`, `g_K = g ∘ K⁻¹`; and
 * gradient descent on a linear autoencoder with L2 penalty (float mode), for T3.3.3.
 */
import { applyToVector, type Activation } from "./activation.js";
import { SemanticsTypeError, type Field } from "./field.js";
import { inverse } from "./inverse.js";
import { add, mul, mulVec, smul, sub, transpose } from "./matrix.js";
import { frobeniusSq } from "./norms.js";
import { vadd, vsub } from "./vector.js";
import type { Matrix, Vector } from "./value.js";

export type VecMap<T> = (x: Vector<T>) => Vector<T>;

/** One affine layer followed by an activation: `x ↦ σ(W x + b)`. */
export function affineLayer<T>(F: Field<T>, s: Activation<T>, W: Matrix<T>, b: Vector<T>): VecMap<T> {
  return (x) => applyToVector(s, vadd(F, mulVec(F, W, x), b));
}

export interface OneLayerAutoencoder<T> {
  readonly W: Matrix<T>;
  readonly bz: Vector<T>;
  readonly Wp: Matrix<T>;
  readonly by: Vector<T>;
  readonly sf: Activation<T>;
  readonly sg: Activation<T>;
}

/** The encoder `f(x) = σ_f(W x + b_z)`. */
export function encoder<T>(F: Field<T>, ae: OneLayerAutoencoder<T>): VecMap<T> {
  return affineLayer(F, ae.sf, ae.W, ae.bz);
}

/** The decoder `g(z) = σ_g(W' z + b_y)`. */
export function decoder<T>(F: Field<T>, ae: OneLayerAutoencoder<T>): VecMap<T> {
  return affineLayer(F, ae.sg, ae.Wp, ae.by);
}

/** The reconstruction `g ∘ f`. */
export function reconstruction<T>(f: VecMap<T>, g: VecMap<T>): VecMap<T> {
  return (x) => g(f(x));
}

/** The mean squared reconstruction loss `(1/N) Σ ‖g(f(x)) − x‖²` over the data set. */
export function meanReconstructionLoss<T>(F: Field<T>, f: VecMap<T>, g: VecMap<T>, data: readonly Vector<T>[]): T {
  if (data.length === 0) throw new SemanticsTypeError("the mean loss of an empty data set");
  let s = F.zero;
  for (const x of data) s = F.add(s, frobeniusSq(F, vsub(F, g(f(x)), x)));
  // No samples: Lean's field has `x / 0 = 0`, and the sum is 0 anyway.
  return data.length === 0 ? F.zero : F.div(s, F.fromInt(data.length));
}

/** The L2 penalty `λ (‖W‖²_F + ‖W'‖²_F)`. */
export function l2Penalty<T>(F: Field<T>, lambda: T, W: Matrix<T>, Wp: Matrix<T>): T {
  return F.mul(lambda, F.add(frobeniusSq(F, W), frobeniusSq(F, Wp)));
}

/** The latent action on the encoder: `f_K = K f` (D3.14). */
export function actEncoder<T>(F: Field<T>, K: Matrix<T>, f: VecMap<T>): VecMap<T> {
  return (x) => mulVec(F, K, f(x));
}

/** The latent action on the decoder: `g_K = g ∘ K⁻¹` (D3.14). */
export function actDecoder<T>(F: Field<T>, K: Matrix<T>, g: VecMap<T>): VecMap<T> {
  const Kinv = inverse(F, K);
  return (z) => g(mulVec(F, Kinv, z));
}

export interface TrainResult<T> {
  readonly W: Matrix<T>;
  readonly Wp: Matrix<T>;
  /** Frobenius norm of the gradient at the end. */
  readonly gradientNorm: number;
  readonly steps: number;
}

/**
 * Gradient descent on `L(W, W') = (1/N) ‖W' W X − X‖²_F + λ (‖W‖²_F + ‖W'‖²_F)` for a linear
 * autoencoder (`X` has one data point per column), until the gradient norm is below `tol` or
 * `maxSteps` is reached.
 */
export function trainLinearAutoencoder<T>(
  F: Field<T>,
  X: Matrix<T>,
  W0: Matrix<T>,
  Wp0: Matrix<T>,
  lambda: T,
  opts: { readonly rate?: number; readonly maxSteps?: number; readonly tol?: number } = {},
): TrainResult<T> {
  const rate = F.fromNumber(opts.rate ?? 0.05);
  const maxSteps = opts.maxSteps ?? 20000;
  const tol = opts.tol ?? 1e-10;
  const twoOverN = F.fromRatio(2, X.cols);
  const twoLambda = F.mul(F.fromInt(2), lambda);
  let W = W0;
  let Wp = Wp0;
  let gnorm = Infinity;
  let step = 0;
  for (; step < maxSteps; step++) {
    const Z = mul(F, W, X);
    const Rm = sub(F, mul(F, Wp, Z), X);
    const gWp = add(F, smul(F, twoOverN, mul(F, Rm, transpose(Z))), smul(F, twoLambda, Wp));
    const gW = add(F, smul(F, twoOverN, mul(F, mul(F, transpose(Wp), Rm), transpose(X))), smul(F, twoLambda, W));
    gnorm = Math.sqrt(F.toNumber(F.add(frobeniusSq(F, gW), frobeniusSq(F, gWp))));
    if (!Number.isFinite(gnorm) || gnorm < tol) break;
    W = sub(F, W, smul(F, rate, gW));
    Wp = sub(F, Wp, smul(F, rate, gWp));
  }
  return { W, Wp, gradientNorm: gnorm, steps: step };
}

/** T3.3.3 (Lean `gradEncoder`): `W'ᵀ (W' W − I) X Xᵀ + λ W`, half the gradient in `W`. */
export function gradEncoder<T>(F: Field<T>, X: Matrix<T>, lam: T, W: Matrix<T>, Wp: Matrix<T>): Matrix<T> {
  const E = sub(F, mul(F, Wp, W), identityOf(F, Wp.rows));
  return add(F, mul(F, mul(F, mul(F, transpose(Wp), E), X), transpose(X)), smul(F, lam, W));
}

/** T3.3.3 (Lean `gradDecoder`): `(W' W − I) X Xᵀ Wᵀ + λ W'`, half the gradient in `W'`. */
export function gradDecoder<T>(F: Field<T>, X: Matrix<T>, lam: T, W: Matrix<T>, Wp: Matrix<T>): Matrix<T> {
  const E = sub(F, mul(F, Wp, W), identityOf(F, Wp.rows));
  return add(F, mul(F, mul(F, mul(F, E, X), transpose(X)), transpose(W)), smul(F, lam, Wp));
}

function identityOf<T>(F: Field<T>, n: number): Matrix<T> {
  const rows: T[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: n }, (_, j) => (i === j ? F.one : F.zero)));
  return { kind: "mat", rows: n, cols: n, data: rows };
}

/**
 * Gradient descent with the Lean gradients `gradEncoder`, `gradDecoder` (the critical points of
 * `‖(W' W − I) X‖²_F + λ (‖W‖²_F + ‖W'‖²_F)`), until both are below `tol` (float mode).
 */
export function descendToCriticalL2<T>(
  F: Field<T>,
  X: Matrix<T>,
  lam: T,
  W0: Matrix<T>,
  Wp0: Matrix<T>,
  opts: { readonly rate?: number; readonly maxSteps?: number; readonly tol?: number } = {},
): TrainResult<T> {
  const rate = F.fromNumber(opts.rate ?? 0.01);
  const maxSteps = opts.maxSteps ?? 50000;
  const tol = opts.tol ?? 1e-11;
  let W = W0;
  let Wp = Wp0;
  let gnorm = Infinity;
  let step = 0;
  for (; step < maxSteps; step++) {
    const gW = gradEncoder(F, X, lam, W, Wp);
    const gWp = gradDecoder(F, X, lam, W, Wp);
    gnorm = Math.sqrt(F.toNumber(F.add(frobeniusSq(F, gW), frobeniusSq(F, gWp))));
    if (!Number.isFinite(gnorm) || gnorm < tol) break;
    W = sub(F, W, smul(F, rate, gW));
    Wp = sub(F, Wp, smul(F, rate, gWp));
  }
  return { W, Wp, gradientNorm: gnorm, steps: step };
}
