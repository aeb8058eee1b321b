/** expandDims' axes: the positions of the new size-1 axes in the result (sorted, unique). Default 0. */
import { normalizeAxes } from '../layout.js';
import { readIntegerList } from './integer-list.js';

export function expandDimsAxes(ndim: number, axis: unknown = 0): number[] {
  const list = readIntegerList(axis, 'axis');
  return normalizeAxes(list, ndim + list.length);
}
