/**
 * Option types and their validation, shared by every transform. The names and the
 * accepted values are SciPy's (camelCase); each wrong value throws a typed error that
 * names the option and says what would be accepted.
 */
import type { DispatchOptions } from '@sciport/dispatch-core';
import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { cpuCount } from './cpu-count.js';

/** SciPy's normalisation modes; `null`/`undefined` mean `'backward'`. */
export type FFTNorm = 'backward' | 'ortho' | 'forward';
export const FFT_NORMS: readonly FFTNorm[] = ['backward', 'ortho', 'forward'];

/** Options every scipy.fft transform takes. */
export interface CommonFFTOptions extends DispatchOptions {
  /** Normalisation mode (default `'backward'`: no scaling forward, 1/n on the inverse). */
  norm?: FFTNorm | null;
  /**
   * SciPy's `overwrite_x`: allows the input to be destroyed. The host implementation
   * never writes into the input (it always returns a new array), which SciPy permits.
   */
  overwriteX?: boolean;
  /**
   * SciPy's `workers` (a positive count, or negative to count back from the number of
   * CPUs). Validated as SciPy does and accepted as a hint: the host implementation is
   * single-threaded; use the cluster backend for parallel transforms.
   */
  workers?: number | null;
  /** SciPy's `plan`: precomputed plans are not supported (as in SciPy); only `null`/`undefined` is accepted. */
  plan?: null;
}

/** 1-D complex and real transforms: fft, ifft, rfft, irfft, hfft, ihfft. */
export interface FFTOptions extends CommonFFTOptions {
  /** Length of the transformed axis of the output (input zero-padded or truncated). */
  n?: number | null;
  /** Axis to transform (default -1, the last); negative counts from the end. */
  axis?: number;
}

/** n-D transforms: fft2, fftn, rfftn, hfftn and their inverses. */
export interface FFTNOptions extends CommonFFTOptions {
  /** Shape of the transformed axes of the output (`-1` keeps that axis's size). */
  s?: number | readonly number[] | null;
  /** Axes to transform (default: all, or the last `s.length`; the `2` forms default to [-2, -1]). */
  axes?: number | readonly number[] | null;
}

/** DCT/DST types. */
export type RealTransformType = 1 | 2 | 3 | 4;

interface R2ROptionsBase extends DispatchOptions {
  /** Transform type 1–4 (default 2). */
  type?: RealTransformType;
  norm?: FFTNorm | null;
  /** Scale the first/last terms so the transform matrix is orthogonal (default: `norm === 'ortho'`). */
  orthogonalize?: boolean | null;
  overwriteX?: boolean;
  workers?: number | null;
}
/** dct, idct, dst, idst. */
export interface DCTOptions extends R2ROptionsBase {
  n?: number | null;
  axis?: number;
}
/** dctn, idctn, dstn, idstn. */
export interface DCTNOptions extends R2ROptionsBase {
  s?: number | readonly number[] | null;
  axes?: number | readonly number[] | null;
}

/** fht, ifht. */
export interface FHTOptions extends DispatchOptions {
  /** Offset ln(k_c r_c) of the logarithmic grids (default 0). */
  offset?: number;
  /** Exponent q of the power-law bias (default 0). */
  bias?: number;
}

/** fhtoffset. */
export interface FHTOffsetOptions {
  /** Initial guess for the offset (default 0). */
  initial?: number;
  bias?: number;
}

const COMMON_KEYS = ['norm', 'overwriteX', 'workers', 'backend'];
export const FFT_KEYS: readonly string[] = [...COMMON_KEYS, 'plan', 'n', 'axis'];
export const FFTN_KEYS: readonly string[] = [...COMMON_KEYS, 'plan', 's', 'axes'];
export const DCT_KEYS: readonly string[] = [...COMMON_KEYS, 'type', 'orthogonalize', 'n', 'axis'];
export const DCTN_KEYS: readonly string[] = [...COMMON_KEYS, 'type', 'orthogonalize', 's', 'axes'];
export const FHT_KEYS: readonly string[] = ['offset', 'bias', 'backend'];

/**
 * The options object (or `{}`), after checking it is a plain object with known keys only:
 * array-api's check, so every sciport function words these errors alike.
 */
export { readOptions } from '@sciport/array-api';

export function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return String(value);
}

/** Validated norm (`null`/`undefined` → 'backward'). */
export function checkNorm(norm: unknown): FFTNorm {
  if (norm === undefined || norm === null) return 'backward';
  if (typeof norm === 'string' && (FFT_NORMS as readonly string[]).includes(norm)) return norm as FFTNorm;
  throw new InvalidArgumentError(`Invalid norm value ${describe(norm)}.`, {
    argument: 'norm',
    hint: 'Use "backward", "ortho" or "forward" (or leave it unset for "backward").',
  });
}

/**
 * The scale factor a transform of (logical) size `count` applies, as pocketfft's
 * `inorm`: forward transforms scale by 1, 1/sqrt(N), 1/N for backward/ortho/forward;
 * inverse transforms the other way round.
 */
export function normScale(norm: FFTNorm, forward: boolean, count: number): number {
  let inorm = norm === 'backward' ? 0 : norm === 'ortho' ? 1 : 2;
  if (!forward) inorm = 2 - inorm;
  return inorm === 0 ? 1 : inorm === 1 ? 1 / Math.sqrt(count) : 1 / count;
}

/** The "other direction" norm, as SciPy's `_swap_direction` (hfft/ihfft via irfft/rfft). */
export function swapDirection(norm: FFTNorm): FFTNorm {
  return norm === 'backward' ? 'forward' : norm === 'forward' ? 'backward' : 'ortho';
}

/**
 * SciPy's `workers` rules: null → default (1); 0 is an error; a negative value counts
 * back from the CPU count (-1 = all) and must not go below -cpuCount (see cpu-count.ts
 * for how the count is found in browsers and in Node). Returns the
 * resolved count (informational: the host implementation runs on one thread).
 */
export function checkWorkers(workers: unknown): number {
  if (workers === undefined || workers === null) return 1;
  if (typeof workers !== 'number' || !Number.isInteger(workers)) {
    throw new InvalidArgumentError(`workers must be an integer, got ${describe(workers)}.`, {
      argument: 'workers',
      hint: 'Pass a positive count, or -1 for all CPUs.',
    });
  }
  if (workers === 0) {
    throw new InvalidArgumentError('workers must not be zero.', {
      argument: 'workers',
      hint: 'Pass a positive count, or -1 for all CPUs.',
    });
  }
  if (workers > 0) return workers;
  const cpus = cpuCount();
  if (workers < -cpus) {
    throw new InvalidArgumentError(`workers value out of range; got ${workers}, must not be less than ${-cpus}.`, {
      argument: 'workers',
      hint: `This machine has ${cpus} CPU${cpus === 1 ? '' : 's'}; -1 means all of them.`,
    });
  }
  return workers + 1 + cpus;
}

export function checkPlan(plan: unknown): void {
  if (plan !== undefined && plan !== null) {
    throw new NotSupportedError('Passing a precomputed plan is not supported by sciport.fft functions (nor by SciPy).', {
      argument: 'plan',
      hint: 'Leave plan unset; the host implementation caches plans per length by itself.',
    });
  }
}

export function checkOverwrite(overwriteX: unknown): void {
  if (overwriteX !== undefined && typeof overwriteX !== 'boolean') {
    throw new InvalidArgumentError(`overwriteX must be a boolean, got ${describe(overwriteX)}.`, {
      argument: 'overwriteX',
      hint: 'Pass true or false.',
    });
  }
}

/** The checks SciPy makes on norm/workers/plan/overwrite_x; returns the norm. */
export function checkCommon(options: Partial<CommonFFTOptions>): FFTNorm {
  checkPlan(options.plan);
  checkOverwrite(options.overwriteX);
  checkWorkers(options.workers);
  return checkNorm(options.norm);
}

export function checkType(type: unknown): RealTransformType {
  if (type === undefined) return 2;
  if (type === 1 || type === 2 || type === 3 || type === 4) return type;
  throw new InvalidArgumentError(`Invalid DCT/DST type ${describe(type)}.`, {
    argument: 'type',
    hint: 'Use 1, 2, 3 or 4 (default 2).',
  });
}

/** `orthogonalize` resolved against its default (true exactly when norm is 'ortho'). */
export function checkOrthogonalize(orthogonalize: unknown, norm: FFTNorm): boolean {
  if (orthogonalize === undefined || orthogonalize === null) return norm === 'ortho';
  if (typeof orthogonalize !== 'boolean') {
    throw new InvalidArgumentError(`orthogonalize must be a boolean, got ${describe(orthogonalize)}.`, {
      argument: 'orthogonalize',
      hint: "Pass true, false, or leave it unset (true exactly when norm is 'ortho').",
    });
  }
  return orthogonalize;
}

/** A finite number (for fht's dln, mu, offset, bias). */
export function checkFinite(value: unknown, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`${name} must be a finite number, got ${describe(value)}.`, {
      argument: name,
      hint: `Pass ${name} as a real number.`,
    });
  }
  return value;
}
