/**
 * Separable resampling (zoom, shift, an affine transform with a diagonal matrix): each
 * output coordinate along an axis depends on its own index only, so the weights and
 * coefficient indices (boundary folding included) are computed once per output index and
 * axis, not once per output value; each value is then one tensor-product sum.
 */
import { foldIndex, mapCoordinate } from './interpolation-boundary.js';
import { type SplineGrid, stridesOf, TensorSum } from './spline-grid.js';
import { splineWeights } from './spline-weights.js';

/** The taps of every output index along one axis. */
interface AxisTaps {
  readonly length: number;
  /** `length × (order + 1)` weights. */
  readonly weights: Float64Array;
  /** The coefficient indices along the axis, -1 for cval. */
  readonly index: Int32Array;
  /** 1 where the coordinate is outside the input in 'constant' mode (the result is cval). */
  readonly outside: Uint8Array;
  readonly anyOutside: boolean;
}

function axisTaps(grid: SplineGrid, axis: number, coordinates: Float64Array): AxisTaps {
  const taps = grid.order + 1;
  const m = coordinates.length;
  const weights = new Float64Array(m * taps);
  const index = new Int32Array(m * taps);
  const outside = new Uint8Array(m);
  const w = new Float64Array(taps);
  let anyOutside = false;
  for (let j = 0; j < m; j++) {
    const mapped = mapCoordinate(coordinates[j], grid.inputShape[axis], grid.mode);
    if (Number.isNaN(mapped)) {
      outside[j] = 1;
      anyOutside = true;
      continue;
    }
    const start = splineWeights(mapped + grid.pad, grid.order, w);
    for (let k = 0; k < taps; k++) {
      weights[j * taps + k] = w[k];
      index[j * taps + k] = foldIndex(start + k, grid.shape[axis], grid.extension);
    }
  }
  return { length: m, weights, index, outside, anyOutside };
}

/**
 * The grid's spline at the outer product of `coordinates` (one list per input axis): a
 * plane of shape [coordinates[0].length, …], in C order.
 */
export function resampleSeparable(grid: SplineGrid, coordinates: readonly Float64Array[]): Float64Array {
  const taps = grid.order + 1;
  const nd = coordinates.length;
  const tables = coordinates.map((c, axis) => axisTaps(grid, axis, c));
  const strides = stridesOf(grid.shape);
  const size = tables.reduce((p, t) => p * t.length, 1);
  const out = new Float64Array(size);
  const tensor = new TensorSum(grid.coef, nd, taps, grid.cval);
  const index = new Array<number>(nd).fill(0);
  // load axis d's taps for output index index[d] into the tensor sum
  const load = (d: number) => {
    const t = tables[d];
    const j = index[d] * taps;
    tensor.weights[d].set(t.weights.subarray(j, j + taps));
    const offsets = tensor.offsets[d];
    for (let k = 0; k < taps; k++) {
      const i = t.index[j + k];
      offsets[k] = i < 0 ? -1 : i * strides[d];
    }
  };
  for (let d = 0; d < nd; d++) if (tables[d].length > 0) load(d);
  for (let p = 0; p < size; p++) {
    let outside = false;
    for (let d = 0; d < nd; d++) outside ||= tables[d].outside[index[d]] === 1;
    out[p] = outside ? grid.cval : tensor.sum();
    for (let d = nd - 1; d >= 0; d--) {
      if (++index[d] < tables[d].length) {
        load(d);
        break;
      }
      index[d] = 0;
      load(d);
    }
  }
  return out;
}
