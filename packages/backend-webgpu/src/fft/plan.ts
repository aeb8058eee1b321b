import { Storage } from '../memory/storage.js';
import type { Runtime } from '../runtime.js';

/**
 * FFT plans: how a length is split into passes, and the tables the kernels read. Tables
 * are computed in float64 on the host and rounded once to float32, cached per device and
 * length, and counted as `bytesCached` in memoryInfo().
 */

const SMALL = [4, 2, 3, 5, 7];

/** Small radices whose product is n (4s first), or undefined if n has a prime factor > 7. */
export function smallFactors(n: number): number[] | undefined {
  const out: number[] = [];
  let rest = n;
  for (const f of SMALL) {
    while (rest % f === 0) {
      out.push(f);
      rest /= f;
    }
  }
  return rest === 1 ? out : undefined;
}

export interface PassPlan {
  readonly radix: number;
  readonly subRadices: readonly number[];
}

/**
 * Group the small radices of n into passes whose radix fits one workgroup (`maxRadix`
 * elements), as few passes as possible. Returns undefined if n needs Bluestein.
 */
export function planPasses(n: number, maxRadix: number): PassPlan[] | undefined {
  const factors = smallFactors(n);
  if (!factors) return undefined;
  if (n === 1) return [];
  // Larger radices first packs tighter; 4s stay 4s (the cheapest butterfly per point).
  const sorted = [...factors].sort((a, b) => b - a);
  const passes: number[][] = [];
  for (const f of sorted) {
    const fit = passes.find((p) => p.reduce((a, b) => a * b, 1) * f <= maxRadix);
    if (fit) fit.push(f);
    else passes.push([f]);
  }
  return passes.map((sub) => ({ radix: sub.reduce((a, b) => a * b, 1), subRadices: sub }));
}

/** A cached GPU table; disposed when evicted or when the device goes away. */
export class TableEntry {
  constructor(
    readonly storage: Storage,
    readonly length: number,
  ) {}
  get buffer(): GPUBuffer {
    return this.storage.buffer;
  }
  dispose(): void {
    this.storage.release();
  }
}

const MAX_TABLES = 64;

/** Look up or build a complex64 table, keeping at most MAX_TABLES per device (LRU). */
export function cachedTable(rt: Runtime, key: string, build: () => Float32Array): TableEntry {
  const hit = rt.plans.get(key) as TableEntry | undefined;
  if (hit) {
    rt.plans.delete(key);
    rt.plans.set(key, hit);
    return hit;
  }
  const data = build();
  const storage = Storage.allocate(rt, data.byteLength, 'cache');
  rt.device.queue.writeBuffer(storage.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  const entry = new TableEntry(storage, data.length / 2);
  rt.plans.set(key, entry);
  if (rt.plans.size > MAX_TABLES) {
    const oldest = rt.plans.keys().next().value as string;
    rt.plans.get(oldest)!.dispose();
    rt.plans.delete(oldest);
  }
  return entry;
}

/** Split point S of the two-level twiddle table for length n. */
export function twiddleSplit(n: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(n)));
}

/** [LO_0 … LO_{S-1}, HI_0 … HI_{⌈n/S⌉-1}] with LO_j = W_n^j, HI_j = W_n^{jS}, W_n = exp(-2πi/n). */
export function twiddleTable(rt: Runtime, n: number): TableEntry {
  return cachedTable(rt, `twiddle:${n}`, () => {
    const S = twiddleSplit(n);
    const H = Math.ceil(n / S);
    const out = new Float32Array(2 * (S + H));
    const put = (slot: number, j: number) => {
      // Reduce j·(2π/n) exactly in integers first so large n keeps full accuracy.
      const r = j % n;
      const angle = (-2 * Math.PI * r) / n;
      out[2 * slot] = Math.cos(angle);
      out[2 * slot + 1] = Math.sin(angle);
    };
    for (let j = 0; j < S; j++) put(j, j);
    for (let j = 0; j < H; j++) put(S + j, j * S);
    return out;
  });
}
