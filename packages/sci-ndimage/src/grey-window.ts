/**
 * The window of greyErosion / greyDilation as their options give it, checked in SciPy's
 * order: one of size, footprint or structure; the filtered axes; the origins, mirrored for
 * dilation (one less along even-length axes), as SciPy pairs them. Shared with the backends
 * that run grey morphology on their own arrays, so their errors are the host's.
 */
import { asarray, NDArray } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { checkMode, type Extension } from './modes.js';
import type { GreyMorphologyOptions } from './morphology-options.js';
import { checkAxes, checkOriginValue, checkSize } from './options.js';
import { perAxis } from './per-axis.js';
import { readPlane } from './planes.js';
import { readFootprint } from './rank.js';

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

/** A non-flat structure as every implementation reads it. */
export interface NonFlatStructure {
  /** The structure's values in C order (as doubles; int64 ones converted from bigints). */
  readonly values: Float64Array;
  /** 1 where the footprint holds (all ones without one), mirrored for dilation as the structure is. */
  readonly mask: Uint8Array;
  /** The one boundary mode a structure allows. */
  readonly mode: Extension;
}

/**
 * Checks a non-flat `structure` (already mirrored for dilation) against the filtered axes and
 * the footprint, in the host's order, and reads it.
 */
export function readNonFlatStructure(
  o: GreyMorphologyOptions,
  axes: readonly number[],
  structure: NDArray,
  footprint: NDArray | null,
  dilate: boolean,
): NonFlatStructure {
  if (structure.ndim !== axes.length) {
    throw new ShapeError(`'structure' has ${structure.ndim} dimensions for ${axes.length} filtered axes.`, {
      argument: 'structure',
      hint: 'Give the structure one dimension per filtered axis (see axes).',
    });
  }
  if (structure.size === 0) {
    throw new InvalidArgumentError("'structure' is empty.", { argument: 'structure', hint: 'Give at least one element along every dimension.' });
  }
  const values = readPlane(structure);
  let mask: Uint8Array = new Uint8Array(values.length).fill(1);
  if (footprint !== null) {
    if (footprint.shape.length !== structure.ndim || footprint.shape.some((n, i) => n !== structure.shape[i])) {
      throw new ShapeError(`'footprint' has shape [${footprint.shape.join(', ')}], the structure [${structure.shape.join(', ')}].`, {
        argument: 'footprint',
        hint: 'Give a footprint of the structure’s shape.',
      });
    }
    mask = readFootprint(footprint).mask;
    if (dilate) mask.reverse();
  }
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError('A sequence of modes is not supported with a structure.', {
      argument: 'mode',
      hint: 'Pass one mode name.',
    });
  }
  return { values, mask, mode: checkMode(o.mode) };
}
