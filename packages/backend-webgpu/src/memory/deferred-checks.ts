import { readBytes } from '../readback.js';
import type { Storage } from './storage.js';

/** Reads the status words of every check attached to `storage` (DeferredCheck, storage.ts); throws the first error they describe. */
export async function settleChecks(storage: Storage): Promise<void> {
  for (const check of storage.checks) {
    const bytes = await readBytes(storage.runtime, check.status.buffer, 0, check.words * 4);
    const error = check.errorFor(new Uint32Array(bytes));
    if (error !== undefined) throw error;
  }
}
