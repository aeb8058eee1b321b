/**
 * mapCoordinates and geometricTransform: the input coordinates of every output value
 * given as an array, or by a callback.
 */
import { asarray, isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { inputPlane, interpolateParts, interpolationOutput, interpolationSetup } from './interpolation-io.js';
import { checkOutputShape, type CoordinateMapping, type GeometricTransformOptions, type MapCoordinatesOptions, MAP_COORDINATES_KEYS, GEOMETRIC_TRANSFORM_KEYS } from './interpolation-options.js';
import { partDtype } from './output.js';
import { splineGrid } from './spline-grid.js';
import { sampleCoordinates, sampleTransform } from './spline-points.js';

export function mapCoordinatesHost(input: unknown, coordinates: unknown, rawOptions?: MapCoordinatesOptions): NDArray {
  const options = readOptions(rawOptions, MAP_COORDINATES_KEYS, 'mapCoordinates');
  const { x, order, mode, cval, prefilter } = interpolationSetup(input, options as Record<string, unknown>);
  const coords = asarray(coordinates);
  if (isComplexDtype(coords.dtype)) {
    throw new DtypeError('Complex coordinates are not supported.', { argument: 'coordinates', hint: 'Pass real coordinates.' });
  }
  if (coords.ndim < 2) {
    throw new ShapeError(`'coordinates' has ${coords.ndim} dimension(s); the output would have none.`, {
      argument: 'coordinates',
      hint: 'Give an array of shape [input.ndim, ...outputShape], e.g. [[x0, x1, …]] for 1-D input.',
    });
  }
  if (coords.shape[0] !== x.ndim) {
    throw new ShapeError(`'coordinates' has ${coords.shape[0]} rows for an input of ${x.ndim} dimensions.`, {
      argument: 'coordinates',
      hint: 'Its first axis holds one coordinate per input axis.',
    });
  }
  const outputShape = coords.shape.slice(1);
  const count = outputShape.reduce((p, n) => p * n, 1);
  const values = inputPlane(coords, 0);
  const target = interpolationOutput(x, options.output, outputShape);
  return interpolateParts(x, target, cval, (plane, c, out) =>
    sampleCoordinates(splineGrid(plane, x.shape, partDtype(x.dtype), order, mode, c, prefilter), values, count, c, out),
  );
}

export function geometricTransformHost(input: unknown, mapping: unknown, rawOptions?: GeometricTransformOptions): NDArray {
  const options = readOptions(rawOptions, GEOMETRIC_TRANSFORM_KEYS, 'geometricTransform');
  const { x, order, mode, cval, prefilter } = interpolationSetup(input, options as Record<string, unknown>);
  if (typeof mapping !== 'function') {
    throw new InvalidArgumentError(`'mapping' must be a function, got ${describe(mapping)}.`, {
      argument: 'mapping',
      hint: 'Pass (outputCoordinates) => inputCoordinates.',
    });
  }
  const extra = options.extraArguments ?? [];
  if (!Array.isArray(extra)) {
    throw new InvalidArgumentError(`'extraArguments' must be an array, got ${describe(extra)}.`, {
      argument: 'extraArguments',
      hint: 'Pass the extra arguments of mapping as an array.',
    });
  }
  const keywords = options.extraKeywords ?? null;
  if (keywords !== null && (typeof keywords !== 'object' || Array.isArray(keywords))) {
    throw new InvalidArgumentError(`'extraKeywords' must be an object, got ${describe(keywords)}.`, {
      argument: 'extraKeywords',
      hint: 'Pass the named arguments of mapping as one object.',
    });
  }
  const args = keywords === null ? extra : [...extra, keywords];
  const outputShape = options.outputShape === undefined || options.outputShape === null ? [...x.shape] : checkOutputShape(options.outputShape);
  const target = interpolationOutput(x, options.output, outputShape);
  const map = mapping as CoordinateMapping;
  // the mapping is user code, which may interpolate too: no scratch buffer is shared while it runs
  return interpolateParts(
    x,
    target,
    cval,
    (plane, c, out) =>
      sampleTransform(
        splineGrid(plane, x.shape, partDtype(x.dtype), order, mode, c, prefilter, false),
        outputShape,
        c,
        (index, point) => {
      const result = map([...index], ...args);
      if (result === null || typeof result !== 'object' || typeof (result as ArrayLike<number>).length !== 'number' || result.length !== x.ndim) {
        throw new ShapeError(`'mapping' must return ${x.ndim} input coordinates, got ${describe(result)}.`, {
          argument: 'mapping',
          hint: 'Return one coordinate per input axis.',
        });
      }
      for (let d = 0; d < x.ndim; d++) {
        const v = result[d];
        if (typeof v !== 'number') {
          throw new InvalidArgumentError(`'mapping' returned a coordinate that is not a number: ${describe(v)}.`, {
            argument: 'mapping',
            hint: 'Return numbers.',
          });
        }
        point[d] = v;
      }
        },
        out,
      ),
    false,
  );
}
