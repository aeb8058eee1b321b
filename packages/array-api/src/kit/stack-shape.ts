/** stack's shapes: all arrays have the same shape; the new axis lies in [0, ndim]. */
import { ShapeError } from '@sciport/dispatch-core';
import { checkAllocatable, normalizeAxis, shapeToString } from '../layout.js';
import type { SizeRule } from './size-rule.js';

export function stackShape(
  shapes: readonly (readonly number[])[],
  axis: unknown = 0,
  checkSize: SizeRule = checkAllocatable,
): { axis: number; shape: number[] } {
  const first = shapes[0];
  for (let i = 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.length !== first.length || s.some((n, d) => n !== first[d])) {
      throw new ShapeError(`stack: arrays[${i}] has shape ${shapeToString(s)}, expected ${shapeToString(first)}.`, {
        argument: `arrays[${i}]`,
        hint: 'All arrays must have the same shape.',
      });
    }
  }
  const ax = normalizeAxis(axis, first.length + 1);
  const shape = [...first.slice(0, ax), shapes.length, ...first.slice(ax)];
  checkSize(shape, 'arrays');
  return { axis: ax, shape };
}
