
import { allocate, DEFAULT_INDEX, dtypeInfo } from './dtypes.js';
import { toNDArray } from './kernels.js';
import type { SortOptions } from './namespace-types.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { checkBoolean, readOptions } from './options.js';
import { sortAxis } from './kit/sort-axis.js';

type Cmp = (i: number, j: number) => number;

function cmpReal(d: ArrayLike<number | bigint>, base: number): Cmp {
  return (i, j) => {
    const a = d[base + i];
    const b = d[base + j];
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    // At least one NaN: NaNs go last.
    const an = Number.isNaN(a);
    const bn = Number.isNaN(b);
    return an === bn ? 0 : an ? 1 : -1;
  };
}

function cmpComplex(d: Float64Array, base: number): Cmp {
  const key = (v: number) => (Number.isNaN(v) ? Infinity : v);
  return (i, j) => {
    const ar = d[2 * (base + i)];
    const br = d[2 * (base + j)];
    const ai = d[2 * (base + i) + 1];
    const bi = d[2 * (base + j) + 1];
    const an = Number.isNaN(ar) || Number.isNaN(ai);
    const bn = Number.isNaN(br) || Number.isNaN(bi);
    if (an || bn) return an === bn ? 0 : an ? 1 : -1;
    if (key(ar) !== key(br)) return ar < br ? -1 : 1;
    if (ai === bi) return 0;
    return ai < bi ? -1 : 1;
  };
}

/** Per-lane permutations sorting `x` along `axis`; calls `emit(outer, order)` per lane. */
function sortLanes(x: NDArray, options: SortOptions | undefined, emit: (data: ArrayLike<unknown>, base: number, order: number[], o: number) => void): { moved: NDArray; perm: number[]; axis: number } {
  const a = toNDArray(x);
  const axis = sortAxis(a.ndim, options?.axis);
  const descending = checkBoolean(options?.descending, 'descending', false);
  const perm = a.shape.map((_, i) => i).filter((i) => i !== axis);
  perm.push(axis);
  const moved = a.transpose(...perm);
  const data = contiguousData(moved, false);
  const n = a.shape[axis];
  const outer = n === 0 ? 0 : a.size / n;
  const lanes = dtypeInfo(a.dtype).lanes;
  const order = new Array<number>(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) order[i] = i;
    const cmp = lanes === 2 ? cmpComplex(data as Float64Array, o * n) : cmpReal(data as ArrayLike<number | bigint>, o * n);
    // Descending stays stable: ties keep their original order.
    order.sort(descending ? (i, j) => cmp(j, i) || i - j : (i, j) => cmp(i, j) || i - j);
    emit(data, o * n, order, o);
  }
  return { moved, perm, axis };
}

function restore(tmp: NDArray, perm: number[]): NDArray {
  const inv = new Array<number>(perm.length);
  for (let i = 0; i < perm.length; i++) inv[perm[i]] = i;
  const back = tmp.transpose(...inv);
  return trustedArray(contiguousData(back, false), back.shape.slice(), tmp.dtype);
}

export function sort(x: NDArray, options?: SortOptions): NDArray {
  options = readOptions(options, ['axis', 'descending', 'stable'], 'sort');
  const a = toNDArray(x);
  const lanes = dtypeInfo(a.dtype).lanes;
  const out = allocate(a.dtype, a.size) as unknown as unknown[];
  const { moved, perm } = sortLanes(a, options, (data, base, order) => {
    const d = data as unknown[];
    for (let i = 0; i < order.length; i++) {
      if (lanes === 2) {
        out[2 * (base + i)] = d[2 * (base + order[i])];
        out[2 * (base + i) + 1] = d[2 * (base + order[i]) + 1];
      } else out[base + i] = d[base + order[i]];
    }
  });
  return restore(trustedArray(out as unknown as Float64Array, moved.shape.slice(), a.dtype), perm);
}

export function argsort(x: NDArray, options?: SortOptions): NDArray {
  options = readOptions(options, ['axis', 'descending', 'stable'], 'argsort');
  const a = toNDArray(x);
  const out = allocate(DEFAULT_INDEX, a.size) as Int32Array;
  const { moved, perm } = sortLanes(a, options, (_data, base, order) => {
    for (let i = 0; i < order.length; i++) out[base + i] = order[i];
  });
  return restore(trustedArray(out, moved.shape.slice(), DEFAULT_INDEX), perm);
}
