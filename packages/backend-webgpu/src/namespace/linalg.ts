import { broadcastShapes, matmulShapes, readOptions, tensordotAxes, vecdotAxis } from '@sciport/array-api/kit';
import { DtypeError } from '@sciport/dispatch-core';
import { type GPUDType, isComplex, promoteTypes } from '../dtypes.js';
import type { GPUArray } from '../gpu-array.js';
import { binarySpec, unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { matmulKernel } from '../kernels/matmul.js';
import { broadcastView, checkArray } from './core.js';
import { expandDims, permuteDims, reshape, squeeze } from './manipulation.js';
import { sum } from './reductions.js';

/** matmul (tiled WGSL kernel, batched, broadcasting), tensordot and vecdot built on it. */

export function matmul(x1: GPUArray, x2: GPUArray): GPUArray {
  const a0 = checkArray(x1, 'x1');
  const b0 = checkArray(x2, 'x2');
  const { batch, m, k: K, n } = matmulShapes(a0.shape, b0.shape);
  const d = promoteTypes(a0.dtype, b0.dtype);
  // The dtype check stays here: GPU dtypes and their promotion differ from the host's (no 64-bit types).
  if (d === 'bool') throw new DtypeError('matmul needs numeric input, got bool.', { argument: 'x1', hint: 'Convert with astype() first.' });
  const acc: GPUDType = d === 'float16' ? 'float32' : d;
  const temps: GPUArray[] = [];
  // 1-D operands are promoted to matrices (a row for x1, a column for x2), then squeezed back.
  const a = a0.ndim === 1 ? expandDims(a0, 0) : a0;
  const b = b0.ndim === 1 ? expandDims(b0, 1) : b0;
  if (a !== a0) temps.push(a);
  if (b !== b0) temps.push(b);
  try {
    const av = broadcastView(a, [...batch, m, K], 'x1');
    const bv = broadcastView(b, [...batch, K, n], 'x2');
    temps.push(av, bv);
    let out = matmulKernel({ a: av, b: bv, acc, out: d });
    const drop: number[] = [];
    if (a0.ndim === 1) drop.push(out.ndim - 2);
    if (b0.ndim === 1) drop.push(out.ndim - 1);
    if (drop.length > 0) {
      const s = squeeze(out, drop);
      out.dispose();
      out = s;
    }
    return out;
  } finally {
    for (const t of temps) t.dispose();
  }
}

export function tensordot(
  x1: GPUArray,
  x2: GPUArray,
  options?: { axes?: number | readonly [readonly number[], readonly number[]] },
): GPUArray {
  options = readOptions(options, ['axes'], 'tensordot');
  const a = checkArray(x1, 'x1');
  const b = checkArray(x2, 'x2');
  const [axesA, axesB] = tensordotAxes(options?.axes, a.shape, b.shape);
  const freeA = a.shape.map((_, d) => d).filter((d) => !axesA.includes(d));
  const freeB = b.shape.map((_, d) => d).filter((d) => !axesB.includes(d));
  const k = axesA.reduce((p, d) => p * a.shape[d], 1);
  const m = freeA.reduce((p, d) => p * a.shape[d], 1);
  const n = freeB.reduce((p, d) => p * b.shape[d], 1);
  const pa = permuteDims(a, [...freeA, ...axesA]);
  const pb = permuteDims(b, [...axesB, ...freeB]);
  const ma = reshape(pa, [m, k]);
  const mb = reshape(pb, [k, n]);
  const prod = matmul(ma, mb);
  const out = reshape(prod, [...freeA.map((d) => a.shape[d]), ...freeB.map((d) => b.shape[d])]);
  for (const t of [pa, pb, ma, mb, prod]) t.dispose();
  return out;
}

/** vecdot(x1, x2, axis): Σ conj(x1)·x2 along axis (broadcasting the rest). */
export function vecdot(x1: GPUArray, x2: GPUArray, options?: { axis?: number }): GPUArray {
  options = readOptions(options, ['axis'], 'vecdot');
  const a = checkArray(x1, 'x1');
  const b = checkArray(x2, 'x2');
  const axis = vecdotAxis(a.shape, b.shape, options?.axis);
  const shape = broadcastShapes(a.shape, b.shape);
  const av = broadcastView(a, shape, 'x1');
  const bv = broadcastView(b, shape, 'x2');
  const ca = isComplex(a.dtype) ? runMap(unarySpec('conj', a.dtype), [av], shape) : av;
  const prod = runMap(binarySpec('multiply', ca.dtype, bv.dtype), [ca, bv], shape);
  const out = sum(prod, { axis });
  for (const t of new Set([av, bv, ca, prod])) t.dispose();
  return out;
}
