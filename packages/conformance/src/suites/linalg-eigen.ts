/**
 * Eigen-decompositions are not unique (the order of a Schur form's eigenvalues, the
 * rotations within it, each eigenvector's phase), so the linalg suite checks them as
 * LAPACK's test programs do instead of entry by entry: the result's dtypes and shapes are
 * SciPy's, the factorisation reproduces the input (‖A − Z T Zᴴ‖ / (n ε ‖A‖) below 30),
 * Z is unitary, T has the form SciPy's has, and the eigenvalues agree with SciPy's as a set
 * within the eigenvalue condition number the fixture records.
 */
import type { NDArray } from '@sciport/array-api';
import { compareResult } from '../compare-result.js';
import type { ArrayFactory } from '../factory.js';
import { decodeArray, type FixtureArray, isFixtureArray } from '../fixture-format.js';
import {
  type CMatrix,
  eigenvalueDistance,
  eigenvectorRatio,
  generalizedResidualRatio,
  isStandardRealSchur,
  matrixOf,
  norm1,
  schurEigenvalues,
  similarityRatio,
  normalisationError,
  orthonormalityRatio,
  pencilResidualRatio,
  unitaryRatio,
  valuesOf,
  zeroBelow,
} from './linalg-eigen-matrix.js';

/** LAPACK's test threshold for residual ratios. */
const RATIO = 30;

/** Functions whose results the suite checks by their invariants (here) rather than entry by entry. */
export const EIGEN_CHECKED: ReadonlySet<string> = new Set(['schur', 'eig', 'eigvals', 'eigh', 'eighTridiagonal', 'eigBanded']);

export interface EigenCaseContext {
  /** The case's input matrix (or stack). */
  readonly input: NDArray;
  /** The case's further arguments, arrays decoded on the host (eigh's b). */
  readonly args: readonly unknown[];
  /** The suite's tolerance for results compared entry by entry. */
  readonly tol: number;
  readonly factory: ArrayFactory;
  /** The suite's tolerance constant (factor × n × ε × κ). */
  readonly factor: number;
  /** The eigenvalue condition number SciPy's side computed; null for a defective matrix. */
  readonly conditioning: number | null | undefined;
  readonly where: string;
  /** The case's options (which results eig returns). */
  readonly options: Readonly<Record<string, unknown>>;
}

const SINGLE = new Set(['float32', 'complex64']);

function epsilonOf(dtype: string): number {
  return SINGLE.has(dtype) ? 2 ** -23 : 2 ** -52;
}

function sameShape(a: NDArray, e: NDArray): boolean {
  return a.dtype === e.dtype && a.ndim === e.ndim && a.shape.every((d, i) => d === e.shape[i]);
}

/**
 * How far eigenvalues may be from SciPy's, relative to ‖A‖: factor·n·ε·κ for a known
 * condition number κ; for a defective matrix (no κ) Hölder's bound (n·ε)^(1/n) of an
 * eigenvalue of a Jordan block of order n.
 */
function eigenvalueTolerance(n: number, eps: number, factor: number, conditioning: number | null | undefined): number {
  if (conditioning === null) return 10 * (n * eps) ** (1 / n);
  return factor * n * eps * Math.max(1, conditioning ?? 1);
}

async function readAll(result: unknown, factory: ArrayFactory): Promise<unknown[] | undefined> {
  if (!Array.isArray(result)) return undefined;
  return Promise.all(result.map((x) => (typeof x === 'number' ? x : factory.read(x))));
}

/** `schur`'s [T, Z] (or [T, Z, sdim]) against SciPy's. */
async function checkSchur(result: unknown, expected: unknown[], ctx: EigenCaseContext): Promise<string | undefined> {
  const actual = await readAll(result, ctx.factory);
  if (actual === undefined || actual.length !== expected.length) return `${ctx.where}: expected a list of ${expected.length}`;
  const [t, z] = actual as NDArray[];
  const [et, ez] = [decodeArray(expected[0] as FixtureArray), decodeArray(expected[1] as FixtureArray)];
  if (!sameShape(t, et) || !sameShape(z, ez)) {
    return `${ctx.where}: got T ${t.dtype}[${t.shape}], Z ${z.dtype}[${z.shape}]; SciPy gives ${et.dtype}[${et.shape}], ${ez.dtype}[${ez.shape}]`;
  }
  if (expected.length === 3) {
    const sdim = actual[2];
    const e = isFixtureArray(expected[2]) ? Array.from(decodeArray(expected[2] as FixtureArray).toTypedArray() as ArrayLike<number>, Number) : [expected[2]];
    const got = typeof sdim === 'number' ? [sdim] : Array.from((sdim as NDArray).toTypedArray() as ArrayLike<number>, Number);
    if (got.length !== e.length || got.some((x, i) => x !== e[i])) return `${ctx.where}: sdim ${got}, SciPy gives ${e}`;
  }
  const n = t.shape[t.ndim - 1];
  const count = n === 0 ? 0 : t.size / (n * n);
  const eps = epsilonOf(t.dtype);
  const complex = t.dtype.startsWith('complex');
  for (let b = 0; b < count; b++) {
    const A = matrixOf(ctx.input, b);
    const T = matrixOf(t, b);
    const Z = matrixOf(z, b);
    if (complex ? !zeroBelow(T, 0) : !isStandardRealSchur(T)) {
      return `${ctx.where}: matrix ${b}: T is not ${complex ? 'upper triangular' : 'in standard real Schur form'}`;
    }
    const residual = similarityRatio(A, Z, T, eps);
    const unitary = unitaryRatio(Z, eps);
    if (!(residual < RATIO) || !(unitary < RATIO)) {
      return `${ctx.where}: matrix ${b}: ‖A − ZTZᴴ‖/(nε‖A‖) = ${residual}, ‖ZᴴZ − I‖/(nε) = ${unitary} (limit ${RATIO})`;
    }
    const failure = compareEigenvalues(schurEigenvalues(T), schurEigenvalues(matrixOf(et, b)), A, eps, ctx);
    if (failure !== undefined) return `${ctx.where}: matrix ${b}: ${failure}`;
  }
  return undefined;
}

function compareEigenvalues(actual: [number, number][], expected: [number, number][], a: CMatrix, eps: number, ctx: EigenCaseContext): string | undefined {
  // infinite and NaN eigenvalues (singular pencils) must match in number; the finite ones as a set
  const kind = ([re, im]: [number, number]) => (Number.isNaN(re) || Number.isNaN(im) ? 'nan' : Number.isFinite(re) && Number.isFinite(im) ? 'finite' : 'inf');
  for (const k of ['nan', 'inf']) {
    const got = actual.filter((x) => kind(x) === k).length;
    const want = expected.filter((x) => kind(x) === k).length;
    if (got !== want) return `${got} ${k} eigenvalues, SciPy has ${want}`;
  }
  actual = actual.filter((x) => kind(x) === 'finite');
  expected = expected.filter((x) => kind(x) === 'finite');
  const scale = Math.max(norm1(a), Number.MIN_VALUE);
  const tol = eigenvalueTolerance(a.rows, eps, ctx.factor, ctx.conditioning);
  const distance = eigenvalueDistance(actual, expected, scale);
  return distance <= tol ? undefined : `eigenvalues differ from SciPy's by ${distance}·‖A‖ (limit ${tol})`;
}

/**
 * Eigenvalues w ([..., N], or [..., 2, N] homogeneous: α over β = 1) against SciPy's, as
 * sets, matrix by matrix.
 */
function checkEigenvalues(w: NDArray, expected: NDArray, homogeneous: boolean, ctx: EigenCaseContext): string | undefined {
  if (!sameShape(w, expected)) return `${ctx.where}: eigenvalues ${w.dtype}[${w.shape}], SciPy gives ${expected.dtype}[${expected.shape}]`;
  const n = w.shape[w.ndim - 1];
  const rows = homogeneous ? 2 : 1;
  const count = n === 0 ? 0 : w.size / (rows * n);
  const eps = epsilonOf(w.dtype);
  const generalized = ctx.args[0] instanceof Object && (ctx.args[0] as NDArray).ndim !== undefined;
  for (let b = 0; b < count; b++) {
    const A = matrixOf(ctx.input, ctx.input.ndim > 2 ? b : 0);
    // homogeneous pairs (α, β) of a pencil are unique only up to a common factor: compare α/β
    const values = (x: NDArray) => (homogeneous && generalized ? quotients(valuesOf(x, 2 * b), valuesOf(x, 2 * b + 1)) : valuesOf(x, rows * b));
    const failure = compareEigenvalues(values(w), values(expected), A, eps, ctx);
    if (failure !== undefined) return `${ctx.where}: matrix ${b}: ${failure}`;
    if (homogeneous && !generalized && valuesOf(w, rows * b + 1).some(([re, im]) => re !== 1 || im !== 0)) return `${ctx.where}: matrix ${b}: β is not 1`;
  }
  return undefined;
}

/** α/β as SciPy forms eigenvalues from homogeneous pairs: ∞ for β = 0 ≠ α, NaN for 0/0. */
function quotients(alpha: [number, number][], beta: [number, number][]): [number, number][] {
  return alpha.map(([ar, ai], i) => {
    const [br, bi] = beta[i];
    const d = br * br + bi * bi;
    if (d === 0) return ar === 0 && ai === 0 ? [Number.NaN, 0] : [Number.POSITIVE_INFINITY, 0];
    return [(ar * br + ai * bi) / d, (ai * br - ar * bi) / d];
  });
}

/** The worst deviation of a column's 2-norm from 1. */
function unitNormError(v: CMatrix): number {
  let worst = 0;
  for (let k = 0; k < v.cols; k++) {
    let norm = 0;
    for (let i = 0; i < v.rows; i++) norm = Math.hypot(norm, v.re[i * v.cols + k], v.im[i * v.cols + k]);
    worst = Math.max(worst, Math.abs(norm - 1));
  }
  return worst;
}

/** eig's [w, vr], [w, vl], [w, vl, vr] or w: eigenvalues as sets, vectors by residual and normalisation. */
async function checkEig(result: unknown, expected: unknown, ctx: EigenCaseContext): Promise<string | undefined> {
  const homogeneous = ctx.options.homogeneousEigvals === true;
  const left = ctx.options.left === true;
  const right = ctx.options.right !== false;
  if (!Array.isArray(expected)) {
    if (Array.isArray(result)) return `${ctx.where}: expected the eigenvalues alone, got a list`;
    return checkEigenvalues(await ctx.factory.read(result), decodeArray(expected as FixtureArray), homogeneous, ctx);
  }
  const actual = await readAll(result, ctx.factory);
  if (actual === undefined || actual.length !== expected.length) return `${ctx.where}: expected a list of ${expected.length}`;
  const [w, ...vectors] = actual as NDArray[];
  const e = expected.map((x) => decodeArray(x as FixtureArray));
  const failure = checkEigenvalues(w, e[0], homogeneous, ctx);
  if (failure !== undefined) return failure;
  const kinds = [...(left ? [true] : []), ...(right ? [false] : [])];
  for (let k = 0; k < vectors.length; k++) {
    const v = vectors[k];
    if (!sameShape(v, e[k + 1])) return `${ctx.where}: vectors ${v.dtype}[${v.shape}], SciPy gives ${e[k + 1].dtype}[${e[k + 1].shape}]`;
    const n = v.shape[v.ndim - 1];
    const count = n === 0 ? 0 : v.size / (n * n);
    const eps = epsilonOf(v.dtype);
    const bArg = ctx.args[0] as NDArray | null | undefined;
    for (let b = 0; b < count; b++) {
      const A = matrixOf(ctx.input, ctx.input.ndim > 2 ? b : 0);
      const values = homogeneous && bArg ? quotients(valuesOf(w, 2 * b), valuesOf(w, 2 * b + 1)) : valuesOf(w, (homogeneous ? 2 : 1) * b);
      const V = matrixOf(v, b);
      // an eigenvector is accurate to ε·κ only for a simple eigenvalue: the residual is what LAPACK guarantees;
      // SciPy scales a pencil's vectors to unit norm without fixing their phase
      const B = bArg ? matrixOf(bArg, bArg.ndim > 2 ? b : 0) : null;
      const ratio = B === null ? eigenvectorRatio(A, values, V, eps, kinds[k]) : pencilResidualRatio(A, B, values, V, eps, kinds[k]);
      const norm = B === null ? normalisationError(V) : unitNormError(V);
      if (!(ratio < RATIO) || !(norm < 100 * n * eps)) {
        return `${ctx.where}: matrix ${b}: ${kinds[k] ? 'left' : 'right'} eigenvector residual ratio ${ratio} (limit ${RATIO}), normalisation error ${norm}`;
      }
    }
  }
  return undefined;
}

/**
 * eigh's [w, v]: w (ascending, unique) entry by entry, v by residual and (B-)orthonormality —
 * eigenvectors of close eigenvalues are not unique.
 */
async function checkEigh(fn: string, result: unknown, expected: unknown, ctx: EigenCaseContext): Promise<string | undefined> {
  if (!Array.isArray(expected) || !Array.isArray(result) || result.length !== 2) {
    return compareResult(result, expected, ctx.factory, ctx.tol, ctx.where);
  }
  const failure = await compareResult(result[0], expected[0], ctx.factory, ctx.tol, `${ctx.where}[0]`);
  if (failure !== undefined) return failure;
  const w = await ctx.factory.read(result[0]);
  const v = await ctx.factory.read(result[1]);
  const ev = decodeArray(expected[1] as FixtureArray);
  if (!sameShape(v, ev)) return `${ctx.where}: vectors ${v.dtype}[${v.shape}], SciPy gives ${ev.dtype}[${ev.shape}]`;
  const b = ctx.args[0] as NDArray | null | undefined;
  const type = (ctx.options.type as number | undefined) ?? 1;
  const lower = ctx.options.lower !== false;
  const n = v.shape[v.ndim - 2];
  const m = v.shape[v.ndim - 1];
  const count = n * m === 0 ? 0 : v.size / (n * m);
  const eps = epsilonOf(v.dtype);
  for (let s = 0; s < count; s++) {
    const A = hermitianMatrix(fn, ctx, s, lower);
    const B = fn !== 'eigh' || b === null || b === undefined ? null : hermitianFrom(matrixOf(b, b.ndim > 2 ? s : 0), lower);
    const values = valuesOf(w, s);
    const V = matrixOf(v, s);
    const residual = generalizedResidualRatio(A, B, type, values, V, eps);
    const orthonormal = orthonormalityRatio(V, B, type, eps);
    // a generalized problem's residual and B-orthonormality grow with B's condition, which the fixture records
    const limit = B === null ? RATIO : RATIO * Math.max(1, ctx.conditioning ?? 1);
    if (!(residual < limit) || !(orthonormal < limit)) {
      return `${ctx.where}: matrix ${s}: residual ratio ${residual}, orthonormality ratio ${orthonormal} (limit ${limit})`;
    }
  }
  return undefined;
}

/** The Hermitian matrix `s` of the case: eigh's a, eighTridiagonal's (d, e), eigBanded's band. */
function hermitianMatrix(fn: string, ctx: EigenCaseContext, s: number, lower: boolean): CMatrix {
  if (fn === 'eigh') return hermitianFrom(matrixOf(ctx.input, ctx.input.ndim > 2 ? s : 0), lower);
  if (fn === 'eighTridiagonal') {
    const d = valuesOf(ctx.input, ctx.input.ndim > 1 ? s : 0);
    const eArray = ctx.args[0] as NDArray;
    const e = valuesOf(eArray, eArray.ndim > 1 ? s : 0);
    const n = d.length;
    const re = new Float64Array(n * n);
    for (let i = 0; i < n; i++) re[i * n + i] = d[i][0];
    for (let i = 0; i + 1 < n; i++) re[(i + 1) * n + i] = re[i * n + i + 1] = e[i][0];
    return { rows: n, cols: n, re, im: new Float64Array(n * n) };
  }
  // eigBanded: LAPACK's band storage, upper form unless `lower` is given
  const band = matrixOf(ctx.input, ctx.input.ndim > 2 ? s : 0);
  const bandLower = ctx.options.lower === true;
  const n = band.cols;
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let r = 0; r < band.rows; r++) {
    for (let j = 0; j < n; j++) {
      const i = bandLower ? j + r : j - (band.rows - 1 - r);
      if (i < 0 || i >= n) continue;
      re[i * n + j] = re[j * n + i] = band.re[r * n + j];
      im[i * n + j] = i === j ? 0 : band.im[r * n + j];
      im[j * n + i] = i === j ? 0 : -band.im[r * n + j];
    }
  }
  return { rows: n, cols: n, re, im };
}

/** The Hermitian matrix whose `lower` (or upper) triangle and real diagonal a holds, as eigh reads it. */
function hermitianFrom(a: CMatrix, lower: boolean): CMatrix {
  const n = a.rows;
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [r, c, sign] = (lower ? i >= j : i <= j) ? [i, j, 1] : [j, i, -1];
      re[i * n + j] = a.re[r * n + c];
      im[i * n + j] = i === j ? 0 : sign * a.im[r * n + c];
    }
  }
  return { rows: n, cols: n, re, im };
}

/** Checks a result of one of the EIGEN_CHECKED functions; a failure message or undefined. */
export async function checkEigenCase(fn: string, result: unknown, expected: unknown, ctx: EigenCaseContext): Promise<string | undefined> {
  switch (fn) {
    case 'schur':
      return Array.isArray(expected) ? checkSchur(result, expected, ctx) : `${ctx.where}: SciPy's result is not a list`;
    case 'eig':
    case 'eigvals':
      return checkEig(result, expected, ctx);
    case 'eigh':
    case 'eighTridiagonal':
    case 'eigBanded':
      return checkEigh(fn, result, expected, ctx);
    default:
      return `${ctx.where}: no eigen check for ${fn}`;
  }
}
