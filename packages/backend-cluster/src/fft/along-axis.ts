/**
 * A 1-D transform of @sciport/fft along one axis of a chunked array: the axis made whole and
 * the host transform mapped over the blocks of the other axes, addressed by the multimethod's
 * stable id.
 */
import type { NDArray } from '@sciport/array-api';
import { getMultimethod, NotSupportedError } from '@sciport/dispatch-core';
import type { ChunkedArray } from '../chunked/chunked-array.js';
import { type MapLayout, mapAlongAxes } from '../chunked/ops/map-axes.js';
import { CALL } from '../runtime/task-names.js';
import { inputRef } from '../runtime/template.js';

const DOMAIN = 'sciport.fft';

export function hostFunction(name: string): (...args: unknown[]) => NDArray {
  const fn = getMultimethod(`${DOMAIN}.${name}`);
  if (fn === undefined) throw new NotSupportedError(`@sciport/fft has no '${name}'.`);
  return fn as unknown as (...args: unknown[]) => NDArray;
}

/** `name(x, options)` along one axis, block by block; extra positional args go before options. */
export function alongAxis(
  x: ChunkedArray,
  name: string,
  axis: number,
  options: Record<string, unknown>,
  positional: unknown[] = [],
  layout?: MapLayout,
): ChunkedArray {
  const opts = { ...options };
  const host = hostFunction(name);
  return mapAlongAxes(
    x,
    [axis],
    {
      fn: CALL,
      params: { id: `${DOMAIN}.${name}`, args: [inputRef(0), ...positional, opts] },
      probe: (p) => host(p, ...positional, opts),
    },
    layout,
  );
}
