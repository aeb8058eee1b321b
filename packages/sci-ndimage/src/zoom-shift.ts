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
import { shiftCoordinates, zoomCoordinates, zoomShape } from './separable-coordinates.js';

export function shiftHost(input: unknown, shift: unknown, rawOptions?: ShiftOptions): NDArray {
  const options = readOptions(rawOptions, SHIFT_KEYS, 'shift');
  const { x, order, mode, cval, prefilter } = interpolationSetup(input, options as Record<string, unknown>);
  const shifts = perInputAxis(shift, x.ndim, 'shift');
  const target = interpolationOutput(x, options.output, x.shape);
  const coordinates = shiftCoordinates(x.shape, shifts);
  return interpolateParts(x, target, cval, (plane, c, out) =>
    resampleSeparable(splineGrid(plane, x.shape, partDtype(x.dtype), order, mode, c, prefilter), coordinates, c, out),
  );
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
  const shape = zoomShape(x.shape, zooms);
  checkAllocatable(shape, 'zoom');
  const target = interpolationOutput(x, options.output, shape);
  if (prefilter && zooms.every((z) => z === 1)) return copyInto(x, target);
  const coordinates = zoomCoordinates(x.shape, shape, gridMode);
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
