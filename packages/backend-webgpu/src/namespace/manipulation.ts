import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { promoteTypes } from '../dtypes.js';
import { contiguousStrides, GPUArray, shapeSize } from '../gpu-array.js';
import { copyAs, copyInto } from './convert.js';
import { broadcastView, checkArray, checkShape, describe, normalizeAxes, normalizeAxis, resultShape } from './core.js';

/**
 * Shape manipulation. Transposes, flips, squeezes, expandDims and broadcasts are views
 * sharing the buffer (dispose them like any array; the buffer is freed with the last
 * one); concat, stack, roll, tile, repeat copy.
 */

export function reshape(x: GPUArray, shape: readonly number[] | number, options?: { copy?: boolean }): GPUArray {
  const a = checkArray(x);
  const target = typeof shape === 'number' ? [shape] : [...shape];
  const unknown = target.filter((s) => s === -1).length;
  if (unknown > 1 || target.some((s) => !Number.isInteger(s) || s < -1)) {
    throw new ShapeError(`Invalid shape ${describe(shape)}.`, { argument: 'shape', hint: 'Use non-negative integers and at most one -1.' });
  }
  const known = target.filter((s) => s !== -1).reduce((p, s) => p * s, 1);
  if (unknown === 1) {
    if (known === 0 || a.size % known !== 0) {
      throw new ShapeError(`Cannot reshape an array of size ${a.size} into ${describe(shape)}.`, { argument: 'shape', hint: 'The sizes must match.' });
    }
    target[target.indexOf(-1)] = a.size / known;
  }
  if (shapeSize(target) !== a.size) {
    throw new ShapeError(`Cannot reshape an array of size ${a.size} into shape [${target}].`, {
      argument: 'shape',
      hint: 'The product of the new shape must equal the number of elements.',
    });
  }
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
  const list = [...axes].map((ax) => normalizeAxis(ax, a.ndim, 'axes'));
  if (list.length !== a.ndim || new Set(list).size !== a.ndim) {
    throw new InvalidArgumentError(`axes ${describe(axes)} is not a permutation of the ${a.ndim} axes.`, {
      argument: 'axes',
      hint: 'Name every axis exactly once.',
    });
  }
  return a.view(
    list.map((d) => a.shape[d]),
    list.map((d) => a.stride[d]),
    a.offset,
  );
}

export function matrixTranspose(x: GPUArray): GPUArray {
  const a = checkArray(x);
  if (a.ndim < 2) {
    throw new ShapeError('matrixTranspose needs at least 2 dimensions.', { argument: 'x', hint: 'Pass a matrix or a stack of matrices.' });
  }
  const axes = a.shape.map((_, i) => i);
  [axes[a.ndim - 2], axes[a.ndim - 1]] = [axes[a.ndim - 1], axes[a.ndim - 2]];
  return permuteDims(a, axes);
}

export function expandDims(x: GPUArray, axis: number | readonly number[] = 0): GPUArray {
  const a = checkArray(x);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const nd = a.ndim + list.length;
  const positions = normalizeAxes(list, nd, 'axis');
  const shape: number[] = [];
  const stride: number[] = [];
  let src = 0;
  for (let d = 0; d < nd; d++) {
    if (positions.includes(d)) {
      shape.push(1);
      stride.push(0);
    } else {
      shape.push(a.shape[src]);
      stride.push(a.stride[src]);
      src++;
    }
  }
  return a.view(shape, stride, a.offset);
}

export function squeeze(x: GPUArray, axis: number | readonly number[]): GPUArray {
  const a = checkArray(x);
  const list = normalizeAxes(axis, a.ndim);
  for (const d of list) {
    if (a.shape[d] !== 1) {
      throw new ShapeError(`Cannot squeeze axis ${d} of size ${a.shape[d]}.`, { argument: 'axis', hint: 'Only axes of size 1 can be removed.' });
    }
  }
  const keep = a.shape.map((_, d) => d).filter((d) => !list.includes(d));
  return a.view(
    keep.map((d) => a.shape[d]),
    keep.map((d) => a.stride[d]),
    a.offset,
  );
}

export function moveaxis(x: GPUArray, source: number | readonly number[], destination: number | readonly number[]): GPUArray {
  const a = checkArray(x);
  const src = (typeof source === 'number' ? [source] : [...source]).map((s) => normalizeAxis(s, a.ndim, 'source'));
  const dst = (typeof destination === 'number' ? [destination] : [...destination]).map((s) => normalizeAxis(s, a.ndim, 'destination'));
  if (src.length !== dst.length) {
    throw new InvalidArgumentError('source and destination must have the same number of axes.', { argument: 'destination' });
  }
  const order = a.shape.map((_, d) => d).filter((d) => !src.includes(d));
  const pairs = dst.map((d, k) => [d, src[k]] as const).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return permuteDims(a, order);
}

export function flip(x: GPUArray, options?: { axis?: number | readonly number[] | null }): GPUArray {
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
  const shape = resultShape(...list.map((a) => a.shape));
  return list.map((a) => broadcastView(a, shape));
}

/** View of x restricted to [start, stop) along axis. */
export function sliceAxis(x: GPUArray, axis: number, start: number, stop: number): GPUArray {
  const shape = [...x.shape];
  shape[axis] = stop - start;
  return x.view(shape, x.stride, x.offset + start * x.stride[axis]);
}

export function concat(arrays: readonly GPUArray[], options?: { axis?: number | null }): GPUArray {
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new InvalidArgumentError('concat needs a non-empty list of arrays.', { argument: 'arrays' });
  }
  let list = arrays.map((a, k) => checkArray(a, `arrays[${k}]`));
  const flat = options?.axis === null;
  const temps: GPUArray[] = [];
  if (flat) {
    list = list.map((a) => {
      const r = reshape(a, [-1]);
      temps.push(r);
      return r;
    });
  }
  const first = list[0];
  const axis = normalizeAxis(flat ? 0 : (options?.axis ?? 0), first.ndim);
  let dtype = first.dtype;
  for (const a of list) {
    if (a.ndim !== first.ndim || a.shape.some((s, d) => d !== axis && s !== first.shape[d])) {
      throw new ShapeError(`concat: shapes [${first.shape}] and [${a.shape}] differ outside axis ${axis}.`, {
        argument: 'arrays',
        hint: 'All arrays must have the same shape except along the concatenation axis.',
      });
    }
    dtype = promoteTypes(dtype, a.dtype);
  }
  const shape = [...first.shape];
  shape[axis] = list.reduce((s, a) => s + a.shape[axis], 0);
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
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new InvalidArgumentError('stack needs a non-empty list of arrays.', { argument: 'arrays' });
  }
  const nd = checkArray(arrays[0], 'arrays[0]').ndim + 1;
  const axis = normalizeAxis(options?.axis ?? 0, nd);
  const expanded = arrays.map((a) => expandDims(checkArray(a), axis));
  try {
    return concat(expanded, { axis });
  } finally {
    for (const e of expanded) e.dispose();
  }
}

export function unstack(x: GPUArray, options?: { axis?: number }): GPUArray[] {
  const a = checkArray(x);
  const axis = normalizeAxis(options?.axis ?? 0, a.ndim);
  const shape = a.shape.filter((_, d) => d !== axis);
  const stride = a.stride.filter((_, d) => d !== axis);
  return Array.from({ length: a.shape[axis] }, (_, k) => a.view(shape, stride, a.offset + k * a.stride[axis]));
}

export function roll(x: GPUArray, shift: number | readonly number[], options?: { axis?: number | readonly number[] | null }): GPUArray {
  const a = checkArray(x);
  const axisOpt = options?.axis;
  if (axisOpt === undefined || axisOpt === null) {
    if (typeof shift !== 'number') {
      throw new InvalidArgumentError("'shift' must be a single integer when 'axis' is not given.", { argument: 'shift', hint: 'Give axis to roll along several axes.' });
    }
    const flat = reshape(a, [-1]);
    const rolled = roll(flat, shift, { axis: 0 });
    const out = reshape(rolled, a.shape);
    flat.dispose();
    rolled.dispose();
    return out;
  }
  const axes = (typeof axisOpt === 'number' ? [axisOpt] : [...axisOpt]).map((d) => normalizeAxis(d, a.ndim));
  const shifts = typeof shift === 'number' ? axes.map(() => shift) : [...shift];
  if (shifts.length !== axes.length) {
    throw new InvalidArgumentError("'shift' and 'axis' must have the same length.", { argument: 'shift', hint: 'Give one shift per axis.' });
  }
  const total = new Array<number>(a.ndim).fill(0);
  axes.forEach((d, k) => {
    if (!Number.isInteger(shifts[k])) throw new InvalidArgumentError(`'shift' must be integers, got ${describe(shifts[k])}.`, { argument: 'shift' });
    total[d] += shifts[k];
  });
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
  const reps = [...repetitions];
  if (reps.some((r) => !Number.isInteger(r) || r < 0)) {
    throw new InvalidArgumentError(`repetitions must be non-negative integers, got ${describe(repetitions)}.`, { argument: 'repetitions' });
  }
  const nd = Math.max(a.ndim, reps.length);
  const shape = [...new Array(nd - a.ndim).fill(1), ...a.shape];
  const r = [...new Array(nd - reps.length).fill(1), ...reps];
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
  const a = checkArray(x);
  if (typeof repeats !== 'number' || !Number.isInteger(repeats) || repeats < 0) {
    throw new InvalidArgumentError('On the GPU, repeats must be a non-negative integer (per-element repeats need data-dependent shapes).', {
      argument: 'repeats',
      hint: 'Pass one integer, or compute on the host (await toHost(x)).',
    });
  }
  const flat = options?.axis === undefined || options?.axis === null;
  const src = flat ? reshape(a, [-1]) : a.view(a.shape, a.stride, a.offset);
  const axis = flat ? 0 : normalizeAxis(options!.axis, a.ndim);
  const shape = [...src.shape.slice(0, axis + 1), 1, ...src.shape.slice(axis + 1)];
  const stride = [...src.stride.slice(0, axis + 1), 0, ...src.stride.slice(axis + 1)];
  const expanded = src.view(shape, stride, src.offset);
  const target = [...shape];
  target[axis + 1] = repeats;
  const b = broadcastView(expanded, target);
  const copy = copyAs(b);
  const outShape = [...src.shape];
  outShape[axis] *= repeats;
  const out = reshape(copy, outShape);
  for (const t of [src, expanded, b, copy]) t.dispose();
  return out;
}
