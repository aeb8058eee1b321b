/**
 * Bunch–Kaufman factorisation of a symmetric, complex symmetric or Hermitian matrix (Bunch &
 * Kaufman, "Some stable methods for calculating inertia and solving symmetric linear
 * systems", Math. Comp. 31, 1977), as LAPACK's unblocked sytf2/hetf2 compute it in the lower
 * triangle: P A Pᵀ = L D Lᵀ (Lᴴ for Hermitian) with 1×1 and 2×2 pivots chosen by the α =
 * (1 + √17)/8 test. Row-major n×n, real (lanes = 1) or complex interleaved (lanes = 2);
 * computed in double and stored in the array's precision.
 */
import type { Float } from '../stack.js';

const ALPHA = (1 + Math.sqrt(17)) / 8;

type C = [number, number];
const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const conjugate = (a: C): C => [a[0], -a[1]];
function div(a: C, b: C): C {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
}

/**
 * Factors the lower triangle of `a` in place (sytf2/hetf2 with uplo = 'L'): afterwards D's
 * blocks and L's multipliers are where LAPACK leaves them and `ipiv` holds LAPACK's 1-based
 * pivots (k + 1 for a 1×1 block at k after swapping with row k, −(p + 1) twice for a 2×2
 * block swapped with row p). `lastMax` breaks ties in the column search toward the last
 * row, which is how the upper-triangle routine's first-max search looks on the reversed matrix.
 * Returns LAPACK's info (1 + the first zero pivot, or 0).
 */
export function sytf2Lower(a: Float, o: number, n: number, lanes: number, hermitian: boolean, ipiv: Int32Array, lastMax: boolean): number {
  const at = (i: number, j: number) => lanes * (o + i * n + j);
  const get = (i: number, j: number): C => [a[at(i, j)], lanes === 2 ? a[at(i, j) + 1] : 0];
  const set = (i: number, j: number, v: C) => {
    a[at(i, j)] = v[0];
    if (lanes === 2) a[at(i, j) + 1] = v[1];
  };
  const cabs1 = (v: C) => Math.abs(v[0]) + Math.abs(v[1]);
  const diagAbs = (k: number) => (hermitian ? Math.abs(get(k, k)[0]) : cabs1(get(k, k)));
  // the conjugate of an element moved across the diagonal of a Hermitian matrix
  const mirror = (v: C): C => (hermitian ? conjugate(v) : v);
  const swap = (p: [number, number], q: [number, number]) => {
    const t = get(p[0], p[1]);
    set(p[0], p[1], get(q[0], q[1]));
    set(q[0], q[1], t);
  };
  let info = 0;
  let k = 0;
  while (k < n) {
    let kstep = 1;
    let kp = k;
    const absakk = diagAbs(k);
    let imax = k;
    let colmax = 0;
    for (let i = k + 1; i < n; i++) {
      const v = cabs1(get(i, k));
      if (v > colmax || (lastMax && v === colmax && v > 0)) {
        colmax = v;
        imax = i;
      }
    }
    if (Math.max(absakk, colmax) === 0) {
      if (info === 0) info = k + 1;
      if (hermitian) set(k, k, [get(k, k)[0], 0]);
    } else {
      if (absakk < ALPHA * colmax) {
        // the largest off-diagonal element of row/column imax
        let rowmax = 0;
        for (let j = k; j < imax; j++) rowmax = Math.max(rowmax, cabs1(get(imax, j)));
        for (let i = imax + 1; i < n; i++) rowmax = Math.max(rowmax, cabs1(get(i, imax)));
        if (absakk >= ALPHA * colmax * (colmax / rowmax)) kp = k;
        else if (diagAbs(imax) >= ALPHA * rowmax) kp = imax;
        else {
          kp = imax;
          kstep = 2;
        }
      }
      const kk = k + kstep - 1;
      if (kp !== kk) {
        // symmetric interchange of rows and columns kk and kp in the trailing matrix
        for (let i = kp + 1; i < n; i++) swap([i, kk], [i, kp]);
        for (let j = kk + 1; j < kp; j++) {
          const t = mirror(get(j, kk));
          set(j, kk, mirror(get(kp, j)));
          set(kp, j, t);
        }
        if (hermitian) set(kp, kk, conjugate(get(kp, kk)));
        swap([kk, kk], [kp, kp]);
        if (kstep === 2) swap([k + 1, k], [kp, k]);
      }
      // a Hermitian matrix's diagonal is real: the imaginary parts are ignored, as LAPACK
      if (hermitian) for (const i of [k, kk]) set(i, i, [get(i, i)[0], 0]);
      if (kstep === 1) {
        // D(k) = A(k, k); L(:, k) = A(:, k) / D(k); trailing −= L D Lᵀ (Lᴴ)
        const d: C = hermitian ? [get(k, k)[0], 0] : get(k, k);
        if (hermitian) set(k, k, d);
        const r1 = div([1, 0], d);
        if (lanes === 1) {
          // the same arithmetic on reals (the imaginary parts above are exact zeros), without tuples
          const r = r1[0];
          for (let j = k + 1; j < n; j++) {
            const xj = a[o + j * n + k];
            for (let i = j; i < n; i++) a[o + i * n + j] -= r * a[o + i * n + k] * xj;
          }
          for (let i = k + 1; i < n; i++) a[o + i * n + k] *= r;
        } else {
          for (let j = k + 1; j < n; j++) {
          const xj = mirror(get(j, k));
            for (let i = j; i < n; i++) set(i, j, sub(get(i, j), mul(mul(r1, get(i, k)), xj)));
            if (hermitian) set(j, j, [get(j, j)[0], 0]);
          }
          for (let i = k + 1; i < n; i++) set(i, k, mul(get(i, k), r1));
        }
      } else if (k < n - 2) {
        // the 2×2 pivot [[a(k,k), ·], [a(k+1,k), a(k+1,k+1)]]: columns k, k+1 of L = A(:, k:k+1) D⁻¹
        const a21 = get(k + 1, k);
        let wScale: C;
        let d11: C;
        let d22: C;
        let d21: C;
        if (hermitian) {
          const r = Math.hypot(a21[0], a21[1]);
          d11 = [get(k + 1, k + 1)[0] / r, 0];
          d22 = [get(k, k)[0] / r, 0];
          d21 = [a21[0] / r, a21[1] / r];
          const tt = 1 / (d11[0] * d22[0] - 1);
          wScale = [tt / r, 0];
        } else {
          d11 = div(get(k + 1, k + 1), a21);
          d22 = div(get(k, k), a21);
          const t = div([1, 0], sub(mul(d11, d22), [1, 0]));
          wScale = div(t, a21);
          d21 = [1, 0];
        }
        for (let j = k + 2; j < n; j++) {
          const ajk = get(j, k);
          const ajk1 = get(j, k + 1);
          const wk = mul(wScale, sub(mul(d11, ajk), mul(d21, ajk1)));
          const wkp1 = mul(wScale, sub(mul(d22, ajk1), mul(conjugateIf(d21, hermitian), ajk)));
          if (lanes === 1) {
            const w0 = wk[0];
            const w1 = wkp1[0];
            for (let i = j; i < n; i++) a[o + i * n + j] -= a[o + i * n + k] * w0 + a[o + i * n + k + 1] * w1;
          } else {
            for (let i = j; i < n; i++) {
              set(i, j, sub(get(i, j), add(mul(get(i, k), mirror(wk)), mul(get(i, k + 1), mirror(wkp1)))));
            }
          }
          set(j, k, wk);
          set(j, k + 1, wkp1);
          if (hermitian) set(j, j, [get(j, j)[0], 0]);
        }
      }
    }
    if (kstep === 1) ipiv[k] = kp + 1;
    else ipiv[k] = ipiv[k + 1] = -(kp + 1);
    k += kstep;
  }
  return info;
}

function sub(a: C, b: C): C {
  return [a[0] - b[0], a[1] - b[1]];
}

function add(a: C, b: C): C {
  return [a[0] + b[0], a[1] + b[1]];
}

function conjugateIf(a: C, yes: boolean): C {
  return yes ? conjugate(a) : a;
}
