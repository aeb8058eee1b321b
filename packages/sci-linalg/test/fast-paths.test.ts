/**
 * The fast paths of the cheap functions: triangular substitution in every loop order (one
 * and several right-hand sides), lu_solve's finiteness check on b alone, nrm2's range
 * safety for 1-D norms. Expected values come from SciPy 1.17 (quoted beside each).
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choFactor, cholesky, det, inv, LinAlgError, luSolve, norm, solve, solveTriangular } from '../src/index.js';

/** A random n×n triangular matrix with a dominant diagonal, and an n×k right-hand side. */
function triangularSystem(n: number, k: number, lower: boolean): fc.Arbitrary<{ t: Float64Array; b: Float64Array }> {
  const entry = fc.integer({ min: -1000, max: 1000 }).map((v) => v / 1000);
  return fc.tuple(fc.array(entry, { minLength: n * n, maxLength: n * n }), fc.array(entry, { minLength: n * k, maxLength: n * k })).map(([tv, bv]) => {
    const t = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (lower ? j <= i : j >= i) t[i * n + j] = tv[i * n + j] + (i === j ? 2 + n / 4 : 0);
    }
    return { t, b: Float64Array.from(bv) };
  });
}

describe('triangular substitution', () => {
  for (const k of [1, 3]) {
    for (const lower of [false, true]) {
      for (const trans of [0, 1] as const) {
        for (const unit of [false, true]) {
          it(`solves op(T) X = B (k ${k}, lower ${lower}, trans ${trans}, unitDiagonal ${unit}) with a small residual`, () => {
            fc.assert(
              fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => triangularSystem(n, k, lower).map((s) => ({ n, ...s }))), ({ n, t, b }) => {
                const shape = k === 1 ? [n] : [n, k];
                const x = solveTriangular(new NDArray(t, [n, n], 'float64'), new NDArray(b, shape, 'float64'), { lower, trans, unitDiagonal: unit });
                const xs = x.toTypedArray() as Float64Array;
                // op(T)[i, q] with the diagonal taken as 1 for unitDiagonal
                const op = (i: number, q: number) => (unit && i === q ? 1 : trans === 0 ? t[i * n + q] : t[q * n + i]);
                for (let i = 0; i < n; i++) {
                  for (let j = 0; j < k; j++) {
                    let s = 0;
                    for (let q = 0; q < n; q++) s += op(i, q) * xs[q * k + j];
                    expect(Math.abs(s - b[i * k + j])).toBeLessThan(1e-12);
                  }
                }
              }),
              { numRuns: 40 },
            );
          });
        }
      }
    }
  }
});

describe('luSolve', () => {
  it('tests only b for infs and NaNs, as SciPy’s lu_solve', () => {
    // sl.lu_solve((np.array([[1., 2], [3, np.inf]]), np.array([0, 1], dtype=np.int32)), np.ones(2)) → [1., -0.]
    const lu = new NDArray(Float64Array.from([1, 2, 3, Number.POSITIVE_INFINITY]), [2, 2], 'float64');
    const piv = new NDArray(Int32Array.from([0, 1]), [2], 'int32');
    const x = luSolve([lu, piv], new NDArray(Float64Array.from([1, 1]), [2], 'float64'));
    expect(Array.from(x.toTypedArray() as Float64Array)).toEqual([1, -0]);
    expect(() => luSolve([lu, piv], new NDArray(Float64Array.from([1, Number.NaN]), [2], 'float64'))).toThrow(/infs or NaNs/);
  });
});

describe('norm', () => {
  const vector = (v: number[]) => new NDArray(Float64Array.from(v), [v.length], 'float64');
  it('takes a 1-D vector’s 2-norm without overflow or underflow, as BLAS nrm2', () => {
    // sl.norm(np.array([1e200, 1e200])) → 1.414213562373095e+200; [1e-200, 1e-200] → 1.414213562373095e-200
    expect(norm(vector([1e200, 1e200])).toTypedArray()[0]).toBe(1.414213562373095e200);
    expect(norm(vector([1e-200, 1e-200])).toTypedArray()[0]).toBe(1.414213562373095e-200);
    // sl.norm(np.array([3e-170, -4e-170])) → 5e-170
    expect(norm(vector([3e-170, -4e-170])).toTypedArray()[0]).toBeCloseTo(5e-170, 183);
  });
  it('overflows a matrix’s Frobenius norm as NumPy does', () => {
    // sl.norm(np.array([[1e200, 1e200], [1, 1]])) → inf
    expect(norm(new NDArray(Float64Array.from([1e200, 1e200, 1, 1]), [2, 2], 'float64')).toTypedArray()[0]).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('cholesky of the upper triangle', () => {
  it('gives the transpose of the lower factor to the last bit, and choFactor keeps the other triangle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 39 }).chain((n) =>
          fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n * n, maxLength: n * n }).map((v) => ({ n, v })),
        ),
        ({ n, v }) => {
          // B Bᵀ + n·I: symmetric positive definite
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let s = i === j ? n : 0;
              for (let k = 0; k < n; k++) s += (v[i * n + k] / 1000) * (v[j * n + k] / 1000);
              a[i * n + j] = s;
            }
          }
          const input = new NDArray(a, [n, n], 'float64');
          const upper = cholesky(input).toTypedArray() as Float64Array;
          const lower = cholesky(input, { lower: true }).toTypedArray() as Float64Array;
          const [c] = choFactor(input);
          const packed = c.toTypedArray() as Float64Array;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              expect(upper[i * n + j]).toBe(lower[j * n + i]);
              expect(packed[i * n + j]).toBe(j >= i ? upper[i * n + j] : a[i * n + j]);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('stacks of small matrices', () => {
  // A[0] general, A[1] singular (row 2 = 2·row 1), A[2] lower triangular (solved by substitution, as SciPy detects)
  const stack = Float64Array.from([2, 1, 0, 1, 3, 1, 0, 1, 4, 1, 2, 3, 2, 4, 6, 1, 0, 1, 1, 0, 0, 2, 1, 0, 3, 4, 5]);
  const a = new NDArray(stack, [3, 3, 3], 'float64');
  const regular = new NDArray(Float64Array.from([...stack.subarray(0, 9), ...stack.subarray(18)]), [2, 3, 3], 'float64');
  const ones = (count: number) => new NDArray(new Float64Array(count * 3).fill(1), [count, 3, 1], 'float64');
  const close = (x: NDArray, expected: number[]) => {
    const v = Array.from(x.toTypedArray() as Float64Array);
    expect(v.length).toBe(expected.length);
    for (let i = 0; i < v.length; i++) expect(v[i]).toBeCloseTo(expected[i], 14);
  };

  it('det: one value per matrix, +0 for a singular one', () => {
    // sl.det(A) → [18., 0., 5.]
    close(det(a), [18, 0, 5]);
    expect(Object.is((det(a).toTypedArray() as Float64Array)[1], 0)).toBe(true);
  });

  it('solve and inv: the general and the triangular slices, and singular slices reported', () => {
    // sl.solve(A[[0, 2]], b[[0, 2]]).ravel()
    close(solve(regular, ones(2)), [0.44444444444444442, 0.11111111111111112, 0.22222222222222221, 1, -1, 0.4]);
    // sl.inv(A[[0, 2]]).ravel()
    close(inv(regular), [
      0.61111111111111116, -0.22222222222222224, 0.055555555555555559, -0.22222222222222224, 0.44444444444444442, -0.11111111111111112,
      0.055555555555555559, -0.11111111111111112, 0.27777777777777779, 1, 0, 0, -2, 1, 0, 1, -0.8, 0.2,
    ]);
    expect(() => solve(a, ones(3))).toThrow(LinAlgError);
    expect(() => inv(a)).toThrow(LinAlgError);
    // the input is read in place, never written
    expect(Array.from(a.toTypedArray() as Float64Array)).toEqual(Array.from(stack));
  });

  it('solve: x solves a x = b for random stacks of orders 2 to 8', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) =>
          fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3 * n * n + 3 * n, maxLength: 3 * n * n + 3 * n }).map((v) => ({ n, v })),
        ),
        ({ n, v }) => {
          // a dominant diagonal keeps every matrix well conditioned
          const data = Float64Array.from(v.slice(0, 3 * n * n), (x, p) => x / 1000 + ((p % (n * n)) % (n + 1) === 0 ? n : 0));
          const bv = Float64Array.from(v.slice(3 * n * n), (x) => x / 1000);
          const x = solve(new NDArray(data, [3, n, n], 'float64'), new NDArray(bv, [3, n, 1], 'float64')).toTypedArray() as Float64Array;
          for (let s = 0; s < 3; s++) {
            for (let i = 0; i < n; i++) {
              let sum = 0;
              for (let q = 0; q < n; q++) sum += data[s * n * n + i * n + q] * x[s * n + q];
              expect(Math.abs(sum - bv[s * n + i])).toBeLessThan(1e-12);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
