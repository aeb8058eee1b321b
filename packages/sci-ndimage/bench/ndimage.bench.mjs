#!/usr/bin/env node
/**
 * Benchmark of @sciport/ndimage against SciPy's scipy.ndimage (single-threaded C) and,
 * where OpenCV computes the same filter, OpenCV.js (4.12, WebAssembly), in one run.
 *
 *   pnpm build && node packages/sci-ndimage/bench/ndimage.bench.mjs [--quick] [--only=fn,…] [--sizes=1024²,…] [--dtypes=float64,…] [--no-opencv]
 *
 * Every function of the package's table (NDIMAGE_FUNCTIONS) is benchmarked through the
 * spec list below: a function added to the table joins with one spec line, and a
 * function without a spec is listed in the results as not benchmarked. "ours" is the
 * public function on an NDArray (dispatch, option checks, output allocation included),
 * like SciPy's call on a NumPy array. Each case is timed on both sides back to back, the
 * side going first alternating per round, and a figure is the median over the rounds
 * (see tooling/bench/interleave.mjs). OpenCV.js runs on preallocated Mats (the filter
 * alone) and is timed in the same rounds.
 *
 * Writes bench/results.json and bench/results.md next to this file.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { NDArray } from '@sciport/array-api';
import * as ndi from '../dist/index.js';
import { NDIMAGE_FUNCTIONS, NDIMAGE_MULTIMETHODS } from '../dist/index.js';
import { collectGarbage, jsSampler, loadNote, median, startPython, warmAllocator } from '../../../tooling/bench/interleave.mjs';
import { moreSpecs } from './more-specs.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
const sizesArg = argv.find((a) => a.startsWith('--sizes='));
const onlySizes = sizesArg ? new Set(sizesArg.slice(8).split(',')) : null;
const dtypesArg = argv.find((a) => a.startsWith('--dtypes='));
const onlyDtypes = dtypesArg ? new Set(dtypesArg.slice(9).split(',')) : null;
const ROUNDS = quick ? 1 : 3;
const SAMPLE_MS = quick ? 10 : 25;
const WARM_MS = quick ? 20 : 60;

/**
 * The size classes: 2-D squares and 3-D cubes. Every spec runs at 256², 1024² and 64³ in
 * every dtype; the big classes run the specs marked `big` (one per kind of kernel) in
 * float64 (and uint8 for the rank filters), without a separate warm-up (their code is
 * warm from the small classes), to keep the run near 5 minutes on a busy 2-core machine.
 */
const SIZES = [
  { label: '256²', shape: [256, 256] },
  { label: '1024²', shape: [1024, 1024] },
  { label: '2048²', shape: [2048, 2048], big: true },
  { label: '4096²', shape: [4096, 4096], big: true },
  { label: '64³', shape: [64, 64, 64] },
  { label: '128³', shape: [128, 128, 128], big: true },
];
const FLOATS = ['float64', 'float32'];
const WITH_U8 = ['float64', 'float32', 'uint8'];

const K = (nd) => (nd === 2 ? [[1, 2, 1], [0, 1, 3], [-1, 2, -2]] : [[[1, 2, 1], [0, 1, 3], [-1, 2, -2]], [[2, 0, 1], [1, 4, 1], [0, 1, 0]], [[1, 1, 1], [-2, 0, 2], [1, 3, 1]]]);
const W5 = [1, 4, 6, -4, 1];
const second = (input, axis, output, mode, cval) => ndi.correlate1d(input, [1, -2, 1], { axis, output, mode, cval });
const sobelAxis = (input, axis, output, mode, cval) => ndi.sobel(input, { axis, output, mode, cval });

/**
 * One line per benchmarked call. `args(ndim)`: the positional arguments after the input;
 * `scipy`: the same call in Python (`x` the input, `a` the args, `ndi`, `np`); `big`:
 * also run at the big sizes (float64, and uint8 where the spec has it); `opencv(cv, nd, dtype)`: the same filter in
 * OpenCV (2-D only) as `(src, dst) => void`, or null where OpenCV has no such filter.
 */
const SPECS = [
  { fn: 'correlate1d', args: () => [W5], options: { axis: 0 }, scipy: 'ndi.correlate1d(x, a[0], axis=0)', dtypes: FLOATS },
  { fn: 'convolve1d', args: () => [W5], options: {}, scipy: 'ndi.convolve1d(x, a[0])', dtypes: FLOATS },
  { fn: 'correlate', big: true, args: (nd) => [K(nd)], options: {}, scipy: 'ndi.correlate(x, np.asarray(a[0], float))', dtypes: FLOATS },
  { fn: 'convolve', args: (nd) => [K(nd)], options: {}, scipy: 'ndi.convolve(x, np.asarray(a[0], float))', dtypes: FLOATS },
  { fn: 'uniformFilter1d', args: () => [5], options: { axis: 0 }, scipy: 'ndi.uniform_filter1d(x, 5, axis=0)', dtypes: FLOATS },
  {
    fn: 'uniformFilter',
    big: true,
    args: () => [],
    options: { size: 5 },
    scipy: 'ndi.uniform_filter(x, 5)',
    dtypes: FLOATS,
    opencv: (cv) => (src, dst) => cv.blur(src, dst, new cv.Size(5, 5), new cv.Point(-1, -1), cv.BORDER_REFLECT),
  },
  { fn: 'gaussianFilter1d', args: () => [2], options: { axis: 0 }, scipy: 'ndi.gaussian_filter1d(x, 2, axis=0)', dtypes: FLOATS },
  {
    fn: 'gaussianFilter',
    big: true,
    args: () => [2],
    options: {},
    scipy: 'ndi.gaussian_filter(x, 2)',
    dtypes: FLOATS,
    // radius round(4σ) = 8: a 17-tap kernel, as SciPy's
    opencv: (cv) => (src, dst) => cv.GaussianBlur(src, dst, new cv.Size(17, 17), 2, 2, cv.BORDER_REFLECT),
  },
  { fn: 'prewitt', args: () => [], options: {}, scipy: 'ndi.prewitt(x)', dtypes: FLOATS },
  {
    fn: 'sobel',
    big: true,
    args: () => [],
    options: {},
    scipy: 'ndi.sobel(x)',
    dtypes: FLOATS,
    // the difference along the last axis (x), smoothing along the other
    opencv: (cv) => (src, dst) => cv.Sobel(src, dst, -1, 1, 0, 3, 1, 0, cv.BORDER_REFLECT),
  },
  { fn: 'laplace', args: () => [], options: {}, scipy: 'ndi.laplace(x)', dtypes: FLOATS },
  {
    fn: 'genericLaplace',
    args: () => [second],
    options: {},
    scipy: 'ndi.generic_laplace(x, lambda i, ax, o, m, c: ndi.correlate1d(i, [1, -2, 1], ax, o, m, c))',
    dtypes: FLOATS,
  },
  { fn: 'gaussianLaplace', args: () => [2], options: {}, scipy: 'ndi.gaussian_laplace(x, 2)', dtypes: FLOATS },
  { fn: 'gaussianGradientMagnitude', args: () => [2], options: {}, scipy: 'ndi.gaussian_gradient_magnitude(x, 2)', dtypes: FLOATS },
  { fn: 'genericGradientMagnitude', args: () => [sobelAxis], options: {}, scipy: 'ndi.generic_gradient_magnitude(x, ndi.sobel)', dtypes: FLOATS },
  { fn: 'minimumFilter1d', args: () => [5], options: { axis: 0 }, scipy: 'ndi.minimum_filter1d(x, 5, axis=0)', dtypes: WITH_U8 },
  { fn: 'maximumFilter1d', args: () => [5], options: {}, scipy: 'ndi.maximum_filter1d(x, 5)', dtypes: WITH_U8 },
  {
    fn: 'minimumFilter',
    args: () => [],
    options: { size: 5 },
    scipy: 'ndi.minimum_filter(x, 5)',
    dtypes: WITH_U8,
    opencv: (cv) => (src, dst, kernel) => cv.erode(src, dst, kernel, new cv.Point(-1, -1), 1, cv.BORDER_REFLECT),
  },
  {
    fn: 'maximumFilter',
    big: true,
    args: () => [],
    options: { size: 5 },
    scipy: 'ndi.maximum_filter(x, 5)',
    dtypes: WITH_U8,
    opencv: (cv) => (src, dst, kernel) => cv.dilate(src, dst, kernel, new cv.Point(-1, -1), 1, cv.BORDER_REFLECT),
  },
  { fn: 'rankFilter', args: () => [2], options: { size: 3 }, scipy: 'ndi.rank_filter(x, 2, 3)', dtypes: WITH_U8 },
  {
    fn: 'medianFilter',
    label: 'medianFilter size 3',
    big: true,
    args: () => [],
    options: { size: 3 },
    scipy: 'ndi.median_filter(x, 3)',
    dtypes: WITH_U8,
    // OpenCV's median border is replicate (SciPy's 'nearest'), so only the interior agrees
    opencv: (cv, _nd, dtype) => (dtype === 'uint8' ? (src, dst) => cv.medianBlur(src, dst, 3) : null),
  },
  {
    fn: 'medianFilter',
    label: 'medianFilter size 5',
    args: () => [],
    options: { size: 5 },
    scipy: 'ndi.median_filter(x, 5)',
    dtypes: WITH_U8,
    opencv: (cv, _nd, dtype) => (dtype === 'uint8' ? (src, dst) => cv.medianBlur(src, dst, 5) : null),
  },
  { fn: 'percentileFilter', args: () => [25], options: { size: 3 }, scipy: 'ndi.percentile_filter(x, 25, 3)', dtypes: WITH_U8 },
];

// ---- morphology, distance transforms, labelling and interpolation (binary specs take
// `prepare`: a bool image of speckled blobs made from the random input, the same formula
// as Python's `blobs`; made outside the timing on both sides)
const blobs = (x) => {
  const { shape } = x;
  const nd = shape.length;
  const out = new Uint8Array(x.size);
  const freq = [0.05, 0.07, 0.06];
  const idx = new Array(nd).fill(0);
  for (let k = 0; k < x.size; k++) {
    let v = 0.5 * (x.data[k] - 0.5);
    for (let d = 0; d < nd; d++) v += Math.sin(freq[d] * idx[d]);
    out[k] = v > 0.2 ? 1 : 0;
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return new NDArray(out, [...shape], 'bool');
};
const BLOB = ['float64'];
const box = (nd) => ndi.generateBinaryStructure(nd, nd);
SPECS.push(
  { fn: 'binaryErosion', big: true, prepare: blobs, pre: 'blobs(x)', args: () => [], options: {}, scipy: 'ndi.binary_erosion(x)', dtypes: BLOB },
  {
    fn: 'binaryDilation',
    label: 'binaryDilation box ×3',
    prepare: blobs,
    pre: 'blobs(x)',
    args: () => [],
    optionsOf: (nd) => ({ structure: box(nd), iterations: 3 }),
    scipy: 'ndi.binary_dilation(x, ndi.generate_binary_structure(x.ndim, x.ndim), 3)',
    dtypes: BLOB,
  },
  {
    fn: 'distanceTransformEdt',
    big: true,
    prepare: blobs,
    pre: 'blobs(x)',
    args: () => [],
    options: {},
    scipy: 'ndi.distance_transform_edt(x)',
    dtypes: BLOB,
    opencv: (cv) => (src, dst) => cv.distanceTransform(src, dst, cv.DIST_L2, cv.DIST_MASK_PRECISE, cv.CV_32F),
  },
  {
    fn: 'label',
    big: true,
    prepare: blobs,
    pre: 'blobs(x)',
    args: () => [],
    options: {},
    scipy: 'ndi.label(x)',
    dtypes: BLOB,
    opencv: (cv) => (src, dst) => cv.connectedComponents(src, dst, 4, cv.CV_32S),
  },
  { fn: 'splineFilter', big: true, args: () => [], options: {}, scipy: 'ndi.spline_filter(x)', dtypes: FLOATS },
  { fn: 'shift', label: 'shift order 1', big: true, args: () => [0.3], options: { order: 1 }, scipy: 'ndi.shift(x, 0.3, order=1)', dtypes: FLOATS },
  { fn: 'zoom', label: 'zoom 1.5 order 1', args: () => [1.5], options: { order: 1 }, scipy: 'ndi.zoom(x, 1.5, order=1)', dtypes: FLOATS },
  { fn: 'zoom', label: 'zoom 1.5 order 3', args: () => [1.5], options: {}, scipy: 'ndi.zoom(x, 1.5)', dtypes: FLOATS },
  {
    fn: 'affineTransform',
    label: 'affineTransform rotation order 1',
    args: (nd) => [nd === 2 ? [[0.96, -0.28], [0.28, 0.96]] : [[0.96, -0.28, 0], [0.28, 0.96, 0], [0, 0, 1]]],
    options: { order: 1 },
    scipy: 'ndi.affine_transform(x, np.asarray(a[0]), order=1)',
    dtypes: FLOATS,
  },
  { fn: 'medianFilter', label: 'medianFilter size 7', args: () => [], options: { size: 7 }, scipy: 'ndi.median_filter(x, 7)', dtypes: FLOATS },
);
SPECS.push(...moreSpecs({ ndi, NDArray, blobs, FLOATS, WITH_U8, BLOB }));

const PY = `
import numpy as np, scipy, scipy.ndimage as ndi
_inputs = {}
def hello():
    return {"scipy": scipy.__version__, "numpy": np.__version__}
def blobs(x):
    idx = np.indices(x.shape)
    v = 0.5 * (x - 0.5)
    for d, f in enumerate([0.05, 0.07, 0.06][: x.ndim]): v = v + np.sin(f * idx[d])
    return v > 0.2
def make(c):
    key = (tuple(c["shape"]), c["dtype"])
    if key not in _inputs:
        _inputs.clear()
        rng = np.random.default_rng(7)
        if c["dtype"] == "uint8":
            _inputs[key] = rng.integers(0, 256, c["shape"], dtype=np.uint8)
        else:
            _inputs[key] = rng.random(c["shape"]).astype(c["dtype"])
    x0 = x = _inputs[key]; a = c["args"]
    if c.get("pre"): x = eval(c["pre"], {"np": np, "x": x, "blobs": blobs, "ndi": ndi})
    env = {"ndi": ndi, "np": np, "x": x, "x0": x0, "a": a, "blobs": blobs}
    if c.get("setup"): exec(c["setup"], env)
    code = compile(c["expr"], "<spec>", "eval")
    return lambda: eval(code, env)
`;

/** Input values as SciPy's side draws them: uniform [0, 1) floats or uniform uint8 (a xorshift stream). */
function makeInput(shape, dtype) {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'uint8' ? new Uint8Array(size) : dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  let s = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    data[i] = dtype === 'uint8' ? s & 255 : s / 4294967296;
  }
  return new NDArray(data, shape, dtype);
}

async function loadOpenCv() {
  if (argv.includes('--no-opencv')) return { note: 'OpenCV.js skipped (--no-opencv).' };
  try {
    const require = createRequire(import.meta.url);
    let cv = require('@techstark/opencv-js');
    if (cv instanceof Promise) cv = await cv;
    else if (!cv.Mat) await new Promise((resolve) => (cv.onRuntimeInitialized = resolve));
    const version = require('@techstark/opencv-js/package.json').version;
    return { cv, version };
  } catch (e) {
    return { note: `OpenCV.js skipped: ${String(e.message).split('\n')[0]}` };
  }
}

/** OpenCV's filter of a 2-D input on preallocated Mats: `{ run, free }`, or null. */
function openCvCase(cv, spec, x) {
  if (!cv || !spec.opencv || x.ndim !== 2) return null;
  const op = spec.opencv(cv, x.ndim, x.dtype);
  if (!op) return null;
  const type = x.dtype === 'uint8' || x.dtype === 'bool' ? cv.CV_8U : x.dtype === 'float32' ? cv.CV_32F : cv.CV_64F;
  const [rows, cols] = x.shape;
  const src = new cv.Mat(rows, cols, type);
  const view = x.dtype === 'uint8' || x.dtype === 'bool' ? src.data : x.dtype === 'float32' ? src.data32F : src.data64F;
  view.set(x.data);
  const dst = new cv.Mat();
  const kernel = cv.Mat.ones(5, 5, cv.CV_8U);
  return {
    run: () => op(src, dst, kernel),
    free: () => {
      src.delete();
      dst.delete();
      kernel.delete();
    },
  };
}

const specs = SPECS.filter((s) => !only || only.has(s.fn));
const known = new Set(NDIMAGE_FUNCTIONS.map((f) => f.name));
const unknown = specs.filter((s) => !known.has(s.fn)).map((s) => s.fn);
if (unknown.length) throw new Error(`specs for functions not in NDIMAGE_FUNCTIONS: ${unknown.join(', ')}`);
const withoutSpec = NDIMAGE_FUNCTIONS.map((f) => f.name).filter((n) => !SPECS.some((s) => s.fn === n));

const cases = [];
for (const size of SIZES.filter((s) => !onlySizes || onlySizes.has(s.label))) {
  for (const spec of specs) {
    for (const dtype of spec.dtypes.filter((d) => !onlyDtypes || onlyDtypes.has(d))) {
      if (size.big && !(spec.big && (dtype === 'float64' || dtype === 'uint8'))) continue;
      if (spec.sizes && !spec.sizes.includes(size.label)) continue;
      // the n-D median in float64 costs seconds per call at the big sizes: 2048² only
      if (size.big && spec.fn === 'medianFilter' && dtype === 'float64' && size.label !== '2048²') continue;
      cases.push({ spec, size, dtype, key: `${spec.label ?? spec.fn}|${size.label}|${dtype}`, ours: [], scipy: [], opencv: [] });
    }
  }
}

warmAllocator();
const started = Date.now();
const py = await startPython(PY, { sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const ocv = await loadOpenCv();
const sampleOurs = jsSampler({ sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const sampleCv = jsSampler({ sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const fmtMs = (s) => (s == null ? '—' : s * 1000 >= 100 ? (s * 1000).toFixed(0) : (s * 1000).toPrecision(3));

// Size class by size class (its rounds together), so that small cases do not run in the
// heap and allocator state the big ones leave; a forced, untimed GC before each of our samples.
let input = null;
const order = [];
for (const size of SIZES) for (let round = 0; round < ROUNDS; round++) for (const c of cases) if (c.size === size) order.push([round, c]);
for (const [round, c] of order) {
    const { spec, size, dtype } = c;
    if (!input || input.dtype !== dtype || input.shape.join() !== size.shape.join()) {
      input = null;
      input = makeInput(size.shape, dtype);
    }
    const x = spec.prepare ? spec.prepare(input) : input;
    const args = spec.argsOf ? spec.argsOf(x, input) : spec.args(size.shape.length);
    const f = NDIMAGE_MULTIMETHODS[spec.fn];
    const options = spec.optionsOf ? spec.optionsOf(size.shape.length) : spec.options;
    const callArgs = options === undefined ? args : [...args, options];
    const ours = () => {
      collectGarbage();
      c.ours.push(sampleOurs(c.key, () => f(x, ...callArgs), !size.big));
    };
    const scipy = async () => {
      if (!py.sample) return;
      // arrays and callbacks stay on this side: the spec's Python `setup` builds SciPy's own
      const jsonArgs = args.map((a) => (typeof a === 'function' || (a !== null && typeof a === 'object' && !Array.isArray(a)) ? null : a));
      c.scipy.push(await py.sample(c.key, { shape: size.shape, dtype, expr: spec.scipy, args: jsonArgs, pre: spec.pre, setup: spec.setup }, !size.big));
    };
    if (round % 2 === 0) {
      ours();
      await scipy();
    } else {
      await scipy();
      ours();
    }
    const cvCase = openCvCase(ocv.cv, spec, x);
    if (cvCase) {
      try {
        c.opencv.push(sampleCv(c.key, cvCase.run, !size.big));
      } catch (e) {
        c.opencvError = typeof e === 'number' ? `OpenCV exception ${e}` : String(e.message ?? e);
      } finally {
        cvCase.free();
      }
    }
    process.stderr.write(
      `round ${round + 1}/${ROUNDS} ${c.key}: ours ${fmtMs(c.ours.at(-1))} ms, SciPy ${fmtMs(c.scipy.at(-1))} ms` +
        `${c.opencv.length ? `, OpenCV ${fmtMs(c.opencv.at(-1))} ms` : ''} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    );
}
if (py.close) await py.close();
const seconds = (Date.now() - started) / 1000;

// ---- results
for (const c of cases) {
  c.oursS = median(c.ours);
  c.scipyS = median(c.scipy);
  c.opencvS = median(c.opencv);
  c.ratio = c.oursS != null && c.scipyS ? c.oursS / c.scipyS : null;
}
const rowsKey = (c) => `${c.spec.label ?? c.spec.fn}|${c.dtype}`;
const groups = new Map();
for (const c of cases) {
  if (!groups.has(rowsKey(c))) groups.set(rowsKey(c), []);
  groups.get(rowsKey(c)).push(c);
}
const r2 = (r) => (r == null ? '—' : r.toFixed(2));
const sizeCols = SIZES.map((s) => s.label);
let table = `| function | dtype | ${sizeCols.join(' | ')} | worst |\n|---|---|${sizeCols.map(() => '---:').join('|')}|---:|\n`;
for (const [, list] of groups) {
  const worst = list.reduce((w, c) => (c.ratio != null && (w == null || c.ratio > w.ratio) ? c : w), null);
  const cells = SIZES.map((s) => {
    const c = list.find((x) => x.size === s);
    return c ? r2(c.ratio) : '';
  });
  table += `| ${list[0].spec.label ?? list[0].spec.fn} | ${list[0].dtype} | ${cells.join(' | ')} | ${worst ? `**${r2(worst.ratio)}** (${worst.size.label})` : '—'} |\n`;
}

// the worst ratio of each function over every size and dtype
const perFn = new Map();
for (const c of cases) {
  const name = c.spec.label ?? c.spec.fn;
  if (c.ratio != null && (!perFn.has(name) || c.ratio > perFn.get(name).ratio)) perFn.set(name, c);
}
const worstList = [...perFn.entries()].sort((a, b) => b[1].ratio - a[1].ratio);
const worstText = worstList.map(([n, c]) => `${n} ${r2(c.ratio)} (${c.size.label} ${c.dtype})`).join('; ');

const cvCases = cases.filter((c) => c.opencvS != null || c.opencvError);
let cvTable = '| function | size | dtype | ours (ms) | SciPy (ms) | OpenCV.js (ms) | ours / OpenCV |\n|---|---|---|---:|---:|---:|---:|\n';
for (const c of cvCases) {
  cvTable += `| ${c.spec.label ?? c.spec.fn} | ${c.size.label} | ${c.dtype} | ${fmtMs(c.oursS)} | ${fmtMs(c.scipyS)} | ${c.opencvError ? `failed: ${c.opencvError}` : fmtMs(c.opencvS)} | ${r2(c.opencvS ? c.oursS / c.opencvS : null)} |\n`;
}

let msTable = `| function | dtype | ${sizeCols.map((s) => `${s} ours / SciPy`).join(' | ')} |\n|---|---|${sizeCols.map(() => '---:').join('|')}|\n`;
for (const [, list] of groups) {
  const cells = SIZES.map((s) => {
    const c = list.find((x) => x.size === s);
    return c ? `${fmtMs(c.oursS)} / ${fmtMs(c.scipyS)}` : '';
  });
  msTable += `| ${list[0].spec.label ?? list[0].spec.fn} | ${list[0].dtype} | ${cells.join(' | ')} |\n`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const md = `## @sciport/ndimage (public functions) vs SciPy ${py.info?.scipy ?? ''}${ocv.version ? ` and OpenCV.js ${ocv.version}` : ''}

${cpu}, Node ${process.version}, one thread on each side; ${py.info ? `SciPy ${py.info.scipy} / NumPy ${py.info.numpy} (scipy.ndimage is single-threaded)` : py.note}; ${ocv.version ? `OpenCV.js ${ocv.version} (WebAssembly, on preallocated Mats)` : ocv.note}.
**Noisy machine**: measured while other jobs shared the 2 cores (${loadNote(os)}), so every case is timed on both sides back to back, the side going first alternating per round, each figure the median of ${ROUNDS} rounds (a round: one sample of calls lasting >= ${SAMPLE_MS} ms, or one call when slower; the first preceded by a warm-up). Ratios compare figures of the same run; the run took ${seconds.toFixed(0)} s.
"ours" is the public function on an NDArray (dispatch, checks, output allocation included), SciPy's the call on a NumPy array; inputs uniform random ([0, 1) floats, 0–255 for uint8), default mode ('reflect'). Calls: \`correlate1d\`/\`uniformFilter1d\`/\`gaussianFilter1d\`/\`minimumFilter1d\` along axis 0, the other 1-D filters along the last axis; 5-tap weights, 3×3(×3) weights for correlate/convolve, size 5 for uniform/min/max, σ = 2 (truncate 4) for the Gaussians, size 3 for rank (rank 2) and percentile (25). Every spec runs at 256², 1024² and 64³; 2048², 4096² and 128³ run one spec per kind of kernel (correlate, uniform, Gaussian, Sobel, maximum, median 3) in float64 and uint8 (the median in float64 at 2048² only), to keep the run near 5 minutes. The size classes run one after another (all rounds of one class before the next), and a forced garbage collection (untimed) precedes each of our samples.

**Ratio ours / SciPy (time; < 1: ours faster; target ≤ 0.67)**

${table}
Worst ratio per function: ${worstText}.

**OpenCV.js** (2-D, the same filter: \`blur\` = uniform, \`GaussianBlur\` 17×17 σ 2, \`Sobel\` dx = 1, \`erode\`/\`dilate\` with a 5×5 rectangle = min/max, all with BORDER_REFLECT = SciPy's 'reflect'; \`medianBlur\` uint8, whose border is replicate = SciPy's 'nearest', so only the interior agrees). OpenCV.js's time is the filter alone on preallocated Mats.

${cvTable}
<details><summary>Milliseconds (ours / SciPy, medians)</summary>

${msTable}
</details>
${withoutSpec.length ? `\nNot benchmarked (no spec yet): ${withoutSpec.join(', ')}.\n` : ''}`;

process.stdout.write(`${md}\n`);
const here = new URL('./', import.meta.url);
writeFileSync(new URL('results.md', here), md);
writeFileSync(
  new URL('results.json', here),
  `${JSON.stringify(
    {
      benchmark: '@sciport/ndimage public functions',
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      scipy: py.info ?? py.note,
      opencv: ocv.version ?? ocv.note,
      rounds: ROUNDS,
      unit: 'seconds per call (median over rounds)',
      cases: cases.map((c) => ({
        fn: c.spec.fn,
        label: c.spec.label ?? c.spec.fn,
        size: c.size.label,
        dtype: c.dtype,
        ours: c.oursS,
        scipy: c.scipyS,
        opencv: c.opencvS,
        oursOverScipy: c.ratio,
        samples: { ours: c.ours, scipy: c.scipy, opencv: c.opencv },
      })),
    },
    null,
    2,
  )}\n`,
);
