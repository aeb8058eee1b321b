/**
 * Complex (c/z) kernels on row-major interleaved matrices: element (i, j) of the matrix at
 * element offset `o` with leading dimension `ld` has its real part at `a[2 * (o + i * ld + j)]`
 * and its imaginary part right after. The same algorithms as the real kernels (see real.ts),
 * in complex arithmetic.
 */
import type { Float } from '../stack.js';

const BLOCK = 32;

/** |re| + |im|, the magnitude LAPACK's izamax compares when it picks a pivot. */
function cabs1(a: Float, p: number): number {
  return Math.abs(a[p]) + Math.abs(a[p + 1]);
}

/** a[p..] -= (lr + i li) · a[q..], over `count` consecutive complex elements (offsets in lanes). */
function axpyMinus(a: Float, p: number, q: number, lr: number, li: number, count: number): void {
  for (let j = 0; j < 2 * count; j += 2) {
    const ur = a[q + j];
    const ui = a[q + j + 1];
    a[p + j] -= lr * ur - li * ui;
    a[p + j + 1] -= lr * ui + li * ur;
  }
}

function swapRows(a: Float, p: number, q: number, n: number): void {
  for (let j = 0; j < 2 * n; j++) {
    const t = a[p + j];
    a[p + j] = a[q + j];
    a[q + j] = t;
  }
}

/** Complex LU with partial pivoting (zgetrf), blocked and right-looking; see real.ts `getrf`. */
export function cgetrf(a: Float, o: number, m: number, n: number, piv: Int32Array, po: number): number {
  const mn = Math.min(m, n);
  let info = 0;
  const at = (i: number, j: number) => 2 * (o + i * n + j);
  for (let k0 = 0; k0 < mn; k0 += BLOCK) {
    const k1 = Math.min(k0 + BLOCK, mn);
    for (let k = k0; k < k1; k++) {
      let p = k;
      let best = cabs1(a, at(k, k));
      for (let i = k + 1; i < m; i++) {
        const v = cabs1(a, at(i, k));
        if (v > best) {
          best = v;
          p = i;
        }
      }
      piv[po + k] = p;
      const pr = a[at(p, k)];
      const pi = a[at(p, k) + 1];
      if (pr === 0 && pi === 0) {
        if (info === 0) info = k + 1;
        continue;
      }
      if (p !== k) swapRows(a, at(k, 0), at(p, 0), n);
      // reciprocal of the pivot, scaled to avoid overflow (Smith's method)
      const [rr, ri] = reciprocal(pr, pi);
      for (let i = k + 1; i < m; i++) {
        const q = at(i, k);
        const xr = a[q];
        const xi = a[q + 1];
        const lr = xr * rr - xi * ri;
        const li = xr * ri + xi * rr;
        a[q] = lr;
        a[q + 1] = li;
        if (k + 1 < k1) axpyMinus(a, at(i, k + 1), at(k, k + 1), a[q], a[q + 1], k1 - k - 1);
      }
    }
    if (k1 >= n) continue;
    for (let i = k0 + 1; i < k1; i++) {
      for (let r = k0; r < i; r++) axpyMinus(a, at(i, k1), at(r, k1), a[at(i, r)], a[at(i, r) + 1], n - k1);
    }
    for (let i = k1; i < m; i++) {
      for (let r = k0; r < k1; r++) {
        const q = at(i, r);
        if (a[q] === 0 && a[q + 1] === 0) continue;
        axpyMinus(a, at(i, k1), at(r, k1), a[q], a[q + 1], n - k1);
      }
    }
  }
  return info;
}

/** 1 / (re + i im) by Smith's algorithm (no overflow for large components). */
function reciprocal(re: number, im: number): [number, number] {
  if (Math.abs(re) >= Math.abs(im)) {
    const r = im / re;
    const d = re + im * r;
    return [1 / d, -r / d];
  }
  const r = re / im;
  const d = re * r + im;
  return [r / d, -1 / d];
}

/** x / y for complex x = (xr, xi), y = (yr, yi), by Smith's algorithm. */
export function cdiv(xr: number, xi: number, yr: number, yi: number): [number, number] {
  if (Math.abs(yr) >= Math.abs(yi)) {
    const r = yi / yr;
    const d = yr + yi * r;
    return [(xr + xi * r) / d, (xi - xr * r) / d];
  }
  const r = yr / yi;
  const d = yr * r + yi;
  return [(xr * r + xi) / d, (xi * r - xr) / d];
}

/** Applies getrf's row interchanges to the complex k-column matrix `b` (zlaswp). */
export function claswp(b: Float, bo: number, k: number, piv: Int32Array, po: number, count: number, reverse: boolean): void {
  for (let s = 0; s < count; s++) {
    const i = reverse ? count - 1 - s : s;
    if (piv[po + i] !== i) swapRows(b, 2 * (bo + i * k), 2 * (bo + piv[po + i] * k), k);
  }
}

/**
 * Solves op(T) X = B in place (ztrsm / ztrtrs): op = T, Tᵀ or Tᴴ for `trans` 0, 1, 2.
 * Returns the first row with an exactly zero diagonal (nothing solved), or -1.
 */
export function ctrsm(t: Float, to: number, n: number, b: Float, bo: number, k: number, lower: boolean, trans: number, unit: boolean): number {
  if (!unit) {
    for (let i = 0; i < n; i++) {
      const p = 2 * (to + i * n + i);
      if (t[p] === 0 && t[p + 1] === 0) return i;
    }
  }
  const transposed = trans !== 0;
  const sign = trans === 2 ? -1 : 1;
  const index = transposed ? (i: number, j: number) => 2 * (to + j * n + i) : (i: number, j: number) => 2 * (to + i * n + j);
  const forward = lower !== transposed;
  for (let s = 0; s < n; s++) {
    const i = forward ? s : n - 1 - s;
    const row = 2 * (bo + i * k);
    const rStart = forward ? 0 : i + 1;
    const rEnd = forward ? i : n;
    for (let r = rStart; r < rEnd; r++) {
      const p = index(i, r);
      const cr = t[p];
      const ci = sign * t[p + 1];
      if (cr === 0 && ci === 0) continue;
      axpyMinus(b, row, 2 * (bo + r * k), cr, ci, k);
    }
    if (!unit) {
      const p = index(i, i);
      const dr = t[p];
      const di = sign * t[p + 1];
      for (let j = 0; j < 2 * k; j += 2) {
        const [qr, qi] = cdiv(b[row + j], b[row + j + 1], dr, di);
        b[row + j] = qr;
        b[row + j + 1] = qi;
      }
    }
  }
  return -1;
}

/**
 * Cholesky A = L Lᴴ of the Hermitian matrix whose lower triangle is stored at `o` (zpotrf,
 * dot-product form). The diagonal's imaginary parts are ignored, as LAPACK does. Writes L
 * over the lower triangle, zeros above. Returns 0 or 1 + the first non-positive minor.
 */
export function cpotrf(a: Float, o: number, n: number): number {
  const at = (i: number, j: number) => 2 * (o + i * n + j);
  for (let j = 0; j < n; j++) {
    let d = a[at(j, j)];
    for (let k = 0; k < j; k++) {
      const p = at(j, k);
      d -= a[p] * a[p] + a[p + 1] * a[p + 1];
    }
    if (!(d > 0)) return j + 1;
    const ljj = Math.sqrt(d);
    a[at(j, j)] = ljj;
    a[at(j, j) + 1] = 0;
    for (let i = j + 1; i < n; i++) {
      let sr = a[at(i, j)];
      let si = a[at(i, j) + 1];
      for (let k = 0; k < j; k++) {
        // s -= L[i, k] · conj(L[j, k])
        const p = at(i, k);
        const q = at(j, k);
        sr -= a[p] * a[q] + a[p + 1] * a[q + 1];
        si -= a[p + 1] * a[q] - a[p] * a[q + 1];
      }
      a[at(i, j)] = sr / ljj;
      a[at(i, j) + 1] = si / ljj;
    }
    for (let c = j + 1; c < n; c++) {
      a[at(j, c)] = 0;
      a[at(j, c) + 1] = 0;
    }
  }
  return 0;
}
