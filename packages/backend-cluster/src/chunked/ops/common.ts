import { asarray, type DType, hostNamespace, NDArray } from '@sciport/array-api';
import { arrayKind, InvalidArgumentError, NamespaceMismatchError, SciportError } from '@sciport/dispatch-core';
import type { Cluster } from '../../cluster.js';
import { type ChunkedArray, isChunked } from '../chunked-array.js';
import { fromHost } from '../core.js';
import { normalizeChunks } from '../grid.js';
import { itemsize } from '../probe.js';

export const host = hostNamespace as unknown as Record<string, (...args: any[]) => any>;

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
    throw new InvalidArgumentError('Expected at least one chunked array argument.', {
      argument: 'x',
      hint: 'Pass a chunked array: chunked(x, { cluster }).',
    });
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
  if (kind !== undefined && kind !== 'host' && !(value instanceof NDArray)) {
    throw new NamespaceMismatchError(`Argument '${argument}' is a ${kind} array; chunked operations take chunked arrays.`, {
      argument,
      hint: `Bring it to the host and chunk it: chunked(await ${argument}.toHost(), { cluster }).`,
    });
  }
  const x = hostArray(value, argument);
  return fromHost(x, cluster, normalizeChunks('auto', x.shape, itemsize(x.dtype)));
}

/** Anything asarray takes, as a host array; asarray's errors name `argument` (as the host namespace's do). */
function hostArray(value: unknown, argument: string): NDArray {
  if (value instanceof NDArray) return value;
  try {
    return asarray(value as never) as NDArray;
  } catch (error) {
    // asarray names its input 'values' ('values.offset'); here it is `argument` ('x.offset').
    if (error instanceof SciportError) {
      const named = error.argument;
      const rest = typeof named === 'string' && named.startsWith('values.') ? named.slice('values'.length) : '';
      (error as { argument: string }).argument = `${argument}${rest}`;
    }
    throw error;
  }
}

/** A call's options as the workers get them: without `backend`, a choice made on the submitting thread. */
export function withoutBackend<T>(options: T): T {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return options;
  const { backend: _backend, ...rest } = options as Record<string, unknown>;
  return rest as T;
}

export function isScalar(v: unknown): v is number | bigint | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

export function product(xs: readonly number[]): number {
  return xs.reduce((a, b) => a * b, 1);
}
