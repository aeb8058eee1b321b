/**
 * SciPy 1.17's `_apply_over_batch` for functions whose core works on single matrices: the
 * array arguments' leading (batch) dimensions broadcast, the core runs on each slice, and
 * each result is stacked back into [...batch, ...core shape].
 */
import { broadcastTo, NDArray, reshape, stack, take } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { broadcastBatch, toArray } from './stack.js';

/** An array argument and its number of core dimensions ('1|2': 2 for 2-D and more, else 1). */
export interface BatchedArgument {
  readonly value: unknown;
  readonly name: string;
  readonly core: 1 | 2 | '1|2';
}

/** Runs `core` on each slice of the broadcast batch (or once, unbatched) and stacks its results. */
export function overBatch<R extends NDArray[]>(fn: string, args: readonly BatchedArgument[], core: (...slices: NDArray[]) => R): R {
  const arrays = args.map((a) => toArray(a.value));
  const coreDims = arrays.map((x, i) => {
    const c = args[i].core;
    return c === '1|2' ? (x.ndim >= 2 ? 2 : 1) : c;
  });
  const batches = arrays.map((x, i) => x.shape.slice(0, Math.max(0, x.ndim - coreDims[i])));
  if (batches.every((b) => b.length === 0)) return core(...arrays);
  let batch: number[] = [];
  batches.forEach((b, i) => {
    batch = broadcastBatch(batch, b, args[i].name, fn);
  });
  const count = batch.reduce((p, d) => p * d, 1);
  if (count === 0) {
    throw new ShapeError(`${fn} does not support zero-size batches (as in SciPy).`, { argument: args[0].name, hint: 'Pass at least one matrix.' });
  }
  const flat = arrays.map((x, i) => {
    const coreShape = x.shape.slice(x.ndim - coreDims[i]);
    return { x: reshape(broadcastTo(x, [...batch, ...coreShape]), [count, ...coreShape]), coreShape };
  });
  const results: R[] = [];
  for (let t = 0; t < count; t++) {
    const index = new NDArray(Int32Array.from([t]), [1], 'int32');
    results.push(core(...flat.map(({ x, coreShape }) => reshape(take(x, index, { axis: 0 }), coreShape))));
  }
  return results[0].map((first, k) => reshape(stack(results.map((r) => r[k])), [...batch, ...first.shape])) as R;
}
