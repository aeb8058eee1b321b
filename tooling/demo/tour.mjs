// Part 1 of `pnpm demo`: SciPy's calls in TypeScript, and explain() saying why each call
// went where it did — including to a backend registered at run time.
import { asarray } from '@sciport/array-api';
import {
  ARRAY_BRAND,
  defineBackend,
  formatRecord,
  implement,
  NOT_CONVERTIBLE,
  registerBackend,
  trace,
  withBackend,
} from '@sciport/dispatch-core';
import { explain, fft, fftfreq, fftshift, irfft, rfft } from '@sciport/fft';
import { formatArray } from './format.mjs';


/** Prints the tour through `log(title, text)`. */
export function dispatchTour(log) {
  // 1. SciPy's calls, camelCase, keywords in one options object.
  const n = 8;
  const x = asarray(Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * 2 * i) / n)));
  log('fft(cos(2π·2t)) — energy at ±2', formatArray(fft(x)));
  log("rfft(x, { norm: 'ortho' })", formatArray(rfft(x, { norm: 'ortho' })));
  log('irfft(rfft(x)) round trip', formatArray(irfft(rfft(x), { n })));
  log('fftshift(fftfreq(8, 0.1)) — written once against the array namespace', formatArray(fftshift(fftfreq(8, 0.1))));

  // 2. Why did it run where it ran?
  log('explain(fft, x) on a host array', formatRecord(explain(fft, x)));

  // 3. A backend for another array kind registers itself (as importing
  //    @sciport/backend-webgpu or @sciport/backend-cluster does).
  class TaggedArray {
    constructor(host) {
      this.host = host;
      this.dtype = host.dtype;
      this.shape = host.shape;
      this[ARRAY_BRAND] = 'tagged';
    }
    async toHost() {
      return this.host;
    }
  }
  registerBackend(
    defineBackend({
      name: 'tagged',
      kinds: ['tagged'],
      functions: [implement(fft, (a, options) => new TaggedArray(fft(a.host, options)))],
      canRun: (_fn, [a]) => (a.dtype === 'float16' ? 'float16 not supported' : true),
      convert: (value, coerce) => (coerce && value?.[ARRAY_BRAND] === 'host' ? new TaggedArray(value) : NOT_CONVERTIBLE),
    }),
  );
  const tagged = new TaggedArray(x);
  log('fft(taggedArray) → the backend that owns the kind', formatRecord(explain(fft, tagged)));
  log(
    "withBackend('tagged', …, { coerce: true }) converts host input",
    formatRecord(withBackend('tagged', () => explain(fft, x), { coerce: true })),
  );
  try {
    rfft(tagged);
  } catch (error) {
    log('rfft(taggedArray): the backend lacks it, so dispatch refuses (no silent read-back)', error.message);
  }
  const { records } = trace(() => [fft(x), fft(tagged)]);
  log('trace() of two calls (the tagged implementation itself calls fft on host data)', records.map((r) => `${r.function} → ${r.chosen}`).join('\n'));
}
