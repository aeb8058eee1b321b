import { cStrides, NDArray, packedMap } from '@sciport/array-api';
import { allocateChunk, type ChunkData, chunkFits, doubleMemory, sameView } from '../protocol/chunk-data.js';
import { type AssemblePiece, assemble, copyBox, type GatherParams } from './assemble.js';
import { withAxis } from '../chunked/grid.js';
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
  return new NDArray(chunk.data as any, withAxis(chunk.shape, axis, length), chunk.dtype as any, stride, start * stride[axis]);
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
      srcStart: packedMap(p.srcStart, (v, d) => (d === axis ? v + lo - p.dstStart[axis] : v)),
      dstStart: packedMap(p.dstStart, (v, d) => (d === axis ? lo - start : v)),
      extent: packedMap(p.extent, (v, d) => (d === axis ? hi - lo : v)),
    });
  }
  return out;
}

/** Slab inputs assembled from pieces, and slab results bound for a strided part of the output. */
const slabInput = new Scratch();
const slabResult = new Scratch();

/** The memory of slab [start, start + length) along `axis` of `chunk`, if it is one contiguous run. */
function contiguousSlab(chunk: ChunkData, axis: number, start: number, length: number): Float64Array | undefined {
  const memory = doubleMemory(chunk);
  if (memory === undefined || chunk.shape.slice(0, axis).some((v) => v !== 1)) return undefined;
  const run = (memory.length / Math.max(1, chunk.shape[axis])) | 0;
  return memory.subarray(start * run, (start + length) * run);
}

/** One output block of a task: the box [start, start + shape) of the task's whole result. */
export interface OutputBox {
  readonly start: readonly number[];
  readonly shape: readonly number[];
}

/** Where a task's result goes: the submitter's output chunks, one per box of the result. */
export interface TaskOutputs {
  readonly given: readonly ChunkData[];
  /** The result split into several output blocks (given[i] is box i); unset: one block, the whole result. */
  readonly boxes?: readonly OutputBox[];
}

/** The boxes of a result of `shape`: the given ones, or the whole result. */
function boxesOf(outputs: TaskOutputs, shape: readonly number[]): readonly OutputBox[] {
  return outputs.boxes ?? [{ start: packedMap(shape, () => 0), shape }];
}

/** The output chunks for `boxes` of a result of `dtype`: the submitter's where they fit. */
function boxChunks(given: readonly ChunkData[], dtype: string, boxes: readonly OutputBox[]): ChunkData[] {
  return packedMap(boxes, (box, i) => (chunkFits(given[i], dtype, box.shape) ? given[i] : allocateChunk(dtype, box.shape, false)));
}

/** Copy the part of `result` (the box of the whole result that starts at `at`) inside each output box. */
function copyIntoBoxes(result: ChunkData, at: readonly number[], boxes: readonly OutputBox[], outputs: readonly ChunkData[]): void {
  boxes.forEach((box, i) => {
    const lo = packedMap(box.start, (s, d) => Math.max(s, at[d]));
    const hi = packedMap(box.start, (s, d) => Math.min(s + box.shape[d], at[d] + result.shape[d]));
    if (hi.some((h, d) => h <= lo[d])) return;
    copyBox(result, outputs[i], {
      srcStart: packedMap(lo, (v, d) => v - at[d]),
      dstStart: packedMap(lo, (v, d) => v - box.start[d]),
      extent: packedMap(hi, (h, d) => h - lo[d]),
    });
  });
}

/** A whole result split into its output boxes (a task not run in slabs). */
export function splitIntoBoxes(result: ChunkData, outputs: TaskOutputs): ChunkData[] {
  const boxes = boxesOf(outputs, result.shape);
  const chunks = boxChunks(outputs.given, result.dtype, boxes);
  copyIntoBoxes(
    result,
    packedMap(result.shape, () => 0),
    boxes,
    chunks,
  );
  return chunks;
}

/**
 * Run `run` over the slabs of the task's block and collect the results in the output chunks:
 * the submitter's where the results fit them, else new ones. Each call is offered memory for
 * its result: the slab's own part of a single output chunk when that is contiguous (the result
 * is written in place, no copy), else worker scratch (copied into the outputs after).
 */
export function runInSlabs(
  inputs: readonly ChunkData[],
  gather: GatherParams | undefined,
  split: SplitParams,
  outputs: TaskOutputs,
  run: (block: NDArray, extra: readonly NDArray[], memory: Float64Array | undefined) => ChunkData,
): ChunkData[] {
  const count = gather === undefined ? 1 : gather.count;
  const extra = packedMap(inputs.slice(count), chunkToNDArray);
  const shape = gather === undefined ? inputs[0].shape : gather.shape;
  const { axis } = split;
  const n = shape[axis];
  const whole = wholeResult(outputs);
  let boxes: readonly OutputBox[] | undefined;
  let chunks: ChunkData[] | undefined;
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
    // A single output chunk may take slab results in place; boxes always go through scratch.
    const target = outputs.boxes === undefined ? (chunks?.[0] ?? outputs.given[0]) : undefined;
    const region = target === undefined ? undefined : contiguousSlab(target, axis, start, length);
    const result = run(slab, extra, region ?? slabScratch(whole, axis, length));
    boxes ??= boxesOf(outputs, withAxis(result.shape, axis, n));
    chunks ??= boxChunks(outputs.given, result.dtype, boxes);
    if (region !== undefined && chunks[0] === target && sameView(result.data, region)) continue;
    copyIntoBoxes(
      result,
      packedMap(result.shape, (_, d) => (d === axis ? start : 0)),
      boxes,
      chunks,
    );
  }
  return chunks ?? boxChunks(outputs.given, gather?.dtype ?? inputs[0].dtype, boxesOf(outputs, shape));
}

/** A result's dtype and shape. */
interface ResultLayout {
  readonly dtype: string;
  readonly shape: readonly number[];
}

/** The whole result the output chunks hold; none without output chunks. */
function wholeResult(outputs: TaskOutputs): ResultLayout | undefined {
  const first = outputs.given[0];
  if (first === undefined) return undefined;
  const boxes = boxesOf(outputs, first.shape);
  return { dtype: first.dtype, shape: packedMap(first.shape, (_, d) => Math.max(...packedMap(boxes, (b) => b.start[d] + b.shape[d]))) };
}

/** Worker scratch offered for a slab's result: that slab of the whole result (see wholeResult). */
function slabScratch(whole: ResultLayout | undefined, axis: number, length: number): Float64Array | undefined {
  return whole === undefined ? undefined : doubleMemory(slabResult.chunk(whole.dtype, withAxis(whole.shape, axis, length)));
}
