import type { Runtime } from '../runtime.js';
import type { AllocationKind, PooledBuffer } from './pool.js';

/**
 * Errors a kernel can only detect on the device (a zero pivot, a NaN in the input) are
 * raised when the result is read: the kernel writes status words into a small buffer that
 * travels with the result's storage, and reading the result (toHost, toTypedArray) reads
 * those words first (settleChecks, deferred-checks.ts) and throws the error they describe.
 * LAPACK's INFO and cuSOLVER's `info` arrays report the same way, but leave the check to
 * the caller.
 */
export interface DeferredCheck {
  /** The status words (u32) the kernels write. */
  readonly status: Storage;
  readonly words: number;
  /** The error the words describe, or undefined when they say all is well. */
  errorFor(words: Uint32Array): Error | undefined;
}

/**
 * A pooled buffer shared by an array and its views. The buffer goes back to the pool
 * when the last array holding it is disposed (or garbage-collected).
 */
export class Storage {
  private refs = 1;
  /** Status words kernels left to be checked when this memory is read (see deferred-checks.ts). */
  readonly checks: DeferredCheck[] = [];

  constructor(
    readonly runtime: Runtime,
    readonly entry: PooledBuffer,
  ) {}

  static allocate(rt: Runtime, bytes: number, kind: AllocationKind = 'array'): Storage {
    return new Storage(rt, rt.pool.acquire(bytes, kind));
  }

  get buffer(): GPUBuffer {
    return this.entry.buffer;
  }

  get released(): boolean {
    return this.refs === 0;
  }

  retain(): void {
    this.refs += 1;
  }

  release(): void {
    if (this.refs === 0) return;
    this.refs -= 1;
    // A runtime whose device is gone has nothing to give back to.
    if (this.refs === 0 && this.runtime.alive) this.runtime.pool.release(this.entry);
    if (this.refs === 0) for (const check of this.checks.splice(0)) check.status.release();
  }
}
