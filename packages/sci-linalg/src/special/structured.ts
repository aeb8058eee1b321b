/**
 * Matrices built from coefficient vectors: `companion`, `fiedlerCompanion`, `fiedler`,
 * `leslie`, `blockDiag`, and `convolutionMatrix`.
 */
import { type DType, NDArray, allocate, astype, dtypeInfo, resultType } from '@sciport/array-api';
import { checkInteger, describe } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { cdiv } from '../kernels/complex.js';
import { readFunctionOptions } from '../options.js';
import { toArray } from '../stack.js';
import { commonDtype, gather, inexact, rows, vector, vectorBatch } from './common.js';

/** x / y for real (lanes 1) or complex (lanes 2) elements at p and q of `data`. */
function divide(data: ArrayLike<number>, p: number, q: number, lanes: number): [number, number] {
  return lanes === 1 ? [data[p] / data[q], 0] : cdiv(data[p], data[p + 1], data[q], data[q + 1]);
}

/**
 * The polynomial coefficient vectors of `v` (its last axis, batched over the others) as rows
 * of its inexact dtype, each refused when its first coefficient is zero (it is divided by).
 */
function polynomialRows(v: NDArray, fn: string) {
  const dtype = inexact(v.dtype);
  const lanes = dtypeInfo(dtype).lanes;
  const n = v.shape[v.ndim - 1];
  const batch = v.shape.slice(0, -1);
  const count = batch.reduce((p, d) => p * d, 1);
  const data = rows(v, dtype, batch) as Float64Array;
  for (let s = 0; s < count; s++) {
    const p = lanes * s * n;
    if (data[p] === 0 && (lanes === 1 || data[p + 1] === 0)) {
      throw new InvalidArgumentError(`${fn}: the first coefficient of 'a' (a[..., 0]) must not be zero.`, {
        argument: 'a',
        hint: 'Drop leading zero coefficients first.',
      });
    }
  }
  return { dtype, lanes, batch, count, data };
}

/** SciPy's `companion`: first row −a[1:] / a[0], ones on the subdiagonal; batches over leading axes. */
export function companionHost(a: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'companion');
  const v = vector(a, 'a', 'companion');
  const n = v.shape[v.ndim - 1];
  if (n < 2) {
    throw new ShapeError(`companion: the length of 'a' along the last axis must be at least 2, got ${n}.`, {
      argument: 'a',
      hint: 'Pass the coefficients of a polynomial of degree ≥ 1.',
    });
  }
  const { dtype, lanes, batch, count, data } = polynomialRows(v, 'companion');
  const m = n - 1;
  const out = allocate(dtype, count * m * m) as Float64Array;
  for (let s = 0; s < count; s++) {
    for (let j = 0; j < m; j++) {
      const [re, im] = divide(data, lanes * (s * n + j + 1), lanes * s * n, lanes);
      out[lanes * (s * m * m + j)] = -re;
      if (lanes === 2) out[lanes * (s * m * m + j) + 1] = -im;
    }
    for (let i = 1; i < m; i++) out[lanes * (s * m * m + i * m + i - 1)] = 1;
  }
  return new NDArray(out, [...batch, m, m], dtype);
}

/** SciPy's `fiedler`: F[i, j] = |a[i] − a[j]|, real; batches over leading axes. */
export function fiedlerHost(a: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'fiedler');
  const v = vector(a, 'a', 'fiedler');
  if (v.size === 0) return new NDArray(new Float64Array(0), [0], 'float64');
  if (v.size === 1) return new NDArray(new Float64Array(1), [1, 1], 'float64');
  const complex = dtypeInfo(v.dtype).lanes === 2;
  const real: DType = complex ? (v.dtype === 'complex64' ? 'float32' : 'float64') : v.dtype;
  const n = v.shape[v.ndim - 1];
  const batch = v.shape.slice(0, -1);
  const count = batch.reduce((p, d) => p * d, 1);
  const source = astype(v, complex ? v.dtype : 'float64', { copy: true }).toTypedArray() as Float64Array;
  const values = new Float64Array(count * n * n);
  const lanes = complex ? 2 : 1;
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p = lanes * (s * n + i);
        const q = lanes * (s * n + j);
        values[s * n * n + i * n + j] = complex ? Math.hypot(source[p] - source[q], source[p + 1] - source[q + 1]) : Math.abs(source[p] - source[q]);
      }
    }
  }
  return astype(new NDArray(values, [...batch, n, n], 'float64'), real);
}

/**
 * SciPy's `fiedler_companion`: the pentadiagonal companion matrix of Fiedler (2003), from
 * a / a[0]: −a[1] and 1 in the first column, −a[2k] and 1 on the superdiagonals,
 * −a[2k+1] and 1 on the subdiagonals.
 */
export function fiedlerCompanionHost(a: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'fiedlerCompanion');
  const v = vector(a, 'a', 'fiedlerCompanion');
  const len = v.shape[v.ndim - 1];
  if (len <= 1) return new NDArray(allocate(v.dtype, 0), [...v.shape.slice(0, -1), 0], v.dtype);
  const { dtype, lanes, batch, count, data } = polynomialRows(v, 'fiedlerCompanion');
  const n = len - 1;
  const out = allocate(dtype, count * n * n) as Float64Array;
  for (let s = 0; s < count; s++) {
    const set = (i: number, j: number, [re, im]: [number, number]) => {
      out[lanes * (s * n * n + i * n + j)] = re;
      if (lanes === 2) out[lanes * (s * n * n + i * n + j) + 1] = im;
    };
    // −a[k] / a[0]
    const coefficient = (k: number): [number, number] => {
      const [re, im] = divide(data, lanes * (s * len + k), lanes * s * len, lanes);
      return [-re, -im];
    };
    if (n === 1) {
      set(0, 0, coefficient(1));
      continue;
    }
    for (let i = 3, j = 1; i < n && j < n - 2; i += 2, j += 2) set(i, j, [1, 0]);
    for (let i = 2, j = 1, k = 3; i < n && j < n - 1; i += 2, j += 2, k += 2) set(i, j, coefficient(k));
    for (let i = 0, j = 2; i < n - 2 && j < n; i += 2, j += 2) set(i, j, [1, 0]);
    for (let i = 0, j = 1, k = 2; i < n - 1 && j < n; i += 2, j += 2, k += 2) set(i, j, coefficient(k));
    set(0, 0, coefficient(1));
    set(1, 0, [1, 0]);
  }
  return new NDArray(out, [...batch, n, n], dtype);
}

/** SciPy's `leslie`: first row the fecundities f, subdiagonal the survival rates s (length N − 1). */
export function leslieHost(f: unknown, s: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'leslie');
  const fv = vector(f, 'f', 'leslie');
  const sv = vector(s, 's', 'leslie');
  const n = fv.shape[fv.ndim - 1];
  if (sv.shape[sv.ndim - 1] < 1) {
    throw new ShapeError('leslie: the length of s must be at least 1.', { argument: 's', hint: 'Pass N − 1 survival rates.' });
  }
  if (sv.shape[sv.ndim - 1] !== n - 1) {
    throw new ShapeError(`leslie: the length of s (${sv.shape[sv.ndim - 1]}) must be one less than the length of f (${n}).`, {
      argument: 's',
      hint: 'Pass N fecundities and N − 1 survival rates.',
    });
  }
  const dtype = commonDtype(fv, sv);
  const batch = vectorBatch('leslie', [fv, 'f'], [sv, 's']);
  const sources = [
    { data: rows(fv, dtype, batch), length: n },
    { data: rows(sv, dtype, batch), length: n - 1 },
  ];
  return gather(dtype, batch, n, n, sources, (i, j) => (i === 0 ? [0, j] : i === j + 1 ? [1, j] : null));
}

/** SciPy's `block_diag`: the arrays (scalars are 1×1, vectors 1×N) on the diagonal, zeros elsewhere. */
export function blockDiagHost(...arrays: unknown[]): NDArray {
  const blocks = (arrays.length === 0 ? [[]] : arrays).map((x, k) => {
    const a = toArray(x);
    if (a.ndim > 2) {
      throw new ShapeError(`blockDiag: argument ${k} has ${a.ndim} dimensions; at most 2 are allowed.`, {
        argument: `arrs[${k}]`,
        hint: 'Pass scalars, vectors or matrices.',
      });
    }
    const shape = a.ndim === 0 ? [1, 1] : a.ndim === 1 ? [1, a.shape[0]] : [...a.shape];
    return { a, rows: shape[0], cols: shape[1] };
  });
  const dtype = resultType(...blocks.map((b) => b.a));
  const m = blocks.reduce((p, b) => p + b.rows, 0);
  const n = blocks.reduce((p, b) => p + b.cols, 0);
  const lanes = dtypeInfo(dtype).lanes;
  const out = allocate(dtype, m * n);
  let r0 = 0;
  let c0 = 0;
  for (const b of blocks) {
    const data = astype(b.a, dtype, { copy: true }).toTypedArray();
    for (let i = 0; i < b.rows; i++) {
      for (let j = 0; j < b.cols; j++) {
        for (let l = 0; l < lanes; l++) out[lanes * ((r0 + i) * n + c0 + j) + l] = data[lanes * (i * b.cols + j) + l];
      }
    }
    r0 += b.rows;
    c0 += b.cols;
  }
  return new NDArray(out, [m, n], dtype);
}

export type ConvolutionMode = 'full' | 'valid' | 'same';

export interface ConvolutionMatrixOptions extends DispatchOptions {
  /** 'full' (default), 'valid' or 'same', as numpy.convolve. */
  mode?: ConvolutionMode;
}

/**
 * SciPy's `convolution_matrix`: the Toeplitz matrix A with A @ v = convolve(a, v, mode) for
 * v of length n; batches over a's leading axes.
 */
export function convolutionMatrixHost(a: unknown, n: unknown, options?: ConvolutionMatrixOptions): NDArray {
  const o = readFunctionOptions(options, 'convolutionMatrix');
  const k = checkInteger(n, 'n', 0);
  if (n === undefined || k <= 0) {
    throw new InvalidArgumentError(`convolutionMatrix: n must be a positive integer, got ${describe(n)}.`, {
      argument: 'n',
      hint: 'Pass the length of the vectors the matrix convolves.',
    });
  }
  const mode = o.mode ?? 'full';
  if (mode !== 'full' && mode !== 'valid' && mode !== 'same') {
    throw new InvalidArgumentError(`convolutionMatrix: mode must be 'full', 'valid' or 'same', got ${describe(mode)}.`, {
      argument: 'mode',
      hint: "Use 'full' (default), 'valid' or 'same'.",
    });
  }
  const v = vector(a, 'a', 'convolutionMatrix');
  const m = v.shape[v.ndim - 1];
  if (v.size === 0) {
    throw new ShapeError('convolutionMatrix: len(a) must be at least 1.', { argument: 'a', hint: 'Pass a non-empty kernel.' });
  }
  // a zero-padded (az) and reversed and zero-padded (raz), both of length m + n − 1, as SciPy builds them
  const length = m + k - 1;
  const trim = mode === 'full' ? 0 : Math.min(k, m) - 1;
  const tb = mode === 'same' ? Math.floor(trim / 2) : trim;
  const te = mode === 'same' ? trim - tb : trim;
  const colStart = tb;
  const rows_ = length - te - tb;
  const rowStart = mode === 'full' ? length - k : length - k - tb;
  const az = (i: number): number | null => (i < m ? i : null);
  const raz = (i: number): number | null => (i < m ? m - 1 - i : null);
  const batch = v.shape.slice(0, -1);
  const data = rows(v, v.dtype, batch);
  return gather(v.dtype, batch, rows_, k, [{ data, length: m }], (i, j) => {
    const index = j <= i ? az(colStart + i - j) : raz(rowStart + j - i);
    return index === null ? null : [0, index];
  });
}
