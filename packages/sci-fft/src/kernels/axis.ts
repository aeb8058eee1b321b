/**
 * Transforms along axes of C-contiguous float64 buffers — the batched entry points for
 * n-D transforms. With the wasm kernels, complexAlongAxes copies the buffer into wasm
 * memory once, runs every axis there (lines gathered in cache-sized blocks), and copies
 * it back once; that is what makes fft2/fftn competitive with pocketfft.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { complexPlan, MIN_GATHER_LINES } from './complex-plan.js';
import { realPlan, wasmRealPlan } from './real-plan.js';
import { collectResidents } from './wasm/resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame, wasmKernels, withWasm } from './wasm/runtime.js';
import { type WasmCore, WasmMixedRadix } from './wasm/wasm-complex.js';
import type { WasmRealPlan } from './wasm/wasm-real.js';
import { wasmComplexCore } from './wasm/wasm-core.js';

/** Complex values the wasm path moves in one piece (64 MiB); larger buffers go axis by axis. */
const MAX_WHOLE = 1 << 22;
/** Complex values per cache-sized chunk (256 KiB). */
const BLOCK_COMPLEX = 1 << 14;

/**
 * Real data the real-FFT entry points read and write: float64, or float32 (float32 input,
 * complex64/float32 results) which crosses into wasm memory widened and comes back rounded
 * once, with no float64 copy of the array in between.
 */
export type Floats = Float64Array | Float32Array;

/** `data` as float64: itself, or a widened copy (for the TypeScript paths). */
function asFloat64(data: Floats): Float64Array {
  return data instanceof Float64Array ? data : Float64Array.from(data);
}

/** Runs `run` on `out` as float64: on itself, or on a float64 stand-in rounded into it once. */
function intoFloat64(out: Floats, run: (out: Float64Array) => void): void {
  if (out instanceof Float64Array) {
    run(out);
    return;
  }
  const wide = new Float64Array(out.length);
  run(wide);
  out.set(wide);
}

function sizeOf(shape: readonly number[]): number {
  let s = 1;
  for (const d of shape) s *= d;
  return s;
}

export function innerOuter(shape: readonly number[], axis: number): { outer: number; inner: number } {
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  return { outer, inner };
}

export function checkAxes(shape: readonly number[], axes: readonly number[]): void {
  for (const a of axes) {
    if (!Number.isInteger(a) || a < 0 || a >= shape.length) {
      throw new InvalidArgumentError(`axis ${String(a)} is out of range for a ${shape.length}-d buffer.`, {
        argument: 'axes',
        hint: 'Pass axes as non-negative integers below the number of dimensions.',
      });
    }
  }
}

/**
 * Complex FFT along each of `axes` of a C-contiguous interleaved complex buffer of the
 * given shape, in place, the result multiplied by `scale` once.
 */
export function complexAlongAxes(
  data: Float64Array,
  shape: readonly number[],
  axes: readonly number[],
  forward: boolean,
  scale: number,
): void {
  checkAxes(shape, axes);
  const size = sizeOf(shape);
  if (size === 0) return;
  const todo = axesToDo(shape, axes);
  const k = wasmKernels();
  const axisByAxis = () => complexAxisByAxis(data, shape, todo, forward, scale);
  // One axis gains nothing from moving the whole buffer: executeMany streams it.
  if (k === null || size > MAX_WHOLE || todo.length < 2) {
    axisByAxis();
    return;
  }
  withWasm(() => wholeInWasm(k, data, shape, todo, forward, scale), axisByAxis);
}

/**
 * complexAlongAxes of data the caller writes: `fill(buffer)` writes every element of
 * `buffer` (C-contiguous, interleaved complex, of `shape`), and the transform lands in
 * `out`. With wasm, `buffer` is the kernels' working memory itself, so the input is read
 * once and the result written once, with no copy of `out` into wasm memory and back. A
 * Float32Array `out` (a complex64 result) receives the float64 result rounded once, with
 * no float64 result array in between.
 */
export function complexAlongAxesFrom(
  fill: (buffer: Float64Array) => void,
  out: Float64Array | Float32Array,
  shape: readonly number[],
  axes: readonly number[],
  forward: boolean,
  scale: number,
): void {
  checkAxes(shape, axes);
  const size = sizeOf(shape);
  if (size === 0) return;
  const k = wasmKernels();
  const inPlace = () => {
    const work = out instanceof Float64Array ? out : new Float64Array(out.length);
    fill(work);
    complexAlongAxes(work, shape, axes, forward, scale);
    if (work !== out) out.set(work);
  };
  if (k === null || size > MAX_WHOLE) {
    inPlace();
    return;
  }
  withWasm(() => {
    const todo = axesToDo(shape, axes);
    collectResidents();
    const cores = new Map(todo.map((axis) => [axis, wasmComplexCore(shape[axis], k)]));
    const mark = pushFrame();
    const ptr = allocTemp(16 * size);
    fill(heapF64().subarray(ptr >> 3, (ptr >> 3) + 2 * size));
    if (!forward) k.scaleLanes(ptr, size, 1, -1);
    const result = transformInWasm(k, ptr, shape, todo, cores, []);
    if (!forward || scale !== 1) k.scaleLanes(result, size, scale, forward ? scale : -scale);
    out.set(heapF64().subarray(result >> 3, (result >> 3) + 2 * size));
    popFrame(mark);
  }, inPlace);
}

/** The distinct axes of length > 1: the others need no transform. */
function axesToDo(shape: readonly number[], axes: readonly number[]): number[] {
  return [...new Set(axes)].filter((a) => shape[a] > 1);
}

/** complexAlongAxes one axis at a time through executeMany (which has its own wasm and TypeScript paths). */
function complexAxisByAxis(data: Float64Array, shape: readonly number[], todo: readonly number[], forward: boolean, scale: number): void {
  todo.forEach((axis, i) => {
    const n = shape[axis];
    const { outer, inner } = innerOuter(shape, axis);
    const s = i === todo.length - 1 ? scale : 1;
    const plan = complexPlan(n);
    if (inner === 1) plan.executeMany(data, 0, outer, n, 1, forward, s);
    else for (let o = 0; o < outer; o++) plan.executeMany(data, 2 * o * n * inner, inner, 1, inner, forward, s);
  });
  if (todo.length === 0 && scale !== 1) for (let i = 0; i < data.length; i++) data[i] *= scale;
}

/** complexAlongAxes with the whole buffer in wasm memory. */
function wholeInWasm(
  k: FftWasmExports,
  data: Float64Array,
  shape: readonly number[],
  todo: number[],
  forward: boolean,
  scale: number,
): void {
  const size = sizeOf(shape);
  const conj = forward ? 1 : -1;
  collectResidents();
  const cores = new Map(todo.map((axis) => [axis, wasmComplexCore(shape[axis], k)]));
  const mark = pushFrame();
  const ptr = allocTemp(16 * size);
  // The last axis (contiguous lines) is transformed chunk by chunk as the buffer is
  // copied in, while each chunk is still in cache.
  const last = shape.length - 1;
  const lastCore = cores.get(last);
  const done: number[] = [];
  if (lastCore instanceof WasmMixedRadix) {
    const n = shape[last];
    const rows = size / n;
    const perChunk = Math.max(1, Math.floor(BLOCK_COMPLEX / n));
    const scratch = allocTemp(16 * n);
    const heap = heapF64();
    for (let r0 = 0; r0 < rows; r0 += perChunk) {
      const from = 2 * r0 * n;
      const to = 2 * Math.min(rows, r0 + perChunk) * n;
      heap.set(data.subarray(from, to), (ptr >> 3) + from);
      k.runContiguous(lastCore.desc, ptr + 8 * from, n, (to - from) / (2 * n), scratch, lastCore.odd, 1, conj, 1, 1);
    }
    done.push(last);
  } else {
    heapF64().set(data.subarray(0, 2 * size), ptr >> 3);
    if (!forward) k.scaleLanes(ptr, size, 1, -1);
  }
  const result = transformInWasm(k, ptr, shape, todo, cores, done);
  if (!forward || scale !== 1) k.scaleLanes(result, size, scale, conj * scale);
  data.set(heapF64().subarray(result >> 3, (result >> 3) + 2 * size));
  popFrame(mark);
}

/**
 * Forward FFTs along `todo` (less the axes in `done`) of the complex buffer at `ptr` in
 * wasm memory. Returns where the result is: `ptr`, or for a single line whose core works
 * out of place, that core's output (saving a copy of the whole line).
 */
function transformInWasm(
  k: FftWasmExports,
  ptr: number,
  shape: readonly number[],
  todo: readonly number[],
  cores: Map<number, WasmCore>,
  done: readonly number[],
): number {
  const size = sizeOf(shape);
  for (const axis of todo) {
    if (done.includes(axis)) continue;
    const n = shape[axis];
    const { outer, inner } = innerOuter(shape, axis);
    const core = cores.get(axis)!;
    if (n === size) {
      // one line (a 1-D transform): wherever the core leaves its output is the result
      return core.run(k, ptr, allocTemp(16 * n));
    }
    const frame = pushFrame();
    if (core instanceof WasmMixedRadix) {
      if (inner === 1) {
        const scratch = allocTemp(16 * n);
        k.runContiguous(core.desc, ptr, n, outer, scratch, core.odd, 1, 1, 1, 1);
      } else {
        const pitch = n + 4;
        const block = Math.min(inner, Math.max(MIN_GATHER_LINES, Math.min(32, Math.floor((2 * BLOCK_COMPLEX) / pitch))));
        const tmpA = allocTemp(16 * pitch * block);
        const tmpB = allocTemp(16 * pitch * block);
        for (let o = 0; o < outer; o++) {
          k.runLines(core.desc, ptr + 16 * o * n * inner, inner, 1, inner, tmpA, tmpB, pitch, block, core.odd, 1, 1, 1, 1);
        }
      }
    } else {
      const buf = allocTemp(16 * n);
      const scratch = allocTemp(16 * n);
      for (let o = 0; o < outer; o++) {
        for (let i = 0; i < inner; i++) {
          const line = ptr + 16 * (o * n * inner + i);
          k.gatherLines(buf, n, line, inner, 0, n, 1, 1, 1);
          const r = core.run(k, buf, scratch);
          k.scatterLines(line, inner, 0, r, n, n, 1, 1, 1);
        }
      }
    }
    popFrame(frame);
  }
  return ptr;
}

/**
 * The TypeScript fallback for real → complex transforms of strided lines: gathers each
 * line of the real [outer, n, inner] buffer, transforms it into `outLength` complex
 * values, and scatters them into the complex [outer, outLength, inner] buffer `out`.
 */
function realToComplexLineByLine(
  src: Floats,
  n: number,
  outer: number,
  inner: number,
  out: Floats,
  outLength: number,
  transform: (lineIn: Float64Array, lineOut: Float64Array) => void,
): void {
  const lineIn = new Float64Array(n);
  const lineOut = new Float64Array(2 * outLength);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      for (let j = 0, p = o * n * inner + i; j < n; j++, p += inner) lineIn[j] = src[p];
      transform(lineIn, lineOut);
      for (let j = 0, p = 2 * (o * outLength * inner + i); j < outLength; j++, p += 2 * inner) {
        out[p] = lineOut[2 * j];
        out[p + 1] = lineOut[2 * j + 1];
      }
    }
  }
}

/**
 * Real forward FFT along `axis` of a C-contiguous real buffer of shape `shape` into the
 * C-contiguous complex buffer `out` (same shape with that axis n/2+1), times `scale`.
 */
export function realForwardAlongAxis(
  src: Floats,
  shape: readonly number[],
  axis: number,
  out: Floats,
  scale: number,
): void {
  realToComplexAlongAxis(src, shape, axis, out, false, true, scale);
}

/**
 * The complex FFT along `axis` of a C-contiguous real buffer: every line's full n-point
 * spectrum (RealPlan.fullSpectrum: a real FFT and Hermitian symmetry, about half the work
 * of a complex FFT) into the C-contiguous complex buffer `out` of the same shape.
 * Forward or backward, times `scale`.
 */
export function realSpectrumAlongAxis(
  src: Floats,
  shape: readonly number[],
  axis: number,
  out: Floats,
  forward: boolean,
  scale: number,
): void {
  realToComplexAlongAxis(src, shape, axis, out, true, forward, scale);
}

/**
 * Real FFTs of every line along `axis` into complex `out`: the n/2+1 half spectrum, or with
 * `full` the whole n-point spectrum (forward or backward). Times `scale`.
 */
function realToComplexAlongAxis(
  src: Floats,
  shape: readonly number[],
  axis: number,
  out: Floats,
  full: boolean,
  forward: boolean,
  scale: number,
): void {
  checkAxes(shape, [axis]);
  const n = shape[axis];
  const m = full ? n : (n >> 1) + 1;
  const { outer, inner } = innerOuter(shape, axis);
  if (outer * inner === 0 || n === 0) return;
  const plan = realPlan(n);
  const line = (from: Float64Array, at: number, to: Float64Array, toAt: number) =>
    full ? plan.fullSpectrum(from, at, to, toAt, forward, scale) : plan.forward(from, at, to, toAt, scale);
  if (inner === 1) {
    const mode = !full ? 0 : forward ? 1 : 2;
    realLinesInWasm(
      n,
      outer,
      { data: src, pitch: n, length: n },
      { data: out, pitch: 2 * m, length: 2 * m },
      (k, real, from, inPitch, to, outPitch, lines) => real.forwardLines(k, from, inPitch, to, outPitch / 2, lines, scale, mode),
      () => {
        const from = asFloat64(src);
        intoFloat64(out, (to) => {
          for (let o = 0; o < outer; o++) line(from, o * n, to, 2 * o * m);
        });
      },
    );
    return;
  }
  const lineByLine = () => realToComplexLineByLine(src, n, outer, inner, out, m, (lineIn, lineOut) => line(lineIn, 0, lineOut, 0));
  const k = wasmKernels();
  if (k === null || n < 4 || outer * m * inner > MAX_WHOLE) {
    lineByLine();
    return;
  }
  withWasm(() => stridedRealInWasm(k, src, n, outer, inner, out, full, forward, scale), lineByLine);
}

/**
 * Real FFTs of the strided lines along a middle axis ([outer, n, inner], inner > 1) in
 * one wasm session: the input crosses into wasm memory once, blocks of lines are gathered
 * into contiguous scratch, transformed one by one (the n/2+1 half, or with `full` the
 * whole spectrum by Hermitian symmetry, forward or backward), scattered into the output
 * region ([outer, n/2+1 or n, inner] complex), which crosses back once. Times `scale`.
 */
function stridedRealInWasm(
  k: FftWasmExports,
  src: Floats,
  n: number,
  outer: number,
  inner: number,
  out: Floats,
  full: boolean,
  forward: boolean,
  scale: number,
): void {
  collectResidents();
  const real = wasmRealPlan(n, k);
  const m = full ? n : (n >> 1) + 1;
  const mark = pushFrame();
  const inPtr = allocTemp(8 * outer * n * inner);
  const outPtr = allocTemp(16 * outer * m * inner);
  heapF64().set(src.subarray(0, outer * n * inner), inPtr >> 3);
  const pitch = n + (n & 1);
  const block = Math.min(inner, Math.max(MIN_GATHER_LINES, Math.floor(CHUNK_DOUBLES / (pitch + 2 * m))));
  const lines = allocTemp(8 * pitch * block);
  const spectra = allocTemp(16 * m * block);
  for (let o = 0; o < outer; o++) {
    for (let i0 = 0; i0 < inner; i0 += block) {
      const count = Math.min(block, inner - i0);
      k.gatherReal(lines, pitch, inPtr + 8 * (o * n * inner + i0), inner, 1, n, count);
      real.forwardLines(k, lines, pitch, spectra, m, count, scale, !full ? 0 : forward ? 1 : 2);
      k.scatterLines(outPtr + 16 * (o * m * inner + i0), inner, 1, spectra, m, m, count, 1, 1);
    }
  }
  out.set(heapF64().subarray(outPtr >> 3, (outPtr >> 3) + 2 * outer * m * inner));
  popFrame(mark);
}

/**
 * Real backward FFT along `axis`: `src` is C-contiguous complex of shape `shape` whose
 * `axis` holds n/2+1 values; `out` is C-contiguous real with that axis n. Times `scale`.
 */
export function realBackwardAlongAxis(
  src: Float64Array,
  shape: readonly number[],
  axis: number,
  n: number,
  out: Floats,
  scale: number,
): void {
  checkAxes(shape, [axis]);
  const m = shape[axis];
  const { outer, inner } = innerOuter(shape, axis);
  if (outer * inner === 0 || n === 0) return;
  const plan = realPlan(n);
  const need = (n >> 1) + 1;
  if (m < need) {
    throw new InvalidArgumentError(`axis ${axis} holds ${m} complex values; n = ${n} needs ${need}.`, {
      argument: 'n',
      hint: 'Pad or truncate the input to n/2+1 values along the axis first.',
    });
  }
  if (inner === 1) {
    realLinesInWasm(
      n,
      outer,
      { data: src, pitch: 2 * m, length: 2 * need },
      { data: out, pitch: n, length: n },
      (k, real, from, inPitch, to, outPitch, lines) => real.backwardLines(k, from, inPitch / 2, to, outPitch, lines, scale),
      () =>
        intoFloat64(out, (to) => {
          for (let o = 0; o < outer; o++) plan.backward(src, 2 * o * m, to, o * n, scale);
        }),
    );
    return;
  }
  const lineByLine = () => {
    const lineIn = new Float64Array(2 * need);
    const lineOut = new Float64Array(n);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const a = 2 * (o * m * inner + i);
        for (let j = 0, p = a; j < need; j++, p += 2 * inner) {
          lineIn[2 * j] = src[p];
          lineIn[2 * j + 1] = src[p + 1];
        }
        plan.backward(lineIn, 0, lineOut, 0, scale);
        const b = o * n * inner + i;
        for (let j = 0, p = b; j < n; j++, p += inner) out[p] = lineOut[j];
      }
    }
  };
  const k = wasmKernels();
  if (k === null || n < 4 || outer * m * inner > MAX_WHOLE) {
    lineByLine();
    return;
  }
  withWasm(() => {
    collectResidents();
    const mark = pushFrame();
    const inPtr = allocTemp(16 * outer * m * inner);
    heapF64().set(src.subarray(0, 2 * outer * m * inner), inPtr >> 3);
    stridedRealBackwardInWasm(k, inPtr, m, n, outer, inner, out, scale);
    popFrame(mark);
  }, lineByLine);
}

/**
 * Real backward FFTs of the strided lines along a middle axis ([outer, m, inner] complex at
 * `inPtr` in wasm memory, m >= n/2+1, inner > 1) into the real [outer, n, inner] `out`:
 * blocks of lines are gathered into contiguous scratch, transformed in one call, scattered
 * into an output region in wasm memory, which crosses into `out` once. Times `scale`.
 */
function stridedRealBackwardInWasm(
  k: FftWasmExports,
  inPtr: number,
  m: number,
  n: number,
  outer: number,
  inner: number,
  out: Floats,
  scale: number,
): void {
  const real = wasmRealPlan(n, k);
  const need = (n >> 1) + 1;
  const mark = pushFrame();
  const outPtr = allocTemp(8 * outer * n * inner);
  const pitch = n + (n & 1);
  const block = Math.min(inner, Math.max(MIN_GATHER_LINES, Math.floor(CHUNK_DOUBLES / (pitch + 2 * need))));
  const spectra = allocTemp(16 * need * block);
  const lines = allocTemp(8 * pitch * block);
  for (let o = 0; o < outer; o++) {
    for (let i0 = 0; i0 < inner; i0 += block) {
      const count = Math.min(block, inner - i0);
      k.gatherLines(spectra, need, inPtr + 16 * (o * m * inner + i0), inner, 1, need, count, 1, 1);
      real.backwardLines(k, spectra, need, lines, pitch, count, scale);
      k.scatterReal(outPtr + 8 * (o * n * inner + i0), inner, 1, lines, pitch, n, count);
    }
  }
  out.set(heapF64().subarray(outPtr >> 3, (outPtr >> 3) + outer * n * inner));
  popFrame(mark);
}

/**
 * The half spectrum of real data over several axes in one wasm session (rfftn, and fftn of
 * real input before completeSpectrum): the real forward FFT of every line along `realAxis`
 * (n/2+1 values), then forward complex FFTs along `others`, the input copied into wasm memory
 * and the result out once. `out` has `shape` with n/2+1 along `realAxis`; `src`
 * (C-contiguous, `shape`) is only read. Times `scale`.
 */
export function realAlongAxes(
  src: Floats,
  shape: readonly number[],
  realAxis: number,
  others: readonly number[],
  out: Floats,
  scale: number,
): void {
  checkAxes(shape, [realAxis, ...others]);
  const n = shape[realAxis];
  const m = (n >> 1) + 1;
  const outShape = [...shape];
  outShape[realAxis] = m;
  const size = sizeOf(outShape);
  if (size === 0) return;
  const todo = axesToDo(
    outShape,
    others.filter((a) => a !== realAxis),
  );
  const separately = () => {
    if (todo.length === 0) {
      realForwardAlongAxis(src, shape, realAxis, out, scale);
      return;
    }
    intoFloat64(out, (to) => {
      realForwardAlongAxis(src, shape, realAxis, to, 1);
      complexAlongAxes(to, outShape, todo, true, scale);
    });
  };
  const k = wasmKernels();
  if (k === null || n < 4 || todo.length === 0 || realAxis !== shape.length - 1 || size > MAX_WHOLE) {
    separately();
    return;
  }
  withWasm(() => {
    collectResidents();
    const real = wasmRealPlan(n, k);
    const cores = new Map(todo.map((axis) => [axis, wasmComplexCore(outShape[axis], k)]));
    const mark = pushFrame();
    const ptr = allocTemp(16 * size);
    const lines = size / m;
    const pitch = n + (n & 1);
    const perChunk = Math.max(1, Math.min(lines, Math.floor(CHUNK_DOUBLES / pitch)));
    const chunk = allocTemp(8 * pitch * perChunk);
    const input = { data: src, pitch: n, length: n };
    for (let l0 = 0; l0 < lines; l0 += perChunk) {
      const count = Math.min(perChunk, lines - l0);
      copyLineRange(input, l0, wasmLines(chunk, pitch), 0, count);
      real.forwardLines(k, chunk, pitch, ptr + 16 * l0 * m, m, count, 1, 0);
    }
    const result = transformInWasm(k, ptr, outShape, todo, cores, []);
    if (scale !== 1) k.scaleLanes(result, size, scale, scale);
    out.set(heapF64().subarray(result >> 3, (result >> 3) + 2 * size));
    popFrame(mark);
  }, separately);
}

/**
 * irfftn / hfftn in one wasm session: `fill(buffer)` writes the half spectrum (every
 * element of a C-contiguous complex buffer of `shape`, whose `realAxis` holds n/2+1
 * values), complex FFTs run backward along `others`, then the real backward FFT of every
 * line along `realAxis` gives n reals per line in `out`. Times `scale`; the imaginary
 * parts of the zero and Nyquist terms are ignored, as in SciPy.
 */
export function complexToRealAlongAxesFrom(
  fill: (buffer: Float64Array) => void,
  shape: readonly number[],
  realAxis: number,
  n: number,
  others: readonly number[],
  out: Floats,
  scale: number,
): void {
  checkAxes(shape, [realAxis, ...others]);
  const m = shape[realAxis];
  const size = sizeOf(shape);
  if (size === 0 || n === 0) return;
  const todo = axesToDo(
    shape,
    others.filter((a) => a !== realAxis),
  );
  const separately = () => {
    const data = new Float64Array(2 * size);
    fill(data);
    if (todo.length > 0) complexAlongAxes(data, shape, todo, false, 1);
    realBackwardAlongAxis(data, shape, realAxis, n, out, scale);
  };
  const k = wasmKernels();
  const { outer, inner } = innerOuter(shape, realAxis);
  if (k === null || n < 4 || size > MAX_WHOLE || (inner > 1 && outer * n * inner > MAX_WHOLE)) {
    separately();
    return;
  }
  withWasm(() => {
    collectResidents();
    const real = wasmRealPlan(n, k);
    const cores = new Map(todo.map((axis) => [axis, wasmComplexCore(shape[axis], k)]));
    const mark = pushFrame();
    const ptr = allocTemp(16 * size);
    fill(heapF64().subarray(ptr >> 3, (ptr >> 3) + 2 * size));
    let spectrum = ptr;
    if (todo.length > 0) {
      // backward = conj ∘ forward ∘ conj
      k.scaleLanes(ptr, size, 1, -1);
      spectrum = transformInWasm(k, ptr, shape, todo, cores, []);
      k.scaleLanes(spectrum, size, 1, -1);
    }
    if (inner > 1) {
      // the real axis is not the last: its lines are strided
      stridedRealBackwardInWasm(k, spectrum, m, n, outer, inner, out, scale);
      popFrame(mark);
      return;
    }
    const lines = size / m;
    const pitch = n + (n & 1);
    const perChunk = Math.max(1, Math.min(lines, Math.floor(CHUNK_DOUBLES / pitch)));
    const chunk = allocTemp(8 * pitch * perChunk);
    const output = { data: out, pitch: n, length: n };
    for (let l0 = 0; l0 < lines; l0 += perChunk) {
      const count = Math.min(perChunk, lines - l0);
      real.backwardLines(k, spectrum + 16 * l0 * m, m, chunk, pitch, count, scale);
      copyLineRange(wasmLines(chunk, pitch), 0, output, l0, count);
    }
    popFrame(mark);
  }, separately);
}

/** Lines of float64s in a flat array: line l is data[l·pitch, l·pitch + length). */
interface Lines {
  readonly data: Floats;
  readonly pitch: number;
  readonly length: number;
}

/** Doubles per cache-sized chunk of lines moved through wasm memory (256 KiB). */
const CHUNK_DOUBLES = 1 << 15;

/**
 * `count` lines of a real transform of length n in one wasm session: the lines cross
 * into wasm memory a cache-sized chunk at a time (one copy per chunk where the layout
 * allows), `chunk` transforms a chunk's lines there (each input and output line
 * 16-byte aligned, `inPitch`/`outPitch` doubles apart; inputs may be overwritten), and
 * the results cross back the same way. Without the wasm
 * kernels (or for n < 4, which they do not serve), and for a single line, `fallback`
 * (the plans' one-line entry points) does the work instead.
 */
function realLinesInWasm(
  n: number,
  count: number,
  input: Lines,
  output: Lines,
  chunk: (k: FftWasmExports, real: WasmRealPlan, from: number, inPitch: number, to: number, outPitch: number, lines: number) => void,
  fallback: () => void,
): void {
  const k = wasmKernels();
  if (k === null || n < 4 || count === 1) {
    // one line: the plan's own entry point copies it in and out just as well
    fallback();
    return;
  }
  withWasm(() => {
    collectResidents();
    const real = wasmRealPlan(n, k);
    // line pitches in wasm memory: even numbers of doubles keep every line 16-byte aligned
    const inPitch = input.length + (input.length & 1);
    const outPitch = output.length + (output.length & 1);
    const perChunk = Math.max(1, Math.min(count, Math.floor(CHUNK_DOUBLES / Math.max(inPitch, outPitch))));
    const mark = pushFrame();
    const inPtr = allocTemp(8 * inPitch * perChunk);
    const outPtr = allocTemp(8 * outPitch * perChunk);
    for (let l0 = 0; l0 < count; l0 += perChunk) {
      const lines = Math.min(perChunk, count - l0);
      copyLineRange(input, l0, wasmLines(inPtr, inPitch), 0, lines);
      chunk(k, real, inPtr, inPitch, outPtr, outPitch, lines);
      copyLineRange(wasmLines(outPtr, outPitch), 0, output, l0, lines);
    }
    popFrame(mark);
  }, fallback);
}

/** Lines of `pitch` doubles in wasm memory from byte address `ptr` (a view of the current heap). */
function wasmLines(ptr: number, pitch: number): Lines {
  return { data: heapF64().subarray(ptr >> 3), pitch, length: pitch };
}

/**
 * Lines fromLine … fromLine+lines-1 of `from` into lines toLine … of `to`, the shorter of the
 * two line lengths each: one copy when both sides are the same contiguous run.
 */
function copyLineRange(from: Lines, fromLine: number, to: Lines, toLine: number, lines: number): void {
  const length = Math.min(from.length, to.length);
  if (from.pitch === to.pitch && length === from.pitch) {
    to.data.set(from.data.subarray(fromLine * length, (fromLine + lines) * length), toLine * length);
    return;
  }
  for (let l = 0; l < lines; l++) {
    const start = (fromLine + l) * from.pitch;
    to.data.set(from.data.subarray(start, start + length), (toLine + l) * to.pitch);
  }
}
