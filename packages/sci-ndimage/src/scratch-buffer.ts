/**
 * Reusable scratch buffers for the interpolation functions. Fresh memory is expensive
 * (every page is faulted in and zeroed), and a call needs full-size arrays that never
 * leave it: the input converted to doubles, the spline coefficients, a result that is
 * then stored in a non-float64 output. The last buffer of each kind is kept (weakly, so
 * the garbage collector may still take it), and repeated calls on arrays of the same
 * size skip that cost. Calls are synchronous, so one buffer of each kind in use at a time
 * suffices; a caller that runs user code while it works (which may interpolate too) must
 * not use them.
 */
export type ScratchKind = 'input' | 'coefficients' | 'result';

const cache = new Map<ScratchKind, WeakRef<Float64Array>>();

/** A Float64Array of `length` elements with unspecified contents, valid until the next call for the same kind. */
export function scratchBuffer(kind: ScratchKind, length: number): Float64Array {
  const buffer = cache.get(kind)?.deref();
  if (buffer !== undefined && buffer.length >= length) return buffer.subarray(0, length);
  const fresh = new Float64Array(length);
  cache.set(kind, new WeakRef(fresh));
  return fresh;
}
