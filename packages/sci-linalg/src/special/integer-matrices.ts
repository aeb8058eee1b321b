/**
 * Matrices of binomial coefficients: `hilbert`, `invhilbert`, `pascal`, `invpascal`. The
 * entries are computed exactly in BigInt and rounded once for the float forms, which is
 * at least as accurate as SciPy's floating-point `comb`. SciPy's exact forms switch to
 * arrays of Python integers (dtype object) beyond int64/uint64; sciport has no such dtype
 * and refuses those orders (NotSupportedError) rather than rounding.
 */
import { NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { readFunctionOptions } from '../options.js';
import { checkOrder } from './common.js';

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * BigInt(n - Math.min(k, n - k) + i)) / BigInt(i);
  return r;
}

/** SciPy's `hilbert`: H[i, j] = 1 / (i + j + 1), float64. */
export function hilbertHost(n: unknown, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'hilbert');
  const k = checkOrder(n, 'hilbert');
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) data[i * k + j] = 1 / (i + j + 1);
  return new NDArray(data, [k, k], 'float64');
}

export interface ExactOptions extends DispatchOptions {
  /** Integer (exact) entries instead of float64 (default false for invhilbert, true for pascal/invpascal). */
  exact?: boolean;
}

function exactMatrix(k: number, exact: boolean, unsigned: boolean, entry: (i: number, j: number) => bigint): NDArray {
  if (!exact) {
    const data = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) data[i * k + j] = Number(entry(i, j));
    return new NDArray(data, [k, k], 'float64');
  }
  const data = unsigned ? new BigUint64Array(k * k) : new BigInt64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) data[i * k + j] = entry(i, j);
  return new NDArray(data, [k, k], unsigned ? 'uint64' : 'int64');
}

function tooLarge(fn: string, k: number, limit: number, type: string): never {
  throw new NotSupportedError(`${fn}(${k}, { exact: true }) has entries beyond ${type} (SciPy returns Python integers, dtype object, beyond n = ${limit}).`, {
    argument: 'n',
    hint: `Use n ≤ ${limit}, or { exact: false } for float64.`,
  });
}

/** SciPy's `invhilbert`: the exact inverse of the Hilbert matrix (int64 with `exact`, else float64). */
export function invhilbertHost(n: unknown, options?: ExactOptions): NDArray {
  const o = readFunctionOptions(options, 'invhilbert');
  const k = checkOrder(n, 'invhilbert');
  const exact = checkBoolean(o.exact, 'exact', false);
  if (exact && k > 14) tooLarge('invhilbert', k, 14, 'int64');
  return exactMatrix(k, exact, false, (i, j) => {
    const s = i + j;
    const c = binomial(s, i);
    const sign = s % 2 === 0 ? 1n : -1n;
    return sign * BigInt(s + 1) * binomial(k + i, k - j - 1) * binomial(k + j, k - i - 1) * c * c;
  });
}

export type PascalKind = 'symmetric' | 'lower' | 'upper';

export interface PascalOptions extends DispatchOptions {
  /** 'symmetric' (default), 'lower' or 'upper'. */
  kind?: PascalKind;
  /** Integer entries (uint64 for pascal, int64 for invpascal; default true) or float64. */
  exact?: boolean;
}

function checkKind(kind: unknown): PascalKind {
  if (kind === undefined) return 'symmetric';
  if (kind === 'symmetric' || kind === 'lower' || kind === 'upper') return kind;
  throw new InvalidArgumentError(`kind must be 'symmetric', 'lower', or 'upper', got ${describe(kind)}.`, {
    argument: 'kind',
    hint: "Use 'symmetric' (default), 'lower' or 'upper'.",
  });
}

/** SciPy's `pascal`: binomial coefficients, lower L[i, j] = C(i, j), upper Lᵀ, symmetric L Lᵀ = C(i + j, i). */
export function pascalHost(n: unknown, options?: PascalOptions): NDArray {
  const o = readFunctionOptions(options, 'pascal');
  const k = checkOrder(n, 'pascal');
  const kind = checkKind(o.kind);
  const exact = checkBoolean(o.exact, 'exact', true);
  if (exact && k >= 35) tooLarge('pascal', k, 34, 'uint64');
  return exactMatrix(k, exact, true, (i, j) => (kind === 'lower' ? binomial(i, j) : kind === 'upper' ? binomial(j, i) : binomial(i + j, i)));
}

/**
 * SciPy's `invpascal`: the inverse of `pascal(n, kind)`. Lower/upper: the Pascal matrix with
 * every other diagonal negated; symmetric: Σₖ C(i+k, k) C(i+k, i+k−j), signed.
 */
export function invpascalHost(n: unknown, options?: PascalOptions): NDArray {
  const o = readFunctionOptions(options, 'invpascal');
  const k = checkOrder(n, 'invpascal');
  const kind = checkKind(o.kind);
  const exact = checkBoolean(o.exact, 'exact', true);
  if (exact && k > 34) tooLarge('invpascal', k, 34, 'int64');
  return exactMatrix(k, exact, false, (i, j) => {
    const sign = (i + j) % 2 === 0 ? 1n : -1n;
    if (kind === 'lower') return sign * binomial(i, j);
    if (kind === 'upper') return sign * binomial(j, i);
    const [a, b] = i >= j ? [i, j] : [j, i];
    let v = 0n;
    for (let t = 0; t < k - a; t++) v += binomial(a + t, t) * binomial(a + t, a + t - b);
    return sign * v;
  });
}
