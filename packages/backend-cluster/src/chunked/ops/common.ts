import { type DType, hostNamespace, NDArray, packedMap } from '@sciport/array-api';
import { arrayKind, InvalidArgumentError, NamespaceMismatchError } from '@sciport/dispatch-core';
import type { Cluster } from '../../cluster.js';
import { type ChunkedArray, isChunked } from '../chunked-array.js';
import { fromHost } from '../core.js';
import { normalizeChunks } from '../grid.js';
import { itemsize } from '../probe.js';

export const host = hostNamespace as unknown as Record<string, (...args: any[]) => any>;

/** Normalize one axis (negative counts from the end) or throw naming the argument. */
export function normalizeAxis(axis: number, ndim: number, argument = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= Math.max(ndim, 1)) {
    throw new InvalidArgumentError(`axis ${axis} is out of bounds for an array of dimension ${ndim}.`, {
      argument,
      hint: `Use an integer in [${-ndim}, ${ndim - 1}].`,
    });
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Axes of a reduction: null/undefined = all; sorted, unique. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = packedMap(typeof axis === 'number' ? [axis] : [...axis], (a) => normalizeAxis(a, ndim));
  if (new Set(list).size !== list.length) {
    throw new InvalidArgumentError(`Repeated axis in [${list.join(', ')}].`, { argument: 'axis' });
  }
  return list.sort((a, b) => a - b);
}

/** A zero-filled host array used to learn an operation's output dtype and shape. */
export function probeArray(shape: readonly number[], dtype: DType): NDArray {
  return host.zeros([...shape], { dtype }) as NDArray;
}

/** The one cluster all chunked arguments live on. */
export function clusterOf(values: readonly unknown[], fallback?: Cluster): Cluster {
  let found: Cluster | undefined;
  for (const v of values) {
    if (isChunked(v)) {
      if (found !== undefined && v.cluster !== found) {
        throw new NamespaceMismatchError('Chunked arrays from two different clusters were combined.', {
          hint: 'Move one of them: chunked(await x.toHost(), { cluster }).',
        });
      }
      found = v.cluster;
    }
  }
  if (found === undefined && fallback === undefined) {
    throw new InvalidArgumentError('Expected at least one chunked array argument.');
  }
  return (found ?? fallback)!;
}

/**
 * Take an argument in as a chunked array: chunked arrays pass, host arrays are put on the
 * cluster (a convenience for small operands such as a row vector to broadcast), other array
 * kinds are a namespace mismatch.
 */
export function asChunked(value: unknown, cluster: Cluster, argument = 'x'): ChunkedArray {
  if (isChunked(value)) {
    if (value.cluster !== cluster) clusterOf([value], cluster);
    return value;
  }
  const kind = arrayKind(value);
  if (kind === 'host' || value instanceof NDArray) {
    const x = value as NDArray;
    return fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
  }
  if (kind !== undefined) {
    throw new NamespaceMismatchError(`Argument '${argument}' is a ${kind} array; chunked operations take chunked arrays.`, {
      argument,
      hint: `Bring it to the host and chunk it: chunked(await ${argument}.toHost(), { cluster }).`,
    });
  }
  throw new InvalidArgumentError(`Argument '${argument}' must be an array, got ${typeof value}.`, { argument });
}

export function isScalar(v: unknown): v is number | bigint | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

export function product(xs: readonly number[]): number {
  return xs.reduce((a, b) => a * b, 1);
}
