/**
 * The one size check of every filter's window (a `size`, a footprint or weights, a
 * Gaussian kernel of radius ⌊truncate·σ + ½⌋, a generic filter's line): refused with a
 * ShapeError naming the argument, before anything is allocated, when a buffer the filter
 * needs could not exist. A filter keeps, in float64, the window itself (weights, or the
 * values it gathers), each input line extended by the window (n + w − 1 values), and for
 * a footprint or an n-D kernel the whole input padded by it. Each must hold at most
 * 2^31 − 1 elements (array-api's limit) and fit in one ArrayBuffer on this engine.
 * Anything smaller is computed, even a window far longer than the input, as SciPy does.
 */
import { MAX_SIZE } from '@sciport/array-api';
import { describe, maxBufferBytes } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';

const FLOAT64_BYTES = 8;

export interface WindowLimitOptions {
  /**
   * The window is held whole (a footprint, n-D weights, a stack of windows): its element
   * count and the padded input count too, not only its length along each axis.
   */
  readonly dense?: boolean;
  /** What to say instead of the default hint. */
  readonly hint?: string;
}

/**
 * Refuses a window of `window` elements per axis over an input of `inputShape` (the same
 * axes, in the same order) whose buffers could not be allocated; `argument` names the
 * option that set it.
 */
export function checkWindow(window: readonly number[], inputShape: readonly number[], argument: string, options: WindowLimitOptions = {}): void {
  const hint = options.hint ?? `Choose a smaller ${argument}.`;
  const refuse = (what: string, count: number): never => {
    throw new ShapeError(`'${argument}' asks for ${what} of ${describe(count)} float64 values, more than one buffer can hold.`, {
      argument,
      hint,
    });
  };
  // `<=` is false for NaN too
  const fits = (count: number): boolean => count <= MAX_SIZE && count * FLOAT64_BYTES <= maxBufferBytes();
  let total = 1;
  let padded = 1;
  for (let d = 0; d < window.length; d++) {
    const w = window[d];
    const line = inputShape[d] + w - 1;
    if (!fits(w)) refuse('a window', w);
    if (!fits(line)) refuse('an extended line', line);
    total *= w;
    padded *= Math.max(line, 0);
  }
  if (options.dense === true) {
    if (!fits(total)) refuse('a window', total);
    if (!fits(padded)) refuse('a padded input', padded);
  }
}
