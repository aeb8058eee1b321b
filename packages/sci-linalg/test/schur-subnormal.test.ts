/**
 * schur, eig and eigvals on matrices mixing normal, subnormal and zero entries (and such
 * matrices scaled by 1e-300): the QR iteration converges and the Schur invariants hold.
 * The counterexamples below once failed with "Schur form not found" (NaN from an unscaled
 * Householder reflector, a complex square root or zlahqr's temp/|temp|, or linear
 * convergence without gees's permutation).
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigvals, schur } from '../src/index.js';
import { EPS, isStandardRealSchur, matrixOf, multiply, norm1, subtract, transposeConj, unitaryRatio, zeroBelow } from '../../conformance/src/suites/linalg-eigen-matrix.js';

const RATIO = 30;
const SAFMIN = 2 ** -1022;

/**
 * ‖A − Z T Zᴴ‖₁ / max(‖A‖₁, safmin) / (n ε): LAPACK's zhst01 measure, whose floor on ‖A‖
 * allows for the absolute rounding of subnormal arithmetic.
 */
function residualRatio(a: NDArray, z: NDArray, t: NDArray): number {
  const A = matrixOf(a);
  const Z = matrixOf(z);
  const residual = norm1(subtract(A, multiply(multiply(Z, matrixOf(t)), transposeConj(Z))));
  return residual / Math.max(norm1(A), SAFMIN) / (Math.max(1, A.rows) * EPS.float64);
}

/** schur (both outputs) and eigvals converge; T is in Schur form, everything finite. */
function checkConverges(a: NDArray): void {
  const complexInput = a.dtype === 'complex128';
  for (const output of ['real', 'complex'] as const) {
    const [t, z] = schur(a, { output });
    const T = matrixOf(t);
    expect(complexInput || output === 'complex' ? zeroBelow(T, 0) : isStandardRealSchur(T)).toBe(true);
    for (const x of [t, z]) expect((x.toTypedArray() as Float64Array).every(Number.isFinite)).toBe(true);
  }
  expect((eigvals(a).toTypedArray() as Float64Array).every(Number.isFinite)).toBe(true);
}

/** As checkConverges, and A = Z T Zᴴ with unitary Z to LAPACK's test ratio. */
function checkSchur(a: NDArray): void {
  checkConverges(a);
  for (const output of ['real', 'complex'] as const) {
    const [t, z] = schur(a, { output });
    expect(residualRatio(a, z, t)).toBeLessThan(RATIO);
    expect(unitaryRatio(matrixOf(z), EPS.float64)).toBeLessThan(RATIO);
  }
}

describe('schur on subnormal entries (regressions)', () => {
  it('a complex matrix whose QR step hit a subnormal reflector and square root', () => {
    const data = new Float64Array(50);
    data[9] = 5e-324;
    data[40] = 5.010420900022433e-292;
    checkSchur(new NDArray(data, [5, 5], 'complex128'));
  });
  it('a complex matrix whose first reflector had τ = 1 to rounding', () => {
    const data = Float64Array.from([0, 0, 0, 0, 0, -3.0062525400134596e-292, 0, 0, 0, 0, -9.451790065368496e-151, 1.3817869688151114e-76, 3.417450222229844e-292, -1e-310, 0, 0, 0, 0]);
    checkSchur(new NDArray(data, [3, 3], 'complex128'));
  });
  it('a real matrix with a zero row (linear convergence without permutation)', () => {
    const data = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 4.615134475391615, 2.6834989330994917e-143, -1.1964756317122093e-91, 0, 0, -5e-324, 0, -5e-324, 0]);
    checkSchur(new NDArray(data, [4, 4], 'float64'));
  });
});

// normal entries of moderate size (SciPy, too, fails on some matrices whose normal entries
// span hundreds of orders of magnitude), subnormal ones and zeros
const normal = fc.double({ min: 1e-3, max: 10, noNaN: true }).chain((x) => fc.constantFrom(x, -x));
const entry = fc.oneof(normal, fc.constantFrom(0, 1e-310, -1e-310, 5e-324, -5e-324, 2.2e-308, 1e-320));

/** Random n×n matrices (n 1–10) of such entries, times `scale`. */
function matrices(complex: boolean, scale: number): fc.Arbitrary<NDArray> {
  return fc.integer({ min: 1, max: 10 }).chain((n) => {
    const size = n * n * (complex ? 2 : 1);
    return fc
      .array(entry, { minLength: size, maxLength: size })
      .map((values) => new NDArray(Float64Array.from(values, (v) => v * scale), [n, n], complex ? 'complex128' : 'float64'));
  });
}

describe('schur on subnormal entries (properties)', () => {
  for (const scale of [1, 1e-300]) {
    it(`converges with the Schur invariants (real, ×${scale})`, () => {
      fc.assert(fc.property(matrices(false, scale), checkSchur), { numRuns: 300 });
    });
  }
  // complex input: convergence and form only. LAPACK's zlahqr itself (SciPy 1.17) loses
  // unitarity on some of these, e.g. [[0.022 + 2.01i, 1e-310i], [0.001, 0]]
  // (‖ZᴴZ − I‖ ≈ 4·10⁸ ε), and so does this port
  for (const scale of [1, 1e-300]) {
    it(`converges (complex, ×${scale})`, () => {
      fc.assert(fc.property(matrices(true, scale), checkConverges), { numRuns: 300 });
    });
  }
});
