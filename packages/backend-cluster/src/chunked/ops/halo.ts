/**
 * Halo exchange: an operation whose every output point reads a neighbourhood of the input (a
 * filter's window) runs block by block, each task reading its block extended by the
 * neighbours' borders it needs, then computing on that haloed block and keeping its own part.
 *
 * Beyond the array's true edges the haloed block holds what the boundary mode gives, so the
 * host code sees the same values as on the whole array:
 * - `clip` (constant mode): the haloed block stops at the true edge and the host function
 *   fills its own cval there, exactly as on the whole array — also between the passes of a
 *   separable filter, whose later passes pad the earlier passes' result with cval, not a
 *   filtered one;
 * - an index mode (`reflect`, `mirror`, `nearest`, `wrap`): every position beyond the edge
 *   takes the input element the mode maps it to (reflected runs are copied backwards). Index
 *   maps along one axis commute with filtering along the others, so this is exact for every
 *   pass reading that axis with that mode;
 * - `whole`: the axis is read by passes with different modes, and is made whole in every
 *   task instead (the host function then handles both edges itself).
 * Interior edges always get real neighbour data, so the part a task keeps is computed from the
 * same values, in the same order, as on the host.
 */
import { type DType, packedMap } from '@sciport/array-api';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { rechunkArray, submitTask } from '../core.js';
import { axisPieces, blockIndices, blockShape, type Chunks, flatIndex, numBlocks, offsets } from '../grid.js';
import type { HaloParams, HaloPiece } from '../../runtime/halo-task.js';
import { CALL, HALO } from '../../runtime/task-names.js';

/** A boundary mode that maps positions beyond an edge to input positions. */
export type IndexMode = 'reflect' | 'mirror' | 'nearest' | 'wrap';

/** How a task extends its block along one axis (see the module comment). */
export interface AxisHalo {
  readonly before: number;
  readonly after: number;
  readonly edge: 'clip' | 'whole' | IndexMode;
}

/** The call each task makes on its haloed block: a multimethod with `{ $input: 0 }` for the block. */
export interface HaloCall {
  readonly id: string;
  readonly args: readonly unknown[];
  /** Blocks every task reads besides its own (weights), inputs 1, 2, … of the call. */
  readonly extra: readonly Block[];
  readonly dtype: DType;
}

/**
 * SciPy's mapping of coordinate `cc` of an axis of length n for the index modes (as
 * @sciport/ndimage maps it): reflect repeats the edge (`dcba|abcd|dcba`), mirror does not
 * (`dcb|abcd|cba`), an axis of length 1 extends as its only value.
 */
export function mapIndex(cc: number, n: number, mode: IndexMode): number {
  if (cc >= 0 && cc < n) return cc;
  if (n <= 1) return 0;
  switch (mode) {
    case 'nearest':
      return cc < 0 ? 0 : n - 1;
    case 'wrap':
      return ((cc % n) + n) % n;
    case 'reflect': {
      const r = ((cc % (2 * n)) + 2 * n) % (2 * n);
      return r < n ? r : 2 * n - 1 - r;
    }
    case 'mirror': {
      const period = 2 * n - 2;
      const r = ((cc % period) + period) % period;
      return r < n ? r : period - r;
    }
  }
}

/** A run of the haloed block along one axis, copied from one input block (backwards when `reversed`). */
interface AxisRun {
  block: number;
  /** Index in the block of the run's first element. */
  srcStart: number;
  dstStart: number;
  length: number;
  reversed: boolean;
}

/** The block along an axis holding position i (offsets: the axis's block starts and its length). */
function blockAt(offs: readonly number[], i: number): number {
  let lo = 0;
  let hi = offs.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offs[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Appends input position `src` at haloed position `dst`, extending the last run when it continues it. */
function pushPosition(runs: AxisRun[], offs: readonly number[], src: number, dst: number): void {
  const block = blockAt(offs, src);
  const local = src - offs[block];
  const last = runs[runs.length - 1];
  if (last !== undefined && last.block === block && last.dstStart + last.length === dst) {
    if (local === last.srcStart + (last.reversed ? -last.length : last.length)) {
      last.length++;
      return;
    }
    if (last.length === 1 && local === last.srcStart - 1) {
      last.reversed = true;
      last.length++;
      return;
    }
  }
  runs.push({ block, srcStart: local, dstStart: dst, length: 1, reversed: false });
}

/** The haloed extent [lo, hi) of block [s, e) along an axis of length n, its runs, and where the block starts in it. */
function axisRuns(offs: readonly number[], s: number, e: number, halo: AxisHalo): { runs: AxisRun[]; length: number; crop: number } {
  const n = offs[offs.length - 1];
  const clip = halo.edge === 'clip' || halo.edge === 'whole';
  const lo = clip ? Math.max(0, s - halo.before) : s - halo.before;
  const hi = clip ? Math.min(n, e + halo.after) : e + halo.after;
  const runs: AxisRun[] = [];
  const mode = halo.edge as IndexMode;
  for (let cc = lo; cc < Math.min(0, hi); cc++) pushPosition(runs, offs, mapIndex(cc, n, mode), cc - lo);
  for (const p of axisPieces(offs, Math.max(0, lo), Math.min(n, hi))) {
    runs.push({ block: p.block, srcStart: p.srcStart, dstStart: Math.max(0, lo) - lo + p.dstStart, length: p.length, reversed: false });
  }
  for (let cc = Math.max(n, lo); cc < hi; cc++) pushPosition(runs, offs, mapIndex(cc, n, mode), cc - lo);
  return { runs, length: hi - lo, crop: s - lo };
}

/** How one task's haloed block is assembled: the input blocks it reads (and their grid positions), the pieces, its shape, and where its own block starts in it. */
export interface HaloedBlockPlan {
  readonly inputs: Block[];
  /** Flat grid position of each input block. */
  readonly inputFlat: number[];
  readonly pieces: HaloPiece[];
  readonly haloShape: number[];
  readonly crop: number[];
}

/**
 * The haloed block of task `idx` on the task grid (`taskOffs`, the offsets of its blocks along
 * each axis) over `x` (offsets `offs`) extended by `halo`.
 */
export function haloedBlockPlan(
  x: ChunkedArray,
  halo: readonly AxisHalo[],
  offs: readonly (readonly number[])[],
  taskOffs: readonly (readonly number[])[],
  idx: readonly number[],
): HaloedBlockPlan {
  const grid = numBlocks(x.chunks);
  const axes = packedMap(idx, (i, d) => axisRuns(offs[d], taskOffs[d][i], taskOffs[d][i + 1], halo[d]));
  const inputs: Block[] = [];
  /** Grid position (flat) of each input block. */
  const inputFlat: number[] = [];
  const inputOf = new Map<number, number>();
  const pieces: HaloPiece[] = [];
  for (const choice of blockIndices(packedMap(axes, (a) => a.runs.length))) {
    const runs = packedMap(choice, (c, d) => axes[d].runs[c]);
    const flat = flatIndex(
      packedMap(runs, (r) => r.block),
      grid,
    );
    let input = inputOf.get(flat);
    if (input === undefined) {
      input = inputs.length;
      inputOf.set(flat, input);
      inputs.push(x.blocks[flat]);
      inputFlat.push(flat);
    }
    const reversed = packedMap(runs, (r, d) => (r.reversed ? d : -1)).filter((d) => d >= 0);
    pieces.push({
      input,
      srcStart: packedMap(runs, (r) => r.srcStart),
      dstStart: packedMap(runs, (r) => r.dstStart),
      extent: packedMap(runs, (r) => r.length),
      ...(reversed.length > 0 ? { reversed } : {}),
    });
  }
  return { inputs, inputFlat, pieces, haloShape: packedMap(axes, (a) => a.length), crop: packedMap(axes, (a) => a.crop) };
}

/** The task grid: the input's blocks, with the `whole` axes in one block. */
export function taskChunks(x: ChunkedArray, halo: readonly AxisHalo[]): Chunks {
  return packedMap(x.chunks, (c, d) => (halo[d].edge === 'whole' ? [x.shape[d]] : [...c]));
}

/**
 * Run `call` on every block of `x` extended by `halo` (one entry per axis), keeping each
 * block's own part: a chunked array of `x`'s shape (on the task grid) and `call.dtype`.
 * `companions` (arrays of `x`'s shape read point by point with it, such as a mask) are haloed
 * the same way and come as inputs 1, 2, … of the call; `call.extra` follows them.
 */
export function haloMap(x: ChunkedArray, halo: readonly AxisHalo[], call: HaloCall, companions: readonly ChunkedArray[] = []): ChunkedArray {
  const chunks = taskChunks(x, halo);
  const sources = [x, ...packedMap(companions, (m) => rechunkArray(m, x.chunks))];
  if (x.ndim === 0 || x.size === 0) return blockwise(sources, call);
  const offs = packedMap(x.chunks, offsets);
  const taskOffs = packedMap(chunks, offsets);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(chunks))) {
    const { inputs, inputFlat, pieces, haloShape, crop } = haloedBlockPlan(x, halo, offs, taskOffs, idx);
    const shape = blockShape(chunks, idx);
    // Companions (a mask) are haloed by the same pieces, from their blocks at the same grid positions.
    const companionInputs = packedMap(sources.slice(1), (m) => packedMap(inputFlat, (flat) => m.blocks[flat]));
    const params: HaloParams = {
      halo: { count: inputs.length, dtype: x.dtype, shape: haloShape, pieces },
      ...(companions.length > 0 ? { companions: packedMap(sources.slice(1), (m) => ({ dtype: m.dtype })) } : {}),
      call: { id: call.id, args: call.args, boxes: [{ start: crop, shape }] },
    };
    blocks.push(submitTask(x.cluster, HALO, [...inputs, ...companionInputs.flat(), ...call.extra], params, shape, call.dtype));
  }
  return new ChunkedArray(x.cluster, call.dtype, x.shape, chunks, blocks);
}

/** Arrays with nothing to exchange (0-d or empty): the call on each block (and its companions' blocks) as it is. */
function blockwise(sources: readonly ChunkedArray[], call: HaloCall): ChunkedArray {
  const [x] = sources;
  const blocks = packedMap(x.blocks, (b, i) =>
    submitTask(x.cluster, CALL, [b, ...packedMap(sources.slice(1), (m) => m.blocks[i]), ...call.extra], { id: call.id, args: call.args }, b.shape, call.dtype),
  );
  return new ChunkedArray(x.cluster, call.dtype, x.shape, x.chunks, blocks);
}
