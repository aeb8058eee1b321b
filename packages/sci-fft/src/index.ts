/**
 * @sciport/fft — scipy.fft for TypeScript.
 *
 * Every transform is a multimethod of domain `sciport.fft` with a host (CPU)
 * implementation in this package; helpers that are compositions of array operations
 * (fftshift, fftfreq…) run on any array namespace.
 *
 * @packageDocumentation
 */
export {
  FFT_DOMAIN,
  FFT_MULTIMETHODS,
  type HankelTransform,
  type Transform,
  dct,
  dctn,
  dst,
  dstn,
  fft,
  fft2,
  fftn,
  fht,
  hfft,
  hfft2,
  hfftn,
  idct,
  idctn,
  idst,
  idstn,
  ifft,
  ifft2,
  ifftn,
  ifht,
  ihfft,
  ihfft2,
  ihfftn,
  irfft,
  irfft2,
  irfftn,
  rfft,
  rfft2,
  rfftn,
} from './multimethods.js';
export {
  type AxesForm,
  defaultAxes,
  FFT_FUNCTIONS,
  type FFTFunction,
  fftFunction,
  fftNames,
  type TransformKind,
} from './table.js';
export { fhtoffset } from './fftlog/fftlog.js';
export { fftshift, ifftshift, type ShiftAxes, type ShiftOptions } from './helpers/shift.js';
export { fftfreq, rfftfreq, type FreqOptions } from './helpers/freq.js';
export { nextFastLen, prevFastLen } from './helpers/fast-len.js';
export type {
  CommonFFTOptions,
  DCTNOptions,
  DCTOptions,
  FFTNOptions,
  FFTNorm,
  FFTOptions,
  FHTOffsetOptions,
  FHTOptions,
  RealTransformType,
} from './options.js';
export {
  explain,
  registerBackend,
  setBackend,
  setGlobalBackend,
  skipBackend,
  trace,
  unregisterBackend,
  withBackend,
  type BackendRef,
  type GlobalBackendOptions,
  type ScopeOptions,
} from './backend.js';
