/** Matrices constant along diagonals or anti-diagonals: `toeplitz`, `circulant`, `hankel`. */
import type { DispatchOptions } from '@sciport/dispatch-core';
import { type NDArray, reshape } from '@sciport/array-api';
import { readFunctionOptions } from '../options.js';
import { commonDtype, gather, rows, vector, vectorBatch } from './common.js';

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
  return gather(dtype, batch, m, n, [{ data: cData, length: m }, { data: rData, length: n }], (i, j) => (j <= i ? [0, i - j] : [1, j - i]));
}

/** SciPy's `circulant`: C[i, j] = c[(i − j) mod n]; batches over leading axes. */
export function circulantHost(c: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'circulant');
  const col = vector(c, 'c', 'circulant');
  const n = col.shape[col.ndim - 1];
  const batch = col.shape.slice(0, -1);
  const data = rows(col, col.dtype, batch);
  return gather(col.dtype, batch, n, n, [{ data, length: n }], (i, j) => [0, (((i - j) % n) + n) % n]);
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
  const sources = [{ data: rows(col, dtype, []), length: m }];
  if (row !== null) sources.push({ data: rows(row, dtype, []), length: n });
  return gather(dtype, [], m, n, sources, (i, j) => (i + j < m ? [0, i + j] : row === null ? null : [1, i + j - m + 1]));
}

function flat(x: NDArray): NDArray {
  return x.ndim === 1 ? x : reshape(x, [x.size]);
}
