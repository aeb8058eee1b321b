/**
 * Properties of the matrix functions on random matrices (fast-check), and their dtypes,
 * batches and bad input: expm(A)·expm(−A) = I, expm of a diagonal is exp of its entries,
 * cos² + sin² = I, the Fréchet derivative as the (A, E) block of expm([[A, E], [0, A]]).
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosm, coshm, expm, expmCond, expmFrechet, sinhm, sinm, tanm } from '../src/index.js';

const EPS = 2 ** -52;

function randomMatrix(n: number, values: readonly number[], scale: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => values[i * n + j] * scale));
}

function multiply(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
}

function maxAbs(a: number[][]): number {
  return Math.max(...a.flat().map(Math.abs));
}

function rows(x: NDArray): number[][] {
  return x.toArray() as number[][];
}

const matrices = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    values: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
    scale: fc.constantFrom(0.01, 0.3, 1, 3, 8),
  }),
);

describe('expm', () => {
  it('satisfies expm(A)·expm(−A) = I to within n·ε·‖e^A‖‖e^−A‖', () => {
    fc.assert(
      fc.property(matrices, ({ n, values, scale }) => {
        const a = randomMatrix(n, values, scale);
        const ea = rows(expm(a));
        const ema = rows(expm(a.map((r) => r.map((x) => -x))));
        const p = multiply(ea, ema);
        const err = maxAbs(p.map((r, i) => r.map((x, j) => x - (i === j ? 1 : 0))));
        expect(err).toBeLessThanOrEqual(100 * n * EPS * n * maxAbs(ea) * maxAbs(ema) * (1 + scale));
      }),
      { numRuns: 60 },
    );
  });

  it('is exp of the entries for a diagonal matrix, and keeps float32 and complex64', () => {
    expect(rows(expm([[1, 0], [0, -2]]))).toEqual([[Math.exp(1), 0], [0, Math.exp(-2)]]);
    expect(expm(new NDArray(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32')).dtype).toBe('float32');
    expect(expm(new NDArray(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]), [2, 2], 'complex64')).dtype).toBe('complex64');
    expect(expm(new NDArray(new Int32Array([1, 2, 3, 4]), [2, 2], 'int32')).dtype).toBe('float64');
  });

  it('maps over batches and takes a single number as a 1×1 matrix', () => {
    const batch = expm([[[0, 1], [-1, 0]], [[1, 0], [0, 1]]]);
    expect(batch.shape).toEqual([2, 2, 2]);
    expect(rows(expm([[0, 1], [-1, 0]]))).toEqual((batch.toArray() as number[][][])[0]);
    const one = expm(2);
    expect(one.shape).toEqual([1, 1]);
    expect(one.toArray()).toEqual([[Math.exp(2)]]);
  });

  it('rejects a non-square matrix and a vector with a ShapeError naming A', () => {
    expect(() => expm([[1, 2, 3], [4, 5, 6]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'A' }));
    expect(() => expm([1, 2])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'A' }));
    expect(() => expm([[1]], { method: 'x' } as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
  });
});

describe('the trigonometric and hyperbolic functions', () => {
  it('satisfy cos²A + sin²A = I and cosh²A − sinh²A = I', () => {
    fc.assert(
      fc.property(matrices, ({ n, values }) => {
        const a = randomMatrix(n, values, 0.5);
        const [c, s, ch, sh] = [cosm(a), sinm(a), coshm(a), sinhm(a)].map(rows);
        const trig = multiply(c, c).map((r, i) => r.map((x, j) => x + multiply(s, s)[i][j] - (i === j ? 1 : 0)));
        const hyp = multiply(ch, ch).map((r, i) => r.map((x, j) => x - multiply(sh, sh)[i][j] - (i === j ? 1 : 0)));
        expect(maxAbs(trig)).toBeLessThan(1e-12 * n);
        expect(maxAbs(hyp)).toBeLessThan(1e-12 * n);
      }),
      { numRuns: 40 },
    );
  });

  it('give real results for real input', () => {
    expect(cosm([[1, 2], [3, 4]]).dtype).toBe('float64');
    expect(tanm(new NDArray(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32')).dtype).toBe('float32');
  });
});

describe('expmFrechet and expmCond', () => {
  it('give the upper right block of expm([[A, E], [0, A]])', () => {
    fc.assert(
      fc.property(matrices, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 36, maxLength: 36 }), ({ n, values, scale }, ev) => {
        const a = randomMatrix(n, values, scale);
        const e = randomMatrix(n, ev, 1);
        const [r, l] = expmFrechet(a, e) as [NDArray, NDArray];
        const big = a.map((row, i) => [...row, ...e[i]]).concat(a.map((row) => [...row.map(() => 0), ...row]));
        const x = rows(expm(big));
        const block = x.slice(0, n).map((row) => row.slice(n));
        const err = maxAbs(rows(l).map((row, i) => row.map((v, j) => v - block[i][j])));
        expect(err).toBeLessThanOrEqual(1e-11 * (1 + scale) ** 2 * Math.max(1, maxAbs(block)));
        expect(maxAbs(rows(r).map((row, i) => row.map((v, j) => v - x[i][j])))).toBeLessThanOrEqual(1e-11 * Math.max(1, maxAbs(x)));
      }),
      { numRuns: 40 },
    );
  });

  it('returns L alone with computeExpm false, and checks its options', () => {
    const l = expmFrechet([[1, 2], [3, 4]], [[0, 1], [0, 0]], { computeExpm: false });
    expect(l).toBeInstanceOf(NDArray);
    expect(() => expmFrechet([[1]], [[1]], { method: 'foo' as never })).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'method' }));
    expect(() => expmFrechet([[1, 2], [3, 4]], [[1]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'E' }));
    expect(() => expmFrechet([[Number.NaN]], [[1]])).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'A' }));
  });

  it('expmCond of cI is |c|, one value per matrix of a stack', () => {
    // for A = cI the derivative is e^c·E, so κ = e^c·‖A‖_F/‖e^A‖_F = |c|
    expect(expmCond([[2, 0], [0, 2]]).get() as number).toBeCloseTo(2, 12);
    expect(expmCond([[[1, 0], [0, 1]], [[3, 0], [0, 3]]]).shape).toEqual([2]);
  });
});
