/** searchsorted searches one sorted 1-D x1. */
import { ShapeError } from '@sciport/dispatch-core';

export function checkSearchsortedRank(ndim: number): void {
  if (ndim !== 1) {
    throw new ShapeError(`searchsorted needs a 1-D x1, got ${ndim}-D.`, { argument: 'x1', hint: 'Flatten or sort a 1-D array.' });
  }
}
