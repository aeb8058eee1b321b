import { type GPUContext, onContextEnd, requireContext } from './device/provider.js';
import { BufferPool } from './memory/pool.js';

/**
 * Everything tied to one open device: its buffer pool, compiled pipelines and cached
 * plans. Dropped as a whole when the device goes away.
 */
export interface Runtime {
  readonly ctx: GPUContext;
  readonly device: GPUDevice;
  readonly pool: BufferPool;
  readonly pipelines: Map<string, GPUComputePipeline>;
  /** Plan caches (FFT twiddles, chirps) keyed by what they depend on. */
  readonly plans: Map<string, { dispose(): void }>;
  alive: boolean;
}

let current: Runtime | undefined;

onContextEnd((ctx) => {
  if (current?.ctx === ctx) {
    current.alive = false;
    current = undefined;
  }
});

/** The runtime of the open device (DeviceError if none). */
export function runtime(): Runtime {
  const ctx = requireContext();
  if (current?.ctx === ctx) return current;
  current = {
    ctx,
    device: ctx.device,
    pool: new BufferPool(ctx.device, Math.min(ctx.info.limits.maxBufferSize, ctx.info.limits.maxStorageBufferBindingSize)),
    pipelines: new Map(),
    plans: new Map(),
    alive: true,
  };
  return current;
}

/** The runtime if a device is open, without throwing. */
export function currentRuntime(): Runtime | undefined {
  return current;
}
