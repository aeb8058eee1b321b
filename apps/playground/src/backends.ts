/**
 * The three kinds of array the playground can run a call on. Each is started on first use;
 * what it cannot start (no WebGPU in this browser) is reported, never replaced by the host.
 */
import type { NDArray } from '@sciport/array-api';
import { type ChunkedArray, chunked, cluster, isChunked } from '@sciport/backend-cluster';
import { initWebGPU, isGPUArray, toDevice, webgpuInfo } from '@sciport/backend-webgpu';

export type BackendName = 'host' | 'webgpu' | 'workers';

export interface Backend {
  readonly name: BackendName;
  /** What runs the calls, for the page. */
  readonly detail: string;
  /** The image as this backend's array (not timed: the upload is not the call). */
  upload(image: NDArray): unknown;
  /** Reads a result back to host memory (timed: it waits for the work to finish). */
  toHost(result: unknown): Promise<NDArray>;
  /** Frees device memory of arrays the playground no longer needs. */
  release(value: unknown): void;
}

const host: Backend = {
  name: 'host',
  detail: 'this browser thread (CPU)',
  upload: (image) => image,
  toHost: async (result) => result as NDArray,
  release: () => {},
};

async function startWebgpu(): Promise<Backend> {
  await initWebGPU();
  return {
    name: 'webgpu',
    detail: `WGSL on ${webgpuInfo()?.name ?? 'the WebGPU adapter'} (float32)`,
    upload: (image) => toDevice(image, { dtype: 'float32' }),
    toHost: (result) => (result as { toHost(): Promise<NDArray> }).toHost(),
    release: (value) => {
      if (isGPUArray(value)) value.dispose();
    },
  };
}

async function startWorkers(): Promise<Backend> {
  const workers = Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2));
  const pool = await cluster.local({ workers });
  return {
    name: 'workers',
    detail: `${workers} Web Workers, 2×2 chunks`,
    upload: (image) => chunked(image, { chunks: image.shape.map((n) => Math.max(1, Math.ceil(n / 2))), cluster: pool }),
    toHost: (result) => (result as ChunkedArray).toHost(),
    release: () => {},
  };
}

const started = new Map<BackendName, Promise<Backend>>([['host', Promise.resolve(host)]]);

/** The backend, started once; rejects with the reason it cannot start here. */
export function backend(name: BackendName): Promise<Backend> {
  let entry = started.get(name);
  if (entry === undefined) {
    entry = name === 'webgpu' ? startWebgpu() : startWorkers();
    started.set(name, entry);
  }
  return entry;
}

/** Progress events of a chunked result (long worker jobs report blocks done). */
export function onProgress(result: unknown, report: (done: number, total: number) => void): void {
  if (isChunked(result)) result.on('progress', ({ done, total }) => report(done, total));
}
