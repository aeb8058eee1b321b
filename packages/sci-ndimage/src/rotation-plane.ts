/**
 * The geometry of rotate, shared by every backend: the rotation plane's two axes, and the
 * affine map (output → input coordinates) of a rotation by an angle in degrees about the
 * centres of the input and output planes.
 */
import { describe, normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { cosSinDegrees } from './degrees.js';

/** rotate's input rank (at least 2) and angle (a finite number of degrees), checked. */
export function checkRotationInput(ndim: number, angle: unknown): asserts angle is number {
  if (ndim < 2) {
    throw new ShapeError(`rotate needs an input of at least 2 dimensions, got ${ndim}.`, { argument: 'input', hint: 'Rotate an image or a volume.' });
  }
  if (typeof angle !== 'number' || !Number.isFinite(angle)) {
    throw new InvalidArgumentError(`'angle' must be a finite number of degrees, got ${describe(angle)}.`, { argument: 'angle', hint: 'Pass e.g. 30.' });
  }
}

/** The two axes of the rotation plane (default [1, 0]), ascending. */
export function checkRotationAxes(axes: unknown, ndim: number): [number, number] {
  const pair = axes ?? [1, 0];
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new InvalidArgumentError("'axes' must hold exactly two axes.", { argument: 'axes', hint: 'Give the rotation plane, e.g. [1, 0].' });
  }
  const a = normalizeAxis(pair[0], ndim, 'axes');
  const b = normalizeAxis(pair[1], ndim, 'axes');
  if (a === b) {
    throw new InvalidArgumentError(`'axes' names axis ${a} twice.`, { argument: 'axes', hint: 'Give two different axes spanning the rotation plane.' });
  }
  return a < b ? [a, b] : [b, a];
}

/** A rotation of one plane: the output plane's shape and input = matrix (2 × 2, row-major) · output + offset. */
export interface RotationPlane {
  readonly shape: [number, number];
  readonly matrix: Float64Array;
  readonly offset: [number, number];
}

/**
 * The rotation by `angle` degrees of an `iy` × `ix` plane, as SciPy's rotate: the output
 * plane is the input's, or (reshape) the bounding box of the rotated corners, rounded as
 * SciPy rounds it (⌊extent + ½⌋); the centres of both planes correspond.
 */
export function rotationPlane(iy: number, ix: number, angle: number, reshape: boolean): RotationPlane {
  const [c, s] = cosSinDegrees(angle);
  let oy = iy;
  let ox = ix;
  if (reshape) {
    const rows = [0, s * ix, c * iy, c * iy + s * ix];
    const cols = [0, c * ix, -s * iy, -s * iy + c * ix];
    oy = Math.trunc(Math.max(...rows) - Math.min(...rows) + 0.5);
    ox = Math.trunc(Math.max(...cols) - Math.min(...cols) + 0.5);
  }
  const outCentre = [(oy - 1) / 2, (ox - 1) / 2];
  const offset: [number, number] = [(iy - 1) / 2 - (c * outCentre[0] + s * outCentre[1]), (ix - 1) / 2 - (-s * outCentre[0] + c * outCentre[1])];
  return { shape: [oy, ox], matrix: Float64Array.of(c, s, -s, c), offset };
}
