#!/usr/bin/env node
/**
 * Benchmark of @sciport/linalg against SciPy's scipy.linalg (LAPACK/OpenBLAS on one
 * thread: OPENBLAS_NUM_THREADS=1) and ml-matrix (n ≤ 1024, float64), in one run.
 *
 *   pnpm build && node packages/sci-linalg/bench/linalg.bench.mjs [--quick] [--only=fn,…] [--no-ml] [--batch-only]
 *     [--sizes=n,…] [--no-wasm]
 *
 * Every function of the package's table (LINALG_FUNCTIONS) with a spec below is
 * benchmarked; a function added to the table joins with one spec line, and the others are
 * listed in the results as not benchmarked. "ours" is the public function on NDArrays
 * (dispatch, checks, copies and output allocation included), like SciPy's call on NumPy
 * arrays. Each case is timed on every side back to back, ours and SciPy's alternating
 * which goes first per round, each figure the median over the rounds (see
 * tooling/bench/interleave.mjs). Writes bench/results.json and bench/results.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { NDArray } from '@sciport/array-api';
import { setGemmWasmEnabled } from '@sciport/array-api/kernels';
import * as ml from 'ml-matrix';
import * as la from '../dist/index.js';
import { LINALG_FUNCTIONS, LINALG_MULTIMETHODS } from '../dist/index.js';
import { collectGarbage, jsSampler, loadNote, median, startPython, warmAllocator } from '../../../tooling/bench/interleave.mjs';
import { moreSpecs } from './more-specs.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
const ROUNDS = quick ? 1 : 3;
const SAMPLE_MS = quick ? 10 : 25;
const WARM_MS = quick ? 20 : 60;
const sizesArg = argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : [4, 16, 64, 256, 1024, 2048];
// --no-wasm: the TypeScript kernels only (the figures before the WebAssembly matrix product)
if (argv.includes('--no-wasm')) setGemmWasmEnabled(false);
/** Sizes run without a separate warm-up: their code is warm from the smaller ones. */
const COLD = new Set([1024, 2048]);
const BATCH = 10000;
const DTYPES = ['float64', 'float32'];

/**
 * One line per benchmarked call. `args(m)`: the positional arguments from the case's
 * matrices (`m.A` general, `m.S` symmetric positive definite (eigenvalues in about [0.6, 3.4]·√n), `m.U` upper triangular,
 * `m.b` a right-hand side vector, `m.LU`/`m.C` our factors of A/S); `scipy`: the same call
 * (the same names in Python, `sl` = scipy.linalg); `ml(m)`: ml-matrix's call (or none);
 * `flops(n)`: the LAPACK operation count, for GF/s; `maxN`: the largest n run (2048 only
 * for the O(n²) functions); `batch`: also run on 10 000 stacked 4×4 and 3×3 matrices.
 */
const SPECS = [
  { fn: 'solve', args: (m) => [m.A, m.b], scipy: 'sl.solve(A, b)', ml: (m) => () => ml.solve(m.mlA, m.mlB), flops: (n) => (2 / 3) * n ** 3 + 2 * n * n, maxN: 2048, batch: true },
  { fn: 'solveTriangular', args: (m) => [m.U, m.b], scipy: 'sl.solve_triangular(U, b)', flops: (n) => n * n, maxN: 2048 },
  { fn: 'inv', args: (m) => [m.A], scipy: 'sl.inv(A)', ml: (m) => () => ml.inverse(m.mlA), flops: (n) => 2 * n ** 3, maxN: 2048, batch: true },
  { fn: 'det', args: (m) => [m.A], scipy: 'sl.det(A)', ml: (m) => () => ml.determinant(m.mlA), flops: (n) => (2 / 3) * n ** 3, maxN: 2048, batch: true },
  { fn: 'luFactor', args: (m) => [m.A], scipy: 'sl.lu_factor(A)', ml: (m) => () => new ml.LuDecomposition(m.mlA), flops: (n) => (2 / 3) * n ** 3, maxN: 2048 },
  { fn: 'luSolve', args: (m) => [m.LU, m.b], scipy: 'sl.lu_solve(LU, b)', ml: (m) => () => m.mlLU.solve(m.mlB), flops: (n) => 2 * n * n, maxN: 2048 },
  {
    fn: 'lu',
    args: (m) => [m.A],
    scipy: 'sl.lu(A)',
    ml: (m) => () => {
      const d = new ml.LuDecomposition(m.mlA);
      return [d.lowerTriangularMatrix, d.upperTriangularMatrix];
    },
    flops: (n) => (2 / 3) * n ** 3,
    maxN: 2048,
  },
  { fn: 'cholesky', args: (m) => [m.S], scipy: 'sl.cholesky(S)', ml: (m) => () => new ml.CholeskyDecomposition(m.mlS), flops: (n) => n ** 3 / 3, maxN: 2048 },
  { fn: 'choFactor', args: (m) => [m.S], scipy: 'sl.cho_factor(S)', flops: (n) => n ** 3 / 3, maxN: 2048 },
  { fn: 'choSolve', args: (m) => [m.C, m.b], scipy: 'sl.cho_solve(C, b)', flops: (n) => 2 * n * n, maxN: 2048 },
  {
    fn: 'qr',
    args: (m) => [m.A],
    scipy: 'sl.qr(A)',
    ml: (m) => () => {
      const d = new ml.QrDecomposition(m.mlA);
      return [d.orthogonalMatrix, d.upperTriangularMatrix];
    },
    // geqrf + orgqr of a square matrix
    flops: (n) => (8 / 3) * n ** 3,
    maxN: 1024,
  },
  {
    fn: 'svd',
    args: (m) => [m.A],
    scipy: 'sl.svd(A)',
    ml: (m) => () => new ml.SingularValueDecomposition(m.mlA),
    maxN: 1024,
    batch: true,
  },
  {
    fn: 'svdvals',
    args: (m) => [m.A],
    scipy: 'sl.svdvals(A)',
    ml: (m) => () => new ml.SingularValueDecomposition(m.mlA, { computeLeftSingularVectors: false, computeRightSingularVectors: false }),
    maxN: 1024,
  },
  { fn: 'norm', label: 'norm (Frobenius)', args: (m) => [m.A], scipy: 'sl.norm(A)', ml: (m) => () => m.mlA.norm('frobenius'), maxN: 2048 },
  { fn: 'norm', label: 'norm (ord 2)', args: (m) => [m.A], options: { ord: 2 }, scipy: 'sl.norm(A, 2)', maxN: 1024 },
  { fn: 'issymmetric', args: (m) => [m.S], scipy: 'sl.issymmetric(S)', maxN: 2048 },
  { fn: 'bandwidth', args: (m) => [m.A], scipy: 'sl.bandwidth(A)', maxN: 2048 },
  { fn: 'toeplitz', args: (m) => [m.b], scipy: 'sl.toeplitz(b)', maxN: 2048 },
];

// eigh joins the batched small-matrix cases (10 000 stacked 4×4 and 3×3) and the sizes
SPECS.push({ fn: 'eigh', args: (m) => [m.S], scipy: 'sl.eigh(S)', maxN: 1024, batch: true });
SPECS.push({ fn: 'eigvalsh', args: (m) => [m.S], scipy: 'sl.eigvalsh(S)', maxN: 1024 });
SPECS.push({ fn: 'eig', args: (m) => [m.A], scipy: 'sl.eig(A)', maxN: 256 });
SPECS.push({ fn: 'eigvals', args: (m) => [m.A], scipy: 'sl.eigvals(A)', maxN: 256 });
SPECS.push(...moreSpecs());

const PY = `
import numpy as np, scipy, scipy.linalg as sl
_m = {}
def hello():
    try:
        from threadpoolctl import threadpool_info
        blas = ", ".join(f"{i['internal_api']} {i['version']} ({i['num_threads']} thread{'s' if i['num_threads'] != 1 else ''})" for i in threadpool_info())
    except Exception:
        blas = "BLAS"
    return {"scipy": scipy.__version__, "numpy": np.__version__, "blas": blas}
def matrices(n, dtype, batch):
    key = (n, dtype, batch)
    if key not in _m:
        _m.clear()
        rng = np.random.default_rng(3)
        shape = (batch, n, n) if batch else (n, n)
        A = rng.standard_normal(shape).astype(dtype)
        S = ((A + np.swapaxes(A, -1, -2)) / 2 + 2 * np.sqrt(n) * np.eye(n)).astype(dtype)
        U = (np.triu(A) + n * np.eye(n)).astype(dtype)
        b = rng.standard_normal(shape[:-1] + ((1,) if batch else ())).astype(dtype)
        _m[key] = dict(A=A, S=S, U=U, b=b, LU=sl.lu_factor(A) if not batch else None, C=sl.cho_factor(S) if not batch else None, sl=sl, np=np)
    return _m[key]
def make(c):
    env = matrices(c["n"], c["dtype"], c["batch"])
    code = compile(c["expr"], "<spec>", "eval")
    return lambda: eval(code, env)
`;

function randn(size, seed) {
  const out = new Float64Array(size);
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 1) / 4294967297;
  };
  for (let i = 0; i < size; i += 2) {
    // Box–Muller
    const r = Math.sqrt(-2 * Math.log(next()));
    const t = 2 * Math.PI * next();
    out[i] = r * Math.cos(t);
    if (i + 1 < size) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** The case's matrices as NDArrays (and ml-matrix Matrices for float64 single matrices). */
function matrices(n, dtype, batch, withMl) {
  const count = batch || 1;
  const a = randn(count * n * n, 11 + n);
  const s = new Float64Array(count * n * n);
  const u = new Float64Array(count * n * n);
  for (let k = 0; k < count; k++) {
    const o = k * n * n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        s[o + i * n + j] = (a[o + i * n + j] + a[o + j * n + i]) / 2 + (i === j ? 2 * Math.sqrt(n) : 0);
        u[o + i * n + j] = j >= i ? a[o + i * n + j] + (i === j ? n : 0) : 0;
      }
    }
  }
  const bv = randn(count * n, 5 + n);
  const shape = batch ? [batch, n, n] : [n, n];
  const Typed = dtype === 'float32' ? Float32Array : Float64Array;
  const arr = (v, sh) => new NDArray(Typed.from(v), sh, dtype);
  // a batch's right-hand sides are n×1 matrices ([batch, n] would read as one n-vector per row)
  const m = { A: arr(a, shape), S: arr(s, shape), U: arr(u, shape), b: arr(bv, batch ? [batch, n, 1] : [n]) };
  if (!batch) {
    m.LU = la.luFactor(m.A);
    m.C = la.choFactor(m.S);
  }
  if (withMl) {
    const rows = (v) => Array.from({ length: n }, (_, i) => Array.from(v.subarray(i * n, (i + 1) * n)));
    m.mlA = new ml.Matrix(rows(a));
    m.mlS = new ml.Matrix(rows(s));
    m.mlB = ml.Matrix.columnVector(Array.from(bv));
    m.mlLU = new ml.LuDecomposition(m.mlA);
  }
  return m;
}

/** ml-matrix over a batch: one call per matrix of the stack. */
function mlBatch(spec, n, batch) {
  const mats = [];
  for (let k = 0; k < batch; k++) {
    const a = randn(n * n, 100 + k);
    mats.push({ mlA: new ml.Matrix(Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)))), mlB: ml.Matrix.columnVector(Array.from(randn(n, 7 + k))) });
  }
  const fns = mats.map((m) => spec.ml(m));
  return () => {
    for (const f of fns) f();
  };
}

const specs = SPECS.filter((s) => !only || only.has(s.fn));
const known = new Set(LINALG_FUNCTIONS.map((f) => f.name));
const unknown = specs.filter((s) => !known.has(s.fn)).map((s) => s.fn);
if (unknown.length) throw new Error(`specs for functions not in LINALG_FUNCTIONS: ${unknown.join(', ')}`);
const withoutSpec = LINALG_FUNCTIONS.map((f) => f.name).filter((n) => !SPECS.some((s) => s.fn === n));
const useMl = !argv.includes('--no-ml');

const cases = [];
for (const dtype of DTYPES) {
  for (const n of SIZES) {
    for (const spec of specs) {
      if (n > spec.maxN) continue;
      // float32 stops at n = 256 (the run's length; float64 shows the large sizes)
      if (n > 256 && dtype !== 'float64') continue;
      cases.push({ spec, n, batch: 0, dtype, label: `${n}`, ours: [], scipy: [], ml: [] });
    }
  }
  for (const n of [4, 3]) {
    for (const spec of specs.filter((s) => s.batch)) cases.push({ spec, n, batch: BATCH, dtype, label: `${BATCH}×${n}×${n}`, ours: [], scipy: [], ml: [] });
  }
}
// --batch-only: just the stacked small-matrix cases
if (argv.includes('--batch-only')) cases.splice(0, cases.length, ...cases.filter((c) => c.batch));
for (const c of cases) c.key = `${c.spec.label ?? c.spec.fn}|${c.label}|${c.dtype}`;

warmAllocator();
const started = Date.now();
const py = await startPython(PY, { sampleMs: SAMPLE_MS, warmMs: WARM_MS, env: { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } });
const sampleOurs = jsSampler({ sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const sampleMl = jsSampler({ sampleMs: SAMPLE_MS, warmMs: WARM_MS });
const fmtMs = (s) => (s == null ? '—' : s * 1000 >= 100 ? (s * 1000).toFixed(0) : (s * 1000).toPrecision(3));

// Case by case (its rounds together: the matrices are built once), with a forced,
// untimed GC before each of our samples.
let current = null;
const order = [];
for (const c of cases) for (let round = 0; round < ROUNDS; round++) order.push([round, c]);
for (const [round, c] of order) {
    const { spec, n, batch, dtype } = c;
    const withMl = useMl && dtype === 'float64' && n <= 1024 && spec.ml !== undefined;
    const id = `${n}|${batch}|${dtype}`;
    if (!current || current.id !== id) {
      current = null;
      current = { id, m: matrices(n, dtype, batch, withMl && !batch) };
    } else if (withMl && !batch && !current.m.mlA) current = { id, m: matrices(n, dtype, batch, true) };
    const m = current.m;
    const args = spec.args(m);
    const f = LINALG_MULTIMETHODS[spec.fn];
    const warm = !COLD.has(n);
    const ours = () => {
      if (c.error) return;
      collectGarbage();
      try {
        c.ours.push(sampleOurs(c.key, () => f(...args, ...(spec.options === undefined ? [] : [spec.options])), warm));
      } catch (e) {
        c.error = `${e.name}: ${e.message}`;
      }
    };
    const scipy = async () => {
      if (py.sample) c.scipy.push(await py.sample(c.key, { n, dtype, batch, expr: spec.scipy }, warm));
    };
    if (round % 2 === 0) {
      ours();
      await scipy();
    } else {
      await scipy();
      ours();
    }
    if (withMl) c.ml.push(sampleMl(c.key, batch ? mlBatch(spec, n, batch) : spec.ml(m), warm));
    process.stderr.write(
      `round ${round + 1}/${ROUNDS} ${c.key}: ours ${fmtMs(c.ours.at(-1))} ms, SciPy ${fmtMs(c.scipy.at(-1))} ms` +
        `${c.ml.length ? `, ml-matrix ${fmtMs(c.ml.at(-1))} ms` : ''} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    );
}
if (py.close) await py.close();
const seconds = (Date.now() - started) / 1000;

// ---- results
for (const c of cases) {
  c.oursS = median(c.ours);
  c.scipyS = median(c.scipy);
  c.mlS = median(c.ml);
  c.ratio = c.oursS != null && c.scipyS ? c.oursS / c.scipyS : null;
}
const r2 = (r) => (r == null ? '—' : r >= 100 ? r.toFixed(0) : r.toFixed(2));
const name = (c) => c.spec.label ?? c.spec.fn;
const columns = [...SIZES.map(String), `${BATCH}×4×4`, `${BATCH}×3×3`];
const grouped = new Map();
for (const c of cases) {
  const k = `${name(c)}|${c.dtype}`;
  if (!grouped.has(k)) grouped.set(k, []);
  grouped.get(k).push(c);
}
const cell = (list, col, f) => {
  const c = list.find((x) => x.label === col);
  return c ? f(c) : '';
};
let table = `| function | dtype | ${columns.map((c) => (c.includes('×') ? `batch ${c}` : `n = ${c}`)).join(' | ')} | worst |\n|---|---|${columns.map(() => '---:').join('|')}|---:|\n`;
for (const [, list] of grouped) {
  const worst = list.reduce((w, c) => (c.ratio != null && (w == null || c.ratio > w.ratio) ? c : w), null);
  table += `| ${name(list[0])} | ${list[0].dtype} | ${columns.map((col) => cell(list, col, (c) => (c.error ? 'failed¹' : r2(c.ratio)))).join(' | ')} | ${worst ? `**${r2(worst.ratio)}** (${worst.label})` : '—'} |\n`;
}
const perFn = new Map();
for (const c of cases) if (c.ratio != null && (!perFn.has(name(c)) || c.ratio > perFn.get(name(c)).ratio)) perFn.set(name(c), c);
const worstText = [...perFn.entries()]
  .sort((a, b) => b[1].ratio - a[1].ratio)
  .map(([n, c]) => `${n} ${r2(c.ratio)} (${c.label}, ${c.dtype})`)
  .join('; ');

const mlGroups = [...grouped.values()].filter((list) => list.some((c) => c.mlS != null));
let mlTable = `| function | ${columns.map((c) => (c.includes('×') ? `batch ${c}` : `n = ${c}`)).join(' | ')} |\n|---|${columns.map(() => '---:').join('|')}|\n`;
for (const list of mlGroups) mlTable += `| ${name(list[0])} | ${columns.map((col) => cell(list, col, (c) => (c.error ? 'failed¹' : c.mlS && c.oursS != null ? r2(c.oursS / c.mlS) : ''))).join(' | ')} |\n`;

const gf = (c, s) => (s && c.spec.flops ? (c.spec.flops(c.n) / s / 1e9).toFixed(2) : '—');
const gfSizes = ['64', '256', '1024'];
let gfTable = `| function | dtype | ${gfSizes.map((n) => `n = ${n} ours / SciPy${n === '1024' ? ' / ml-matrix' : ''}`).join(' | ')} |\n|---|---|${gfSizes.map(() => '---:').join('|')}|\n`;
for (const [, list] of grouped) {
  if (!list[0].spec.flops || list[0].spec.flops(1024) < 1e9 * 0.5) continue;
  gfTable += `| ${name(list[0])} | ${list[0].dtype} | ${gfSizes.map((col) => cell(list, col, (c) => `${gf(c, c.oursS)} / ${gf(c, c.scipyS)}${col === '1024' && c.mlS ? ` / ${gf(c, c.mlS)}` : ''}`)).join(' | ')} |\n`;
}

let msTable = `| function | dtype | ${columns.join(' | ')} |\n|---|---|${columns.map(() => '---:').join('|')}|\n`;
for (const [, list] of grouped) msTable += `| ${name(list[0])} | ${list[0].dtype} | ${columns.map((col) => cell(list, col, (c) => `${fmtMs(c.oursS)} / ${fmtMs(c.scipyS)}`)).join(' | ')} |\n`;

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const md = `## @sciport/linalg (public functions) vs SciPy ${py.info?.scipy ?? ''} and ml-matrix

${cpu}, Node ${process.version}, one thread on each side; ${py.info ? `SciPy ${py.info.scipy} / NumPy ${py.info.numpy}, ${py.info.blas} with OPENBLAS_NUM_THREADS=1` : py.note}; ml-matrix 6.15.1 (float64 only, n ≤ 1024).
**Noisy machine**: measured while other jobs shared the 2 cores (${loadNote(os)}), so every case is timed on each side back to back, ours and SciPy's alternating which goes first per round, each figure the median of ${ROUNDS} rounds, run one after another for each case, a forced untimed garbage collection before each of our samples (a round: one sample of calls lasting >= ${SAMPLE_MS} ms, or one call when slower; before the first a warm-up, except at n ≥ 1024 whose code is warm from the smaller sizes). Ratios compare figures of the same run; the run took ${seconds.toFixed(0)} s.
Inputs: A with standard normal entries, S = (A + Aᵀ)/2 + 2√nI, positive definite (cholesky, choFactor, issymmetric), U = triu(A) + nI (solveTriangular), one right-hand side vector b (n×1 per matrix in a batch); luSolve/choSolve take factors computed beforehand. Batches: ${BATCH} stacked matrices in one call (ml-matrix: one call per matrix). float32 stops at n = 256; svd/svdvals and norm ord 2 stop at n = 1024; the O(n²) functions run to n = 2048.

**Ratio ours / SciPy (time; < 1: ours faster)**

${table}
Worst ratio per function: ${worstText}.
${cases.some((c) => c.error) ? `\n¹ Our call threw, so there is no figure: ${[...new Set(cases.filter((c) => c.error).map((c) => `${c.key}: ${c.error}`))].join('; ')}.\n` : ''}
**Ratio ours / ml-matrix** (float64; < 1: ours faster)

${mlTable}
**GF/s** (LAPACK operation counts: LU ⅔n³, solve ⅔n³ + 2n², inv 2n³, Cholesky ⅓n³, QR with Q ⁸⁄₃n³)

${gfTable}
<details><summary>Milliseconds (ours / SciPy, medians)</summary>

${msTable}
</details>
${withoutSpec.length ? `\nNot benchmarked (no spec; special-matrix constructors and helpers): ${withoutSpec.join(', ')}.\n` : ''}`;

process.stdout.write(`${md}\n`);
const here = new URL('./', import.meta.url);
writeFileSync(new URL('results.md', here), md);
writeFileSync(
  new URL('results.json', here),
  `${JSON.stringify(
    {
      benchmark: '@sciport/linalg public functions',
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      scipy: py.info ?? py.note,
      rounds: ROUNDS,
      unit: 'seconds per call (median over rounds)',
      cases: cases.map((c) => ({
        fn: c.spec.fn,
        label: name(c),
        n: c.n,
        batch: c.batch,
        dtype: c.dtype,
        ours: c.oursS,
        scipy: c.scipyS,
        mlMatrix: c.mlS,
        oursOverScipy: c.ratio,
        samples: { ours: c.ours, scipy: c.scipy, mlMatrix: c.ml },
      })),
    },
    null,
    2,
  )}\n`,
);
