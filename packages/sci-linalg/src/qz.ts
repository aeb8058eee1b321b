/**
 * `qz`: the generalized Schur decomposition A = Q AA Zᴴ, B = Q BB Zᴴ (LAPACK's gges), from
 * the complex QZ algorithm (kernels/complex-qz.ts): AA and BB upper triangular, BB's diagonal
 * real and non-negative.
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { FiniteOptions, OverwriteAOptions, OverwriteBOptions } from './options.js';
import { LinAlgError } from './errors.js';
import { complexMatrix, readPencil } from './generalized-eig.js';
import { complexQz } from './kernels/complex-qz.js';
import { reorderComplexPencil } from './kernels/complex-reorder.js';
import { reorderRealPencil } from './kernels/real-pencil-reorder.js';
import { realQz } from './kernels/real-qz.js';
import { readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, fromData, realOf } from './stack.js';
import type { Stack } from './stack.js';

export interface QzOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  /** 'real' (the default; quasi-triangular AA for real input) or 'complex' ('r', 'c' too). */
  output?: 'real' | 'complex' | 'r' | 'c';
  /** SciPy's work-array size: accepted (null, −1 or a positive integer), unused. */
  lwork?: number | null;
  /** Must be null: SciPy removed qz's sorting (use ordqz). */
  sort?: null;
}

/** The complex generalized Schur form of every pencil of a (complex) pencil stack. */
export interface GeneralizedSchur {
  aa: Float64Array;
  bb: Float64Array;
  q: Float64Array;
  z: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
}

/** QZ on each pencil of the stacks: [AA, BB, Q, Z, α, β] per pencil, in double. */
export function generalizedSchurStack(a: Stack, b: Stack): GeneralizedSchur[] {
  const n = a.rows;
  const out: GeneralizedSchur[] = [];
  for (let s = 0; s < batchCount(a.batch); s++) {
    const aa = complexMatrix(a, s);
    const bb = complexMatrix(b, s);
    const q = new Float64Array(2 * n * n);
    const z = new Float64Array(2 * n * n);
    const { alpha, beta, info } = complexQz(aa, bb, n, q, z, true);
    if (info > 0) {
      throw new LinAlgError(`The QZ iteration failed (LAPACK info ${info}).`, { argument: 'A', hint: 'Check the pencil for extreme values.' });
    }
    // below the diagonal only rounding is left by the rotations: zero it, as gges leaves it
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        aa[2 * (i * n + j)] = aa[2 * (i * n + j) + 1] = 0;
        bb[2 * (i * n + j)] = bb[2 * (i * n + j) + 1] = 0;
      }
    }
    out.push({ aa, bb, q, z, alpha, beta });
  }
  return out;
}

export function checkQzOutput(value: unknown, fn: string): 'real' | 'complex' {
  if (value === undefined || value === 'real' || value === 'r') return 'real';
  if (value === 'complex' || value === 'c') return 'complex';
  throw new InvalidArgumentError(`${fn}: output must be 'real' or 'complex', got ${describe(value)}.`, {
    argument: 'output',
    hint: "Use 'real' (or 'r') or 'complex' (or 'c').",
  });
}

/** Stacks the per-pencil matrices of `field` into one complex NDArray [..., N, N]. */
export function stackField(results: GeneralizedSchur[], field: 'aa' | 'bb' | 'q' | 'z', batch: readonly number[], n: number, dtype: 'complex64' | 'complex128'): NDArray {
  const data = allocateFloat(dtype, results.length * n * n);
  results.forEach((r, s) => {
    data.set(r[field], 2 * s * n * n);
  });
  return fromData(data, [...batch, n, n], dtype);
}

/** The real generalized Schur form of every (real) pencil: [AA, BB, Q, Z] in `dtype`. */
function realQzStack(a: Stack, b: Stack, dtype: 'float32' | 'float64'): [NDArray, NDArray, NDArray, NDArray] {
  const n = a.rows;
  const count = batchCount(a.batch);
  const out = [0, 1, 2, 3].map(() => allocateFloat(dtype, count * n * n));
  for (let s = 0; s < count; s++) {
    // the pencil's real parts (the stacks are complex-typed), in double
    const [aa, bb] = [a, b].map((m) => Float64Array.from({ length: n * n }, (_, i) => m.data[2 * (s * n * n + i)]));
    const q = new Float64Array(n * n);
    const z = new Float64Array(n * n);
    const { info } = realQz(aa, bb, n, q, z);
    if (info > 0) {
      throw new LinAlgError(`The QZ iteration failed (LAPACK info ${info}).`, { argument: 'A', hint: 'Check the pencil for extreme values.' });
    }
    [aa, bb, q, z].forEach((m, k) => {
      out[k].set(m, s * n * n);
    });
  }
  const shape = [...a.batch, n, n];
  return out.map((m) => fromData(m, shape, dtype)) as [NDArray, NDArray, NDArray, NDArray];
}

/** SciPy's `qz(A, B, options)`: [AA, BB, Q, Z] with A = Q AA Zᴴ and B = Q BB Zᴴ. */
export function qzHost(A: unknown, B: unknown, options?: QzOptions): [NDArray, NDArray, NDArray, NDArray] {
  const o = readFunctionOptions(options, 'qz');
  if (o.sort !== undefined && o.sort !== null) {
    throw new InvalidArgumentError("The 'sort' input of qz() has to be None. Use ordqz instead.", { argument: 'sort', hint: 'Call ordqz(A, B, { sort }).' });
  }
  const output = checkQzOutput(o.output, 'qz');
  if (o.lwork !== undefined && o.lwork !== null && !(Number.isInteger(o.lwork) && ((o.lwork as number) === -1 || (o.lwork as number) >= 1))) {
    throw new InvalidArgumentError(`qz: invalid lwork ${describe(o.lwork)}.`, { argument: 'lwork', hint: 'Leave lwork out, or pass −1 or a positive integer.' });
  }
  const pencil = readPencil('qz', A, B, checkBoolean(o.checkFinite, 'checkFinite', true), ['A', 'B']);
  const { rows: n, batch, dtype } = pencil.a;
  if (pencil.real && output === 'real') return realQzStack(pencil.a, pencil.b, realOf(dtype));
  const results = generalizedSchurStack(pencil.a, pencil.b);
  const cdtype = dtype as 'complex64' | 'complex128';
  return [stackField(results, 'aa', batch, n, cdtype), stackField(results, 'bb', batch, n, cdtype), stackField(results, 'q', batch, n, cdtype), stackField(results, 'z', batch, n, cdtype)];
}

/**
 * ordqz's selection rule: 'lhp' (Re α/β < 0), 'rhp' (Re α/β > 0), 'iuc' (|α/β| < 1), 'ouc'
 * (|α/β| > 1, β = 0 ≠ α included) — SciPy's, which differ from schur's at the boundary — or
 * a callback of one eigenvalue's (α, β) (SciPy passes the arrays of all of them).
 */
export type OrdqzSort = 'lhp' | 'rhp' | 'iuc' | 'ouc' | ((alphaRe: number, alphaIm: number, betaRe: number, betaIm: number) => boolean);

export interface OrdqzOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  sort?: OrdqzSort;
  output?: 'real' | 'complex' | 'r' | 'c';
}

function ordqzPredicate(sort: unknown): (ar: number, ai: number, br: number, bi: number) => boolean {
  const ratio = (ar: number, ai: number, br: number, bi: number): [number, number] => {
    const d = br * br + bi * bi;
    return [(ar * br + ai * bi) / d, (ai * br - ar * bi) / d];
  };
  const nonzero = (br: number, bi: number) => br !== 0 || bi !== 0;
  switch (sort) {
    case undefined:
    case 'lhp':
      return (ar, ai, br, bi) => nonzero(br, bi) && ratio(ar, ai, br, bi)[0] < 0;
    case 'rhp':
      return (ar, ai, br, bi) => nonzero(br, bi) && ratio(ar, ai, br, bi)[0] > 0;
    case 'iuc':
      return (ar, ai, br, bi) => nonzero(br, bi) && Math.hypot(...ratio(ar, ai, br, bi)) < 1;
    case 'ouc':
      return (ar, ai, br, bi) => (nonzero(br, bi) ? Math.hypot(...ratio(ar, ai, br, bi)) > 1 : ar !== 0 || ai !== 0);
    default:
      if (typeof sort === 'function') return (ar, ai, br, bi) => Boolean(sort(ar, ai, br, bi));
      throw new InvalidArgumentError(`ordqz: sort parameter must be a callable, or one of ('lhp','rhp','iuc','ouc'), got ${describe(sort)}.`, {
        argument: 'sort',
        hint: "Pass 'lhp', 'rhp', 'iuc', 'ouc' or (alphaRe, alphaIm, betaRe, betaIm) => boolean.",
      });
  }
}

/** ordqz's real form: [AA, BB, α (complex), β (real), Q, Z]. */
function realOrdqz(a: Stack, b: Stack, dtype: 'float32' | 'float64', select: (ar: number, ai: number, br: number, bi: number) => boolean): NDArray[] {
  const n = a.rows;
  const count = batchCount(a.batch);
  const mats = [0, 1, 2, 3].map(() => allocateFloat(dtype, count * n * n));
  const cdtype = dtype === 'float32' ? 'complex64' : 'complex128';
  const alphas = allocateFloat(cdtype, count * n);
  const betas = allocateFloat(dtype, count * n);
  for (let s = 0; s < count; s++) {
    const [aa, bb] = [a, b].map((m) => Float64Array.from({ length: n * n }, (_, i) => m.data[2 * (s * n * n + i)]));
    const q = new Float64Array(n * n);
    const z = new Float64Array(n * n);
    const result = realQz(aa, bb, n, q, z);
    if (result.info > 0) {
      throw new LinAlgError(`The QZ iteration failed (LAPACK info ${result.info}).`, { argument: 'A', hint: 'Check the pencil for extreme values.' });
    }
    const picked = Array.from({ length: n }, (_, i) => select(result.alphar[i], result.alphai[i], result.beta[i], 0));
    if (!reorderRealPencil(aa, bb, n, q, z, picked, result)) {
      throw new InvalidArgumentError(
        'Reordering of (A, B) failed because the transformed matrix pair (A, B) would be too far from generalized Schur form; the problem is very ill-conditioned.',
        { argument: 'sort', hint: 'The selected and the other eigenvalues are too close to separate.' },
      );
    }
    [aa, bb, q, z].forEach((m, k) => {
      mats[k].set(m, s * n * n);
    });
    for (let i = 0; i < n; i++) {
      alphas[2 * (s * n + i)] = result.alphar[i];
      alphas[2 * (s * n + i) + 1] = result.alphai[i];
      betas[s * n + i] = result.beta[i];
    }
  }
  const shape = [...a.batch, n, n];
  return [
    fromData(mats[0], shape, dtype),
    fromData(mats[1], shape, dtype),
    fromData(alphas, [...a.batch, n], cdtype),
    fromData(betas, [...a.batch, n], dtype),
    fromData(mats[2], shape, dtype),
    fromData(mats[3], shape, dtype),
  ];
}

/** SciPy's `ordqz(A, B, options)`: [AA, BB, α, β, Q, Z] with the selected eigenvalues first. */
export function ordqzHost(A: unknown, B: unknown, options?: OrdqzOptions): NDArray[] {
  const o = readFunctionOptions(options, 'ordqz');
  const output = checkQzOutput(o.output, 'ordqz');
  const select = ordqzPredicate(o.sort);
  const pencil = readPencil('ordqz', A, B, checkBoolean(o.checkFinite, 'checkFinite', true), ['A', 'B']);
  const { rows: n, batch, dtype } = pencil.a;
  if (pencil.real && output === 'real') return realOrdqz(pencil.a, pencil.b, realOf(dtype), select);
  const cdtype = dtype as 'complex64' | 'complex128';
  const results = generalizedSchurStack(pencil.a, pencil.b);
  const alphas = allocateFloat(cdtype, results.length * n);
  const betas = allocateFloat(cdtype, results.length * n);
  results.forEach((r, s) => {
    const picked = Array.from({ length: n }, (_, i) => select(r.alpha[2 * i], r.alpha[2 * i + 1], r.beta[2 * i], r.beta[2 * i + 1]));
    reorderComplexPencil(r.aa, r.bb, r.q, r.z, n, picked, r.alpha, r.beta);
    alphas.set(r.alpha, 2 * s * n);
    betas.set(r.beta, 2 * s * n);
  });
  return [
    stackField(results, 'aa', batch, n, cdtype),
    stackField(results, 'bb', batch, n, cdtype),
    fromData(alphas, [...batch, n], cdtype),
    fromData(betas, [...batch, n], cdtype),
    stackField(results, 'q', batch, n, cdtype),
    stackField(results, 'z', batch, n, cdtype),
  ];
}
