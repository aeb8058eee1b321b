/**
 * qz and ordqz: A = Q AA Zᵀ, B = Q BB Zᵀ with orthogonal (unitary) Q and Z, the forms SciPy
 * returns, and ordqz's selected eigenvalues leading (fast-check over random pencils).
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ordqz, qz } from '../src/index.js';
import { EPS, matrixOf, similarityRatio, unitaryRatio, valuesOf, zeroBelow } from '../../conformance/src/suites/linalg-eigen-matrix.js';

const RATIO = 30;

function randomMatrix(n: number, seed: number): NDArray {
  let state = seed >>> 0 || 1;
  return new NDArray(
    Float64Array.from({ length: n * n }, () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32 - 0.5;
    }),
    [n, n],
    'float64',
  );
}

function quasiTriangular(x: NDArray): boolean {
  const m = matrixOf(x);
  const n = m.rows;
  if (!zeroBelow(m, 1)) return false;
  for (let i = 2; i < n; i++) if (m.re[i * n + i - 1] !== 0 && m.re[(i - 1) * n + i - 2] !== 0) return false;
  return true;
}

describe('qz and ordqz', () => {
  it('give a real generalized Schur form of a real pencil, and reorder it (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer(), fc.constantFrom('lhp', 'rhp', 'iuc', 'ouc'), (n, seed, sort) => {
        const a = randomMatrix(n, seed);
        const b = randomMatrix(n, seed + 1);
        for (const [aa, bb, q, z] of [qz(a, b), ordqz(a, b, { sort: sort as 'lhp' }).filter((_, k) => k !== 2 && k !== 3)]) {
          expect(quasiTriangular(aa)).toBe(true);
          expect(zeroBelow(matrixOf(bb), 0)).toBe(true);
          expect(similarityRatio(matrixOf(a), matrixOf(q), matrixOf(aa), EPS.float64, matrixOf(z))).toBeLessThan(RATIO);
          expect(similarityRatio(matrixOf(b), matrixOf(q), matrixOf(bb), EPS.float64, matrixOf(z))).toBeLessThan(RATIO);
          expect(unitaryRatio(matrixOf(q), EPS.float64)).toBeLessThan(RATIO);
          expect(unitaryRatio(matrixOf(z), EPS.float64)).toBeLessThan(RATIO);
        }
        // the selected eigenvalues lead: once an unselected one appears, no selected one follows
        const [, , alpha, beta] = ordqz(a, b, { sort: sort as 'lhp' });
        const w = valuesOf(alpha).map(([re, im], i) => {
          const d = valuesOf(beta)[i][0];
          return [re / d, im / d];
        });
        const rule = { lhp: (re: number) => re < 0, rhp: (re: number) => re > 0, iuc: (re: number, im: number) => Math.hypot(re, im) < 1, ouc: (re: number, im: number) => Math.hypot(re, im) > 1 }[sort as 'lhp'];
        const picked = w.map(([re, im]) => rule(re, im));
        const firstUnpicked = picked.indexOf(false);
        expect(firstUnpicked < 0 || picked.slice(firstUnpicked).every((x) => !x)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('give the complex form with output complex', () => {
    const a = randomMatrix(5, 3);
    const b = randomMatrix(5, 4);
    const [aa, bb, q, z] = qz(a, b, { output: 'complex' });
    expect(aa.dtype).toBe('complex128');
    expect(zeroBelow(matrixOf(aa), 0) && zeroBelow(matrixOf(bb), 0)).toBe(true);
    expect(similarityRatio(matrixOf(a), matrixOf(q), matrixOf(aa), EPS.float64, matrixOf(z))).toBeLessThan(RATIO);
  });
});
