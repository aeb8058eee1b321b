/**
 * Bad input gets a typed error that names the argument (SciPy's ValueError → ShapeError /
 * InvalidArgumentError, LinAlgError → LinAlgError, NotImplementedError → NotSupportedError),
 * and no function writes into its input.
 */
import { asarray, NDArray } from '@sciport/array-api';
import { SciportError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import {
  bandwidth,
  blockDiag,
  choFactor,
  companion,
  convolutionMatrix,
  dft,
  hadamard,
  helmert,
  hilbert,
  invhilbert,
  invpascal,
  leslie,
  pascal,
  toeplitz,
  cholesky,
  choSolve,
  det,
  inv,
  issymmetric,
  LinAlgError,
  lu,
  luFactor,
  luSolve,
  norm,
  qr,
  solve,
  diagsvd,
  svd,
  svdvals,
  solveTriangular,
} from '../src/index.js';

const rejects = (call: () => unknown, name: string, argument: string) =>
  expect(call).toThrow(expect.objectContaining({ name, argument }));

const A = [
  [4, 1, 0],
  [1, 3, 1],
  [0, 1, 2],
];
const B = [1, 2, 3];

describe('bad input to sciport.linalg', () => {
  it('refuses a matrix order whose n×n result cannot be allocated, before allocating (ShapeError naming n)', () => {
    for (const order of [2 ** 40, 2 ** 31, 1e300]) {
      rejects(() => dft(order), 'ShapeError', 'n');
      rejects(() => hilbert(order), 'ShapeError', 'n');
      rejects(() => pascal(order), 'ShapeError', 'n');
      rejects(() => helmert(order), 'ShapeError', 'n');
    }
  });

  it('needs square matrices where SciPy does (ShapeError naming a)', () => {
    const wide = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    rejects(() => solve(wide, [1, 2]), 'ShapeError', 'a');
    rejects(() => inv(wide), 'ShapeError', 'a');
    rejects(() => det(wide), 'ShapeError', 'a');
    rejects(() => cholesky(wide), 'ShapeError', 'a');
    rejects(() => solveTriangular(wide, [1, 2]), 'ShapeError', 'a');
    rejects(() => issymmetric(wide), 'ShapeError', 'a');
    rejects(() => solve([1, 2, 3], B), 'ShapeError', 'a');
    rejects(() => bandwidth([1, 2]), 'ShapeError', 'a');
  });

  it('checks that b fits a (rows, batch dimensions)', () => {
    rejects(() => solve(A, [1, 2]), 'ShapeError', 'b');
    rejects(() => solveTriangular(A, [[1], [2]]), 'ShapeError', 'b');
    rejects(() => luSolve(luFactor(A), [1, 2]), 'ShapeError', 'b');
    rejects(() => choSolve(choFactor(A), [1, 2]), 'ShapeError', 'b');
    const stackA = asarray([A, A]);
    const stackB = asarray([[B], [B], [B]]).slice(':', 0).slice(':', null, ':');
    rejects(() => solve(stackA, asarray([[[1], [2], [3]], [[1], [2], [3]], [[1], [2], [3]]])), 'ShapeError', 'b');
    expect(stackB.shape).toEqual([3, 1, 3]);
  });

  it("refuses NaN and Inf unless checkFinite is false (SciPy's ValueError)", () => {
    const withNaN = [
      [1, Number.NaN],
      [2, 1],
    ];
    rejects(() => solve(withNaN, [1, 1]), 'InvalidArgumentError', 'a');
    rejects(() => solve([[1, 0], [0, 1]], [1, Number.POSITIVE_INFINITY]), 'InvalidArgumentError', 'b');
    rejects(() => inv(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => det(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => lu(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => cholesky(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => norm(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => qr(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => svd(withNaN), 'InvalidArgumentError', 'a');
    rejects(() => svdvals(withNaN), 'InvalidArgumentError', 'a');
    // without the check: a NaN is still refused (as LAPACK's gesdd under SciPy), an Inf gives NaN
    rejects(() => svdvals(withNaN, { checkFinite: false }), 'InvalidArgumentError', 'a');
    const withInf = [
      [1, Number.POSITIVE_INFINITY],
      [2, 1],
    ];
    expect(svdvals(withInf, { checkFinite: false }).toArray()).toEqual([Number.NaN, Number.NaN]);
    expect((qr(withNaN, { checkFinite: false, mode: 'r' }) as NDArray[])[0].shape).toEqual([2, 2]);
    // without the check, NaN propagates as in LAPACK
    const x = solve(withNaN, [1, 1], { checkFinite: false }).toArray() as number[];
    expect(x.some(Number.isNaN)).toBe(true);
  });

  it('reports singular and indefinite matrices as LinAlgError, a SciportError', () => {
    const singular = [
      [1, 2],
      [2, 4],
    ];
    rejects(() => solve(singular, [1, 2]), 'LinAlgError', 'a');
    rejects(() => inv(singular), 'LinAlgError', 'a');
    rejects(() => solveTriangular([[1, 2], [0, 0]], [1, 2]), 'LinAlgError', 'a');
    rejects(() => solve([[1, 2], [2, 1]], [1, 2], { assumeA: 'pos' }), 'LinAlgError', 'a');
    rejects(() => cholesky([[1, 2], [2, 1]]), 'LinAlgError', 'a');
    rejects(() => choFactor([[-1]]), 'LinAlgError', 'a');
    try {
      solve(asarray([A, singular.map((r) => [...r, 0]).concat([[0, 0, 0]])]), B);
    } catch (error) {
      expect(error).toBeInstanceOf(LinAlgError);
      expect(error).toBeInstanceOf(SciportError);
      expect((error as Error).message).toContain('slice(s) [1]');
    }
    expect.assertions(9);
  });

  it("keeps SciPy's answers where SciPy does not raise", () => {
    // an exactly singular matrix still has an LU factorisation and a determinant
    expect(det([[1, 2], [2, 4]]).get()).toBe(0);
    expect(luFactor([[1, 2], [2, 4]])[1].toArray()).toEqual([1, 1]);
  });

  it('checks option values and names the option', () => {
    rejects(() => solve(A, B, { assumeA: 'foo' as never }), 'InvalidArgumentError', 'assumeA');
    rejects(() => solve(A, B, { assumeA: 'banded' }), 'NotSupportedError', 'assumeA');
    rejects(() => inv(A, { assumeA: 'upper' as never }), 'InvalidArgumentError', 'assumeA');
    rejects(() => solveTriangular(A, B, { trans: 3 as never }), 'InvalidArgumentError', 'trans');
    rejects(() => luSolve(luFactor(A), B, { trans: 'X' as never }), 'InvalidArgumentError', 'trans');
    rejects(() => solve(A, B, { lower: 1 as never }), 'InvalidArgumentError', 'lower');
    rejects(() => solve(A, B, { overwriteA: 'yes' as never }), 'InvalidArgumentError', 'overwriteA');
    rejects(() => cholesky(A, { checkFinite: null as never }), 'InvalidArgumentError', 'checkFinite');
    const complexEye = new NDArray(new Float64Array([1, 0, 0, 0, 0, 0, 1, 0]), [2, 2], 'complex128');
    rejects(() => solve(complexEye, [1, 1], { transposed: true }), 'NotSupportedError', 'transposed');
    rejects(() => norm(A, { ord: 'max' as never }), 'InvalidArgumentError', 'ord');
    rejects(() => norm(A, { ord: 3 }), 'InvalidArgumentError', 'ord');
    rejects(() => norm(B, { ord: 'fro' }), 'InvalidArgumentError', 'ord');
    rejects(() => norm(A, { axis: 2 }), 'InvalidArgumentError', 'axis');
    rejects(() => norm(A, { axis: [0, 0] }), 'InvalidArgumentError', 'axis');
    rejects(() => issymmetric(A, { atol: 'big' as never }), 'InvalidArgumentError', 'atol');
    rejects(() => qr(A, { mode: 'thin' as never }), 'InvalidArgumentError', 'mode');
    rejects(() => qr(A, { pivoting: 1 as never }), 'InvalidArgumentError', 'pivoting');
    rejects(() => qr(B), 'ShapeError', 'a');
    // lwork as LAPACK checks it: -1 or at least the columns of each matrix SciPy passes it for
    rejects(() => qr(A, { lwork: 2 }), 'InvalidArgumentError', 'lwork');
    rejects(() => qr(A, { lwork: 3.5 }), 'InvalidArgumentError', 'lwork');
    rejects(() => qr([[1], [2], [3]], { lwork: 2 }), 'InvalidArgumentError', 'lwork');
    expect(qr([[1], [2], [3]], { lwork: 2, mode: 'economic' })).toHaveLength(2);
    expect(qr(A, { lwork: -1, overwriteA: true })).toHaveLength(2);
    rejects(() => svd(A, { lapackDriver: 'gesvj' as never }), 'InvalidArgumentError', 'lapackDriver');
    rejects(() => svd(A, { fullMatrices: 'no' as never }), 'InvalidArgumentError', 'fullMatrices');
    rejects(() => svd(A, { computeUv: 0 as never }), 'InvalidArgumentError', 'computeUv');
    rejects(() => svdvals(B), 'ShapeError', 'a');
    rejects(() => diagsvd([1, 2], 3, 3), 'ShapeError', 's');
    rejects(() => diagsvd([1, 2], -1, 2), 'InvalidArgumentError', 'M');
    rejects(() => diagsvd([1, 2], 2, 2.5), 'InvalidArgumentError', 'N');
  });

  it("computes ord 2, -2 and 'nuc' from the singular values; a NaN fails as SciPy's SVD does", () => {
    const [s0, s1, s2] = svdvals(A).toArray() as number[];
    expect(norm(A, { ord: 2 }).get()).toBe(s0);
    expect(norm(A, { ord: -2 }).get()).toBe(s2);
    expect(norm(A, { ord: 'nuc' }).get()).toBe(s0 + s1 + s2);
    const withNaN = [
      [1, Number.NaN],
      [2, 1],
    ];
    for (const ord of [2, -2, 'nuc'] as const) rejects(() => norm(withNaN, { ord, checkFinite: false }), 'LinAlgError', 'a');
    rejects(() => norm([[], []], { ord: -2 }), 'ShapeError', 'a');
    // 2 is the Euclidean norm of vectors, which needs none
    expect(norm(B, { ord: 2 }).get()).toBeCloseTo(Math.sqrt(14), 14);
  });

  it('refuses unknown option keys and options that are not plain objects', () => {
    rejects(() => solve(A, B, { assume_a: 'gen' } as never), 'InvalidArgumentError', 'assume_a');
    rejects(() => lu(A, { permute_l: true } as never), 'InvalidArgumentError', 'permute_l');
    rejects(() => det(A, { axis: 0 } as never), 'InvalidArgumentError', 'axis');
    rejects(() => cholesky(A, new Map() as never), 'InvalidArgumentError', 'options');
  });

  it('checks the factor pairs of luSolve and choSolve', () => {
    rejects(() => luSolve(asarray(A) as never, B), 'InvalidArgumentError', 'luAndPiv');
    rejects(() => luSolve([luFactor(A)[0], [0, 1]], B), 'ShapeError', 'piv');
    rejects(() => luSolve([luFactor(A)[0], [0, 7, 2]], B), 'InvalidArgumentError', 'piv');
    rejects(() => choSolve([cholesky(A), 'lower'] as never, B), 'InvalidArgumentError', 'cAndLower');
  });

  it('never writes into its inputs', () => {
    const a = asarray(A, { dtype: 'float64' });
    const b = asarray(B, { dtype: 'float64' });
    const before = [Array.from(a.data as Float64Array), Array.from(b.data as Float64Array)];
    solve(a, b, { overwriteA: true, overwriteB: true });
    solve(a, b, { assumeA: 'pos' });
    solveTriangular(a, b, { overwriteB: true });
    inv(a, { overwriteA: true });
    det(a);
    lu(a);
    luSolve(luFactor(a), b);
    cholesky(a);
    choSolve(choFactor(a), b);
    qr(a, { overwriteA: true, pivoting: true });
    qr(a, { mode: 'raw' });
    svd(a, { overwriteA: true });
    svdvals(a, { overwriteA: true });
    expect([Array.from(a.data as Float64Array), Array.from(b.data as Float64Array)]).toEqual(before);
    expect(a).toBeInstanceOf(NDArray);
  });

  it('checks the special matrices’ arguments and names them', () => {
    rejects(() => hilbert(-1), 'InvalidArgumentError', 'n');
    rejects(() => hilbert(2.5), 'InvalidArgumentError', 'n');
    rejects(() => dft(4, { scale: 'm' as never }), 'InvalidArgumentError', 'scale');
    rejects(() => helmert(0), 'InvalidArgumentError', 'n');
    rejects(() => hadamard(6), 'InvalidArgumentError', 'n');
    rejects(() => hadamard(4, { dtype: 'bool' }), 'DtypeError', 'dtype');
    rejects(() => pascal(4, { kind: 'diagonal' as never }), 'InvalidArgumentError', 'kind');
    rejects(() => companion([0, 1, 2]), 'InvalidArgumentError', 'a');
    rejects(() => companion([1]), 'ShapeError', 'a');
    rejects(() => leslie([1, 2, 3], [1]), 'ShapeError', 's');
    rejects(() => convolutionMatrix([1, 2], 0), 'InvalidArgumentError', 'n');
    rejects(() => convolutionMatrix([1, 2], 3, { mode: 'middle' as never }), 'InvalidArgumentError', 'mode');
    rejects(() => convolutionMatrix([], 3), 'ShapeError', 'a');
    rejects(() => toeplitz([1, 2], { c: [1] } as never), 'InvalidArgumentError', 'c');
    rejects(() => blockDiag([[[1]]]), 'ShapeError', 'arrs[0]');
  });

  it('refuses exact integer matrices beyond int64/uint64 instead of rounding them', () => {
    rejects(() => invhilbert(15, { exact: true }), 'NotSupportedError', 'n');
    rejects(() => pascal(35), 'NotSupportedError', 'n');
    rejects(() => invpascal(35), 'NotSupportedError', 'n');
    // the float forms have no such limit
    expect(pascal(35, { exact: false }).dtype).toBe('float64');
    expect(invhilbert(15).dtype).toBe('float64');
  });
});
