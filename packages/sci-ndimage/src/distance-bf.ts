/**
 * distanceTransformBf: the brute-force distance transform, as SciPy computes it. The
 * candidates are the background elements next to the foreground (full connectivity);
 * each foreground element takes the nearest, the last one in C order on ties. Euclidean
 * distances are float64 (sampling applies); taxicab and chessboard are uint32 (sampling is
 * ignored, as SciPy). A foreground without any background gets SciPy's sentinels:
 * √DBL_MAX (euclidean) or 2³²−1, with the feature index 0.
 */
import { NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { erodePlane } from './binary-erosion.js';
import { truthPlane } from './binary-morphology.js';
import { type DistanceResult, finishDistance, indicesArray, readRequest, readSampling } from './distance-results.js';
import { readInput } from './filter-io.js';
import { strides } from './footprint-pass.js';
import { BF_KEYS, type DistanceTransformBfOptions } from './morphology-options.js';
import { structureOf } from './structure.js';

type Metric = 'euclidean' | 'taxicab' | 'chessboard';

function readMetric(value: unknown): Metric {
  if (value === undefined) return 'euclidean';
  const name = typeof value === 'string' ? value.toLowerCase() : null;
  if (name === 'euclidean' || name === 'chessboard') return name;
  if (name === 'taxicab' || name === 'cityblock' || name === 'manhattan') return 'taxicab';
  throw new InvalidArgumentError(`Unknown metric ${describe(value)}.`, {
    argument: 'metric',
    hint: "Use 'euclidean', 'taxicab' ('cityblock', 'manhattan') or 'chessboard'.",
  });
}

export function distanceTransformBfHost(input: unknown, options?: DistanceTransformBfOptions): DistanceResult {
  const o = readOptions(options, BF_KEYS, 'distanceTransformBf');
  const request = readRequest(o);
  const metric = readMetric(o.metric);
  const x = readInput(input);
  const shape = x.shape;
  const rank = shape.length;
  const sampling = readSampling(o.sampling, rank);
  const foreground = truthPlane(x);
  const size = foreground.length;
  const full = structureOf(rank, rank);
  const dilated = erodePlane(foreground, {
    shape,
    fshape: full.shape,
    structure: full.mask,
    origins: new Array<number>(rank).fill(0),
    borderValue: 0,
    invert: true,
    iterations: 1,
    mask: null,
    bruteForce: false,
  });
  // coordinates of every element, and the candidates: background next to the foreground
  const stride = strides(shape);
  const coords = new Int32Array(size * rank);
  const border: number[] = [];
  for (let k = 0; k < size; k++) {
    for (let d = 0, r = k; d < rank; d++) {
      coords[k * rank + d] = Math.floor(r / stride[d]);
      r %= stride[d];
    }
    if (dilated[k] === 1 && foreground[k] === 0) border.push(k);
  }
  const euclidean = metric === 'euclidean';
  const dist = euclidean ? new Float64Array(size) : new Uint32Array(size);
  const feature = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    if (foreground[k] === 0) {
      feature[k] = k;
      continue;
    }
    let best = euclidean ? Number.MAX_VALUE : 4294967295;
    let from = 0;
    // SciPy scans its candidate list from the last one, keeping the first strictly nearer
    for (let b = border.length - 1; b >= 0; b--) {
      const q = border[b];
      let dq = 0;
      for (let d = 0; d < rank; d++) {
        let t = coords[k * rank + d] - coords[q * rank + d];
        if (euclidean) {
          if (sampling !== null) t *= sampling[d];
          dq += t * t;
        } else if (metric === 'taxicab') dq += Math.abs(t);
        else dq = Math.max(dq, Math.abs(t));
      }
      if (dq < best) {
        best = dq;
        from = q;
      }
    }
    dist[k] = euclidean ? Math.sqrt(best) : best;
    feature[k] = from;
  }
  const distances = request.returnDistances ? new NDArray(dist, [...shape], euclidean ? 'float64' : 'uint32') : null;
  let indices: NDArray | null = null;
  if (request.returnIndices) {
    const planes = shape.map((_, d) => {
      const plane = new Int32Array(size);
      for (let k = 0; k < size; k++) plane[k] = coords[feature[k] * rank + d];
      return plane;
    });
    indices = indicesArray(planes, shape);
  }
  return finishDistance(request, distances, indices);
}
