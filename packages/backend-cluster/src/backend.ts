/**
 * The 'cluster' backend: owns arrays of kind 'chunked' and implements @sciport/fft for them.
 * Registered when the package is imported; it never takes host arrays (they have no cluster).
 */
import { arrayKind, defineBackend, implement, NOT_CONVERTIBLE, registerBackend, type Verdict } from '@sciport/dispatch-core';
import { packedMap } from '@sciport/array-api';
import * as fft from '@sciport/fft';
import { isChunked } from './chunked/chunked-array.js';
import { strategyFor } from './fft/strategies.js';

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

export const clusterBackend = defineBackend({
  name: 'cluster',
  kinds: ['chunked'],
  // Every option reaches the host transforms on the workers, which are this release's own code:
  // the cluster understands exactly what the table lists.
  functions: packedMap(fft.FFT_FUNCTIONS, (f) => implement(fft.FFT_MULTIMETHODS[f.name], strategyFor(f), { options: f.options })),
  capabilities: { syncReadback: false },
  // Dispatch asks canRun before converting, so the first argument meets the same reason here.
  canRun(_fn, args) {
    return takesChunkedOnly(args[0]);
  },
  // A host array has no cluster to go to: it can only be chunked explicitly.
  convert(value) {
    return isChunked(value) ? value : NOT_CONVERTIBLE;
  },
  canConvert(value) {
    return takesChunkedOnly(value);
  },
});

registerBackend(clusterBackend);
