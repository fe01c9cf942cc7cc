/**
 * Singular values by one-sided Jacobi (Hestenes) rotations, in doubles whatever the mode:
 * singular values are irrational in general. Accurate to a few ulps for the small matrices of
 * the properties; chosen over mathjs `eigs` of `AᵀA`, which squares the condition number.
 */
import type { Field } from "./field.js";
import type { Matrix } from "./value.js";

export interface Svd {
  /** Singular values, in decreasing order. */
  readonly values: number[];
  /** Sweeps used. */
  readonly sweeps: number;
}

const MAX_SWEEPS = 60;

/** Singular values of `A` (`min(m, n)` of them). */
export function singularValues<T>(F: Field<T>, A: Matrix<T>): Svd {
  // Work on the columns of B, where B is A or Aᵀ with at least as many rows as columns.
  const tall = A.rows >= A.cols;
  const m = tall ? A.rows : A.cols;
  const n = tall ? A.cols : A.rows;
  const cols: number[][] = [];
  for (let j = 0; j < n; j++) {
    const c: number[] = [];
    for (let i = 0; i < m; i++) {
      const x = tall ? A.data[i]?.[j] : A.data[j]?.[i];
      c.push(F.toNumber(x as T));
    }
    cols.push(c);
  }
  let sweeps = 0;
  for (; sweeps < MAX_SWEEPS; sweeps++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const cp = cols[p] as number[];
        const cq = cols[q] as number[];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = cp[i] as number;
          const y = cq[i] as number;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = cp[i] as number;
          const y = cq[i] as number;
          cp[i] = c * x - s * y;
          cq[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const values = cols.map((c) => Math.hypot(...c)).sort((a, b) => b - a);
  return { values, sweeps };
}
