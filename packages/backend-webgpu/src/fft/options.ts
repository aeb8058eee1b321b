import { InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import { runtime } from '../runtime.js';
import { planPasses } from './plan.js';
import { maxRadix } from './c2c.js';
import { describe } from '../namespace/core.js';
import type { FFTNorm } from './axis-transform.js';

/**
 * SciPy's argument rules for the fft functions (norm, n/axis, s/axes, workers, plan,
 * overwriteX), checked the same way the host implementation checks them so a call
 * fails alike on every backend.
 */

export interface FFTOptions1D {
  n?: number | null;
  axis?: number;
  norm?: FFTNorm | null;
  overwriteX?: boolean;
  workers?: number | null;
  plan?: null;
  backend?: string;
}

export interface FFTOptionsND {
  s?: number | readonly number[] | null;
  axes?: number | readonly number[] | null;
  norm?: FFTNorm | null;
  overwriteX?: boolean;
  workers?: number | null;
  plan?: null;
  backend?: string;
}

const COMMON = ['norm', 'overwriteX', 'workers', 'plan', 'backend'];
const KEYS_1D = [...COMMON, 'n', 'axis'];
const KEYS_ND = [...COMMON, 's', 'axes'];

function readOptions<T extends object>(options: unknown, known: readonly string[], fn: string): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw new InvalidArgumentError(`${fn}: options must be a plain object, got ${describe(options)}.`, {
      argument: 'options',
      hint: `Pass e.g. { ${known.slice(0, 3).join(', ')} }.`,
    });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(`${fn}: unknown option '${key}'.`, { argument: key, hint: `Valid options: ${known.join(', ')}.` });
    }
  }
  return options as Partial<T>;
}

function checkNorm(norm: unknown): FFTNorm {
  if (norm === undefined || norm === null) return 'backward';
  if (norm === 'backward' || norm === 'ortho' || norm === 'forward') return norm;
  throw new InvalidArgumentError(`Invalid norm value ${describe(norm)}.`, {
    argument: 'norm',
    hint: 'Use "backward", "ortho" or "forward" (or leave it unset for "backward").',
  });
}

function checkCommon(o: { norm?: unknown; workers?: unknown; plan?: unknown; overwriteX?: unknown }): FFTNorm {
  if (o.plan !== undefined && o.plan !== null) {
    throw new NotSupportedError('Passing a precomputed plan is not supported by sciport.fft functions (nor by SciPy).', {
      argument: 'plan',
      hint: 'Leave plan unset; the WebGPU backend caches its plans per length.',
    });
  }
  if (o.overwriteX !== undefined && typeof o.overwriteX !== 'boolean') {
    throw new InvalidArgumentError(`overwriteX must be a boolean, got ${describe(o.overwriteX)}.`, { argument: 'overwriteX', hint: 'Pass true or false.' });
  }
  const w = o.workers;
  if (w !== undefined && w !== null) {
    if (typeof w !== 'number' || !Number.isInteger(w)) {
      throw new InvalidArgumentError(`workers must be an integer, got ${describe(w)}.`, { argument: 'workers', hint: 'Pass a positive count, or -1 for all CPUs.' });
    }
    if (w === 0) throw new InvalidArgumentError('workers must not be zero.', { argument: 'workers', hint: 'Pass a positive count, or -1 for all CPUs.' });
  }
  return checkNorm(o.norm);
}

function checkInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError(`${name} must be an integer or a list of integers, got ${describe(value)}.`, {
      argument: name,
      hint: `Pass ${name} as whole numbers.`,
    });
  }
  return value;
}

function normalizeAxis(axis: unknown, ndim: number, name = 'axis'): number {
  const a = checkInteger(axis, name);
  if (a < -ndim || a >= ndim) {
    throw new InvalidArgumentError(
      ndim === 0 ? `${name} ${a} is out of bounds: the input is 0-dimensional (a scalar).` : `${name} ${a} is out of bounds for an array of dimension ${ndim}.`,
      { argument: name, hint: ndim === 0 ? 'Pass an array with at least one dimension.' : `Use an axis in [${-ndim}, ${ndim - 1}].` },
    );
  }
  return a < 0 ? a + ndim : a;
}

export interface Plan1D {
  readonly axis: number;
  /** Output length along the axis (undefined: the input's). */
  readonly n: number | undefined;
  readonly norm: FFTNorm;
}

export function plan1D(shape: readonly number[], options: unknown, fn: string): Plan1D {
  const o = readOptions<FFTOptions1D>(options, KEYS_1D, fn);
  const norm = checkCommon(o);
  const axis = normalizeAxis(o.axis ?? -1, shape.length);
  let n: number | undefined;
  if (o.n !== undefined && o.n !== null) {
    n = checkInteger(o.n, 'n');
    if (n < 1) throw new InvalidArgumentError(`Invalid number of data points (${n}) specified for n.`, { argument: 'n', hint: 'n must be at least 1.' });
  }
  return { axis, n, norm };
}

/** The axis length a transform works on; 0 is an error naming `x`. */
export function checkAxisLength(length: number, axis: number): void {
  if (length < 1) {
    throw new InvalidArgumentError(`Invalid number of data points (${length}) specified: axis ${axis} of x is empty.`, {
      argument: 'x',
      hint: 'Pass a non-empty array, or give n (or s) to zero-pad the axis.',
    });
  }
}

function intList(value: unknown, name: string): number[] {
  if (typeof value === 'number') return [checkInteger(value, name)];
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<unknown>, (v) => checkInteger(v, name));
  throw new InvalidArgumentError(`${name} must be an integer or a list of integers, got ${describe(value)}.`, {
    argument: name,
    hint: `Pass ${name} as a number or an array of numbers.`,
  });
}

export interface PlanND {
  readonly axes: number[];
  /** Requested output length per axis; undefined entries keep the input's. */
  readonly shape: (number | undefined)[];
  readonly norm: FFTNorm;
}

/**
 * SciPy's `_init_nd_shape_and_axes`. `defaultAxes` is what the `2` functions use
 * ([-2, -1]) when neither s nor axes is given.
 */
export function planND(inShape: readonly number[], options: unknown, fn: string, defaultAxes?: readonly number[]): PlanND {
  const o = readOptions<FFTOptionsND>(options, KEYS_ND, fn);
  const norm = checkCommon(o);
  const ndim = inShape.length;
  const noShape = o.s === undefined || o.s === null;
  const axesInput = o.axes === undefined ? defaultAxes : o.axes;
  const noAxes = axesInput === undefined || axesInput === null;
  let axes: number[] = [];
  if (!noAxes) {
    axes = intList(axesInput, 'axes').map((a) => {
      if (a >= ndim || a < -ndim) {
        throw new InvalidArgumentError(`axes ${describe(axesInput)} exceeds the dimensionality of the input (${ndim}).`, {
          argument: 'axes',
          hint: `Use axes in [${-ndim}, ${ndim - 1}].`,
        });
      }
      return a < 0 ? a + ndim : a;
    });
    if (new Set(axes).size !== axes.length) {
      throw new InvalidArgumentError(`All axes must be unique, got ${describe(axesInput)}.`, { argument: 'axes', hint: 'Name each axis at most once.' });
    }
  }
  let shape: (number | undefined)[];
  if (!noShape) {
    const s = intList(o.s, 's');
    if (!noAxes && axes.length !== s.length) {
      throw new InvalidArgumentError(`When given, axes and s must have the same length (s has ${s.length}, axes ${axes.length}).`, {
        argument: 's',
        hint: 'Give one output length per transformed axis.',
      });
    }
    if (noAxes) {
      if (s.length > ndim) {
        throw new InvalidArgumentError(`s ${describe(o.s)} requires more axes than the input has (${ndim}).`, {
          argument: 's',
          hint: 'Give at most one length per axis of x.',
        });
      }
      axes = Array.from({ length: s.length }, (_, k) => ndim - s.length + k);
    }
    shape = axes.map((a, k) => (s[k] === -1 ? inShape[a] : s[k]));
    if (shape.some((v) => (v as number) < 1)) {
      throw new InvalidArgumentError(`Invalid number of data points ${describe(shape)} specified.`, {
        argument: 's',
        hint: 'Every output length must be at least 1 (or -1 to keep the input size).',
      });
    }
  } else {
    if (noAxes) axes = inShape.map((_, k) => k);
    shape = axes.map(() => undefined);
    const lengths = axes.map((a) => inShape[a]);
    if (lengths.some((v) => v < 1)) {
      throw new InvalidArgumentError(`Invalid number of data points ${describe(lengths)} specified: x is empty along a transformed axis.`, {
        argument: 'x',
        hint: 'Pass a non-empty array, or give s to zero-pad.',
      });
    }
  }
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
