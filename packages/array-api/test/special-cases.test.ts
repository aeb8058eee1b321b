/**
 * The standard's special cases (NaN, ±0, ±inf) checked one by one, beyond the NumPy
 * golden data, including those where we follow the standard/C99 and NumPy does not.
 */
import { describe, expect, it } from 'vitest';
import { asarray } from '../src/asarray.js';
import { hostNamespace as xp } from '../src/namespace.js';
import type { NDArray } from '../src/ndarray.js';

const f = (v: number) => asarray([v]);
const one = (x: NDArray) => (x.toArray() as unknown[])[0];
const z = (re: number, im: number) => asarray([{ re, im }]);

describe('real special cases', () => {
  it('pow: 1**NaN = 1, (−1)**±inf = 1, x**±0 = 1', () => {
    expect(one(xp.pow(f(1), Number.NaN))).toBe(1);
    expect(one(xp.pow(f(-1), Number.POSITIVE_INFINITY))).toBe(1);
    expect(one(xp.pow(f(Number.NaN), 0))).toBe(1);
    expect(one(xp.pow(f(-0), -1))).toBe(Number.NEGATIVE_INFINITY);
  });
  it('round is half-to-even and keeps the sign of zero', () => {
    expect(xp.round(asarray([0.5, 1.5, 2.5, -0.5, -2.5])).toArray()).toEqual([0, 2, 2, -0, -2]);
    expect(Object.is(one(xp.round(f(-0.4))), -0)).toBe(true);
  });
  it('sign, signbit and copysign see the sign of −0 and NaN', () => {
    expect(Object.is(one(xp.sign(f(-0))), 0) || Object.is(one(xp.sign(f(-0))), -0)).toBe(true);
    expect(Number.isNaN(one(xp.sign(f(Number.NaN))) as number)).toBe(true);
    expect(one(xp.signbit(f(-0)))).toBe(true);
    expect(Object.is(one(xp.copysign(f(3), -0)), -3)).toBe(true);
  });
  it('floorDivide and remainder with ±inf divisors follow the standard', () => {
    expect(Object.is(one(xp.floorDivide(f(-5), Number.POSITIVE_INFINITY)), -0)).toBe(true);
    expect(Object.is(one(xp.floorDivide(f(5), Number.POSITIVE_INFINITY)), 0)).toBe(true);
    expect(one(xp.remainder(f(5), Number.POSITIVE_INFINITY))).toBe(5);
    expect(one(xp.remainder(f(-5), Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(one(xp.remainder(f(5), 0)) as number)).toBe(true);
  });
  it('maximum/minimum propagate NaN from either side', () => {
    expect(Number.isNaN(one(xp.maximum(f(Number.NaN), 1)) as number)).toBe(true);
    expect(Number.isNaN(one(xp.minimum(f(1), Number.NaN)) as number)).toBe(true);
  });
  it('logaddexp handles infinities without NaN', () => {
    expect(one(xp.logaddexp(f(Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY))).toBe(Number.NEGATIVE_INFINITY);
    expect(one(xp.logaddexp(f(Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    expect(one(xp.logaddexp(f(1000), 1000))).toBeCloseTo(1000 + Math.LN2, 12);
  });
  it('nextafter steps one ulp in float64 and float32', () => {
    expect(one(xp.nextafter(f(1), 2))).toBe(1 + Number.EPSILON);
    expect(one(xp.nextafter(f(0), -1))).toBe(-Number.MIN_VALUE);
    const g = asarray([1], { dtype: 'float32' });
    expect(one(xp.nextafter(g, 2))).toBe(1 + 2 ** -23);
  });
  it('integer division by zero gives 0 (NumPy), shifts past the width give 0 or −1', () => {
    const i = asarray([7, -7], { dtype: 'int32' });
    expect(xp.floorDivide(i, 0).toArray()).toEqual([0, 0]);
    expect(xp.bitwiseLeftShift(i, 40).toArray()).toEqual([0, 0]);
    expect(xp.bitwiseRightShift(i, 40).toArray()).toEqual([0, -1]);
  });
});

describe('complex special cases (C99 Annex G)', () => {
  const parts = (x: NDArray) => (x.toArray() as [number, number][])[0];
  it('multiply recovers infinities that the naive formula turns into NaN', () => {
    const [re, im] = parts(xp.multiply(z(Number.POSITIVE_INFINITY, Number.NaN), z(2, 0)));
    expect(Math.abs(re) === Number.POSITIVE_INFINITY || Math.abs(im) === Number.POSITIVE_INFINITY).toBe(true);
  });
  it('division by zero gives an infinity; by infinity a zero', () => {
    const [re] = parts(xp.divide(z(1, 0), z(0, 0)));
    expect(re).toBe(Number.POSITIVE_INFINITY);
    const [r2, i2] = parts(xp.divide(z(1, 1), z(Number.POSITIVE_INFINITY, 0)));
    expect(r2).toBe(0);
    expect(Math.abs(i2)).toBe(0);
    expect(parts(xp.reciprocal(z(0, 0)))[0]).toBe(Number.POSITIVE_INFINITY);
  });
  it('sqrt: branch cut on the negative real axis follows the sign of the imaginary zero', () => {
    expect(parts(xp.sqrt(z(-4, 0)))).toEqual([0, 2]);
    expect(parts(xp.sqrt(z(-4, -0)))).toEqual([0, -2]);
    expect(parts(xp.sqrt(z(1, Number.POSITIVE_INFINITY)))).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(parts(xp.sqrt(z(Number.NEGATIVE_INFINITY, 1)))).toEqual([0, Number.POSITIVE_INFINITY]);
  });
  it('log: log(−0 + 0i) = −inf + πi, log(+0 + 0i) = −inf + 0i', () => {
    expect(parts(xp.log(z(-0, 0)))).toEqual([Number.NEGATIVE_INFINITY, Math.PI]);
    expect(parts(xp.log(z(0, 0)))).toEqual([Number.NEGATIVE_INFINITY, 0]);
  });
  it('exp: exp(−inf + i·y) = 0, exp(+inf + 0i) = +inf + 0i', () => {
    expect(parts(xp.exp(z(Number.NEGATIVE_INFINITY, 1)))).toEqual([0, 0]);
    expect(parts(xp.exp(z(Number.POSITIVE_INFINITY, 0)))).toEqual([Number.POSITIVE_INFINITY, 0]);
  });
  it('tanh stays finite for large real parts (Kahan)', () => {
    const [re, im] = parts(xp.tanh(z(400, 1)));
    expect(re).toBe(1);
    expect(Math.abs(im)).toBeLessThan(1e-300);
  });
  it('isnan/isinf/isfinite look at both parts', () => {
    const c = asarray([{ re: Number.NaN, im: 0 }, { re: 0, im: Number.POSITIVE_INFINITY }, { re: 1, im: 1 }]);
    expect(xp.isnan(c).toArray()).toEqual([true, false, false]);
    expect(xp.isinf(c).toArray()).toEqual([false, true, false]);
    expect(xp.isfinite(c).toArray()).toEqual([false, false, true]);
  });
});
