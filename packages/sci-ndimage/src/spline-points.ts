/**
 * The spline at arbitrary points (affineTransform, rotate, mapCoordinates,
 * geometricTransform): each point's taps are located along every axis, then summed
 * (spline-sum.ts).
 */
import { locateTaps, type SplineGrid } from './spline-grid.js';
import { sum1, sum2, sum3, sumN } from './spline-sum.js';

/** Evaluates a grid's spline at points of its input's dimension (scratch space allocated once). */
export class PointSampler {
  private readonly taps: number;
  private readonly weights: Float64Array[];
  private readonly offsets: Int32Array[];
  private readonly at: Int32Array;
  private readonly tap: Int32Array;

  constructor(
    private readonly grid: SplineGrid,
    private readonly cval: number,
  ) {
    const nd = grid.lengths.length;
    this.taps = grid.order + 1;
    this.weights = Array.from({ length: nd }, () => new Float64Array(this.taps));
    this.offsets = Array.from({ length: nd }, () => new Int32Array(this.taps));
    this.at = new Int32Array(nd);
    this.tap = new Int32Array(nd);
  }

  /** The spline's value at input coordinate `point` (one per input axis); cval outside in 'constant' mode. */
  sample(point: ArrayLike<number>): number {
    const { grid, weights: w, offsets: o, taps } = this;
    const nd = w.length;
    for (let d = 0; d < nd; d++) if (!locateTaps(grid, d, point[d], w[d], o[d], 0)) return this.cval;
    const c = grid.coef;
    switch (nd) {
      case 1:
        return sum1(c, taps, w[0], o[0], 0);
      case 2:
        return sum2(c, taps, w[0], o[0], 0, w[1], o[1], 0);
      case 3:
        return sum3(c, taps, w[0], o[0], 0, w[1], o[1], 0, w[2], o[2], 0);
      default:
        return sumN(c, taps, w, o, this.at, this.tap);
    }
  }
}

/**
 * The grid's spline at every index of an output of shape `outputShape`, in C order:
 * `locate(index, point)` writes the input coordinates of output index `index` into `point`.
 */
export function sampleTransform(
  grid: SplineGrid,
  outputShape: readonly number[],
  cval: number,
  locate: (index: readonly number[], point: Float64Array) => void,
): Float64Array {
  const size = outputShape.reduce((p, n) => p * n, 1);
  const out = new Float64Array(size);
  const sampler = new PointSampler(grid, cval);
  const point = new Float64Array(grid.lengths.length);
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
