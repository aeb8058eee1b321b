/**
 * The blocked reduction to Hessenberg form (src/kernels/blocked-hessenberg.ts) against the
 * unblocked gehd2 of hessenberg.ts: the same H and Q up to rounding on orders around the
 * block size and across several blocks, float64 and float32, and A = Q H Qᵀ with Q orthogonal.
 */
import { setGemmWasmEnabled } from '@sciport/array-api/kernels';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { gehrdBlocked } from '../src/kernels/blocked-hessenberg.js';
import { gehd2, gehrd } from '../src/kernels/hessenberg.js';
import { type Data, maxAbsDiff, random } from './helpers/kernel-data.js';

/** max |(Q H Qᵀ − A)[i, j]| and max |(Qᵀ Q − I)[i, j]|. */
function residuals(a: Data, h: Data, q: Data, n: number): [number, number] {
  const qh = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) qh[i * n + j] += q[i * n + k] * h[k * n + j];
  let rec = 0;
  let orth = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = -a[i * n + j];
      let g = i === j ? -1 : 0;
      for (let k = 0; k < n; k++) {
        s += qh[i * n + k] * q[j * n + k];
        g += q[k * n + i] * q[k * n + j];
      }
      rec = Math.max(rec, Math.abs(s));
      orth = Math.max(orth, Math.abs(g));
    }
  }
  return [rec, orth];
}

function reduceBoth(n: number, single: boolean, seed: number, nb: number) {
  const a = random(n * n, seed, single);
  const make = () => (single ? new Float32Array(n * n) : new Float64Array(n * n));
  const hb = a.slice();
  const qb = make();
  expect(gehrdBlocked(hb, 0, n, qb, 0, nb)).toBe(true);
  const hu = a.slice();
  const qu = make();
  gehd2(hu, 0, n, 1, qu, 0);
  return { a, hb, qb, hu, qu };
}

afterEach(() => setGemmWasmEnabled(true));

describe('blocked gehrd', () => {
  const nb = 6;
  for (const single of [false, true]) {
    it(`equals gehd2 up to rounding on orders around the block size (${single ? 'float32' : 'float64'})`, () => {
      const tol = single ? 2e-4 : 1e-12;
      for (const n of [3, 4, nb + 1, nb + 2, nb + 3, 2 * nb + 2, 3 * nb + 1, 40]) {
        const { a, hb, qb, hu, qu } = reduceBoth(n, single, n * 17, nb);
        expect(maxAbsDiff(hb, hu), `${n} H`).toBeLessThan(tol);
        expect(maxAbsDiff(qb, qu), `${n} Q`).toBeLessThan(tol);
        for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) expect(hb[i * n + j]).toBe(0);
        const [rec, orth] = residuals(a, hb, qb, n);
        expect(rec, `${n} QHQᵀ`).toBeLessThan(tol);
        expect(orth, `${n} QᵀQ`).toBeLessThan(tol);
      }
    });
  }

  it('agrees with gehd2 on random orders and block sizes, with and without Q (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 36 }), fc.integer({ min: 1, max: 10 }), fc.boolean(), fc.nat(), (n, nb2, withQ, seed) => {
        const a = random(n * n, seed, false);
        const hb = a.slice();
        const hu = a.slice();
        const qb = withQ ? new Float64Array(n * n) : null;
        const qu = withQ ? new Float64Array(n * n) : null;
        gehrdBlocked(hb, 0, n, qb, 0, nb2);
        gehd2(hu, 0, n, 1, qu, 0);
        expect(maxAbsDiff(hb, hu)).toBeLessThan(1e-12);
        if (qb !== null && qu !== null) expect(maxAbsDiff(qb, qu)).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('gehrd falls back to gehd2 without WebAssembly, with the same results up to rounding', () => {
    const n = 70;
    const a = random(n * n, 5, false);
    const h1 = a.slice();
    const h2 = a.slice();
    const q1 = new Float64Array(n * n);
    const q2 = new Float64Array(n * n);
    gehrd(h1, 0, n, 1, q1, 0);
    setGemmWasmEnabled(false);
    expect(gehrdBlocked(a.slice(), 0, n, null, 0)).toBe(false);
    gehrd(h2, 0, n, 1, q2, 0);
    expect(maxAbsDiff(h1, h2)).toBeLessThan(1e-12);
    expect(maxAbsDiff(q1, q2)).toBeLessThan(1e-12);
  });
});
