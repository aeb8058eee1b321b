/**
 * Toeplitz and circulant systems: agreement with the dense matrices of `toeplitz` and
 * `circulant` (fast-check), LAPACK-style detail in the errors, the [c, r] pair, and bad input.
 */
import { matmul, NDArray, subtract } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circulant, matmulToeplitz, solveCirculant, solveToeplitz, toeplitz } from '../src/index.js';

const EPS = 2 ** -52;

function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

const vector = (min: number, max: number) => fc.array(fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000), { minLength: min, maxLength: max });
const complexVector = (n: number) => vector(2 * n, 2 * n).map((v) => new NDArray(Float64Array.from(v), [n], 'complex128'));

describe('Toeplitz and circulant solvers against the dense matrices (fast-check)', () => {
  it('solveToeplitz: T x = b to rounding, for real and complex [c, r] with a dominant diagonal', () => {
    const cases = fc.integer({ min: 1, max: 24 }).chain((n) => fc.tuple(fc.constant(n), complexVector(n), complexVector(n), vector(n, n), fc.boolean()));
    fc.assert(
      fc.property(cases, ([n, c0, r, b, complex]) => {
        const cd = (c0.toTypedArray() as Float64Array).slice();
        cd[0] += 2 * n;
        const c = complex ? new NDArray(cd, [n], 'complex128') : new NDArray(Float64Array.from({ length: n }, (_, i) => cd[2 * i]), [n], 'float64');
        const rr = complex ? r : new NDArray(Float64Array.from({ length: n }, (_, i) => (r.toTypedArray() as Float64Array)[2 * i]), [n], 'float64');
        const x = solveToeplitz([c, rr], b);
        const t = toeplitz(c, { r: rr });
        expect(maxAbs(subtract(matmul(t, x), new NDArray(Float64Array.from(b), [n], 'float64')))).toBeLessThanOrEqual(
          100 * n * EPS * maxAbs(t) * n * Math.max(1, maxAbs(x)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('matmulToeplitz equals toeplitz(c, r) @ x, rectangular T included', () => {
    const cases = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3 })).chain(([m, n, k]) =>
      fc.tuple(vector(m, m), vector(n, n), vector(n * k, n * k), fc.constant(k)),
    );
    fc.assert(
      fc.property(cases, ([c, r, xv, k]) => {
        const x = new NDArray(Float64Array.from(xv), [r.length, k], 'float64');
        const got = matmulToeplitz([c, r], x);
        const want = matmul(toeplitz(c, { r }), x);
        expect(got.shape).toEqual(want.shape);
        // the FFT's error grows with log(p); the dense product's with the row length
        expect(maxAbs(subtract(got, want))).toBeLessThanOrEqual(500 * Math.log2(c.length + r.length + 1) * EPS * r.length * Math.max(1, maxAbs(want)));
      }),
      { numRuns: 150 },
    );
  });

  it('solveCirculant: C x = b to rounding for a dominant diagonal', () => {
    const cases = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), vector(n, n), vector(n, n)));
    fc.assert(
      fc.property(cases, ([n, c0, b]) => {
        const c = [...c0];
        // strictly dominant: |c[0]| ≥ 2n − 1 > n − 1 ≥ Σ|c[k]| (k > 0), so every eigenvalue has |λ| ≥ n
        c[0] += 2 * n;
        const x = solveCirculant(c, b);
        expect(maxAbs(subtract(matmul(circulant(c), x), new NDArray(Float64Array.from(b), [n], 'float64')))).toBeLessThanOrEqual(
          100 * Math.log2(n + 1) * EPS * n * n * Math.max(1, maxAbs(x)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('takes the FFT path for long vectors: n = 2¹⁶ within 5 s (an O(n²) method would take minutes)', () => {
    const n = 2 ** 16;
    const c = new NDArray(Float64Array.from({ length: n }, (_, i) => (i === 0 ? 4 : 1 / (i + 1))), [n], 'float64');
    const x = new NDArray(new Float64Array(n).fill(1), [n], 'float64');
    const started = performance.now();
    const y = matmulToeplitz(c, x);
    solveCirculant(c, x);
    expect(y.shape).toEqual([n]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('Toeplitz and circulant systems: errors and bad input', () => {
  const rejects = (call: () => unknown, name: string, argument: string, message?: RegExp) =>
    expect(call).toThrow(expect.objectContaining({ name, argument, ...(message === undefined ? {} : { message: expect.stringMatching(message) }) }));

  it('names the singular leading minor that stops Levinson’s recursion', () => {
    rejects(() => solveToeplitz([0, 1], [1, 1]), 'LinAlgError', 'cOrCr', /leading 1×1 block/);
    // [[1, 1, 0], [1, 1, 1], [0, 1, 1]]: the 2×2 leading minor is singular, the matrix is not
    rejects(() => solveToeplitz([1, 1, 0], [1, 1, 1]), 'LinAlgError', 'cOrCr', /leading 2×2 block/);
    rejects(() => solveCirculant([1, 1, 0, 0], [1, 2, 3, 4]), 'LinAlgError', 'c', /near singular/);
  });

  it('checks lengths, axes and options', () => {
    rejects(() => solveToeplitz([1, 2], [1, 2, 3]), 'ShapeError', 'b');
    rejects(() => solveToeplitz([[1, 2, 3], [1, 2]], [1, 2, 3]), 'ShapeError', 'b');
    rejects(() => solveToeplitz([1, Number.NaN], [1, 2]), 'InvalidArgumentError', 'cOrCr');
    rejects(() => matmulToeplitz([1, 2], [1, 2, 3]), 'ShapeError', 'x');
    rejects(() => matmulToeplitz([1, 2], [1, 2], { workers: 1.5 }), 'InvalidArgumentError', 'workers');
    rejects(() => solveCirculant([1, 2], [1, 2, 3]), 'ShapeError', 'b');
    rejects(() => solveCirculant([1, 2], [1, 2], { caxis: 1 }), 'InvalidArgumentError', 'caxis');
    rejects(() => solveCirculant([1, 2], [1, 2], { singular: 'ignore' as 'raise' }), 'InvalidArgumentError', 'singular');
  });

  it('checkFinite: on by default for solveToeplitz, off for matmulToeplitz (as SciPy)', () => {
    const x = matmulToeplitz([1, Infinity], [1, 1]);
    expect(Number.isNaN((x.toArray() as number[])[1]) || !Number.isFinite((x.toArray() as number[])[1])).toBe(true);
    rejects(() => matmulToeplitz([1, Infinity], [1, 1], { checkFinite: true }), 'InvalidArgumentError', 'cOrCr');
  });
});
