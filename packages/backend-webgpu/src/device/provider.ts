import { DeviceError, InvalidArgumentError } from '@sciport/dispatch-core';
import { withoutDeviceSelectLayer } from './device-select-layer.js';

/**
 * The device provider: finds a `GPU` (navigator.gpu in browsers and Deno, the optional
 * `webgpu` package in Node), opens one device with the limits the kernels want, and
 * watches it. A lost device turns into a typed error on the next call; `initWebGPU()`
 * opens a fresh one.
 */

export type Float64Policy = 'error' | 'downcast';

export interface InitWebGPUOptions {
  /** Use this `GPU` object instead of looking one up (e.g. `navigator.gpu` of a worker). */
  readonly gpu?: GPU;
  /** Adopt an existing device (shared with other WebGPU code). Not destroyed by `destroyWebGPU()`. */
  readonly device?: GPUDevice;
  readonly powerPreference?: GPUPowerPreference;
  /**
   * Node only: flags for the `webgpu` package's `create()` (Dawn toggles, e.g. `backend=vulkan`).
   * Default: `['enable-dawn-features=disable_workgroup_init']` — every kernel here writes its
   * workgroup memory before reading it, and Dawn's zero-fill makes software adapters take
   * seconds per pipeline.
   */
  readonly dawnFlags?: readonly string[];
  /**
   * What to do with float64/complex128 input (WGSL has no f64): `'error'` (default) declines it
   * with the reason; `'downcast'` converts it to float32/complex64 on upload.
   */
  readonly float64?: Float64Policy;
}

export interface WebGPUInfo {
  /** Human-readable device name (vendor, architecture, description as the adapter reports them). */
  readonly name: string;
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean;
  readonly features: readonly string[];
  readonly shaderF16: boolean;
  readonly timestampQuery: boolean;
  readonly limits: {
    readonly maxStorageBufferBindingSize: number;
    readonly maxBufferSize: number;
    readonly maxComputeWorkgroupSizeX: number;
    readonly maxComputeInvocationsPerWorkgroup: number;
    readonly maxComputeWorkgroupStorageSize: number;
    readonly maxComputeWorkgroupsPerDimension: number;
    readonly maxStorageBuffersPerShaderStage: number;
  };
}

/** One opened device. Arrays remember the context they were made on. */
export interface GPUContext {
  readonly device: GPUDevice;
  readonly info: WebGPUInfo;
  /** Increments with every device opened; an array from an older one is stale. */
  readonly generation: number;
  readonly owned: boolean;
  /** Validation errors reported by the device and not yet surfaced to the user. */
  readonly pendingErrors: string[];
  /** Readbacks in flight: the device is destroyed only after they settle. */
  readonly pendingReads: Set<Promise<unknown>>;
  /** Why this context ended (lost, destroyed, replaced); undefined while it is open. */
  endReason: string | undefined;
}

interface ProviderState {
  current: GPUContext | undefined;
  /** Why the last device went away (lost or destroyed), for the next call's error. */
  lostReason: string | undefined;
  generation: number;
  gpu: GPU | undefined;
  float64: Float64Policy;
  initializing: Promise<GPUContext> | undefined;
  /** The last destroyWebGPU()'s teardown (a new device opens only after it). */
  teardown: Promise<void>;
}

const state: ProviderState = {
  current: undefined,
  lostReason: undefined,
  generation: 0,
  gpu: undefined,
  float64: 'error',
  initializing: undefined,
  teardown: Promise.resolve(),
};

const DEFAULT_DAWN_FLAGS = ['enable-dawn-features=disable_workgroup_init'];

const listeners = new Set<(ctx: GPUContext) => void>();

/** Called when a context goes away, so caches tied to its device are dropped. */
export function onContextEnd(listener: (ctx: GPUContext) => void): void {
  listeners.add(listener);
}

function endContext(ctx: GPUContext, reason: string): void {
  if (state.current !== ctx) return;
  state.current = undefined;
  state.lostReason = reason;
  ctx.endReason = reason;
  for (const listener of listeners) listener(ctx);
}

/**
 * Load the `webgpu` package in Node. The specifier is a variable so bundlers leave this
 * import alone: browser builds never reach it (navigator.gpu is found first).
 */
async function loadNodeGPU(flags: readonly string[]): Promise<GPU | undefined> {
  const isNode =
    typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
  if (!isNode) return undefined;
  const specifier = 'webgpu';
  let mod: { create?: (flags: string[]) => GPU };
  try {
    mod = await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
  } catch (error) {
    throw new DeviceError('WebGPU is not available: this is Node and the `webgpu` package could not be loaded.', {
      argument: 'gpu',
      hint: 'Install it next to @sciport/backend-webgpu (`npm install webgpu`), or pass { gpu } to initWebGPU().',
      cause: error,
    });
  }
  if (typeof mod.create !== 'function') {
    throw new DeviceError('The `webgpu` package loaded but has no create() function.', {
      argument: 'gpu',
      hint: 'Install webgpu 0.6 or later.',
    });
  }
  return mod.create([...flags]);
}

async function findGPU(options: InitWebGPUOptions): Promise<GPU> {
  if (options.gpu) return options.gpu;
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  if (state.gpu) return state.gpu;
  const nodeGPU = await loadNodeGPU(options.dawnFlags ?? DEFAULT_DAWN_FLAGS);
  if (nodeGPU) {
    state.gpu = nodeGPU;
    return nodeGPU;
  }
  throw new DeviceError('WebGPU is not available here: navigator.gpu is undefined.', {
    argument: 'gpu',
    hint:
      'Use a browser with WebGPU enabled (pages must be served from https or localhost), Deno with ' +
      '--unstable-webgpu where needed, or Node with the `webgpu` package installed.',
  });
}

function describeAdapter(adapter: GPUAdapter | undefined, device: GPUDevice): WebGPUInfo {
  const info = (adapter?.info ?? (device as { adapterInfo?: GPUAdapterInfo }).adapterInfo) as
    | Partial<GPUAdapterInfo>
    | undefined;
  const vendor = info?.vendor ?? '';
  const architecture = info?.architecture ?? '';
  const description = info?.description ?? '';
  const name = [vendor, architecture, description].filter((s) => s && s.length > 0).join(' ') || 'unknown WebGPU adapter';
  const features = [...device.features].map(String).sort();
  const l = device.limits;
  return {
    name,
    vendor,
    architecture,
    description,
    isFallbackAdapter: Boolean((info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter),
    features,
    shaderF16: device.features.has('shader-f16'),
    timestampQuery: device.features.has('timestamp-query'),
    limits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
    },
  };
}

/** Ask for the adapter's own maxima of the limits the kernels depend on. */
function wantedLimits(adapter: GPUAdapter): Record<string, number> {
  const a = adapter.limits;
  return {
    maxStorageBufferBindingSize: a.maxStorageBufferBindingSize,
    maxBufferSize: a.maxBufferSize,
    maxComputeWorkgroupSizeX: a.maxComputeWorkgroupSizeX,
    maxComputeInvocationsPerWorkgroup: a.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkgroupStorageSize: a.maxComputeWorkgroupStorageSize,
    maxComputeWorkgroupsPerDimension: a.maxComputeWorkgroupsPerDimension,
    maxStorageBuffersPerShaderStage: a.maxStorageBuffersPerShaderStage,
  };
}

function watch(ctx: GPUContext): void {
  ctx.device.lost.then((info) => {
    const why = info.reason === 'destroyed' ? 'it was destroyed' : `it was lost (${info.message || info.reason})`;
    endContext(ctx, `The WebGPU device is gone: ${why}.`);
  });
  const onError = (event: GPUUncapturedErrorEvent) => {
    ctx.pendingErrors.push(event.error?.message ?? String(event.error));
  };
  const device = ctx.device as GPUDevice & { addEventListener?: unknown };
  if (typeof device.addEventListener === 'function') {
    device.addEventListener('uncapturederror', onError as EventListener);
  } else {
    device.onuncapturederror = onError;
  }
}

async function open(options: InitWebGPUOptions): Promise<GPUContext> {
  await state.teardown;
  let device: GPUDevice;
  let adapter: GPUAdapter | undefined;
  if (options.device) {
    device = options.device;
  } else {
    const gpu = await findGPU(options);
    const adapterOptions = options.powerPreference ? { powerPreference: options.powerPreference } : undefined;
    // The `webgpu` package creates Dawn's Vulkan instance inside requestAdapter().
    const found = await (gpu === state.gpu
      ? withoutDeviceSelectLayer(() => gpu.requestAdapter(adapterOptions))
      : gpu.requestAdapter(adapterOptions));
    if (!found) {
      // A later initWebGPU() (e.g. after setting VK_ICD_FILENAMES) makes a fresh instance.
      if (gpu === state.gpu) state.gpu = undefined;
      throw new DeviceError('WebGPU found no adapter (requestAdapter() returned null).', {
        argument: 'gpu',
        hint:
          'In Node without a GPU, install a Vulkan driver: e.g. Debian `apt-get install chromium libvulkan1` and set ' +
          'VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json (SwiftShader).',
      });
    }
    adapter = found;
    const requiredFeatures: GPUFeatureName[] = [];
    for (const f of ['shader-f16', 'timestamp-query'] as GPUFeatureName[]) if (found.features.has(f)) requiredFeatures.push(f);
    device = await found.requestDevice({ requiredFeatures, requiredLimits: wantedLimits(found) });
  }
  state.generation += 1;
  const ctx: GPUContext = {
    device,
    info: describeAdapter(adapter, device),
    generation: state.generation,
    owned: !options.device,
    pendingErrors: [],
    pendingReads: new Set(),
    endReason: undefined,
  };
  watch(ctx);
  return ctx;
}

/**
 * Open the WebGPU device (once; later calls return the same one unless it was lost).
 * Everything else in this package is synchronous after this resolves.
 */
export async function initWebGPU(options: InitWebGPUOptions = {}): Promise<WebGPUInfo> {
  if (options.float64 !== undefined) setFloat64Policy(options.float64);
  if (state.current && !options.device) return state.current.info;
  if (state.initializing) return (await state.initializing).info;
  state.initializing = open(options);
  try {
    const ctx = await state.initializing;
    if (state.current && state.current !== ctx) endContext(state.current, 'The WebGPU device was replaced.');
    state.current = ctx;
    state.lostReason = undefined;
    return ctx.info;
  } finally {
    state.initializing = undefined;
  }
}

/** Whether a device is open and usable now. */
export function isWebGPUReady(): boolean {
  return state.current !== undefined;
}

/** The open device context, or a DeviceError saying why there is none and what to do. */
export function requireContext(): GPUContext {
  const ctx = state.current;
  if (ctx) return ctx;
  if (state.lostReason !== undefined) {
    throw new DeviceError(state.lostReason, {
      hint: 'Call `await initWebGPU()` to open a new device, then upload the data again (old GPUArrays are invalid).',
    });
  }
  throw new DeviceError('WebGPU is not initialized.', {
    hint: "Call `await initWebGPU()` once before using GPU arrays (import { initWebGPU } from '@sciport/backend-webgpu').",
  });
}

/** Information about the open device (name, features, limits). */
export function webgpuInfo(): WebGPUInfo {
  return requireContext().info;
}

/** The raw GPUDevice, for interop with other WebGPU code. */
export function getDevice(): GPUDevice {
  return requireContext().device;
}

/**
 * Shut WebGPU down: the package forgets the device at once (arrays on it become invalid and
 * reads still in flight reject with a DeviceError); the returned promise resolves once the
 * device this package opened is destroyed and Node may exit. Not awaiting it is safe: the
 * pending GPU work keeps Node running until the teardown is done.
 */
export function destroyWebGPU(): Promise<void> {
  const ctx = state.current;
  if (ctx) {
    endContext(ctx, 'WebGPU was shut down by destroyWebGPU().');
    const done = state.teardown.then(() => teardown(ctx));
    // A failed teardown is the caller's error; it must not keep the next device from opening.
    state.teardown = done.catch(() => undefined);
    return done;
  }
  return state.teardown;
}

/**
 * Destroy a device only when nothing is running on it: destroying it (or letting the process
 * exit) while submitted work or a mapAsync is still in flight makes Dawn's native threads
 * crash (SIGSEGV, SIGABRT) or deadlock. Then drop the `webgpu` instance, after its device,
 * so Node can exit.
 */
async function teardown(ctx: GPUContext): Promise<void> {
  // async: a device destroyed behind our back may throw instead of rejecting.
  const workDone = (async () => ctx.device.queue.onSubmittedWorkDone())();
  await Promise.allSettled([workDone, ...ctx.pendingReads]);
  if (ctx.owned) {
    ctx.device.destroy();
    await ctx.device.lost;
  }
  if (!state.current && !state.initializing) state.gpu = undefined;
}

export function setFloat64Policy(policy: Float64Policy): void {
  if (policy !== 'error' && policy !== 'downcast') {
    throw new InvalidArgumentError(`Unknown float64 policy '${String(policy)}'.`, {
      argument: 'float64',
      hint: "Use 'error' (decline float64 input) or 'downcast' (convert it to float32 on upload).",
    });
  }
  state.float64 = policy;
}

export function getFloat64Policy(): Float64Policy {
  return state.float64;
}
