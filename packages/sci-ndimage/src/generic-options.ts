/**
 * The options of genericFilter, genericFilter1d and vectorizedFilter (SciPy's keyword
 * arguments, camelCase), and the callbacks they take.
 */
import type { NDArray } from '@sciport/array-api';
import type { BoundaryMode } from './modes.js';
import type { Output } from './options.js';
import type { DispatchOptions } from '@sciport/dispatch-core';

/**
 * genericFilter's callback: the window's values (the footprint's selected elements in C
 * order, as float64, like SciPy's 1-D buffer), then `extraArguments`, then
 * `extraKeywords` when given; returns the output value.
 */
export type GenericFilterCallback = (values: Float64Array, ...extra: any[]) => number;

/**
 * genericFilter1d's callback: the input line extended by the boundary mode (length
 * n + filterSize − 1) and the output line (length n) to fill, then `extraArguments`, then
 * `extraKeywords` when given. What it returns is ignored, as in SciPy.
 */
export type GenericFilter1dCallback = (inputLine: Float64Array, outputLine: Float64Array, ...extra: any[]) => unknown;

/**
 * vectorizedFilter's callback: every window at once, stacked (see vectorizedFilter), and
 * the window's axes in that stack (`axis`: numbers counted from the end, e.g. [-2, -1]);
 * returns one value per window, as an array of the stack's leading shape.
 */
export type VectorizedFilterCallback = (windows: NDArray, options: { readonly axis: readonly number[] }) => unknown;

interface GenericBase extends DispatchOptions {
  output?: Output | null;
  cval?: number;
  /** Passed to the callback after its arrays (SciPy's extra_arguments). */
  extraArguments?: readonly unknown[];
  /** Passed to the callback as one last object argument (SciPy's extra_keywords). */
  extraKeywords?: Readonly<Record<string, unknown>>;
}

/** genericFilter. */
export interface GenericFilterOptions extends GenericBase {
  /** Window size per filtered axis; give this or `footprint`. */
  size?: number | readonly number[];
  /** Boolean-like array selecting the window's elements; give this or `size`. */
  footprint?: unknown;
  /** One mode for every axis, as SciPy. */
  mode?: BoundaryMode;
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
}

/** genericFilter1d. */
export interface GenericFilter1dOptions extends GenericBase {
  axis?: number;
  mode?: BoundaryMode;
  origin?: number;
}

/** vectorizedFilter: SciPy's keyword arguments; `mode` also takes `'valid'`. */
export interface VectorizedFilterOptions extends DispatchOptions {
  size?: number | readonly number[];
  footprint?: unknown;
  /** An NDArray to fill (of the result's shape), or a dtype name; default the callback's result dtype. */
  output?: Output | null;
  mode?: BoundaryMode | 'valid';
  /** Only with mode 'constant' (or 'grid-constant'), as SciPy. */
  cval?: number;
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
  /** Most bytes of windows passed to one call (default 2^30); more windows are passed in batches. */
  batchMemory?: number;
}

export const GENERIC_FILTER_KEYS: readonly string[] = Object.freeze([
  'size',
  'footprint',
  'output',
  'mode',
  'cval',
  'origin',
  'extraArguments',
  'extraKeywords',
  'axes',
  'backend',
]);
export const GENERIC_FILTER_1D_KEYS: readonly string[] = Object.freeze([
  'axis',
  'output',
  'mode',
  'cval',
  'origin',
  'extraArguments',
  'extraKeywords',
  'backend',
]);
export const VECTORIZED_FILTER_KEYS: readonly string[] = Object.freeze([
  'size',
  'footprint',
  'output',
  'mode',
  'cval',
  'origin',
  'axes',
  'batchMemory',
  'backend',
]);
