/** tril, triu and matrixTranspose (`.mT`) work on the last two axes: they need at least 2 dimensions. */
import { InvalidArgumentError } from '@sciport/dispatch-core';

export function checkMatrixRank(ndim: number, fn: 'tril' | 'triu' | 'matrixTranspose'): void {
  if (ndim < 2) {
    const message = fn === 'matrixTranspose' ? `.mT needs at least 2 dimensions, got ${ndim}.` : `${fn} needs an array with at least 2 dimensions, got ${ndim}.`;
    throw new InvalidArgumentError(message, { argument: 'x', hint: 'Reshape to a matrix first.' });
  }
}
