import {
  broadcastShapes,
  checkArrayList,
  checkMatrixRank,
  checkShape,
  concatShape,
  expandDimsAxes,
  expandDimsView,
  moveaxisOrder,
  normalizeAxes,
  normalizeAxis,
  permuteAxes,
  readOptions,
  repeatShape,
  resolveShape,
  rollShifts,
  squeezeAxes,
  stackShape,
  tileShape,
  unstackAxis,
} from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { promoteTypes } from '../dtypes.js';
import { contiguousStrides, GPUArray } from '../gpu-array.js';
import { copyAs, copyInto } from './convert.js';
import { broadcastView, checkArray } from './core.js';

/**
 * Shape manipulation. Transposes, flips, squeezes, expandDims and broadcasts are views
 * sharing the buffer (dispose them like any array; the buffer is freed with the last
 * one); concat, stack, roll, tile, repeat copy.
 */

export function reshape(x: GPUArray, shape: readonly number[] | number, options?: { copy?: boolean }): GPUArray {
  options = readOptions(options, ['copy'], 'reshape');
  const a = checkArray(x);
  const target = resolveShape(shape, a.size);
  if (options?.copy === true) {
    const c = copyAs(a);
    const v = c.view(target, contiguousStrides(target), 0);
    c.dispose();
    return v;
  }
  if (a.isContiguous) return a.view(target, contiguousStrides(target), a.offset);
  if (options?.copy === false) {
    throw new InvalidArgumentError('reshape(..., { copy: false }) needs a copy: the array is not contiguous.', {
      argument: 'copy',
      hint: 'Leave copy unset to allow a copy.',
    });
  }
  const c = copyAs(a);
  const v = c.view(target, contiguousStrides(target), 0);
  c.dispose();
  return v;
}

export function permuteDims(x: GPUArray, axes: readonly number[]): GPUArray {
  const a = checkArray(x);
  const list = permuteAxes(a.ndim, axes);
  return a.view(
    list.map((d) => a.shape[d]),
    list.map((d) => a.stride[d]),
    a.offset,
  );
}

export function matrixTranspose(x: GPUArray): GPUArray {
  const a = checkArray(x);
  checkMatrixRank(a.ndim, 'matrixTranspose');
  const axes = a.shape.map((_, i) => i);
  [axes[a.ndim - 2], axes[a.ndim - 1]] = [axes[a.ndim - 1], axes[a.ndim - 2]];
  return permuteDims(a, axes);
}

export function expandDims(x: GPUArray, axis: number | readonly number[] = 0): GPUArray {
  const a = checkArray(x);
  const { shape, stride } = expandDimsView(a.shape, a.stride, expandDimsAxes(a.ndim, axis));
  return a.view(shape, stride, a.offset);
}

export function squeeze(x: GPUArray, axis: number | readonly number[]): GPUArray {
  const a = checkArray(x);
  const list = squeezeAxes(a.shape, axis);
  const keep = a.shape.map((_, d) => d).filter((d) => !list.includes(d));
  return a.view(
    keep.map((d) => a.shape[d]),
    keep.map((d) => a.stride[d]),
    a.offset,
  );
}

export function moveaxis(x: GPUArray, source: number | readonly number[], destination: number | readonly number[]): GPUArray {
  const a = checkArray(x);
  return permuteDims(a, moveaxisOrder(a.ndim, source, destination));
}

export function flip(x: GPUArray, options?: { axis?: number | readonly number[] | null }): GPUArray {
  options = readOptions(options, ['axis'], 'flip');
  const a = checkArray(x);
  const axes = normalizeAxes(options?.axis, a.ndim);
  let offset = a.offset;
  const stride = [...a.stride];
  for (const d of axes) {
    if (a.shape[d] > 0) offset += (a.shape[d] - 1) * a.stride[d];
    stride[d] = -a.stride[d];
  }
  return a.view(a.shape, stride, offset);
}

export function broadcastTo(x: GPUArray, shape: readonly number[] | number): GPUArray {
  return broadcastView(checkArray(x), checkShape(shape));
}

export function broadcastArrays(...arrays: GPUArray[]): GPUArray[] {
  const list = arrays.map((a, k) => checkArray(a, `arrays[${k}]`));
  const shape = broadcastShapes(...list.map((a) => a.shape));
  return list.map((a, k) => broadcastView(a, shape, `arrays[${k}]`));
}

/** View of x restricted to [start, stop) along axis. */
export function sliceAxis(x: GPUArray, axis: number, start: number, stop: number): GPUArray {
  const shape = [...x.shape];
  shape[axis] = stop - start;
  return x.view(shape, x.stride, x.offset + start * x.stride[axis]);
}

export function concat(arrays: readonly GPUArray[], options?: { axis?: number | null }): GPUArray {
  options = readOptions(options, ['axis'], 'concat');
  let list = checkArrayList(arrays, 'concat').map((a, k) => checkArray(a, `arrays[${k}]`));
  const { axis, shape } = concatShape(
    list.map((a) => a.shape),
    options?.axis,
  );
  const dtype = list.slice(1).reduce((d, a, k) => promoteTypes(d, a.dtype, `arrays[${k + 1}]`), list[0].dtype);
  const temps: GPUArray[] = [];
  if (options?.axis === null) {
    list = list.map((a) => {
      const r = reshape(a, [-1]);
      temps.push(r);
      return r;
    });
  }
  const out = GPUArray.empty(shape, dtype);
  let at = 0;
  for (const a of list) {
    const n = a.shape[axis];
    if (n > 0) {
      const slot = sliceAxis(out, axis, at, at + n);
      copyInto(a, slot);
      slot.dispose();
    }
    at += n;
  }
  for (const t of temps) t.dispose();
  return out;
}

export function stack(arrays: readonly GPUArray[], options?: { axis?: number }): GPUArray {
  options = readOptions(options, ['axis'], 'stack');
  const list = checkArrayList(arrays, 'stack').map((a, k) => checkArray(a, `arrays[${k}]`));
  const { axis } = stackShape(
    list.map((a) => a.shape),
    options?.axis,
  );
  const expanded = list.map((a) => expandDims(a, axis));
  try {
    return concat(expanded, { axis });
  } finally {
    for (const e of expanded) e.dispose();
  }
}

export function unstack(x: GPUArray, options?: { axis?: number }): GPUArray[] {
  options = readOptions(options, ['axis'], 'unstack');
  const a = checkArray(x);
  const axis = unstackAxis(a.ndim, options?.axis);
  const shape = a.shape.filter((_, d) => d !== axis);
  const stride = a.stride.filter((_, d) => d !== axis);
  return Array.from({ length: a.shape[axis] }, (_, k) => a.view(shape, stride, a.offset + k * a.stride[axis]));
}

export function roll(x: GPUArray, shift: number | readonly number[], options?: { axis?: number | readonly number[] | null }): GPUArray {
  options = readOptions(options, ['axis'], 'roll');
  const a = checkArray(x);
  const total = rollShifts(a.ndim, shift, options?.axis);
  if (options?.axis === undefined || options.axis === null) {
    const flat = reshape(a, [-1]);
    const rolled = roll(flat, total[0], { axis: 0 });
    const out = reshape(rolled, a.shape);
    flat.dispose();
    rolled.dispose();
    return out;
  }
  // Each rolled axis: two slabs copied into place; one copy per axis, ping-ponging.
  let cur = copyAs(a);
  for (let d = 0; d < a.ndim; d++) {
    const n = a.shape[d];
    if (n === 0) continue;
    const s = ((total[d] % n) + n) % n;
    if (s === 0) continue;
    const next = GPUArray.empty(cur.shape, cur.dtype);
    const pieces: [number, number, number][] = [
      [n - s, n, 0],
      [0, n - s, s],
    ];
    for (const [from, to, at] of pieces) {
      const src = sliceAxis(cur, d, from, to);
      const dst = sliceAxis(next, d, at, at + (to - from));
      copyInto(src, dst);
      src.dispose();
      dst.dispose();
    }
    cur.dispose();
    cur = next;
  }
  return cur;
}

export function tile(x: GPUArray, repetitions: readonly number[]): GPUArray {
  const a = checkArray(x);
  const { shape, reps: r } = tileShape(a.shape, repetitions);
  // View as [1, s0, 1, s1, …] broadcast to [r0, s0, r1, s1, …], then copy and merge.
  const base = reshape(a, shape);
  const expanded = base.view(
    shape.flatMap((s) => [1, s]),
    base.stride.flatMap((st) => [0, st]),
    base.offset,
  );
  const target = shape.flatMap((s, k) => [r[k], s]);
  const b = broadcastView(expanded, target);
  const copy = copyAs(b);
  const out = reshape(copy, shape.map((s, k) => s * r[k]));
  for (const t of [base, expanded, b, copy]) t.dispose();
  return out;
}

export function repeat(x: GPUArray, repeats: number | GPUArray, options?: { axis?: number | null }): GPUArray {
  options = readOptions(options, ['axis'], 'repeat');
  const a = checkArray(x);
  // An array of per-element counts is the host's: the result's shape would depend on data held on the GPU.
  if (typeof repeats !== 'number') {
    throw new InvalidArgumentError('On the GPU, repeats must be a non-negative integer (per-element repeats need data-dependent shapes).', {
      argument: 'repeats',
      hint: 'Pass one integer, or compute on the host (await toHost(x)).',
    });
  }
  const flat = options?.axis === undefined || options.axis === null;
  const axis = flat ? 0 : normalizeAxis(options.axis, a.ndim);
  const { shape: outShape } = repeatShape(flat ? [a.size] : a.shape, axis, repeats);
  const src = flat ? reshape(a, [-1]) : a.view(a.shape, a.stride, a.offset);
  const shape = [...src.shape.slice(0, axis + 1), 1, ...src.shape.slice(axis + 1)];
  const stride = [...src.stride.slice(0, axis + 1), 0, ...src.stride.slice(axis + 1)];
  const expanded = src.view(shape, stride, src.offset);
  const target = [...shape];
  target[axis + 1] = repeats;
  const b = broadcastView(expanded, target);
  const copy = copyAs(b);
  const out = reshape(copy, outShape);
  for (const t of [src, expanded, b, copy]) t.dispose();
  return out;
}
