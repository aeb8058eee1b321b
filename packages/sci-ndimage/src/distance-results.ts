/**
 * What the three distance transforms share: the checks of `returnDistances`,
 * `returnIndices`, `sampling` and the caller's `distances`/`indices` arrays, and the
 * result as SciPy returns it — the distances, the indices, both as `[distances, indices]`,
 * or nothing when every requested result went into the caller's arrays.
 */
import { type DType, NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { perAxis } from './per-axis.js';
import { writePlane } from './planes.js';

export type DistanceResult = NDArray | [NDArray, NDArray] | undefined;

export interface DistanceRequest {
  readonly returnDistances: boolean;
  readonly returnIndices: boolean;
  readonly distances: NDArray | null;
  readonly indices: NDArray | null;
}

/** SciPy's argument check: something must be returned, and an array to fill must be asked for. */
export function readRequest(o: {
  readonly returnDistances?: unknown;
  readonly returnIndices?: unknown;
  readonly distances?: unknown;
  readonly indices?: unknown;
}): DistanceRequest {
  const returnDistances = checkBoolean(o.returnDistances, 'returnDistances', true);
  const returnIndices = checkBoolean(o.returnIndices, 'returnIndices', false);
  const distances = arrayOrNull(o.distances, 'distances');
  const indices = arrayOrNull(o.indices, 'indices');
  if (!returnDistances && !returnIndices) {
    throw new InvalidArgumentError('At least one of returnDistances and returnIndices must be true.', {
      argument: 'returnDistances',
      hint: 'Ask for the distances, the indices, or both.',
    });
  }
  if (distances !== null && !returnDistances) {
    throw new InvalidArgumentError('A distances array is given but returnDistances is false.', {
      argument: 'distances',
      hint: 'Set returnDistances: true, or leave distances out.',
    });
  }
  if (indices !== null && !returnIndices) {
    throw new InvalidArgumentError('An indices array is given but returnIndices is false.', {
      argument: 'indices',
      hint: 'Set returnIndices: true, or leave indices out.',
    });
  }
  return { returnDistances, returnIndices, distances, indices };
}

function arrayOrNull(value: unknown, argument: string): NDArray | null {
  if (value === undefined || value === null) return null;
  if (value instanceof NDArray) return value;
  throw new InvalidArgumentError(`'${argument}' must be an NDArray to fill, got ${describe(value)}.`, {
    argument,
    hint: 'Preallocate it (see the dtype and shape in the docs), or leave it out to get a new array.',
  });
}

/** Checks a caller's array: `dtype` and `shape` exactly. */
export function checkTarget(target: NDArray, argument: string, dtype: DType, shape: readonly number[]): void {
  if (target.shape.length !== shape.length || target.shape.some((n, i) => n !== shape[i])) {
    throw new ShapeError(`'${argument}' has shape [${target.shape.join(', ')}], [${shape.join(', ')}] is needed.`, {
      argument,
      hint: `Preallocate it with shape [${shape.join(', ')}].`,
    });
  }
  if (target.dtype !== dtype) {
    throw new DtypeError(`'${argument}' must be ${dtype}, got ${target.dtype}.`, { argument, hint: `Preallocate it as ${dtype}.` });
  }
}

/** SciPy's sampling: none (unit spacing), one number, or one per axis; each finite and > 0 here. */
export function readSampling(value: unknown, ndim: number): Float64Array | null {
  if (value === undefined || value === null) return null;
  const check = (v: unknown, argument: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new InvalidArgumentError(`'${argument}' must be finite numbers > 0, got ${describe(v)}.`, {
        argument,
        hint: 'Give the spacing of the elements along each axis, e.g. [1, 0.5].',
      });
    }
    return v;
  };
  return Float64Array.from(perAxis(value, ndim, 'sampling', check));
}

/** Feature coordinates (one Int32Array plane per axis) as the int32 array [ndim, ...shape]. */
export function indicesArray(planes: readonly Int32Array[], shape: readonly number[]): NDArray {
  const size = planes.length === 0 ? 0 : planes[0].length;
  const data = new Int32Array(planes.length * size);
  for (let d = 0; d < planes.length; d++) data.set(planes[d], d * size);
  return new NDArray(data, [planes.length, ...shape], 'int32');
}

/**
 * SciPy's result: new arrays for what was asked and not given; the given arrays filled.
 * `distances` is the new distances array (already of the right dtype).
 */
export function finishDistance(request: DistanceRequest, distances: NDArray | null, indices: NDArray | null): DistanceResult {
  const result: NDArray[] = [];
  if (request.returnDistances && distances !== null) {
    if (request.distances === null) result.push(distances);
    else {
      checkTarget(request.distances, 'distances', distances.dtype, distances.shape);
      writePlane(request.distances, new Float64Array(distances.data as Float64Array));
    }
  }
  if (request.returnIndices && indices !== null) {
    if (request.indices === null) result.push(indices);
    else {
      checkTarget(request.indices, 'indices', 'int32', indices.shape);
      writePlane(request.indices, new Float64Array(indices.data as Int32Array));
    }
  }
  if (result.length === 2) return [result[0], result[1]];
  return result.length === 1 ? result[0] : undefined;
}
