/**
 * Residuals of the matrix equations on random input (fast-check): Bartels–Stewart's solution
 * has a small residual, ‖A X + X B − Q‖ ≤ c·n·ε·(‖A‖ + ‖B‖)·‖X‖ (Higham, Accuracy and
 * Stability of Numerical Algorithms, §16.1), with c = 30 as LAPACK's tests take it; the same
 * for the Lyapunov equations. Also dtypes, batches and bad input.
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveContinuousAre, solveContinuousLyapunov, solveDiscreteAre, solveDiscreteLyapunov, solveSylvester } from '../src/index.js';

const EPS = 2 ** -52;
type M = number[][];

const mul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
const add = (a: M, b: M, c = 1): M => a.map((row, i) => row.map((x, j) => x + c * b[i][j]));
const tr = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const norm1 = (a: M): number => Math.max(0, ...a[0].map((_, j) => a.reduce((s, row) => s + Math.abs(row[j]), 0)));
const rows = (x: NDArray): M => x.toArray() as M;

function matrix(n: number, m: number, values: readonly number[], shift = 0): M {
  return Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => values[i * m + j] + (i === j ? shift : 0)));
}

// multiples of 1/1000: no subnormal entries (whose products underflow and make a zero residual bound)
const values = fc.array(fc.integer({ min: -1000, max: 1000 }).map((v) => v / 1000), { minLength: 64, maxLength: 64 });

describe('solveSylvester', () => {
  it('has a residual within 30·n·ε·(‖A‖ + ‖B‖)·‖X‖', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), values, values, values, (m, n, va, vb, vq) => {
        const a = matrix(m, m, va, m);
        const b = matrix(n, n, vb, 1);
        const q = matrix(m, n, vq);
        const x = rows(solveSylvester(a, b, q));
        const r = add(add(mul(a, x), mul(x, b)), q, -1);
        expect(norm1(r)).toBeLessThanOrEqual(30 * Math.max(m, n) * EPS * (norm1(a) + norm1(b)) * norm1(x));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps float32, broadcasts batches and checks shapes', () => {
    const f32 = (x: number[], shape: number[]) => new NDArray(new Float32Array(x), shape, 'float32');
    expect(solveSylvester(f32([2, 1, 0, 3], [2, 2]), f32([1], [1, 1]), f32([1, 2], [2, 1])).dtype).toBe('float32');
    expect(solveSylvester([[[2]], [[3]]], [[1]], [[1]]).toArray()).toEqual([[[1 / 3]], [[1 / 4]]]);
    expect(() => solveSylvester([[1, 2]], [[1]], [[1]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'a' }));
    expect(() => solveSylvester([[1]], [[1]], [[1, 2]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'q' }));
  });
});

describe('the Lyapunov equations', () => {
  it('continuous: a residual within 30·n·ε·2‖A‖·‖X‖', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), values, values, (n, va, vq) => {
        const a = matrix(n, n, va, -n);
        const q = matrix(n, n, vq);
        const x = rows(solveContinuousLyapunov(a, q));
        const r = add(add(mul(a, x), mul(x, tr(a))), q, -1);
        expect(norm1(r)).toBeLessThanOrEqual(30 * n * EPS * 2 * norm1(a) * norm1(x));
      }),
      { numRuns: 60 },
    );
  });

  it('discrete: both methods give A X Aᵀ − X + Q ≈ 0 and agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), values, values, (n, va, vq) => {
        // ‖A‖₁ ≤ 0.9: the spectral radius is below 1, so the solution is unique
        const raw = matrix(n, n, va);
        const a = raw.map((row) => row.map((v) => (0.9 * v) / Math.max(1e-300, norm1(raw))));
        const q = matrix(n, n, vq);
        for (const method of ['direct', 'bilinear'] as const) {
          const x = rows(solveDiscreteLyapunov(a, q, { method }));
          const r = add(add(mul(mul(a, x), tr(a)), x, -1), q);
          // n² unknowns for 'direct'; 'bilinear' multiplies by (A + I)⁻¹ twice, each of norm ≤ 1/(1 − 0.9) = 10: the factor 20
          expect(norm1(r)).toBeLessThanOrEqual(30 * n * n * EPS * (1 + norm1(a) ** 2) * norm1(x) * 20);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('discrete: float64 whatever the input precision, and an unknown method is an InvalidArgumentError', () => {
    const f32 = new NDArray(new Float32Array([0.5, 0, 0, 0.5]), [2, 2], 'float32');
    expect(solveDiscreteLyapunov(f32, f32).dtype).toBe('float64');
    expect(() => solveDiscreteLyapunov([[0.5]], [[1]], { method: 'foo' as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: 'method' }),
    );
    expect(() => solveDiscreteLyapunov([[1]], [[1]])).toThrow(expect.objectContaining({ name: 'LinAlgError' }));
  });
});

describe('the algebraic Riccati equations', () => {
  // a stabilizable, detectable system: (A, I) and Q = I + CCᵀ, R = I
  const system = fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      a: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n * n, maxLength: n * n }).map((v) => matrix(n, n, v.map((x) => x / 500))),
      c: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n * n, maxLength: n * n }).map((v) => matrix(n, n, v.map((x) => x / 1000))),
    }),
  );

  it('continuous: a Hermitian X with a small residual and a stable closed loop A − B R⁻¹ Bᵀ X', () => {
    fc.assert(
      fc.property(system, ({ n, a, c }) => {
        const eye = matrix(n, n, new Array(n * n).fill(0), 1);
        const q = add(eye, mul(c, tr(c)));
        const x = rows(solveContinuousAre(a, eye, q, eye));
        const res = add(add(add(mul(tr(a), x), mul(x, a)), mul(x, x), -1), q);
        expect(norm1(res)).toBeLessThanOrEqual(1e3 * n * EPS * (1 + norm1(a)) * norm1(x) * Math.max(1, norm1(x)));
        expect(norm1(add(x, tr(x), -1))).toBe(0);
        // stable closed loop: the Lyapunov equation (A − X)ᵀ P + P (A − X) = −I has a positive definite solution
        const closed = add(a, x, -1);
        const p = rows(solveContinuousLyapunov(tr(closed), matrix(n, n, new Array(n * n).fill(0), -1)));
        for (let i = 0; i < n; i++) expect(p[i][i]).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('discrete: X = Aᵀ X A − Aᵀ X B (R + Bᵀ X B)⁻¹ Bᵀ X A + Q to a small residual', () => {
    fc.assert(
      fc.property(system, ({ n, a, c }) => {
        const eye = matrix(n, n, new Array(n * n).fill(0), 1);
        const q = add(eye, mul(c, tr(c)));
        const x = rows(solveDiscreteAre(a, eye, q, eye));
        // with B = R = I: (R + X)⁻¹ by the package's own solver is avoided: check (I + X)·K = X A for K the gain
        const k = rows(solveSylvester(add(eye, x), matrix(n, n, new Array(n * n).fill(0)), mul(x, a)));
        const res = add(add(add(mul(mul(tr(a), x), a), x, -1), mul(mul(tr(a), x), k), -1), q);
        expect(norm1(res)).toBeLessThanOrEqual(1e3 * n * EPS * (1 + norm1(a)) ** 2 * norm1(x) * Math.max(1, norm1(x)));
      }),
      { numRuns: 40 },
    );
  });

  it('checks shapes and symmetry as SciPy does', () => {
    expect(() => solveContinuousAre([[1]], [[1]], [[1, 2], [3, 4]], [[1]])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'q' }));
    expect(() => solveContinuousAre([[1, 0], [0, 1]], [[1], [1]], [[1, 2], [0, 1]], [[1]])).toThrow(
      expect.objectContaining({ name: 'ShapeError', argument: 'q' }),
    );
    expect(() => solveDiscreteAre([[1]], [[1]], [[1]], [[1]], { balanced: 1 as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: 'balanced' }),
    );
    expect(solveContinuousAre([[0]], [[1]], [[1]], [[1]]).toArray()).toEqual([[1]]);
  });
});
