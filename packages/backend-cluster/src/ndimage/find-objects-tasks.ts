/**
 * The worker side of `findObjects` on chunked arrays (find-objects.ts): boxes as a float64
 * chunk of shape [labels, 1 + 2·rank], a row per label 1, 2, …: a presence flag (1 or 0), then
 * start and stop per axis in array coordinates.
 */
import { type NDArray, packedMap } from '@sciport/array-api';
import { findObjects } from '@sciport/ndimage';
import type { ChunkData } from '../protocol/chunk-data.js';
import { chunkToNDArray } from '../runtime/ndarray-bridge.js';
import { FIND_OBJECTS_BLOCK, MERGE_BOXES } from '../runtime/task-names.js';
import { registerTask } from '../runtime/task-registry.js';

export interface FindObjectsBlockParams {
  /** The block's first element in the array. */
  readonly start: readonly number[];
  readonly maxLabel: number;
}

/** The largest label of a block (below 1 when it has none). */
function largestLabel(x: ChunkData): number {
  const data = x.data as ArrayLike<number | bigint>;
  let max = 0;
  for (let i = 0; i < data.length; i++) if (Number(data[i]) > max) max = Number(data[i]);
  return max;
}

registerTask(FIND_OBJECTS_BLOCK, ([x], params: FindObjectsBlockParams) => {
  const rank = x.shape.length;
  const width = 1 + 2 * rank;
  // without maxLabel, each block reports up to its own largest label (none when it has no label ≥ 1)
  const maxLabel = params.maxLabel >= 1 ? params.maxLabel : largestLabel(x);
  if (maxLabel < 1) return { dtype: 'float64', shape: [0, width], data: new Float64Array(0) };
  const boxes = findObjects(chunkToNDArray(x) as NDArray, { maxLabel });
  const out = new Float64Array(boxes.length * width);
  boxes.forEach((box, l) => {
    if (box === null) return;
    out[l * width] = 1;
    box.forEach(([lo, hi], d) => {
      out[l * width + 1 + 2 * d] = lo + params.start[d];
      out[l * width + 2 + 2 * d] = hi + params.start[d];
    });
  });
  return { dtype: 'float64', shape: [boxes.length, width], data: out };
});

/** Boxes of the same labels joined: the smallest start and the largest stop per axis. */
registerTask(MERGE_BOXES, (inputs: readonly ChunkData[]) => {
  const width = inputs[0].shape[1];
  const labels = Math.max(...packedMap(inputs, (b) => b.shape[0]));
  const out = new Float64Array(labels * width);
  for (const part of inputs) {
    const data = part.data as Float64Array;
    for (let l = 0; l < part.shape[0]; l++) {
      const row = l * width;
      if (data[row] === 0) continue;
      const first = out[row] === 0;
      out[row] = 1;
      for (let k = 1; k < width; k += 2) {
        out[row + k] = first ? data[row + k] : Math.min(out[row + k], data[row + k]);
        out[row + k + 1] = first ? data[row + k + 1] : Math.max(out[row + k + 1], data[row + k + 1]);
      }
    }
  }
  return { dtype: 'float64', shape: [labels, width], data: out };
});
