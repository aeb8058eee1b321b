/** Matrices constant along diagonals or anti-diagonals: `toeplitz`, `circulant`, `hankel`. */
import type { DispatchOptions } from '@sciport/dispatch-core';
import { NDArray, type TypedArray, allocate, dtypeInfo, reshape } from '@sciport/array-api';
import { readFunctionOptions } from '../options.js';
import { commonDtype, rows, vector, vectorBatch } from './common.js';

export interface ToeplitzOptions extends DispatchOptions {
  /** First row (default: conj(c)); its first element is ignored, c's is used. */
  r?: unknown;
}

/** SciPy's `toeplitz`: T[i, j] = c[i − j] below the diagonal, r[j − i] above; batches over leading axes. */
export function toeplitzHost(c: unknown, options?: ToeplitzOptions): NDArray {
  const o = readFunctionOptions(options, 'toeplitz');
  const col = vector(c, 'c', 'toeplitz');
  const row = o.r === undefined || o.r === null ? null : vector(o.r, 'r', 'toeplitz');
  const dtype = row === null ? col.dtype : commonDtype(col, row);
  const batch = row === null ? col.shape.slice(0, -1) : vectorBatch('toeplitz', [col, 'c'], [row, 'r']);
  const m = col.shape[col.ndim - 1];
  const cData = rows(col, dtype, batch);
  let rData = cData;
  let n = m;
  if (row !== null) {
    rData = rows(row, dtype, batch);
    n = row.shape[row.ndim - 1];
  } else if (dtype === 'complex64' || dtype === 'complex128') {
    // SciPy's default first row is conj(c)
    rData = cData.slice();
    for (let k = 1; k < rData.length; k += 2) (rData as Float64Array)[k] = -(rData as Float64Array)[k];
  }
  const lanes = dtypeInfo(dtype).lanes;
  const out = allocate(dtype, batchSize(batch) * m * n) as Float64Array;
  if (m === 0 || n === 0) return new NDArray(out, [...batch, m, n], dtype);
  const cValues = cData as Float64Array;
  for (let s = 0, to = 0; s < batchSize(batch); s++) {
    // row 0: c[0], then r[1], …, r[n − 1]
    for (let l = 0; l < lanes; l++) out[lanes * to + l] = cValues[lanes * s * m + l];
    out.set(rData.subarray(lanes * (s * n + 1), lanes * (s * n + n)) as Float64Array, lanes * (to + 1));
    to += n;
    for (let i = 1; i < m; i++, to += n) {
      // row i: c[i], then row i − 1 without its last element (copied within `out`, no view)
      out.copyWithin(lanes * (to + 1), lanes * (to - n), lanes * (to - 1));
      for (let l = 0; l < lanes; l++) out[lanes * to + l] = cValues[lanes * (s * m + i) + l];
    }
  }
  return new NDArray(out, [...batch, m, n], dtype);
}

/** SciPy's `circulant`: C[i, j] = c[(i − j) mod n]; batches over leading axes. */
export function circulantHost(c: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'circulant');
  const col = vector(c, 'c', 'circulant');
  const n = col.shape[col.ndim - 1];
  const batch = col.shape.slice(0, -1);
  const data = rows(col, col.dtype, batch);
  const lanes = dtypeInfo(col.dtype).lanes;
  const out = allocate(col.dtype, batchSize(batch) * n * n) as Float64Array;
  for (let s = 0, to = 0; s < batchSize(batch); s++) {
    const reversed = reversedSlice(data, s * n, n, lanes);
    for (let i = 0; i < n; i++, to += n) {
      // row i: c[i], …, c[0], then c[n − 1], …, c[i + 1]
      out.set(reversed.subarray(lanes * (n - 1 - i), lanes * n) as Float64Array, lanes * to);
      out.set(reversed.subarray(0, lanes * (n - 1 - i)) as Float64Array, lanes * (to + i + 1));
    }
  }
  return new NDArray(out, [...batch, n, n], col.dtype);
}

export interface HankelOptions extends DispatchOptions {
  /** Last row (default: zeros); its first element is ignored, c's last is used. */
  r?: unknown;
}

/**
 * SciPy's `hankel`: H[i, j] = c[i + j] while i + j < m, then r[i + j − m + 1]. As in SciPy
 * 1.17, arrays of more than one dimension are flattened (SciPy plans batches from 1.19).
 */
export function hankelHost(c: unknown, options?: HankelOptions): NDArray {
  const o = readFunctionOptions(options, 'hankel');
  const col = flat(vector(c, 'c', 'hankel'));
  const row = o.r === undefined || o.r === null ? null : flat(vector(o.r, 'r', 'hankel'));
  const dtype = row === null ? col.dtype : commonDtype(col, row);
  const m = col.shape[0];
  const n = row === null ? m : row.shape[0];
  const cData = rows(col, dtype, []);
  const rData = row === null ? null : rows(row, dtype, []);
  const lanes = dtypeInfo(dtype).lanes;
  const out = allocate(dtype, m * n) as Float64Array;
  for (let i = 0, to = 0; i < m; i++, to += n) {
    // row i: c[i], …, c[m − 1], then r[1], r[2], … (zeros without r)
    const fromC = Math.min(m - i, n);
    out.set(cData.subarray(lanes * i, lanes * (i + fromC)) as Float64Array, lanes * to);
    if (rData !== null && fromC < n) out.set(rData.subarray(lanes, lanes * (1 + n - fromC)) as Float64Array, lanes * (to + fromC));
  }
  return new NDArray(out, [m, n], dtype);
}

function flat(x: NDArray): NDArray {
  return x.ndim === 1 ? x : reshape(x, [x.size]);
}

function batchSize(batch: readonly number[]): number {
  return batch.reduce((p, d) => p * d, 1);
}

/** Elements start … start + length − 1 of `source` in reverse order (`lanes` values each, kept in order). */
function reversedSlice(source: TypedArray, start: number, length: number, lanes: number): TypedArray {
  const out = source.slice(lanes * start, lanes * (start + length));
  for (let k = 0; k < length; k++) {
    for (let l = 0; l < lanes; l++) out[lanes * k + l] = source[lanes * (start + length - 1 - k) + l];
  }
  return out;
}
