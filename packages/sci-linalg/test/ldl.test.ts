/**
 * ldl: A = lu·d·luᴴ (luᵀ for complex symmetric) with lu[perm] triangular and d block diagonal
 * with 1×1 and 2×2 blocks, on random symmetric/Hermitian matrices (fast-check); bad input.
 */
import { conj, type DType, matmul, matrixTranspose, NDArray, subtract, take } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ldl } from '../src/index.js';

const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };

function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

/** A random n×n symmetric (hermitian: Hermitian) matrix of `dtype`, entries k/1000, with a small diagonal so 2×2 pivots occur. */
function symmetric(n: number, dtype: DType, hermitian: boolean): fc.Arbitrary<NDArray> {
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  return fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: lanes * n * n, maxLength: lanes * n * n }).map((v) => {
    const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(lanes * n * n) : new Float64Array(lanes * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        for (let l = 0; l < lanes; l++) {
          const x = v[lanes * (i * n + j) + l] / (i === j ? 8000 : 1000);
          data[lanes * (i * n + j) + l] = i === j && l === 1 && hermitian ? 0 : x;
          data[lanes * (j * n + i) + l] = l === 1 && hermitian ? (i === j ? 0 : -x) : x;
        }
      }
    }
    return new NDArray(data, [n, n], dtype);
  });
}

describe('ldl (fast-check)', () => {
  const cases = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom<DType>('float64', 'float32', 'complex128', 'complex64'), fc.boolean(), fc.boolean())
    .chain(([n, dtype, hermitian, lower]) => fc.tuple(symmetric(n, dtype, hermitian && dtype.startsWith('complex')), fc.constant(hermitian), fc.constant(lower)));

  it('reconstructs A = lu d luᴴ, lu[perm] is triangular and d has 1×1/2×2 blocks', () => {
    fc.assert(
      fc.property(cases, ([a, hermitian, lower]) => {
        const [lu, d, perm] = ldl(a, { lower, hermitian });
        const n = a.shape[0];
        const complexHermitian = hermitian && a.dtype.startsWith('complex');
        const luT = complexHermitian ? conj(matrixTranspose(lu)) : matrixTranspose(lu);
        const product = matmul(matmul(lu, d), luT);
        expect(maxAbs(subtract(product, a))).toBeLessThanOrEqual(200 * n * EPS[a.dtype] * Math.max(1, maxAbs(a)) * Math.max(1, maxAbs(lu)) ** 2 * Math.max(1, maxAbs(d)));
        const tri = take(lu, perm, { axis: 0 }).toArray() as unknown[][];
        const nonzero = (x: unknown) => (Array.isArray(x) ? x[0] !== 0 || x[1] !== 0 : x !== 0);
        const dd = d.toArray() as unknown[][];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (lower ? j > i : j < i) expect(nonzero(tri[i][j])).toBe(false);
            if (Math.abs(i - j) > 1) expect(nonzero(dd[i][j])).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a non-square matrix, NaN, and bad options', () => {
    const rejects = (call: () => unknown, name: string, argument: string) => expect(call).toThrow(expect.objectContaining({ name, argument }));
    rejects(() => ldl([[1, 2, 3], [4, 5, 6]]), 'ShapeError', 'A');
    rejects(() => ldl([1, 2]), 'ShapeError', 'A');
    rejects(() => ldl([[1, Number.NaN], [Number.NaN, 1]]), 'InvalidArgumentError', 'A');
    rejects(() => ldl([[1]], { lower: 'no' as unknown as boolean }), 'InvalidArgumentError', 'lower');
    rejects(() => ldl([[1]], { hermitian: 1 as unknown as boolean }), 'InvalidArgumentError', 'hermitian');
  });
});
