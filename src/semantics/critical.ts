/**
 * Critical points of the L2-regularized linear autoencoder (T3.3.3), found by SOLVING the
 * gradient equations `gradEncoder = 0`, `gradDecoder = 0` (the Lean definitions, halved
 * gradients) with a Levenberg–Marquardt iteration on plain doubles, so that saddle points are
 * reached as well as minima (gradient descent only finds minima). The Jacobian of the gradient
 * map is the Hessian of the halved loss, computed exactly as a directional derivative; its
 * inertia (a failed Cholesky factorization of `H + εI`) tells a saddle from a minimum.
 */

/** A dense matrix of doubles, row-major. */
export type Dense = readonly (readonly number[])[];

function zerosD(m: number, n: number): number[][] {
  return Array.from({ length: m }, () => new Array<number>(n).fill(0));
}

function mulD(A: Dense, B: Dense): number[][] {
  const m = A.length;
  const k = B.length;
  const n = k === 0 ? 0 : (B[0] as number[]).length;
  const C = zerosD(m, n);
  for (let i = 0; i < m; i++) {
    const Ai = A[i] as number[];
    const Ci = C[i] as number[];
    for (let l = 0; l < k; l++) {
      const a = Ai[l] as number;
      if (a === 0) continue;
      const Bl = B[l] as number[];
      for (let j = 0; j < n; j++) Ci[j] = (Ci[j] as number) + a * (Bl[j] as number);
    }
  }
  return C;
}

function tD(A: Dense, cols?: number): Dense {
  const m = A.length;
  const n = m === 0 ? (cols ?? 0) : (A[0] as number[]).length;
  return Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => (A[i] as number[])[j] as number));
}

function lin(a: number, A: Dense, b: number, B: Dense): Dense {
  return A.map((r, i) => r.map((x, j) => a * x + b * ((B[i] as number[])[j] as number)));
}

function minusIdentity(A: Dense): Dense {
  return A.map((r, i) => r.map((x, j) => (i === j ? x - 1 : x)));
}

/** A linear-autoencoder problem: data covariance `S = X Xᵀ` (`D × D`), latent size `d`, `λ`. */
export interface CriticalProblem {
  readonly S: Dense;
  readonly d: number;
  readonly lam: number;
}

/** `(gradEncoder, gradDecoder)` = `(W'ᵀ (W' W − I) S + λ W, (W' W − I) S Wᵀ + λ W')`. */
export function gradientsD(p: CriticalProblem, W: Dense, Wp: Dense): [Dense, Dense] {
  const E = minusIdentity(mulD(Wp, W));
  const ES = mulD(E, p.S);
  const gE = lin(1, mulD(tD(Wp), ES), p.lam, W);
  const gD = lin(1, mulD(ES, tD(W, p.S.length)), p.lam, Wp);
  return [gE, gD];
}

/** The derivative of the gradient map at `(W, W')` in the direction `(dW, dW')` (a Hessian column). */
function gradientDerivative(p: CriticalProblem, W: Dense, Wp: Dense, dW: Dense, dWp: Dense): [Dense, Dense] {
  const E = minusIdentity(mulD(Wp, W));
  const dE = lin(1, mulD(dWp, W), 1, mulD(Wp, dW));
  const ES = mulD(E, p.S);
  const dES = mulD(dE, p.S);
  const gE = lin(1, lin(1, mulD(tD(dWp), ES), 1, mulD(tD(Wp), dES)), p.lam, dW);
  const D = p.S.length;
  const gD = lin(1, lin(1, mulD(dES, tD(W, D)), 1, mulD(ES, tD(dW, D))), p.lam, dWp);
  return [gE, gD];
}

function pack(A: Dense, B: Dense): number[] {
  return [...A.flat(), ...B.flat()];
}

function unpack(z: readonly number[], d: number, D: number): [Dense, Dense] {
  const W = Array.from({ length: d }, (_, i) => z.slice(i * D, (i + 1) * D));
  const off = d * D;
  const Wp = Array.from({ length: D }, (_, i) => z.slice(off + i * d, off + (i + 1) * d));
  return [W, Wp];
}

function norm(v: readonly number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

/** The Hessian of the halved loss at `(W, W')` (the Jacobian of the gradient map), `2dD × 2dD`. */
export function hessianD(p: CriticalProblem, W: Dense, Wp: Dense): Dense {
  const d = p.d;
  const D = p.S.length;
  const n = 2 * d * D;
  const cols: number[][] = [];
  for (let k = 0; k < n; k++) {
    const e = new Array<number>(n).fill(0);
    e[k] = 1;
    const [dW, dWp] = unpack(e, d, D);
    const [a, b] = gradientDerivative(p, W, Wp, dW, dWp);
    cols.push(pack(a, b));
  }
  return tD(cols);
}

/** Cholesky factorization of a symmetric matrix; `undefined` when it is not positive definite. */
export function cholesky(A: Dense): number[][] | undefined {
  const n = A.length;
  const L = zerosD(n, n);
  for (let j = 0; j < n; j++) {
    let s = (A[j] as number[])[j] as number;
    for (let k = 0; k < j; k++) s -= ((L[j] as number[])[k] as number) ** 2;
    if (!(s > 0)) return undefined;
    const ljj = Math.sqrt(s);
    (L[j] as number[])[j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = (A[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) t -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      (L[i] as number[])[j] = t / ljj;
    }
  }
  return L;
}

function choleskySolve(L: Dense, b: readonly number[]): number[] {
  const n = L.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= ((L[i] as number[])[k] as number) * (y[k] as number);
    y[i] = s / ((L[i] as number[])[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= ((L[k] as number[])[i] as number) * (x[k] as number);
    x[i] = s / ((L[i] as number[])[i] as number);
  }
  return x;
}

export interface CriticalPoint {
  readonly W: Dense;
  readonly Wp: Dense;
  /** `‖(gradEncoder, gradDecoder)‖` at the returned point. */
  readonly gradientNorm: number;
  readonly iterations: number;
}

/**
 * Levenberg–Marquardt on `g(W, W') = 0` from `(W0, W'0)`: each step solves
 * `(HᵀH + μ I) δ = −Hᵀ g` (`H` the Hessian); a step that lowers `‖g‖` is taken and `μ` shrinks,
 * otherwise `μ` grows. Stops when `‖g‖ < tol` or after `maxIterations`.
 */
export function solveCriticalL2(
  p: CriticalProblem,
  W0: Dense,
  Wp0: Dense,
  opts: { readonly tol?: number; readonly maxIterations?: number } = {},
): CriticalPoint {
  const tol = opts.tol ?? 1e-12;
  const maxIterations = opts.maxIterations ?? 300;
  const d = p.d;
  const D = p.S.length;
  let z = pack(W0, Wp0);
  const residual = (v: readonly number[]): number[] => {
    const [W, Wp] = unpack(v, d, D);
    const [a, b] = gradientsD(p, W, Wp);
    return pack(a, b);
  };
  let g = residual(z);
  let gn = norm(g);
  let mu = 1e-3;
  let it = 0;
  for (; it < maxIterations && gn >= tol && Number.isFinite(gn); it++) {
    const [W, Wp] = unpack(z, d, D);
    const H = hessianD(p, W, Wp);
    const n = z.length;
    // H is symmetric: Hᵀ H = H H, Hᵀ g = H g.
    const HH = mulD(H, H);
    const Hg = H.map((r) => r.reduce((s, x, j) => s + x * (g[j] as number), 0));
    let accepted = false;
    for (let tries = 0; tries < 30 && !accepted; tries++) {
      const A = HH.map((r, i) => r.map((x, j) => (i === j ? x + mu : x)));
      const L = cholesky(A);
      if (L === undefined) {
        mu *= 10;
        continue;
      }
      const delta = choleskySolve(L, Hg);
      const z2 = z.map((x, i) => x - (delta[i] as number));
      const g2 = residual(z2);
      const gn2 = norm(g2);
      if (Number.isFinite(gn2) && gn2 < gn) {
        z = z2;
        g = g2;
        gn = gn2;
        mu = Math.max(mu / 3, 1e-15);
        accepted = true;
      } else {
        mu *= 4;
      }
    }
    if (!accepted || n === 0) break;
  }
  const [W, Wp] = unpack(z, d, D);
  return { W, Wp, gradientNorm: gn, iterations: it };
}

/**
 * Whether the Hessian at a critical point has a negative direction (a saddle, since the loss
 * is bounded below and coercive for `λ > 0` it has no maxima): `H + εI` is not positive definite
 * for `ε = 1e-7 · max(1, max |H_ij|)`. Zero eigenvalues along the `O(d)` orbit are tolerated.
 */
export function isSaddleL2(p: CriticalProblem, W: Dense, Wp: Dense): boolean {
  const H = hessianD(p, W, Wp);
  const scale = Math.max(1, ...H.flat().map(Math.abs));
  const eps = 1e-7 * scale;
  return cholesky(H.map((r, i) => r.map((x, j) => (i === j ? x + eps : x)))) === undefined;
}
