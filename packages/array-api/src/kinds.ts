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
