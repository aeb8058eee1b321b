/**
 * distanceTransformEdt: the exact Euclidean feature transform by separable passes (Maurer,
 * Qi & Raghavan, "A linear time algorithm for computing exact Euclidean distance
 * transforms of binary images in arbitrary dimensions", IEEE TPAMI 25(2), 2003), the
 * algorithm SciPy runs. Pass d (axes 0, 1, … in turn) keeps, along each line, the lower
 * envelope of the parabolas of the nearest background points found by the earlier passes,
 * then gives every element the first envelope point of least distance. The same tests in
 * the same floating-point order as SciPy give SciPy's feature on every tie.
 */
import { NDArray, readOptions } from '@sciport/array-api';
import { foregroundBytes } from './binary-morphology.js';
import { type DistanceResult, finishDistance, indicesArray, readRequest, readSampling } from './distance-results.js';
import { squaredDistances } from './edt-squared.js';
import { readInput } from './filter-io.js';
import { strides } from './footprint-pass.js';
import { type DistanceTransformEdtOptions, EDT_KEYS } from './morphology-options.js';

/** Lines of one pass handled together. */
const BLOCK = 16;

/**
 * The feature transform of `foreground` (nonzero = foreground): per axis, the plane of the
 * nearest background element's coordinate. Without any background element the first
 * plane holds -1 and the others 0, as SciPy.
 */
export function featureTransform(foreground: Uint8Array, shape: readonly number[], sampling: Float64Array | null): Int32Array[] {
  const rank = shape.length;
  const size = foreground.length;
  const stride = strides(shape);
  const planes = shape.map(() => new Int32Array(size));
  forEachCoordinateLine(shape, (k0, n, idx) => {
    const last = rank - 1;
    for (let j = 0; j < n; j++) {
      const k = k0 + j;
      if (foreground[k] !== 0) planes[0][k] = -1;
      else {
        for (let d = 0; d < last; d++) planes[d][k] = idx[d];
        planes[last][k] = j;
      }
    }
  });
  if (size === 0) return planes;
  const maxLength = Math.max(...shape);
  // BLOCK neighbouring lines are gathered and scattered together (whole cache lines on strided axes)
  const buffers = () => Array.from({ length: BLOCK }, () => shape.map(() => new Int32Array(maxLength)));
  const lines = buffers();
  const results = buffers();
  const weight = new Float64Array(maxLength);
  const envelope = new Int32Array(maxLength);
  const coor = new Array<number>(rank).fill(0);
  for (let d = 0; d < rank; d++) {
    const n = shape[d];
    const s = stride[d];
    const sd = sampling === null ? 1 : sampling[d];
    // the lines along axis d start at o·n·s + i (o over the earlier axes, i within one step)
    for (let start0 = 0; start0 < size; start0 += n * s) {
      for (let i0 = 0; i0 < s; i0 += BLOCK) {
        const count = Math.min(BLOCK, s - i0);
        const first = start0 + i0;
        for (let e = 0; e < rank; e++) {
          const plane = planes[e];
          for (let j = 0, row = first; j < n; j++, row += s) for (let b = 0; b < count; b++) lines[b][e][j] = plane[row + b];
        }
        for (let b = 0; b < count; b++) {
          for (let e = 0, r = first + b; e < rank; e++) {
            coor[e] = Math.floor(r / stride[e]);
            r %= stride[e];
          }
          voronoiLine(lines[b], results[b], n, d, coor, sampling, sd, weight, envelope);
        }
        for (let e = 0; e < rank; e++) {
          const plane = planes[e];
          for (let j = 0, row = first; j < n; j++, row += s) for (let b = 0; b < count; b++) plane[row + b] = results[b][e][j];
        }
      }
    }
  }
  return planes;
}

/**
 * One line of pass d (SciPy's _VoronoiFT): `line` holds its elements' features (one buffer
 * per axis), `result` receives the new ones.
 */
function voronoiLine(
  line: Int32Array[],
  result: Int32Array[],
  n: number,
  d: number,
  coor: readonly number[],
  sampling: Float64Array | null,
  sd: number,
  weight: Float64Array,
  envelope: Int32Array,
): void {
  const rank = line.length;
  const fd = line[d];
  const f0 = line[0];
  // squared distance of each site from the line along the other axes (earlier axes only: later ones are 0)
  let l = -1;
  for (let i = 0; i < n; i++) {
    if (f0[i] < 0) continue;
    let w = 0;
    for (let e = 0; e < d; e++) {
      let t = line[e][i] - coor[e];
      if (sampling !== null) t *= sampling[e];
      w += t * t;
    }
    weight[i] = w;
    while (l >= 1) {
      const i1 = envelope[l];
      const i2 = envelope[l - 1];
      const f1 = fd[i1];
      let a = f1 - fd[i2];
      let b = fd[i] - f1;
      if (sampling !== null) {
        a *= sd;
        b *= sd;
      }
      const c = a + b;
      // the middle parabola is hidden when this test fails
      if (c * weight[i1] - b * weight[i2] - a * w - a * b * c <= 0) break;
      l--;
    }
    envelope[++l] = i;
  }
  if (l < 0) {
    // no site: the features stay as they are
    for (let e = 0; e < rank; e++) result[e].set(line[e].subarray(0, n));
    return;
  }
  const last = l;
  l = 0;
  for (let i = 0; i < n; i++) {
    let t = (fd[envelope[l]] - i) * sd;
    let delta1 = weight[envelope[l]] + t * t;
    while (l < last) {
      t = (fd[envelope[l + 1]] - i) * sd;
      const delta2 = weight[envelope[l + 1]] + t * t;
      if (delta1 <= delta2) break;
      delta1 = delta2;
      l++;
    }
    const site = envelope[l];
    for (let e = 0; e < rank; e++) result[e][i] = line[e][site];
  }
}

/**
 * Calls `line(k, n, idx)` for each line of the last axis in C order: its first element's
 * index, its length, and the coordinates of its first element (the last one 0).
 */
function forEachCoordinateLine(shape: readonly number[], line: (k: number, n: number, idx: Int32Array) => void): void {
  const rank = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  if (size === 0) return;
  const n = shape[rank - 1];
  const idx = new Int32Array(rank);
  for (let k = 0; k < size; k += n) {
    line(k, n, idx);
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

/** The Euclidean distance of each element from its feature, summed over axes in order (NumPy's add.reduce). */
function distancesOf(planes: Int32Array[], shape: readonly number[], sampling: Float64Array | null): Float64Array {
  const rank = shape.length;
  const out = new Float64Array(planes[0].length);
  // multiplying by 1 is exact, so unit sampling needs no branch
  const scale = sampling ?? new Float64Array(rank).fill(1);
  const last = rank - 1;
  const lastPlane = planes[last];
  const lastScale = scale[last];
  forEachCoordinateLine(shape, (k0, n, idx) => {
    for (let j = 0; j < n; j++) {
      const k = k0 + j;
      let sum = 0;
      for (let d = 0; d < last; d++) {
        const t = (planes[d][k] - idx[d]) * scale[d];
        sum += t * t;
      }
      const t = (lastPlane[k] - j) * lastScale;
      sum += t * t;
      out[k] = Math.sqrt(sum);
    }
  });
  return out;
}

export function distanceTransformEdtHost(input: unknown, options?: DistanceTransformEdtOptions): DistanceResult {
  const o = readOptions(options, EDT_KEYS, 'distanceTransformEdt');
  const request = readRequest(o);
  const x = readInput(input);
  // SciPy works on at least one dimension
  const shape = x.ndim === 0 ? [1] : x.shape;
  const sampling = readSampling(o.sampling, shape.length);
  const foreground = foregroundBytes(x);
  if (request.returnDistances && !request.returnIndices && (sampling === null || sampling.every((s) => s === 1))) {
    // distances alone, unit spacing: the exact squared distances without the features
    const squared = squaredDistances(foreground, shape);
    if (squared !== null) {
      for (let k = 0; k < squared.length; k++) squared[k] = Math.sqrt(squared[k]);
      return finishDistance(request, new NDArray(squared, [...shape], 'float64'), null);
    }
  }
  const planes = featureTransform(foreground, shape, sampling);
  const distances = request.returnDistances ? new NDArray(distancesOf(planes, shape, sampling), [...shape], 'float64') : null;
  const indices = request.returnIndices ? indicesArray(planes, shape) : null;
  return finishDistance(request, distances, indices);
}
