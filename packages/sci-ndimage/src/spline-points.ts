/**
 * The spline at arbitrary points (affineTransform, rotate, mapCoordinates,
 * geometricTransform). Points are taken in batches: the taps of a batch's coordinates
 * are located one axis at a time (locateAxis, one tight loop per axis), then each
 * point's tensor-product sum is taken (spline-sum.ts).
 */
import { locateAxis, type SplineGrid } from './spline-grid.js';
import { sum1, sum2, sum3, sumN } from './spline-sum.js';

/** Points per batch. */
const BATCH = 256;

/** Evaluates a grid's spline at batches of points (scratch space allocated once). */
class PointSampler {
  /** Coordinates of up to BATCH points, axis d's at d·BATCH …, for callers that compute them. */
  readonly coordinates: Float64Array;
  private readonly taps: number;
  private readonly weights: Float64Array[];
  private readonly offsets: Int32Array[];
  private readonly outside: Uint8Array[];
  private readonly at: Int32Array;
  private readonly tap: Int32Array;

  constructor(
    private readonly grid: SplineGrid,
    private readonly cval: number,
  ) {
    const nd = grid.lengths.length;
    this.taps = grid.order + 1;
    this.coordinates = new Float64Array(nd * BATCH);
    this.weights = Array.from({ length: nd }, () => new Float64Array(BATCH * this.taps));
    this.offsets = Array.from({ length: nd }, () => new Int32Array(BATCH * this.taps));
    this.outside = Array.from({ length: nd }, () => new Uint8Array(BATCH));
    this.at = new Int32Array(nd);
    this.tap = new Int32Array(nd);
  }

  /**
   * Writes to `out[first …]` the spline at `count` ≤ BATCH points whose axis-d
   * coordinates are `source[d·stride + from …]`; cval outside in 'constant' mode.
   */
  run(source: Float64Array, from: number, stride: number, count: number, out: Float64Array, first: number): void {
    const { grid, taps, weights: w, offsets: o, outside, cval } = this;
    const nd = w.length;
    if (taps === 2 && nd === 2) {
      this.runLinear2(source, from, stride, count, out, first);
      return;
    }
    if (taps === 2 && nd === 3) {
      this.runLinear3(source, from, stride, count, out, first);
      return;
    }
    for (let d = 0; d < nd; d++) locateAxis(grid, d, source, d * stride + from, count, w[d], o[d], outside[d]);
    const c = grid.coef;
    if (nd === 1) {
      const [u0] = outside;
      for (let q = 0; q < count; q++) out[first + q] = u0[q] ? cval : sum1(c, taps, w[0], o[0], q * taps);
    } else if (nd === 2) {
      const [u0, u1] = outside;
      for (let q = 0; q < count; q++) {
        out[first + q] = u0[q] | u1[q] ? cval : sum2(c, taps, w[0], o[0], q * taps, w[1], o[1], q * taps);
      }
    } else if (nd === 3) {
      const [u0, u1, u2] = outside;
      for (let q = 0; q < count; q++) {
        const a = q * taps;
        out[first + q] = u0[q] | u1[q] | u2[q] ? cval : sum3(c, taps, w[0], o[0], a, w[1], o[1], a, w[2], o[2], a);
      }
    } else {
      for (let q = 0; q < count; q++) {
        let away = false;
        for (let d = 0; d < nd; d++) away ||= outside[d][q] === 1;
        this.at.fill(q * taps);
        out[first + q] = away ? cval : sumN(c, taps, w, o, this.at, this.tap);
      }
    }
  }

  /** `run` for order 1 in 2-D (see linear2). */
  private runLinear2(source: Float64Array, from: number, stride: number, count: number, out: Float64Array, first: number): void {
    const { grid, weights: w, offsets: o, outside, cval } = this;
    const c = grid.coef;
    linear2(grid, source, from, stride, count, out, first, cval, (q) => {
      locateAxis(grid, 0, source, from + q, 1, w[0], o[0], outside[0]);
      locateAxis(grid, 1, source, stride + from + q, 1, w[1], o[1], outside[1]);
      return outside[0][0] | outside[1][0] ? cval : sum2(c, 2, w[0], o[0], 0, w[1], o[1], 0);
    });
  }

  /** `run` for order 1 in 3-D (see linear3). */
  private runLinear3(source: Float64Array, from: number, stride: number, count: number, out: Float64Array, first: number): void {
    const { grid, weights: w, offsets: o, outside, cval } = this;
    const c = grid.coef;
    linear3(grid, source, from, stride, count, out, first, cval, (q) => {
      for (let d = 0; d < 3; d++) locateAxis(grid, d, source, d * stride + from + q, 1, w[d], o[d], outside[d]);
      return outside[0][0] | outside[1][0] | outside[2][0] ? cval : sum3(c, 2, w[0], o[0], 0, w[1], o[1], 0, w[2], o[2], 0);
    });
  }
}

/**
 * PointSampler.run for order 1 in 2-D: a point whose four taps lie inside the grid is
 * summed at once (the same weights and terms, in the same order, as locateAxis and sum2
 * give); any other point goes through them one at a time.
 */
function linear2(
  grid: SplineGrid,
  source: Float64Array,
  from: number,
  stride: number,
  count: number,
  out: Float64Array,
  first: number,
  cval: number,
  generic: (q: number) => number,
): void {
  const c = grid.coef;
  const { pad, ring } = grid;
  const last0 = grid.lengths[0] - 1;
  const last1 = grid.lengths[1] - 1;
  const s0 = grid.strides[0];
  const s1 = grid.strides[1];
  // 'constant' gives cval for a point outside the input (or a NaN coordinate)
  const constant = grid.mode === 'constant';
  for (let q = 0; q < count; q++) {
    const x0 = source[from + q] + pad;
    const x1 = source[stride + from + q] + pad;
    if (!(x0 >= 0 && x0 < last0 && x1 >= 0 && x1 < last1)) {
      out[first + q] = constant && !(x0 >= 0 && x0 <= last0 && x1 >= 0 && x1 <= last1) ? cval : generic(q);
      continue;
    }
    const f0 = Math.floor(x0);
    const f1 = Math.floor(x1);
    const v0 = 1 - (x0 - f0);
    const v1 = 1 - v0;
    const u0 = 1 - (x1 - f1);
    const u1 = 1 - u0;
    const r0 = (f0 + ring) * s0;
    const r1 = r0 + s0;
    const k0 = (f1 + ring) * s1;
    const k1 = k0 + s1;
    let t = 0;
    t += c[r0 + k0] * v0 * u0;
    t += c[r0 + k1] * v0 * u1;
    t += c[r1 + k0] * v1 * u0;
    t += c[r1 + k1] * v1 * u1;
    out[first + q] = t;
  }
}

/** linear2 in 3-D: the terms of sum3 for order 1, in its order. */
function linear3(
  grid: SplineGrid,
  source: Float64Array,
  from: number,
  stride: number,
  count: number,
  out: Float64Array,
  first: number,
  cval: number,
  generic: (q: number) => number,
): void {
  const c = grid.coef;
  const { pad, ring } = grid;
  const last0 = grid.lengths[0] - 1;
  const last1 = grid.lengths[1] - 1;
  const last2 = grid.lengths[2] - 1;
  const s0 = grid.strides[0];
  const s1 = grid.strides[1];
  const s2 = grid.strides[2];
  const constant = grid.mode === 'constant';
  for (let q = 0; q < count; q++) {
    const x0 = source[from + q] + pad;
    const x1 = source[stride + from + q] + pad;
    const x2 = source[2 * stride + from + q] + pad;
    if (!(x0 >= 0 && x0 < last0 && x1 >= 0 && x1 < last1 && x2 >= 0 && x2 < last2)) {
      const away = !(x0 >= 0 && x0 <= last0 && x1 >= 0 && x1 <= last1 && x2 >= 0 && x2 <= last2);
      out[first + q] = constant && away ? cval : generic(q);
      continue;
    }
    const f0 = Math.floor(x0);
    const f1 = Math.floor(x1);
    const f2 = Math.floor(x2);
    const a0 = 1 - (x0 - f0);
    const a1 = 1 - a0;
    const b0 = 1 - (x1 - f1);
    const b1 = 1 - b0;
    const u0 = 1 - (x2 - f2);
    const u1 = 1 - u0;
    const r0 = (f0 + ring) * s0;
    const r1 = r0 + s0;
    const m0 = (f1 + ring) * s1;
    const m1 = m0 + s1;
    const k0 = (f2 + ring) * s2;
    const k1 = k0 + s2;
    let t = 0;
    t += c[r0 + m0 + k0] * a0 * b0 * u0;
    t += c[r0 + m0 + k1] * a0 * b0 * u1;
    t += c[r0 + m1 + k0] * a0 * b1 * u0;
    t += c[r0 + m1 + k1] * a0 * b1 * u1;
    t += c[r1 + m0 + k0] * a1 * b0 * u0;
    t += c[r1 + m0 + k1] * a1 * b0 * u1;
    t += c[r1 + m1 + k0] * a1 * b1 * u0;
    t += c[r1 + m1 + k1] * a1 * b1 * u1;
    out[first + q] = t;
  }
}

/** The grid's spline at the `count` points of `coordinates` (axis d's coordinates at d·count …). */
export function sampleCoordinates(grid: SplineGrid, coordinates: Float64Array, count: number, cval: number, out: Float64Array = new Float64Array(count)): Float64Array {
  const sampler = new PointSampler(grid, cval);
  for (let first = 0; first < count; first += BATCH) sampler.run(coordinates, first, count, Math.min(BATCH, count - first), out, first);
  return out;
}

/**
 * The grid's spline at every index of an output of shape `outputShape`, in C order
 * (written to `out`, returned): `locate(index, point)` writes the input coordinates of
 * output index `index` into `point`.
 */
export function sampleTransform(
  grid: SplineGrid,
  outputShape: readonly number[],
  cval: number,
  locate: (index: readonly number[], point: Float64Array) => void,
  out: Float64Array = new Float64Array(outputShape.reduce((p, n) => p * n, 1)),
): Float64Array {
  const size = out.length;
  const sampler = new PointSampler(grid, cval);
  const nd = grid.lengths.length;
  const point = new Float64Array(nd);
  const batch = sampler.coordinates;
  const index = new Array<number>(outputShape.length).fill(0);
  for (let first = 0; first < size; first += BATCH) {
    const count = Math.min(BATCH, size - first);
    for (let q = 0; q < count; q++) {
      locate(index, point);
      for (let d = 0; d < nd; d++) batch[d * BATCH + q] = point[d];
      for (let d = outputShape.length - 1; d >= 0; d--) {
        if (++index[d] < outputShape[d]) break;
        index[d] = 0;
      }
    }
    sampler.run(batch, 0, BATCH, count, out, first);
  }
  return out;
}

/**
 * The grid's spline at the images of every output index under input = matrix · output +
 * offset (`matrix` row-major, one row per input axis), accumulated as SciPy does: the
 * offset first, then each column's term in turn.
 */
export function sampleAffine(
  grid: SplineGrid,
  outputShape: readonly number[],
  matrix: Float64Array,
  offset: readonly number[],
  cval: number,
  out: Float64Array = new Float64Array(outputShape.reduce((p, n) => p * n, 1)),
): Float64Array {
  const rows = offset.length;
  const cols = outputShape.length;
  if (cols > 3) {
    return sampleTransform(grid, outputShape, cval, (index, point) => {
      for (let i = 0; i < rows; i++) {
        let t = offset[i];
        for (let j = 0; j < cols; j++) t += index[j] * matrix[i * cols + j];
        point[i] = t;
      }
    }, out);
  }
  // up to three output axes: the index counted directly, each coordinate one short sum
  const size = out.length;
  const sampler = new PointSampler(grid, cval);
  const batch = sampler.coordinates;
  const shape = [1, 1, 1];
  for (let j = 0; j < cols; j++) shape[3 - cols + j] = outputShape[j];
  // the matrix with the columns of missing leading axes zero (never added: their index stays 0)
  const m = new Float64Array(rows * 3);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m[i * 3 + 3 - cols + j] = matrix[i * cols + j];
  const first = 3 - cols;
  // the sum's terms before the last column are the same along an output line: summed once
  // per line, in the same order, so every coordinate keeps its bits
  const lineBase = new Float64Array(rows);
  const last = Float64Array.from({ length: rows }, (_, r) => m[r * 3 + 2]);
  const startLine = (i0: number, i1: number) => {
    for (let r = 0; r < rows; r++) {
      let t = offset[r];
      if (first === 0) t += i0 * m[r * 3];
      if (first <= 1) t += i1 * m[r * 3 + 1];
      lineBase[r] = t;
    }
  };
  let i0 = 0;
  let i1 = 0;
  let i2 = 0;
  startLine(0, 0);
  for (let start = 0; start < size; start += BATCH) {
    const count = Math.min(BATCH, size - start);
    for (let q = 0; q < count; ) {
      // the rest of this output line that fits the batch
      const run = Math.min(count - q, shape[2] - i2);
      for (let r = 0; r < rows; r++) {
        const base = lineBase[r];
        const step = last[r];
        const row = r * BATCH + q;
        for (let k = 0; k < run; k++) batch[row + k] = base + (i2 + k) * step;
      }
      q += run;
      i2 += run;
      if (i2 === shape[2]) {
        i2 = 0;
        if (++i1 === shape[1]) {
          i1 = 0;
          i0++;
        }
        startLine(i0, i1);
      }
    }
    sampler.run(batch, 0, BATCH, count, out, start);
  }
  return out;
}
