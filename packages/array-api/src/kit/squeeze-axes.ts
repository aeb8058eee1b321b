/** squeeze's axes: normalised, each of size 1. */
import { ShapeError } from '@sciport/dispatch-core';
import { normalizeAxes } from '../layout.js';

export function squeezeAxes(shape: readonly number[], axis: unknown): number[] {
  const axes = normalizeAxes(axis, shape.length);
  for (const ax of axes) {
    if (shape[ax] !== 1) {
      throw new ShapeError(`Cannot squeeze axis ${ax} of size ${shape[ax]}.`, {
        argument: 'axis',
        hint: 'Only axes of size 1 can be removed.',
      });
    }
  }
  return axes;
}
