/**
 * CPU FFT kernels of @sciport/fft (float64).
 *
 * - `complexPlan(n)`: complex FFT of any length n >= 1, in place on interleaved data.
 * - `realPlan(n)`: real-to-half-complex forward / half-complex-to-real backward.
 * - `r2rPlan(kind, type, n, options)`: DCT/DST types 1-4 with SciPy's norm/orthogonalize.
 *
 * Plans are cached per length (and per options for r2r), hold their own scratch, and are
 * not re-entrant (JavaScript is single-threaded; each worker has its own module copy).
 * Invalid lengths throw InvalidArgumentError naming `n`.
 */
export { type ComplexPlan, complexPlan } from './complex-plan.js';
export { type RealPlan, realPlan } from './real-plan.js';
export { type R2RKind, type R2RNorm, type R2ROptions, type R2RPlan, type R2RType, r2rPlan } from './r2r-plan.js';
export { activeKernels, setWasmEnabled, wasmReady } from './wasm/runtime.js';
