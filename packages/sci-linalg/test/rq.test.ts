/**
 * rq and qrMultiply: R Q = A with Q unitary and R upper trapezoidal; Q c equals qr's Q times
 * c (fast-check); bad input.
 */
import { conj, type DType, matmul, matrixTranspose, NDArray, subtract } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qr, qrMultiply, rq } from '../src/index.js';

const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };

function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

function matrix(m: number, n: number, dtype: DType): fc.Arbitrary<NDArray> {
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  return fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: lanes * m * n, maxLength: lanes * m * n }).map((v) => {
    const data = dtype === 'float32' || dtype === 'complex64' ? Float32Array.from(v, (k) => k / 1000) : Float64Array.from(v, (k) => k / 1000);
    return new NDArray(data, [m, n], dtype);
  });
}

const cases = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom<DType>('float64', 'float32', 'complex128', 'complex64'))
  .chain(([m, n, d]) => fc.tuple(matrix(m, n, d), fc.constantFrom<'full' | 'economic'>('full', 'economic')));

describe('rq and qrMultiply (fast-check)', () => {
  it('rq: R Q = A, Q Qᴴ = I, R upper trapezoidal (R[i, j] = 0 for j < i + N − M in full mode)', () => {
    fc.assert(
      fc.property(cases, ([a, mode]) => {
        const [r, q] = rq(a, { mode });
        const [m, n] = a.shape;
        const tol = 30 * Math.max(m, n) * EPS[a.dtype] * Math.max(1, maxAbs(a) * n);
        expect(maxAbs(subtract(matmul(r, q), a))).toBeLessThanOrEqual(tol);
        const qqh = matmul(q, conj(matrixTranspose(q)));
        const k = q.shape[0];
        const eye = new NDArray(Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0)), [k, k], 'float64');
        expect(maxAbs(subtract(qqh, eye))).toBeLessThanOrEqual(30 * Math.max(m, n) * EPS[a.dtype]);
        const rows = r.toArray() as unknown[][];
        const offset = r.shape[1] - r.shape[0];
        for (let i = 0; i < r.shape[0]; i++) {
          for (let j = 0; j < Math.min(r.shape[1], i + offset); j++) expect(rows[i][j] === 0 || (Array.isArray(rows[i][j]) && (rows[i][j] as number[]).every((x) => x === 0))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('qrMultiply: Q c and c Q are qr’s economic Q times c, and R is qr’s', () => {
    fc.assert(
      fc.property(cases, ([a]) => {
        const [m, n] = a.shape;
        const k = Math.min(m, n);
        const [q, r] = qr(a, { mode: 'economic' });
        const left = new NDArray(Float64Array.from({ length: k * 2 }, (_, i) => i - 1), [k, 2], 'float64');
        const right = new NDArray(Float64Array.from({ length: 2 * m }, (_, i) => 1 - i), [2, m], 'float64');
        const [ql, rl] = qrMultiply(a, left, { mode: 'left' });
        const [cq] = qrMultiply(a, right);
        const tol = 30 * Math.max(m, n) * EPS[a.dtype] * Math.max(m, 2);
        expect(maxAbs(subtract(ql, matmul(q, left)))).toBeLessThanOrEqual(tol);
        expect(maxAbs(subtract(cq, matmul(right, q)))).toBeLessThanOrEqual(tol);
        expect(maxAbs(subtract(rl, r))).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects bad modes, shapes, lwork and a complex c with a real a', () => {
    const rejects = (call: () => unknown, name: string, argument: string) => expect(call).toThrow(expect.objectContaining({ name, argument }));
    const a = [[1, 2, 3], [4, 5, 7]];
    rejects(() => rq(a, { mode: 'thin' as 'full' }), 'InvalidArgumentError', 'mode');
    rejects(() => rq(a, { lwork: 1 }), 'InvalidArgumentError', 'lwork');
    rejects(() => rq([1, 2]), 'ShapeError', 'a');
    rejects(() => rq([[1, Infinity]]), 'InvalidArgumentError', 'a');
    rejects(() => qrMultiply(a, [1, 2, 3], { mode: 'left' }), 'ShapeError', 'c');
    rejects(() => qrMultiply(a, [1, 2, 3]), 'ShapeError', 'c');
    rejects(() => qrMultiply(a, [1, 2], { mode: 'middle' as 'left' }), 'InvalidArgumentError', 'mode');
    rejects(() => qrMultiply(a, [1, 2], { conjugate: 1 as unknown as boolean }), 'InvalidArgumentError', 'conjugate');
    rejects(() => qrMultiply(a, new NDArray(Float64Array.from([1, 0, 2, 0]), [2], 'complex128')), 'DtypeError', 'c');
  });
});
