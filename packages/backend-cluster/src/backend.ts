/**
 * The 'cluster' backend: owns arrays of kind 'chunked' and implements @sciport/fft for them.
 * Registered when the package is imported; it never takes host arrays (they have no cluster).
 */
import { arrayKind, defineBackend, implement, NOT_CONVERTIBLE, registerBackend, type Verdict } from '@sciport/dispatch-core';
import * as fft from '@sciport/fft';
import { isChunked } from './chunked/chunked-array.js';
import { hankel, nD, oneD } from './fft/strategies.js';

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
  functions: [
    implement(fft.fft, oneD('fft')),
    implement(fft.ifft, oneD('ifft')),
    implement(fft.rfft, oneD('rfft')),
    implement(fft.irfft, oneD('irfft')),
    implement(fft.hfft, oneD('hfft')),
    implement(fft.ihfft, oneD('ihfft')),
    implement(fft.dct, oneD('dct', true)),
    implement(fft.idct, oneD('idct', true)),
    implement(fft.dst, oneD('dst', true)),
    implement(fft.idst, oneD('idst', true)),
    implement(fft.fft2, nD('fft2', 'c2c', 'fft', 'fft', true)),
    implement(fft.ifft2, nD('ifft2', 'c2c', 'ifft', 'ifft', true)),
    implement(fft.fftn, nD('fftn', 'c2c', 'fft', 'fft', false)),
    implement(fft.ifftn, nD('ifftn', 'c2c', 'ifft', 'ifft', false)),
    implement(fft.rfft2, nD('rfft2', 'r2c', 'rfft', 'fft', true)),
    implement(fft.irfft2, nD('irfft2', 'c2r', 'irfft', 'ifft', true)),
    implement(fft.rfftn, nD('rfftn', 'r2c', 'rfft', 'fft', false)),
    implement(fft.irfftn, nD('irfftn', 'c2r', 'irfft', 'ifft', false)),
    implement(fft.hfft2, nD('hfft2', 'c2r', 'hfft', 'fft', true)),
    implement(fft.ihfft2, nD('ihfft2', 'r2c', 'ihfft', 'ifft', true)),
    implement(fft.hfftn, nD('hfftn', 'c2r', 'hfft', 'fft', false)),
    implement(fft.ihfftn, nD('ihfftn', 'r2c', 'ihfft', 'ifft', false)),
    implement(fft.dctn, nD('dctn', 'r2r', 'dct', 'dct', false, true)),
    implement(fft.idctn, nD('idctn', 'r2r', 'idct', 'idct', false, true)),
    implement(fft.dstn, nD('dstn', 'r2r', 'dst', 'dst', false, true)),
    implement(fft.idstn, nD('idstn', 'r2r', 'idst', 'idst', false, true)),
    implement(fft.fht, hankel('fht')),
    implement(fft.ifht, hankel('ifht')),
  ],
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
