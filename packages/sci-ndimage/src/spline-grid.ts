/**
 * The spline an interpolation reads: the input's B-spline coefficients (prefiltered, or
 * the input itself), padded first where the mode needs it, with the rules of its mode,
 * and the evaluation of that spline at one point of any dimension.
 */
import {
  type CoefficientExtension,
  coefficientExtension,
  foldIndex,
  mapCoordinate,
  padsBeforePrefilter,
  prefilterBoundary,
  SPLINE_PADDING,
} from './interpolation-boundary.js';
import type { DType } from '@sciport/array-api';
import type { BoundaryMode } from './modes.js';
import { quantize } from './output.js';
import { prefilterAxis } from './spline-prefilter.js';
import { splineWeights } from './spline-weights.js';

export interface SplineGrid {
  /** The coefficients, C order, of shape `shape` (the input's, plus 2·pad per axis). */
  readonly coef: Float64Array;
  readonly shape: readonly number[];
  /** The input's shape (coordinates refer to it). */
  readonly inputShape: readonly number[];
  /** Added to every coordinate: the padding before each axis. */
  readonly pad: number;
  readonly order: number;
  readonly mode: BoundaryMode;
  readonly extension: CoefficientExtension;
  readonly cval: number;
}

/**
 * The spline of `plane` (C order, `shape`, values of an input of dtype `dtype`):
 * prefiltered when `prefilter` and order > 1 (after padding in 'nearest' and
 * 'grid-constant', as SciPy), else the values themselves.
 */
export function splineGrid(
  plane: Float64Array,
  shape: readonly number[],
  dtype: DType,
  order: number,
  mode: BoundaryMode,
  cval: number,
  prefilter: boolean,
): SplineGrid {
  let coef = plane;
  let padded = shape;
  let pad = 0;
  if (prefilter && order > 1) {
    if (padsBeforePrefilter(mode)) {
      pad = SPLINE_PADDING;
      padded = shape.map((n) => n + 2 * pad);
      // SciPy pads an array of the input's dtype, so its padding holds cval cast to it (1.5 → 1 for integers)
      const padValue = Float64Array.of(cval);
      quantize(padValue, dtype);
      coef = padPlane(plane, shape, pad, mode === 'nearest' ? null : padValue[0]);
    } else {
      coef = plane.slice();
    }
    for (let axis = 0; axis < shape.length; axis++) prefilterAxis(coef, padded, axis, order, prefilterBoundary(mode));
  }
  return { coef, shape: padded, inputShape: shape, pad, order, mode, extension: coefficientExtension(mode), cval };
}

/** `plane` with `pad` samples added on both sides of every axis: its edge value (cval null) or cval. */
function padPlane(plane: Float64Array, shape: readonly number[], pad: number, cval: number | null): Float64Array {
  let cur = plane;
  const curShape = [...shape];
  for (let axis = 0; axis < shape.length; axis++) {
    const n = curShape[axis];
    const m = n + 2 * pad;
    let inner = 1;
    for (let d = axis + 1; d < curShape.length; d++) inner *= curShape[d];
    const outer = n === 0 ? 0 : cur.length / (n * inner);
    const next = new Float64Array(outer * m * inner);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < m; j++) {
        const src = Math.min(Math.max(j - pad, 0), n - 1);
        const dst = (o * m + j) * inner;
        if (cval !== null && (j < pad || j >= pad + n)) next.fill(cval, dst, dst + inner);
        else next.set(cur.subarray((o * n + src) * inner, (o * n + src + 1) * inner), dst);
      }
    }
    cur = next;
    curShape[axis] = m;
  }
  return cur;
}

/**
 * The tensor-product sum of one output value: over every combination of one tap per axis
 * (last axis fastest), the product of the taps' weights times the coefficient they
 * select (cval where a tap lies past a 'grid-constant' edge), added to one running
 * total in that order, as SciPy sums (so integer results round at ties as SciPy's do).
 */
export class TensorSum {
  /** Per axis: the taps' weights and their offsets into the coefficients (-1: cval). */
  readonly weights: Float64Array[];
  readonly offsets: Int32Array[];
  private total = 0;

  constructor(
    private readonly coef: Float64Array,
    private readonly ndim: number,
    private readonly taps: number,
    private readonly cval: number,
  ) {
    this.weights = Array.from({ length: ndim }, () => new Float64Array(taps));
    this.offsets = Array.from({ length: ndim }, () => new Int32Array(taps));
  }

  sum(): number {
    this.total = 0;
    this.add(0, 0, 1, false);
    return this.total;
  }

  private add(d: number, base: number, weight: number, outside: boolean): void {
    const w = this.weights[d];
    const offsets = this.offsets[d];
    const last = d === this.ndim - 1;
    for (let k = 0; k < this.taps; k++) {
      const off = offsets[k];
      const wk = d === 0 ? w[k] : weight * w[k];
      const out = outside || off < 0;
      if (!last) this.add(d + 1, out ? base : base + off, wk, out);
      else this.total += wk * (out ? this.cval : this.coef[base + off]);
    }
  }
}

/** The C-order strides (in elements) of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** Evaluates a grid's spline at points of its input's dimension (scratch space allocated once). */
export class PointSampler {
  private readonly tensor: TensorSum;
  private readonly strides: number[];

  constructor(private readonly grid: SplineGrid) {
    this.tensor = new TensorSum(grid.coef, grid.shape.length, grid.order + 1, grid.cval);
    this.strides = stridesOf(grid.shape);
  }

  /** The spline's value at input coordinate `point` (one per input axis). */
  sample(point: ArrayLike<number>): number {
    const g = this.grid;
    const taps = g.order + 1;
    for (let d = 0; d < this.strides.length; d++) {
      const cc = point[d];
      if (Number.isNaN(cc)) return Number.NaN;
      const mapped = mapCoordinate(cc, g.inputShape[d], g.mode);
      if (Number.isNaN(mapped)) return g.cval;
      const start = splineWeights(mapped + g.pad, g.order, this.tensor.weights[d]);
      const offsets = this.tensor.offsets[d];
      for (let k = 0; k < taps; k++) {
        const i = foldIndex(start + k, g.shape[d], g.extension);
        offsets[k] = i < 0 ? -1 : i * this.strides[d];
      }
    }
    return this.tensor.sum();
  }
}

/**
 * The grid's spline at every index of an output of shape `outputShape`, in C order:
 * `locate(index, point)` writes the input coordinates of output index `index` into `point`.
 */
export function sampleTransform(
  grid: SplineGrid,
  outputShape: readonly number[],
  locate: (index: readonly number[], point: Float64Array) => void,
): Float64Array {
  const size = outputShape.reduce((p, n) => p * n, 1);
  const out = new Float64Array(size);
  const sampler = new PointSampler(grid);
  const point = new Float64Array(grid.shape.length);
  const index = new Array<number>(outputShape.length).fill(0);
  for (let p = 0; p < size; p++) {
    locate(index, point);
    out[p] = sampler.sample(point);
    for (let d = outputShape.length - 1; d >= 0; d--) {
      if (++index[d] < outputShape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}
