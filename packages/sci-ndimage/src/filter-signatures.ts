/** The call signatures the filters share (a leaf file: the declarations and compositions both use them). */
import type { ArrayInput, ArrayOf } from '@sciport/array-api';
import type { BrandedArray } from '@sciport/dispatch-core';

/** An input of any array kind. */
export type In = ArrayInput | BrandedArray;

/** correlate/convolve (1-D and n-D): `(input, weights, options)`. */
export type WeightsFilter<O> = <X extends In>(input: X, weights: ArrayInput, options?: O) => ArrayOf<X>;
/** A filter with one required number after the input: `(input, size | sigma, options)`. */
export type ScalarFilter<O, S = number> = <X extends In>(input: X, parameter: S, options?: O) => ArrayOf<X>;
/** A filter whose parameters are all options: `(input, options)`. */
export type OptionsFilter<O> = <X extends In>(input: X, options?: O) => ArrayOf<X>;
