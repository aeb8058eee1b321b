/**
 * The playground's panels. Each says which multimethod it calls with which arguments (the
 * call that is dispatched to the chosen backend and timed) and how the result is shown.
 */
import { abs, log1p, matmul, multiply, type NDArray, slice } from '@sciport/array-api';
import { fft2, fftshift } from '@sciport/fft';
import { svd } from '@sciport/linalg';
import {
  blackTophat,
  gaussianFilter,
  greyClosing,
  greyDilation,
  greyErosion,
  greyOpening,
  laplace,
  maximumFilter,
  medianFilter,
  morphologicalGradient,
  rotate,
  sobel,
  uniformFilter,
  whiteTophat,
  zoom,
} from '@sciport/ndimage';

export interface Param {
  readonly id: string;
  readonly label: string;
  readonly value: number | string;
  /** A choice between names; a number input otherwise. */
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

export type Values = Record<string, number | string>;
/** A call's result read back to host memory: one array, or a tuple (svd's three factors). */
export type HostResult = NDArray | readonly NDArray[];
/** The panels call multimethods of several signatures. */
type Multimethod = (...args: any[]) => unknown;

export interface Call {
  readonly fn: Multimethod;
  readonly args: readonly unknown[];
  /** The call as a user would write it, for the page. */
  readonly text: string;
}

export interface Panel {
  readonly id: string;
  readonly title: string;
  readonly params: readonly Param[];
  call(x: unknown, values: Values): Call;
  /** What to draw from the host copy of the result (the result itself by default). */
  display?(result: HostResult, values: Values): NDArray;
}

const number = (values: Values, id: string) => Number(values[id]);

const FILTERS: Record<string, (x: unknown, s: number) => Call> = {
  gaussianFilter: (x, s) => ({ fn: gaussianFilter, args: [x, s], text: `gaussianFilter(image, ${s})` }),
  uniformFilter: (x, s) => ({ fn: uniformFilter, args: [x, { size: s }], text: `uniformFilter(image, { size: ${s} })` }),
  medianFilter: (x, s) => ({ fn: medianFilter, args: [x, { size: s }], text: `medianFilter(image, { size: ${s} })` }),
  maximumFilter: (x, s) => ({ fn: maximumFilter, args: [x, { size: s }], text: `maximumFilter(image, { size: ${s} })` }),
  sobel: (x) => ({ fn: sobel, args: [x, { axis: 0 }], text: 'sobel(image, { axis: 0 })' }),
  laplace: (x) => ({ fn: laplace, args: [x], text: 'laplace(image)' }),
};

const MORPHOLOGY: Record<string, Multimethod> = {
  greyErosion,
  greyDilation,
  greyOpening,
  greyClosing,
  morphologicalGradient,
  whiteTophat,
  blackTophat,
};

/** Σ_{i<k} s_i u_i v_iᵀ, the best rank-k approximation (Eckart–Young): (u[:, :k] · s[:k]) @ vh[:k, :]. */
function rankApproximation([u, s, vh]: readonly NDArray[], k: number): NDArray {
  return matmul(multiply(u!.slice(slice(), slice(0, k)), s!.slice(slice(0, k))), vh!.slice(slice(0, k), slice()));
}

export const PANELS: readonly Panel[] = [
  {
    id: 'filters',
    title: 'Filters',
    params: [
      { id: 'op', label: 'filter', value: 'gaussianFilter', options: Object.keys(FILTERS) },
      { id: 'size', label: 'σ / size', value: 3, min: 1, max: 25, step: 1 },
    ],
    call: (x, v) => FILTERS[String(v.op)]!(x, number(v, 'size')),
  },
  {
    id: 'morphology',
    title: 'Grey morphology',
    params: [
      { id: 'op', label: 'operation', value: 'greyOpening', options: Object.keys(MORPHOLOGY) },
      { id: 'size', label: 'size', value: 5, min: 1, max: 25, step: 1 },
    ],
    call: (x, v) => ({ fn: MORPHOLOGY[String(v.op)]!, args: [x, { size: number(v, 'size') }], text: `${v.op}(image, { size: ${v.size} })` }),
  },
  {
    id: 'geometry',
    title: 'Zoom and rotate',
    params: [
      { id: 'op', label: 'transform', value: 'rotate', options: ['rotate', 'zoom'] },
      { id: 'amount', label: 'angle (°) / factor', value: 30, step: 0.1 },
      { id: 'order', label: 'spline order', value: 3, min: 0, max: 5, step: 1 },
    ],
    call: (x, v) =>
      v.op === 'zoom'
        ? { fn: zoom, args: [x, number(v, 'amount'), { order: number(v, 'order') }], text: `zoom(image, ${v.amount}, { order: ${v.order} })` }
        : { fn: rotate, args: [x, number(v, 'amount'), { order: number(v, 'order'), reshape: false }], text: `rotate(image, ${v.amount}, { order: ${v.order}, reshape: false })` },
  },
  {
    id: 'spectrum',
    title: '2-D spectrum',
    params: [],
    call: (x) => ({ fn: fft2, args: [x], text: 'fft2(image)  → log(1 + |fftshift(·)|)' }),
    display: (result) => log1p(abs(fftshift(result as NDArray))),
  },
  {
    id: 'svd',
    title: 'Rank-k SVD compression',
    params: [{ id: 'k', label: 'rank k', value: 16, min: 1, max: 512, step: 1 }],
    call: (x) => ({ fn: svd, args: [x], text: 'svd(image)  → Σ_{i<k} s_i u_i v_iᵀ' }),
    display: (factors, v) => rankApproximation(factors as readonly NDArray[], number(v, 'k')),
  },
];

/** What a panel draws from its call's host result. */
export function displayed(panel: Panel, result: HostResult, values: Values): NDArray {
  return panel.display ? panel.display(result, values) : (result as NDArray);
}
