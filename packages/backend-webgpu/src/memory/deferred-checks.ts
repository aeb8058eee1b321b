import { readBytes } from '../readback.js';
import type { Storage } from './storage.js';

/**
 * Errors a kernel can only detect on the device (a zero pivot, a NaN in the input) are
 * raised when the result is read: the kernel writes status words into a small buffer that
 * travels with the result's storage, and reading the result (toHost, toTypedArray) reads
 * those words first and throws the error they describe. LAPACK's INFO and cuSOLVER's
 * `info` arrays report the same way, but leave the check to the caller.
 */
export interface DeferredCheck {
  /** The status words (u32) the kernels write. */
  readonly status: Storage;
  readonly words: number;
  /** The error the words describe, or undefined when they say all is well. */
  errorFor(words: Uint32Array): Error | undefined;
}

/** Reads the status words of every check attached to `storage`; throws the first error they describe. */
export async function settleChecks(storage: Storage): Promise<void> {
  for (const check of storage.checks) {
    const bytes = await readBytes(storage.runtime, check.status.buffer, 0, check.words * 4);
    const error = check.errorFor(new Uint32Array(bytes));
    if (error !== undefined) throw error;
  }
}
