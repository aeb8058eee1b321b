/**
 * tensordot's `axes`: a number n (the last n axes of x1 against the first n of x2) or a
 * pair of axis lists; the paired axes must have equal lengths. Default 2.
 */
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';
import { describe } from './describe.js';
import { readIntegerList } from './integer-list.js';

/** The contracted axes of x1 and of x2 (normalised, in pairing order). */
export function tensordotAxes(axes: unknown, shape1: readonly number[], shape2: readonly number[]): [number[], number[]] {
  const nd1 = shape1.length;
  const nd2 = shape2.length;
  let axes1: number[];
  let axes2: number[];
  if (axes === undefined || typeof axes === 'number') {
    const n = axes ?? 2;
    if (!Number.isInteger(n) || n < 0 || n > nd1 || n > nd2) {
      throw new ShapeError(`tensordot 'axes' ${describe(n)} is invalid for ${nd1}-D and ${nd2}-D arrays.`, {
        argument: 'axes',
        hint: 'Use an integer no larger than either array rank, or [axesOfX1, axesOfX2].',
      });
    }
    axes1 = Array.from({ length: n }, (_, i) => nd1 - n + i);
    axes2 = Array.from({ length: n }, (_, i) => i);
  } else {
    if (!Array.isArray(axes) || axes.length !== 2) {
      throw new InvalidArgumentError(`tensordot 'axes' must be an integer or a pair of axis lists, got ${describe(axes)}.`, {
        argument: 'axes',
        hint: 'E.g. { axes: 1 } or { axes: [[1], [0]] }.',
      });
    }
    axes1 = readIntegerList(axes[0], 'axes').map((v) => normalizeAxis(v, nd1, 'axes'));
    axes2 = readIntegerList(axes[1], 'axes').map((v) => normalizeAxis(v, nd2, 'axes'));
    if (axes1.length !== axes2.length) {
      throw new ShapeError("tensordot 'axes' lists must have the same length.", { argument: 'axes', hint: 'Pair each axis of x1 with one of x2.' });
    }
    if (new Set(axes1).size !== axes1.length || new Set(axes2).size !== axes2.length) {
      throw new InvalidArgumentError("tensordot 'axes' repeats an axis.", { argument: 'axes', hint: 'Contract each axis at most once.' });
    }
  }
  for (let i = 0; i < axes1.length; i++) {
    if (shape1[axes1[i]] !== shape2[axes2[i]]) {
      throw new ShapeError(`tensordot: axis ${axes1[i]} of x1 (${shape1[axes1[i]]}) ≠ axis ${axes2[i]} of x2 (${shape2[axes2[i]]}).`, {
        argument: 'axes',
        hint: 'Contracted axes must have equal sizes.',
      });
    }
  }
  return [axes1, axes2];
}
