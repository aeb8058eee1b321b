import { encodeAxisMap } from '../kernels/fft-axis-map.js';
import { encodeStockhamPass, type StockhamPassShape } from '../kernels/fft-stockham.js';
import type { Batch } from '../program/batch.js';
import type { Runtime } from '../runtime.js';
import { bluesteinTables } from './bluestein-tables.js';
import { type PassPlan, planPasses, twiddleSplit, twiddleTable } from './plan.js';

/**
 * Complex FFT of length n along the middle axis of a C-contiguous [outer, n, inner]
 * buffer, recorded into `batch`. Lengths whose prime factors are 2, 3, 5, 7 run as a
 * few Stockham passes; any other length goes through Bluestein's chirp-z algorithm on a
 * power-of-two length ≥ 2n − 1 (L. Bluestein, 1970; see also Rabiner, Schafer & Rader,
 * "The chirp z-transform algorithm", 1969).
 */
export interface AxisLayout {
  readonly outer: number;
  readonly n: number;
  readonly inner: number;
}

export interface C2COptions {
  /** +1 forward, -1 inverse. */
  readonly sign: 1 | -1;
  readonly scale: number;
  /** Input buffer holds float32 (real) values. */
  readonly realInput: boolean;
  readonly inOffset: number;
}

const BYTES = 8;

export function maxRadix(rt: Runtime): number {
  return Math.floor(rt.ctx.info.limits.maxComputeWorkgroupStorageSize / (2 * BYTES));
}

const pow2Floor = (v: number) => 2 ** Math.floor(Math.log2(Math.max(1, v)));
const pow2Ceil = (v: number) => 2 ** Math.ceil(Math.log2(Math.max(1, v)));

function passShape(rt: Runtime, pass: PassPlan, layout: AxisLayout, index: number, count: number, realInput: boolean): StockhamPassShape {
  const limits = rt.ctx.info.limits;
  const numColumns = (layout.outer * layout.inner * layout.n) / pass.radix;
  const columns = Math.max(1, Math.min(pow2Floor(maxRadix(rt) / pass.radix), pow2Ceil(numColumns)));
  const maxThreads = Math.min(256, limits.maxComputeInvocationsPerWorkgroup, limits.maxComputeWorkgroupSizeX);
  const threads = Math.min(maxThreads, Math.max(32, pow2Ceil(Math.ceil((columns * pass.radix) / 4))));
  return {
    radix: pass.radix,
    subRadices: pass.subRadices,
    columns,
    threads,
    unitInner: layout.inner === 1,
    first: index === 0,
    whole: count === 1,
    realInput,
  };
}

/** Record an FFT of `input` into `output` (both [outer, n, inner]; output complex64, offset 0). */
export function encodeC2C(batch: Batch, layout: AxisLayout, opts: C2COptions, input: GPUBuffer, output: GPUBuffer): void {
  const rt = batch.rt;
  const { n } = layout;
  const total = layout.outer * n * layout.inner;
  if (total === 0) return;
  const passes = planPasses(n, maxRadix(rt));
  if (!passes) {
    encodeBluestein(batch, layout, opts, input, output);
    return;
  }
  if (passes.length === 0) {
    // n = 1: the transform is the identity (times the scale).
    encodeAxisMap(
      batch,
      { mode: 'resize', realInput: opts.realInput },
      { outer: layout.outer, inner: layout.inner, nIn: 1, nOut: 1, inOffset: opts.inOffset, scale: opts.scale },
      input,
      output,
    );
    return;
  }
  const table = twiddleTable(rt, n);
  // Intermediate results alternate between two scratch buffers (one suffices for two passes).
  const scratch = [
    passes.length > 1 ? batch.scratch(total * BYTES) : output,
    passes.length > 2 ? batch.scratch(total * BYTES) : output,
  ];
  let p = 1;
  let src = input;
  passes.forEach((pass, index) => {
    const last = index === passes.length - 1;
    const dst = last ? output : scratch[index % 2];
    const shape = passShape(rt, pass, layout, index, passes.length, index === 0 && opts.realInput);
    encodeStockhamPass(
      batch,
      shape,
      {
        n,
        inner: layout.inner,
        p,
        numColumns: total / pass.radix,
        inOffset: index === 0 ? opts.inOffset : 0,
        outOffset: 0,
        split: twiddleSplit(n),
        sign: opts.sign,
        scale: last ? opts.scale : 1,
      },
      src,
      table.buffer,
      dst,
    );
    p *= pass.radix;
    src = dst;
  });
}

/**
 * X_k = w_k · Σ_j (x_j w_j) · conj(w_{k−j}), w_j = exp(−sign·iπ j²/n): the sum is a
 * circular convolution of length m, done as FFT_m, a product with the precomputed
 * spectrum of the chirp, and an inverse FFT_m.
 */
function encodeBluestein(batch: Batch, layout: AxisLayout, opts: C2COptions, input: GPUBuffer, output: GPUBuffer): void {
  const { outer, n, inner } = layout;
  const tables = bluesteinTables(batch.rt, n, opts.sign);
  const m = tables.m;
  const padded = batch.scratch(outer * m * inner * BYTES);
  const spectrum = batch.scratch(outer * m * inner * BYTES);
  const big: AxisLayout = { outer, n: m, inner };
  encodeAxisMap(
    batch,
    { mode: 'table', realInput: opts.realInput },
    { outer, inner, nIn: n, nOut: m, inOffset: opts.inOffset, scale: 1 },
    input,
    padded,
    tables.chirp.buffer,
  );
  encodeC2C(batch, big, { sign: 1, scale: 1, realInput: false, inOffset: 0 }, padded, spectrum);
  encodeAxisMap(
    batch,
    { mode: 'table', realInput: false },
    { outer, inner, nIn: m, nOut: m, inOffset: 0, scale: 1 },
    spectrum,
    padded,
    tables.kernel.buffer,
  );
  // The 1/m of the inverse transform is folded into the kernel spectrum.
  encodeC2C(batch, big, { sign: -1, scale: 1, realInput: false, inOffset: 0 }, padded, spectrum);
  encodeAxisMap(
    batch,
    { mode: 'table', realInput: false },
    { outer, inner, nIn: m, nOut: n, inOffset: 0, scale: opts.scale },
    spectrum,
    output,
    tables.chirp.buffer,
  );
}
