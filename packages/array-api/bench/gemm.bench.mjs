#!/usr/bin/env node
/**
 * Matrix product speed: `matmul` on float64/float32 n×n matrices against NumPy's `A @ B`
 * (OpenBLAS on one thread: OPENBLAS_NUM_THREADS=1), and the WebAssembly kernel alone on
 * operands already in its memory. CPU time per call, interleaved with Python round by round,
 * medians over the rounds (tooling/bench/interleave.mjs); GF/s = 2n³ / time.
 *
 *   pnpm build && node packages/array-api/bench/gemm.bench.mjs [--sizes=256,512,1024,2048] [--rounds=3]
 */
import { matmul, NDArray } from '@sciport/array-api';
import { wasmGemm } from '@sciport/array-api/kernels';
import { collectGarbage, jsSampler, median, startPython, warmAllocator } from '../../../tooling/bench/interleave.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SIZES = arg('sizes', '256,512,1024,2048').split(',').map(Number);
const ROUNDS = Number(arg('rounds', '3'));

const PY = `
import numpy as np
def hello():
    return {"numpy": np.__version__}
_m = {}
def make(c):
    key = (c["n"], c["dtype"])
    if key not in _m:
        rng = np.random.default_rng(c["n"])
        _m[key] = (rng.standard_normal((c["n"], c["n"])).astype(c["dtype"]), rng.standard_normal((c["n"], c["n"])).astype(c["dtype"]))
    a, b = _m[key]
    return lambda: a @ b
`;

function random(size, seed) {
  const out = new Float64Array(size);
  let t = seed >>> 0;
  for (let i = 0; i < size; i++) {
    t = (Math.imul(t, 1664525) + 1013904223) >>> 0;
    out[i] = t / 2 ** 31 - 1;
  }
  return out;
}

warmAllocator();
const py = await startPython(PY, { sampleMs: 25, warmMs: 60, env: { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } });
const sample = jsSampler({ sampleMs: 25, warmMs: 60 });
const kernel = wasmGemm();
const rows = [];
for (const dtype of ['float64', 'float32']) {
  for (const n of SIZES) {
    const Typed = dtype === 'float32' ? Float32Array : Float64Array;
    const a = new NDArray(Typed.from(random(n * n, 1)), [n, n], dtype);
    const b = new NDArray(Typed.from(random(n * n, 2)), [n, n], dtype);
    const size = dtype === 'float32' ? 4 : 8;
    const key = `${dtype}|${n}`;
    const r = { dtype, n, ours: [], kernel: [], numpy: [] };
    for (let round = 0; round < ROUNDS; round++) {
      collectGarbage();
      r.ours.push(sample(`${key}|matmul`, () => matmul(a, b)));
      if (kernel !== null) {
        const base = kernel.alloc(3 * n * n * size);
        const mem = dtype === 'float32' ? kernel.f32() : kernel.f64();
        mem.set(a.data, base / size);
        mem.set(b.data, base / size + n * n);
        const run = dtype === 'float32' ? kernel.sgemm : kernel.dgemm;
        r.kernel.push(sample(`${key}|kernel`, () => run(0, 0, n, n, n, 1, base, n, base + n * n * size, n, 0, base + 2 * n * n * size, n)));
        kernel.release(base);
      }
      if (py.sample) r.numpy.push(await py.sample(key, { n, dtype }));
    }
    const gf = (s) => (s == null ? '—' : ((2 * n ** 3) / s / 1e9).toFixed(1));
    const [o, k, p] = [median(r.ours), median(r.kernel), median(r.numpy)];
    rows.push(`| ${dtype} | ${n} | ${gf(o)} | ${gf(k)} | ${gf(p)} | ${o && p ? (o / p).toFixed(2) : '—'} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
}
if (py.close) await py.close();
console.log('| dtype | n | matmul GF/s | kernel alone GF/s | NumPy GF/s | time ratio ours/NumPy |\n|---|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
