#!/usr/bin/env node
/**
 * The length sweep of @sciport/fft against SciPy (pocketfft, workers=1): every transform
 * kind, float64 and float32, 1-D, 2-D along each axis, 2-D and 3-D, at lengths covering
 * powers of 2, 3, 5 and 7, products of small primes, primes and near-primes from 8 to 2^22.
 *
 *   pnpm build && node packages/sci-fft/bench/sweep.bench.mjs [--quick] [--only=<class substring>,…]
 *
 * "ours" is the public function on an NDArray (dispatch, checks, output allocation
 * included), SciPy's the call on a NumPy array of the same dtype (SciPy keeps float32 as
 * float32). One python3 process stays alive for the whole run; every case is timed on both
 * sides back to back, the side going first alternating per round, and a figure is the
 * median CPU time over the rounds (tooling/bench/interleave.mjs); a ratio is the median of
 * the rounds' ratios, each from two samples taken back to back under the same load. `--quick` runs fewer
 * lengths (up to 2^18 points) and fewer rounds.
 *
 * Writes bench/sweep.results.md (a section of BENCHMARKS.md), bench/sweep.results.json
 * and the plot docs/fft-sweep.svg (ratio against length, one series per class; a run with
 * --quick or --only writes its plot to bench/sweep.results.svg instead).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { NDArray } from '@sciport/array-api';
import { FFT_MULTIMETHODS } from '../dist/index.js';
import { activeKernels } from '../dist/kernels/index.js';
import { collectGarbage, jsSampler, loadNote, median, startPython, warmAllocator } from '../../../tooling/bench/interleave.mjs';
import { sweepPlot } from './sweep-plot.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice(7).split(',') : null;
/** Rounds per case: more for the small ones, whose samples a busy machine disturbs most. */
const ROUNDS = 3;
const SMALL_ROUNDS = quick ? 3 : 5;
const SMALL_POINTS = 2 ** 15;
const SAMPLE_MS = quick ? 8 : 10;
const WARM_MS = quick ? 15 : 20;
const MAX_POINTS = quick ? 2 ** 18 : 2 ** 22;
/**
 * Untimed calls before a class's first case: its code's JIT compilation (on background
 * threads, whose CPU time the process's CPU time includes) ends before the first sample.
 * Counted in CPU time of this process, not wall time: on a loaded machine 200 ms of wall
 * time can be a few ms of CPU, too few calls to reach optimised code, and the first case
 * of a class then paid for its compilation (ifft c128 at n = 64 measured 29x that way).
 */
const CLASS_WARM_MS = 200;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** 1-D lengths by family; `sub` marks the ones the secondary classes run too. */
const FAMILIES = {
  'powers of 2': [8, 64, 512, 4096, 65536, 262144, 1048576, 4194304],
  'powers of 3': [27, 243, 2187, 19683, 177147, 1594323],
  'powers of 5': [25, 125, 3125, 78125, 390625],
  'powers of 7': [49, 343, 2401, 16807, 117649, 823543],
  'small-prime products': [12, 60, 360, 1000, 5040, 30030, 44100, 100000, 1000000, 3628800],
  primes: [11, 31, 101, 1009, 8191, 16411, 131071, 1000003, 4194287],
  'near-primes': [961, 2018, 4097, 10403, 20014, 262142, 524289, 1048577],
};
const ALL_LENGTHS = Object.values(FAMILIES).flat();
/** Every other length of each family, up to 2^20: the secondary 1-D classes. */
const SOME_LENGTHS = Object.values(FAMILIES).flatMap((list) => list.filter((n, i) => i % 2 === 0 && n <= 2 ** 20));
/** A few lengths of every family: the classes that share their code with a class above. */
const FEW_LENGTHS = [64, 4096, 65536, 243, 19683, 3125, 2401, 1000, 44100, 101, 8191, 2018, 20014];
/** Side lengths of the 2-D classes (n×n, up to 2^22 points; a few for the secondary ones) and the 3-D ones (n³). */
const SIDES_2D = [8, 27, 64, 100, 125, 243, 256, 343, 512, 1009, 1024, 2048];
const FEW_SIDES_2D = [27, 64, 243, 512, 1009, 2048];
const SIDES_3D = [8, 16, 27, 32, 49, 64, 100, 128, 160];

const half = (n) => Math.floor(n / 2) + 1;

/**
 * A class: `fn` (our public function; SciPy's has the same name), the input dtype, the
 * lengths, and for each length the input shape, the options and the points of the array.
 */
function cls(name, fn, dtype, lengths, shapeAndOptions) {
  return { name, fn, dtype, lengths, shapeAndOptions };
}
const line = (extra = {}) => (n) => ({ shape: [n], options: { ...extra }, points: n });
const halfLine = () => (n) => ({ shape: [half(n)], options: { n }, points: n });
const square = (axis, extra = {}) => (n) => ({ shape: [n, n], options: { axis, ...extra }, points: n * n });
const halfSquareAxis0 = () => (n) => ({ shape: [half(n), n], options: { axis: 0, n }, points: n * n });
const nd = (dims, extra = {}) => (n) => ({ shape: Array(dims).fill(n), options: { ...extra }, points: n ** dims });
const halfNd = (dims) => (n) => ({ shape: [...Array(dims - 1).fill(n), half(n)], options: { s: Array(dims).fill(n) }, points: n ** dims });

const CLASSES = [
  // 1-D, contiguous lines
  cls('fft c128', 'fft', 'complex128', ALL_LENGTHS, line()),
  cls('ifft c128', 'ifft', 'complex128', FEW_LENGTHS, line()),
  cls('fft f64 (real input)', 'fft', 'float64', SOME_LENGTHS, line()),
  cls('rfft f64', 'rfft', 'float64', ALL_LENGTHS, line()),
  cls('irfft f64', 'irfft', 'complex128', ALL_LENGTHS, halfLine()),
  cls('dct-2 f64', 'dct', 'float64', SOME_LENGTHS, line({ type: 2 })),
  cls('dct-3 (idct) f64', 'idct', 'float64', FEW_LENGTHS, line({ type: 2 })),
  cls('dct-1 f64', 'dct', 'float64', FEW_LENGTHS, line({ type: 1 })),
  cls('dct-4 f64', 'dct', 'float64', SOME_LENGTHS, line({ type: 4 })),
  cls('dst-1 f64', 'dst', 'float64', FEW_LENGTHS, line({ type: 1 })),
  cls('dst-2 f64', 'dst', 'float64', FEW_LENGTHS, line({ type: 2 })),
  cls('dst-3 f64', 'dst', 'float64', FEW_LENGTHS, line({ type: 3 })),
  cls('dst-4 f64', 'dst', 'float64', SOME_LENGTHS, line({ type: 4 })),
  cls('fft c64', 'fft', 'complex64', SOME_LENGTHS, line()),
  cls('ifft c64', 'ifft', 'complex64', FEW_LENGTHS, line()),
  cls('rfft f32', 'rfft', 'float32', SOME_LENGTHS, line()),
  cls('irfft f32', 'irfft', 'complex64', FEW_LENGTHS, halfLine()),
  cls('dct-2 f32', 'dct', 'float32', FEW_LENGTHS, line({ type: 2 })),
  // 1-D transforms of every line of an n×n array, along each axis
  cls('fft c128 axis 0', 'fft', 'complex128', SIDES_2D, square(0)),
  cls('fft c128 axis 1', 'fft', 'complex128', SIDES_2D, square(1)),
  cls('rfft f64 axis 0', 'rfft', 'float64', SIDES_2D, square(0)),
  cls('rfft f64 axis 1', 'rfft', 'float64', SIDES_2D, square(1)),
  cls('irfft f64 axis 0', 'irfft', 'complex128', SIDES_2D, halfSquareAxis0()),
  cls('dct-2 f64 axis 0', 'dct', 'float64', SIDES_2D, square(0, { type: 2 })),
  cls('dct-2 f64 axis 1', 'dct', 'float64', FEW_SIDES_2D, square(1, { type: 2 })),
  cls('fft c64 axis 0', 'fft', 'complex64', FEW_SIDES_2D, square(0)),
  // 2-D
  cls('fft2 c128', 'fft2', 'complex128', SIDES_2D, nd(2)),
  cls('ifft2 c128', 'ifft2', 'complex128', FEW_SIDES_2D, nd(2)),
  cls('fft2 f64 (real input)', 'fft2', 'float64', FEW_SIDES_2D, nd(2)),
  cls('rfft2 f64', 'rfft2', 'float64', SIDES_2D, nd(2)),
  cls('irfft2 f64', 'irfft2', 'complex128', SIDES_2D, halfNd(2)),
  cls('dctn-2 f64 2-D', 'dctn', 'float64', FEW_SIDES_2D, nd(2, { type: 2 })),
  cls('idctn-3 f64 2-D', 'idctn', 'float64', FEW_SIDES_2D, nd(2, { type: 3 })),
  cls('dstn-4 f64 2-D', 'dstn', 'float64', FEW_SIDES_2D, nd(2, { type: 4 })),
  cls('fft2 c64', 'fft2', 'complex64', FEW_SIDES_2D, nd(2)),
  cls('ifft2 c64', 'ifft2', 'complex64', FEW_SIDES_2D, nd(2)),
  cls('rfft2 f32', 'rfft2', 'float32', FEW_SIDES_2D, nd(2)),
  // 3-D
  cls('fftn c128 3-D', 'fftn', 'complex128', SIDES_3D, nd(3)),
  cls('ifftn c64 3-D', 'ifftn', 'complex64', SIDES_3D, nd(3)),
  cls('rfftn f64 3-D', 'rfftn', 'float64', SIDES_3D, nd(3)),
  cls('irfftn f64 3-D', 'irfftn', 'complex128', SIDES_3D, halfNd(3)),
  cls('dctn-2 f64 3-D', 'dctn', 'float64', SIDES_3D, nd(3, { type: 2 })),
  cls('idctn-3 f64 3-D', 'idctn', 'float64', SIDES_3D, nd(3, { type: 3 })),
];

/** SciPy's call for our `fn` and options (SciPy's keyword names; tuples for s/axes). */
function scipyExpr(fn, options) {
  const kw = Object.entries(options).map(([k, v]) => `${k}=${Array.isArray(v) ? `(${v.join(', ')},)` : v}`);
  return `sf.${fn}(x, ${[...kw, 'workers=1'].join(', ')})`;
}

const PY = `
import numpy as np, scipy, scipy.fft as sf
_inputs = {}
def hello():
    return {"scipy": scipy.__version__, "numpy": np.__version__}
def make(c):
    key = (tuple(c["shape"]), c["dtype"])
    if key not in _inputs:
        _inputs.clear()
        rng = np.random.default_rng(3)
        x = rng.standard_normal(c["shape"])
        if c["dtype"].startswith("complex"):
            x = x + 1j * rng.standard_normal(c["shape"])
        _inputs[key] = x.astype(c["dtype"])
    x = _inputs[key]
    code = compile(c["expr"], "<case>", "eval")
    return lambda: eval(code, {"sf": sf, "x": x})
`;

/** Uniform values in [-1, 1) from a xorshift stream, in the dtype's storage. */
function makeInput(shape, dtype) {
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const size = lanes * shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' || dtype === 'complex64' ? new Float32Array(size) : new Float64Array(size);
  let s = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    data[i] = s / 2147483648 - 1;
  }
  return new NDArray(data, shape, dtype);
}

const classes = CLASSES.filter((c) => !only || only.some((o) => c.name.includes(o)));
const cases = [];
for (const c of classes) {
  for (const n of c.lengths) {
    const { shape, options, points } = c.shapeAndOptions(n);
    if (points > MAX_POINTS) continue;
    if (quick && c.lengths.indexOf(n) % 2 === 1) continue;
    if (c.fn === 'dct' && options.type === 1 && n < 2) continue;
    cases.push({ cls: c, n, shape, options, points, key: `${c.name}|${n}`, ours: [], scipy: [] });
  }
}

process.stderr.write(`${cases.length} cases in ${classes.length} classes\n`);
warmAllocator();
const started = Date.now();
const py = await startPython(PY, { sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const sampleOurs = jsSampler({ sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const fmtMs = (s) => (s == null ? '—' : s * 1000 >= 100 ? (s * 1000).toFixed(0) : (s * 1000).toPrecision(3));

// Case by case, its rounds back to back (one input array alive at a time), the side
// going first alternating per round; a forced, untimed GC before each of our samples.
const warmedClasses = new Set();
for (const [i, c] of cases.entries()) {
  let x = makeInput(c.shape, c.cls.dtype);
  const f = FFT_MULTIMETHODS[c.cls.fn];
  if (!warmedClasses.has(c.cls)) {
    warmedClasses.add(c.cls);
    for (const t0 = cpuMs(); cpuMs() - t0 < CLASS_WARM_MS; ) f(x, c.options);
  }
  const ours = () => {
    collectGarbage();
    c.ours.push(sampleOurs(c.key, () => f(x, c.options)));
  };
  const scipy = async () => {
    if (py.sample) c.scipy.push(await py.sample(c.key, { shape: c.shape, dtype: c.cls.dtype, expr: scipyExpr(c.cls.fn, c.options) }));
  };
  const rounds = c.points < SMALL_POINTS ? SMALL_ROUNDS : ROUNDS;
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      ours();
      await scipy();
    } else {
      await scipy();
      ours();
    }
  }
  x = null;
  c.oursS = median(c.ours);
  c.scipyS = median(c.scipy);
  // the median of the rounds' ratios: each pair of samples ran back to back, under the same load
  c.ratio = median(c.ours.map((t, r) => (c.scipy[r] ? t / c.scipy[r] : null)));
  process.stderr.write(
    `[${i + 1}/${cases.length}] ${c.key}: ours ${fmtMs(c.oursS)} ms, SciPy ${fmtMs(c.scipyS)} ms, ratio ${c.ratio?.toFixed(2) ?? '—'} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
}
if (py.close) await py.close();
const seconds = (Date.now() - started) / 1000;

// ---- results
const r2 = (r) => (r == null ? '—' : r.toFixed(2));
const where = (c) => (c.shape.length === 1 && !c.options.n ? `n = ${c.n}` : `n = ${c.n}, shape ${c.shape.join('×')}`);
const summary = classes
  .map((k) => {
    const list = cases.filter((c) => c.cls === k && c.ratio != null);
    const worst = list.reduce((w, c) => (w == null || c.ratio > w.ratio ? c : w), null);
    return { k, list, worst, median: median(list.map((c) => c.ratio)), over: list.filter((c) => c.ratio > 1).length };
  })
  .filter((s) => s.worst)
  .sort((a, b) => b.worst.ratio - a.worst.ratio);
const overall = summary[0]?.worst ?? null;

let table = '| class | worst ours / SciPy | where | median | points > 1.0 |\n|---|---:|---|---:|---:|\n';
for (const s of summary) table += `| ${s.k.name} | **${r2(s.worst.ratio)}** | ${where(s.worst)} | ${r2(s.median)} | ${s.over} of ${s.list.length} |\n`;
let detail = '| class | n | shape | ours (ms) | SciPy (ms) | ours / SciPy |\n|---|---:|---|---:|---:|---:|\n';
for (const s of summary) for (const c of s.list) detail += `| ${s.k.name} | ${c.n} | ${c.shape.join('×')} | ${fmtMs(c.oursS)} | ${fmtMs(c.scipyS)} | ${r2(c.ratio)} |\n`;

const root = new URL('../../../', import.meta.url);
const svg = sweepPlot(
  summary.map((s) => ({ name: s.k.name, points: s.list.map((c) => ({ x: c.points, y: c.ratio, label: `${s.k.name}, ${where(c)}` })) })),
  { title: `@sciport/fft time / SciPy ${py.info?.scipy ?? ''} time (${quick ? 'quick sweep' : 'sweep'})`, xLabel: 'points in the array (log scale)' },
);
// only a full sweep replaces the committed plot; partial runs leave theirs next to their results
const full = !quick && !only;
const plotPath = full ? 'docs/fft-sweep.svg' : 'packages/sci-fft/bench/sweep.results.svg';
writeFileSync(new URL(plotPath, root), svg);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const families = Object.entries(FAMILIES)
  .map(([name, list]) => `${name} (${list.join(', ')})`)
  .join('; ');
const md = `## @sciport/fft length sweep vs SciPy ${py.info?.scipy ?? ''}

${cpu}, Node ${process.version}, our kernels: ${activeKernels()}; ${py.info ? `SciPy ${py.info.scipy} / NumPy ${py.info.numpy}, workers=1` : py.note}. **Noisy machine**: ${loadNote(os)}; every case is timed on both sides back to back, the side going first alternating per round, each time the median CPU time of ${SMALL_ROUNDS} rounds below ${SMALL_POINTS} points and ${ROUNDS} above (a round: one sample of calls lasting >= ${SAMPLE_MS} ms, or one call when slower), each ratio the median of the rounds' ratios (each pair timed back to back). The run took ${seconds.toFixed(0)} s${quick ? ' (`--quick`: every other length, up to 2^18 points)' : ''}.
"ours" is the public function on an NDArray, SciPy's the call on a NumPy array of the same dtype (float32/complex64 stay single precision on both sides). 1-D lengths: ${families}; the secondary classes run the 1st, 3rd, … of each family up to 2^20, or the few lengths ${FEW_LENGTHS.join(', ')}. 2-D classes: n×n for n in ${SIDES_2D.join(', ')} (secondary ones: ${FEW_SIDES_2D.join(', ')}; \`axis 0\`/\`axis 1\`: the 1-D transform of every line along that axis); 3-D: n³ for n in ${SIDES_3D.join(', ')}. Inverse real transforms take the n/2+1 half spectrum and give n points.

Worst ratio over the whole sweep: **${r2(overall?.ratio)}** (${overall ? `${overall.cls.name}, ${where(overall)}` : '—'}). Plot of every point: [${plotPath}](${plotPath}).

**Worst ratio ours / SciPy per class (time; < 1: ours faster; goal ≤ 1.0)**

${table}
<details><summary>Every point (medians)</summary>

${detail}
</details>
`;
process.stdout.write(`${md}\n`);
const here = new URL('./', import.meta.url);
writeFileSync(new URL('sweep.results.md', here), md);
writeFileSync(
  new URL('sweep.results.json', here),
  `${JSON.stringify(
    {
      benchmark: '@sciport/fft length sweep',
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      load: os.loadavg(),
      scipy: py.info ?? py.note,
      rounds: { small: SMALL_ROUNDS, large: ROUNDS, smallBelowPoints: SMALL_POINTS },
      quick,
      unit: 'CPU seconds per call (median over rounds)',
      cases: cases.map((c) => ({
        class: c.cls.name,
        fn: c.cls.fn,
        dtype: c.cls.dtype,
        n: c.n,
        shape: c.shape,
        options: c.options,
        ours: c.oursS,
        scipy: c.scipyS,
        oursOverScipy: c.ratio,
        samples: { ours: c.ours, scipy: c.scipy },
      })),
    },
    null,
    2,
  )}\n`,
);
