/**
 * affineTransform and rotate: input coordinate = matrix · output coordinate + offset.
 * A diagonal matrix (given as 1-D) is separable and runs as zoom and shift do.
 */
import { asarray, isComplexDtype, NDArray, readOptions } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { type InterpolationSetup, interpolateParts, interpolationOutput, interpolationSetup } from './interpolation-io.js';
import { type AffineTransformOptions, checkFlag, checkOutputShape, perInputAxis, type RotateOptions, AFFINE_TRANSFORM_KEYS, ROTATE_KEYS } from './interpolation-options.js';
import { partDtype } from './output.js';
import { readPlane } from './planes.js';
import { splineGrid } from './spline-grid.js';
import { sampleAffine } from './spline-points.js';
import { checkRotationAxes, checkRotationInput, rotationPlane } from './rotation-plane.js';
import { resampleSeparable } from './spline-resample.js';
import { diagonalCoordinates } from './separable-coordinates.js';

/** An affine map from output to input coordinates: `rows` × `cols` matrix (row-major), or a diagonal. */
export interface AffineMap {
  readonly diagonal: boolean;
  readonly matrix: Float64Array;
  readonly offset: readonly number[];
}

function matrixError(message: string, hint: string): ShapeError {
  return new ShapeError(message, { argument: 'matrix', hint });
}

/** SciPy's reading of `matrix` (1-D diagonal, ndim × ndim, ndim × (ndim+1), or homogeneous (ndim+1)²) for an output of `outRank` dimensions. */
export function readAffine(matrix: unknown, offset: unknown, ndim: number, outRank: number): AffineMap {
  const m = asarray(matrix);
  if (isComplexDtype(m.dtype)) {
    throw new DtypeError('The affine matrix must be real.', { argument: 'matrix', hint: 'Pass a real matrix.' });
  }
  const values = readPlane(m);
  if ((m.ndim !== 1 && m.ndim !== 2) || m.shape[0] < 1) {
    throw matrixError(`'matrix' must be 1-D or 2-D, got shape [${m.shape.join(', ')}].`, 'Give a diagonal (1-D), or an ndim × ndim, ndim × (ndim+1) or (ndim+1) × (ndim+1) matrix.');
  }
  if (m.ndim === 1) {
    if (m.shape[0] !== ndim) throw matrixError(`A diagonal 'matrix' needs ${ndim} entries, got ${m.shape[0]}.`, 'Give one entry per input axis.');
    if (outRank !== ndim) {
      throw new ShapeError(`A diagonal 'matrix' maps ${ndim} output axes, the output has ${outRank}.`, {
        argument: 'outputShape',
        hint: 'Give an output shape of the input’s rank, or a full matrix.',
      });
    }
    return { diagonal: true, matrix: values, offset: perInputAxis(offset ?? 0, ndim, 'offset') };
  }
  const [rows, cols] = m.shape;
  if (cols === ndim + 1 && (rows === ndim || rows === ndim + 1)) {
    // augmented: the last column is the offset (the `offset` option is not used)
    if (rows === ndim + 1) {
      for (let j = 0; j <= ndim; j++) {
        if (values[ndim * cols + j] !== (j === ndim ? 1 : 0)) {
          throw new InvalidArgumentError(`A homogeneous 'matrix' must end with the row [${[...Array(ndim).fill(0), 1].join(', ')}].`, {
            argument: 'matrix',
            hint: 'Give the (ndim+1) × (ndim+1) homogeneous transform, or its first ndim rows.',
          });
        }
      }
    }
    const linear = new Float64Array(ndim * ndim);
    const shift: number[] = [];
    for (let i = 0; i < ndim; i++) {
      for (let j = 0; j < ndim; j++) linear[i * ndim + j] = values[i * cols + j];
      shift.push(values[i * cols + ndim]);
    }
    if (outRank !== ndim) throw matrixError(`'matrix' has ${ndim} columns for an output of ${outRank} dimensions.`, 'Give one column per output axis.');
    return { diagonal: false, matrix: linear, offset: shift };
  }
  if (rows !== ndim) throw matrixError(`'matrix' has ${rows} rows for an input of ${ndim} dimensions.`, 'Give one row per input axis.');
  if (cols !== outRank) throw matrixError(`'matrix' has ${cols} columns for an output of ${outRank} dimensions.`, 'Give one column per output axis.');
  return { diagonal: false, matrix: values, offset: perInputAxis(offset ?? 0, ndim, 'offset') };
}

/** The spline of `plane` (shape `shape`) at the affine image of every output index. */
function affinePlane(
  plane: Float64Array,
  shape: readonly number[],
  outputShape: readonly number[],
  map: AffineMap,
  setup: InterpolationSetup,
  cval: number,
  out?: Float64Array,
): Float64Array {
  const grid = splineGrid(plane, shape, partDtype(setup.x.dtype), setup.order, setup.mode, cval, setup.prefilter);
  const { matrix, offset } = map;
  if (map.diagonal) {
    const coordinates = diagonalCoordinates(outputShape, matrix, offset);
    return resampleSeparable(grid, coordinates, cval, out);
  }
  return sampleAffine(grid, outputShape, matrix, offset, cval, out);
}

export function affineTransformHost(input: unknown, matrix: unknown, rawOptions?: AffineTransformOptions): NDArray {
  const options = readOptions(rawOptions, AFFINE_TRANSFORM_KEYS, 'affineTransform');
  const setup = interpolationSetup(input, options as Record<string, unknown>);
  const { x, cval } = setup;
  const outputShape =
    options.outputShape === undefined || options.outputShape === null
      ? options.output instanceof NDArray
        ? [...options.output.shape]
        : [...x.shape]
      : checkOutputShape(options.outputShape);
  const target = interpolationOutput(x, options.output, outputShape);
  const map = readAffine(matrix, options.offset, x.ndim, outputShape.length);
  return interpolateParts(x, target, cval, (plane, c, out) => affinePlane(plane, x.shape, outputShape, map, setup, c, out));
}

export function rotateHost(input: unknown, angle: unknown, rawOptions?: RotateOptions): NDArray {
  const options = readOptions(rawOptions, ROTATE_KEYS, 'rotate');
  const setup = interpolationSetup(input, options as Record<string, unknown>);
  const { x, cval } = setup;
  checkRotationInput(x.ndim, angle);
  const [a0, a1] = checkRotationAxes(options.axes, x.ndim);
  const reshape = checkFlag(options.reshape, 'reshape', true);
  const iy = x.shape[a0];
  const ix = x.shape[a1];
  const { shape: [oy, ox], matrix, offset } = rotationPlane(iy, ix, angle, reshape);
  const map: AffineMap = { diagonal: false, matrix, offset };
  const outputShape = [...x.shape];
  outputShape[a0] = oy;
  outputShape[a1] = ox;
  const target = interpolationOutput(x, options.output, outputShape);
  return interpolateParts(x, target, cval, (plane, cv, out) =>
    eachPlane(plane, x.shape, outputShape, a0, a1, (p, o) => affinePlane(p, [iy, ix], [oy, ox], map, setup, cv, o), out),
  );
}

/**
 * `transform(p, o)` (the result of 2-D plane p, written to o and returned) applied to
 * every 2-D plane along axes (a0, a1) of `plane` (shape `shape`), into `out` of shape
 * `outputShape` (SciPy rotates an n-D input plane by plane).
 */
function eachPlane(
  plane: Float64Array,
  shape: readonly number[],
  outputShape: readonly number[],
  a0: number,
  a1: number,
  transform: (p: Float64Array, o: Float64Array) => Float64Array,
  out: Float64Array,
): Float64Array {
  if (shape.length === 2) return transform(plane, out);
  const strides = (sh: readonly number[]) => {
    const st = new Array<number>(sh.length);
    let s = 1;
    for (let d = sh.length - 1; d >= 0; d--) {
      st[d] = s;
      s *= sh[d];
    }
    return st;
  };
  const inStride = strides(shape);
  const outStride = strides(outputShape);
  const others = shape.map((_, d) => d).filter((d) => d !== a0 && d !== a1);
  const count = others.reduce((p, d) => p * shape[d], 1);
  const sub = new Float64Array(shape[a0] * shape[a1]);
  const rotated = new Float64Array(outputShape[a0] * outputShape[a1]);
  const index = new Array<number>(others.length).fill(0);
  for (let q = 0; q < count; q++) {
    let inBase = 0;
    let outBase = 0;
    others.forEach((d, i) => {
      inBase += index[i] * inStride[d];
      outBase += index[i] * outStride[d];
    });
    for (let i = 0; i < shape[a0]; i++) for (let j = 0; j < shape[a1]; j++) sub[i * shape[a1] + j] = plane[inBase + i * inStride[a0] + j * inStride[a1]];
    const result = transform(sub, rotated);
    for (let i = 0; i < outputShape[a0]; i++) {
      for (let j = 0; j < outputShape[a1]; j++) out[outBase + i * outStride[a0] + j * outStride[a1]] = result[i * outputShape[a1] + j];
    }
    for (let i = others.length - 1; i >= 0; i--) {
      if (++index[i] < shape[others[i]]) break;
      index[i] = 0;
    }
  }
  return out;
}
