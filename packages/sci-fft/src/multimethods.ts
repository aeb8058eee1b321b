/**
 * The public transforms of `@sciport/fft`: each is a multimethod of domain
 * `sciport.fft` (stable id `sciport.fft.<name>`) whose default implementation is the
 * host (CPU) code of this package. Backends (WebGPU, cluster, anyone's) implement the
 * same ids; dispatch picks one per call (see @sciport/dispatch-core).
 */
import type { ArrayInput, ArrayOf, NDArray } from '@sciport/array-api';
import { type BrandedArray, declareFromTable, type Multimethod } from '@sciport/dispatch-core';
import { fhtHost, ifhtHost } from './fftlog/fftlog.js';
import type { DCTNOptions, DCTOptions, FFTNOptions, FFTOptions, FHTOptions } from './options.js';
import { FFT_TABLE } from './table.js';
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

export { FFT_DOMAIN } from './table.js';

/**
 * A transform: host input (NDArray, TypedArray, nested arrays, scijs/stdlib ndarrays…)
 * gives an NDArray; an array of another kind (GPU, chunked) gives an array of that kind
 * from the backend that owns it (`ArrayOf` maps the kind to its array type).
 */
export type Transform<O> = <X extends ArrayInput | BrandedArray>(x: X, options?: O) => ArrayOf<X>;

/** fht / ifht: `(a, dln, mu, { offset, bias })`. */
export type HankelTransform = <X extends ArrayInput | BrandedArray>(a: X, dln: number, mu: number, options?: FHTOptions) => ArrayOf<X>;

const table = declareFromTable(FFT_TABLE);

/**
 * Declare transform `name` of the table with its host implementation (which takes host
 * arrays only, so its signature is narrower than the transform's `F`).
 */
const declare = <F extends (...args: any[]) => any>(name: string, host: (...args: any[]) => NDArray) => table.declare(name, host as F);

export const fft = declare<Transform<FFTOptions>>('fft', fftHost);
export const ifft = declare<Transform<FFTOptions>>('ifft', ifftHost);
export const fft2 = declare<Transform<FFTNOptions>>('fft2', fft2Host);
export const ifft2 = declare<Transform<FFTNOptions>>('ifft2', ifft2Host);
export const fftn = declare<Transform<FFTNOptions>>('fftn', fftnHost);
export const ifftn = declare<Transform<FFTNOptions>>('ifftn', ifftnHost);

export const rfft = declare<Transform<FFTOptions>>('rfft', rfftHost);
export const irfft = declare<Transform<FFTOptions>>('irfft', irfftHost);
export const rfft2 = declare<Transform<FFTNOptions>>('rfft2', rfft2Host);
export const irfft2 = declare<Transform<FFTNOptions>>('irfft2', irfft2Host);
export const rfftn = declare<Transform<FFTNOptions>>('rfftn', rfftnHost);
export const irfftn = declare<Transform<FFTNOptions>>('irfftn', irfftnHost);

export const hfft = declare<Transform<FFTOptions>>('hfft', hfftHost);
export const ihfft = declare<Transform<FFTOptions>>('ihfft', ihfftHost);
export const hfft2 = declare<Transform<FFTNOptions>>('hfft2', hfft2Host);
export const ihfft2 = declare<Transform<FFTNOptions>>('ihfft2', ihfft2Host);
export const hfftn = declare<Transform<FFTNOptions>>('hfftn', hfftnHost);
export const ihfftn = declare<Transform<FFTNOptions>>('ihfftn', ihfftnHost);

export const dct = declare<Transform<DCTOptions>>('dct', dctHost);
export const idct = declare<Transform<DCTOptions>>('idct', idctHost);
export const dst = declare<Transform<DCTOptions>>('dst', dstHost);
export const idst = declare<Transform<DCTOptions>>('idst', idstHost);
export const dctn = declare<Transform<DCTNOptions>>('dctn', dctnHost);
export const idctn = declare<Transform<DCTNOptions>>('idctn', idctnHost);
export const dstn = declare<Transform<DCTNOptions>>('dstn', dstnHost);
export const idstn = declare<Transform<DCTNOptions>>('idstn', idstnHost);

export const fht = declare<HankelTransform>('fht', fhtHost);
export const ifht = declare<HankelTransform>('ifht', ifhtHost);

/**
 * Every multimethod of the domain by name (for capability tables, manifests and conformance),
 * in the table's order. Declaring them all above is checked by the package's tests.
 */
export const FFT_MULTIMETHODS: Readonly<Record<string, Multimethod<(...args: any[]) => any>>> = table.multimethods();
