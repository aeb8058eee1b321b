/** Options of the labelling and measurement functions (SciPy's keyword arguments, camelCase). */
import type { DType, NDArray } from '@sciport/array-api';
import type { DispatchOptions } from '@sciport/dispatch-core';

/** label. */
export interface LabelOptions extends DispatchOptions {
  /** 3×…×3 boolean-like connectivity, symmetric about its centre (default: face neighbours). */
  structure?: unknown;
  /** A dtype name for the labels (default int32), or a preallocated array that is filled (label then returns only the count). */
  output?: DType | NDArray | null;
}

/** findObjects. */
export interface FindObjectsOptions extends DispatchOptions {
  /** Report labels 1…maxLabel (default 0: up to the largest label present). */
  maxLabel?: number;
}

/** labeledComprehension. */
export interface LabeledComprehensionOptions extends DispatchOptions {
  /** Also pass the C-order flat positions of the values to `func` (default false). */
  passPositions?: boolean;
}

/** valueIndices. */
export interface ValueIndicesOptions extends DispatchOptions {
  /** A value left out of the result (default: none). */
  ignoreValue?: number | null;
}

/** watershedIft. */
export interface WatershedOptions extends DispatchOptions {
  /** 3×…×3 boolean-like connectivity (default: face neighbours). */
  structure?: unknown;
  /** A preallocated signed-integer array of the input's shape that is filled and returned (default: a new array of the markers' dtype). */
  output?: NDArray | null;
}

/** The statistics (sum, mean, …), histogram: only the per-call backend choice. */
export type MeasurementOptions = DispatchOptions;

export const LABEL_KEYS: readonly string[] = Object.freeze(['structure', 'output', 'backend']);
export const FIND_OBJECTS_KEYS: readonly string[] = Object.freeze(['maxLabel', 'backend']);
export const MEASUREMENT_KEYS: readonly string[] = Object.freeze(['backend']);
export const COMPREHENSION_KEYS: readonly string[] = Object.freeze(['passPositions', 'backend']);
export const VALUE_INDICES_KEYS: readonly string[] = Object.freeze(['ignoreValue', 'backend']);
export const WATERSHED_KEYS: readonly string[] = Object.freeze(['structure', 'output', 'backend']);
