/**
 * The recursive blocked LU, Cholesky and triangular solve on @sciport/array-api's WebAssembly
 * matrix product (src/kernels/blocked-*.ts) against the column-by-column TypeScript kernels of
 * real.ts: the same pivots and the same LinAlgError position (first zero pivot, first leading
 * minor that is not positive definite), factors equal up to rounding, and the public functions
 * (lu, solve, inv, det, cholesky) on matrices above the crossover.
 */
import { asarray, matmul } from '@sciport/array-api';
import { setGemmWasmEnabled } from '@sciport/array-api/kernels';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cholesky, det, inv, lu, solve } from '../src/index.js';
import { getrf, potrf, trsm } from '../src/kernels/real.js';
import { getrfReal, potrfReal, trsmReal } from '../src/kernels/real-dispatch.js';
import { type Data, maxAbsDiff, random } from './helpers/kernel-data.js';

/** A symmetric positive definite matrix B·Bᵀ + n·I (lower triangle read). */
function spd(n: number, seed: number, single: boolean): Data {
  const b = random(n * n, seed, single);
  const a = single ? new Float32Array(n * n) : new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
      a[i * n + j] = s;
    }
  }
  return a;
}

function maxAbs(x: Data): number {
  return x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

afterEach(() => setGemmWasmEnabled(true));

describe('blocked getrf', () => {
  it('pivots like the TypeScript getrf and gives the same factors up to rounding (square, tall, wide)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 180 }), fc.integer({ min: 64, max: 180 }), fc.boolean(), fc.nat(), (m, n, single, seed) => {
        const a = random(m * n, seed, single);
        const x = a.slice();
        const y = a.slice();
        const px = new Int32Array(Math.min(m, n));
        const py = new Int32Array(Math.min(m, n));
        expect(getrfReal(x, 0, m, n, px, 0)).toBe(getrf(y, 0, m, n, py, 0));
        expect(Array.from(px)).toEqual(Array.from(py));
        const eps = single ? 2 ** -23 : 2 ** -52;
        expect(maxAbsDiff(x, y)).toBeLessThanOrEqual(50 * Math.max(m, n) * eps * maxAbs(y));
      }),
      { numRuns: 12 },
    );
  });

  it('reports the first exactly zero pivot, as the TypeScript getrf', () => {
    for (const zero of [0, 5, 63, 64, 100, 149]) {
      const n = 150;
      const a = random(n * n, zero, false);
      for (let i = 0; i < n; i++) a[i * n + zero] = 0;
      const piv = new Int32Array(n);
      expect(getrfReal(a.slice(), 0, n, n, piv, 0)).toBe(zero + 1);
      expect(getrf(a.slice(), 0, n, n, piv, 0)).toBe(zero + 1);
    }
  });

  it('runs the TypeScript getrf, unchanged, when the wasm kernel is off', () => {
    const n = 100;
    const a = random(n * n, 7, false);
    const x = a.slice();
    const y = a.slice();
    setGemmWasmEnabled(false);
    getrfReal(x, 0, n, n, new Int32Array(n), 0);
    getrf(y, 0, n, n, new Int32Array(n), 0);
    expect(Array.from(x)).toEqual(Array.from(y));
  });
});

describe('blocked potrf', () => {
  it('matches the TypeScript potrf (zeros above the diagonal included)', () => {
    for (const single of [false, true]) {
      for (const n of [64, 97, 200]) {
        const a = spd(n, n, single);
        const x = a.slice();
        const y = a.slice();
        expect(potrfReal(x, 0, n)).toBe(0);
        expect(potrf(y, 0, n)).toBe(0);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(x[i * n + j]).toBe(0);
        const eps = single ? 2 ** -23 : 2 ** -52;
        expect(maxAbsDiff(x, y)).toBeLessThanOrEqual(20 * n * eps * maxAbs(y));
      }
    }
  });

  it('reports the first leading minor that is not positive definite', () => {
    for (const bad of [0, 31, 32, 64, 97, 199]) {
      const n = 200;
      const a = spd(n, 3, false);
      a[bad * n + bad] = -1;
      expect(potrfReal(a.slice(), 0, n)).toBe(bad + 1);
      expect(potrf(a.slice(), 0, n)).toBe(bad + 1);
    }
  });
});

describe('blocked trsm', () => {
  it('solves every side/transpose/diagonal combination like the TypeScript trsm', () => {
    for (const single of [false, true]) {
      const n = 130;
      const k = 70;
      const l = potrf(spd(n, 11, single), 0, n) === 0 ? undefined : 'not pd';
      expect(l).toBeUndefined();
      const factor = spd(n, 11, single);
      potrf(factor, 0, n);
      for (const lower of [true, false]) {
        const t = factor.slice();
        if (!lower) {
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < i; j++) {
              t[j * n + i] = t[i * n + j];
              t[i * n + j] = 0;
            }
          }
        }
        for (const trans of [0, 1, 2]) {
          for (const unit of [true, false]) {
            const b = random(n * k, trans + 3, single);
            const x = b.slice();
            const y = b.slice();
            expect(trsmReal(t, 0, n, x, 0, k, lower, trans, unit)).toBe(-1);
            expect(trsm(t, 0, n, y, 0, k, lower, trans, unit)).toBe(-1);
            const eps = single ? 2 ** -23 : 2 ** -52;
            expect(maxAbsDiff(x, y)).toBeLessThanOrEqual(100 * n * eps * maxAbs(y));
          }
        }
      }
    }
  });

  it('reports a zero on the diagonal before solving anything', () => {
    const n = 100;
    const t = random(n * n, 1, false);
    t[42 * n + 42] = 0;
    const b = random(n * 20, 2, false);
    const x = b.slice();
    expect(trsmReal(t, 0, n, x, 0, 20, true, 0, false)).toBe(42);
    expect(Array.from(x)).toEqual(Array.from(b));
  });
});

describe('public functions above the crossover', () => {
  const n = 150;
  const a = asarray(Array.from(random(n * n, 21, false)), { shape: [n, n] });
  const identity = (x: number[][]) => x.every((row, i) => row.every((v, j) => Math.abs(v - (i === j ? 1 : 0)) < 1e-10));

  it('lu: P L U = A', () => {
    const [p, l, u] = lu(a);
    const back = matmul(p, matmul(l, u)).toArray() as number[][];
    const orig = a.toArray() as number[][];
    expect(back.every((row, i) => row.every((v, j) => Math.abs(v - orig[i][j]) < 1e-12))).toBe(true);
  });

  it('inv(A)·A = I and solve(A, A) = I', () => {
    expect(identity(matmul(inv(a), a).toArray() as number[][])).toBe(true);
    expect(identity(solve(a, a).toArray() as number[][])).toBe(true);
  });

  it('det agrees with the TypeScript path', () => {
    const wasm = det(a).toArray() as number;
    setGemmWasmEnabled(false);
    const ts = det(a).toArray() as number;
    expect(Math.abs(wasm - ts)).toBeLessThanOrEqual(1e-10 * Math.abs(ts));
  });

  it('cholesky: L Lᵀ = A', () => {
    const s = asarray(Array.from(spd(n, 5, false)), { shape: [n, n] });
    const l = cholesky(s, { lower: true });
    const back = matmul(l, l.mT).toArray() as number[][];
    const orig = s.toArray() as number[][];
    expect(back.every((row, i) => row.every((v, j) => Math.abs(v - orig[i][j]) < 1e-9 * n))).toBe(true);
  });
});
