/**
 * The blocked Householder QR (src/kernels/blocked-qr.ts, block-reflector.ts) against the
 * unblocked geqr2/org2r of householder.ts: the same R (the same signs), τ and Q up to
 * rounding, on shapes around the block size (nb − 1, nb, nb + 1, several blocks, tall, wide,
 * one column), real and complex, float64 and float32; and Q's columns orthonormal with A = Q R.
 */
import { setGemmWasmEnabled } from '@sciport/array-api/kernels';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { geqrfBlocked, orgqrBlocked } from '../src/kernels/blocked-qr.js';
import { geqr2, geqrf, org2r, orgqr } from '../src/kernels/householder.js';
import { type Data, maxAbsDiff, random } from './helpers/kernel-data.js';

/** max |(Qᴴ Q − I)[i, j]| over the m×cols matrix Q. */
function orthogonalityError(q: Data, m: number, cols: number, lanes: number): number {
  let e = 0;
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < cols; j++) {
      let sr = i === j ? -1 : 0;
      let si = 0;
      for (let r = 0; r < m; r++) {
        const a = lanes * (r * cols + i);
        const b = lanes * (r * cols + j);
        if (lanes === 1) sr += q[a] * q[b];
        else {
          sr += q[a] * q[b] + q[a + 1] * q[b + 1];
          si += q[a] * q[b + 1] - q[a + 1] * q[b];
        }
      }
      e = Math.max(e, Math.hypot(sr, si));
    }
  }
  return e;
}

/** max |(Q R − A)[i, j]| with Q m×m and R the upper triangle of the factored m×n matrix. */
function reconstructionError(a: Data, factored: Data, q: Data, m: number, n: number, lanes: number): number {
  let e = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sr = -a[lanes * (i * n + j)];
      let si = lanes === 2 ? -a[lanes * (i * n + j) + 1] : 0;
      for (let t = 0; t <= Math.min(j, m - 1); t++) {
        const x = lanes * (i * m + t);
        const y = lanes * (t * n + j);
        if (lanes === 1) sr += q[x] * factored[y];
        else {
          sr += q[x] * factored[y] - q[x + 1] * factored[y + 1];
          si += q[x] * factored[y + 1] + q[x + 1] * factored[y];
        }
      }
      e = Math.max(e, Math.hypot(sr, si));
    }
  }
  return e;
}

/** Both factorisations of one matrix: [blocked, unblocked] × [factored A, τ, full Q]. */
function factorBoth(m: number, n: number, lanes: number, single: boolean, seed: number, nb: number) {
  const a = random(lanes * m * n, seed, single);
  const k = Math.min(m, n);
  const run = (blocked: boolean) => {
    const f = a.slice();
    const tau = single ? new Float32Array(lanes * k) : new Float64Array(lanes * k);
    const q = single ? new Float32Array(lanes * m * m) : new Float64Array(lanes * m * m);
    if (blocked) {
      expect(geqrfBlocked(f, 0, m, n, lanes, tau, 0, nb)).toBe(true);
      expect(orgqrBlocked(f, 0, m, n, lanes, tau, 0, q, 0, m, nb)).toBe(true);
    } else {
      geqr2(f, 0, m, n, lanes, tau, 0);
      org2r(f, 0, m, n, lanes, tau, 0, q, 0, m);
    }
    return { f, tau, q };
  };
  return { a, blocked: run(true), unblocked: run(false) };
}

afterEach(() => setGemmWasmEnabled(true));

describe('blocked geqrf and orgqr', () => {
  const nb = 8;
  const shapes: [number, number][] = [
    [nb - 1, nb - 1],
    [nb, nb],
    [nb + 1, nb + 1],
    [3 * nb + 1, 3 * nb - 1],
    [5 * nb + 3, nb + 1],
    [nb + 1, 4 * nb + 2],
    [40, 1],
    [1, 40],
    [2 * nb, 2 * nb],
  ];
  for (const lanes of [1, 2]) {
    for (const single of [false, true]) {
      const kind = `${lanes === 2 ? 'complex' : 'real'} ${single ? 'float32' : 'float64'}`;
      it(`equals geqr2/org2r up to rounding on shapes around the block size (${kind})`, () => {
        const tol = single ? 2e-4 : 1e-12;
        for (const [m, n] of shapes) {
          const { a, blocked, unblocked } = factorBoth(m, n, lanes, single, m * 131 + n, nb);
          expect(maxAbsDiff(blocked.f, unblocked.f), `${m}×${n} factors`).toBeLessThan(tol);
          expect(maxAbsDiff(blocked.tau, unblocked.tau), `${m}×${n} τ`).toBeLessThan(tol);
          expect(maxAbsDiff(blocked.q, unblocked.q), `${m}×${n} Q`).toBeLessThan(tol);
          expect(orthogonalityError(blocked.q, m, m, lanes), `${m}×${n} QᴴQ`).toBeLessThan(tol);
          expect(reconstructionError(a, blocked.f, blocked.q, m, n, lanes), `${m}×${n} QR`).toBeLessThan(tol);
        }
      });
    }
  }

  it('agrees with the unblocked kernels on random shapes and block sizes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 2),
        fc.nat(),
        (m, n, nb, lanes, seed) => {
          const { blocked, unblocked } = factorBoth(m, n, lanes, false, seed, nb);
          expect(maxAbsDiff(blocked.f, unblocked.f)).toBeLessThan(1e-12);
          expect(maxAbsDiff(blocked.q, unblocked.q)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('forms the economic Q (the first min(m, n) columns) as the full one starts', () => {
    for (const lanes of [1, 2]) {
      const [m, n, nb2] = [29, 13, 4];
      const a = random(lanes * m * n, 7, false);
      const tau = new Float64Array(lanes * n);
      geqrfBlocked(a, 0, m, n, lanes, tau, 0, nb2);
      const full = new Float64Array(lanes * m * m);
      const economic = new Float64Array(lanes * m * n);
      orgqrBlocked(a, 0, m, n, lanes, tau, 0, full, 0, m, nb2);
      orgqrBlocked(a, 0, m, n, lanes, tau, 0, economic, 0, n, nb2);
      let d = 0;
      for (let i = 0; i < m; i++) for (let j = 0; j < lanes * n; j++) d = Math.max(d, Math.abs(full[lanes * i * m + j] - economic[lanes * i * n + j]));
      expect(d).toBeLessThan(1e-13);
    }
  });

  it('works at an offset inside a stack, leaving the other matrices alone', () => {
    const [m, n] = [20, 18];
    const data = random(3 * m * n, 3, false);
    const before = data.slice();
    const tau = new Float64Array(3 * n);
    geqrfBlocked(data, m * n, m, n, 1, tau, n, 5);
    expect(Array.from(data.subarray(0, m * n))).toEqual(Array.from(before.subarray(0, m * n)));
    expect(Array.from(data.subarray(2 * m * n))).toEqual(Array.from(before.subarray(2 * m * n)));
    expect(Array.from(tau.subarray(0, n))).toEqual(new Array(n).fill(0));
    const ref = before.slice(m * n, 2 * m * n);
    const refTau = new Float64Array(n);
    geqr2(ref, 0, m, n, 1, refTau, 0);
    expect(maxAbsDiff(data.subarray(m * n, 2 * m * n), ref)).toBeLessThan(1e-12);
  });

  it('geqrf/orgqr fall back to the unblocked kernels without WebAssembly, with the same results up to rounding', () => {
    const [m, n] = [70, 50];
    const a = random(m * n, 11, false);
    const withWasm = a.slice();
    const without = a.slice();
    const tau1 = new Float64Array(n);
    const tau2 = new Float64Array(n);
    const q1 = new Float64Array(m * n);
    const q2 = new Float64Array(m * n);
    geqrf(withWasm, 0, m, n, 1, tau1, 0);
    orgqr(withWasm, 0, m, n, 1, tau1, 0, q1, 0, n);
    setGemmWasmEnabled(false);
    expect(geqrfBlocked(a.slice(), 0, m, n, 1, new Float64Array(n), 0)).toBe(false);
    geqrf(without, 0, m, n, 1, tau2, 0);
    orgqr(without, 0, m, n, 1, tau2, 0, q2, 0, n);
    expect(maxAbsDiff(withWasm, without)).toBeLessThan(1e-12);
    expect(maxAbsDiff(q1, q2)).toBeLessThan(1e-12);
  });
});
