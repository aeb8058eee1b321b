/**
 * concat's shapes: every array has the same number of dimensions (at least 1) and the
 * same size on every axis but `axis`. `axis` null joins the flattened arrays.
 */
import { ShapeError } from '@sciport/dispatch-core';
import { checkAllocatable, normalizeAxis, shapeSize, shapeToString } from '../layout.js';
import type { SizeRule } from './size-rule.js';

export function concatShape(
  shapes: readonly (readonly number[])[],
  axis: unknown = 0,
  checkSize: SizeRule = checkAllocatable,
): { axis: number; shape: number[] } {
  if (axis === null) return { axis: 0, shape: concatShape(shapes.map((s) => [shapeSize(s)]), 0, checkSize).shape };
  const first = shapes[0];
  const nd = first.length;
  if (nd === 0) {
    throw new ShapeError('concat cannot join 0-d arrays.', { argument: 'arrays', hint: 'Use stack() instead.' });
  }
  const ax = normalizeAxis(axis, nd);
  for (let i = 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.length !== nd || s.some((n, d) => d !== ax && n !== first[d])) {
      throw new ShapeError(
        `concat: arrays[${i}] has shape ${shapeToString(s)}, incompatible with ${shapeToString(first)} along axis ${ax}.`,
        { argument: `arrays[${i}]`, hint: 'All dimensions except the concatenation axis must match.' },
      );
    }
  }
  const shape = first.slice();
  shape[ax] = shapes.reduce((total, s) => total + s[ax], 0);
  checkSize(shape, 'arrays');
  return { axis: ax, shape };
}
