/**
 * The cluster backend's implementations of @sciport/linalg: stacks of matrices split across
 * workers. A function of one matrix that SciPy applies to every matrix of a stack
 * ([..., M, N]) runs on blocks that keep the last two axes whole and split the stack axes,
 * each task calling the host function (by the multimethod's stable id) on its block. The host
 * function first runs on a probe on the submitting thread: it refuses bad arguments there,
 * with its own typed errors, and gives the result's dtype and matrix shape.
 *
 * Functions whose matrices must be split themselves (solve, lu, qr of one large matrix:
 * tiled factorisations) have no strategy yet and are not claimed; dispatch says so.
 */
import { asarray, astype, broadcastTo, type NDArray, packedMap } from '@sciport/array-api';
import { getMultimethod, ShapeError } from '@sciport/dispatch-core';
import { LINALG_DOMAIN, type LinalgFunction } from '@sciport/linalg';
import type { ChunkedArray } from '../chunked/chunked-array.js';
import { withoutBackend } from '../chunked/ops/common.js';
import { mapAlongAxes } from '../chunked/ops/map-axes.js';
import { CALL } from '../runtime/task-names.js';
import { inputRef } from '../runtime/template.js';

/**
 * Functions of one matrix that return one matrix per matrix of a stack (shape [..., M, N] →
 * [..., M', N']), whose result dtype the input dtype decides. Not here: sqrtm, logm, signm
 * and fractionalMatrixPower, whose real input can give a complex result depending on the
 * values (a task's output is planned before it runs), and calls that return tuples
 * (pinv/pinvh with returnRank), which the cluster declines.
 */
const STACK_FUNCTIONS = new Set(['inv', 'pinv', 'pinvh', 'cholesky', 'expm', 'cosm', 'sinm', 'tanm', 'coshm', 'sinhm', 'tanhm']);

/** Identity matrices (ones on the diagonal of the last two axes) of `p`'s shape and dtype. */
function identityLike(p: NDArray): NDArray {
  const [m, n] = p.shape.slice(-2) as [number, number];
  const eye = new Float64Array(m * n);
  for (let i = 0; i < Math.min(m, n); i++) eye[i * n + i] = 1;
  return astype(broadcastTo(asarray(eye, { shape: [m, n] }), p.shape), p.dtype);
}

/** Why a call cannot run on the cluster (dispatch's canRun), or true. */
export function linalgVerdict(name: string, args: readonly unknown[]): true | string {
  const options = args[args.length - 1] as { returnRank?: unknown } | undefined;
  if ((name === 'pinv' || name === 'pinvh') && options?.returnRank === true) {
    return 'returnRank gives a tuple (the pseudo-inverse and a rank per matrix), which the stack strategy does not assemble: call it without returnRank, or on the host';
  }
  return true;
}

/** `row`'s function on every matrix of a chunked stack, the stack split across the workers. */
function stackStrategy(row: LinalgFunction) {
  const id = `${LINALG_DOMAIN}.${row.name}`;
  const host = getMultimethod(id) as unknown as (...args: unknown[]) => never;
  return (a: ChunkedArray, ...rest: unknown[]): ChunkedArray => {
    if (a.ndim < 2) {
      throw new ShapeError(`${row.name}: 'a' must be a matrix or a stack of matrices ([..., M, N]); got shape [${a.shape.join(', ')}].`, {
        argument: 'a',
        hint: 'Pass at least two dimensions.',
      });
    }
    const args = packedMap(rest, (v) => withoutBackend(v));
    // A trailing undefined (no options object) would reach the worker as null.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    return mapAlongAxes(a, [a.ndim - 2, a.ndim - 1], {
      fn: CALL,
      params: { id, args: [inputRef(0), ...args] },
      // probeArray is zeros, which inv and cholesky refuse: probe with identity matrices instead
      probe: (p) => host(identityLike(p), ...args),
    });
  };
}

/** The strategy for `row`, or undefined when the cluster has none. */
export function linalgStrategy(row: LinalgFunction): ((a: ChunkedArray, ...rest: unknown[]) => ChunkedArray) | undefined {
  return STACK_FUNCTIONS.has(row.name) ? stackStrategy(row) : undefined;
}
