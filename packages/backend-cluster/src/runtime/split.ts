import { cStrides, NDArray } from '@sciport/array-api';
import { allocateChunk, type ChunkData, chunkFits, doubleMemory, sameView } from '../protocol/chunk-data.js';
import { type AssemblePiece, assemble, copyBox, type GatherParams } from './assemble.js';
import { chunkToNDArray } from './ndarray-bridge.js';
import { Scratch } from './scratch.js';

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

/** Slab inputs assembled from pieces, and slab results bound for a strided part of the output. */
const slabInput = new Scratch();
const slabResult = new Scratch();

function withAxis(shape: readonly number[], axis: number, length: number): number[] {
  return shape.map((v, d) => (d === axis ? length : v));
}

/** The memory of slab [start, start + length) along `axis` of `chunk`, if it is one contiguous run. */
function contiguousSlab(chunk: ChunkData, axis: number, start: number, length: number): Float64Array | undefined {
  const memory = doubleMemory(chunk);
  if (memory === undefined || chunk.shape.slice(0, axis).some((v) => v !== 1)) return undefined;
  const run = (memory.length / Math.max(1, chunk.shape[axis])) | 0;
  return memory.subarray(start * run, (start + length) * run);
}

/**
 * Run `run` over the slabs of the task's block and collect the results in the output chunk:
 * `given` (the submitter's shared chunk) when the results fit it, else a new one. Each call is
 * offered memory for its result: the slab's own part of the output when that is contiguous
 * (the result is written in place, no copy), else worker scratch (copied in after).
 */
export function runInSlabs(
  inputs: readonly ChunkData[],
  gather: GatherParams | undefined,
  split: SplitParams,
  given: ChunkData | undefined,
  run: (block: NDArray, extra: readonly NDArray[], memory: Float64Array | undefined) => ChunkData,
): ChunkData {
  const count = gather === undefined ? 1 : gather.count;
  const extra = inputs.slice(count).map(chunkToNDArray);
  const shape = gather === undefined ? inputs[0].shape : gather.shape;
  const { axis } = split;
  const n = shape[axis];
  let out = given;
  let checked = false;
  for (let start = 0; start < n; start += split.size) {
    const length = Math.min(split.size, n - start);
    const slab =
      gather === undefined
        ? slabView(inputs[0], axis, start, length)
        : chunkToNDArray(
            assemble(
              inputs.slice(0, count),
              { dtype: gather.dtype, shape: withAxis(shape, axis, length), pieces: slabPieces(gather, axis, start, length) },
              slabInput.chunk(gather.dtype, withAxis(shape, axis, length)),
            ),
          );
    const target = out;
    const region = target === undefined ? undefined : contiguousSlab(target, axis, start, length);
    const memory = region ?? (target === undefined ? undefined : doubleMemory(slabResult.chunk(target.dtype, withAxis(target.shape, axis, length))));
    const result = run(slab, extra, memory);
    if (!checked) {
      checked = true;
      const outShape = withAxis(result.shape, axis, n);
      if (!chunkFits(out, result.dtype, outShape)) out = allocateChunk(result.dtype, outShape, false);
    }
    if (out === target && region !== undefined && sameView(result.data, region)) continue;
    copyBox(result, out as ChunkData, {
      srcStart: result.shape.map(() => 0),
      dstStart: result.shape.map((_, d) => (d === axis ? start : 0)),
      extent: result.shape,
    });
  }
  return out ?? allocateChunk(gather?.dtype ?? inputs[0].dtype, shape, false);
}
