/**
 * The symmetric tridiagonal eigensolvers: divide and conquer (vectors) and root-free QL
 * (values) against the implicit QL algorithm, with LAPACK's residual and orthogonality
 * bounds, on random, clustered, repeated, graded and badly scaled matrices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eighTridiagonal, eigvalshTridiagonal } from '../src/index.js';
import { tridiagonalDivideConquer } from '../src/kernels/tridiagonal-divide-conquer.js';
import { tridiagonalQL } from '../src/kernels/tridiagonal-ql.js';
import { tridiagonalEigenvalues } from '../src/kernels/tridiagonal-root-free-ql.js';

const EPS = 2 ** -52;
const RATIO = 30;

interface Tridiagonal {
  d: number[];
  e: number[];
}

/** ‖T‖₁ of the tridiagonal matrix. */
function norm1({ d, e }: Tridiagonal): number {
  let m = 0;
  for (let i = 0; i < d.length; i++) m = Math.max(m, Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < e.length ? Math.abs(e[i]) : 0));
  return m;
}

/** max ‖T z_j − λ_j z_j‖ / (n ε ‖T‖) and max |ZᵀZ − I| / (n ε): LAPACK's test ratios. */
function ratios(t: Tridiagonal, w: Float64Array, z: Float64Array): [number, number] {
  const n = t.d.length;
  const scale = n * EPS * Math.max(norm1(t), Number.MIN_VALUE);
  let residual = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let s = t.d[i] * z[i * n + j] - w[j] * z[i * n + j];
      if (i > 0) s += t.e[i - 1] * z[(i - 1) * n + j];
      if (i < n - 1) s += t.e[i] * z[(i + 1) * n + j];
      residual = Math.max(residual, Math.abs(s));
    }
  }
  let orthogonality = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let s = a === b ? -1 : 0;
      for (let i = 0; i < n; i++) s += z[i * n + a] * z[i * n + b];
      orthogonality = Math.max(orthogonality, Math.abs(s));
    }
  }
  return [residual / scale, orthogonality / (n * EPS)];
}

function qlValues(t: Tridiagonal): Float64Array {
  const n = t.d.length;
  const d = Float64Array.from(t.d);
  const e = new Float64Array(n);
  e.set(t.e);
  expect(tridiagonalQL(d, e, n, null, 0, 1)).toBe(0);
  return d;
}

/** `reference`: the exact eigenvalues' approximations to compare with (QL's by default). */
function check(t: Tridiagonal, reference = qlValues(t)): void {
  const n = t.d.length;
  const scale = n * EPS * Math.max(norm1(t), Number.MIN_VALUE);
  const d = Float64Array.from(t.d);
  const z = tridiagonalDivideConquer(d, Float64Array.from(t.e), n);
  expect(z).not.toBeNull();
  for (let i = 1; i < n; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]);
  for (let i = 0; i < n; i++) expect(Math.abs(d[i] - reference[i])).toBeLessThanOrEqual(RATIO * scale);
  const [residual, orthogonality] = ratios(t, d, z as Float64Array);
  expect(residual).toBeLessThan(RATIO);
  expect(orthogonality).toBeLessThan(RATIO);
  const values = Float64Array.from(t.d);
  expect(tridiagonalEigenvalues(values, Float64Array.from(t.e), n)).toBe(0);
  for (let i = 0; i < n; i++) expect(Math.abs(values[i] - reference[i])).toBeLessThanOrEqual(RATIO * scale);
}

function random(n: number, seed: number): Tridiagonal {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return { d: Array.from({ length: n }, next), e: Array.from({ length: n - 1 }, next) };
}

describe('tridiagonal eigensolvers', () => {
  it('agree with QL on random matrices, with small residuals (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.integer(), (n, seed) => check(random(n, seed))),
      { numRuns: 40 },
    );
  });

  it('handle repeated and clustered eigenvalues', () => {
    const n = 100;
    // Wilkinson's W⁺: pairs of nearly equal eigenvalues
    check({ d: Array.from({ length: n }, (_, i) => Math.abs((n - 1) / 2 - i)), e: Array(n - 1).fill(1) });
    // decoupled copies of one block: every eigenvalue repeated exactly
    const block = random(10, 7);
    check({ d: Array.from({ length: n }, (_, i) => block.d[i % 10]), e: Array.from({ length: n - 1 }, (_, i) => (i % 10 === 9 ? 0 : block.e[i % 10])) });
    // glued copies: clusters of width ~1e-10
    check({ d: Array.from({ length: n }, (_, i) => block.d[i % 10]), e: Array.from({ length: n - 1 }, (_, i) => (i % 10 === 9 ? 1e-10 : block.e[i % 10])) });
    // a constant diagonal and a tiny coupling: one tight cluster
    check({ d: Array(n).fill(2), e: Array(n - 1).fill(1e-13) });
    // the identity
    check({ d: Array(n).fill(1), e: Array(n - 1).fill(0) });
  });

  it('handle graded and badly scaled matrices', () => {
    const n = 80;
    const t = random(n, 11);
    for (const grading of [1e-1, 10]) {
      const g = (i: number) => grading ** (i / 8);
      check({ d: t.d.map((x, i) => x * g(i) * g(i)), e: t.e.map((x, i) => x * g(i) * g(i + 1)) });
    }
    // against the unscaled matrix's eigenvalues, scaled
    const unscaled = qlValues(t);
    for (const scale of [1e-300, 1e-150, 1e150, 1e300]) check({ d: t.d.map((x) => x * scale), e: t.e.map((x) => x * scale) }, unscaled.map((x) => x * scale));
  });

  it('serve eighTridiagonal and eigvalshTridiagonal past the small orders, with selections', () => {
    const t = random(120, 21);
    const [w, v] = eighTridiagonal(t.d, t.e);
    const values = Float64Array.from(w.toArray() as number[]);
    const vectors = Float64Array.from((v.toArray() as number[][]).flat());
    const [residual, orthogonality] = ratios(t, values, vectors);
    expect(residual).toBeLessThan(RATIO);
    expect(orthogonality).toBeLessThan(RATIO);
    const reference = qlValues(t);
    const scale = 120 * EPS * norm1(t);
    const only = eigvalshTridiagonal(t.d, t.e).toArray() as number[];
    for (let i = 0; i < 120; i++) {
      expect(Math.abs(values[i] - reference[i])).toBeLessThanOrEqual(RATIO * scale);
      expect(Math.abs(only[i] - reference[i])).toBeLessThanOrEqual(RATIO * scale);
    }
    const [wi, vi] = eighTridiagonal(t.d, t.e, { select: 'i', selectRange: [10, 19] });
    expect(wi.toArray()).toEqual(Array.from(values.subarray(10, 20)));
    expect(vi.shape).toEqual([120, 10]);
    expect((vi.toArray() as number[][])[7]).toEqual(Array.from({ length: 10 }, (_, k) => vectors[7 * 120 + 10 + k]));
  });
});
