import { describe, expect, it } from 'vitest';
import { expCorrect } from '../src/exp.js';

/** [x, exp(x) correctly rounded], computed with mpmath at 300 bits. */
const CORRECTLY_ROUNDED: [number, number][] = [
  [-18.752863998140008, 7.173558523445788e-09],
  [-26.916414029087264, 2.043383652183099e-12],
  [-23.270570707355805, 7.829239004642819e-11],
  [-6.756215699717756, 0.0011636243562943064],
  [-9.004988547336763, 0.0001227957014507327],
  [-26.206603361887858, 4.1554376514693504e-12],
  [-0.15795913696724173, 0.8538846735729765],
  [-24.63685255148299, 1.9968750256952916e-11],
  [-23.912082862561387, 4.1220605027678085e-11],
  [-14.038048585311623, 8.004845658668057e-07],
  [-9.090972804579406, 0.00011267840112458982],
  [-8.3527683630232, 0.00023574299206469626],
  [-8.680555555555555, 0.00016985667656141068],
  [-1.3888888888888888, 0.24935220877729622],
  [1e-10, 1.0000000001],
  [-700.0, 9.85967654375977e-305],
  [3.5, 33.11545195869231],
];

describe('expCorrect', () => {
  it('returns the correctly rounded exp, where Math.exp may be one ulp off', () => {
    for (const [x, e] of CORRECTLY_ROUNDED) expect(expCorrect(x), String(x)).toBe(e);
  });

  it('keeps the special values', () => {
    expect(expCorrect(0)).toBe(1);
    expect(expCorrect(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(expCorrect(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(expCorrect(Number.NaN)).toBeNaN();
  });
});
