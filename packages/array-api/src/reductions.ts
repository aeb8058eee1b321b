/**
 * Statistical, utility and search reductions. Reduced axes are moved last and read as a
 * C-ordered block per output element; sums are pairwise (as NumPy does) so the
 * rounding error grows like O(log n) rather than O(n).
 */
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { castCopy } from './cast.js';
import { allocate, checkDType, DEFAULT_INDEX, type DType, dtypeInfo, isComplexDtype, type TypedArray } from './dtypes.js';
import { dtypeClass } from './elementwise-core.js';
import { castTo, toNDArray } from './kernels.js';
import { normalizeAxes, normalizeAxis, shapeSize } from './layout.js';
import type { ArgReduceOptions, CumulativeOptions, ReduceOptions, SumOptions, VarOptions } from './namespace-types.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { checkCorrection } from './kit/correction.js';
import { checkBoolean, readOptions } from './options.js';
import { cumulativeAxis } from './kit/cumulative-axis.js';

interface Groups {
  /** Elements in C order of (kept axes…, reduced axes…). */
  data: TypedArray;
  /** Output shape with reduced axes removed (or kept as 1). */
  shape: number[];
  outer: number;
  inner: number;
}

function groups(x: NDArray, axis: unknown, keepdims: boolean): Groups {
  const axes = normalizeAxes(axis, x.ndim);
  const kept = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const view = x.transpose(...kept, ...axes);
  const data = contiguousData(view, false);
  const shape = keepdims ? x.shape.map((n, i) => (axes.includes(i) ? 1 : n)) : kept.map((i) => x.shape[i]);
  const inner = shapeSize(axes.map((i) => x.shape[i]));
  return { data, shape, outer: shapeSize(kept.map((i) => x.shape[i])), inner };
}

/**
 * Pairwise sum of data[start + k·step], k < n, as NumPy does it: blocks of up to 128
 * summed with 8 independent accumulators, blocks combined by recursive halving, so the
 * rounding error grows like O(log n) and the 8 accumulators keep the CPU pipeline full.
 */
export function pairwiseSum(d: ArrayLike<number>, start: number, n: number, step: number): number {
  if (n < 8) {
    let s = 0;
    for (let k = 0; k < n; k++) s += d[start + k * step];
    return s;
  }
  if (n <= 128) {
    let r0 = d[start];
    let r1 = d[start + step];
    let r2 = d[start + 2 * step];
    let r3 = d[start + 3 * step];
    let r4 = d[start + 4 * step];
    let r5 = d[start + 5 * step];
    let r6 = d[start + 6 * step];
    let r7 = d[start + 7 * step];
    const m = n - (n % 8);
    for (let k = 8; k < m; k += 8) {
      const p = start + k * step;
      r0 += d[p];
      r1 += d[p + step];
      r2 += d[p + 2 * step];
      r3 += d[p + 3 * step];
      r4 += d[p + 4 * step];
      r5 += d[p + 5 * step];
      r6 += d[p + 6 * step];
      r7 += d[p + 7 * step];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (let k = m; k < n; k++) s += d[start + k * step];
    return s;
  }
  // Split on a multiple of 8 so blocks stay aligned, as NumPy does.
  let h = n >> 1;
  h -= h % 8;
  return pairwiseSum(d, start, h, step) + pairwiseSum(d, start + h * step, n - h, step);
}

/** NumPy's accumulator dtype for sum/prod: integers widen to 64 bits. */
function sumDtype(d: DType, requested: DType | undefined): DType {
  if (requested !== undefined) return checkDType(requested);
  const c = dtypeClass(d);
  if (c === 'bool') return 'int64';
  if (c === 'integer') return dtypeInfo(d).kind === 'signed integer' ? 'int64' : 'uint64';
  return d;
}

export function sum(x: NDArray, options?: SumOptions): NDArray {
  options = readOptions(options, ['axis', 'dtype', 'keepdims'], 'sum');
  return sumOrProd(x, options, false);
}
export function prod(x: NDArray, options?: SumOptions): NDArray {
  options = readOptions(options, ['axis', 'dtype', 'keepdims'], 'prod');
  return sumOrProd(x, options, true);
}

function sumOrProd(input: NDArray, options: SumOptions | undefined, isProd: boolean): NDArray {
  const a = toNDArray(input);
  const out = sumDtype(a.dtype, options?.dtype);
  if (isComplexDtype(a.dtype) && !isComplexDtype(out)) {
    throw new DtypeError(`Cannot ${isProd ? 'multiply' : 'sum'} ${a.dtype} into ${out}.`, { argument: 'dtype', hint: 'Use a complex dtype.' });
  }
  const intToBig = dtypeInfo(out).isBigInt && (dtypeClass(a.dtype) === 'integer' || a.dtype === 'bool');
  const src = a.dtype === out || intToBig ? a : castCopy(a, out);
  const g = groups(src, options?.axis, checkBoolean(options?.keepdims, 'keepdims', false));
  const res = allocate(out, g.outer);
  const info = dtypeInfo(out);
  if (info.isBigInt) {
    const r = res as BigInt64Array;
    const d = g.data as unknown as ArrayLike<number | bigint>;
    const numeric = !dtypeInfo(src.dtype).isBigInt;
    for (let o = 0; o < g.outer; o++) {
      let acc = isProd ? 1n : 0n;
      if (numeric && !isProd) {
        // Exact: partial sums of ≤ 2^20 values of < 2^32 stay below 2^53.
        let part = 0;
        for (let k = 0; k < g.inner; k++) {
          part += d[o * g.inner + k] as number;
          if ((k & 0xfffff) === 0xfffff) {
            acc += BigInt(part);
            part = 0;
          }
        }
        acc += BigInt(part);
      } else {
        for (let k = 0; k < g.inner; k++) {
          const v = d[o * g.inner + k];
          const b = typeof v === 'bigint' ? v : BigInt(v);
          acc = isProd ? BigInt.asIntN(64, acc * b) : acc + b;
        }
      }
      r[o] = acc;
    }
  } else if (info.lanes === 2) {
    const r = res as Float64Array;
    const d = g.data as Float64Array;
    for (let o = 0; o < g.outer; o++) {
      const base = 2 * o * g.inner;
      if (isProd) {
        let pr = 1;
        let pi = 0;
        for (let k = 0; k < g.inner; k++) {
          const xr = d[base + 2 * k];
          const xi = d[base + 2 * k + 1];
          const t = pr * xr - pi * xi;
          pi = pr * xi + pi * xr;
          pr = t;
        }
        r[2 * o] = pr;
        r[2 * o + 1] = pi;
      } else {
        r[2 * o] = pairwiseSum(d, base, g.inner, 2);
        r[2 * o + 1] = pairwiseSum(d, base + 1, g.inner, 2);
      }
    }
  } else {
    const r = res as Float64Array;
    const d = g.data as Float64Array;
    for (let o = 0; o < g.outer; o++) {
      if (isProd) {
        let p = 1;
        for (let k = 0; k < g.inner; k++) p *= d[o * g.inner + k];
        r[o] = p;
      } else r[o] = pairwiseSum(d, o * g.inner, g.inner, 1);
    }
  }
  return trustedArray(res, g.shape, out);
}

function meanDtype(d: DType): DType {
  const c = dtypeClass(d);
  return c === 'real floating' || c === 'complex floating' ? d : 'float64';
}

export function mean(x: NDArray, options?: ReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'mean');
  const a = toNDArray(x);
  const out = meanDtype(a.dtype);
  const s = sum(castTo(a, out), { axis: options?.axis, keepdims: options?.keepdims, dtype: out });
  const n = groupsCount(a, options?.axis);
  const d = s.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] /= n;
  return s;
}

function groupsCount(x: NDArray, axis: unknown): number {
  const axes = normalizeAxes(axis, x.ndim);
  return shapeSize(axes.map((i) => x.shape[i]));
}

/** The Array API standard's `var` (a reserved word in JavaScript): the variance over `axis`. */
export function variance(x: NDArray, options?: VarOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims', 'correction'], 'var');
  const a = toNDArray(x);
  const out = meanDtype(a.dtype);
  const correction = checkCorrection(options?.correction);
  const src = castCopy(a, out);
  const g = groups(src, options?.axis, checkBoolean(options?.keepdims, 'keepdims', false));
  const realOut = isComplexDtype(out) ? (out === 'complex64' ? 'float32' : 'float64') : out;
  const res = allocate(realOut, g.outer) as Float64Array;
  const d = g.data as Float64Array;
  const n = g.inner;
  const denom = Math.max(0, n - correction);
  const lanes = dtypeInfo(out).lanes;
  for (let o = 0; o < g.outer; o++) {
    const base = o * n * lanes;
    if (lanes === 2) {
      const mr = pairwiseSum(d, base, n, 2) / n;
      const mi = pairwiseSum(d, base + 1, n, 2) / n;
      let s = 0;
      for (let k = 0; k < n; k++) {
        const dr = d[base + 2 * k] - mr;
        const di = d[base + 2 * k + 1] - mi;
        s += dr * dr + di * di;
      }
      res[o] = s / denom;
    } else {
      const m = pairwiseSum(d, base, n, 1) / n;
      let s = 0;
      for (let k = 0; k < n; k++) {
        const dv = d[base + k] - m;
        s += dv * dv;
      }
      res[o] = s / denom;
    }
  }
  return trustedArray(res, g.shape, realOut);
}

export function std(x: NDArray, options?: VarOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims', 'correction'], 'std');
  const v = variance(x, options);
  const d = v.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]);
  return v;
}

function extreme(x: NDArray, options: ReduceOptions | undefined, isMax: boolean): NDArray {
  const a = toNDArray(x);
  if (isComplexDtype(a.dtype)) {
    throw new DtypeError(`${isMax ? 'max' : 'min'} is not defined for complex input (no ordering).`, {
      argument: 'x',
      hint: 'Reduce abs(x), real(x) or imag(x) instead.',
    });
  }
  const g = groups(a, options?.axis, checkBoolean(options?.keepdims, 'keepdims', false));
  if (g.inner === 0 && g.outer > 0) {
    throw new InvalidArgumentError(`${isMax ? 'max' : 'min'} of an empty axis has no identity.`, {
      argument: 'x',
      hint: 'Check the array is not empty along the reduced axes.',
    });
  }
  const res = allocate(a.dtype, g.outer) as unknown as (number | bigint)[];
  const d = g.data as unknown as ArrayLike<number | bigint>;
  for (let o = 0; o < g.outer; o++) {
    let best = d[o * g.inner];
    for (let k = 1; k < g.inner; k++) {
      const v = d[o * g.inner + k];
      if (Number.isNaN(best)) break; // NaN propagates
      if (Number.isNaN(v) || (isMax ? v > best : v < best)) best = v;
    }
    res[o] = best;
  }
  return trustedArray(res as unknown as Float64Array, g.shape, a.dtype);
}

export function max(x: NDArray, options?: ReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'max');
  return extreme(x, options, true);
}
export function min(x: NDArray, options?: ReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'min');
  return extreme(x, options, false);
}

function logical(x: NDArray, options: ReduceOptions | undefined, isAll: boolean): NDArray {
  const a = toNDArray(x);
  const g = groups(a, options?.axis, checkBoolean(options?.keepdims, 'keepdims', false));
  const lanes = dtypeInfo(a.dtype).lanes;
  const res = new Uint8Array(g.outer);
  const d = g.data as unknown as ArrayLike<number | bigint>;
  for (let o = 0; o < g.outer; o++) {
    let acc = isAll;
    for (let k = 0; k < g.inner; k++) {
      const p = (o * g.inner + k) * lanes;
      // NaN counts as true, like NumPy's bool(NaN).
      const t = lanes === 2 ? d[p] !== 0 || d[p + 1] !== 0 : d[p] !== 0 && d[p] !== 0n;
      if (isAll ? !t : t) {
        acc = !isAll;
        break;
      }
    }
    res[o] = acc ? 1 : 0;
  }
  return trustedArray(res, g.shape, 'bool');
}

export function all(x: NDArray, options?: ReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'all');
  return logical(x, options, true);
}
export function any(x: NDArray, options?: ReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'any');
  return logical(x, options, false);
}

export function countNonzero(x: NDArray, options?: ReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'countNonzero');
  const a = toNDArray(x);
  const g = groups(a, options?.axis, checkBoolean(options?.keepdims, 'keepdims', false));
  const lanes = dtypeInfo(a.dtype).lanes;
  const res = allocate(DEFAULT_INDEX, g.outer) as Int32Array;
  const d = g.data as unknown as ArrayLike<number | bigint>;
  for (let o = 0; o < g.outer; o++) {
    let c = 0;
    for (let k = 0; k < g.inner; k++) {
      const p = (o * g.inner + k) * lanes;
      if (lanes === 2 ? d[p] !== 0 || d[p + 1] !== 0 : d[p] !== 0 && d[p] !== 0n) c++;
    }
    res[o] = c;
  }
  return trustedArray(res, g.shape, DEFAULT_INDEX);
}

function argExtreme(x: NDArray, options: ArgReduceOptions | undefined, isMax: boolean): NDArray {
  const a = toNDArray(x);
  if (isComplexDtype(a.dtype)) {
    throw new DtypeError(`${isMax ? 'argmax' : 'argmin'} is not defined for complex input.`, {
      argument: 'x',
      hint: 'Use abs(x) or real(x) first.',
    });
  }
  const axisOpt = options?.axis;
  const keepdims = checkBoolean(options?.keepdims, 'keepdims', false);
  const axis = axisOpt === undefined || axisOpt === null ? null : normalizeAxis(axisOpt, a.ndim);
  const g = groups(a, axis, keepdims);
  if (g.inner === 0) {
    throw new InvalidArgumentError(`${isMax ? 'argmax' : 'argmin'} of an empty sequence is undefined.`, {
      argument: 'x',
      hint: 'Check the array is not empty along the axis.',
    });
  }
  const res = allocate(DEFAULT_INDEX, g.outer) as Int32Array;
  const d = g.data as unknown as ArrayLike<number | bigint>;
  for (let o = 0; o < g.outer; o++) {
    let bi = 0;
    let best = d[o * g.inner];
    if (!Number.isNaN(best)) {
      for (let k = 1; k < g.inner; k++) {
        const v = d[o * g.inner + k];
        if (Number.isNaN(v)) {
          bi = k; // first NaN wins (NumPy)
          break;
        }
        if (isMax ? v > best : v < best) {
          best = v;
          bi = k;
        }
      }
    }
    res[o] = bi;
  }
  const shape = axis === null && keepdims ? a.shape.map(() => 1) : g.shape;
  return trustedArray(res, shape, DEFAULT_INDEX);
}

export function argmax(x: NDArray, options?: ArgReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'argmax');
  return argExtreme(x, options, true);
}
export function argmin(x: NDArray, options?: ArgReduceOptions): NDArray {
  options = readOptions(options, ['axis', 'keepdims'], 'argmin');
  return argExtreme(x, options, false);
}

function cumulative(x: NDArray, options: CumulativeOptions | undefined, isProd: boolean): NDArray {
  let a = toNDArray(x);
  const axis = cumulativeAxis(a.ndim, options?.axis, isProd ? 'cumulativeProd' : 'cumulativeSum');
  if (a.ndim === 0) a = trustedArray(a.data, [1], a.dtype, [0], a.offset);
  const out = sumDtype(a.dtype, options?.dtype);
  const src = castCopy(a, out);
  const include = checkBoolean(options?.includeInitial, 'includeInitial', false);
  const perm = a.shape.map((_, i) => i).filter((i) => i !== axis);
  const view = src.transpose(...perm, axis);
  const d = contiguousData(view, false) as unknown as (number | bigint)[];
  const n = a.shape[axis];
  const m = n + (include ? 1 : 0);
  const outer = n === 0 ? shapeSize(perm.map((i) => a.shape[i])) : d.length / (n * dtypeInfo(out).lanes);
  const lanes = dtypeInfo(out).lanes;
  const info = dtypeInfo(out);
  const res = allocate(out, outer * m) as unknown as (number | bigint)[];
  for (let o = 0; o < outer; o++) {
    if (info.isBigInt) {
      let acc = isProd ? 1n : 0n;
      let w = o * m;
      if (include) res[w++] = acc;
      for (let k = 0; k < n; k++) {
        const v = d[o * n + k] as bigint;
        acc = isProd ? BigInt.asIntN(64, acc * v) : BigInt.asIntN(64, acc + v);
        res[w++] = acc;
      }
    } else if (lanes === 2) {
      let ar = isProd ? 1 : 0;
      let ai = 0;
      let w = o * m;
      if (include) {
        res[2 * w] = ar;
        res[2 * w + 1] = ai;
        w++;
      }
      for (let k = 0; k < n; k++) {
        const xr = d[2 * (o * n + k)] as number;
        const xi = d[2 * (o * n + k) + 1] as number;
        if (isProd) {
          const t = ar * xr - ai * xi;
          ai = ar * xi + ai * xr;
          ar = t;
        } else {
          ar += xr;
          ai += xi;
        }
        res[2 * w] = ar;
        res[2 * w + 1] = ai;
        w++;
      }
    } else {
      let acc = isProd ? 1 : 0;
      let w = o * m;
      if (include) res[w++] = acc;
      for (let k = 0; k < n; k++) {
        const v = d[o * n + k] as number;
        acc = isProd ? acc * v : acc + v;
        res[w++] = acc;
        acc = res[w - 1] as number; // keep float32 rounding per step, as NumPy accumulates in dtype
      }
    }
  }
  const permShape = [...perm.map((i) => a.shape[i]), m];
  const tmp = trustedArray(res as unknown as Float64Array, permShape, out);
  // Move the axis back into place.
  const inv = new Array<number>(a.ndim);
  const order = [...perm, axis];
  for (let i = 0; i < order.length; i++) inv[order[i]] = i;
  const back = tmp.transpose(...inv);
  return trustedArray(contiguousData(back, false), back.shape.slice(), out);
}

export function cumulativeSum(x: NDArray, options?: CumulativeOptions): NDArray {
  options = readOptions(options, ['axis', 'dtype', 'includeInitial'], 'cumulativeSum');
  return cumulative(x, options, false);
}
export function cumulativeProd(x: NDArray, options?: CumulativeOptions): NDArray {
  options = readOptions(options, ['axis', 'dtype', 'includeInitial'], 'cumulativeProd');
  return cumulative(x, options, true);
}
