/**
 * SciPy's `cossin`: the cosine–sine decomposition of a unitary (orthogonal) matrix, given
 * whole with the block sizes p and q, or as its four blocks [x11, x12, x21, x22]. Batches
 * over leading dimensions. The decomposition itself is in cossin-kernel.ts.
 */
import { broadcastTo, concat, type NDArray, reshape } from '@sciport/array-api';
import { checkBoolean, checkInteger, describe } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { csd, csdSizes, csMatrix } from './cossin-kernel.js';
import { allFinite, copyAs, elementsOf } from './elements.js';
import { LinAlgError } from './errors.js';
import { readFunctionOptions } from './options.js';
import { allocateFloat, broadcastBatch, checkFiniteValues, checkMatrix, checkSquare, fromData, isComplex, type LapackDtype, lapackDtype, realOf, toArray } from './stack.js';

export interface CossinOptions extends DispatchOptions {
  /** Rows of the upper-left block X11 (when X is one array; default 1 when only q is given). */
  p?: number | null;
  /** Columns of the upper-left block X11 (when X is one array; default 1 when only p is given). */
  q?: number | null;
  /** Return [[U1, U2], theta, [V1ᴴ, V2ᴴ]] instead of [U, CS, Vᴴ] (default false). */
  separate?: boolean;
  /** Put the −S and −I blocks bottom-left instead of top-right (default false). */
  swapSign?: boolean;
  /** Compute U (default true; else an empty array takes its place). */
  computeU?: boolean;
  /** Compute Vᴴ (default true; else an empty array takes its place). */
  computeVh?: boolean;
}

/** `cossin`'s results: [U, CS, Vᴴ], or with `separate: true` [[U1, U2], theta, [V1ᴴ, V2ᴴ]]. */
export interface CossinFunction {
  (x: unknown, options?: CossinOptions & { separate?: false }): [NDArray, NDArray, NDArray];
  (x: unknown, options: CossinOptions & { separate: true }): [[NDArray, NDArray], NDArray, [NDArray, NDArray]];
  (x: unknown, options?: CossinOptions): [NDArray, NDArray, NDArray] | [[NDArray, NDArray], NDArray, [NDArray, NDArray]];
}

const BLOCK_NAMES = ['x11', 'x12', 'x21', 'x22'] as const;

/** The whole matrix [..., m, m] and its partition. */
interface Partitioned {
  readonly x: NDArray;
  readonly p: number;
  readonly q: number;
}

export function cossinHost(
  X: unknown,
  options?: CossinOptions,
): [NDArray, NDArray, NDArray] | [[NDArray, NDArray], NDArray, [NDArray, NDArray]] {
  const o = readFunctionOptions(options, 'cossin');
  const separate = checkBoolean(o.separate, 'separate', false);
  const swapSign = checkBoolean(o.swapSign, 'swapSign', false);
  const computeU = checkBoolean(o.computeU, 'computeU', true);
  const computeVh = checkBoolean(o.computeVh, 'computeVh', true);
  // SciPy's `if p or q`: a block size of 0 counts as not given
  const given = (v: unknown) => v !== undefined && v !== null && v !== 0;
  const { x, p, q } = given(o.p) || given(o.q) ? wholeMatrix(X, o.p, o.q) : fromBlocks(X);
  const m = x.shape[x.ndim - 1];
  const batch = x.shape.slice(0, -2);
  const count = batch.reduce((a, d) => a * d, 1);
  if (count === 0) {
    throw new ShapeError('cossin does not support zero-size batches (as in SciPy).', { argument: 'X', hint: 'Pass at least one matrix.' });
  }
  const dtype = lapackDtype(x.dtype);
  const lanes = isComplex(dtype) ? 2 : 1;
  const work: LapackDtype = lanes === 2 ? 'complex128' : 'float64';
  const data = copyAs(x, work) as Float64Array;
  const { r } = csdSizes(m, p, q);
  const parts = { u1: [] as Float64Array[], u2: [] as Float64Array[], v1h: [] as Float64Array[], v2h: [] as Float64Array[], theta: [] as Float64Array[] };
  for (let s = 0; s < count; s++) {
    const f = csd(data.subarray(s * m * m * lanes, (s + 1) * m * m * lanes), m, p, q, lanes, swapSign);
    parts.u1.push(f.u1);
    parts.u2.push(f.u2);
    parts.v1h.push(f.v1h);
    parts.v2h.push(f.v2h);
    parts.theta.push(f.theta);
  }
  const real = realOf(dtype);
  // the pieces in the result's type, stacked over the batch
  const stacked = (pieces: Float64Array[], shape: number[], type: LapackDtype) =>
    fromData(join(pieces, type), [...batch, ...shape], type);
  const empty = () => fromData(allocateFloat(dtype, 0), batch.length > 0 && !separate ? [...batch, 0, 0] : [0, 0], dtype);
  if (separate) {
    const u: [NDArray, NDArray] = computeU ? [stacked(parts.u1, [p, p], dtype), stacked(parts.u2, [m - p, m - p], dtype)] : [empty(), empty()];
    const vh: [NDArray, NDArray] = computeVh ? [stacked(parts.v1h, [q, q], dtype), stacked(parts.v2h, [m - q, m - q], dtype)] : [empty(), empty()];
    return [u, stacked(parts.theta, [r], real), vh];
  }
  const u = computeU ? stacked(parts.u1.map((u1, s) => blockDiagonal(u1, p, parts.u2[s], m - p, lanes)), [m, m], dtype) : empty();
  const vh = computeVh ? stacked(parts.v1h.map((v1h, s) => blockDiagonal(v1h, q, parts.v2h[s], m - q, lanes)), [m, m], dtype) : empty();
  const cs = stacked(
    parts.theta.map((theta) => csMatrix(theta, m, p, q, swapSign)),
    [m, m],
    real,
  );
  return [u, cs, vh];
}

/** X given whole, with p and q (one of them may be left out: it is then 1, as in SciPy). */
function wholeMatrix(X: unknown, pIn: unknown, qIn: unknown): Partitioned {
  const p = pIn === undefined || pIn === null ? 1 : checkInteger(pIn, 'p', 1);
  const q = qIn === undefined || qIn === null ? 1 : checkInteger(qIn, 'q', 1);
  const x = toArray(X);
  checkMatrix(x, 'X', 'cossin');
  // SciPy always checks this input (there is no check_finite option)
  checkFiniteValues(x, 'X', 'cossin');
  checkSquare(x, 'X', 'cossin');
  const m = x.shape[x.ndim - 1];
  for (const [name, v] of [
    ['p', p],
    ['q', q],
  ] as const) {
    if (v <= 0 || v >= m) {
      throw new InvalidArgumentError(`cossin: invalid ${name}=${v}, 0 < ${name} < ${m} must hold.`, {
        argument: name,
        hint: `Give the ${name === 'p' ? 'rows' : 'columns'} of the upper-left block, between 1 and ${m - 1}.`,
      });
    }
  }
  return { x, p, q };
}

/** X given as its four blocks [x11, x12, x21, x22] (each at least 2-D; batches broadcast). */
function fromBlocks(X: unknown): Partitioned {
  if (!Array.isArray(X)) {
    throw new InvalidArgumentError(`cossin: without p and q, X must be the list [x11, x12, x21, x22] of its blocks, got ${describe(X)}.`, {
      argument: 'X',
      hint: 'Pass the four blocks, or the whole matrix with { p, q }.',
    });
  }
  if (X.length !== 4) {
    throw new InvalidArgumentError(`cossin: without p and q, exactly four blocks should be in X, got ${X.length}.`, {
      argument: 'X',
      hint: 'Pass [x11, x12, x21, x22], or the whole matrix with { p, q }.',
    });
  }
  const blocks = X.map((b) => {
    const a = toArray(b);
    return a.ndim >= 2 ? a : reshape(a, a.ndim === 0 ? [1, 1] : [1, a.shape[0]]);
  });
  blocks.forEach((b, i) => {
    if (b.shape[b.ndim - 1] === 0) {
      throw new ShapeError(`cossin: ${BLOCK_NAMES[i]} can't be empty.`, { argument: BLOCK_NAMES[i], hint: 'Every block needs at least one column.' });
    }
  });
  const [x11, x12, x21, x22] = blocks;
  const dims = (b: NDArray) => b.shape.slice(-2);
  const [p, q] = dims(x11);
  const [mp, mq] = dims(x22);
  const expect = (b: NDArray, name: string, rows: number, cols: number) => {
    const [r, c] = dims(b);
    if (r !== rows || c !== cols) {
      throw new ShapeError(`cossin: invalid ${name} dimensions: desired [${rows}, ${cols}], got [${r}, ${c}].`, {
        argument: name,
        hint: 'x12 is p×(m−q) and x21 is (m−p)×q for x11 p×q and x22 (m−p)×(m−q).',
      });
    }
  };
  expect(x12, 'x12', p, mq);
  expect(x21, 'x21', mp, q);
  if (p + mp !== q + mq) {
    throw new ShapeError(`cossin: the blocks have compatible sizes but don't form a square array (they form a ${p + mp}×${q + mq} array).`, {
      argument: 'X',
      hint: 'Check the block sizes, or pass the whole matrix with { p, q }.',
    });
  }
  for (const b of blocks) {
    if (b.dtype !== 'bool' && (b.dtype === 'float32' || b.dtype === 'float64' || b.dtype.startsWith('complex')) && !allFinite(elementsOf(b))) {
      // SciPy does not check blocks; LAPACK's iteration then fails to converge
      throw new LinAlgError('cossin: the CS decomposition did not converge (the blocks hold infs or NaNs).', {
        argument: 'X',
        hint: 'Remove the non-finite values.',
      });
    }
  }
  let batch: number[] = [];
  blocks.forEach((b, i) => {
    batch = broadcastBatch(batch, b.shape.slice(0, -2), BLOCK_NAMES[i], 'cossin');
  });
  const [b11, b12, b21, b22] = blocks.map((b) => broadcastTo(b, [...batch, ...dims(b)]));
  const top = concat([b11, b12], { axis: -1 });
  const bottom = concat([b21, b22], { axis: -1 });
  return { x: concat([top, bottom], { axis: -2 }), p, q };
}

/** The row-major [a 0; 0 b] of the row-major k×k a and l×l b. */
function blockDiagonal(a: Float64Array, k: number, b: Float64Array, l: number, lanes: number): Float64Array {
  const n = k + l;
  const out = new Float64Array(n * n * lanes);
  for (let i = 0; i < k; i++) out.set(a.subarray(i * k * lanes, (i + 1) * k * lanes), i * n * lanes);
  for (let i = 0; i < l; i++) out.set(b.subarray(i * l * lanes, (i + 1) * l * lanes), ((k + i) * n + k) * lanes);
  return out;
}

/** The pieces one after another, in storage of `dtype` (float64 values rounded for single precision). */
function join(pieces: Float64Array[], dtype: LapackDtype) {
  const total = pieces.reduce((a, x) => a + x.length, 0);
  const out = allocateFloat(dtype, total / (isComplex(dtype) ? 2 : 1));
  let at = 0;
  for (const x of pieces) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

