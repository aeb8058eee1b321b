/**
 * The backend's manifest: its name, the array kind it owns, the functions it implements and
 * when it takes a call. Owning 'host' means it never takes a call unless the user opts in
 * (`withBackend('fftjs', …)`, `setGlobalBackend('fftjs')`, `{ backend: 'fftjs' }`).
 */
import { defineBackend, type Implementation, implement } from '@sciport/dispatch-core';
import { fft, ifft } from '@sciport/fft';
import { canRun } from './can-run.js';
import { fftjsTransform } from './fftjs-transform.js';

/** The name users opt in with. */
export const FFTJS_BACKEND = 'fftjs';

/**
 * The options the implementations act on. A call with any other option of `fft` (`n`,
 * `overwriteX`, `workers`, `plan`) is not understood, so dispatch passes it to the next
 * candidate instead of letting this backend ignore it.
 */
const OPTIONS = ['axis', 'norm'];

export const fftjsBackend = defineBackend({
  name: FFTJS_BACKEND,
  kinds: ['host'],
  functions: [
    // The implementations take NDArray only (canRun lets nothing else through), so their
    // signature is narrower than the multimethods' and is cast to it.
    implement(fft, fftjsTransform(false) as Implementation<typeof fft>, { options: OPTIONS }),
    implement(ifft, fftjsTransform(true) as Implementation<typeof ifft>, { options: OPTIONS }),
  ],
  canRun,
});
