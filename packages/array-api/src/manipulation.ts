/** Manipulation functions of the Array API standard (views where possible). */
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { broadcastShapes, broadcastView } from './broadcasting.js';
import { checkShape } from './layout.js';
import { castInto } from './cast.js';
import { allocate, type DType, dtypeInfo, isIntegerDtype } from './dtypes.js';
import { toNDArray } from './kernels.js';
import { checkArrayList } from './kit/array-list.js';
import { concatShape } from './kit/concat-shape.js';
import { expandDimsAxes } from './kit/expand-dims-axes.js';
import { moveaxisOrder } from './kit/moveaxis-order.js';
import { repeatShape } from './kit/repeat-shape.js';
import { resolveShape } from './kit/resolve-shape.js';
import { rollShifts } from './kit/roll-shifts.js';
import { squeezeAxes } from './kit/squeeze-axes.js';
import { stackShape } from './kit/stack-shape.js';
import { takeAxis } from './kit/take-axis.js';
import { tileShape } from './kit/tile-shape.js';
import { unstackAxis } from './kit/unstack-axis.js';
import { checkSize, cStrides, isCContiguous, normalizeAxes, normalizeAxis, shapeSize } from './layout.js';
import type { AxisInput, ShapeInput } from './namespace-types.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { promoteTypes } from './promotion.js';
import { readOptions } from './options.js';
import { permuteAxes } from './kit/permute-axes.js';
import { expandDimsView } from './kit/expand-dims-view.js';
import { takeAlongAxisAxis } from './kit/take-along-axis.js';

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

export function broadcastTo(x: NDArray, shape: readonly number[] | number): NDArray {
  return broadcastView(toNDArray(x), checkShape(shape, 'shape'));
}

export function broadcastArrays(...arrays: NDArray[]): NDArray[] {
  const xs = arrays.map((a, i) => toNDArray(a, `arrays[${i}]`));
  const shape = broadcastShapes(...xs.map((a) => a.shape));
  return xs.map((a, i) => broadcastView(a, shape, `arrays[${i}]`));
}

export function permuteDims(x: NDArray, axes: readonly number[]): NDArray {
  const a = toNDArray(x);
  return a.transpose(...permuteAxes(a.ndim, axes));
}

export function matrixTranspose(x: NDArray): NDArray {
  return toNDArray(x).mT;
}

export function expandDims(x: NDArray, axis: number | readonly number[] = 0): NDArray {
  const a = toNDArray(x);
  const { shape, stride } = expandDimsView(a.shape, a.stride, expandDimsAxes(a.ndim, axis));
  return trustedArray(a.data, shape, a.dtype, stride, a.offset);
}

export function squeeze(x: NDArray, axis: number | readonly number[]): NDArray {
  const a = toNDArray(x);
  const axes = squeezeAxes(a.shape, axis);
  const shape = a.shape.filter((_, i) => !axes.includes(i));
  const stride = a.stride.filter((_, i) => !axes.includes(i));
  return trustedArray(a.data, shape, a.dtype, stride, a.offset);
}

export function moveaxis(x: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const a = toNDArray(x);
  return a.transpose(...moveaxisOrder(a.ndim, source, destination));
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
  let xs = checkArrayList(arrays, 'concat').map((a, i) => toNDArray(a, `arrays[${i}]`));
  const { axis: ax, shape } = concatShape(
    xs.map((a) => a.shape),
    options?.axis,
  );
  if (options?.axis === null) xs = xs.map((a) => reshape(a, [-1]));
  const dtype = xs.slice(1).reduce((d, a) => promoteTypes(d, a.dtype), xs[0].dtype);
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
  const xs = checkArrayList(arrays, 'stack').map((a, i) => toNDArray(a, `arrays[${i}]`));
  const { axis } = stackShape(
    xs.map((a) => a.shape),
    options?.axis,
  );
  return concat(
    xs.map((a) => expandDims(a, axis)),
    { axis },
  );
}

export function unstack(x: NDArray, options?: { axis?: number }): NDArray[] {
  options = readOptions(options, ['axis'], 'unstack');
  const a = toNDArray(x);
  const axis = unstackAxis(a.ndim, options?.axis);
  const out: NDArray[] = [];
  const shape = a.shape.filter((_, i) => i !== axis);
  const stride = a.stride.filter((_, i) => i !== axis);
  for (let i = 0; i < a.shape[axis]; i++) out.push(trustedArray(a.data, shape, a.dtype, stride, a.offset + i * a.stride[axis]));
  return out;
}

export function roll(x: NDArray, shift: number | readonly number[], options?: { axis?: AxisInput }): NDArray {
  options = readOptions(options, ['axis'], 'roll');
  const a = toNDArray(x);
  const total = rollShifts(a.ndim, shift, options?.axis);
  if (options?.axis === undefined || options.axis === null) return reshape(roll(reshape(a, [-1]), total[0], { axis: 0 }), a.shape);
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
  const { counts } = repeatShape(a.shape, axis, typeof repeats === 'number' ? repeats : repeatCounts(repeats));
  const n = a.shape[axis];
  const index: number[] = [];
  for (let i = 0; i < n; i++) for (let c = 0; c < counts[i]; c++) index.push(i);
  return takeIndices(a, index, axis);
}

/** An array of repeats as plain numbers; its integer dtype is checked here, as dtypes differ per kind of array. */
function repeatCounts(repeats: unknown): number[] {
  const r = toNDArray(repeats, 'repeats');
  if (!isIntegerDtype(r.dtype)) {
    throw new DtypeError(`'repeats' must have an integer dtype, got ${r.dtype}.`, {
      argument: 'repeats',
      hint: "Use astype(repeats, 'int32').",
    });
  }
  return Array.from(contiguousData(r, false) as ArrayLike<number | bigint>, Number);
}

export function tile(x: NDArray, repetitions: readonly number[]): NDArray {
  let a = toNDArray(x);
  const { shape, reps } = tileShape(a.shape, repetitions);
  const nd = shape.length;
  if (a.ndim < nd) a = reshape(a, shape);
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
  const ax = takeAxis(a.ndim, options?.axis);
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
  const ax = takeAlongAxisAxis(a.ndim, ind.ndim, options?.axis);
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
