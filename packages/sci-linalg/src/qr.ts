/**
 * `qr`: SciPy's QR decomposition A = Q R (A P = Q R with pivoting), by Householder
 * reflections as LAPACK's geqrf/orgqr (geqp3 with pivoting): see kernels/householder.ts.
 */
import { astype, type NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { geqrf, orgqr } from './kernels/householder.js';
import { readMatrix } from './lu.js';
import { type FiniteOptions, type OverwriteAOptions, readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, type Float, fromData, isComplex, type LapackDtype, toArray } from './stack.js';

export type QrMode = 'full' | 'r' | 'economic' | 'raw';
const MODES: readonly QrMode[] = ['full', 'r', 'economic', 'raw'];

export interface QrOptions extends FiniteOptions, OverwriteAOptions {
  /** 'full' (Q m×m), 'economic' (Q m×k, R k×n), 'r' (R only) or 'raw' (LAPACK's [h, tau]); default 'full'. */
  mode?: QrMode;
  /** Column pivoting (geqp3): also return P with A[:, P] = Q R; default false. */
  pivoting?: boolean;
  /** SciPy's work-array size: accepted as SciPy checks it (null, −1 or at least N), not needed here. */
  lwork?: number | null;
}

/** `qr`'s results by mode; P (int32) follows R with `pivoting`. */
export interface QrFunction {
  (a: unknown, options?: QrOptions & { mode?: 'full' | 'economic' }): NDArray[];
  /** [R] (and P); a stack without pivoting gives R itself, as SciPy. */
  (a: unknown, options: QrOptions & { mode: 'r' }): NDArray[] | NDArray;
  /** [[h, tau], R] (and P): LAPACK's packed reflectors and scalars, and R. */
  (a: unknown, options: QrOptions & { mode: 'raw' }): [[NDArray, NDArray], ...NDArray[]];
}

function checkMode(value: unknown): QrMode {
  if (value === undefined) return 'full';
  if (MODES.includes(value as QrMode)) return value as QrMode;
  throw new InvalidArgumentError(`qr: mode argument should be one of ${MODES.join(', ')}, got ${describe(value)}.`, {
    argument: 'mode',
    hint: "Use 'full', 'r', 'economic' or 'raw'.",
  });
}

/**
 * SciPy hands lwork to geqrf (not to geqp3) and to orgqr when it forms Q; each of them
 * takes −1 (a workspace query) or at least its matrix's number of columns, `needs`.
 */
function checkLwork(value: unknown, needs: readonly number[]): void {
  if (value === undefined || value === null) return;
  if (Number.isInteger(value) && (value === -1 || needs.every((n) => (value as number) >= Math.max(1, n)))) return;
  throw new InvalidArgumentError(`qr: invalid lwork ${describe(value)}.`, {
    argument: 'lwork',
    hint: `Leave lwork out (or null), or pass -1 or an integer of at least ${Math.max(1, ...needs)}.`,
  });
}

/**
 * SciPy's `qr` of a ([..., M, N]): [Q, R] ('full', 'economic'), [R] ('r'), [[h, tau], R]
 * ('raw'), each followed by P (int32, 0-based) with `pivoting`; the one exception, as in
 * SciPy, is a stack in mode 'r' without pivoting, which gives R itself.
 */
export function qrHost(a: unknown, options?: QrOptions): unknown {
  const o = readFunctionOptions(options, 'qr');
  const mode = checkMode(o.mode);
  const pivoting = checkBoolean(o.pivoting, 'pivoting', false);
  const input = toArray(a);
  const stack = readMatrix(input, 'qr', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { rows: m, cols: n, batch, dtype, data } = stack;
  const k = Math.min(m, n);
  const cols = mode === 'economic' ? k : m;
  if (input.size > 0) checkLwork(o.lwork, [...(pivoting ? [] : [n]), ...(mode === 'full' || mode === 'economic' ? [cols] : [])]);
  const lanes = isComplex(dtype) ? 2 : 1;
  const count = batchCount(batch);
  const tau = allocateFloat(dtype, count * k);
  const jpvt = pivoting ? new Int32Array(count * n) : undefined;
  for (let s = 0; s < count; s++) geqrf(data, s * m * n, m, n, lanes, tau, s * k, jpvt, s * n);
  // SciPy returns an empty input's factors in the input's own dtype (int32 stays int32)
  const outType = input.size === 0 ? input.dtype : dtype;
  const array = (values: Float, shape: readonly number[]) => {
    const x = fromData(values, [...batch, ...shape], dtype);
    return outType === dtype ? x : astype(x, outType);
  };
  const pivots = jpvt === undefined ? [] : [fromData(jpvt, [...batch, n], 'int32')];
  // 'r' keeps R's m rows as SciPy does; 'economic' and 'raw' return its first k
  const rRows = mode === 'economic' || mode === 'raw' ? k : m;
  const r = array(upperTriangle(data, count, m, n, rRows, lanes, dtype), [rRows, n]);
  if (mode === 'r') {
    // SciPy's batch wrapper unpacks the one-element result of a stack: R itself, not [R]
    return pivoting || batch.length === 0 ? [r, ...pivots] : r;
  }
  if (mode === 'raw') return [[array(data.slice(), [m, n]), array(tau, [k])], r, ...pivots];
  const q = allocateFloat(dtype, count * m * cols);
  for (let s = 0; s < count; s++) orgqr(data, s * m * n, m, n, lanes, tau, s * k, q, s * m * cols, cols);
  return [array(q, [m, cols]), r, ...pivots];
}

/** The first `rows` rows of each factored matrix with the reflectors below the diagonal zeroed: R. */
function upperTriangle(data: Float, count: number, m: number, n: number, rows: number, lanes: number, dtype: LapackDtype): Float {
  const r = allocateFloat(dtype, count * rows * n);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < Math.min(rows, m, n); i++) {
      const from = lanes * (s * m * n + i * n);
      r.set(data.subarray(from + lanes * i, from + lanes * n), lanes * (s * rows * n + i * n + i));
    }
  }
  return r;
}
