/**
 * `pinvh`: the pseudo-inverse of a Hermitian (real symmetric) matrix from its eigendecomposition,
 * as SciPy computes it: A⁺ = U_r Λ_r⁻¹ U_rᴴ over the eigenvalues with |λ| > atol + rtol·max|λ|.
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { eighHost } from './eigh.js';
import { gemm, view } from './kernels/gemm.js';
import { checkThreshold, type PinvOptions } from './least-squares-options.js';
import { epsilonOf } from './lstsq.js';
import { readMatrix } from './lu.js';
import { readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, checkSquare, type Float, fromData, isComplex, type LapackDtype } from './stack.js';

export interface PinvhOptions extends PinvOptions {
  /** Read the lower triangle of a (default true) or the upper one. */
  lower?: boolean;
}

/** SciPy's `pinvh(a)` of a Hermitian a ([..., N, N]): A⁺, or [A⁺, rank] with `returnRank`. */
export function pinvhHost(a: unknown, options?: PinvhOptions): NDArray | [NDArray, number | NDArray] {
  const o = readFunctionOptions(options, 'pinvh');
  const lower = checkBoolean(o.lower, 'lower', true);
  const returnRank = checkBoolean(o.returnRank, 'returnRank', false);
  const stack = readMatrix(a, 'pinvh', checkBoolean(o.checkFinite, 'checkFinite', true));
  checkSquare({ shape: [stack.rows, stack.cols] }, 'a', 'pinvh');
  const { rows: n, batch } = stack;
  const dtype: LapackDtype = stack.dtype;
  const atol = checkThreshold(o.atol, 'atol') ?? 0;
  const rtol = checkThreshold(o.rtol, 'rtol') ?? n * epsilonOf(dtype);
  if (atol < 0 || rtol < 0) {
    throw new InvalidArgumentError('pinvh: atol and rtol values must be positive.', {
      argument: atol < 0 ? 'atol' : 'rtol',
      hint: 'Pass non-negative thresholds (or leave them out).',
    });
  }
  const count = batchCount(batch);
  const out = allocateFloat(dtype, count * n * n);
  const ranks: number[] = [];
  if (n > 0) {
    const input = fromData(stack.data, [...batch, n, n], dtype);
    const [w, v] = eighHost(input, undefined, { lower, checkFinite: false, driver: 'ev' }) as [NDArray, NDArray];
    const s = w.toTypedArray() as Float;
    const u = v.toTypedArray() as Float;
    const lanes = isComplex(dtype) ? 2 : 1;
    const scaled = allocateFloat(dtype, n * n);
    for (let t = 0; t < count; t++) {
      let largest = 0;
      for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(s[t * n + i]));
      const cutoff = atol + largest * rtol;
      // U with column i divided by λᵢ where |λᵢ| is above the cutoff, zeroed elsewhere; A⁺ = that · Uᴴ
      let rank = 0;
      for (let i = 0; i < n; i++) {
        const lambda = s[t * n + i];
        const keep = Math.abs(lambda) > cutoff;
        if (keep) rank++;
        for (let r = 0; r < n; r++) for (let l = 0; l < lanes; l++) scaled[lanes * (r * n + i) + l] = keep ? u[lanes * (t * n * n + r * n + i) + l] / lambda : 0;
      }
      ranks.push(rank);
      gemm(lanes, view(scaled, 0, n, n), 0, view(u, t * n * n, n, n), 2, view(out, t * n * n, n, n));
    }
  } else ranks.push(...new Array<number>(count).fill(0));
  const result = fromData(out, [...batch, n, n], dtype);
  if (!returnRank) return result;
  return [result, batch.length === 0 ? ranks[0] : fromData(BigInt64Array.from(ranks, BigInt), batch, 'int64')];
}
