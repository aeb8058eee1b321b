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
import { truthPlane } from './binary-morphology.js';
import { type DistanceResult, finishDistance, indicesArray, readRequest, readSampling } from './distance-results.js';
import { readInput } from './filter-io.js';
import { strides } from './footprint-pass.js';
import { type DistanceTransformEdtOptions, EDT_KEYS } from './morphology-options.js';

/**
 * The feature transform of `foreground` (1 = foreground): per axis, the plane of the
 * nearest background element's coordinate. Without any background element the first
 * plane holds -1 and the others 0, as SciPy.
 */
export function featureTransform(foreground: Uint8Array, shape: readonly number[], sampling: Float64Array | null): Int32Array[] {
  const rank = shape.length;
  const size = foreground.length;
  const stride = strides(shape);
  const planes = shape.map(() => new Int32Array(size));
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < size; k++) {
    if (foreground[k] === 1) planes[0][k] = -1;
    else for (let d = 0; d < rank; d++) planes[d][k] = idx[d];
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  if (size === 0) return planes;
  const maxLength = Math.max(...shape);
  const line = shape.map(() => new Int32Array(maxLength));
  const weight = new Float64Array(maxLength);
  const envelope = new Int32Array(maxLength);
  const coor = new Array<number>(rank).fill(0);
  for (let d = 0; d < rank; d++) {
    const n = shape[d];
    const s = stride[d];
    const sd = sampling === null ? 1 : sampling[d];
    // the lines along axis d start at o·n·s + i (o over the earlier axes, i within one step)
    for (let start0 = 0; start0 < size; start0 += n * s) {
      for (let start = start0; start < start0 + s; start++) {
        for (let e = 0, r = start; e < rank; e++) {
          coor[e] = Math.floor(r / stride[e]);
          r %= stride[e];
        }
        voronoiLine(planes, start, s, n, d, coor, sampling, sd, line, weight, envelope);
      }
    }
  }
  return planes;
}

/** One line of pass d (SciPy's _VoronoiFT), in place in `planes`. */
function voronoiLine(
  planes: Int32Array[],
  start: number,
  step: number,
  n: number,
  d: number,
  coor: readonly number[],
  sampling: Float64Array | null,
  sd: number,
  line: Int32Array[],
  weight: Float64Array,
  envelope: Int32Array,
): void {
  const rank = planes.length;
  for (let e = 0; e < rank; e++) {
    const plane = planes[e];
    const buf = line[e];
    for (let i = 0, p = start; i < n; i++, p += step) buf[i] = plane[p];
  }
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
  if (l < 0) return;
  const last = l;
  l = 0;
  for (let i = 0, p = start; i < n; i++, p += step) {
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
    for (let e = 0; e < rank; e++) planes[e][p] = line[e][site];
  }
}

/** The Euclidean distance of each element from its feature, summed over axes in order (NumPy's add.reduce). */
function distancesOf(planes: Int32Array[], shape: readonly number[], sampling: Float64Array | null): Float64Array {
  const size = planes[0].length;
  const rank = shape.length;
  const out = new Float64Array(size);
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < size; k++) {
    let sum = 0;
    for (let d = 0; d < rank; d++) {
      let t = planes[d][k] - idx[d];
      if (sampling !== null) t *= sampling[d];
      sum += t * t;
    }
    out[k] = Math.sqrt(sum);
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

export function distanceTransformEdtHost(input: unknown, options?: DistanceTransformEdtOptions): DistanceResult {
  const o = readOptions(options, EDT_KEYS, 'distanceTransformEdt');
  const request = readRequest(o);
  const x = readInput(input);
  // SciPy works on at least one dimension
  const shape = x.ndim === 0 ? [1] : x.shape;
  const sampling = readSampling(o.sampling, shape.length);
  const planes = featureTransform(truthPlane(x), shape, sampling);
  const distances = request.returnDistances ? new NDArray(distancesOf(planes, shape, sampling), [...shape], 'float64') : null;
  const indices = request.returnIndices ? indicesArray(planes, shape) : null;
  return finishDistance(request, distances, indices);
}
