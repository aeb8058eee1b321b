/**
 * `rq`: SciPy's RQ decomposition A = R Q (R upper trapezoidal, Q unitary), as LAPACK's
 * gerqf/orgrq. gerq2's reflectors, taken from the last row backward on the conjugated rows,
 * are exactly geqr2's on B = (J A J)ᴴ (J the exchange matrix: rows and columns reversed):
 * the same α and x, so the same β and τ. So B = Q_B R_B gives A = (J R_Bᴴ J)(J Q_Bᴴ J), with
 * LAPACK's signs.
 */
import { astype, broadcastTo, conj, eye, flip, matrixTranspose, type NDArray, zeros } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { type FiniteOptions, type OverwriteAOptions, readFunctionOptions } from './options.js';
import { qrHost } from './qr.js';
import { checkFiniteValues, checkMatrix, toArray } from './stack.js';

export type RqMode = 'full' | 'r' | 'economic';

export interface RqOptions extends FiniteOptions, OverwriteAOptions {
  /** 'full' (R M×N, Q N×N; default), 'r' (R only) or 'economic' (R M×K, Q K×N, K = min(M, N)). */
  mode?: RqMode;
  /** SciPy's work-array size: checked as LAPACK's gerqf/orgrq check it (−1 or at least M), otherwise unused. */
  lwork?: number | null;
}

/** `rq`'s results: [R, Q], or R alone in mode 'r'. */
export interface RqFunction {
  (a: unknown, options?: RqOptions & { mode?: 'full' | 'economic' }): [NDArray, NDArray];
  (a: unknown, options: RqOptions & { mode: 'r' }): NDArray;
  (a: unknown, options?: RqOptions): [NDArray, NDArray] | NDArray;
}

const MODES: readonly RqMode[] = ['full', 'r', 'economic'];

/** (J X J)ᴴ over the last two axes: reversed rows and columns, conjugate-transposed. */
const reflect = (x: NDArray) => conj(matrixTranspose(flip(x, { axis: [-2, -1] })));

function checkLwork(value: unknown, needs: readonly number[]): void {
  if (value === undefined || value === null) return;
  if (Number.isInteger(value) && (value === -1 || needs.every((n) => (value as number) >= Math.max(1, n)))) return;
  throw new InvalidArgumentError(`rq: invalid lwork ${describe(value)}.`, {
    argument: 'lwork',
    hint: `Leave lwork out (or null), or pass -1 or an integer of at least ${Math.max(1, ...needs)}.`,
  });
}

/** SciPy's `rq(a)` of a ([..., M, N]). */
export function rqHost(a: unknown, options?: RqOptions): [NDArray, NDArray] | NDArray {
  const o = readFunctionOptions(options, 'rq');
  const mode = o.mode ?? 'full';
  if (!MODES.includes(mode)) {
    throw new InvalidArgumentError(`rq: mode argument should be one of ['full', 'r', 'economic'], got ${describe(mode)}.`, {
      argument: 'mode',
      hint: "Use 'full', 'r' or 'economic'.",
    });
  }
  const input = toArray(a);
  checkMatrix(input, 'a', 'rq');
  if (checkBoolean(o.checkFinite, 'checkFinite', true)) checkFiniteValues(input, 'a', 'rq');
  const m = input.shape[input.ndim - 2];
  const n = input.shape[input.ndim - 1];
  const batch = input.shape.slice(0, -2);
  const k = Math.min(m, n);
  if (input.size === 0) {
    // SciPy's empty answer, in a's own dtype: Q the identity (full) or empty (economic)
    const economic = mode === 'economic';
    const r = zeros([...batch, m, economic ? k : n], { dtype: input.dtype });
    if (mode === 'r') return r;
    const q = economic ? zeros([...batch, k, n], { dtype: input.dtype }) : astype(broadcastTo(eye(n, null, { dtype: input.dtype }), [...batch, n, n]), input.dtype, { copy: true });
    return [r, q];
  }
  // gerqf needs M, orgrq the rows of the Q it forms (N in full mode, K in economic mode)
  checkLwork(o.lwork, [m, ...(mode === 'r' ? [] : [mode === 'full' ? n : k])]);
  const b = reflect(input);
  if (mode === 'r') {
    // qr's mode 'r' gives [R] for one matrix and R itself for a stack
    const result = qrHost(b, { mode: 'r', checkFinite: false }) as NDArray[] | NDArray;
    return reflect(Array.isArray(result) ? result[0] : result);
  }
  const [qB, rB] = qrHost(b, { mode: mode === 'economic' ? 'economic' : 'full', checkFinite: false }) as NDArray[];
  return [reflect(rB), reflect(qB)];
}
