/**
 * Properties of the Schur-based matrix functions on random matrices (fast-check):
 * sqrtm(A)² = A (residual of order n·ε·‖√A‖²), sign(A)² = I, funm with exp agreeing with
 * expm; and the result types SciPy gives (real roots of real matrices unless an eigenvalue is
 * negative).
 */
import { exp, NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expm, fractionalMatrixPower, funm, logm, signm, sqrtm } from '../src/index.js';

const EPS = 2 ** -52;
type M = number[][];
const mul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
const maxAbs = (a: M): number => Math.max(0, ...a.flat().map(Math.abs));
const rows = (x: NDArray): M => x.toArray() as M;
/** The real parts of a result that SciPy returns complex (a Schur form with complex pairs), checking the imaginary parts are rounding. */
function realRows(x: NDArray): M {
  if (!x.dtype.startsWith('complex')) return rows(x);
  const pairs = x.toArray() as [number, number][][];
  const scale = Math.max(1, ...pairs.flat().map(([re]) => Math.abs(re)));
  for (const [, im] of pairs.flat()) expect(Math.abs(im)).toBeLessThan(1e-12 * scale);
  return pairs.map((row) => row.map(([re]) => re));
}

/** Random n×n matrices shifted by (n + 1)·I: eigenvalues in the right half-plane. */
const shifted = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    a: fc
      .array(fc.integer({ min: -1000, max: 1000 }), { minLength: n * n, maxLength: n * n })
      .map((v) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => v[i * n + j] / 1000 + (i === j ? n + 1 : 0)))),
  }),
);

describe('sqrtm', () => {
  it('satisfies X·X = A to within 100·n·ε·‖X‖² (Higham, Functions of Matrices, §6.2)', () => {
    fc.assert(
      fc.property(shifted, ({ n, a }) => {
        const x = sqrtm(a) as NDArray;
        expect(x.dtype).toBe('float64');
        const r = rows(x);
        const residual = mul(r, r).map((row, i) => row.map((v, j) => v - a[i][j]));
        expect(maxAbs(residual)).toBeLessThanOrEqual(100 * n * EPS * maxAbs(r) ** 2 * n);
      }),
      { numRuns: 60 },
    );
  });

  it('is complex for a negative eigenvalue and keeps single precision', () => {
    const root = sqrtm([[-4, 0], [0, 9]]) as NDArray;
    expect(root.dtype).toBe('complex128');
    expect(root.toArray()).toEqual([
      [[0, 2], [0, 0]],
      [[0, 0], [3, 0]],
    ]);
    expect((sqrtm(new NDArray(new Float32Array([4, 1, 0, 9]), [2, 2], 'float32')) as NDArray).dtype).toBe('float32');
  });

  it('gives [X, residual estimate] with disp false, and a square root for a single number', () => {
    const [x, err] = sqrtm([[4, 1], [0, 9]], { disp: false });
    expect(x.shape).toEqual([2, 2]);
    expect(err.get() as number).toBeLessThan(1e-28);
    expect((sqrtm(4) as NDArray).toArray()).toEqual([[2]]);
    expect(() => sqrtm([[1, 2]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'A' }));
    expect(() => sqrtm([[1]], { blocksize: 1.5 })).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'blocksize' }));
  });
});

describe('signm and funm', () => {
  it('sign(A)² = I for a spectrum away from the imaginary axis', () => {
    fc.assert(
      fc.property(shifted, ({ n, a }) => {
        // flip half the spectrum: sign is then ±1 on the two halves
        const b = a.map((row, i) => row.map((v, j) => (i === j && i % 2 === 1 ? -v : v)));
        const s = rows(signm(b));
        const residual = mul(s, s).map((row, i) => row.map((v, j) => v - (i === j ? 1 : 0)));
        expect(maxAbs(residual)).toBeLessThan(1e-8 * n * Math.max(1, maxAbs(s)) ** 2);
      }),
      { numRuns: 40 },
    );
  });

  it('funm with exp agrees with expm', () => {
    fc.assert(
      fc.property(shifted, ({ n, a }) => {
        const small = a.map((row) => row.map((v) => v / (n + 1)));
        const f = rows(funm(small, (x) => exp(x)) as NDArray);
        const e = rows(expm(small));
        const diff = f.map((row, i) => row.map((v, j) => v - e[i][j]));
        expect(maxAbs(diff)).toBeLessThan(1e-9 * maxAbs(e));
      }),
      { numRuns: 40 },
    );
  });

  it('funm checks its callback and returns [F, err] with disp false', () => {
    const [f, err] = funm([[1, 2], [0, 3]], (x) => x, { disp: false });
    expect(rows(f)).toEqual([[1, 2], [0, 3]]);
    expect(err.dtype).toBe('float64');
    expect(() => funm([[1]], 3 as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'func' }));
    expect(() => funm([[1, 0], [0, 1]], () => [1])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'func' }));
  });
});

describe('logm and fractionalMatrixPower', () => {
  it('logm(expm(A)) = A for ‖A‖ small (the principal branch)', () => {
    fc.assert(
      fc.property(shifted, ({ n, a }) => {
        const small = a.map((row, i) => row.map((v, j) => (i === j ? v - (n + 1) : v) / 2));
        const l = rows(logm(expm(small)) as NDArray);
        const diff = l.map((row, i) => row.map((v, j) => v - small[i][j]));
        expect(maxAbs(diff)).toBeLessThan(1e-12 * n);
      }),
      { numRuns: 40 },
    );
  });

  it('A^t · A^(1−t) = A and A^(1/2) = sqrtm(A)', () => {
    fc.assert(
      fc.property(shifted, fc.double({ min: -0.9, max: 0.9, noNaN: true }), ({ n, a }, t) => {
        const x = realRows(fractionalMatrixPower(a, t));
        const y = realRows(fractionalMatrixPower(a, 1 - t));
        const diff = mul(x, y).map((row, i) => row.map((v, j) => v - a[i][j]));
        expect(maxAbs(diff)).toBeLessThan(1e-11 * n * maxAbs(a));
        const root = rows(sqrtm(a) as NDArray);
        const half = realRows(fractionalMatrixPower(a, 0.5));
        expect(maxAbs(half.map((row, i) => row.map((v, j) => v - root[i][j])))).toBeLessThan(1e-11 * n * maxAbs(root));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps an integer matrix integer for integer powers, and checks t', () => {
    const p = fractionalMatrixPower(new NDArray(new Int32Array([1, 2, 3, 1]), [2, 2], 'int32'), 2);
    expect(p.dtype).toBe('int32');
    expect(p.toArray()).toEqual([[7, 4], [6, 7]]);
    expect(() => fractionalMatrixPower([[1]], Number.NaN)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 't' }));
    const [l, err] = logm([[2, 1], [0, 3]], { disp: false });
    expect(l.dtype).toBe('float64');
    expect(err.get() as number).toBeLessThan(1e-14);
    expect(() => logm([[]] as never)).toThrow(expect.objectContaining({ name: 'ShapeError' }));
  });
});
