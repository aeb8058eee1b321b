import { cStrides, NDArray } from '@sciport/array-api';
import { allocateChunk, type ChunkData } from '../protocol/chunk-data.js';
import { type AssemblePiece, assemble, copyBox, type GatherParams } from './assemble.js';
import { chunkToNDArray } from './ndarray-bridge.js';

/**
 * Run a task on its block in slabs along an axis the operation treats independently (an axis
 * it does not transform), each slab small enough to stay in cache: the slab's input is a view
 * (or is assembled from the pieces of a fused rechunk), its result is written straight into the
 * output chunk. A block-sized temporary would go through main memory two extra times; on a
 * small machine memory bandwidth, not arithmetic, limits how well workers scale.
 */
export interface SplitParams {
  readonly axis: number;
  /** Slab thickness along `axis`. */
  readonly size: number;
}

/** A strided view of [start, start + length) along `axis` of a C-contiguous chunk. */
function slabView(chunk: ChunkData, axis: number, start: number, length: number): NDArray {
  const stride = cStrides(chunk.shape);
  const shape = chunk.shape.map((n, d) => (d === axis ? length : n));
  return new NDArray(chunk.data as any, shape, chunk.dtype as any, stride, start * stride[axis]);
}

/** The slab [start, start + length) along `axis` of a block to assemble from pieces. */
function slabPieces(gather: GatherParams, axis: number, start: number, length: number): AssemblePiece[] {
  const out: AssemblePiece[] = [];
  for (const p of gather.pieces) {
    const lo = Math.max(start, p.dstStart[axis]);
    const hi = Math.min(start + length, p.dstStart[axis] + p.extent[axis]);
    if (hi <= lo) continue;
    out.push({
      input: p.input,
      srcStart: p.srcStart.map((v, d) => (d === axis ? v + lo - p.dstStart[axis] : v)),
      dstStart: p.dstStart.map((v, d) => (d === axis ? lo - start : v)),
      extent: p.extent.map((v, d) => (d === axis ? hi - lo : v)),
    });
  }
  return out;
}

export function runInSlabs(
  inputs: readonly ChunkData[],
  gather: GatherParams | undefined,
  split: SplitParams,
  given: ChunkData | undefined,
  run: (block: NDArray, extra: readonly NDArray[]) => ChunkData,
): ChunkData {
  const count = gather === undefined ? 1 : gather.count;
  const extra = inputs.slice(count).map(chunkToNDArray);
  const shape = gather === undefined ? inputs[0].shape : gather.shape;
  const n = shape[split.axis];
  let out: ChunkData | undefined;
  for (let start = 0; start < n; start += split.size) {
    const length = Math.min(split.size, n - start);
    const slab =
      gather === undefined
        ? slabView(inputs[0], split.axis, start, length)
        : chunkToNDArray(
            assemble(inputs.slice(0, count), {
              dtype: gather.dtype,
              shape: shape.map((v, d) => (d === split.axis ? length : v)),
              pieces: slabPieces(gather, split.axis, start, length),
            }),
          );
    const result = run(slab, extra);
    if (out === undefined) {
      const outShape = result.shape.map((v, d) => (d === split.axis ? n : v));
      const fits = given !== undefined && given.dtype === result.dtype && given.shape.length === outShape.length && given.shape.every((v, d) => v === outShape[d]);
      out = fits ? given : allocateChunk(result.dtype, outShape, false);
    }
    copyBox(result, out, {
      srcStart: result.shape.map(() => 0),
      dstStart: result.shape.map((_, d) => (d === split.axis ? start : 0)),
      extent: result.shape,
    });
  }
  return out ?? allocateChunk(gather?.dtype ?? inputs[0].dtype, shape, false);
}
