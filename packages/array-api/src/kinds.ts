/**
 * Array kinds at the type level. Backends augment `ArrayKindMap` so that generic code
 * can say "the array type of x's kind":
 *
 * ```ts
 * declare module '@sciport/array-api' {
 *   interface ArrayKindMap { gpu: GPUArray }
 * }
 * ```
 */
import { ARRAY_BRAND } from '@sciport/dispatch-core';
import type { NDArray } from './ndarray.js';

export interface ArrayKindMap {
  host: NDArray;
}

/** The array type an input maps to: its kind's array for branded arrays, NDArray otherwise. */
export type ArrayOf<X> = X extends { readonly [ARRAY_BRAND]: infer K }
  ? K extends keyof ArrayKindMap
    ? ArrayKindMap[K]
    : NDArray
  : NDArray;

/**
 * Kinds whose summaries — counts, measurements, boxes: results that are not arrays of the
 * input's kind — arrive as Promises, because the values are gathered from elsewhere (the
 * chunked backend's workers). Backends augment it:
 *
 * ```ts
 * declare module '@sciport/array-api' {
 *   interface DeferredKindMap { chunked: true }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by backends (declaration merging)
export interface DeferredKindMap {}

/** A summary of type T computed from x: T, or Promise<T> for the kinds in DeferredKindMap. */
export type SummaryOf<X, T> = X extends { readonly [ARRAY_BRAND]: infer K } ? (K extends keyof DeferredKindMap ? Promise<T> : T) : T;

/** The array inside an array-valued summary (a measurement per label): a host NDArray for deferred kinds (it was gathered), else ArrayOf<X>. */
export type SummaryArray<X> = X extends { readonly [ARRAY_BRAND]: infer K } ? (K extends keyof DeferredKindMap ? NDArray : ArrayOf<X>) : NDArray;
