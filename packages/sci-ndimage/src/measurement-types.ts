/** The call signatures of the labelling and measurement functions (SciPy's result forms in TypeScript). */
import type { ArrayInput, ArrayOf, DType, NDArray, SummaryArray, SummaryOf } from '@sciport/array-api';
import type { BrandedArray } from '@sciport/dispatch-core';
import type { ObjectSlices } from './find-objects.js';
import type { ComprehensionFunction } from './labeled-comprehension.js';
import type {
  FindObjectsOptions,
  LabeledComprehensionOptions,
  LabelOptions,
  MeasurementOptions,
  ValueIndicesOptions,
  WatershedOptions,
} from './measurement-options.js';

type In = ArrayInput | BrandedArray;
type Labels = ArrayInput | BrandedArray;
/** A sequence of labels: the result has one entry per element (an array index: its shape). */
export type LabelIndex = readonly number[] | NDArray;

/*
 * Counts, measurements and boxes are summaries: on a kind whose values are gathered from
 * elsewhere (chunked arrays) they arrive as Promises — SummaryOf<X, T> says which.
 */

/** label: [labels, count]; with a preallocated `output` only the count, as SciPy. */
export interface LabelFunction {
  <X extends In>(input: X, options: LabelOptions & { output: NDArray }): SummaryOf<X, number>;
  <X extends In>(input: X, options?: LabelOptions): [ArrayOf<X>, SummaryOf<X, number>];
}

export type FindObjectsFunction = <X extends In>(input: X, options?: FindObjectsOptions) => SummaryOf<X, (ObjectSlices | null)[]>;

/** sum, mean, …: a number for one group (no labels, no index, or a number index), an array for a sequence index. */
export interface StatisticFunction {
  <X extends In>(input: X, labels?: Labels | null, index?: number | null, options?: MeasurementOptions): SummaryOf<X, number>;
  <X extends In>(input: X, labels: Labels, index: LabelIndex, options?: MeasurementOptions): SummaryOf<X, SummaryArray<X>>;
}

/** minimumPosition, maximumPosition, centerOfMass: one coordinate list, or one per index entry. */
export interface PositionFunction {
  <X extends In>(input: X, labels?: Labels | null, index?: number | null, options?: MeasurementOptions): SummaryOf<X, number[]>;
  <X extends In>(input: X, labels: Labels, index: LabelIndex, options?: MeasurementOptions): SummaryOf<X, number[][]>;
}

/** extrema: [minimum, maximum, minimum position, maximum position]. */
export interface ExtremaFunction {
  <X extends In>(input: X, labels?: Labels | null, index?: number | null, options?: MeasurementOptions): SummaryOf<X, [number, number, number[], number[]]>;
  <X extends In>(input: X, labels: Labels, index: LabelIndex, options?: MeasurementOptions): SummaryOf<X, [SummaryArray<X>, SummaryArray<X>, number[][], number[][]]>;
}

/** histogram: int32 counts; null where a label has no element. */
export interface HistogramFunction {
  <X extends In>(input: X, min: number, max: number, bins: number, labels?: Labels | null, index?: number | null, options?: MeasurementOptions): SummaryOf<X, NDArray | null>;
  <X extends In>(input: X, min: number, max: number, bins: number, labels: Labels, index: LabelIndex, options?: MeasurementOptions): SummaryOf<X, (NDArray | null)[]>;
}

/** labeledComprehension: func's own result without labels or index; a number for a number index; an array for a sequence. */
export interface LabeledComprehensionFunction {
  <R>(input: In, labels: Labels | null, index: null | undefined, func: (values: NDArray, positions?: NDArray) => R, outDtype: DType, defaultValue: number, options?: LabeledComprehensionOptions): R;
  (input: In, labels: Labels, index: number, func: ComprehensionFunction, outDtype: DType, defaultValue: number, options?: LabeledComprehensionOptions): number;
  <X extends In>(input: X, labels: Labels, index: LabelIndex, func: ComprehensionFunction, outDtype: DType, defaultValue: number, options?: LabeledComprehensionOptions): ArrayOf<X>;
}

export type ValueIndicesFunction = (arr: In, options?: ValueIndicesOptions) => Map<number, NDArray[]>;

export type WatershedFunction = <X extends In>(input: X, markers: Labels, options?: WatershedOptions) => ArrayOf<X>;
