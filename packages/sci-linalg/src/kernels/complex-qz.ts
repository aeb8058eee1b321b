/**
 * The generalized Schur decomposition of a complex pencil (A, B): A = Q S Zᴴ, B = Q P Zᴴ
 * with S, P upper triangular, by the QZ algorithm of Moler & Stewart ("An algorithm for
 * generalized matrix eigenvalue problems", SIAM J. Numer. Anal. 10, 1973) in the
 * single-shift complex form of LAPACK's zgghrd (Hessenberg-triangular reduction) and
 * zhgeqz (Wilkinson shift, exceptional shifts every 10 iterations, deflation at small
 * subdiagonal entries of H and at zero diagonal entries of T, P's diagonal made real and
 * non-negative). Complex interleaved row-major matrices in double: (i, j) at 2·(i·n + j).
 */
import { geqrf, orgqr } from './householder.js';

const DOUBLE_ULP = 2 ** -52;
const SAFMIN = 2 ** -1022;

const abs1 = (re: number, im: number) => Math.abs(re) + Math.abs(im);

/** LAPACK's zlartg: real c and complex s with [c s; −conj(s) c] [f; g] = [r; 0]. */
export function zlartg(fr: number, fi: number, gr: number, gi: number): { c: number; sr: number; si: number; rr: number; ri: number } {
  if (gr === 0 && gi === 0) return { c: 1, sr: 0, si: 0, rr: fr, ri: fi };
  const g = Math.hypot(gr, gi);
  if (fr === 0 && fi === 0) return { c: 0, sr: gr / g, si: -gi / g, rr: g, ri: 0 };
  const f = Math.hypot(fr, fi);
  const d = Math.hypot(f, g);
  // s = (f/|f|)·conj(g)/d, r = (f/|f|)·d
  const ur = fr / f;
  const ui = fi / f;
  return { c: f / d, sr: (ur * gr + ui * gi) / d, si: (ui * gr - ur * gi) / d, rr: ur * d, ri: ui * d };
}

/** zrot on two strided sequences of `count` complex entries: x ← c x + s y, y ← c y − conj(s) x. */
function rot(a: Float64Array, px: number, py: number, stride: number, count: number, c: number, sr: number, si: number): void {
  for (let k = 0; k < count; k++) {
    const p = px + 2 * k * stride;
    const q = py + 2 * k * stride;
    const xr = a[p];
    const xi = a[p + 1];
    const yr = a[q];
    const yi = a[q + 1];
    a[p] = c * xr + sr * yr - si * yi;
    a[p + 1] = c * xi + sr * yi + si * yr;
    a[q] = c * yr - (sr * xr + si * xi);
    a[q + 1] = c * yi - (sr * xi - si * xr);
  }
}

export interface QzResult {
  /** α and β, interleaved complex (β real and ≥ 0). */
  alpha: Float64Array;
  beta: Float64Array;
  /** 0, or LAPACK's info (1-based index of the eigenvalue that did not converge). */
  info: number;
}

/**
 * In place on the n×n complex a, b (double): with `q`, `z` (n×n, filled here) the pencil
 * becomes (S, P) = (Qᴴ A Z, Qᴴ B Z), upper triangular (`wantT`; otherwise only the
 * eigenvalues are meaningful).
 */
export function complexQz(a: Float64Array, b: Float64Array, n: number, q: Float64Array | null, z: Float64Array | null, wantT: boolean): QzResult {
  const at = (i: number, j: number) => 2 * (i * n + j);
  // zgghrd: B = Q R, A ← Qᴴ A, then rotations to Hessenberg-triangular form
  const tau = new Float64Array(2 * n);
  geqrf(b, 0, n, n, 2, tau, 0);
  const qr = new Float64Array(2 * n * n);
  orgqr(b, 0, n, n, 2, tau, 0, qr, 0, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) b[at(i, j)] = b[at(i, j) + 1] = 0;
  const qa = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      // (Qᴴ)[i, k] = conj(Q[k, i])
      const cr = qr[at(k, i)];
      const ci = -qr[at(k, i) + 1];
      for (let j = 0; j < n; j++) {
        qa[at(i, j)] += cr * a[at(k, j)] - ci * a[at(k, j) + 1];
        qa[at(i, j) + 1] += cr * a[at(k, j) + 1] + ci * a[at(k, j)];
      }
    }
  }
  a.set(qa);
  if (q !== null) q.set(qr);
  if (z !== null) {
    z.fill(0);
    for (let i = 0; i < n; i++) z[at(i, i)] = 1;
  }
  for (let jcol = 0; jcol + 2 < n; jcol++) {
    for (let jrow = n - 1; jrow >= jcol + 2; jrow--) {
      // rows jrow−1, jrow: annihilate A(jrow, jcol)
      let g = zlartg(a[at(jrow - 1, jcol)], a[at(jrow - 1, jcol) + 1], a[at(jrow, jcol)], a[at(jrow, jcol) + 1]);
      a[at(jrow - 1, jcol)] = g.rr;
      a[at(jrow - 1, jcol) + 1] = g.ri;
      a[at(jrow, jcol)] = a[at(jrow, jcol) + 1] = 0;
      rot(a, at(jrow - 1, jcol + 1), at(jrow, jcol + 1), 1, n - jcol - 1, g.c, g.sr, g.si);
      rot(b, at(jrow - 1, jrow - 1), at(jrow, jrow - 1), 1, n - jrow + 1, g.c, g.sr, g.si);
      if (q !== null) rot(q, at(0, jrow - 1), at(0, jrow), n, n, g.c, g.sr, -g.si);
      // columns jrow, jrow−1: annihilate B(jrow, jrow−1)
      g = zlartg(b[at(jrow, jrow)], b[at(jrow, jrow) + 1], b[at(jrow, jrow - 1)], b[at(jrow, jrow - 1) + 1]);
      b[at(jrow, jrow)] = g.rr;
      b[at(jrow, jrow) + 1] = g.ri;
      b[at(jrow, jrow - 1)] = b[at(jrow, jrow - 1) + 1] = 0;
      rot(a, at(0, jrow), at(0, jrow - 1), n, n, g.c, g.sr, g.si);
      rot(b, at(0, jrow), at(0, jrow - 1), n, jrow, g.c, g.sr, g.si);
      if (z !== null) rot(z, at(0, jrow), at(0, jrow - 1), n, n, g.c, g.sr, g.si);
    }
  }
  return hgeqz(a, b, n, q, z, wantT);
}

/** zhgeqz on the Hessenberg-triangular pencil (H, T) = (a, b). */
function hgeqz(h: Float64Array, t: Float64Array, n: number, q: Float64Array | null, z: Float64Array | null, wantT: boolean): QzResult {
  const at = (i: number, j: number) => 2 * (i * n + j);
  const alpha = new Float64Array(2 * n);
  const beta = new Float64Array(2 * n);
  const result: QzResult = { alpha, beta, info: 0 };
  if (n === 0) return result;
  const ulp = DOUBLE_ULP;
  const safmin = SAFMIN;
  let anorm = 0;
  let bnorm = 0;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - 1); j < n; j++) anorm = Math.hypot(anorm, h[at(i, j)], h[at(i, j) + 1]);
    for (let j = i; j < n; j++) bnorm = Math.hypot(bnorm, t[at(i, j)], t[at(i, j) + 1]);
  }
  const atol = Math.max(safmin, ulp * anorm);
  const btol = Math.max(safmin, ulp * bnorm);
  const ascale = 1 / Math.max(safmin, anorm);
  const bscale = 1 / Math.max(safmin, bnorm);
  const habs = (i: number, j: number) => abs1(h[at(i, j)], h[at(i, j) + 1]);
  const tabs = (i: number, j: number) => abs1(t[at(i, j)], t[at(i, j) + 1]);
  const zero = (m: Float64Array, i: number, j: number) => {
    m[at(i, j)] = 0;
    m[at(i, j) + 1] = 0;
  };
  let ilast = n - 1;
  let ifrstm = 0;
  let ilastm = n - 1;
  let iiter = 0;
  let eshiftR = 0;
  let eshiftI = 0;
  let ifirst = 0;
  const maxit = 30 * n;
  /** The rotation (c, s) from zlartg applied as [c s; −conj(s) c] to columns (x, y), rows r0..r1−1 of m. */
  const rotColumns = (m: Float64Array, x: number, y: number, r0: number, r1: number, g: { c: number; sr: number; si: number }) =>
    rot(m, at(r0, x), at(r0, y), n, r1 - r0, g.c, g.sr, g.si);
  const rotRows = (m: Float64Array, x: number, y: number, c0: number, c1: number, g: { c: number; sr: number; si: number }) =>
    rot(m, at(x, c0), at(y, c0), 1, c1 - c0, g.c, g.sr, g.si);
  let jiter = 0;
  for (; jiter < maxit; jiter++) {
    // 1: deflation tests
    let action: 'deflate' | 'zeroT' | 'qz' = 'qz';
    if (ilast === 0) action = 'deflate';
    else if (habs(ilast, ilast - 1) <= Math.max(safmin, ulp * (habs(ilast, ilast) + habs(ilast - 1, ilast - 1)))) {
      zero(h, ilast, ilast - 1);
      action = 'deflate';
    } else if (tabs(ilast, ilast) <= btol) {
      zero(t, ilast, ilast);
      action = 'zeroT';
    } else {
      let found = false;
      for (let j = ilast - 1; j >= 0 && !found; j--) {
        let ilazro: boolean;
        if (j === 0) ilazro = true;
        else if (habs(j, j - 1) <= Math.max(safmin, ulp * (habs(j, j) + habs(j - 1, j - 1)))) {
          zero(h, j, j - 1);
          ilazro = true;
        } else ilazro = false;
        if (tabs(j, j) < btol) {
          zero(t, j, j);
          let ilazr2 = false;
          if (!ilazro && habs(j, j - 1) * (ascale * habs(j + 1, j)) <= habs(j, j) * (ascale * atol)) ilazr2 = true;
          if (ilazro || ilazr2) {
            // chase the zero of T down with rotations of rows from the left
            action = 'zeroT';
            for (let jch = j; jch < ilast; jch++) {
              const g = zlartg(h[at(jch, jch)], h[at(jch, jch) + 1], h[at(jch + 1, jch)], h[at(jch + 1, jch) + 1]);
              h[at(jch, jch)] = g.rr;
              h[at(jch, jch) + 1] = g.ri;
              zero(h, jch + 1, jch);
              rotRows(h, jch, jch + 1, jch + 1, ilastm + 1, g);
              rotRows(t, jch, jch + 1, jch + 1, ilastm + 1, g);
              if (q !== null) rot(q, at(0, jch), at(0, jch + 1), n, n, g.c, g.sr, -g.si);
              if (ilazr2) {
                h[at(jch, jch - 1)] *= g.c;
                h[at(jch, jch - 1) + 1] *= g.c;
              }
              ilazr2 = false;
              if (tabs(jch + 1, jch + 1) >= btol) {
                if (jch + 1 >= ilast) action = 'deflate';
                else {
                  ifirst = jch + 1;
                  action = 'qz';
                }
                break;
              }
              zero(t, jch + 1, jch + 1);
            }
          } else {
            // chase the zero of T to T(ilast, ilast), keeping H Hessenberg
            for (let jch = j; jch < ilast; jch++) {
              let g = zlartg(t[at(jch, jch + 1)], t[at(jch, jch + 1) + 1], t[at(jch + 1, jch + 1)], t[at(jch + 1, jch + 1) + 1]);
              t[at(jch, jch + 1)] = g.rr;
              t[at(jch, jch + 1) + 1] = g.ri;
              zero(t, jch + 1, jch + 1);
              if (jch < ilastm - 1) rotRows(t, jch, jch + 1, jch + 2, ilastm + 1, g);
              rotRows(h, jch, jch + 1, jch - 1, ilastm + 1, g);
              if (q !== null) rot(q, at(0, jch), at(0, jch + 1), n, n, g.c, g.sr, -g.si);
              g = zlartg(h[at(jch + 1, jch)], h[at(jch + 1, jch) + 1], h[at(jch + 1, jch - 1)], h[at(jch + 1, jch - 1) + 1]);
              h[at(jch + 1, jch)] = g.rr;
              h[at(jch + 1, jch) + 1] = g.ri;
              zero(h, jch + 1, jch - 1);
              rotColumns(h, jch, jch - 1, ifrstm, jch + 1, g);
              rotColumns(t, jch, jch - 1, ifrstm, jch, g);
              if (z !== null) rotColumns(z, jch, jch - 1, 0, n, g);
            }
            action = 'zeroT';
          }
          found = true;
        } else if (ilazro) {
          ifirst = j;
          action = 'qz';
          found = true;
        }
      }
      if (!found) {
        result.info = 2 * n + 1;
        return result;
      }
    }
    if (action === 'zeroT') {
      // T(ilast, ilast) = 0: a column rotation zeros H(ilast, ilast−1)
      const g = zlartg(h[at(ilast, ilast)], h[at(ilast, ilast) + 1], h[at(ilast, ilast - 1)], h[at(ilast, ilast - 1) + 1]);
      h[at(ilast, ilast)] = g.rr;
      h[at(ilast, ilast) + 1] = g.ri;
      zero(h, ilast, ilast - 1);
      rotColumns(h, ilast, ilast - 1, ifrstm, ilast, g);
      rotColumns(t, ilast, ilast - 1, ifrstm, ilast, g);
      if (z !== null) rotColumns(z, ilast, ilast - 1, 0, n, g);
      action = 'deflate';
    }
    if (action === 'deflate') {
      // make T(ilast, ilast) real and non-negative, record (α, β)
      const tr = t[at(ilast, ilast)];
      const ti = t[at(ilast, ilast) + 1];
      const absb = Math.hypot(tr, ti);
      if (absb > safmin) {
        const sr = tr / absb;
        const si = -ti / absb;
        t[at(ilast, ilast)] = absb;
        t[at(ilast, ilast) + 1] = 0;
        const scaleColumn = (m: Float64Array, col: number, r0: number, r1: number) => {
          for (let r = r0; r < r1; r++) {
            const p = at(r, col);
            const xr = m[p];
            const xi = m[p + 1];
            m[p] = xr * sr - xi * si;
            m[p + 1] = xr * si + xi * sr;
          }
        };
        if (wantT) {
          scaleColumn(t, ilast, ifrstm, ilast);
          scaleColumn(h, ilast, ifrstm, ilast + 1);
        } else scaleColumn(h, ilast, ilast, ilast + 1);
        if (z !== null) scaleColumn(z, ilast, 0, n);
      } else zero(t, ilast, ilast);
      alpha[2 * ilast] = h[at(ilast, ilast)];
      alpha[2 * ilast + 1] = h[at(ilast, ilast) + 1];
      beta[2 * ilast] = t[at(ilast, ilast)];
      ilast--;
      if (ilast < 0) return result;
      iiter = 0;
      eshiftR = eshiftI = 0;
      if (!wantT) {
        ilastm = ilast;
        if (ifrstm > ilast) ifrstm = 0;
      }
      continue;
    }
    // 2: a QZ step on rows/columns ifirst..ilast
    iiter++;
    if (!wantT) ifrstm = ifirst;
    let shiftR: number;
    let shiftI: number;
    const cdiv = (xr: number, xi: number, yr: number, yi: number): [number, number] => {
      if (Math.abs(yr) >= Math.abs(yi)) {
        const r = yi / yr;
        const d = yr + yi * r;
        return [(xr + xi * r) / d, (xi - xr * r) / d];
      }
      const r = yr / yi;
      const d = yr * r + yi;
      return [(xr * r + xi) / d, (xi * r - xr) / d];
    };
    const hs = (i: number, j: number): [number, number] => [ascale * h[at(i, j)], ascale * h[at(i, j) + 1]];
    const ts = (i: number, j: number): [number, number] => [bscale * t[at(i, j)], bscale * t[at(i, j) + 1]];
    if (iiter % 10 !== 0) {
      // Wilkinson's shift from the trailing 2×2 block of B⁻¹A
      const u12 = cdiv(...ts(ilast - 1, ilast), ...ts(ilast, ilast));
      const ad11 = cdiv(...hs(ilast - 1, ilast - 1), ...ts(ilast - 1, ilast - 1));
      const ad21 = cdiv(...hs(ilast, ilast - 1), ...ts(ilast - 1, ilast - 1));
      const ad12 = cdiv(...hs(ilast - 1, ilast), ...ts(ilast, ilast));
      const ad22 = cdiv(...hs(ilast, ilast), ...ts(ilast, ilast));
      const mul = (x: [number, number], y: [number, number]): [number, number] => [x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]];
      const sub = (x: [number, number], y: [number, number]): [number, number] => [x[0] - y[0], x[1] - y[1]];
      const abi22 = sub(ad22, mul(u12, ad21));
      const abi12 = sub(ad12, mul(u12, ad11));
      [shiftR, shiftI] = abi22;
      const ctemp = mul(csqrt(abi12), csqrt(ad21));
      let temp = abs1(ctemp[0], ctemp[1]);
      if (ctemp[0] !== 0 || ctemp[1] !== 0) {
        const x: [number, number] = [0.5 * (ad11[0] - shiftR), 0.5 * (ad11[1] - shiftI)];
        const temp2 = abs1(x[0], x[1]);
        temp = Math.max(temp, temp2);
        const xs: [number, number] = [x[0] / temp, x[1] / temp];
        const cs: [number, number] = [ctemp[0] / temp, ctemp[1] / temp];
        const x2 = mul(xs, xs);
        const c2 = mul(cs, cs);
        const root = csqrt([x2[0] + c2[0], x2[1] + c2[1]]);
        let y: [number, number] = [temp * root[0], temp * root[1]];
        if (temp2 > 0 && (x[0] / temp2) * y[0] + (x[1] / temp2) * y[1] < 0) y = [-y[0], -y[1]];
        const d = mul(ctemp, cdiv(ctemp[0], ctemp[1], x[0] + y[0], x[1] + y[1]));
        shiftR -= d[0];
        shiftI -= d[1];
      }
    } else {
      // exceptional shift
      let inc: [number, number];
      if (iiter % 20 === 0 && bscale * tabs(ilast, ilast) > safmin) inc = cdiv(...hs(ilast, ilast), ...ts(ilast, ilast));
      else inc = cdiv(...hs(ilast, ilast - 1), ...ts(ilast - 1, ilast - 1));
      eshiftR += inc[0];
      eshiftI += inc[1];
      shiftR = eshiftR;
      shiftI = eshiftI;
    }
    // two consecutive small subdiagonal entries: where to start the sweep
    let istart = ifirst;
    let ctR = 0;
    let ctI = 0;
    for (let j = ilast - 1; j > ifirst; j--) {
      const [hr, hi] = hs(j, j);
      const [tr, ti] = ts(j, j);
      const cr = hr - (shiftR * tr - shiftI * ti);
      const ci = hi - (shiftR * ti + shiftI * tr);
      let temp = abs1(cr, ci);
      let temp2 = ascale * habs(j + 1, j);
      const tempr = Math.max(temp, temp2);
      if (tempr < 1 && tempr !== 0) {
        temp /= tempr;
        temp2 /= tempr;
      }
      if (habs(j, j - 1) * temp2 <= temp * atol) {
        istart = j;
        ctR = cr;
        ctI = ci;
        break;
      }
    }
    if (istart === ifirst) {
      const [hr, hi] = hs(ifirst, ifirst);
      const [tr, ti] = ts(ifirst, ifirst);
      ctR = hr - (shiftR * tr - shiftI * ti);
      ctI = hi - (shiftR * ti + shiftI * tr);
    }
    // the implicit single-shift QZ sweep
    let g = zlartg(ctR, ctI, ascale * h[at(istart + 1, istart)], ascale * h[at(istart + 1, istart) + 1]);
    for (let j = istart; j < ilast; j++) {
      if (j > istart) {
        g = zlartg(h[at(j, j - 1)], h[at(j, j - 1) + 1], h[at(j + 1, j - 1)], h[at(j + 1, j - 1) + 1]);
        h[at(j, j - 1)] = g.rr;
        h[at(j, j - 1) + 1] = g.ri;
        zero(h, j + 1, j - 1);
      }
      rotRows(h, j, j + 1, j, ilastm + 1, g);
      rotRows(t, j, j + 1, j, ilastm + 1, g);
      if (q !== null) rot(q, at(0, j), at(0, j + 1), n, n, g.c, g.sr, -g.si);
      g = zlartg(t[at(j + 1, j + 1)], t[at(j + 1, j + 1) + 1], t[at(j + 1, j)], t[at(j + 1, j) + 1]);
      t[at(j + 1, j + 1)] = g.rr;
      t[at(j + 1, j + 1) + 1] = g.ri;
      zero(t, j + 1, j);
      rotColumns(h, j + 1, j, ifrstm, Math.min(j + 2, ilast) + 1, g);
      rotColumns(t, j + 1, j, ifrstm, j + 1, g);
      if (z !== null) rotColumns(z, j + 1, j, 0, n, g);
    }
  }
  result.info = ilast + 1;
  return result;
}

function csqrt([re, im]: [number, number]): [number, number] {
  const r = Math.hypot(re, im);
  if (r === 0) return [0, 0];
  const sr = Math.sqrt((r + Math.abs(re)) / 2);
  if (re >= 0) return [sr, im / (2 * sr)];
  return [Math.abs(im) / (2 * sr), im >= 0 ? sr : -sr];
}
