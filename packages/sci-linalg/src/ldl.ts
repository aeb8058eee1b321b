/**
 * `ldl`: SciPy's LDLᵀ / LDLᴴ (Bunch–Kaufman) decomposition, A = L D Lᴴ with L a permuted
 * triangular factor and D block diagonal (1×1 and 2×2 blocks). The factorisation is LAPACK's
 * sytf2/hetf2 (kernels/bunch-kaufman.ts); the upper form factors the reversed matrix J A J
 * in its lower triangle (the same pivots and blocks, mirrored). The three results are then
 * unpacked from LAPACK's compact form as SciPy unpacks them.
 */
import { astype, type NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { sytf2Lower } from './kernels/bunch-kaufman.js';
import { readMatrix } from './lu.js';
import { type FiniteOptions, type OverwriteAOptions, readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, checkSquare, type Float, fromData, isComplex, toArray } from './stack.js';

export interface LdlOptions extends FiniteOptions, OverwriteAOptions {
  /** Lower (default) or upper triangular outer factor. */
  lower?: boolean;
  /** For complex input: A = Aᴴ (default) or A = Aᵀ (complex symmetric); no effect for real input. */
  hermitian?: boolean;
}

/**
 * LAPACK's pivots as SciPy reads them (`_ldl_sanitize_ipiv`): `swap[i]` the row swapped with
 * row i, and the block sizes (1, or 2 then 0 for lower, 0 then 2 for upper).
 */
function sanitizePivots(ipiv: Int32Array, lower: boolean): { swap: Int32Array; blocks: Int32Array } {
  const n = ipiv.length;
  const swap = Int32Array.from({ length: n }, (_, i) => i);
  const blocks = new Int32Array(n);
  const step = lower ? 1 : -1;
  for (let s = 0; s < n; s++) {
    const i = lower ? s : n - 1 - s;
    const p = ipiv[i];
    if (p > 0) {
      if (p !== i + 1) swap[i] = swap[p - 1];
      blocks[i] = 1;
    } else {
      // a 2×2 block: this entry and the next one (in the direction of travel)
      if (-p !== i + 1 + step) swap[i + step] = swap[-p - 1];
      blocks[lower ? i : i - 1] = 2;
      s++;
    }
  }
  return { swap, blocks };
}

/** SciPy's `ldl(A)`: [lu, d, perm] with A = lu d luᴴ (luᵀ when not Hermitian) and lu[perm] triangular. */
export function ldlHost(A: unknown, options?: LdlOptions): [NDArray, NDArray, NDArray] {
  const o = readFunctionOptions(options, 'ldl');
  const lower = checkBoolean(o.lower, 'lower', true);
  const hermitianOption = checkBoolean(o.hermitian, 'hermitian', true);
  const input = toArray(A);
  const stack = readMatrix(input, 'ldl', checkBoolean(o.checkFinite, 'checkFinite', true), 'A');
  checkSquare({ shape: [stack.rows, stack.cols] }, 'A', 'ldl');
  const { rows: n, batch, dtype, data } = stack;
  const count = batchCount(batch);
  if (n === 0) {
    // SciPy returns empty arrays of A's own dtype and an empty int64 perm
    const empty = astype(fromData(allocateFloat(dtype, 0), [...batch, 0, 0], dtype), input.dtype);
    return [empty, empty, fromData(new BigInt64Array(0), [...batch, 0], 'int64')];
  }
  const lanes = isComplex(dtype) ? 2 : 1;
  const hermitian = lanes === 2 && hermitianOption;
  const lu = allocateFloat(dtype, count * n * n);
  const d = allocateFloat(dtype, count * n * n);
  const perms = new BigInt64Array(count * n);
  const work = allocateFloat(dtype, n * n);
  const ipiv = new Int32Array(n);
  for (let s = 0; s < count; s++) {
    const o0 = s * n * n;
    // the lower triangle of A, or of J A J for the upper form (mirrored back afterwards)
    const index = (i: number, j: number) => (lower ? i * n + j : (n - 1 - i) * n + (n - 1 - j));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let l = 0; l < lanes; l++) work[lanes * index(i, j) + l] = data[lanes * (o0 + i * n + j) + l];
    sytf2Lower(work, 0, n, lanes, hermitian, ipiv, !lower);
    // LAPACK's compact result (ldu) and pivots, in A's own orientation
    const ldu = allocateFloat(dtype, n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let l = 0; l < lanes; l++) ldu[lanes * (i * n + j) + l] = work[lanes * index(i, j) + l];
    const piv = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = ipiv[lower ? i : n - 1 - i];
      const q = p > 0 ? p - 1 : -p - 1;
      const mapped = lower ? q : n - 1 - q;
      piv[i] = p > 0 ? mapped + 1 : -(mapped + 1);
    }
    unpack(ldu, piv, n, lanes, lower, hermitian, lu, d, perms, s);
  }
  return [fromData(lu, [...batch, n, n], dtype), fromData(d, [...batch, n, n], dtype), fromData(perms, [...batch, n], 'int64')];
}

/** SciPy's `_ldl_get_d_and_l` and `_ldl_construct_tri_factor` on one matrix (slice s of the outputs). */
function unpack(ldu: Float, ipiv: Int32Array, n: number, lanes: number, lower: boolean, hermitian: boolean, lu: Float, d: Float, perms: BigInt64Array, s: number): void {
  const { swap, blocks } = sanitizePivots(ipiv, lower);
  const o = s * n * n;
  const at = (i: number, j: number) => lanes * (i * n + j);
  const copy = (to: Float, i: number, j: number, from: Float, fi: number, fj: number, conj = false) => {
    to[lanes * o + at(i, j)] = from[at(fi, fj)];
    if (lanes === 2) to[lanes * o + at(i, j) + 1] = conj ? -from[at(fi, fj) + 1] : from[at(fi, fj) + 1];
  };
  for (let i = 0; i < n; i++) {
    copy(d, i, i, ldu, i, i);
    lu[lanes * o + at(i, i)] = 1;
    for (let j = 0; j < n; j++) if (lower ? j < i : j > i) copy(lu, i, j, ldu, i, j);
  }
  // 2×2 blocks: their off-diagonal element moves from the factor into d
  const [x, y] = lower ? [1, 0] : [0, 1];
  for (let b = 0; b < n; b++) {
    if (blocks[b] !== 2) continue;
    copy(d, b + x, b + y, ldu, b + x, b + y);
    copy(d, b + y, b + x, ldu, b + x, b + y, hermitian);
    for (let l = 0; l < lanes; l++) lu[lanes * o + at(b + x, b + y) + l] = 0;
  }
  // undo the interchanges on the factor's rows, recording the permutation
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < n; t++) {
    const i = lower ? n - 1 - t : t;
    const k = swap[i];
    if (k === i) continue;
    let c0 = lower ? i : 0;
    let c1 = lower ? n : i + 1;
    if (blocks[i] === (lower ? 0 : 2)) {
      if (lower) c0 -= 1;
      else c1 += 1;
    }
    for (let c = c0; c < c1; c++) {
      for (let l = 0; l < lanes; l++) {
        const p = lanes * o + at(k, c) + l;
        const q = lanes * o + at(i, c) + l;
        const tmp = lu[p];
        lu[p] = lu[q];
        lu[q] = tmp;
      }
    }
    [perm[k], perm[i]] = [perm[i], perm[k]];
  }
  // SciPy returns argsort(perm): the inverse permutation
  for (let i = 0; i < n; i++) perms[s * n + perm[i]] = BigInt(i);
}
