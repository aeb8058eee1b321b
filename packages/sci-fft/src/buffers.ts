/**
 * The float64 buffers the host transforms run their kernels on, and the output arrays
 * made from them.
 *
 * A transform allocates its result once, reads the input into it once (SciPy's
 * `_fix_shape`: cast to float64, zero-pad or truncate the transformed axes) and runs the
 * kernels in place there. Every dtype is read as float64 (integers and bool promote as
 * in SciPy); float32 and complex64 inputs are computed in float64 too and rounded once
 * into the single-precision output, which is at least as accurate as SciPy's
 * single-precision path.
 */
import { cStrides, isCContiguous, isComplexDtype, NDArray, shapeSize } from '@sciport/array-api';

/** Single precision in, single precision out (SciPy keeps float32/complex64). */
export function isSinglePrecision(dtype: string): boolean {
  return dtype === 'float32' || dtype === 'complex64';
}

interface NodeBufferApi {
  allocUnsafeSlow(size: number): Uint8Array;
}
const nodeBuffer = (globalThis as { Buffer?: NodeBufferApi }).Buffer;
/** Below this many bytes zero-filling costs next to nothing. */
const UNZEROED_MIN_BYTES = 1 << 16;

/**
 * A new Float64Array of `length` whose every element the caller writes before anyone
 * reads it. `new Float64Array` zero-fills, which for the megabytes of a large transform
 * costs as much as a copy (16 MiB: 2.4 ms zeroed and filled against 0.8 ms, measured
 * here); Node's `Buffer.allocUnsafeSlow` skips that. It is looked up on globalThis, not
 * imported, so browsers simply get `new Float64Array`. The array owns its whole
 * ArrayBuffer (no pooling), so it can be transferred like any other.
 */
export function newFloat64(length: number): Float64Array {
  if (nodeBuffer === undefined || 8 * length < UNZEROED_MIN_BYTES) return new Float64Array(length);
  const bytes = nodeBuffer.allocUnsafeSlow(8 * length);
  return new Float64Array(bytes.buffer, bytes.byteOffset, length);
}

/** Memory a caller provided for the next result (see withResultMemory). */
let providedResult: Float64Array | undefined;

/**
 * Runs `compute`, one host transform call, with `memory` as the place for its double
 * precision result, like pocketfft's `out` argument: the transform writes there instead of
 * allocating, when its result has exactly `memory.length` doubles (interleaved for complex).
 * Otherwise (another size, a single-precision result) it allocates as usual, so the caller
 * checks whether the result's data is `memory`. `memory` must not overlap the input, or else
 * be exactly the input's own memory (a C-contiguous float64/complex128 input of the result's
 * shape): then the transform runs in place, as SciPy's `overwrite_x=True` allows; every
 * transform reads all of a line before it writes it (tested for each kind).
 * Chunk workers use it to write straight into shared output chunks: a fresh result array
 * per call costs page faults, and those serialize the threads of a process.
 */
export function withResultMemory<T>(memory: Float64Array, compute: () => T): T {
  const outer = providedResult;
  providedResult = memory;
  try {
    return compute();
  } finally {
    providedResult = outer;
  }
}

/** The buffer for a transform's result: the provided memory when it fits, else a new one. */
export function newResult(length: number): Float64Array {
  const memory = providedResult;
  if (memory !== undefined && memory.length === length) {
    providedResult = undefined;
    return memory;
  }
  return newFloat64(length);
}

/** A caller's stand-in for reading one input array (see withInputFill); `used` once taken. */
interface ProvidedFill {
  readonly array: NDArray;
  readonly fill: (dst: Float64Array) => void;
  used: boolean;
}
let providedFill: ProvidedFill | undefined;

/**
 * Runs `compute`, one host transform call on `array` (float64 or complex128), with `fill`
 * standing in for reading `array`: where the transform would copy `array`'s values into a
 * buffer of its own (C-contiguous, `array`'s shape, interleaved for complex), it calls
 * `fill(buffer)` instead, which must write exactly those values. With the kernels in
 * WebAssembly, that buffer is their working memory. Returns the result and whether `fill`
 * was used; when it was not, the transform read `array`'s memory itself (a path that does
 * not copy, or a conversion), so a caller that left that memory unwritten must fill it and
 * call again. Chunk workers assemble a block from its pieces this way: straight into the
 * kernels' memory instead of into a block that is then copied there.
 */
export function withInputFill<T>(array: NDArray, fill: (dst: Float64Array) => void, compute: () => T): { result: T; filled: boolean } {
  const outer = providedFill;
  const provided: ProvidedFill = { array, fill, used: false };
  providedFill = provided;
  try {
    const result = compute();
    return { result, filled: provided.used };
  } finally {
    providedFill = outer;
  }
}

/** The caller's fill for `x`, taken (once), when `x` is read whole and unconverted into `dst`. */
function takeFill(x: NDArray, shape: readonly number[], options: ReadOptions): ((dst: Float64Array) => void) | undefined {
  const provided = providedFill;
  if (provided === undefined || provided.array !== x || !sameShape(shape, x.shape)) return undefined;
  if (options.conjugate || options.part !== undefined || x.dtype !== (options.complex ? 'complex128' : 'float64')) return undefined;
  providedFill = undefined;
  provided.used = true;
  return provided.fill;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export interface ReadOptions {
  /** Write complex values (real inputs get zero imaginary parts). */
  readonly complex: boolean;
  /** From complex input into a real buffer: which part to take. */
  readonly part?: 're' | 'im';
  /** Negate imaginary parts while copying (hfft's conjugate). */
  readonly conjugate?: boolean;
}

/**
 * Writes `x` (any dtype, any strides) into the C-contiguous buffer `dst` of `shape`: the
 * region `x` and `shape` share is copied, the rest of `dst` is zeroed (padding) and the
 * part of `x` beyond `shape` is dropped (truncation).
 */
export function readInto(dst: Float64Array, x: NDArray, shape: readonly number[], options: ReadOptions): void {
  const fill = takeFill(x, shape, options);
  if (fill !== undefined) {
    fill(dst);
    return;
  }
  const { complex } = options;
  const ndim = shape.length;
  const lanesOut = complex ? 2 : 1;
  const srcComplex = isComplexDtype(x.dtype);
  const overlap = shape.map((n, d) => Math.min(n, x.shape[d]));
  if (overlap.some((v, d) => v < shape[d])) dst.fill(0);
  if (overlap.some((v) => v === 0)) return;

  const sameLayout = srcComplex === complex && !options.conjugate && !(x.data instanceof BigInt64Array || x.data instanceof BigUint64Array);
  if (sameLayout && sameShape(shape, x.shape) && isCContiguous(x.shape, x.stride)) {
    // the common case: one typed-array copy (which also converts the element type), or none
    // when `dst` is `x`'s own memory (a transform computed in place, see withResultMemory)
    const lanes = complex ? 2 : 1;
    const source = (x.data as Float64Array).subarray(lanes * x.offset, lanes * (x.offset + shapeSize(shape)));
    if (source.buffer === dst.buffer && source.byteOffset === dst.byteOffset && source instanceof Float64Array) return;
    dst.set(source);
    return;
  }
  const copyRun = runCopier(dst, x, options, lanesOut, sameLayout);
  if (ndim === 0) {
    copyRun(x.offset, 0, 1, 0);
    return;
  }
  // one innermost run per index of the outer axes, odometer style
  const dstStride = cStrides(shape);
  const last = ndim - 1;
  const idx = new Array<number>(ndim).fill(0);
  for (;;) {
    let s = x.offset;
    let t = 0;
    for (let d = 0; d < last; d++) {
      s += idx[d] * x.stride[d];
      t += idx[d] * dstStride[d];
    }
    copyRun(s, t, overlap[last], x.stride[last]);
    let d = last - 1;
    while (d >= 0) {
      if (++idx[d] < overlap[d]) break;
      idx[d] = 0;
      d--;
    }
    if (d < 0) return;
  }
}

type RunCopier = (srcStart: number, dstStart: number, count: number, srcStep: number) => void;

/** Copies one innermost run of `count` elements of `x` (element indices) into `dst`. */
function runCopier(dst: Float64Array, x: NDArray, options: ReadOptions, lanesOut: number, sameLayout: boolean): RunCopier {
  const srcComplex = isComplexDtype(x.dtype);
  if (x.data instanceof BigInt64Array || x.data instanceof BigUint64Array) {
    // int64/uint64: rounded to the nearest double, as NumPy's cast does
    const data = x.data;
    return (s, t, count, step) => {
      for (let j = 0, at = t * lanesOut; j < count; j++, s += step, at += lanesOut) {
        dst[at] = Number(data[s]);
        if (lanesOut === 2) dst[at + 1] = 0;
      }
    };
  }
  const data = x.data as Float64Array;
  if (sameLayout) {
    const lanes = lanesOut;
    return (s, t, count, step) => {
      if (step === 1) {
        dst.set(data.subarray(lanes * s, lanes * (s + count)), lanes * t);
      } else if (lanes === 1) {
        for (let j = 0; j < count; j++, s += step) dst[t + j] = data[s];
      } else {
        for (let j = 0, at = 2 * t; j < count; j++, s += step, at += 2) {
          dst[at] = data[2 * s];
          dst[at + 1] = data[2 * s + 1];
        }
      }
    };
  }
  if (srcComplex && lanesOut === 2) {
    const imSign = options.conjugate ? -1 : 1;
    return (s, t, count, step) => {
      for (let j = 0, at = 2 * t; j < count; j++, s += step, at += 2) {
        dst[at] = data[2 * s];
        dst[at + 1] = imSign * data[2 * s + 1];
      }
    };
  }
  if (srcComplex) {
    const part = options.part === 'im' ? 1 : 0;
    return (s, t, count, step) => {
      for (let j = 0; j < count; j++, s += step) dst[t + j] = data[2 * s + part];
    };
  }
  // real into complex
  return (s, t, count, step) => {
    for (let j = 0, at = 2 * t; j < count; j++, s += step, at += 2) {
      dst[at] = data[s];
      dst[at + 1] = 0;
    }
  };
}

/** A new C-contiguous buffer of `shape` holding `x` read as described by `options`. */
export function readInput(x: NDArray, shape: readonly number[], options: ReadOptions): Float64Array {
  const out = newFloat64(shapeSize(shape) * (options.complex ? 2 : 1));
  readInto(out, x, shape, options);
  return out;
}

/**
 * `x` as a C-contiguous buffer of `shape`, float64 or (with `complex`) interleaved
 * complex128, for kernels that only read their input: `x`'s own storage when it already
 * is one, else a converted, resized copy.
 */
export function readOnlyInput(x: NDArray, shape: readonly number[], complex: boolean): Float64Array {
  if (providedFill?.array === x) return readInput(x, shape, { complex });
  if (x.dtype === (complex ? 'complex128' : 'float64') && sameShape(shape, x.shape) && isCContiguous(x.shape, x.stride)) {
    const lanes = complex ? 2 : 1;
    return (x.data as Float64Array).subarray(lanes * x.offset, lanes * (x.offset + shapeSize(shape)));
  }
  return readInput(x, shape, { complex });
}

/**
 * `x` (real) as a C-contiguous buffer of `shape` for kernels that only read it, keeping
 * single precision: a float32 array's own storage when it already is one (the kernels
 * widen it as they read it), otherwise as readOnlyInput.
 */
export function readOnlyRealInput(x: NDArray, shape: readonly number[]): Float64Array | Float32Array {
  if (x.dtype === 'float32' && providedFill?.array !== x && sameShape(shape, x.shape) && isCContiguous(x.shape, x.stride)) {
    return (x.data as Float32Array).subarray(x.offset, x.offset + shapeSize(shape));
  }
  return readOnlyInput(x, shape, false);
}

/**
 * The buffer for a result of `length` doubles (interleaved for complex): float32 for a
 * single-precision result, which the kernels round into once, else as newResult.
 */
export function newResultOf(length: number, single: boolean): Float64Array | Float32Array {
  return single ? new Float32Array(length) : newResult(length);
}

/** Wraps a finished buffer as the output array: a Float32Array is single precision already. */
export function wrapOutput(data: Float64Array | Float32Array, shape: readonly number[], complex: boolean, single: boolean): NDArray {
  if (data instanceof Float32Array) return new NDArray(data, shape, complex ? 'complex64' : 'float32');
  return toOutput(data, shape, complex, single);
}

/** Wraps a finished buffer as the output array, rounding once to single precision when asked. */
export function toOutput(data: Float64Array, shape: readonly number[], complex: boolean, single: boolean): NDArray {
  if (single) return new NDArray(new Float32Array(data), shape, complex ? 'complex64' : 'float32');
  return new NDArray(data, shape, complex ? 'complex128' : 'float64');
}
