/**
 * JS scalars into an explicit integer dtype: NumPy 2 truncates fractions but refuses
 * values outside the dtype's range (OverflowError there, a typed error here). The
 * expected values come from NumPy 2.4 (np.asarray(..., dtype=...), np.full).
 */
import { DtypeError, InvalidArgumentError, OverflowError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { asarray } from '../src/asarray.js';
import { hostNamespace as xp } from '../src/namespace.js';

function expectRangeError(fn: () => unknown, argument: string, message: RegExp, kind: typeof InvalidArgumentError = OverflowError): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'throws').toBeInstanceOf(kind);
  expect((caught as InvalidArgumentError).argument).toBe(argument);
  expect((caught as Error).message).toMatch(message);
}

describe('integers out of range for an explicit integer dtype', () => {
  it('are refused instead of wrapping (np.asarray([300], dtype=np.uint8) raises OverflowError)', () => {
    expectRangeError(() => asarray([300], { dtype: 'uint8' }), 'values', /300 at values\[0\] is out of bounds for uint8/);
    expectRangeError(() => asarray([-1], { dtype: 'uint8' }), 'values', /-1 .*uint8/);
    expectRangeError(() => asarray([[1, 2], [3, 1e10]], { dtype: 'int32' }), 'values', /values\[1\]\[1\].*int32/);
    expectRangeError(() => asarray([300.5], { dtype: 'uint8' }), 'values', /uint8/);
    expectRangeError(() => asarray([2n ** 70n], { dtype: 'int64' }), 'values', /1180591620717411303424n .*int64/);
    expectRangeError(() => asarray([2n ** 64n], { dtype: 'uint64' }), 'values', /uint64/);
    expectRangeError(() => asarray([2n ** 40n], { dtype: 'int32' }), 'values', /int32/);
    expectRangeError(() => asarray([Number.POSITIVE_INFINITY], { dtype: 'int32' }), 'values', /Infinity/);
    // NumPy: ValueError for NaN (not OverflowError).
    expectRangeError(() => asarray([Number.NaN], { dtype: 'int16' }), 'values', /NaN/, InvalidArgumentError);
    expect(() => asarray([Number.NaN], { dtype: 'int16' })).not.toThrow(OverflowError);
    expectRangeError(() => asarray(128, { dtype: 'int8' }), 'values', /128 at values /);
    expectRangeError(() => xp.full([2], 300, { dtype: 'uint8' }), 'fillValue', /300.*uint8/);
    expectRangeError(() => xp.fullLike(xp.zeros([2], { dtype: 'int8' }), -129), 'fillValue', /int8/);
  });

  it('the edges of each range and fractions (truncated, as NumPy does) are stored', () => {
    expect(asarray([255, 0], { dtype: 'uint8' }).toArray()).toEqual([255, 0]);
    expect(asarray([-128, 127], { dtype: 'int8' }).toArray()).toEqual([-128, 127]);
    expect(asarray([2 ** 31 - 1, -(2 ** 31)], { dtype: 'int32' }).toArray()).toEqual([2147483647, -2147483648]);
    expect(asarray([2n ** 64n - 1n], { dtype: 'uint64' }).toArray()).toEqual([18446744073709551615n]);
    expect(asarray([-(2n ** 63n)], { dtype: 'int64' }).toArray()).toEqual([-9223372036854775808n]);
    // np.asarray([1.5], dtype=np.int32) → [1]; [-1.5] → [-1]; [True, 2] as int8 → [1, 2].
    expect(asarray([1.5], { dtype: 'int32' }).toArray()).toEqual([1]);
    expect(asarray([-1.5], { dtype: 'int32' }).toArray()).toEqual([-1]);
    expect(asarray([true, 2], { dtype: 'int8' }).toArray()).toEqual([1, 2]);
    expect(xp.full([1], 255, { dtype: 'uint8' }).toArray()).toEqual([255]);
  });

  it('complex input into an integer dtype stays a DtypeError', () => {
    expect(() => asarray([{ re: 1, im: 2 }], { dtype: 'int32' })).toThrow(DtypeError);
  });

  it('float and bool dtypes take any number, as before', () => {
    expect(asarray([300], { dtype: 'float32' }).toArray()).toEqual([300]);
    expect(asarray([1.5], { dtype: 'bool' }).toArray()).toEqual([true]);
  });
});
