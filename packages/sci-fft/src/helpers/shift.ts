/**
 * fftshift / ifftshift, written once against the array's namespace
 * (`arrayNamespace(x)`) so they run unchanged on host, GPU and chunked arrays: each is
 * a roll by ±(n // 2) along the chosen axes (NumPy's definition, which SciPy uses).
 */
import { type ArrayInput, type ArrayNamespace, type ArrayOf, arrayNamespace, asarray } from '@sciport/array-api';
import { arrayKind, type BrandedArray, InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from '../options.js';
import { normalizeAxis } from '../shape-axes.js';

/** Axes to shift: one axis, any iterable of axes (array, Set, TypedArray…), or null for all. */
export type ShiftAxes = number | Iterable<number> | null;

/** Options of fftshift / ifftshift. */
export interface ShiftOptions {
  /** Axes to shift (default: all). Negative axes count from the end. */
  axes?: ShiftAxes;
}

interface ShapedArray {
  readonly shape: readonly number[];
}

function namespaceOf(x: unknown): { xp: ArrayNamespace<any>; array: ShapedArray } {
  if (arrayKind(x) === undefined) {
    // plain input (nested arrays, TypedArrays…): a host array
    const array = asarray(x as never);
    return { xp: arrayNamespace(array), array };
  }
  return { xp: arrayNamespace(x), array: x as ShapedArray };
}

const AXES_HINT = 'Pass e.g. 0, [0, 1], new Set([0, 1]), or leave it unset for all axes.';

function isIterable(value: object): value is Iterable<unknown> {
  return typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** The axes as a list (not yet normalised), or null for all; NumPy takes any sequence. */
function axisList(axes: unknown): unknown[] | null {
  if (axes === undefined || axes === null) return null;
  if (typeof axes === 'number') return [axes];
  if (typeof axes === 'object' && isIterable(axes)) return [...axes];
  throw new InvalidArgumentError(`axes must be an integer, an iterable of integers or null, got ${describe(axes)}.`, {
    argument: 'axes',
    hint: AXES_HINT,
  });
}

/** The second argument: axes themselves (a number or an iterable), or an options object `{ axes }`. */
function readAxes(axesOrOptions: unknown): unknown[] | null {
  if (typeof axesOrOptions === 'object' && axesOrOptions !== null && !isIterable(axesOrOptions)) {
    for (const key of Object.keys(axesOrOptions)) {
      if (key !== 'axes') {
        throw new InvalidArgumentError(`Unknown option '${key}'.`, { argument: key, hint: 'The only option is axes.' });
      }
    }
    return axisList((axesOrOptions as ShiftOptions).axes);
  }
  return axisList(axesOrOptions);
}

function shift(x: unknown, axesOrOptions: ShiftAxes | ShiftOptions | undefined, inverse: boolean): unknown {
  const { xp, array } = namespaceOf(x);
  const shape = array.shape;
  const axes = readAxes(axesOrOptions);
  const list = axes === null ? shape.map((_, i) => i) : axes.map((a) => normalizeAxis(a, shape.length, 'axes'));
  // NumPy's roll adds up the shifts of an axis named twice
  const total = new Map<number, number>();
  for (const axis of list) {
    const half = Math.floor(shape[axis] / 2);
    total.set(axis, (total.get(axis) ?? 0) + (inverse ? -half : half));
  }
  if (total.size === 0) return xp.asarray(array, { copy: true });
  return xp.roll(array, [...total.values()], { axis: [...total.keys()] });
}

/** Shift the zero-frequency term to the centre: `fftshift(x, axes?)` or `fftshift(x, { axes })`. */
export function fftshift<X extends ArrayInput | BrandedArray>(x: X, axes?: ShiftAxes | ShiftOptions): ArrayOf<X> {
  return shift(x, axes, false) as ArrayOf<X>;
}

/** The inverse of fftshift (differs from it by one sample for odd lengths). */
export function ifftshift<X extends ArrayInput | BrandedArray>(x: X, axes?: ShiftAxes | ShiftOptions): ArrayOf<X> {
  return shift(x, axes, true) as ArrayOf<X>;
}
