/**
 * The 'cluster' backend: owns arrays of kind 'chunked' and implements @sciport/fft for them.
 * Registered when the package is imported; it never takes host arrays (they have no cluster).
 */
import { defineBackend, implement, NOT_CONVERTIBLE, registerBackend } from '@sciport/dispatch-core';
import * as fft from '@sciport/fft';
import { isChunked } from './chunked/chunked-array.js';
import { strategyFor } from './fft/strategies.js';

export const clusterBackend = defineBackend({
  name: 'cluster',
  kinds: ['chunked'],
  functions: fft.FFT_FUNCTIONS.map((f) => implement(fft.FFT_MULTIMETHODS[f.name], strategyFor(f))),
  capabilities: { syncReadback: false },
  canRun(_fn, args) {
    return isChunked(args[0]) ? true : 'the first argument is not a chunked array';
  },
  // A host array has no cluster to go to: it can only be chunked explicitly.
  convert(value) {
    return isChunked(value) ? value : NOT_CONVERTIBLE;
  },
});

registerBackend(clusterBackend);
