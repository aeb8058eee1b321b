import type { DType, NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { regionPlan, submitTask } from '../core.js';
import type { GatherParams } from '../../runtime/assemble.js';
import type { SplitParams } from '../../runtime/split.js';
import { itemsize } from '../probe.js';
import { blockIndices, blockShape, numBlocks, offsets, splitAxis } from '../grid.js';
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

/**
 * The grid for making `mapped` axes whole. Joining an axis multiplies block sizes, so the
 * other axes are split further to keep at least as many blocks as before (and at least two
 * per worker): fft2 on 4×4 blocks runs its row pass on 16 row bands, its column pass on 16
 * column bands, never on one block.
 */
export function chunksWithWholeAxes(x: ChunkedArray, mapped: ReadonlySet<number>): number[][] {
  const chunks = x.chunks.map((c, d) => (mapped.has(d) ? [x.shape[d]] : [...c]));
  const wanted = Math.max(x.blocks.length, 2 * x.cluster.parallelism);
  const count = () => chunks.reduce((p, c) => p * c.length, 1);
  const others = x.shape.map((_, d) => d).filter((d) => !mapped.has(d));
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
 * Apply an operation that needs whole `axes` (an FFT along an axis, sort, cumulative sum …):
 * rechunk so those axes are whole, then run it block by block over the other axes. The
 * mapped axes may change length (n, rfft's n/2+1); the number of axes may not.
 */
export function mapAlongAxes(x: ChunkedArray, axes: readonly number[], task: AxisTask): ChunkedArray {
  const mapped = new Set(axes);
  const probeShape = x.shape.map((n, d) => (mapped.has(d) ? n : 1));
  const probe = task.probe(probeArray(probeShape, x.dtype));
  if (probe.ndim !== x.ndim) {
    throw new NotSupportedError(`A chunked map along axes needs the same number of axes out as in (${x.ndim} → ${probe.ndim}).`);
  }
  const dtype = probe.dtype as DType;
  const chunks = chunksWithWholeAxes(x, mapped);
  const outChunks = chunks.map((c, d) => (mapped.has(d) ? [probe.shape[d]] : [...c]));
  const offs = chunks.map(offsets);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(chunks))) {
    const plan = regionPlan(
      x,
      idx.map((i, d) => offs[d][i]),
      idx.map((i, d) => offs[d][i + 1]),
    );
    const outShape = blockShape(outChunks, idx);
    const inShape = blockShape(chunks, idx);
    const split = slabsFor(inShape, outShape, x.dtype, dtype, mapped);
    if ('block' in plan) {
      const params = split === undefined ? task.params : { ...(task.params as object), split };
      blocks.push(submitTask(x.cluster, task.fn, [plan.block, ...(task.extra ?? [])], params, outShape, dtype));
    } else {
      // Rechunk and operation in one task: the worker assembles its block from the pieces
      // and transforms it, instead of writing the rechunked block out and reading it back.
      const gather: GatherParams = { count: plan.inputs.length, dtype: x.dtype, shape: plan.extent, pieces: plan.pieces };
      const params = { ...(task.params as object), gather, ...(split === undefined ? {} : { split }) };
      blocks.push(submitTask(x.cluster, task.fn, [...plan.inputs, ...(task.extra ?? [])], params, outShape, dtype));
    }
  }
  const shape = outChunks.map((c) => c.reduce((a, b) => a + b, 0));
  return new ChunkedArray(x.cluster, dtype, shape, outChunks, blocks);
}
