/** moveaxis: the permutation that moves axes `source` to `destination` (each an axis or a list). */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';
import { readIntegerList } from './integer-list.js';

export function moveaxisOrder(ndim: number, source: unknown, destination: unknown): number[] {
  const src = readIntegerList(source, 'source').map((s) => normalizeAxis(s, ndim, 'source'));
  const dst = readIntegerList(destination, 'destination').map((d) => normalizeAxis(d, ndim, 'destination'));
  if (src.length !== dst.length) {
    throw new InvalidArgumentError("'source' and 'destination' must have the same number of axes.", {
      argument: 'destination',
      hint: 'Pair each source axis with one destination.',
    });
  }
  if (new Set(src).size !== src.length) {
    throw new InvalidArgumentError("'source' repeats an axis.", { argument: 'source', hint: 'List each axis once.' });
  }
  if (new Set(dst).size !== dst.length) {
    throw new InvalidArgumentError("'destination' repeats an axis.", { argument: 'destination', hint: 'List each axis once.' });
  }
  const order = Array.from({ length: ndim }, (_, i) => i).filter((i) => !src.includes(i));
  const pairs = dst.map((d, i) => [d, src[i]] as const).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return order;
}
