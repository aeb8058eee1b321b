import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loggamma, poch } from '../src/fftlog/loggamma.js';

interface Fixture {
  z: { data: (number | string)[] };
  loggamma: { data: (number | string)[] };
  poch: [number, number, number | string][];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/loggamma.json', import.meta.url), 'utf8')) as Fixture;
const num = (v: number | string): number => (typeof v === 'number' ? v : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : Number.NaN);

describe('complex loggamma (principal branch) against scipy.special.loggamma', () => {
  it('matches SciPy to a few ulps of the largest term, on the same branch', () => {
    const z = fixture.z.data.map(num);
    const expected = fixture.loggamma.data.map(num);
    const failures: string[] = [];
    for (let k = 0; k < z.length; k += 2) {
      const [re, im] = loggamma(z[k], z[k + 1]);
      const er = expected[k];
      const ei = expected[k + 1];
      // absolute error relative to the size of the value (log-gamma is computed as a sum of terms of that size)
      const scale = Math.max(1, Math.hypot(er, ei), Math.abs(z[k + 1]));
      const err = Math.hypot(re - er, im - ei);
      if (!(err <= 1e-14 * scale)) failures.push(`loggamma(${z[k]}+${z[k + 1]}i) = ${re}+${im}i, SciPy ${er}+${ei}i`);
    }
    expect(failures).toEqual([]);
  });

  it('is NaN at the poles and for NaN input', () => {
    expect(loggamma(0, 0).every(Number.isNaN)).toBe(true);
    expect(loggamma(-3, 0).every(Number.isNaN)).toBe(true);
    expect(loggamma(Number.NaN, 1).every(Number.isNaN)).toBe(true);
  });

  it('satisfies the recurrence loggamma(z + 1) = loggamma(z) + log(z) on the principal branch', () => {
    for (const [re, im] of [
      [0.3, 2],
      [-2.7, 0.4],
      [5.5, -6.5],
      [-8.2, 9],
      [0.05, -0.01],
    ]) {
      const [ar, ai] = loggamma(re + 1, im);
      const [br, bi] = loggamma(re, im);
      const lr = Math.log(Math.hypot(re, im));
      const li = Math.atan2(im, re);
      expect(Math.abs(ar - (br + lr))).toBeLessThan(1e-12);
      expect(Math.abs(ai - (bi + li))).toBeLessThan(1e-12);
    }
  });
});

describe('poch (Pochhammer symbol) against scipy.special.poch', () => {
  it('matches SciPy, including the limits at the poles', () => {
    for (const [x, m, expected] of fixture.poch) {
      const e = num(expected);
      const got = poch(x, m);
      if (Number.isFinite(e)) expect(got, `poch(${x}, ${m})`).toBeCloseTo(e, 13);
      else expect(got, `poch(${x}, ${m})`).toBe(e);
    }
  });
});
