#!/usr/bin/env node
/**
 * Benchmark of @sciport/fft against SciPy (pocketfft) and fft.js, single thread, float64,
 * in one run.
 *
 *   pnpm --filter @sciport/fft build && node packages/sci-fft/bench/fft.bench.mjs
 *
 * "ours" is what a user runs: the public functions (`fft(x)`, `rfft(x)`, `fft2(x)`,
 * `dct(x)`) on NDArrays from @sciport/array-api, dispatch, option checks, output
 * allocation and the copy of the input included, like SciPy's `scipy.fft.fft(x)`.
 * "kernel" is the CPU kernel called directly on a preallocated buffer (the input copied
 * into it first). fft.js runs out of place into a preallocated array.
 *
 * Each sample times enough calls to last >= 20 ms, after a warm-up (>= 250 ms); a figure
 * is the fastest of 11 samples, over 2 rounds that alternate between our side and SciPy's
 * (the figure least disturbed by other work on the machine, the same rule on both sides).
 * SciPy runs through `python3 -c` when python3 with scipy is available (else skipped with
 * a note).
 *
 * Allocator state: both processes first allocate and free a 31 MB block. That raises
 * glibc malloc's mmap threshold, so the outputs of large transforms come from the heap
 * instead of fresh pages — the state of any process that has already used a large array,
 * and SciPy's fastest (on this VM a fresh Python process pays page faults that make e.g.
 * its 65536-point fft about twice as slow). The "SciPy, fresh process" column shows that
 * other state: each case alone in a new Python process, no warm-up allocation.
 *
 * Writes bench/results.json and bench/results.md next to this file and prints the
 * markdown table. Options: --quick (fewer samples), --no-scipy, --no-fresh (skip the
 * fresh-process column), --only=<id,…>, --typescript (the pure-TypeScript fallback
 * kernels instead of wasm-simd).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NDArray } from '@sciport/array-api';
import FFT from 'fft.js';
import { dct, fft, fft2, rfft } from '../dist/index.js';
import { activeKernels, complexAlongAxes, completeSpectrum, complexPlan, r2rPlan, realAlongAxes, realPlan, setWasmEnabled } from '../dist/kernels/index.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
const SAMPLES = quick ? 5 : 11;
const ROUNDS = quick ? 1 : 2;
if (args.has('--typescript')) setWasmEnabled(false);
const SAMPLE_MS = quick ? 10 : 20;
const WARM_MS = 250;

/** id, label, transform kind, length (fft2: side length). Kinds: complex (fft of complex128), real (rfft), fft2 (complex128), fft2real (fft2 of float64), fftreal (fft of float64), dct (type 2 of float64). */
const ALL_CASES = [
  { id: 'c1024', label: 'fft 1024', kind: 'complex', n: 1024 },
  { id: 'c4096', label: 'fft 4096', kind: 'complex', n: 4096 },
  { id: 'c65536', label: 'fft 65536', kind: 'complex', n: 65536 },
  { id: 'c1048576', label: 'fft 2^20', kind: 'complex', n: 2 ** 20 },
  { id: 'c1000', label: 'fft 1000', kind: 'complex', n: 1000 },
  { id: 'c65537', label: 'fft 65537 (prime)', kind: 'complex', n: 65537 },
  { id: 'c1048577', label: 'fft 2^20+1', kind: 'complex', n: 2 ** 20 + 1 },
  { id: 'r1048576', label: 'rfft 2^20', kind: 'real', n: 2 ** 20 },
  { id: 'f1024', label: 'fft2 1024x1024', kind: 'fft2', n: 1024 },
  { id: 'fr1024', label: 'fft2 1024x1024 of real input', kind: 'fft2real', n: 1024 },
  { id: 'fr65536', label: 'fft 65536 of real input', kind: 'fftreal', n: 65536 },
  { id: 'd65536', label: 'dct 65536', kind: 'dct', n: 65536 },
];
const CASES = only ? ALL_CASES.filter((c) => only.has(c.id)) : ALL_CASES;

function randomArray(len, seed) {
  const out = new Float64Array(len);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < len; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 2147483648 - 1;
  }
  return out;
}

/** Seconds per call of fn(): the fastest of SAMPLES samples (the one least disturbed by other work on the machine). */
function measure(fn) {
  // warm-up (JIT tiers, plan caches): at least 3 calls and 250 ms
  const warm = performance.now();
  for (let i = 0; i < 3 || performance.now() - warm < WARM_MS; i++) fn();
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const dt = performance.now() - t0;
    if (dt >= SAMPLE_MS || reps >= 1 << 20) break;
    reps *= dt > 0 ? Math.min(10, Math.max(2, Math.ceil(SAMPLE_MS / dt))) : 10;
  }
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    samples.push((performance.now() - t0) / reps);
  }
  return Math.min(...samples) / 1000;
}

/** 2-D complex FFT of an n×n row-major array with a 1-D fft.js plan: rows, then each column gathered. */
function fft2WithPlan(plan, data, n, col) {
  for (let r = 0; r < n; r++) plan.execute(data, 2 * n * r, true, 1);
  for (let c = 0; c < n; c++) {
    for (let r = 0; r < n; r++) {
      col[2 * r] = data[2 * (r * n + c)];
      col[2 * r + 1] = data[2 * (r * n + c) + 1];
    }
    plan.execute(col, 0, true, 1);
    for (let r = 0; r < n; r++) {
      data[2 * (r * n + c)] = col[2 * r];
      data[2 * (r * n + c) + 1] = col[2 * r + 1];
    }
  }
}

/** The public function on an NDArray, as a user calls it. */
function oursFn(c) {
  const { kind, n } = c;
  if (kind === 'complex') {
    const x = new NDArray(randomArray(2 * n, n), [n], 'complex128');
    return () => fft(x);
  }
  if (kind === 'fft2') {
    const x = new NDArray(randomArray(2 * n * n, n), [n, n], 'complex128');
    return () => fft2(x);
  }
  if (kind === 'fft2real') {
    const x = new NDArray(randomArray(n * n, n), [n, n], 'float64');
    return () => fft2(x);
  }
  const x = new NDArray(randomArray(n, n), [n], 'float64');
  if (kind === 'real') return () => rfft(x);
  if (kind === 'fftreal') return () => fft(x);
  return () => dct(x);
}

/** The kernel alone, on preallocated buffers (the input copied in first where it works in place). */
function kernelFn(c) {
  const { kind, n } = c;
  if (kind === 'complex') {
    const x = randomArray(2 * n, n);
    const data = new Float64Array(2 * n);
    const plan = complexPlan(n);
    return () => {
      data.set(x);
      plan.execute(data, 0, true, 1);
    };
  }
  if (kind === 'fft2') {
    const x = randomArray(2 * n * n, n);
    const data = new Float64Array(2 * n * n);
    return () => {
      data.set(x);
      complexAlongAxes(data, [n, n], [0, 1], true, 1);
    };
  }
  if (kind === 'fft2real') {
    // the half spectrum (real FFTs of the rows, complex FFTs of its columns), then the other half
    const x = randomArray(n * n, n);
    const m = (n >> 1) + 1;
    const half = new Float64Array(2 * n * m);
    const out = new Float64Array(2 * n * n);
    const how = { realAxis: 1, n, reversed: [0], scale: 1, conj: false };
    return () => {
      realAlongAxes(x, [n, n], 1, [0], half, 1);
      completeSpectrum({ data: half, shape: [n, m], start: 0 }, { data: out, shape: [n, n], start: 0 }, how);
    };
  }
  const x = randomArray(n, n);
  if (kind === 'dct') {
    const data = new Float64Array(n);
    const plan = r2rPlan('dct', 2, n, { norm: 'backward', orthogonalize: false, inverse: false });
    return () => {
      data.set(x);
      plan.execute(data, 0);
    };
  }
  // real, fftreal: the half spectrum (the Hermitian half of fft of real input is not included)
  const out = new Float64Array(2 * ((n >> 1) + 1));
  const plan = realPlan(n);
  return () => plan.forward(x, 0, out, 0, 1);
}

function fftjsFn(c) {
  const { kind, n } = c;
  if ((n & (n - 1)) !== 0 || kind === 'dct' || kind === 'fft2real') return null; // fft.js: powers of two, no DCT, no real 2-D
  const f = new FFT(n);
  if (kind === 'complex') {
    const x = randomArray(2 * n, n);
    const out = f.createComplexArray();
    return () => f.transform(out, x);
  }
  if (kind === 'real' || kind === 'fftreal') {
    const x = randomArray(n, n);
    const out = f.createComplexArray();
    if (kind === 'real') return () => f.realTransform(out, x);
    return () => {
      f.realTransform(out, x);
      f.completeSpectrum(out);
    };
  }
  const x = randomArray(2 * n * n, n);
  const data = new Float64Array(2 * n * n);
  const plan = {
    row: new Float64Array(2 * n),
    out: new Float64Array(2 * n),
    execute(buf, off) {
      this.row.set(buf.subarray(off, off + 2 * n));
      f.transform(this.out, this.row);
      buf.set(this.out, off);
    },
  };
  const col = new Float64Array(2 * n);
  return () => {
    data.set(x);
    fft2WithPlan(plan, data, n, col);
  };
}

const PY = `
import json, sys, time
import numpy as np
import scipy, scipy.fft as sf
cases = json.loads(sys.argv[1]); samples = int(sys.argv[2]); sample_s = float(sys.argv[3]) / 1000; warm_s = float(sys.argv[4]) / 1000
warm_allocator = sys.argv[5] == "1"
def measure(fn):
    warm = time.perf_counter()
    i = 0
    while i < 3 or time.perf_counter() - warm < warm_s:
        fn(); i += 1
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps): fn()
        dt = time.perf_counter() - t0
        if dt >= sample_s or reps >= 1 << 20: break
        reps *= min(10, max(2, int(np.ceil(sample_s / dt)))) if dt > 0 else 10
    out = []
    for _ in range(samples):
        t0 = time.perf_counter()
        for _ in range(reps): fn()
        out.append((time.perf_counter() - t0) / reps)
    return float(min(out))
# Warm glibc's allocator as any process that has used a large array is: freeing a 31 MB
# block raises malloc's mmap threshold, so outputs come from the heap instead of fresh
# pages (on a VM, page faults alone make e.g. a 65536-point fft about twice as slow).
if warm_allocator: np.ones(31 << 17)
rng = np.random.default_rng(1)
res = {}
for c in cases:
    n = c["n"]
    if c["kind"] == "complex":
        x = rng.standard_normal(n) + 1j * rng.standard_normal(n); fn = lambda x=x: sf.fft(x, workers=1)
    elif c["kind"] == "real":
        x = rng.standard_normal(n); fn = lambda x=x: sf.rfft(x, workers=1)
    elif c["kind"] == "fftreal":
        x = rng.standard_normal(n); fn = lambda x=x: sf.fft(x, workers=1)
    elif c["kind"] == "fft2real":
        x = rng.standard_normal((n, n)); fn = lambda x=x: sf.fft2(x, workers=1)
    elif c["kind"] == "dct":
        x = rng.standard_normal(n); fn = lambda x=x: sf.dct(x, workers=1)
    else:
        x = rng.standard_normal((n, n)) + 1j * rng.standard_normal((n, n)); fn = lambda x=x: sf.fft2(x, workers=1)
    res[c["id"]] = measure(fn)
print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "seconds": res}))
`;

/** SciPy's seconds per call by case id, measured in one python3 process (or a note why not). */
function runScipy(cases, warmAllocator) {
  try {
    const out = execFileSync(
      'python3',
      ['-c', PY, JSON.stringify(cases), String(SAMPLES), String(SAMPLE_MS), String(WARM_MS), warmAllocator ? '1' : '0'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 },
    );
    return JSON.parse(out.trim().split('\n').pop());
  } catch (e) {
    return { note: `SciPy skipped: python3 with numpy and scipy not available (${String(e.message).split('\n')[0]}).` };
  }
}

const fmt = (s) => (s === null || s === undefined ? '—' : (s * 1000).toPrecision(3));
const ratio = (a, b) => (a == null || b == null ? '—' : (a / b).toFixed(2));

// The same allocator state as SciPy's process (see the Python side): allocate and free a
// 31 MB block, which glibc's malloc (under V8's ArrayBuffers too) then serves from. A
// garbage collection frees it now rather than at some later point in the measurements.
new Float64Array(31 << 17).fill(1);
v8.setFlagsFromString('--expose-gc');
runInNewContext('gc')();

// Rounds alternate between our measurements and SciPy's, so that a burst of other work
// on the machine cannot fall on one side only; each figure is the best over the rounds.
const rows = CASES.map((c) => ({ ...c, ours: null, kernel: null, fftjs: null, scipy: null }));
const best = (a, b) => (a === null ? b : b === null ? a : Math.min(a, b));
let py = { note: 'SciPy skipped (--no-scipy).' };
for (let round = 0; round < ROUNDS; round++) {
  for (const r of rows) {
    r.ours = best(r.ours, measure(oursFn(r)));
    r.kernel = best(r.kernel, measure(kernelFn(r)));
    const fj = fftjsFn(r);
    r.fftjs = fj ? best(r.fftjs, measure(fj)) : null;
    process.stderr.write(`round ${round + 1}, ${r.label}: ours ${fmt(r.ours)} ms, kernel ${fmt(r.kernel)} ms, fft.js ${fmt(r.fftjs)} ms\n`);
  }
  if (args.has('--no-scipy')) continue;
  const result = runScipy(CASES, true);
  if (result.seconds === undefined) {
    py = result;
    continue;
  }
  py = result;
  for (const r of rows) r.scipy = best(r.scipy, result.seconds[r.id] ?? null);
}
const fresh = py.seconds !== undefined && !args.has('--no-fresh');
for (const r of rows) r.scipyFresh = fresh ? (runScipy([r], false).seconds?.[r.id] ?? null) : null;

const header =
  '| transform | ours (ms) | SciPy (ms) | fft.js (ms) | ours / SciPy | fft.js / ours | kernel alone (ms) | SciPy, fresh process (ms) |\n' +
  '|---|---:|---:|---:|---:|---:|---:|---:|\n';
const body = rows
  .map(
    (r) =>
      `| ${r.label} | ${fmt(r.ours)} | ${fmt(r.scipy)} | ${fmt(r.fftjs)} | ${ratio(r.ours, r.scipy)} | ${ratio(r.fftjs, r.ours)} | ${fmt(r.kernel)} | ${fmt(r.scipyFresh)} |`,
  )
  .join('\n');
const env = `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, single thread, float64 (complex128 for complex input), our kernels: ${activeKernels()}; ${
  py.scipy ? `SciPy ${py.scipy} (pocketfft, workers=1)` : py.note
}; each figure the fastest of ${SAMPLES} samples (each >= ${SAMPLE_MS} ms of calls) over ${ROUNDS} alternating rounds. "ours" and SciPy are the public functions on arrays (allocation and input copy included), both processes with a warmed-up allocator; "kernel alone" is our kernel on a preallocated buffer; "SciPy, fresh process" is each case alone in a new Python process.`;
const md = `## @sciport/fft (public functions)\n\n${env}\n\n${header}${body}\n`;
process.stdout.write(`${md}\n`);

const here = new URL('./', import.meta.url);
writeFileSync(
  new URL('results.json', here),
  `${JSON.stringify(
    {
      benchmark: '@sciport/fft public functions',
      date: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? null,
      kernels: activeKernels(),
      scipy: py.scipy ?? null,
      note: py.note ?? null,
      unit: 'seconds per call (fastest sample over the rounds)',
      rows: rows.map((r) => ({
        id: r.id,
        label: r.label,
        kind: r.kind,
        n: r.n,
        ours: r.ours,
        kernel: r.kernel,
        scipy: r.scipy,
        scipyFreshProcess: r.scipyFresh,
        fftjs: r.fftjs,
        oursOverScipy: r.scipy ? r.ours / r.scipy : null,
        fftjsOverOurs: r.fftjs ? r.fftjs / r.ours : null,
      })),
    },
    null,
    2,
  )}\n`,
);
writeFileSync(new URL('results.md', here), md);
