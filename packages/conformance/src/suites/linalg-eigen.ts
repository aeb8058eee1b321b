/**
 * Eigen-decompositions are not unique (the order of a Schur form's eigenvalues, the
 * rotations within it, each eigenvector's phase), so the linalg suite checks them as
 * LAPACK's test programs do instead of entry by entry: the result's dtypes and shapes are
 * SciPy's, the factorisation reproduces the input (‖A − Z T Zᴴ‖ / (n ε ‖A‖) below 30),
 * Z is unitary, T has the form SciPy's has, and the eigenvalues agree with SciPy's as a set
 * within the eigenvalue condition number the fixture records.
 */
import type { NDArray } from '@sciport/array-api';
import type { ArrayFactory } from '../factory.js';
import { decodeArray, type FixtureArray, isFixtureArray } from '../fixture-format.js';
import {
  type CMatrix,
  eigenvalueDistance,
  eigenvectorRatio,
  isStandardRealSchur,
  matrixOf,
  norm1,
  schurEigenvalues,
  similarityRatio,
  normalisationError,
  unitaryRatio,
  valuesOf,
  zeroBelow,
} from './linalg-eigen-matrix.js';

/** LAPACK's test threshold for residual ratios. */
const RATIO = 30;

/** Functions whose results the suite checks by their invariants (here) rather than entry by entry. */
export const EIGEN_CHECKED: ReadonlySet<string> = new Set(['schur', 'eig', 'eigvals']);

export interface EigenCaseContext {
  /** The case's input matrix (or stack). */
  readonly input: NDArray;
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
  for (let b = 0; b < count; b++) {
    const A = matrixOf(ctx.input, b);
    const failure = compareEigenvalues(valuesOf(w, rows * b), valuesOf(expected, rows * b), A, eps, ctx);
    if (failure !== undefined) return `${ctx.where}: matrix ${b}: ${failure}`;
    if (homogeneous && valuesOf(w, rows * b + 1).some(([re, im]) => re !== 1 || im !== 0)) return `${ctx.where}: matrix ${b}: β is not 1`;
  }
  return undefined;
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
    for (let b = 0; b < count; b++) {
      const A = matrixOf(ctx.input, b);
      const values = valuesOf(w, (homogeneous ? 2 : 1) * b);
      const V = matrixOf(v, b);
      // an eigenvector is accurate to ε·κ only for a simple eigenvalue: the residual is what LAPACK guarantees
      const ratio = eigenvectorRatio(A, values, V, eps, kinds[k]);
      const norm = normalisationError(V);
      if (!(ratio < RATIO) || !(norm < 100 * n * eps)) {
        return `${ctx.where}: matrix ${b}: ${kinds[k] ? 'left' : 'right'} eigenvector residual ratio ${ratio} (limit ${RATIO}), normalisation error ${norm}`;
      }
    }
  }
  return undefined;
}

/** Checks a result of one of the EIGEN_CHECKED functions; a failure message or undefined. */
export async function checkEigenCase(fn: string, result: unknown, expected: unknown, ctx: EigenCaseContext): Promise<string | undefined> {
  switch (fn) {
    case 'schur':
      return Array.isArray(expected) ? checkSchur(result, expected, ctx) : `${ctx.where}: SciPy's result is not a list`;
    case 'eig':
    case 'eigvals':
      return checkEig(result, expected, ctx);
    default:
      return `${ctx.where}: no eigen check for ${fn}`;
  }
}
