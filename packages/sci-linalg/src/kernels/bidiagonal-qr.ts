/**
 * The SVD of a real upper bidiagonal matrix B (diagonal d, superdiagonal e) by implicit
 * QR sweeps: Golub & Kahan, "Calculating the singular values and pseudo-inverse of a matrix"
 * (SIAM J. Numer. Anal. B 2, 1965) and Golub & Reinsch (1970), with the zero-shift sweep,
 * shift choice, chase direction and convergence criteria of Demmel & Kahan, "Accurate
 * singular values of bidiagonal matrices" (SIAM J. Sci. Stat. Comput. 11, 1990), which give
 * every singular value to high relative accuracy — the method of LAPACK's dbdsqr.
 *
 * B = W Σ Zᵀ: the rotations that act on B from the right are applied to the rows of `vt`
 * (so vt ← Zᵀ vt), those from the left to the rows of `ut` (ut ← Wᵀ ut). Both are row-major
 * with n rows of `vtCols`/`utCols` numbers each (a complex row, interleaved, is just twice as
 * many numbers: the rotations are real), so every update runs along rows with unit stride.
 */

/** Unit roundoff of double precision and the smallest normal number (LAPACK's dlamch 'E' and 'S'). */
const EPS = 2 ** -53;
const SAFE_MIN = 2 ** -1022;
/** dbdsqr's MAXITR: at most MAXITR·n² inner steps (counted as the sweeps' lengths) in all. */
const MAX_ITER = 6;

/** A rotation [c s; −s c] with [c s; −s c]·[f; g] = [r; 0] (LAPACK's dlartg: r takes f's sign). */
interface Rotation {
  c: number;
  s: number;
  r: number;
}

/** The range in which f² + g² can be formed directly without overflow or harmful underflow. */
const RT_MIN = Math.sqrt(SAFE_MIN);
const RT_MAX = Math.sqrt(Number.MAX_VALUE / 2);

function rotation(f: number, g: number, out: Rotation): void {
  if (g === 0) {
    out.c = 1;
    out.s = 0;
    out.r = f;
    return;
  }
  if (f === 0) {
    out.c = 0;
    out.s = Math.sign(g);
    out.r = Math.abs(g);
    return;
  }
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  const h = f1 > RT_MIN && f1 < RT_MAX && g1 > RT_MIN && g1 < RT_MAX ? Math.sqrt(f * f + g * g) : Math.hypot(f, g);
  out.c = f1 / h;
  const r = f > 0 ? h : -h;
  out.s = g / r;
  out.r = r;
}

/**
 * Rows i, i+1 of vt ← the right rotation (cr, sr) and of ut ← the left one (cl, sl), when
 * both have `cols` numbers a row: one loop, two independent streams.
 */
function rotateBoth(vt: Float64Array, ut: Float64Array, cols: number, i: number, cr: number, sr: number, cl: number, sl: number): void {
  const a = i * cols;
  const b = a + cols;
  for (let k = 0; k < cols; k++) {
    const p = vt[a + k];
    const q = vt[b + k];
    const x = ut[a + k];
    const y = ut[b + k];
    vt[a + k] = cr * p + sr * q;
    vt[b + k] = cr * q - sr * p;
    ut[a + k] = cl * x + sl * y;
    ut[b + k] = cl * y - sl * x;
  }
}

/** Applies the right rotation (cr, sr) and the left one (cl, sl) of B's rows/columns i, i+1 to the vectors. */
type Rotate = (i: number, cr: number, sr: number, cl: number, sl: number) => void;

/** Rows i and j of the row-major `x` (`cols` numbers a row) ← [c s; −s c] applied to them (BLAS's drot). */
function rotateRows(x: Float64Array, cols: number, i: number, j: number, c: number, s: number): void {
  const a = i * cols;
  const b = j * cols;
  for (let k = 0; k < cols; k++) {
    const p = x[a + k];
    const q = x[b + k];
    x[a + k] = c * p + s * q;
    x[b + k] = c * q - s * p;
  }
}

/**
 * The singular values of [f g; 0 h] (LAPACK's dlas2), [σmin, σmax], computed without
 * overflow and with high relative accuracy.
 */
export function singularValues2x2(f: number, g: number, h: number): [number, number] {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmin = Math.min(fa, ha);
  const fhmax = Math.max(fa, ha);
  if (fhmin === 0) {
    if (fhmax === 0) return [0, ga];
    const big = Math.max(fhmax, ga);
    const small = Math.min(fhmax, ga);
    return [0, big * Math.sqrt(1 + (small / big) ** 2)];
  }
  if (ga < fhmax) {
    const as = 1 + fhmin / fhmax;
    const at = (fhmax - fhmin) / fhmax;
    const au = (ga / fhmax) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return [fhmin * c, fhmax / c];
  }
  const au = fhmax / ga;
  if (au === 0) return [(fhmin * fhmax) / ga, ga];
  const as = 1 + fhmin / fhmax;
  const at = (fhmax - fhmin) / fhmax;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  return [2 * (fhmin * c) * au, ga / (c + c)];
}

/** sign(a)·|b| with Fortran's SIGN (a = ±0 counts as positive). */
function withSign(b: number, a: number): number {
  return a >= 0 || Object.is(a, 0) ? Math.abs(b) : -Math.abs(b);
}

/** The SVD of a 2×2 upper triangular matrix (LAPACK's dlasv2). */
export interface Svd2x2 {
  /** Signed singular values: [csl snl; −snl csl]·[f g; 0 h]·[csr −snr; snr csr] = diag(ssmax, ssmin). */
  ssmin: number;
  ssmax: number;
  csl: number;
  snl: number;
  csr: number;
  snr: number;
}

/**
 * The SVD of [f g; 0 h] to high relative accuracy (Demmel & Kahan 1990, §4; LAPACK's
 * dlasv2): the larger of |f|, |h| is made the first, the angles come from the tangent of
 * the right rotation, and the signs of the singular values make the product exact.
 */
export function svd2x2(f: number, g: number, h: number): Svd2x2 {
  let ft = f;
  let fa = Math.abs(ft);
  let ht = h;
  let ha = Math.abs(h);
  // which of f, g, h has the largest magnitude: 1, 2 or 3
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g;
  const ga = Math.abs(gt);
  let ssmin: number;
  let ssmax: number;
  let clt: number;
  let crt: number;
  let slt: number;
  let srt: number;
  if (ga === 0) {
    // already diagonal
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gSmall = true;
    clt = crt = slt = srt = ssmin = ssmax = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        // g dominates so much that the values are g and f·h/g
        gSmall = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gSmall) {
      const d = fa - ha;
      // l = (|f| − |h|)/|f| in [0, 1], exactly 1 when h is negligible
      let l = d === fa ? 1 : d / fa;
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        // m underflowed: the tangent from the limit
        t = l === 0 ? withSign(2, ft) * withSign(1, gt) : gt / withSign(d, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: number;
  let snl: number;
  let csr: number;
  let snr: number;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  // the signs that make the rotated product equal diag(ssmax, ssmin)
  let sign: number;
  if (pmax === 1) sign = withSign(1, csr) * withSign(1, csl) * withSign(1, f);
  else if (pmax === 2) sign = withSign(1, snr) * withSign(1, csl) * withSign(1, g);
  else sign = withSign(1, snr) * withSign(1, snl) * withSign(1, h);
  ssmax = withSign(ssmax, sign);
  ssmin = withSign(ssmin, sign * withSign(1, f) * withSign(1, h));
  return { ssmin, ssmax, csl, snl, csr, snr };
}

/** Rows to update with each rotation: vt (right rotations) and ut (left rotations), or none. */
export interface BidiagonalVectors {
  readonly vt: Float64Array | null;
  readonly vtCols: number;
  readonly ut: Float64Array | null;
  readonly utCols: number;
}

const NO_VECTORS: BidiagonalVectors = { vt: null, vtCols: 0, ut: null, utCols: 0 };

/**
 * Overwrites d (n values) with the singular values of the upper bidiagonal B = bidiag(d, e)
 * in descending order (e, n − 1 values, is destroyed), updating the rows of `vectors` as
 * described above (rows swapped with the values when sorting, the row of vt negated where a
 * value's sign is flipped). Returns false when the sweeps did not converge (dbdsqr's INFO > 0).
 */
export function bidiagonalSvd(d: Float64Array, e: Float64Array, n: number, vectors: BidiagonalVectors = NO_VECTORS): boolean {
  if (n === 0) return true;
  const { vt, vtCols, ut, utCols } = vectors;
  const rotate: Rotate = (i, cr, sr, cl, sl) => {
    if (vt !== null && ut !== null && vtCols === utCols) rotateBoth(vt, ut, vtCols, i, cr, sr, cl, sl);
    else {
      if (vt !== null) rotateRows(vt, vtCols, i, i + 1, cr, sr);
      if (ut !== null) rotateRows(ut, utCols, i, i + 1, cl, sl);
    }
  };
  if (n > 1 && !qrSweeps(d, e, n, vt === null && ut === null ? null : rotate)) return false;
  // non-negative values: a sign moves onto the row of vt
  for (let i = 0; i < n; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      if (vt !== null) for (let k = i * vtCols; k < (i + 1) * vtCols; k++) vt[k] = -vt[k];
    }
  }
  sortDescending(d, n, vectors);
  return true;
}

/**
 * dbdsqr's main loop: find the bottom unreduced block [ll, m], test for convergence, and chase
 * one implicit (or zero-shift) QR sweep through it, top-down or bottom-up.
 */
function qrSweeps(
  d: Float64Array,
  e: Float64Array,
  n: number,
  rotate: Rotate | null,
): boolean {
  // relative accuracy tol = eps·max(10, min(100, eps^(−1/8))), as dbdsqr
  const tol = Math.max(10, Math.min(100, EPS ** -0.125)) * EPS;
  let smax = 0;
  for (let i = 0; i < n; i++) smax = Math.max(smax, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) smax = Math.max(smax, Math.abs(e[i]));
  // a lower bound on σmin (Demmel–Kahan's recurrence), for the absolute threshold
  let sminoa = Math.abs(d[0]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  const thresh = Math.max(tol * sminoa, MAX_ITER * n * (n * SAFE_MIN));
  const maxIterations = MAX_ITER * n * n;
  const rot: Rotation = { c: 0, s: 0, r: 0 };
  const rot2: Rotation = { c: 0, s: 0, r: 0 };
  let iterations = 0;
  let oldll = -1;
  let oldm = -1;
  // direction of the chase: 1 top-down, 2 bottom-up
  let idir = 0;
  let m = n - 1;
  outer: while (m > 0) {
    if (iterations > maxIterations) return false;
    // the bottom unreduced block [ll, m]: e[ll − 1] negligible
    let ll = -1;
    let bmax = Math.abs(d[m]);
    for (let i = m - 1; i >= 0; i--) {
      const abse = Math.abs(e[i]);
      if (abse <= thresh) {
        e[i] = 0;
        ll = i;
        break;
      }
      bmax = Math.max(bmax, Math.abs(d[i]), abse);
    }
    ll++;
    if (ll === m) {
      // a 1×1 block has converged
      m--;
      continue;
    }
    if (ll === m - 1) {
      // a 2×2 block: solved directly
      const t = svd2x2(d[m - 1], e[m - 1], d[m]);
      d[m - 1] = t.ssmax;
      e[m - 1] = 0;
      d[m] = t.ssmin;
      rotate?.(m - 1, t.csr, t.snr, t.csl, t.snl);
      m -= 2;
      continue;
    }
    // a new block: chase from its larger end towards the smaller
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
    let sminl = 0;
    if (idir === 1) {
      // convergence at the bottom, then Demmel–Kahan's test along the block
      if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[ll]);
      sminl = mu;
      for (let i = ll; i < m; i++) {
        if (Math.abs(e[i]) <= tol * mu) {
          e[i] = 0;
          continue outer;
        }
        mu = Math.abs(d[i + 1]) * (mu / (mu + Math.abs(e[i])));
        sminl = Math.min(sminl, mu);
      }
    } else {
      if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      let mu = Math.abs(d[m]);
      sminl = mu;
      for (let i = m - 1; i >= ll; i--) {
        if (Math.abs(e[i]) <= tol * mu) {
          e[i] = 0;
          continue outer;
        }
        mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i])));
        sminl = Math.min(sminl, mu);
      }
    }
    oldll = ll;
    oldm = m;
    // the shift: zero when it would spoil the relative accuracy of the smallest value
    let shift = 0;
    if (!(n * tol * (sminl / bmax) <= Math.max(EPS, 0.01 * tol))) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll]);
        shift = singularValues2x2(d[m - 1], e[m - 1], d[m])[0];
      } else {
        sll = Math.abs(d[m]);
        shift = singularValues2x2(d[ll], e[ll], d[ll + 1])[0];
      }
      if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
    }
    iterations += m - ll;
    if (shift === 0) zeroShiftSweep(d, e, ll, m, idir, rot, rot2, rotate, thresh);
    else shiftedSweep(d, e, ll, m, idir, shift, rot, rotate, thresh);
  }
  return true;
}

/**
 * Demmel & Kahan's implicit zero-shift QR sweep on the block [ll, m]: every entry is
 * computed with small relative error, so tiny singular values keep their accuracy.
 */
function zeroShiftSweep(
  d: Float64Array,
  e: Float64Array,
  ll: number,
  m: number,
  idir: number,
  rot: Rotation,
  rot2: Rotation,
  rotate: Rotate | null,
  thresh: number,
): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  if (idir === 1) {
    for (let i = ll; i < m; i++) {
      rotation(d[i] * cs, e[i], rot);
      cs = rot.c;
      const sn = rot.s;
      if (i > ll) e[i - 1] = oldsn * rot.r;
      rotation(oldcs * rot.r, d[i + 1] * sn, rot2);
      oldcs = rot2.c;
      oldsn = rot2.s;
      d[i] = rot2.r;
      rotate?.(i, cs, sn, oldcs, oldsn);
    }
    const h = d[m] * cs;
    d[m] = h * oldcs;
    e[m - 1] = h * oldsn;
    if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
  } else {
    for (let i = m; i > ll; i--) {
      rotation(d[i] * cs, e[i - 1], rot);
      cs = rot.c;
      const sn = rot.s;
      if (i < m) e[i] = oldsn * rot.r;
      rotation(oldcs * rot.r, d[i - 1] * sn, rot2);
      oldcs = rot2.c;
      oldsn = rot2.s;
      d[i] = rot2.r;
      rotate?.(i - 1, oldcs, -oldsn, cs, -sn);
    }
    const h = d[ll] * cs;
    d[ll] = h * oldcs;
    e[ll] = h * oldsn;
    if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
  }
}

/** One implicit QR sweep with the given shift on the block [ll, m] (Golub–Kahan's chase). */
function shiftedSweep(
  d: Float64Array,
  e: Float64Array,
  ll: number,
  m: number,
  idir: number,
  shift: number,
  rot: Rotation,
  rotate: Rotate | null,
  thresh: number,
): void {
  if (idir === 1) {
    let f = (Math.abs(d[ll]) - shift) * (withSign(1, d[ll]) + shift / d[ll]);
    let g = e[ll];
    for (let i = ll; i < m; i++) {
      rotation(f, g, rot);
      const cosr = rot.c;
      const sinr = rot.s;
      if (i > ll) e[i - 1] = rot.r;
      f = cosr * d[i] + sinr * e[i];
      e[i] = cosr * e[i] - sinr * d[i];
      g = sinr * d[i + 1];
      d[i + 1] = cosr * d[i + 1];
      rotation(f, g, rot);
      const cosl = rot.c;
      const sinl = rot.s;
      d[i] = rot.r;
      f = cosl * e[i] + sinl * d[i + 1];
      d[i + 1] = cosl * d[i + 1] - sinl * e[i];
      if (i < m - 1) {
        g = sinl * e[i + 1];
        e[i + 1] = cosl * e[i + 1];
      }
      rotate?.(i, cosr, sinr, cosl, sinl);
    }
    e[m - 1] = f;
    if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
  } else {
    let f = (Math.abs(d[m]) - shift) * (withSign(1, d[m]) + shift / d[m]);
    let g = e[m - 1];
    for (let i = m; i > ll; i--) {
      rotation(f, g, rot);
      const cosr = rot.c;
      const sinr = rot.s;
      if (i < m) e[i] = rot.r;
      f = cosr * d[i] + sinr * e[i - 1];
      e[i - 1] = cosr * e[i - 1] - sinr * d[i];
      g = sinr * d[i - 1];
      d[i - 1] = cosr * d[i - 1];
      rotation(f, g, rot);
      const cosl = rot.c;
      const sinl = rot.s;
      d[i] = rot.r;
      f = cosl * e[i - 1] + sinl * d[i - 1];
      d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
      if (i > ll + 1) {
        g = sinl * e[i - 2];
        e[i - 2] = cosl * e[i - 2];
      }
      rotate?.(i - 1, cosl, -sinl, cosr, -sinr);
    }
    e[ll] = f;
    if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
  }
}

/** Sorts d descending (selection sort, as dbdsqr: at most n − 1 swaps of vector rows). */
function sortDescending(d: Float64Array, n: number, vectors: BidiagonalVectors): void {
  const { vt, vtCols, ut, utCols } = vectors;
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[best]) best = j;
    if (best === i) continue;
    [d[i], d[best]] = [d[best], d[i]];
    if (vt !== null) swapRows(vt, vtCols, i, best);
    if (ut !== null) swapRows(ut, utCols, i, best);
  }
}

function swapRows(x: Float64Array, cols: number, i: number, j: number): void {
  const a = i * cols;
  const b = j * cols;
  for (let k = 0; k < cols; k++) {
    const t = x[a + k];
    x[a + k] = x[b + k];
    x[b + k] = t;
  }
}
