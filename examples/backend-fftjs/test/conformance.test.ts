import { claimedFunctions, hostFactory } from '@sciport/conformance';
import { fftSuite } from '@sciport/conformance/node';
import { FFT_DOMAIN, fft, setGlobalBackend } from '@sciport/fft';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asarray } from '@sciport/array-api';
import { lastDispatch } from '@sciport/dispatch-core';
import { FFTJS_BACKEND, fftjsBackend } from '../src/index.js';

// The fft suite on host arrays with fftjs chosen globally: the functions it claims (fft,
// ifft) against SciPy's fixtures, the properties and the bad input. Cases fft.js cannot do
// (other lengths and dtypes, `n`, invalid options) are declined and run on the default, so
// every case must pass either way: opting in changes no result.
describe('the fft suite with the fftjs backend chosen', () => {
  beforeAll(() => setGlobalBackend(FFTJS_BACKEND));
  afterAll(() => setGlobalBackend(null));

  it('routes a complex128 power-of-two transform to fft.js', () => {
    fft(asarray([1, 2, 3, 4], { dtype: 'complex128' }));
    expect(lastDispatch()?.backend).toBe(FFTJS_BACKEND);
  });

  fftSuite({ ...hostFactory, name: 'host (fftjs chosen)' }, { include: claimedFunctions(fftjsBackend, FFT_DOMAIN) });
});
