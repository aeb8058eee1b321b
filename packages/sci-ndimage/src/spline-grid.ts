/**
 * The spline an interpolation reads: the input's B-spline coefficients (prefiltered, or
 * the input itself), padded first where the mode needs it, with the rules of its mode;
 * and where coordinates along one axis read it (`locateAxis`).
 */
import type { DType } from '@sciport/array-api';
import {
  type CoefficientExtension,
  coefficientExtension,
  foldIndex,
  mapCoordinate,
  padsBeforePrefilter,
  prefilterBoundary,
  SPLINE_PADDING,
} from './interpolation-boundary.js';
import type { BoundaryMode } from './modes.js';
import { quantize } from './output.js';
import { scratchBuffer } from './scratch-buffer.js';
import { prefilterAxis } from './spline-prefilter.js';
import { SPLINE_WEIGHTS, splineStart } from './spline-weights.js';

export interface SplineGrid {
  /**
   * The coefficients, C order. In 'grid-constant' mode they are surrounded by one more
   * sample of cval on every side (`ring` = 1), which every tap past an end reads, so the
   * sums need no test for cval.
   */
  readonly coef: Float64Array;
  /** The coefficients' shape along each axis, without the ring (the input's, plus 2·pad). */
  readonly lengths: readonly number[];
  /** The C-order strides (in elements) of `coef`, ring included. */
  readonly strides: readonly number[];
  /** Added to every coordinate: the padding before each axis. */
  readonly pad: number;
  /** 1 where cval surrounds the coefficients ('grid-constant'), else 0. */
  readonly ring: number;
  readonly order: number;
  readonly mode: BoundaryMode;
  readonly extension: CoefficientExtension;
}

/**
 * The spline of `plane` (C order, `shape`, values of an input of dtype `dtype`):
 * prefiltered when `prefilter` and order > 1 (after padding in 'nearest' and
 * 'grid-constant', as SciPy), else the values themselves. The coefficients may live in
 * the shared scratch buffer, valid until the next grid is made; a caller that runs user
 * code while it samples (which may make grids of its own) passes `shareable` false.
 */
export function splineGrid(
  plane: Float64Array,
  shape: readonly number[],
  dtype: DType,
  order: number,
  mode: BoundaryMode,
  cval: number,
  prefilter: boolean,
  shareable = true,
): SplineGrid {
  let coef = plane;
  let lengths = shape;
  let pad = 0;
  if (prefilter && order > 1) {
    if (padsBeforePrefilter(mode)) {
      pad = SPLINE_PADDING;
      // SciPy pads an array of the input's dtype, so its padding holds cval cast to it (1.5 → 1 for integers)
      const padValue = Float64Array.of(cval);
      quantize(padValue, dtype);
      coef = padPlane(plane, shape, pad, mode === 'nearest' ? null : padValue[0]);
      lengths = shape.map((n) => n + 2 * pad);
    } else {
      // the prefilter works in place: on a copy (the plane may be the caller's input)
      coef = shareable ? scratchBuffer('coefficients', plane.length) : new Float64Array(plane.length);
      coef.set(plane);
    }
    for (let axis = 0; axis < shape.length; axis++) prefilterAxis(coef, lengths, axis, order, prefilterBoundary(mode));
  }
  const ring = mode === 'grid-constant' ? 1 : 0;
  // the taps past an end read cval itself, not cval cast to the input's dtype
  if (ring === 1) coef = padPlane(coef, lengths, 1, cval);
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= lengths[d] + 2 * ring;
  }
  return { coef, lengths, strides, pad, ring, order, mode, extension: coefficientExtension(mode) };
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
 * Where input coordinates `coordinates[from … from + count)` along `axis` read the grid:
 * for the q-th, the order + 1 weights go to `weights[q·(order+1) …]` and the coefficients'
 * element offsets along that axis to `offsets[q·(order+1) …]`, and `outside[q]` is 1 when
 * the result is cval ('constant' outside the input, or a NaN coordinate in a mode that
 * folds), else 0. The steps are SciPy's (ni_interpolation.c): shift by the padding, fold
 * by the mode, weights at the folded coordinate, coefficient indices folded by the mode's
 * extension. One loop per step over all the coordinates keeps each step's code inline.
 */
export function locateAxis(
  grid: SplineGrid,
  axis: number,
  coordinates: Float64Array,
  from: number,
  count: number,
  weights: Float64Array,
  offsets: Int32Array,
  outside: Uint8Array,
): void {
  const n = grid.lengths[axis];
  const { order, pad, mode, ring } = grid;
  const taps = order + 1;
  const stride = grid.strides[axis];
  const keeps = mode === 'nearest' || mode === 'grid-constant';
  const fill = SPLINE_WEIGHTS[order];
  for (let q = 0; q < count; q++) {
    const cc = coordinates[from + q] + pad;
    // inside [0, n − 1] every mode keeps the coordinate
    const x = cc >= 0 && cc <= n - 1 ? cc : mapCoordinate(cc, n, mode);
    const at = q * taps;
    if (Number.isNaN(x)) {
      outside[q] = keeps ? 0 : 1;
      // modes that never fold interpolate a NaN coordinate: the result is NaN
      for (let k = 0; k < taps; k++) {
        weights[at + k] = Number.NaN;
        offsets[at + k] = 0;
      }
      continue;
    }
    outside[q] = 0;
    fill(x, weights, at);
    const start = splineStart(x, order);
    if (start >= 0 && start + order < n) {
      for (let k = 0; k < taps; k++) offsets[at + k] = (start + k + ring) * stride;
    } else {
      for (let k = 0; k < taps; k++) {
        const i = foldIndex(start + k, n, grid.extension);
        // past an end in 'grid-constant': the ring of cval on that side
        const position = i >= 0 ? i : start + k < 0 ? -1 : n;
        offsets[at + k] = (position + ring) * stride;
      }
    }
  }
}
