import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { type GPUDType, isComplex, promoteTypes } from '../dtypes.js';
import type { GPUArray } from '../gpu-array.js';
import { binarySpec, unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { matmulKernel } from '../kernels/matmul.js';
import { broadcastView, checkArray, normalizeAxis, resultShape } from './core.js';
import { expandDims, permuteDims, reshape, squeeze } from './manipulation.js';
import { sum } from './reductions.js';

/** matmul (tiled WGSL kernel, batched, broadcasting), tensordot and vecdot built on it. */

export function matmul(x1: GPUArray, x2: GPUArray): GPUArray {
  const a0 = checkArray(x1, 'x1');
  const b0 = checkArray(x2, 'x2');
  if (a0.ndim === 0 || b0.ndim === 0) {
    throw new ShapeError('matmul does not take 0-d arrays.', { argument: a0.ndim === 0 ? 'x1' : 'x2', hint: 'Use multiply for scalars.' });
  }
  const d = promoteTypes(a0.dtype, b0.dtype);
  if (d === 'bool') throw new DtypeError('matmul needs numeric input, got bool.', { argument: 'x1', hint: 'Convert with astype() first.' });
  const acc: GPUDType = d === 'float16' ? 'float32' : d;
  const temps: GPUArray[] = [];
  // 1-D operands are promoted to matrices (a row for x1, a column for x2), then squeezed back.
  const a = a0.ndim === 1 ? expandDims(a0, 0) : a0;
  const b = b0.ndim === 1 ? expandDims(b0, 1) : b0;
  if (a !== a0) temps.push(a);
  if (b !== b0) temps.push(b);
  try {
    const K = a.shape[a.ndim - 1];
    if (b.shape[b.ndim - 2] !== K) {
      throw new ShapeError(`matmul: shapes [${a0.shape}] and [${b0.shape}] do not align (${K} vs ${b.shape[b.ndim - 2]}).`, {
        argument: 'x2',
        hint: 'The last axis of x1 must match the second-to-last axis of x2.',
      });
    }
    const batch = resultShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
    const av = broadcastView(a, [...batch, a.shape[a.ndim - 2], K], 'x1');
    const bv = broadcastView(b, [...batch, K, b.shape[b.ndim - 1]], 'x2');
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
  const a = checkArray(x1, 'x1');
  const b = checkArray(x2, 'x2');
  const spec = options?.axes ?? 2;
  let axesA: number[];
  let axesB: number[];
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec) || spec < 0 || spec > a.ndim || spec > b.ndim) {
      throw new InvalidArgumentError(`axes=${spec} is out of range.`, { argument: 'axes' });
    }
    axesA = Array.from({ length: spec }, (_, k) => a.ndim - spec + k);
    axesB = Array.from({ length: spec }, (_, k) => k);
  } else {
    axesA = [...spec[0]].map((d) => normalizeAxis(d, a.ndim, 'axes'));
    axesB = [...spec[1]].map((d) => normalizeAxis(d, b.ndim, 'axes'));
  }
  if (axesA.length !== axesB.length || axesA.some((d, k) => a.shape[d] !== b.shape[axesB[k]])) {
    throw new ShapeError('tensordot: the contracted axes must have equal lengths.', { argument: 'axes' });
  }
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
  const a = checkArray(x1, 'x1');
  const b = checkArray(x2, 'x2');
  const shape = resultShape(a.shape, b.shape);
  const axis = normalizeAxis(options?.axis ?? -1, shape.length);
  const av = broadcastView(a, shape, 'x1');
  const bv = broadcastView(b, shape, 'x2');
  const ca = isComplex(a.dtype) ? runMap(unarySpec('conj', a.dtype), [av], shape) : av;
  const prod = runMap(binarySpec('multiply', ca.dtype, bv.dtype), [ca, bv], shape);
  const out = sum(prod, { axis });
  for (const t of new Set([av, bv, ca, prod])) t.dispose();
  return out;
}
