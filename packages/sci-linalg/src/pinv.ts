/**
 * `pinv`: the Moore–Penrose pseudo-inverse from the SVD, as SciPy computes it:
 * A⁺ = V_r Σ_r⁻¹ U_rᴴ over the singular values above atol + rtol·max(s).
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { view } from './kernels/gemm.js';
import { checkThreshold, type PinvOptions } from './least-squares-options.js';
import { epsilonOf, minimumNormSolve, rankOf } from './lstsq.js';
import { readMatrix } from './lu.js';
import { readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, type Float, fromData, isComplex } from './stack.js';
import { decompose } from './svd.js';

/** SciPy's `pinv(a)` of a ([..., M, N]): A⁺ ([..., N, M]), or [A⁺, rank] with `returnRank`. */
export function pinvHost(a: unknown, options?: PinvOptions): NDArray | [NDArray, number | NDArray] {
  const o = readFunctionOptions(options, 'pinv');
  const returnRank = checkBoolean(o.returnRank, 'returnRank', false);
  const stack = readMatrix(a, 'pinv', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { rows: m, cols: n, batch, dtype } = stack;
  const atol = checkThreshold(o.atol, 'atol') ?? 0;
  const rtol = checkThreshold(o.rtol, 'rtol') ?? Math.max(m, n) * epsilonOf(dtype);
  if (atol < 0 || rtol < 0) {
    throw new InvalidArgumentError('pinv: atol and rtol values must be positive.', {
      argument: atol < 0 ? 'atol' : 'rtol',
      hint: 'Pass non-negative thresholds (or leave them out).',
    });
  }
  const count = batchCount(batch);
  const q = Math.min(m, n);
  const { s, u, vh } = decompose(stack, true, false);
  const sv = s.toTypedArray() as Float;
  const ud = (u as NDArray).toTypedArray() as Float;
  const vd = (vh as NDArray).toTypedArray() as Float;
  const out = allocateFloat(dtype, count * n * m);
  const identity = allocateFloat(dtype, m * m);
  const lanes = isComplex(dtype) ? 2 : 1;
  for (let i = 0; i < m; i++) identity[lanes * (i * m + i)] = 1;
  const ranks: number[] = [];
  for (let t = 0; t < count; t++) {
    let largest = 0;
    for (let i = 0; i < q; i++) largest = Math.max(largest, sv[t * q + i]);
    const r = rankOf(sv, t * q, q, atol + largest * rtol);
    ranks.push(r);
    minimumNormSolve({ dtype, u: ud, v: vd, s: sv, t, m, n, r }, view(identity, 0, m, m), view(out, t * n * m, n, m));
  }
  const result = fromData(out, [...batch, n, m], dtype);
  if (!returnRank) return result;
  return [result, batch.length === 0 ? ranks[0] : fromData(BigInt64Array.from(ranks, BigInt), batch, 'int64')];
}
