import {
  checkCommon,
  checkLengthOption,
  FFT_KEYS,
  FFTN_KEYS,
  type FFTNOptions,
  type FFTNorm,
  type FFTOptions,
  initRequestedShapeAndAxes,
  normalizeAxis,
  readOptions,
} from '@sciport/fft/backend-kit';
import { ShapeError } from '@sciport/dispatch-core';
import { runtime } from '../runtime.js';
import { planPasses } from './plan.js';
import { maxRadix } from './c2c.js';

/**
 * SciPy's argument rules for the fft functions, read with @sciport/fft's own checks
 * (backend-kit) so a call fails alike on every backend; only the device's buffer limit
 * is the GPU's own.
 */

export { checkAxisLength } from '@sciport/fft/backend-kit';

export interface Plan1D {
  readonly axis: number;
  /** Output length along the axis (undefined: the input's). */
  readonly n: number | undefined;
  readonly norm: FFTNorm;
}

export function plan1D(shape: readonly number[], options: unknown, fn: string): Plan1D {
  const o = readOptions(options as FFTOptions | undefined, FFT_KEYS, fn);
  const norm = checkCommon(o);
  const axis = normalizeAxis(o.axis ?? -1, shape.length);
  return { axis, n: checkLengthOption(o.n), norm };
}

export interface PlanND {
  readonly axes: number[];
  /** Requested output length per axis; undefined entries keep the input's. */
  readonly shape: (number | undefined)[];
  readonly norm: FFTNorm;
}

/**
 * SciPy's `_init_nd_shape_and_axes`. `defaultAxes` is what the `2` functions use
 * ([-2, -1]) when axes is not given.
 */
export function planND(inShape: readonly number[], options: unknown, fn: string, defaultAxes?: readonly number[]): PlanND {
  const o = readOptions(options as FFTNOptions | undefined, FFTN_KEYS, fn);
  const norm = checkCommon(o);
  const { axes, shape } = initRequestedShapeAndAxes(inShape, o.s, o.axes, defaultAxes);
  return { axes, shape, norm };
}

/**
 * Whether a transform of length n along `axis` fits the device: its complex64 output and,
 * for lengths that need Bluestein, the power-of-two work buffers. A ShapeError names the
 * argument that asked for it.
 */
export function checkTransformSize(x: { readonly shape: readonly number[] }, axis: number, n: number, argument: string): void {
  const limit = runtime().ctx.info.limits.maxStorageBufferBindingSize;
  let others = 1;
  x.shape.forEach((s, d) => {
    if (d !== axis) others *= s;
  });
  const smooth = n <= 2 ** 31 && planPasses(n, maxRadix(runtime())) !== undefined;
  const length = smooth ? n : 2 ** Math.ceil(Math.log2(2 * n - 1));
  const bytes = others * Math.max(n, length) * 8;
  if (!Number.isSafeInteger(n) || bytes > limit) {
    throw new ShapeError(
      `A transform of length ${n} on ${others} ${others === 1 ? 'row' : 'rows'} needs ${bytes} bytes of GPU buffer; this device allows ${limit} (maxStorageBufferBindingSize).`,
      { argument, hint: `Use a smaller ${argument}, split the batch, or compute on the host.` },
    );
  }
}
