/**
 * eig and eigvals: A v = λ v and vᴴ A = λ vᴴ to LAPACK's test ratio, geev's normalisation,
 * conjugate pairs for real input, and the result dtypes SciPy 1.17 gives.
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eig, eigvals } from '../src/index.js';
import { EPS, eigenvalueDistance, eigenvectorRatio, matrixOf, normalisationError, pencilResidualRatio, valuesOf } from '../../conformance/src/suites/linalg-eigen-matrix.js';

const RATIO = 30;
type Dtype = 'float64' | 'float32' | 'complex128' | 'complex64';

function randomMatrix(n: number, dtype: Dtype, seed: number): NDArray {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const complex = dtype.startsWith('complex');
  const size = (complex ? 2 : 1) * n * n;
  const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(size) : new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = next();
  return new NDArray(data, [n, n], dtype);
}

function checkEig(a: NDArray, dtype: Dtype): void {
  const [w, vl, vr] = eig(a, null, { left: true });
  const values = valuesOf(w);
  expect(eigenvectorRatio(matrixOf(a), values, matrixOf(vr), EPS[dtype], false)).toBeLessThan(RATIO);
  expect(eigenvectorRatio(matrixOf(a), values, matrixOf(vl), EPS[dtype], true)).toBeLessThan(RATIO);
  expect(normalisationError(matrixOf(vr))).toBeLessThan(100 * EPS[dtype]);
  expect(normalisationError(matrixOf(vl))).toBeLessThan(100 * EPS[dtype]);
  const alone = eigvals(a);
  expect(eigenvalueDistance(valuesOf(alone), values, 1)).toBe(0);
}

describe('eig', () => {
  for (const dtype of ['float64', 'float32', 'complex128', 'complex64'] as const) {
    it(`gives right and left eigenvectors to LAPACK's residual bound (${dtype})`, () => {
      for (const n of [1, 2, 3, 6, 20]) checkEig(randomMatrix(n, dtype, 7 * n + 1), dtype);
    });
  }

  it('holds on random matrices (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer(), fc.constantFrom<Dtype>('float64', 'complex128', 'float32'), (n, seed, dtype) =>
        checkEig(randomMatrix(n, dtype, seed), dtype),
      ),
      { numRuns: 50 },
    );
  });

  it('returns conjugate pairs and conjugate vectors for real input, real vectors when every eigenvalue is real', () => {
    const rotation = [
      [0, -2, 0],
      [2, 0, 0],
      [0, 0, 3],
    ];
    const [w, v] = eig(rotation);
    expect(w.dtype).toBe('complex128');
    expect(v.dtype).toBe('complex128');
    const values = valuesOf(w);
    const pair = values.findIndex(([, im]) => im > 0);
    expect(values[pair + 1]).toEqual([values[pair][0], -values[pair][1]]);
    const V = matrixOf(v);
    for (let i = 0; i < 3; i++) {
      expect(V.re[i * 3 + pair + 1]).toBe(V.re[i * 3 + pair]);
      expect(V.im[i * 3 + pair + 1]).toBe(-V.im[i * 3 + pair]);
    }
    const [wr, vr] = eig([
      [2, 1],
      [1, 2],
    ]);
    expect(wr.dtype).toBe('complex128');
    expect(vr.dtype).toBe('float64');
    expect(eig(new NDArray(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32'))[1].dtype).toBe('float32');
  });

  it('handles defective and structured matrices', () => {
    const jordan = [
      [2, 1, 0],
      [0, 2, 1],
      [0, 0, 2],
    ];
    const [w, v] = eig(jordan);
    expect(eigenvectorRatio(matrixOf(new NDArray(Float64Array.from(jordan.flat()), [3, 3], 'float64')), valuesOf(w), matrixOf(v), EPS.float64, false)).toBeLessThan(RATIO);
    const badlyScaled = [
      [1, 1e8, 0],
      [1e-8, 1, 1e8],
      [0, 1e-8, 1],
    ];
    const a = new NDArray(Float64Array.from(badlyScaled.flat()), [3, 3], 'float64');
    const [ws, vs] = eig(a);
    expect(eigenvectorRatio(matrixOf(a), valuesOf(ws), matrixOf(vs), EPS.float64, false)).toBeLessThan(RATIO);
  });

  it('returns homogeneous eigenvalues and the shapes SciPy gives for 0×0 and stacks', () => {
    const h = eigvals([[3]], null, { homogeneousEigvals: true });
    expect(h.shape).toEqual([2, 1]);
    expect(h.toArray()).toEqual([[[3, 0]], [[1, 0]]]);
    const [w0, v0] = eig(new NDArray(new Float64Array(0), [0, 0], 'float64'));
    expect([w0.shape, w0.dtype, v0.shape, v0.dtype]).toEqual([[0], 'complex128', [0, 0], 'float64']);
    const stack = eig(new NDArray(Float64Array.from({ length: 2 * 9 }, (_, i) => Math.sin(i + 1)), [2, 3, 3], 'float64'));
    expect(stack[0].shape).toEqual([2, 3]);
    expect(stack[1].shape).toEqual([2, 3, 3]);
  });

  it('solves the generalized problem A v = λ B v by QZ (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer(), fc.constantFrom<Dtype>('float64', 'complex128'), (n, seed, dtype) => {
        const a = randomMatrix(n, dtype, seed);
        const b = randomMatrix(n, dtype, seed + 7);
        const [w, vl, vr] = eig(a, b, { left: true });
        const values = valuesOf(w);
        expect(pencilResidualRatio(matrixOf(a), matrixOf(b), values, matrixOf(vr), EPS[dtype], false)).toBeLessThan(RATIO);
        expect(pencilResidualRatio(matrixOf(a), matrixOf(b), values, matrixOf(vl), EPS[dtype], true)).toBeLessThan(RATIO);
        expect(eigenvalueDistance(valuesOf(eigvals(a, b)), values, 1)).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('gives ∞ for a singular B and NaN for a singular pencil, as SciPy', () => {
    expect(eigvals([[1, 2], [3, 4]], [[1, 0], [0, 0]]).toArray()).toEqual([
      [-0.4999999999999999, 0],
      [Number.POSITIVE_INFINITY, 0],
    ]);
    const zeros = [
      [0, 0],
      [0, 0],
    ];
    const [w, v] = eig(zeros, zeros);
    expect(w.toArray()).toEqual([
      [Number.NaN, 0],
      [Number.NaN, 0],
    ]);
    expect(v.toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
