import { packedMap } from '@sciport/array-api';
import { checkAllocatable, checkShape, type SizeRule } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';

/**
 * Chunk grids as in dask.array: for each axis the list of block lengths, which sum to the
 * axis length. `[[1024, 1024], [512, 512, 512]]` is a 2048×1536 array in 2×3 blocks.
 */
export type Chunks = readonly (readonly number[])[];

/**
 * What users pass: one block size for every axis (`1024`), one per axis (`[1024, 256]`, -1 or
 * null = the whole axis), explicit block lengths per axis (`[[100, 28], [64]]`), or 'auto'.
 */
export type ChunksInput = number | 'auto' | readonly (number | null | 'auto' | readonly number[])[];

/** Blocks of at most `size` along an axis of length n (the last one may be shorter). */
export function splitAxis(n: number, size: number): number[] {
  if (n === 0) return [0];
  const out: number[] = [];
  for (let start = 0; start < n; start += size) out.push(Math.min(size, n - start));
  return out;
}

/** Block length for 'auto': aim at ~targetBytes per block, splitting the leading axes first. */
function autoChunks(shape: readonly number[], itemsize: number, targetBytes: number): number[] {
  const sizes = packedMap(shape, (n) => Math.max(n, 1));
  let bytes = sizes.reduce((a, b) => a * b, itemsize);
  // Halve the largest leading axis until the block is small enough: leading axes first keeps
  // blocks contiguous along the last axis, which is what kernels stream over.
  while (bytes > targetBytes) {
    let axis = -1;
    for (let d = 0; d < sizes.length; d++) if (sizes[d] > 1 && (axis < 0 || sizes[d] > sizes[axis] * 2)) axis = d;
    if (axis < 0) break;
    sizes[axis] = Math.ceil(sizes[axis] / 2);
    bytes = sizes.reduce((a, b) => a * b, itemsize);
  }
  return sizes;
}

export const AUTO_CHUNK_BYTES = 8 * 2 ** 20;

export function normalizeChunks(input: ChunksInput, shape: readonly number[], itemsize: number): number[][] {
  const nd = shape.length;
  const auto = autoChunks(shape, itemsize, AUTO_CHUNK_BYTES);
  if (input === 'auto') return packedMap(shape, (n, d) => splitAxis(n, auto[d]));
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || (input < 1 && input !== -1)) {
      throw new InvalidArgumentError(`chunks must be a positive integer, got ${input}.`, {
        argument: 'chunks',
        hint: 'Pass a block size such as 1024, one per axis ([1024, 1024]), or "auto".',
      });
    }
    return packedMap(shape, (n) => splitAxis(n, input === -1 ? Math.max(n, 1) : input));
  }
  if (!Array.isArray(input) || input.length !== nd) {
    throw new InvalidArgumentError(
      `chunks needs one entry per axis (${nd}), got ${Array.isArray(input) ? input.length : typeof input}.`,
      { argument: 'chunks', hint: `E.g. chunks: [${packedMap(shape, (n) => Math.min(n, 1024)).join(', ')}].` },
    );
  }
  return packedMap(input, (c, d) => {
    const n = shape[d];
    if (c === null || c === -1) return [n];
    if (c === 'auto') return splitAxis(n, auto[d]);
    if (typeof c === 'number') {
      if (!Number.isInteger(c) || c < 1) {
        throw new InvalidArgumentError(`chunks[${d}] must be a positive integer, -1 or null, got ${c}.`, { argument: 'chunks' });
      }
      return splitAxis(n, c);
    }
    const list = [...(c as readonly number[])];
    const total = list.reduce((a, b) => a + b, 0);
    if (list.some((b) => !Number.isInteger(b) || b < 0) || total !== n || (n > 0 && list.some((b) => b === 0))) {
      throw new ShapeError(`chunks[${d}] = [${list.join(', ')}] does not split an axis of length ${n}.`, {
        argument: 'chunks',
        hint: 'Explicit block lengths must be positive integers that sum to the axis length.',
      });
    }
    return list.length === 0 ? [0] : list;
  });
}

/** Start offsets of each block along an axis (length = blocks + 1, last = axis length). */
export function offsets(axisChunks: readonly number[]): number[] {
  const out = [0];
  for (const c of axisChunks) out.push(out[out.length - 1] + c);
  return out;
}

export function numBlocks(chunks: Chunks): number[] {
  return packedMap(chunks, (c) => c.length);
}

/** Flat C-order index of a block index tuple. */
export function flatIndex(index: readonly number[], grid: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < grid.length; d++) flat = flat * grid[d] + index[d];
  return flat;
}

/** Every block index tuple of a grid, in C order. */
export function* blockIndices(grid: readonly number[]): Generator<number[]> {
  const nd = grid.length;
  if (grid.some((g) => g === 0)) return;
  const idx = new Array<number>(nd).fill(0);
  for (;;) {
    yield [...idx];
    let d = nd - 1;
    while (d >= 0 && ++idx[d] === grid[d]) idx[d--] = 0;
    if (d < 0) return;
  }
}

/** `values` with the entry of `axis` replaced by `value`: a shape, block index or grid along one axis. */
export function withAxis<T>(values: readonly T[], axis: number, value: T): T[] {
  return packedMap(values, (v, d) => (d === axis ? value : v));
}

export function blockShape(chunks: Chunks, index: readonly number[]): number[] {
  return packedMap(index, (i, d) => chunks[d][i]);
}

export function sameChunks(a: Chunks, b: Chunks): boolean {
  return a.length === b.length && a.every((c, d) => c.length === b[d].length && c.every((v, i) => v === b[d][i]));
}

/** One overlap between a requested range and a block along an axis. */
export interface AxisPiece {
  readonly block: number;
  /** Offset inside the block. */
  readonly srcStart: number;
  /** Offset inside the requested range. */
  readonly dstStart: number;
  readonly length: number;
}

/** Which blocks (and which parts of them) cover [start, stop) along an axis. */
export function axisPieces(axisOffsets: readonly number[], start: number, stop: number): AxisPiece[] {
  const pieces: AxisPiece[] = [];
  for (let b = 0; b < axisOffsets.length - 1; b++) {
    const lo = Math.max(start, axisOffsets[b]);
    const hi = Math.min(stop, axisOffsets[b + 1]);
    if (hi > lo) pieces.push({ block: b, srcStart: lo - axisOffsets[b], dstStart: lo - start, length: hi - lo });
  }
  return pieces;
}

/**
 * Most elements one block may hold (1 GiB of float64): a task builds its block in one worker's
 * memory, so a plan that needs larger blocks is refused before it exhausts a worker.
 */
export const MAX_BLOCK_ELEMENTS = 2 ** 27;

/** Most blocks one array may have: the plan holds an object per block on the host. */
export const MAX_BLOCKS = 2 ** 20;

/** The elements of the largest block of a grid. */
export function largestBlock(chunks: Chunks): number {
  return chunks.reduce((p, c) => p * c.reduce((m, n) => Math.max(m, n), 0), 1);
}

/** Refuses a plan whose blocks or block count pass the limits above, naming the argument that asked for it. */
export function checkPlan(plan: { readonly blockElements: number; readonly blocks: number }, argument: string, hint: string): void {
  if (plan.blockElements > MAX_BLOCK_ELEMENTS) {
    throw new ShapeError(
      `'${argument}' asks for blocks of ${plan.blockElements} elements; a chunked array's blocks hold at most 2^27 (${MAX_BLOCK_ELEMENTS}).`,
      { argument, hint },
    );
  }
  if (plan.blocks > MAX_BLOCKS) {
    throw new ShapeError(`'${argument}' asks for ${plan.blocks} blocks; a chunked array has at most 2^20 (${MAX_BLOCKS}).`, { argument, hint });
  }
}

const isLength = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 0;

/**
 * A user-given shape of a chunked array: the kit's checkShape, except that the element count
 * may pass 2^31 − 1 (blocks are allocated one at a time; only each dimension is limited).
 */
/**
 * The size rule of chunked results, given to the kit's shape rules: each dimension fits an
 * int32 index, but the element count is not capped (no block holds the whole array).
 */
export const checkChunkedSize: SizeRule = (shape, argument) => {
  for (const d of shape) checkAllocatable([d], argument);
};

export function checkChunkedShape(shape: unknown, argument = 'shape'): number[] {
  // The kit checks the type, the count of dimensions and each entry, on the shape with every
  // valid length replaced by 0 (so its limit on the element count cannot trip).
  const zeroed = Array.isArray(shape) ? packedMap(shape as unknown[], (d) => (isLength(d) ? 0 : d)) : isLength(shape) ? 0 : shape;
  checkShape(zeroed, argument);
  const dims: number[] = Array.isArray(shape) ? [...shape] : [shape as number];
  checkChunkedSize(dims, argument);
  return dims;
}
