/**
 * What a user's program does with the installed packages, the same in Node and in the browser:
 * fft, an ndimage filter and a linalg solve on host arrays, the same on the GPU (WebGPU), the fft on a
 * local cluster. Returns the measured differences from SciPy's results; the caller asserts them.
 */
import { asarray, type NDArray } from '@sciport/array-api';
import { chunked, cluster, isChunked, type LocalClusterOptions } from '@sciport/backend-cluster';
import { destroyWebGPU, type GPUArray, initWebGPU, isGPUArray, toDevice } from '@sciport/backend-webgpu';
import { lastDispatch, SciportError } from '@sciport/dispatch-core';
import { fft, fft2 } from '@sciport/fft';
import { solve } from '@sciport/linalg';
import { gaussianFilter, label } from '@sciport/ndimage';
import { expected } from './expected.js';

export interface GpuReport {
  /** false when this platform offers no WebGPU adapter; `declined` then names the error. */
  readonly available: boolean;
  readonly declined?: string;
  readonly declinedIsSciportError?: boolean;
  readonly backend?: string;
  readonly isGPUArray?: boolean;
  readonly fftRelativeError?: number;
  /** gaussianFilter on a GPUArray (a WGSL kernel): its error against SciPy. */
  readonly gaussianFilterRelativeError?: number;
  /** What label does with a GPUArray: the error's name (no GPU kernel yet). */
  readonly label?: string;
  /** solve on GPU arrays (LU in WGSL): its error against SciPy. */
  readonly solveRelativeError?: number;
}

export interface Report {
  readonly host: { readonly fft: number; readonly fft2: number; readonly gaussianFilter: number; readonly solve: number };
  readonly gpu: GpuReport;
  readonly cluster: {
    readonly chunkedResult: boolean;
    readonly fft2: number;
    readonly sharedMemory: boolean;
    readonly gaussianFilter: number;
  };
}

/** max |got − want| over max(1, max |want|): a relative error that tolerates zeros. */
function relativeError(got: ArrayLike<number>, want: readonly number[]): number {
  if (got.length !== want.length) return Number.POSITIVE_INFINITY;
  let err = 0;
  let scale = 1;
  for (let i = 0; i < want.length; i++) {
    err = Math.max(err, Math.abs(got[i]! - want[i]!));
    scale = Math.max(scale, Math.abs(want[i]!));
  }
  return err / scale;
}

function values(x: NDArray): ArrayLike<number> {
  return x.toTypedArray() as ArrayLike<number>;
}

/** The name of the error `run` throws, or 'no error'. */
function errorName(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}

async function gpuChecks(): Promise<GpuReport> {
  try {
    await initWebGPU();
  } catch (error) {
    return {
      available: false,
      declined: error instanceof Error ? error.name : String(error),
      declinedIsSciportError: error instanceof SciportError,
    };
  }
  try {
    const xg = toDevice(asarray(Float32Array.from(expected.signal)));
    const yg = fft(xg);
    const backend = lastDispatch()?.backend;
    const y = await yg.toHost();
    const image = toDevice(asarray(Float32Array.from(expected.image.flat()), { shape: [8, 8] }));
    const a = toDevice(asarray(Float32Array.from(expected.a.flat()), { shape: [3, 3] }));
    const b = toDevice(asarray(Float32Array.from(expected.b)));
    const smoothed = gaussianFilter(image, 1.5);
    const report: GpuReport = {
      available: true,
      backend,
      isGPUArray: isGPUArray(yg),
      fftRelativeError: relativeError(values(y), expected.fftSignal32),
      gaussianFilterRelativeError: relativeError(values(await smoothed.toHost()), expected.gaussianImage),
      label: errorName(() => label(image)),
      // linalg's signatures name host arrays; on GPU input the result is a GPUArray
      solveRelativeError: relativeError(values(await (solve(a, b) as unknown as GPUArray).toHost()), expected.solveAb),
    };
    for (const array of [xg, yg, image, smoothed, a, b]) array.dispose();
    return report;
  } finally {
    await destroyWebGPU();
  }
}

export async function runChecks(clusterOptions: LocalClusterOptions): Promise<Report> {
  const signal = asarray(expected.signal);
  const image = asarray(expected.image);
  const host = {
    fft: relativeError(values(fft(signal)), expected.fftSignal),
    fft2: relativeError(values(fft2(image)), expected.fft2Image),
    gaussianFilter: relativeError(values(gaussianFilter(image, 1.5)), expected.gaussianImage),
    solve: relativeError(values(solve(expected.a, expected.b)), expected.solveAb),
  };

  const gpu = await gpuChecks();

  const c = await cluster.local(clusterOptions);
  try {
    const xc = chunked(image, { chunks: [4, 4], cluster: c });
    const firstBlock = await c.get(await xc.blocks[0]!.ref);
    const yc = fft2(xc);
    const y = await yc.toHost();
    return {
      host,
      gpu,
      cluster: {
        chunkedResult: isChunked(yc),
        fft2: relativeError(values(y), expected.fft2Image),
        sharedMemory: typeof SharedArrayBuffer === 'function' && firstBlock.data.buffer instanceof SharedArrayBuffer,
        gaussianFilter: relativeError(values(await gaussianFilter(xc, 1.5).toHost()), expected.gaussianImage),
      },
    };
  } finally {
    await c.close();
  }
}
