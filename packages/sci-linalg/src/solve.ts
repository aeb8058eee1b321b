/**
 * `solve` and `solveTriangular`: SciPy's dense solvers. Every slice of a batch is solved
 * on its own; the slices SciPy would call singular are collected and reported together
 * in one LinAlgError, as SciPy 1.17 does.
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { LinAlgError } from './errors.js';
import { kernelsFor } from './kernels/index.js';
import { cdiv } from './kernels/complex.js';
import { checkTrans, type FiniteOptions, type OverwriteAOptions, type OverwriteBOptions, readFunctionOptions, type Trans } from './options.js';
import { SMALL_LU_ORDER, solveSmallStack } from './small/lu-stack.js';
import { fromData, isComplex, toArray } from './stack.js';
import { bandwidthOf, keepBand, mirrorTriangle } from './structure.js';
import { emptyResult, type LinearSystem, linearSystem } from './system.js';

/** SciPy's structures and the spellings `assume_a` accepts for them. */
export type AssumeA =
  | 'general'
  | 'gen'
  | 'diagonal'
  | 'tridiagonal'
  | 'banded'
  | 'upper triangular'
  | 'lower triangular'
  | 'positive definite'
  | 'pos'
  | 'symmetric'
  | 'sym'
  | 'hermitian'
  | 'her';

type Structure = 'general' | 'diagonal' | 'tridiagonal' | 'upper triangular' | 'lower triangular' | 'pos' | 'sym' | 'her';

const SPELLINGS: Readonly<Record<string, Structure | 'banded'>> = {
  general: 'general',
  gen: 'general',
  diagonal: 'diagonal',
  tridiagonal: 'tridiagonal',
  banded: 'banded',
  'upper triangular': 'upper triangular',
  'lower triangular': 'lower triangular',
  'positive definite': 'pos',
  pos: 'pos',
  symmetric: 'sym',
  sym: 'sym',
  hermitian: 'her',
  her: 'her',
};

/** The structure `assume_a` names (null: detect it per matrix). */
export function checkAssumeA(value: unknown): Structure | null {
  if (value === undefined || value === null) return null;
  const structure = typeof value === 'string' ? SPELLINGS[value] : undefined;
  if (structure === undefined) {
    throw new InvalidArgumentError(`${describe(value)} is not a recognized matrix structure.`, {
      argument: 'assumeA',
      hint: `Use one of ${Object.keys(SPELLINGS)
        .map((s) => `'${s}'`)
        .join(', ')}, or leave it unset to detect the structure.`,
    });
  }
  if (structure === 'banded') {
    throw new NotSupportedError("assumeA 'banded' is not supported yet.", {
      argument: 'assumeA',
      hint: "Use 'general' (or leave assumeA unset): the solution is the same.",
    });
  }
  return structure;
}

export interface SolveOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  /** For 'sym', 'her' and 'pos': read the lower triangle of `a` instead of the upper one (default false). */
  lower?: boolean;
  /** The structure of `a` (default: detected: diagonal, triangular, or general). */
  assumeA?: AssumeA | null;
  /** Solve aᵀ x = b (real `a` only, as in SciPy). */
  transposed?: boolean;
}

export function solveHost(a: unknown, b: unknown, options?: SolveOptions): NDArray {
  const o = readFunctionOptions(options, 'solve');
  const lower = checkBoolean(o.lower, 'lower', false);
  const transposed = checkBoolean(o.transposed, 'transposed', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const structure = checkAssumeA(o.assumeA);
  const input = toArray(a);
  // stacks of small general matrices are read in place, each copied into a scratch block
  const n = input.shape[input.ndim - 1];
  const small = !transposed && (structure === null || structure === 'general') && input.ndim >= 2 && n >= 2 && n <= SMALL_LU_ORDER;
  const system = linearSystem(input, b, { fn: 'solve', aName: 'a', checkFinite, scalarA: true, readsAOnly: small });
  if (transposed && isComplex(system.dtype)) {
    throw new NotSupportedError('solve cannot solve aᵀ x = b for complex a (as in SciPy).', {
      argument: 'transposed',
      hint: 'Pass the transpose yourself: solve(matrixTranspose(a), b).',
    });
  }
  if (!small) return solveSystem(system, structure, lower, transposed);
  const solved = solveSmallSystem(system);
  if (solved !== null) return solved;
  // the general path factors a in place: its own copy
  return solveSystem({ ...system, a: { ...system.a, data: system.a.data.slice() } }, structure, lower, transposed);
}

/** solve of a real stack of small matrices that are all general (structure detection as SciPy's); null otherwise. */
function solveSmallSystem(system: LinearSystem): NDArray | null {
  const { a, b, n, k, count } = system;
  if (system.empty || isComplex(system.dtype) || a.rows !== n || !allGeneral(a.data, n, count)) return null;
  const singular = solveSmallStack(a.data, b.data, n, k, count);
  if (singular.length > 0) throw singularError(singular, 'a');
  return fromData(b.data, system.resultShape, system.dtype);
}

/** Whether every real n×n matrix of the stack is one that solve's detection calls general. */
export function allGeneral(data: Float64Array | Float32Array, n: number, count: number): boolean {
  for (let s = 0; s < count; s++) if (detect(data, s * n * n, n, 1) !== 'general') return false;
  return true;
}

/** Solves every slice of `system` by `structure` (null: detect), in place in system.b. */
export function solveSystem(system: LinearSystem, structure: Structure | null, lower: boolean, transposed: boolean): NDArray {
  if (system.empty) return fromData(emptyResult(system), system.resultShape, system.dtype);
  const { a, b, n, k, count } = system;
  if (a.rows * a.cols === 1 && system.b.rows !== 1) return divideByScalar(system);
  const lanes = isComplex(system.dtype) ? 2 : 1;
  const kern = kernelsFor(system.dtype);
  const piv = new Int32Array(n);
  const singular: number[] = [];
  const trans = transposed ? 1 : 0;
  for (let s = 0; s < count; s++) {
    const ao = s * n * n;
    const bo = s * n * k;
    let kind = structure;
    if (kind === null) kind = detect(a.data, ao, n, lanes);
    let ok: boolean;
    switch (kind) {
      case 'diagonal':
        ok = solveDiagonal(a.data, ao, n, b.data, bo, k, lanes);
        break;
      case 'upper triangular':
      case 'lower triangular':
        ok = kern.trsm(a.data, ao, n, b.data, bo, k, kind === 'lower triangular', trans, false) < 0;
        break;
      case 'pos': {
        // potrf reads the lower triangle: mirror the referenced one into it first
        mirrorTriangle(a.data, ao, n, lanes, lower, lanes === 2);
        ok = kern.potrf(a.data, ao, n) === 0;
        if (ok) {
          kern.trsm(a.data, ao, n, b.data, bo, k, true, 0, false);
          kern.trsm(a.data, ao, n, b.data, bo, k, true, 2, false);
        }
        break;
      }
      default: {
        if (kind === 'sym' || kind === 'her') mirrorTriangle(a.data, ao, n, lanes, lower, kind === 'her');
        if (kind === 'tridiagonal') keepBand(a.data, ao, n, lanes, 1, 1);
        ok = kern.getrf(a.data, ao, n, n, piv, 0) === 0;
        if (ok) luSolveSlice(system, ao, bo, piv, trans);
      }
    }
    if (!ok) singular.push(s);
  }
  if (singular.length > 0) throw singularError(singular, 'a');
  return fromData(b.data, system.resultShape, system.dtype);
}

/**
 * Solves op(A) X = B for the slice at `ao`/`bo` from A's LU factors and pivots (dgetrs):
 * P A = L U, so A X = B is L U X = P B; Aᵀ X = B is Uᵀ Lᵀ (P X) = B, undone in reverse.
 */
export function luSolveSlice(system: LinearSystem, ao: number, bo: number, piv: Int32Array, trans: 0 | 1 | 2, po = 0): void {
  const { a, b, n, k } = system;
  const kern = kernelsFor(system.dtype);
  if (trans === 0) {
    kern.laswp(b.data, bo, k, piv, po, n, false);
    kern.trsm(a.data, ao, n, b.data, bo, k, true, 0, true);
    kern.trsm(a.data, ao, n, b.data, bo, k, false, 0, false);
  } else {
    kern.trsm(a.data, ao, n, b.data, bo, k, false, trans, false);
    kern.trsm(a.data, ao, n, b.data, bo, k, true, trans, true);
    kern.laswp(b.data, bo, k, piv, po, n, true);
  }
}

/** SciPy's structure detection (`_find_matrix_structure`), reduced to what changes the solver. */
function detect(a: Float64Array | Float32Array, o: number, n: number, lanes: number): Structure {
  const [below, above] = bandwidthOf(a, o, n, n, lanes);
  if (below === 0 && above === 0) return 'diagonal';
  if (above === 0) return 'lower triangular';
  if (below === 0) return 'upper triangular';
  // symmetric, Hermitian and tridiagonal matrices have one solution whatever the factorisation
  return 'general';
}

function solveDiagonal(a: Float64Array | Float32Array, ao: number, n: number, b: Float64Array | Float32Array, bo: number, k: number, lanes: number): boolean {
  for (let i = 0; i < n; i++) {
    const p = lanes * (ao + i * n + i);
    if (a[p] === 0 && (lanes === 1 || a[p + 1] === 0)) return false;
  }
  for (let i = 0; i < n; i++) {
    const p = lanes * (ao + i * n + i);
    for (let j = 0; j < k; j++) {
      const q = lanes * (bo + i * k + j);
      if (lanes === 1) b[q] /= a[p];
      else [b[q], b[q + 1]] = cdiv(b[q], b[q + 1], a[p], a[p + 1]);
    }
  }
  return true;
}

/** SciPy's shortcut for a single-element `a`: b / a, whatever b's number of rows. */
function divideByScalar(system: LinearSystem): NDArray {
  const { a, b, count } = system;
  const lanes = isComplex(system.dtype) ? 2 : 1;
  const per = b.rows * b.cols;
  const singular: number[] = [];
  for (let s = 0; s < count; s++) {
    const p = lanes * s;
    if (a.data[p] === 0 && (lanes === 1 || a.data[p + 1] === 0)) singular.push(s);
    for (let i = 0; i < per; i++) {
      const q = lanes * (s * per + i);
      if (lanes === 1) b.data[q] /= a.data[p];
      else [b.data[q], b.data[q + 1]] = cdiv(b.data[q], b.data[q + 1], a.data[p], a.data[p + 1]);
    }
  }
  if (singular.length > 0) throw singularError(singular, 'a');
  return fromData(b.data, system.resultShape, system.dtype);
}

export function singularError(slices: readonly number[], argument: string): LinAlgError {
  return new LinAlgError(`A singular matrix detected: slice(s) [${slices.join(', ')}] are singular.`, {
    argument,
    hint: 'The system has no unique solution; check the matrix, or use a least-squares method.',
  });
}

export interface SolveTriangularOptions extends FiniteOptions, OverwriteBOptions {
  /** Solve a x = b (0, 'N'), aᵀ x = b (1, 'T') or aᴴ x = b (2, 'C'); default 0. */
  trans?: Trans;
  /** Use the lower triangle of `a` (default false: the upper one). */
  lower?: boolean;
  /** Take the diagonal of `a` to be ones, without reading it (default false). */
  unitDiagonal?: boolean;
}

export function solveTriangularHost(a: unknown, b: unknown, options?: SolveTriangularOptions): NDArray {
  const o = readFunctionOptions(options, 'solveTriangular');
  const trans = checkTrans(o.trans);
  const lower = checkBoolean(o.lower, 'lower', false);
  const unit = checkBoolean(o.unitDiagonal, 'unitDiagonal', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const system = linearSystem(a, b, { fn: 'solveTriangular', aName: 'a', checkFinite, readsAOnly: true });
  if (system.empty) return fromData(emptyResult(system), system.resultShape, system.dtype);
  const { n, k } = system;
  const kern = kernelsFor(system.dtype);
  for (let s = 0; s < system.count; s++) {
    const zero = kern.trsm(system.a.data, s * n * n, n, system.b.data, s * n * k, k, lower, trans, unit);
    if (zero >= 0) {
      throw new LinAlgError(`singular matrix: resolution failed at diagonal ${zero}.`, {
        argument: 'a',
        hint: 'A triangular matrix with a zero on its diagonal is singular.',
      });
    }
  }
  return fromData(system.b.data, system.resultShape, system.dtype);
}
