import { describe, expect, it } from 'vitest';
import { expectTableMatchesMultimethods } from '../../conformance/src/node.js';
import * as linalgApi from '../src/index.js';
import { LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS, linalgFunction, linalgNames } from '../src/index.js';

/** The scipy.linalg functions of this milestone (SciPy 1.17 names, camelCase; `kron` left SciPy in 1.17). */
const MILESTONE = [
  'solve', 'solveTriangular', 'inv', 'det', 'luFactor', 'luSolve', 'lu', 'cholesky', 'choFactor', 'choSolve',
  'qr', 'svd', 'svdvals', 'diagsvd', 'norm', 'bandwidth', 'issymmetric', 'ishermitian', 'toeplitz', 'circulant', 'hankel', 'hilbert', 'invhilbert',
  'pascal', 'invpascal', 'blockDiag', 'companion', 'dft', 'helmert', 'leslie', 'hadamard', 'fiedler',
  'fiedlerCompanion', 'convolutionMatrix',
  // least squares and subspaces
  'lstsq', 'pinv', 'nullSpace', 'orth', 'subspaceAngles', 'polar', 'orthogonalProcrustes', 'khatriRao',
  // band matrices
  'solveBanded', 'solvehBanded', 'choleskyBanded', 'choSolveBanded',
  // Toeplitz and circulant systems
  'solveToeplitz', 'solveCirculant', 'matmulToeplitz',
  // more decompositions
  'ldl', 'rq', 'qrMultiply', 'qrUpdate', 'qrInsert', 'qrDelete', 'pinvh',
  // eigenvalues and Schur forms
  'hessenberg', 'schur', 'rsf2csf', 'eig', 'eigvals', 'eigh', 'eigvalsh',
  'eighTridiagonal', 'eigvalshTridiagonal', 'eigBanded', 'eigvalsBanded', 'cdf2rdf', 'matrixBalance',
  'qz', 'ordqz',
  // matrix functions
  'expm', 'expmFrechet', 'expmCond', 'cosm', 'sinm', 'tanm', 'coshm', 'sinhm', 'tanhm', 'sqrtm', 'signm', 'funm', 'logm', 'fractionalMatrixPower',
  // matrix equations
  'solveSylvester', 'solveContinuousLyapunov', 'solveDiscreteLyapunov', 'solveContinuousAre', 'solveDiscreteAre',
  // the CS decomposition
  'cossin',
  // randomized sketches
  'clarksonWoodruffTransform',
];

describe('the linalg table', () => {
  it('has one row per function of the milestone, no more', () => {
    expect(linalgNames().sort()).toEqual([...MILESTONE].sort());
  });

  it('declares exactly one multimethod per row, exported under its name, frozen', () => {
    expectTableMatchesMultimethods(LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS, linalgApi);
    expect(Object.isFrozen(LINALG_FUNCTIONS[0].options)).toBe(true);
  });

  it("lists SciPy's keyword arguments, camelCase, for each function", () => {
    expect(linalgFunction('solve').options).toEqual(['lower', 'overwriteA', 'overwriteB', 'checkFinite', 'assumeA', 'transposed', 'backend']);
    expect(linalgFunction('lu').options).toEqual(['permuteL', 'overwriteA', 'checkFinite', 'pIndices', 'backend']);
    expect(linalgFunction('luSolve').dispatch).toEqual([1]);
    expect(linalgFunction('bandwidth').options).toEqual(['backend']);
  });

  it('rejects a name that is not in the table with a typed error', () => {
    expect(() => linalgFunction('solv')).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
  });

});
