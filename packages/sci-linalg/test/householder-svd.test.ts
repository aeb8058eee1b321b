/**
 * The Householder-bidiagonalization SVD kernels on random matrices (fast-check): the 2×2
 * SVD (dlasv2), the bidiagonal QR iteration (dbdsqr) against bisection to high relative
 * accuracy on graded bidiagonals, and the whole route (gebrd, bdsqr, orgbr) on
 * real and complex m×n matrices, rank-deficient, graded, tiny and huge: U Σ Vᴴ = A, UᴴU = I,
 * VVᴴ = I, values descending and equal to Jacobi's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidiagonalSvd, singularValues2x2, svd2x2 } from '../src/kernels/bidiagonal-qr.js';
import { householderSvd } from '../src/kernels/householder-svd.js';
import { columnNorm, jacobiOrthogonalize } from '../src/kernels/jacobi-svd.js';

const EPS = 2 ** -52;
/** LAPACK's tests call a residual ratio (residual / (size·ε·‖A‖)) above 30 a failure. */
const RATIO = 30;

/** A double drawn as ±mantissa·2^exponent (mantissa in [1/2, 1], or 0), so that magnitudes span many orders. */
const scaled = (minExp: number, maxExp: number) =>
  fc
    .tuple(fc.oneof(fc.double({ min: 0.5, max: 1, noNaN: true }), fc.constant(0)), fc.boolean(), fc.integer({ min: minExp, max: maxExp }))
    .map(([x, negative, k]) => (negative ? -x : x) * 2 ** k);

/**
 * The singular values of the p×q matrix (column j at j·p) by one-sided Jacobi, descending;
 * scaled by a power of two first, as Jacobi's inner products would under- or overflow.
 */
function jacobiValues(columns: Float64Array, p: number, q: number, lanes: number): number[] {
  let big = 0;
  for (const x of columns) big = Math.max(big, Math.abs(x));
  const scale = big === 0 ? 1 : 2 ** -Math.ceil(Math.log2(big));
  const w = columns.map((x) => x * scale);
  expect(jacobiOrthogonalize(w, p, q, lanes, null, 2 ** -53)).toBe(true);
  return Array.from({ length: q }, (_, j) => columnNorm(w, lanes, p, lanes * j * p) / scale).sort((x, y) => y - x);
}

/**
 * How many singular values of bidiag(d, e) are below x > 0: the Sturm count of the
 * Golub–Kahan matrix (zero diagonal, off-diagonal d₀, e₀, d₁, …; eigenvalues ±σ) at x, less
 * the n negative eigenvalues. With a zero diagonal every pivot has a small relative error, so
 * bisection on it finds each σ to high relative accuracy (Demmel & Kahan 1990, §6). A pivot
 * below pivmin is replaced by −pivmin, as LAPACK's dstebz does.
 */
function countBelow(d: Float64Array, e: Float64Array, n: number, x: number): number {
  const b = (k: number) => (k % 2 === 0 ? d[k / 2] : e[(k - 1) / 2]);
  let bmax = 1;
  for (let k = 0; k < 2 * n - 1; k++) bmax = Math.max(bmax, b(k) * b(k));
  const pivmin = 2 ** -1022 * bmax;
  let count = 0;
  let pivot = -x;
  for (let k = 0; k < 2 * n; k++) {
    if (k > 0) pivot = -x - (b(k - 1) * b(k - 1)) / pivot;
    if (Math.abs(pivot) < pivmin) pivot = -pivmin;
    if (pivot < 0) count++;
  }
  return count - n;
}

/** The singular values of bidiag(d, e), descending, each by bisection on countBelow to a few ulps. */
function bisectionValues(d: Float64Array, e: Float64Array, n: number): number[] {
  let hi0 = 0;
  for (let i = 0; i < n; i++) hi0 = Math.hypot(hi0, d[i], i + 1 < n ? e[i] : 0);
  const values: number[] = [];
  for (let k = 0; k < n; k++) {
    // σ_k (k-th largest) is the smallest x with countBelow(x) ≥ n − k
    let lo = 0;
    let hi = hi0 * (1 + 4 * EPS);
    while (hi - lo > 2 * EPS * hi && lo !== hi) {
      const mid = lo > 0 ? Math.sqrt(lo) * Math.sqrt(hi) : hi / 2;
      if (mid <= lo || mid >= hi) break;
      if (countBelow(d, e, n, mid) >= n - k) hi = mid;
      else lo = mid;
    }
    values.push(hi);
  }
  return values;
}

describe('svd2x2 (dlasv2)', () => {
  it('rotates [f g; 0 h] to diag(ssmax, ssmin) with |ssmax| ≥ |ssmin|, to relative accuracy', () => {
    fc.assert(
      fc.property(scaled(-300, 300), scaled(-300, 300), scaled(-300, 300), (f, g, h) => {
        const t = svd2x2(f, g, h);
        expect(Math.abs(t.ssmax)).toBeGreaterThanOrEqual(Math.abs(t.ssmin));
        expect(Math.abs(t.csl ** 2 + t.snl ** 2 - 1)).toBeLessThan(8 * EPS);
        expect(Math.abs(t.csr ** 2 + t.snr ** 2 - 1)).toBeLessThan(8 * EPS);
        // [csl snl; −snl csl]·[f g; 0 h]·[csr −snr; snr csr], entry by entry in scaled form
        const big = Math.max(Math.abs(f), Math.abs(g), Math.abs(h)) || 1;
        const [a, b, c, d] = [f / big, g / big, 0, h / big];
        const l11 = t.csl * a + t.snl * c;
        const l12 = t.csl * b + t.snl * d;
        const l21 = -t.snl * a + t.csl * c;
        const l22 = -t.snl * b + t.csl * d;
        const r11 = l11 * t.csr + l12 * t.snr;
        const r12 = -l11 * t.snr + l12 * t.csr;
        const r21 = l21 * t.csr + l22 * t.snr;
        const r22 = -l21 * t.snr + l22 * t.csr;
        expect(Math.abs(r11 - t.ssmax / big)).toBeLessThan(16 * EPS);
        expect(Math.abs(r22 - t.ssmin / big)).toBeLessThan(16 * EPS);
        expect(Math.abs(r12)).toBeLessThan(16 * EPS);
        expect(Math.abs(r21)).toBeLessThan(16 * EPS);
        // the values alone (dlas2) agree with dlasv2's
        const [smin, smax] = singularValues2x2(f, g, h);
        expect(Math.abs(smax - Math.abs(t.ssmax))).toBeLessThanOrEqual(8 * EPS * smax);
        expect(Math.abs(smin - Math.abs(t.ssmin))).toBeLessThanOrEqual(8 * EPS * smin);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bidiagonalSvd (dbdsqr)', () => {
  it('gives every singular value of a (graded) bidiagonal to high relative accuracy (as bisection)', () => {
    const cases = fc.integer({ min: 1, max: 24 }).chain((n) => fc.tuple(fc.array(scaled(-60, 60), { minLength: 2 * n - 1, maxLength: 2 * n - 1 }), fc.constant(n), fc.boolean()));
    fc.assert(
      fc.property(cases, ([entries, n, graded]) => {
        const d = new Float64Array(n);
        const e = new Float64Array(n);
        for (let i = 0; i < n; i++) d[i] = (graded ? 2 ** (-8 * i) : 1) * (entries[i] || 1);
        for (let i = 0; i < n - 1; i++) e[i] = (graded ? 2 ** (-8 * i) : 1) * entries[n + i];
        const expected = bisectionValues(d, e, n);
        expect(bidiagonalSvd(d, e, n)).toBe(true);
        // Demmel–Kahan: each value to a relative error of a modest multiple of n·ε
        for (let i = 0; i < n; i++) expect(Math.abs(d[i] - expected[i])).toBeLessThanOrEqual(RATIO * n * EPS * expected[i]);
      }),
      { numRuns: 400 },
    );
  });

  it('accumulates the rotations: Wᵀ B Z = Σ with W, Z orthogonal', () => {
    const cases = fc.integer({ min: 1, max: 20 }).chain((n) => fc.tuple(fc.array(scaled(-4, 4), { minLength: 2 * n - 1, maxLength: 2 * n - 1 }), fc.constant(n)));
    fc.assert(
      fc.property(cases, ([entries, n]) => {
        const d = Float64Array.from(entries.slice(0, n));
        const e = new Float64Array(n);
        e.set(entries.slice(n));
        const b = (i: number, j: number) => (i === j ? entries[i] : j === i + 1 ? entries[n + i] : 0);
        const vt = new Float64Array(n * n);
        const ut = new Float64Array(n * n);
        for (let i = 0; i < n; i++) vt[i * n + i] = ut[i * n + i] = 1;
        expect(bidiagonalSvd(d, e, n, { vt, vtCols: n, ut, utCols: n })).toBe(true);
        const scale = Math.max(...d, 1e-300);
        for (let i = 0; i < n; i++) {
          if (i > 0) expect(d[i]).toBeLessThanOrEqual(d[i - 1]);
          for (let j = 0; j < n; j++) {
            // (Wᵀ B Z)[i, j] = Σₖₗ ut[i, k] B[k, l] vt[j, l]
            let x = 0;
            for (let k = 0; k < n; k++) for (let l = k; l <= Math.min(k + 1, n - 1); l++) x += ut[i * n + k] * b(k, l) * vt[j * n + l];
            expect(Math.abs(x - (i === j ? d[i] : 0))).toBeLessThanOrEqual(RATIO * n * EPS * scale);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

interface Case {
  readonly m: number;
  readonly n: number;
  readonly lanes: number;
  readonly values: Float64Array;
}

/** Random m×n real or complex matrices: dense, of low rank (a product through r < min(m, n)), with graded columns, or scaled near the ends of the range. */
const matrices: fc.Arbitrary<Case> = fc
  .record({
    m: fc.integer({ min: 1, max: 14 }),
    n: fc.integer({ min: 1, max: 14 }),
    lanes: fc.constantFrom(1, 2),
    kind: fc.constantFrom('dense', 'low-rank', 'graded', 'tiny', 'huge'),
    rank: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ m, n, lanes, kind, rank, seed }) => {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 30 - 1;
    };
    const values = new Float64Array(lanes * m * n);
    if (kind === 'low-rank') {
      const r = Math.min(rank, m, n);
      const x = Array.from({ length: lanes * m * r }, next);
      const y = Array.from({ length: lanes * r * n }, next);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          for (let k = 0; k < r; k++) {
            const p = lanes * (i * r + k);
            const q = lanes * (k * n + j);
            const t = lanes * (i * n + j);
            if (lanes === 1) values[t] += x[p] * y[q];
            else {
              values[t] += x[p] * y[q] - x[p + 1] * y[q + 1];
              values[t + 1] += x[p] * y[q + 1] + x[p + 1] * y[q];
            }
          }
        }
      }
    } else {
      for (let i = 0; i < values.length; i++) values[i] = next();
      // tiny: below gesvd's safe range (so scaled first) yet normal, as subnormal singular values have lost relative precision
      const factor = kind === 'tiny' ? 2 ** -1000 : kind === 'huge' ? 2 ** 1010 : 1;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const g = kind === 'graded' ? 2 ** (-6 * j) : factor;
          for (let l = 0; l < lanes; l++) values[lanes * (i * n + j) + l] *= g;
        }
      }
    }
    return { m, n, lanes, values };
  });

/** max |XᴴX − I| over the columns of the rows×cols x (or of xᴴ's with `rowsOrthonormal`). */
function orthonormalityError(x: Float64Array, rows: number, cols: number, lanes: number, rowsOrthonormal: boolean): number {
  const at = (i: number, j: number) => lanes * (rowsOrthonormal ? j * cols + i : i * cols + j);
  const [len, count] = rowsOrthonormal ? [cols, rows] : [rows, cols];
  let worst = 0;
  for (let a = 0; a < count; a++) {
    for (let b = a; b < count; b++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < len; i++) {
        const p = at(i, a);
        const q = at(i, b);
        const pi = lanes === 2 ? x[p + 1] : 0;
        const qi = lanes === 2 ? x[q + 1] : 0;
        re += x[p] * x[q] + pi * qi;
        im += x[p] * qi - pi * x[q];
      }
      worst = Math.max(worst, Math.hypot(re - (a === b ? 1 : 0), im));
    }
  }
  return worst;
}

/**
 * Checks householderSvd on one matrix: U Σ Vᴴ = A with U, V unitary, full or thin, values
 * descending, the same without vectors, and equal to Jacobi's relative to ‖A‖₂.
 */
function checkSvd({ m, n, lanes, values }: Case, full: boolean): void {
    const k = Math.min(m, n);
    const result = householderSvd(values, 0, m, n, lanes, true, full);
    expect(result).not.toBeNull();
    if (result === null || result.u === null || result.vh === null) return;
    const { s, u, vh } = result;
    const uCols = full ? m : k;
    const vhRows = full ? n : k;
    expect([s.length, u.length, vh.length]).toEqual([k, lanes * m * uCols, lanes * vhRows * n]);
    for (let i = 1; i < k; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
    for (let i = 0; i < k; i++) expect(s[i]).toBeGreaterThanOrEqual(0);
    const size = Math.max(m, n);
    expect(orthonormalityError(u, m, uCols, lanes, false)).toBeLessThanOrEqual(RATIO * size * EPS);
    expect(orthonormalityError(vh, vhRows, n, lanes, true)).toBeLessThanOrEqual(RATIO * size * EPS);
    // U Σ Vᴴ − A, scaled by s[0] (‖A‖₂) so that tiny and huge inputs compare alike
    const norm = s[0] || 1;
    let residual = 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let re = 0;
        let im = 0;
        for (let t = 0; t < k; t++) {
          const p = lanes * (i * uCols + t);
          const q = lanes * (t * n + j);
          const [ur, ui] = [u[p], lanes === 2 ? u[p + 1] : 0];
          const [vr, vi] = [vh[q], lanes === 2 ? vh[q + 1] : 0];
          const st = s[t] / norm;
          re += st * (ur * vr - ui * vi);
          im += st * (ur * vi + ui * vr);
        }
        const p = lanes * (i * n + j);
        residual = Math.max(residual, Math.hypot(re - values[p] / norm, im - (lanes === 2 ? values[p + 1] / norm : 0)));
      }
    }
    expect(residual).toBeLessThanOrEqual(RATIO * size * EPS);
    // the values alone (no vectors) are the same, and agree with Jacobi's relative to ‖A‖₂
    const alone = householderSvd(values, 0, m, n, lanes, false, false);
    expect(alone?.s).toEqual(s);
    const p = Math.max(m, n);
    const columns = new Float64Array(lanes * p * k);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const from = lanes * (i * n + j);
        const to = lanes * (m >= n ? j * p + i : i * p + j);
        for (let l = 0; l < lanes; l++) columns[to + l] = values[from + l];
      }
    }
    const expected = jacobiValues(columns, p, k, lanes);
    for (let i = 0; i < k; i++) expect(Math.abs(s[i] - expected[i])).toBeLessThanOrEqual(RATIO * size * EPS * (expected[0] || 0));
}

describe('householderSvd (gebrd + bdsqr + orgbr)', () => {
  it('U Σ Vᴴ = A with U, V unitary, full or thin, values descending and equal to Jacobi’s', () => {
    fc.assert(
      fc.property(matrices, fc.boolean(), (a, full) => checkSvd(a, full)),
      { numRuns: 500 },
    );
  });

  it('takes the blocked paths (panels of the reduction, blocks of reflectors) as correctly, real and complex, tall and wide', () => {
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 30 - 1;
    };
    for (const [m, n] of [
      [40, 33],
      [33, 70],
      [80, 80],
      [200, 130],
      [130, 200],
    ]) {
      for (const lanes of [1, 2]) {
        const values = Float64Array.from({ length: lanes * m * n }, next);
        for (const full of [false, true]) checkSvd({ m, n, lanes, values }, full);
      }
    }
  });

  it('keeps the relative accuracy of tiny singular values of a graded matrix D₁ B D₂', () => {
    // B bidiagonal with entries in [1, 2], scaled by 2^(−10i) on both sides: values spread over
    // 10⁻⁶⁰; the reflectors of an upper bidiagonal matrix are the identity, so the route keeps B
    const cases = fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: 1, max: 2, noNaN: true }), { minLength: 2 * n - 1, maxLength: 2 * n - 1 })));
    fc.assert(
      fc.property(cases, ([n, entries]) => {
        const values = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          values[i * n + i] = entries[i] * 2 ** (-20 * i);
          if (i + 1 < n) values[i * n + i + 1] = entries[n + i] * 2 ** (-10 * i - 10 * (i + 1));
        }
        const d = new Float64Array(n);
        const e = new Float64Array(n);
        for (let i = 0; i < n; i++) d[i] = values[i * n + i];
        for (let i = 0; i + 1 < n; i++) e[i] = values[i * n + i + 1];
        const expected = bisectionValues(d, e, n);
        const s = householderSvd(values, 0, n, n, 1, false, false)?.s ?? [];
        for (let i = 0; i < n; i++) expect(Math.abs(s[i] - expected[i])).toBeLessThanOrEqual(RATIO * n * EPS * expected[i]);
      }),
      { numRuns: 200 },
    );
  });
});
