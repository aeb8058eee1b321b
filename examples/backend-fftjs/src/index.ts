/**
 * @sciport-examples/backend-fftjs — fft.js as an alternative FFT for host arrays. Importing
 * this package registers the `fftjs` backend; it runs nothing until you opt in:
 *
 *   withBackend('fftjs', () => fft(x));
 *
 * @packageDocumentation
 */
import { registerBackend } from '@sciport/dispatch-core';
import { fftjsBackend } from './manifest.js';

registerBackend(fftjsBackend);

export { FFTJS_BACKEND, fftjsBackend } from './manifest.js';
