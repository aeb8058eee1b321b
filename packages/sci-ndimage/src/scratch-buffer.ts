/**
 * One reusable scratch buffer for the spline coefficients. Fresh memory is expensive
 * (every page is faulted in and zeroed), and a resampling call needs a full-size
 * coefficient array that never leaves the call; keeping the last one (weakly, so the
 * garbage collector may still take it) lets repeated calls on images of the same size
 * skip that cost. Calls are synchronous, so one buffer in use at a time suffices.
 */
let cached: WeakRef<Float64Array> | null = null;

/** A Float64Array of `length` elements with unspecified contents, valid until the next call. */
export function scratchBuffer(length: number): Float64Array {
  const buffer = cached?.deref();
  if (buffer !== undefined && buffer.length >= length) return buffer.subarray(0, length);
  const fresh = new Float64Array(length);
  cached = new WeakRef(fresh);
  return fresh;
}
