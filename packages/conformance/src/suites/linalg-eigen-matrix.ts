/**
 * Dense complex matrices (in double) for checking eigen-decompositions as LAPACK's test
 * programs do: residuals scaled by n·ε·‖A‖ (a ratio below 30 passes), unitarity of Q/Z,
 * the shape of Schur forms, and eigenvalues compared as sets.
 */
import type { NDArray } from '@sciport/array-api';

/** A dense complex matrix (row-major [re, im] pairs), whatever the NDArray's dtype. */
export interface CMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };

/** Matrix `index` of the stack x ([..., M, N]) as a CMatrix. */
export function matrixOf(x: NDArray, index = 0): CMatrix {
  const rows = x.ndim === 1 ? x.shape[0] : x.shape[x.ndim - 2];
  const cols = x.ndim === 1 ? 1 : x.shape[x.ndim - 1];
  const data = x.toTypedArray() as Float64Array;
  const complex = x.dtype.startsWith('complex');
  const re = new Float64Array(rows * cols);
  const im = new Float64Array(rows * cols);
  const o = index * rows * cols;
  for (let i = 0; i < rows * cols; i++) {
    re[i] = Number(complex ? data[2 * (o + i)] : data[o + i]);
    im[i] = complex ? data[2 * (o + i) + 1] : 0;
  }
  return { rows, cols, re, im };
}

export function fromRows(rows: number[][]): CMatrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  return { rows: m, cols: n, re: Float64Array.from(rows.flat()), im: new Float64Array(m * n) };
}

export function multiply(a: CMatrix, b: CMatrix, conjA = false): CMatrix {
  const rows = conjA ? a.cols : a.rows;
  const inner = conjA ? a.rows : a.cols;
  const re = new Float64Array(rows * b.cols);
  const im = new Float64Array(rows * b.cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < inner; k++) {
      const p = conjA ? k * a.cols + i : i * a.cols + k;
      const ar = a.re[p];
      const ai = conjA ? -a.im[p] : a.im[p];
      for (let j = 0; j < b.cols; j++) {
        re[i * b.cols + j] += ar * b.re[k * b.cols + j] - ai * b.im[k * b.cols + j];
        im[i * b.cols + j] += ar * b.im[k * b.cols + j] + ai * b.re[k * b.cols + j];
      }
    }
  }
  return { rows, cols: b.cols, re, im };
}

export function subtract(a: CMatrix, b: CMatrix): CMatrix {
  return { rows: a.rows, cols: a.cols, re: a.re.map((x, i) => x - b.re[i]), im: a.im.map((x, i) => x - b.im[i]) };
}

/** The 1-norm (largest column sum of |a_ij|), LAPACK's norm for these ratios. */
export function norm1(a: CMatrix): number {
  let best = 0;
  for (let j = 0; j < a.cols; j++) {
    let s = 0;
    for (let i = 0; i < a.rows; i++) s += Math.hypot(a.re[i * a.cols + j], a.im[i * a.cols + j]);
    best = Math.max(best, s);
  }
  return best;
}

export function identity(n: number): CMatrix {
  const re = new Float64Array(n * n);
  for (let i = 0; i < n; i++) re[i * n + i] = 1;
  return { rows: n, cols: n, re, im: new Float64Array(n * n) };
}

/** ‖A − Z T Zᴴ‖₁ / (n ε ‖A‖₁). */
export function similarityRatio(a: CMatrix, z: CMatrix, t: CMatrix, eps: number): number {
  const n = Math.max(1, a.rows);
  const back = multiply(multiply(z, t), transposeConj(z));
  const residual = norm1(subtract(a, back));
  return residual === 0 ? 0 : residual / (n * eps * norm1(a));
}

/** ‖ZᴴZ − I‖₁ / (n ε). */
export function unitaryRatio(z: CMatrix, eps: number): number {
  return norm1(subtract(multiply(z, z, true), identity(z.cols))) / (Math.max(1, z.rows) * eps);
}

export function transposeConj(a: CMatrix): CMatrix {
  const re = new Float64Array(a.rows * a.cols);
  const im = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      re[j * a.rows + i] = a.re[i * a.cols + j];
      im[j * a.rows + i] = -a.im[i * a.cols + j];
    }
  }
  return { rows: a.cols, cols: a.rows, re, im };
}

/** True when every entry below the `below`-th subdiagonal is exactly zero. */
export function zeroBelow(t: CMatrix, below: number): boolean {
  for (let i = 0; i < t.rows; i++) for (let j = 0; j < i - below; j++) if (t.re[i * t.cols + j] !== 0 || t.im[i * t.cols + j] !== 0) return false;
  return true;
}

/**
 * A real Schur form: quasi-triangular, no two consecutive nonzero subdiagonal entries, and
 * every 2×2 block standardised (equal diagonal, off-diagonal entries of opposite sign).
 */
export function isStandardRealSchur(t: CMatrix): boolean {
  const n = t.rows;
  if (!zeroBelow(t, 1)) return false;
  const at = (i: number, j: number) => t.re[i * n + j];
  for (let i = 1; i < n; i++) {
    if (at(i, i - 1) === 0) continue;
    if (i >= 2 && at(i - 1, i - 2) !== 0) return false;
    if (at(i - 1, i - 1) !== at(i, i)) return false;
    if (Math.sign(at(i - 1, i)) === Math.sign(at(i, i - 1))) return false;
  }
  return t.im.every((x) => x === 0);
}

/** Eigenvalues of a (quasi-)triangular Schur form, in diagonal order, as [re, im] pairs. */
export function schurEigenvalues(t: CMatrix): [number, number][] {
  const n = t.rows;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const sub = i + 1 < n ? t.re[(i + 1) * n + i] : 0;
    if (sub !== 0 && t.im.every((x) => x === 0)) {
      const a = t.re[i * n + i];
      const b = t.re[i * n + i + 1];
      const c = sub;
      const d = t.re[(i + 1) * n + i + 1];
      const tr = (a + d) / 2;
      const disc = (a - d) * (a - d) / 4 + b * c;
      const s = Math.sqrt(-disc);
      out.push([tr, s], [tr, -s]);
      i++;
    } else out.push([t.re[i * n + i], t.im[i * n + i]]);
  }
  return out;
}

/**
 * The largest distance from an eigenvalue of `actual` to its match in `expected` (greedy
 * nearest matching), relative to `scale`.
 */
export function eigenvalueDistance(actual: [number, number][], expected: [number, number][], scale: number): number {
  const left = expected.slice();
  let worst = 0;
  for (const [re, im] of actual) {
    let best = 0;
    for (let k = 1; k < left.length; k++) {
      if (Math.hypot(left[k][0] - re, left[k][1] - im) < Math.hypot(left[best][0] - re, left[best][1] - im)) best = k;
    }
    if (left.length === 0) return Infinity;
    worst = Math.max(worst, Math.hypot(left[best][0] - re, left[best][1] - im) / scale);
    left.splice(best, 1);
  }
  return left.length === 0 ? worst : Infinity;
}

/** The eigenvalues of a [..., N] complex (or real) array's `index`-th vector as [re, im] pairs. */
export function valuesOf(w: NDArray, index = 0): [number, number][] {
  const n = w.shape[w.ndim - 1];
  const data = w.toTypedArray() as Float64Array;
  const complex = w.dtype.startsWith('complex');
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const p = index * n + i;
    out.push(complex ? [Number(data[2 * p]), Number(data[2 * p + 1])] : [Number(data[p]), 0]);
  }
  return out;
}

/**
 * max_k ‖A v_k − λ_k v_k‖₁ / (n ε ‖A‖₁) for right vectors (columns of v), or
 * ‖v_kᴴ A − λ_k v_kᴴ‖ for left ones; LAPACK's eigenvector test ratio.
 */
export function eigenvectorRatio(a: CMatrix, w: [number, number][], v: CMatrix, eps: number, left: boolean): number {
  const n = a.rows;
  const av = left ? multiply(a, v, true) : multiply(a, v);
  let worst = 0;
  for (let k = 0; k < v.cols; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      // right: (A v)_ik − λ v_ik; left: (Aᴴ v)_ik − conj(λ) v_ik
      const [lr, li] = left ? [w[k][0], -w[k][1]] : w[k];
      const vr = v.re[i * v.cols + k];
      const vi = v.im[i * v.cols + k];
      s += Math.hypot(av.re[i * v.cols + k] - (lr * vr - li * vi), av.im[i * v.cols + k] - (lr * vi + li * vr));
    }
    worst = Math.max(worst, s);
  }
  return worst === 0 ? 0 : worst / (Math.max(1, n) * eps * norm1(a));
}

/**
 * LAPACK geev's normalisation: each column of unit 2-norm with its largest component real
 * (among components of equal size, which one is largest is up to rounding: any will do).
 * Returns the worst deviation.
 */
export function normalisationError(v: CMatrix): number {
  let worst = 0;
  for (let k = 0; k < v.cols; k++) {
    let norm = 0;
    let biggest = 0;
    for (let i = 0; i < v.rows; i++) {
      const size = Math.hypot(v.re[i * v.cols + k], v.im[i * v.cols + k]);
      norm = Math.hypot(norm, size);
      biggest = Math.max(biggest, size);
    }
    let imag = Infinity;
    for (let i = 0; i < v.rows; i++) {
      const size = Math.hypot(v.re[i * v.cols + k], v.im[i * v.cols + k]);
      if (size >= biggest * (1 - 1e-3)) imag = Math.min(imag, Math.abs(v.im[i * v.cols + k]) / size);
    }
    worst = Math.max(worst, Math.abs(norm - 1), v.rows === 0 ? 0 : imag);
  }
  return worst;
}

/** B⁻¹ X by Gauss–Jordan elimination with partial pivoting (for checking, not speed). */
export function solveDense(b: CMatrix, x: CMatrix): CMatrix {
  const n = b.rows;
  const m = x.cols;
  const ar = Float64Array.from(b.re);
  const ai = Float64Array.from(b.im);
  const xr = Float64Array.from(x.re);
  const xi = Float64Array.from(x.im);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.hypot(ar[i * n + k], ai[i * n + k]) > Math.hypot(ar[p * n + k], ai[p * n + k])) p = i;
    for (const [arr, width] of [[ar, n], [ai, n], [xr, m], [xi, m]] as const) {
      for (let j = 0; j < width; j++) {
        const t = arr[k * width + j];
        arr[k * width + j] = arr[p * width + j];
        arr[p * width + j] = t;
      }
    }
    const dr = ar[k * n + k];
    const di = ai[k * n + k];
    const d2 = dr * dr + di * di;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      // f = a[i, k] / a[k, k]
      const fr = (ar[i * n + k] * dr + ai[i * n + k] * di) / d2;
      const fi = (ai[i * n + k] * dr - ar[i * n + k] * di) / d2;
      for (const [pr, pi, width] of [[ar, ai, n], [xr, xi, m]] as const) {
        for (let j = 0; j < width; j++) {
          pr[i * width + j] -= fr * pr[k * width + j] - fi * pi[k * width + j];
          pi[i * width + j] -= fr * pi[k * width + j] + fi * pr[k * width + j];
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const dr = ar[i * n + i];
    const di = ai[i * n + i];
    const d2 = dr * dr + di * di;
    for (let j = 0; j < m; j++) {
      const r = xr[i * m + j];
      const im = xi[i * m + j];
      xr[i * m + j] = (r * dr + im * di) / d2;
      xi[i * m + j] = (im * dr - r * di) / d2;
    }
  }
  return { rows: n, cols: m, re: xr, im: xi };
}

/** V scaled column by column by the real values w. */
function scaleColumns(v: CMatrix, w: [number, number][]): CMatrix {
  const re = v.re.map((x, p) => x * w[p % v.cols][0]);
  const im = v.im.map((x, p) => x * w[p % v.cols][0]);
  return { rows: v.rows, cols: v.cols, re, im };
}

/**
 * The residual of eigh's vectors: ‖A V − V Λ‖ (standard), ‖A V − B V Λ‖ (type 1),
 * ‖A B V − V Λ‖ (type 2), ‖B A V − V Λ‖ (type 3), over n·ε·(‖A‖‖V‖ + ‖B‖‖V‖ max|λ|) (‖B‖ = 1 without B).
 */
export function generalizedResidualRatio(a: CMatrix, b: CMatrix | null, type: number, w: [number, number][], v: CMatrix, eps: number): number {
  const vl = scaleColumns(v, w);
  let residual: CMatrix;
  if (b === null) residual = subtract(multiply(a, v), vl);
  else if (type === 1) residual = subtract(multiply(a, v), multiply(b, vl));
  else if (type === 2) residual = subtract(multiply(a, multiply(b, v)), vl);
  else residual = subtract(multiply(b, multiply(a, v)), vl);
  const size = norm1(residual);
  if (size === 0) return 0;
  const lambda = Math.max(0, ...w.map(([re]) => Math.abs(re)));
  const nb = b === null ? 1 : norm1(b);
  const scale = type === 1 || b === null ? norm1(a) * norm1(v) + nb * norm1(v) * lambda : nb * norm1(a) * norm1(v) + norm1(v) * lambda;
  return size / (Math.max(1, a.rows) * eps * scale);
}

/** ‖VᴴV − I‖, ‖VᴴBV − I‖ (types 1, 2) or ‖VᴴB⁻¹V − I‖ (type 3), over n·ε·‖B‖‖B⁻¹‖-free scaling n·ε. */
export function orthonormalityRatio(v: CMatrix, b: CMatrix | null, type: number, eps: number): number {
  const bv = b === null ? v : type === 3 ? solveDense(b, v) : multiply(b, v);
  return norm1(subtract(multiply(v, bv, true), identity(v.cols))) / (Math.max(1, v.rows) * eps);
}

/**
 * The residual of generalized eigenvectors: ‖A v − λ B v‖ (right) or ‖vᴴA − λ vᴴB‖ (left)
 * over n·ε·(‖A‖ + |λ|‖B‖)‖v‖, worst column; an infinite λ is checked as ‖B v‖ / (n·ε·‖B‖).
 */
export function pencilResidualRatio(a: CMatrix, b: CMatrix, w: [number, number][], v: CMatrix, eps: number, left: boolean): number {
  const n = a.rows;
  const av = left ? multiply(a, v, true) : multiply(a, v);
  const bv = left ? multiply(b, v, true) : multiply(b, v);
  const na = norm1(a);
  const nb = norm1(b);
  let worst = 0;
  for (let k = 0; k < v.cols; k++) {
    const [lr, li] = left ? [w[k][0], -w[k][1]] : w[k];
    let s = 0;
    let vnorm = 0;
    for (let i = 0; i < n; i++) {
      const p = i * v.cols + k;
      vnorm += Math.hypot(v.re[p], v.im[p]);
      if (!Number.isFinite(lr) || !Number.isFinite(li)) s += Math.hypot(bv.re[p], bv.im[p]);
      else s += Math.hypot(av.re[p] - (lr * bv.re[p] - li * bv.im[p]), av.im[p] - (lr * bv.im[p] + li * bv.re[p]));
    }
    if (s === 0) continue;
    const finite = Number.isFinite(lr) && Number.isFinite(li);
    const scale = (finite ? na + Math.hypot(lr, li) * nb : nb) * vnorm;
    worst = Math.max(worst, s / (Math.max(1, n) * eps * scale));
  }
  return worst;
}
