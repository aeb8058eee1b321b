/**
 * Properties every correct factorisation and solver has, on random matrices (fast-check):
 * backward-error bounds as LAPACK states them (residual / (‖A‖ ‖x‖ n ε) of order 1), and the
 * algebraic identities PA = LU, LLᴴ = A, inv(A) A = I, det(AB) = det(A) det(B).
 */
import { type DType, NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, det, inv, lu, qr, solve, solveTriangular, svd, svdvals } from '../src/index.js';

/** The bound's constant: LAPACK's tests call a residual ratio above 30 a failure. */
const RATIO = 30;

interface Matrix {
  readonly n: number;
  readonly m: number;
  /** Row-major [re, im] pairs. */
  readonly values: Float64Array;
}

const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };
const COMPLEX = new Set(['complex64', 'complex128']);

function toNDArray(a: Matrix, dtype: DType): NDArray {
  const complex = COMPLEX.has(dtype);
  const size = a.m * a.n;
  const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(complex ? 2 * size : size) : new Float64Array(complex ? 2 * size : size);
  for (let i = 0; i < size; i++) {
    if (complex) {
      data[2 * i] = a.values[2 * i];
      data[2 * i + 1] = a.values[2 * i + 1];
    } else data[i] = a.values[2 * i];
  }
  return new NDArray(data, [a.m, a.n], dtype);
}

/** An NDArray's elements as a Matrix (reading complex or real storage). */
function fromNDArray(x: NDArray): Matrix {
  const [m, n] = x.ndim === 1 ? [x.shape[0], 1] : [x.shape[0], x.shape[1]];
  const data = x.toTypedArray() as Float64Array;
  const complex = COMPLEX.has(x.dtype);
  const values = new Float64Array(2 * m * n);
  for (let i = 0; i < m * n; i++) {
    values[2 * i] = Number(complex ? data[2 * i] : data[i]);
    values[2 * i + 1] = complex ? data[2 * i + 1] : 0;
  }
  return { m, n, values };
}

function multiply(a: Matrix, b: Matrix, conjugateA = false): Matrix {
  const rows = conjugateA ? a.n : a.m;
  const inner = conjugateA ? a.m : a.n;
  const values = new Float64Array(2 * rows * b.n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < b.n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < inner; k++) {
        const p = conjugateA ? 2 * (k * a.n + i) : 2 * (i * a.n + k);
        const ar = a.values[p];
        const ai = conjugateA ? -a.values[p + 1] : a.values[p + 1];
        const q = 2 * (k * b.n + j);
        re += ar * b.values[q] - ai * b.values[q + 1];
        im += ar * b.values[q + 1] + ai * b.values[q];
      }
      values[2 * (i * b.n + j)] = re;
      values[2 * (i * b.n + j) + 1] = im;
    }
  }
  return { m: rows, n: b.n, values };
}

/** Max-abs-row-sum norm (‖·‖∞), as LAPACK's residual tests use. */
function normInf(a: Matrix): number {
  let best = 0;
  for (let i = 0; i < a.m; i++) {
    let s = 0;
    for (let j = 0; j < a.n; j++) s += Math.hypot(a.values[2 * (i * a.n + j)], a.values[2 * (i * a.n + j) + 1]);
    best = Math.max(best, s);
  }
  return best;
}

function minus(a: Matrix, b: Matrix): Matrix {
  return { m: a.m, n: a.n, values: a.values.map((v, i) => v - b.values[i]) };
}

function matrix(rows: number, cols: number, shift = 0): fc.Arbitrary<Matrix> {
  // entries k/1000 in [-1, 1]: no subnormals, whose quotients overflow before any residual can be formed
  const entry = fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000);
  return fc.array(entry, { minLength: 2 * rows * cols, maxLength: 2 * rows * cols }).map((v) => {
    const values = Float64Array.from(v);
    for (let i = 0; i < Math.min(rows, cols); i++) values[2 * (i * cols + i)] += shift;
    return { m: rows, n: cols, values };
  });
}

const sizes = fc.integer({ min: 1, max: 12 });
const dtypes = fc.constantFrom<DType>('float64', 'float32', 'complex128', 'complex64');

describe('properties of the factorisations (fast-check)', () => {
  it('lu: P L U reconstructs A, ‖PLU − A‖ ≤ 30 n ε ‖A‖, for square and rectangular A', () => {
    const cases = fc.tuple(sizes, sizes).chain(([m, n]) => fc.tuple(fc.constant(Math.max(m, n)), matrix(m, n), dtypes));
    fc.assert(
      fc.property(cases, ([size, a, dtype]) => {
        const ax = toNDArray(a, dtype);
        const [p, l, u] = lu(ax);
        const plu = multiply(multiply(fromNDArray(p), fromNDArray(l)), fromNDArray(u));
        const error = normInf(minus(plu, fromNDArray(ax)));
        expect(error).toBeLessThanOrEqual(RATIO * size * EPS[dtype] * normInf(fromNDArray(ax)));
      }),
      { numRuns: 150 },
    );
  });

  it('solve: the residual ‖A x − b‖ / (‖A‖ ‖x‖ n ε) stays below 30 (LAPACK backward error)', () => {
    fc.assert(
      fc.property(sizes.chain((n) => fc.tuple(fc.constant(n), matrix(n, n), matrix(n, 2), dtypes)), ([n, a, b, dtype]) => {
        const ax = toNDArray(a, dtype);
        const bx = toNDArray(b, dtype);
        let x: NDArray;
        try {
          x = solve(ax, bx, { assumeA: 'gen' });
        } catch (error) {
          // an exactly singular random matrix is possible in float32; that is the one allowed failure
          expect((error as Error).name).toBe('LinAlgError');
          return;
        }
        const xm = fromNDArray(x);
        const residual = normInf(minus(multiply(fromNDArray(ax), xm), fromNDArray(bx)));
        expect(residual).toBeLessThanOrEqual(RATIO * n * EPS[dtype] * normInf(fromNDArray(ax)) * normInf(xm) + Number.MIN_VALUE);
      }),
      { numRuns: 150 },
    );
  });

  it('solveTriangular: residual bound for every trans / lower / unitDiagonal', () => {
    const opts = fc.record({ lower: fc.boolean(), trans: fc.constantFrom<0 | 1 | 2>(0, 1, 2), unitDiagonal: fc.boolean() });
    fc.assert(
      fc.property(sizes.chain((n) => fc.tuple(fc.constant(n), matrix(n, n, 2), matrix(n, 3), dtypes, opts)), ([n, a, b, dtype, o]) => {
        const ax = toNDArray(a, dtype);
        const bx = toNDArray(b, dtype);
        const x = solveTriangular(ax, bx, o);
        // the matrix the solver reads: one triangle, maybe a unit diagonal, maybe (conjugate) transposed
        const t = fromNDArray(ax);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const p = 2 * (i * n + j);
            if (o.lower ? j > i : j < i) t.values[p] = t.values[p + 1] = 0;
            if (i === j && o.unitDiagonal) [t.values[p], t.values[p + 1]] = [1, 0];
          }
        }
        const op = o.trans === 0 ? t : transpose(t, o.trans === 2 && COMPLEX.has(dtype));
        const xm = fromNDArray(x);
        const residual = normInf(minus(multiply(op, xm), fromNDArray(bx)));
        expect(residual).toBeLessThanOrEqual(RATIO * n * EPS[dtype] * normInf(op) * normInf(xm));
      }),
      { numRuns: 150 },
    );
  });

  it('inv: inv(A) A = I for well-conditioned (diagonally dominant) A', () => {
    fc.assert(
      fc.property(sizes.chain((n) => fc.tuple(fc.constant(n), matrix(n, n, 2 * n + 2), dtypes)), ([n, a, dtype]) => {
        const ax = toNDArray(a, dtype);
        const product = multiply(fromNDArray(inv(ax)), fromNDArray(ax));
        for (let i = 0; i < n; i++) product.values[2 * (i * n + i)] -= 1;
        // κ∞(A) ≤ 3 for these matrices
        expect(normInf(product)).toBeLessThanOrEqual(RATIO * n * EPS[dtype] * 3);
      }),
      { numRuns: 100 },
    );
  });

  it('det(AB) = det(A) det(B) for well-conditioned A, B', () => {
    fc.assert(
      fc.property(sizes.chain((n) => fc.tuple(fc.constant(n), matrix(n, n, 2), matrix(n, n, 2))), ([n, a, b]) => {
        const ax = toNDArray(a, 'complex128');
        const bx = toNDArray(b, 'complex128');
        const ab = toNDArray(multiply(a, b), 'complex128');
        const [dab, da, db] = [det(ab), det(ax), det(bx)].map((d) => d.get() as [number, number]);
        const product = [da[0] * db[0] - da[1] * db[1], da[0] * db[1] + da[1] * db[0]];
        const scale = Math.hypot(product[0], product[1]);
        expect(Math.hypot(dab[0] - product[0], dab[1] - product[1])).toBeLessThanOrEqual(RATIO * n * 2 ** -52 * 10 * scale);
      }),
      { numRuns: 100 },
    );
  });

  it('cholesky: L Lᴴ = A and Uᴴ U = A for Hermitian positive definite A', () => {
    fc.assert(
      fc.property(sizes.chain((n) => fc.tuple(fc.constant(n), matrix(n, n), dtypes, fc.boolean())), ([n, g, dtype, lower]) => {
        const complex = COMPLEX.has(dtype);
        const real = complex ? g : { ...g, values: g.values.map((v, i) => (i % 2 === 0 ? v : 0)) };
        const spd = multiply(real, real, true);
        for (let i = 0; i < n; i++) spd.values[2 * (i * n + i)] += n;
        const ax = toNDArray(spd, dtype);
        const c = fromNDArray(cholesky(ax, { lower }));
        const reconstructed = lower ? multiply(c, transpose(c, true)) : multiply(c, c, true);
        expect(normInf(minus(reconstructed, fromNDArray(ax)))).toBeLessThanOrEqual(RATIO * n * EPS[dtype] * normInf(fromNDArray(ax)));
      }),
      { numRuns: 100 },
    );
  });

  it('qr: Q R = A[:, P], QᴴQ = I and R upper triangular, in every mode, with and without pivoting', () => {
    const modes = fc.constantFrom<'full' | 'economic'>('full', 'economic');
    const cases = fc.tuple(sizes, sizes).chain(([m, n]) => fc.tuple(matrix(m, n), dtypes, modes, fc.boolean()));
    fc.assert(
      fc.property(cases, ([a, dtype, mode, pivoting]) => {
        const ax = toNDArray(a, dtype);
        const [qx, rx, px] = qr(ax, { mode, pivoting });
        const q = fromNDArray(qx);
        const r = fromNDArray(rx);
        const k = Math.min(a.m, a.n);
        expect([q.m, q.n, r.m, r.n]).toEqual([a.m, mode === 'full' ? a.m : k, mode === 'full' ? a.m : k, a.n]);
        for (let i = 0; i < r.m; i++) for (let j = 0; j < Math.min(i, r.n); j++) expect(r.values[2 * (i * r.n + j)]).toBe(0);
        // A with its columns in P's order
        const order = pivoting ? Array.from(px.toTypedArray() as Int32Array) : [...Array(a.n).keys()];
        expect([...order].sort((x, y) => x - y)).toEqual([...Array(a.n).keys()]);
        const original = fromNDArray(ax);
        const permuted = { ...original, values: new Float64Array(original.values.length) };
        for (let i = 0; i < a.m; i++) {
          for (let j = 0; j < a.n; j++) {
            permuted.values[2 * (i * a.n + j)] = original.values[2 * (i * a.n + order[j])];
            permuted.values[2 * (i * a.n + j) + 1] = original.values[2 * (i * a.n + order[j]) + 1];
          }
        }
        const size = Math.max(a.m, a.n);
        expect(normInf(minus(multiply(q, r), permuted))).toBeLessThanOrEqual(RATIO * size * EPS[dtype] * Math.max(normInf(original), 1e-300));
        const gram = multiply(q, q, true);
        for (let i = 0; i < q.n; i++) gram.values[2 * (i * q.n + i)] -= 1;
        expect(normInf(gram)).toBeLessThanOrEqual(RATIO * size * EPS[dtype]);
        // with pivoting R's diagonal does not increase in magnitude (geqp3's choice of columns)
        if (pivoting) {
          for (let i = 1; i < k; i++) {
            const d = (t: number) => Math.hypot(r.values[2 * (t * r.n + t)], r.values[2 * (t * r.n + t) + 1]);
            expect(d(i)).toBeLessThanOrEqual(d(i - 1) * (1 + RATIO * size * EPS[dtype]));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('svd: U diag(s) Vᴴ = A, UᴴU = I, VᴴV = I and s descending, non-negative, full or thin', () => {
    const cases = fc.tuple(sizes, sizes).chain(([m, n]) => fc.tuple(matrix(m, n), dtypes, fc.boolean()));
    fc.assert(
      fc.property(cases, ([a, dtype, fullMatrices]) => {
        const ax = toNDArray(a, dtype);
        const [ux, sx, vhx] = svd(ax, { fullMatrices });
        const u = fromNDArray(ux);
        const vh = fromNDArray(vhx);
        const s = Array.from(sx.toTypedArray() as Float64Array);
        const k = Math.min(a.m, a.n);
        expect([u.m, u.n, s.length, vh.m, vh.n]).toEqual([a.m, fullMatrices ? a.m : k, k, fullMatrices ? a.n : k, a.n]);
        for (let i = 0; i < k; i++) expect(s[i]).toBeGreaterThanOrEqual(i + 1 < k ? s[i + 1] : 0);
        const size = Math.max(a.m, a.n);
        // U diag(s) Vᴴ over the first k columns / rows
        const us = { m: a.m, n: k, values: new Float64Array(2 * a.m * k) };
        for (let i = 0; i < a.m; i++) {
          for (let j = 0; j < k; j++) {
            us.values[2 * (i * k + j)] = u.values[2 * (i * u.n + j)] * s[j];
            us.values[2 * (i * k + j) + 1] = u.values[2 * (i * u.n + j) + 1] * s[j];
          }
        }
        const vk = { m: k, n: a.n, values: vh.values.slice(0, 2 * k * a.n) };
        const original = fromNDArray(ax);
        expect(normInf(minus(multiply(us, vk), original))).toBeLessThanOrEqual(RATIO * size * EPS[dtype] * Math.max(normInf(original), 1e-300));
        const identityError = (x: Matrix) => {
          const g = multiply(x, x, true);
          for (let i = 0; i < x.n; i++) g.values[2 * (i * x.n + i)] -= 1;
          return normInf(g);
        };
        expect(identityError(u)).toBeLessThanOrEqual(RATIO * size * EPS[dtype]);
        expect(identityError(transpose(vh, true))).toBeLessThanOrEqual(RATIO * size * EPS[dtype]);
      }),
      { numRuns: 150 },
    );
  });

  it('svdvals: the singular values of Q₁ diag(d) Q₂ (Q orthogonal, from qr) are |d| in descending order', () => {
    const cases = sizes.chain((n) => fc.tuple(fc.constant(n), matrix(n, n), matrix(n, n), fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }), dtypes));
    fc.assert(
      fc.property(cases, ([n, g1, g2, d, dtype]) => {
        // unitary factors for complex dtypes, real orthogonal ones (of the real parts) for real dtypes
        const exact = COMPLEX.has(dtype) ? 'complex128' : 'float64';
        const [q1] = qr(toNDArray(g1, exact)) as NDArray[];
        const [q2] = qr(toNDArray(g2, exact)) as NDArray[];
        const diag = { m: n, n, values: new Float64Array(2 * n * n) };
        for (let i = 0; i < n; i++) diag.values[2 * (i * n + i)] = d[i] / 100;
        const source = multiply(multiply(fromNDArray(q1), diag), fromNDArray(q2));
        const s = Array.from(svdvals(toNDArray(source, dtype)).toTypedArray() as Float64Array);
        const expected = d.map((x) => Math.abs(x) / 100).sort((x, y) => y - x);
        for (let i = 0; i < n; i++) expect(Math.abs(s[i] - expected[i])).toBeLessThanOrEqual(RATIO * n * EPS[dtype] * Math.max(expected[0], 1e-300));
      }),
      { numRuns: 100 },
    );
  });
});

function transpose(a: Matrix, conjugate: boolean): Matrix {
  const values = new Float64Array(a.values.length);
  for (let i = 0; i < a.m; i++) {
    for (let j = 0; j < a.n; j++) {
      values[2 * (j * a.m + i)] = a.values[2 * (i * a.n + j)];
      values[2 * (j * a.m + i) + 1] = (conjugate ? -1 : 1) * a.values[2 * (i * a.n + j) + 1];
    }
  }
  return { m: a.n, n: a.m, values };
}

