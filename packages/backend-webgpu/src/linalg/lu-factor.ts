import { nonFiniteError, singularError } from '@sciport/linalg/backend-kit';
import { GPUArray } from '../gpu-array.js';
import { type DeferredCheck, Storage } from '../memory/storage.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { broadcastTo } from '../namespace/manipulation.js';
import { COPY_RHS, FLAT_WORKGROUP, PIVOT, PREPARE, UPDATE } from './lu-programs.js';

/** SciPy's assume_a structures as the prepare program numbers them (see lu-programs.ts). */
export type PreparedStructure =
  | 'general'
  | 'diagonal'
  | 'tridiagonal'
  | 'upper triangular'
  | 'lower triangular'
  | 'sym upper'
  | 'sym lower'
  | 'pos upper'
  | 'pos lower';
const STRUCTURE_CODE: Record<PreparedStructure, number> = {
  general: 0,
  diagonal: 1,
  tridiagonal: 2,
  'upper triangular': 3,
  'lower triangular': 4,
  'sym upper': 5,
  'sym lower': 6,
  'pos upper': 5,
  'pos lower': 6,
};

/** A stack of LU factors on the device, with the pivots and the status words of the run. */
export interface LuStack {
  readonly batch: Batch;
  /** [batches, n, n] float32: L below the diagonal (unit diagonal implied), U on and above. */
  readonly lu: GPUArray;
  readonly pivots: GPUArray;
  readonly status: Storage;
  readonly n: number;
  readonly batches: number;
}

const flatGroups = (count: number) => Math.ceil(count / FLAT_WORKGROUP);

/** `x` broadcast to `shape` as a C-contiguous array of its own (a new handle: dispose it after the batch). */
function contiguousAs(x: GPUArray, shape: readonly number[]): GPUArray {
  const view = broadcastTo(x, shape);
  const source = view.contiguous();
  view.dispose();
  return source;
}

/**
 * Copies `a` ([...batch, n, n], broadcast to `batchShape`) into a working stack, applying
 * the structure and the transposition, and records its LU factorisation into a new batch
 * (not yet submitted). `status` word 0 gets bit 1 when `checkFinite` finds an inf or NaN.
 */
export function factorStack(a: GPUArray, batchShape: readonly number[], structure: PreparedStructure, transposed: boolean, checkFinite: boolean): LuStack {
  const n = a.shape[a.ndim - 1]!;
  const batches = batchShape.reduce((p, d) => p * d, 1);
  const rt = a.storage.runtime;
  const source = contiguousAs(a, [...batchShape, n, n]);
  const lu = GPUArray.empty([batches, n, n], 'float32', rt);
  const pivots = GPUArray.empty([batches, n], 'uint32', rt);
  const status = Storage.allocate(rt, 4 * (1 + batches));
  const batch = new Batch(rt);
  batch.rawEncoder().clearBuffer(status.buffer);
  const prepare = new Params().u(n).u(batches).u(STRUCTURE_CODE[structure]).u(transposed ? 1 : 0).u(checkFinite ? 1 : 0);
  batch.dispatch(PREPARE, prepare, [source.buffer, lu.buffer, status.buffer], flatGroups(batches * n * n));
  for (let k = 0; k < n; k++) {
    const params = new Params().u(n).u(batches).u(k).u(structure.startsWith('pos') ? 1 : 0);
    batch.dispatch(PIVOT, params, [lu.buffer, pivots.buffer, status.buffer], batches);
    if (k < n - 1) batch.dispatch(UPDATE, params, [lu.buffer], flatGroups(batches * (n - k - 1) ** 2));
  }
  batch.afterSubmit(() => source.dispose());
  return { batch, lu, pivots, status, n, batches };
}

/** Records X = B ([batches, n, k] contiguous float32 copy of `b`), flagging non-finite values as bit 2. */
export function copyRightHandSides(stack: LuStack, b: GPUArray, shape: readonly number[], checkFinite: boolean): GPUArray {
  const source = contiguousAs(b, shape);
  const x = GPUArray.empty(shape, 'float32', b.storage.runtime);
  stack.batch.dispatch(COPY_RHS, new Params().u(x.size).u(checkFinite ? 1 : 0), [source.buffer, x.buffer, stack.status.buffer], flatGroups(x.size));
  stack.batch.afterSubmit(() => source.dispose());
  return x;
}

/**
 * Submits the run and attaches its status words to `result`: reading it throws what the
 * host would have thrown (non-finite input, and a singular matrix where `singularIsError`).
 */
export function submitWithStatus(result: GPUArray, stack: LuStack, fn: string, singularIsError: boolean): void {
  stack.batch.submit();
  const check: DeferredCheck = {
    status: stack.status,
    words: 1 + stack.batches,
    errorFor(words) {
      for (const [bit, argument] of [[1, 'a'], [2, 'b']] as const) if (words[0]! & bit) return nonFiniteError(fn, argument);
      if (!singularIsError) return undefined;
      const singular = [...words.subarray(1)].flatMap((w, m) => (w === 0 ? [] : [m]));
      return singular.length > 0 ? singularError(singular, 'a') : undefined;
    },
  };
  // The result's storage now owns the status words (released with it).
  result.storage.checks.push(check);
}
