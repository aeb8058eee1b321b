/**
 * When this backend takes a call, and why it declines the others. fft.js transforms complex
 * Float64 data whose length is a power of two ≥ 2; anything else is declined with the reason,
 * and dispatch tries the next candidate — the default implementation, for host arrays — so
 * opting in never changes what a call accepts, refuses or returns (beyond rounding).
 * Invalid options are declined too: the default then raises SciPy's error for them.
 */
import { NDArray } from '@sciport/array-api';
import type { MultimethodInfo } from '@sciport/dispatch-core';

const NORMS = new Set<unknown>([undefined, null, 'backward', 'ortho', 'forward']);

const isPowerOfTwo = (n: number) => n >= 2 && (n & (n - 1)) === 0;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `true` when fft.js can run `fft(x, options)` / `ifft(x, options)`, else why not. */
export function canRun(_fn: MultimethodInfo, args: readonly unknown[]): true | string {
  const [x, options = {}] = args;
  if (!(x instanceof NDArray)) return 'fft.js takes NDArray input only (pass asarray(x, { dtype: "complex128" }))';
  if (x.dtype !== 'complex128') return `fft.js transforms complex128 data; this input is ${x.dtype}`;
  if (x.ndim === 0) return 'fft.js needs at least one axis';
  if (!isPlainObject(options)) return 'the options are not a plain object (the default reports it)';
  const axis = options.axis ?? -1;
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -x.ndim || axis >= x.ndim) {
    return `axis ${String(axis)} is not an axis of the input (the default reports it)`;
  }
  if (!NORMS.has(options.norm)) return `norm ${String(options.norm)} is not one of SciPy's (the default reports it)`;
  const n = x.shape[axis < 0 ? x.ndim + axis : axis]!;
  if (!isPowerOfTwo(n)) return `fft.js needs a power-of-two length ≥ 2 along the axis; this one is ${n}`;
  return true;
}
