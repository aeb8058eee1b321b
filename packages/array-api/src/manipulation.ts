/** Manipulation functions of the Array API standard (views where possible). */
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { broadcastShapes, broadcastView } from './broadcasting.js';
import { castInto } from './cast.js';
import { allocate, type DType, dtypeInfo, isIntegerDtype } from './dtypes.js';
import { toNDArray } from './kernels.js';
import { checkPermutation, checkSize, cStrides, describe, isCContiguous, normalizeAxes, normalizeAxis, shapeSize, shapeToString } from './layout.js';
import type { AxisInput, ShapeInput } from './namespace-types.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { promoteTypes } from './promotion.js';
import { readOptions } from './options.js';

function resolveShape(shape: ShapeInput, size: number): number[] {
  const dims = typeof shape === 'number' ? [shape] : Array.from(shape);
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (d === -1 && unknown < 0) {
      unknown = i;
      continue;
    }
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(`'shape' has ${describe(d)} at position ${i}; use non-negative integers and at most one -1.`, {
        argument: 'shape',
        hint: 'E.g. reshape(x, [2, -1]).',
      });
    }
    known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`Cannot reshape an array of size ${size} into ${shapeToString(dims)}.`, {
        argument: 'shape',
        hint: 'The -1 dimension must divide the size evenly.',
      });
    }
    dims[unknown] = size / known;
  } else if (known !== size) {
    throw new ShapeError(`Cannot reshape an array of size ${size} into shape ${shapeToString(dims)} (size ${known}).`, {
      argument: 'shape',
      hint: 'The product of the new shape must equal the number of elements.',
    });
  }
  return dims;
}

export function reshape(x: NDArray, shape: ShapeInput, options?: { copy?: boolean }): NDArray {
  options = readOptions(options, ['copy'], 'reshape');
  const a = toNDArray(x);
  const dims = resolveShape(shape, a.size);
  const copy = options?.copy;
  const contiguous = isCContiguous(a.shape, a.stride);
  if (!contiguous && copy === false) {
    throw new InvalidArgumentError('reshape(..., { copy: false }) needs a C-contiguous input.', {
      argument: 'copy',
      hint: 'Leave copy unset to allow a copy.',
    });
  }
  if (contiguous && copy !== true) return trustedArray(a.data, dims, a.dtype, cStrides(dims), a.offset);
  return trustedArray(contiguousData(a, true), dims, a.dtype);
}

export function permuteDims(x: NDArray, axes: readonly number[]): NDArray {
  const a = toNDArray(x);
  if (!Array.isArray(axes)) {
    throw new InvalidArgumentError(`'axes' must list each of the ${a.ndim} axes once, got ${describe(axes)}.`, {
      argument: 'axes',
      hint: `E.g. [${a.shape.map((_, i) => a.ndim - 1 - i).join(', ')}] reverses them.`,
    });
  }
  return a.transpose(...checkPermutation(axes, a.ndim, 'axes'));
}

export function matrixTranspose(x: NDArray): NDArray {
  return toNDArray(x).mT;
}

export function expandDims(x: NDArray, axis: number | readonly number[] = 0): NDArray {
  const a = toNDArray(x);
  const list = typeof axis === 'number' ? [axis] : Array.from(axis);
  const nd = a.ndim + list.length;
  const norm = normalizeAxes(list, nd);
  const shape: number[] = [];
  const stride: number[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) {
    if (norm.includes(i)) {
      shape.push(1);
      stride.push(0);
    } else {
      shape.push(a.shape[k]);
      stride.push(a.stride[k]);
      k++;
    }
  }
  return trustedArray(a.data, shape, a.dtype, stride, a.offset);
}

export function squeeze(x: NDArray, axis: number | readonly number[]): NDArray {
  const a = toNDArray(x);
  const axes = normalizeAxes(axis, a.ndim);
  for (const ax of axes) {
    if (a.shape[ax] !== 1) {
      throw new ShapeError(`Cannot squeeze axis ${ax} of size ${a.shape[ax]}.`, {
        argument: 'axis',
        hint: 'Only axes of size 1 can be removed.',
      });
    }
  }
  const shape = a.shape.filter((_, i) => !axes.includes(i));
  const stride = a.stride.filter((_, i) => !axes.includes(i));
  return trustedArray(a.data, shape, a.dtype, stride, a.offset);
}

export function moveaxis(x: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const a = toNDArray(x);
  const src = (typeof source === 'number' ? [source] : Array.from(source)).map((s) => normalizeAxis(s, a.ndim, 'source'));
  const dst = (typeof destination === 'number' ? [destination] : Array.from(destination)).map((s) =>
    normalizeAxis(s, a.ndim, 'destination'),
  );
  if (src.length !== dst.length) {
    throw new InvalidArgumentError("'source' and 'destination' must have the same number of axes.", {
      argument: 'destination',
      hint: 'Pair each source axis with one destination.',
    });
  }
  if (new Set(src).size !== src.length || new Set(dst).size !== dst.length) {
    throw new InvalidArgumentError('moveaxis axes must be unique.', { argument: 'source', hint: 'List each axis once.' });
  }
  const order = a.shape.map((_, i) => i).filter((i) => !src.includes(i));
  const pairs = dst.map((d, i) => [d, src[i]] as const).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return a.transpose(...order);
}

export function flip(x: NDArray, options?: { axis?: AxisInput }): NDArray {
  options = readOptions(options, ['axis'], 'flip');
  const a = toNDArray(x);
  const axes = normalizeAxes(options?.axis, a.ndim);
  let offset = a.offset;
  const stride = a.stride.slice();
  for (const ax of axes) {
    if (a.shape[ax] > 0) offset += (a.shape[ax] - 1) * stride[ax];
    stride[ax] = -stride[ax];
  }
  return trustedArray(a.data, a.shape.slice(), a.dtype, stride, offset);
}

/** Copies a strided view into a C-contiguous region of `out` (dtype-converting). */
function writeBlock(src: NDArray, out: NDArray, dtype: DType): void {
  castInto(src, out.data, dtype);
}

/** Concatenation along `axis` (null: flatten everything first). */
export function concat(arrays: readonly NDArray[], options?: { axis?: number | null }): NDArray {
  options = readOptions(options, ['axis'], 'concat');
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new InvalidArgumentError("concat needs a non-empty array of arrays.", {
      argument: 'arrays',
      hint: 'Pass [a, b, ...].',
    });
  }
  let xs = arrays.map((a, i) => toNDArray(a, `arrays[${i}]`));
  let axis = options?.axis === undefined ? 0 : options.axis;
  if (axis === null) {
    xs = xs.map((a) => reshape(a, [-1]));
    axis = 0;
  }
  const nd = xs[0].ndim;
  if (nd === 0) {
    throw new ShapeError('concat cannot join 0-d arrays.', { argument: 'arrays', hint: 'Use stack() instead.' });
  }
  const ax = normalizeAxis(axis, nd);
  let dtype = xs[0].dtype;
  for (let i = 1; i < xs.length; i++) {
    const s = xs[i].shape;
    if (s.length !== nd || s.some((n, d) => d !== ax && n !== xs[0].shape[d])) {
      throw new ShapeError(
        `concat: arrays[${i}] has shape ${shapeToString(s)}, incompatible with ${shapeToString(xs[0].shape)} along axis ${ax}.`,
        { argument: `arrays[${i}]`, hint: 'All dimensions except the concatenation axis must match.' },
      );
    }
    dtype = promoteTypes(dtype, xs[i].dtype);
  }
  const shape = xs[0].shape.slice();
  shape[ax] = xs.reduce((s, a) => s + a.shape[ax], 0);
  checkSize(shapeSize(shape), 'arrays');
  const out = trustedArray(allocate(dtype, shapeSize(shape)), shape, dtype);
  // Write each input into its slab of the output through a strided view of `out`.
  let start = 0;
  const lanes = dtypeInfo(dtype).lanes;
  for (const a of xs) {
    if (a.size > 0) {
      const view = trustedArray(out.data, a.shape, dtype, out.stride, start * out.stride[ax]);
      copyInto(a, view, lanes);
    }
    start += a.shape[ax];
  }
  return out;
}

/** Copies `src` into the (possibly strided) view `dst` of the same shape, converting dtype. */
export function copyInto(src: NDArray, dst: NDArray, lanes: number): void {
  if (isCContiguous(dst.shape, dst.stride)) {
    const sub = dst.data.subarray(dst.offset * lanes, (dst.offset + dst.size) * lanes);
    writeBlock(src, trustedArray(sub, dst.shape, dst.dtype), dst.dtype);
    return;
  }
  // Convert to a contiguous temporary, then scatter by offsets.
  const tmp = allocate(dst.dtype, src.size);
  castInto(src, tmp, dst.dtype);
  scatter(tmp, dst, lanes);
}

function scatter(tmp: ArrayLike<unknown>, dst: NDArray, lanes: number): void {
  const { shape, stride } = dst;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  const d = dst.data as unknown as unknown[];
  const t = tmp as unknown[];
  const size = dst.size;
  let p = dst.offset;
  for (let k = 0; k < size; k++) {
    if (lanes === 2) {
      d[2 * p] = t[2 * k];
      d[2 * p + 1] = t[2 * k + 1];
    } else d[p] = t[k];
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]++;
      p += stride[ax];
      if (idx[ax] < shape[ax]) break;
      p -= stride[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
}

export function stack(arrays: readonly NDArray[], options?: { axis?: number }): NDArray {
  options = readOptions(options, ['axis'], 'stack');
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new InvalidArgumentError('stack needs a non-empty array of arrays.', { argument: 'arrays', hint: 'Pass [a, b, ...].' });
  }
  const xs = arrays.map((a, i) => toNDArray(a, `arrays[${i}]`));
  for (let i = 1; i < xs.length; i++) {
    if (xs[i].ndim !== xs[0].ndim || xs[i].shape.some((n, d) => n !== xs[0].shape[d])) {
      throw new ShapeError(`stack: arrays[${i}] has shape ${shapeToString(xs[i].shape)}, expected ${shapeToString(xs[0].shape)}.`, {
        argument: `arrays[${i}]`,
        hint: 'All arrays must have the same shape.',
      });
    }
  }
  const axis = normalizeAxis(options?.axis ?? 0, xs[0].ndim + 1);
  return concat(
    xs.map((a) => expandDims(a, axis)),
    { axis },
  );
}

export function unstack(x: NDArray, options?: { axis?: number }): NDArray[] {
  options = readOptions(options, ['axis'], 'unstack');
  const a = toNDArray(x);
  if (a.ndim === 0) {
    throw new ShapeError('unstack needs at least 1 dimension.', { argument: 'x', hint: 'Pass an array with ndim ≥ 1.' });
  }
  const axis = normalizeAxis(options?.axis ?? 0, a.ndim);
  const out: NDArray[] = [];
  const shape = a.shape.filter((_, i) => i !== axis);
  const stride = a.stride.filter((_, i) => i !== axis);
  for (let i = 0; i < a.shape[axis]; i++) out.push(trustedArray(a.data, shape, a.dtype, stride, a.offset + i * a.stride[axis]));
  return out;
}

export function roll(x: NDArray, shift: number | readonly number[], options?: { axis?: AxisInput }): NDArray {
  options = readOptions(options, ['axis'], 'roll');
  const a = toNDArray(x);
  const axisOpt = options?.axis;
  if (axisOpt === undefined || axisOpt === null) {
    if (typeof shift !== 'number') {
      throw new InvalidArgumentError("'shift' must be a single integer when 'axis' is not given.", {
        argument: 'shift',
        hint: 'Give axis to roll along several axes.',
      });
    }
    return reshape(roll(reshape(a, [-1]), shift, { axis: 0 }), a.shape);
  }
  const axes = (typeof axisOpt === 'number' ? [axisOpt] : Array.from(axisOpt)).map((ax) => normalizeAxis(ax, a.ndim));
  const shifts = typeof shift === 'number' ? axes.map(() => shift) : Array.from(shift);
  if (shifts.length !== axes.length) {
    throw new InvalidArgumentError("'shift' and 'axis' must have the same length.", {
      argument: 'shift',
      hint: 'Give one shift per axis.',
    });
  }
  const total = new Array<number>(a.ndim).fill(0);
  for (let i = 0; i < axes.length; i++) {
    if (!Number.isInteger(shifts[i])) {
      throw new InvalidArgumentError(`'shift' must be integers, got ${describe(shifts[i])}.`, { argument: 'shift', hint: 'Use whole numbers.' });
    }
    total[axes[i]] += shifts[i];
  }
  // Each rolled axis splits into two slabs; copy them (as concat does) into place.
  let cur = a;
  for (let ax = 0; ax < a.ndim; ax++) {
    const n = a.shape[ax];
    if (n === 0) continue;
    const s = ((total[ax] % n) + n) % n;
    if (s === 0) continue;
    const head = sliceAxis(cur, ax, n - s, n);
    const tail = sliceAxis(cur, ax, 0, n - s);
    cur = concat([head, tail], { axis: ax });
  }
  return cur === a ? trustedArray(contiguousData(a, true), a.shape.slice(), a.dtype) : cur;
}

/** View of `x` restricted to [start, stop) along `axis`. */
export function sliceAxis(x: NDArray, axis: number, start: number, stop: number): NDArray {
  const shape = x.shape.slice();
  shape[axis] = stop - start;
  return trustedArray(x.data, shape, x.dtype, x.stride, x.offset + start * x.stride[axis]);
}

export function repeat(x: NDArray, repeats: number | NDArray, options?: { axis?: number | null }): NDArray {
  options = readOptions(options, ['axis'], 'repeat');
  let a = toNDArray(x);
  let axis: number;
  if (options?.axis === undefined || options.axis === null) {
    a = reshape(a, [-1]);
    axis = 0;
  } else axis = normalizeAxis(options.axis, a.ndim);
  const n = a.shape[axis];
  let counts: number[];
  if (typeof repeats === 'number') {
    if (!Number.isInteger(repeats) || repeats < 0) {
      throw new InvalidArgumentError(`'repeats' must be a non-negative integer, got ${describe(repeats)}.`, {
        argument: 'repeats',
        hint: 'Use whole numbers ≥ 0.',
      });
    }
    counts = new Array<number>(n).fill(repeats);
  } else {
    const r = toNDArray(repeats, 'repeats');
    if (!isIntegerDtype(r.dtype)) {
      throw new DtypeError(`'repeats' must have an integer dtype, got ${r.dtype}.`, {
        argument: 'repeats',
        hint: "Use astype(repeats, 'int32').",
      });
    }
    const flat = Array.from(contiguousData(r, false) as ArrayLike<number | bigint>, Number);
    counts = flat.length === 1 ? new Array<number>(n).fill(flat[0]) : flat;
    if (counts.length !== n || counts.some((c) => c < 0)) {
      throw new ShapeError(`'repeats' must have length 1 or ${n} with non-negative entries.`, {
        argument: 'repeats',
        hint: 'Give one count per element along the axis.',
      });
    }
  }
  const index: number[] = [];
  for (let i = 0; i < n; i++) for (let c = 0; c < counts[i]; c++) index.push(i);
  return takeIndices(a, index, axis);
}

export function tile(x: NDArray, repetitions: readonly number[]): NDArray {
  let a = toNDArray(x);
  const reps = Array.from(repetitions);
  for (const r of reps) {
    if (!Number.isInteger(r) || r < 0) {
      throw new InvalidArgumentError(`'repetitions' must be non-negative integers, got ${describe(r)}.`, {
        argument: 'repetitions',
        hint: 'E.g. [2, 3].',
      });
    }
  }
  const nd = Math.max(a.ndim, reps.length);
  while (reps.length < nd) reps.unshift(1);
  if (a.ndim < nd) a = reshape(a, [...new Array<number>(nd - a.ndim).fill(1), ...a.shape]);
  let cur = a;
  for (let ax = 0; ax < nd; ax++) {
    if (reps[ax] === 1) continue;
    const n = cur.shape[ax];
    const index: number[] = [];
    for (let r = 0; r < reps[ax]; r++) for (let i = 0; i < n; i++) index.push(i);
    cur = takeIndices(cur, index, ax);
  }
  return cur === a ? trustedArray(contiguousData(a, true), a.shape.slice(), a.dtype) : cur;
}

/** Gathers `index` (already normalised, in range) along `axis` into a new C-contiguous array. */
export function takeIndices(a: NDArray, index: ArrayLike<number>, axis: number): NDArray {
  const shape = a.shape.slice();
  shape[axis] = index.length;
  const size = shapeSize(shape);
  checkSize(size, 'indices');
  const lanes = dtypeInfo(a.dtype).lanes;
  const out = allocate(a.dtype, size) as unknown as unknown[];
  const src = a.data as unknown as unknown[];
  const outer = shapeSize(a.shape.slice(0, axis));
  const inner = shapeSize(a.shape.slice(axis + 1));
  const m = index.length;
  // Offsets of the inner block (C order) in the source.
  const innerShape = a.shape.slice(axis + 1);
  const innerStride = a.stride.slice(axis + 1);
  const innerOffs: number[] = [];
  {
    const idx = new Array<number>(innerShape.length).fill(0);
    let p = 0;
    for (let k = 0; k < inner; k++) {
      innerOffs.push(p);
      for (let d = innerShape.length - 1; d >= 0; d--) {
        idx[d]++;
        p += innerStride[d];
        if (idx[d] < innerShape[d]) break;
        p -= innerStride[d] * innerShape[d];
        idx[d] = 0;
      }
    }
  }
  const outerShape = a.shape.slice(0, axis);
  const outerStride = a.stride.slice(0, axis);
  const oidx = new Array<number>(outerShape.length).fill(0);
  let obase = a.offset;
  let w = 0;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const base = obase + index[j] * a.stride[axis];
      for (let k = 0; k < inner; k++) {
        const p = base + innerOffs[k];
        if (lanes === 2) {
          out[2 * w] = src[2 * p];
          out[2 * w + 1] = src[2 * p + 1];
        } else out[w] = src[p];
        w++;
      }
    }
    for (let d = outerShape.length - 1; d >= 0; d--) {
      oidx[d]++;
      obase += outerStride[d];
      if (oidx[d] < outerShape[d]) break;
      obase -= outerStride[d] * outerShape[d];
      oidx[d] = 0;
    }
  }
  return trustedArray(out as unknown as Float64Array, shape, a.dtype);
}

/** Index array → plain numbers, checked for integer dtype and bounds, negatives wrapped. */
export function normalizeIndexArray(indices: NDArray, n: number, argument = 'indices'): Int32Array {
  if (!isIntegerDtype(indices.dtype)) {
    throw new DtypeError(`'${argument}' must have an integer dtype, got ${indices.dtype}.`, {
      argument,
      hint: "Create it with { dtype: 'int32' } or use astype(indices, 'int32').",
    });
  }
  const flat = contiguousData(indices, false) as ArrayLike<number | bigint>;
  const out = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i++) {
    let v = Number(flat[i]);
    if (v < -n || v >= n) {
      throw new InvalidArgumentError(`'${argument}' holds ${v}, out of bounds for an axis of size ${n}.`, {
        argument,
        hint: `Indices must lie in [${-n}, ${n - 1}].`,
      });
    }
    if (v < 0) v += n;
    out[i] = v;
  }
  return out;
}

export function take(x: NDArray, indices: NDArray, options?: { axis?: number }): NDArray {
  options = readOptions(options, ['axis'], 'take');
  let a = toNDArray(x);
  const ind = toNDArray(indices, 'indices');
  let axis = options?.axis;
  if (axis === undefined) {
    if (a.ndim !== 1) {
      throw new InvalidArgumentError(`take needs 'axis' for a ${a.ndim}-D array.`, {
        argument: 'axis',
        hint: 'Pass { axis } or reshape(x, [-1]) first.',
      });
    }
    axis = 0;
  }
  const ax = normalizeAxis(axis, a.ndim);
  const idx = normalizeIndexArray(ind, a.shape[ax]);
  const flat = takeIndices(a, idx, ax);
  if (ind.ndim === 1) return flat;
  // Multi-dimensional indices replace the axis with the index shape (NumPy's take).
  const shape = [...a.shape.slice(0, ax), ...ind.shape, ...a.shape.slice(ax + 1)];
  a = flat;
  return trustedArray(a.data, shape, a.dtype);
}

export function takeAlongAxis(x: NDArray, indices: NDArray, options?: { axis?: number }): NDArray {
  options = readOptions(options, ['axis'], 'takeAlongAxis');
  const a = toNDArray(x);
  const ind = toNDArray(indices, 'indices');
  const ax = normalizeAxis(options?.axis ?? -1, a.ndim);
  if (ind.ndim !== a.ndim) {
    throw new ShapeError(`'indices' must have ${a.ndim} dimensions like x, got ${ind.ndim}.`, {
      argument: 'indices',
      hint: 'Use expandDims on the indices.',
    });
  }
  // Broadcast every axis but `axis`.
  const bshape = broadcastShapes(
    a.shape.map((n, i) => (i === ax ? 1 : n)),
    ind.shape.map((n, i) => (i === ax ? 1 : n)),
  );
  const ishape = bshape.slice();
  ishape[ax] = ind.shape[ax];
  const xshape = bshape.slice();
  xshape[ax] = a.shape[ax];
  const iv = broadcastView(ind, ishape, 'indices');
  const xv = broadcastView(a, xshape, 'x');
  const idx = normalizeIndexArray(iv, a.shape[ax]);
  const size = shapeSize(ishape);
  const lanes = dtypeInfo(a.dtype).lanes;
  const out = allocate(a.dtype, size) as unknown as unknown[];
  const src = xv.data as unknown as unknown[];
  const pos = new Array<number>(ishape.length).fill(0);
  for (let k = 0; k < size; k++) {
    let p = xv.offset;
    for (let d = 0; d < ishape.length; d++) p += (d === ax ? idx[k] : pos[d]) * xv.stride[d];
    if (lanes === 2) {
      out[2 * k] = src[2 * p];
      out[2 * k + 1] = src[2 * p + 1];
    } else out[k] = src[p];
    for (let d = ishape.length - 1; d >= 0; d--) {
      if (++pos[d] < ishape[d]) break;
      pos[d] = 0;
    }
  }
  return trustedArray(out as unknown as Float64Array, ishape, a.dtype);
}
