/**
 * roll's `shift` and `axis`. Without an axis the array is rolled flat: one integer shift,
 * returned as a list of length 1. With axes, one shift per axis (a single shift applies
 * to each), summed per axis: the result has one total shift per dimension.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';
import { readIntegerList } from './integer-list.js';

export function rollShifts(ndim: number, shift: unknown, axis: unknown): number[] {
  if (axis === undefined || axis === null) {
    if (typeof shift !== 'number' || !Number.isInteger(shift)) {
      throw new InvalidArgumentError("'shift' must be a single integer when 'axis' is not given.", {
        argument: 'shift',
        hint: 'Give axis to roll along several axes.',
      });
    }
    return [shift];
  }
  const axes = readIntegerList(axis, 'axis').map((ax) => normalizeAxis(ax, ndim));
  const shifts = typeof shift === 'number' ? axes.map(() => shift) : readIntegerList(shift, 'shift');
  if (shifts.length !== axes.length || !shifts.every(Number.isInteger)) {
    throw new InvalidArgumentError("'shift' must be integers, one per axis in 'axis'.", {
      argument: 'shift',
      hint: 'Give one whole-number shift per axis.',
    });
  }
  const total = new Array<number>(ndim).fill(0);
  for (let i = 0; i < axes.length; i++) total[axes[i]] += shifts[i];
  return total;
}
