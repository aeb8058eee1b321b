/**
 * JS scalars stored into an explicit integer dtype follow NumPy 2's rules for Python
 * scalars: a fractional value truncates toward zero (`np.asarray([1.5], dtype=np.int32)`
 * gives 1), but a value outside the dtype's range is an error (`np.asarray([300],
 * dtype=np.uint8)` raises OverflowError) instead of wrapping, and NaN has no integer.
 */
import { InvalidArgumentError, OverflowError } from '@sciport/dispatch-core';
import type { DType } from './dtypes.js';

/** [lowest, highest] of each integer dtype, as bigint (exact for 64-bit). */
const RANGES: Partial<Record<DType, readonly [bigint, bigint]>> = {
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** The same ranges as doubles: [lowest, highest + 1), exact because every bound is a power of two. */
const NUMBER_RANGES: Partial<Record<DType, readonly [number, number]>> = Object.fromEntries(
  Object.entries(RANGES).map(([d, [lo, hi]]) => [d, [Number(lo), Number(hi + 1n)]]),
);

/**
 * Checks that a JS scalar fits `dtype` (a no-op for bool, float and complex dtypes);
 * `where` says which element it is in the message ('values[3]').
 */
export function checkIntegerFits(value: number | bigint | boolean, dtype: DType, argument: string, where: string): void {
  const range = RANGES[dtype];
  if (range === undefined || typeof value === 'boolean') return;
  if (typeof value === 'bigint') {
    if (value >= range[0] && value <= range[1]) return;
  } else {
    if (Number.isNaN(value)) {
      throw new InvalidArgumentError(`Cannot convert NaN at ${where} to ${dtype}.`, {
        argument,
        hint: 'Integer dtypes have no NaN: replace it or use a float dtype.',
      });
    }
    const [lo, hiExclusive] = NUMBER_RANGES[dtype] as readonly [number, number];
    const t = Math.trunc(value);
    if (t >= lo && t < hiExclusive) return;
  }
  throw new OverflowError(
    `Integer ${typeof value === 'bigint' ? `${value}n` : value} at ${where} is out of bounds for ${dtype} [${range[0]}, ${range[1]}].`,
    { argument, hint: 'Use a dtype wide enough for the values (e.g. int64 or float64).' },
  );
}
