/**
 * The worker side of `histogram` by labels on chunked arrays (histogram.ts): the host function on
 * the block, its result as a float64 chunk with a row per result entry (one for a single group,
 * one per index entry for a sequence), each a presence flag (0 where the host gives null) then
 * the counts; and the merge of such chunks, counts added, presence or-ed. Counts are integers, so
 * the merged histograms are exact.
 */
import type { NDArray } from '@sciport/array-api';
import { histogram } from '@sciport/ndimage';
import type { ChunkData } from '../protocol/chunk-data.js';
import { chunkToNDArray } from '../runtime/ndarray-bridge.js';
import { HISTOGRAM_BLOCK, MERGE_HISTOGRAMS } from '../runtime/task-names.js';
import { registerTask } from '../runtime/task-registry.js';

export interface HistogramBlockParams {
  readonly min: number;
  readonly max: number;
  readonly bins: number;
  /** The index as the host takes it: null, a number, or the entries of a sequence (C order). */
  readonly index: number | readonly number[] | null;
}

registerTask(HISTOGRAM_BLOCK, (inputs, params: HistogramBlockParams) => {
  const x = chunkToNDArray(inputs[0]);
  const labels = inputs.length > 1 ? chunkToNDArray(inputs[1]) : null;
  const result = histogram(x, params.min, params.max, params.bins, labels as never, params.index as never) as NDArray | null | (NDArray | null)[];
  const entries = Array.isArray(result) ? result : [result];
  const width = 1 + params.bins;
  const rows = new Float64Array(entries.length * width);
  entries.forEach((h, k) => {
    if (h === null) return;
    rows[k * width] = 1;
    const counts = h.toTypedArray() as Int32Array;
    for (let b = 0; b < params.bins; b++) rows[k * width + 1 + b] = counts[b];
  });
  return { dtype: 'float64', shape: [entries.length, width], data: rows };
});

registerTask(MERGE_HISTOGRAMS, (inputs: readonly ChunkData[]) => {
  const rows = new Float64Array(inputs[0].data.length);
  const width = inputs[0].shape[1];
  for (const part of inputs) {
    const p = part.data as Float64Array;
    for (let i = 0; i < rows.length; i++) rows[i] = i % width === 0 ? Math.max(rows[i], p[i]) : rows[i] + p[i];
  }
  return { dtype: 'float64', shape: [...inputs[0].shape], data: rows };
});
