import { type DType, packedMap } from '@sciport/array-api';
import { XP } from '../../runtime/task-names.js';
import { inputRef } from '../../runtime/template.js';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { rechunkArray, regionBlock, submitTask } from '../core.js';
import { axisPieces, blockIndices, blockShape, type Chunks, checkChunkedShape, checkChunkedSize, checkPlan, flatIndex, largestBlock, normalizeChunks, numBlocks, offsets, sameChunks, withAxis } from '../grid.js';
import { elementwise } from './elementwise.js';
import {
  checkBroadcastTo,
  concatShape,
  expandDimsAxes,
  moveaxisOrder,
  normalizeAxes,
  permuteAxes,
  resolveShape,
  rollShifts,
  squeezeAxes,
  stackShape,
  tileShape,
  unstackAxis,
} from '@sciport/array-api/kit';
import { itemsize } from '../probe.js';
import { host } from './common.js';

/** Apply a shape-changing host function per block, the output grid given explicitly. */
function perBlock(
  x: ChunkedArray,
  outChunks: Chunks,
  inputIndex: (outIdx: number[]) => number[],
  args: (outIdx: number[]) => unknown[],
  op: string,
  dtype: DType = x.dtype,
): ChunkedArray {
  const grid = numBlocks(x.chunks);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(outChunks))) {
    const source = x.blocks[flatIndex(inputIndex(idx), grid)];
    blocks.push(submitTask(x.cluster, XP, [source], { op, args: args(idx) }, blockShape(outChunks, idx), dtype));
  }
  const shape = packedMap(outChunks, (c) => c.reduce((a, b) => a + b, 0));
  return new ChunkedArray(x.cluster, dtype, shape, outChunks, blocks);
}

/** Remove the given axes, each of length 1 (checked by the caller: see the kit's squeezeAxes). */
export function dropAxes(x: ChunkedArray, axes: readonly number[]): ChunkedArray {
  if (axes.length === 0) return x;
  const drop = new Set(axes);
  const keep = packedMap(x.shape, (_, d) => d).filter((d) => !drop.has(d));
  const outChunks = packedMap(keep, (d) => x.chunks[d]);
  return perBlock(
    x,
    outChunks,
    (idx) => packedMap(x.shape, (_, d) => (drop.has(d) ? 0 : idx[keep.indexOf(d)])),
    () => [inputRef(0), [...axes]],
    'squeeze',
  );
}

export function squeeze(x: ChunkedArray, axis: unknown): ChunkedArray {
  return dropAxes(x, squeezeAxes(x.shape, axis));
}

export function expandDims(x: ChunkedArray, axis: unknown = 0): ChunkedArray {
  const axes = expandDimsAxes(x.ndim, axis);
  const outNd = x.ndim + axes.length;
  const added = new Set(axes);
  const outChunks: number[][] = [];
  const map: number[] = [];
  let k = 0;
  for (let d = 0; d < outNd; d++) {
    if (added.has(d)) outChunks.push([1]);
    else {
      outChunks.push([...x.chunks[k]]);
      map.push(d);
      k++;
    }
  }
  return perBlock(x, outChunks, (idx) => packedMap(map, (d) => idx[d]), () => [inputRef(0), axes], 'expandDims');
}

export function permuteDims(x: ChunkedArray, axes: unknown): ChunkedArray {
  const norm = permuteAxes(x.ndim, axes);
  if (norm.every((a, i) => a === i)) return x;
  const outChunks = packedMap(norm, (a) => x.chunks[a]);
  return perBlock(
    x,
    outChunks,
    (idx) => {
      const src = new Array<number>(x.ndim);
      norm.forEach((a, d) => {
        src[a] = idx[d];
      });
      return src;
    },
    () => [inputRef(0), norm],
    'permuteDims',
  );
}

export function moveaxis(x: ChunkedArray, source: unknown, destination: unknown): ChunkedArray {
  return permuteDims(x, moveaxisOrder(x.ndim, source, destination));
}

/**
 * Reshape keeps the blocks of the leading axes both shapes share and makes the rest whole, so
 * each block reshapes on its own: [n, a, b] → [n, a·b] keeps the blocks along n; a reshape
 * that shares no leading axis gathers the array into one block.
 */
export function reshape(x: ChunkedArray, shape: unknown): ChunkedArray {
  const target = resolveShape(shape, x.size);
  if (target.length === x.ndim && target.every((n, i) => n === x.shape[i])) return x;
  let prefix = 0;
  while (prefix < Math.min(target.length, x.ndim) && target[prefix] === x.shape[prefix]) prefix++;
  // The last shared axis may only stay split if it is the last axis of both shapes.
  const whole = packedMap(x.chunks, (c, d) => (d < prefix ? [...c] : [x.shape[d]]));
  const src = rechunkArray(x, whole);
  const outChunks = packedMap(target, (n, d) => (d < prefix ? [...x.chunks[d]] : [n]));
  return perBlock(
    src,
    outChunks,
    (idx) => packedMap(x.shape, (_, d) => (d < prefix ? idx[d] : 0)),
    (idx) => [inputRef(0), blockShape(outChunks, idx)],
    'reshape',
  );
}

/** Concatenate along an axis by reusing the blocks (other axes are brought to one grid first). */
export function concat(arrays: readonly ChunkedArray[], axis: unknown = 0): ChunkedArray {
  if (axis === null) return concat(packedMap(arrays, (a) => reshape(a, [-1])), 0);
  const first = arrays[0];
  const ax = concatShape(
    packedMap(arrays, (a) => a.shape),
    axis,
    checkChunkedSize,
  ).axis;
  const common = packedMap(arrays, (a) => a.dtype);
  const target = arrays.every((a) => a.dtype === common[0]) ? common[0] : (host.resultType(...common) as DType);
  const cast = packedMap(arrays, (a) => (a.dtype === target ? a : elementwise('astype', [a], [inputRef(0), target])));
  const grid = packedMap(first.chunks, (c, d) => (d === ax ? [] : [...c]));
  const parts = packedMap(
    cast.filter((a) => a.shape[ax] > 0 || arrays.length === 1),
    (a) => {
      const want: Chunks = withAxis(grid, ax, a.chunks[ax]);
      return sameChunks(a.chunks, want) ? a : rechunkArray(a, want);
    },
  );
  if (parts.length === 0) return cast[0];
  const outChunks = withAxis(grid, ax, parts.flatMap((p) => [...p.chunks[ax]]));
  const blocks: Block[] = [];
  const owner: [ChunkedArray, number][] = parts.flatMap((p) => packedMap(p.chunks[ax], (_, i) => [p, i] as [ChunkedArray, number]));
  for (const idx of blockIndices(numBlocks(outChunks))) {
    const [p, local] = owner[idx[ax]];
    const src = withAxis(idx, ax, local);
    blocks.push(p.blocks[flatIndex(src, numBlocks(p.chunks))]);
  }
  const shape = packedMap(outChunks, (c) => c.reduce((s, n) => s + n, 0));
  return new ChunkedArray(first.cluster, target, shape, outChunks, blocks);
}

export function stack(arrays: readonly ChunkedArray[], axis: unknown = 0): ChunkedArray {
  const ax = stackShape(
    packedMap(arrays, (a) => a.shape),
    axis,
    checkChunkedSize,
  ).axis;
  return concat(
    packedMap(arrays, (a) => expandDims(a, ax)),
    ax,
  );
}

/** A contiguous range along one axis; whole blocks are reused, partial ones copied. */
export function sliceAxis(x: ChunkedArray, axis: number, start: number, stop: number): ChunkedArray {
  if (start === 0 && stop === x.shape[axis]) return x;
  const pieces = axisPieces(offsets(x.chunks[axis]), start, stop);
  const axisChunks = pieces.length === 0 ? [0] : packedMap(pieces, (p) => p.length);
  const outChunks = packedMap(x.chunks, (c, d) => (d === axis ? axisChunks : [...c]));
  const offs = packedMap(outChunks, offsets);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(outChunks))) {
    const lo = packedMap(idx, (i, d) => offs[d][i] + (d === axis ? start : 0));
    const hi = packedMap(idx, (i, d) => offs[d][i + 1] + (d === axis ? start : 0));
    blocks.push(regionBlock(x, lo, hi));
  }
  const shape = withAxis(x.shape, axis, stop - start);
  return new ChunkedArray(x.cluster, x.dtype, shape, outChunks, blocks);
}

export function flip(x: ChunkedArray, axis: unknown): ChunkedArray {
  const axes = normalizeAxes(axis, x.ndim);
  if (axes.length === 0) return x;
  const flipped = new Set(axes);
  const outChunks = packedMap(x.chunks, (c, d) => (flipped.has(d) ? [...c].reverse() : [...c]));
  const grid = numBlocks(x.chunks);
  return perBlock(
    x,
    outChunks,
    (idx) => packedMap(idx, (i, d) => (flipped.has(d) ? grid[d] - 1 - i : i)),
    () => [inputRef(0), { axis: axes }],
    'flip',
  );
}

export function roll(x: ChunkedArray, shift: unknown, axis: unknown): ChunkedArray {
  const shifts = rollShifts(x.ndim, shift, axis);
  // Without an axis the array rolls flat, by its one shift.
  if (axis === null || axis === undefined) return reshape(roll(reshape(x, [-1]), shifts[0], 0), x.shape);
  let out = x;
  shifts.forEach((total, d) => {
    const n = out.shape[d];
    if (n === 0) return;
    const s = ((total % n) + n) % n;
    if (s === 0) return;
    const chunks = out.chunks;
    const rolled = concat([sliceAxis(out, d, n - s, n), sliceAxis(out, d, 0, n - s)], d);
    out = rechunkArray(rolled, chunks);
  });
  return out;
}

export function broadcastTo(x: ChunkedArray, shape: unknown): ChunkedArray {
  const target = checkChunkedShape(shape, 'shape');
  checkBroadcastTo(x.shape, target);
  const lead = target.length - x.ndim;
  if (lead === 0 && x.shape.every((n, i) => n === target[i])) return x;
  // Stretched and new axes are split like a fresh array's, so no block outgrows 'auto' there.
  const auto = normalizeChunks('auto', target, itemsize(x.dtype));
  const outChunks = packedMap(target, (n, d) => (d >= lead && x.shape[d - lead] === n ? [...x.chunks[d - lead]] : auto[d]));
  return perBlock(
    x,
    outChunks,
    (idx) => packedMap(x.shape, (n, i) => (n === target[lead + i] ? idx[lead + i] : 0)),
    (idx) => [inputRef(0), blockShape(outChunks, idx)],
    'broadcastTo',
  );
}

export function tile(x: ChunkedArray, repetitions: unknown): ChunkedArray {
  let out = x;
  const { reps } = tileShape(x.shape, repetitions, checkChunkedSize);
  const lead = reps.length - out.ndim;
  // Each copy reuses the blocks, so the grid grows by the repetitions.
  const blocks = reps.reduce((p, r, d) => p * Math.max(1, r * (d < lead ? 1 : out.chunks[d - lead].length)), 1);
  checkPlan({ blockElements: 0, blocks }, 'repetitions', 'Tile fewer times, or rechunk x to larger blocks first.');
  if (lead > 0) out = reshape(out, [...new Array(lead).fill(1), ...out.shape]);
  reps.forEach((r, d) => {
    if (r === 1) return;
    out = r === 0 ? sliceAxis(out, d, 0, 0) : concat(new Array(r).fill(out), d);
  });
  return out;
}

export function unstack(x: ChunkedArray, axis: unknown = 0): ChunkedArray[] {
  const ax = unstackAxis(x.ndim, axis);
  return Array.from({ length: x.shape[ax] }, (_, i) => dropAxes(sliceAxis(x, ax, i, i + 1), [ax]));
}

/**
 * repeat with one count: each element along `axis` repeated `count` times. Repeating is local
 * to a block (block [i0, i1) becomes [count·i0, count·i1)), so each block is repeated on its own.
 */
export function repeatAlong(x: ChunkedArray, count: number, axis: number): ChunkedArray {
  const outChunks = packedMap(x.chunks, (c, d) => (d === axis ? packedMap(c, (n) => n * count) : [...c]));
  checkPlan({ blockElements: largestBlock(outChunks), blocks: 0 }, 'repeats', 'Repeat fewer times, or rechunk x to smaller blocks along the axis first.');
  return perBlock(x, outChunks, (idx) => idx, () => [inputRef(0), count, { axis }], 'repeat');
}
