import { ascontiguous, astype, asarray, checkAllocatable, isComplexDtype, readOptions } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import type { AffineTransformOptions, BoundaryMode, MapCoordinatesOptions, RotateOptions, ShiftOptions, ZoomOptions } from '@sciport/ndimage';
import {
  AFFINE_TRANSFORM_KEYS,
  checkFlag,
  checkInterpolationMode,
  checkOutputShape,
  checkRotationAxes,
  checkRotationInput,
  checkSplineOrder,
  diagonalCoordinates,
  MAP_COORDINATES_KEYS,
  padsBeforePrefilter,
  perInputAxis,
  prefilterBoundary,
  ROTATE_KEYS,
  readAffine,
  rotationPlane,
  SHIFT_KEYS,
  SPLINE_PADDING,
  shiftCoordinates,
  ZOOM_KEYS,
  zoomCoordinates,
  zoomShape,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import { type GPUArray, isGPUArray } from '../gpu-array.js';
import { toCoefficients } from '../kernels/spline-coefficients.js';
import { prefilterAxisGPU } from '../kernels/spline-prefilter.js';
import { type CoordinateSource, sampleSpline, uploadPairs } from '../kernels/spline-sample.js';
import { copyAs } from '../namespace/convert.js';
import { cvalFor, filterInput, requireReal } from './filters.js';
import { checkGpuOutput } from './output.js';

/**
 * shift, zoom, affineTransform, rotate and mapCoordinates on float32 GPU arrays, with the
 * host's option checks in the host's order (so bad input meets the host's errors). The
 * input becomes double-float32 B-spline coefficients on the device (padded and prefiltered
 * as SciPy does for orders ≥ 2), which are sampled at the input coordinates of every output
 * element; results are new float32 GPUArrays, with no host round trip. Complex input is
 * declined after the checks (interpolate the real and imaginary parts separately).
 */

/** The checked options every interpolating function takes. */
interface Setup {
  readonly x: GPUArray;
  readonly order: number;
  readonly mode: BoundaryMode;
  readonly cval: number;
  readonly prefilter: boolean;
}

function setup(input: unknown, o: Record<string, unknown>): Setup {
  const x = filterInput(input);
  if (x.ndim < 1) {
    throw new ShapeError('Interpolation needs an input of at least one dimension.', { argument: 'input', hint: 'Pass an array, not a scalar.' });
  }
  return {
    x,
    order: checkSplineOrder(o.order),
    mode: checkInterpolationMode(o.mode, 'constant'),
    cval: cvalFor(o.cval, x),
    prefilter: checkFlag(o.prefilter, 'prefilter', true),
  };
}

/**
 * The spline of s.x at the coordinates of `source`: the axes in `interpolated` are
 * padded and prefiltered as SciPy does and read at spline order s.order; the others are
 * only indexed (rotate's axes outside the rotation plane).
 */
function splineAt(s: Setup, outputShape: readonly number[], source: CoordinateSource, interpolated?: readonly number[]): GPUArray {
  const { x, order, mode, cval } = s;
  const axes = interpolated ?? x.shape.map((_, d) => d);
  const prefiltered = s.prefilter && order > 1;
  const pads = x.shape.map((_, d) => (prefiltered && padsBeforePrefilter(mode) && axes.includes(d) ? SPLINE_PADDING : 0));
  // SciPy pads an array of the input's dtype: float32 holds cval rounded
  const coef = toCoefficients(x, pads, mode === 'nearest', Math.fround(cval));
  try {
    if (prefiltered) for (const axis of axes) prefilterAxisGPU(coef, coef.shape, axis, order, prefilterBoundary(mode));
    const orders = x.shape.map((_, d) => (axes.includes(d) ? order : 0));
    return sampleSpline(coef, { orders, pads, mode, cval, outputShape, source });
  } finally {
    coef.dispose();
  }
}

/** Runs `work` on the checked input, then releases a transient input. */
function finish(s: Setup, work: () => GPUArray): GPUArray {
  try {
    return work();
  } finally {
    release(s.x);
  }
}

export function shiftGPU(input: unknown, shift: unknown, options?: ShiftOptions): GPUArray {
  const o = readOptions(options, SHIFT_KEYS, 'shift');
  const s = setup(input, o as Record<string, unknown>);
  const shifts = perInputAxis(shift, s.x.ndim, 'shift');
  checkGpuOutput(o.output, s.x.shape);
  requireReal(s.x);
  return finish(s, () => splineAt(s, s.x.shape, { kind: 'table', coordinates: shiftCoordinates(s.x.shape, shifts) }));
}

export function zoomGPU(input: unknown, zoom: unknown, options?: ZoomOptions): GPUArray {
  const o = readOptions(options, ZOOM_KEYS, 'zoom');
  const s = setup(input, o as Record<string, unknown>);
  const zooms = perInputAxis(zoom, s.x.ndim, 'zoom');
  if (zooms.some((z) => z < 0)) {
    throw new InvalidArgumentError(`'zoom' must not be negative, got [${zooms.join(', ')}].`, {
      argument: 'zoom',
      hint: 'Give a zoom factor ≥ 0 per axis (2 doubles the size, 0.5 halves it).',
    });
  }
  const gridMode = checkFlag(o.gridMode, 'gridMode', false);
  const shape = zoomShape(s.x.shape, zooms);
  checkAllocatable(shape, 'zoom');
  checkGpuOutput(o.output, shape);
  requireReal(s.x);
  // zoom by 1 with prefilter returns the input as it is, as SciPy
  if (s.prefilter && zooms.every((z) => z === 1)) return finish(s, () => copyAs(s.x, 'float32'));
  return finish(s, () => splineAt(s, shape, { kind: 'table', coordinates: zoomCoordinates(s.x.shape, shape, gridMode) }));
}

/** A host value for an argument the GPU reads on the host (a matrix, an offset): a GPUArray is declined. */
function hostArgument(value: unknown, argument: string): void {
  if (isGPUArray(value)) {
    throw new NotSupportedError(`The WebGPU interpolation reads '${argument}' on the host; it does not take a GPUArray there.`, {
      argument,
      hint: `Pass '${argument}' as a host array (it is small), e.g. await ${argument}.toHost().`,
    });
  }
}

export function affineTransformGPU(input: unknown, matrix: unknown, options?: AffineTransformOptions): GPUArray {
  const o = readOptions(options, AFFINE_TRANSFORM_KEYS, 'affineTransform');
  const s = setup(input, o as Record<string, unknown>);
  const outputShape: number[] =
    o.outputShape === undefined || o.outputShape === null ? [...((o.output as { shape?: number[] } | null)?.shape ?? s.x.shape)] : checkOutputShape(o.outputShape);
  checkGpuOutput(o.output, outputShape);
  hostArgument(matrix, 'matrix');
  hostArgument(o.offset, 'offset');
  const map = readAffine(matrix, o.offset, s.x.ndim, outputShape.length);
  requireReal(s.x);
  if (map.diagonal) return finish(s, () => splineAt(s, outputShape, { kind: 'table', coordinates: diagonalCoordinates(outputShape, map.matrix, map.offset) }));
  // a full matrix: the coordinates in the host's float64 arithmetic, uploaded (see affineCoordinates)
  const coordinates = uploadPairs(affineCoordinates(outputShape, map.matrix, map.offset), s.x);
  try {
    return finish(s, () => splineAt(s, outputShape, { kind: 'points', coordinates }));
  } finally {
    coordinates.dispose();
  }
}

/**
 * The input coordinates of every output index under input = matrix · output + offset, in
 * C order, axis by axis ([rows, size]), accumulated as SciPy does (the offset, then each
 * column's term in turn) in float64. Affine matrices are often decimal (0.1, 1.1): their
 * float64 products land a coordinate exactly on a half (an order-0 tie) or on the last
 * sample (the 'constant' edge) where the exact product does not, so the coordinates take
 * the host's arithmetic; as double-float32 pairs they keep which side of every such point
 * they lie on.
 */
function affineCoordinates(outputShape: readonly number[], matrix: ArrayLike<number>, offset: readonly number[]): Float64Array {
  const rows = offset.length;
  const cols = outputShape.length;
  const size = outputShape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(rows * size);
  const index = new Array<number>(cols).fill(0);
  for (let q = 0; q < size; q++) {
    for (let i = 0; i < rows; i++) {
      let t = offset[i];
      for (let j = 0; j < cols; j++) t += index[j] * matrix[i * cols + j];
      out[i * size + q] = t;
    }
    for (let j = cols - 1; j >= 0; j--) {
      if (++index[j] < outputShape[j]) break;
      index[j] = 0;
    }
  }
  return out;
}

export function rotateGPU(input: unknown, angle: unknown, options?: RotateOptions): GPUArray {
  const o = readOptions(options, ROTATE_KEYS, 'rotate');
  const s = setup(input, o as Record<string, unknown>);
  const nd = s.x.ndim;
  checkRotationInput(nd, angle);
  const [a0, a1] = checkRotationAxes(o.axes, nd);
  const reshape = checkFlag(o.reshape, 'reshape', true);
  const plane = rotationPlane(s.x.shape[a0], s.x.shape[a1], angle, reshape);
  const outputShape = [...s.x.shape];
  outputShape[a0] = plane.shape[0];
  outputShape[a1] = plane.shape[1];
  checkGpuOutput(o.output, outputShape);
  requireReal(s.x);
  // the plane's rotation embedded in the identity: the other axes are only indexed
  const matrix = new Float64Array(nd * nd);
  for (let d = 0; d < nd; d++) matrix[d * nd + d] = 1;
  matrix[a0 * nd + a0] = plane.matrix[0];
  matrix[a0 * nd + a1] = plane.matrix[1];
  matrix[a1 * nd + a0] = plane.matrix[2];
  matrix[a1 * nd + a1] = plane.matrix[3];
  const offset = new Array<number>(nd).fill(0);
  offset[a0] = plane.offset[0];
  offset[a1] = plane.offset[1];
  return finish(s, () => splineAt(s, outputShape, { kind: 'affine', matrix, offset }, [a0, a1]));
}

function coordinatesError(message: string, hint: string): ShapeError {
  return new ShapeError(message, { argument: 'coordinates', hint });
}

/** The shape checks of mapCoordinates' coordinates (as the host's). */
function checkCoordinatesShape(shape: readonly number[], ndim: number): void {
  if (shape.length < 2) {
    throw coordinatesError(
      `'coordinates' has ${shape.length} dimension(s); the output would have none.`,
      'Give an array of shape [input.ndim, ...outputShape], e.g. [[x0, x1, …]] for 1-D input.',
    );
  }
  if (shape[0] !== ndim) throw coordinatesError(`'coordinates' has ${shape[0]} rows for an input of ${ndim} dimensions.`, 'Its first axis holds one coordinate per input axis.');
}

const COMPLEX_COORDINATES = (): DtypeError => new DtypeError('Complex coordinates are not supported.', { argument: 'coordinates', hint: 'Pass real coordinates.' });

/**
 * The coordinates as a GPU array the sampler reads: a GPU array as C-contiguous float32
 * (converted on the device if needed), host coordinates as double-float32 pairs.
 */
function coordinateArray(coordinates: unknown, x: GPUArray): { array: GPUArray; shape: readonly number[] } {
  if (isGPUArray(coordinates)) {
    if (coordinates.dtype === 'complex64') throw COMPLEX_COORDINATES();
    checkCoordinatesShape(coordinates.shape, x.ndim);
    const array = coordinates.dtype === 'float32' && coordinates.isContiguous ? coordinates.view(coordinates.shape, coordinates.stride, coordinates.offset) : copyAs(coordinates, 'float32');
    return { array, shape: coordinates.shape };
  }
  const c = asarray(coordinates as never);
  if (isComplexDtype(c.dtype)) throw COMPLEX_COORDINATES();
  checkCoordinatesShape(c.shape, x.ndim);
  const values = ascontiguous(astype(c, 'float64'));
  const data = (values.data as Float64Array).subarray(values.offset, values.offset + values.size);
  return { array: uploadPairs(data, x), shape: c.shape };
}

export function mapCoordinatesGPU(input: unknown, coordinates: unknown, options?: MapCoordinatesOptions): GPUArray {
  const o = readOptions(options, MAP_COORDINATES_KEYS, 'mapCoordinates');
  const s = setup(input, o as Record<string, unknown>);
  const { array, shape } = coordinateArray(coordinates, s.x);
  try {
    const outputShape = shape.slice(1);
    checkGpuOutput(o.output, outputShape);
    requireReal(s.x);
    return finish(s, () => splineAt(s, outputShape, { kind: 'points', coordinates: array }));
  } finally {
    array.dispose();
  }
}
