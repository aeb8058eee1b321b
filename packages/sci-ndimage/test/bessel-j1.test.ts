/**
 * J1, which fourierEllipsoid evaluates once per element in 2-D: the backward recurrence
 * (1 ≤ x < 30) against Bessel's integral J1(x) = (1/2π)∫ cos(τ − x sin τ) dτ, summed by the
 * trapezoidal rule, which is exact to rounding for this periodic analytic integrand with
 * enough points (Trefethen & Weideman 2014): two independent routes to the same value.
 * SciPy's own values reach it through the fourierEllipsoid fixtures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { besselJ1 } from '../src/bessel-j1.js';

function byIntegral(x: number): number {
  const m = Math.ceil(x) + 60;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const tau = (2 * Math.PI * j) / m;
    sum += Math.cos(tau - x * Math.sin(tau));
  }
  return sum / m;
}

describe('besselJ1', () => {
  it('agrees with Bessel’s integral to 2e-15 on [0, 40]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40, noNaN: true }), (x) => {
        expect(Math.abs(besselJ1(x) - byIntegral(x))).toBeLessThan(2e-15);
      }),
      { numRuns: 2000 },
    );
  });

  it('is odd, 0 at 0 and at infinity, NaN for NaN', () => {
    expect(besselJ1(-2.5)).toBe(-besselJ1(2.5));
    expect(besselJ1(0)).toBe(0);
    expect(besselJ1(Number.POSITIVE_INFINITY)).toBe(0);
    expect(besselJ1(Number.NaN)).toBeNaN();
  });
});
