/**
 * Real Schur form of an upper Hessenberg matrix by Francis' implicit double-shift QR
 * algorithm (J. G. F. Francis, "The QR transformation", Comput. J. 4, 1961–62), in the form
 * of LAPACK's dlahqr: 3-element bulge-chasing reflectors, deflation by the criterion of
 * Ahues & Tisseur (LAPACK Working Note 122), exceptional shifts every 10 iterations without
 * deflation, and each converged 2×2 block standardised by dlanv2 (equal diagonal, off-diagonal
 * entries of opposite sign, for a complex pair). Row-major: h[o + i·n + j].
 */
import type { Float } from '../stack.js';
import { makeReflector } from './reflector.js';

/** Iterations without deflation before an exceptional shift (LAPACK's KEXSH). */
const EXCEPTIONAL = 10;
const DAT1 = 0.75;
const DAT2 = -0.4375;

export interface Precision {
  /** LAPACK's dlamch('P'): ε·base, the relative spacing of the working precision. */
  readonly ulp: number;
  /** dlamch('S'): the smallest normalised number. */
  readonly safmin: number;
}

export const DOUBLE: Precision = { ulp: 2 ** -52, safmin: 2 ** -1022 };
export const SINGLE: Precision = { ulp: 2 ** -23, safmin: 2 ** -126 };

export function precisionOf(a: Float): Precision {
  return a instanceof Float32Array ? SINGLE : DOUBLE;
}

/** dlanv2's scaling thresholds, √(safmin/ε) and its inverse rounded to powers of two. */
const SAFMN2 = 2 ** -484;
const SAFMX2 = 2 ** 484;

/** The standardised 2×2 block [a b; c d] = [cs −sn; sn cs] [A B; C D] [cs sn; −sn cs] and its eigenvalues. */
export interface Standard2x2 {
  a: number;
  b: number;
  c: number;
  d: number;
  rt1r: number;
  rt1i: number;
  rt2r: number;
  rt2i: number;
  cs: number;
  sn: number;
}

/**
 * LAPACK's dlanv2: the Schur factorisation of a real 2×2 matrix in standard form — upper
 * triangular when the eigenvalues are real, equal diagonal and bc < 0 when they are a
 * complex pair.
 */
export function lanv2(a: number, b: number, c: number, d: number, ulp: number): Standard2x2 {
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    // swap rows and columns
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && Math.sign(b) !== Math.sign(c)) {
    // already standard
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * Math.sign(b) * Math.sign(c);
    const scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= 4 * ulp) {
      // real eigenvalues: compute a and d
      z = p + (p >= 0 ? 1 : -1) * Math.sqrt(scale) * Math.sqrt(z);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      // complex or nearly equal real eigenvalues: make the diagonal equal; as dlanv2,
      // σ and a − d are first scaled by a power of two out of the subnormal (or overflow)
      // range, where halving a − d would round and leave cs² + sn² ≠ 1
      let sigma = b + c;
      let diff = temp;
      for (let count = 0; count < 20; count++) {
        const size = Math.max(Math.abs(diff), Math.abs(sigma));
        if (size >= SAFMX2) {
          sigma *= SAFMN2;
          diff *= SAFMN2;
        } else if (size <= SAFMN2 && size > 0) {
          sigma *= SAFMX2;
          diff *= SAFMX2;
        } else break;
      }
      p = 0.5 * diff;
      const tau = Math.hypot(sigma, diff);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * (sigma >= 0 ? 1 : -1);
      // [aa bb; cc dd] = [a b; c d] [cs −sn; sn cs], then [a b; c d] = [cs sn; −sn cs] [aa bb; cc dd]
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mean = 0.5 * (a + d);
      a = mean;
      d = mean;
      if (c !== 0) {
        if (b !== 0) {
          if (Math.sign(b) === Math.sign(c)) {
            // real eigenvalues: reduce to upper triangular form
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = c >= 0 ? sab * sac : -sab * sac;
            const t = 1 / Math.sqrt(Math.abs(b + c));
            a = mean + p;
            d = mean - p;
            b = b - c;
            c = 0;
            const cs1 = sab * t;
            const sn1 = sac * t;
            const ncs = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = ncs;
          }
        } else {
          b = -c;
          c = 0;
          const t = cs;
          cs = -sn;
          sn = t;
        }
      }
    }
  }
  const rt1i = c === 0 ? 0 : Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
  return { a, b, c, d, rt1r: a, rt1i, rt2r: d, rt2i: -rt1i, cs, sn };
}

/** Rows p, q of columns c0..c1−1: (x, y) ← (cs·x + sn·y, cs·y − sn·x) (drot on rows). */
export function rotateRows(h: Float, o: number, n: number, p: number, q: number, c0: number, c1: number, cs: number, sn: number): void {
  const rp = o + p * n;
  const rq = o + q * n;
  for (let j = c0; j < c1; j++) {
    const x = h[rp + j];
    const y = h[rq + j];
    h[rp + j] = cs * x + sn * y;
    h[rq + j] = cs * y - sn * x;
  }
}

/** Columns p, q of rows r0..r1−1: (x, y) ← (cs·x + sn·y, cs·y − sn·x) (drot on columns). */
export function rotateColumns(h: Float, o: number, n: number, p: number, q: number, r0: number, r1: number, cs: number, sn: number): void {
  for (let i = r0; i < r1; i++) {
    const x = h[o + i * n + p];
    const y = h[o + i * n + q];
    h[o + i * n + p] = cs * x + sn * y;
    h[o + i * n + q] = cs * y - sn * x;
  }
}

/**
 * dlahqr on the n×n upper Hessenberg matrix at `o`: with `wantT` H becomes its real Schur
 * form T; with `z` (the n×n matrix at `oz`, e.g. Q from the Hessenberg reduction) the
 * transformations are accumulated into it (Z ← Z·Q). Eigenvalues go to wr/wi (a complex pair
 * as consecutive entries, positive imaginary part first). Returns LAPACK's info: 0, or the
 * 1-based index i such that the eigenvalues i+1..n have converged and the rest have not.
 */
export function realSchur(h: Float, o: number, n: number, z: Float | null, oz: number, wr: Float64Array, wi: Float64Array, wantT: boolean): number {
  if (n === 0) return 0;
  const { ulp, safmin } = precisionOf(h);
  const at = (i: number, j: number) => o + i * n + j;
  // clear the "trash" below the subdiagonal
  for (let j = 0; j + 3 < n; j++) {
    h[at(j + 2, j)] = 0;
    h[at(j + 3, j)] = 0;
  }
  if (n >= 3) h[at(n - 1, n - 3)] = 0;
  const smlnum = safmin * (n / ulp);
  let i1 = 0;
  let i2 = n - 1;
  const itmax = 30 * Math.max(10, n);
  let kdefl = 0;
  let i = n - 1;
  const v = new Float64Array(3);
  while (i >= 0) {
    let l = 0;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // a single small subdiagonal element
      let k = i;
      for (; k > l; k--) {
        const hkk1 = Math.abs(h[at(k, k - 1)]);
        if (hkk1 <= smlnum) break;
        let tst = Math.abs(h[at(k - 1, k - 1)]) + Math.abs(h[at(k, k)]);
        if (tst === 0) {
          if (k - 2 >= 0) tst += Math.abs(h[at(k - 1, k - 2)]);
          if (k + 1 <= n - 1) tst += Math.abs(h[at(k + 1, k)]);
        }
        if (hkk1 <= ulp * tst) {
          // Ahues & Tisseur's conservative small-subdiagonal test
          const hk1k = Math.abs(h[at(k - 1, k)]);
          const ab = Math.max(hkk1, hk1k);
          const ba = Math.min(hkk1, hk1k);
          const diff = Math.abs(h[at(k - 1, k - 1)] - h[at(k, k)]);
          const hkk = Math.abs(h[at(k, k)]);
          const aa = Math.max(hkk, diff);
          const bb = Math.min(hkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ulp * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > 0) h[at(l, l - 1)] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantT) {
        i1 = l;
        i2 = i;
      }
      // the shifts: the eigenvalues of the trailing 2×2 block, or exceptional ones
      let h11: number;
      let h12: number;
      let h21: number;
      let h22: number;
      if (kdefl % (2 * EXCEPTIONAL) === 0) {
        const s = Math.abs(h[at(i, i - 1)]) + Math.abs(h[at(i - 1, i - 2)]);
        h11 = DAT1 * s + h[at(i, i)];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % EXCEPTIONAL === 0) {
        const s = Math.abs(h[at(l + 1, l)]) + Math.abs(h[at(l + 2, l + 1)]);
        h11 = DAT1 * s + h[at(l, l)];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = h[at(i - 1, i - 1)];
        h21 = h[at(i, i - 1)];
        h12 = h[at(i - 1, i)];
        h22 = h[at(i, i)];
      }
      let rt1r = 0;
      let rt1i = 0;
      let rt2r = 0;
      let rt2i = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 !== 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          // a complex conjugate pair of shifts
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          // two real shifts: use the one closer to h22 twice
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }
      // two consecutive small subdiagonal elements: start the bulge at m
      let m = i - 2;
      for (; m >= l; m--) {
        const h21s0 = h[at(m + 1, m)];
        let s = Math.abs(h[at(m, m)] - rt2r) + Math.abs(rt2i) + Math.abs(h21s0);
        const h21s = h21s0 / s;
        v[0] = h21s * h[at(m, m + 1)] + (h[at(m, m)] - rt1r) * ((h[at(m, m)] - rt2r) / s) - rt1i * (rt2i / s);
        v[1] = h21s * (h[at(m, m)] + h[at(m + 1, m + 1)] - rt1r - rt2r);
        v[2] = h21s * h[at(m + 2, m + 1)];
        s = Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
        v[0] /= s;
        v[1] /= s;
        v[2] /= s;
        if (m === l) break;
        const h00 = Math.abs(h[at(m, m - 1)]) * (Math.abs(v[1]) + Math.abs(v[2]));
        const h01 = Math.abs(v[0]) * (Math.abs(h[at(m - 1, m - 1)]) + Math.abs(h[at(m, m)]) + Math.abs(h[at(m + 1, m + 1)]));
        if (h00 <= ulp * h01) break;
      }
      // the double-shift QR step: chase the bulge from m down to i
      for (k = m; k <= i - 1; k++) {
        const nr = Math.min(3, i - k + 1);
        if (k > m) for (let r = 0; r < nr; r++) v[r] = h[at(k + r, k - 1)];
        const t1 = larfg(v, nr);
        if (k > m) {
          h[at(k, k - 1)] = v[0];
          h[at(k + 1, k - 1)] = 0;
          if (k < i - 1) h[at(k + 2, k - 1)] = 0;
        } else if (m > l) {
          // dlahqr's form of h(k, k−1) ← −h(k, k−1), safe when v(2), v(3) underflow
          h[at(k, k - 1)] *= 1 - t1;
        }
        const v2 = v[1];
        const t2 = t1 * v2;
        const r0 = at(k, 0);
        const r1 = at(k + 1, 0);
        if (nr === 3) {
          const v3 = v[2];
          const t3 = t1 * v3;
          const r2 = at(k + 2, 0);
          for (let j = k; j <= i2; j++) {
            const sum = h[r0 + j] + v2 * h[r1 + j] + v3 * h[r2 + j];
            h[r0 + j] -= sum * t1;
            h[r1 + j] -= sum * t2;
            h[r2 + j] -= sum * t3;
          }
          const last = Math.min(k + 3, i);
          for (let j = i1; j <= last; j++) {
            const p = at(j, k);
            const sum = h[p] + v2 * h[p + 1] + v3 * h[p + 2];
            h[p] -= sum * t1;
            h[p + 1] -= sum * t2;
            h[p + 2] -= sum * t3;
          }
          if (z !== null) {
            for (let j = 0; j < n; j++) {
              const p = oz + j * n + k;
              const sum = z[p] + v2 * z[p + 1] + v3 * z[p + 2];
              z[p] -= sum * t1;
              z[p + 1] -= sum * t2;
              z[p + 2] -= sum * t3;
            }
          }
        } else if (nr === 2) {
          for (let j = k; j <= i2; j++) {
            const sum = h[r0 + j] + v2 * h[r1 + j];
            h[r0 + j] -= sum * t1;
            h[r1 + j] -= sum * t2;
          }
          for (let j = i1; j <= i; j++) {
            const p = at(j, k);
            const sum = h[p] + v2 * h[p + 1];
            h[p] -= sum * t1;
            h[p + 1] -= sum * t2;
          }
          if (z !== null) {
            for (let j = 0; j < n; j++) {
              const p = oz + j * n + k;
              const sum = z[p] + v2 * z[p + 1];
              z[p] -= sum * t1;
              z[p + 1] -= sum * t2;
            }
          }
        }
      }
    }
    if (!converged) return i + 1;
    if (l === i) {
      // one real eigenvalue
      wr[i] = h[at(i, i)];
      wi[i] = 0;
    } else {
      // a 2×2 block: standardise it and apply the rotation to the rest of H and to Z
      const s = lanv2(h[at(i - 1, i - 1)], h[at(i - 1, i)], h[at(i, i - 1)], h[at(i, i)], ulp);
      h[at(i - 1, i - 1)] = s.a;
      h[at(i - 1, i)] = s.b;
      h[at(i, i - 1)] = s.c;
      h[at(i, i)] = s.d;
      wr[i - 1] = s.rt1r;
      wi[i - 1] = s.rt1i;
      wr[i] = s.rt2r;
      wi[i] = s.rt2i;
      if (wantT) {
        if (i2 > i) rotateRows(h, o, n, i - 1, i, i + 1, i2 + 1, s.cs, s.sn);
        rotateColumns(h, o, n, i - 1, i, i1, i - 1, s.cs, s.sn);
      }
      if (z !== null) rotateColumns(z, oz, n, i - 1, i, 0, n, s.cs, s.sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/** dlarfg on the real vector v[0..len): returns τ, leaves β in v[0] and the reflector's tail in v[1..]. */
function larfg(v: Float64Array, len: number): number {
  const [beta, tau] = makeReflector(v, len, 1);
  v[0] = beta;
  return tau;
}
