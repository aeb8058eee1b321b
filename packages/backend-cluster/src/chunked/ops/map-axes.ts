import { type DType, type NDArray, packedMap } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { regionPlan, submitTaskOutputs } from '../core.js';
import type { GatherParams } from '../../runtime/assemble.js';
import type { OutputBox, SplitParams } from '../../runtime/split.js';
import { itemsize } from '../probe.js';
import { blockIndices, blockShape, type Chunks, flatIndex, numBlocks, offsets, splitAxis } from '../grid.js';
import { probeArray } from './common.js';

export interface AxisTask {
  /** Registered task name (CALL for multimethods, XP for namespace functions). */
  readonly fn: string;
  /** Task parameters; the block is `{ $input: 0 }`, extra inputs follow. */
  readonly params: unknown;
  /**
   * Runs the same operation on a host array, to learn the output dtype and the new lengths
   * of the mapped axes (the host implementation is the reference for both).
   */
  readonly probe: (x: NDArray) => NDArray;
  /** Extra blocks every task reads (e.g. the indices of `take`), inputs 1, 2, … */
  readonly extra?: readonly Block[];
}

/** What a grid is planned from: an array's shape and chunks, and the cluster's parallelism. */
export interface GridSource {
  readonly shape: readonly number[];
  readonly chunks: Chunks;
  readonly parallelism: number;
}

/**
 * The grid for making `mapped` axes whole. Joining an axis multiplies block sizes, so the
 * other axes are split further to keep at least as many blocks as before (and at least two
 * per worker): fft2 on 4×4 blocks runs its row pass on 16 row bands, its column pass on 16
 * column bands, never on one block.
 */
export function chunksWithWholeAxes(x: GridSource, mapped: ReadonlySet<number>): number[][] {
  const chunks = packedMap(x.chunks, (c, d) => (mapped.has(d) ? [x.shape[d]] : [...c]));
  const count = () => chunks.reduce((p, c) => p * c.length, 1);
  const wanted = Math.max(
    x.chunks.reduce((p, c) => p * c.length, 1),
    2 * x.parallelism,
  );
  const others = packedMap(x.shape, (_, d) => d).filter((d) => !mapped.has(d));
  // Split the longest other axes first, evenly, until the block count is reached.
  for (const d of [...others].sort((a, b) => x.shape[b] - x.shape[a])) {
    const have = count();
    if (have >= wanted) break;
    const n = x.shape[d];
    const parts = Math.min(n, Math.ceil((wanted * chunks[d].length) / have));
    if (parts <= chunks[d].length) continue;
    chunks[d] = splitAxis(n, Math.ceil(n / parts));
  }
  return chunks;
}

/** Slab size a worker processes at a time (input or output, whichever is larger). */
const SLAB_BYTES = 2 ** 20;
const MIN_RUN_BYTES = 4096;

/**
 * Cut a large block into slabs along an unmapped axis (the longest), so the worker's
 * temporaries stay in cache (see runtime/split.ts). Undefined for blocks that already fit.
 */
function slabsFor(
  inShape: readonly number[],
  outShape: readonly number[],
  inDtype: DType,
  outDtype: DType,
  mapped: ReadonlySet<number>,
): SplitParams | undefined {
  const bytes = Math.max(
    inShape.reduce((a, b) => a * b, itemsize(inDtype)),
    outShape.reduce((a, b) => a * b, itemsize(outDtype)),
  );
  if (bytes <= 2 * SLAB_BYTES) return undefined;
  let axis = -1;
  for (let d = 0; d < inShape.length; d++) if (!mapped.has(d) && (axis < 0 || inShape[d] > inShape[axis])) axis = d;
  if (axis < 0 || inShape[axis] < 2) return undefined;
  // Contiguous runs of a slab should stay long (>= 4 KiB, a page): each row of a narrow slab is
  // a separate copy and, rows apart by more than a page, a TLB miss. Splitting a column pass
  // into 1 KiB-wide slabs made those copies two thirds of its time (fft along axis 0 of
  // 4096×4096 complex: 306 ms on one worker, 221 ms with whole 4 KiB rows).
  const inner = inShape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const minSize = Math.ceil(MIN_RUN_BYTES / (inner * Math.max(itemsize(inDtype), itemsize(outDtype))));
  const size = Math.max(1, minSize, Math.floor((inShape[axis] * SLAB_BYTES) / bytes));
  return size < inShape[axis] ? { axis, size } : undefined;
}

/**
 * How a map along axes lays out its tasks and its output. By default the task grid is
 * chunksWithWholeAxes and each task writes one output block.
 */
export interface MapLayout {
  /** The task grid: the mapped axes whole (a plan made for this step by the caller). */
  readonly grid?: Chunks;
  /**
   * The output's chunks, from its shape and the task grid at the output's lengths: the same on
   * the other axes, any split of the mapped axes, each task then writing several blocks. A pass
   * of fft2 writes its output in the blocks the next pass reads, so that pass gathers whole
   * contiguous blocks (16 copies of 1 MiB) instead of a short run from every row of every piece
   * (4096 runs of 4 KiB, three times slower from memory the caches no longer hold).
   */
  readonly output?: (shape: readonly number[], taskChunks: Chunks) => Chunks;
}

/**
 * Apply an operation that needs whole `axes` (an FFT along an axis, sort, cumulative sum …):
 * rechunk so those axes are whole, then run it block by block over the other axes. The
 * mapped axes may change length (n, rfft's n/2+1); the number of axes may not.
 */
export function mapAlongAxes(x: ChunkedArray, axes: readonly number[], task: AxisTask, layout: MapLayout = {}): ChunkedArray {
  const mapped = new Set(axes);
  const probeShape = packedMap(x.shape, (n, d) => (mapped.has(d) ? n : 1));
  const probe = task.probe(probeArray(probeShape, x.dtype));
  if (probe.ndim !== x.ndim) {
    throw new NotSupportedError(`A chunked map along axes needs the same number of axes out as in (${x.ndim} → ${probe.ndim}).`);
  }
  const dtype = probe.dtype as DType;
  const chunks = layout.grid ? packedMap(layout.grid, (c) => [...c]) : chunksWithWholeAxes({ shape: x.shape, chunks: x.chunks, parallelism: x.cluster.parallelism }, mapped);
  const taskOutChunks = packedMap(chunks, (c, d) => (mapped.has(d) ? [probe.shape[d]] : [...c]));
  const shape = packedMap(taskOutChunks, (c) => c.reduce((a, b) => a + b, 0));
  const outChunks = layout.output?.(shape, taskOutChunks) ?? taskOutChunks;
  if (outChunks.some((c, d) => !mapped.has(d) && c.join() !== taskOutChunks[d].join())) {
    throw new NotSupportedError('A map along axes can split its output along the mapped axes only.');
  }
  const outOffs = packedMap(outChunks, offsets);
  // Output blocks per task along each axis: the splits of the mapped axes, 1 elsewhere.
  const perTask = packedMap(outChunks, (c, d) => (mapped.has(d) ? c.length : 1));
  const offs = packedMap(chunks, offsets);
  const taskBlocks: Block[][] = [];
  for (const idx of blockIndices(numBlocks(chunks))) {
    const plan = regionPlan(
      x,
      packedMap(idx, (i, d) => offs[d][i]),
      packedMap(idx, (i, d) => offs[d][i + 1]),
    );
    const outShape = blockShape(taskOutChunks, idx);
    const inShape = blockShape(chunks, idx);
    const boxes = outputBoxes(outChunks, outOffs, perTask, outShape);
    const split = slabsFor(inShape, outShape, x.dtype, dtype, mapped);
    const params = {
      ...(task.params as object),
      ...(split === undefined ? {} : { split }),
      ...(boxes.length > 1 ? { boxes } : {}),
    };
    const planned = packedMap(boxes, (b) => ({ dtype, shape: b.shape }));
    if ('block' in plan) {
      taskBlocks.push(submitTaskOutputs(x.cluster, task.fn, [plan.block, ...(task.extra ?? [])], params, planned));
    } else {
      // Rechunk and operation in one task: the worker assembles its block from the pieces
      // and transforms it, instead of writing the rechunked block out and reading it back.
      const gather: GatherParams = { count: plan.inputs.length, dtype: x.dtype, shape: plan.extent, pieces: plan.pieces };
      taskBlocks.push(submitTaskOutputs(x.cluster, task.fn, [...plan.inputs, ...(task.extra ?? [])], { ...params, gather }, planned));
    }
  }
  return new ChunkedArray(x.cluster, dtype, shape, outChunks, inOutputOrder(taskBlocks, chunks, outChunks, perTask));
}

/**
 * The output blocks one task writes, as boxes of its result (C order over the mapped axes):
 * one box, the whole result, unless the output splits the mapped axes.
 */
function outputBoxes(outChunks: Chunks, outOffs: number[][], perTask: readonly number[], taskShape: readonly number[]): OutputBox[] {
  if (perTask.every((k) => k === 1)) return [{ start: packedMap(taskShape, () => 0), shape: [...taskShape] }];
  return packedMap([...blockIndices(perTask)], (sub) => ({
    start: packedMap(sub, (j, d) => (perTask[d] > 1 ? outOffs[d][j] : 0)),
    shape: packedMap(sub, (j, d) => (perTask[d] > 1 ? outChunks[d][j] : taskShape[d])),
  }));
}

/** The output blocks in the output grid's C order, from each task's list of blocks. */
function inOutputOrder(taskBlocks: Block[][], taskChunks: Chunks, outChunks: Chunks, perTask: readonly number[]): Block[] {
  if (taskBlocks.every((b) => b.length === 1)) return packedMap(taskBlocks, (b) => b[0]);
  const taskGrid = numBlocks(taskChunks);
  return packedMap([...blockIndices(numBlocks(outChunks))], (idx) => {
    const task = flatIndex(
      packedMap(idx, (i, d) => (perTask[d] > 1 ? 0 : i)),
      taskGrid,
    );
    return taskBlocks[task][flatIndex(
      packedMap(idx, (i, d) => (perTask[d] > 1 ? i : 0)),
      perTask,
    )];
  });
}
