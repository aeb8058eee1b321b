/**
 * `histogram` by labels on chunked arrays as a tree reduction: the host's histograms of each
 * block (histogram-tasks.ts), added eight at a time on the workers; the submitting thread reads
 * the sum and gives SciPy's form (an int32 array, or null for a label without elements; a list
 * for a sequence index). Exact: counts are integers. A Promise of the host's result.
 */
import { asarray, type NDArray, packedMap } from '@sciport/array-api';
import { NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import type { ChunkedArray } from '../chunked/chunked-array.js';
import { submitUnplanned } from '../chunked/core.js';
import { probeArray, withoutBackend } from '../chunked/ops/common.js';
import type { ChunkRef } from '../executor/executor.js';
import { HISTOGRAM_BLOCK, MERGE_HISTOGRAMS } from '../runtime/task-names.js';
import { treeReduce } from './find-objects.js';
import type { HistogramBlockParams } from './histogram-tasks.js';
import { labelsOn, probeLabels } from './measure.js';

type Histograms = NDArray | null | (NDArray | null)[];

async function histograms(x: ChunkedArray, labels: ChunkedArray | null, params: HistogramBlockParams, sequence: boolean): Promise<Histograms> {
  const parts: Promise<ChunkRef>[] = packedMap(x.blocks, (b, i) => {
    const inputs = labels === null ? [b] : [b, labels.blocks[i]];
    return submitUnplanned(x.cluster, HISTOGRAM_BLOCK, inputs, params).then(([ref]) => ref);
  });
  const merged = await treeReduce(x.cluster, MERGE_HISTOGRAMS, parts);
  const chunk = await x.cluster.get(merged);
  x.cluster.executor.release(merged);
  const [entries, width] = chunk.shape;
  const data = chunk.data as Float64Array;
  const entry = (k: number): NDArray | null =>
    data[k * width] === 0 ? null : (asarray(Int32Array.from(data.subarray(k * width + 1, (k + 1) * width))) as NDArray);
  const all = Array.from({ length: entries }, (_, k) => entry(k));
  return sequence ? all : all[0];
}

/** The cluster's histogram: a Promise of the host's result. */
export function histogramStrategy(input: unknown, min: number, max: number, bins: number, labels?: unknown, index?: unknown, rawOptions?: unknown): Promise<Histograms> {
  const x = input as ChunkedArray;
  const options = withoutBackend(rawOptions);
  const host = NDIMAGE_MULTIMETHODS.histogram.default as (...args: unknown[]) => unknown;
  // the host refuses bad arguments here, with its own errors
  host(probeArray(x.size > 0 ? packedMap(x.shape, () => 1) : x.shape, x.dtype), min, max, bins, probeLabels(labels, index), index, options);
  const hasLabels = labels !== undefined && labels !== null;
  const sequence = hasLabels && index !== undefined && index !== null && typeof index !== 'number';
  const entries = sequence ? Array.from(asarray(index as never).toTypedArray() as ArrayLike<number | bigint>, Number) : null;
  const params: HistogramBlockParams = { min, max, bins, index: sequence ? entries : hasLabels ? ((index as number | null | undefined) ?? null) : null };
  const result = histograms(x, hasLabels ? labelsOn(x, labels) : null, params, sequence);
  result.catch(() => {});
  return result;
}
