/**
 * The options of the interpolation functions (SciPy's keyword arguments, camelCase) and
 * the checks of their values. Every wrong value is a typed error naming the option.
 */
import { describe } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError } from '@sciport/dispatch-core';
import { BOUNDARY_MODES, type BoundaryMode } from './modes.js';
import type { Cval, Output } from './options.js';

/** splineFilter1d. */
export interface SplineFilter1dOptions extends DispatchOptions {
  /** Spline order 0–5 (default 3; 0 and 1 copy the input). */
  order?: number;
  /** Axis along which to filter (default -1). */
  axis?: number;
  /** Default 'float64' (complex input: 'complex128'), as SciPy. */
  output?: Output | null;
  /** Boundary condition of the prefilter (default 'mirror'). */
  mode?: BoundaryMode;
}

/** splineFilter: every axis in turn. */
export interface SplineFilterOptions extends DispatchOptions {
  /** Spline order 2–5 (default 3). */
  order?: number;
  output?: Output | null;
  mode?: BoundaryMode;
}

/** What every interpolating function takes. */
export interface InterpolationOptions extends DispatchOptions {
  /** Default the input's dtype; integer outputs are rounded (half away from zero) and clipped to the dtype's range. */
  output?: Output | null;
  /** Spline order 0–5 (default 3). */
  order?: number;
  /** Default 'constant'. */
  mode?: BoundaryMode;
  /** Fill value for 'constant' and 'grid-constant' (default 0; [re, im] for complex input). */
  cval?: Cval;
  /** Apply splineFilter first (default true); false when the input already holds spline coefficients. */
  prefilter?: boolean;
}

/** mapCoordinates. */
export type MapCoordinatesOptions = InterpolationOptions;

/** affineTransform. */
export interface AffineTransformOptions extends InterpolationOptions {
  /** Added to matrix · o (default 0); one number, or one per input axis. Ignored for an ndim × (ndim+1) or homogeneous matrix. */
  offset?: number | readonly number[];
  /** Default: the output array's shape when `output` is an array, else the input's shape. */
  outputShape?: readonly number[] | null;
}

/** The input coordinates of output coordinate `coordinates` (SciPy's `mapping` callable). */
export type CoordinateMapping = (coordinates: number[], ...extra: any[]) => ArrayLike<number>;

/** geometricTransform. */
export interface GeometricTransformOptions extends InterpolationOptions {
  outputShape?: readonly number[] | null;
  /** Passed to `mapping` after the coordinates (SciPy's extra_arguments). */
  extraArguments?: readonly unknown[];
  /** Passed to `mapping` as one last object argument when given (SciPy's extra_keywords). */
  extraKeywords?: Record<string, unknown> | null;
}

/** shift. */
export type ShiftOptions = InterpolationOptions;

/** zoom. */
export interface ZoomOptions extends InterpolationOptions {
  /** Zoom pixel edges (true) or pixel centres (false, default), as SciPy's grid_mode. */
  gridMode?: boolean;
}

/** rotate. */
export interface RotateOptions extends InterpolationOptions {
  /** The two axes of the rotation plane (default [1, 0]). */
  axes?: readonly [number, number] | readonly number[];
  /** Grow the output to hold the whole rotated input (default true). */
  reshape?: boolean;
}

const COMMON = ['output', 'order', 'mode', 'cval', 'prefilter'] as const;
export const SPLINE_FILTER_1D_KEYS: readonly string[] = Object.freeze(['order', 'axis', 'output', 'mode', 'backend']);
export const SPLINE_FILTER_KEYS: readonly string[] = Object.freeze(['order', 'output', 'mode', 'backend']);
export const MAP_COORDINATES_KEYS: readonly string[] = Object.freeze([...COMMON, 'backend']);
export const AFFINE_TRANSFORM_KEYS: readonly string[] = Object.freeze(['offset', 'outputShape', ...COMMON, 'backend']);
export const GEOMETRIC_TRANSFORM_KEYS: readonly string[] = Object.freeze(['outputShape', ...COMMON, 'extraArguments', 'extraKeywords', 'backend']);
export const SHIFT_KEYS: readonly string[] = Object.freeze([...COMMON, 'backend']);
export const ZOOM_KEYS: readonly string[] = Object.freeze([...COMMON, 'gridMode', 'backend']);
export const ROTATE_KEYS: readonly string[] = Object.freeze(['axes', 'reshape', ...COMMON, 'backend']);

/**
 * The eight boundary modes of interpolation: unlike the filters', every name is its own
 * rule (see interpolation-boundary.ts).
 */
export function checkInterpolationMode(mode: unknown, fallback: BoundaryMode): BoundaryMode {
  if (mode === undefined) return fallback;
  if (typeof mode === 'string' && (BOUNDARY_MODES as readonly string[]).includes(mode)) return mode as BoundaryMode;
  throw new InvalidArgumentError(`Unknown boundary mode ${describe(mode)}.`, {
    argument: 'mode',
    hint: `Use one of ${BOUNDARY_MODES.join(', ')}.`,
  });
}

/** A spline order: an integer in [min, 5] (SciPy: 0–5, or 2–5 for splineFilter). */
export function checkSplineOrder(order: unknown, min = 0): number {
  if (order === undefined) return 3;
  if (typeof order !== 'number' || !Number.isInteger(order) || order < min || order > 5) {
    throw new InvalidArgumentError(`'order' must be an integer from ${min} to 5, got ${describe(order)}.`, {
      argument: 'order',
      hint: 'B-splines of order 0 (nearest) to 5 are supported; 3 (cubic) is the default.',
    });
  }
  return order;
}

/** A boolean option (`prefilter`, `reshape`, `gridMode`). */
export function checkFlag(value: unknown, argument: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`'${argument}' must be true or false, got ${describe(value)}.`, {
      argument,
      hint: 'Pass a boolean.',
    });
  }
  return value;
}

/** A finite number per input axis: one number for all, or exactly `ndim` (SciPy's _normalize_sequence). */
export function perInputAxis(value: unknown, ndim: number, argument: string): number[] {
  const list = typeof value === 'number' ? Array.from({ length: ndim }, () => value) : value;
  if (!Array.isArray(list) || list.length !== ndim || !list.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new InvalidArgumentError(`'${argument}' must be a finite number or ${ndim} finite numbers (one per input axis), got ${describe(value)}.`, {
      argument,
      hint: `Give one value, or one per axis of the input (${ndim}).`,
    });
  }
  return list as number[];
}

/** An output shape: non-negative integers, at least one. */
export function checkOutputShape(value: unknown, argument = 'outputShape'): number[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
    throw new InvalidArgumentError(`'${argument}' must be a non-empty list of non-negative integers, got ${describe(value)}.`, {
      argument,
      hint: 'Give the output length along every output axis, e.g. [64, 64].',
    });
  }
  return value as number[];
}
