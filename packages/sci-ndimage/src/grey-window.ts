/**
 * The window of greyErosion / greyDilation as their options give it, checked in SciPy's
 * order: one of size, footprint or structure; the filtered axes; the origins, mirrored for
 * dilation (one less along even-length axes), as SciPy pairs them. Shared with the backends
 * that run grey morphology on their own arrays, so their errors are the host's.
 */
import { asarray, NDArray } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import type { GreyMorphologyOptions } from './morphology-options.js';
import { checkAxes, checkOriginValue, checkSize } from './options.js';
import { perAxis } from './per-axis.js';
import { readPlane } from './planes.js';

export interface GreyWindow {
  readonly axes: number[];
  readonly origins: number[];
  /** As given (not mirrored): callers mirror what dilation reads. */
  readonly footprint: NDArray | null;
  readonly structure: NDArray | null;
}

export function greyWindow(fn: string, o: GreyMorphologyOptions, ndim: number, dilate: boolean): GreyWindow {
  if (o.size === undefined && o.footprint === undefined && o.structure === undefined) {
    throw new InvalidArgumentError(`${fn} needs a size, a footprint or a structure.`, { argument: 'size', hint: 'Pass e.g. { size: 3 }.' });
  }
  if (o.size !== undefined && (o.footprint !== undefined || o.structure !== undefined)) {
    throw new InvalidArgumentError(`${fn} takes a size or a footprint/structure, not both (SciPy ignores size then).`, {
      argument: 'size',
      hint: 'Leave out size when you give a footprint or a structure.',
    });
  }
  const axes = checkAxes(o.axes, ndim);
  let origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const footprint = o.footprint === undefined ? null : asarray(o.footprint);
  const structure = o.structure === undefined ? null : asarray(o.structure);
  if (dilate) {
    const lengths = footprint?.shape ?? structure?.shape ?? perAxis(o.size, axes.length, 'size', checkSize);
    if (lengths.length !== axes.length) {
      throw new ShapeError(`The window has ${lengths.length} dimensions for ${axes.length} filtered axes.`, {
        argument: footprint !== null ? 'footprint' : 'structure',
        hint: 'Give the window one dimension per filtered axis (see axes).',
      });
    }
    origins = origins.map((v, i) => -v - (lengths[i] % 2 === 0 ? 1 : 0));
  }
  return { axes, origins, footprint, structure };
}

/** A C-order array's values mirrored along every axis, as float64. */
export function mirrored(a: NDArray): NDArray {
  const flat = readPlane(a).reverse();
  return new NDArray(flat, [...a.shape], 'float64');
}
