/**
 * The options of the filters (SciPy's keyword arguments, camelCase) and the checks of
 * their values. Every wrong value is a typed error naming the option.
 */
import type { DType, NDArray } from '@sciport/array-api';
import { describe, normalizeAxes, normalizeAxis } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError } from '@sciport/dispatch-core';
import type { BoundaryMode } from './modes.js';

/** SciPy's `output`: a dtype name, or a preallocated array of the input's shape that is filled and returned. */
export type Output = DType | NDArray;

/** A fill value: a number, or `[re, im]` for complex input. */
export type Cval = number | readonly [number, number];

interface BaseOptions extends DispatchOptions {
  output?: Output | null;
  cval?: Cval;
}

/** correlate1d, convolve1d, uniformFilter1d, minimumFilter1d, maximumFilter1d. */
export interface Filter1dOptions extends BaseOptions {
  /** Axis along which to filter (default -1). */
  axis?: number;
  mode?: BoundaryMode;
  /** Shift of the filter's centre (default 0; SciPy's rule: −⌊w/2⌋ ≤ origin ≤ ⌊(w−1)/2⌋). */
  origin?: number;
}

/** correlate, convolve: one mode for every axis, as SciPy. */
export interface CorrelateOptions extends BaseOptions {
  mode?: BoundaryMode;
  origin?: number | readonly number[];
  /** Axes the weights span (default all); `weights.ndim` must equal their number. */
  axes?: number | readonly number[] | null;
}

/** uniformFilter. */
export interface UniformFilterOptions extends BaseOptions {
  /** Box size per axis (default 3). */
  size?: number | readonly number[];
  mode?: BoundaryMode | readonly BoundaryMode[];
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
}

/** gaussianFilter1d. */
export interface GaussianFilter1dOptions extends BaseOptions {
  axis?: number;
  /** Derivative order 0–3 (default 0). */
  order?: number;
  mode?: BoundaryMode;
  /** Truncate the kernel at this many standard deviations (default 4). */
  truncate?: number;
  /** Kernel radius; overrides `truncate` when set. */
  radius?: number | null;
}

/** gaussianFilter. */
export interface GaussianFilterOptions extends BaseOptions {
  order?: number | readonly number[];
  mode?: BoundaryMode | readonly BoundaryMode[];
  truncate?: number;
  radius?: number | readonly number[] | null;
  axes?: number | readonly number[] | null;
}

/** minimumFilter, maximumFilter, rankFilter, medianFilter, percentileFilter. */
export interface RankFilterOptions extends BaseOptions {
  /** Window size per axis; ignored when `footprint` is given (which SciPy warns about). */
  size?: number | readonly number[];
  /** Boolean-like array (nested JS arrays or NDArray) selecting the window's elements. */
  footprint?: unknown;
  /** One mode, or one per axis (only for windows that are full boxes: size, or an all-true footprint). */
  mode?: BoundaryMode | readonly BoundaryMode[];
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
}

/** sobel, prewitt: the derivative along `axis`, smoothing along every other axis. */
export interface EdgeFilterOptions extends BaseOptions {
  /** Axis of the derivative (default -1). */
  axis?: number;
  /** One mode, or one per input axis. */
  mode?: BoundaryMode | readonly BoundaryMode[];
}

/** laplace. */
export interface LaplaceOptions extends BaseOptions {
  /** One mode, or one per filtered axis. */
  mode?: BoundaryMode | readonly BoundaryMode[];
  axes?: number | readonly number[] | null;
}

/** gaussianLaplace, gaussianGradientMagnitude. */
export interface GaussianDerivativeOptions extends LaplaceOptions {
  truncate?: number;
  radius?: number | readonly number[] | null;
}

/** genericLaplace, genericGradientMagnitude. */
export interface GenericDerivativeOptions extends LaplaceOptions {
  /** Passed to the derivative after `cval` (SciPy's extra_arguments). */
  extraArguments?: readonly unknown[];
}

export const EDGE_KEYS: readonly string[] = Object.freeze(['axis', 'output', 'mode', 'cval', 'backend']);
export const LAPLACE_KEYS: readonly string[] = Object.freeze(['output', 'mode', 'cval', 'axes', 'backend']);
export const GENERIC_DERIVATIVE_KEYS: readonly string[] = Object.freeze(['output', 'mode', 'cval', 'extraArguments', 'axes', 'backend']);
export const GAUSSIAN_DERIVATIVE_KEYS: readonly string[] = Object.freeze([
  'output',
  'mode',
  'cval',
  'truncate',
  'radius',
  'axes',
  'backend',
]);
export const FILTER_1D_KEYS: readonly string[] = Object.freeze(['axis', 'output', 'mode', 'cval', 'origin', 'backend']);
export const CORRELATE_KEYS: readonly string[] = Object.freeze(['output', 'mode', 'cval', 'origin', 'axes', 'backend']);
export const UNIFORM_KEYS: readonly string[] = Object.freeze(['size', 'output', 'mode', 'cval', 'origin', 'axes', 'backend']);
export const GAUSSIAN_1D_KEYS: readonly string[] = Object.freeze([
  'axis',
  'order',
  'output',
  'mode',
  'cval',
  'truncate',
  'radius',
  'backend',
]);
export const GAUSSIAN_KEYS: readonly string[] = Object.freeze([
  'order',
  'output',
  'mode',
  'cval',
  'truncate',
  'radius',
  'axes',
  'backend',
]);
export const RANK_KEYS: readonly string[] = Object.freeze([
  'size',
  'footprint',
  'output',
  'mode',
  'cval',
  'origin',
  'axes',
  'backend',
]);

/** A window size: an integer ≥ 1. */
export function checkSize(value: unknown, argument = 'size'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`'${argument}' must be an integer ≥ 1, got ${describe(value)}.`, {
      argument,
      hint: 'Give the window length along the axis (1 leaves the axis unfiltered).',
    });
  }
  return value;
}

/** An origin: an integer (its range is checked against the window by `checkOriginRange`). */
export function checkOriginValue(value: unknown, argument = 'origin'): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError(`'${argument}' must be an integer, got ${describe(value)}.`, {
      argument,
      hint: 'Give a whole number (0 centres the filter).',
    });
  }
  return value;
}

/** SciPy's rule for a window of `length`: −⌊length/2⌋ ≤ origin ≤ ⌊(length−1)/2⌋. */
export function checkOriginRange(origin: number, length: number, argument = 'origin'): void {
  const low = -Math.floor(length / 2);
  const high = Math.floor((length - 1) / 2);
  if (origin < low || origin > high) {
    throw new InvalidArgumentError(`'${argument}' ${origin} is out of range for a window of length ${length}.`, {
      argument,
      hint: `Use an origin in [${low}, ${high}].`,
    });
  }
}

/** The fill value as (re, im); a complex one only for complex input, as SciPy. */
export function checkCval(value: unknown, complexInput: boolean): [number, number] {
  if (value === undefined) return [0, 0];
  if (typeof value === 'number') return [value, 0];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    if (!complexInput && value[1] !== 0) {
      throw new InvalidArgumentError('A complex cval needs complex input.', {
        argument: 'cval',
        hint: 'Pass a real number for real input.',
      });
    }
    return [value[0], value[1]];
  }
  throw new InvalidArgumentError(`'cval' must be a number (or [re, im] for complex input), got ${describe(value)}.`, {
    argument: 'cval',
    hint: 'Pass e.g. 0.',
  });
}

/**
 * SciPy's `axes`: undefined/null for all, one axis, or distinct axes, kept in the order
 * given (per-axis values such as `size` pair with them in that order).
 */
export function checkAxes(axes: unknown, ndim: number): number[] {
  if (axes === undefined || axes === null) return Array.from({ length: ndim }, (_, i) => i);
  normalizeAxes(axes, ndim, 'axes'); // range, integer and repeat checks
  return (Array.isArray(axes) ? axes : [axes]).map((a) => normalizeAxis(a, ndim, 'axes'));
}

/** A finite number, for `sigma`, `truncate`, … */
export function checkFinite(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`'${argument}' must be a finite number, got ${describe(value)}.`, {
      argument,
      hint: 'Pass a finite number.',
    });
  }
  return value;
}
