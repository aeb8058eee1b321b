/**
 * CPU FFT kernels of @sciport/fft (float64).
 *
 * - `complexPlan(n)`: complex FFT of any length n >= 1, in place on interleaved data.
 *   `execute(data, offset, forward, scale)` does one line; the batched entry point
 *   `executeMany(data, offset, count, lineStride, elemStride, forward, scale)` does
 *   `count` lines whose element j of line l is at data[offset + 2·(l·lineStride + j·elemStride)]
 *   (strides in complex elements, may be negative). Prefer executeMany for every axis of
 *   an n-D array: it is 2-4x faster than a loop of execute() for strided lines (columns)
 *   and for many short lines.
 * - `complexAlongAxes(data, shape, axes, forward, scale)`: complex FFT along several axes
 *   of a C-contiguous buffer in one call (fft2/fftn) — with wasm the buffer crosses into
 *   wasm memory once for all axes. `complexAlongAxesFrom(fill, out, …)` lets the caller
 *   write the input straight into that memory and puts the result in `out`.
 *   `realForwardAlongAxis`, `realBackwardAlongAxis` and `r2rAlongAxis` do the same for one
 *   axis of real transforms; `realSpectrumAlongAxis` gives the full complex spectrum of
 *   real lines (fft of real input) at real-FFT cost. `realAlongAxes` (the half spectrum of
 *   real data over several axes: rfftn, and fftn of real input before `completeSpectrum`
 *   adds the conjugate half) and `complexToRealAlongAxesFrom` (irfftn/hfftn) do the real
 *   axis and the complex ones in one wasm session.
 * - `realPlan(n)`: real-to-half-complex forward / half-complex-to-real backward, and
 *   `fullSpectrum` (all n complex values of a real line's FFT, by Hermitian symmetry).
 * - `r2rPlan(kind, type, n, options)`: DCT/DST types 1-4 with SciPy's norm/orthogonalize.
 *
 * Implementation: WebAssembly SIMD (f64x2, built from assembly/fft.ts) when the engine
 * supports it and the module is compiled — synchronously at import in Node, Deno, Bun and
 * web workers; asynchronously on a browser main thread (`await wasmReady` to be sure it
 * is in use); pure TypeScript otherwise (always correct, about half the speed).
 * `activeKernels()` tells which; `setWasmEnabled(false)` forces TypeScript.
 *
 * Plans are cached per length (and per options for r2r), hold their own scratch, and are
 * not re-entrant (JavaScript is single-threaded; each worker has its own module copy).
 * Invalid lengths throw InvalidArgumentError naming `n`.
 */
export {
  complexAlongAxes,
  complexAlongAxesFrom,
  complexToRealAlongAxesFrom,
  realAlongAxes,
  realBackwardAlongAxis,
  realForwardAlongAxis,
  realSpectrumAlongAxis,
} from './axis.js';
export { r2rAlongAxis } from './r2r-axis.js';
export { type Completion, completeSpectrum, expandSpectrum, type SpectrumPart } from './complete-spectrum.js';
export { type ComplexPlan, complexPlan } from './complex-plan.js';
export { type R2RKind, type R2RNorm, type R2ROptions, type R2RPlan, type R2RType, r2rPlan } from './r2r-plan.js';
export { type RealPlan, realPlan } from './real-plan.js';
export { activeKernels, setWasmEnabled, wasmReady } from './wasm/runtime.js';
