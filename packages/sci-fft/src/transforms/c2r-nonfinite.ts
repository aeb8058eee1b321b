/**
 * irfft / hfft with NaN or ±Infinity in the input: the fast kernels compute the right
 * finite values, but which outputs are non-finite depends on the order of operations.
 * Each line whose result holds a non-finite value is recomputed in SciPy's own order
 * (see kernels/fftpack-real-backward.ts), so NaN and Infinity land exactly where SciPy's do.
 */
import type { NDArray } from '@sciport/array-api';
import { readInput } from '../buffers.js';
import { fftpackRealBackward } from '../kernels/fftpack-real-backward.js';

/** Whether every value is finite: one pass, the common case, before any line-by-line search. */
function allFinite(values: Float64Array | Float32Array): boolean {
  // v·0 is 0 for finite v and NaN for NaN and ±Infinity; any NaN makes a sum NaN (four
  // sums: independent additions run in parallel)
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = values.length - (values.length & 3);
  for (let i = 0; i < end; i += 4) {
    s0 += values[i] * 0;
    s1 += values[i + 1] * 0;
    s2 += values[i + 2] * 0;
    s3 += values[i + 3] * 0;
  }
  for (let i = end; i < values.length; i++) s0 += values[i] * 0;
  return s0 + s1 + s2 + s3 === 0;
}

function product(values: readonly number[]): number {
  return values.reduce((p, v) => p * v, 1);
}

/**
 * Fixes the non-finite lines of `out` (real, C-contiguous, `shape`, transformed along
 * `axis`), the c2r transform of `a` (conjugated first for hfft) times `scale`.
 */
export function matchSciPyNonFinite(a: NDArray, shape: readonly number[], axis: number, conjugate: boolean, scale: number, out: Float64Array | Float32Array): void {
  if (allFinite(out)) return;
  const n = shape[axis];
  const terms = (n >> 1) + 1;
  const outer = product(shape.slice(0, axis));
  const inner = product(shape.slice(axis + 1));
  let input: Float64Array | undefined;
  const line = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at = (j: number) => (o * n + j) * inner + i;
      let finite = true;
      for (let j = 0; j < n && finite; j++) finite = Number.isFinite(out[at(j)]);
      if (finite) continue;
      if (input === undefined) {
        const halfShape = [...shape];
        halfShape[axis] = terms;
        input = readInput(a, halfShape, { complex: true, conjugate });
      }
      const term = (k: number) => 2 * ((o * terms + k) * inner + i);
      // FFTPACK's packing: re0, re1, im1, re2, im2, …, re(n/2) for even n (imaginary parts of
      // the zero and Nyquist terms are not read)
      line[0] = input[term(0)];
      let j = 1;
      for (let k = 1; j < n - 1; j += 2, k++) {
        line[j] = input[term(k)];
        line[j + 1] = input[term(k) + 1];
      }
      if (j < n) line[j] = input[term(terms - 1)];
      // a finite line that overflowed is left as the fast kernels computed it
      if (line.every(Number.isFinite)) continue;
      fftpackRealBackward(line, scale);
      for (let k = 0; k < n; k++) out[at(k)] = line[k];
    }
  }
}
