/**
 * The matrix functions' products (matfun/dense.ts): float64 and large complex128 ones run on
 * the packed matrix product; both must equal the plain sum Σₖ aᵢₖ bₖⱼ to rounding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matmul, square } from '../src/matfun/dense.js';

function naive(n: number, lanes: number, a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(lanes * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < n; k++) {
        const [xr, xi] = lanes === 2 ? [a[2 * (i * n + k)], a[2 * (i * n + k) + 1]] : [a[i * n + k], 0];
        const [yr, yi] = lanes === 2 ? [b[2 * (k * n + j)], b[2 * (k * n + j) + 1]] : [b[k * n + j], 0];
        re += xr * yr - xi * yi;
        im += xr * yi + xi * yr;
      }
      out[lanes * (i * n + j)] = re;
      if (lanes === 2) out[2 * (i * n + j) + 1] = im;
    }
  }
  return out;
}

describe('matfun products', () => {
  it('equal the plain sums, float64 and complex128, below and above the split order, also in place', () => {
    fc.assert(
      fc.property(fc.constantFrom<'float64' | 'complex128'>('float64', 'complex128'), fc.integer({ min: 1, max: 40 }), fc.integer(), fc.boolean(), (dtype, n, seed, inPlace) => {
        const f = square(dtype, n);
        let s = seed | 1;
        const random = () => {
          s ^= s << 13;
          s ^= s >>> 17;
          s ^= s << 5;
          return (s >>> 0) / 2 ** 32 - 0.5;
        };
        const a = Float64Array.from({ length: f.lanes * n * n }, random);
        const b = Float64Array.from({ length: f.lanes * n * n }, random);
        const expected = naive(n, f.lanes, a, b);
        const got = inPlace ? matmul(f, a, b, a) : matmul(f, a, b);
        for (let p = 0; p < expected.length; p++) expect(Math.abs(got[p] - expected[p])).toBeLessThanOrEqual(8 * n * 2 ** -52);
      }),
      { numRuns: 60 },
    );
  });
});
