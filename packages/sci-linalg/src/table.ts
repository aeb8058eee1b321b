/**
 * The one table of the `sciport.linalg` domain: every function with what a backend needs
 * to know about it. The multimethods, the host implementations' option checks, backends'
 * manifests and the conformance suite's function lists are all derived from it, so a
 * function is named once, here.
 */
import { functionTable } from '@sciport/dispatch-core';

/** What a function does, for backends choosing what to implement. */
export type LinalgGroup = 'solver' | 'decomposition' | 'matrix-function' | 'equation' | 'structure' | 'special-matrix';

export interface LinalgFunction {
  /** sciport's name (SciPy's, camelCase). */
  readonly name: string;
  readonly group: LinalgGroup;
  /** Positions of the dispatchable array arguments (empty for `hilbert(n)` and the like). */
  readonly dispatch: readonly number[];
  /** Every option key the function takes (SciPy's keyword arguments, camelCase, and `backend`). */
  readonly options: readonly string[];
}

function row(name: string, group: LinalgGroup, dispatch: readonly number[], options: readonly string[]): LinalgFunction {
  return { name, group, dispatch: Object.freeze([...dispatch]), options: Object.freeze([...options, 'backend']) };
}

const CHECK = ['checkFinite'];

/** The domain every sciport.linalg multimethod belongs to. */
export const LINALG_DOMAIN = 'sciport.linalg';

/** Every function of this milestone, by group. */
export const LINALG_TABLE = functionTable<LinalgFunction>(LINALG_DOMAIN, [
  row('solve', 'solver', [0, 1], ['lower', 'overwriteA', 'overwriteB', ...CHECK, 'assumeA', 'transposed']),
  row('solveTriangular', 'solver', [0, 1], ['trans', 'lower', 'unitDiagonal', 'overwriteB', ...CHECK]),
  row('inv', 'solver', [0], ['overwriteA', ...CHECK, 'assumeA', 'lower']),
  row('det', 'solver', [0], ['overwriteA', ...CHECK]),
  row('luFactor', 'decomposition', [0], ['overwriteA', ...CHECK]),
  // lu_solve and cho_solve take a (factor, pivots|lower) pair first: they dispatch on b
  row('luSolve', 'decomposition', [1], ['trans', 'overwriteB', ...CHECK]),
  row('lu', 'decomposition', [0], ['permuteL', 'overwriteA', ...CHECK, 'pIndices']),
  row('cholesky', 'decomposition', [0], ['lower', 'overwriteA', ...CHECK]),
  row('choFactor', 'decomposition', [0], ['lower', 'overwriteA', ...CHECK]),
  row('choSolve', 'decomposition', [1], ['overwriteB', ...CHECK]),
  row('qr', 'decomposition', [0], ['overwriteA', 'lwork', 'mode', 'pivoting', ...CHECK]),
  row('svd', 'decomposition', [0], ['fullMatrices', 'computeUv', 'overwriteA', ...CHECK, 'lapackDriver']),
  row('svdvals', 'decomposition', [0], ['overwriteA', ...CHECK]),
  row('diagsvd', 'decomposition', [0], []),
  row('norm', 'matrix-function', [0], ['ord', 'axis', 'keepdims', ...CHECK]),
  row('bandwidth', 'structure', [0], []),
  row('issymmetric', 'structure', [0], ['atol', 'rtol']),
  row('ishermitian', 'structure', [0], ['atol', 'rtol']),
  row('toeplitz', 'special-matrix', [0], ['r']),
  row('circulant', 'special-matrix', [0], []),
  row('hankel', 'special-matrix', [0], ['r']),
  row('hilbert', 'special-matrix', [], []),
  row('invhilbert', 'special-matrix', [], ['exact']),
  row('pascal', 'special-matrix', [], ['kind', 'exact']),
  row('invpascal', 'special-matrix', [], ['kind', 'exact']),
  // blockDiag(...arrs) takes any number of arrays and no options; it dispatches on the first
  row('blockDiag', 'special-matrix', [0], []),
  row('companion', 'special-matrix', [0], []),
  row('dft', 'special-matrix', [], ['scale']),
  row('helmert', 'special-matrix', [], ['full']),
  row('leslie', 'special-matrix', [0, 1], []),
  row('hadamard', 'special-matrix', [], ['dtype']),
  row('fiedler', 'special-matrix', [0], []),
  row('fiedlerCompanion', 'special-matrix', [0], []),
  row('convolutionMatrix', 'special-matrix', [0], ['mode']),
  // least squares and subspaces (SVD-based)
  row('lstsq', 'solver', [0, 1], ['cond', 'overwriteA', 'overwriteB', ...CHECK, 'lapackDriver']),
  row('pinv', 'solver', [0], ['atol', 'rtol', 'returnRank', ...CHECK]),
  row('nullSpace', 'decomposition', [0], ['rcond', 'overwriteA', ...CHECK, 'lapackDriver']),
  row('orth', 'decomposition', [0], ['rcond']),
  row('subspaceAngles', 'decomposition', [0, 1], []),
  row('polar', 'decomposition', [0], ['side']),
  row('orthogonalProcrustes', 'decomposition', [0, 1], [...CHECK]),
  row('khatriRao', 'special-matrix', [0, 1], []),
  // band matrices; solveBanded takes (l, u) first and choSolveBanded the [cb, lower] pair
  row('solveBanded', 'solver', [1, 2], ['overwriteAb', 'overwriteB', ...CHECK]),
  row('solvehBanded', 'solver', [0, 1], ['overwriteAb', 'overwriteB', 'lower', ...CHECK]),
  row('choleskyBanded', 'decomposition', [0], ['overwriteAb', 'lower', ...CHECK]),
  row('choSolveBanded', 'decomposition', [1], ['overwriteB', ...CHECK]),
  // Toeplitz and circulant systems; c_or_cr may be a [c, r] pair, so the Toeplitz ones dispatch on b / x
  row('solveToeplitz', 'solver', [1], [...CHECK]),
  row('solveCirculant', 'solver', [0, 1], ['singular', 'tol', 'caxis', 'baxis', 'outaxis']),
  row('matmulToeplitz', 'solver', [1], [...CHECK, 'workers']),
  // more decompositions
  row('ldl', 'decomposition', [0], ['lower', 'hermitian', 'overwriteA', ...CHECK]),
  row('rq', 'decomposition', [0], ['overwriteA', 'lwork', 'mode', ...CHECK]),
  row('qrMultiply', 'decomposition', [0, 1], ['mode', 'pivoting', 'conjugate', 'overwriteA', 'overwriteC', ...CHECK]),
  row('qrUpdate', 'decomposition', [0, 1, 2, 3], ['overwriteQruv', ...CHECK]),
  row('qrInsert', 'decomposition', [0, 1, 2], ['which', 'rcond', 'overwriteQru', ...CHECK]),
  row('qrDelete', 'decomposition', [0, 1], ['p', 'which', 'overwriteQr', ...CHECK]),
  row('pinvh', 'solver', [0], ['atol', 'rtol', 'lower', 'returnRank', ...CHECK]),
  // eigenvalues and Schur forms
  row('hessenberg', 'decomposition', [0], ['calcQ', 'overwriteA', ...CHECK]),
  row('schur', 'decomposition', [0], ['output', 'lwork', 'overwriteA', 'sort', ...CHECK]),
  row('rsf2csf', 'decomposition', [0, 1], [...CHECK]),
  // eig(a, b) and eigvals(a, b): b is optional (the generalized problem)
  row('eig', 'decomposition', [0, 1], ['left', 'right', 'overwriteA', 'overwriteB', ...CHECK, 'homogeneousEigvals']),
  row('eigvals', 'decomposition', [0, 1], ['overwriteA', 'overwriteB', ...CHECK, 'homogeneousEigvals']),
  row('eigh', 'decomposition', [0, 1], ['lower', 'eigvalsOnly', 'overwriteA', 'overwriteB', 'type', ...CHECK, 'subsetByIndex', 'subsetByValue', 'driver']),
  row('eigvalsh', 'decomposition', [0, 1], ['lower', 'overwriteA', 'overwriteB', 'type', ...CHECK, 'subsetByIndex', 'subsetByValue', 'driver']),
  row('eighTridiagonal', 'decomposition', [0, 1], ['eigvalsOnly', 'select', 'selectRange', ...CHECK, 'tol', 'lapackDriver']),
  row('eigvalshTridiagonal', 'decomposition', [0, 1], ['select', 'selectRange', ...CHECK, 'tol', 'lapackDriver']),
  row('eigBanded', 'decomposition', [0], ['lower', 'eigvalsOnly', 'overwriteABand', 'select', 'selectRange', 'maxEv', ...CHECK]),
  row('eigvalsBanded', 'decomposition', [0], ['lower', 'overwriteABand', 'select', 'selectRange', ...CHECK]),
  row('cdf2rdf', 'decomposition', [0, 1], []),
  row('matrixBalance', 'decomposition', [0], ['permute', 'scale', 'separate', 'overwriteA']),
  row('qz', 'decomposition', [0, 1], ['output', 'lwork', 'sort', 'overwriteA', 'overwriteB', ...CHECK]),
  row('ordqz', 'decomposition', [0, 1], ['sort', 'output', 'overwriteA', 'overwriteB', ...CHECK]),
  // matrix functions (matfun/)
  row('expm', 'matrix-function', [0], []),
  row('expmFrechet', 'matrix-function', [0, 1], ['method', 'computeExpm', ...CHECK]),
  row('expmCond', 'matrix-function', [0], [...CHECK]),
  row('cosm', 'matrix-function', [0], []),
  row('sinm', 'matrix-function', [0], []),
  row('tanm', 'matrix-function', [0], []),
  row('coshm', 'matrix-function', [0], []),
  row('sinhm', 'matrix-function', [0], []),
  row('tanhm', 'matrix-function', [0], []),
  row('sqrtm', 'matrix-function', [0], ['disp', 'blocksize']),
  row('signm', 'matrix-function', [0], ['disp']),
  row('logm', 'matrix-function', [0], ['disp']),
  // fractionalMatrixPower(A, t): t is a number
  row('fractionalMatrixPower', 'matrix-function', [0], []),
  // funm(A, func): func is a JS callback, not an array
  row('funm', 'matrix-function', [0], ['disp']),
  // matrix equations (equations/)
  row('solveSylvester', 'equation', [0, 1, 2], []),
  row('solveContinuousLyapunov', 'equation', [0, 1], []),
  row('solveDiscreteLyapunov', 'equation', [0, 1], ['method']),
  row('solveContinuousAre', 'equation', [0, 1, 2, 3], ['e', 's', 'balanced']),
  row('solveDiscreteAre', 'equation', [0, 1, 2, 3], ['e', 's', 'balanced']),
  // cossin(X, { p, q }) or cossin([x11, x12, x21, x22]): X may be a list of blocks
  row('cossin', 'decomposition', [0], ['p', 'q', 'separate', 'swapSign', 'computeU', 'computeVh']),
  // randomized sketches: clarksonWoodruffTransform(inputMatrix, sketchSize, { seed | rng })
  row('clarksonWoodruffTransform', 'matrix-function', [0], ['seed', 'rng']),
]);

/** Every function's row, in table order. */
export const LINALG_FUNCTIONS: readonly LinalgFunction[] = LINALG_TABLE.rows;

/** The table row of `name`; throws for a name that is not in the table. */
export const linalgFunction: (name: string) => LinalgFunction = LINALG_TABLE.get;

/** Names of the functions that satisfy `predicate`, in table order (for suites and manifests). */
export const linalgNames: (predicate?: (f: LinalgFunction) => boolean) => string[] = LINALG_TABLE.names;
