/**
 * fft and ifft of a complex128 NDArray along one axis whose length is a power of two ≥ 2,
 * by fft.js (a radix-4 FFT on interleaved complex Float64 data). The manifest's `canRun`
 * has already checked all of that; see can-run.ts.
 */
import { asarray, moveaxis, NDArray } from '@sciport/array-api';
import type { FFTOptions } from '@sciport/fft';
import FFT from 'fft.js';

/** fft.js plans by size: its twiddle table is built once per length. */
const plans = new Map<number, FFT>();

function planFor(size: number): FFT {
  let plan = plans.get(size);
  if (plan === undefined) {
    plan = new FFT(size);
    plans.set(size, plan);
  }
  return plan;
}

/**
 * The factor SciPy's `norm` puts on a transform of length n: 'backward' scales the inverse
 * by 1/n, 'forward' the forward one, 'ortho' both by 1/√n. fft.js's inverse already divides
 * by n, so the inverse's factor is relative to that.
 */
function scale(norm: FFTOptions['norm'], inverse: boolean, n: number): number {
  if (norm === 'ortho') return inverse ? n / Math.sqrt(n) : 1 / Math.sqrt(n);
  if (norm === 'forward') return inverse ? n : 1 / n;
  return 1; // 'backward' (the default): fft unscaled, ifft by 1/n — what fft.js does
}

/** The implementation of `fft` (inverse false) or `ifft` (inverse true) on this backend. */
export function fftjsTransform(inverse: boolean) {
  return (x: NDArray, options?: FFTOptions): NDArray => {
    const axis = options?.axis ?? -1;
    // Lines along the last axis, contiguous: (re, im) pairs, n of them per line.
    const lines = moveaxis(x, axis, -1);
    const n = lines.shape[lines.ndim - 1]!;
    const input = lines.toTypedArray() as Float64Array;
    const output = new Float64Array(input.length);
    const plan = planFor(n);
    const lineIn = plan.createComplexArray();
    const lineOut = plan.createComplexArray();
    const factor = scale(options?.norm, inverse, n);
    for (let start = 0; start < input.length; start += 2 * n) {
      for (let i = 0; i < 2 * n; i++) lineIn[i] = input[start + i];
      if (inverse) plan.inverseTransform(lineOut, lineIn);
      else plan.transform(lineOut, lineIn);
      for (let i = 0; i < 2 * n; i++) output[start + i] = lineOut[i] * factor;
    }
    const result = new NDArray(output, lines.shape, 'complex128');
    // Back to the caller's axis order, as a contiguous array like the default's result.
    return asarray(moveaxis(result, -1, axis), { copy: true });
  };
}
