/**
 * Basic indexing (views without copies): integers, slices, ellipsis and new axes, as
 * in the standard's "Indexing" section. JS has no `x[1:3, ...]` syntax, so a slice is
 * written as a string `'1:3'` / `'::-1'`, or `slice(start, stop, step)`.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from './layout.js';
import { type NDArray, trustedArray } from './ndarray.js';
import { type IndexSpec, isSlice, type Slice, slice } from './slice-spec.js';

function parseSliceString(text: string): Slice {
  const parts = text.split(':');
  const bad = () =>
    new InvalidArgumentError(`Index ${JSON.stringify(text)} is not a slice.`, {
      argument: 'index',
      hint: "Write slices as 'start:stop:step' (parts optional, e.g. ':', '1:', '::-1') or '...'.",
    });
  if (parts.length < 2 || parts.length > 3) throw bad();
  const nums = parts.map((p) => {
    const t = p.trim();
    if (t === '') return null;
    const v = Number(t);
    if (!Number.isInteger(v)) throw bad();
    return v;
  });
  return slice(nums[0], nums[1], nums[2] ?? null);
}

/** Resolves a slice against a dimension of length n: [start, count, step]. */
export function resolveSlice(s: Slice, n: number): [number, number, number] {
  const step = s.step ?? 1;
  if (step === 0) {
    throw new InvalidArgumentError('Slice step cannot be zero.', { argument: 'index', hint: 'Use a non-zero step.' });
  }
  let start: number;
  let stop: number;
  if (step > 0) {
    start = s.start === null ? 0 : s.start < 0 ? Math.max(0, s.start + n) : Math.min(s.start, n);
    stop = s.stop === null ? n : s.stop < 0 ? Math.max(0, s.stop + n) : Math.min(s.stop, n);
    const count = stop > start ? Math.ceil((stop - start) / step) : 0;
    return [start, count, step];
  }
  start = s.start === null ? n - 1 : s.start < 0 ? Math.max(-1, s.start + n) : Math.min(s.start, n - 1);
  stop = s.stop === null ? -1 : s.stop < 0 ? Math.max(-1, s.stop + n) : Math.min(s.stop, n - 1);
  const count = start > stop ? Math.ceil((start - stop) / -step) : 0;
  return [start, count, step];
}

export function getView(x: NDArray, specs: readonly IndexSpec[]): NDArray {
  const ellipses = specs.filter((s) => s === '...').length;
  if (ellipses > 1) {
    throw new InvalidArgumentError('An index can contain at most one ellipsis.', {
      argument: 'index',
      hint: "Remove the extra '...'.",
    });
  }
  const consuming = specs.filter((s) => s !== null && s !== '...').length;
  if (consuming > x.ndim) {
    throw new InvalidArgumentError(`Too many indices: ${consuming} for an array with ${x.ndim} dimensions.`, {
      argument: 'index',
      hint: 'Give at most one index per dimension.',
    });
  }
  const expanded: IndexSpec[] = [];
  for (const s of specs) {
    if (s === '...') for (let i = 0; i < x.ndim - consuming; i++) expanded.push(slice());
    else expanded.push(s);
  }
  if (ellipses === 0) for (let i = consuming; i < x.ndim; i++) expanded.push(slice());

  const shape: number[] = [];
  const stride: number[] = [];
  let offset = x.offset;
  let d = 0;
  for (const s of expanded) {
    if (s === null) {
      shape.push(1);
      stride.push(0);
      continue;
    }
    const n = x.shape[d];
    if (typeof s === 'number') {
      if (!Number.isInteger(s) || s < -n || s >= n) {
        throw new InvalidArgumentError(`Index ${s} is out of bounds for axis ${d} with size ${n}.`, {
          argument: 'index',
          hint: `Use an integer in [${-n}, ${n - 1}].`,
        });
      }
      offset += (s < 0 ? s + n : s) * x.stride[d];
      d++;
      continue;
    }
    let sl: Slice;
    if (typeof s === 'string') sl = parseSliceString(s);
    else if (isSlice(s)) sl = s;
    else {
      throw new InvalidArgumentError(`Unsupported index ${describe(s)} at position ${d}.`, {
        argument: 'index',
        hint: "Use integers, 'start:stop:step' strings, slice(...), '...' or null; for index arrays use take().",
      });
    }
    const [start, count, step] = resolveSlice(sl, n);
    if (count > 0) offset += start * x.stride[d];
    shape.push(count);
    stride.push(x.stride[d] * step);
    d++;
  }
  return trustedArray(x.data, shape, x.dtype, stride, offset);
}
