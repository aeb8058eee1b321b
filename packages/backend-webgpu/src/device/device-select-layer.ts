/**
 * Mesa's implicit Vulkan layer VK_LAYER_MESA_device_select (installed with Mesa's Vulkan
 * drivers) connects to the Wayland display while the Vulkan loader lists GPUs, to rank the
 * GPU that drives the screen first. Without XDG_RUNTIME_DIR (servers, CI, containers),
 * libwayland prints "error: XDG_RUNTIME_DIR is invalid or not set in the environment." on
 * stderr for every Dawn instance. Dawn ranks adapters itself, so the layer adds nothing
 * there: it is switched off with its own `NODEVICE_SELECT=1` while Dawn creates its Vulkan
 * instance (the loader loads layers only then), and the environment is restored at once.
 * A user who asked the layer to choose a GPU (DRI_PRIME, MESA_VK_DEVICE_SELECT) keeps it.
 */

type Env = Record<string, string | undefined>;

function nodeEnv(): Env | undefined {
  return (globalThis as { process?: { env?: Env } }).process?.env;
}

function layerWouldPrint(env: Env): boolean {
  const userChoseLayer = ['NODEVICE_SELECT', 'DRI_PRIME', 'MESA_VK_DEVICE_SELECT'].some((name) => env[name] !== undefined);
  return env.XDG_RUNTIME_DIR === undefined && !userChoseLayer;
}

/**
 * Run `createInstance` (a call into the `webgpu` package that creates Dawn's Vulkan
 * instance synchronously, e.g. `gpu.requestAdapter()`) with the device-select layer off.
 */
export function withoutDeviceSelectLayer<T>(createInstance: () => T): T {
  const env = nodeEnv();
  if (env === undefined || !layerWouldPrint(env)) return createInstance();
  env.NODEVICE_SELECT = '1';
  try {
    return createInstance();
  } finally {
    delete env.NODEVICE_SELECT;
  }
}
