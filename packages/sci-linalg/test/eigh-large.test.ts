/**
 * eigh and eigvalsh past the small-order path (blocked reduction, divide and conquer,
 * root-free QL): A V = V Λ and VᴴV = I within LAPACK's n·ε·‖A‖ bounds, and eigvalsh's values
 * next to eigh's, on random, clustered, repeated, graded and badly scaled matrices.
 */
import { NDArray } from '@sciport/array-api';
import { activeGemmKernel, setGemmWasmEnabled } from '@sciport/array-api/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPS, generalizedResidualRatio, matrixOf, orthonormalityRatio, valuesOf } from '../../conformance/src/suites/linalg-eigen-matrix.js';
import { eigh, eigvalsh } from '../src/index.js';

const RATIO = 30;
type Dtype = 'float64' | 'float32' | 'complex128' | 'complex64';

function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

/** Q diag(values) Qᴴ with Q from the QR factorization of a random matrix (a Householder product, exactly unitary up to rounding). */
function withSpectrum(values: number[], dtype: Dtype, seed: number): NDArray {
  const n = values.length;
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const next = generator(seed);
  // A = Σ_k λ_k q_k q_kᴴ over the columns of a random orthonormal basis (Gram–Schmidt twice)
  const q: number[][] = [];
  for (let k = 0; k < n; k++) {
    let x = Array.from({ length: lanes * n }, next);
    for (let pass = 0; pass < 2; pass++) {
      for (const y of q) {
        // x −= (yᴴ x) y
        let sr = 0;
        let si = 0;
        for (let i = 0; i < n; i++) {
          const [yr, yi] = [y[lanes * i], lanes === 2 ? y[lanes * i + 1] : 0];
          const [xr, xi] = [x[lanes * i], lanes === 2 ? x[lanes * i + 1] : 0];
          sr += yr * xr + yi * xi;
          si += yr * xi - yi * xr;
        }
        x = x.map((value, p) => {
          const i = Math.floor(p / lanes);
          const [yr, yi] = [y[lanes * i], lanes === 2 ? y[lanes * i + 1] : 0];
          return p % lanes === 0 ? value - (sr * yr - si * yi) : value - (sr * yi + si * yr);
        });
      }
    }
    const norm = Math.hypot(...x);
    q.push(x.map((value) => value / norm));
  }
  const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(lanes * n * n) : new Float64Array(lanes * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < n; k++) {
        const [ar, ai] = [q[k][lanes * i], lanes === 2 ? q[k][lanes * i + 1] : 0];
        const [br, bi] = [q[k][lanes * j], lanes === 2 ? -q[k][lanes * j + 1] : 0];
        re += values[k] * (ar * br - ai * bi);
        im += values[k] * (ar * bi + ai * br);
      }
      data[lanes * (i * n + j)] = re;
      if (lanes === 2) data[lanes * (i * n + j) + 1] = i === j ? 0 : im;
    }
  }
  return new NDArray(data, [n, n], dtype);
}

function randomHermitian(n: number, dtype: Dtype, seed: number, scale = 1): NDArray {
  const next = generator(seed);
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(lanes * n * n) : new Float64Array(lanes * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const re = next() * scale;
      const im = i === j ? 0 : next() * scale;
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

/** The residual and orthonormality ratios below 30, ascending values, and eigvalsh within the same bound of eigh's values. */
function check(a: NDArray, dtype: Dtype): void {
  const [w, v] = eigh(a);
  const values = valuesOf(w);
  const n = values.length;
  for (let i = 1; i < n; i++) expect(values[i][0]).toBeGreaterThanOrEqual(values[i - 1][0]);
  const A = matrixOf(a);
  expect(generalizedResidualRatio(A, null, 1, values, matrixOf(v), EPS[dtype])).toBeLessThan(RATIO);
  expect(orthonormalityRatio(matrixOf(v), null, 1, EPS[dtype])).toBeLessThan(RATIO);
  const only = eigvalsh(a).toArray() as number[];
  const norm = Math.max(...values.map(([x]) => Math.abs(x)));
  for (let i = 0; i < n; i++) expect(Math.abs(only[i] - values[i][0])).toBeLessThanOrEqual(RATIO * n * EPS[dtype] * norm);
}

describe('eigh on larger matrices', () => {
  it('solves random symmetric and Hermitian matrices (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 33, max: 90 }), fc.integer(), fc.constantFrom<Dtype>('float64', 'float32', 'complex128', 'complex64'), (n, seed, dtype) =>
        check(randomHermitian(n, dtype, seed), dtype),
      ),
      { numRuns: 12 },
    );
  });

  it('solves a matrix with several levels of divide and conquer, with and without the WebAssembly kernel', () => {
    expect(activeGemmKernel()).toBe('wasm-simd');
    check(randomHermitian(160, 'float64', 5), 'float64');
    setGemmWasmEnabled(false);
    try {
      expect(activeGemmKernel()).toBe('typescript');
      check(randomHermitian(100, 'float64', 6), 'float64');
    } finally {
      setGemmWasmEnabled(true);
    }
  });

  it('resolves repeated and clustered eigenvalues', () => {
    const n = 60;
    for (const dtype of ['float64', 'complex128'] as const) {
      // three values, each twenty times
      check(withSpectrum(Array.from({ length: n }, (_, i) => [-1, 2, 5][i % 3]), dtype, 3), dtype);
      // clusters of width 1e-12
      check(withSpectrum(Array.from({ length: n }, (_, i) => Math.floor(i / 10) + (i % 10) * 1e-12), dtype, 4), dtype);
    }
    // the identity and a multiple of it
    const eye = new NDArray(Float64Array.from({ length: n * n }, (_, p) => (p % (n + 1) === 0 ? 3 : 0)), [n, n], 'float64');
    check(eye, 'float64');
  });

  it('solves graded and badly scaled matrices', () => {
    const n = 50;
    // eigenvalues from 1 to 1e-12
    check(withSpectrum(Array.from({ length: n }, (_, i) => 10 ** (-12 * (i / (n - 1)))), 'float64', 6), 'float64');
    // a graded matrix: entries a_ij 10^-(i+j)/8
    const graded = randomHermitian(n, 'float64', 7);
    const data = graded.toTypedArray() as Float64Array;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] *= 10 ** (-(i + j) / 8);
    check(new NDArray(data, [n, n], 'float64'), 'float64');
    for (const scale of [1e-300, 1e300]) check(randomHermitian(n, 'float64', 8, scale), 'float64');
  });
});
