// Benchmarks of @sciport/backend-webgpu. Writes bench/results.md (a BENCHMARKS.md section).
//
//   node packages/backend-webgpu/bench/webgpu.bench.mjs      (after `pnpm build`)
//
// On any adapter: sciport's WGSL FFT against TensorFlow.js's WebGPU FFT on the same
// adapter, N = 2^8 … 2^16, time and accuracy side by side (on a software adapter only
// these ratios mean anything). On a hardware adapter also: fft 2^20 and 2^24 complex64
// batches, fft2 4096², matmul 4096 f32, with GB/s or GFLOP/s and the ratio to the device's
// memory bandwidth (measured with a buffer copy, and the datasheet figure when the device
// is known or given) or f32 peak. Nothing here changes from machine to machine.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = fileURLToPath(new URL('.', import.meta.url));
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

const { asarray } = await import('@sciport/array-api');
const { fft, ifft, fft2 } = await import('@sciport/fft');
const webgpu = await import('@sciport/backend-webgpu');
const { initWebGPU, destroyWebGPU, getDevice, toDevice, gpuNamespace: gx } = webgpu;

/** Open the adapter Dawn finds; without one, fall back to SwiftShader from Debian's chromium. */
async function openAdapter() {
  try {
    return await initWebGPU();
  } catch (error) {
    if (process.env.VK_ICD_FILENAMES || !existsSync(SWIFTSHADER_ICD)) throw error;
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    return await initWebGPU();
  }
}

const info = await openAdapter();
// SCIPORT_WEBGPU_BENCH_SMOKE=1 runs the hardware section at 1/256 of its sizes on whatever
// adapter there is (to check the script itself); it writes no results file.
const smoke = process.env.SCIPORT_WEBGPU_BENCH_SMOKE === '1';
const software =
  !smoke && (info.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|software/i.test(`${info.vendor} ${info.architecture} ${info.description}`));
const shrink = smoke ? 256 : 1;
console.log(`adapter: ${info.name} (${software ? 'software' : 'hardware'})`);

/** Three significant digits. */
const sig = (v) => Number(v.toPrecision(3)).toString();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function randomComplex(n, seed) {
  let a = seed >>> 0;
  const out = new Float64Array(2 * n);
  for (let k = 0; k < out.length; k++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[k] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

function relError(got, want) {
  let err = 0;
  let mag = 0;
  for (let k = 0; k < want.length; k++) {
    err = Math.max(err, Math.abs(got[k] - want[k]));
    mag = Math.max(mag, Math.abs(want[k]));
  }
  return err / mag;
}

/** Median wall time (ms) of `run` (which resolves when its GPU work and readback are done). */
async function time(run, { warmup = 1, repeats = 5, budgetMs = 20_000 } = {}) {
  for (let k = 0; k < warmup; k++) await run();
  const times = [];
  const start = performance.now();
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
    if (performance.now() - start > budgetMs) break;
  }
  return median(times);
}

// ---------------------------------------------------------------- TensorFlow.js peer
async function loadTensorflow() {
  try {
    const { create, globals } = await import(require.resolve('webgpu'));
    for (const [key, value] of Object.entries(globals)) if (!(key in globalThis)) globalThis[key] = value;
    const gpu = create(['enable-dawn-features=disable_workgroup_init']);
    if (!globalThis.navigator?.gpu) Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: 'node' }, configurable: true });
    const tf = await import(require.resolve('@tensorflow/tfjs-core'));
    await import(require.resolve('@tensorflow/tfjs-backend-webgpu'));
    if (!(await tf.setBackend('webgpu'))) return { error: 'tf.setBackend("webgpu") returned false' };
    await tf.ready();
    return { tf };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}

const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

out('## WebGPU backend (`@sciport/backend-webgpu`)');
out('');
out(`Adapter: **${info.name}** (${software ? 'software adapter' : 'hardware adapter'}), through Dawn (\`webgpu\` package) in Node ${process.version}.`);
out('');

// ---------------------------------------------------------------- 1-D FFT vs TF.js
const { tf, error: tfError } = smoke ? { error: 'smoke run' } : await loadTensorflow();
out('### FFT against TensorFlow.js WebGPU on the same adapter');
out('');
out(
  'One complex64 row of length N: forward transform plus readback, median wall time. Accuracy is the max error over ' +
    'max |X| against the float64 host FFT of the same float32 input. TensorFlow.js 4.22 computes its WebGPU FFT as a ' +
    'direct O(N²) DFT; sciport uses Stockham passes in workgroup memory.' +
    (software ? ' On a software adapter only the ratios mean anything (the GPU is emulated on the CPU).' : ''),
);
out('');
if (tfError) out(`TensorFlow.js could not run here: ${tfError}. Only sciport's figures are listed.`);
out('| N | sciport (ms) | TF.js (ms) | TF.js / sciport | sciport error | TF.js error |');
out('|---:|---:|---:|---:|---:|---:|');
let tfSkipFrom;
for (let e = 8; e <= (smoke ? 9 : 16); e++) {
  const n = 2 ** e;
  const data = randomComplex(n, e);
  const input32 = Float32Array.from(data);
  const reference = fft(asarray(Float64Array.from(input32), { dtype: 'complex128', shape: [n] })).toTypedArray();
  const xg = toDevice(asarray(input32, { dtype: 'complex64', shape: [n] }));
  let ours;
  const oursMs = await time(async () => {
    const y = fft(xg);
    ours = (await y.toHost()).toTypedArray();
    y.dispose();
  });
  xg.dispose();
  let tfMs = Number.NaN;
  let tfErr = Number.NaN;
  let tfNote = '';
  if (tf && (tfSkipFrom === undefined || tfSkipFrom.projectedMs < 180_000)) {
    const once = tfSkipFrom !== undefined;
    const re = tf.tensor1d(Float32Array.from({ length: n }, (_, k) => input32[2 * k]));
    const im = tf.tensor1d(Float32Array.from({ length: n }, (_, k) => input32[2 * k + 1]));
    const c = tf.complex(re, im);
    let theirs;
    tfMs = await time(
      async () => {
        const y = tf.spectral.fft(c);
        theirs = await y.data();
        y.dispose();
      },
      once ? { warmup: 0, repeats: 1 } : { repeats: 3, budgetMs: 30_000 },
    );
    if (once) tfNote = `${tfMs.toFixed(0)} (one run)`;
    tfErr = relError(theirs, reference);
    for (const t of [re, im, c]) t.dispose();
    // O(N²): past a minute per call, time one run only; past three minutes, stop.
    if (tfMs * 4 > 60_000) tfSkipFrom = { n: 2 * n, projectedMs: tfMs * 4 };
  } else if (tf) {
    tfNote = `not run (projected ${(tfSkipFrom.projectedMs / 60_000).toFixed(0)} min per call)`;
  }
  const fmt = (v, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '—');
  out(
    `| 2^${e} | ${fmt(oursMs)} | ${tfNote || fmt(tfMs)} | ${Number.isFinite(tfMs) ? `${(tfMs / oursMs).toFixed(1)}×` : '—'} | ` +
      `${relError(ours, reference).toExponential(1)} | ${Number.isFinite(tfErr) ? tfErr.toExponential(1) : '—'} |`,
  );
}
out('');

// ---------------------------------------------------------------- real-GPU figures
/** Datasheet memory bandwidth (GB/s) and f32 non-tensor peak (GFLOP/s) of common GPUs. */
const DATASHEET = [
  [/H200/i, 4800, 66900],
  [/H100.*(SXM|HBM3)/i, 3350, 66900],
  [/H100/i, 2000, 51200],
  [/A100.*80/i, 2039, 19500],
  [/A100/i, 1555, 19500],
  [/L40S/i, 864, 91600],
  [/RTX 4090/i, 1008, 82600],
  [/RTX 3090/i, 936, 35600],
  [/A10\b/i, 600, 31200],
  [/T4\b/i, 320, 8100],
];

function devicePeaks() {
  const name = `${info.vendor} ${info.architecture} ${info.description}`;
  const envBw = Number(process.env.SCIPORT_GPU_BANDWIDTH_GBPS);
  const envFlops = Number(process.env.SCIPORT_GPU_F32_GFLOPS);
  const row = DATASHEET.find(([re]) => re.test(name));
  return {
    bandwidth: envBw > 0 ? envBw : row?.[1],
    flops: envFlops > 0 ? envFlops : row?.[2],
    source: envBw > 0 || envFlops > 0 ? 'environment' : row ? 'datasheet' : undefined,
  };
}

/** Time GPU work only: submit, then wait for the queue (no readback). */
async function gpuTime(run, repeats = 10) {
  const device = getDevice();
  return time(
    async () => {
      const dispose = run();
      await device.queue.onSubmittedWorkDone();
      dispose();
    },
    { warmup: 2, repeats, budgetMs: 60_000 },
  );
}

out('### Large transforms and matmul on the GPU');
out('');
if (software) {
  out(
    `Pending: this run had only a software adapter (${info.name}). The same script measures, on any machine with a GPU, ` +
      'fft 2^20 and 2^24 complex64 batches, fft2 4096², matmul 4096 f32, each with GB/s or GFLOP/s and its ratio to the ' +
      "device's memory bandwidth or f32 peak. Goals: FFT at ≥ 50% of the memory-bandwidth bound, matmul at ≥ 30% of f32 peak.",
  );
} else {
  const peaks = devicePeaks();
  // Measured bandwidth: a large device-to-device copy (read + write).
  const device = getDevice();
  const copyBytes = (512 * 1024 * 1024) / shrink;
  const src = device.createBuffer({ size: copyBytes, usage: 0x04 | 0x08 | 0x80 });
  const dst = device.createBuffer({ size: copyBytes, usage: 0x04 | 0x08 | 0x80 });
  const copyMs = await gpuTime(() => {
    const enc = device.createCommandEncoder();
    enc.copyBufferToBuffer(src, 0, dst, 0, copyBytes);
    device.queue.submit([enc.finish()]);
    return () => {};
  });
  src.destroy();
  dst.destroy();
  const copyGBs = (2 * copyBytes) / (copyMs * 1e6);
  out(
    `Memory bandwidth: ${sig(copyGBs)} GB/s measured with a ${copyBytes / 2 ** 20} MiB buffer copy` +
      (peaks.bandwidth ? `; ${peaks.bandwidth} GB/s nominal (${peaks.source}).` : '; nominal figure unknown (set SCIPORT_GPU_BANDWIDTH_GBPS).') +
      (peaks.flops ? ` f32 peak: ${peaks.flops} GFLOP/s (${peaks.source}).` : ' f32 peak unknown (set SCIPORT_GPU_F32_GFLOPS).'),
  );
  out('');
  out(
    'FFT bandwidth counts one read and one write of the data (the bound any FFT has); the ratio is that bound\'s time over the measured time.',
  );
  out('');
  out('| operation | shape | time (ms) | rate | vs measured copy | vs nominal |');
  out('|---|---|---:|---:|---:|---:|');
  const ratio = (v, peak) => (peak ? `${((100 * v) / peak).toFixed(0)}%` : '—');
  const fftCase = async (label, shape, axes) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const x = gx.astype(gx.linspace(-1, 1, size), 'complex64');
    const xs = gx.reshape(x, shape);
    const ms = await gpuTime(() => {
      const y = axes === 2 ? fft2(xs) : fft(xs);
      return () => y.dispose();
    });
    // round-trip check on the largest case
    const back = ifft(fft(xs));
    const diff = gx.max(gx.abs(gx.subtract(back, xs)));
    const err = (await diff.toHost()).toTypedArray()[0];
    x.dispose();
    xs.dispose();
    const gbs = (2 * size * 8) / (ms * 1e6);
    out(`| ${label} | [${shape.join(', ')}] | ${ms.toFixed(2)} | ${sig(gbs)} GB/s | ${ratio(gbs, copyGBs)} | ${ratio(gbs, peaks.bandwidth)} |`);
    console.log(`  round-trip max error ${err.toExponential(1)}`);
  };
  await fftCase('fft 2^20 complex64, batch 32', [32 / (smoke ? 32 : 1), 2 ** 20 / (smoke ? 8 : 1)], 1);
  await fftCase('fft 2^24 complex64, batch 4', [4 / (smoke ? 4 : 1), 2 ** 24 / (smoke ? 64 : 1)], 1);
  await fftCase('fft2 4096² complex64', [4096 / (smoke ? 16 : 1), 4096 / (smoke ? 16 : 1)], 2);
  const n = 4096 / (smoke ? 16 : 1);
  const a = gx.reshape(gx.linspace(-1, 1, n * n), [n, n]);
  const b = gx.matrixTranspose(a);
  const mmMs = await gpuTime(() => {
    const c = gx.matmul(a, b);
    return () => c.dispose();
  }, 5);
  const gflops = (2 * n ** 3) / (mmMs * 1e6);
  out(`| matmul f32 | ${n}×${n}·${n}×${n} | ${mmMs.toFixed(2)} | ${sig(gflops)} GFLOP/s | — | ${ratio(gflops, peaks.flops)} |`);
  a.dispose();
  b.dispose();
}
out('');

if (!smoke) {
  writeFileSync(`${here}results.md`, `${lines.join('\n')}\n`);
  console.log(`wrote ${here}results.md`);
}
destroyWebGPU();
process.exit(0);
