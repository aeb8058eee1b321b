/**
 * How large a buffer this engine lets one typed array have, so an operation whose working
 * buffer could not be allocated is refused with a ShapeError before anything is allocated
 * (NumPy/SciPy raise MemoryError; a JavaScript engine would throw a bare RangeError).
 *
 * Engines differ: V8 in Node 20 stops ArrayBuffers made by `Buffer` at 4 GiB, Firefox at
 * 8 GiB, V8's sandbox at 32 GiB. The limit is found once, without committing memory: a
 * resizable ArrayBuffer with `maxByteLength: L` only reserves address space, and the
 * engine refuses an `L` above its limit. Where resizable buffers are missing, 2 GiB is
 * assumed, which every engine with typed arrays allows.
 */

/** Largest buffer considered (also the most a complex128 array of 2^31-1 elements needs). */
const CEILING_BYTES = 2 ** 35;
/** Assumed where the engine cannot be asked. */
const FALLBACK_BYTES = 2 ** 31;

let maxBytes: number | undefined;

function probeMaxBytes(): number {
  if (typeof (ArrayBuffer.prototype as { resize?: unknown }).resize !== 'function') return FALLBACK_BYTES;
  const Resizable = ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ArrayBuffer;
  for (let bytes = CEILING_BYTES; bytes > FALLBACK_BYTES; bytes /= 2) {
    try {
      new Resizable(0, { maxByteLength: bytes });
      return bytes;
    } catch {
      // above this engine's limit (or no address space for it): try half
    }
  }
  return FALLBACK_BYTES;
}

/** The most bytes one ArrayBuffer may have on this engine (probed once). */
export function maxBufferBytes(): number {
  maxBytes ??= probeMaxBytes();
  return maxBytes;
}

/** Tests only: pretend the engine's limit is `bytes` (`undefined` probes again). */
export function setMaxBufferBytesForTesting(bytes: number | undefined): void {
  maxBytes = bytes;
}
