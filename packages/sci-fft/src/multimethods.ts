/**
 * The public transforms of `@sciport/fft`: each is a multimethod of domain
 * `sciport.fft` (stable id `sciport.fft.<name>`) whose default implementation is the
 * host (CPU) code of this package. Backends (WebGPU, cluster, anyone's) implement the
 * same ids; dispatch picks one per call (see @sciport/dispatch-core).
 */
import type { ArrayInput, ArrayOf, NDArray } from '@sciport/array-api';
import { type BrandedArray, type Multimethod, multimethod } from '@sciport/dispatch-core';
import { fhtHost, ifhtHost } from './fftlog/fftlog.js';
import type { DCTNOptions, DCTOptions, FFTNOptions, FFTOptions, FHTOptions } from './options.js';
import { fft2Host, fftHost, fftnHost, ifft2Host, ifftHost, ifftnHost } from './transforms/complex.js';
import {
  hfft2Host,
  hfftHost,
  hfftnHost,
  ihfft2Host,
  ihfftHost,
  ihfftnHost,
  irfft2Host,
  irfftHost,
  irfftnHost,
  rfft2Host,
  rfftHost,
  rfftnHost,
} from './transforms/real.js';
import {
  dctHost,
  dctnHost,
  dstHost,
  dstnHost,
  idctHost,
  idctnHost,
  idstHost,
  idstnHost,
} from './transforms/trig.js';

/** The domain every sciport.fft multimethod belongs to. */
export const FFT_DOMAIN = 'sciport.fft';

/**
 * A transform: host input (NDArray, TypedArray, nested arrays, scijs/stdlib ndarrays…)
 * gives an NDArray; an array of another kind (GPU, chunked) gives an array of that kind
 * from the backend that owns it (`ArrayOf` maps the kind to its array type).
 */
export type Transform<O> = <X extends ArrayInput | BrandedArray>(x: X, options?: O) => ArrayOf<X>;

/** fht / ifht: `(a, dln, mu, { offset, bias })`. */
export type HankelTransform = <X extends ArrayInput | BrandedArray>(a: X, dln: number, mu: number, options?: FHTOptions) => ArrayOf<X>;

function declare<O>(name: string, host: (x: unknown, options?: O) => NDArray): Multimethod<Transform<O>> {
  return multimethod<Transform<O>>({ domain: FFT_DOMAIN, name, dispatch: [0], default: host as Transform<O> });
}

export const fft = declare<FFTOptions>('fft', fftHost);
export const ifft = declare<FFTOptions>('ifft', ifftHost);
export const fft2 = declare<FFTNOptions>('fft2', fft2Host);
export const ifft2 = declare<FFTNOptions>('ifft2', ifft2Host);
export const fftn = declare<FFTNOptions>('fftn', fftnHost);
export const ifftn = declare<FFTNOptions>('ifftn', ifftnHost);

export const rfft = declare<FFTOptions>('rfft', rfftHost);
export const irfft = declare<FFTOptions>('irfft', irfftHost);
export const rfft2 = declare<FFTNOptions>('rfft2', rfft2Host);
export const irfft2 = declare<FFTNOptions>('irfft2', irfft2Host);
export const rfftn = declare<FFTNOptions>('rfftn', rfftnHost);
export const irfftn = declare<FFTNOptions>('irfftn', irfftnHost);

export const hfft = declare<FFTOptions>('hfft', hfftHost);
export const ihfft = declare<FFTOptions>('ihfft', ihfftHost);
export const hfft2 = declare<FFTNOptions>('hfft2', hfft2Host);
export const ihfft2 = declare<FFTNOptions>('ihfft2', ihfft2Host);
export const hfftn = declare<FFTNOptions>('hfftn', hfftnHost);
export const ihfftn = declare<FFTNOptions>('ihfftn', ihfftnHost);

export const dct = declare<DCTOptions>('dct', dctHost);
export const idct = declare<DCTOptions>('idct', idctHost);
export const dst = declare<DCTOptions>('dst', dstHost);
export const idst = declare<DCTOptions>('idst', idstHost);
export const dctn = declare<DCTNOptions>('dctn', dctnHost);
export const idctn = declare<DCTNOptions>('idctn', idctnHost);
export const dstn = declare<DCTNOptions>('dstn', dstnHost);
export const idstn = declare<DCTNOptions>('idstn', idstnHost);

export const fht = multimethod<HankelTransform>({
  domain: FFT_DOMAIN,
  name: 'fht',
  dispatch: [0],
  default: fhtHost as HankelTransform,
});
export const ifht = multimethod<HankelTransform>({
  domain: FFT_DOMAIN,
  name: 'ifht',
  dispatch: [0],
  default: ifhtHost as HankelTransform,
});

/** Every multimethod of the domain by name (for capability tables and conformance). */
export const FFT_MULTIMETHODS = {
  fft,
  ifft,
  fft2,
  ifft2,
  fftn,
  ifftn,
  rfft,
  irfft,
  rfft2,
  irfft2,
  rfftn,
  irfftn,
  hfft,
  ihfft,
  hfft2,
  ihfft2,
  hfftn,
  ihfftn,
  dct,
  idct,
  dst,
  idst,
  dctn,
  idctn,
  dstn,
  idstn,
  fht,
  ifht,
} as const;
