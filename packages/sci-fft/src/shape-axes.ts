/**
 * Axis and shape arguments, normalised exactly as SciPy's `_init_nd_shape_and_axes`
 * and the 1-D `n`/`axis` handling: negative axes count from the end, `-1` in `s` keeps
 * that axis's size, and every mistake is a typed error naming the argument.
 */
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { maxBufferBytes } from './allocation-limit.js';
import { describe } from './options.js';

function checkInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError(`${name} must be an integer or a list of integers, got ${describe(value)}.`, {
      argument: name,
      hint: `Pass ${name} as whole numbers.`,
    });
  }
  return value;
}

function intList(value: unknown, name: string): number[] {
  if (typeof value === 'number') return [checkInteger(value, name)];
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>, (v) => checkInteger(v, name));
  }
  throw new InvalidArgumentError(`${name} must be an integer or a list of integers, got ${describe(value)}.`, {
    argument: name,
    hint: `Pass ${name} as a number or an array of numbers.`,
  });
}

/** One axis in [-ndim, ndim), returned non-negative. */
export function normalizeAxis(axis: unknown, ndim: number, name = 'axis'): number {
  const a = checkInteger(axis, name);
  if (a < -ndim || a >= ndim) {
    throw new InvalidArgumentError(
      ndim === 0
        ? `${name} ${a} is out of bounds: the input is 0-dimensional (a scalar).`
        : `${name} ${a} is out of bounds for an array of dimension ${ndim}.`,
      {
        argument: name,
        hint: ndim === 0 ? 'Pass an array with at least one dimension.' : `Use an axis in [${-ndim}, ${ndim - 1}].`,
      },
    );
  }
  return a < 0 ? a + ndim : a;
}

/** A transform length: `null`/`undefined` (keep the input's), or an integer >= 1. */
export function checkLengthOption(n: unknown, name = 'n'): number | undefined {
  if (n === undefined || n === null) return undefined;
  const v = checkInteger(n, name);
  if (v < 1) {
    throw new InvalidArgumentError(`Invalid number of data points (${v}) specified for ${name}.`, {
      argument: name,
      hint: `${name} must be at least 1.`,
    });
  }
  return v;
}

/** The axis length a transform works on; 0 (an empty axis) is an error naming `x`. */
export function checkAxisLength(length: number, axis: number): void {
  if (length < 1) {
    throw new InvalidArgumentError(`Invalid number of data points (${length}) specified: axis ${axis} of x is empty.`, {
      argument: 'x',
      hint: 'Pass a non-empty array, or give n (or s) to zero-pad the axis.',
    });
  }
}

export interface ShapeAndAxes {
  /** Transformed axes, non-negative, in the order given. */
  readonly axes: number[];
  /** Output length along each transformed axis. */
  readonly shape: number[];
}

/** Like {@link ShapeAndAxes}, with `undefined` lengths where `s` was not given. */
export interface RequestedShapeAndAxes {
  readonly axes: number[];
  /** Output length asked for along each transformed axis; `undefined`: the caller's default. */
  readonly shape: (number | undefined)[];
}

/** The default axes of the `*2` functions (fft2, ifft2, rfft2, irfft2, hfft2, ihfft2). */
export const TWO_D_AXES: readonly number[] = [-2, -1];

/**
 * SciPy's `_init_nd_shape_and_axes`: `axes` defaults to every axis, or to the last
 * `s.length` axes when only `s` is given; `s[i] === -1` keeps the input's size.
 * `defaultAxes` replaces an `undefined` (not `null`) axes, as the `*2` functions do.
 */
export function initShapeAndAxes(inShape: readonly number[], s: unknown, axes: unknown, defaultAxes?: readonly number[]): ShapeAndAxes {
  const requested = initRequestedShapeAndAxes(inShape, s, axes, defaultAxes);
  return { axes: requested.axes, shape: requested.shape.map((v, i) => v ?? inShape[requested.axes[i]]) };
}

/**
 * {@link initShapeAndAxes} with the same checks and errors, but lengths that `s` did not
 * give stay `undefined`, so the caller applies its own default (irfftn's last axis is
 * 2(m-1), not m; a 1-D pass may pick its own length).
 */
export function initRequestedShapeAndAxes(
  inShape: readonly number[],
  s: unknown,
  axesOption: unknown,
  defaultAxes?: readonly number[],
): RequestedShapeAndAxes {
  const axes = axesOption === undefined ? defaultAxes : axesOption;
  const ndim = inShape.length;
  const noShape = s === undefined || s === null;
  const noAxes = axes === undefined || axes === null;
  let axisList: number[] = [];
  if (!noAxes) {
    axisList = intList(axes, 'axes').map((a) => {
      if (a >= ndim || a < -ndim) {
        throw new InvalidArgumentError(`axes ${describe(axes)} exceeds the dimensionality of the input (${ndim}).`, {
          argument: 'axes',
          hint: `Use axes in [${-ndim}, ${ndim - 1}].`,
        });
      }
      return a < 0 ? a + ndim : a;
    });
    if (new Set(axisList).size !== axisList.length) {
      throw new InvalidArgumentError(`All axes must be unique, got ${describe(axes)}.`, {
        argument: 'axes',
        hint: 'Name each axis at most once.',
      });
    }
  }
  if (!noShape) {
    const sList = intList(s, 's');
    if (axisList.length > 0 && axisList.length !== sList.length) {
      throw new InvalidArgumentError(
        `When given, axes and s must have the same length (s has ${sList.length}, axes ${axisList.length}).`,
        { argument: 's', hint: 'Give one output length per transformed axis.' },
      );
    }
    if (noAxes) {
      if (sList.length > ndim) {
        throw new InvalidArgumentError(`s ${describe(s)} requires more axes than the input has (${ndim}).`, {
          argument: 's',
          hint: 'Give at most one length per axis of x.',
        });
      }
      axisList = [];
      for (let a = ndim - sList.length; a < ndim; a++) axisList.push(a);
    }
    // SciPy zips s with axes: with an explicit empty axes list, s is ignored.
    const shape = axisList.map((a, i) => (sList[i] === -1 ? inShape[a] : sList[i]));
    if (shape.some((v) => v < 1)) {
      throw new InvalidArgumentError(`Invalid number of data points ${describe(shape)} specified.`, {
        argument: 's',
        hint: 'Every output length must be at least 1 (or -1 to keep the input size).',
      });
    }
    return { axes: axisList, shape };
  }
  if (noAxes) axisList = inShape.map((_, i) => i);
  const lengths = axisList.map((a) => inShape[a]);
  if (lengths.some((v) => v < 1)) {
    throw new InvalidArgumentError(`Invalid number of data points ${describe(lengths)} specified: x is empty along a transformed axis.`, {
      argument: 'x',
      hint: 'Pass a non-empty array, or give s to zero-pad.',
    });
  }
  return { axes: axisList, shape: axisList.map(() => undefined) };
}

/** Largest number of elements a transform will allocate (the host array limit). */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/**
 * Elements a transform to `shape` allocates: the result, or one line of its longest axis when
 * another axis is empty (the plan and working line still have that length).
 */
function product(shape: readonly number[]): number {
  let size = 1;
  let longest = 0;
  for (const v of shape) {
    size *= v;
    if (v > longest) longest = v;
  }
  return Math.max(size, longest);
}

/** Refuses output shapes with more elements than an array can hold, naming the option that asked for them. */
export function checkSize(shape: readonly number[], argument: string): void {
  const size = product(shape);
  if (size > MAX_ELEMENTS) {
    throw new ShapeError(`The transform would need ${size} elements ([${shape.join(', ')}]), more than the ${MAX_ELEMENTS} an array can hold.`, {
      argument,
      hint: `Choose a smaller ${argument}.`,
    });
  }
}

/**
 * {@link checkSize}, and the result's buffer must fit in one ArrayBuffer on this engine: the
 * transforms compute in float64 (8 bytes; 16 per complex element) whatever the output dtype,
 * so that working buffer is the largest one. Called before anything is allocated.
 */
export function checkResultSize(shape: readonly number[], argument: string, complex: boolean): void {
  checkSize(shape, argument);
  const bytes = product(shape) * (complex ? 16 : 8);
  const limit = maxBufferBytes();
  if (bytes > limit) {
    throw new ShapeError(
      `The result ([${shape.join(', ')}], ${complex ? 'complex' : 'real'}) would need ${bytes} bytes of float64 working memory, more than the ${limit} one buffer can have on this JavaScript engine.`,
      { argument, hint: `Choose a smaller ${argument}, or split the data into chunks (@sciport/backend-cluster).` },
    );
  }
}
