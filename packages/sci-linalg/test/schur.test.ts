/**
 * hessenberg and schur: the factorisations' invariants (A = Q H Qᴴ, A = Z T Zᴴ, unitary Q
 * and Z, the forms of H and T) as LAPACK's tests check them, on random and structured inputs.
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hessenberg, schur } from '../src/index.js';
import { EPS, isStandardRealSchur, matrixOf, similarityRatio, unitaryRatio, zeroBelow } from '../../conformance/src/suites/linalg-eigen-matrix.js';

const RATIO = 30;

function randomMatrix(n: number, dtype: 'float64' | 'float32' | 'complex128' | 'complex64', seed: number): NDArray {
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

const DTYPES = ['float64', 'float32', 'complex128', 'complex64'] as const;

describe('hessenberg', () => {
  for (const dtype of DTYPES) {
    it(`gives A = Q H Qᴴ with unitary Q and H zero below the subdiagonal (${dtype})`, () => {
      for (const n of [3, 4, 7, 20]) {
        const a = randomMatrix(n, dtype, n * 31 + 7);
        const [h, q] = hessenberg(a, { calcQ: true });
        expect(h.dtype).toBe(dtype);
        expect(q.dtype).toBe(dtype);
        const H = matrixOf(h);
        expect(zeroBelow(H, 1)).toBe(true);
        expect(similarityRatio(matrixOf(a), matrixOf(q), H, EPS[dtype])).toBeLessThan(RATIO);
        expect(unitaryRatio(matrixOf(q), EPS[dtype])).toBeLessThan(RATIO);
      }
    });
  }
});

describe('schur', () => {
  for (const dtype of DTYPES) {
    it(`gives A = Z T Zᴴ with unitary Z and T in Schur form (${dtype})`, () => {
      for (const n of [1, 2, 3, 5, 10, 30]) {
        const a = randomMatrix(n, dtype, n * 17 + 3);
        for (const output of ['real', 'complex'] as const) {
          const [t, z] = schur(a, { output });
          const T = matrixOf(t);
          const complex = dtype.startsWith('complex') || output === 'complex';
          expect(complex ? zeroBelow(T, 0) : isStandardRealSchur(T)).toBe(true);
          expect(similarityRatio(matrixOf(a), matrixOf(z), T, EPS[dtype])).toBeLessThan(RATIO);
          expect(unitaryRatio(matrixOf(z), EPS[dtype])).toBeLessThan(RATIO);
        }
      }
    });
  }

  it('holds on random matrices of any order (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), fc.constantFrom(...DTYPES), (n, seed, dtype) => {
        const a = randomMatrix(n, dtype, seed);
        const [t, z] = schur(a);
        const T = matrixOf(t);
        expect(dtype.startsWith('complex') ? zeroBelow(T, 0) : isStandardRealSchur(T)).toBe(true);
        expect(similarityRatio(matrixOf(a), matrixOf(z), T, EPS[dtype])).toBeLessThan(RATIO);
        expect(unitaryRatio(matrixOf(z), EPS[dtype])).toBeLessThan(RATIO);
      }),
      { numRuns: 60 },
    );
  });
});

/** Matrices on which the QR algorithm needs its safeguards (exceptional shifts, deflation, zeros). */
function hardCases(): [string, number[][]][] {
  const cyclic = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === (i + 1) % n ? 1 : 0)));
  const jordan = (n: number, lambda: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? lambda : j === i + 1 ? 1 : 0)));
  const grcar = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === i - 1 ? -1 : j >= i && j <= i + 3 ? 1 : 0)));
  const hilbert = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (i + j + 1)));
  return [
    ['the 2×2 swap', [[0, 1], [1, 0]]],
    ['a cyclic permutation (exceptional shifts)', cyclic(8)],
    ['a defective Jordan block', jordan(6, 2)],
    ['the Grcar matrix', grcar(12)],
    ['the Hilbert matrix', hilbert(8)],
    ['zeros', [[0, 0, 0], [0, 0, 0], [0, 0, 0]]],
    ['a block-triangular matrix (zero subdiagonal)', [[1, 2, 3, 4], [5, 6, 7, 8], [0, 0, 1, -2], [0, 0, 3, 1]]],
    ['a rotation', [[0, -1, 0], [1, 0, 0], [0, 0, 1]]],
    ['a badly scaled matrix', [[1, 1e10, 0], [1e-10, 1, 1e10], [0, 1e-10, 1]]],
  ];
}

describe('schur on hard matrices', () => {
  for (const [name, rows] of hardCases()) {
    it(`decomposes ${name}`, () => {
      const a = new NDArray(Float64Array.from(rows.flat()), [rows.length, rows.length], 'float64');
      for (const output of ['real', 'complex'] as const) {
        const [t, z] = schur(a, { output });
        const T = matrixOf(t);
        expect(output === 'complex' ? zeroBelow(T, 0) : isStandardRealSchur(T)).toBe(true);
        expect(similarityRatio(matrixOf(a), matrixOf(z), T, EPS.float64)).toBeLessThan(RATIO);
        expect(unitaryRatio(matrixOf(z), EPS.float64)).toBeLessThan(RATIO);
      }
    });
  }
});
