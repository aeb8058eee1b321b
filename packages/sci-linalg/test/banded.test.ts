/**
 * Band matrices: the band solvers agree with the dense ones on random band matrices
 * (fast-check), LAPACK's detail in the errors, and bad input.
 */
import { type DType, matmul, NDArray, subtract } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choleskyBanded, choSolveBanded, solve, solveBanded, solvehBanded } from '../src/index.js';

const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };

function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

/** The dense n×n matrix and SciPy's band array (`ab[u + i − j, j] = a[i, j]`, junk in the corners) of random band values. */
function band(n: number, l: number, u: number, values: number[], dtype: DType): { dense: NDArray; ab: NDArray } {
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const make = (size: number) => (dtype === 'float32' || dtype === 'complex64' ? new Float32Array(lanes * size) : new Float64Array(lanes * size));
  const dense = make(n * n);
  const ab = make((l + u + 1) * n).fill(7); // junk that must never be read
  let v = 0;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - l); j <= Math.min(n - 1, i + u); j++) {
      for (let c = 0; c < lanes; c++) {
        const x = values[v++ % values.length] + (i === j && c === 0 ? l + u + 1 : 0);
        dense[lanes * (i * n + j) + c] = x;
        ab[lanes * ((u + i - j) * n + j) + c] = x;
      }
    }
  }
  return { dense: new NDArray(dense, [n, n], dtype), ab: new NDArray(ab, [l + u + 1, n], dtype) };
}

const dtypes = fc.constantFrom<DType>('float64', 'float32', 'complex128', 'complex64');
const shapes = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));
const values = fc.array(fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000), { minLength: 1, maxLength: 60 });

describe('band solvers against the dense ones (fast-check)', () => {
  it('solveBanded: the residual of the band solution is at rounding level, as solve’s', () => {
    fc.assert(
      fc.property(shapes, values, dtypes, ([n, l, u], v, dtype) => {
        const { dense, ab } = band(n, l, u, v, dtype);
        const b = new NDArray(Float64Array.from({ length: n * 2 }, (_, i) => (i % 5) - 2), [n, 2], 'float64');
        let x: NDArray;
        try {
          x = solveBanded([l, u], ab, b);
        } catch (error) {
          // an exactly singular band matrix is the one allowed failure, and solve agrees
          expect((error as Error).name).toBe('LinAlgError');
          expect(() => solve(dense, b)).toThrow();
          return;
        }
        const r = subtract(matmul(dense, x), b);
        expect(maxAbs(r)).toBeLessThanOrEqual(30 * n * EPS[dtype] * maxAbs(dense) * (l + u + 1) * Math.max(1, maxAbs(x)));
      }),
      { numRuns: 150 },
    );
  });

  it('solvehBanded, choleskyBanded + choSolveBanded: the same solution from the upper and the lower form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 3 }), values, dtypes, (n, kd, v, dtype) => {
        // a Hermitian, diagonally dominant band matrix: its upper and lower band forms
        const { dense } = band(n, kd, kd, v, dtype);
        const h = dense.toArray() as unknown[][];
        const lanes = dtype.startsWith('complex') ? 2 : 1;
        const upper = new Float64Array(lanes * (kd + 1) * n);
        const lower = new Float64Array(lanes * (kd + 1) * n);
        const full = new Float64Array(lanes * n * n);
        const entry = (i: number, j: number): [number, number] => {
          const x = h[i][j] as number | [number, number];
          return typeof x === 'number' ? [x, 0] : [x[0], x[1]];
        };
        for (let i = 0; i < n; i++) {
          for (let j = i; j <= Math.min(n - 1, i + kd); j++) {
            let [re, im] = entry(i, j);
            if (i === j) [re, im] = [Math.abs(re) + 2 * (kd + 1), 0];
            upper[lanes * ((kd + i - j) * n + j)] = re;
            lower[lanes * ((j - i) * n + i)] = re;
            full[lanes * (i * n + j)] = re;
            full[lanes * (j * n + i)] = re;
            if (lanes === 2) {
              upper[lanes * ((kd + i - j) * n + j) + 1] = im;
              lower[lanes * ((j - i) * n + i) + 1] = -im;
              full[lanes * (i * n + j) + 1] = im;
              full[lanes * (j * n + i) + 1] = -im;
            }
          }
        }
        const cplx = lanes === 2 ? 'complex128' : 'float64';
        const b = new NDArray(Float64Array.from({ length: n }, (_, i) => i + 1), [n], 'float64');
        const a = new NDArray(full, [n, n], cplx);
        const xu = solvehBanded(new NDArray(upper, [kd + 1, n], cplx), b);
        const xl = solvehBanded(new NDArray(lower, [kd + 1, n], cplx), b, { lower: true });
        const xc = choSolveBanded([choleskyBanded(new NDArray(lower, [kd + 1, n], cplx), { lower: true }), true], b);
        const tol = 30 * n * EPS.float64 * maxAbs(a) * (kd + 1) * Math.max(1, maxAbs(xu));
        for (const x of [xu, xl, xc]) expect(maxAbs(subtract(matmul(a, x), b))).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 120 },
    );
  });
});

describe('band matrices: errors with LAPACK’s detail, and bad input', () => {
  const rejects = (call: () => unknown, name: string, argument: string, message?: RegExp) =>
    expect(call).toThrow(expect.objectContaining({ name, argument, ...(message === undefined ? {} : { message: expect.stringMatching(message) }) }));

  it('names the zero pivot of a singular band matrix and the leading minor that is not positive definite', () => {
    // [[1, 2, 0], [2, 4, 0], [0, 0, 1]]: the second pivot is zero after the first step
    const ab = [[0, 2, 0], [1, 4, 1], [2, 0, 0]];
    rejects(() => solveBanded([1, 1], ab, [1, 1, 1]), 'LinAlgError', 'ab', /^singular matrix: U\[1, 1\]/);
    // [[1, 2], [2, 1]] in upper form: the second leading minor is −3
    rejects(() => solvehBanded([[0, 2], [1, 1]], [1, 1]), 'LinAlgError', 'ab', /^2th leading minor not positive definite/);
    rejects(() => choleskyBanded([[0, 2], [1, 1]]), 'LinAlgError', 'ab', /^2-th leading minor not positive definite/);
  });

  it('checks shapes and arguments', () => {
    const ab = [[0, 1, 1], [2, 2, 2]];
    rejects(() => solveBanded([1, 1], ab, [1, 1, 1]), 'ShapeError', 'lAndU', /l\+u\+1 \(3\) does not equal ab.shape\[0\] \(2\)/);
    rejects(() => solveBanded([0, 1], ab, [1, 1]), 'ShapeError', 'b');
    rejects(() => solveBanded([-1, 2], ab, [1, 1, 1]), 'InvalidArgumentError', 'lAndU');
    rejects(() => solveBanded(1 as unknown as [number, number], ab, [1, 1, 1]), 'InvalidArgumentError', 'lAndU');
    rejects(() => solvehBanded(ab, [1, 1]), 'ShapeError', 'b');
    rejects(() => solvehBanded([1, 2, 3], [1, 1, 1]), 'ShapeError', 'ab');
    rejects(() => choSolveBanded([ab, 'yes' as unknown as boolean], [1, 1, 1]), 'InvalidArgumentError', 'cbAndLower');
    rejects(() => solvehBanded(ab, [1, 1, 1], { overwriteAb: 1 as unknown as boolean }), 'InvalidArgumentError', 'overwriteAb');
    rejects(() => solvehBanded(ab, [1, 1, Number.NaN]), 'InvalidArgumentError', 'b');
    rejects(() => choleskyBanded([[0, 1], [Infinity, 2]]), 'InvalidArgumentError', 'ab');
  });

  it('never writes into ab or b', () => {
    const ab = new NDArray(Float64Array.from([0, 1, 1, 4, 4, 4]), [2, 3], 'float64');
    const b = new NDArray(Float64Array.from([1, 2, 3]), [3], 'float64');
    const before = [ab.toTypedArray().slice(), b.toTypedArray().slice()];
    solveBanded([0, 1], ab, b, { overwriteAb: true, overwriteB: true });
    solvehBanded(ab, b, { overwriteAb: true });
    choSolveBanded([choleskyBanded(ab), false], b);
    expect([ab.toTypedArray(), b.toTypedArray()]).toEqual(before);
  });
});
