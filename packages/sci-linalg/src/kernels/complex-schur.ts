/**
 * Complex Schur form of an upper Hessenberg matrix by the implicit single-shift QR algorithm
 * with Wilkinson's shift, in the form of LAPACK's zlahqr: the subdiagonal is kept real,
 * 2-element reflectors chase the bulge, deflation by Ahues & Tisseur's criterion (LAPACK
 * Working Note 122) and exceptional shifts every 10 iterations without deflation.
 * Row-major interleaved: element (i, j) at 2·(o + i·n + j).
 */
import type { Float } from '../stack.js';
import { cdiv } from './complex.js';
import { makeReflector } from './reflector.js';
import { precisionOf } from './real-schur.js';

const EXCEPTIONAL = 10;
const DAT1 = 0.75;

const cabs1 = (re: number, im: number) => Math.abs(re) + Math.abs(im);

/** Powers of two that move a modulus away from underflow or overflow exactly. */
const TINY = 2 ** -500;
const HUGE = 2 ** 500;

/**
 * Complex square root, principal branch. The argument is first scaled by an even power of
 * two when its modulus is tiny or huge (subnormal halves would round to zero, sums
 * overflow), then the root scaled back: the Fortran SQRT zlahqr relies on is as robust.
 */
function csqrt(re: number, im: number): [number, number] {
  const r = Math.hypot(re, im);
  if (r === 0) return [0, 0];
  let back = 1;
  if (r < TINY) {
    re *= 2 ** 600;
    im *= 2 ** 600;
    back = 2 ** -300;
  } else if (r > HUGE) {
    re *= 2 ** -600;
    im *= 2 ** -600;
    back = 2 ** 300;
  }
  const rs = Math.hypot(re, im);
  const sr = Math.sqrt((rs + Math.abs(re)) / 2);
  if (re >= 0) return [sr * back, (im / (2 * sr)) * back];
  return [(Math.abs(im) / (2 * sr)) * back, (im >= 0 ? sr : -sr) * back];
}

/** Scales row i, columns c0..c1−1 of the matrix at `o` by (sr + i·si). */
function scaleRow(h: Float, o: number, n: number, i: number, c0: number, c1: number, sr: number, si: number): void {
  for (let j = c0; j < c1; j++) {
    const p = 2 * (o + i * n + j);
    const xr = h[p];
    const xi = h[p + 1];
    h[p] = xr * sr - xi * si;
    h[p + 1] = xr * si + xi * sr;
  }
}

/** Scales column j, rows r0..r1−1 of the matrix at `o` by (sr + i·si). */
function scaleColumn(h: Float, o: number, n: number, j: number, r0: number, r1: number, sr: number, si: number): void {
  for (let i = r0; i < r1; i++) {
    const p = 2 * (o + i * n + j);
    const xr = h[p];
    const xi = h[p + 1];
    h[p] = xr * sr - xi * si;
    h[p + 1] = xr * si + xi * sr;
  }
}

/**
 * zlahqr on the n×n complex upper Hessenberg matrix at `o`: with `wantT` H becomes its
 * (upper triangular) Schur form T; with `z` the transformations are accumulated into the
 * n×n matrix at `oz`. Eigenvalues go to w (interleaved). Returns LAPACK's info: 0, or the
 * 1-based index i such that the eigenvalues i+1..n have converged and the rest have not.
 */
export function complexSchur(h: Float, o: number, n: number, z: Float | null, oz: number, w: Float64Array, wantT: boolean): number {
  if (n === 0) return 0;
  const { ulp, safmin } = precisionOf(h);
  const at = (i: number, j: number) => 2 * (o + i * n + j);
  for (let j = 0; j + 2 < n; j++) {
    h[at(j + 2, j)] = 0;
    h[at(j + 2, j) + 1] = 0;
  }
  // make the subdiagonal real by a diagonal unitary similarity
  for (let i = 1; i < n; i++) {
    const p = at(i, i - 1);
    if (h[p + 1] === 0) continue;
    const r = Math.hypot(h[p], h[p + 1]);
    // sc = conj(h) / |h|
    const sr = h[p] / r;
    const si = -h[p + 1] / r;
    h[p] = r;
    h[p + 1] = 0;
    const jhi = wantT ? n : n;
    scaleRow(h, o, n, i, i, jhi, sr, si);
    scaleColumn(h, o, n, i, 0, Math.min(jhi, i + 2), sr, -si);
    if (z !== null) scaleColumn(z, oz, n, i, 0, n, sr, -si);
  }
  const smlnum = safmin * (n / ulp);
  let i1 = 0;
  let i2 = n - 1;
  const itmax = 30 * Math.max(10, n);
  let kdefl = 0;
  let i = n - 1;
  const reflector = new Float64Array(4);
  while (i >= 0) {
    let l = 0;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k = i;
      for (; k > l; k--) {
        const sub = at(k, k - 1);
        if (cabs1(h[sub], h[sub + 1]) <= smlnum) break;
        const d0 = at(k - 1, k - 1);
        const d1 = at(k, k);
        let tst = cabs1(h[d0], h[d0 + 1]) + cabs1(h[d1], h[d1 + 1]);
        if (tst === 0) {
          if (k - 2 >= 0) tst += Math.abs(h[at(k - 1, k - 2)]);
          if (k + 1 <= n - 1) tst += Math.abs(h[at(k + 1, k)]);
        }
        if (Math.abs(h[sub]) <= ulp * tst) {
          const up = at(k - 1, k);
          const a1 = cabs1(h[sub], h[sub + 1]);
          const a2 = cabs1(h[up], h[up + 1]);
          const ab = Math.max(a1, a2);
          const ba = Math.min(a1, a2);
          const hkk = cabs1(h[d1], h[d1 + 1]);
          const diff = cabs1(h[d0] - h[d1], h[d0 + 1] - h[d1 + 1]);
          const aa = Math.max(hkk, diff);
          const bb = Math.min(hkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ulp * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > 0) {
        h[at(l, l - 1)] = 0;
        h[at(l, l - 1) + 1] = 0;
      }
      if (l >= i) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantT) {
        i1 = l;
        i2 = i;
      }
      // the shift t
      let tr: number;
      let ti: number;
      if (kdefl % (2 * EXCEPTIONAL) === 0) {
        const s = DAT1 * Math.abs(h[at(i, i - 1)]);
        tr = s + h[at(i, i)];
        ti = h[at(i, i) + 1];
      } else if (kdefl % EXCEPTIONAL === 0) {
        const s = DAT1 * Math.abs(h[at(l + 1, l)]);
        tr = s + h[at(l, l)];
        ti = h[at(l, l) + 1];
      } else {
        // Wilkinson's shift: the eigenvalue of the trailing 2×2 block nearer h(i, i)
        tr = h[at(i, i)];
        ti = h[at(i, i) + 1];
        const [ar, ai] = csqrt(h[at(i - 1, i)], h[at(i - 1, i) + 1]);
        const [br, bi] = csqrt(h[at(i, i - 1)], h[at(i, i - 1) + 1]);
        const ur = ar * br - ai * bi;
        const ui = ar * bi + ai * br;
        let s = cabs1(ur, ui);
        if (s !== 0) {
          const xr = 0.5 * (h[at(i - 1, i - 1)] - tr);
          const xi = 0.5 * (h[at(i - 1, i - 1) + 1] - ti);
          const sx = cabs1(xr, xi);
          s = Math.max(s, sx);
          // y = s·sqrt((x/s)² + (u/s)²)
          const xsr = xr / s;
          const xsi = xi / s;
          const usr = ur / s;
          const usi = ui / s;
          const [qr, qi] = csqrt(xsr * xsr - xsi * xsi + usr * usr - usi * usi, 2 * xsr * xsi + 2 * usr * usi);
          let yr = s * qr;
          let yi = s * qi;
          if (sx > 0 && (xr / sx) * yr + (xi / sx) * yi < 0) {
            yr = -yr;
            yi = -yi;
          }
          // t ← t − u · (u / (x + y))
          const [dr, di] = cdiv(ur, ui, xr + yr, xi + yi);
          tr -= ur * dr - ui * di;
          ti -= ur * di + ui * dr;
        }
      }
      // two consecutive small subdiagonal elements
      let m = i - 1;
      let v0r = 0;
      let v0i = 0;
      let v1 = 0;
      for (; m >= l; m--) {
        const mm = at(m, m);
        const h11r = h[mm];
        const h11i = h[mm + 1];
        const h22 = at(m + 1, m + 1);
        let h11sr = h11r - tr;
        let h11si = h11i - ti;
        let h21 = h[at(m + 1, m)];
        const s = cabs1(h11sr, h11si) + Math.abs(h21);
        h11sr /= s;
        h11si /= s;
        h21 /= s;
        v0r = h11sr;
        v0i = h11si;
        v1 = h21;
        if (m === l) break;
        const h10 = h[at(m, m - 1)];
        if (Math.abs(h10) * Math.abs(h21) <= ulp * (cabs1(h11sr, h11si) * (cabs1(h11r, h11i) + cabs1(h[h22], h[h22 + 1])))) break;
      }
      // the single-shift QR step
      for (k = m; k <= i - 1; k++) {
        let ar: number;
        let ai: number;
        let xr: number;
        let xi: number;
        if (k > m) {
          ar = h[at(k, k - 1)];
          ai = h[at(k, k - 1) + 1];
          xr = h[at(k + 1, k - 1)];
          xi = h[at(k + 1, k - 1) + 1];
        } else {
          ar = v0r;
          ai = v0i;
          xr = v1;
          xi = 0;
        }
        // zlarfg on (α, x): β, τ and the reflector's tail v2
        reflector[0] = ar;
        reflector[1] = ai;
        reflector[2] = xr;
        reflector[3] = xi;
        // β is real (τ = 0 only when α is real already)
        const [beta, t1r, t1i] = makeReflector(reflector, 2, 2);
        const v2r = reflector[2];
        const v2i = reflector[3];
        if (k > m) {
          h[at(k, k - 1)] = beta;
          h[at(k, k - 1) + 1] = 0;
          h[at(k + 1, k - 1)] = 0;
          h[at(k + 1, k - 1) + 1] = 0;
        }
        // t2 = Re(τ·v2)
        const t2 = t1r * v2r - t1i * v2i;
        // rows k, k+1 from the left: sum = conj(τ)·h(k, j) + t2·h(k+1, j)
        for (let j = k; j <= i2; j++) {
          const p = at(k, j);
          const q = at(k + 1, j);
          const sr = t1r * h[p] + t1i * h[p + 1] + t2 * h[q];
          const si = t1r * h[p + 1] - t1i * h[p] + t2 * h[q + 1];
          h[p] -= sr;
          h[p + 1] -= si;
          h[q] -= sr * v2r - si * v2i;
          h[q + 1] -= sr * v2i + si * v2r;
        }
        // columns k, k+1 from the right: sum = τ·h(j, k) + t2·h(j, k+1)
        const last = Math.min(k + 2, i);
        for (let j = i1; j <= last; j++) {
          const p = at(j, k);
          const sr = t1r * h[p] - t1i * h[p + 1] + t2 * h[p + 2];
          const si = t1r * h[p + 1] + t1i * h[p] + t2 * h[p + 3];
          h[p] -= sr;
          h[p + 1] -= si;
          h[p + 2] -= sr * v2r + si * v2i;
          h[p + 3] -= si * v2r - sr * v2i;
        }
        if (z !== null) {
          for (let j = 0; j < n; j++) {
            const p = 2 * (oz + j * n + k);
            const sr = t1r * z[p] - t1i * z[p + 1] + t2 * z[p + 2];
            const si = t1r * z[p + 1] + t1i * z[p] + t2 * z[p + 3];
            z[p] -= sr;
            z[p + 1] -= si;
            z[p + 2] -= sr * v2r + si * v2i;
            z[p + 3] -= si * v2r - sr * v2i;
          }
        }
        if (k === m && m > l) {
          // the first reflector made h(m, m−1) complex: rotate it back to real
          // (when τ = 1 to rounding, h(m, m−1) became 0 and the unit factor is 1, where
          // zlahqr's temp / |temp| would be 0/0)
          let er = 1 - t1r;
          let ei = -t1i;
          const r = Math.hypot(er, ei);
          er = r === 0 ? 1 : er / r;
          ei = r === 0 ? 0 : ei / r;
          scaleRow(h, o, n, m + 1, m, m + 1, er, -ei);
          if (m + 2 <= i) scaleRow(h, o, n, m + 2, m + 1, m + 2, er, ei);
          for (let j = m; j <= i; j++) {
            if (j === m + 1) continue;
            if (i2 > j) scaleRow(h, o, n, j, j + 1, i2 + 1, er, ei);
            scaleColumn(h, o, n, j, i1, j, er, -ei);
            if (z !== null) scaleColumn(z, oz, n, j, 0, n, er, -ei);
          }
        }
      }
      // keep h(i, i−1) real
      const p = at(i, i - 1);
      if (h[p + 1] !== 0) {
        const r = Math.hypot(h[p], h[p + 1]);
        const er = h[p] / r;
        const ei = h[p + 1] / r;
        h[p] = r;
        h[p + 1] = 0;
        if (i2 > i) scaleRow(h, o, n, i, i + 1, i2 + 1, er, -ei);
        scaleColumn(h, o, n, i, i1, i, er, ei);
        if (z !== null) scaleColumn(z, oz, n, i, 0, n, er, ei);
      }
    }
    if (!converged) return i + 1;
    w[2 * i] = h[at(i, i)];
    w[2 * i + 1] = h[at(i, i) + 1];
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}
