import { type DType, packedMap } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { XP } from '../../runtime/task-names.js';
import { inputRef } from '../../runtime/template.js';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { rechunkArray, regionBlock, submitTask } from '../core.js';
import { axisPieces, blockIndices, blockShape, type Chunks, flatIndex, numBlocks, offsets, sameChunks, withAxis } from '../grid.js';
import { elementwise } from './elementwise.js';
import { host, normalizeAxes, normalizeAxis, product } from './common.js';

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

/** Remove the given size-1 axes. */
export function squeezeAxes(x: ChunkedArray, axes: readonly number[]): ChunkedArray {
  if (axes.length === 0) return x;
  const drop = new Set(axes);
  for (const d of drop) {
    if (x.shape[d] !== 1) {
      throw new ShapeError(`Cannot squeeze axis ${d} of size ${x.shape[d]}.`, { argument: 'axis', hint: 'Only axes of size 1 can be squeezed.' });
    }
  }
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

export function squeeze(x: ChunkedArray, axis: number | readonly number[]): ChunkedArray {
  return squeezeAxes(x, normalizeAxes(axis, x.ndim));
}

export function expandDims(x: ChunkedArray, axis: number | readonly number[] = 0): ChunkedArray {
  const outNd = x.ndim + (typeof axis === 'number' ? 1 : axis.length);
  const axes = normalizeAxes(axis, outNd);
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

export function permuteDims(x: ChunkedArray, axes: readonly number[]): ChunkedArray {
  const norm = packedMap(axes, (a) => normalizeAxis(a, x.ndim, 'axes'));
  if (norm.length !== x.ndim || new Set(norm).size !== x.ndim) {
    throw new InvalidArgumentError(`axes [${axes.join(', ')}] is not a permutation of ${x.ndim} axes.`, {
      argument: 'axes',
      hint: `Give each of 0..${x.ndim - 1} once.`,
    });
  }
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

export function moveaxis(x: ChunkedArray, source: number | readonly number[], destination: number | readonly number[]): ChunkedArray {
  const src = packedMap(typeof source === 'number' ? [source] : [...source], (a) => normalizeAxis(a, x.ndim, 'source'));
  const dst = packedMap(typeof destination === 'number' ? [destination] : [...destination], (a) => normalizeAxis(a, x.ndim, 'destination'));
  if (src.length !== dst.length) {
    throw new InvalidArgumentError('source and destination need the same number of axes.', { argument: 'destination' });
  }
  const order = packedMap(x.shape, (_, d) => d).filter((d) => !src.includes(d));
  const pairs = packedMap(dst, (d, i) => [d, src[i]] as const).sort((a, b) => a[0] - b[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return permuteDims(x, order);
}

export function resolveShape(shape: number | readonly number[], size: number): number[] {
  const list = typeof shape === 'number' ? [shape] : [...shape];
  const unknown = list.filter((n) => n === -1).length;
  if (unknown > 1 || list.some((n) => !Number.isInteger(n) || n < -1)) {
    throw new InvalidArgumentError(`Invalid shape [${list.join(', ')}].`, { argument: 'shape', hint: 'Use non-negative integers and at most one -1.' });
  }
  if (unknown === 1) {
    const known = product(list.filter((n) => n !== -1));
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`Cannot reshape an array of size ${size} into shape [${list.join(', ')}].`, { argument: 'shape' });
    }
    list[list.indexOf(-1)] = size / known;
  }
  if (product(list) !== size) {
    throw new ShapeError(`Cannot reshape an array of size ${size} into shape [${list.join(', ')}].`, { argument: 'shape' });
  }
  return list;
}

/**
 * Reshape keeps the blocks of the leading axes both shapes share and makes the rest whole, so
 * each block reshapes on its own: [n, a, b] → [n, a·b] keeps the blocks along n; a reshape
 * that shares no leading axis gathers the array into one block.
 */
export function reshape(x: ChunkedArray, shape: number | readonly number[]): ChunkedArray {
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
export function concat(arrays: readonly ChunkedArray[], axis: number | null = 0): ChunkedArray {
  if (arrays.length === 0) throw new InvalidArgumentError('concat needs at least one array.', { argument: 'arrays' });
  if (axis === null) return concat(packedMap(arrays, (a) => reshape(a, [-1])), 0);
  const first = arrays[0];
  const nd = first.ndim;
  if (nd === 0) throw new ShapeError('Zero-dimensional arrays cannot be concatenated.', { argument: 'arrays' });
  const ax = normalizeAxis(axis, nd);
  for (const a of arrays) {
    if (a.ndim !== nd || a.shape.some((n, d) => d !== ax && n !== first.shape[d])) {
      throw new ShapeError(`concat: shapes [${first.shape.join(', ')}] and [${a.shape.join(', ')}] differ off axis ${ax}.`, {
        argument: 'arrays',
      });
    }
  }
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

export function stack(arrays: readonly ChunkedArray[], axis = 0): ChunkedArray {
  if (arrays.length === 0) throw new InvalidArgumentError('stack needs at least one array.', { argument: 'arrays' });
  const nd = arrays[0].ndim + 1;
  const ax = normalizeAxis(axis, nd);
  for (const a of arrays) {
    if (a.ndim !== arrays[0].ndim || a.shape.some((n, d) => n !== arrays[0].shape[d])) {
      throw new ShapeError('stack needs arrays of one shape.', { argument: 'arrays' });
    }
  }
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

export function flip(x: ChunkedArray, axis: number | readonly number[] | null | undefined): ChunkedArray {
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

export function roll(x: ChunkedArray, shift: number | readonly number[], axis: number | readonly number[] | null | undefined): ChunkedArray {
  if (axis === null || axis === undefined) {
    if (typeof shift !== 'number') {
      throw new InvalidArgumentError('roll without axis takes one integer shift.', { argument: 'shift' });
    }
    return reshape(roll(reshape(x, [-1]), shift, 0), x.shape);
  }
  const axes = packedMap(typeof axis === 'number' ? [axis] : [...axis], (a) => normalizeAxis(a, x.ndim));
  const shifts = typeof shift === 'number' ? packedMap(axes, () => shift) : [...shift];
  if (shifts.length !== axes.length) {
    throw new InvalidArgumentError('shift and axis need the same length.', { argument: 'shift' });
  }
  let out = x;
  axes.forEach((d, i) => {
    const n = out.shape[d];
    if (n === 0) return;
    const s = ((shifts[i] % n) + n) % n;
    if (s === 0) return;
    const chunks = out.chunks;
    const rolled = concat([sliceAxis(out, d, n - s, n), sliceAxis(out, d, 0, n - s)], d);
    out = rechunkArray(rolled, chunks);
  });
  return out;
}

export function broadcastTo(x: ChunkedArray, shape: number | readonly number[]): ChunkedArray {
  const target = typeof shape === 'number' ? [shape] : [...shape];
  const lead = target.length - x.ndim;
  if (lead < 0 || x.shape.some((n, i) => n !== 1 && n !== target[lead + i])) {
    throw new ShapeError(`Cannot broadcast shape [${x.shape.join(', ')}] to [${target.join(', ')}].`, {
      argument: 'shape',
      hint: 'Each axis must match or be 1 (aligned from the right).',
    });
  }
  if (lead === 0 && x.shape.every((n, i) => n === target[i])) return x;
  const outChunks = packedMap(target, (n, d) => (d >= lead && x.shape[d - lead] === n ? [...x.chunks[d - lead]] : [n]));
  return perBlock(
    x,
    outChunks,
    (idx) => packedMap(x.shape, (n, i) => (n === target[lead + i] ? idx[lead + i] : 0)),
    (idx) => [inputRef(0), blockShape(outChunks, idx)],
    'broadcastTo',
  );
}

export function tile(x: ChunkedArray, repetitions: readonly number[]): ChunkedArray {
  let out = x;
  const reps = [...repetitions];
  if (reps.some((r) => !Number.isInteger(r) || r < 0)) {
    throw new InvalidArgumentError('repetitions must be non-negative integers.', { argument: 'repetitions' });
  }
  while (reps.length < out.ndim) reps.unshift(1);
  if (reps.length > out.ndim) out = reshape(out, [...new Array(reps.length - out.ndim).fill(1), ...out.shape]);
  reps.forEach((r, d) => {
    if (r === 1) return;
    out = r === 0 ? sliceAxis(out, d, 0, 0) : concat(new Array(r).fill(out), d);
  });
  return out;
}

export function unstack(x: ChunkedArray, axis = 0): ChunkedArray[] {
  const ax = normalizeAxis(axis, x.ndim);
  return Array.from({ length: x.shape[ax] }, (_, i) => squeezeAxes(sliceAxis(x, ax, i, i + 1), [ax]));
}
