/**
 * shift and zoom: separable transforms, whose input coordinate along each axis depends
 * on that axis's output index only (see spline-resample.ts).
 */
import { checkAllocatable, isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { type InterpolationTarget, interpolateParts, interpolationOutput, interpolationSetup, storePlane, targetArray } from './interpolation-io.js';
import { checkFlag, perInputAxis, type ShiftOptions, type ZoomOptions, SHIFT_KEYS, ZOOM_KEYS } from './interpolation-options.js';
import { partDtype, quantize } from './output.js';
import { readPlane } from './planes.js';
import { splineGrid } from './spline-grid.js';
import { resampleSeparable } from './spline-resample.js';

/** The input coordinates `coordinate(k)` of output indices k = 0 … length − 1. */
function axisCoordinates(length: number, coordinate: (k: number) => number): Float64Array {
  return Float64Array.from({ length }, (_, k) => coordinate(k));
}

export function shiftHost(input: unknown, shift: unknown, rawOptions?: ShiftOptions): NDArray {
  const options = readOptions(rawOptions, SHIFT_KEYS, 'shift');
  const { x, order, mode, cval, prefilter } = interpolationSetup(input, options as Record<string, unknown>);
  const shifts = perInputAxis(shift, x.ndim, 'shift');
  const target = interpolationOutput(x, options.output, x.shape);
  const coordinates = x.shape.map((n, d) => axisCoordinates(n, (k) => k + -shifts[d]));
  return interpolateParts(x, target, cval, (plane, c, out) =>
    resampleSeparable(splineGrid(plane, x.shape, partDtype(x.dtype), order, mode, c, prefilter), coordinates, c, out),
  );
}

/** Python's round(): half to even. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function zoomHost(input: unknown, zoom: unknown, rawOptions?: ZoomOptions): NDArray {
  const options = readOptions(rawOptions, ZOOM_KEYS, 'zoom');
  const { x, order, mode, cval, prefilter } = interpolationSetup(input, options as Record<string, unknown>);
  const zooms = perInputAxis(zoom, x.ndim, 'zoom');
  if (zooms.some((z) => z < 0)) {
    throw new InvalidArgumentError(`'zoom' must not be negative, got [${zooms.join(', ')}].`, {
      argument: 'zoom',
      hint: 'Give a zoom factor ≥ 0 per axis (2 doubles the size, 0.5 halves it).',
    });
  }
  const gridMode = checkFlag(options.gridMode, 'gridMode', false);
  const shape = x.shape.map((n, d) => roundHalfEven(n * zooms[d]));
  checkAllocatable(shape, 'zoom');
  const target = interpolationOutput(x, options.output, shape);
  if (prefilter && zooms.every((z) => z === 1)) return copyInto(x, target);
  const coordinates = shape.map((m, d) => {
    // the ratio of the input's and output's extents: pixel centres, or pixel edges in grid mode
    const span = gridMode ? m : m - 1;
    const ratio = span !== 0 ? (gridMode ? x.shape[d] : x.shape[d] - 1) / span : 1;
    return axisCoordinates(m, gridMode ? (k) => (k + 0.5) * ratio - 0.5 : (k) => k * ratio);
  });
  return interpolateParts(x, target, cval, (plane, c, out) =>
    resampleSeparable(splineGrid(plane, x.shape, partDtype(x.dtype), order, mode, c, prefilter), coordinates, c, out),
  );
}

/** zoom by 1 with prefilter returns the input as it is, cast as NumPy's assignment casts (integers truncate), as SciPy. */
function copyInto(x: NDArray, target: InterpolationTarget): NDArray {
  const parts: (0 | 1)[] = isComplexDtype(x.dtype) ? [0, 1] : [0];
  const array = targetArray(target);
  for (const part of parts) {
    const plane = readPlane(x, part);
    quantize(plane, partDtype(target.dtype));
    storePlane(array, plane, part);
  }
  return array;
}
