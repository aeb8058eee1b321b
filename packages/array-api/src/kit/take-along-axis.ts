/** takeAlongAxis' axis (default the last); the indices have as many dimensions as x. */
import { ShapeError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function takeAlongAxisAxis(ndim: number, indicesNdim: number, axis: unknown): number {
  const ax = normalizeAxis(axis ?? -1, ndim);
  if (indicesNdim !== ndim) {
    throw new ShapeError(`'indices' must have ${ndim} dimensions like x, got ${indicesNdim}.`, {
      argument: 'indices',
      hint: 'Use expandDims on the indices.',
    });
  }
  return ax;
}
