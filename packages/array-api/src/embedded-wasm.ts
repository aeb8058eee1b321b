/**
 * Loads a WebAssembly module whose bytes are embedded as base64 in a source file, so that
 * loading needs no file system, fetch or bundler configuration. Every sciport package with
 * WebAssembly kernels (the matrix product here, @sciport/fft, @sciport/ndimage) loads
 * through this one function.
 *
 * Where synchronous compilation is allowed (Node, Deno, Bun, web workers) the module is
 * ready when the importing file has run; on a browser main thread (Chrome refuses
 * synchronous compiles of modules over 4 KB there) it is compiled asynchronously, and the
 * caller's TypeScript kernels answer until the returned promise resolves. Engines without
 * WebAssembly, or without SIMD128 (`validate` is false for these modules there), never call
 * `adopt`: the TypeScript kernels stay.
 */

/** The subset of the WebAssembly JS API used here (the ES lib has no WebAssembly types). */
interface WasmInstance {
  readonly exports: object;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance }>;
}

/** A module's linear memory, as its exports show it. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648, padding optional) to bytes; `atob` is not on every engine. */
export function decodeBase64(s: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s[len - 1] === '=') len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const v =
      (lookup[s.charCodeAt(i)] << 18) |
      (lookup[s.charCodeAt(i + 1)] << 12) |
      ((i + 2 < len ? lookup[s.charCodeAt(i + 2)] : 0) << 6) |
      (i + 3 < len ? lookup[s.charCodeAt(i + 3)] : 0);
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

/**
 * Instantiates the module in `base64` (no imports) and hands its exports to `adopt`, at most
 * once. Returns a promise that resolves when the exports were adopted or are known to be
 * unavailable; it never rejects.
 */
export function loadEmbeddedWasm(base64: string, adopt: (exports: object) => void): Promise<void> {
  const g = globalThis as { WebAssembly?: WasmApi; document?: unknown };
  const WA = g.WebAssembly;
  if (WA === undefined) return Promise.resolve();
  const bytes = decodeBase64(base64);
  if (!WA.validate(bytes)) return Promise.resolve();
  if (g.document === undefined) {
    let instance: WasmInstance | undefined;
    try {
      instance = new WA.Instance(new WA.Module(bytes), {});
    } catch {
      // synchronous compilation refused here: fall through to the asynchronous one
    }
    // adopt outside the try: an error of the caller's own must surface, not start a second compile
    if (instance !== undefined) {
      adopt(instance.exports);
      return Promise.resolve();
    }
  }
  return WA.instantiate(bytes, {}).then(
    (r) => adopt(r.instance.exports),
    () => undefined,
  );
}
