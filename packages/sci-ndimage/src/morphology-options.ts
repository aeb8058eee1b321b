/**
 * The options of the morphology and distance-transform functions (SciPy's keyword
 * arguments, camelCase) and their key lists. Every function also takes `backend`.
 */
import type { NDArray } from '@sciport/array-api';
import type { DispatchOptions } from '@sciport/dispatch-core';
import type { BoundaryMode } from './modes.js';
import type { Output } from './options.js';

/** binaryErosion, binaryDilation, binaryOpening, binaryClosing. */
export interface BinaryMorphologyOptions extends DispatchOptions {
  /** Boolean-like array (nonzero = true), one dimension per axis of `axes`; default connectivity 1. */
  structure?: unknown;
  /** Repetitions (default 1); below 1 repeats until the result stops changing. */
  iterations?: number;
  /** Only elements where the mask is nonzero are modified. */
  mask?: unknown;
  /** A preallocated array of the input's shape to fill with 0/1 (or 'bool'); default a new bool array. */
  output?: NDArray | 'bool' | null;
  /** Value of the elements beyond the edges (default 0). */
  borderValue?: number | boolean;
  origin?: number | readonly number[];
  /** Re-examine every element in each iteration instead of the changed ones' neighbours (same result). */
  bruteForce?: boolean;
  axes?: number | readonly number[] | null;
}

/** binaryPropagation. */
export interface BinaryPropagationOptions extends DispatchOptions {
  structure?: unknown;
  mask?: unknown;
  output?: NDArray | 'bool' | null;
  borderValue?: number | boolean;
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
}

/** binaryFillHoles. */
export interface BinaryFillHolesOptions extends DispatchOptions {
  structure?: unknown;
  output?: NDArray | 'bool' | null;
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
}

/** binaryHitOrMiss. */
export interface BinaryHitOrMissOptions extends DispatchOptions {
  /** The part that must be true (default connectivity 1). */
  structure1?: unknown;
  /** The part that must be false (default: the complement of structure1). */
  structure2?: unknown;
  output?: NDArray | 'bool' | null;
  origin1?: number | readonly number[];
  /** Default: origin1. */
  origin2?: number | readonly number[] | null;
  axes?: number | readonly number[] | null;
}

/** greyErosion, greyDilation, greyOpening, greyClosing, morphologicalGradient, morphologicalLaplace, whiteTophat, blackTophat. */
export interface GreyMorphologyOptions extends DispatchOptions {
  /** Box size per axis (a flat structuring element). */
  size?: number | readonly number[];
  /** Boolean-like array: the flat structuring element. */
  footprint?: unknown;
  /** Non-flat structuring element: its values are added (dilation) or subtracted (erosion). */
  structure?: unknown;
  output?: Output | null;
  /** One mode, or one per axis (only for box windows). */
  mode?: BoundaryMode | readonly BoundaryMode[];
  cval?: number;
  origin?: number | readonly number[];
  axes?: number | readonly number[] | null;
}

/** iterateStructure. */
export interface IterateStructureOptions extends DispatchOptions {
  /** When given (and iterations ≥ 2), the result is `[structure, origin × iterations]`. */
  origin?: number | readonly number[] | null;
}

/** distanceTransformEdt. */
export interface DistanceTransformEdtOptions extends DispatchOptions {
  /** Spacing of the elements along each axis (one number, or one per axis; each > 0). */
  sampling?: number | readonly number[] | null;
  returnDistances?: boolean;
  returnIndices?: boolean;
  /** A float64 array of the input's shape to fill (then not returned). */
  distances?: NDArray | null;
  /** An int32 array of shape [ndim, ...shape] to fill (then not returned). */
  indices?: NDArray | null;
}

/** distanceTransformBf. */
export interface DistanceTransformBfOptions extends DistanceTransformEdtOptions {
  /** 'euclidean' (default), 'taxicab' ('cityblock', 'manhattan') or 'chessboard'; sampling only affects euclidean. */
  metric?: 'euclidean' | 'taxicab' | 'cityblock' | 'manhattan' | 'chessboard';
}

/** distanceTransformCdt. */
export interface DistanceTransformCdtOptions extends DispatchOptions {
  /** 'chessboard' (default), 'taxicab' ('cityblock', 'manhattan'), or a 3×…×3 boolean structure. */
  metric?: 'chessboard' | 'taxicab' | 'cityblock' | 'manhattan' | NDArray | unknown;
  returnDistances?: boolean;
  returnIndices?: boolean;
  /** An int32 array of the input's shape to fill (then not returned). */
  distances?: NDArray | null;
  indices?: NDArray | null;
}

export const BINARY_MORPHOLOGY_KEYS: readonly string[] = Object.freeze([
  'structure',
  'iterations',
  'mask',
  'output',
  'borderValue',
  'origin',
  'bruteForce',
  'axes',
  'backend',
]);
export const BINARY_PROPAGATION_KEYS: readonly string[] = Object.freeze(['structure', 'mask', 'output', 'borderValue', 'origin', 'axes', 'backend']);
export const BINARY_FILL_HOLES_KEYS: readonly string[] = Object.freeze(['structure', 'output', 'origin', 'axes', 'backend']);
export const BINARY_HIT_OR_MISS_KEYS: readonly string[] = Object.freeze([
  'structure1',
  'structure2',
  'output',
  'origin1',
  'origin2',
  'axes',
  'backend',
]);
export const GREY_MORPHOLOGY_KEYS: readonly string[] = Object.freeze([
  'size',
  'footprint',
  'structure',
  'output',
  'mode',
  'cval',
  'origin',
  'axes',
  'backend',
]);
export const GENERATE_STRUCTURE_KEYS: readonly string[] = Object.freeze(['backend']);
export const ITERATE_STRUCTURE_KEYS: readonly string[] = Object.freeze(['origin', 'backend']);
export const EDT_KEYS: readonly string[] = Object.freeze(['sampling', 'returnDistances', 'returnIndices', 'distances', 'indices', 'backend']);
export const BF_KEYS: readonly string[] = Object.freeze([
  'metric',
  'sampling',
  'returnDistances',
  'returnIndices',
  'distances',
  'indices',
  'backend',
]);
export const CDT_KEYS: readonly string[] = Object.freeze(['metric', 'returnDistances', 'returnIndices', 'distances', 'indices', 'backend']);
