/**
 * Bad input to the eigenvalue and Schur functions: typed errors naming the argument, as
 * SciPy raises ValueError / LinAlgError.
 */
import { NDArray } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import { eig, eigh, eigvals, eigvalsh, hessenberg, rsf2csf, schur } from '../src/index.js';

const named = (name: string, argument: string) => expect.objectContaining({ name, argument });
const A = [
  [1, 2, 0],
  [3, 4, 5],
  [0, 6, 7],
];

describe('bad input to hessenberg and schur', () => {
  it('needs square matrices of at least 2 dimensions (ShapeError naming a)', () => {
    for (const fn of [hessenberg, schur] as ((a: unknown) => unknown)[]) {
      expect(() => fn([[1, 2, 3], [4, 5, 6]])).toThrow(named('ShapeError', 'a'));
      expect(() => fn([1, 2, 3])).toThrow(named('ShapeError', 'a'));
    }
  });

  it('refuses NaN and Inf unless checkFinite is false; a NaN then fails to converge, as in SciPy', () => {
    const nan = [
      [1, 2, 0],
      [3, Number.NaN, 5],
      [0, 6, 7],
    ];
    expect(() => hessenberg(nan)).toThrow(named('InvalidArgumentError', 'a'));
    expect(() => schur(nan)).toThrow(named('InvalidArgumentError', 'a'));
    expect(() => schur(nan, { checkFinite: false })).toThrow(expect.objectContaining({ name: 'LinAlgError' }));
    expect(Number.isNaN((hessenberg(nan, { checkFinite: false }) as NDArray).toArray().flat()[4] as number)).toBe(true);
  });

  it('checks output, lwork, sort and calcQ and names them', () => {
    expect(() => schur(A, { output: 'x' as never })).toThrow(named('InvalidArgumentError', 'output'));
    expect(() => schur(A, { lwork: 8 })).toThrow(named('InvalidArgumentError', 'lwork'));
    expect(() => schur(A, { lwork: 9.5 })).toThrow(named('InvalidArgumentError', 'lwork'));
    expect(schur(A, { lwork: 9 })).toHaveLength(2);
    expect(() => schur(A, { sort: 'up' as never })).toThrow(named('InvalidArgumentError', 'sort'));
    expect(() => hessenberg(A, { calcQ: 1 as never })).toThrow(named('InvalidArgumentError', 'calcQ'));
    expect(() => schur(A, { outptu: 'real' } as never)).toThrow(named('InvalidArgumentError', 'outptu'));
  });

  it('never writes into its input', () => {
    const a = new NDArray(Float64Array.from(A.flat()), [3, 3], 'float64');
    const before = a.toTypedArray().slice();
    schur(a);
    hessenberg(a, { calcQ: true });
    expect(a.toTypedArray()).toEqual(before);
  });

  it("eig and eigvals: square input, NaN refused as SciPy's geev refuses it, options checked", () => {
    expect(() => eig([[1, 2, 3]])).toThrow(named('ShapeError', 'a'));
    expect(() => eigvals([[1, Number.NaN], [0, 1]])).toThrow(named('InvalidArgumentError', 'a'));
    const nan = [
      [1, 2, 0],
      [3, Number.NaN, 5],
      [0, 6, 7],
    ];
    expect(() => eigvals(nan, null, { checkFinite: false })).toThrow(named('InvalidArgumentError', 'a'));
    // a NaN that balancing isolates never reaches the QR algorithm, in SciPy too
    expect(eigvals([[1, Number.NaN], [0, 1]], null, { checkFinite: false }).toArray()).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(() => eig(A, null, { left: 'yes' as never })).toThrow(named('InvalidArgumentError', 'left'));
    expect(() => eig(A, null, { homogeneousEigvals: 1 as never })).toThrow(named('InvalidArgumentError', 'homogeneousEigvals'));
  });

  it('rsf2csf: square T and Z of the same order', () => {
    expect(() => rsf2csf([[1, 2, 3]], [[1]])).toThrow(named('ShapeError', 'T'));
    expect(() => rsf2csf([[1]], [[1, 2, 3]])).toThrow(named('ShapeError', 'Z'));
    expect(() => rsf2csf([[1, 0], [0, 1]], [[1]])).toThrow(named('ShapeError', 'Z'));
    expect(() => rsf2csf([[Number.NaN]], [[1]])).toThrow(named('InvalidArgumentError', 'T'));
  });

  it('eigh and eigvalsh: shapes, options and B not positive definite, as SciPy reports them', () => {
    const h = [
      [2, 1, 0],
      [1, 2, 1],
      [0, 1, 2],
    ];
    expect(() => eigh([[1, 2, 3]])).toThrow(named('ShapeError', 'a'));
    expect(() => eigh(h, [[1, 0], [0, 1]])).toThrow(named('ShapeError', 'b'));
    expect(() => eigh(h, [[1, 0, 0], [0, -1, 0], [0, 0, 1]])).toThrow(named('LinAlgError', 'b'));
    expect(() => eigh(h, h, { type: 4 as never })).toThrow(named('InvalidArgumentError', 'type'));
    expect(() => eigh(h, null, { subsetByIndex: [0, 1], subsetByValue: [0, 1] })).toThrow(named('InvalidArgumentError', 'subsetByValue'));
    expect(() => eigh(h, null, { subsetByIndex: [2, 1] })).toThrow(named('InvalidArgumentError', 'subsetByIndex'));
    expect(() => eigh(h, null, { subsetByIndex: [0, 3] })).toThrow(named('InvalidArgumentError', 'subsetByIndex'));
    expect(() => eigvalsh(h, null, { subsetByValue: [1, 1] })).toThrow(named('InvalidArgumentError', 'subsetByValue'));
    expect(() => eigvalsh(h, null, { subsetByValue: 'all' as never })).toThrow(named('InvalidArgumentError', 'subsetByValue'));
    expect(() => eigh(h, null, { driver: 'gv' })).toThrow(named('InvalidArgumentError', 'driver'));
    expect(() => eigh(h, h, { driver: 'evr' })).toThrow(named('InvalidArgumentError', 'driver'));
    expect(() => eigh(h, null, { driver: 'ev', subsetByIndex: [0, 1] })).toThrow(named('InvalidArgumentError', 'driver'));
    expect(() => eigh(h, null, { driver: 'xx' as never })).toThrow(named('InvalidArgumentError', 'driver'));
    expect(() => eigh(h, null, { eigvalsOnly: 'no' as never })).toThrow(named('InvalidArgumentError', 'eigvalsOnly'));
    expect(() => eigvalsh(h, null, { eigvalsOnly: true } as never)).toThrow(named('InvalidArgumentError', 'eigvalsOnly'));
    expect(() => eigvalsh([[1, Number.NaN], [Number.NaN, 1]])).toThrow(named('InvalidArgumentError', 'a'));
    // SciPy 1.17 returns NaN eigenvalues then
    expect(eigvalsh([[1, Number.NaN], [Number.NaN, 1]], null, { checkFinite: false }).toArray()).toEqual([Number.NaN, Number.NaN]);
  });
});
