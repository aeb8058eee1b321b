import { type ArrayInput, asarray, isNDArray, type NDArray } from '@sciport/array-api';
import { checkBoolean, checkInteger, readOptions } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import { solve } from '@sciport/linalg';
import { checkFiniteValues } from '@sciport/linalg/backend-kit';
import { GPUArray } from '../gpu-array.js';
import { toDevice } from '../host-interop.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { readBytes } from '../readback.js';
import { factorStack, type LuStack } from './lu-factor.js';
import { LU_SOLVE } from './lu-programs.js';

/**
 * solveRefined: mixed-precision iterative refinement (Wilkinson 1963, Moler 1967; on GPUs
 * Haidar, Tomov, Dongarra & Higham, SC'18; LAPACK's dsgesv is the model). The O(n³) LU runs
 * once in float32 on the GPU; each step computes the residual r = b − A·x in float64 on the
 * host (O(n²)), solves A·d = r with the same float32 factors on the GPU and adds d to x. While
 * κ(A)·ε₃₂ < 1 the error shrinks by about κ(A)·ε₃₂ per step, down to float64 accuracy; when it
 * does not converge in `maxIterations` steps, or float32 finds the matrix singular, the
 * system is solved on the host in float64 (as dsgesv falls back to dgesv) and the result says so.
 */

export interface RefineOptions {
  /** Refinement steps before falling back to the host's float64 solve (LAPACK's ITERMAX, 30). */
  maxIterations?: number;
  /** SciPy's check_finite (default true). */
  checkFinite?: boolean;
}

export interface RefinedSolution {
  /** The float64 solution, shaped as `solve`'s ([n] for a vector b, [n, k] otherwise). */
  readonly x: NDArray;
  /** Refinement steps taken (corrections solved on the GPU after the first solution). */
  readonly iterations: number;
  /** max over columns of ‖b − A·x‖∞ / (‖A‖∞·‖x‖∞), in float64. */
  readonly backwardError: number;
  /** true when the GPU's float32 factors could not reach float64 accuracy and the host solved it. */
  readonly fellBack: boolean;
  /** What ran where, step by step (the plan, as explain() records a dispatch). */
  readonly plan: readonly string[];
}

const EPS64 = 2 ** -53;

/** A float64 host matrix of the input (host arrays or nested JS arrays; GPU arrays hold only float32). */
function hostFloat64(value: unknown, argument: string): NDArray {
  if (value instanceof GPUArray) {
    throw new DtypeError(`solveRefined needs '${argument}' in float64 on the host; a GPUArray holds float32, which refinement cannot recover.`, {
      argument,
      hint: 'Pass the float64 host array: the GPU gets its float32 copy and the host keeps the float64 one for the residuals.',
    });
  }
  const x = isNDArray(value) ? value : asarray(value as ArrayInput);
  if (x.dtype.startsWith('complex')) {
    throw new NotSupportedError('solveRefined solves real systems; complex refinement is not implemented.', {
      argument,
      hint: 'Use solve() on the host for complex systems.',
    });
  }
  return x.dtype === 'float64' ? x : asarray(Float64Array.from(x.toTypedArray() as ArrayLike<number>, Number), { shape: x.shape });
}

/** Solves A·d = rhs with the kept factors: rhs scaled to ‖rhs‖∞ = 1 for float32, scaled back in float64. */
async function solveWithFactors(stack: LuStack, rhs: Float64Array, n: number, k: number): Promise<Float64Array> {
  let scale = 0;
  for (const v of rhs) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return new Float64Array(rhs.length);
  const x = toDevice(asarray(Float32Array.from(rhs, (v) => v / scale), { shape: [n, k] }));
  try {
    const batch = new Batch(x.storage.runtime);
    batch.dispatch(LU_SOLVE, new Params().u(n).u(k).u(1), [stack.lu.buffer, stack.pivots.buffer, x.buffer], k);
    batch.submit();
    const solved = (await x.toTypedArray()) as Float32Array;
    return Float64Array.from(solved, (v) => v * scale);
  } finally {
    x.dispose();
  }
}

/** r = b − A·x (float64) and the backward error max over columns of ‖r‖∞ / (‖A‖∞·‖x‖∞). */
function residual(a: Float64Array, normA: number, b: Float64Array, x: Float64Array, n: number, k: number): { r: Float64Array; error: number } {
  const r = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const aij = a[i * n + j]!;
      for (let c = 0; c < k; c++) r[i * k + c]! -= aij * x[j * k + c]!;
    }
  }
  let error = 0;
  for (let c = 0; c < k; c++) {
    let normR = 0;
    let normX = 0;
    for (let i = 0; i < n; i++) {
      normR = Math.max(normR, Math.abs(r[i * k + c]!));
      normX = Math.max(normX, Math.abs(x[i * k + c]!));
    }
    error = Math.max(error, normX === 0 ? (normR === 0 ? 0 : Number.POSITIVE_INFINITY) : normR / (normA * normX));
  }
  return { r, error };
}

/**
 * Solves a·x = b to float64 accuracy with the LU factorisation done in float32 on the GPU
 * (see the header). `a` is an n×n float64 host matrix, `b` a vector [n] or a matrix [n, k].
 * Needs `await initWebGPU()` first.
 */
export async function solveRefined(a: unknown, b: unknown, options: RefineOptions = {}): Promise<RefinedSolution> {
  const o = readOptions(options, ['maxIterations', 'checkFinite'], 'solveRefined') as RefineOptions;
  const maxIterations = checkInteger(o.maxIterations, 'maxIterations', 30);
  if (maxIterations < 0) {
    throw new InvalidArgumentError(`'maxIterations' must be 0 or more, got ${maxIterations}.`, { argument: 'maxIterations', hint: 'Pass 0 to only check the first solution.' });
  }
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const a64 = hostFloat64(a, 'a');
  const b64 = hostFloat64(b, 'b');
  if (a64.ndim !== 2 || a64.shape[0] !== a64.shape[1]) {
    throw new ShapeError(`solveRefined: 'a' must be one square matrix; got shape [${a64.shape.join(', ')}].`, {
      argument: 'a',
      hint: 'Refine one system at a time (stacks of matrices are not refined yet).',
    });
  }
  const n = a64.shape[0]!;
  if (b64.ndim < 1 || b64.ndim > 2 || b64.shape[0] !== n) {
    throw new ShapeError(`solveRefined: 'b' must be [${n}] or [${n}, k]; got shape [${b64.shape.join(', ')}].`, {
      argument: 'b',
      hint: `Pass b with ${n} rows.`,
    });
  }
  if (checkFinite) {
    checkFiniteValues(a64, 'a', 'solveRefined');
    checkFiniteValues(b64, 'b', 'solveRefined');
  }
  const k = b64.ndim === 1 ? 1 : b64.shape[1]!;
  const A = a64.toTypedArray() as Float64Array;
  const B = b64.toTypedArray() as Float64Array;
  const shaped = (values: Float64Array) => asarray(values, { shape: b64.shape });
  if (n === 0 || k === 0) return { x: shaped(new Float64Array(0)), iterations: 0, backwardError: 0, fellBack: false, plan: ['empty system: nothing to solve'] };
  let normA = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(A[i * n + j]!);
    normA = Math.max(normA, row);
  }
  const plan = [`a (${n}×${n}) uploaded as float32; LU with partial pivoting in float32 on the GPU`];
  const fallBack = async (reason: string, iterations: number): Promise<RefinedSolution> => {
    plan.push(`${reason}: solved on the host in float64 (LAPACK dsgesv's fallback)`);
    const x = solve(a64, b64) as NDArray;
    const { error } = residual(A, normA, B, x.toTypedArray() as Float64Array, n, k);
    return { x, iterations, backwardError: error, fellBack: true, plan };
  };
  const ag = toDevice(a64, { dtype: 'float32' });
  const stack = factorStack(ag, [], 'general', false, false);
  stack.batch.submit();
  ag.dispose();
  try {
    const status = new Uint32Array(await readBytes(stack.status.runtime, stack.status.buffer, 0, 8));
    if (status[1] !== 0) return await fallBack(`float32 LU met a zero pivot at column ${status[1]! - 1}`, 0);
    let x = await solveWithFactors(stack, B, n, k);
    // LAPACK dsgesv's test: ‖r‖∞ ≤ ‖x‖∞·‖A‖∞·ε·√n for every column
    const target = EPS64 * Math.sqrt(n);
    for (let iterations = 0; ; iterations++) {
      const { r, error } = residual(A, normA, B, x, n, k);
      if (error <= target) {
        plan.push(`${iterations} refinement step(s): residual in float64 on the host, correction with the float32 factors on the GPU; backward error ${error.toExponential(2)} ≤ ε₆₄·√n`);
        return { x: shaped(x), iterations, backwardError: error, fellBack: false, plan };
      }
      if (iterations === maxIterations || !Number.isFinite(error)) return await fallBack(`no float64 accuracy after ${iterations} refinement step(s) (backward error ${error.toExponential(2)})`, iterations);
      const d = await solveWithFactors(stack, r, n, k);
      x = x.map((v, i) => v + d[i]!);
    }
  } finally {
    stack.lu.dispose();
    stack.pivots.dispose();
    stack.status.release();
  }
}
