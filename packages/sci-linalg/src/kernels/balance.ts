/**
 * Balancing of a general matrix, LAPACK's gebal (version 3.12): rows and columns that
 * isolate an eigenvalue are permuted to the bottom and the left, then the remaining
 * submatrix is scaled by powers of 2 so that each row and column pair has about the same
 * norm (Parlett & Reinsch, "Balancing a matrix for calculation of eigenvalues and
 * eigenvectors", Numer. Math. 13, 1969). Real or complex interleaved (lanes), row-major.
 */
import type { Float } from '../stack.js';
import { precisionOf } from './real-schur.js';

const RADIX = 2;
const FACTOR = 0.95;

export interface Balance {
  /** First and last (0-based, inclusive) rows of the scaled submatrix: LAPACK's ilo − 1, ihi − 1. */
  ilo: number;
  ihi: number;
  /**
   * LAPACK's SCALE: for j outside ilo..ihi the (0-based) index of the row and column
   * interchanged with j; inside, the scaling factor of row and column j.
   */
  scale: Float64Array;
  /** NaN found while scaling (LAPACK's info = −3). */
  nan: boolean;
}

function isZero(a: Float, p: number, lanes: number): boolean {
  return a[p] === 0 && (lanes === 1 || a[p + 1] === 0);
}

function magnitude(a: Float, p: number, lanes: number): number {
  return lanes === 1 ? Math.abs(a[p]) : Math.hypot(a[p], a[p + 1]);
}

/** |re| + |im| (LAPACK's izamax compares these; |x| for real). */
function cabs1(a: Float, p: number, lanes: number): number {
  return lanes === 1 ? Math.abs(a[p]) : Math.abs(a[p]) + Math.abs(a[p + 1]);
}

/** Swaps columns i, j over rows 0..rows−1 and rows i, j over columns c0..n−1. */
function swap(a: Float, o: number, n: number, lanes: number, i: number, j: number, rows: number, c0: number): void {
  for (let r = 0; r < rows; r++) {
    for (let l = 0; l < lanes; l++) {
      const p = lanes * (o + r * n + i) + l;
      const q = lanes * (o + r * n + j) + l;
      const t = a[p];
      a[p] = a[q];
      a[q] = t;
    }
  }
  for (let c = c0; c < n; c++) {
    for (let l = 0; l < lanes; l++) {
      const p = lanes * (o + i * n + c) + l;
      const q = lanes * (o + j * n + c) + l;
      const t = a[p];
      a[p] = a[q];
      a[q] = t;
    }
  }
}

/** gebal on the n×n matrix at `o`, in place; `permute` and `scale` are SciPy's switches (job 'P', 'S', 'B' or 'N'). */
export function gebal(a: Float, o: number, n: number, lanes: number, permute: boolean, scaleRows: boolean): Balance {
  const scale = new Float64Array(n).fill(1);
  const result: Balance = { ilo: 0, ihi: n - 1, scale, nan: false };
  if (n === 0) return result;
  let k = 0;
  let l = n - 1;
  if (permute) {
    // rows isolating an eigenvalue go to the bottom
    let noconv = true;
    while (noconv) {
      noconv = false;
      for (let i = l; i >= 0; i--) {
        let canSwap = true;
        for (let j = 0; j <= l; j++) {
          if (i !== j && !isZero(a, lanes * (o + i * n + j), lanes)) {
            canSwap = false;
            break;
          }
        }
        if (!canSwap) continue;
        scale[l] = i;
        if (i !== l) swap(a, o, n, lanes, i, l, l + 1, k);
        noconv = true;
        if (l === 0) {
          // LAPACK's SCALE(1) = 1 here is both the (1-based) index and the factor 1
          scale[0] = 1;
          result.ilo = 0;
          result.ihi = 0;
          return result;
        }
        l--;
      }
    }
    // columns isolating an eigenvalue go to the left
    noconv = true;
    while (noconv) {
      noconv = false;
      for (let j = k; j <= l; j++) {
        let canSwap = true;
        for (let i = k; i <= l; i++) {
          if (i !== j && !isZero(a, lanes * (o + i * n + j), lanes)) {
            canSwap = false;
            break;
          }
        }
        if (!canSwap) continue;
        scale[k] = j;
        if (j !== k) swap(a, o, n, lanes, j, k, l + 1, k);
        noconv = true;
        k++;
      }
    }
  }
  for (let i = k; i <= l; i++) scale[i] = 1;
  result.ilo = k;
  result.ihi = l;
  if (!scaleRows) return result;
  const { ulp, safmin } = precisionOf(a);
  const sfmin1 = safmin / ulp;
  const sfmax1 = 1 / sfmin1;
  const sfmin2 = sfmin1 * RADIX;
  const sfmax2 = 1 / sfmin2;
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = 0;
      let r = 0;
      for (let t = k; t <= l; t++) {
        c = Math.hypot(c, magnitude(a, lanes * (o + t * n + i), lanes));
        r = Math.hypot(r, magnitude(a, lanes * (o + i * n + t), lanes));
      }
      // the largest entries of column i (rows 0..l) and row i (columns k..n−1), by |re| + |im|
      let ica = 0;
      for (let t = 1; t <= l; t++) if (cabs1(a, lanes * (o + t * n + i), lanes) > cabs1(a, lanes * (o + ica * n + i), lanes)) ica = t;
      let ca = magnitude(a, lanes * (o + ica * n + i), lanes);
      let ira = k;
      for (let t = k + 1; t < n; t++) if (cabs1(a, lanes * (o + i * n + t), lanes) > cabs1(a, lanes * (o + i * n + ira), lanes)) ira = t;
      let ra = magnitude(a, lanes * (o + i * n + ira), lanes);
      if (c === 0 || r === 0) continue;
      if (Number.isNaN(c + ca + r + ra)) {
        result.nan = true;
        return result;
      }
      let g = r / RADIX;
      let f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= RADIX;
        c *= RADIX;
        ca *= RADIX;
        r /= RADIX;
        g /= RADIX;
        ra /= RADIX;
      }
      g = c / RADIX;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= RADIX;
        c /= RADIX;
        g /= RADIX;
        ca /= RADIX;
        r *= RADIX;
        ra *= RADIX;
      }
      if (c + r >= FACTOR * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= sfmin1) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= sfmax1 / f) continue;
      g = 1 / f;
      scale[i] *= f;
      noconv = true;
      for (let t = lanes * (o + i * n + k); t < lanes * (o + i * n + n); t++) a[t] *= g;
      for (let t = 0; t <= l; t++) for (let m = 0; m < lanes; m++) a[lanes * (o + t * n + i) + m] *= f;
    }
  }
  return result;
}

/**
 * gebak: the eigenvectors (columns of the n×m matrix `v` at `ov`) of the balanced matrix
 * turned into those of the original: rows scaled by scale (right vectors) or 1/scale (left),
 * then the interchanges undone.
 */
export function gebak(balance: Balance, v: Float, ov: number, n: number, m: number, lanes: number, left: boolean): void {
  const { ilo, ihi, scale } = balance;
  for (let i = ilo; i <= ihi; i++) {
    const s = left ? 1 / scale[i] : scale[i];
    if (s === 1) continue;
    for (let t = lanes * (ov + i * m); t < lanes * (ov + (i + 1) * m); t++) v[t] *= s;
  }
  const swapRows = (i: number, j: number) => {
    for (let t = 0; t < lanes * m; t++) {
      const p = lanes * (ov + i * m) + t;
      const q = lanes * (ov + j * m) + t;
      const x = v[p];
      v[p] = v[q];
      v[q] = x;
    }
  };
  // LAPACK undoes rows ilo−1 down to 0, then ihi+1 up to n−1
  for (let i = ilo - 1; i >= 0; i--) if (scale[i] !== i) swapRows(i, scale[i]);
  for (let i = ihi + 1; i < n; i++) if (scale[i] !== i) swapRows(i, scale[i]);
}
