/**
 * qrUpdate, qrInsert, qrDelete: the updated factors reproduce the changed matrix, Q stays
 * unitary and R upper triangular (fast-check, real and complex); bad input.
 */
import { add, concat, conj, type DType, matmul, matrixTranspose, NDArray, subtract, take } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qr, qrDelete, qrInsert, qrUpdate, svdvals } from '../src/index.js';

const EPS = 2 ** -52;

function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

function matrix(m: number, n: number, dtype: DType): fc.Arbitrary<NDArray> {
  const lanes = dtype === 'complex128' ? 2 : 1;
  return fc
    .array(fc.integer({ min: -1000, max: 1000 }), { minLength: lanes * m * n, maxLength: lanes * m * n })
    .map((v) => new NDArray(Float64Array.from(v, (k) => k / 1000), [m, n], dtype));
}

const indices = (values: number[]) => new NDArray(Int32Array.from(values), [values.length], 'int32');
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Q R reproduces `a`, QᴴQ = I, R is upper triangular (to rounding). */
function expectFactors(q: NDArray, r: NDArray, a: NDArray): void {
  const size = Math.max(...a.shape, 1);
  const scale = Math.max(1, maxAbs(a)) * size;
  expect(maxAbs(subtract(matmul(q, r), a))).toBeLessThanOrEqual(100 * EPS * scale * size);
  const k = q.shape[1];
  const eye = new NDArray(Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0)), [k, k], 'float64');
  expect(maxAbs(subtract(matmul(conj(matrixTranspose(q)), q), eye))).toBeLessThanOrEqual(100 * EPS * size);
  const lanes = r.dtype.startsWith('complex') ? 2 : 1;
  const d = r.toTypedArray() as Float64Array;
  const [rows, cols] = r.shape;
  let below = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < Math.min(i, cols); j++) below = Math.max(below, Math.abs(d[lanes * (i * cols + j)]), lanes === 2 ? Math.abs(d[lanes * (i * cols + j) + 1]) : 0);
  expect(below).toBeLessThanOrEqual(100 * EPS * scale);
}

/** Whether `a` (at least as many rows as columns) has full column rank, well away from rounding. */
function fullColumnRank(a: NDArray): boolean {
  const s = svdvals(a).toTypedArray() as Float64Array;
  return s.length > 0 && s[s.length - 1] > 1e-8 * s[0];
}

const dims = fc.integer({ min: 1, max: 7 });
const problems = fc
  .tuple(dims, dims, fc.constantFrom<DType>('float64', 'complex128'))
  .chain(([m, n, d]) => fc.tuple(matrix(m, n, d), matrix(m, 1, d), matrix(n, 1, d), matrix(1, n, d), fc.nat({ max: m }), fc.nat({ max: n })));

describe('QR updates (fast-check)', () => {
  it('qrUpdate (full and economic): the factors of A + u vᴴ', () => {
    fc.assert(
      fc.property(problems, ([a, u, v]) => {
        const target = add(a, matmul(u, conj(matrixTranspose(v))));
        const [q, r] = qr(a);
        const [q1, r1] = qrUpdate(q, r, u, v);
        expectFactors(q1, r1, target);
        if (a.shape[0] > a.shape[1]) {
          const [qe, re] = qr(a, { mode: 'economic' });
          const [q2, r2] = qrUpdate(qe, re, u, v);
          expect(q2.shape).toEqual(qe.shape);
          expectFactors(q2, r2, target);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('qrInsert: a row or a column inserted at k', () => {
    fc.assert(
      fc.property(problems, ([a, col, , row, i, j]) => {
        const [m, n] = a.shape;
        const [q, r] = qr(a);
        const withRow = concat([take(a, indices(range(0, i)), { axis: 0 }), row, take(a, indices(range(i, m)), { axis: 0 })], { axis: 0 });
        const [qr1, rr1] = qrInsert(q, r, row, i);
        expectFactors(qr1, rr1, withRow);
        const withCol = concat([take(a, indices(range(0, j)), { axis: 1 }), col, take(a, indices(range(j, n)), { axis: 1 })], { axis: 1 });
        const [qc, rc] = qrInsert(q, r, col, j, { which: 'col' });
        expectFactors(qc, rc, withCol);
        if (m > n) {
          const [qe, re] = qr(a, { mode: 'economic' });
          const [qe1, re1] = qrInsert(qe, re, row, i);
          expect(qe1.shape).toEqual([m + 1, n]);
          expectFactors(qe1, re1, withRow);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('qrDelete: p rows or columns deleted from k (full; economic for columns)', () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 1, max: 3 }), ([a, , , , i, j], p) => {
        const [m, n] = a.shape;
        const [q, r] = qr(a);
        if (p < m) {
          const k = Math.min(i, m - p);
          const [q1, r1] = qrDelete(q, r, k, { p });
          const kept = take(a, indices([...range(0, k), ...range(k + p, m)]), { axis: 0 });
          expectFactors(q1, r1, kept);
          // Deleting rows from an economic factorisation needs the kept rows to keep full column
          // rank: otherwise there is no thin Q to update to (SciPy's qr_delete returns NaN there,
          // e.g. for [[0], [-0.001]] without its last row).
          if (m > n && fullColumnRank(kept)) {
            const [qe, re] = qr(a, { mode: 'economic' });
            const [qe1, re1] = qrDelete(qe, re, k, { p });
            expectFactors(qe1, re1, kept);
          }
        }
        if (p < n) {
          const k = Math.min(j, n - p);
          const kept = take(a, indices([...range(0, k), ...range(k + p, n)]), { axis: 1 });
          const [q1, r1] = qrDelete(q, r, k, { p, which: 'col' });
          expectFactors(q1, r1, kept);
          if (m > n) {
            const [qe, re] = qr(a, { mode: 'economic' });
            const [q2, r2] = qrDelete(qe, re, k, { p, which: 'col' });
            expect(q2.shape).toEqual([m, n - p]);
            expectFactors(q2, r2, kept);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('QR updates: bad input', () => {
  const rejects = (call: () => unknown, name: string, argument: string) => expect(call).toThrow(expect.objectContaining({ name, argument }));
  const a = [[1, 2, 3], [4, 5, 6], [7, 8, 10], [1, 0, 1]];
  const [q, r] = qr(a);
  const [qe, re] = qr(a, { mode: 'economic' });

  it('checks indices, shapes and options', () => {
    rejects(() => qrDelete(q, r, 4), 'InvalidArgumentError', 'k');
    rejects(() => qrDelete(q, r, 0, { p: 0 }), 'InvalidArgumentError', 'p');
    rejects(() => qrDelete(q, r, 0, { which: 'x' as 'row' }), 'InvalidArgumentError', 'which');
    rejects(() => qrInsert(q, r, [1, 2, 3, 4], 1), 'ShapeError', 'u');
    rejects(() => qrInsert(q, r, [1, 2, 3], 5), 'InvalidArgumentError', 'k');
    rejects(() => qrUpdate(q, r, [1, 2, 3], [1, 2, 3]), 'ShapeError', 'u');
    rejects(() => qrUpdate(q, r, [[1], [1], [1], [1]], [[1, 1], [1, 1], [1, 1]]), 'ShapeError', 'v');
    rejects(() => qrUpdate(q, [[1, 2]], [1, 1, 1, 1], [1, 2]), 'ShapeError', 'R');
    rejects(() => qrUpdate([1, 2], r, [1, 1, 1, 1], [1, 2, 3]), 'ShapeError', 'Q');
    rejects(() => qrUpdate(q, r, [1, 1, 1, Number.NaN], [1, 2, 3]), 'InvalidArgumentError', 'u');
  });

  it('batches over leading dimensions, and refuses a vector u with a matrix v (as SciPy)', () => {
    const b = new NDArray(Float64Array.from({ length: 2 * 4 * 3 }, (_, i) => Math.sin(i + 1)), [2, 4, 3], 'float64');
    const [qb, rb] = qr(b);
    const [q1, r1] = qrDelete(qb, rb, 1, { which: 'col' });
    expect([q1.shape, r1.shape]).toEqual([[2, 4, 4], [2, 4, 2]]);
    const [q2, r2] = qrUpdate(qb, rb, [[1], [2], [3], [4]], [[1], [0], [1]]);
    expect([q2.shape, r2.shape]).toEqual([[2, 4, 4], [2, 4, 3]]);
    rejects(() => qrUpdate(q, r, [1, 1, 1, 1], [[1], [2], [3]]), 'ShapeError', 'v');
  });

  it('updates economic factorisations too: row insertion and deletion, column insertion (refused in the span of Q)', () => {
    const [q1, r1] = qrInsert(qe, re, [1, 2, 3], 1);
    expectFactors(q1, r1, new NDArray(Float64Array.from([1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 10, 1, 0, 1]), [5, 3], 'float64'));
    expect(q1.shape).toEqual([5, 3]);
    const [q2, r2] = qrDelete(qe, re, 1, { p: 2 });
    expectFactors(q2, r2, new NDArray(Float64Array.from([1, 2, 3, 1, 0, 1]), [2, 3], 'float64'));
    const [q3, r3] = qrInsert(qe, re, [0, 1, 0, 0], 3, { which: 'col' });
    expectFactors(q3, r3, new NDArray(Float64Array.from([1, 2, 3, 0, 4, 5, 6, 1, 7, 8, 10, 0, 1, 0, 1, 0]), [4, 4], 'float64'));
    rejects(() => qrInsert(qe, re, [1, 4, 7, 1], 1, { which: 'col' }), 'LinAlgError', 'u');
  });
});
