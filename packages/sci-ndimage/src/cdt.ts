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
import { paddedPositions } from './padded-positions.js';
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

/** One raster pass (`direction` 1: C order; -1: reverse) over the padded distances, in place. */
function chamferPass(dist: Int32Array, feature: Int32Array | null, position: Int32Array, offsets: Int32Array, direction: 1 | -1): void {
  const size = position.length;
  const count = offsets.length;
  for (let j = 0; j < size; j++) {
    const p = position[direction === 1 ? j : size - 1 - j];
    const value = dist[p];
    if (value === 0) continue;
    let min = value;
    let from = 0;
    for (let t = 0; t < count; t++) {
      const tt = dist[p + direction * offsets[t]];
      if (tt >= 0 && (min < 0 || tt + 1 < min)) {
        min = tt + 1;
        from = direction * offsets[t];
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
  // padded by one element per side; border cells hold -1 (never a neighbour)
  const pshape = shape.map((n) => n + 2);
  const pstride = strides(pshape);
  const dist = new Int32Array(pshape.reduce((a, b) => a * b, 1)).fill(-1);
  const feature = request.returnIndices ? new Int32Array(dist.length) : null;
  const position = paddedPositions(shape, pstride, pstride.reduce((a, b) => a + b, 0));
  for (let k = 0; k < size; k++) {
    const p = position[k];
    dist[p] = foreground[k] === 1 ? -1 : 0;
    if (feature !== null) feature[p] = k;
  }
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
    chamferPass(dist, feature, position, list, 1);
    chamferPass(dist, feature, position, list, -1);
  }
  const out = new Int32Array(size);
  for (let k = 0; k < size; k++) out[k] = dist[position[k]];
  const distances = request.returnDistances ? new NDArray(out, [...shape], 'int32') : null;
  let indices: NDArray | null = null;
  if (feature !== null) {
    const stride = strides(shape);
    const planes = shape.map(() => new Int32Array(size));
    for (let k = 0; k < size; k++) {
      let r = feature[position[k]];
      for (let d = 0; d < rank; d++) {
        planes[d][k] = Math.floor(r / stride[d]);
        r %= stride[d];
      }
    }
    indices = indicesArray(planes, shape);
  }
  return finishDistance(request, distances, indices);
}
