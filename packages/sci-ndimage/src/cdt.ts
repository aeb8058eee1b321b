/**
 * distanceTransformCdt: the chamfer distance transform in two raster passes (Borgefors,
 * "Distance transformations in digital images", CVGIP 34, 1986), as SciPy runs it. The
 * forward pass visits the elements in C order and takes 1 + the smallest distance among
 * the metric's neighbours that come earlier (the structure's elements before its centre);
 * the backward pass visits them in reverse order with those neighbours mirrored. Elements
 * no background reaches keep -1. Features follow the first strictly smaller neighbour.
 */
import { NDArray, readOptions } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { truthPlane } from './binary-morphology.js';
import { type DistanceResult, finishDistance, indicesArray, readRequest } from './distance-results.js';
import { readInput } from './filter-io.js';
import { strides } from './footprint-pass.js';
import { forEachLine } from './padded-lines.js';
import { CDT_KEYS, type DistanceTransformCdtOptions } from './morphology-options.js';
import { type BinaryStructure, readBinaryStructure, structureOf } from './structure.js';

function readMetric(metric: unknown, ndim: number): BinaryStructure {
  if (metric === undefined || metric === 'chessboard') return structureOf(ndim, ndim);
  if (metric === 'taxicab' || metric === 'cityblock' || metric === 'manhattan') return structureOf(ndim, 1);
  if (typeof metric === 'string') {
    throw new InvalidArgumentError(`Unknown metric '${metric}'.`, {
      argument: 'metric',
      hint: "Use 'chessboard', 'taxicab' ('cityblock', 'manhattan'), or a 3×…×3 boolean structure.",
    });
  }
  const s = readBinaryStructure(metric, 'metric');
  if (s.shape.length !== ndim || s.shape.some((n) => n !== 3)) {
    throw new ShapeError(`'metric' has shape [${s.shape.join(', ')}]; a structure of ${ndim} dimensions of size 3 is needed.`, {
      argument: 'metric',
      hint: `Give a ${new Array(ndim).fill(3).join('×')} structure, e.g. generateBinaryStructure(${ndim}, 1).`,
    });
  }
  return s;
}

/** Padding cells: never visited, never a neighbour. */
const OUTSIDE = -2;

/**
 * One raster pass over the padded distances, in place: C order with `offsets` (forward),
 * or reverse C order with the offsets negated by the caller (backward). Padding cells are
 * skipped, so the element order is the unpadded array's.
 */
function chamferPass(dist: Int32Array, feature: Int32Array | null, offsets: Int32Array, forward: boolean): void {
  const size = dist.length;
  const count = offsets.length;
  const inc = forward ? 1 : -1;
  for (let c = 0, p = forward ? 0 : size - 1; c < size; c++, p += inc) {
    const value = dist[p];
    if (value === 0 || value === OUTSIDE) continue;
    let min = value;
    let from = 0;
    for (let t = 0; t < count; t++) {
      const tt = dist[p + offsets[t]];
      if (tt >= 0 && (min < 0 || tt + 1 < min)) {
        min = tt + 1;
        from = offsets[t];
      }
    }
    dist[p] = min;
    if (feature !== null) feature[p] = feature[p + from];
  }
}

export function distanceTransformCdtHost(input: unknown, options?: DistanceTransformCdtOptions): DistanceResult {
  const o = readOptions(options, CDT_KEYS, 'distanceTransformCdt');
  const request = readRequest(o);
  const x = readInput(input);
  const metric = readMetric(o.metric, x.ndim);
  const shape = x.shape;
  const rank = shape.length;
  const foreground = truthPlane(x);
  const size = foreground.length;
  // padded by one element per side
  const pshape = shape.map((n) => n + 2);
  const pstride = strides(pshape);
  const dist = new Int32Array(pshape.reduce((a, b) => a * b, 1)).fill(OUTSIDE);
  const feature = request.returnIndices ? new Int32Array(dist.length) : null;
  const start = pstride.reduce((a, b) => a + b, 0);
  forEachLine(shape, pstride, start, (p, k, n) => {
    for (let j = 0; j < n; j++) {
      dist[p + j] = foreground[k + j] === 1 ? -1 : 0;
      if (feature !== null) feature[p + j] = k + j;
    }
  });
  // the metric's elements before its centre, in C order, as offsets in the padded plane
  const offsets: number[] = [];
  const half = Math.floor(metric.mask.length / 2);
  for (let k = 0; k < half; k++) {
    if (metric.mask[k] !== 1) continue;
    let off = 0;
    for (let d = rank - 1, r = k; d >= 0; d--, r = Math.floor(r / 3)) off += ((r % 3) - 1) * pstride[d];
    offsets.push(off);
  }
  const list = Int32Array.from(offsets);
  if (size > 0) {
    chamferPass(dist, feature, list, true);
    chamferPass(dist, feature, list.map((v) => -v), false);
  }
  const out = new Int32Array(size);
  const features = feature === null ? null : new Int32Array(size);
  forEachLine(shape, pstride, start, (p, k, n) => {
    out.set(dist.subarray(p, p + n), k);
    if (features !== null && feature !== null) features.set(feature.subarray(p, p + n), k);
  });
  const distances = request.returnDistances ? new NDArray(out, [...shape], 'int32') : null;
  let indices: NDArray | null = null;
  if (feature !== null) {
    const stride = strides(shape);
    const planes = shape.map(() => new Int32Array(size));
    for (let k = 0; k < size; k++) {
      let r = (features as Int32Array)[k];
      for (let d = 0; d < rank; d++) {
        planes[d][k] = Math.floor(r / stride[d]);
        r %= stride[d];
      }
    }
    indices = indicesArray(planes, shape);
  }
  return finishDistance(request, distances, indices);
}
