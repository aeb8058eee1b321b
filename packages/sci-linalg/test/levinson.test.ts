/**
 * Levinson's recursion: the real-only path does the complex path's arithmetic without the
 * zero imaginary parts, so on real data the two give the same bits; and both solve T x = b.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levinson } from '../src/kernels/levinson.js';

/** Diagonals d = −(n − 1)…n − 1 of a diagonally dominant Toeplitz matrix (every leading minor nonsingular). */
const system = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 * n - 1, maxLength: 2 * n - 1 }),
    fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n }),
  ),
);

describe('levinson', () => {
  it('gives the same bits on real data as the complex path with zero imaginary parts', () => {
    fc.assert(
      fc.property(system, ([n, diag, rhs]) => {
        diag[n - 1] = 2 * n; // the main diagonal dominates
        const complexDiagonals = new Float64Array(2 * diag.length);
        diag.forEach((v, i) => {
          complexDiagonals[2 * i] = v;
        });
        const k = 2;
        const real = Float64Array.from(rhs);
        const complex = new Float64Array(2 * rhs.length);
        rhs.forEach((v, i) => {
          complex[2 * i] = v;
        });
        expect(levinson(n, k, 1, complexDiagonals, real)).toBe(0);
        expect(levinson(n, k, 2, complexDiagonals, complex)).toBe(0);
        expect(Array.from(real)).toEqual(Array.from(complex.filter((_, i) => i % 2 === 0)));
        // and it solves the system: T x ≈ b
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < k; c++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += diag[i - j + n - 1] * real[j * k + c];
            expect(Math.abs(s - rhs[i * k + c])).toBeLessThan(1e-12 * (1 + Math.abs(rhs[i * k + c])));
          }
        }
      }),
    );
  });

  it('reports the first singular leading minor', () => {
    // T = [[0, 1], [1, 0]]: the 1×1 leading block is singular
    expect(levinson(2, 1, 1, Float64Array.from([1, 0, 0, 0, 1, 0]), Float64Array.from([1, 1]))).toBe(1);
  });
});
