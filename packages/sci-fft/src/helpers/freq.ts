/**
 * fftfreq / rfftfreq: the sample frequencies of a transform of length n with sample
 * spacing d. Values are computed as NumPy does (integer k times 1/(n·d)), so they match
 * SciPy bit for bit, then handed to the chosen namespace: host by default, or the one
 * given by `xp` / the namespace and device of `like` (SciPy's `xp=` / `device=`).
 */
import { type ArrayNamespace, arrayNamespace, type DType, hostNamespace, type NDArray } from '@sciport/array-api';
import { arrayKind, InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from '../options.js';
import { checkResultSize } from '../shape-axes.js';

export interface FreqOptions<A = unknown> {
  /** Sample spacing (default 1), SciPy's `d`; may also be given positionally, not both. */
  d?: number;
  /** Namespace of the result (default: the host namespace). */
  xp?: ArrayNamespace<A>;
  /** Device of the result, passed to `xp.asarray` (SciPy's `device=`). */
  device?: unknown;
  /** Put the result in the namespace (and on the device) of this array. */
  like?: A;
  /** 'float64' (default) or 'float32' (for namespaces without float64, such as WebGPU). */
  dtype?: DType;
}

const KEYS = ['d', 'xp', 'device', 'like', 'dtype'];

function checkN(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError(`n must be a positive integer (the window length), got ${describe(n)}.`, {
      argument: 'n',
      hint: 'Pass the number of samples, at least 1.',
    });
  }
  checkResultSize([n], 'n', false);
  return n;
}

/**
 * NumPy's rules for d: any real number but zero (NumPy divides by n·d and raises
 * ZeroDivisionError); ±Infinity and NaN are accepted and give NumPy's zeros / NaNs.
 */
function checkD(d: unknown): number {
  if (typeof d !== 'number' || d === 0) {
    throw new InvalidArgumentError(`d must be a non-zero number (the sample spacing), got ${describe(d)}.`, {
      argument: 'd',
      hint: 'Pass the spacing between samples, e.g. 1 / sampleRate.',
    });
  }
  return d;
}

function checkOptionKeys(options: unknown): FreqOptions<unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(`options must be a plain object, got ${describe(options)}.`, {
      argument: 'options',
      hint: `Pass e.g. { d: 0.1 }; valid options: ${KEYS.join(', ')}.`,
    });
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) {
      throw new InvalidArgumentError(`Unknown option '${key}'.`, { argument: key, hint: `Valid options: ${KEYS.join(', ')}.` });
    }
  }
  return options as FreqOptions<unknown>;
}

/**
 * `(d?, options?)` or `(options)`: d positionally (kept for compatibility with earlier
 * releases and NumPy's positional call) or as the option `d`, not both.
 */
function parseArgs<A>(dOrOptions: unknown, maybeOptions: unknown): [number, FreqOptions<A>] {
  if (typeof dOrOptions === 'object' && dOrOptions !== null) {
    if (maybeOptions !== undefined) {
      throw new InvalidArgumentError('Pass d either positionally or in the options object, with the options last.', {
        argument: 'd',
        hint: 'Use fftfreq(n, d, options) or fftfreq(n, { d, ...options }).',
      });
    }
    const options = checkOptionKeys(dOrOptions) as FreqOptions<A>;
    return [checkD(options.d !== undefined ? options.d : 1), options];
  }
  const options = (maybeOptions === undefined ? {} : checkOptionKeys(maybeOptions)) as FreqOptions<A>;
  if (dOrOptions !== undefined && options.d !== undefined) {
    throw new InvalidArgumentError('d was given twice: positionally and as an option.', {
      argument: 'd',
      hint: 'Give d once.',
    });
  }
  return [checkD(dOrOptions !== undefined ? dOrOptions : options.d !== undefined ? options.d : 1), options];
}

function finish<A>(values: Float64Array, options: FreqOptions<A>): unknown {
  const dtype = options.dtype ?? 'float64';
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new InvalidArgumentError(`dtype must be 'float64' or 'float32', got ${describe(dtype)}.`, {
      argument: 'dtype',
      hint: 'Frequencies are real floating-point values.',
    });
  }
  let xp: ArrayNamespace<any> = options.xp ?? hostNamespace;
  let device = options.device;
  if (options.like !== undefined) {
    if (arrayKind(options.like) === undefined) {
      throw new InvalidArgumentError('like must be an array (host, GPU or chunked).', {
        argument: 'like',
        hint: 'Pass an array whose namespace and device the result should share.',
      });
    }
    xp = arrayNamespace(options.like);
    device ??= (options.like as { device?: unknown }).device;
  }
  const data = dtype === 'float32' ? Float32Array.from(values) : values;
  const createOptions: { dtype: DType; device?: unknown } = { dtype };
  if (device !== undefined) createOptions.device = device;
  return xp.asarray(data, createOptions);
}

/** `fftfreq(n, d = 1, { xp, device, like, dtype })` or `fftfreq(n, { d, xp, device, like, dtype })`: [0, 1, …, ⌈n/2⌉-1, -⌊n/2⌋, …, -1] / (d·n). */
export function fftfreq(n: number, d?: number, options?: FreqOptions<NDArray>): NDArray;
export function fftfreq(n: number, options: FreqOptions<NDArray>): NDArray;
export function fftfreq<A>(n: number, d: number | undefined, options: FreqOptions<A>): A;
export function fftfreq<A>(n: number, options: FreqOptions<A>): A;
export function fftfreq<A>(n: number, dOrOptions?: number | FreqOptions<A>, maybeOptions?: FreqOptions<A>): unknown {
  const count = checkN(n);
  const [d, options] = parseArgs<A>(dOrOptions, maybeOptions);
  const val = 1 / (count * d);
  const out = new Float64Array(count);
  const positive = Math.floor((count - 1) / 2) + 1;
  for (let k = 0; k < positive; k++) out[k] = k * val;
  for (let k = positive; k < count; k++) out[k] = (k - count) * val;
  return finish(out, options);
}

/** `rfftfreq(n, d = 1, { xp, device, like, dtype })` or `rfftfreq(n, { d, xp, device, like, dtype })`: [0, 1, …, ⌊n/2⌋] / (d·n). */
export function rfftfreq(n: number, d?: number, options?: FreqOptions<NDArray>): NDArray;
export function rfftfreq(n: number, options: FreqOptions<NDArray>): NDArray;
export function rfftfreq<A>(n: number, d: number | undefined, options: FreqOptions<A>): A;
export function rfftfreq<A>(n: number, options: FreqOptions<A>): A;
export function rfftfreq<A>(n: number, dOrOptions?: number | FreqOptions<A>, maybeOptions?: FreqOptions<A>): unknown {
  const count = checkN(n);
  const [d, options] = parseArgs<A>(dOrOptions, maybeOptions);
  const val = 1 / (count * d);
  const out = new Float64Array(Math.floor(count / 2) + 1);
  for (let k = 0; k < out.length; k++) out[k] = k * val;
  return finish(out, options);
}
