// The sample calls of sciport.fft: every function on a 4×6 array.
import { FFT_DOMAIN, FFT_FUNCTIONS, FFT_MULTIMETHODS } from '@sciport/fft';
import { gridSample } from './samples.mjs';

export const fftCalls = {
  domain: FFT_DOMAIN,
  calls: FFT_FUNCTIONS.map((row) => {
    const fn = FFT_MULTIMETHODS[row.name];
    // fht's dln and mu.
    const args = row.kind === 'hankel' ? [0.1, 0.5] : [];
    return { name: row.name, fn, sample: gridSample, invoke: (x) => fn(x, ...args) };
  }),
};
