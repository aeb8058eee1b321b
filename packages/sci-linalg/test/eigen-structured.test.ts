/**
 * eighTridiagonal, eigBanded, cdf2rdf and matrixBalance: the decompositions' defining
 * identities, SciPy's selections, and bad input named as SciPy names it.
 */
import { NDArray } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import { cdf2rdf, eig, eigBanded, eighTridiagonal, eigvalsBanded, eigvalsh, eigvalshTridiagonal, matrixBalance } from '../src/index.js';
import { EPS, generalizedResidualRatio, matrixOf, multiply, norm1, orthonormalityRatio, subtract, valuesOf } from '../../conformance/src/suites/linalg-eigen-matrix.js';

const named = (name: string, argument: string) => expect.objectContaining({ name, argument });
const d = [4, 1, -2, 3, 0.5];
const e = [1, -1, 0.5, 2];
const tridiagonal = d.map((x, i) => d.map((_, j) => (i === j ? x : Math.abs(i - j) === 1 ? e[Math.min(i, j)] : 0)));

describe('eighTridiagonal', () => {
  it('decomposes the tridiagonal matrix: the eigenvalues of eigvalsh, orthonormal vectors', () => {
    const [w, v] = eighTridiagonal(d, e);
    const full = new NDArray(Float64Array.from(tridiagonal.flat()), [5, 5], 'float64');
    expect((w.toArray() as number[]).map((x) => +x.toFixed(12))).toEqual((eigvalsh(full).toArray() as number[]).map((x) => +x.toFixed(12)));
    expect(generalizedResidualRatio(matrixOf(full), null, 1, valuesOf(w), matrixOf(v), EPS.float64)).toBeLessThan(30);
    expect(orthonormalityRatio(matrixOf(v), null, 1, EPS.float64)).toBeLessThan(30);
  });

  it("selects by index and by value (low, high] as SciPy's select does", () => {
    const all = eigvalshTridiagonal(d, e).toArray() as number[];
    expect(eigvalshTridiagonal(d, e, { select: 'i', selectRange: [1, 2] }).toArray()).toEqual(all.slice(1, 3));
    expect(eigvalshTridiagonal(d, e, { select: 'v', selectRange: [all[1], all[3]] }).toArray()).toEqual(all.slice(2, 4));
    expect(eigvalshTridiagonal(d, e, { select: 'all' }).toArray()).toEqual(all);
  });

  it('refuses what SciPy refuses, naming the argument', () => {
    expect(() => eighTridiagonal(d, [1, 2])).toThrow(named('ShapeError', 'e'));
    expect(() => eighTridiagonal(d, new NDArray(new Float64Array(8), [4], 'complex128'))).toThrow(named('DtypeError', 'e'));
    expect(() => eighTridiagonal(d, e, { select: 'x' as never })).toThrow(named('InvalidArgumentError', 'select'));
    expect(() => eighTridiagonal(d, e, { select: 'i', selectRange: [2, 1] })).toThrow(named('InvalidArgumentError', 'selectRange'));
    expect(() => eighTridiagonal(d, e, { select: 'i', selectRange: [0, 5] })).toThrow(named('InvalidArgumentError', 'selectRange'));
    expect(() => eighTridiagonal(d, e, { select: 'i', selectRange: [0.5, 1] })).toThrow(named('InvalidArgumentError', 'selectRange'));
    expect(() => eighTridiagonal(d, e, { select: 'v', selectRange: [1, 1] })).toThrow(named('InvalidArgumentError', 'selectRange'));
    expect(() => eighTridiagonal(d, e, { lapackDriver: 'sterf' })).toThrow(named('InvalidArgumentError', 'lapackDriver'));
    expect(() => eighTridiagonal(d, e, { lapackDriver: 'stev', select: 'i', selectRange: [0, 1] })).toThrow(named('InvalidArgumentError', 'lapackDriver'));
    expect(() => eighTridiagonal(d, e, { lapackDriver: 'x' as never })).toThrow(named('InvalidArgumentError', 'lapackDriver'));
    expect(() => eighTridiagonal([1, Number.NaN], [1])).toThrow(named('InvalidArgumentError', 'd'));
  });
});

describe('eigBanded', () => {
  it('reads the upper and lower band forms of the same matrix alike', () => {
    // upper form: row 0 holds the superdiagonal (first entry unused), row 1 the diagonal
    const upper = [[0, ...e], d];
    const lower = [d, [...e, 0]];
    const wu = eigvalsBanded(upper).toArray();
    expect(eigvalsBanded(lower, { lower: true }).toArray()).toEqual(wu);
    expect(eigvalshTridiagonal(d, e).toArray()).toEqual(wu);
    const [w, v] = eigBanded(upper, { select: 'i', selectRange: [0, 1] });
    expect(w.shape).toEqual([2]);
    expect(v.shape).toEqual([5, 2]);
  });

  it('refuses a 1-D band, NaN, and bad selections', () => {
    expect(() => eigBanded([1, 2, 3])).toThrow(named('ShapeError', 'aBand'));
    expect(() => eigBanded([[Number.NaN, 1]])).toThrow(named('InvalidArgumentError', 'aBand'));
    expect(() => eigBanded([[1, 2]], { select: 'v', selectRange: [3, 1] })).toThrow(named('InvalidArgumentError', 'selectRange'));
    expect(() => eigBanded([[1, 2]], { maxEv: -1 })).toThrow(named('InvalidArgumentError', 'maxEv'));
  });
});

describe('cdf2rdf', () => {
  it('gives a real block-diagonal decomposition A vr = vr wr of eig’s result', () => {
    const a = new NDArray(Float64Array.from([1, -2, 0.5, 3, 1, 0, 0, 0.25, 2]), [3, 3], 'float64');
    const [w, v] = eig(a);
    const [wr, vr] = cdf2rdf(w, v);
    expect([wr.dtype, vr.dtype]).toEqual(['float64', 'float64']);
    const A = matrixOf(a);
    const residual = subtract(multiply(A, matrixOf(vr)), multiply(matrixOf(vr), matrixOf(wr)));
    expect(norm1(residual)).toBeLessThan(30 * 3 * EPS.float64 * norm1(A));
  });

  it('checks its shapes and the conjugate pairs', () => {
    expect(() => cdf2rdf([1, 2], [[1, 0], [0, 1], [0, 0]])).toThrow(named('ShapeError', 'v'));
    expect(() => cdf2rdf([1, 2, 3], [[1, 0], [0, 1]])).toThrow(named('ShapeError', 'v'));
    const lone = new NDArray(Float64Array.from([1, 1, 2, 0]), [2], 'complex128');
    expect(() => cdf2rdf(lone, [[1, 0], [0, 1]])).toThrow(named('InvalidArgumentError', 'w'));
  });
});

describe('matrixBalance', () => {
  it('gives B = T⁻¹ A T with T a permuted power-of-2 diagonal (SciPy 1.17 values)', () => {
    const a = [
      [1, 100, 0],
      [0.01, 1, 0],
      [3, 4, 5],
    ];
    const [b, [scaling, perm]] = matrixBalance(a, { separate: true }) as [NDArray, [NDArray, NDArray]];
    // scipy.linalg.matrix_balance(a, separate=True)
    expect(b.toArray()).toEqual([
      [5, 0.25, 12],
      [0, 1, 0.64],
      [0, 1.5625, 1],
    ]);
    expect(scaling.toArray()).toEqual([1, 0.0625, 4]);
    expect(perm.toArray()).toEqual([2n, 1n, 0n]);
    const [, t] = matrixBalance(a);
    expect(t.toArray()).toEqual([
      [0, 0, 4],
      [0, 0.0625, 0],
      [1, 0, 0],
    ]);
  });

  it('refuses non-square input and NaN', () => {
    expect(() => matrixBalance([[1, 2, 3]])).toThrow(named('ShapeError', 'A'));
    expect(() => matrixBalance([[1, Number.NaN], [0, 1]])).toThrow(named('InvalidArgumentError', 'A'));
    expect(() => matrixBalance([[1]], { permute: 'no' as never })).toThrow(named('InvalidArgumentError', 'permute'));
  });
});
