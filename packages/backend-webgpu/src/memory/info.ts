import { runtime } from '../runtime.js';
import type { MemoryInfo } from './pool.js';

/** Exact accounting of GPU memory held by this package on the open device. */
export function memoryInfo(): MemoryInfo {
  return runtime().pool.info();
}

/** Destroy pooled (free) buffers, keeping at most `keepBytes`. */
export function trimPool(keepBytes = 0): void {
  runtime().pool.trim(keepBytes);
}

/** Restart peak tracking from the current usage. */
export function resetPeakMemory(): void {
  runtime().pool.resetPeak();
}

/** Cap on free bytes kept for reuse (default 256 MiB); lowering it trims at once. */
export function setPoolLimit(maxPooledBytes: number): void {
  const pool = runtime().pool;
  pool.maxPooledBytes = maxPooledBytes;
  pool.trim(maxPooledBytes);
}

/** Drop cached FFT plans (twiddle and chirp tables). */
export function clearPlanCache(): void {
  const rt = runtime();
  for (const entry of rt.plans.values()) entry.dispose();
  rt.plans.clear();
}
