// `pnpm demo`: scipy.fft in TypeScript through the dispatch core, and explain() saying
// why each call went where it did.
import { asarray } from '@sciport/array-api';
import {
  ARRAY_BRAND,
  defineBackend,
  formatRecord,
  implement,
  NOT_CONVERTIBLE,
  registerBackend,
  trace,
  withBackend,
} from '@sciport/dispatch-core';
import { explain, fft, fft2, fftfreq, fftshift, irfft, rfft } from '@sciport/fft';

const log = (title, text) => console.log(`\n── ${title}\n${text}`);
const fmt = (v) =>
  Array.isArray(v) ? `[${v.map(fmt).join(', ')}]` : Math.abs(v) < 5e-5 ? '0' : String(Number(Number(v).toFixed(4)));

// 1. SciPy's calls, camelCase, keywords in one options object.
const n = 8;
const x = asarray(Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * 2 * i) / n)));
log('fft(cos(2π·2t)) — energy at ±2', fmt(fft(x).toArray()));
log("rfft(x, { norm: 'ortho' })", fmt(rfft(x, { norm: 'ortho' }).toArray()));
log('irfft(rfft(x)) round trip', fmt(irfft(rfft(x), { n }).toArray()));
log('fftshift(fftfreq(8, 0.1)) — written once against the array namespace', fmt(fftshift(fftfreq(8, 0.1)).toArray()));

// 2. Why did it run where it ran?
log('explain(fft, x) on a host array', formatRecord(explain(fft, x)));

// 3. A backend for another array kind registers itself (as importing
//    @sciport/backend-webgpu or @sciport/backend-cluster does).
class TaggedArray {
  constructor(host) {
    this.host = host;
    this.dtype = host.dtype;
    this.shape = host.shape;
    this[ARRAY_BRAND] = 'tagged';
  }
  async toHost() {
    return this.host;
  }
}
registerBackend(
  defineBackend({
    name: 'tagged',
    kinds: ['tagged'],
    functions: [implement(fft, (a, options) => new TaggedArray(fft(a.host, options)))],
    canRun: (_fn, [a]) => (a.dtype === 'float16' ? 'float16 not supported' : true),
    convert: (value, coerce) => (coerce && value?.[ARRAY_BRAND] === 'host' ? new TaggedArray(value) : NOT_CONVERTIBLE),
  }),
);
const tagged = new TaggedArray(x);
log('fft(taggedArray) → the backend that owns the kind', formatRecord(explain(fft, tagged)));
log(
  "withBackend('tagged', …, { coerce: true }) converts host input",
  formatRecord(withBackend('tagged', () => explain(fft, x), { coerce: true })),
);
try {
  rfft(tagged);
} catch (error) {
  log('rfft(taggedArray): the backend lacks it, so dispatch refuses (no silent read-back)', error.message);
}
const { records } = trace(() => [fft(x), fft(tagged)]);
log('trace() of two calls (the tagged implementation itself calls fft on host data)', records.map((r) => `${r.function} → ${r.chosen}`).join('\n'));

// 4. The same fft2 call on chunked arrays over worker threads, and on the GPU, when the
//    backend packages are installed (they register themselves on import).
const signal = asarray(Array.from({ length: 64 }, (_, i) => Array.from({ length: 64 }, (_, j) => Math.sin(i * 0.3) + Math.cos(j * 0.7))));
const reference = fft2(signal).toTypedArray();
const maxError = (values) => Math.max(...values.map((v, i) => Math.abs(v - reference[i])));
try {
  const { cluster, chunked } = await import('@sciport/backend-cluster');
  const c = await cluster.local({ workers: 2 });
  try {
    const xc = chunked(signal, { chunks: [32, 32], cluster: c });
    const y = await fft2(xc).toHost();
    log('fft2 on a ChunkedArray (2 worker threads, 4 blocks)', `${formatRecord(explain(fft2, xc))}\nmax |difference| from the host result: ${maxError([...y.toTypedArray()]).toExponential(1)}`);
  } finally {
    await c.close();
  }
} catch (error) {
  log('cluster backend', `skipped: ${error.message}`);
}
try {
  const { existsSync } = await import('node:fs');
  const swiftshader = '/usr/lib/chromium/vk_swiftshader_icd.json';
  if (!process.env.VK_ICD_FILENAMES && existsSync(swiftshader)) process.env.VK_ICD_FILENAMES = swiftshader;
  const { initWebGPU, toDevice, webgpuInfo, destroyWebGPU } = await import('@sciport/backend-webgpu');
  await initWebGPU();
  const xg = toDevice(signal, { dtype: 'float32' });
  const yg = fft2(xg);
  const y = await yg.toHost();
  log(
    `fft2 on a GPUArray (WGSL on ${webgpuInfo()?.name ?? 'the WebGPU adapter'})`,
    `${formatRecord(explain(fft2, xg))}\nmax |difference| from the float64 host result: ${maxError([...y.toTypedArray()]).toExponential(1)} (float32)`,
  );
  xg.dispose();
  yg.dispose();
  await destroyWebGPU();
} catch (error) {
  log('WebGPU backend', `skipped: ${error.message}`);
}
