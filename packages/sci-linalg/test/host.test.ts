/**
 * The host implementation as a user meets it: result dtypes (as SciPy 1.17 gives them for
 * mixed inputs), and dispatch of another kind of array to the backend that owns it.
 */
import { hostNamespace, NDArray } from '@sciport/array-api';
import { ARRAY_BRAND, defineBackend, implement, NAMESPACE_KEY, registerBackend, SciportError, unregisterBackend } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import {
  bandwidth,
  det,
  inv,
  issymmetric,
  LINALG_FUNCTIONS,
  LINALG_MULTIMETHODS,
  LinAlgError,
  lu,
  solve,
  solveTriangular,
  svdvals,
  withBackend,
} from '../src/index.js';

const f32 = (rows: number[][]) => new NDArray(Float32Array.from(rows.flat()), [rows.length, rows[0].length], 'float32');
const A = [
  [2, 1],
  [1, 3],
];

describe('result dtypes', () => {
  // SciPy 1.17: solve(f32, f32) → float32, solve(f32, f64) → float64, det(f32) → float64, lu(int) → float64
  it('computes in the wider LAPACK type of the inputs', () => {
    expect(solve(f32(A), new Float32Array([1, 2])).dtype).toBe('float32');
    expect(solve(f32(A), new Float64Array([1, 2])).dtype).toBe('float64');
    expect(solveTriangular(f32(A), new Float64Array([1, 2])).dtype).toBe('float64');
    expect(inv(f32(A)).dtype).toBe('float32');
    expect(det(f32(A)).dtype).toBe('float64');
    expect(lu(new NDArray(Int32Array.from([2, 1, 1, 3]), [2, 2], 'int32')).map((x) => x.dtype)).toEqual(['float64', 'float64', 'float64']);
  });

  it('LinAlgError is a SciportError subclass under its SciPy name', () => {
    const error = new LinAlgError('singular', { argument: 'a' });
    expect(error).toBeInstanceOf(SciportError);
    expect(error.name).toBe('LinAlgError');
    expect(error.argument).toBe('a');
  });
});

describe('dispatch', () => {
  it('every function is a multimethod: an array of another kind goes to the backend that owns it', () => {
    const calls: unknown[][] = [];
    const fake = { [ARRAY_BRAND]: 'fake-linalg-test', dtype: 'float64', shape: [2, 2], [NAMESPACE_KEY]: () => hostNamespace };
    // a backend's manifest, derived from the table as the fft backends do
    const backend = defineBackend({
      name: 'fake-linalg-test',
      kinds: ['fake-linalg-test'],
      functions: LINALG_FUNCTIONS.map((f) =>
        implement(
          LINALG_MULTIMETHODS[f.name],
          (...args: unknown[]) => {
            calls.push([f.name, ...args]);
            return `${f.name} from fake backend`;
          },
          { options: f.options },
        ),
      ),
    });
    registerBackend(backend);
    try {
      expect(solve(fake as never, fake as never, { assumeA: 'pos' })).toBe('solve from fake backend');
      expect(calls[0][3]).toEqual({ assumeA: 'pos' });
      expect(det(fake as never)).toBe('det from fake backend');
      expect(withBackend('fake-linalg-test', () => inv(fake as never))).toBe('inv from fake backend');
    } finally {
      unregisterBackend(backend);
    }
  });
});

describe('64-bit integer input', () => {
  it('is converted to float64 like every integer (BigInt storage included)', () => {
    // SciPy 1.17: bandwidth([[1, 2], [0, 3]]) = (0, 1), issymmetric = False
    const a = new NDArray(BigInt64Array.from([1n, 2n, 0n, 3n]), [2, 2], 'int64');
    expect(bandwidth(a)).toEqual([0, 1]);
    expect(issymmetric(a)).toBe(false);
    expect(solve(a, [1, 1]).dtype).toBe('float64');
  });
});

describe('convergence', () => {
  // fast-check found it: the computed cosine of the two columns settled at 1.57·eps, just
  // above gesvj's √p·eps, and the Jacobi sweeps rotated forever (LinAlgError).
  it('svd of a 2×2 complex matrix whose columns end within rounding of orthogonal', () => {
    const values = [
      -0.7596996668628202, 0.043813267484954864, -0.0684352710225117, -2.621154962988126, -0.6364970172875012, -0.005992532931473282,
      0.5035947150965955, -2.1207612045922497,
    ];
    const s = svdvals(new NDArray(Float64Array.from(values), [2, 2], 'complex128')).toArray() as number[];
    // SciPy 1.17: svdvals(a) = [3.55, 0.09]
    expect(Math.abs(s[0] - 3.55)).toBeLessThanOrEqual(30 * 2 * 2 ** -52 * 3.55);
    expect(Math.abs(s[1] - 0.09)).toBeLessThanOrEqual(30 * 2 * 2 ** -52 * 3.55);
  });
});
