/**
 * The 'cluster' backend: owns arrays of kind 'chunked' and implements @sciport/fft, the
 * ndimage filters it has strategies for and linalg on stacks of matrices for them.
 * Registered when the package is imported; it never takes host arrays (they have no cluster).
 */
import { arrayKind, defineBackend, implement, NOT_CONVERTIBLE, registerBackend, type Verdict } from '@sciport/dispatch-core';
import { packedMap } from '@sciport/array-api';
import * as fft from '@sciport/fft';
import { LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS } from '@sciport/linalg';
import { NDIMAGE_DOMAIN, NDIMAGE_FUNCTIONS, NDIMAGE_MULTIMETHODS, ndimageFunction } from '@sciport/ndimage';
import { isChunked } from './chunked/chunked-array.js';
import { linalgStrategy, linalgVerdict } from './linalg/strategies.js';
import { strategyFor } from './fft/strategies.js';
import { DECLINED_NDIMAGE, ndimageStrategy, ndimageVerdict } from './ndimage/strategies.js';
import { regionStrategyFor } from './ndimage/region-strategies.js';

/**
 * Why the cluster backend does not take a value that is not a chunked array: it would have to
 * chunk it, and nothing says onto which cluster. The reason shows in `explain()` and in the
 * error of `fft(x, { backend: 'cluster' })`, so it says what to do instead.
 */
function takesChunkedOnly(value: unknown): Verdict {
  if (isChunked(value)) return true;
  const kind = arrayKind(value) ?? 'host';
  const gather = kind === 'host' ? '' : ` (bring it to the host first: chunked(await x.toHost(), { cluster }))`;
  return (
    `a ${kind} array cannot be chunked implicitly, because the cluster to use is unknown: ` +
    `chunk it explicitly with chunked(x, { cluster }) from @sciport/backend-cluster${gather}`
  );
}

function isHostValue(value: unknown): boolean {
  return (arrayKind(value) ?? 'host') === 'host';
}

/** The rows of the ndimage table the cluster has a strategy for, with it. */
const ndimageRows = NDIMAGE_FUNCTIONS.flatMap((f) => {
  const strategy = ndimageStrategy(f) ?? regionStrategyFor(f);
  return strategy === undefined ? [] : [implement(NDIMAGE_MULTIMETHODS[f.name], strategy, { options: f.options })];
});

/** The rows of the linalg table the cluster has a strategy for (stacks split across workers). */
const linalgRows = LINALG_FUNCTIONS.flatMap((f) => {
  const strategy = linalgStrategy(f);
  return strategy === undefined ? [] : [implement(LINALG_MULTIMETHODS[f.name], strategy, { options: f.options })];
});

export const clusterBackend = defineBackend({
  name: 'cluster',
  kinds: ['chunked'],
  // Every option reaches the host functions on the workers, which are this release's own code:
  // the cluster understands exactly what the tables list.
  functions: [
    ...packedMap(fft.FFT_FUNCTIONS, (f) => implement(fft.FFT_MULTIMETHODS[f.name], strategyFor(f), { options: f.options })),
    ...ndimageRows,
    ...linalgRows,
  ],
  // `declined`: functions declared only so that dispatch says why they never run here (by id).
  capabilities: { syncReadback: false, declined: DECLINED_NDIMAGE },
  // Dispatch asks canRun before converting, so the first argument meets the same reason here.
  canRun(fn, args) {
    const chunkedOnly = takesChunkedOnly(args[0]);
    if (chunkedOnly !== true) return chunkedOnly;
    if (fn.domain === LINALG_DOMAIN) return linalgVerdict(fn.name, args);
    return fn.domain === NDIMAGE_DOMAIN ? ndimageVerdict(ndimageFunction(fn.name), args) : true;
  },
  // A host array has no cluster to go to: as the input (canRun refuses it first) it can only be
  // chunked explicitly. Later dispatched arguments (a measurement's labels) pass as they are:
  // the strategy puts them on the input's cluster.
  convert(value) {
    return isChunked(value) || isHostValue(value) ? value : NOT_CONVERTIBLE;
  },
  canConvert(value) {
    return isHostValue(value) ? true : takesChunkedOnly(value);
  },
});

registerBackend(clusterBackend);
