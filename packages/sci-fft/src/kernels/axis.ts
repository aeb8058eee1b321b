/**
 * Transforms along axes of C-contiguous float64 buffers — the batched entry points for
 * n-D transforms. With the wasm kernels, complexAlongAxes copies the buffer into wasm
 * memory once, runs every axis there (lines gathered in cache-sized blocks), and copies
 * it back once; that is what makes fft2/fftn competitive with pocketfft.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { complexPlan } from './complex-plan.js';
import type { R2RPlan } from './r2r-plan.js';
import { realPlan } from './real-plan.js';
import { collectResidents } from './wasm/resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame, wasmKernels, withWasm } from './wasm/runtime.js';
import { type WasmCore, WasmMixedRadix } from './wasm/wasm-complex.js';
import { wasmComplexCore } from './wasm/wasm-core.js';

/** Complex values the wasm path moves in one piece (64 MiB); larger buffers go axis by axis. */
const MAX_WHOLE = 1 << 22;
/** Complex values per cache-sized chunk (256 KiB). */
const BLOCK_COMPLEX = 1 << 14;

function sizeOf(shape: readonly number[]): number {
  let s = 1;
  for (const d of shape) s *= d;
  return s;
}

function innerOuter(shape: readonly number[], axis: number): { outer: number; inner: number } {
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  return { outer, inner };
}

function checkAxes(shape: readonly number[], axes: readonly number[]): void {
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
 * once and the result written once, with no copy of `out` into wasm memory and back.
 */
export function complexAlongAxesFrom(
  fill: (buffer: Float64Array) => void,
  out: Float64Array,
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
    fill(out);
    complexAlongAxes(out, shape, axes, forward, scale);
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
        const block = Math.max(1, Math.min(32, Math.floor((2 * BLOCK_COMPLEX) / pitch)));
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
 * Real forward FFT along `axis` of a C-contiguous real buffer of shape `shape` into the
 * C-contiguous complex buffer `out` (same shape with that axis n/2+1), times `scale`.
 */
export function realForwardAlongAxis(
  src: Float64Array,
  shape: readonly number[],
  axis: number,
  out: Float64Array,
  scale: number,
): void {
  checkAxes(shape, [axis]);
  const n = shape[axis];
  const m = (n >> 1) + 1;
  const { outer, inner } = innerOuter(shape, axis);
  if (outer * inner === 0 || n === 0) return;
  const plan = realPlan(n);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) plan.forward(src, o * n, out, 2 * o * m, scale);
    return;
  }
  const lineIn = new Float64Array(n);
  const lineOut = new Float64Array(2 * m);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const a = o * n * inner + i;
      for (let j = 0, p = a; j < n; j++, p += inner) lineIn[j] = src[p];
      plan.forward(lineIn, 0, lineOut, 0, scale);
      const b = 2 * (o * m * inner + i);
      for (let j = 0, p = b; j < m; j++, p += 2 * inner) {
        out[p] = lineOut[2 * j];
        out[p + 1] = lineOut[2 * j + 1];
      }
    }
  }
}

/**
 * The complex FFT along `axis` of a C-contiguous real buffer: every line's full n-point
 * spectrum (RealPlan.fullSpectrum: a real FFT and Hermitian symmetry, about half the work
 * of a complex FFT) into the C-contiguous complex buffer `out` of the same shape.
 * Forward or backward, times `scale`.
 */
export function realSpectrumAlongAxis(
  src: Float64Array,
  shape: readonly number[],
  axis: number,
  out: Float64Array,
  forward: boolean,
  scale: number,
): void {
  checkAxes(shape, [axis]);
  const n = shape[axis];
  const { outer, inner } = innerOuter(shape, axis);
  if (outer * inner === 0 || n === 0) return;
  const plan = realPlan(n);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) plan.fullSpectrum(src, o * n, out, 2 * o * n, forward, scale);
    return;
  }
  const lineIn = new Float64Array(n);
  const lineOut = new Float64Array(2 * n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const a = o * n * inner + i;
      for (let j = 0, p = a; j < n; j++, p += inner) lineIn[j] = src[p];
      plan.fullSpectrum(lineIn, 0, lineOut, 0, forward, scale);
      for (let j = 0, p = 2 * a; j < n; j++, p += 2 * inner) {
        out[p] = lineOut[2 * j];
        out[p + 1] = lineOut[2 * j + 1];
      }
    }
  }
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
  out: Float64Array,
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
  const lineIn = new Float64Array(2 * need);
  const lineOut = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const a = 2 * (o * m * inner + i);
      if (inner === 1) {
        plan.backward(src, a, out, o * n, scale);
        continue;
      }
      for (let j = 0, p = a; j < need; j++, p += 2 * inner) {
        lineIn[2 * j] = src[p];
        lineIn[2 * j + 1] = src[p + 1];
      }
      plan.backward(lineIn, 0, lineOut, 0, scale);
      const b = o * n * inner + i;
      for (let j = 0, p = b; j < n; j++, p += inner) out[p] = lineOut[j];
    }
  }
}

/**
 * Applies a DCT/DST plan along `axis` of a C-contiguous real buffer, in place — or, with
 * `src` (same shape, only read), from `src` into `data`.
 */
export function r2rAlongAxis(data: Float64Array, shape: readonly number[], axis: number, plan: R2RPlan, src: Float64Array = data): void {
  checkAxes(shape, [axis]);
  const n = shape[axis];
  const { outer, inner } = innerOuter(shape, axis);
  if (outer * inner === 0 || n === 0) return;
  if (inner === 1) {
    for (let o = 0; o < outer; o++) plan.executeFrom(src, o * n, data, o * n);
    return;
  }
  const line = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const a = o * n * inner + i;
      for (let j = 0, p = a; j < n; j++, p += inner) line[j] = src[p];
      plan.execute(line, 0);
      for (let j = 0, p = a; j < n; j++, p += inner) data[p] = line[j];
    }
  }
}
