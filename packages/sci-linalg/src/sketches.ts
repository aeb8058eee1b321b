/**
 * `clarksonWoodruffTransform`: SciPy's `clarkson_woodruff_transform`, the CountSketch S·A
 * (Clarkson & Woodruff, "Low rank approximation and regression in input sparsity time",
 * STOC 2013). S is sketchSize × n with one nonzero per column: input row i is added, with a
 * random sign, to one random output row. S is never formed; each input row is read once.
 */
import { type DType, type NDArray, dtypeInfo } from '@sciport/array-api';
import { checkAllocatable, describe } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { readAs } from './elements.js';
import { readFunctionOptions } from './options.js';
import { type RandomOptions, uniformSource } from './random.js';
import { fromData, toArray } from './stack.js';

export interface ClarksonWoodruffOptions extends DispatchOptions, RandomOptions {}

/**
 * The sketch of `inputMatrix` ([..., n, d]): [..., sketchSize, d], one S for the whole
 * stack (as SciPy). The result has the type of SciPy's sparse product with S's int64
 * signs: int64 for booleans and integers (except uint64), complex128 for complex input,
 * float64 for everything else.
 */
export function clarksonWoodruffTransformHost(inputMatrix: unknown, sketchSize: number, options?: ClarksonWoodruffOptions): NDArray {
  const o = readFunctionOptions(options, 'clarksonWoodruffTransform');
  const a = toArray(inputMatrix);
  if (a.ndim < 2) {
    throw new ShapeError(`clarksonWoodruffTransform: 'inputMatrix' must have at least 2 dimensions ([..., n, d]), got shape [${a.shape.join(', ')}].`, {
      argument: 'inputMatrix',
      hint: 'Pass a matrix (its rows are hashed into the sketch), or a stack of matrices.',
    });
  }
  if (typeof sketchSize !== 'number' || !Number.isInteger(sketchSize) || sketchSize < 1) {
    throw new InvalidArgumentError(`clarksonWoodruffTransform: 'sketchSize' must be a positive integer, got ${describe(sketchSize)}.`, {
      argument: 'sketchSize',
      hint: 'Pass the number of rows of the sketch (1 or more).',
    });
  }
  const batch = a.shape.slice(0, -2);
  const n = a.shape[a.ndim - 2];
  const d = a.shape[a.ndim - 1];
  const count = batch.reduce((p, x) => p * x, 1);
  if (batch.length > 0 && count === 0) {
    throw new ShapeError('clarksonWoodruffTransform does not support zero-size batches (as in SciPy).', {
      argument: 'inputMatrix',
      hint: 'Pass at least one matrix.',
    });
  }
  checkAllocatable([...batch, sketchSize, d], 'sketchSize');
  const random = uniformSource(o);
  // SciPy's draws, in its order: every row's target, then every row's sign
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) target[i] = Math.floor(random() * sketchSize);
  const sign = new Int8Array(n);
  for (let i = 0; i < n; i++) sign[i] = random() < 0.5 ? 1 : -1;
  const dtype = sketchDtype(a.dtype);
  const lanes = dtypeInfo(dtype).lanes;
  const source = readAs(a, dtype);
  const out = dtype === 'int64' ? new BigInt64Array(count * sketchSize * d) : new Float64Array(lanes * count * sketchSize * d);
  const rowLength = lanes * d;
  for (let s = 0; s < count; s++) {
    const from = s * n * rowLength;
    const to = s * sketchSize * rowLength;
    for (let i = 0; i < n; i++) {
      const src = from + i * rowLength;
      const dst = to + target[i] * rowLength;
      if (out instanceof BigInt64Array) addBigRow(out, dst, source as BigInt64Array, src, rowLength, sign[i]);
      else addRow(out, dst, source as Float64Array, src, rowLength, sign[i]);
    }
  }
  return fromData(out, [...batch, sketchSize, d], dtype);
}

/** NumPy's result type of S's int64 signs with `dtype` (the sparse product's type). */
function sketchDtype(dtype: DType): 'int64' | 'float64' | 'complex128' {
  const kind = dtypeInfo(dtype).kind;
  if (kind === 'complex floating') return 'complex128';
  if (kind === 'real floating' || dtype === 'uint64') return 'float64';
  return 'int64';
}

function addRow(out: Float64Array, dst: number, source: Float64Array, src: number, length: number, sign: number): void {
  if (sign > 0) for (let j = 0; j < length; j++) out[dst + j] += source[src + j];
  else for (let j = 0; j < length; j++) out[dst + j] -= source[src + j];
}

/** The integer sketch: int64 arithmetic that wraps around, as NumPy's. */
function addBigRow(out: BigInt64Array, dst: number, source: BigInt64Array, src: number, length: number, sign: number): void {
  if (sign > 0) for (let j = 0; j < length; j++) out[dst + j] += source[src + j];
  else for (let j = 0; j < length; j++) out[dst + j] -= source[src + j];
}
