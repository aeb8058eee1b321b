/**
 * eigh and eigvalsh: ascending eigenvalues, orthonormal (B-orthonormal) eigenvectors with
 * LAPACK's residual bound, one triangle read, subsets, and the generalized problem.
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigh, eigvalsh } from '../src/index.js';
import { EPS, generalizedResidualRatio, matrixOf, orthonormalityRatio, valuesOf } from '../../conformance/src/suites/linalg-eigen-matrix.js';

const RATIO = 30;
type Dtype = 'float64' | 'float32' | 'complex128' | 'complex64';

function hermitian(n: number, dtype: Dtype, seed: number, shift = 0): NDArray {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(lanes * n * n) : new Float64Array(lanes * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const re = next() + (i === j ? shift : 0);
      const im = i === j ? 0 : next();
      data[lanes * (i * n + j)] = re;
      data[lanes * (j * n + i)] = re;
      if (lanes === 2) {
        data[lanes * (i * n + j) + 1] = im;
        data[lanes * (j * n + i) + 1] = -im;
      }
    }
  }
  return new NDArray(data, [n, n], dtype);
}

describe('eigh', () => {
  for (const dtype of ['float64', 'float32', 'complex128', 'complex64'] as const) {
    it(`gives ascending eigenvalues and orthonormal eigenvectors (${dtype})`, () => {
      for (const n of [1, 2, 5, 24]) {
        const a = hermitian(n, dtype, 3 * n + 1);
        const [w, v] = eigh(a);
        expect(w.dtype).toBe(dtype.startsWith('complex') ? (dtype === 'complex64' ? 'float32' : 'float64') : dtype);
        expect(v.dtype).toBe(dtype);
        const values = valuesOf(w);
        for (let i = 1; i < n; i++) expect(values[i][0]).toBeGreaterThanOrEqual(values[i - 1][0]);
        expect(generalizedResidualRatio(matrixOf(a), null, 1, values, matrixOf(v), EPS[dtype])).toBeLessThan(RATIO);
        expect(orthonormalityRatio(matrixOf(v), null, 1, EPS[dtype])).toBeLessThan(RATIO);
        expect(eigvalsh(a).toArray()).toEqual(w.toArray());
      }
    });
  }

  it('solves the generalized problems of types 1, 2 and 3 (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer(), fc.constantFrom(1, 2, 3), fc.constantFrom<Dtype>('float64', 'complex128'), (n, seed, type, dtype) => {
        const a = hermitian(n, dtype, seed);
        // diagonally dominant, so positive definite
        const b = hermitian(n, dtype, seed + 1, n);
        const [w, v] = eigh(a, b, { type: type as 1 | 2 | 3 });
        const B = matrixOf(b);
        expect(generalizedResidualRatio(matrixOf(a), B, type, valuesOf(w), matrixOf(v), EPS[dtype])).toBeLessThan(RATIO);
        expect(orthonormalityRatio(matrixOf(v), B, type, EPS[dtype])).toBeLessThan(RATIO);
      }),
      { numRuns: 40 },
    );
  });

  it('returns the subsets SciPy selects: indices inclusive, values in (low, high]', () => {
    const d = new NDArray(Float64Array.from([1, 0, 0, 0, 2, 0, 0, 0, 3]), [3, 3], 'float64');
    expect(eigvalsh(d, null, { subsetByIndex: [1, 2] }).toArray()).toEqual([2, 3]);
    expect(eigvalsh(d, null, { subsetByIndex: [0, 2.7] }).toArray()).toEqual([1, 2, 3]);
    expect(eigvalsh(d, null, { subsetByValue: [1, 2] }).toArray()).toEqual([2]);
    const [w, v] = eigh(d, null, { subsetByValue: [5, 6] });
    expect([w.shape, v.shape]).toEqual([[0], [3, 0]]);
    expect(eigvalsh(d, null, { subsetByValue: [-Infinity, 1.5] }).toArray()).toEqual([1]);
  });

  it('reads one triangle and a real diagonal, as LAPACK does', () => {
    const g = [
      [1, 5],
      [7, 2],
    ];
    const lower = eigvalsh(g).toArray() as number[];
    const upper = eigvalsh(g, null, { lower: false }).toArray() as number[];
    // SciPy 1.17: [-5.51783442, 8.51783442] and [-3.52493781, 6.52493781]
    expect(lower.map((x) => +x.toFixed(8))).toEqual([-5.51783442, 8.51783442]);
    expect(upper.map((x) => +x.toFixed(8))).toEqual([-3.52493781, 6.52493781]);
  });

  it('takes stacks of a and b', () => {
    const a = new NDArray(Float64Array.from([2, 1, 1, 2, 4, 1, 1, 4]), [2, 2, 2], 'float64');
    const [w, v] = eigh(a, [[2, 0], [0, 2]]);
    expect(w.shape).toEqual([2, 2]);
    expect(v.shape).toEqual([2, 2, 2]);
    expect((w.toArray() as number[][]).map((r) => r.map((x) => +x.toFixed(12)))).toEqual([
      [0.5, 1.5],
      [1.5, 2.5],
    ]);
  });
});
